"""The fault suite: site.yml over a 300-object estate converges under injected API faults, after a
crash in the middle of a run, and a permanently failing API ends the run with a clear error."""

import collections
import json
import os
import signal
import subprocess
import sys
import time

import pytest
import yaml

from integration.conftest import ROOT, writes

pytestmark = pytest.mark.faults

USERS = ["alice@acme.example", "bob@acme.example", "carol@acme.example", "dave@acme.example"]
OUTSIDE = {"enableTranscription": True, "callingPartyName": "Set in the admin UI"}
FAULTS = dict(error_rate=0.10, throttle_rate=0.05, retry_after=1, drop_rate=0.02, latency_ms=5, listing_lag=2,
              revoke_after=150, conflict_puts=2)


def estate(queue_description="v2"):
    """160 skills, 60 wrap-up codes, 60 queues, 10 workbins, 10 worktypes: 300 objects, plus 4 agents."""
    skills = ["Fault Skill {0:03d}".format(i) for i in range(160)]
    codes = ["Fault Code {0:02d}".format(i) for i in range(60)]
    return {
        "genesys_org_id": "8a1c0d2e-0000-4000-8000-000000000001",
        "genesys_skills": [{"name": s} for s in skills],
        "genesys_wrapup_codes": [{"name": c} for c in codes],
        "genesys_queues": [{"name": "Fault Queue {0:02d}".format(i), "description": queue_description,
                            "members": [{"user": USERS[i % 3]}, {"user": USERS[(i + 1) % 3]}],
                            "wrapup_codes": [codes[i], codes[(i + 7) % 60]]} for i in range(60)],
        "genesys_agents": [{"user": u, "skills": [{"name": skills[k * 9 + i], "proficiency": 1 + i % 5}
                                                  for i in range(5)]} for k, u in enumerate(USERS)],
        "genesys_workbins": [{"name": "Fault Workbin {0}".format(i)} for i in range(10)],
        "genesys_worktypes": [{"name": "Fault Worktype {0}".format(i), "default_workbin": "Fault Workbin {0}".format(i),
                               "statuses": [{"name": "Open", "category": "Open", "default": True,
                                             "destination_statuses": ["Working", "Closed"]},
                                            {"name": "Working", "category": "InProgress"},
                                            {"name": "Closed", "category": "Closed"}]} for i in range(10)],
    }


def inventory(tmp_path, sandbox, state):
    """One org, acme-us, with the estate as its host variables."""
    path = tmp_path / "inventory"
    (path / "host_vars").mkdir(parents=True, exist_ok=True)
    (path / "hosts.yml").write_text(yaml.safe_dump({"all": {"hosts": {"acme-us": None}}}))
    host = dict(state, genesys_client_id=sandbox.US["client_id"], genesys_client_secret=sandbox.US["client_secret"])
    (path / "host_vars" / "acme-us.yml").write_text(yaml.safe_dump(host))
    return str(path)


COUNTED = {"skills": "genesys_skills", "wrapupcodes": "genesys_wrapup_codes", "queues": "genesys_queues",
           "workbins": "genesys_workbins", "worktypes": "genesys_worktypes"}


def duplicates(sandbox):
    """Names held by more than one live object, per type, and statuses per worktype."""
    found = []
    for collection in COUNTED:
        names = collections.Counter(o["name"] for o in sandbox.objects(collection) if o.get("state") != "deleted")
        found += ["{0} {1}".format(collection, n) for n, c in names.items() if c > 1]
    for type_id, statuses in sandbox.objects("statuses").items():
        names = collections.Counter(s["name"] for s in statuses.values())
        found += ["status {0} of {1}".format(n, type_id) for n, c in names.items() if c > 1]
    return found


def converged(sandbox, state):
    """Each desired object exists: {collection: (found, desired)} where they differ."""
    missing = {}
    for collection, var in COUNTED.items():
        names = set(o["name"] for o in sandbox.objects(collection) if o.get("state") != "deleted")
        wanted = set(item["name"] for item in state[var])
        if not wanted <= names:
            missing[collection] = sorted(wanted - names)[:5]
    return missing


def test_site_converges_under_every_fault_at_once(sandbox, site, play, tmp_path):
    state = estate()
    sandbox.faults(rate_limit=0)
    # Twenty queues exist already, with fields set outside the collection that an update must keep.
    seeded = play([{"cxops.genesys.genesys_queue": {"items": [
        {"name": q["name"], "description": "v1"} for q in state["genesys_queues"][:20]]}}])
    assert seeded.rc == 0, seeded.stdout
    for queue in sandbox.objects("queues"):
        sandbox.admin("PATCH", "/orgs/acme-us/queues/" + queue["id"], json=OUTSIDE)
    start = len(sandbox.journal())
    sandbox.faults(**FAULTS)
    path = inventory(tmp_path, sandbox, state)
    summary = tmp_path / "summary.json"
    run = site(inventory=path, env={"ANSIBLE_CALLBACKS_ENABLED": "cxops.genesys.genesys_summary",
                                    "CXOPS_GENESYS_SUMMARY_PATH": str(summary)})
    assert run.rc == 0 and run.stats("acme-us")["failures"] == 0, [
        (t["task"], t.get("msg")) for t in run.tasks if t.get("failed") or t.get("status") == "failed"] or run.stdout[-3000:]
    assert duplicates(sandbox) == []
    assert converged(sandbox, state) == {}
    queues = dict((q["name"], q) for q in sandbox.objects("queues"))
    lost = [(name, key) for name in list(queues)[:20] for key, value in OUTSIDE.items()
            if queues[name].get(key) != value]
    assert lost == [], "fields set outside the collection were lost"
    assert all(q["description"] == "v2" for q in queues.values())

    rerun = site(inventory=path)
    assert rerun.rc == 0 and rerun.stats("acme-us")["changed"] == 0, rerun.stdout[-4000:]
    assert duplicates(sandbox) == []
    journal = sandbox.journal(start)
    faults = collections.Counter(e["fault"] for e in journal if e.get("fault"))
    assert sum(faults.values()) > 50, faults  # the faults really were injected
    counted = json.loads(summary.read_text())["orgs"]["acme-us"]
    assert counted["retries"] > 0 and counted["throttled"] > 0
    objects = sum(len(sandbox.objects(c)) for c in COUNTED)
    line = "fault suite: {0} requests, faults injected {1}, first run retried {2} and waited out {3} 429s, objects {4}"
    print("\n" + line.format(len(journal), dict(faults), counted["retries"], counted["throttled"], objects)
          + ", duplicates 0, lost fields 0")


def test_a_run_killed_after_some_writes_converges_on_rerun(sandbox, site, tmp_path):
    state = estate()
    sandbox.faults(rate_limit=0, latency_ms=5)
    path = inventory(tmp_path, sandbox, state)
    command = [os.path.join(os.path.dirname(sys.executable), "ansible-playbook"), "-i", path,
               "playbooks/site.yml"]
    env = dict(os.environ, GENESYSCLOUD_API_URL=sandbox.url)
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    deadline = time.time() + 120
    while len(writes(sandbox.journal())) < 120 and time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    written = len(writes(sandbox.journal()))
    assert 120 <= written < 350, "the run was killed in the middle ({0} writes)".format(written)
    assert converged(sandbox, state) != {}, "the killed run had not finished"

    rerun = site(inventory=path)
    assert rerun.rc == 0 and rerun.stats("acme-us")["failures"] == 0, rerun.stdout[-4000:]
    assert duplicates(sandbox) == [] and converged(sandbox, state) == {}
    again = site("--check", inventory=path)
    assert again.rc == 0 and again.stats("acme-us")["changed"] == 0, again.stdout[-4000:]


def run_one(sandbox, play):
    started = time.time()
    run = play([{"name": "list skills", "cxops.genesys.genesys_skill_info": {}}])
    return run, time.time() - started


def test_a_permanently_failing_api_ends_the_run_with_a_clear_error(sandbox, play):
    sandbox.faults(rate_limit=0, error_rate=1.0)
    run, seconds = run_one(sandbox, play)
    result = run.result("list skills")
    assert run.rc != 0 and result["status"] == "failed"
    assert "Giving up after 6 attempts" in result["msg"] and "GET /api/v2/routing/skills" in result["msg"], \
        result["msg"]
    assert seconds < 60
    assert len([e for e in sandbox.journal() if e["path"] == "/api/v2/routing/skills"]) == 6


def test_endless_throttling_ends_with_a_clear_error(sandbox, play):
    sandbox.faults(rate_limit=0, throttle_rate=1.0, retry_after=600)
    run, seconds = run_one(sandbox, play)
    result = run.result("list skills")
    assert "asked to wait 600.0 s, longer than the 180 s allowed" in result["msg"], result["msg"]
    assert "GET /api/v2/routing/skills" in result["msg"] and seconds < 30
    sandbox.faults(throttle_rate=1.0, retry_after=0)
    run, seconds = run_one(sandbox, play)
    result = run.result("list skills")
    assert "Still throttled after 21 attempts" in result["msg"], result["msg"]
    assert json.dumps(result).count("acme-us-secret") == 0

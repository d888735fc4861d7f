"""The preflight role refuses a host before any write: wrong org, bad names, projected counts over limits."""

import json

from integration.conftest import writes


def us_writes(sandbox, start):
    return [e for e in writes(sandbox.journal(start)) if e["org"] == "acme-us"]


def test_org_pin_refuses_a_mismatched_org_with_no_write(sandbox, site):
    start = len(sandbox.journal())
    run = site("--limit", "acme-us", "-e", "genesys_org_id=8a1c0d2e-0000-4000-8000-000000000002")
    assert run.rc != 0
    failed = next(t for t in run.tasks if t["status"] == "failed")
    assert "org pin: the credentials of acme-us reach org 'acme-us'" in failed["msg"]
    assert "8a1c0d2e-0000-4000-8000-000000000002" in failed["msg"]
    assert us_writes(sandbox, start) == []


def test_naming_policy_names_the_org_the_object_and_the_rule(sandbox, site):
    start = len(sandbox.journal())
    policy = json.dumps({"genesys_naming_policy": {"queue": "^(Billing|Sales) ", "skill": "^[A-Z]"}})
    run = site("--limit", "acme-us", "-e", policy)
    assert run.rc != 0
    msg = next(t for t in run.tasks if t["status"] == "failed")["msg"]
    assert "queue 'Returns' of acme-us does not match '^(Billing|Sales) ' (rule naming.queue)" in msg
    assert "Billing Support" not in msg
    assert us_writes(sandbox, start) == []


def test_projected_counts_over_the_org_limit_stop_the_run(sandbox, site):
    orgs = sandbox.sandbox.initial_orgs
    small = [dict(o, limits={"routing": {"queues.max": 1}}) if o["name"] == "acme-us" else o for o in orgs]
    sandbox.admin("POST", "/reset", json={"orgs": small})
    start = len(sandbox.journal())
    run = site("--limit", "acme-us")
    assert run.rc != 0
    msg = next(t for t in run.tasks if t["status"] == "failed")["msg"]
    assert "limit: acme-us would have 2 queues after the run; the org's limit routing/queues.max is 1" in msg
    assert us_writes(sandbox, start) == []


def test_preflight_passes_on_the_right_org_with_cheap_counts(sandbox, site):
    start = len(sandbox.journal())
    run = site("--check", "--limit", "acme-us")
    assert run.rc == 0, run.stdout
    preflight = [e for e in sandbox.journal(start) if e["org"] == "acme-us"][:12]
    counts = [e for e in preflight if e["query"] == "pageSize=1" or (e.get("body") or {}).get("select") == "Count"]
    assert len(counts) == 5, "one count per type, no full listing while well within the limits"
    limits = [e for e in sandbox.journal(start) if e["org"] == "acme-us" and "/limits/namespaces/" in e["path"]]
    assert len(limits) == 3, "each limit namespace is read once"


def test_genesys_preflight_alone_reports_the_projection(play):
    run = play([{"name": "check", "cxops.genesys.genesys_preflight": {
        "expected_org_name": "acme-us", "desired": {"skill": ["A", "B"]}, "naming": {"skill": "^[A-Z]$"}}}])
    assert run.rc == 0
    result = run.result("check")
    assert result["org"]["name"] == "acme-us" and result["projected"] == {"skill": 2} and result["failures"] == []


def test_staged_rollout_stops_at_the_first_failing_org(sandbox, site):
    start = len(sandbox.journal())
    run = site("-e", "genesys_serial=1", "-e", "genesys_org_name=acme-eu")
    assert run.rc != 0
    assert writes(sandbox.journal(start)) == [], "acme-us failed its org pin, so acme-eu never started"
    assert "acme-eu" not in run.data["stats"] or run.data["stats"]["acme-eu"]["changed"] == 0


def test_one_failing_org_does_not_stop_the_others_unless_told(sandbox, site):
    start = len(sandbox.journal())
    run = site("-e", "genesys_org_name=acme-eu")  # acme-us fails its org pin
    assert run.rc != 0 and run.data["stats"]["acme-us"]["failures"] == 1
    assert run.data["stats"]["acme-eu"]["changed"] > 0
    orgs = set(e["org"] for e in writes(sandbox.journal(start)))
    assert orgs == {"acme-eu"}, "acme-eu converged; acme-us wrote nothing"
    sandbox.reset()
    start = len(sandbox.journal())
    strict = site("-e", "genesys_org_name=acme-eu", "-e", "genesys_max_fail_percentage=0")
    assert strict.rc != 0 and writes(sandbox.journal(start)) == [], "the play stopped at the first failure"

"""A job as AWX runs it: ansible-runner, a private data dir laid out as AWX lays it out, the collection
installed from its Galaxy tarball, credentials injected as GENESYSCLOUD_* environment variables (the
custom credential type of docs/awx.md), the desired state as extra vars, and an inventory with no
folder (no inventory_dir), against the sandbox."""

import json
import os
import sys

import ansible_runner
import pytest

from awx.conftest import BIN

DESIRED = {
    "genesys_skills": [{"name": "Billing"}, {"name": "Spanish"}],
    "genesys_wrapup_codes": [{"name": "Resolved"}, {"name": "Escalated"}],
    "genesys_queues": [{"name": "Billing Support", "description": "Set by AWX", "skill_evaluation_method": "BEST",
                        "members": [{"user": "alice@acme.example"}, {"user": "bob@acme.example", "ring_number": 2}],
                        "wrapup_codes": ["Resolved", "Escalated"]}],
    "genesys_agents": [{"user": "alice@acme.example", "skills": [{"name": "Billing", "proficiency": 4}]}],
    "genesys_workbins": [{"name": "Invoices"}],
    "genesys_worktypes": [{"name": "Invoice Discrepancy", "default_workbin": "Invoices"}],
}


def private_data_dir(path, sandbox, collections, extra_vars):
    """env/envvars (the credential's injectors and the job's environment), env/extravars, env/settings."""
    env = path / "env"
    env.mkdir(parents=True)
    (env / "envvars").write_text(json.dumps({
        "GENESYSCLOUD_API_URL": sandbox.url,
        "GENESYSCLOUD_OAUTHCLIENT_ID": sandbox.US["client_id"],
        "GENESYSCLOUD_OAUTHCLIENT_SECRET": sandbox.US["client_secret"],
        "ANSIBLE_COLLECTIONS_PATH": str(collections),
        "ANSIBLE_PYTHON_INTERPRETER": sys.executable,
        "ANSIBLE_CALLBACKS_ENABLED": "cxops.genesys.genesys_summary",
        "CXOPS_GENESYS_SUMMARY_PATH": str(path / "artifacts" / "summary.json"),
        "CXOPS_GENESYS_TOKEN_CACHE": str(path / "tokens"),
        "PATH": BIN + os.pathsep + os.environ["PATH"],
    }))
    (env / "extravars").write_text(json.dumps(extra_vars))
    (env / "settings").write_text(json.dumps({"suppress_ansible_output": True}))
    return path


def run_job(path, playbook, cmdline=""):
    """An inline host list: the inventory has no folder, as AWX's database inventories have none."""
    return ansible_runner.run(private_data_dir=str(path), playbook=playbook, cmdline="-i acme-us, " + cmdline,
                              quiet=True)


def changed(runner):
    return sum(runner.stats.get("changed", {}).values()) if runner.stats else None


def test_site_runs_as_an_awx_job_and_leaks_no_secret(sandbox, installed_collection, tmp_path):
    path = private_data_dir(tmp_path / "job", sandbox, installed_collection, DESIRED)
    first = run_job(path, "cxops.genesys.site")
    assert first.rc == 0 and first.status == "successful", first.stdout.read()
    assert changed(first) > 0
    queue = next(q for q in sandbox.objects("queues") if q["name"] == "Billing Support")
    assert queue["description"] == "Set by AWX"
    assert set(s["name"] for s in sandbox.objects("skills")) >= {"Billing", "Spanish"}

    start = len(sandbox.journal())
    dry = run_job(path, "cxops.genesys.site", cmdline="--check --diff")
    assert dry.rc == 0 and changed(dry) == 0, dry.stdout.read()
    assert [e for e in sandbox.journal(start) if e["method"] != "GET" and not e["path"].endswith("/query")
            and e["path"] != "/oauth/token"] == []
    summary = json.loads((path / "artifacts" / "summary.json").read_text())
    assert summary["mode"] == "plan" and summary["orgs"]["acme-us"]["changes"] == 0

    # Every secret: the client secret, and every token the sandbox minted. runner's own `command`
    # file records the job's input environment, credentials included, as AWX's private data dir does
    # (owner-only, deleted with the job); it is the one place they may be, and the only one skipped.
    secrets = [sandbox.US["client_secret"]] + list(sandbox.sandbox.tokens)
    seen = {}
    for folder, dummy, files in os.walk(path / "artifacts"):
        for name in files:
            if name != "command":
                seen[os.path.join(folder, name)] = open(os.path.join(folder, name), errors="replace").read()
    for runner in (first, dry):
        for event in runner.events:
            seen["event {0} {1}".format(runner.config.ident, event.get("counter"))] = json.dumps(event)
    assert len(seen) > 20, "job events and stdout were written"
    leaks = [(where, secret[:4] + "...") for where, text in seen.items() for secret in secrets if secret in text]
    assert leaks == []


@pytest.mark.parametrize("export_dir", [None, "export"])
def test_export_without_inventory_dir_never_writes_inside_the_collection(
        sandbox, installed_collection, tmp_path, export_dir):
    before = sorted(p for p in installed_collection.rglob("*"))
    extra = {"genesys_export_dir": str(tmp_path / export_dir)} if export_dir else {}
    path = private_data_dir(tmp_path / "job", sandbox, installed_collection, extra)
    job = run_job(path, "cxops.genesys.export")
    assert sorted(p for p in installed_collection.rglob("*") if "__pycache__" not in str(p)) == \
        [p for p in before if "__pycache__" not in str(p)], "nothing is written inside the installed collection"
    if export_dir is None:
        assert job.rc != 0
        assert "inventory_dir is not set" in job.stdout.read() or any(
            "inventory_dir is not set" in json.dumps(e) for e in job.events)
        assert [e for e in sandbox.journal() if e["path"].startswith("/api/v2")] == [], "refused before any request"
    else:
        assert job.rc == 0, job.stdout.read()
        assert (tmp_path / "export" / "acme-us" / "exported.yml").is_file()

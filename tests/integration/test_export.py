"""playbooks/export.yml writes each org in the roles' variable format; site.yml --check on it changes nothing."""

import os
import shutil

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def test_export_round_trip_reports_zero_changes(sandbox, site, tmp_path):
    assert site().rc == 0
    # Something set outside the collection is part of the org too, and must survive the round trip.
    queue = next(q for q in sandbox.objects("queues") if q["name"] == "Returns")
    sandbox.admin("PATCH", "/orgs/acme-us/queues/" + queue["id"], json={"enableTranscription": True})
    inventory = tmp_path / "inventory"
    source = os.path.join(ROOT, "inventories", "sandbox")
    shutil.copy(os.path.join(source, "hosts.yml"), str(tmp_path))
    os.makedirs(str(inventory / "group_vars" / "all"))
    shutil.copy(os.path.join(source, "hosts.yml"), str(inventory / "hosts.yml"))
    shutil.copy(os.path.join(source, "group_vars", "all", "connection.yml"), str(inventory / "group_vars" / "all"))
    for org in ("acme-us", "acme-eu"):
        os.makedirs(str(inventory / "host_vars" / org))
        for name in ("connection.yml", "org.yml"):
            shutil.copy(os.path.join(source, "host_vars", org, name), str(inventory / "host_vars" / org))
    exported = site(inventory=str(inventory), playbook="playbooks/export.yml")
    assert exported.rc == 0, exported.stdout
    data = yaml.safe_load((inventory / "host_vars" / "acme-us" / "exported.yml").read_text())
    assert sorted(data) == ["genesys_agents", "genesys_queues", "genesys_skills", "genesys_workbins",
                            "genesys_worktypes", "genesys_wrapup_codes"]
    returns = next(q for q in data["genesys_queues"] if q["name"] == "Returns")
    assert returns["division"] == "Sales" and returns["enable_transcription"] is True
    assert returns["members"] == [{"user": "carol@acme.example", "ring_number": 1}]
    billing = next(q for q in data["genesys_queues"] if q["name"] == "Billing Support")
    assert billing["bullseye"]["rings"][0]["actions"]["skills_to_remove"] == ["Billing"]
    assert {"user": "alice@acme.example", "skills": [{"name": "Billing", "proficiency": 4.0},
                                                     {"name": "Returns", "proficiency": 2.0}]} in data["genesys_agents"]
    statuses = data["genesys_worktypes"][0]["statuses"]
    assert {"name": "Open", "category": "Open", "default": True,
            "destination_statuses": ["Closed", "Investigating"]} in statuses
    dry = site("--check", "--diff", inventory=str(inventory))
    assert dry.rc == 0, dry.stdout
    changed = [t for t in dry.tasks if t.get("changed")]
    assert changed == [], [(t["task"], t.get("diff")) for t in changed]


def test_genesys_export_module_reads_an_empty_org(play):
    run = play([{"name": "export", "cxops.genesys.genesys_export": {}}])
    assert run.rc == 0
    variables = run.result("export")["variables"]
    assert variables["genesys_skills"] == [] and variables["genesys_queues"] == []

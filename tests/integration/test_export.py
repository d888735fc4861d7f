"""playbooks/export.yml writes each org in the roles' variable format; site.yml --check on it changes nothing."""

import os
import shutil

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


class UnsafeLoader(yaml.SafeLoader):
    """Reads the export as Ansible does, its !unsafe strings as plain text."""


UnsafeLoader.add_constructor("!unsafe", lambda loader, node: loader.construct_scalar(node))


def load(text):
    return yaml.load(text, Loader=UnsafeLoader)  # noqa: S506 - a SafeLoader with one more tag


def inventory_without_desired_state(tmp_path):
    """The sandbox inventory's connection and org pins, without the desired state: the export adds it."""
    inventory = tmp_path / "inventory"
    source = os.path.join(ROOT, "inventories", "sandbox")
    os.makedirs(str(inventory / "group_vars" / "all"))
    shutil.copy(os.path.join(source, "hosts.yml"), str(inventory / "hosts.yml"))
    shutil.copy(os.path.join(source, "group_vars", "all", "connection.yml"), str(inventory / "group_vars" / "all"))
    for org in ("acme-us", "acme-eu"):
        os.makedirs(str(inventory / "host_vars" / org))
        for name in ("connection.yml", "org.yml"):
            shutil.copy(os.path.join(source, "host_vars", org, name), str(inventory / "host_vars" / org))
    return inventory


def test_export_round_trip_reports_zero_changes(sandbox, site, tmp_path):
    assert site().rc == 0
    # Something set outside the collection is part of the org too, and must survive the round trip.
    queue = next(q for q in sandbox.objects("queues") if q["name"] == "Returns")
    sandbox.admin("PATCH", "/orgs/acme-us/queues/" + queue["id"], json={"enableTranscription": True})
    inventory = inventory_without_desired_state(tmp_path)
    exported = site(inventory=str(inventory), playbook="playbooks/export.yml")
    assert exported.rc == 0, exported.stdout
    data = load((inventory / "host_vars" / "acme-us" / "exported.yml").read_text())
    assert sorted(data) == ["genesys_agents", "genesys_languages", "genesys_queues", "genesys_routing_utilization",
                            "genesys_skill_groups", "genesys_skills", "genesys_workbins", "genesys_worktypes",
                            "genesys_wrapup_codes"]
    assert {"name": "French"} in data["genesys_languages"]
    returns = next(q for q in data["genesys_queues"] if q["name"] == "Returns")
    assert returns["division"] == "Sales" and returns["enable_transcription"] is True
    assert returns["members"] == [{"user": "carol@acme.example", "ring_number": 1}]
    billing = next(q for q in data["genesys_queues"] if q["name"] == "Billing Support")
    assert billing["bullseye"]["rings"][0]["actions"]["skills_to_remove"] == ["Billing"]
    assert billing["member_groups"] == [{"name": "Tier 2 Team", "type": "GROUP"}, {"name": "Night Shift", "type": "TEAM"}]
    assert (billing["queue_flow"], billing["whisper_prompt"]) == ("Default In-Queue", "Welcome Whisper"), \
        "references by name: ids differ per org"
    eu = load((inventory / "host_vars" / "acme-eu" / "exported.yml").read_text())
    assert eu["genesys_skill_groups"] == [{
        "name": "German Billing", "description": "Billing agents fluent in German", "division": "Home",
        "member_divisions": ["Home"], "skill_conditions": [{
            "operation": "And",
            "routing_skill_conditions": [{"routing_skill": "Billing", "comparator": "GreaterThanOrEqualTo",
                                          "proficiency": 3}],
            "language_skill_conditions": [{"language_skill": "German", "comparator": "GreaterThanOrEqualTo",
                                           "proficiency": 4}]}]}]
    billing_de = next(q for q in eu["genesys_queues"] if q["name"] == "Billing DE")
    assert billing_de["member_groups"] == [{"name": "German Billing", "type": "SKILLGROUP"},
                                           {"name": "Frühschicht", "type": "TEAM"}]
    assert eu["genesys_routing_utilization"]["email"] == {"maximum_capacity": 3, "include_non_acd": False}
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


def test_strings_from_the_api_are_data_never_templates(sandbox, site, tmp_path):
    """An org admin writes Jinja into names and descriptions: the export keeps it as text, and neither
    a dry run nor an apply on the export renders it (no command runs, nothing changes)."""
    marker = tmp_path / "rendered"
    names = {"skill": "x {{ lookup('pipe', 'touch %s') }}" % marker, "code": "Priced {% if true %}{# c #}",
             "description": "Price {{ 6*7 }}", "queue": "Q {{ 1 + 1 }}"}
    api = sandbox.session()
    assert api.post(api.base + "/api/v2/routing/skills", json={"name": names["skill"]}).status_code == 200
    assert api.post(api.base + "/api/v2/routing/wrapupcodes", json={
        "name": names["code"], "description": names["description"]}).status_code == 200
    assert api.post(api.base + "/api/v2/routing/queues", json={
        "name": names["queue"], "description": names["description"]}).status_code == 200
    inventory = inventory_without_desired_state(tmp_path)
    exported = site(inventory=str(inventory), playbook="playbooks/export.yml")
    assert exported.rc == 0, exported.stdout
    text = (inventory / "host_vars" / "acme-us" / "exported.yml").read_text()
    data = load(text)
    assert [s["name"] for s in data["genesys_skills"]] == [names["skill"]]
    assert [(c["name"], c["description"]) for c in data["genesys_wrapup_codes"]] == [
        (names["code"], names["description"])]
    for args in (("--check", "--diff"), ()):
        run = site(*args, "--limit", "acme-us", inventory=str(inventory))
        assert run.rc == 0 and run.changed == 0, [(t["task"], t.get("msg"), t.get("diff")) for t in run.tasks
                                                  if t.get("changed") or t.get("failed")]
    assert not marker.exists(), "a string from the API was rendered as a template"
    code = next(c for c in sandbox.objects("wrapupcodes") if c["name"] == names["code"])
    assert code["description"] == names["description"]
    assert "!unsafe" in text

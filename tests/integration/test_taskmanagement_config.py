"""genesys_workbin and genesys_worktype (with statuses) against the sandbox."""

from integration.conftest import writes


def task(module, **options):
    return {"name": module, "cxops.genesys." + module: options}


def stored(sandbox, collection):
    return {o["name"]: o for o in sandbox.objects(collection)}


def statuses_of(sandbox, worktype_id):
    return {s["name"]: s for s in sandbox.objects("statuses")[worktype_id].values()}


WORKTYPE = dict(
    name="Invoice Discrepancy", description="AP cases", default_workbin="Invoices", default_priority=10,
    default_due_duration_seconds=172800, default_queue="Billing Support", default_skills=["Billing"],
    default_language="English", assignment_enabled=True, service_level_target=90,
    rule_settings={"flow_rules_enabled": False},
    statuses=[
        {"name": "Open", "category": "Open", "default": True, "destination_statuses": ["Investigating", "Closed"]},
        {"name": "Investigating", "category": "InProgress", "destination_statuses": ["Waiting on Supplier", "Closed"]},
        {"name": "Waiting on Supplier", "category": "Waiting", "destination_statuses": ["Investigating"],
         "default_destination_status": "Investigating", "status_transition_delay_seconds": 86400},
        {"name": "Closed", "category": "Closed", "auto_terminate_workitem": True}])


def setup(play):
    return play([task("genesys_skill", name="Billing"), task("genesys_queue", name="Billing Support"),
                 task("genesys_workbin", name="Invoices", description="AP"), task("genesys_workbin", name="Refunds")])


def test_workbin_four_steps_and_division_move(sandbox, play):
    spec = [task("genesys_workbin", items=[{"name": "Invoices", "description": "AP"}, {"name": "Refunds", "division": "Sales"}])]
    start = len(sandbox.journal())
    assert play(spec, check=True).changed == 1
    assert writes(sandbox.journal(start)) == []
    assert play(spec).changed == 1
    assert stored(sandbox, "workbins")["Refunds"]["division"]["name"] == "Sales"
    assert play(spec, check=True).changed == 0
    assert play(spec).changed == 0
    start = len(sandbox.journal())
    assert play([task("genesys_workbin", name="Invoices", description="Accounts payable", division="Support")]).changed == 1
    routes = [(e["method"], e["template"]) for e in writes(sandbox.journal(start))]
    assert ("POST", "/api/v2/authorization/divisions/{division_id}/objects/{object_type}") in routes
    assert ("PATCH", "/api/v2/taskmanagement/workbins/{bin_id}") in routes
    bin_ = stored(sandbox, "workbins")["Invoices"]
    assert bin_["division"]["name"] == "Support" and bin_["description"] == "Accounts payable"
    assert play([task("genesys_workbin", name="ab")]).rc != 0, "names have 3 to 256 characters"


def test_worktype_with_statuses_four_steps(sandbox, play):
    assert setup(play).rc == 0
    spec = [task("genesys_worktype", **WORKTYPE)]
    start = len(sandbox.journal())
    first = play(spec, check=True, diff=True)
    assert first.rc == 0 and first.changed == 1, first.stdout
    assert writes(sandbox.journal(start)) == []
    assert play(spec).changed == 1
    worktype = stored(sandbox, "worktypes")["Invoice Discrepancy"]
    assert worktype["defaultPriority"] == 10 and worktype["defaultQueueId"]
    statuses = statuses_of(sandbox, worktype["id"])
    assert sorted(statuses) == ["Closed", "Investigating", "Open", "Waiting on Supplier"], \
        "the API's default Open and Closed statuses are adopted, not duplicated"
    assert worktype["defaultStatusId"] == statuses["Open"]["id"]
    assert statuses["Waiting on Supplier"]["defaultDestinationStatusId"] == statuses["Investigating"]["id"]
    assert statuses["Closed"]["autoTerminateWorkitem"] is True
    third = play(spec, check=True, diff=True)
    assert third.rc == 0 and third.changed == 0, third.result("genesys_worktype")["diff"]
    assert play(spec).changed == 0


def test_worktype_updates_category_guard_and_authoritative_statuses(sandbox, play):
    assert setup(play).rc == 0
    assert play([task("genesys_worktype", **WORKTYPE)]).rc == 0
    start = len(sandbox.journal())
    changed = {**WORKTYPE, "default_priority": 20, "default_workbin": "Refunds"}
    run = play([task("genesys_worktype", **changed)], diff=True)
    assert run.rc == 0 and run.changed == 1
    diff = run.result("genesys_worktype")["diff"][0]
    assert diff["before"]["default_workbin"] == "Invoices" and diff["after"]["default_workbin"] == "Refunds"
    patches = [e for e in writes(sandbox.journal(start)) if e["method"] == "PATCH"]
    assert patches[0]["body"] == {"defaultPriority": 20, "defaultWorkbinId": stored(sandbox, "workbins")["Refunds"]["id"]}

    bad = {**WORKTYPE, "statuses": [{"name": "Investigating", "category": "Waiting"}]}
    start = len(sandbox.journal())
    refused = play([task("genesys_worktype", **bad)])
    assert refused.rc != 0
    assert "a status category cannot change" in refused.result("genesys_worktype")["msg"]
    assert writes(sandbox.journal(start)) == []

    fewer = {**WORKTYPE, "statuses_mode": "authoritative",
             "statuses": [{"name": "Open", "category": "Open", "default": True}, {"name": "Closed", "category": "Closed"}]}
    assert "max_deletions is 0" in play([task("genesys_worktype", **fewer)]).result("genesys_worktype")["msg"]
    assert play([task("genesys_worktype", max_deletions=2, **fewer)]).changed == 1
    worktype = stored(sandbox, "worktypes")["Invoice Discrepancy"]
    assert sorted(statuses_of(sandbox, worktype["id"])) == ["Closed", "Open"]


def test_worktype_validation_before_any_write(sandbox, play):
    assert setup(play).rc == 0
    start = len(sandbox.journal())
    cases = [
        (dict(name="No Bin"), "default_workbin is required to create it"),
        (dict(name="Bad Bin", default_workbin="Nope"), "workbin 'Nope' does not exist"),
        (dict(name="Bad Priority", default_workbin="Invoices", default_priority=30000000), "out of range"),
        (dict(name="Bad Skill", default_workbin="Invoices", default_skills=["Nope"]), "skill 'Nope' does not exist"),
        (dict(name="Bad Status", default_workbin="Invoices", statuses=[
            {"name": "Open", "category": "Open", "destination_statuses": ["Nowhere"]}]),
         "destination 'Nowhere' is not one of the listed statuses"),
        (dict(name="Bad Terminate", default_workbin="Invoices", statuses=[
            {"name": "Doing", "category": "InProgress", "auto_terminate_workitem": True}]),
         "auto_terminate_workitem is only for statuses of category Closed"),
    ]
    for options, message in cases:
        run = play([task("genesys_worktype", **options)])
        assert run.rc != 0 and message in run.result("genesys_worktype")["msg"], (message, run.result("genesys_worktype"))
    assert writes(sandbox.journal(start)) == []


def test_info_modules(sandbox, play):
    assert setup(play).rc == 0
    assert play([task("genesys_worktype", name="Refund", default_workbin="Refunds")]).rc == 0
    run = play([task("genesys_workbin_info", name="Invoices"), task("genesys_worktype_info")])
    assert [(b["name"], b["description"]) for b in run.result("genesys_workbin_info")["objects"]] == [("Invoices", "AP")]
    assert [(t["name"], t["default_workbin"]) for t in run.result("genesys_worktype_info")["objects"]] == [("Refund", "Refunds")]

"""genesys_task and genesys_task_info: idempotent by external tag, preview, wait, audit trail."""

import threading
import time

from integration.conftest import writes

TYPE = "Invoice Discrepancy"


def task(module, **options):
    return {"name": module, "cxops.genesys." + module: options}


def setup(sandbox, play):
    schema = sandbox.session().post(sandbox.url + "/api/v2/taskmanagement/workitems/schemas", json={
        "name": "Invoice fields", "jsonSchema": {"type": "object", "properties": {
            "invoice_number_text": {"type": "string"}, "amount_number": {"type": "number"}}}}).json()
    run = play([
        task("genesys_skill", name="Billing"), task("genesys_queue", name="Billing Support"),
        task("genesys_workbin", name="Invoices"),
        task("genesys_worktype", name=TYPE, default_workbin="Invoices", schema=schema["id"], statuses=[
            {"name": "Open", "category": "Open", "default": True},
            {"name": "Investigating", "category": "InProgress"},
            {"name": "Closed", "category": "Closed"},
            {"name": "Rejected", "category": "Closed"}])])
    assert run.rc == 0, run.stdout


def workitems(sandbox):
    return sandbox.objects("workitems")


def test_four_steps_and_update_by_external_tag(sandbox, play):
    setup(sandbox, play)
    one = dict(worktype=TYPE, external_tag="INV-1", name="Amount differs", priority=5, queue="Billing Support",
               assignee="alice@acme.example", skills=["Billing"], date_due="2026-12-20T09:00:00Z",
               custom_fields={"invoice_number_text": "INV-1", "amount_number": 12.5},
               scored_agents=[{"agent": "bob@acme.example", "score": 80}])
    start = len(sandbox.journal())
    first = play([task("genesys_task", **one)], check=True, diff=True)
    assert first.rc == 0 and first.changed == 1
    assert first.result("genesys_task")["results"][0]["outcome"] == "created"
    assert writes(sandbox.journal(start)) == []
    assert play([task("genesys_task", **one)]).changed == 1
    assert len(workitems(sandbox)) == 1
    assert play([task("genesys_task", **one)], check=True).changed == 0
    assert play([task("genesys_task", **one)]).changed == 0
    queries = [e for e in sandbox.journal(start) if e["path"].endswith("/workitems/query")]
    filters = queries[-1]["body"]["filters"]
    assert {(f["name"], f["operator"]) for f in filters} == {("typeId", "EQ"), ("externalTag", "EQ")}

    start = len(sandbox.journal())
    changed = {**one, "priority": 9, "status": "Investigating", "date_due": "2026-12-20T09:00:00.000Z"}
    run = play([task("genesys_task", **changed)], diff=True)
    assert run.rc == 0 and run.changed == 1
    assert run.result("genesys_task")["results"][0]["outcome"] == "updated"
    patch = [e for e in writes(sandbox.journal(start)) if e["method"] == "PATCH"]
    assert len(patch) == 1 and set(patch[0]["body"]) == {"priority", "statusId"}, "the same due date, written otherwise"
    assert len(workitems(sandbox)) == 1


def test_rerun_of_a_200_task_csv_creates_no_duplicates(sandbox, play, tmp_path):
    setup(sandbox, play)
    sandbox.faults(rate_limit=0)
    csv = tmp_path / "discrepancies.csv"
    csv.write_text("external_tag,name,priority\n" + "".join(
        "INV-{0:03d},Discrepancy {0:03d},{1}\n".format(i, i % 7) for i in range(200)))
    items = ("{%- set out = [] -%}{%- for line in lookup('ansible.builtin.file', '" + str(csv) + "').splitlines()[1:] -%}"
             "{%- set f = line.split(',') -%}{%- set _ = out.append({'worktype': '" + TYPE + "', 'external_tag': f[0], "
             "'name': f[1], 'priority': f[2] | int}) -%}{%- endfor -%}{{ out }}")
    first = play([task("genesys_task", items=items)])
    assert first.rc == 0, first.stdout
    assert first.result("genesys_task")["summary"]["created"] == 200
    start = len(sandbox.journal())
    again = play([task("genesys_task", items=items)])
    assert again.rc == 0 and again.changed == 0
    assert again.result("genesys_task")["summary"]["unchanged"] == 200
    assert writes(sandbox.journal(start)) == []
    assert len(workitems(sandbox)) == 200
    queries = [e for e in sandbox.journal(start) if e["path"].endswith("/workitems/query")]
    assert len(queries) == 1 and [f["name"] for f in queries[0]["body"]["filters"]] == ["typeId"], \
        "200 tags of a worktype holding 200 items: the worktype alone, one page, not one query per task"


def test_preview_of_invalid_tasks_reports_every_problem_and_writes_nothing(sandbox, play):
    setup(sandbox, play)
    bad = [
        dict(worktype=TYPE, external_tag="A", name="ab"),
        dict(worktype=TYPE, external_tag="B", name="Fine", priority=30000000),
        dict(worktype=TYPE, external_tag="C", name="Fine", date_due="2099-01-01T00:00:00Z"),
        dict(worktype=TYPE, external_tag="D", name="Fine", queue="Nope", status="Nope"),
        dict(worktype=TYPE, external_tag="E", name="Fine", scored_agents=[{"agent": "alice@acme.example", "score": 1}] * 21),
        dict(worktype=TYPE, external_tag="F", name="Fine", custom_fields={"colour_text": "red"}),
        dict(worktype=TYPE, external_tag="F2", name="Fine", custom_fields={"amount_number": "x"}),
        dict(worktype="Nope", external_tag="G", name="Fine"),
        dict(worktype=TYPE, external_tag="H", name="Fine", priority="high"),
        dict(worktype=TYPE, external_tag="I", name="A good one"),
    ]
    start = len(sandbox.journal())
    run = play([task("genesys_task", items=bad)], check=True)
    assert run.rc != 0
    result = run.result("genesys_task")
    outcomes = [r["outcome"] for r in result["results"]]
    assert outcomes == ["invalid"] * 9 + ["created"]
    msg = result["msg"]
    for expected in ("3 to 256", "out of range", "365 days", "queue: queue 'Nope' does not exist",
                     "status 'Nope' is not a status", "has 21 items", "colour_text not in the worktype's schema", "items[5] (F)",
                     "worktype 'Nope' does not exist", "items[8] (H)",
                     "custom_fields.amount_number: 'x' is not of type number"):
        assert expected in msg, expected
    assert writes(sandbox.journal(start)) == []
    fast = play([task("genesys_task", items=bad, fail_fast=True)])
    assert [r["outcome"] for r in fast.result("genesys_task")["results"]] == ["invalid"]
    assert writes(sandbox.journal(start)) == []


def test_wait_follows_the_task_through_its_statuses(sandbox, play):
    setup(sandbox, play)

    def agent():
        for dummy in range(100):
            items = workitems(sandbox)
            if items:
                time.sleep(1.5)
                sandbox.admin("POST", "/orgs/acme-us/workitems/{0}/status".format(items[0]["id"]),
                              json={"statusName": "Investigating"})
                return
            time.sleep(0.2)

    helper = threading.Thread(target=agent)
    helper.start()
    run = play([task("genesys_task", worktype=TYPE, external_tag="W-1", name="Wait for me",
                     wait_for=["InProgress"], wait_interval=1, wait_timeout=30)])
    helper.join()
    assert run.rc == 0, run.stdout
    wait = run.result("genesys_task")["results"][0]["wait"]
    assert wait["reached"] is True
    assert [h["status"] for h in wait["history"]] == ["Open", "Investigating"]
    timeout = play([task("genesys_task", worktype=TYPE, external_tag="W-1", wait_for=["Closed"], wait_interval=1,
                         wait_timeout=2)])
    assert timeout.rc != 0 and "did not reach Closed" in timeout.result("genesys_task")["msg"]


def test_audit_terminate_absent_and_info(sandbox, play):
    setup(sandbox, play)
    assert play([task("genesys_task", worktype=TYPE, external_tag="T-1", name="Audited", priority=1)]).rc == 0
    assert play([task("genesys_task", worktype=TYPE, external_tag="T-1", priority=2)]).changed == 1
    run = play([task("genesys_task", worktype=TYPE, external_tag="T-1", state="terminated",
                     terminate_status="Rejected", audit=True)])
    assert run.rc == 0 and run.changed == 1
    entry = run.result("genesys_task")["results"][0]
    assert entry["after"]["status"] == "Rejected" and entry["after"]["status_category"] == "Closed"
    actions = [r["action"] for r in entry["audit"]["records"]]
    assert actions[:3] == ["Create", "Update", "Terminate"]
    assert [h["version"] for h in entry["audit"]["history"]] == [1, 2, 3]
    assert play([task("genesys_task", worktype=TYPE, external_tag="T-1", state="terminated",
                      terminate_status="Rejected")]).changed == 0
    assert play([task("genesys_task", worktype=TYPE, external_tag="T-2", name="Open one")]).rc == 0
    info = play([task("genesys_task_info", worktype=TYPE, status_category="Open"),
                 task("genesys_task_info", queue="Billing Support")])
    assert [o["external_tag"] for o in info.result("genesys_task_info")["objects"]] == ["T-2"]
    too_many = play([task("genesys_task_info", worktype=TYPE, status_category="Open", external_tag="T-2",
                          created_after="2020-01-01T00:00:00Z")])
    assert too_many.rc != 0 and "at most 3 filters" in too_many.result("genesys_task_info")["msg"]
    gone = play([task("genesys_task", worktype=TYPE, external_tag="T-1", state="absent")])
    assert gone.changed == 1 and [w["externalTag"] for w in workitems(sandbox)] == ["T-2"]

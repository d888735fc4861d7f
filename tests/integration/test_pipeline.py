"""The one pipeline, through every module: sibling references, cycles, uncertain writes and
conflicts on full replaces settle the same way for every resource type."""

import pytest

from integration.conftest import writes

DEAD = "planned:"


def task(module, **options):
    return {"name": module, "cxops.genesys." + module: options}


def queues(sandbox):
    return {q["name"]: q for q in sandbox.objects("queues")}


def test_a_sibling_reference_stores_the_real_id(sandbox, play):
    items = [{"name": "A", "direct_routing": {"backup_queue": "B"}}, {"name": "B"}]
    start = len(sandbox.journal())
    dry = play([task("genesys_queue", items=items)], check=True)
    assert dry.rc == 0 and dry.result("genesys_queue")["summary"]["created"] == 2
    assert writes(sandbox.journal(start)) == []
    run = play([task("genesys_queue", items=items)])
    assert run.rc == 0, run.stdout
    stored = queues(sandbox)
    assert stored["A"]["directRouting"]["backupQueueId"] == stored["B"]["id"]
    posts = [e["body"]["name"] for e in writes(sandbox.journal(start)) if e["template"] == "/api/v2/routing/queues"]
    assert posts == ["B", "A"], "the referenced queue is created first"
    assert not any(DEAD in str(e.get("body")) for e in sandbox.journal(start)), "no predicted id is ever sent"
    assert play([task("genesys_queue", items=items)], check=True).changed == 0


def test_a_reference_cycle_fails_before_any_write(sandbox, play):
    items = [{"name": "A", "direct_routing": {"backup_queue": "B"}},
             {"name": "B", "conditional_group_routing": {"rules": [{"queue": "A", "metric": "EstimatedWaitTime",
                                                                    "operator": "GreaterThan", "condition_value": 5}]}},
             {"name": "C"}]
    start = len(sandbox.journal())
    for check in (True, False):
        run = play([task("genesys_queue", items=items)], check=check)
        assert run.rc != 0
        assert "'A' -> 'B' -> 'A'" in run.result("genesys_queue")["msg"] and "cycle" in run.result("genesys_queue")["msg"]
    assert writes(sandbox.journal(start)) == []
    self_ref = play([task("genesys_queue", name="S", direct_routing={"backup_queue": "S"})])
    assert self_ref.rc != 0 and "cycle" in self_ref.result("genesys_queue")["msg"]
    assert writes(sandbox.journal(start)) == []


# resource: (module, collection, set-up tasks, create, update, delete, how the update shows, routes to aim at)
WORKTYPE = [task("genesys_workbin", name="Bin"),
            task("genesys_worktype", name="Type", default_workbin="Bin", statuses=[
                {"name": "Open", "category": "Open", "default": True}, {"name": "Done", "category": "Closed"}])]
RESOURCES = {
    "skill": ("genesys_skill", "skills", [], dict(name="Sk"), dict(name="Sk", division="Sales"),
              lambda o: o["division"]["name"] == "Sales", "/api/v2/routing/skills"),
    "wrap-up code": ("genesys_wrapper", "wrapupcodes", [], dict(name="Wc"), dict(name="Wc", description="new"),
                     lambda o: o["description"] == "new", "/api/v2/routing/wrapupcodes"),
    "queue": ("genesys_queue", "queues", [], dict(name="Qu"), dict(name="Qu", description="new"),
              lambda o: o["description"] == "new", "/api/v2/routing/queues"),
    "workbin": ("genesys_workbin", "workbins", [], dict(name="Wbn"), dict(name="Wbn", description="new"),
                lambda o: o["description"] == "new", "/api/v2/taskmanagement/workbins"),
    "worktype": ("genesys_worktype", "worktypes", WORKTYPE[:1], dict(name="Wty", default_workbin="Bin"),
                 dict(name="Wty", description="new"), lambda o: o["description"] == "new",
                 "/api/v2/taskmanagement/worktypes"),
    "work item": ("genesys_task", "workitems", WORKTYPE, dict(worktype="Type", external_tag="T-1", name="Task one"),
                  dict(worktype="Type", external_tag="T-1", priority=7), lambda o: o["priority"] == 7,
                  "/api/v2/taskmanagement/workitems"),
}


def named(sandbox, collection, create):
    key, value = ("externalTag", create["external_tag"]) if "external_tag" in create else ("name", create["name"])
    return [o for o in sandbox.objects(collection) if o.get(key) == value and o.get("state") != "deleted"]


@pytest.mark.parametrize("resource", sorted(RESOURCES))
def test_writes_answered_504_after_being_applied_settle(sandbox, play, resource):
    module, collection, setup, create, update, delete, updated, path = (
        RESOURCES[resource][0], RESOURCES[resource][1], RESOURCES[resource][2], RESOURCES[resource][3],
        RESOURCES[resource][4], dict(RESOURCES[resource][3], state="absent"), RESOURCES[resource][5],
        RESOURCES[resource][6])
    assert not setup or play(setup).rc == 0
    for options, aim, action in ((create, "POST " + path, "created"), (update, "P* " + path + "/*", "updated"),
                                 (delete, "DELETE " + path + "/*", "deleted")):
        sandbox.faults(timeout_writes=1, aim=aim)
        start = len(sandbox.journal())
        run = play([task(module, **options)])
        assert run.rc == 0, (resource, action, run.result(module).get("msg"))
        assert run.result(module)["summary"][action] == 1, (resource, action)
        assert [e["fault"] for e in sandbox.journal(start)].count("gateway_timeout") == 1, "the fault hit"
        found = named(sandbox, collection, create)
        assert len(found) == (0 if action == "deleted" else 1), (resource, action, "no duplicate, nothing left")
        if action == "updated":
            assert updated(found[0]), resource
        assert play([task(module, **options)], check=True).changed == 0, (resource, action, "converged")


def test_a_terminate_answered_504_after_being_applied_counts_as_done(sandbox, play):
    assert play(WORKTYPE + [task("genesys_task", worktype="Type", external_tag="T-1", name="Task one")]).rc == 0
    sandbox.faults(timeout_writes=1, aim="POST /api/v2/taskmanagement/workitems/*/terminate")
    run = play([task("genesys_task", worktype="Type", external_tag="T-1", state="terminated")])
    assert run.rc == 0 and run.result("genesys_task")["summary"]["terminated"] == 1, run.stdout
    assert sandbox.objects("workitems")[0]["statusId"] in [
        s["id"] for s in sandbox.objects("statuses")[sandbox.objects("workitems")[0]["typeId"]].values()
        if s["category"] == "Closed"]


@pytest.mark.parametrize("module, setup, first, second, path", [
    ("genesys_wrapper", [], dict(name="Wc", description="old"), dict(name="Wc", description="new"),
     "PUT /api/v2/routing/wrapupcodes/*"),
    ("genesys_queue", [], dict(name="Qu", description="old"), dict(name="Qu", description="new"),
     "PUT /api/v2/routing/queues/*"),
    ("genesys_user_skills", [task("genesys_skill", items=[{"name": "One"}, {"name": "Two"}])],
     dict(user="alice@acme.example", skills=[{"name": "One", "proficiency": 1}]),
     dict(user="alice@acme.example", mode="authoritative", skills=[{"name": "Two", "proficiency": 2}]),
     "PUT /api/v2/users/*/routingskills/bulk"),
])
def test_a_full_replace_answered_409_is_reread_merged_and_retried(sandbox, play, module, setup, first, second, path):
    assert play(setup + [task(module, **first)]).rc == 0
    sandbox.faults(conflict_puts=1, aim=path)
    start = len(sandbox.journal())
    run = play([task(module, max_deletions=1, **second)])
    assert run.rc == 0, run.result(module).get("msg")
    puts = [e for e in sandbox.journal(start) if e["method"] == "PUT"]
    assert [e["status"] for e in puts] == [409, puts[-1]["status"]] and puts[-1]["status"] < 300
    if module != "genesys_user_skills":  # GET-merge-PUT: the retry is merged into a fresh read
        reads = [e for e in sandbox.journal(start) if e["method"] == "GET" and e["path"] == puts[0]["path"]]
        assert len(reads) == 2 and reads[1]["seq"] > puts[0]["seq"]
    assert run.result(module)["summary"]["updated"] == 1
    assert play([task(module, max_deletions=1, **second)], check=True).changed == 0


@pytest.mark.parametrize("mode, route", [("additive", "PATCH"), ("authoritative", "PUT")])
def test_an_agents_skills_write_answered_504_after_being_applied_settles(sandbox, play, mode, route):
    assert play([task("genesys_skill", items=[{"name": "One"}, {"name": "Two"}])]).rc == 0
    sandbox.faults(timeout_writes=1, aim=route + " /api/v2/users/*/routingskills/bulk")
    start = len(sandbox.journal())
    options = dict(user="alice@acme.example", mode=mode, max_deletions=5,
                   skills=[{"name": "One", "proficiency": 2}, {"name": "Two", "proficiency": 3}])
    run = play([task("genesys_user_skills", **options)])
    assert run.rc == 0 and run.result("genesys_user_skills")["summary"]["updated"] == 1, run.stdout[-1000:]
    assert [e["fault"] for e in sandbox.journal(start)].count("gateway_timeout") == 1, "the fault hit"
    assert play([task("genesys_user_skills", **options)], check=True).changed == 0

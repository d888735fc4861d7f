"""Trust under adversarial use: each test is one class of promise, tried the way a demanding admin
would break it (names, duplicates, concurrency, failures, URLs)."""

import concurrent.futures

import yaml

from integration.conftest import writes
from integration.test_export import inventory_without_desired_state


def task(module, **options):
    return {"name": module, "cxops.genesys." + module: options}


def names(sandbox, collection):
    return sorted(o["name"] for o in sandbox.objects(collection) if o.get("state") != "deleted")


# --- 3. names match the way the API enforces uniqueness (without case) -------------------------------
def test_case_duplicates_in_one_list_are_refused_before_any_write(sandbox, play):
    start = len(sandbox.journal())
    for module in ("genesys_skill", "genesys_wrapper", "genesys_queue", "genesys_workbin"):
        run = play([task(module, items=[{"name": "Billing"}, {"name": "billing"}])])
        assert run.rc != 0 and "listed more than once" in run.result(module)["msg"], module
    assert writes(sandbox.journal(start)) == []


def test_a_case_only_difference_is_the_same_object(sandbox, play):
    assert play([task("genesys_skill", name="Billing"), task("genesys_wrapper", name="Resolved")]).rc == 0
    start = len(sandbox.journal())
    skill = play([task("genesys_skill", items=[{"name": "billing"}], purge=True, max_deletions=5)])
    assert skill.rc == 0 and skill.changed == 0, "never deleted and recreated for a case change"
    assert "cannot be renamed" in " ".join(skill.result("genesys_skill").get("warnings", []))
    assert writes(sandbox.journal(start)) == []
    code = play([task("genesys_wrapper", items=[{"name": "RESOLVED"}], purge=True, max_deletions=5)])
    assert code.rc == 0 and code.result("genesys_wrapper")["summary"] == {
        "created": 0, "updated": 1, "deleted": 0, "unchanged": 0}, "renamed in place"
    assert names(sandbox, "skills") == ["Billing"] and names(sandbox, "wrapupcodes") == ["RESOLVED"]
    assert play([task("genesys_wrapper", items=[{"name": "RESOLVED"}], purge=True)], check=True).changed == 0


def test_two_objects_of_one_name_fail_naming_both_ids(sandbox, play):
    api = sandbox.session()
    ids = [api.post(api.base + "/api/v2/taskmanagement/workbins", json={"name": "Twin"}).json()["id"]
           for dummy in range(2)]
    start = len(sandbox.journal())
    for check in (True, False):
        run = play([task("genesys_workbin", name="twin", description="which one?")], check=check)
        assert run.rc != 0 and all(i in run.result("genesys_workbin")["msg"] for i in ids)
    assert writes(sandbox.journal(start)) == []


# --- 4. duplicate keys in one call are refused before any write ---------------------------------------
def test_duplicate_keys_are_refused_before_any_write(sandbox, play):
    prepare = play([task("genesys_skill", name="Billing"), task("genesys_workbin", name="Bin"),
                    task("genesys_worktype", name="Type", default_workbin="Bin")])
    assert prepare.rc == 0
    start = len(sandbox.journal())
    cases = [
        ("genesys_queue", dict(name="Q", members=[{"user": "alice@acme.example"}, {"user": "Alice@acme.example"}]),
         "listed more than once"),
        ("genesys_user_skills", dict(user="alice@acme.example", skills=[
            {"name": "Billing", "proficiency": 1}, {"name": "billing", "proficiency": 2}]),
         "listed more than once"),
        ("genesys_task", dict(items=[{"worktype": "Type", "external_tag": "T-1", "name": "One"},
                                     {"worktype": "type", "external_tag": "T-1", "name": "Two"}]),
         "listed more than once"),
        ("genesys_queue", dict(name="Q", wrapup_codes=["A", "a"]), "listed more than once"),
    ]
    for module, options, message in cases:
        run = play([task(module, **options)])
        assert run.rc != 0 and message in run.result(module)["msg"], (module, run.result(module).get("msg"))
    assert writes(sandbox.journal(start)) == []


# --- 5. no duplicates from concurrency ---------------------------------------------------------------
def test_two_runs_of_the_same_state_started_together_leave_one_of_each(sandbox, play):
    desired = [task("genesys_workbin", items=[{"name": "Bin {0}".format(i)} for i in range(3)]),
               task("genesys_worktype", items=[{"name": "Type {0}".format(i), "default_workbin": "Bin 0"}
                                               for i in range(3)]),
               task("genesys_task", items=[{"worktype": "Type 0", "external_tag": "T-{0}".format(i),
                                            "name": "Task {0}".format(i)} for i in range(5)])]
    sandbox.faults(listing_lag=1.0)
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        runs = list(pool.map(lambda dummy: play(desired), range(2)))
    assert [r.rc for r in runs] == [0, 0], [t.get("msg") for r in runs for t in r.tasks if t.get("failed")]
    sandbox.faults(listing_lag=0)
    assert names(sandbox, "workbins") == ["Bin 0", "Bin 1", "Bin 2"]
    assert names(sandbox, "worktypes") == ["Type 0", "Type 1", "Type 2"]
    assert sorted(w["externalTag"] for w in sandbox.objects("workitems")) == ["T-{0}".format(i) for i in range(5)]
    assert play(desired, check=True).changed == 0


# --- 9. honest failure reports -----------------------------------------------------------------------
def test_a_call_that_fails_after_writing_says_what_it_did(sandbox, play):
    assert play([task("genesys_wrapper", name="Old")]).rc == 0
    sandbox.faults(conflict_puts=10, aim="PUT /api/v2/routing/wrapupcodes/*")
    run = play([task("genesys_wrapper", items=[{"name": "New"}, {"name": "Old", "description": "changed"}])])
    result = run.result("genesys_wrapper")
    assert run.rc != 0 and result["changed"] is True
    assert [(r["name"], r["action"]) for r in result["results"]] == [("New", "created")]
    assert names(sandbox, "wrapupcodes") == ["New", "Old"]


# --- 10. api_url -------------------------------------------------------------------------------------
def test_an_api_url_with_credentials_is_refused_without_echoing_it(sandbox, play):
    for url in ("http://admin:pw-s3cret@127.0.0.1:1", "ftp://admin:pw-s3cret@example.com"):
        run = play([task("genesys_skill_info", api_url=url)])
        assert run.rc != 0 and "user or password" in run.result("genesys_skill_info")["msg"]
        assert "pw-s3cret" not in run.stdout + run.stderr


# --- 6. a run reads its own writes, whatever a lagging listing says -----------------------------------
def test_a_run_reads_its_own_writes_across_tasks_under_listing_lag(sandbox, play):
    assert play([task("genesys_wrapper", name="Gone soon")]).rc == 0
    sandbox.faults(listing_lag=3.0)
    items = [{"worktype": "Type", "external_tag": "T-{0}".format(i), "name": "Task {0}".format(i)} for i in range(10)]
    run = play([
        task("genesys_wrapper", name="Brief"),
        {"name": "delete what the last task created", "cxops.genesys.genesys_wrapper": {
            "name": "Brief", "state": "absent"}},
        task("genesys_wrapper", name="Gone soon", state="absent"),
        {"name": "create what the last task deleted", "cxops.genesys.genesys_wrapper": {"name": "Gone soon"}},
        task("genesys_workbin", name="Bin"), task("genesys_worktype", name="Type", default_workbin="Bin"),
        task("genesys_task", items=items),
        {"name": "the same work items again", "cxops.genesys.genesys_task": {"items": items}},
    ])
    assert run.rc == 0, [t.get("msg") for t in run.tasks if t.get("failed")]
    assert run.result("delete what the last task created")["summary"]["deleted"] == 1
    assert run.result("create what the last task deleted")["summary"]["created"] == 1
    assert run.result("the same work items again")["summary"]["unchanged"] == 10
    sandbox.faults(listing_lag=0)
    assert names(sandbox, "wrapupcodes") == ["Gone soon"]
    assert len(sandbox.objects("workitems")) == 10


def test_a_rerun_under_lag_leaves_no_duplicate_work_items(sandbox, play):
    setup = [task("genesys_workbin", name="Bin"), task("genesys_worktype", name="Type", default_workbin="Bin")]
    assert play(setup).rc == 0
    items = [{"worktype": "Type", "external_tag": "T-{0}".format(i), "name": "Task {0}".format(i)} for i in range(30)]
    sandbox.faults(listing_lag=2.5)
    assert play([task("genesys_task", items=items)]).rc == 0
    rerun = play([task("genesys_task", items=items)])  # its query does not show them yet
    assert rerun.rc == 0
    sandbox.faults(listing_lag=0)
    assert sorted(w["externalTag"] for w in sandbox.objects("workitems")) == sorted(i["external_tag"] for i in items)


def test_a_purge_is_not_refused_for_objects_deleted_elsewhere_moments_ago(sandbox, play):
    assert play([task("genesys_wrapper", items=[{"name": "Keep"}, {"name": "Other"}])]).rc == 0
    sandbox.faults(listing_lag=3.0)
    api = sandbox.session()
    other = next(c for c in sandbox.objects("wrapupcodes") if c["name"] == "Other")
    assert api.delete(api.base + "/api/v2/routing/wrapupcodes/" + other["id"]).status_code == 204
    run = play([task("genesys_wrapper", items=[{"name": "Keep"}], purge=True)])
    assert run.rc == 0 and run.changed == 0, run.result("genesys_wrapper").get("msg")


# --- 2. nested settings survive -------------------------------------------------------------------------
def test_fields_inside_lists_of_objects_survive_a_change_to_their_neighbours(sandbox, play):
    first = dict(name="Q", routing_rules=[{"operator": "MEETS_THRESHOLD", "threshold": 9, "wait_seconds": 20},
                                          {"operator": "ANY", "threshold": 5, "wait_seconds": 30}],
                 bullseye={"rings": [{"expansion_criteria": [{"type": "TIMEOUT_SECONDS", "threshold": 10}],
                                      "member_groups": [{"name": "Night Shift", "type": "TEAM"}],
                                      "actions": {"skills_to_remove": ["Billing"]}},
                                     {"expansion_criteria": [{"type": "TIMEOUT_SECONDS", "threshold": 20}]}]})
    setup = play([task("genesys_skill", name="Billing"), task("genesys_queue", **first)])
    assert setup.rc == 0, setup.result("genesys_queue").get("msg")
    change = dict(name="Q", routing_rules=[{"threshold": 8}, {}],
                  bullseye={"rings": [{"expansion_criteria": [{"threshold": 15}]}, {}]})
    dry = play([task("genesys_queue", **change)], check=True, diff=True)
    assert dry.rc == 0 and dry.changed == 1, dry.result("genesys_queue").get("msg")
    predicted = dry.result("genesys_queue")["diff"][0]["after"]
    assert predicted["routing_rules"][0] == {"operator": "MEETS_THRESHOLD", "threshold": 8, "wait_seconds": 20}
    run = play([task("genesys_queue", **change)], diff=True)
    assert run.rc == 0 and run.changed == 1, run.result("genesys_queue").get("msg")
    after = run.result("genesys_queue")["diff"][0]["after"]
    assert after["routing_rules"] == predicted["routing_rules"], "the dry run agrees with the apply"
    stored = next(q for q in sandbox.objects("queues") if q["name"] == "Q")
    assert [(r["threshold"], r["waitSeconds"], r["operator"]) for r in stored["routingRules"]] == [
        (8, 20, "MEETS_THRESHOLD"), (5, 30, "ANY")]
    ring = stored["bullseye"]["rings"][0]
    team = next(t["id"] for t in sandbox.objects("teams").values() if t["name"] == "Night Shift")
    assert ring["memberGroups"] == [{"id": team, "type": "TEAM"}]
    billing = next(s["id"] for s in sandbox.objects("skills") if s["name"] == "Billing")
    assert [s["id"] for s in ring["actions"]["skillsToRemove"]] == [billing]
    assert ring["expansionCriteria"] == [{"type": "TIMEOUT_SECONDS", "threshold": 15}]
    assert play([task("genesys_queue", **change)], check=True).changed == 0


# --- 8. a run validates its whole desired state before its first write --------------------------------
def test_site_refuses_a_bad_desired_state_before_any_write(sandbox, site, tmp_path):
    """site.yml's preflight plans every type first: a misspelled member, or a skill deleted while an agent
    still gets it, or a queue deleted while another queue routes to it, stop the run before any write,
    and the dry run refuses exactly what the apply refuses."""
    base = {"genesys_skills": [{"name": "Billing"}, {"name": "Old skill"}],
            "genesys_wrapup_codes": [{"name": "Done"}],
            "genesys_queues": [{"name": "Main", "direct_routing": {"backup_queue": "Backup"}}, {"name": "Backup"}],
            "genesys_agents": [{"user": "alice@acme.example", "skills": [{"name": "Old skill", "proficiency": 1}]}]}
    cases = [
        ("a misspelled member", dict(base, genesys_queues=[dict(base["genesys_queues"][0], members=[
            {"user": "alcie@acme.example"}]), base["genesys_queues"][1]]), "alcie@acme.example"),
        ("a deleted skill an agent still gets", dict(base, genesys_skills=[
            {"name": "Billing"}, {"name": "Old skill", "state": "absent"}], genesys_max_deletions=5),
         "'Old skill', which the run deletes"),
        ("a deleted queue another queue routes to", dict(base, genesys_queues=[
            base["genesys_queues"][0], {"name": "Backup", "state": "absent"}], genesys_max_deletions=5),
         "'Backup', which"),
    ]
    assert site("--limit", "acme-us", inventory=str(seeded(tmp_path, base))).rc == 0
    for label, state, message in cases:
        inventory = seeded(tmp_path / label.replace(" ", "-"), state)
        start = len(sandbox.journal())
        for args in (("--check",), ()):
            run = site("--limit", "acme-us", *args, inventory=str(inventory))
            failed = [t.get("msg") or "" for t in run.tasks if t.get("status") == "failed"]
            assert run.rc != 0 and any(message in m for m in failed), (label, args, failed)
        assert [e for e in writes(sandbox.journal(start)) if e["org"] == "acme-us"] == [], label


def seeded(tmp_path, state):
    tmp_path.mkdir(parents=True, exist_ok=True)
    inventory = inventory_without_desired_state(tmp_path)
    (inventory / "host_vars" / "acme-us" / "state.yml").write_text(yaml.safe_dump(state))
    return inventory

"""genesys_skill_group and genesys_skill_group_info against the sandbox, with real ansible-playbook runs."""

from integration.conftest import writes

GROUPS = "/api/v2/routing/skillgroups"
CONDITIONS = [{"operation": "And",
               "routing_skill_conditions": [{"routing_skill": "Billing", "comparator": "GreaterThanOrEqualTo",
                                             "proficiency": 3, "child_conditions": [
                                                 {"operation": "Not", "language_skill_conditions": [
                                                     {"language_skill": "French", "comparator": "EqualTo",
                                                      "proficiency": 0}]}]}],
               "language_skill_conditions": [{"language_skill": "Spanish", "comparator": "GreaterThan",
                                              "proficiency": 2}]}]
API_CONDITIONS = [{"operation": "And",
                   "routingSkillConditions": [{"routingSkill": "Billing", "comparator": "GreaterThanOrEqualTo",
                                               "proficiency": 3, "childConditions": [
                                                   {"operation": "Not", "languageSkillConditions": [
                                                       {"languageSkill": "French", "comparator": "EqualTo",
                                                        "proficiency": 0}]}]}],
                   "languageSkillConditions": [{"languageSkill": "Spanish", "comparator": "GreaterThan",
                                                "proficiency": 2}]}]


def group_task(**options):
    return {"name": "groups", "cxops.genesys.genesys_skill_group": options}


def skills(names):
    return {"name": "skills", "cxops.genesys.genesys_skill": {"items": [{"name": n} for n in names]}}


def stored(sandbox, name, org="acme-us"):
    return next((g for g in sandbox.objects("skillgroups", org) if g["name"] == name), None)


def divisions_of(sandbox, group, org="acme-us"):
    names = dict((d, v["name"]) for d, v in sandbox.objects("divisions", org).items())
    return sorted(names[d] for d in sandbox.objects("skillgroup_divisions", org)[group["id"]])


def test_four_steps_with_nested_conditions_and_member_divisions(sandbox, play):
    assert play([skills(["Billing"])]).rc == 0
    task = [group_task(items=[
        {"name": "Spanish Billing", "description": "Billing in Spanish", "division": "Sales",
         "skill_conditions": CONDITIONS, "member_divisions": ["Support"]},
        {"name": "Anyone"}])]
    start = len(sandbox.journal())
    first = play(task, check=True, diff=True)
    assert first.rc == 0 and first.changed == 1, first.stdout
    assert [r["action"] for r in first.result("groups")["results"]] == ["created", "created"]
    assert writes(sandbox.journal(start)) == [], "check mode sent a write"
    assert stored(sandbox, "Spanish Billing") is None

    second = play(task)
    assert second.rc == 0 and second.changed == 1, second.stdout
    group = stored(sandbox, "Spanish Billing")
    assert group["skillConditions"] == API_CONDITIONS and group["description"] == "Billing in Spanish"
    assert divisions_of(sandbox, group) == ["Sales", "Support"], "its own division, and the one asked for"

    start = len(sandbox.journal())
    third = play(task, check=True)
    fourth = play(task)
    assert (third.rc, third.changed, fourth.rc, fourth.changed) == (0, 0, 0, 0), fourth.stdout
    assert writes(sandbox.journal(start)) == []
    reads = [e["path"] for e in sandbox.journal(start) if e["path"].startswith(GROUPS)]
    per_call = len(reads) / 2
    assert reads.count(GROUPS) == 2, "one listing per call"
    assert per_call == 3, "a listing, the one group with conditions read in full, its member divisions: " + str(reads)


def test_an_update_keeps_what_the_item_does_not_set(sandbox, play):
    assert play([skills(["Billing"]), group_task(name="Spanish Billing", description="Kept",
                                                 skill_conditions=CONDITIONS)]).rc == 0
    start = len(sandbox.journal())
    changed = play([group_task(name="Spanish Billing", division="Sales")], diff=True)
    assert changed.rc == 0 and changed.changed == 1, changed.stdout
    group = stored(sandbox, "Spanish Billing")
    assert group["division"]["name"] == "Sales"
    assert group["description"] == "Kept" and group["skillConditions"] == API_CONDITIONS
    patches = [e for e in writes(sandbox.journal(start)) if e["method"] == "PATCH"]
    assert len(patches) == 1 and patches[0]["body"]["skillConditions"] == API_CONDITIONS


def test_conditions_are_checked_at_every_depth_before_any_write(sandbox, play):
    deep = [{"operation": "And", "routing_skill_conditions": [{
        "routing_skill": "Billing", "comparator": "GreaterThan", "proficiency": 1, "child_conditions": [
            {"operation": "Maybe", "language_skill_conditions": [
                {"language_skill": "Klingon", "comparator": "Near", "proficiency": 9, "colour": "red"}]}]}]}]
    assert play([skills(["Billing"])]).rc == 0
    start = len(sandbox.journal())
    refused = play([group_task(name="Deep", skill_conditions=deep)])
    assert refused.rc != 0
    msg = refused.result("groups")["msg"]
    for part in ("'Maybe' is not one of And, Or, Not", "language 'Klingon' does not exist", "'Near' is not one of",
                 "9 is out of range; allowed 0 to 5", "unsupported options colour"):
        assert part in msg, msg
    assert writes(sandbox.journal(start)) == []


def test_authoritative_member_divisions_never_remove_the_own_division(sandbox, play):
    task = group_task(name="Everyone", division="Sales", member_divisions=["Support", "Home"])
    assert play([task]).rc == 0
    group = stored(sandbox, "Everyone")
    assert divisions_of(sandbox, group) == ["Home", "Sales", "Support"]
    narrowed = {"name": "Everyone", "member_divisions": ["Home"], "member_divisions_mode": "authoritative"}
    refused = play([group_task(items=[narrowed])])
    assert refused.rc != 0 and "max_deletions" in refused.result("groups")["msg"]
    allowed = play([group_task(items=[narrowed], max_deletions=1)])
    assert allowed.rc == 0 and allowed.changed == 1, allowed.stdout
    assert divisions_of(sandbox, group) == ["Home", "Sales"], "Support removed; its own division (Sales) kept"
    again = play([group_task(items=[narrowed], max_deletions=1)])
    assert again.rc == 0 and again.changed == 0
    every = play([group_task(name="Everyone", member_divisions=["*"])])
    assert every.rc == 0 and every.changed == 1 and divisions_of(sandbox, group) == ["Home", "Sales", "Support"]
    assert play([group_task(name="Everyone", member_divisions=["*"])]).changed == 0


def test_rename_by_case_delete_and_info(sandbox, play):
    assert play([skills(["Billing"]), group_task(name="spanish billing", skill_conditions=CONDITIONS)]).rc == 0
    renamed = play([group_task(name="Spanish Billing")])
    assert renamed.rc == 0 and renamed.changed == 1 and stored(sandbox, "Spanish Billing") is not None
    info = play([{"name": "info", "cxops.genesys.genesys_skill_group_info": {
        "name": "Spanish Billing", "include": ["member_divisions"]}}])
    found = info.result("info")["objects"]
    assert len(found) == 1 and found[0]["skill_conditions"][0]["routing_skill_conditions"][0]["routing_skill"] == \
        "Billing" and found[0]["member_divisions"] == ["Home"], found
    gone = play([group_task(name="Spanish Billing", state="absent")])
    assert gone.rc == 0 and gone.changed == 1 and stored(sandbox, "Spanish Billing") is None

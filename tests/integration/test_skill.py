"""genesys_skill and genesys_skill_info against the sandbox, with real ansible-playbook runs."""

from integration.conftest import writes


def skill_task(**options):
    return {"name": "skills", "cxops.genesys.genesys_skill": options}


def active_skills(sandbox, org="acme-us"):
    return {s["name"]: s for s in sandbox.objects("skills", org) if s["state"] == "active"}


def test_four_steps_single_skill(sandbox, play):
    task = [skill_task(name="Billing", division="Sales")]
    start = len(sandbox.journal())
    first = play(task, check=True, diff=True)
    assert first.rc == 0, first.stdout + first.stderr
    assert first.changed == 1
    assert first.result("skills")["results"][0]["action"] == "created"
    assert writes(sandbox.journal(start)) == [], "check mode sent a write"
    assert active_skills(sandbox) == {}

    second = play(task)
    assert second.rc == 0 and second.changed == 1
    skill = active_skills(sandbox)["Billing"]
    assert skill["division"]["name"] == "Sales"

    third = play(task, check=True)
    assert third.rc == 0 and third.changed == 0
    fourth = play(task)
    assert fourth.rc == 0 and fourth.changed == 0
    assert len(active_skills(sandbox)) == 1


def test_division_move_uses_patch_and_absent_soft_deletes(sandbox, play):
    assert play([skill_task(name="Billing")]).rc == 0
    start = len(sandbox.journal())
    moved = play([skill_task(name="Billing", division="Support")], diff=True)
    assert moved.changed == 1
    diff = moved.result("skills")["diff"][0]
    assert diff["before"]["division"] == "Home" and diff["after"]["division"] == "Support"
    assert [(e["method"], e["body"]) for e in writes(sandbox.journal(start))] == [
        ("PATCH", {"divisionId": active_skills(sandbox)["Billing"]["division"]["id"]})]

    gone = play([skill_task(name="Billing", state="absent")])
    assert gone.changed == 1 and active_skills(sandbox) == {}
    again = play([skill_task(name="Billing", state="absent")])
    assert again.changed == 0, "a soft-deleted skill counts as absent"


def test_items_purge_is_guarded(sandbox, play):
    assert play([skill_task(items=[{"name": n} for n in ("A1", "B1", "C1")])]).rc == 0
    start = len(sandbox.journal())
    refused = play([skill_task(items=[{"name": "A1"}], purge=True)])
    assert refused.rc != 0
    assert "max_deletions is 0" in refused.result("skills")["msg"]
    assert writes(sandbox.journal(start)) == []
    allowed = play([skill_task(items=[{"name": "A1"}], purge=True, max_deletions=2)])
    assert allowed.rc == 0 and set(active_skills(sandbox)) == {"A1"}


def test_unknown_division_fails_before_any_write(sandbox, play):
    start = len(sandbox.journal())
    run = play([skill_task(items=[{"name": "Ok"}, {"name": "Bad", "division": "Nowhere"}])])
    assert run.rc != 0
    msg = run.result("skills")["msg"]
    assert "division 'Nowhere' does not exist" in msg and "Sales" in msg
    assert writes(sandbox.journal(start)) == []


def test_info_reads_by_name_and_all(sandbox, play):
    assert play([skill_task(items=[{"name": "A1"}, {"name": "B1", "division": "Sales"}])]).rc == 0
    run = play([{"name": "one", "cxops.genesys.genesys_skill_info": {"name": "B1"}},
                {"name": "all", "cxops.genesys.genesys_skill_info": {}}])
    assert run.rc == 0
    assert [(o["name"], o["division"]) for o in run.result("one")["objects"]] == [("B1", "Sales")]
    assert {o["name"] for o in run.result("all")["objects"]} == {"A1", "B1"}


def test_a_loop_shares_one_token_and_one_listing(sandbox, play):
    """The modules run on the controller: loop items share the session, so a 20-item loop sends
    1 token request, 1 listing and 20 creates; its dry rerun sends the listing only."""
    sandbox.faults(rate_limit=0)
    loop = [{"name": "loop", "cxops.genesys.genesys_skill": {"name": "{{ item }}"},
             "loop": ["Loop skill {0:02d}".format(i) for i in range(20)]}]
    start = len(sandbox.journal())
    assert play(loop).changed == 1
    routes = [(e["method"], e["path"]) for e in sandbox.journal(start)]
    assert routes.count(("POST", "/oauth/token")) == 1
    assert routes.count(("GET", "/api/v2/routing/skills")) == 1
    assert routes.count(("POST", "/api/v2/routing/skills")) == 20 and len(routes) == 22
    start = len(sandbox.journal())
    assert play(loop, check=True).changed == 0
    assert [(e["method"], e["path"]) for e in sandbox.journal(start)] == [("GET", "/api/v2/routing/skills")]

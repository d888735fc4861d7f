"""genesys_wrapper (wrap-up codes): four steps, GET-merge-PUT, redirect, and a large check-mode run."""

from integration.conftest import writes


def code_task(**options):
    return {"name": "codes", "cxops.genesys.genesys_wrapper": options}


def codes(sandbox, org="acme-us"):
    return {c["name"]: c for c in sandbox.objects("wrapupcodes", org)}


def test_four_steps(sandbox, play):
    task = [code_task(items=[{"name": "Resolved", "description": "Done"}, {"name": "Escalated", "division": "Support"}])]
    start = len(sandbox.journal())
    first = play(task, check=True, diff=True)
    assert first.rc == 0 and first.changed == 1
    assert first.result("codes")["summary"]["created"] == 2
    assert len(first.result("codes")["diff"]) == 2, "one diff entry per object"
    assert writes(sandbox.journal(start)) == []
    assert play(task).changed == 1
    assert codes(sandbox)["Escalated"]["division"]["name"] == "Support"
    assert codes(sandbox)["Resolved"]["description"] == "Done"
    assert play(task, check=True).changed == 0
    assert play(task).changed == 0


def test_update_keeps_fields_the_user_did_not_set(sandbox, play):
    assert play([code_task(name="Resolved", description="Done", division="Sales")]).rc == 0
    start = len(sandbox.journal())
    run = play([code_task(name="Resolved", description="Closed by the agent")], diff=True)
    assert run.rc == 0 and run.changed == 1
    code = codes(sandbox)["Resolved"]
    assert code["description"] == "Closed by the agent"
    assert code["division"]["name"] == "Sales", "the full-replace PUT must carry the division it was not told about"
    puts = [e for e in writes(sandbox.journal(start)) if e["method"] == "PUT"]
    assert len(puts) == 1 and puts[0]["body"]["division"]["id"] == code["division"]["id"]


def test_redirect_alias_works(sandbox, play):
    run = play([{"name": "alias", "cxops.genesys.genesys_wrapup_code": {"name": "Callback"}}])
    assert run.rc == 0 and "Callback" in codes(sandbox)


def test_check_mode_over_500_skills_and_200_codes_lists_once_per_type(sandbox, play):
    sandbox.admin("POST", "/orgs/acme-us/objects", json={
        "skills": ["Skill {0:03d}".format(i) for i in range(500)],
        "wrapupcodes": ["Code {0:03d}".format(i) for i in range(200)]})
    skills = [{"name": "Skill {0:03d}".format(i)} for i in range(500)]
    codes_ = [{"name": "Code {0:03d}".format(i)} for i in range(200)]
    tasks = [{"name": "skills", "cxops.genesys.genesys_skill": {"items": skills}},
             {"name": "codes", "cxops.genesys.genesys_wrapper": {"items": codes_}}]
    start = len(sandbox.journal())
    run = play(tasks, check=True, diff=True)
    assert run.rc == 0 and run.changed == 0
    journal = sandbox.journal(start)
    routes = [(e["method"], e["template"]) for e in journal]
    assert routes.count(("POST", "/oauth/token")) == 1, "one token request per org per run"
    assert routes.count(("GET", "/api/v2/routing/skills")) == 1, "500 skills fit one page of 500"
    assert routes.count(("GET", "/api/v2/routing/wrapupcodes")) == 2, "200 codes are two pages of 100"
    assert len(journal) == 4


def test_info_reads_codes_with_division_names(sandbox, play):
    assert play([code_task(items=[{"name": "Resolved", "description": "Done", "division": "Sales"},
                                  {"name": "Escalated"}])]).rc == 0
    run = play([{"name": "some", "cxops.genesys.genesys_wrapper_info": {"names": ["Resolved", "Missing"]}}])
    assert run.rc == 0
    objects = run.result("some")["objects"]
    assert [(o["name"], o["description"], o["division"]) for o in objects] == [("Resolved", "Done", "Sales")]

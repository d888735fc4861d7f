"""playbooks/site.yml over the two sandbox orgs: dependency order, idempotence, no write in check mode."""

from integration.conftest import writes


def test_site_converges_both_orgs_in_dependency_order(sandbox, site):
    start = len(sandbox.journal())
    dry = site("--check", "--diff")
    assert dry.rc == 0, dry.stdout + dry.stderr
    assert writes(sandbox.journal(start)) == [], "the dry run sent a write"
    first = site()
    assert first.rc == 0, first.stdout + first.stderr
    assert first.stats("acme-us")["changed"] > 0 and first.stats("acme-eu")["changed"] > 0
    skills = {s["name"]: s["id"] for s in sandbox.objects("skills")}
    queue = next(q for q in sandbox.objects("queues") if q["name"] == "Billing Support")
    assert queue["bullseye"]["rings"][0]["actions"]["skillsToRemove"] == [{"id": skills["Billing"]}], \
        "a queue references a skill created earlier in the same run"
    worktype = next(w for w in sandbox.objects("worktypes"))
    assert worktype["defaultQueueId"] == queue["id"]
    order = [e["template"].split("/")[3:5] for e in writes(sandbox.journal(start)) if e["org"] == "acme-us"
             and e["method"] == "POST" and e["template"].count("/") == 4]
    kinds = [k[1] if k[0] == "routing" else k[1] for k in order]
    assert kinds.index("skills") < kinds.index("wrapupcodes") < kinds.index("queues") < kinds.index("workbins")
    languages = dict((x["name"], x["id"]) for x in sandbox.objects("languages", "acme-eu"))
    users = dict((u["email"], u["id"]) for u in sandbox.admin("GET", "/orgs/acme-eu/users").values())
    held = sandbox.objects("user_languages", "acme-eu")
    assert held[users["bernd@acme-eu.example"]] == {
        languages["Dutch"]: {"proficiency": 5, "state": "active"},
        languages["German"]: {"proficiency": 3, "state": "active"}}, "a language created earlier in the same run"
    group = next(g for g in sandbox.objects("skillgroups", "acme-eu") if g["name"] == "German Billing")
    assert group["skillConditions"][0]["languageSkillConditions"][0]["languageSkill"] == "German"
    team = next(t["id"] for t in sandbox.objects("teams", "acme-eu").values() if t["name"] == "Frühschicht")
    billing_de = next(q for q in sandbox.objects("queues", "acme-eu") if q["name"] == "Billing DE")
    assert billing_de["memberGroups"] == [{"id": group["id"], "type": "SKILLGROUP"}, {"id": team, "type": "TEAM"}], \
        "member groups by name, a skill group created earlier in the same run"
    api = sandbox.session(sandbox.EU)
    members = api.get(sandbox.url + "/api/v2/routing/queues/{0}/members".format(billing_de["id"])).json()["entities"]
    assert [(m["name"], m["memberBy"]) for m in members] == [("Anna Agentin", "group")], \
        "anna meets the skill group's conditions: Billing 4, German 5"
    assert sandbox.objects("utilization", "acme-eu")["utilization"]["email"]["maximumCapacity"] == 3
    again = site("--check", "--diff")
    assert again.rc == 0 and again.stats("acme-us")["changed"] == 0 and again.stats("acme-eu")["changed"] == 0
    assert site().stats("acme-us")["changed"] == 0


def test_run_summary_per_org_written_as_json(sandbox, site, tmp_path):
    path = tmp_path / "summary.json"
    run = site(env={"ANSIBLE_CALLBACKS_ENABLED": "cxops.genesys.genesys_summary",
                    "CXOPS_GENESYS_SUMMARY_PATH": str(path)})
    assert run.rc == 0, run.stdout
    import json
    summary = json.loads(path.read_text())["orgs"]
    assert set(summary) == {"acme-us", "acme-eu"}
    us = summary["acme-us"]
    assert us["types"]["skill"]["created"] == 3 and us["types"]["queue"]["created"] == 2
    assert us["token_requests"] == 1, "one token request per org per run"
    journal = [e for e in sandbox.journal() if e["org"] == "acme-us" and e["path"].startswith("/api/v2")]
    assert us["api_requests"] == len(journal), "every request of the org is counted"
    assert "Genesys summary for acme-us" in run.stdout

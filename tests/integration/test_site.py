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
    again = site("--check", "--diff")
    assert again.rc == 0 and again.stats("acme-us")["changed"] == 0 and again.stats("acme-eu")["changed"] == 0
    assert site().stats("acme-us")["changed"] == 0

"""The genesys_summary callback is a change record one can approve from: its counts equal what the
sandbox's journal saw, for a loop, a dry run (marked as a plan) and a create adopted after a 409."""

import concurrent.futures
import json

SKILLS = "/api/v2/routing/skills"


def summary_run(play, tmp_path, tasks, **options):
    tmp_path.mkdir(exist_ok=True)
    path = tmp_path / "summary-{0}.json".format(len(list(tmp_path.glob("summary-*"))))
    run = play(tasks, env={"ANSIBLE_CALLBACKS_ENABLED": "cxops.genesys.genesys_summary",
                           "CXOPS_GENESYS_SUMMARY_PATH": str(path)}, **options)
    return run, json.loads(path.read_text())


def loop(names, action="cxops.genesys.genesys_skill"):
    return {"name": "skills", action: {"name": "{{ item }}"}, "loop": names}


def api(entries):
    return [e for e in entries if e["path"].startswith("/api/v2/")]


def test_a_loop_counts_every_item_as_the_journal_does(sandbox, play, tmp_path):
    start = len(sandbox.journal())
    run, summary = summary_run(play, tmp_path, [loop(["Billing", "Spanish", "French"])])
    assert run.rc == 0 and summary["mode"] == "apply"
    org = summary["orgs"]["localhost"]
    journal = sandbox.journal(start)
    posts = [e for e in journal if e["method"] == "POST" and e["path"] == SKILLS and e["status"] < 300]
    assert org["types"]["skill"]["created"] == len(posts) == 3
    assert org["changes"] == 3
    assert org["api_requests"] == len(api(journal))
    assert org["token_requests"] == sum(1 for e in journal if e["path"] == "/oauth/token") == 1


def test_a_dry_run_is_marked_as_a_plan_and_counts_what_it_would_do(sandbox, play, tmp_path):
    assert play([loop(["Billing"])]).rc == 0
    start = len(sandbox.journal())
    run, summary = summary_run(play, tmp_path, [loop(["Billing", "Spanish", "French"]),
                                                {"name": "codes", "cxops.genesys.genesys_wrapup_code": {
                                                    "items": [{"name": "Resolved"}]}}], check=True, diff=True)
    assert run.rc == 0 and summary["mode"] == "plan"
    org = summary["orgs"]["localhost"]
    assert org["mode"] == "plan"
    assert (org["types"]["skill"]["created"], org["types"]["skill"]["unchanged"]) == (2, 1)
    assert org["types"]["wrapper"]["created"] == 1, "the alias genesys_wrapup_code counts under its module's name"
    assert set(org["types"]) == {"skill", "wrapper"}
    journal = sandbox.journal(start)
    assert [e for e in api(journal) if e["method"] != "GET"] == [], "a plan writes nothing"
    assert org["api_requests"] == len(api(journal))
    assert "Genesys summary for localhost (PLAN, check mode: nothing was written)" in run.stdout
    assert "2 would be created" in run.stdout


def test_a_create_refused_as_taken_counts_as_adopted(sandbox, play, tmp_path):
    """Another run created the skills a moment ago and listings do not show them yet: this run's
    creates are refused with 409, and it finds and uses those skills."""
    sandbox.faults(listing_lag=5.0)
    first, first_summary = summary_run(play, tmp_path, [loop(["Billing", "Spanish", "French"])])
    assert first.rc == 0 and first_summary["orgs"]["localhost"]["types"]["skill"]["created"] == 3
    start = len(sandbox.journal())
    second, summary = summary_run(play, tmp_path, [{"name": "skills", "cxops.genesys.genesys_skill": {
        "items": [{"name": "Billing"}, {"name": "Spanish"}, {"name": "French"}]}}])
    sandbox.faults(listing_lag=0)
    assert second.rc == 0, second.stdout
    counts = summary["orgs"]["localhost"]["types"]["skill"]
    assert (counts["created"], counts["adopted"]) == (0, 3)
    assert summary["orgs"]["localhost"]["changes"] == 0
    posts = [e for e in sandbox.journal(start) if e["method"] == "POST" and e["path"] == SKILLS]
    assert posts and all(e["status"] == 409 for e in posts), "every create of this run was refused"
    assert sorted(s["name"] for s in sandbox.objects("skills")) == ["Billing", "French", "Spanish"]
    result = second.result("skills")
    assert [r["action"] for r in result["results"]] == ["adopted"] * 3 and result["changed"] is False


def test_two_runs_started_together_count_each_skill_once_as_created(sandbox, play, tmp_path):
    """Both runs list no skill, both create: the API takes one create per name and refuses the other
    with 409, whose run adopts the skill. Together the summaries count what the journal saw."""
    names = ["Billing", "Spanish", "French", "Returns"]
    sandbox.faults(listing_lag=2.0)
    start = len(sandbox.journal())
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        runs = list(pool.map(lambda n: summary_run(play, tmp_path / str(n), [
            {"name": "skills", "cxops.genesys.genesys_skill": {"items": [{"name": x} for x in names]}}]), range(2)))
    sandbox.faults(listing_lag=0)
    assert [run.rc for run, dummy in runs] == [0, 0]
    counts = [summary["orgs"]["localhost"]["types"]["skill"] for dummy, summary in runs]
    posts = [e for e in sandbox.journal(start) if e["method"] == "POST" and e["path"] == SKILLS]
    created = set(e["body"]["name"] for e in posts if e["status"] < 300)
    refused = set(e["body"]["name"] for e in posts if e["status"] == 409)
    assert sum(c["created"] for c in counts) == len(created) == 4
    assert sum(c["adopted"] for c in counts) == len(refused)
    assert all(c["created"] + c["adopted"] + c["unchanged"] == 4 for c in counts)
    assert sorted(s["name"] for s in sandbox.objects("skills")) == sorted(names)

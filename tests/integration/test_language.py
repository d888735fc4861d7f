"""genesys_language and genesys_language_info against the sandbox, with real ansible-playbook runs."""

from integration.conftest import writes

LANGUAGES = "/api/v2/routing/languages"


def language_task(**options):
    return {"name": "languages", "cxops.genesys.genesys_language": options}


def active(sandbox, org="acme-us"):
    return sorted(x["name"] for x in sandbox.objects("languages", org) if x["state"] == "active")


def test_four_steps_over_a_list(sandbox, play):
    before = active(sandbox)
    task = [language_task(items=[{"name": "German"}, {"name": "Japanese"}])]
    start = len(sandbox.journal())
    first = play(task, check=True, diff=True)
    assert first.rc == 0 and first.changed == 1, first.stdout
    assert [r["action"] for r in first.result("languages")["results"]] == ["created", "created"]
    assert writes(sandbox.journal(start)) == [], "check mode sent a write"
    assert active(sandbox) == before

    second = play(task)
    assert second.rc == 0 and second.changed == 1
    assert active(sandbox) == sorted(before + ["German", "Japanese"])
    posts = [e for e in writes(sandbox.journal(start)) if e["path"] == LANGUAGES]
    assert [e["body"] for e in posts] == [{"name": "German"}, {"name": "Japanese"}]

    start = len(sandbox.journal())
    third = play(task, check=True)
    fourth = play(task)
    assert (third.rc, third.changed, fourth.rc, fourth.changed) == (0, 0, 0, 0)
    assert writes(sandbox.journal(start)) == []
    lists = [e for e in sandbox.journal(start) if e["path"] == LANGUAGES]
    assert len(lists) == 2, "one listing per call, no GET per language"


def test_a_case_only_difference_is_the_same_language(sandbox, play):
    assert play([language_task(name="German")]).rc == 0
    start = len(sandbox.journal())
    again = play([language_task(name="GERMAN")])
    assert again.rc == 0 and again.changed == 0
    assert writes(sandbox.journal(start)) == []


def test_absent_soft_deletes_and_purge_is_guarded(sandbox, play):
    assert play([language_task(items=[{"name": "German"}, {"name": "Japanese"}])]).rc == 0
    start = len(sandbox.journal())
    refused = play([language_task(items=[{"name": "German"}], purge=True)])
    assert refused.rc != 0 and "max_deletions is 0" in refused.result("languages")["msg"]
    assert writes(sandbox.journal(start)) == []

    gone = play([language_task(name="Japanese", state="absent")])
    assert gone.rc == 0 and gone.changed == 1 and "Japanese" not in active(sandbox)
    again = play([language_task(name="Japanese", state="absent")])
    assert again.rc == 0 and again.changed == 0, "a soft-deleted language counts as absent"


def test_info_reads_by_name(sandbox, play):
    assert play([language_task(items=[{"name": "German"}, {"name": "Japanese"}])]).rc == 0
    info = play([{"name": "info", "cxops.genesys.genesys_language_info": {"names": ["German", "Nope"]}},
                 {"name": "all", "cxops.genesys.genesys_language_info": {}}])
    assert [x["name"] for x in info.result("info")["objects"]] == ["German"]
    assert {"German", "Japanese"} <= set(x["name"] for x in info.result("all")["objects"])

"""genesys_user_skills: agents' skills by email and name, additive or authoritative, bulk writes."""

from integration.conftest import writes


def agents_task(**options):
    return {"name": "agents", "cxops.genesys.genesys_user_skills": options}


def held_by(sandbox, email, kind):
    """What a user holds of a kind (skills, languages), name to proficiency, from the sandbox's state."""
    users = sandbox.objects("users")
    user_id = next(u for u, v in users.items() if v["email"] == email)
    names = {x["id"]: x["name"] for x in sandbox.objects(kind)}
    return {names[k]: v["proficiency"] for k, v in sandbox.objects("user_" + kind).get(user_id, {}).items()}


def skills_of(sandbox, email):
    return held_by(sandbox, email, "skills")


def test_four_steps_bulk_and_inactive_users(sandbox, play):
    sandbox.admin("POST", "/orgs/acme-us/objects", json={"skills": ["S{0:02d}".format(i) for i in range(60)]})
    items = [{"user": "alice@acme.example", "skills": [{"name": "S{0:02d}".format(i), "proficiency": 3}
                                                       for i in range(60)]},
             {"user": "bob@acme.example", "skills": [{"name": "S01", "proficiency": 4.5}]},
             {"user": "erin@acme.example", "skills": [{"name": "S01", "proficiency": 1}]},
             {"user": "frank@acme.example", "skills": [{"name": "S01", "proficiency": 1}]}]
    task = [agents_task(items=items)]
    start = len(sandbox.journal())
    first = play(task, check=True, diff=True)
    assert first.rc == 0 and first.changed == 1
    assert writes(sandbox.journal(start)) == []
    second = play(task)
    assert second.rc == 0 and second.changed == 1
    warnings = " ".join(second.result("agents")["warnings"])
    assert "inactive user erin@acme.example" in warnings and "deleted user frank@acme.example" in warnings
    patches = [e for e in writes(sandbox.journal(start)) if e["method"] == "PATCH"]
    assert sorted(len(e["body"]) for e in patches) == [1, 10, 50], "bulk writes of at most 50"
    assert len(skills_of(sandbox, "alice@acme.example")) == 60
    assert skills_of(sandbox, "bob@acme.example") == {"S01": 4.5}
    assert play(task, check=True).changed == 0
    assert play(task).changed == 0
    listings = [e for e in sandbox.journal(start) if e["template"] == "/api/v2/users"]
    assert all("expand=skills" in e["query"] for e in listings)


def test_additive_keeps_and_authoritative_removes_within_the_allowance(sandbox, play):
    sandbox.admin("POST", "/orgs/acme-us/objects", json={"skills": ["Billing", "Spanish", "French"]})
    assert play([agents_task(user="alice@acme.example", skills=[{"name": "Billing", "proficiency": 2},
                                                                {"name": "Spanish", "proficiency": 2}])]).rc == 0
    assert play([agents_task(user="alice@acme.example", skills=[{"name": "French", "proficiency": 5}])]).changed == 1
    assert skills_of(sandbox, "alice@acme.example") == {"Billing": 2, "Spanish": 2, "French": 5}
    only = dict(user="alice@acme.example", mode="authoritative", skills=[{"name": "Billing", "proficiency": 1}])
    start = len(sandbox.journal())
    refused = play([agents_task(**only)])
    assert refused.rc != 0 and "max_deletions is 0" in refused.result("agents")["msg"]
    assert writes(sandbox.journal(start)) == []
    assert play([agents_task(max_deletions=2, **only)]).changed == 1
    assert skills_of(sandbox, "alice@acme.example") == {"Billing": 1}


def test_bad_input_fails_before_any_write(sandbox, play):
    sandbox.admin("POST", "/orgs/acme-us/objects", json={"skills": ["Billing"]})
    start = len(sandbox.journal())
    for options, message in (
            (dict(user="nobody@acme.example", skills=[{"name": "Billing", "proficiency": 1}]), "no user has this email"),
            (dict(user="alice@acme.example", skills=[{"name": "Nope", "proficiency": 1}]), "skill 'Nope' does not exist"),
            (dict(user="alice@acme.example", skills=[{"name": "Billing", "proficiency": 7}]), "allowed 0 to 5"),
            (dict(items=[{"user": "alice@acme.example", "skills": [{"name": "Billing"}]}]), "items[0]")):
        run = play([agents_task(**options)])
        assert run.rc != 0 and message in run.result("agents")["msg"], (message, run.result("agents")["msg"])
    assert writes(sandbox.journal(start)) == []


def languages_of(sandbox, email):
    return held_by(sandbox, email, "languages")


def test_languages_in_four_steps_next_to_skills(sandbox, play):
    sandbox.admin("POST", "/orgs/acme-us/objects", json={"skills": ["Billing"]})
    items = [{"user": "alice@acme.example", "skills": [{"name": "Billing", "proficiency": 3}],
              "languages": [{"name": "English", "proficiency": 5}, {"name": "Spanish", "proficiency": 3}]},
             {"user": "bob@acme.example", "languages": [{"name": "French", "proficiency": 4}]}]
    task = [agents_task(items=items)]
    start = len(sandbox.journal())
    first = play(task, check=True, diff=True)
    assert first.rc == 0 and first.changed == 1
    assert writes(sandbox.journal(start)) == [], "check mode sent a write"
    assert first.result("agents")["results"][0]["after"]["languages"] == {"English": 5.0, "Spanish": 3.0}
    second = play(task)
    assert second.rc == 0 and second.changed == 1
    assert languages_of(sandbox, "alice@acme.example") == {"English": 5, "Spanish": 3}
    assert languages_of(sandbox, "bob@acme.example") == {"French": 4}
    assert skills_of(sandbox, "alice@acme.example") == {"Billing": 3}
    assert sorted(e["path"].rsplit("/", 2)[-2] for e in writes(sandbox.journal(start))) == [
        "routinglanguages", "routinglanguages", "routingskills"], "one bulk PATCH per user and kind"
    start = len(sandbox.journal())
    assert play(task, check=True).changed == 0 and play(task).changed == 0
    assert writes(sandbox.journal(start)) == []
    reads = [e for e in sandbox.journal(start) if "/users" in e["path"]]
    assert reads and all(e["template"] == "/api/v2/users" and "languages" in e["query"] for e in reads), \
        "users listed with their languages expanded, never read one by one"


def test_authoritative_languages_remove_by_delete_within_the_allowance(sandbox, play):
    assert play([agents_task(user="alice@acme.example", languages=[
        {"name": "English", "proficiency": 5}, {"name": "Spanish", "proficiency": 3}])]).rc == 0
    only = dict(user="alice@acme.example", languages_mode="authoritative", languages=[{"name": "French", "proficiency": 2}])
    start = len(sandbox.journal())
    refused = play([agents_task(**only)])
    assert refused.rc != 0 and "language assignment" in refused.result("agents")["msg"]
    assert writes(sandbox.journal(start)) == []
    assert play([agents_task(max_deletions=2, **only)]).rc == 0
    assert languages_of(sandbox, "alice@acme.example") == {"French": 2}
    methods = sorted((e["method"], e["path"].split("/")[-1]) for e in writes(sandbox.journal(start)))
    assert [m for m, dummy in methods] == ["DELETE", "DELETE", "PATCH"], "no bulk replace for languages"
    skills_untouched = play([agents_task(user="alice@acme.example", languages=[{"name": "French", "proficiency": 2}])])
    assert skills_untouched.changed == 0

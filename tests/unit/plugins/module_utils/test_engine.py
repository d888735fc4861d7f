"""The engine as a matrix: state x exists x check mode (x diff content), against the sandbox."""

import threading
import time

import pytest

from ansible_collections.cxops.genesys.plugins.module_utils.client import GenesysClient
from ansible_collections.cxops.genesys.plugins.module_utils.engine import Engine, differs
from ansible_collections.cxops.genesys.plugins.module_utils.errors import ConflictError, InputError
from ansible_collections.cxops.genesys.plugins.module_utils.routing import (
    QueueMembers, QueueSpec, SkillGroupSpec, SkillSpec, UtilizationSpec, WrapupCodeSpec)

WRITES = ("POST", "PUT", "PATCH", "DELETE")


def engine(sandbox, tmp_path, spec=None, check_mode=False):
    client = GenesysClient(api_url=sandbox.url, token_cache_dir=str(tmp_path / "tokens"), **sandbox.US)
    return Engine(client, spec or WrapupCodeSpec(), check_mode=check_mode)


def api_writes(sandbox, since):
    return [e for e in sandbox.journal(since) if e["method"] in WRITES and e["path"].startswith("/api/v2")]


@pytest.mark.parametrize("check_mode", [False, True])
@pytest.mark.parametrize("exists", [False, True])
@pytest.mark.parametrize("state", ["present", "absent"])
def test_matrix(sandbox, tmp_path, state, exists, check_mode):
    if exists:
        engine(sandbox, tmp_path).ensure([{"name": "Resolved", "description": "old"}], single=True)
    start = len(sandbox.journal())
    desired = {"name": "Resolved", "state": state, "description": "new"}
    result = engine(sandbox, tmp_path, check_mode=check_mode).ensure([desired], single=True)
    expected = {("present", False): "created", ("present", True): "updated",
                ("absent", False): "unchanged", ("absent", True): "deleted"}[(state, exists)]
    entry = result["results"][0]
    assert entry["action"] == expected
    assert result["changed"] == (expected != "unchanged")
    assert len(result["diff"]) == (0 if expected == "unchanged" else 1)
    if expected == "updated":
        assert result["diff"][0]["before"]["description"] == "old"
        assert result["diff"][0]["after"]["description"] == "new"
        assert result["diff"][0]["before_header"] == "wrap-up code Resolved"
    if expected == "created":
        assert entry["after"]["description"] == "new" and entry["before"] is None
    if expected == "deleted":
        assert entry["after"] is None
    stored = {c["name"]: c for c in sandbox.objects("wrapupcodes")}
    if check_mode or expected == "unchanged":
        assert api_writes(sandbox, start) == []
        assert ("Resolved" in stored) == exists
    else:
        assert api_writes(sandbox, start)
        assert ("Resolved" in stored) == (state == "present")
    # Converged: running again predicts no change.
    if not check_mode:
        again = engine(sandbox, tmp_path, check_mode=True).ensure([desired], single=True)
        assert again["changed"] is False


def test_unset_options_are_not_compared(sandbox, tmp_path):
    engine(sandbox, tmp_path).ensure([{"name": "Resolved", "description": "kept"}], single=True)
    result = engine(sandbox, tmp_path).ensure([{"name": "Resolved"}], single=True)
    assert result["changed"] is False


def test_purge_counts_against_max_deletions(sandbox, tmp_path):
    engine(sandbox, tmp_path).ensure([{"name": n} for n in ("A1", "B1", "C1")], max_deletions=0)
    start = len(sandbox.journal())
    with pytest.raises(InputError, match="Refusing to delete 2 wrap-up code.*B1, C1.*max_deletions is 1"):
        engine(sandbox, tmp_path).ensure([{"name": "A1"}], purge=True, max_deletions=1)
    assert api_writes(sandbox, start) == []
    result = engine(sandbox, tmp_path).ensure([{"name": "A1"}], purge=True, max_deletions=2)
    assert result["summary"] == {"created": 0, "updated": 0, "deleted": 2, "unchanged": 1}


@pytest.mark.parametrize("items,message", [
    ([{"name": ""}], "needs a non-empty name"),
    ([{"name": "x" * 257}], "257 characters long; 1 to 256 are allowed"),
    ([{"name": "A"}, {"name": "A"}], "listed more than once"),
    ([{"name": "A", "division": "Nowhere"}], "division: division 'Nowhere' does not exist; known: Home, Sales, Support"),
    ([{"name": "A", "description": "d" * 513}], "description: is 513 characters long; at most 512"),
])
def test_bad_input_fails_before_any_write(sandbox, tmp_path, items, message):
    start = len(sandbox.journal())
    with pytest.raises(InputError, match=message):
        engine(sandbox, tmp_path).ensure(items, max_deletions=0)
    assert api_writes(sandbox, start) == []


def test_create_whose_answer_is_lost_is_not_duplicated(sandbox, tmp_path):
    eng = engine(sandbox, tmp_path, spec=SkillSpec())
    eng.client.get("/api/v2/organizations/me")
    sandbox.faults(drop_rate=1.0)
    try:
        with pytest.raises(Exception):
            eng.client.request("POST", "/api/v2/routing/skills", body={"name": "Lost"})
    finally:
        sandbox.faults(drop_rate=0.0)
    result = engine(sandbox, tmp_path, spec=SkillSpec()).ensure([{"name": "Lost"}], single=True)
    assert result["changed"] is False
    assert [s["name"] for s in sandbox.objects("skills")] == ["Lost"]


def test_gateway_timeout_on_create_adopts_the_created_object(sandbox, tmp_path):
    eng = engine(sandbox, tmp_path, spec=SkillSpec())
    eng.client.get("/api/v2/organizations/me")
    sandbox.faults(timeout_writes=1)
    result = eng.ensure([{"name": "Timeout"}], single=True)
    assert result["results"][0]["action"] == "created"
    assert [s["name"] for s in sandbox.objects("skills")] == ["Timeout"]
    assert [e["status"] for e in sandbox.journal() if e["method"] == "POST" and "skills" in e["path"]] == [504]


@pytest.mark.parametrize("desired,current,result", [
    ({"a": 1}, {"a": 1, "b": 2}, False), ({"a": 1}, {"a": 2}, True), (1, 1.0, False), (True, 1, True),
    ([1, 2], [1, 2], False), ([1, 2], [2, 1], True), ({"a": None}, {"a": 5}, False), ("x", None, True)])
def test_differs(desired, current, result):
    assert differs(desired, current) is result


def test_sub_resource_reads_run_as_many_at_once_as_the_client_has_workers(sandbox, tmp_path):
    running, peak = [0], [0]
    lock = threading.Lock()

    class SlowMembers(QueueMembers):
        def read(self, client, refs, obj):
            with lock:
                running[0] += 1
                peak[0] = max(peak[0], running[0])
            time.sleep(0.2)  # long enough that every worker has started, even on a loaded machine
            with lock:
                running[0] -= 1
            return []

    class Spec(QueueSpec):
        associations = {"members": SlowMembers()}

    queues = [{"name": "Queue {0}".format(i)} for i in range(24)]
    engine(sandbox, tmp_path, spec=QueueSpec()).ensure(queues, max_deletions=0)
    checker = engine(sandbox, tmp_path, spec=Spec(), check_mode=True)
    result = checker.ensure([dict(q, members=[{"user": "alice@acme.example"}]) for q in queues])
    assert result["summary"]["updated"] == 24
    assert peak[0] == checker.client.workers == 20  # two per token of the default pool of 10


def test_concurrent_reads_stay_within_the_rate_limit(sandbox, tmp_path):
    queues = [{"name": "Queue {0}".format(i), "members": [{"user": "alice@acme.example"}]} for i in range(40)]
    engine(sandbox, tmp_path, spec=QueueSpec()).ensure(queues, max_deletions=0)
    # A window holds more requests than the client has workers (20), as the real 300 a minute does: a
    # fresh window, whose budget the client learns from its first answers, is never overrun by one burst.
    sandbox.faults(rate_limit=25, rate_window=1)
    time.sleep(1.1)  # a fresh window: the set-up's requests counted in the last one
    start = len(sandbox.journal())
    result = engine(sandbox, tmp_path, spec=QueueSpec(), check_mode=True).ensure(queues)
    assert result["changed"] is False
    statuses = [e["status"] for e in sandbox.journal(start)]
    assert len(statuses) > 40 and statuses.count(429) == 0, "the window's end is waited for, not hit"


def test_a_put_answered_409_is_merged_again_twice_at_most(sandbox, tmp_path):
    engine(sandbox, tmp_path).ensure([{"name": "Resolved", "description": "old"}], single=True)
    sandbox.faults(conflict_puts=2)
    result = engine(sandbox, tmp_path).ensure([{"name": "Resolved", "description": "new"}], single=True)
    assert result["results"][0]["action"] == "updated"
    assert [c["description"] for c in sandbox.objects("wrapupcodes")] == ["new"]
    puts = [e["status"] for e in sandbox.journal() if e["method"] == "PUT"]
    assert puts == [409, 409, 200]
    sandbox.faults(conflict_puts=3)
    with pytest.raises(ConflictError):
        engine(sandbox, tmp_path).ensure([{"name": "Resolved", "description": "newer"}], single=True)


def test_a_field_nested_in_itself_has_a_finite_argument_spec_and_is_checked_at_every_depth(sandbox, tmp_path):
    spec = SkillGroupSpec()
    arg = spec.fields["skill_conditions"].argument_spec()
    child = arg["options"]["routing_skill_conditions"]["options"]["child_conditions"]
    assert child == {"type": "list", "elements": "dict"}, "the engine, not Ansible, checks deeper levels"
    run = engine(sandbox, tmp_path, spec)
    held = {"routing_skill": "Nope", "proficiency": "high", "child_conditions": [{"operation": "Xor"}]}
    deep = [{"operation": "And", "routing_skill_conditions": [held]}]
    problems = run.check_fields({"name": "G", "skill_conditions": deep})
    text = "; ".join(problems)
    assert "skill_conditions[0].routing_skill_conditions[0].routing_skill: skill 'Nope' does not exist" in text
    assert "skill_conditions[0].routing_skill_conditions[0].proficiency: 'high' is not a int" in text
    assert "child_conditions[0].operation: 'Xor' is not one of And, Or, Not" in text


def test_a_reference_typed_by_a_sibling_and_given_by_id_or_other_case_compares_equal(sandbox, tmp_path):
    run = engine(sandbox, tmp_path, QueueSpec())
    group = next(iter(sandbox.objects("groups")))
    field = QueueSpec.fields["member_groups"]
    view = [{"name": "Tier 2 Team", "type": "GROUP"}]
    assert run.canonical(field, [{"name": group, "type": "GROUP"}]) == view
    assert run.canonical(field, [{"name": "tier 2 TEAM", "type": "GROUP"}]) == view
    assert run.to_api(field, [{"name": "Night Shift", "type": "TEAM"}])[0]["type"] == "TEAM"
    assert not differs(run.canonical(field, [{"name": group, "type": "GROUP"}]), view)
    assert "member_groups[0].name: team 'Tier 2 Team' does not exist" in "; ".join(
        run.check_fields({"name": "Q", "member_groups": [{"name": "Tier 2 Team", "type": "TEAM"}]}))


def test_a_singleton_updates_by_get_merge_put(sandbox, tmp_path):
    start = len(sandbox.journal())
    result = engine(sandbox, tmp_path, UtilizationSpec()).ensure(
        [{"name": "org", "utilization": {"chat": {"maximum_capacity": 2}}}], single=True)
    assert result["results"][0]["action"] == "updated"
    assert [(e["method"], e["path"]) for e in sandbox.journal(start) if e["path"].startswith("/api/v2/routing")] == [
        ("GET", "/api/v2/routing/utilization"), ("GET", "/api/v2/routing/utilization"),
        ("PUT", "/api/v2/routing/utilization")]
    again = engine(sandbox, tmp_path, UtilizationSpec()).ensure(
        [{"name": "org", "utilization": {"chat": {"maximum_capacity": 2}}}], single=True)
    assert again["changed"] is False

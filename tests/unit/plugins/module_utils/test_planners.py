"""The planners as pure functions: no HTTP (any request fails the test), references known up front."""

import pytest

from ansible_collections.cxops.genesys.plugins.module_utils.agents import AgentSkillsSpec, UserSkills
from ansible_collections.cxops.genesys.plugins.module_utils.engine import Engine, differs, merge
from ansible_collections.cxops.genesys.plugins.module_utils.errors import InputError
from ansible_collections.cxops.genesys.plugins.module_utils.references import References
from ansible_collections.cxops.genesys.plugins.module_utils.routing import QueueMembers, QueueSpec, WrapupCodeSpec
from ansible_collections.cxops.genesys.plugins.module_utils.taskmanagement import WorktypeStatuses
from ansible_collections.cxops.genesys.plugins.module_utils.tasks import TaskSpec


class NoHTTP:
    stats = {}

    def __getattr__(self, name):
        raise AssertionError("a planner used the client: " + name)


def engine(spec, **kinds):
    refs = References(NoHTTP())
    for kind, objects in kinds.items():
        refs.objects[kind] = dict((o["id"], o) for o in objects)
        for obj in objects:
            refs.learn(kind, obj)
        refs._complete.add(kind)
    return Engine(NoHTTP(), spec, references=refs)


def create(eng, item):
    return eng._plan(0, item, None)


def test_order_creates_what_is_referenced_first():
    eng = engine(QueueSpec(), queue=[{"id": "q-old", "name": "Old"}])
    plan = [create(eng, {"name": "A", "direct_routing": {"backup_queue": "B"}}), create(eng, {"name": "B"}),
            create(eng, {"name": "C", "conditional_group_routing": {"rules": [{"queue": "A"}, {"queue": "Old"}]}})]
    assert [s["name"] for s in eng._order(plan)] == ["B", "A", "C"]
    assert plan[0]["deps"] == {"b"} and plan[2]["deps"] == {"a"}, "folded keys; an existing queue is no dependency"


@pytest.mark.parametrize("items, cycle", [
    ([{"name": "A", "direct_routing": {"backup_queue": "B"}}, {"name": "B", "direct_routing": {"backup_queue": "A"}}],
     "'A' -> 'B' -> 'A'"),
    ([{"name": "S", "direct_routing": {"backup_queue": "S"}}], "'S' -> 'S'"),
])
def test_a_cycle_is_refused(items, cycle):
    eng = engine(QueueSpec(), queue=[])
    with pytest.raises(InputError, match=cycle):
        eng._order([create(eng, item) for item in items])


def test_an_update_changes_only_what_the_item_sets():
    eng = engine(WrapupCodeSpec(), division=[{"id": "d1", "name": "Home"}])
    current = {"id": "c1", "name": "Done", "description": "old", "division": {"id": "d1", "name": "Home"}}
    step = eng._plan(0, {"name": "Done", "description": "new"}, current)
    assert step["action"] == "update" and step["changes"] == {"description": "new"}
    assert eng._plan(0, {"name": "Done", "division": "Home"}, current)["action"] == "unchanged"


def test_the_guard_counts_deletions_and_removed_associations():
    eng = engine(QueueSpec())
    plan = [dict(name="A", action="delete", assoc={}), dict(name="B", action="update", assoc={
        "members": {"removes": ["ann@example.com"]}})]
    with pytest.raises(InputError, match=r"Refusing to delete 2 queue\(s\) or associations \(A, ann@example.com from B"):
        eng._guard(plan, 1, single=False)
    eng._guard(plan, 2, single=False)
    skills = engine(AgentSkillsSpec())
    with pytest.raises(InputError, match=r"Refusing to remove 1 skill assignment\(s\)"):
        skills._guard([dict(name="ann", action="update", assoc={"skills": {"removes": ["Billing"]}})], 0, False)


def test_queue_members_plan():
    refs = engine(QueueSpec(), user=[{"id": "u1", "email": "ann@x", "state": "active"},
                                     {"id": "u2", "email": "bob@x", "state": "inactive"}]).refs
    now = [{"user": "ann@x", "ring_number": 1}, {"user": "cid@x", "ring_number": 2}]
    plan = QueueMembers().plan(refs, {"members": [{"user": "ann@x", "ring_number": 3}, {"user": "bob@x"}]}, now)
    assert plan["updates"] == [{"user": "ann@x", "ring_number": 3}] and plan["adds"] == [] and plan["removes"] == []
    assert plan["warnings"] == ["skipped inactive user bob@x"]
    item = {"members": [{"user": "ann@x", "ring_number": 1}], "members_mode": "authoritative"}
    assert QueueMembers().plan(refs, item, now)["removes"] == ["cid@x"]


def test_user_skills_plan():
    now = {"Billing": 3.0, "Tech": 1.0}
    additive = UserSkills().plan(None, {"skills": [{"name": "Billing", "proficiency": 4}]}, now)
    assert additive["updates"] == ["Billing"] and additive["removes"] == [] and additive["after"]["Tech"] == 1.0
    authoritative = UserSkills().plan(None, {"mode": "authoritative", "skills": [{"name": "New", "proficiency": 1}]},
                                      now)
    assert authoritative["adds"] == ["New"] and authoritative["removes"] == ["Billing", "Tech"]


def test_a_status_category_never_changes():
    now = [{"name": "Open", "category": "Open", "default": True}]
    with pytest.raises(InputError, match="a status category cannot change"):
        WorktypeStatuses().plan(None, {"name": "T", "statuses": [{"name": "Open", "category": "Closed"}]}, now)


@pytest.mark.parametrize("state, current, action", [
    ("terminated", None, "failed"),
    ("terminated", {"id": "w1", "statusCategory": "Closed", "status": {"name": "Done"}}, "unchanged"),
    ("terminated", {"id": "w1", "statusCategory": "Open", "status": {"name": "Open"}}, "terminate"),
    ("present", None, "failed"),  # no name to create it with
])
def test_work_item_plans(state, current, action):
    eng = engine(TaskSpec())
    step = eng._step(0, {"worktype": "T", "external_tag": "X", "state": state}, current)
    TaskSpec().plan(eng, step)
    assert step["action"] == action


def test_differs_and_merge():
    assert not differs({"a": 1, "b": None}, {"a": 1.0, "c": 2})
    assert differs([{"a": 1}], [{"a": 1}, {"a": 2}])
    assert differs(True, 1)
    target = {"settings": {"a": 1, "b": 2}, "list": [1]}
    merge(target, {"settings": {"b": 3}, "list": [2]})
    assert target == {"settings": {"a": 1, "b": 3}, "list": [2]}

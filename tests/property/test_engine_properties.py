"""Hypothesis properties of the engine, against the in-process sandbox: random desired states of
wrap-up codes and queues (nested settings, divisions, members).

- applied, then checked again: no change;
- A then B ends in the same state as B alone (B naming what A had as absent, for the fields B sets);
- a dry run sends no write;
- the diff's before and after equal the states read from the sandbox before and after.
"""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ansible_collections.cxops.genesys.plugins.module_utils.client import GenesysClient
from ansible_collections.cxops.genesys.plugins.module_utils.engine import Engine
from ansible_collections.cxops.genesys.plugins.module_utils.routing import QueueSpec, WrapupCodeSpec

pytestmark = pytest.mark.properties

WRITES = ("POST", "PUT", "PATCH", "DELETE")
NAMES = ["Alpha", "Bravo", "Charlie", "Delta", "Echo"]
USERS = ["alice@acme.example", "bob@acme.example", "carol@acme.example", "dave@acme.example"]
SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

text = st.text(alphabet="abc XYZ-1", min_size=0, max_size=12)
division = st.sampled_from(["Home", "Sales", "Support"])
wrapup_item = st.fixed_dictionaries({"description": text, "division": division})
queue_item = st.fixed_dictionaries({
    "description": text,
    "division": division,
    "skill_evaluation_method": st.sampled_from(["NONE", "BEST", "ALL"]),
    "enable_transcription": st.booleans(),
    "acw_settings": st.fixed_dictionaries({"wrapup_prompt": st.sampled_from(["OPTIONAL", "MANDATORY"])}),
    "media_settings": st.fixed_dictionaries({"call": st.fixed_dictionaries({
        "alerting_timeout_seconds": st.integers(min_value=7, max_value=300)})}),
    "members": st.lists(st.sampled_from(USERS), unique=True, max_size=3).map(
        lambda users: [{"user": u, "ring_number": 1} for u in users]),
    "members_mode": st.just("authoritative"),
})


def desired_states(item):
    """A desired state: some of the names, each with random settings."""
    return st.dictionaries(st.sampled_from(NAMES), item, max_size=4).map(
        lambda found: [dict(settings, name=name) for name, settings in sorted(found.items())])


KINDS = [(WrapupCodeSpec, desired_states(wrapup_item)), (QueueSpec, desired_states(queue_item))]


def engine(sandbox, spec, check_mode=False):
    client = GenesysClient(api_url=sandbox.url, token_cache_dir=None, **sandbox.US)
    return Engine(client, spec(), check_mode=check_mode)


def ensure(sandbox, spec, items, check_mode=False):
    return engine(sandbox, spec, check_mode).ensure(items, max_deletions=100)


def replacing(first, second):
    """`second`, with every object of `first` that it does not name marked absent."""
    named = set(i["name"] for i in second)
    return second + [{"name": i["name"], "state": "absent", "force_delete": True} for i in first
                     if i["name"] not in named]


def state(sandbox, spec, items=None):
    """The objects as read from the sandbox, by name, with associations, limited to what items set."""
    read = dict((o["name"], o) for o in engine(sandbox, spec).read())
    if spec is QueueSpec:
        e = engine(sandbox, spec)
        for name, view in read.items():
            queue = {"id": view["id"]}
            view["members"] = spec.associations["members"].read(e.client, e.refs, queue)
    if items is None:
        return read
    return dict((i["name"], dict((k, read.get(i["name"], {}).get(k)) for k in i if k != "members_mode"))
                for i in items if i.get("state") != "absent")


def api_writes(sandbox, since):
    return [e for e in sandbox.journal(since) if e["method"] in WRITES and e["path"].startswith("/api/v2")
            and not e["path"].endswith("/query")]


def fresh(sandbox_server):
    sandbox_server.reset()
    sandbox_server.faults(rate_limit=0)
    return sandbox_server


@pytest.mark.parametrize("spec, states", KINDS, ids=["wrapup_codes", "queues"])
def test_applied_then_checked_gives_no_change(sandbox_server, spec, states):
    @SETTINGS
    @given(states)
    def prop(items):
        sandbox = fresh(sandbox_server)
        ensure(sandbox, spec, items)
        start = len(sandbox.journal())
        again = ensure(sandbox, spec, items, check_mode=True)
        assert again["changed"] is False, again["diff"]
        assert api_writes(sandbox, start) == []
        assert ensure(sandbox, spec, items)["changed"] is False

    prop()


@pytest.mark.parametrize("spec, states", KINDS, ids=["wrapup_codes", "queues"])
def test_a_then_b_equals_b(sandbox_server, spec, states):
    @SETTINGS
    @given(states, states)
    def prop(first, second):
        sandbox = fresh(sandbox_server)
        ensure(sandbox, spec, first)
        ensure(sandbox, spec, replacing(first, second))
        after_both = state(sandbox, spec, second)
        names_both = sorted(state(sandbox, spec))
        sandbox = fresh(sandbox_server)
        ensure(sandbox, spec, second)
        assert state(sandbox, spec, second) == after_both
        assert sorted(state(sandbox, spec)) == names_both == sorted(i["name"] for i in second)

    prop()


@pytest.mark.parametrize("spec, states", KINDS, ids=["wrapup_codes", "queues"])
def test_dry_run_writes_nothing_and_diffs_match_the_sandbox(sandbox_server, spec, states):
    @SETTINGS
    @given(states, states)
    def prop(first, second):
        sandbox = fresh(sandbox_server)
        ensure(sandbox, spec, first)
        before = state(sandbox, spec)
        start = len(sandbox.journal())
        second = replacing(first, second)
        dry = ensure(sandbox, spec, second, check_mode=True)
        assert api_writes(sandbox, start) == [], "a dry run never writes"
        assert state(sandbox, spec) == before
        applied = ensure(sandbox, spec, second)
        after = state(sandbox, spec)
        assert [r["action"] for r in dry["results"]] == [r["action"] for r in applied["results"]]
        for planned, done in zip(dry["results"], applied["results"]):
            name = done["name"]
            if done.get("before") is not None:  # before: what the sandbox held (none for an unchanged one)
                assert planned["before"] == done["before"]
                assert {k: v for k, v in done["before"].items() if k in before[name]} == \
                    {k: before[name][k] for k in done["before"] if k in before[name]}
            if done.get("after") is not None:  # after: what the sandbox holds now, as the dry run predicted
                item = next(i for i in second if i["name"] == name)
                for key in item:
                    if key not in ("members_mode", "state", "force_delete"):
                        assert done["after"][key] == after[name][key], key
                        predicted = _set_parts(planned["after"][key], item[key])
                        assert predicted == _set_parts(after[name][key], item[key]), key

    prop()


def _set_parts(actual, desired):
    """The parts of an object the user set, as read back (a dict keeps only the keys given)."""
    if isinstance(desired, dict) and isinstance(actual, dict):
        return dict((k, _set_parts(actual.get(k), v)) for k, v in desired.items())
    return actual

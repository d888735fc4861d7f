"""Bad input, for every module: each task fails before any write, with a message naming the field
or object and what is allowed. One playbook holds every case (ignore_errors), so the suite costs
one ansible-playbook run; the sandbox journal proves that none of it wrote anything."""

import pytest

from integration.conftest import writes

pytestmark = pytest.mark.badinput

LONG = "x" * 300
RESOURCES = ["genesys_skill", "genesys_language", "genesys_wrapper", "genesys_queue", "genesys_workbin",
             "genesys_worktype", "genesys_skill_group"]
INFOS = ["genesys_skill_info", "genesys_language_info", "genesys_wrapper_info", "genesys_queue_info",
         "genesys_workbin_info", "genesys_worktype_info", "genesys_skill_group_info"]
# The smallest valid arguments of each module, that the connection cases are added to.
VALID = dict(
    [(m, {"name": "Valid"}) for m in RESOURCES + INFOS]
    + [("genesys_task", {"worktype": "Invoice", "external_tag": "t-1", "name": "Valid"}),
       ("genesys_task_info", {"worktype": "Invoice"}),
       ("genesys_user_skills", {"user": "alice@acme.example", "skills": [{"name": "Billing", "proficiency": 3}]}),
       ("genesys_preflight", {}), ("genesys_export", {}),
       ("genesys_routing_utilization", {"utilization": {"call": {"maximum_capacity": 1}}})])

CASES = []  # (case id, module, args or None for the valid ones, connection override, expected fragments)


def case(case_id, module, args, *expected, connection=None):
    CASES.append(pytest.param(module, args, connection, expected, id=case_id))


for module in sorted(VALID):
    case(module + "-unknown-option", module, dict(VALID[module], colour="red"),
         "Unsupported parameters for (cxops.genesys.{0}) module: colour".format(module), "Supported parameters")
    case(module + "-no-credentials", module, VALID[module], "client_id", "access_token",
         connection={"client_id": None, "client_secret": None})
    case(module + "-wrong-secret", module, VALID[module], "Authentication failed", "invalid_client",
         connection={"client_secret": "not-the-secret"})
    case(module + "-unknown-region", module, VALID[module], "Unknown region 'mars-1'", "eu-west-1",
         connection={"api_url": None, "region": "mars-1"})
    case(module + "-plain-http-remote", module, VALID[module], "plain http", "allow_http",
         connection={"api_url": "http://genesys.example.com"})
    case(module + "-timeout-type", module, VALID[module], "timeout", "int", connection={"timeout": "soon"})

for module in RESOURCES:
    case(module + "-empty-name", module, {"name": ""}, "needs a non-empty name")
    case(module + "-long-name", module, {"name": LONG}, "300 characters long", "to 256 are allowed")
    case(module + "-bad-state", module, {"name": "Alpha", "state": "gone"}, "state", "present, absent")
    case(module + "-items-type", module, {"items": "Billing"}, "items", "dict")
    case(module + "-purge-without-items", module, {"name": "Alpha", "purge": True}, "purge needs items")
    case(module + "-purge-over-max-deletions", module, {"items": [{"name": "Valid"}], "purge": True},
         "Refusing to delete", "max_deletions is 0")
    case(module + "-unknown-item-option", module, {"items": [{"name": "Alpha", "colour": "red"}]},
         "items[0] (Alpha): Unsupported parameters: colour", "Supported parameters")
    case(module + "-bad-item", module, {"items": [{"name": "Alpha"}, {"name": "Beta", "state": "maybe"}]},
         "items[1] (Beta)", "state", "present, absent")
for module in ["genesys_skill", "genesys_wrapper", "genesys_queue", "genesys_workbin", "genesys_worktype",
               "genesys_skill_group"]:
    case(module + "-unknown-division", module, {"name": "Alpha", "division": "Nowhere"},
         "division: division 'Nowhere' does not exist", "known: Home, Sales, Support")

case("queue-bad-enum", "genesys_queue", {"name": "Queue Q", "skill_evaluation_method": "SOME"},
     "skill_evaluation_method", "NONE, BEST, ALL")
case("queue-out-of-range", "genesys_queue", {"name": "Queue Q", "acw_settings": {"timeout_ms": 10}},
     "acw_settings.timeout_ms: 10 is out of range", "1000 to 3600000")
case("queue-unknown-member", "genesys_queue", {"name": "Queue Q", "members": [{"user": "nobody@acme.example"}]},
     "members: user 'nobody@acme.example' does not exist")
case("queue-ring-number", "genesys_queue", {"name": "Queue Q", "members": [{"user": "alice@acme.example",
                                                                            "ring_number": 9}]},
     "ring_number of alice@acme.example must be 1 to 6")
case("queue-unknown-wrapup-code", "genesys_queue", {"name": "Queue Q", "wrapup_codes": ["Nope"]},
     "wrap-up code 'Nope' does not exist")
case("queue-members-type", "genesys_queue", {"name": "Queue Q", "members": "alice@acme.example"}, "members", "dict")
case("queue-members-mode", "genesys_queue", {"name": "Queue Q", "members": [], "members_mode": "replace"},
     "members_mode", "additive, authoritative")
case("queue-member-group-unknown", "genesys_queue",
     {"name": "Queue Q", "member_groups": [{"name": "Nobody", "type": "TEAM"}]},
     "member_groups[0].name: team 'Nobody' does not exist", "known: Night Shift")
case("queue-member-group-type", "genesys_queue", {"name": "Queue Q", "member_groups": [{"name": "Night Shift"}]},
     "member_groups[0]: needs type, one of GROUP, SKILLGROUP, TEAM")
case("queue-flow-of-another-type", "genesys_queue", {"name": "Queue Q", "queue_flow": "Email Hold"},
     "queue_flow: inqueuecall-flow 'Email Hold' does not exist", "known: Default In-Queue")
case("queue-unknown-script", "genesys_queue", {"name": "Queue Q", "default_scripts": {"CALL": "Nope"}},
     "default_scripts.CALL: script 'Nope' does not exist", "Default Call Script")
ADDRESS = {"domain": "support.acme.example", "route": "sales@support.acme.example"}
case("queue-unknown-route", "genesys_queue", {"name": "Queue Q", "outbound_email_address": ADDRESS},
     "email-route 'sales@support.acme.example' does not exist", "help@support.acme.example")


def conditions(**held):
    return [{"operation": "And", "routing_skill_conditions": [dict({"routing_skill": "Nope"}, **held)]}]


case("skill-group-bad-comparator", "genesys_skill_group", {"name": "Group G", "skill_conditions": conditions(
    comparator="Near")}, "comparator", "EqualTo, NotEqualTo")
case("skill-group-unknown-skill", "genesys_skill_group",
     {"name": "Group G", "skill_conditions": conditions(comparator="EqualTo", proficiency=2)},
     "skill_conditions[0].routing_skill_conditions[0].routing_skill: skill 'Nope' does not exist")
case("skill-group-unknown-member-division", "genesys_skill_group", {"name": "Group G", "member_divisions": ["Nowhere"]},
     "member_divisions: division 'Nowhere' does not exist")
case("utilization-unknown-media", "genesys_routing_utilization", {"utilization": {"fax": {"maximum_capacity": 1}}},
     "utilization: key 'fax' is not one of call, callback, chat, email, message")
case("utilization-out-of-range", "genesys_routing_utilization", {"utilization": {"call": {"maximum_capacity": 26}}},
     "utilization.call.maximum_capacity: 26 is out of range", "0 to 25")
case("utilization-bad-type", "genesys_routing_utilization", {"utilization": {"call": {"include_non_acd": "often"}}},
     "utilization.call.include_non_acd: 'often' is not a bool")
case("worktype-bad-category", "genesys_worktype", {"name": "Worktype W", "statuses": [{"name": "S", "category": "Done"}]},
     "category", "Open, InProgress, Waiting, Closed")
case("worktype-unknown-workbin", "genesys_worktype", {"name": "Worktype W", "default_workbin": "Nope"},
     "default_workbin: workbin 'Nope' does not exist")
case("worktype-out-of-range", "genesys_worktype", {"name": "Worktype W", "service_level_target": 150},
     "service_level_target: 150 is out of range", "0 to 100")
case("task-unknown-worktype", "genesys_task", {"worktype": "Nope", "external_tag": "t-1", "name": "Task T"},
     "worktype 'Nope' does not exist")
case("task-priority-range", "genesys_task", {"items": [{"worktype": "Invoice", "external_tag": "t-1", "name": "Task T",
                                                        "priority": 99999999}]},
     "priority", "out of range")
case("task-bad-date", "genesys_task", {"worktype": "Invoice", "external_tag": "t-1", "name": "Task T",
                                       "date_due": "next tuesday"}, "date_due", "ISO-8601")
case("task-bad-state", "genesys_task", {"worktype": "Invoice", "external_tag": "t-1", "state": "done"},
     "state", "present, terminated, absent")
case("task-info-too-many-filters", "genesys_task_info", {"worktype": "Invoice", "status_category": "Open",
                                                         "external_tag": "t", "created_after": "2026-01-01T00:00:00Z"},
     "at most 3 filters")
case("user-skills-proficiency", "genesys_user_skills", {"user": "alice@acme.example",
                                                        "skills": [{"name": "Billing", "proficiency": 7}]},
     "proficiency of Billing is 7.0; allowed 0 to 5")
case("user-skills-unknown-user", "genesys_user_skills", {"user": "nobody@acme.example",
                                                         "skills": [{"name": "Billing", "proficiency": 1}]},
     "nobody@acme.example", "no user has this email")
case("user-skills-unknown-skill", "genesys_user_skills", {"user": "alice@acme.example",
                                                          "skills": [{"name": "Juggling", "proficiency": 1}]},
     "skill 'Juggling' does not exist")
case("user-skills-mode", "genesys_user_skills", {"user": "alice@acme.example", "mode": "replace",
                                                 "skills": [{"name": "Billing", "proficiency": 1}]},
     "mode", "additive, authoritative")
case("user-skills-max-deletions", "genesys_user_skills", {"user": "bob@acme.example", "mode": "authoritative",
                                                          "skills": [{"name": "Billing", "proficiency": 1}]},
     "Refusing to remove 1 skill assignment(s)", "max_deletions is 0")
case("preflight-wrong-org", "genesys_preflight", {"expected_org_id": "8a1c0d2e-0000-4000-8000-000000000002"},
     "8a1c0d2e-0000-4000-8000-000000000002", "acme-us")
case("preflight-unknown-kind", "genesys_preflight", {"naming": {"spaceship": "^S"}}, "Unknown kinds spaceship",
     "allowed")
case("preflight-naming", "genesys_preflight", {"naming": {"skill": "^[A-Z]+$"}, "desired": {"skill": ["bad name"]}},
     "bad name", "^[A-Z]+$")
case("info-names-type", "genesys_skill_info", {"names": {"a": 1}}, "names", "list")


@pytest.fixture(scope="module")
def bad_input_run(sandbox_server, tmp_path_factory):
    """Seed what the valid parts refer to, then run every case in one playbook."""
    from integration.conftest import run_playbook

    sandbox = sandbox_server
    sandbox.reset()
    sandbox.faults(rate_limit=0)
    env = {"CXOPS_GENESYS_TOKEN_CACHE": str(tmp_path_factory.mktemp("tokens"))}
    seed = run_playbook(sandbox, [
        {"name": "seed skills", "cxops.genesys.genesys_skill": {"items": [{"name": "Billing"}, {"name": "Valid"},
                                                                          {"name": "Extra"}]}},
        {"name": "seed wrapup codes", "cxops.genesys.genesys_wrapper": {"items": [{"name": "Valid"},
                                                                                  {"name": "Extra"}]}},
        {"name": "seed queues", "cxops.genesys.genesys_queue": {"items": [{"name": "Valid"}, {"name": "Extra"}]}},
        {"name": "seed workbins", "cxops.genesys.genesys_workbin": {"items": [{"name": "Valid"}, {"name": "Extra"},
                                                                              {"name": "Bin"}]}},
        {"name": "seed worktypes", "cxops.genesys.genesys_worktype": {"items": [
            {"name": "Valid", "default_workbin": "Bin"}, {"name": "Extra", "default_workbin": "Bin"},
            {"name": "Invoice", "default_workbin": "Bin"}]}},
        {"name": "seed skill groups", "cxops.genesys.genesys_skill_group": {"items": [{"name": "Valid"},
                                                                                      {"name": "Extra"}]}},
        {"name": "seed bob's skills", "cxops.genesys.genesys_user_skills": {
            "user": "bob@acme.example", "skills": [{"name": "Billing", "proficiency": 1},
                                                   {"name": "Extra", "proficiency": 2}]}},
    ], env=env)
    assert seed.rc == 0, seed.stdout
    tasks = []
    for param in CASES:
        module, args, connection, dummy = param.values
        tasks.append({"name": param.id, "cxops.genesys." + module: dict(args, **(connection or {})),
                      "ignore_errors": True})
    start = len(sandbox.journal())
    run = run_playbook(sandbox, tasks, env=env)
    return run, sandbox.journal(start)


def test_no_bad_input_wrote_anything(bad_input_run):
    run, journal = bad_input_run
    assert run.rc == 0, run.stdout[-3000:]
    assert len(run.tasks) == len(CASES)
    assert writes(journal) == [], "bad input must be refused before any write"


@pytest.mark.parametrize("module, args, connection, expected", CASES)
def test_bad_input_is_refused_with_a_clear_message(bad_input_run, module, args, connection, expected, request):
    run, dummy = bad_input_run
    result = run.result(request.node.callspec.id)
    assert result["status"] == "failed", result
    for fragment in expected:
        assert fragment in result["msg"], (fragment, result["msg"])
    assert "acme-us-secret" not in str(result)

"""The official SDK is the oracle: it talks to the sandbox, and the sandbox's schemas match its models."""

import importlib
import inspect
import re

import pytest

from genesys_sandbox.schemas import SCHEMAS

sdk = pytest.importorskip("PureCloudPlatformClientV2")


def model(name):
    snake = re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()
    return getattr(importlib.import_module("PureCloudPlatformClientV2.models." + snake), name)


def sdk_enum(cls, json_name):
    instance = cls()
    attr = next(py for py, js in instance.attribute_map.items() if js == json_name)
    source = inspect.getsource(getattr(cls, attr).fset)
    found = re.search(r"allowed_values = (\[.*?\])", source)
    return found and eval(found.group(1))  # noqa: S307 - a literal list from the SDK's source


@pytest.mark.parametrize("schema", sorted(SCHEMAS))
def test_field_names_and_enums_match_the_sdk(schema):
    cls = model(schema)
    names = set(cls().attribute_map.values())
    for field_name, field in SCHEMAS[schema].items():
        assert field_name in names, "{0}.{1} is not a field of the SDK model".format(schema, field_name)
        if field.enum:
            assert field.enum == sdk_enum(cls, field_name), "{0}.{1} enum differs from the SDK".format(
                schema, field_name)


@pytest.fixture
def api(sandbox):
    client = sdk.api_client.ApiClient(host=sandbox.url)
    return client.get_client_credentials_token(sandbox.US["client_id"], sandbox.US["client_secret"])


def new(cls, **attrs):
    """An SDK model with attributes set (its constructors take none)."""
    obj = cls()
    for key, value in attrs.items():
        setattr(obj, key, value)
    return obj


def populated(obj, *fields):
    for f in fields:
        value = getattr(obj, f)
        assert value is not None and not isinstance(value, str) or value not in (None, "", "outdated_sdk_version"), \
            "{0}.{1} is empty".format(type(obj).__name__, f)


def test_routing_calls(api):
    routing = sdk.RoutingApi(api)
    skill = routing.post_routing_skills(new(sdk.CreateRoutingSkill, name="Billing"))
    populated(skill, "id", "name", "division", "state", "version", "self_uri", "date_modified")
    assert routing.get_routing_skill(skill.id).name == "Billing"
    listing = routing.get_routing_skills(page_size=500, name="Bill")
    populated(listing, "entities", "page_size", "page_number", "total", "page_count", "self_uri", "first_uri")
    home = sdk.AuthorizationApi(api).get_authorization_divisions_home()
    routing.patch_routing_skill(skill.id, new(sdk.UpdateSkillDivisionRequest, division_id=home.id))
    code = routing.post_routing_wrapupcodes(new(sdk.WrapupCodeRequest, name="Resolved", description="Done"))
    populated(code, "id", "name", "description", "division", "date_created")
    code = routing.put_routing_wrapupcode(code.id, new(sdk.WrapupCodeRequest, name="Resolved", description="New"))
    assert code.description == "New"
    assert routing.get_routing_wrapupcodes(page_size=100).total == 1
    queue = routing.post_routing_queues(new(sdk.CreateQueueRequest,
                                            name="Support", acw_settings=new(sdk.AcwSettings, wrapup_prompt="MANDATORY_TIMEOUT", timeout_ms=30000)))
    populated(queue, "id", "name", "division", "media_settings", "acw_settings", "skill_evaluation_method")
    assert queue.acw_settings.timeout_ms == 30000
    queue = routing.put_routing_queue(queue.id, new(sdk.QueueRequest, name="Support", description="Tier 1"))
    assert queue.description == "Tier 1" and queue.acw_settings.wrapup_prompt == "OPTIONAL"
    users = sdk.UsersApi(api).get_users(page_size=100)
    populated(users, "entities", "total")
    routing.post_routing_queue_members(queue.id, [new(sdk.WritableEntity, id=users.entities[0].id)])
    members = routing.get_routing_queue_members(queue.id, page_size=100)
    populated(members.entities[0], "id", "name", "ring_number", "joined", "member_by")
    routing.post_routing_queue_wrapupcodes(queue.id, [new(sdk.WrapUpCodeReference, id=code.id)])
    assert routing.get_routing_queue_wrapupcodes(queue.id).entities[0].name == "Resolved"
    routing.delete_routing_queue_wrapupcode(queue.id, code.id)
    routing.delete_routing_queue(queue.id, force_delete=True)
    routing.delete_routing_wrapupcode(code.id)
    routing.delete_routing_skill(skill.id)
    assert routing.get_routing_skill(skill.id).state == "deleted"
    languages = routing.get_routing_languages(page_size=100)
    populated(languages.entities[0], "id", "name", "state")


def test_org_user_and_user_skill_calls(api):
    org = sdk.OrganizationApi(api).get_organizations_me()
    populated(org, "id", "name")
    limits = sdk.OrganizationApi(api).get_organizations_limits_namespace("routing")
    assert {limit.key for limit in limits.entities} == {"queues.max", "wrapup.codes.max"}
    users = sdk.UsersApi(api)
    user = users.get_users(page_size=100).entities[0]
    populated(users.get_user(user.id), "id", "name", "email", "state", "version")
    skill = sdk.RoutingApi(api).post_routing_skills(new(sdk.CreateRoutingSkill, name="Spanish"))
    added = users.post_user_routingskills(user.id, new(sdk.UserRoutingSkillPost, id=skill.id, proficiency=3.0))
    populated(added, "id", "name", "proficiency", "state")
    listing = users.patch_user_routingskills_bulk(user.id, [new(sdk.UserRoutingSkillPost, id=skill.id, proficiency=4.0)])
    assert listing.entities[0].proficiency == 4.0
    assert users.get_user_routingskills(user.id).entities[0].proficiency == 4.0
    users.put_user_routingskills_bulk(user.id, [])
    assert users.get_user_routingskills(user.id).entities == []
    divisions = sdk.AuthorizationApi(api).get_authorization_divisions(page_size=100)
    populated(divisions.entities[0], "id", "name")


def test_language_and_user_routing_language_calls(api):
    routing, users = sdk.RoutingApi(api), sdk.UsersApi(api)
    language = routing.post_routing_languages(new(sdk.Language, name="Dutch"))
    populated(language, "id", "name", "state", "self_uri")
    assert routing.get_routing_language(language.id).name == "Dutch"
    assert "Dutch" in [x.name for x in routing.get_routing_languages(page_size=100, name="Dut").entities]
    user = users.get_users(page_size=100).entities[0]
    added = users.post_user_routinglanguages(user.id, new(sdk.UserRoutingLanguagePost, id=language.id, proficiency=3.0))
    populated(added, "id", "name", "proficiency", "state", "language_uri", "self_uri")
    assert added.self_uri == "/api/v2/users/{0}/routinglanguages/{1}".format(user.id, language.id)
    listing = users.patch_user_routinglanguages_bulk(user.id, [
        new(sdk.UserRoutingLanguagePost, id=language.id, proficiency=5.0)])
    assert [(x.name, x.proficiency) for x in listing.entities] == [("Dutch", 5.0)]
    one = users.patch_user_routinglanguage(user.id, language.id, new(sdk.UserRoutingLanguage, proficiency=2.0))
    assert one.proficiency == 2.0
    assert [(x.name, x.proficiency) for x in users.get_user_routinglanguages(user.id).entities] == [("Dutch", 2.0)]
    expanded = users.get_users(page_size=100, expand=["languages"], id=[user.id]).entities[0]
    assert [x.name for x in expanded.languages] == ["Dutch"]
    users.delete_user_routinglanguage(user.id, language.id)
    assert users.get_user_routinglanguages(user.id).entities == []
    routing.delete_routing_language(language.id)
    assert routing.get_routing_language(language.id).state == "deleted"


def test_task_management_and_audit_calls(api):
    tm = sdk.TaskManagementApi(api)
    workbin = tm.post_taskmanagement_workbins(new(sdk.WorkbinCreate, name="Invoices"))
    populated(workbin, "id", "name", "division", "date_created")
    worktype = tm.post_taskmanagement_worktypes(new(sdk.WorktypeCreate, name="Discrepancy", default_workbin_id=workbin.id))
    populated(worktype, "id", "name", "default_workbin", "statuses", "default_status")
    status = tm.post_taskmanagement_worktype_statuses(worktype.id, new(sdk.WorkitemStatusCreate,
                                                                       name="Investigating", category="InProgress"))
    populated(status, "id", "name", "category")
    assert len(tm.get_taskmanagement_worktype_statuses(worktype.id).entities) == 3
    item = tm.post_taskmanagement_workitems(new(sdk.WorkitemCreate, name="INV-1", type_id=worktype.id, external_tag="t1"))
    populated(item, "id", "name", "type", "status", "status_category", "workbin", "date_created")
    item = tm.patch_taskmanagement_workitem(item.id, new(sdk.WorkitemUpdate, status_id=status.id, priority=5))
    assert item.status_category == "InProgress" and item.priority == 5
    query = new(sdk.WorkitemQueryPostRequest, filters=[
        new(sdk.WorkitemFilter, name="typeId", type="String", operator="EQ", values=[worktype.id]),
        new(sdk.WorkitemFilter, name="externalTag", type="String", operator="EQ", values=["t1"])], page_size=200)
    assert [i.id for i in tm.post_taskmanagement_workitems_query(query).entities] == [item.id]
    history = tm.get_taskmanagement_workitem_history(item.id)
    assert len(history.entities) == 2
    tm.post_taskmanagement_workitem_terminate(item.id, body=new(sdk.WorkitemTerminate))
    assert tm.get_taskmanagement_workitem(item.id).status_category == "Closed"
    assert tm.post_taskmanagement_workbins_query(new(sdk.WorkbinQueryRequest, page_size=200)).entities[0].id == workbin.id
    audits = sdk.AuditApi(api)
    mapping = audits.get_audits_query_servicemapping()
    assert {s.name for s in mapping.services} == {"Routing", "Workitems"}
    status = audits.post_audits_query(new(sdk.AuditQueryRequest, interval="2000-01-01T00:00:00Z/2100-01-01T00:00:00Z",
                                          service_name="Workitems"))
    populated(status, "id", "state")
    import time
    time.sleep(0.4)
    assert audits.get_audits_query_transaction_id(status.id).state == "Succeeded"
    results = audits.get_audits_query_transaction_id_results(status.id, page_size=500)
    populated(results.entities[0], "id", "service_name", "action", "entity_type", "event_date", "entity")
    realtime = audits.post_audits_query_realtime(new(sdk.AuditRealtimeQueryRequest,
                                                     interval="2000-01-01T00:00:00Z/2100-01-01T00:00:00Z", service_name="Routing"))
    assert realtime.total == 0
    tm.delete_taskmanagement_workitem(item.id)


def test_remaining_calls(api):
    routing, users, tm = sdk.RoutingApi(api), sdk.UsersApi(api), sdk.TaskManagementApi(api)
    auth = sdk.AuthorizationApi(api)
    language = routing.post_routing_languages(new(sdk.Language, name="Dutch"))
    assert routing.get_routing_language(language.id).name == "Dutch"
    routing.delete_routing_language(language.id)
    code = routing.post_routing_wrapupcodes(new(sdk.WrapupCodeRequest, name="Resolved"))
    assert routing.get_routing_wrapupcode(code.id).name == "Resolved"
    queue = routing.post_routing_queues(new(sdk.CreateQueueRequest, name="Q"))
    assert routing.get_routing_queue(queue.id).name == "Q"
    assert routing.get_routing_queues(page_size=500, name="Q").total == 1
    user = users.get_users(page_size=100).entities[0]
    routing.post_routing_queue_members(queue.id, [new(sdk.WritableEntity, id=user.id)])
    routing.patch_routing_queue_member(queue.id, user.id, new(sdk.QueueMember, ring_number=2))
    assert routing.get_routing_queue_members(queue.id).entities[0].ring_number == 2
    routing.delete_routing_queue_member(queue.id, user.id)
    sales = next(d for d in auth.get_authorization_divisions().entities if d.name == "Sales")
    assert auth.get_authorization_division(sales.id).name == "Sales"
    auth.post_authorization_division_object(sales.id, "QUEUE", [queue.id])
    assert routing.get_routing_queue(queue.id).division.name == "Sales"
    skill = routing.post_routing_skills(new(sdk.CreateRoutingSkill, name="Spanish"))
    users.post_user_routingskills(user.id, new(sdk.UserRoutingSkillPost, id=skill.id, proficiency=1.0))
    updated = users.put_user_routingskill(user.id, skill.id, new(sdk.UserRoutingSkill, proficiency=2.0))
    assert updated.proficiency == 2.0
    users.delete_user_routingskill(user.id, skill.id)
    workbin = tm.post_taskmanagement_workbins(new(sdk.WorkbinCreate, name="Invoices"))
    assert tm.get_taskmanagement_workbin(workbin.id).name == "Invoices"
    assert tm.patch_taskmanagement_workbin(workbin.id, new(sdk.WorkbinUpdate, description="AP")).description == "AP"
    worktype = tm.post_taskmanagement_worktypes(new(sdk.WorktypeCreate, name="Case", default_workbin_id=workbin.id))
    assert tm.get_taskmanagement_worktype(worktype.id).name == "Case"
    patched = tm.patch_taskmanagement_worktype(worktype.id, new(sdk.WorktypeUpdate, default_priority=5))
    assert patched.default_priority == 5
    status = tm.post_taskmanagement_worktype_statuses(worktype.id, new(sdk.WorkitemStatusCreate, name="Waiting on AP",
                                                                       category="Waiting"))
    assert tm.get_taskmanagement_worktype_status(worktype.id, status.id).category == "Waiting"
    status = tm.patch_taskmanagement_worktype_status(worktype.id, status.id,
                                                     new(sdk.WorkitemStatusUpdate, description="Blocked"))
    assert status.description == "Blocked"
    tm.delete_taskmanagement_worktype_status(worktype.id, status.id)
    found = tm.post_taskmanagement_worktypes_query(new(sdk.WorktypeQueryRequest, page_size=200))
    assert [w.id for w in found.entities] == [worktype.id]
    tm.delete_taskmanagement_worktype(worktype.id)
    tm.delete_taskmanagement_workbin(workbin.id)
    routing.delete_routing_queue(queue.id, force_delete=True)


def test_work_item_bulk_add_jobs(api):
    """The SDK's bulk add job calls: the job (BulkJob), its per-item results (BulkJobAddResponse), and an
    item the API refuses failing alone."""
    tm = sdk.TaskManagementApi(api)
    workbin = tm.post_taskmanagement_workbins(new(sdk.WorkbinCreate, name="Bulk"))
    worktype = tm.post_taskmanagement_worktypes(new(sdk.WorktypeCreate, name="Bulk type", default_workbin_id=workbin.id))
    entities = [new(sdk.WorkitemCommonCreate, name="Bulk {0}".format(i), type_id=worktype.id, external_tag=str(i))
                for i in range(3)]
    entities[1].status_id = "no-such-status"
    job = tm.post_taskmanagement_workitems_bulk_add_jobs(new(sdk.BulkJobAddRequest, entities=entities))
    populated(job, "id", "state", "action", "total_count")
    assert job.action == "AddWorkitems" and job.total_count == 3
    import time
    time.sleep(0.4)
    job = tm.get_taskmanagement_workitems_bulk_add_job(job.id)
    assert job.state == "Succeeded" and (job.successful_count, job.failed_count) == (2, 1)
    populated(job, "date_started", "date_finished", "date_modified")
    results = tm.get_taskmanagement_workitems_bulk_add_job_results(job.id)
    assert results.error_count == 1 and results.error_indexes == [1]
    assert results.results[1].error.code == "bad.request" and results.results[1].entity is None
    created = results.results[0].entity
    populated(created, "id", "name", "workbin", "type")
    assert tm.get_taskmanagement_workitem(created.id).external_tag == "0"


def test_skill_group_calls(api):
    routing, users = sdk.RoutingApi(api), sdk.UsersApi(api)
    skill = routing.post_routing_skills(new(sdk.RoutingSkill, name="Billing"))
    spanish = next(x for x in routing.get_routing_languages(page_size=100).entities if x.name == "Spanish")
    alice = next(u for u in users.get_users(page_size=100).entities if u.email == "alice@acme.example")
    users.post_user_routingskills(alice.id, new(sdk.UserRoutingSkillPost, id=skill.id, proficiency=4.0))
    users.post_user_routinglanguages(alice.id, new(sdk.UserRoutingLanguagePost, id=spanish.id, proficiency=5.0))
    divisions = dict((d.name, d.id) for d in sdk.AuthorizationApi(api).get_authorization_divisions(page_size=100).entities)
    condition = new(sdk.SkillGroupCondition, operation="And", routing_skill_conditions=[
        new(sdk.SkillGroupRoutingCondition, routing_skill="Billing", comparator="GreaterThanOrEqualTo", proficiency=3,
            child_conditions=[new(sdk.SkillGroupCondition, operation="Or", language_skill_conditions=[
                new(sdk.SkillGroupLanguageCondition, language_skill="Spanish", comparator="GreaterThan",
                    proficiency=4)])])])
    created = routing.post_routing_skillgroups(new(sdk.SkillGroupWithMemberDivisions, name="Experts",
                                                   description="d", skill_conditions=[condition]))
    populated(created, "id", "name", "division", "member_count", "status", "skill_conditions", "self_uri")
    for name in ("Other A", "Other B"):
        routing.post_routing_skillgroups(new(sdk.SkillGroupWithMemberDivisions, name=name))
    first = routing.get_routing_skillgroups(page_size=2)
    assert [x.name for x in first.entities] == ["Experts", "Other A"] and first.next_uri
    after = re.search(r"after=([^&]+)", first.next_uri).group(1)
    assert [x.name for x in routing.get_routing_skillgroups(page_size=2, after=after).entities] == ["Other B"]
    assert [x.name for x in routing.get_routing_skillgroups(name="oth").entities] == ["Other A", "Other B"]
    one = routing.get_routing_skillgroup(created.id)
    inner = one.skill_conditions[0].routing_skill_conditions[0].child_conditions[0].language_skill_conditions[0]
    assert (inner.language_skill, inner.proficiency, one.member_count) == ("Spanish", 4, 1)
    patched = routing.patch_routing_skillgroup(created.id, new(sdk.SkillGroup, name="Experts", description="e"))
    assert patched.description == "e" and patched.skill_conditions, "a partial PATCH keeps the conditions"
    users_of = routing.get_routing_skillgroup_members(created.id, expand="name").entities
    assert [u.name for u in users_of] == ["Alice Agent"], "alice holds Billing 4 and Spanish 5"
    routing.post_routing_skillgroup_members_divisions(created.id, body=new(
        sdk.SkillGroupMemberDivisions, add_division_ids=[divisions["Sales"]]))
    listed = routing.get_routing_skillgroup_members_divisions(created.id)
    assert sorted(d.name for d in listed.entities) == ["Home", "Sales"]
    routing.delete_routing_skillgroup(created.id)
    assert [x.name for x in routing.get_routing_skillgroups(page_size=100).entities] == ["Other A", "Other B"]


def test_utilization_calls(api):
    routing = sdk.RoutingApi(api)
    defaults = routing.get_routing_utilization()
    assert sorted(defaults.utilization) == ["call", "callback", "chat", "email", "message"]
    populated(defaults.utilization["call"], "maximum_capacity", "interruptable_media_types", "include_non_acd")
    body = new(sdk.UtilizationRequest, utilization={"call": new(
        sdk.MediaUtilization, maximum_capacity=2, interruptable_media_types=["email"], include_non_acd=True)},
        label_utilizations={"l-1": new(sdk.LabelUtilizationRequest, maximum_capacity=1, interrupting_label_ids=[])})
    answered = routing.put_routing_utilization(body)
    assert answered.utilization["call"].maximum_capacity == 2 and answered.label_utilizations["l-1"].maximum_capacity == 1
    assert routing.get_routing_utilization().utilization["call"].interruptable_media_types == ["email"]
    routing.delete_routing_utilization()
    assert routing.get_routing_utilization().utilization["call"].maximum_capacity == 1


def test_directory_listings_a_queue_references_by_name(api):
    groups = sdk.GroupsApi(api).get_groups(page_size=100).entities
    assert [(g.name, g.type, g.member_count) for g in groups] == [("Tier 2 Team", "official", 1)]
    assert sdk.GroupsApi(api).get_group(groups[0].id).name == "Tier 2 Team"
    teams = sdk.TeamsApi(api).get_teams(page_size=100, name="night").entities
    assert [(t.name, t.member_count) for t in teams] == [("Night Shift", 1)]
    assert sdk.TeamsApi(api).get_team(teams[0].id).name == "Night Shift"
    architect = sdk.ArchitectApi(api)
    flows = architect.get_flows(type=["inqueuecall"], page_size=100).entities
    assert [f.name for f in flows] == ["Default In-Queue"]
    assert architect.get_flow(flows[0].id).type == "INQUEUECALL"
    assert [p.name for p in architect.get_architect_prompts(name=["Hold Music"]).entities] == ["Hold Music"]
    scripts = sdk.ScriptsApi(api).get_scripts_published(page_size=100).entities
    assert [s.name for s in scripts] == ["Default Call Script", "Email Script"]
    libraries = sdk.ResponseManagementApi(api).get_responsemanagement_libraries(page_size=100).entities
    assert [x.name for x in libraries] == ["Billing Answers"]
    routing = sdk.RoutingApi(api)
    domains = routing.get_routing_email_domains(page_size=100).entities
    assert [d.id for d in domains] == ["support.acme.example"]
    routes = routing.get_routing_email_domain_routes("support.acme.example", page_size=100).entities
    assert [r.pattern for r in routes] == ["help"]
    recipients = routing.get_routing_message_recipients(messenger_type="whatsapp", page_size=100).entities
    assert [(r.name, r.messenger_type) for r in recipients] == [("Support WhatsApp", "whatsapp")]
    edges = sdk.TelephonyProvidersEdgeApi(api)
    assert [x.name for x in edges.get_telephony_providers_edges_edgegroups(page_size=100).entities] == ["US Edges"]
    assert [x.name for x in edges.get_telephony_providers_edges_sites(page_size=100).entities] == ["Raleigh"]

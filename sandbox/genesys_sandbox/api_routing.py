"""Routing: skills, languages, wrap-up codes, queues, queue members and queue wrap-up codes."""

import copy
import fnmatch
import time

from flask import g, request

from genesys_sandbox.errors import ApiError, bad_request, not_found
from genesys_sandbox.http import (answer, check_limit, division_id, find, json_body, list_arg, name_taken,
                                  paged, route)
from genesys_sandbox.schemas import MEDIA_TYPES, SCHEMAS
from genesys_sandbox import api_skillgroups
from genesys_sandbox.state import iso, public

# What a queue falls back to for every setting a create or a PUT leaves out. The real
# defaults are UNVERIFIED; what matters for fidelity is that a PUT without a field resets it.
QUEUE_DEFAULTS = {
    "mediaSettings": {m: {"enableAutoAnswer": False, "alertingTimeoutSeconds": 8,
                          "serviceLevel": {"percentage": 0.8, "durationMs": 20000}}
                      for m in ("call", "callback", "chat", "email", "message")},
    "acwSettings": {"wrapupPrompt": "OPTIONAL"},
    "skillEvaluationMethod": "ALL",
    "scoringMethod": "TimestampAndPriority",
    "lastAgentRoutingMode": "Disabled",
    "autoAnswerOnly": True,
    "enableTranscription": False,
    "enableAudioMonitoring": False,
    "enableManualAssignment": False,
    "suppressInQueueCallRecording": True,
}
ACW_TIMEOUT_PROMPTS = ("AGENT_REQUESTED", "MANDATORY_TIMEOUT", "MANDATORY_FORCED_TIMEOUT")
# An org's utilization before anyone sets it: UNVERIFIED values (one conversation of each kind, none interrupting).
UTILIZATION_DEFAULTS = {media: {"maximumCapacity": 1, "interruptableMediaTypes": [], "includeNonAcd": False}
                        for media in MEDIA_TYPES}
# The flow type each flow reference of a queue must have.
FLOW_TYPES = {"queueFlow": "INQUEUECALL", "emailInQueueFlow": "INQUEUEEMAIL", "messageInQueueFlow": "INQUEUESHORTMESSAGE"}


def register(app, sb):
    def lag():
        return sb.faults["listing_lag"]

    # --- skills ------------------------------------------------------------------------------
    @route(app, sb, "/api/v2/routing/skills", ["GET"])
    def list_skills(org):
        items = org.listing("skills")
        prefix = request.args.get("name")
        if prefix:
            items = [s for s in items if s["name"].lower().startswith(prefix.lower())]
        ids = list_arg("id")
        if ids:
            items = [s for s in items if s["id"] in ids]
        return answer(paged(sorted(items, key=lambda s: s["name"].lower()), max_size=500))

    @route(app, sb, "/api/v2/routing/skills", ["POST"])
    def create_skill(org):
        body = json_body("CreateRoutingSkill")
        name_taken(org, "skills", body["name"])
        div = division_id(org, body.get("divisionId"), "divisionId")
        check_limit(org, "skills", "skill.count.max", "skills")
        skill = org.add("skills", new_skill(sb.new_id(), body["name"], org.division_ref(div)), lag())
        sb.audit(org, "Routing", "RoutingSkill", "Create", skill, {"name": (None, skill["name"])})
        return answer(skill)

    @route(app, sb, "/api/v2/routing/skills/<skill_id>", ["GET"])
    def get_skill(org, skill_id):
        return answer(find(org, "skills", skill_id, "Skill"))

    @route(app, sb, "/api/v2/routing/skills/<skill_id>", ["PATCH"])
    def move_skill(org, skill_id):
        skill = find(org, "skills", skill_id, "Skill")
        body = json_body("UpdateSkillDivisionRequest")
        div = division_id(org, body["divisionId"], "divisionId")
        old = skill["division"]["id"]
        skill.update(division=org.division_ref(div), dateModified=iso(), version=str(int(skill["version"]) + 1))
        sb.audit(org, "Routing", "RoutingSkill", "Update", skill, {"divisionId": (old, div)})
        return answer(skill)

    @route(app, sb, "/api/v2/routing/skills/<skill_id>", ["DELETE"])
    def delete_skill(org, skill_id):
        skill = find(org, "skills", skill_id, "Skill")
        if skill["state"] == "deleted":
            raise not_found(f"Skill {skill_id} was not found.")
        # Soft delete: the skill stays readable with state "deleted", and listings keep showing it.
        skill.update(state="deleted", dateModified=iso())
        for skills in org.user_skills.values():
            skills.pop(skill_id, None)
        sb.audit(org, "Routing", "RoutingSkill", "Delete", skill)
        return answer(None, 204)

    # --- languages -----------------------------------------------------------------------------
    @route(app, sb, "/api/v2/routing/languages", ["GET"])
    def list_languages(org):
        items = sorted(org.listing("languages"), key=lambda x: x["name"].lower(),
                       reverse=request.args.get("sortOrder", "ascending").lower().startswith("desc"))
        if request.args.get("name"):
            items = [x for x in items if x["name"].lower().startswith(request.args["name"].lower())]
        return answer(paged(items, max_size=500))

    @route(app, sb, "/api/v2/routing/languages", ["POST"])
    def create_language(org):
        body = json_body("Language")
        name_taken(org, "languages", body["name"])
        check_limit(org, "skills", "language.count.max", "languages")
        lang_id = sb.new_id()
        lang = org.add("languages", {"id": lang_id, "name": body["name"], "state": "active", "version": "1",
                                     "dateModified": iso(), "selfUri": f"/api/v2/routing/languages/{lang_id}"},
                       lag())
        sb.audit(org, "Routing", "Language", "Create", lang)
        return answer(lang)

    @route(app, sb, "/api/v2/routing/languages/<lang_id>", ["GET"])
    def get_language(org, lang_id):
        return answer(find(org, "languages", lang_id, "Language"))

    @route(app, sb, "/api/v2/routing/languages/<lang_id>", ["DELETE"])
    def delete_language(org, lang_id):
        lang = find(org, "languages", lang_id, "Language")
        lang["state"] = "deleted"
        for held in org.user_languages.values():
            held.pop(lang_id, None)
        sb.audit(org, "Routing", "Language", "Delete", lang)
        return answer(None, 204)

    # --- utilization: one document per org; PUT replaces it whole, DELETE restores the defaults ------
    @route(app, sb, "/api/v2/routing/utilization", ["GET"])
    def get_utilization(org):
        return answer(org.utilization or default_utilization())

    @route(app, sb, "/api/v2/routing/utilization", ["PUT"])
    def put_utilization(org):
        body = json_body("UtilizationRequest")
        unknown = sorted(set(body.get("utilization") or {}) - set(MEDIA_TYPES))
        if unknown:
            raise bad_request(f"utilization: media types {unknown} are not among {MEDIA_TYPES}", "utilization")
        old = org.utilization or default_utilization()
        new = default_utilization()  # a media type the body leaves out is reset
        new["utilization"].update(copy.deepcopy(body.get("utilization") or {}))
        new["labelUtilizations"] = copy.deepcopy(body.get("labelUtilizations") or {})
        if body.get("maxInboundCalls") is not None:
            new["maxInboundCalls"] = body["maxInboundCalls"]
        org.utilization = new
        sb.audit(org, "Routing", "Utilization", "Update", {"id": org.id, "name": "utilization"},
                 {"utilization": (old["utilization"], new["utilization"])})
        return answer(new)

    @route(app, sb, "/api/v2/routing/utilization", ["DELETE"])
    def reset_utilization(org):
        org.utilization = None
        return answer(None, 204)

    # --- wrap-up codes ----------------------------------------------------------------------------
    @route(app, sb, "/api/v2/routing/wrapupcodes", ["GET"])
    def list_wrapupcodes(org):
        items = org.listing("wrapupcodes")
        if request.args.get("name"):
            items = [x for x in items if x["name"].lower().startswith(request.args["name"].lower().rstrip("*"))]
        ids, divisions = list_arg("id"), list_arg("divisionId")
        items = [x for x in items if (not ids or x["id"] in ids) and
                 (not divisions or x["division"]["id"] in divisions)]
        key = request.args.get("sortBy", "name")
        if key not in ("name", "id"):
            raise bad_request(f"sortBy: {key!r} is not one of name, id", "sortBy")
        order = request.args.get("sortOrder", "ascending")
        if order not in ("ascending", "descending"):
            raise bad_request(f"sortOrder: {order!r} is not one of ascending, descending", "sortOrder")
        items = sorted(items, key=lambda x: x[key].lower(), reverse=order == "descending")
        return answer(paged(items, max_size=500))

    def wrapupcode_from(org, body, code_id, created):
        code = {"id": code_id, "name": body["name"],
                "division": org.division_ref(division_id(org, (body.get("division") or {}).get("id"),
                                                         "division.id")),
                "dateCreated": created, "dateModified": iso(), "createdBy": g.client, "modifiedBy": g.client,
                "selfUri": f"/api/v2/routing/wrapupcodes/{code_id}"}
        if body.get("description") is not None:
            code["description"] = body["description"]
        return code

    @route(app, sb, "/api/v2/routing/wrapupcodes", ["POST"])
    def create_wrapupcode(org):
        body = json_body("WrapupCodeRequest")
        name_taken(org, "wrapupcodes", body["name"])
        check_limit(org, "routing", "wrapup.codes.max", "wrapupcodes")
        code = org.add("wrapupcodes", wrapupcode_from(org, body, sb.new_id(), iso()), lag())
        sb.audit(org, "Routing", "WrapupCode", "Create", code, {"name": (None, code["name"])})
        return answer(code)

    @route(app, sb, "/api/v2/routing/wrapupcodes/<code_id>", ["GET"])
    def get_wrapupcode(org, code_id):
        return answer(find(org, "wrapupcodes", code_id, "Wrap-up code"))

    @route(app, sb, "/api/v2/routing/wrapupcodes/<code_id>", ["PUT"])
    def put_wrapupcode(org, code_id):
        old = find(org, "wrapupcodes", code_id, "Wrap-up code")
        body = json_body("WrapupCodeRequest")
        name_taken(org, "wrapupcodes", body["name"], exclude=code_id)
        # Full replace: a field the body leaves out is gone (division falls back to home).
        new = wrapupcode_from(org, body, code_id, old["dateCreated"])
        new["createdBy"] = old.get("createdBy")
        new["_shown_at"] = old.get("_shown_at", 0)
        org.objects["wrapupcodes"][code_id] = new
        sb.audit(org, "Routing", "WrapupCode", "Update", new, _changes(old, new))
        return answer(new)

    @route(app, sb, "/api/v2/routing/wrapupcodes/<code_id>", ["DELETE"])
    def delete_wrapupcode(org, code_id):
        code = find(org, "wrapupcodes", code_id, "Wrap-up code")
        org.remove("wrapupcodes", code_id, lag())
        for codes in org.queue_wrapupcodes.values():
            if code_id in codes:
                codes.remove(code_id)
        sb.audit(org, "Routing", "WrapupCode", "Delete", code)
        return answer(None, 204)

    # --- queues -----------------------------------------------------------------------------------
    @route(app, sb, "/api/v2/routing/queues", ["GET"])
    def list_queues(org):
        items = org.listing("queues")
        pattern = request.args.get("name")
        if pattern:
            items = [q for q in items if fnmatch.fnmatchcase(q["name"].lower(), pattern.lower())]
        ids, divisions = list_arg("id"), list_arg("divisionId")
        items = [q for q in items if (not ids or q["id"] in ids) and
                 (not divisions or q["division"]["id"] in divisions)]
        order = request.args.get("sortOrder", "asc")
        if order not in ("asc", "desc"):
            raise bad_request(f"sortOrder: {order!r} is not one of asc, desc", "sortOrder")
        items = sorted(items, key=lambda q: q["name"].lower(), reverse=order == "desc")
        return answer(paged([queue_view(org, q) for q in items], max_size=500))

    @route(app, sb, "/api/v2/routing/queues", ["POST"])
    def create_queue(org):
        body = json_body("CreateQueueRequest")
        source_id = body.pop("sourceQueueId", None)
        if source_id:
            source = find(org, "queues", source_id, "Source queue")
            settings = {k: copy.deepcopy(v) for k, v in source.items()
                        if k in SCHEMAS["QueueRequest"] and not k.startswith("_")
                        and k not in ("id", "name", "description", "routingRules", "division", "selfUri")}
            body = dict(settings, **body)
        name_taken(org, "queues", body["name"])
        check_limit(org, "routing", "queues.max", "queues")
        queue_id = sb.new_id()
        queue = build_queue(org, body, queue_id, created=iso())
        org.add("queues", queue, lag())
        org.queue_members[queue_id] = {}
        org.queue_wrapupcodes[queue_id] = []
        sb.audit(org, "Routing", "Queue", "Create", queue, {"name": (None, queue["name"])})
        return answer(queue_view(org, queue))  # the real API answers 200, not 201

    @route(app, sb, "/api/v2/routing/queues/<queue_id>", ["GET"])
    def get_queue(org, queue_id):
        return answer(queue_view(org, live_queue(org, queue_id)))

    @route(app, sb, "/api/v2/routing/queues/<queue_id>", ["PUT"])
    def put_queue(org, queue_id):
        old = find(org, "queues", queue_id, "Queue")
        body = json_body("QueueRequest")
        name_taken(org, "queues", body["name"], exclude=queue_id)
        # The division in a PUT is ignored: moves go through the divisions objects endpoint
        # (UNVERIFIED whether the real PUT moves a queue, so the sandbox takes the safe reading).
        body["division"] = {"id": old["division"]["id"]}
        new = build_queue(org, body, queue_id, created=old["dateCreated"])
        new["createdBy"], new["_shown_at"] = old["createdBy"], old.get("_shown_at", 0)
        org.objects["queues"][queue_id] = new
        sb.audit(org, "Routing", "Queue", "Update", new, _changes(old, new))
        return answer(queue_view(org, new))

    @route(app, sb, "/api/v2/routing/queues/<queue_id>", ["DELETE"])
    def delete_queue(org, queue_id):
        queue = find(org, "queues", queue_id, "Queue")
        force = request.args.get("forceDelete", "false").lower() == "true"
        if org.queue_members.get(queue_id) and not force:
            # UNVERIFIED: what the API does without forceDelete; the sandbox refuses.
            raise ApiError(409, "queue.has.members", "The queue has members; delete with forceDelete=true.")
        delay = sb.faults["queue_delete_delay"]
        queue["_gone_at"] = time.time() + delay
        org.remove("queues", queue_id, max(lag(), delay))
        org.queue_members.pop(queue_id, None)
        org.queue_wrapupcodes.pop(queue_id, None)
        sb.audit(org, "Routing", "Queue", "Delete", queue)
        return answer(None, 204)

    # --- queue members ------------------------------------------------------------------------------
    @route(app, sb, "/api/v2/routing/queues/<queue_id>/members", ["GET"])
    def list_members(org, queue_id):
        queue = live_queue(org, queue_id)
        members = member_view(org, queue)
        member_by = request.args.get("memberBy")
        if member_by:
            if member_by not in ("user", "group"):
                raise bad_request(f"memberBy: {member_by!r} is not one of user, group", "memberBy")
            members = [m for m in members if m["memberBy"] == member_by]
        if request.args.get("joined") is not None:
            joined = request.args["joined"].lower() == "true"
            members = [m for m in members if m["joined"] == joined]
        if request.args.get("name"):
            members = [m for m in members if request.args["name"].lower() in m["name"].lower()]
        members.sort(key=lambda m: m["name"].lower(), reverse=request.args.get("sortOrder") == "desc")
        return answer(paged(members, max_size=100, totals=False))

    @route(app, sb, "/api/v2/routing/queues/<queue_id>/members", ["POST"])
    def add_or_remove_members(org, queue_id):
        find(org, "queues", queue_id, "Queue")
        entries = json_body("WritableEntity", is_list=True, max_items=100)
        delete = request.args.get("delete", "false").lower() == "true"
        members = org.queue_members.setdefault(queue_id, {})
        if not delete:
            bad = [e["id"] for e in entries if org.users.get(e["id"], {}).get("state") != "active"]
            if bad:
                # Stricter than documented: unknown, inactive or deleted users are refused.
                raise bad_request(f"users not found or not active: {', '.join(bad)}", "id")
        for e in entries:
            if delete:
                members.pop(e["id"], None)
            else:
                members.setdefault(e["id"], {"ringNumber": 1, "joined": True})
        sb.audit(org, "Routing", "Queue", "Update", org.objects["queues"][queue_id],
                 {"members": (None, {"delete": delete, "ids": [e["id"] for e in entries]})})
        return answer(None, 204)

    @route(app, sb, "/api/v2/routing/queues/<queue_id>/members/<member_id>", ["PATCH"])
    def patch_member(org, queue_id, member_id):
        find(org, "queues", queue_id, "Queue")
        member = org.queue_members.get(queue_id, {}).get(member_id)
        if member is None:
            raise not_found(f"User {member_id} is not a member of queue {queue_id}.")
        body = request.get_json(silent=True) or {}
        unknown = set(body) - {"ringNumber", "joined", "id", "name", "user", "memberBy", "routingStatus", "selfUri"}
        if unknown:
            raise bad_request(f"unknown fields {sorted(unknown)} for QueueMember")
        if ("ringNumber" in body) == ("joined" in body):
            raise bad_request("QueueMember: send ringNumber or joined, not both")
        if "ringNumber" in body:
            if not isinstance(body["ringNumber"], int) or not 1 <= body["ringNumber"] <= 6:
                raise bad_request("ringNumber: must be between 1 and 6", "ringNumber")
            member["ringNumber"] = body["ringNumber"]
        else:
            member["joined"] = bool(body["joined"])
        return answer(None, 204)

    @route(app, sb, "/api/v2/routing/queues/<queue_id>/members/<member_id>", ["DELETE"])
    def delete_member(org, queue_id, member_id):
        find(org, "queues", queue_id, "Queue")
        if org.queue_members.get(queue_id, {}).pop(member_id, None) is None:
            raise not_found(f"User {member_id} is not a member of queue {queue_id}.")
        return answer(None, 204)

    # --- queue wrap-up codes --------------------------------------------------------------------
    @route(app, sb, "/api/v2/routing/queues/<queue_id>/wrapupcodes", ["GET"])
    def list_queue_wrapupcodes(org, queue_id):
        live_queue(org, queue_id)
        codes = [org.objects["wrapupcodes"][c] for c in org.queue_wrapupcodes.get(queue_id, [])
                 if c in org.objects["wrapupcodes"]]
        pattern = request.args.get("name")
        if pattern:
            codes = [c for c in codes if fnmatch.fnmatchcase(c["name"].lower(), pattern.lower())]
        return answer(paged(sorted(codes, key=lambda c: c["name"].lower()), max_size=500))

    @route(app, sb, "/api/v2/routing/queues/<queue_id>/wrapupcodes", ["POST"])
    def add_queue_wrapupcodes(org, queue_id):
        find(org, "queues", queue_id, "Queue")
        refs = json_body("WrapUpCodeReference", is_list=True, max_items=100)
        missing = [r["id"] for r in refs if r["id"] not in org.objects["wrapupcodes"]]
        if missing:
            raise bad_request(f"wrap-up codes not found: {', '.join(missing)}", "id")
        codes = org.queue_wrapupcodes.setdefault(queue_id, [])
        for r in refs:
            if r["id"] not in codes:
                codes.append(r["id"])
        sb.audit(org, "Routing", "Queue", "Update", org.objects["queues"][queue_id],
                 {"wrapupCodes": (None, [r["id"] for r in refs])})
        return answer([public(org.objects["wrapupcodes"][r["id"]]) for r in refs])

    @route(app, sb, "/api/v2/routing/queues/<queue_id>/wrapupcodes/<code_id>", ["DELETE"])
    def delete_queue_wrapupcode(org, queue_id, code_id):
        find(org, "queues", queue_id, "Queue")
        codes = org.queue_wrapupcodes.get(queue_id, [])
        if code_id not in codes:
            raise not_found(f"Wrap-up code {code_id} is not assigned to queue {queue_id}.")
        codes.remove(code_id)
        sb.audit(org, "Routing", "Queue", "Update", org.objects["queues"][queue_id],
                 {"wrapupCodes": ([code_id], None)})
        return answer(None, 204)


def live_queue(org, queue_id):
    """A queue by id; one being deleted stays readable until its delete delay has passed."""
    queue = org.objects["queues"].get(queue_id)
    if queue is None:
        now = time.time()
        queue = next((o for c, o, _until in org.tombstones
                      if c == "queues" and o["id"] == queue_id and o.get("_gone_at", 0) > now), None)
    if queue is None:
        raise not_found(f"Queue {queue_id} was not found.")
    return queue


def build_queue(org, body, queue_id, created):
    """A stored queue from a full body: every field it leaves out falls back to the default."""
    queue = copy.deepcopy(QUEUE_DEFAULTS)
    media = body.pop("mediaSettings", None) or {}
    for kind, settings in media.items():
        queue["mediaSettings"][kind] = settings
    queue.update(copy.deepcopy(body))
    acw = queue.get("acwSettings") or {}
    if "timeoutMs" in acw and acw.get("wrapupPrompt") not in ACW_TIMEOUT_PROMPTS:
        raise bad_request("acwSettings.timeoutMs: can only be used when wrapupPrompt is one of "
                          + ", ".join(ACW_TIMEOUT_PROMPTS), "acwSettings.timeoutMs")
    rings = (queue.get("bullseye") or {}).get("rings")
    for ring in rings or []:
        for skill in (ring.get("actions") or {}).get("skillsToRemove", []):
            if skill.get("id") not in org.objects["skills"]:
                raise bad_request(f"bullseye.rings.actions.skillsToRemove: skill {skill.get('id')} does not exist",
                                  "bullseye")
    check_queue_refs(org, queue, queue_id)
    check_directory_refs(org, queue)
    div = division_id(org, (body.get("division") or {}).get("id"), "division.id")
    queue.update(id=queue_id, division=org.division_ref(div), dateCreated=created, dateModified=iso(),
                 createdBy=g.client, modifiedBy=g.client, selfUri=f"/api/v2/routing/queues/{queue_id}")
    return queue


def check_queue_refs(org, queue, queue_id):
    """Queue ids in a queue body must name queues, as the API checks them: 400 naming the field.
    A queue may name itself (the first conditional routing rule is the queue's own)."""
    refs = [("directRouting.backupQueueId", (queue.get("directRouting") or {}).get("backupQueueId"))]
    for i, rule in enumerate((queue.get("conditionalGroupRouting") or {}).get("rules") or []):
        refs.append((f"conditionalGroupRouting.rules[{i}].queue.id", (rule.get("queue") or {}).get("id")))
    activation = queue.get("conditionalGroupActivation") or {}
    rules = [("pilotRule", activation.get("pilotRule") or {})] + [
        (f"rules[{i}]", rule) for i, rule in enumerate(activation.get("rules") or [])]
    for where, rule in rules:
        for j, condition in enumerate(rule.get("conditions") or []):
            refs.append((f"conditionalGroupActivation.{where}.conditions[{j}].simpleMetric.queue.id",
                         ((condition.get("simpleMetric") or {}).get("queue") or {}).get("id")))
    for field, ref_id in refs:
        if ref_id is not None and ref_id != queue_id and ref_id not in org.objects["queues"]:
            raise bad_request(f"{field}: queue {ref_id} does not exist", field)


def member_groups(queue):
    """Every member group a queue names: its own, its bullseye rings' and its conditional routing rules'."""
    groups = [("memberGroups", g) for g in queue.get("memberGroups") or []]
    for i, ring in enumerate((queue.get("bullseye") or {}).get("rings") or []):
        groups += [(f"bullseye.rings[{i}].memberGroups", g) for g in ring.get("memberGroups") or []]
    for i, rule in enumerate((queue.get("conditionalGroupRouting") or {}).get("rules") or []):
        groups += [(f"conditionalGroupRouting.rules[{i}].groups", g) for g in rule.get("groups") or []]
    for i, rule in enumerate((queue.get("conditionalGroupActivation") or {}).get("rules") or []):
        groups += [(f"conditionalGroupActivation.rules[{i}].groups", g) for g in rule.get("groups") or []]
    return groups


def group_users(org, group):
    """The users a member group brings: a group's or team's members, a skill group's matching users."""
    if group.get("type") == "GROUP":
        return (org.groups.get(group.get("id")) or {}).get("members")
    if group.get("type") == "TEAM":
        return (org.directory["teams"].get(group.get("id")) or {}).get("members")
    found = org.objects["skillgroups"].get(group.get("id"))
    return None if found is None else api_skillgroups.members(org, found)


def check_directory_refs(org, queue):
    """Groups, teams, skill groups, flows (of the right type), prompts, scripts, libraries, email
    addresses, edge groups and sites in a queue body must exist: 400 naming the field."""
    refs = [(where, group.get("type", "?").lower(), group.get("id"), group_users(org, group) is not None)
            for where, group in member_groups(queue)]
    flows = org.directory["flows"]
    for field, flow_type in FLOW_TYPES.items():
        ref_id = (queue.get(field) or {}).get("id")
        refs.append((field, flow_type + " flow", ref_id, flows.get(ref_id, {}).get("type") == flow_type))
    callback = (queue.get("mediaSettings") or {}).get("callback") or {}
    inactivity = ((queue.get("mediaSettings") or {}).get("message") or {}).get("inactivityTimeoutSettings") or {}
    for field, ref, kind in (("mediaSettings.callback.liveVoiceFlow", callback.get("liveVoiceFlow"), "flows"),
                             ("mediaSettings.callback.answeringMachineFlow", callback.get("answeringMachineFlow"),
                              "flows"),
                             ("mediaSettings.message.inactivityTimeoutSettings.flowId", inactivity.get("flowId"), "flows"),
                             ("mediaSettings.callback.edgeGroup", callback.get("edgeGroup"), "edge_groups"),
                             ("mediaSettings.callback.site", callback.get("site"), "sites"),
                             ("whisperPrompt", queue.get("whisperPrompt"), "prompts"),
                             ("onHoldPrompt", queue.get("onHoldPrompt"), "prompts")):
        ref_id = (ref or {}).get("id")
        refs.append((field, kind, ref_id, ref_id in org.directory[kind]))
    messaging = queue.get("outboundMessagingAddresses") or {}
    for field, messenger in (("openMessagingRecipient", "open"), ("whatsAppRecipient", "whatsapp")):
        ref_id = (messaging.get(field) or {}).get("id")
        found = org.directory["recipients"].get(ref_id, {}).get("messengerType") == messenger
        refs.append((f"outboundMessagingAddresses.{field}", messenger + " recipient", ref_id, found))
    for media, script in (queue.get("defaultScripts") or {}).items():
        refs.append((f"defaultScripts.{media}", "script", script.get("id"), script.get("id") in org.directory["scripts"]))
    for lib in (queue.get("cannedResponseLibraries") or {}).get("libraryIds") or []:
        refs.append(("cannedResponseLibraries.libraryIds", "library", lib, lib in org.directory["libraries"]))
    email = queue.get("outboundEmailAddress") or {}
    domain = org.directory["email_domains"].get((email.get("domain") or {}).get("id"))
    if email.get("domain"):
        refs.append(("outboundEmailAddress.domain", "email domain", email["domain"].get("id"), domain is not None))
    if email.get("route"):
        route_id = email["route"].get("id")
        refs.append(("outboundEmailAddress.route", "inbound route", route_id,
                     any(r["id"] == route_id for r in (domain or {}).get("routes", []))))
    for field, what, ref_id, found in refs:
        if ref_id is not None and not found:
            raise bad_request(f"{field}: {what} {ref_id} does not exist", field)


def member_view(org, queue):
    """Direct members plus the users that come in through the queue's member groups."""
    direct = org.queue_members.get(queue["id"], {})
    members = []
    for user_id, m in direct.items():
        user = org.users[user_id]
        members.append({"id": user_id, "name": user["name"], "user": _user_ref(user), "ringNumber": m["ringNumber"],
                        "joined": m["joined"], "memberBy": "user", "selfUri": user["selfUri"]})
    for group in queue.get("memberGroups", []):
        for user_id in group_users(org, group) or []:
            if user_id not in direct and all(x["id"] != user_id for x in members):
                user = org.users[user_id]
                members.append({"id": user_id, "name": user["name"], "user": _user_ref(user), "ringNumber": 1,
                                "joined": True, "memberBy": "group", "selfUri": user["selfUri"]})
    return members


def queue_view(org, queue):
    members = member_view(org, queue)
    view = public(queue)
    view.update(memberCount=len(members), userMemberCount=sum(1 for m in members if m["memberBy"] == "user"),
                joinedMemberCount=sum(1 for m in members if m["joined"]))
    return view


def default_utilization():
    return {"utilization": copy.deepcopy(UTILIZATION_DEFAULTS), "labelUtilizations": {}}


def new_skill(skill_id, name, division):
    return {"id": skill_id, "name": name, "division": division, "dateModified": iso(), "version": "1",
            "state": "active", "selfUri": f"/api/v2/routing/skills/{skill_id}"}


def seed(sb, org, body):
    """Create objects in bulk, without audit records or lag (for tests and benchmarks):
    {"skills": [names], "wrapupcodes": [names]}."""
    created = {"skills": [], "wrapupcodes": []}
    for name in body.get("skills", []):
        created["skills"].append(org.add("skills", new_skill(sb.new_id(), name, org.division_ref()), 0)["id"])
    for name in body.get("wrapupcodes", []):
        code_id = sb.new_id()
        org.add("wrapupcodes", {"id": code_id, "name": name, "division": org.division_ref(), "dateCreated": iso(),
                                "dateModified": iso(), "selfUri": f"/api/v2/routing/wrapupcodes/{code_id}"}, 0)
        created["wrapupcodes"].append(code_id)
    return created


def _user_ref(user):
    return {"id": user["id"], "name": user["name"], "selfUri": user["selfUri"]}


def _changes(old, new):
    keys = {k for k in set(old) | set(new) if not k.startswith("_") and k not in ("dateModified", "modifiedBy")}
    return {k: (old.get(k), new.get(k)) for k in keys if old.get(k) != new.get(k)}

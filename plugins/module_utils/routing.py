# -*- coding: utf-8 -*-
# Copyright: (c) 2026, cxops.genesys contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Routing resource specs (skills, languages, wrap-up codes, queues, skill groups, utilization): what each is in the API, declared once and
shared by its module, its _info module and any other entry point."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import time

from ansible_collections.cxops.genesys.plugins.module_utils.engine import Association, Field, ResourceSpec, twice
from ansible_collections.cxops.genesys.plugins.module_utils.errors import GenesysError, NotFoundError


class SkillSpec(ResourceSpec):
    """Routing skills: created with {name, divisionId}; the only update is a division move
    (PATCH); deletion is soft, so a listed skill with state "deleted" is absent."""

    kind = "skill"
    renamable = False  # the API has no rename: a case-only difference keeps the skill as it is
    path = "/api/v2/routing/skills"
    page_size = 500  # the Terraform provider lists skills 500 at a time
    ref_kind = "skill"
    fields = {"division": Field("division", ref="division", ref_shape="id", write="divisionId")}

    def is_absent(self, obj):
        return obj.get("state") == "deleted"

    def update(self, client, current, body):
        return client.request("PATCH", "{0}/{1}".format(self.path, current["id"]), body=body)


class LanguageSpec(ResourceSpec):
    """Routing languages (language skills): created with {name}; the API has no update and no rename;
    deletion is soft, as a skill's, so a listed language with state "deleted" is absent."""

    kind = "language"
    ref_kind = "language"
    renamable = False
    path = "/api/v2/routing/languages"
    page_size = 100  # as References lists them; the largest size that works is unverified
    fields = {}

    def is_absent(self, obj):
        return obj.get("state") == "deleted"


class WrapupCodeSpec(ResourceSpec):
    """Wrap-up codes: PUT is a full replace, so updates are GET-merge-PUT."""

    kind = "wrap-up code"
    ref_kind = "wrapup_code"
    path = "/api/v2/routing/wrapupcodes"
    page_size = 100  # the largest size the Terraform provider uses; a larger maximum is unverified
    fields = {
        "description": Field(maxlen=512),
        "division": Field(ref="division"),
    }
    writable = ("name", "description", "division")


# --- queues -------------------------------------------------------------------------------------

def _media(api=None, **extra):
    """The settings every media type has, plus the media type's own."""
    fields = {
        "enable_auto_answer": Field(type="bool"),
        "alerting_timeout_seconds": Field(type="int", lo=0),
        "service_level": Field(type="dict", options={
            "percentage": Field(type="float", lo=0, hi=1),
            "duration_ms": Field(type="int", lo=0),
        }),
        "auto_answer_alert_tone_seconds": Field(type="float", lo=0),
        "manual_answer_alert_tone_seconds": Field(type="float", lo=0),
    }
    fields.update(extra)
    return Field(api=api, type="dict", options=fields)


REACTIONS = ["HangUp", "TransferToQueue", "TransferToFlow"]
# A group of members by name and type; the API holds {id, type}. An id is still accepted as the name.
MEMBER_GROUP = Field(type="list", options={
    "name": Field(api="id", ref={"GROUP": "group", "TEAM": "team", "SKILLGROUP": "skill_group"}, ref_by="type",
                  ref_shape="id"),
    "type": Field(choices=["GROUP", "TEAM", "SKILLGROUP"])})
CONDITION = Field(type="list", maxitems=10, options={
    "simple_metric": Field(type="dict", options={
        "metric": Field(choices=["EstimatedWaitTime", "IdleAgentCount", "ServiceLevel"]),
        "queue": Field(ref="queue")}),
    "operator": Field(choices=["GreaterThan", "GreaterThanOrEqualTo", "LessThan", "LessThanOrEqualTo", "EqualTo",
                               "NotEqualTo"]),
    "value": Field(type="float"),
})
ACW_TIMEOUT_PROMPTS = ("AGENT_REQUESTED", "MANDATORY_TIMEOUT", "MANDATORY_FORCED_TIMEOUT")
SCRIPT_TYPES = ["CALL", "CALLBACK", "CHAT", "COBROWSE", "EMAIL", "MESSAGE", "SOCIAL_EXPRESSION", "VIDEO",
                "SCREENSHARE"]
CHUNK = 100  # members and wrap-up codes per request, the API's limit


class QueueMembers(Association):
    """Direct user members (memberBy=user); members that come from groups are never touched."""

    option = "members"
    mode_option = "members_mode"

    def argument_spec(self):
        return dict(
            members=dict(type="list", elements="dict", options=dict(
                user=dict(type="str", required=True), ring_number=dict(type="int", default=1))),
            members_mode=dict(type="str", choices=["additive", "authoritative"], default="additive"))

    def validate(self, refs, item):
        problems = ["user {0!r} is listed more than once".format(u) for u in twice(m["user"] for m in item["members"])]
        for member in item["members"]:
            if refs.id_of("user", member["user"]) is None:
                problems.append("user {0!r} does not exist".format(member["user"]))
            if not 1 <= member.get("ring_number", 1) <= 6:
                problems.append("ring_number of {0} must be 1 to 6".format(member["user"]))
        return problems

    def references(self, item):
        return [("user", m["user"]) for m in item["members"]]

    def read(self, client, refs, obj):
        listed = client.list_pages("/api/v2/routing/queues/{0}/members".format(obj["id"]),
                                   params={"memberBy": "user"}, page_size=CHUNK)
        return sorted(({"user": refs.name_of("user", m["id"]), "ring_number": m.get("ringNumber", 1)}
                       for m in listed), key=lambda m: m["user"])

    def plan(self, refs, item, current):
        now = dict((m["user"], m["ring_number"]) for m in current)
        wanted, warnings = {}, []
        for member in item["members"]:
            user = refs.objects["user"][refs.id_of("user", member["user"])]
            if user.get("state") != "active":
                warnings.append("skipped {0} user {1}".format(user.get("state"), user.get("email")))
                continue
            wanted[user["email"]] = member.get("ring_number", 1)
        adds = sorted(u for u in wanted if u not in now)
        updates = sorted(u for u in wanted if u in now and now[u] != wanted[u])
        removes = sorted(u for u in now if u not in wanted) if _authoritative(item, self) else []
        after = dict(now)
        after.update(wanted)
        for user in removes:
            del after[user]
        return dict(adds=[{"user": u, "ring_number": wanted[u]} for u in adds], removes=removes,
                    updates=[{"user": u, "ring_number": wanted[u]} for u in updates],
                    after=[{"user": u, "ring_number": r} for u, r in sorted(after.items())], warnings=warnings)

    def apply(self, client, refs, obj, item, plan):
        additions, removals, updates = plan["adds"], plan["removes"], plan["updates"]
        path = "/api/v2/routing/queues/{0}/members".format(obj["id"])
        for chunk in _chunks([refs.id_of("user", m["user"]) for m in additions]):
            client.request("POST", path, body=[{"id": i} for i in chunk], safe=True)
        for chunk in _chunks([refs.id_of("user", u) for u in removals]):
            client.request("POST", path, params={"delete": "true"}, body=[{"id": i} for i in chunk], safe=True)
        for member in additions + updates:
            if member["ring_number"] != 1 or member in updates:
                client.request("PATCH", "{0}/{1}".format(path, refs.id_of("user", member["user"])),
                               body={"ringNumber": member["ring_number"]})


class QueueWrapupCodes(Association):
    """The wrap-up codes agents may choose on the queue, by name."""

    option = "wrapup_codes"
    mode_option = "wrapup_codes_mode"

    def argument_spec(self):
        return dict(wrapup_codes=dict(type="list", elements="str"),
                    wrapup_codes_mode=dict(type="str", choices=["additive", "authoritative"], default="additive"))

    def validate(self, refs, item):
        return ["wrap-up code {0!r} does not exist".format(n) for n in item["wrapup_codes"]
                if refs.id_of("wrapup_code", n) is None] + [
            "wrap-up code {0!r} is listed more than once".format(n) for n in twice(item["wrapup_codes"])]

    def references(self, item):
        return [("wrapup_code", n) for n in item["wrapup_codes"]]

    def read(self, client, refs, obj):
        listed = client.list_pages("/api/v2/routing/queues/{0}/wrapupcodes".format(obj["id"]), page_size=CHUNK)
        return sorted(refs.name_of("wrapup_code", c) for c in listed)

    def plan(self, refs, item, current):
        desired = item["wrapup_codes"]
        adds = sorted(set(desired) - set(current))
        removes = sorted(set(current) - set(desired)) if _authoritative(item, self) else []
        return dict(adds=adds, removes=removes, updates=[], warnings=[],
                    after=sorted((set(current) | set(desired)) - set(removes)))

    def apply(self, client, refs, obj, item, plan):
        path = "/api/v2/routing/queues/{0}/wrapupcodes".format(obj["id"])
        for chunk in _chunks([refs.id_of("wrapup_code", n) for n in plan["adds"]]):
            client.request("POST", path, body=[{"id": i} for i in chunk], safe=True)
        for name in plan["removes"]:
            try:
                client.request("DELETE", "{0}/{1}".format(path, refs.id_of("wrapup_code", name)))
            except NotFoundError:
                pass


class QueueSpec(ResourceSpec):
    """Routing queues. PUT replaces the whole queue, so updates are GET-merge-PUT; a division
    change goes through the divisions objects endpoint; members and wrap-up codes are sub-resources."""

    kind = "queue"
    ref_kind = "queue"
    path = "/api/v2/routing/queues"
    page_size = 500  # the Terraform provider lists queues 500 at a time
    fields = {
        "description": Field(maxlen=512),
        "division": Field(ref="division"),
        "media_settings": Field(type="dict", options={
            "call": _media(),
            "callback": _media(
                mode=Field(choices=["AgentFirst", "CustomerFirst"]),
                enable_auto_dial_and_end=Field(type="bool"),
                auto_dial_delay_seconds=Field(type="int", lo=0, hi=1200),
                auto_end_delay_seconds=Field(type="int", lo=0, hi=1200),
                pacing_modifier=Field(type="float", lo=0),
                max_retry_count=Field(type="int", lo=0, hi=20),
                retry_delay_seconds=Field(type="int", lo=60, hi=86400),
                live_voice_reaction_type=Field(choices=REACTIONS),
                live_voice_flow=Field(api="liveVoiceFlow", ref="flow"),
                answering_machine_reaction_type=Field(choices=REACTIONS),
                answering_machine_flow=Field(api="answeringMachineFlow", ref="flow"),
                edge_group=Field(ref="edge_group"),
                site=Field(ref="site")),
            "chat": _media(),
            "email": _media(),
            # Ansible reserves the option name "message", so the API's "message" settings are "messaging".
            "messaging": _media(
                api="message",
                enable_inactivity_timeout=Field(type="bool"),
                inactivity_timeout_settings=Field(type="dict", options={
                    "timeout_seconds": Field(type="int", lo=0),
                    "action_type": Field(choices=["DISCONNECT", "SEND_TO_ARCHITECT_FLOW"]),
                    "flow": Field(api="flowId", ref="flow")}),
                sub_type_settings=Field(type="dict", values=Field(type="dict", options={
                    "enable_auto_answer": Field(type="bool"), "enable_inactivity_timeout": Field(type="bool")}))),
        }),
        "acw_settings": Field(type="dict", options={
            "wrapup_prompt": Field(choices=["MANDATORY", "OPTIONAL", "MANDATORY_TIMEOUT", "MANDATORY_FORCED_TIMEOUT",
                                            "AGENT_REQUESTED"]),
            "timeout_ms": Field(type="int", lo=1000, hi=3600000)}),
        "skill_evaluation_method": Field(choices=["NONE", "BEST", "ALL"]),
        "routing_rules": Field(type="list", maxitems=6, options={
            "operator": Field(choices=["MEETS_THRESHOLD", "ANY"]),
            "threshold": Field(type="int"),
            "wait_seconds": Field(type="float", lo=2, hi=259200)}),
        "bullseye": Field(type="dict", options={
            "rings": Field(type="list", minitems=2, maxitems=6, options={
                "expansion_criteria": Field(type="list", options={
                    "type": Field(choices=["TIMEOUT_SECONDS"]), "threshold": Field(type="float", lo=0)}),
                "actions": Field(type="dict", options={
                    "skills_to_remove": Field(type="list", elements="str", ref="skill")}),
                "member_groups": MEMBER_GROUP})}),
        "conditional_group_routing": Field(type="dict", options={
            "rules": Field(type="list", maxitems=5, options={
                "queue": Field(ref="queue"),
                "metric": Field(choices=["EstimatedWaitTime", "ServiceLevel"]),
                "operator": Field(choices=["GreaterThan", "GreaterThanOrEqualTo", "LessThan", "LessThanOrEqualTo"]),
                "condition_value": Field(type="float"),
                "groups": MEMBER_GROUP,
                "wait_seconds": Field(type="int", lo=0)})}),
        "conditional_group_activation": Field(type="dict", options={
            "pilot_rule": Field(type="dict", options={"condition_expression": Field(), "conditions": CONDITION}),
            "rules": Field(type="list", maxitems=5, options={
                "condition_expression": Field(), "conditions": CONDITION,
                "groups": Field(type="list", maxitems=5, options=MEMBER_GROUP.options)})}),
        "scoring_method": Field(choices=["TimestampAndPriority", "PriorityOnly"]),
        "last_agent_routing_mode": Field(choices=["Disabled", "QueueMembersOnly", "AnyAgent"]),
        "member_groups": MEMBER_GROUP,
        "queue_flow": Field(ref="inqueuecall_flow"),
        "email_in_queue_flow": Field(ref="inqueueemail_flow"),
        "message_in_queue_flow": Field(ref="inqueueshortmessage_flow"),
        "whisper_prompt": Field(ref="prompt"),
        "on_hold_prompt": Field(ref="prompt"),
        "default_media_language": Field(),
        "auto_answer_only": Field(type="bool"),
        "canned_response_libraries": Field(type="dict", options={
            "mode": Field(choices=["All", "SelectedOnly", "None"]),
            "libraries": Field(api="libraryIds", type="list", elements="str", ref="canned_response_library",
                               ref_shape="id")}),
        "enable_transcription": Field(type="bool"),
        "enable_audio_monitoring": Field(type="bool"),
        "enable_manual_assignment": Field(type="bool"),
        "suppress_in_queue_call_recording": Field(type="bool"),
        "agent_owned_routing": Field(type="dict", options={
            "enable_agent_owned_callbacks": Field(type="bool"),
            "max_owned_callback_hours": Field(type="int", lo=1, hi=168),
            "max_owned_callback_delay_hours": Field(type="int", lo=1, hi=720)}),
        "direct_routing": Field(type="dict", options={
            "call_media_settings": Field(type="dict", options={"use_agent_address_outbound": Field(type="bool")}),
            "email_media_settings": Field(type="dict", options={"use_agent_address_outbound": Field(type="bool")}),
            "message_media_settings": Field(type="dict", options={"use_agent_address_outbound": Field(type="bool")}),
            "backup_queue": Field(api="backupQueueId", ref="queue", ref_shape="id"),
            "wait_for_agent": Field(type="bool"),
            "agent_wait_seconds": Field(type="int", lo=60, hi=864000)}),
        "calling_party_name": Field(),
        "calling_party_number": Field(),
        "default_scripts": Field(type="dict", keys=SCRIPT_TYPES, values=Field(ref="script")),
        # The recipients are message recipients (the SDK's Recipient, by messenger type), by name. Whether the SMS
        # address names an SMS address or an SMS number is unverified: it stays an id, written as given.
        "outbound_messaging_addresses": Field(type="dict", options={
            "sms_address": Field(api="smsAddress.id"),
            "open_messaging_recipient": Field(ref="open_recipient"),
            "whats_app_recipient": Field(ref="whatsapp_recipient")}),
        # The domain by its name (a domain's id is its name); the route by its address, pattern@domain.
        "outbound_email_address": Field(type="dict", options={
            "domain": Field(ref="email_domain"), "route": Field(ref="email_route")}),
        "peer_id": Field(),
        "source_queue_id": Field(create_only=True),
    }
    associations = {"members": QueueMembers(), "wrapup_codes": QueueWrapupCodes()}
    options = {"force_delete": dict(type="bool", default=False),
               "delete_timeout": dict(type="int", default=120)}
    writable = ("name", "description", "division", "mediaSettings", "routingRules", "conditionalGroupRouting",
                "conditionalGroupActivation", "bullseye", "scoringMethod", "lastAgentRoutingMode", "acwSettings",
                "skillEvaluationMethod", "memberGroups", "queueFlow", "emailInQueueFlow", "messageInQueueFlow",
                "whisperPrompt", "onHoldPrompt", "defaultMediaLanguage", "autoAnswerOnly", "cannedResponseLibraries",
                "enableTranscription", "enableAudioMonitoring", "enableManualAssignment", "agentOwnedRouting",
                "directRouting", "callingPartyName", "callingPartyNumber", "defaultScripts",
                "outboundMessagingAddresses", "outboundEmailAddress", "peerId", "suppressInQueueCallRecording")

    def validate(self, engine, item):
        acw = item.get("acw_settings") or {}
        if acw.get("timeout_ms") is not None and acw.get("wrapup_prompt") not in ACW_TIMEOUT_PROMPTS:
            return ["acw_settings.timeout_ms: can only be set with wrapup_prompt {0}".format(
                ", ".join(ACW_TIMEOUT_PROMPTS))]
        return []

    def update(self, client, current, body):
        body = dict(body)  # the caller's body stays whole, for a retry
        division = body.pop("division", None)
        if division:
            client.request("POST", "/api/v2/authorization/divisions/{0}/objects/QUEUE".format(division["id"]),
                           body=[current["id"]], safe=True)
        if body:
            return ResourceSpec.update(self, client, current, body)
        return client.get("{0}/{1}".format(self.path, current["id"]))

    def delete(self, client, obj, item):
        """Delete, then wait (bounded) until the queue is really gone: deletes are eventually consistent."""
        path = "{0}/{1}".format(self.path, obj["id"])
        client.request("DELETE", path, params={"forceDelete": str(bool(item.get("force_delete"))).lower()})
        deadline = time.time() + (item.get("delete_timeout") or 120)
        while time.time() < deadline:
            try:
                client.get(path)
            except NotFoundError:
                return
            client.sleep(1)
        raise GenesysError("Queue {0!r} was deleted but can still be read after {1} s".format(
            obj["name"], item.get("delete_timeout")), method="DELETE", path=path)


# --- skill groups --------------------------------------------------------------------------------

COMPARATORS = ["EqualTo", "NotEqualTo", "LessThan", "GreaterThan", "GreaterThanOrEqualTo", "LessThanOrEqualTo"]


def _skill_conditions():
    """SkillGroupCondition: skill and language conditions joined by an operation, each condition
    with child conditions of the same shape, to any depth. Skills and languages are held by name."""
    condition = Field(type="list", options={})

    def held(kind, name):
        return Field(type="list", options={
            name: Field(ref=kind, ref_shape="name"),
            "comparator": Field(choices=COMPARATORS),
            "proficiency": Field(type="int", lo=0, hi=5),
            "child_conditions": condition})

    condition.options.update(routing_skill_conditions=held("skill", "routing_skill"),
                             language_skill_conditions=held("language", "language_skill"),
                             operation=Field(choices=["And", "Or", "Not"]))
    return condition


class SkillGroupMemberDivisions(Association):
    """The divisions whose users become members when they meet the conditions, by name; "*" alone
    names every division of the org (as the Terraform provider's member_division_ids)."""

    option = "member_divisions"
    mode_option = "member_divisions_mode"
    noun = "member division"

    def argument_spec(self):
        return dict(member_divisions=dict(type="list", elements="str"),
                    member_divisions_mode=dict(type="str", choices=["additive", "authoritative"], default="additive"))

    def validate(self, refs, item):
        names = item["member_divisions"]
        if "*" in names:
            return [] if names == ["*"] else ["'*' (every division) must be the only entry"]
        return ["division {0!r} does not exist".format(n) for n in names if refs.id_of("division", n) is None] + [
            "division {0!r} is listed more than once".format(n) for n in twice(names)]

    def references(self, item):
        return [("division", n) for n in item["member_divisions"] if n != "*"]

    def kept(self, refs, obj):
        """A skill group's own division is always one of its member divisions."""
        return [refs.name_of("division", obj.get("division"))] if obj.get("division") else []

    def read(self, client, refs, obj):
        found = client.get("{0}/{1}/members/divisions".format(SkillGroupSpec.path, obj["id"])) or {}
        return sorted(refs.name_of("division", d) for d in found.get("entities") or [])

    def plan(self, refs, item, current):
        names = refs.known("division") if item["member_divisions"] == ["*"] else item["member_divisions"]
        desired = [refs.name_of("division", refs.id_of("division", n)) for n in names]
        adds = sorted(set(desired) - set(current))
        removes = sorted(set(current) - set(desired)) if _authoritative(item, self) else []
        return dict(adds=adds, removes=removes, updates=[], warnings=[],
                    after=sorted((set(current) | set(desired)) - set(removes)))

    def apply(self, client, refs, obj, item, plan):
        if plan["adds"] or plan["removes"]:
            body = dict(addDivisionIds=[refs.id_of("division", n) for n in plan["adds"]],
                        removeDivisionIds=[refs.id_of("division", n) for n in plan["removes"]])
            client.request("POST", "{0}/{1}/members/divisions".format(SkillGroupSpec.path, obj["id"]),
                           body=dict((k, v) for k, v in body.items() if v), safe=True)


class SkillGroupSpec(ResourceSpec):
    """Skill groups (skill expression groups): users who meet skill and language conditions become
    members. Listed by cursor; the listing leaves the conditions out, so the objects of the items
    that set them are read in full (once per run). PATCH updates; whether it is a partial update
    is unverified, so it carries every writable field (GET-merge-PATCH), as a full replace would need."""

    kind = "skill group"
    ref_kind = "skill_group"
    path = "/api/v2/routing/skillgroups"
    page_size = 100  # the Terraform provider's; a larger maximum is unverified
    update_method = "PATCH"
    detailed = ("skill_conditions",)
    fields = {
        "description": Field(maxlen=512),
        "division": Field(ref="division"),
        "skill_conditions": _skill_conditions(),
    }
    associations = {"member_divisions": SkillGroupMemberDivisions()}
    writable = ("name", "description", "division", "skillConditions")

    def pages(self, client, params=None):
        return client.list_cursor(self.path, params=params, page_size=self.page_size)

    def detail(self, engine, objects):
        missing = [o for o in objects if "skillConditions" not in o]
        return engine.each(lambda o: engine.client.get("{0}/{1}".format(self.path, o["id"])), missing)


# --- utilization ---------------------------------------------------------------------------------

MEDIA_TYPES = ["call", "callback", "chat", "email", "message"]  # the SDK's list; "workitem" is unverified


def _in_order(utilization):
    """Interrupting media types compare as sets."""
    return dict((media, dict(settings, interruptable_media_types=sorted(settings["interruptable_media_types"]))
                 if isinstance(settings, dict) and settings.get("interruptable_media_types") else settings)
                for media, settings in utilization.items())


class UtilizationSpec(ResourceSpec):
    """The org's utilization: one document (GET, full-replace PUT), so an update is GET-merge-PUT and
    the media types, label utilizations and settings the item does not set survive."""

    kind = "routing utilization"
    singleton = "org"
    creatable = False
    path = "/api/v2/routing/utilization"
    call_options = ()
    fields = {
        "utilization": Field(type="dict", keys=MEDIA_TYPES, compare=_in_order, values=Field(type="dict", options={
            "maximum_capacity": Field(type="int", lo=0, hi=25),  # the Terraform provider's range
            "interruptable_media_types": Field(type="list", elements="str", choices=MEDIA_TYPES),
            "include_non_acd": Field(type="bool")})),
    }
    writable = ("utilization", "labelUtilizations", "maxInboundCalls")

    def header(self, entry):
        return self.kind

    def item_path(self, obj):
        return self.path

    def list(self, client):
        return [self._as_object(client.get(self.path))]

    def update(self, client, current, body):
        return self._as_object(ResourceSpec.update(self, client, current, body))

    def _as_object(self, document):
        """The document as the engine keeps objects: with an id and a name."""
        return dict(document or {}, id=self.singleton, name=self.singleton)


def _authoritative(item, association):
    return item.get(association.mode_option) == "authoritative"


def _chunks(values):
    return [values[i:i + CHUNK] for i in range(0, len(values), CHUNK)]

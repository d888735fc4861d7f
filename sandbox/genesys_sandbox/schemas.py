"""Request bodies the sandbox accepts, named after the SDK models they mirror.

Each schema maps a JSON field to a `Field`. The contract test checks every name and
enum here against `purecloudplatformclientv2`, so a typo cannot hide. Ranges and
lengths come from the SDK docstrings (see shared/genesys-api.md).

Strictness (documented choices where the real API may be more lenient):
- unknown fields are refused with 400, naming the field, to catch client bugs;
- read-only fields that the SDK models carry in request bodies (id, selfUri,
  dateCreated...) are accepted and ignored, as the real API does.
"""

import re
from datetime import datetime, timedelta, timezone

from genesys_sandbox.errors import ApiError

DAY = 86400
YEAR = 365 * DAY


class Field:
    """One JSON field: its kind, whether it is required, and its limits."""

    def __init__(self, kind, required=False, enum=None, lo=None, hi=None, minlen=None,
                 maxlen=None, of=None, maxitems=None, readonly=False):
        self.kind = kind          # str int num bool datetime obj list map any
        self.required = required
        self.enum = enum
        self.lo, self.hi = lo, hi
        self.minlen, self.maxlen = minlen, maxlen
        self.of = of              # obj: schema name; list/map: a Field
        self.maxitems = maxitems
        self.readonly = readonly


def Str(**kw):
    return Field("str", **kw)


def Int(**kw):
    return Field("int", **kw)


def Num(**kw):
    return Field("num", **kw)


def Bool(**kw):
    return Field("bool", **kw)


def Date(**kw):
    return Field("datetime", **kw)


def Obj(name, **kw):
    return Field("obj", of=name, **kw)


def List(item, **kw):
    return Field("list", of=item, **kw)


def Map(value, **kw):
    return Field("map", of=value, **kw)


def Any(**kw):
    return Field("any", **kw)


RO = dict(readonly=True)
REF = "DomainEntityRef"

COMPARATORS = ["EqualTo", "NotEqualTo", "LessThan", "GreaterThan", "GreaterThanOrEqualTo", "LessThanOrEqualTo"]
MEDIA_TYPES = ["call", "callback", "chat", "email", "message"]  # MediaUtilization's docstring
SKILL_GROUP_READ_ONLY = {"id": Str(**RO), "memberCount": Int(**RO), "dateModified": Str(**RO),
                         "dateCreated": Str(**RO), "status": Str(enum=["InProgress", "Complete"], **RO),
                         "selfUri": Str(**RO)}

SCHEMAS = {
    "DomainEntityRef": {"id": Str(), "name": Str(**RO), "selfUri": Str(**RO)},
    "WritableDivision": {"id": Str(), "name": Str(**RO), "selfUri": Str(**RO)},
    "WritableStarrableDivision": {"id": Str(), "name": Str(**RO), "selfUri": Str(**RO)},
    # Skills and languages
    "CreateRoutingSkill": {"name": Str(required=True, minlen=1, maxlen=256), "divisionId": Str()},
    "UpdateSkillDivisionRequest": {"divisionId": Str(required=True)},
    "Language": {"name": Str(required=True, minlen=1, maxlen=256), "id": Str(**RO), "dateModified": Str(**RO),
                 "state": Str(**RO), "version": Str(**RO), "selfUri": Str(**RO)},
    # Wrap-up codes
    "WrapupCodeRequest": {
        "name": Str(required=True, minlen=1, maxlen=256), "description": Str(maxlen=512),
        "division": Obj("WritableStarrableDivision"),
        "id": Str(**RO), "dateCreated": Str(**RO), "dateModified": Str(**RO), "createdBy": Str(**RO),
        "modifiedBy": Str(**RO), "selfUri": Str(**RO)},
    # Queues
    "ServiceLevel": {"percentage": Num(lo=0, hi=1), "durationMs": Int(lo=0)},
    "MediaSettings": {
        "enableAutoAnswer": Bool(), "alertingTimeoutSeconds": Int(lo=0), "serviceLevel": Obj("ServiceLevel"),
        "autoAnswerAlertToneSeconds": Num(lo=0), "manualAnswerAlertToneSeconds": Num(lo=0)},
    "CallbackMediaSettings": {
        "enableAutoAnswer": Bool(), "alertingTimeoutSeconds": Int(lo=0), "serviceLevel": Obj("ServiceLevel"),
        "autoAnswerAlertToneSeconds": Num(lo=0), "manualAnswerAlertToneSeconds": Num(lo=0),
        "mode": Str(enum=["AgentFirst", "CustomerFirst"]), "enableAutoDialAndEnd": Bool(),
        "autoDialDelaySeconds": Int(lo=0, hi=1200), "autoEndDelaySeconds": Int(lo=0, hi=1200),
        "pacingModifier": Num(), "maxRetryCount": Int(lo=0), "retryDelaySeconds": Int(lo=0),
        "liveVoiceReactionType": Str(enum=["HangUp", "TransferToQueue", "TransferToFlow"]),
        "liveVoiceFlow": Obj(REF),
        "answeringMachineReactionType": Str(enum=["HangUp", "TransferToQueue", "TransferToFlow"]),
        "answeringMachineFlow": Obj(REF), "edgeGroup": Obj(REF), "site": Obj(REF)},
    "EmailMediaSettings": {
        "enableAutoAnswer": Bool(), "alertingTimeoutSeconds": Int(lo=0), "serviceLevel": Obj("ServiceLevel"),
        "autoAnswerAlertToneSeconds": Num(lo=0), "manualAnswerAlertToneSeconds": Num(lo=0),
        "allOutboundEmailAddresses": List(Obj("QueueEmailAddress"))},
    "MessageSubtypeSettings": {"enableAutoAnswer": Bool(), "enableInactivityTimeout": Bool()},
    "InactivityTimeoutSettings": {
        "timeoutSeconds": Int(lo=0), "actionType": Str(enum=["DISCONNECT", "SEND_TO_ARCHITECT_FLOW"]),
        "flowId": Obj(REF)},
    "MessageMediaSettings": {
        "enableAutoAnswer": Bool(), "alertingTimeoutSeconds": Int(lo=0), "serviceLevel": Obj("ServiceLevel"),
        "autoAnswerAlertToneSeconds": Num(lo=0), "manualAnswerAlertToneSeconds": Num(lo=0),
        "subTypeSettings": Map(Obj("MessageSubtypeSettings")), "enableInactivityTimeout": Bool(),
        "inactivityTimeoutSettings": Obj("InactivityTimeoutSettings")},
    "QueueMediaSettings": {
        "call": Obj("MediaSettings"), "callback": Obj("CallbackMediaSettings"), "chat": Obj("MediaSettings"),
        "email": Obj("EmailMediaSettings"), "message": Obj("MessageMediaSettings")},
    # An inbound email route is managed elsewhere; the sandbox only checks it is an object.
    "QueueEmailAddress": {"domain": Obj(REF), "route": Any()},
    "RoutingRule": {"operator": Str(enum=["MEETS_THRESHOLD", "ANY"]), "threshold": Int(),
                    "waitSeconds": Num(lo=2, hi=259200)},
    "MemberGroup": {"id": Str(), "name": Str(**RO), "division": Any(**RO),
                    "type": Str(enum=["TEAM", "GROUP", "SKILLGROUP"]), "memberCount": Int(**RO),
                    "selfUri": Str(**RO)},
    "ConditionalGroupRoutingRule": {
        "queue": Obj(REF), "metric": Str(enum=["EstimatedWaitTime", "ServiceLevel"]),
        "operator": Str(enum=["GreaterThan", "GreaterThanOrEqualTo", "LessThan", "LessThanOrEqualTo"]),
        "conditionValue": Num(), "groups": List(Obj("MemberGroup")), "waitSeconds": Int(lo=0)},
    "ConditionalGroupRouting": {"rules": List(Obj("ConditionalGroupRoutingRule"), maxitems=5)},
    "ConditionalGroupActivationSimpleMetric": {
        "metric": Str(enum=["EstimatedWaitTime", "IdleAgentCount", "ServiceLevel"]), "queue": Obj(REF)},
    "ConditionalGroupActivationCondition": {
        "simpleMetric": Obj("ConditionalGroupActivationSimpleMetric"),
        "operator": Str(enum=["GreaterThan", "GreaterThanOrEqualTo", "LessThan", "LessThanOrEqualTo",
                              "EqualTo", "NotEqualTo"]),
        "value": Num()},
    "ConditionalGroupActivationPilotRule": {
        "conditions": List(Obj("ConditionalGroupActivationCondition"), maxitems=10), "conditionExpression": Str()},
    "ConditionalGroupActivationRule": {
        "conditions": List(Obj("ConditionalGroupActivationCondition"), maxitems=10), "conditionExpression": Str(),
        "groups": List(Obj("MemberGroup"), maxitems=5)},
    "ConditionalGroupActivation": {
        "pilotRule": Obj("ConditionalGroupActivationPilotRule"),
        "rules": List(Obj("ConditionalGroupActivationRule"), maxitems=5)},
    "ExpansionCriterium": {"type": Str(enum=["TIMEOUT_SECONDS"]), "threshold": Num(lo=0)},
    "SkillsToRemove": {"id": Str(), "name": Str(**RO), "selfUri": Str(**RO)},
    "Actions": {"skillsToRemove": List(Obj("SkillsToRemove"))},
    "Ring": {"expansionCriteria": List(Obj("ExpansionCriterium")), "actions": Obj("Actions"),
             "memberGroups": List(Obj("MemberGroup"))},
    "Bullseye": {"rings": List(Obj("Ring"), maxitems=6)},
    "AcwSettings": {
        "wrapupPrompt": Str(enum=["MANDATORY", "OPTIONAL", "MANDATORY_TIMEOUT", "MANDATORY_FORCED_TIMEOUT",
                                  "AGENT_REQUESTED"]),
        "timeoutMs": Int(lo=1000, hi=3600000)},
    "CannedResponseLibraries": {"libraryIds": List(Str()), "mode": Str(enum=["All", "SelectedOnly", "None"])},
    "AgentOwnedRouting": {"enableAgentOwnedCallbacks": Bool(), "maxOwnedCallbackHours": Int(lo=1, hi=168),
                          "maxOwnedCallbackDelayHours": Int(lo=1, hi=720)},
    "DirectRoutingMediaSettings": {"useAgentAddressOutbound": Bool()},
    "DirectRouting": {
        "callMediaSettings": Obj("DirectRoutingMediaSettings"), "emailMediaSettings": Obj("DirectRoutingMediaSettings"),
        "messageMediaSettings": Obj("DirectRoutingMediaSettings"), "backupQueueId": Str(), "waitForAgent": Bool(),
        "agentWaitSeconds": Int(lo=60, hi=864000)},
    # A script reference: only its id matters in a queue body; the rest is read-only.
    "Script": {"id": Str(), "name": Str(**RO), "selfUri": Str(**RO)},
    "QueueMessagingAddresses": {"smsAddress": Obj(REF), "openMessagingRecipient": Obj(REF),
                                "whatsAppRecipient": Obj(REF)},
    "QueueRequest": {
        "name": Str(required=True, minlen=1, maxlen=256), "description": Str(maxlen=512),
        "division": Obj("WritableDivision"), "mediaSettings": Obj("QueueMediaSettings"),
        "routingRules": List(Obj("RoutingRule"), maxitems=6), "conditionalGroupRouting": Obj("ConditionalGroupRouting"),
        "conditionalGroupActivation": Obj("ConditionalGroupActivation"), "bullseye": Obj("Bullseye"),
        "scoringMethod": Str(enum=["TimestampAndPriority", "PriorityOnly"]),
        "lastAgentRoutingMode": Str(enum=["Disabled", "QueueMembersOnly", "AnyAgent"]),
        "acwSettings": Obj("AcwSettings"), "skillEvaluationMethod": Str(enum=["NONE", "BEST", "ALL"]),
        "memberGroups": List(Obj("MemberGroup")), "queueFlow": Obj(REF), "emailInQueueFlow": Obj(REF),
        "messageInQueueFlow": Obj(REF), "whisperPrompt": Obj(REF), "onHoldPrompt": Obj(REF),
        "defaultMediaLanguage": Str(), "autoAnswerOnly": Bool(), "cannedResponseLibraries": Obj("CannedResponseLibraries"),
        "enableTranscription": Bool(), "enableAudioMonitoring": Bool(), "enableManualAssignment": Bool(),
        "agentOwnedRouting": Obj("AgentOwnedRouting"), "directRouting": Obj("DirectRouting"),
        "callingPartyName": Str(), "callingPartyNumber": Str(), "defaultScripts": Map(Obj("Script")),
        "outboundMessagingAddresses": Obj("QueueMessagingAddresses"), "outboundEmailAddress": Obj("QueueEmailAddress"),
        "peerId": Str(), "suppressInQueueCallRecording": Bool(),
        "id": Str(**RO), "dateCreated": Str(**RO), "dateModified": Str(**RO), "modifiedBy": Str(**RO),
        "createdBy": Str(**RO), "memberCount": Int(**RO), "userMemberCount": Int(**RO), "joinedMemberCount": Int(**RO),
        "selfUri": Str(**RO)},
    "WritableEntity": {"id": Str(required=True)},
    "WrapUpCodeReference": {"id": Str(required=True)},
    # Skill groups: conditions nest to any depth; skills and languages are named, not referenced by id
    "SkillGroupCondition": {
        "routingSkillConditions": List(Obj("SkillGroupRoutingCondition")),
        "languageSkillConditions": List(Obj("SkillGroupLanguageCondition")),
        "operation": Str(enum=["And", "Not", "Or"])},
    "SkillGroupRoutingCondition": {
        "routingSkill": Str(), "comparator": Str(enum=COMPARATORS), "proficiency": Int(lo=0, hi=5),
        "childConditions": List(Obj("SkillGroupCondition"))},
    "SkillGroupLanguageCondition": {
        "languageSkill": Str(), "comparator": Str(enum=COMPARATORS), "proficiency": Int(lo=0, hi=5),
        "childConditions": List(Obj("SkillGroupCondition"))},
    "SkillGroupWithMemberDivisions": {
        "name": Str(required=True, minlen=1, maxlen=256), "description": Str(maxlen=512),
        "division": Obj("WritableDivision"), "skillConditions": List(Obj("SkillGroupCondition")),
        "memberDivisions": List(Str()), **SKILL_GROUP_READ_ONLY},
    "SkillGroup": {
        "name": Str(minlen=1, maxlen=256), "description": Str(maxlen=512), "division": Obj("WritableDivision"),
        "skillConditions": List(Obj("SkillGroupCondition")), **SKILL_GROUP_READ_ONLY},
    "SkillGroupMemberDivisions": {"addDivisionIds": List(Str()), "removeDivisionIds": List(Str())},
    # Utilization: maximum capacity 0 to 25 is the Terraform provider's range (UNVERIFIED in the API)
    "MediaUtilization": {"maximumCapacity": Int(lo=0, hi=25), "interruptableMediaTypes": List(Str(enum=MEDIA_TYPES)),
                         "includeNonAcd": Bool()},
    "LabelUtilizationRequest": {"maximumCapacity": Int(lo=0, hi=25), "interruptingLabelIds": List(Str())},
    "UtilizationRequest": {"utilization": Map(Obj("MediaUtilization")),
                           "labelUtilizations": Map(Obj("LabelUtilizationRequest")), "maxInboundCalls": Int(lo=0)},
    # Users
    "UserRoutingSkillPost": {"id": Str(required=True), "proficiency": Num(lo=0, hi=5),
                             "skillUri": Str(**RO), "selfUri": Str(**RO)},
    "UserRoutingSkill": {"id": Str(**RO), "name": Str(**RO), "proficiency": Num(lo=0, hi=5),
                         "state": Str(enum=["active", "inactive", "deleted"]), "skillUri": Str(**RO),
                         "selfUri": Str(**RO)},
    "UserRoutingLanguagePost": {"id": Str(required=True), "proficiency": Num(lo=0, hi=5),
                                "languageUri": Str(**RO), "selfUri": Str(**RO)},
    "UserRoutingLanguage": {"id": Str(**RO), "name": Str(**RO), "proficiency": Num(lo=0, hi=5),
                            "state": Str(enum=["active", "inactive", "deleted"]), "languageUri": Str(**RO),
                            "selfUri": Str(**RO)},
    # Task management
    "WorkbinCreate": {"name": Str(required=True, minlen=3, maxlen=256), "description": Str(maxlen=512),
                      "divisionId": Str()},
    "WorkbinUpdate": {"name": Str(minlen=3, maxlen=256), "description": Str(maxlen=512)},
    "WorkitemRuleSettings": {"flowRulesEnabled": Bool()},
    "WorktypeCreate": {
        "name": Str(required=True, minlen=3, maxlen=256), "description": Str(maxlen=512),
        "defaultWorkbinId": Str(required=True), "divisionId": Str(),
        "defaultDurationSeconds": Int(lo=0, hi=YEAR), "defaultExpirationSeconds": Int(lo=0, hi=YEAR),
        "defaultDueDurationSeconds": Int(lo=0, hi=YEAR), "defaultPriority": Int(lo=-25000000, hi=25000000),
        "defaultTtlSeconds": Int(lo=1, hi=YEAR), "assignmentEnabled": Bool(), "schemaId": Str(),
        "schemaVersion": Int(), "serviceLevelTarget": Int(lo=0, hi=100), "ruleSettings": Obj("WorkitemRuleSettings"),
        "unassignedDivisionContactsEnabled": Bool(), "disableDefaultStatusCreation": Bool(),
        "defaultQueueId": Str(), "defaultLanguageId": Str(), "defaultSkillIds": List(Str(), maxitems=20),
        "defaultScriptId": Str()},
    "WorktypeUpdate": {
        "name": Str(minlen=3, maxlen=256), "description": Str(maxlen=512), "defaultWorkbinId": Str(),
        "defaultDurationSeconds": Int(lo=0, hi=YEAR), "defaultExpirationSeconds": Int(lo=0, hi=YEAR),
        "defaultDueDurationSeconds": Int(lo=0, hi=YEAR), "defaultPriority": Int(lo=-25000000, hi=25000000),
        "defaultTtlSeconds": Int(lo=1, hi=YEAR), "assignmentEnabled": Bool(), "schemaId": Str(),
        "schemaVersion": Int(), "serviceLevelTarget": Int(lo=0, hi=100), "ruleSettings": Obj("WorkitemRuleSettings"),
        "unassignedDivisionContactsEnabled": Bool(), "defaultStatusId": Str(), "defaultQueueId": Str(),
        "defaultLanguageId": Str(), "defaultSkillIds": List(Str(), maxitems=20), "defaultScriptId": Str()},
    "WorkitemStatusCreate": {
        "name": Str(required=True, minlen=3, maxlen=256),
        "category": Str(required=True, enum=["Open", "InProgress", "Waiting", "Closed", "Unknown"]),
        "destinationStatusIds": List(Str(), maxitems=24), "description": Str(maxlen=512),
        "defaultDestinationStatusId": Str(), "statusTransitionDelaySeconds": Int(lo=60),
        "statusTransitionTime": Str(), "autoTerminateWorkitem": Bool()},
    "WorkitemStatusUpdate": {
        "name": Str(minlen=3, maxlen=256), "destinationStatusIds": List(Str(), maxitems=24),
        "description": Str(maxlen=512), "defaultDestinationStatusId": Str(),
        "statusTransitionDelaySeconds": Int(lo=60), "statusTransitionTime": Str(), "autoTerminateWorkitem": Bool()},
    "WorkitemScoredAgentRequest": {"id": Str(required=True), "score": Int(lo=0, hi=100)},
    "WorkitemCreate": {
        "name": Str(required=True, minlen=3, maxlen=256), "typeId": Str(required=True), "description": Str(maxlen=512),
        "priority": Int(lo=-25000000, hi=25000000), "dateDue": Date(), "dateExpires": Date(),
        "durationSeconds": Int(lo=0, hi=YEAR), "ttl": Int(lo=0), "statusId": Str(), "workbinId": Str(),
        "autoStatusTransition": Bool(), "customFields": Map(Any()), "queueId": Str(), "assigneeId": Str(),
        "languageId": Str(), "externalContactId": Str(), "externalTag": Str(), "skillIds": List(Str()),
        "scriptId": Str(), "wrapupCode": Str(), "utilizationLabelId": Str(),
        "scoredAgents": List(Obj("WorkitemScoredAgentRequest"), maxitems=20), "preferredAgentIds": List(Str())},
    # How many entities one job may hold is not published (UNVERIFIED): the sandbox sets no maximum.
    "BulkJobAddRequest": {"entities": List(Obj("WorkitemCommonCreate"), required=True)},
    "WorkitemUpdate": {
        "name": Str(minlen=3, maxlen=256), "description": Str(maxlen=512),
        "priority": Int(lo=-25000000, hi=25000000), "dateDue": Date(), "dateExpires": Date(), "dateClosed": Date(),
        "durationSeconds": Int(lo=0, hi=YEAR), "ttl": Int(lo=0), "statusId": Str(), "workbinId": Str(),
        "autoStatusTransition": Bool(), "customFields": Map(Any()), "queueId": Str(), "assigneeId": Str(),
        "languageId": Str(), "externalContactId": Str(), "externalTag": Str(), "skillIds": List(Str()),
        "scriptId": Str(), "utilizationLabelId": Str(), "preferredAgentIds": List(Str()),
        "scoredAgents": List(Obj("WorkitemScoredAgentRequest"), maxitems=20),
        "assignmentState": Str(enum=["Unknown", "AcdStarted", "Alerting", "AlertTimeout", "AcdCancelled",
                                     "Terminated", "Idle", "Declined", "Connected", "Disconnected", "Parked",
                                     "Held", "AcdExpired"]),
        "assignmentOperation": Str(enum=["AgentAssignmentAlerting", "QueueAssignmentAlerting"])},
    "WorkitemTerminate": {"statusId": Str()},
    "JsonSchemaDocument": {"id": Str(**RO), "$schema": Str(), "title": Str(), "description": Str(),
                           "type": Str(), "required": List(Str()), "properties": Map(Any()),
                           "additionalProperties": Any()},
    "DataSchema": {"name": Str(required=True, minlen=1, maxlen=256), "jsonSchema": Obj("JsonSchemaDocument"),
                   "enabled": Bool(), "appliesTo": List(Str()), "id": Str(**RO), "version": Int(**RO),
                   "createdBy": Any(**RO), "dateCreated": Str(**RO), "selfUri": Str(**RO)},
    "WorkitemFilter": {
        "name": Str(required=True), "type": Str(required=True, enum=["String", "Int"]),
        "operator": Str(required=True, enum=["EQ", "NEQ", "GT", "LT", "GTE", "LTE", "IN", "CONTAINS", "BETWEEN",
                                             "BEGINS_WITH"]),
        "values": List(Str(), required=True)},
    "WorkitemQuerySort": {"name": Str(enum=["dateDue", "priority"]), "ascending": Bool()},
    "WorkitemQueryPostRequest": {
        "filters": List(Obj("WorkitemFilter"), required=True, maxitems=3), "pageSize": Int(lo=1, hi=200),
        "after": Str(), "sort": Obj("WorkitemQuerySort"), "select": Str(enum=["Count"]), "attributes": List(Str()),
        "expands": List(Str())},
    "WorkbinQuerySort": {"name": Str(enum=["dateModified", "name"]), "ascending": Bool()},
    "WorkbinQueryRequest": {
        "filters": List(Obj("WorkitemFilter")), "pageSize": Int(lo=1, hi=200), "after": Str(),
        "sort": Obj("WorkbinQuerySort"), "select": Str(enum=["Count"]), "attributes": List(Str())},
    "WorktypeQuerySort": {"name": Str(enum=["dateModified", "name"]), "ascending": Bool()},
    "WorktypeQueryRequest": {
        "filters": List(Obj("WorkitemFilter")), "pageSize": Int(lo=1, hi=200), "after": Str(),
        "sort": Obj("WorktypeQuerySort"), "select": Str(enum=["Count"]), "attributes": List(Str()),
        "expands": Str(enum=["schema"])},
    # Audits
    "AuditQueryFilter": {
        "property": Str(required=True, enum=["UserId", "TrusteeOrganizationId", "ClientId", "Action", "EntityType",
                                             "EntityId"]),
        "value": Str(required=True)},
    "AuditQuerySort": {"name": Str(enum=["Timestamp"]), "sortOrder": Str(enum=["ascending", "descending"])},
    "AuditQueryRequest": {"interval": Str(required=True), "serviceName": Str(),
                          "filters": List(Obj("AuditQueryFilter")), "sort": List(Obj("AuditQuerySort"))},
    "AuditRealtimeQueryRequest": {"interval": Str(required=True), "serviceName": Str(),
                                  "filters": List(Obj("AuditQueryFilter")), "sort": List(Obj("AuditQuerySort")),
                                  "pageNumber": Int(lo=1), "pageSize": Int(lo=1, hi=500)},
}
# The entities of a bulk add job (BulkJobAddRequest): WorkitemCreate without the fields WorkitemCommonCreate lacks.
SCHEMAS["WorkitemCommonCreate"] = {name: field for name, field in SCHEMAS["WorkitemCreate"].items()
                                   if name not in ("scoredAgents", "wrapupCode", "utilizationLabelId",
                                                   "preferredAgentIds")}
SCHEMAS["CreateQueueRequest"] = dict(SCHEMAS["QueueRequest"], sourceQueueId=Str())

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$")


def parse_datetime(value):
    """Parse an ISO-8601 datetime as the API writes it; None when it is not one."""
    if not isinstance(value, str) or not _ISO.match(value):
        return None
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def validate(body, schema, nulls=False):
    """Check `body` against the named schema; raise a 400 naming every bad field.

    `nulls=True` admits JSON null for optional fields (PATCH resets a property).
    Returns the body without read-only fields.
    """
    problems = []
    clean = _check(body, schema, "", problems, nulls)
    if problems:
        raise ApiError(400, "bad.request", "; ".join(p[1] for p in problems),
                       details=[{"errorCode": "invalid.value", "fieldName": p[0]} for p in problems])
    return clean


def _check(value, schema, path, problems, nulls):
    if not isinstance(value, dict):
        problems.append((path or "body", f"{path or 'body'}: must be an object"))
        return {}
    fields = SCHEMAS[schema]
    clean = {}
    for name, raw in value.items():
        where = path + name
        spec = fields.get(name)
        if spec is None:
            problems.append((where, f"{where}: unknown field for {schema}; allowed: {', '.join(sorted(fields))}"))
        elif spec.readonly:
            continue
        elif raw is None:
            if nulls and not spec.required:
                clean[name] = None
            else:
                problems.append((where, f"{where}: may not be null"))
        else:
            clean[name] = _value(raw, spec, where, problems, nulls)
    for name, spec in fields.items():
        if spec.required and value.get(name) is None:
            problems.append((path + name, f"{path + name}: is required"))
    return clean


def _value(raw, spec, where, problems, nulls):
    kind = spec.kind
    if kind == "any":
        return raw
    if kind == "obj":
        return _check(raw, spec.of, where + ".", problems, False)
    if kind in ("list", "map"):
        expected = list if kind == "list" else dict
        if not isinstance(raw, expected):
            problems.append((where, f"{where}: must be a {kind}"))
            return raw
        if spec.maxitems is not None and len(raw) > spec.maxitems:
            problems.append((where, f"{where}: at most {spec.maxitems} items allowed, got {len(raw)}"))
        if kind == "list":
            return [_value(v, spec.of, f"{where}[{i}]", problems, False) for i, v in enumerate(raw)]
        return {k: _value(v, spec.of, f"{where}.{k}", problems, False) for k, v in raw.items()}
    ok = {
        "str": isinstance(raw, str),
        "int": isinstance(raw, int) and not isinstance(raw, bool),
        "num": isinstance(raw, (int, float)) and not isinstance(raw, bool),
        "bool": isinstance(raw, bool),
        "datetime": parse_datetime(raw) is not None,
    }[kind]
    if not ok:
        problems.append((where, f"{where}: must be of type {kind}, got {raw!r}"))
        return raw
    if spec.enum is not None and raw not in spec.enum:
        problems.append((where, f"{where}: value {raw!r} is not one of {', '.join(spec.enum)}"))
    if spec.lo is not None and raw < spec.lo or spec.hi is not None and raw > spec.hi:
        problems.append((where, f"{where}: value {raw} is out of range [{spec.lo}, {spec.hi}]"))
    if spec.minlen is not None and len(raw.strip()) < spec.minlen:
        problems.append((where, f"{where}: must have at least {spec.minlen} characters"))
    if spec.maxlen is not None and len(raw) > spec.maxlen:
        problems.append((where, f"{where}: must have at most {spec.maxlen} characters"))
    if kind == "datetime" and parse_datetime(raw) > datetime.now(timezone.utc) + timedelta(days=365):
        problems.append((where, f"{where}: must be at most 365 days from now"))
    return raw

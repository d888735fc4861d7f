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


def S(**kw):
    return Field("str", **kw)


def I(**kw):  # noqa: E743 - short names keep the schema tables readable
    return Field("int", **kw)


def N(**kw):
    return Field("num", **kw)


def B(**kw):
    return Field("bool", **kw)


def DT(**kw):
    return Field("datetime", **kw)


def O(name, **kw):  # noqa: E743
    return Field("obj", of=name, **kw)


def L(item, **kw):
    return Field("list", of=item, **kw)


def M(value, **kw):
    return Field("map", of=value, **kw)


def ANY(**kw):
    return Field("any", **kw)


RO = dict(readonly=True)
REF = "DomainEntityRef"

SCHEMAS = {
    "DomainEntityRef": {"id": S(), "name": S(**RO), "selfUri": S(**RO)},
    "WritableDivision": {"id": S(), "name": S(**RO), "selfUri": S(**RO)},
    "WritableStarrableDivision": {"id": S(), "name": S(**RO), "selfUri": S(**RO)},
    # Skills and languages
    "CreateRoutingSkill": {"name": S(required=True, minlen=1, maxlen=256), "divisionId": S()},
    "UpdateSkillDivisionRequest": {"divisionId": S(required=True)},
    "Language": {"name": S(required=True, minlen=1, maxlen=256), "id": S(**RO), "dateModified": S(**RO),
                 "state": S(**RO), "version": S(**RO), "selfUri": S(**RO)},
    # Wrap-up codes
    "WrapupCodeRequest": {
        "name": S(required=True, minlen=1, maxlen=256), "description": S(maxlen=512),
        "division": O("WritableStarrableDivision"),
        "id": S(**RO), "dateCreated": S(**RO), "dateModified": S(**RO), "createdBy": S(**RO),
        "modifiedBy": S(**RO), "selfUri": S(**RO)},
    # Queues
    "ServiceLevel": {"percentage": N(lo=0, hi=1), "durationMs": I(lo=0)},
    "MediaSettings": {
        "enableAutoAnswer": B(), "alertingTimeoutSeconds": I(lo=0), "serviceLevel": O("ServiceLevel"),
        "autoAnswerAlertToneSeconds": N(lo=0), "manualAnswerAlertToneSeconds": N(lo=0)},
    "CallbackMediaSettings": {
        "enableAutoAnswer": B(), "alertingTimeoutSeconds": I(lo=0), "serviceLevel": O("ServiceLevel"),
        "autoAnswerAlertToneSeconds": N(lo=0), "manualAnswerAlertToneSeconds": N(lo=0),
        "mode": S(enum=["AgentFirst", "CustomerFirst"]), "enableAutoDialAndEnd": B(),
        "autoDialDelaySeconds": I(lo=0, hi=1200), "autoEndDelaySeconds": I(lo=0, hi=1200),
        "pacingModifier": N(), "maxRetryCount": I(lo=0), "retryDelaySeconds": I(lo=0),
        "liveVoiceReactionType": S(enum=["HangUp", "TransferToQueue", "TransferToFlow"]),
        "liveVoiceFlow": O(REF),
        "answeringMachineReactionType": S(enum=["HangUp", "TransferToQueue", "TransferToFlow"]),
        "answeringMachineFlow": O(REF), "edgeGroup": O(REF), "site": O(REF)},
    "EmailMediaSettings": {
        "enableAutoAnswer": B(), "alertingTimeoutSeconds": I(lo=0), "serviceLevel": O("ServiceLevel"),
        "autoAnswerAlertToneSeconds": N(lo=0), "manualAnswerAlertToneSeconds": N(lo=0),
        "allOutboundEmailAddresses": L(O("QueueEmailAddress"))},
    "MessageSubtypeSettings": {"enableAutoAnswer": B(), "enableInactivityTimeout": B()},
    "InactivityTimeoutSettings": {
        "timeoutSeconds": I(lo=0), "actionType": S(enum=["DISCONNECT", "SEND_TO_ARCHITECT_FLOW"]),
        "flowId": O(REF)},
    "MessageMediaSettings": {
        "enableAutoAnswer": B(), "alertingTimeoutSeconds": I(lo=0), "serviceLevel": O("ServiceLevel"),
        "autoAnswerAlertToneSeconds": N(lo=0), "manualAnswerAlertToneSeconds": N(lo=0),
        "subTypeSettings": M(O("MessageSubtypeSettings")), "enableInactivityTimeout": B(),
        "inactivityTimeoutSettings": O("InactivityTimeoutSettings")},
    "QueueMediaSettings": {
        "call": O("MediaSettings"), "callback": O("CallbackMediaSettings"), "chat": O("MediaSettings"),
        "email": O("EmailMediaSettings"), "message": O("MessageMediaSettings")},
    # An inbound email route is managed elsewhere; the sandbox only checks it is an object.
    "QueueEmailAddress": {"domain": O(REF), "route": ANY()},
    "RoutingRule": {"operator": S(enum=["MEETS_THRESHOLD", "ANY"]), "threshold": I(),
                    "waitSeconds": N(lo=2, hi=259200)},
    "MemberGroup": {"id": S(), "name": S(**RO), "division": ANY(**RO),
                    "type": S(enum=["TEAM", "GROUP", "SKILLGROUP"]), "memberCount": I(**RO),
                    "selfUri": S(**RO)},
    "ConditionalGroupRoutingRule": {
        "queue": O(REF), "metric": S(enum=["EstimatedWaitTime", "ServiceLevel"]),
        "operator": S(enum=["GreaterThan", "GreaterThanOrEqualTo", "LessThan", "LessThanOrEqualTo"]),
        "conditionValue": N(), "groups": L(O("MemberGroup")), "waitSeconds": I(lo=0)},
    "ConditionalGroupRouting": {"rules": L(O("ConditionalGroupRoutingRule"), maxitems=5)},
    "ConditionalGroupActivationSimpleMetric": {
        "metric": S(enum=["EstimatedWaitTime", "IdleAgentCount", "ServiceLevel"]), "queue": O(REF)},
    "ConditionalGroupActivationCondition": {
        "simpleMetric": O("ConditionalGroupActivationSimpleMetric"),
        "operator": S(enum=["GreaterThan", "GreaterThanOrEqualTo", "LessThan", "LessThanOrEqualTo",
                            "EqualTo", "NotEqualTo"]),
        "value": N()},
    "ConditionalGroupActivationPilotRule": {
        "conditions": L(O("ConditionalGroupActivationCondition"), maxitems=10), "conditionExpression": S()},
    "ConditionalGroupActivationRule": {
        "conditions": L(O("ConditionalGroupActivationCondition"), maxitems=10), "conditionExpression": S(),
        "groups": L(O("MemberGroup"), maxitems=5)},
    "ConditionalGroupActivation": {
        "pilotRule": O("ConditionalGroupActivationPilotRule"),
        "rules": L(O("ConditionalGroupActivationRule"), maxitems=5)},
    "ExpansionCriterium": {"type": S(enum=["TIMEOUT_SECONDS"]), "threshold": N(lo=0)},
    "SkillsToRemove": {"id": S(), "name": S(**RO), "selfUri": S(**RO)},
    "Actions": {"skillsToRemove": L(O("SkillsToRemove"))},
    "Ring": {"expansionCriteria": L(O("ExpansionCriterium")), "actions": O("Actions"),
             "memberGroups": L(O("MemberGroup"))},
    "Bullseye": {"rings": L(O("Ring"), maxitems=6)},
    "AcwSettings": {
        "wrapupPrompt": S(enum=["MANDATORY", "OPTIONAL", "MANDATORY_TIMEOUT", "MANDATORY_FORCED_TIMEOUT",
                                "AGENT_REQUESTED"]),
        "timeoutMs": I(lo=1000, hi=3600000)},
    "CannedResponseLibraries": {"libraryIds": L(S()), "mode": S(enum=["All", "SelectedOnly", "None"])},
    "AgentOwnedRouting": {"enableAgentOwnedCallbacks": B(), "maxOwnedCallbackHours": I(lo=1, hi=168),
                          "maxOwnedCallbackDelayHours": I(lo=1, hi=720)},
    "DirectRoutingMediaSettings": {"useAgentAddressOutbound": B()},
    "DirectRouting": {
        "callMediaSettings": O("DirectRoutingMediaSettings"), "emailMediaSettings": O("DirectRoutingMediaSettings"),
        "messageMediaSettings": O("DirectRoutingMediaSettings"), "backupQueueId": S(), "waitForAgent": B(),
        "agentWaitSeconds": I(lo=60, hi=864000)},
    # A script reference: only its id matters in a queue body; the rest is read-only.
    "Script": {"id": S(), "name": S(**RO), "selfUri": S(**RO)},
    "QueueMessagingAddresses": {"smsAddress": O(REF), "openMessagingRecipient": O(REF),
                                "whatsAppRecipient": O(REF)},
    "QueueRequest": {
        "name": S(required=True, minlen=1, maxlen=256), "description": S(maxlen=512),
        "division": O("WritableDivision"), "mediaSettings": O("QueueMediaSettings"),
        "routingRules": L(O("RoutingRule"), maxitems=6), "conditionalGroupRouting": O("ConditionalGroupRouting"),
        "conditionalGroupActivation": O("ConditionalGroupActivation"), "bullseye": O("Bullseye"),
        "scoringMethod": S(enum=["TimestampAndPriority", "PriorityOnly"]),
        "lastAgentRoutingMode": S(enum=["Disabled", "QueueMembersOnly", "AnyAgent"]),
        "acwSettings": O("AcwSettings"), "skillEvaluationMethod": S(enum=["NONE", "BEST", "ALL"]),
        "memberGroups": L(O("MemberGroup")), "queueFlow": O(REF), "emailInQueueFlow": O(REF),
        "messageInQueueFlow": O(REF), "whisperPrompt": O(REF), "onHoldPrompt": O(REF),
        "defaultMediaLanguage": S(), "autoAnswerOnly": B(), "cannedResponseLibraries": O("CannedResponseLibraries"),
        "enableTranscription": B(), "enableAudioMonitoring": B(), "enableManualAssignment": B(),
        "agentOwnedRouting": O("AgentOwnedRouting"), "directRouting": O("DirectRouting"),
        "callingPartyName": S(), "callingPartyNumber": S(), "defaultScripts": M(O("Script")),
        "outboundMessagingAddresses": O("QueueMessagingAddresses"), "outboundEmailAddress": O("QueueEmailAddress"),
        "peerId": S(), "suppressInQueueCallRecording": B(),
        "id": S(**RO), "dateCreated": S(**RO), "dateModified": S(**RO), "modifiedBy": S(**RO),
        "createdBy": S(**RO), "memberCount": I(**RO), "userMemberCount": I(**RO), "joinedMemberCount": I(**RO),
        "selfUri": S(**RO)},
    "WritableEntity": {"id": S(required=True)},
    "WrapUpCodeReference": {"id": S(required=True)},
    # Users
    "UserRoutingSkillPost": {"id": S(required=True), "proficiency": N(lo=0, hi=5),
                             "skillUri": S(**RO), "selfUri": S(**RO)},
    "UserRoutingSkill": {"id": S(**RO), "name": S(**RO), "proficiency": N(lo=0, hi=5),
                         "state": S(enum=["active", "inactive", "deleted"]), "skillUri": S(**RO),
                         "selfUri": S(**RO)},
    # Task management
    "WorkbinCreate": {"name": S(required=True, minlen=3, maxlen=256), "description": S(maxlen=512),
                      "divisionId": S()},
    "WorkbinUpdate": {"name": S(minlen=3, maxlen=256), "description": S(maxlen=512)},
    "WorkitemRuleSettings": {"flowRulesEnabled": B()},
    "WorktypeCreate": {
        "name": S(required=True, minlen=3, maxlen=256), "description": S(maxlen=512),
        "defaultWorkbinId": S(required=True), "divisionId": S(),
        "defaultDurationSeconds": I(lo=0, hi=YEAR), "defaultExpirationSeconds": I(lo=0, hi=YEAR),
        "defaultDueDurationSeconds": I(lo=0, hi=YEAR), "defaultPriority": I(lo=-25000000, hi=25000000),
        "defaultTtlSeconds": I(lo=1, hi=YEAR), "assignmentEnabled": B(), "schemaId": S(),
        "schemaVersion": I(), "serviceLevelTarget": I(lo=0, hi=100), "ruleSettings": O("WorkitemRuleSettings"),
        "unassignedDivisionContactsEnabled": B(), "disableDefaultStatusCreation": B(),
        "defaultQueueId": S(), "defaultLanguageId": S(), "defaultSkillIds": L(S(), maxitems=20),
        "defaultScriptId": S()},
    "WorktypeUpdate": {
        "name": S(minlen=3, maxlen=256), "description": S(maxlen=512), "defaultWorkbinId": S(),
        "defaultDurationSeconds": I(lo=0, hi=YEAR), "defaultExpirationSeconds": I(lo=0, hi=YEAR),
        "defaultDueDurationSeconds": I(lo=0, hi=YEAR), "defaultPriority": I(lo=-25000000, hi=25000000),
        "defaultTtlSeconds": I(lo=1, hi=YEAR), "assignmentEnabled": B(), "schemaId": S(),
        "schemaVersion": I(), "serviceLevelTarget": I(lo=0, hi=100), "ruleSettings": O("WorkitemRuleSettings"),
        "unassignedDivisionContactsEnabled": B(), "defaultStatusId": S(), "defaultQueueId": S(),
        "defaultLanguageId": S(), "defaultSkillIds": L(S(), maxitems=20), "defaultScriptId": S()},
    "WorkitemStatusCreate": {
        "name": S(required=True, minlen=3, maxlen=256),
        "category": S(required=True, enum=["Open", "InProgress", "Waiting", "Closed", "Unknown"]),
        "destinationStatusIds": L(S(), maxitems=24), "description": S(maxlen=512),
        "defaultDestinationStatusId": S(), "statusTransitionDelaySeconds": I(lo=60),
        "statusTransitionTime": S(), "autoTerminateWorkitem": B()},
    "WorkitemStatusUpdate": {
        "name": S(minlen=3, maxlen=256), "destinationStatusIds": L(S(), maxitems=24),
        "description": S(maxlen=512), "defaultDestinationStatusId": S(),
        "statusTransitionDelaySeconds": I(lo=60), "statusTransitionTime": S(), "autoTerminateWorkitem": B()},
    "WorkitemScoredAgentRequest": {"id": S(required=True), "score": I(lo=0, hi=100)},
    "WorkitemCreate": {
        "name": S(required=True, minlen=3, maxlen=256), "typeId": S(required=True), "description": S(maxlen=512),
        "priority": I(lo=-25000000, hi=25000000), "dateDue": DT(), "dateExpires": DT(),
        "durationSeconds": I(lo=0, hi=YEAR), "ttl": I(lo=0), "statusId": S(), "workbinId": S(),
        "autoStatusTransition": B(), "customFields": M(ANY()), "queueId": S(), "assigneeId": S(),
        "languageId": S(), "externalContactId": S(), "externalTag": S(), "skillIds": L(S()),
        "scriptId": S(), "wrapupCode": S(), "utilizationLabelId": S(),
        "scoredAgents": L(O("WorkitemScoredAgentRequest"), maxitems=20), "preferredAgentIds": L(S())},
    "WorkitemUpdate": {
        "name": S(minlen=3, maxlen=256), "description": S(maxlen=512),
        "priority": I(lo=-25000000, hi=25000000), "dateDue": DT(), "dateExpires": DT(), "dateClosed": DT(),
        "durationSeconds": I(lo=0, hi=YEAR), "ttl": I(lo=0), "statusId": S(), "workbinId": S(),
        "autoStatusTransition": B(), "customFields": M(ANY()), "queueId": S(), "assigneeId": S(),
        "languageId": S(), "externalContactId": S(), "externalTag": S(), "skillIds": L(S()),
        "scriptId": S(), "utilizationLabelId": S(), "preferredAgentIds": L(S()),
        "scoredAgents": L(O("WorkitemScoredAgentRequest"), maxitems=20),
        "assignmentState": S(enum=["Unknown", "AcdStarted", "Alerting", "AlertTimeout", "AcdCancelled",
                                   "Terminated", "Idle", "Declined", "Connected", "Disconnected", "Parked",
                                   "Held", "AcdExpired"]),
        "assignmentOperation": S(enum=["AgentAssignmentAlerting", "QueueAssignmentAlerting"])},
    "WorkitemTerminate": {"statusId": S()},
    "WorkitemFilter": {
        "name": S(required=True), "type": S(required=True, enum=["String", "Int"]),
        "operator": S(required=True, enum=["EQ", "NEQ", "GT", "LT", "GTE", "LTE", "IN", "CONTAINS", "BETWEEN",
                                           "BEGINS_WITH"]),
        "values": L(S(), required=True)},
    "WorkitemQuerySort": {"name": S(enum=["dateDue", "priority"]), "ascending": B()},
    "WorkitemQueryPostRequest": {
        "filters": L(O("WorkitemFilter"), required=True, maxitems=3), "pageSize": I(lo=1, hi=200),
        "after": S(), "sort": O("WorkitemQuerySort"), "select": S(enum=["Count"]), "attributes": L(S()),
        "expands": L(S())},
    "WorkbinQuerySort": {"name": S(enum=["dateModified", "name"]), "ascending": B()},
    "WorkbinQueryRequest": {
        "filters": L(O("WorkitemFilter")), "pageSize": I(lo=1, hi=200), "after": S(),
        "sort": O("WorkbinQuerySort"), "select": S(enum=["Count"]), "attributes": L(S())},
    "WorktypeQuerySort": {"name": S(enum=["dateModified", "name"]), "ascending": B()},
    "WorktypeQueryRequest": {
        "filters": L(O("WorkitemFilter")), "pageSize": I(lo=1, hi=200), "after": S(),
        "sort": O("WorktypeQuerySort"), "select": S(enum=["Count"]), "attributes": L(S()),
        "expands": S(enum=["schema"])},
    # Audits
    "AuditQueryFilter": {
        "property": S(required=True, enum=["UserId", "TrusteeOrganizationId", "ClientId", "Action", "EntityType",
                                           "EntityId"]),
        "value": S(required=True)},
    "AuditQuerySort": {"name": S(enum=["Timestamp"]), "sortOrder": S(enum=["ascending", "descending"])},
    "AuditQueryRequest": {"interval": S(required=True), "serviceName": S(),
                          "filters": L(O("AuditQueryFilter")), "sort": L(O("AuditQuerySort"))},
    "AuditRealtimeQueryRequest": {"interval": S(required=True), "serviceName": S(),
                                  "filters": L(O("AuditQueryFilter")), "sort": L(O("AuditQuerySort")),
                                  "pageNumber": I(lo=1), "pageSize": I(lo=1, hi=500)},
}
SCHEMAS["CreateQueueRequest"] = dict(SCHEMAS["QueueRequest"], sourceQueueId=S())

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
        raise ApiError(400, "bad.request", "; ".join(m for _, m in problems),
                       details=[{"errorCode": "invalid.value", "fieldName": f} for f, _ in problems])
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
            problems.append((where, f"{where}: must be a {'list' if kind == 'list' else 'map'}"))
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

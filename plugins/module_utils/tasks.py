# -*- coding: utf-8 -*-
# Copyright: (c) 2026, cxops.genesys contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Work items ("tasks"): idempotent by external tag within a worktype, previewed in check mode,
followed through their statuses, and traced through their history and the audit trail.

Unlike configuration objects, many work items may share a name, so a work item's identity is its
worktype plus its external tag, found with the work item query (EQ on typeId and on externalTag).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import time
from datetime import datetime, timedelta

from ansible_collections.cxops.genesys.plugins.module_utils.engine import Field, ResourceSpec, set_path, oldest_first
from ansible_collections.cxops.genesys.plugins.module_utils.errors import (
    GenesysError, InputError, NotFoundError, UncertainWriteError)
from ansible_collections.cxops.genesys.plugins.module_utils.references import fold

BASE = "/api/v2/taskmanagement"
YEAR = 365 * 86400
PRIORITY = 25000000
QUERY_VALUES = 50  # external tags per IN filter: a bounded query instead of one per item
QUERY_PAGE = 200  # work items per query page (the API's maximum)
# Work items per bulk add job. The API publishes no maximum (UNVERIFIED): 50, as its other bulk
# calls (a user's skills, IN filters), keeps a job small.
BULK_ADD = 50
JOB_ENDED = ("Succeeded", "Failed", "Cancelled", "Terminated")
JOB_TIMEOUT = 300  # seconds a bulk job may take before its outcome is called unknown
OUTCOMES = ("created", "updated", "unchanged", "terminated", "deleted", "invalid", "failed", "skipped")
CATEGORIES = ["Open", "InProgress", "Waiting", "Closed"]


def _instant(value):
    """Dates compare as instants, whatever their written form."""
    parsed = _parse(value) if isinstance(value, str) else None
    return parsed.isoformat() if parsed else value


def _desired(item):
    return dict((k, item[k]) for k in TaskSpec.fields if item.get(k) is not None)


class TaskSpec(ResourceSpec):
    """Work items through the one pipeline: identity is worktype + external tag (found with
    the work item query, never one read per item), and each item has its own outcome."""

    kind = "task"
    key_option = "external_tag"
    independent = True
    action_key = "outcome"
    outcomes = OUTCOMES
    cache_listing = False  # queried per call, for the tags the call names
    unique_key = False     # the API does not keep external tags unique: a create looks for a twin
    call_options = ("fail_fast",)
    bulk_size = BULK_ADD
    fields = {
        "name": Field(maxlen=256),
        "description": Field(maxlen=512),
        "priority": Field(type="int", lo=-PRIORITY, hi=PRIORITY),
        "date_due": Field(compare=_instant),
        "date_expires": Field(compare=_instant),
        "duration_seconds": Field(type="int", lo=0, hi=YEAR),
        "ttl": Field(type="int"),
        "status": Field(api="status.name", write="statusId"),
        "workbin": Field(write="workbinId", ref="workbin", ref_shape="id"),
        "queue": Field(write="queueId", ref="queue", ref_shape="id"),
        "assignee": Field(write="assigneeId", ref="user", ref_shape="id"),
        "language": Field(write="languageId", ref="language", ref_shape="id"),
        "skills": Field(type="list", elements="str", write="skillIds", ref="skill", ref_shape="id"),
        "preferred_agents": Field(type="list", elements="str", write="preferredAgentIds", ref="user",
                                  ref_shape="id"),
        "scored_agents": Field(type="list", maxitems=20, options={
            "agent": Field(write="id", ref="user", ref_shape="id"),
            "score": Field(type="int", lo=0, hi=100)}),
        "external_contact": Field(api="externalContact.id", write="externalContactId"),
        "custom_fields": Field(type="dict"),
        "auto_status_transition": Field(type="bool"),
        "script": Field(api="script.id", write="scriptId"),
    }
    options = dict(
        worktype=dict(type="str", required=True),
        external_tag=dict(type="str", required=True),
        state=dict(type="str", choices=["present", "terminated", "absent"], default="present"),
        terminate_status=dict(type="str"),
        wait_for=dict(type="list", elements="str"),
        wait_timeout=dict(type="int", default=300),
        wait_interval=dict(type="int", default=5),
        audit=dict(type="bool", default=False))

    def __init__(self):
        self._statuses = {}   # worktype id -> {name: status}
        self._schemas = {}    # worktype id -> schema properties (or None)

    # --- identity --------------------------------------------------------------------------------
    def key(self, item):
        return (item.get("worktype"), item.get("external_tag"))

    def object_key(self, obj):
        return ((obj.get("type") or {}).get("name"), obj.get("externalTag"))

    def fold(self, key):
        return (fold(key[0]), key[1])  # worktype names compare without case; external tags exactly

    def label(self, item, index):
        return {"index": index, "external_tag": item.get("external_tag"), "worktype": item.get("worktype")}

    def header(self, entry):
        return "task {0} {1}".format(entry["worktype"], entry["external_tag"])

    def identity_problems(self, item, label):
        return []  # worktype and external_tag are required options

    # --- lookups ---------------------------------------------------------------------------------
    @staticmethod
    def worktype(engine, name):
        engine.refs.load("worktype")
        type_id = engine.refs.id_of("worktype", name)
        return engine.refs.objects["worktype"].get(type_id) if type_id else None

    def statuses(self, engine, worktype):
        if worktype["id"] not in self._statuses:
            listed = engine.client.get("{0}/worktypes/{1}/statuses".format(BASE, worktype["id"])) or {}
            self._statuses[worktype["id"]] = dict((s["name"], s) for s in listed.get("entities") or [])
        return self._statuses[worktype["id"]]

    def schema_properties(self, engine, worktype):
        schema_id = (worktype.get("schema") or {}).get("id")
        if worktype["id"] not in self._schemas:
            properties = None
            if schema_id:
                schema = engine.client.get("{0}/workitems/schemas/{1}".format(BASE, schema_id)) or {}
                properties = (schema.get("jsonSchema") or {}).get("properties") or {}
            self._schemas[worktype["id"]] = properties
        return self._schemas[worktype["id"]]

    def existing(self, engine, items):
        """The work items with the items' tags, per worktype: EQ on typeId, and EQ (one tag) or IN."""
        tags = {}
        for item in items:
            tags.setdefault(item.get("worktype"), set()).add(item.get("external_tag"))
        found = {}
        for type_name, names in sorted(tags.items(), key=lambda t: str(t[0])):
            worktype = self.worktype(engine, type_name)
            if worktype is not None:
                for tag, matches in self._query(engine.client, worktype, sorted(t for t in names if t)).items():
                    found[self.fold((type_name, tag))] = oldest_first(matches)
        return found

    def find(self, engine, item):
        return self.existing(engine, [item]).get(self.fold(self.key(item)), [])

    def read_one(self, client, obj):
        try:
            return client.get("{0}/workitems/{1}".format(BASE, obj["id"]))
        except NotFoundError:
            return None

    @staticmethod
    def _query(client, worktype, tags):
        """The work items of a worktype with these tags. Many tags: the worktype alone, page by page,
        while that costs fewer requests than asking for the tags (a desired state usually names most
        of a worktype's items); else (or when the worktype holds many more) by tag, 50 per query."""
        found = {}
        by_tag = -(-len(tags) // QUERY_VALUES)
        if by_tag > 1:
            wanted = set(tags)
            query = {"filters": [{"name": "typeId", "type": "String", "operator": "EQ", "values": [worktype["id"]]}],
                     "pageSize": QUERY_PAGE}
            for dummy in range(by_tag - 1):
                page = client.request("POST", BASE + "/workitems/query", body=query, safe=True) or {}
                for item in page.get("entities") or []:
                    if item.get("externalTag") in wanted:
                        found.setdefault(item["externalTag"], []).append(item)
                if not page.get("after"):
                    return found
                query["after"] = page["after"]
            found = {}
        for start in range(0, len(tags), QUERY_VALUES):
            chunk = tags[start:start + QUERY_VALUES]
            tag_filter = {"name": "externalTag", "type": "String", "operator": "EQ" if len(chunk) == 1 else "IN",
                          "values": chunk}
            query = {"filters": [{"name": "typeId", "type": "String", "operator": "EQ", "values": [worktype["id"]]},
                                 tag_filter]}
            for item in client.query_cursor(BASE + "/workitems/query", query):
                found.setdefault(item["externalTag"], []).append(item)
        return found

    def view(self, engine, obj):
        out = engine.view(obj)
        out.pop("id")
        out.update(status_category=obj.get("statusCategory"), external_tag=obj.get("externalTag"),
                   worktype=(obj.get("type") or {}).get("name"))
        return out

    # --- validation ------------------------------------------------------------------------------
    def validate(self, engine, item):
        """What the field declarations cannot say: the worktype, its statuses and schema, dates."""
        worktype = self.worktype(engine, item["worktype"])
        if worktype is None:
            return ["worktype {0!r} does not exist; known: {1}".format(
                item["worktype"], ", ".join(engine.refs.known("worktype")) or "none")]
        problems = []
        statuses = self.statuses(engine, worktype)
        if item["state"] == "present":
            name = item.get("name")
            if name is not None and not 3 <= len(name) <= 256:
                problems.append("name: {0} characters; 3 to 256 are allowed".format(len(name)))
            for option in ("date_due", "date_expires"):
                problem = _check_date(item.get(option))
                if problem:
                    problems.append("{0}: {1}".format(option, problem))
            if item.get("ttl") is not None and item["ttl"] > time.time() + YEAR:
                problems.append("ttl: must be at most 365 days from now")
            if item.get("status") and item["status"] not in statuses:
                problems.append("status {0!r} is not a status of worktype {1!r}; known: {2}".format(
                    item["status"], worktype["name"], ", ".join(sorted(statuses))))
            problems.extend(self._custom_field_problems(engine, worktype, item.get("custom_fields")))
        if item["state"] == "terminated" and item.get("terminate_status"):
            status = statuses.get(item["terminate_status"])
            if status is None or status["category"] != "Closed":
                problems.append("terminate_status {0!r} is not a Closed status of worktype {1!r}".format(
                    item["terminate_status"], worktype["name"]))
        for wanted in item.get("wait_for") or []:
            if wanted not in CATEGORIES and wanted not in statuses:
                problems.append("wait_for: {0!r} is neither a status category nor a status of the worktype".format(
                    wanted))
        return problems

    def _custom_field_problems(self, engine, worktype, fields):
        if not fields:
            return []
        properties = self.schema_properties(engine, worktype)
        if properties is None:
            return ["custom_fields: worktype {0!r} has no schema".format(worktype["name"])]
        unknown = sorted(set(fields) - set(properties))
        if unknown:
            return ["custom_fields: {0} not in the worktype's schema; allowed: {1}".format(
                ", ".join(unknown), ", ".join(sorted(properties)))]
        return ["custom_fields.{0}: {1!r} is not of type {2}".format(key, value, properties[key]["type"])
                for key, value in sorted(fields.items())
                if value is not None and not _fits((properties[key] or {}).get("type"), value)]

    # --- planning --------------------------------------------------------------------------------
    def plan(self, engine, step):
        item, current = step["item"], step["current"]
        step["extra"]["id"] = current["id"] if current else None
        if item["state"] == "terminated":
            if current is None:
                step.update(action="failed", problems=["no work item has external tag {0!r}".format(
                    item["external_tag"])])
            elif current.get("statusCategory") == "Closed" and (
                    not item.get("terminate_status") or (current.get("status") or {}).get("name") == item[
                        "terminate_status"]):
                step["action"] = "unchanged"
            else:
                step["action"] = "terminate"
        elif item["state"] == "present" and current is None and item.get("name") is None:
            step.update(action="failed", problems=["name is required to create a work item"])

    def predict(self, engine, step, before):
        item = step["item"]
        if step["action"] == "terminate":
            worktype = self.worktype(engine, item["worktype"])
            closing = item.get("terminate_status") or next(
                (n for n, s in self.statuses(engine, worktype).items() if s["category"] == "Closed"), None)
            return dict(before, status=closing, status_category="Closed")
        if step["current"] is None:
            return dict(_desired(item), external_tag=item["external_tag"])
        return dict(before, **step["changes"])

    # --- writing ---------------------------------------------------------------------------------
    def _status_id(self, engine, item, body):
        if body.get("statusId"):
            worktype = self.worktype(engine, item["worktype"])
            body["statusId"] = self.statuses(engine, worktype)[body["statusId"]]["id"]
        return body

    def create_body(self, engine, item):
        body = engine.to_body(_desired(item))
        body.update(typeId=self.worktype(engine, item["worktype"])["id"], externalTag=item["external_tag"])
        return self._status_id(engine, item, body)

    def create(self, client, body, item):
        return client.request("POST", BASE + "/workitems", body=body)

    def bulkable(self, item):
        # A bulk job's entities (WorkitemCommonCreate) cannot hold scored or preferred agents, and it
        # answers a summary: an item that is followed (wait_for, audit) starts from the created object.
        return not (item.get("scored_agents") or item.get("preferred_agents") or self.follows(item))

    def create_many(self, engine, items):
        """One bulk add job: submitted, polled until it ends, and its per-item results read."""
        client = engine.client
        bodies = [self.create_body(engine, item) for item in items]
        job = client.request("POST", BASE + "/workitems/bulk/add/jobs", body={"entities": bodies})
        path = "{0}/workitems/bulk/add/jobs/{1}".format(BASE, job["id"])
        deadline, delay = time.time() + JOB_TIMEOUT, 0.25
        while job.get("state") not in JOB_ENDED:
            if time.time() > deadline:
                raise UncertainWriteError("The bulk add job {0} did not end within {1} s".format(job["id"], JOB_TIMEOUT),
                                          method="GET", path=path)
            client.sleep(delay)
            delay = min(delay * 2, 5)
            job = client.get(path)
        if job["state"] != "Succeeded":  # some items may have been created: each is looked for
            raise UncertainWriteError("The bulk add job {0} ended {1}".format(job["id"], job["state"]),
                                      method="GET", path=path)
        answers = (client.get(path + "/results") or {}).get("results") or []
        if len(answers) != len(bodies):
            raise UncertainWriteError("The bulk add job {0} answered {1} results for {2} items".format(
                job["id"], len(answers), len(bodies)), method="GET", path=path + "/results")
        return [self._created(engine, body, item, answer) for body, item, answer in zip(bodies, items, answers)]

    def _created(self, engine, body, item, answer):
        """A bulk job's result for one item: the API's error, or the work item as the API shows one.
        The job answers only its id, name, workbin and type; the rest is what was sent."""
        if answer.get("error") or not (answer.get("entity") or {}).get("id"):
            error = answer.get("error") or {}
            return GenesysError("The bulk add job refused it: {0}".format(error.get("message") or "no reason given"),
                                code=error.get("code"), method="POST", path=BASE + "/workitems/bulk/add/jobs")
        entity = answer["entity"]
        worktype = self.worktype(engine, item["worktype"])
        obj = {"id": entity["id"], "name": entity.get("name") or body.get("name"), "externalTag": body["externalTag"],
               "type": {"id": worktype["id"], "name": worktype["name"]}, "workbin": entity.get("workbin"),
               "dateCreated": _now()}
        for option, field in self.fields.items():
            value = body.get(field.write_key(option))
            if value is None or option == "workbin" and obj["workbin"]:
                continue
            if option == "status":
                value = {"id": value, "name": item["status"]}
            elif field.ref:
                value = [{"id": v} for v in value] if field.type == "list" else {"id": value}
            set_path(obj, field.api_key(option), value)
        return obj

    def update_body(self, engine, step):
        return self._status_id(engine, step["item"], engine.to_body(step["changes"], create=False))

    def update(self, client, current, body):
        return client.request("PATCH", "{0}/workitems/{1}".format(BASE, current["id"]), body=body)

    def delete(self, client, obj, item):
        client.request("DELETE", "{0}/workitems/{1}".format(BASE, obj["id"]))

    def perform(self, engine, step):
        """Terminate. A terminate whose answer was lost counts as done once the item reads as closed."""
        item, current = step["item"], step["current"]
        path = "{0}/workitems/{1}".format(BASE, current["id"])
        body = {}
        if item.get("terminate_status"):
            worktype = self.worktype(engine, item["worktype"])
            body["statusId"] = self.statuses(engine, worktype)[item["terminate_status"]]["id"]
        try:
            engine.client.request("POST", path + "/terminate", body=body)
        except UncertainWriteError:
            if engine.client.get(path).get("statusCategory") != "Closed":
                engine.client.request("POST", path + "/terminate", body=body)
        return engine.client.get(path)

    def follows(self, item):
        return bool(item.get("wait_for") or item.get("audit"))

    def follow(self, engine, step, obj):
        """wait_for and audit, after the write."""
        item = step["item"]
        step["extra"]["id"] = obj["id"]
        if item.get("wait_for"):
            obj = self.wait(engine.client, obj, item, step["extra"])
        if item.get("audit"):
            step["extra"]["audit"] = audit_trail(engine.client, obj)
        return obj

    @staticmethod
    def wait(client, current, item, extra):
        """Poll until the work item reaches one of the statuses or categories, recording what was seen."""
        wanted = set(item["wait_for"])
        history = []
        deadline = time.time() + item["wait_timeout"]
        path = "{0}/workitems/{1}".format(BASE, current["id"])
        while True:
            status = (current.get("status") or {}).get("name")
            if not history or history[-1]["status"] != status:
                history.append({"time": _now(), "status": status, "category": current.get("statusCategory")})
            if status in wanted or current.get("statusCategory") in wanted:
                extra["wait"] = {"reached": True, "history": history}
                return current
            if time.time() + item["wait_interval"] > deadline:
                extra["wait"] = {"reached": False, "history": history}
                raise GenesysError("Work item {0!r} did not reach {1} within {2} s (last status {3})".format(
                    item["external_tag"], ", ".join(sorted(wanted)), item["wait_timeout"], status),
                    method="GET", path=path)
            client.sleep(item["wait_interval"])
            current = client.get(path)


def audit_trail(client, current, timeout=120):
    """The work item's change history, and its audit records (asynchronous query, polled to completion)."""
    history, after = [], None
    path = "{0}/workitems/{1}/history".format(BASE, current["id"])
    while True:
        page = client.get(path, dict({"pageSize": 200, "sortOrder": "ascending"},
                                     **({"after": after} if after else {}))) or {}
        history.extend(page.get("entities") or [])
        after = page.get("after")
        if not after:
            break
    start = datetime.strptime(current["dateCreated"][:19], "%Y-%m-%dT%H:%M:%S") - timedelta(minutes=5)
    end = datetime.utcnow() + timedelta(minutes=5)
    interval = "{0}Z/{1}Z".format(start.strftime("%Y-%m-%dT%H:%M:%S"), end.strftime("%Y-%m-%dT%H:%M:%S"))
    query = client.request("POST", "/api/v2/audits/query", safe=True, body={
        "interval": interval, "serviceName": "Workitems",
        "filters": [{"property": "EntityId", "value": current["id"]}],
        "sort": [{"name": "Timestamp", "sortOrder": "ascending"}]})
    deadline = time.time() + timeout
    delay = 0.25
    while query.get("state") not in ("Succeeded", "Failed", "Cancelled"):
        if time.time() > deadline:
            raise GenesysError("The audit query {0} did not complete within {1} s".format(query["id"], timeout))
        client.sleep(delay)
        delay = min(delay * 2, 5)
        query = client.get("/api/v2/audits/query/" + query["id"])
    if query["state"] != "Succeeded":
        raise GenesysError("The audit query {0} ended {1}".format(query["id"], query["state"]))
    records, cursor = [], None
    while True:
        page = client.get("/api/v2/audits/query/{0}/results".format(query["id"]),
                          dict({"pageSize": 500}, **({"cursor": cursor} if cursor else {}))) or {}
        records.extend(page.get("entities") or [])
        cursor = page.get("cursor")
        if not cursor:
            break
    return {"history": history, "records": records}


INFO_FILTERS = (  # option, operator, query attribute, kind of a referenced object
    ("worktype", "EQ", "typeId", "worktype"), ("workbin", "EQ", "workbinId", "workbin"),
    ("queue", "EQ", "queueId", "queue"), ("assignee", "EQ", "assigneeId", "user"),
    ("status_category", "EQ", "statusCategory", None), ("external_tag", "EQ", "externalTag", None),
    ("created_after", "GT", "dateCreated", None), ("created_before", "LT", "dateCreated", None))
INFO_ARGS = dict(worktype=dict(type="str"), workbin=dict(type="str"), queue=dict(type="str"),
                 assignee=dict(type="str"), status_category=dict(type="str", choices=CATEGORIES),
                 external_tag=dict(type="str"), created_after=dict(type="str"), created_before=dict(type="str"))


def find_tasks(engine, params):
    """genesys_task_info: work items found with the query API, which needs an EQ on a worktype,
    workbin, queue or assignee, and takes at most three filters."""
    filters = []
    for option, operator, attribute, kind in INFO_FILTERS:
        value = params.get(option)
        if value and kind:
            value = engine.refs.id_of(kind, value)
            if value is None:
                raise InputError("{0} {1!r} does not exist".format(option, params[option]))
        if value:
            filters.append((operator, attribute, value))
    if len(filters) > 3:
        raise InputError("The work item query takes at most 3 filters; {0} were given ({1})".format(
            len(filters), ", ".join(f[1] for f in filters)))
    found = engine.client.query_cursor(BASE + "/workitems/query", {"filters": [
        {"name": attribute, "type": "String", "operator": operator, "values": [value]}
        for operator, attribute, value in filters]})
    return [dict(engine.spec.view(engine, item), id=item["id"]) for item in found]


JSON_TYPES = {"string": (str,), "integer": (int,), "number": (int, float), "boolean": (bool,)}


def _fits(json_type, value):
    """Whether a custom field's value fits its schema property's JSON type (unknown types fit)."""
    if json_type not in JSON_TYPES:
        return True
    if isinstance(value, bool):
        return json_type == "boolean"
    return isinstance(value, JSON_TYPES[json_type])


def _parse(value):
    text = value.strip().replace("Z", "+00:00")
    for fmt in ("%Y-%m-%dT%H:%M:%S.%f%z", "%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M%z"):
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    return None


def _check_date(value):
    if value is None:
        return None
    parsed = _parse(value)
    if parsed is None:
        return "{0!r} is not an ISO-8601 date and time with a zone, such as 2026-12-01T09:00:00Z".format(value)
    if parsed.timestamp() > time.time() + YEAR:
        return "must be at most 365 days from now"
    return None


def _now():
    return datetime.utcnow().strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"

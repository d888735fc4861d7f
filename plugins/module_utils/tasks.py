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

from ansible_collections.cxops.genesys.plugins.module_utils.engine import Engine, Field, ResourceSpec, differs
from ansible_collections.cxops.genesys.plugins.module_utils.errors import GenesysError

BASE = "/api/v2/taskmanagement"
YEAR = 365 * 86400
PRIORITY = 25000000
QUERY_VALUES = 50  # external tags per IN filter: a bounded query instead of one per item
OUTCOMES = ("created", "updated", "unchanged", "terminated", "deleted", "invalid", "failed", "skipped")


class TaskSpec(ResourceSpec):
    kind = "task"
    fields = {
        "name": Field(maxlen=256),
        "description": Field(maxlen=512),
        "priority": Field(type="int", lo=-PRIORITY, hi=PRIORITY),
        "date_due": Field(),
        "date_expires": Field(),
        "duration_seconds": Field(type="int", lo=0, hi=YEAR),
        "ttl": Field(type="int"),
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

    def argument_spec(self):
        spec = ResourceSpec.argument_spec(self)
        spec.update(
            worktype=dict(type="str", required=True),
            external_tag=dict(type="str", required=True),
            status=dict(type="str"),
            state=dict(type="str", choices=["present", "terminated", "absent"], default="present"),
            terminate_status=dict(type="str"),
            wait_for=dict(type="list", elements="str"),
            wait_timeout=dict(type="int", default=300),
            wait_interval=dict(type="int", default=5),
            audit=dict(type="bool", default=False))
        return spec


class TaskEngine:
    """Converges a list of work items, each reported on its own."""

    def __init__(self, client, check_mode=False, references=None):
        self.client = client
        self.check_mode = check_mode
        self.engine = Engine(client, TaskSpec(), references=references)
        self.refs = self.engine.refs
        self._statuses = {}   # worktype id -> {name: status}
        self._schemas = {}    # worktype id -> schema properties (or None)

    # --- lookups ---------------------------------------------------------------------------------
    def worktype(self, name):
        self.refs.load("worktype")
        type_id = self.refs.id_of("worktype", name)
        return self.refs.objects["worktype"].get(type_id) if type_id else None

    def statuses(self, worktype):
        if worktype["id"] not in self._statuses:
            listed = self.client.get("{0}/worktypes/{1}/statuses".format(BASE, worktype["id"])) or {}
            self._statuses[worktype["id"]] = dict((s["name"], s) for s in listed.get("entities") or [])
        return self._statuses[worktype["id"]]

    def schema_properties(self, worktype):
        schema_id = (worktype.get("schema") or {}).get("id")
        if worktype["id"] not in self._schemas:
            properties = None
            if schema_id:
                schema = self.client.get("{0}/workitems/schemas/{1}".format(BASE, schema_id)) or {}
                properties = (schema.get("jsonSchema") or {}).get("properties") or {}
            self._schemas[worktype["id"]] = properties
        return self._schemas[worktype["id"]]

    def existing(self, worktype, tags):
        """Work items of the worktype with these external tags: EQ on typeId, and EQ (one tag) or IN."""
        found = {}
        tags = sorted(set(tags))
        for start in range(0, len(tags), QUERY_VALUES):
            chunk = tags[start:start + QUERY_VALUES]
            tag_filter = {"name": "externalTag", "type": "String", "operator": "EQ" if len(chunk) == 1 else "IN",
                          "values": chunk}
            query = {"filters": [{"name": "typeId", "type": "String", "operator": "EQ", "values": [worktype["id"]]},
                                 tag_filter]}
            for item in self.client.query_cursor(BASE + "/workitems/query", query):
                found.setdefault(item["externalTag"], []).append(item)
        return found

    # --- validation ------------------------------------------------------------------------------
    def problems(self, item):
        """Everything wrong with one desired work item, all at once."""
        worktype = self.worktype(item["worktype"])
        if worktype is None:
            return ["worktype {0!r} does not exist; known: {1}".format(
                item["worktype"], ", ".join(self.refs.known("worktype")) or "none")]
        problems = []
        if item["state"] == "present":
            name = item.get("name")
            if name is not None and not 3 <= len(name) <= 256:
                problems.append("name: {0} characters; 3 to 256 are allowed".format(len(name)))
            problems.extend(self.engine.check_fields(item))
            for option in ("date_due", "date_expires"):
                problem = _check_date(item.get(option))
                if problem:
                    problems.append("{0}: {1}".format(option, problem))
            if item.get("ttl") is not None and item["ttl"] > time.time() + YEAR:
                problems.append("ttl: must be at most 365 days from now")
            if item.get("status") and item["status"] not in self.statuses(worktype):
                problems.append("status {0!r} is not a status of worktype {1!r}; known: {2}".format(
                    item["status"], worktype["name"], ", ".join(sorted(self.statuses(worktype)))))
            problems.extend(self._custom_field_problems(worktype, item.get("custom_fields")))
        if item["state"] == "terminated" and item.get("terminate_status"):
            status = self.statuses(worktype).get(item["terminate_status"])
            if status is None or status["category"] != "Closed":
                problems.append("terminate_status {0!r} is not a Closed status of worktype {1!r}".format(
                    item["terminate_status"], worktype["name"]))
        for wanted in item.get("wait_for") or []:
            if wanted not in ("Open", "InProgress", "Waiting", "Closed") and wanted not in self.statuses(worktype):
                problems.append("wait_for: {0!r} is neither a status category nor a status of the worktype".format(
                    wanted))
        return problems

    def _custom_field_problems(self, worktype, fields):
        if not fields:
            return []
        properties = self.schema_properties(worktype)
        if properties is None:
            return ["custom_fields: worktype {0!r} has no schema".format(worktype["name"])]
        unknown = sorted(set(fields) - set(properties))
        if unknown:
            return ["custom_fields: {0} not in the worktype's schema; allowed: {1}".format(
                ", ".join(unknown), ", ".join(sorted(properties)))]
        return ["custom_fields.{0}: {1!r} is not of type {2}".format(key, value, properties[key]["type"])
                for key, value in sorted(fields.items())
                if value is not None and not _fits((properties[key] or {}).get("type"), value)]

    # --- converging ------------------------------------------------------------------------------
    def run(self, items, fail_fast=False, invalid=None):
        """Converge the items; `invalid` maps the index of an item that failed option checks to its problems."""
        invalid = invalid or {}
        results = []
        by_type = {}
        for index, item in enumerate(items):
            problems = invalid.get(index) or self.problems(item)
            results.append(dict(index=index, external_tag=item["external_tag"], worktype=item["worktype"],
                                outcome="invalid" if problems else None, problems=problems))
            if problems and fail_fast:
                break
            if not problems:
                by_type.setdefault(item["worktype"], []).append(index)
        found = {}
        for type_name, indexes in by_type.items():
            found[type_name] = self.existing(self.worktype(type_name), [items[i]["external_tag"] for i in indexes])
        stop = any(r["outcome"] == "invalid" for r in results) and fail_fast
        for result in results:
            if result["outcome"] is not None:
                continue
            if stop:
                result["outcome"] = "skipped"
                continue
            item = items[result["index"]]
            matches = found[item["worktype"]].get(item["external_tag"], [])
            try:
                self._converge(item, matches, result)
            except GenesysError as exc:
                result.update(outcome="failed", problems=[exc.to_fail_json()["msg"]])
                stop = fail_fast
        return self._summary(results)

    def _converge(self, item, matches, result):
        worktype = self.worktype(item["worktype"])
        current = sorted(matches, key=lambda m: m.get("dateCreated", ""))[0] if matches else None
        if len(matches) > 1:
            result["warnings"] = ["{0} work items share external tag {1!r}; the oldest is used".format(
                len(matches), item["external_tag"])]
        before = self.view(current) if current else None
        result.update(id=current["id"] if current else None, before=before)
        state = item["state"]
        if state == "absent":
            result.update(outcome="deleted" if current else "unchanged", after=None if current else before)
            if current and not self.check_mode:
                self.client.request("DELETE", "{0}/workitems/{1}".format(BASE, current["id"]))
            return
        if state == "terminated":
            if current is None:
                result.update(outcome="failed", problems=["no work item has external tag {0!r}".format(
                    item["external_tag"])])
                return
            closed = current.get("statusCategory") == "Closed" and (
                not item.get("terminate_status") or before["status"] == item["terminate_status"])
            result.update(outcome="unchanged" if closed else "terminated")
            if not closed and not self.check_mode:
                body = {}
                if item.get("terminate_status"):
                    body["statusId"] = self.statuses(worktype)[item["terminate_status"]]["id"]
                self.client.request("POST", "{0}/workitems/{1}/terminate".format(BASE, current["id"]), body=body)
                current = self.client.get("{0}/workitems/{1}".format(BASE, current["id"]))
            current = self._follow(item, current, result)
            result["after"] = self.view(current)
            if self.check_mode and not closed:
                closing = item.get("terminate_status") or next(
                    (n for n, s in self.statuses(worktype).items() if s["category"] == "Closed"), None)
                result["after"] = dict(result["after"], status=closing, status_category="Closed")
            return
        desired = dict((k, item.get(k)) for k in list(TaskSpec.fields) + ["status"] if item.get(k) is not None)
        if current is None:
            if item.get("name") is None:
                result.update(outcome="failed", problems=["name is required to create a work item"])
                return
            body = self.engine.to_body(desired)
            body.update(typeId=worktype["id"], externalTag=item["external_tag"])
            if item.get("status"):
                body["statusId"] = self.statuses(worktype)[item["status"]]["id"]
            result.update(outcome="created", after=dict(desired, external_tag=item["external_tag"]))
            if not self.check_mode:
                current = self.client.request("POST", BASE + "/workitems", body=body)
                result["id"] = current["id"]
        else:
            changes = dict((k, v) for k, v in desired.items() if differs(_comparable(k, v), _comparable(k, before.get(k))))
            result.update(outcome="updated" if changes else "unchanged", after=dict(before, **changes))
            if changes and not self.check_mode:
                body = self.engine.to_body(changes, create=False)
                if "status" in changes:
                    body["statusId"] = self.statuses(worktype)[changes["status"]]["id"]
                current = self.client.request("PATCH", "{0}/workitems/{1}".format(BASE, current["id"]), body=body)
        if not self.check_mode:
            current = self._follow(item, current, result)
            result["after"] = self.view(current)

    def _follow(self, item, current, result):
        """wait_for and audit, after the write."""
        if self.check_mode or current is None:
            return current
        if item.get("wait_for"):
            current = self.wait(current, item, result)
        if item.get("audit"):
            result["audit"] = self.audit_trail(current)
        return current

    def view(self, workitem):
        out = self.engine.view(workitem)
        out.pop("id")
        out.update(status=(workitem.get("status") or {}).get("name"), status_category=workitem.get("statusCategory"),
                   external_tag=workitem.get("externalTag"), worktype=(workitem.get("type") or {}).get("name"))
        return out

    def wait(self, current, item, result):
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
                result["wait"] = {"reached": True, "history": history}
                return current
            if time.time() + item["wait_interval"] > deadline:
                result["wait"] = {"reached": False, "history": history}
                raise GenesysError("Work item {0!r} did not reach {1} within {2} s (last status {3})".format(
                    item["external_tag"], ", ".join(sorted(wanted)), item["wait_timeout"], status),
                    method="GET", path=path)
            self.client.sleep(item["wait_interval"])
            current = self.client.get(path)

    def audit_trail(self, current, timeout=120):
        """The work item's change history, and its audit records (asynchronous query, polled to completion)."""
        history, after = [], None
        path = "{0}/workitems/{1}/history".format(BASE, current["id"])
        while True:
            page = self.client.get(path, dict({"pageSize": 200, "sortOrder": "ascending"},
                                              **({"after": after} if after else {}))) or {}
            history.extend(page.get("entities") or [])
            after = page.get("after")
            if not after:
                break
        start = datetime.strptime(current["dateCreated"][:19], "%Y-%m-%dT%H:%M:%S") - timedelta(minutes=5)
        end = datetime.utcnow() + timedelta(minutes=5)
        interval = "{0}Z/{1}Z".format(start.strftime("%Y-%m-%dT%H:%M:%S"), end.strftime("%Y-%m-%dT%H:%M:%S"))
        query = self.client.request("POST", "/api/v2/audits/query", safe=True, body={
            "interval": interval, "serviceName": "Workitems",
            "filters": [{"property": "EntityId", "value": current["id"]}],
            "sort": [{"name": "Timestamp", "sortOrder": "ascending"}]})
        deadline = time.time() + timeout
        delay = 0.25
        while query.get("state") not in ("Succeeded", "Failed", "Cancelled"):
            if time.time() > deadline:
                raise GenesysError("The audit query {0} did not complete within {1} s".format(query["id"], timeout))
            self.client.sleep(delay)
            delay = min(delay * 2, 5)
            query = self.client.get("/api/v2/audits/query/" + query["id"])
        if query["state"] != "Succeeded":
            raise GenesysError("The audit query {0} ended {1}".format(query["id"], query["state"]))
        records, cursor = [], None
        while True:
            page = self.client.get("/api/v2/audits/query/{0}/results".format(query["id"]),
                                   dict({"pageSize": 500}, **({"cursor": cursor} if cursor else {}))) or {}
            records.extend(page.get("entities") or [])
            cursor = page.get("cursor")
            if not cursor:
                break
        return {"history": history, "records": records}

    def _summary(self, results):
        summary = dict((k, 0) for k in OUTCOMES)
        diff = []
        for r in results:
            summary[r["outcome"]] += 1
            if r["outcome"] in ("created", "updated", "terminated", "deleted"):
                label = "task {0} {1}".format(r["worktype"], r["external_tag"])
                diff.append(dict(before=r.get("before") or {}, after=r.get("after") or {}, before_header=label,
                                 after_header=label))
        changed = bool(diff)
        return dict(changed=changed, results=results, summary=summary, diff=diff)


JSON_TYPES = {"string": (str,), "integer": (int,), "number": (int, float), "boolean": (bool,)}


def _fits(json_type, value):
    """Whether a custom field's value fits its schema property's JSON type (unknown types fit)."""
    if json_type not in JSON_TYPES:
        return True
    if isinstance(value, bool):
        return json_type == "boolean"
    return isinstance(value, JSON_TYPES[json_type])


def _comparable(option, value):
    """Dates compare as instants, whatever their written form."""
    if option in ("date_due", "date_expires") and isinstance(value, str):
        parsed = _parse(value)
        return parsed.isoformat() if parsed else value
    return value


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

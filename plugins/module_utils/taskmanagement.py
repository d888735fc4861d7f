# -*- coding: utf-8 -*-
# Copyright: (c) 2026, cxops.genesys contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Task Management specs: workbins and worktypes (with their statuses).

The API has no GET listing for these: they are listed with cursor queries, and updated with PATCH.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cxops.genesys.plugins.module_utils.engine import (
    SETTLE_ROUNDS, Association, Field, ResourceSpec, differs, oldest_first, twice)
from ansible_collections.cxops.genesys.plugins.module_utils.errors import (
    ConflictError, InputError, NotFoundError, UncertainWriteError)
from ansible_collections.cxops.genesys.plugins.module_utils.references import fold

BASE = "/api/v2/taskmanagement"
YEAR = 365 * 86400
PRIORITY = 25000000
CATEGORIES = ["Open", "InProgress", "Waiting", "Closed"]


class QueriedSpec(ResourceSpec):
    """A Task Management type: listed by a cursor query, updated by PATCH, moved between
    divisions through the divisions objects endpoint (its update body has no division)."""

    page_size = 200
    min_name = 3
    unique_key = False  # the API lets two workbins (or worktypes) share a name
    object_type = None  # the divisions objects endpoint's name for the type

    def list(self, client):
        return client.query_cursor(self.path + "/query", {}, page_size=self.page_size)

    def find(self, engine, item):
        found = engine.client.query_cursor(self.path + "/query", {"filters": [
            {"name": "name", "type": "String", "operator": "EQ", "values": [item["name"]]}]}, page_size=self.page_size)
        return oldest_first(o for o in found if fold(o.get("name")) == fold(item["name"]))

    def update(self, client, current, body):
        body = dict(body)  # the caller's body stays whole, for a retry
        division = body.pop("divisionId", None)
        if division:
            client.request("POST", "/api/v2/authorization/divisions/{0}/objects/{1}".format(division, self.object_type),
                           body=[current["id"]], safe=True)
        path = "{0}/{1}".format(self.path, current["id"])
        return client.request("PATCH", path, body=body) if body else client.get(path)


class WorkbinSpec(QueriedSpec):
    kind = "workbin"
    ref_kind = "workbin"
    object_type = "WORKBIN"
    path = BASE + "/workbins"
    fields = {
        "description": Field(maxlen=512),
        "division": Field(ref="division", ref_shape="id", write="divisionId"),
    }


class WorktypeStatuses(Association):
    """A worktype's statuses, matched by name. The statuses the API creates with a worktype are
    adopted by name and category, never duplicated. A status's category cannot change."""

    option = "statuses"
    mode_option = "statuses_mode"
    FIELDS = ("category", "description", "destination_statuses", "default_destination_status",
              "status_transition_delay_seconds", "status_transition_time", "auto_terminate_workitem", "default")

    def argument_spec(self):
        return dict(
            statuses=dict(type="list", elements="dict", options=dict(
                name=dict(type="str", required=True),
                category=dict(type="str", required=True, choices=CATEGORIES),
                description=dict(type="str"),
                destination_statuses=dict(type="list", elements="str"),
                default_destination_status=dict(type="str"),
                status_transition_delay_seconds=dict(type="int"),
                status_transition_time=dict(type="str"),
                auto_terminate_workitem=dict(type="bool"),
                default=dict(type="bool"))),
            statuses_mode=dict(type="str", choices=["additive", "authoritative"], default="additive"))

    def validate(self, refs, item):
        problems = []
        names = [s["name"] for s in item["statuses"]]
        for status in item["statuses"]:
            where = "status {0!r}: ".format(status["name"])
            if not 3 <= len(status["name"]) <= 256:
                problems.append(where + "a name has 3 to 256 characters")
            if len(status.get("description") or "") > 512:
                problems.append(where + "description: at most 512 characters")
            targets = (status.get("destination_statuses") or []) + [status.get("default_destination_status")]
            for target in targets:
                if target is not None and target not in names:
                    problems.append(where + "destination {0!r} is not one of the listed statuses".format(target))
            if len(status.get("destination_statuses") or []) > 24:
                problems.append(where + "destination_statuses: at most 24")
            if status.get("default_destination_status") and not (
                    status.get("status_transition_delay_seconds") or status.get("status_transition_time")):
                problems.append(where + "default_destination_status needs status_transition_delay_seconds or "
                                        "status_transition_time")
            if (status.get("status_transition_delay_seconds") or 60) < 60:
                problems.append(where + "status_transition_delay_seconds: at least 60")
            if status.get("auto_terminate_workitem") and status["category"] != "Closed":
                problems.append(where + "auto_terminate_workitem is only for statuses of category Closed")
        if sum(1 for s in item["statuses"] if s.get("default")) > 1:
            problems.append("only one status can be the default")
        problems.extend("status {0!r} is listed more than once".format(n) for n in twice(names))
        return problems

    def read(self, client, refs, obj):
        listed = (client.get("{0}/worktypes/{1}/statuses".format(BASE, obj["id"])) or {}).get("entities") or []
        default = (obj.get("defaultStatus") or {}).get("id")
        return sorted((self._view(s, default) for s in listed), key=lambda s: s["name"])

    @staticmethod
    def _view(status, default_id):
        return {"name": status["name"], "category": status["category"], "description": status.get("description"),
                "destination_statuses": sorted(d["name"] for d in status.get("destinationStatuses") or []),
                "default_destination_status": (status.get("defaultDestinationStatus") or {}).get("name"),
                "status_transition_delay_seconds": status.get("statusTransitionDelaySeconds"),
                "status_transition_time": status.get("statusTransitionTime"),
                "auto_terminate_workitem": status.get("autoTerminateWorkitem"),
                "default": status["id"] == default_id, "id": status["id"]}

    def plan(self, refs, item, current):
        by_name = dict((s["name"].lower(), s) for s in current)
        adds, updates, after = [], [], dict((s["name"].lower(), _public(s)) for s in current)
        for status in item["statuses"]:
            wanted = _normalise(status)
            now = by_name.get(status["name"].lower())
            if now is None:
                adds.append(wanted)
                after[status["name"].lower()] = wanted
                continue
            if now["category"] != status["category"]:
                raise InputError("Status {0!r} of worktype {1!r} is of category {2}; a status category cannot change. "
                                 "Delete the status and create one under another name instead.".format(
                                     now["name"], item["name"], now["category"]))
            if differs(dict((k, v) for k, v in wanted.items() if k != "default" or v), _public(now)):
                updates.append(wanted)
                after[status["name"].lower()] = dict(_public(now), **dict((k, v) for k, v in wanted.items()
                                                                          if v is not None))
        listed = set(s["name"].lower() for s in item["statuses"])
        removes = []
        if item.get(self.mode_option) == "authoritative":
            removes = [s["name"] for s in current if s["name"].lower() not in listed and not s["default"]]
        for name in removes:
            del after[name.lower()]
        if any(s.get("default") for s in item["statuses"]):
            for status in after.values():
                status["default"] = any(s.get("default") and s["name"].lower() == status["name"].lower()
                                        for s in item["statuses"])
        return dict(adds=adds, removes=removes, updates=updates, warnings=[],
                    after=sorted(after.values(), key=lambda s: s["name"]))

    def apply(self, client, refs, obj, item, plan):
        """Works from the statuses as they are now: a new worktype comes with default statuses."""
        path = "{0}/worktypes/{1}/statuses".format(BASE, obj["id"])
        fresh = client.get("{0}/worktypes/{1}".format(BASE, obj["id"]))
        current = self.read(client, refs, fresh)
        step = self.plan(refs, item, current)
        ids = dict((s["name"].lower(), s["id"]) for s in current)
        for status in step["adds"]:
            body = {"name": status["name"], "category": status["category"]}
            if status.get("description"):
                body["description"] = status["description"]
            ids[status["name"].lower()] = self._create(client, path, body)
        for status in step["adds"] + step["updates"]:
            body = self._patch_body(status, ids, step["adds"])
            if body:
                client.request("PATCH", "{0}/{1}".format(path, ids[status["name"].lower()]), body=body)
        default = next((s["name"] for s in item["statuses"] if s.get("default")), None)
        if default and (fresh.get("defaultStatus") or {}).get("id") != ids[default.lower()]:
            client.request("PATCH", "{0}/worktypes/{1}".format(BASE, obj["id"]),
                           body={"defaultStatusId": ids[default.lower()]})
        for name in step["removes"]:
            try:
                client.request("DELETE", "{0}/{1}".format(path, ids[name.lower()]))
            except NotFoundError:
                pass

    @staticmethod
    def _create(client, path, body):
        """POST a status; if the outcome is unknown (or the name is taken), look for it by name before
        posting again (a 502 or 503 was never applied; a 504 may have been): never twice blindly."""
        for attempt in range(SETTLE_ROUNDS + 1):
            try:
                return client.request("POST", path, body=body)["id"]
            except (UncertainWriteError, ConflictError):
                if attempt == SETTLE_ROUNDS:
                    raise
                for wait in (0, 1, 2):
                    client.sleep(wait)
                    listed = (client.get(path) or {}).get("entities") or []
                    found = next((s for s in listed if fold(s["name"]) == fold(body["name"])), None)
                    if found:
                        return found["id"]

    @staticmethod
    def _patch_body(status, ids, added):
        body = {}
        new = status in added
        if status.get("destination_statuses") is not None:
            body["destinationStatusIds"] = [ids[n.lower()] for n in status["destination_statuses"]]
        if status.get("default_destination_status"):
            body["defaultDestinationStatusId"] = ids[status["default_destination_status"].lower()]
        for option, key in (("status_transition_delay_seconds", "statusTransitionDelaySeconds"),
                            ("status_transition_time", "statusTransitionTime"),
                            ("auto_terminate_workitem", "autoTerminateWorkitem")):
            if status.get(option) is not None:
                body[key] = status[option]
        if not new and status.get("description") is not None:
            body["description"] = status["description"]
        return body


class WorktypeSpec(QueriedSpec):
    kind = "worktype"
    ref_kind = "worktype"
    object_type = "WORKTYPE"
    path = BASE + "/worktypes"
    required_on_create = ("default_workbin",)
    fields = {
        "description": Field(maxlen=512),
        "division": Field(ref="division", ref_shape="id", write="divisionId"),
        "default_workbin": Field(api="defaultWorkbin", write="defaultWorkbinId", ref="workbin", ref_shape="id"),
        "default_priority": Field(type="int", lo=-PRIORITY, hi=PRIORITY),
        "default_duration_seconds": Field(type="int", lo=0, hi=YEAR),
        "default_expiration_seconds": Field(type="int", lo=0, hi=YEAR),
        "default_due_duration_seconds": Field(type="int", lo=0, hi=YEAR),
        "default_ttl_seconds": Field(type="int", lo=1, hi=YEAR),
        "default_queue": Field(api="defaultQueue", write="defaultQueueId", ref="queue", ref_shape="id"),
        "default_skills": Field(type="list", elements="str", api="defaultSkills", write="defaultSkillIds",
                                ref="skill", ref_shape="id", maxitems=20),
        "default_language": Field(api="defaultLanguage", write="defaultLanguageId", ref="language", ref_shape="id"),
        "default_script": Field(api="defaultScript.id", write="defaultScriptId"),
        "assignment_enabled": Field(type="bool"),
        "schema": Field(api="schema.id", write="schemaId"),
        "schema_version": Field(type="int", api="schema.version", write="schemaVersion"),
        "service_level_target": Field(type="int", lo=0, hi=100),
        "rule_settings": Field(type="dict", options={"flow_rules_enabled": Field(type="bool")}),
        "unassigned_division_contacts_enabled": Field(type="bool"),
        "disable_default_status_creation": Field(type="bool", create_only=True),
    }
    associations = {"statuses": WorktypeStatuses()}


def _normalise(status):
    out = dict((k, status.get(k)) for k in ("name",) + WorktypeStatuses.FIELDS)
    if out["destination_statuses"] is not None:
        out["destination_statuses"] = sorted(out["destination_statuses"])
    return out


def _public(status):
    return dict((k, v) for k, v in status.items() if k != "id")

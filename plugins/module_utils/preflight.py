# -*- coding: utf-8 -*-
# Copyright: (c) 2026, cxops.genesys contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Checks made before any write: the credentials reach the org the inventory expects, every
desired name follows the naming policy, the projected counts stay within the org's limits, and
the org's whole desired state plans cleanly (every reference across types resolves, nothing the
run deletes is still referenced), through the same planner the apply runs."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

from ansible_collections.cxops.genesys.plugins.module_utils.agents import AgentSkillsSpec
from ansible_collections.cxops.genesys.plugins.module_utils.engine import Engine
from ansible_collections.cxops.genesys.plugins.module_utils.errors import InputError
from ansible_collections.cxops.genesys.plugins.module_utils.references import fold
from ansible_collections.cxops.genesys.plugins.module_utils.routing import (
    LanguageSpec, QueueSpec, SkillGroupSpec, SkillSpec, UtilizationSpec, WrapupCodeSpec)
from ansible_collections.cxops.genesys.plugins.module_utils.taskmanagement import WorkbinSpec, WorktypeSpec

# kind: (spec, limit namespace, limit key)
KINDS = {
    "skill": (SkillSpec(), "skills", "skill.count.max"),
    "wrapup_code": (WrapupCodeSpec(), "routing", "wrapup.codes.max"),
    "queue": (QueueSpec(), "routing", "queues.max"),
    "workbin": (WorkbinSpec(), "task.management", "workbins.max"),
    "worktype": (WorktypeSpec(), "task.management", "worktypes.max"),
}

# The org's whole desired state, in the order site.yml converges it.
STATE_KINDS = (("language", LanguageSpec), ("skill", SkillSpec), ("skill_group", SkillGroupSpec),
               ("wrapup_code", WrapupCodeSpec), ("queue", QueueSpec), ("agent", AgentSkillsSpec),
               ("utilization", UtilizationSpec), ("workbin", WorkbinSpec), ("worktype", WorktypeSpec))

ARGUMENTS = dict(expected_org_id=dict(type="str"), expected_org_name=dict(type="str"), naming=dict(type="dict"),
                 desired=dict(type="dict"), check_limits=dict(type="bool", default=True),
                 label=dict(type="str", default="this org"), desired_state=dict(type="dict"),
                 purge=dict(type="dict", default={}), max_deletions=dict(type="int", default=0))


def preflight(session, params, normalize):
    """genesys_preflight's whole check; a result whose `failures` are not empty refuses the run.
    `normalize(spec, items)` applies a module's option checks and defaults to items."""
    unknown = sorted((set(params["naming"] or {}) | set(params["desired"] or {})) - set(KINDS))
    unknown += sorted(set(params["desired_state"] or {}) - set(k for k, dummy in STATE_KINDS))
    if unknown:
        raise InputError("Unknown kinds {0}; allowed: {1}".format(", ".join(unknown), ", ".join(
            sorted(set(KINDS) | set(k for k, dummy in STATE_KINDS)))))
    try:
        result = Preflight(session.client, params["label"]).run(
            params["expected_org_id"], params["expected_org_name"], params["naming"], params["desired"],
            params["check_limits"])
    except re.error as exc:
        raise InputError("naming: {0}".format(exc))
    if params["desired_state"] and not result["failures"]:
        result["failures"] = check_state(session, params["desired_state"], params["purge"], params["max_deletions"],
                                         normalize)
    return result


def check_state(session, state, purge, max_deletions, normalize):
    """Plan every type of the desired state in check mode, in site.yml's order, each seeing what the
    types before it would create; then refuse references to objects that any type would delete.
    The apply plans with the same code, so it refuses nothing that passed here."""
    failures, planned, deleted, uses = [], {}, {}, []
    for kind, spec_class in STATE_KINDS:
        items = state.get(kind) or []
        if not items:
            continue
        spec = spec_class()
        if spec.singleton:  # one document per org: its one item is named for it
            items = [dict(item, name=spec.singleton) for item in items]
        items, problems = normalize(spec, items)
        failures.extend("{0}s: items[{1}]: {2}".format(kind, i, "; ".join(p)) for i, p in sorted(problems.items()))
        if problems:
            continue
        session.references.set_planned(planned)
        engine = Engine(session.client, spec, check_mode=True, references=session.references,
                        journal=session.journal)
        try:
            plan = engine.plan(items, purge=purge.get(kind, False), max_deletions=max_deletions, shallow=True)
        except InputError as exc:
            failures.append("{0}s: {1}".format(kind, exc.message))
            continue
        if spec.ref_kind:
            planned.setdefault(spec.ref_kind, set()).update(s["name"] for s in plan if s["action"] == "create")
            deleted.setdefault(spec.ref_kind, set()).update(fold(s["name"]) for s in plan if s["action"] == "delete")
        uses.append((engine, [s["item"] for s in plan if s["action"] != "delete"]))
    session.references.set_planned(None)
    for engine, items in uses:
        for item in items:
            failures.extend("{0} refers to {1} {2!r}, which the run deletes".format(engine.spec.header(item), kind, name)
                            for kind, name in engine.references_of(item) if fold(name) in deleted.get(kind, ()))
    return failures


class Preflight:
    def __init__(self, client, label):
        self.client = client
        self.label = label  # the inventory host, named in every failure
        self._limits = {}   # namespace -> {key: value}, read once each

    def run(self, expected_org_id=None, expected_org_name=None, naming=None, desired=None, check_limits=True):
        failures = []
        org = self.client.get("/api/v2/organizations/me")
        if expected_org_id and org.get("id") != expected_org_id or \
                expected_org_name and org.get("name") != expected_org_name:
            failures.append("org pin: the credentials of {0} reach org {1!r} ({2}), not the expected {3}".format(
                self.label, org.get("name"), org.get("id"), expected_org_name or expected_org_id))
            return dict(org=org, failures=failures, projected={})
        desired = desired or {}
        for kind, pattern in sorted((naming or {}).items()):
            rule = re.compile(pattern)
            failures.extend("naming policy: {0} {1!r} of {2} does not match {3!r} (rule naming.{0})".format(
                kind, name, self.label, pattern) for name in desired.get(kind) or [] if not rule.search(name))
        projected = {}
        if check_limits:
            for kind, names in sorted(desired.items()):
                projected[kind], failure = self._limit(kind, set(names or []))
                if failure:
                    failures.append(failure)
        return dict(org=org, failures=failures, projected=projected)

    def _limit(self, kind, names):
        """Projected count after the run, against the org's limit. Cheap when comfortably within it:
        a count request, then a full listing only when the new names could cross the limit."""
        spec, namespace, key = KINDS[kind]
        if namespace not in self._limits:
            listed = self.client.get("/api/v2/organizations/limits/namespaces/" + namespace) or {}
            self._limits[namespace] = dict((e.get("key"), e.get("value")) for e in listed.get("entities") or [])
        limit = self._limits[namespace].get(key)
        count = self._count(spec)
        if limit is None or count + len(names) <= limit:
            return count + len(names), None
        existing = set(o["name"] for o in spec.list(self.client))
        projected = len(existing | names)
        if projected > limit:
            return projected, "limit: {0} would have {1} {2}s after the run; the org's limit {3}/{4} is {5}".format(
                self.label, projected, kind.replace("_", "-"), namespace, key, limit)
        return projected, None

    def _count(self, spec):
        if spec.path.startswith("/api/v2/taskmanagement"):
            return (self.client.request("POST", spec.path + "/query", body={"select": "Count"}, safe=True) or {}).get(
                "count", 0)
        # Soft-deleted skills count too: an over-estimate, which only costs a full listing.
        return (self.client.get(spec.path, {"pageSize": 1}) or {}).get("total", 0)

# -*- coding: utf-8 -*-
# Copyright: (c) 2026, cxops.genesys contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
name: genesys_summary
type: aggregate
short_description: One summary per Genesys Cloud org at the end of a run
version_added: 0.1.0
description:
  - At the end of a run, shows for each inventory host (org) the objects created, adopted, updated, deleted and
    unchanged per type, and the API requests the collection's modules made (with token requests, retries and
    throttled answers). Each item of a loop counts.
  - A run in check mode is marked as a plan (C(mode=plan) in the JSON), whose counts are what the run would do.
  - An object whose create was refused because another run had just created it counts as adopted, not created.
  - Each type has one name, the module's, whatever alias a task used (V(wrapper) for M(cxops.genesys.genesys_wrapper)
    and its alias C(genesys_wrapup_code)).
  - Also writes the summary as JSON to O(path), for change approval records.
  - Enable it with C(callbacks_enabled = cxops.genesys.genesys_summary) in C(ansible.cfg), or with the environment
    variable E(ANSIBLE_CALLBACKS_ENABLED).
author:
  - cxops.genesys contributors (@cxops)
options:
  path:
    description: File to write the summary to, as JSON. Not written when not set.
    type: path
    env:
      - name: CXOPS_GENESYS_SUMMARY_PATH
    ini:
      - section: callback_genesys_summary
        key: path
"""

import json

from ansible.plugins.callback import CallbackBase
from ansible.plugins.loader import module_loader

OUTCOMES = ("created", "adopted", "updated", "deleted", "terminated", "unchanged", "skipped", "invalid", "failed")
CHANGES = ("created", "updated", "deleted", "terminated")


class CallbackModule(CallbackBase):
    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = "aggregate"
    CALLBACK_NAME = "cxops.genesys.genesys_summary"
    CALLBACK_NEEDS_ENABLED = True

    def __init__(self):
        super(CallbackModule, self).__init__()
        self.orgs = {}
        self._names = {}  # (task action, collections) -> module name

    def _record(self, result):
        """One module call: a task's result, or one item's of a loop (whose task result only gathers them)."""
        data = result._result
        name = self._module_name(result._task.action or "", result._task.collections)
        if "api_requests" not in data or not name.startswith("genesys_"):
            return
        org = self.orgs.setdefault(result._host.get_name(), {"types": {}, "api_requests": 0, "token_requests": 0,
                                                             "retries": 0, "throttled": 0, "changes": 0,
                                                             "mode": "plan"})
        if not result._task.check_mode:
            org["mode"] = "apply"  # a plan only while every call of the org ran in check mode
        org["api_requests"] += data["api_requests"].get("requests", 0)
        for key in ("token_requests", "retries", "throttled"):
            org[key] += data["api_requests"].get(key, 0)
        if "summary" in data:  # read-only modules (preflight, _info) count only their requests
            kind = name[len("genesys_"):]
            counts = org["types"].setdefault(kind, dict((k, 0) for k in OUTCOMES))
            for outcome, number in data["summary"].items():
                counts[outcome] = counts.get(outcome, 0) + number
                org["changes"] += number if outcome in CHANGES else 0

    def _module_name(self, action, collections):
        """The module's own name, also for an alias (genesys_wrapup_code is genesys_wrapper) or a
        short name that a play's `collections` resolves."""
        key = (action, tuple(collections or ()))
        if key not in self._names:
            found = module_loader.find_plugin_with_context(action, collection_list=collections)
            self._names[key] = (found.resolved_fqcn if found.resolved else action).split(".")[-1]
        return self._names[key]

    def v2_runner_on_ok(self, result):
        self._record(result)

    def v2_runner_on_failed(self, result, ignore_errors=False):
        self._record(result)

    def v2_runner_item_on_ok(self, result):
        self._record(result)

    def v2_runner_item_on_failed(self, result):
        self._record(result)

    def v2_playbook_on_stats(self, stats):
        for org, data in sorted(self.orgs.items()):
            plan = data["mode"] == "plan"
            self._display.display("Genesys summary for {0}{1}: {2} API requests ({3} for tokens, {4} retried, {5} "
                                  "throttled)".format(org, " (PLAN, check mode: nothing was written)" if plan else "",
                                                      data["api_requests"], data["token_requests"], data["retries"],
                                                      data["throttled"]))
            for kind, counts in sorted(data["types"].items()):
                shown = ", ".join("{0} {1}{2}".format(v, "would be " if plan and k in CHANGES else "", k)
                                  for k, v in counts.items() if v)
                self._display.display("  {0}: {1}".format(kind, shown or "nothing to do"))
        path = self.get_option("path")
        if path:
            modes = set(data["mode"] for data in self.orgs.values())
            with open(path, "w") as handle:
                json.dump({"mode": modes.pop() if len(modes) == 1 else "mixed", "orgs": self.orgs}, handle,
                          indent=2, sort_keys=True)

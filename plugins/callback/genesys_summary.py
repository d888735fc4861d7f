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
  - At the end of a run, shows for each inventory host (org) the objects created, updated, deleted and unchanged per
    type, and the API requests the collection's modules made (with token requests, retries and throttled answers).
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

OUTCOMES = ("created", "updated", "deleted", "terminated", "unchanged", "skipped", "invalid", "failed")


class CallbackModule(CallbackBase):
    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = "aggregate"
    CALLBACK_NAME = "cxops.genesys.genesys_summary"
    CALLBACK_NEEDS_ENABLED = True

    def __init__(self):
        super(CallbackModule, self).__init__()
        self.orgs = {}

    def _record(self, result):
        data = result._result
        action = result._task.action or ""
        if "api_requests" not in data or not action.split(".")[-1].startswith("genesys_"):
            return
        org = self.orgs.setdefault(result._host.get_name(), {"types": {}, "api_requests": 0, "token_requests": 0,
                                                             "retries": 0, "throttled": 0})
        org["api_requests"] += data["api_requests"].get("requests", 0)
        for key in ("token_requests", "retries", "throttled"):
            org[key] += data["api_requests"].get(key, 0)
        if "summary" in data:  # read-only modules (preflight, _info) count only their requests
            kind = action.split(".")[-1][len("genesys_"):]
            counts = org["types"].setdefault(kind, dict((k, 0) for k in OUTCOMES))
            for outcome, number in data["summary"].items():
                counts[outcome] = counts.get(outcome, 0) + number

    def v2_runner_on_ok(self, result):
        self._record(result)

    def v2_runner_on_failed(self, result, ignore_errors=False):
        self._record(result)

    def v2_playbook_on_stats(self, stats):
        for org, data in sorted(self.orgs.items()):
            self._display.display("Genesys summary for {0}: {1} API requests ({2} for tokens, {3} retried, {4} "
                                  "throttled)".format(org, data["api_requests"], data["token_requests"],
                                                      data["retries"], data["throttled"]))
            for kind, counts in sorted(data["types"].items()):
                shown = ", ".join("{0} {1}".format(v, k) for k, v in counts.items() if v)
                self._display.display("  {0}: {1}".format(kind, shown or "nothing to do"))
        path = self.get_option("path")
        if path:
            with open(path, "w") as handle:
                json.dump({"orgs": self.orgs}, handle, indent=2, sort_keys=True)

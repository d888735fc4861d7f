#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, cxops.genesys contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: genesys_worktype
short_description: Manage Genesys Cloud Task Management worktypes and their statuses
version_added: 0.1.0
description:
  - Create, update and delete worktypes, the types of work items, with their defaults and their statuses, one at
    a time or as a list in one call.
  - Worktypes are listed once per call with the API's cursor query and compared in memory; statuses are read only
    for the worktypes whose item sets O(statuses). Updates are PATCH.
  - Statuses are matched by name. The statuses the API creates with a new worktype are adopted by name and
    category, never duplicated. A status's category cannot change; the module says so before changing anything.
  - Workbins, queues, skills, languages and divisions are referenced by name; scripts and schemas by id.
author:
  - cxops.genesys contributors (@cxops)
options:
  description:
    description: Description of the worktype, at most 512 characters.
    type: str
  division:
    description:
      - Name of the worktype's division; by default the division of its default workbin, which it must match.
      - A change moves the worktype with the divisions objects endpoint.
    type: str
  default_workbin:
    description: Name of the workbin new work items go to. Needed to create a worktype.
    type: str
  default_priority:
    description: Priority of new work items, -25000000 to 25000000.
    type: int
  default_duration_seconds:
    description: Expected duration of new work items, 0 to 31536000 (365 days).
    type: int
  default_expiration_seconds:
    description: Seconds after which new work items expire, 0 to 31536000 (365 days).
    type: int
  default_due_duration_seconds:
    description: Seconds after which new work items are due, 0 to 31536000 (365 days).
    type: int
  default_ttl_seconds:
    description: Seconds new work items live, 1 to 31536000 (365 days).
    type: int
  default_queue:
    description: Name of the queue new work items are routed to.
    type: str
  default_skills:
    description: Names of the skills new work items require, at most 20.
    type: list
    elements: str
  default_language:
    description: Name of the language new work items require.
    type: str
  default_script:
    description: Id of the script of new work items.
    type: str
  assignment_enabled:
    description: Whether work items of this type are routed to agents.
    type: bool
  schema:
    description: Id of the schema that defines the custom fields of the work items.
    type: str
  schema_version:
    description: Version of O(schema).
    type: int
  service_level_target:
    description: Service level target, 0 to 100.
    type: int
  rule_settings:
    description: Rule settings.
    type: dict
    suboptions:
      flow_rules_enabled:
        description: Whether flow rules run for this worktype.
        type: bool
  unassigned_division_contacts_enabled:
    description: Whether contacts of unassigned divisions can be used.
    type: bool
  disable_default_status_creation:
    description: On create, do not let the API create its default statuses.
    type: bool
  statuses:
    description:
      - Statuses of the worktype, matched by name.
    type: list
    elements: dict
    suboptions:
      name:
        description: Name of the status, 3 to 256 characters.
        type: str
        required: true
      category:
        description: Category of the status. It cannot change once the status exists.
        type: str
        required: true
        choices: [Open, InProgress, Waiting, Closed]
      description:
        description: Description, at most 512 characters.
        type: str
      destination_statuses:
        description: Names of the statuses a work item may move to from this one, at most 24; any when not set.
        type: list
        elements: str
      default_destination_status:
        description: Name of the status a work item moves to automatically.
        type: str
      status_transition_delay_seconds:
        description: Seconds before the automatic move, at least 60.
        type: int
      status_transition_time:
        description: Time of day of the automatic move (V(HH:mm:ss.SSS)).
        type: str
      auto_terminate_workitem:
        description: Whether work items entering this status are terminated (category V(Closed) only).
        type: bool
      default:
        description: Whether new work items start in this status.
        type: bool
  statuses_mode:
    description:
      - V(additive) creates and updates the listed statuses; V(authoritative) also deletes the statuses not listed
        (the default status excepted), which counts against O(max_deletions).
    type: str
    choices: [additive, authoritative]
    default: additive

extends_documentation_fragment:
  - cxops.genesys.genesys
  - cxops.genesys.genesys.RESOURCE
  - cxops.genesys.genesys.ATTRIBUTES
"""

EXAMPLES = r"""
- name: A worktype for invoice discrepancies, with its statuses
  cxops.genesys.genesys_worktype:
    name: Invoice Discrepancy
    default_workbin: Invoice Discrepancies
    default_priority: 10
    default_due_duration_seconds: 172800
    default_queue: Billing Support
    default_skills: [Billing]
    statuses:
      - name: Open
        category: Open
        default: true
        destination_statuses: [Investigating, Closed]
      - name: Investigating
        category: InProgress
        destination_statuses: [Waiting on Supplier, Closed]
      - name: Waiting on Supplier
        category: Waiting
        destination_statuses: [Investigating]
        default_destination_status: Investigating
        status_transition_delay_seconds: 86400
      - name: Closed
        category: Closed
"""

RETURN = r"""
changed:
  description: Whether any worktype was created, updated or deleted (or would be, in check mode).
  returned: always
  type: bool
results:
  description: One entry per worktype that was named or purged.
  returned: always
  type: list
  elements: dict
  contains:
    name:
      description: Name of the worktype.
      type: str
    action:
      description: What happened (or would happen in check mode).
      type: str
      sample: created
    before:
      description: The worktype before, in the shape of this module's options; null when it did not exist.
      type: dict
    after:
      description: The worktype after; null when it was deleted.
      type: dict
summary:
  description: How many worktypes were created, updated, deleted and left unchanged.
  returned: always
  type: dict
api_requests:
  description: Requests this call sent, token requests, retries and throttled answers.
  returned: always
  type: dict
"""

from ansible_collections.cxops.genesys.plugins.module_utils.module import run_resource_module
from ansible_collections.cxops.genesys.plugins.module_utils.taskmanagement import WorktypeSpec


def main(module_class=None):
    """`module_class` is set when the action plugin runs this module on the controller."""
    run_resource_module(WorktypeSpec(), module_class)


if __name__ == "__main__":
    main()

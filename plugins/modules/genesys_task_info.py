#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, cxops.genesys contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: genesys_task_info
short_description: Find Genesys Cloud Task Management work items
version_added: 0.1.0
description:
  - Finds work items with the API's work item query, following its cursor through every page.
  - The query needs one of O(worktype), O(workbin), O(queue) or O(assignee), and takes at most three filters in all.
author:
  - cxops.genesys contributors (@cxops)
options:
  worktype:
    description: Name of the worktype.
    type: str
  workbin:
    description: Name of the workbin.
    type: str
  queue:
    description: Name of the queue.
    type: str
  assignee:
    description: Email of the assignee.
    type: str
  status_category:
    description: Only work items whose status is of this category.
    type: str
    choices: [Open, InProgress, Waiting, Closed]
  external_tag:
    description: Only the work items with this external tag.
    type: str
  created_after:
    description: Only work items created after this ISO-8601 date and time.
    type: str
  created_before:
    description: Only work items created before this ISO-8601 date and time.
    type: str
extends_documentation_fragment:
  - cxops.genesys.genesys
  - cxops.genesys.genesys.INFO_ATTRIBUTES
"""

EXAMPLES = r"""
- name: Open invoice discrepancies
  cxops.genesys.genesys_task_info:
    worktype: Invoice Discrepancy
    status_category: Open
  register: open_discrepancies
"""

RETURN = r"""
objects:
  description: The work items found, in the shape of the options of M(cxops.genesys.genesys_task), with their id.
  returned: always
  type: list
  elements: dict
api_requests:
  description: Requests this call sent, token requests, retries and throttled answers.
  returned: always
  type: dict
"""

from ansible_collections.cxops.genesys.plugins.module_utils.engine import Engine
from ansible_collections.cxops.genesys.plugins.module_utils.module import run_reader_module
from ansible_collections.cxops.genesys.plugins.module_utils.tasks import INFO_ARGS, TaskSpec, find_tasks


def read(call, params):
    return dict(objects=find_tasks(Engine(call.client, TaskSpec(), references=call.references), params))


def main(module_class=None):
    """`module_class` is set when the action plugin runs this module on the controller."""
    run_reader_module(INFO_ARGS, read, module_class, required_one_of=[("worktype", "workbin", "queue", "assignee")])


if __name__ == "__main__":
    main()

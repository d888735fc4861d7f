#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, cxops.genesys contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: genesys_worktype_info
short_description: Read Genesys Cloud Task Management worktypes
version_added: 0.1.0
description:
  - Read one worktype by name, several by names, or all of them, with references by name.
  - Uses one cursor query, whatever the number of names.
  - Statuses are read only when O(include) names them, one request per worktype (run concurrently).
author:
  - cxops.genesys contributors (@cxops)
options:
  name:
    description: Name of the one worktype to read.
    type: str
  names:
    description: Names of the worktypes to read. All of them when neither O(name) nor O(names) is set.
    type: list
    elements: str
  include:
    description:
      - The worktypes' sub-resources to read too, in the same shape as the options of
        M(cxops.genesys.genesys_worktype). V(statuses) are the worktype's statuses with their destinations by name.
    type: list
    elements: str
    choices: [statuses]
    default: []
extends_documentation_fragment:
  - cxops.genesys.genesys
  - cxops.genesys.genesys.INFO_ATTRIBUTES
"""

EXAMPLES = r"""
- name: Read every worktype
  cxops.genesys.genesys_worktype_info:
  register: all_worktypes

- name: Read two worktypes
  cxops.genesys.genesys_worktype_info:
    names: [Invoice Discrepancy, Refund]

- name: Read a worktype with its statuses
  cxops.genesys.genesys_worktype_info:
    name: Invoice Discrepancy
    include: [statuses]
"""

RETURN = r"""
objects:
  description: The worktypes found, in the same shape as the options of M(cxops.genesys.genesys_worktype).
  returned: always
  type: list
  elements: dict
  sample: [{id: 7d2f..., name: Invoice Discrepancy, default_workbin: Invoices, default_priority: 10}]
api_requests:
  description: Requests this call sent, token requests, retries and throttled answers.
  returned: always
  type: dict
"""

from ansible_collections.cxops.genesys.plugins.module_utils.module import run_info_module
from ansible_collections.cxops.genesys.plugins.module_utils.taskmanagement import WorktypeSpec


def main(module_class=None):
    """`module_class` is set when the action plugin runs this module on the controller."""
    run_info_module(WorktypeSpec(), module_class)


if __name__ == "__main__":
    main()

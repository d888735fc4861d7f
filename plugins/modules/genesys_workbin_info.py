#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, cxops.genesys contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: genesys_workbin_info
short_description: Read Genesys Cloud Task Management workbins
version_added: 0.1.0
description:
  - Read one workbin by name, several by names, or all of them, with references by name.
  - Uses one cursor query, whatever the number of names.
author:
  - cxops.genesys contributors (@cxops)
options:
  name:
    description: Name of the one workbin to read.
    type: str
  names:
    description: Names of the workbins to read. All of them when neither O(name) nor O(names) is set.
    type: list
    elements: str
extends_documentation_fragment:
  - cxops.genesys.genesys
  - cxops.genesys.genesys.INFO_ATTRIBUTES
"""

EXAMPLES = r"""
- name: Read every workbin
  cxops.genesys.genesys_workbin_info:
  register: all_workbins

- name: Read two workbins
  cxops.genesys.genesys_workbin_info:
    names: [Invoices, Returns]
"""

RETURN = r"""
objects:
  description: The workbins found, in the same shape as the options of M(cxops.genesys.genesys_workbin).
  returned: always
  type: list
  elements: dict
  sample: [{id: 7d2f..., name: Invoices, division: Home, description: AP cases}]
api_requests:
  description: Requests this call sent, token requests, retries and throttled answers.
  returned: always
  type: dict
"""

from ansible_collections.cxops.genesys.plugins.module_utils.module import run_info_module
from ansible_collections.cxops.genesys.plugins.module_utils.taskmanagement import WorkbinSpec


def main(module_class=None):
    """`module_class` is set when the action plugin runs this module on the controller."""
    run_info_module(WorkbinSpec(), module_class)


if __name__ == "__main__":
    main()

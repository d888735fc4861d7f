#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, cxops.genesys contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: genesys_workbin
short_description: Manage Genesys Cloud Task Management workbins
version_added: 0.1.0
description:
  - Create, update and delete workbins, the containers of work items, one at a time or as a list in one call.
  - Workbins are listed once per call with the API's cursor query and compared in memory; updates are PATCH.
  - Names have 3 to 256 characters.
author:
  - cxops.genesys contributors (@cxops)
options:
  description:
    description:
      - Description of the workbin, at most 512 characters.
    type: str
  division:
    description:
      - Name of the workbin's division; the home division when a new workbin does not set it.
      - A change moves the workbin with the divisions objects endpoint.
    type: str

extends_documentation_fragment:
  - cxops.genesys.genesys
  - cxops.genesys.genesys.RESOURCE
  - cxops.genesys.genesys.ATTRIBUTES
"""

EXAMPLES = r"""
- name: A workbin for invoice discrepancies
  cxops.genesys.genesys_workbin:
    name: Invoice Discrepancies
    description: Back-office cases raised by accounts payable
    division: Finance
"""

RETURN = r"""
changed:
  description: Whether any workbin was created, updated or deleted (or would be, in check mode).
  returned: always
  type: bool
results:
  description: One entry per workbin that was named or purged.
  returned: always
  type: list
  elements: dict
  contains:
    name:
      description: Name of the workbin.
      type: str
    action:
      description: What happened (or would happen in check mode).
      type: str
      sample: created
    before:
      description: The workbin before, in the shape of this module's options; null when it did not exist.
      type: dict
    after:
      description: The workbin after; null when it was deleted.
      type: dict
summary:
  description: How many workbins were created, updated, deleted and left unchanged.
  returned: always
  type: dict
api_requests:
  description: Requests this call sent, token requests, retries and throttled answers.
  returned: always
  type: dict
"""

from ansible_collections.cxops.genesys.plugins.module_utils.module import run_resource_module
from ansible_collections.cxops.genesys.plugins.module_utils.taskmanagement import WorkbinSpec


def main(module_class=None):
    """`module_class` is set when the action plugin runs this module on the controller."""
    run_resource_module(WorkbinSpec(), module_class)


if __name__ == "__main__":
    main()

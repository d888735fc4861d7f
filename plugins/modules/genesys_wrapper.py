#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, cxops.genesys contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: genesys_wrapper
short_description: Manage Genesys Cloud wrap-up codes
version_added: 0.1.0
description:
  - Create, update and delete wrap-up codes, one at a time or as a whole list in one call.
  - The org's wrap-up codes are listed once per call and compared in memory.
  - The API's update is a full replace, so an update reads the code, merges the change and writes it back whole;
    fields this module was not told to set keep their values.
  - Also available under its alias C(genesys_wrapup_code).
author:
  - cxops.genesys contributors (@cxops)
options:
  description:
    description:
      - Description of the wrap-up code, at most 512 characters.
    type: str
  division:
    description:
      - Name of the division the wrap-up code belongs to. The home division when a new code does not set it.
    type: str
extends_documentation_fragment:
  - cxops.genesys.genesys
  - cxops.genesys.genesys.RESOURCE
  - cxops.genesys.genesys.ATTRIBUTES
"""

EXAMPLES = r"""
- name: Ensure a wrap-up code exists
  cxops.genesys.genesys_wrapper:
    name: Resolved
    description: The customer's issue was resolved

- name: Converge every wrap-up code of the org
  cxops.genesys.genesys_wrapper:
    items:
      - name: Resolved
      - name: Escalated
        division: Support
    purge: true
    max_deletions: 10
"""

RETURN = r"""
changed:
  description: Whether any wrap-up code was created, updated or deleted (or would be, in check mode).
  returned: always
  type: bool
results:
  description: One entry per wrap-up code that was named or purged.
  returned: always
  type: list
  elements: dict
  contains:
    name:
      description: Name of the wrap-up code.
      type: str
    action:
      description: What happened (or would happen in check mode).
      type: str
      sample: updated
    before:
      description: The code before, with its division by name; null when it did not exist.
      type: dict
    after:
      description: The code after; null when it was deleted.
      type: dict
summary:
  description:
    - How many codes were created, updated, deleted and left unchanged.
    - And how many were adopted, when a create was refused because another run had just created the object,
      which is then used.
  returned: always
  type: dict
  sample: {created: 0, updated: 1, deleted: 0, unchanged: 7}
api_requests:
  description: Requests this call sent, token requests, retries and throttled answers.
  returned: always
  type: dict
"""

from ansible_collections.cxops.genesys.plugins.module_utils.module import run_resource_module
from ansible_collections.cxops.genesys.plugins.module_utils.routing import WrapupCodeSpec


def main(module_class=None):
    """`module_class` is set when the action plugin runs this module on the controller."""
    run_resource_module(WrapupCodeSpec(), module_class)


if __name__ == "__main__":
    main()

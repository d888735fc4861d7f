#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, cxops.genesys contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: genesys_queue_info
short_description: Read Genesys Cloud routing queues
version_added: 0.1.0
description:
  - Read one routing queue by name, several by names, or all of them, with references by name.
  - Uses one paged listing, whatever the number of names.
  - Members and wrap-up codes are read only when O(include) names them, one request per queue and kind (run
    concurrently).
author:
  - cxops.genesys contributors (@cxops)
options:
  name:
    description: Name of the one routing queue to read.
    type: str
  names:
    description: Names of the routing queues to read. All of them when neither O(name) nor O(names) is set.
    type: list
    elements: str
  include:
    description:
      - The queues' sub-resources to read too, in the same shape as the options of M(cxops.genesys.genesys_queue).
      - V(members) are the direct members by email with their ring numbers; V(wrapup_codes) are names.
    type: list
    elements: str
    choices: [members, wrapup_codes]
    default: []
extends_documentation_fragment:
  - cxops.genesys.genesys
  - cxops.genesys.genesys.INFO_ATTRIBUTES
"""

EXAMPLES = r"""
- name: Read every routing queue
  cxops.genesys.genesys_queue_info:
  register: all_queues

- name: Read two routing queues
  cxops.genesys.genesys_queue_info:
    names: [Support EN, Billing]

- name: Read a queue with its members and wrap-up codes
  cxops.genesys.genesys_queue_info:
    name: Support EN
    include: [members, wrapup_codes]
  register: support
"""

RETURN = r"""
objects:
  description: The routing queues found, in the same shape as the options of M(cxops.genesys.genesys_queue).
  returned: always
  type: list
  elements: dict
  sample: [{id: 3b0e..., name: Support EN, division: Support, skill_evaluation_method: BEST,
            members: [{user: alice@acme.example, ring_number: 1}], wrapup_codes: [Resolved]}]
api_requests:
  description: Requests this call sent, token requests, retries and throttled answers.
  returned: always
  type: dict
"""

from ansible_collections.cxops.genesys.plugins.module_utils.module import run_info_module
from ansible_collections.cxops.genesys.plugins.module_utils.routing import QueueSpec


def main(module_class=None):
    """`module_class` is set when the action plugin runs this module on the controller."""
    run_info_module(QueueSpec(), module_class)


if __name__ == "__main__":
    main()

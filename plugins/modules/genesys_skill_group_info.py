#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, cxops.genesys contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: genesys_skill_group_info
short_description: Read Genesys Cloud skill groups
version_added: 0.2.0
description:
  - Read one skill group by name, several by names, or all of them, with their conditions and references by name.
  - One listing by cursor, then one read per skill group found (the listing leaves the conditions out).
  - Member divisions are read only when O(include) names them.
author:
  - cxops.genesys contributors (@cxops)
options:
  name:
    description: Name of the one skill group to read.
    type: str
  names:
    description: Names of the skill groups to read. All of them when neither O(name) nor O(names) is set.
    type: list
    elements: str
  include:
    description:
      - V(member_divisions) also reads each skill group's member divisions, by name.
    type: list
    elements: str
    choices: [member_divisions]
    default: []
extends_documentation_fragment:
  - cxops.genesys.genesys
  - cxops.genesys.genesys.INFO_ATTRIBUTES
"""

EXAMPLES = r"""
- name: Read one skill group with its member divisions
  cxops.genesys.genesys_skill_group_info:
    name: Spanish Billing
    include: [member_divisions]
  register: group
"""

RETURN = r"""
objects:
  description: The skill groups found, in the same shape as the options of M(cxops.genesys.genesys_skill_group).
  returned: always
  type: list
  elements: dict
  sample: [{id: 5c1e..., name: Spanish Billing, division: Home, skill_conditions: []}]
api_requests:
  description: Requests this call sent, token requests, retries and throttled answers.
  returned: always
  type: dict
"""

from ansible_collections.cxops.genesys.plugins.module_utils.module import run_info_module
from ansible_collections.cxops.genesys.plugins.module_utils.routing import SkillGroupSpec


def main(module_class=None):
    """`module_class` is set when the action plugin runs this module on the controller."""
    run_info_module(SkillGroupSpec(), module_class)


if __name__ == "__main__":
    main()

#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, cxops.genesys contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: genesys_skill
short_description: Manage Genesys Cloud routing (ACD) skills
version_added: 0.1.0
description:
  - Create, move between divisions, and delete routing skills, one at a time or as a whole list in one call.
  - The org's skills are listed once per call and compared in memory.
  - A skill cannot be renamed; a new name creates a new skill. Soft-deleted skills count as absent.
author:
  - cxops.genesys contributors (@cxops)
options:
  division:
    description:
      - Name of the division the skill belongs to. The home division when a new skill does not set it.
      - A change moves the skill with the API's division PATCH.
    type: str
extends_documentation_fragment:
  - cxops.genesys.genesys
  - cxops.genesys.genesys.RESOURCE
  - cxops.genesys.genesys.ATTRIBUTES
"""

EXAMPLES = r"""
- name: Ensure a skill exists
  cxops.genesys.genesys_skill:
    name: Billing
    region: eu-west-1

- name: Converge the whole list of skills, deleting up to five that are no longer listed
  cxops.genesys.genesys_skill:
    items:
      - name: Billing
      - name: Returns
        division: Support
    purge: true
    max_deletions: 5

- name: Delete one skill
  cxops.genesys.genesys_skill:
    name: Legacy
    state: absent
"""

RETURN = r"""
changed:
  description: Whether any skill was created, moved or deleted (or would be, in check mode).
  returned: always
  type: bool
results:
  description: One entry per skill that was named or purged.
  returned: always
  type: list
  elements: dict
  contains:
    name:
      description: Name of the skill.
      type: str
    action:
      description: What happened (or would happen in check mode).
      type: str
      sample: created
    before:
      description: The skill before, with its division by name; null when it did not exist.
      type: dict
    after:
      description: The skill after; null when it was deleted. Its id is null for a skill check mode would create.
      type: dict
summary:
  description:
    - How many skills were created, updated, deleted and left unchanged.
    - And how many were adopted, when a create was refused because another run had just created the object,
      which is then used.
  returned: always
  type: dict
  sample: {created: 1, updated: 0, deleted: 0, unchanged: 3}
api_requests:
  description: Requests this call sent, token requests, retries and throttled answers.
  returned: always
  type: dict
"""

from ansible_collections.cxops.genesys.plugins.module_utils.module import run_resource_module
from ansible_collections.cxops.genesys.plugins.module_utils.routing import SkillSpec


def main(module_class=None):
    """`module_class` is set when the action plugin runs this module on the controller."""
    run_resource_module(SkillSpec(), module_class)


if __name__ == "__main__":
    main()

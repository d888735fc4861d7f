#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, cxops.genesys contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: genesys_skill_group
short_description: Manage Genesys Cloud skill groups
version_added: 0.2.0
description:
  - Create, update and delete skill groups (skill expression groups), one at a time or as a whole list in one call.
    The users of the member divisions who meet the skill and language conditions are the group's members, and a
    queue takes the group as a member group.
  - Skills and languages are named in the conditions; every name is checked before anything is written.
  - The skill groups are listed once per call, by cursor. The listing leaves out the conditions, so the skill groups
    whose items set O(skill_conditions) are also read one by one (concurrently, once per run).
  - An update carries every writable field (name, description, division, conditions), since whether the API's PATCH
    is a partial update is not verified; fields the item does not set are read and sent back unchanged.
  - Member divisions are managed through their own endpoint, by name. A skill group's own division is always one of
    them and is never removed.
author:
  - cxops.genesys contributors (@cxops)
options:
  description:
    description:
      - Description of the skill group, at most 512 characters.
    type: str
  division:
    description:
      - Name of the division the skill group belongs to.
    type: str
  skill_conditions:
    description:
      - The conditions users must all meet, as the API holds them (option names in snake_case).
      - Compared with the current conditions element by element, in order.
    type: list
    elements: dict
    suboptions:
      routing_skill_conditions:
        description:
          - Conditions on skills; each holds when the user has the skill at a proficiency that the comparator accepts,
            and its O(skill_conditions[].routing_skill_conditions[].child_conditions) hold.
        type: list
        elements: dict
        suboptions:
          routing_skill:
            description:
              - Name of the skill.
            type: str
          comparator:
            description:
              - How the user's proficiency compares with O(skill_conditions[].routing_skill_conditions[].proficiency).
            type: str
            choices: [EqualTo, NotEqualTo, LessThan, GreaterThan, GreaterThanOrEqualTo, LessThanOrEqualTo]
          proficiency:
            description:
              - Proficiency from 0 to 5.
            type: int
          child_conditions:
            description:
              - Nested conditions, in the same shape as O(skill_conditions), to any depth (checked at every depth
                before anything is written).
            type: list
            elements: dict
      language_skill_conditions:
        description:
          - Conditions on languages, in the same shape as the skill conditions, with C(language_skill) (the language's
            name) instead of C(routing_skill).
        type: list
        elements: dict
        suboptions:
          language_skill:
            description:
              - Name of the language.
            type: str
          comparator:
            description:
              - How the user's proficiency compares with O(skill_conditions[].language_skill_conditions[].proficiency).
            type: str
            choices: [EqualTo, NotEqualTo, LessThan, GreaterThan, GreaterThanOrEqualTo, LessThanOrEqualTo]
          proficiency:
            description:
              - Proficiency from 0 to 5.
            type: int
          child_conditions:
            description:
              - Nested conditions, in the same shape as O(skill_conditions).
            type: list
            elements: dict
      operation:
        description:
          - How the conditions of this element combine.
        type: str
        choices: [And, Or, Not]
  member_divisions:
    description:
      - Names of the divisions whose users can be members; V(*) alone names every division of the org.
    type: list
    elements: str
  member_divisions_mode:
    description:
      - V(additive) adds the listed divisions; V(authoritative) also removes the others (each removal counts against
        O(max_deletions)).
    type: str
    choices: [additive, authoritative]
    default: additive
extends_documentation_fragment:
  - cxops.genesys.genesys
  - cxops.genesys.genesys.RESOURCE
  - cxops.genesys.genesys.ATTRIBUTES
"""

EXAMPLES = r"""
- name: Agents who speak Spanish well and know billing
  cxops.genesys.genesys_skill_group:
    name: Spanish Billing
    description: Billing agents fluent in Spanish
    skill_conditions:
      - operation: And
        routing_skill_conditions:
          - routing_skill: Billing
            comparator: GreaterThanOrEqualTo
            proficiency: 3
        language_skill_conditions:
          - language_skill: Spanish
            comparator: GreaterThanOrEqualTo
            proficiency: 4
    member_divisions: [Home, Sales]

- name: Converge the whole list, deleting at most one skill group that is no longer listed
  cxops.genesys.genesys_skill_group:
    items: "{{ genesys_skill_groups }}"
    purge: true
    max_deletions: 1
"""

RETURN = r"""
changed:
  description: Whether any skill group was created, updated or deleted (or would be, in check mode).
  returned: always
  type: bool
results:
  description: One entry per skill group that was named or purged.
  returned: always
  type: list
  elements: dict
  contains:
    name:
      description: Name of the skill group.
      type: str
    action:
      description: What happened (or would happen in check mode).
      type: str
      sample: updated
    before:
      description: The skill group before, references by name; null when it did not exist.
      type: dict
    after:
      description: The skill group after; null when it was deleted.
      type: dict
summary:
  description: How many skill groups were created, updated, deleted and left unchanged.
  returned: always
  type: dict
  sample: {created: 1, updated: 0, deleted: 0, unchanged: 3}
api_requests:
  description: Requests this call sent, token requests, retries and throttled answers.
  returned: always
  type: dict
"""

from ansible_collections.cxops.genesys.plugins.module_utils.module import run_resource_module
from ansible_collections.cxops.genesys.plugins.module_utils.routing import SkillGroupSpec


def main(module_class=None):
    """`module_class` is set when the action plugin runs this module on the controller."""
    run_resource_module(SkillGroupSpec(), module_class)


if __name__ == "__main__":
    main()

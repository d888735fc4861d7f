#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, cxops.genesys contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: genesys_user_skills
short_description: Manage the routing skills and languages of Genesys Cloud agents
version_added: 0.1.0
description:
  - Assigns routing skills and routing languages, by name and with a proficiency, to users, by email; one user or
    many in one call. Skills and languages are managed independently, so an item that leaves out O(languages) leaves
    the user's languages as they are, and the same for O(skills).
  - Users are listed once per call, with their skills and languages where the API returns them; a user listed without
    them is read on its own.
  - Writes use the bulk endpoints, at most 50 assignments per request. V(additive) adds or updates the listed ones and
    removes none; V(authoritative) makes the list the user's whole set, and its removals count against
    O(max_deletions). The API has no bulk replace for languages, so each language an authoritative list removes is
    one DELETE.
  - Inactive and deleted users are skipped with a warning that names them; they never fail the run. An email that
    no user has fails the call before anything is written.
author:
  - cxops.genesys contributors (@cxops)
options:
  user:
    description: Email of the one user to manage. Mutually exclusive with O(items).
    type: str
  skills:
    description: The user's skills.
    type: list
    elements: dict
    suboptions:
      name:
        description: Name of the skill.
        type: str
        required: true
      proficiency:
        description: Proficiency, 0 to 5.
        type: float
        required: true
  mode:
    description:
      - V(additive) adds or updates the listed skills; V(authoritative) also removes the user's other skills.
    type: str
    choices: [additive, authoritative]
    default: additive
  languages:
    description: The user's routing languages (see M(cxops.genesys.genesys_language)).
    type: list
    elements: dict
    suboptions:
      name:
        description: Name of the language.
        type: str
        required: true
      proficiency:
        description: Proficiency, 0 to 5.
        type: float
        required: true
  languages_mode:
    description:
      - V(additive) adds or updates the listed languages; V(authoritative) also removes the user's other languages.
    type: str
    choices: [additive, authoritative]
    default: additive
  items:
    description:
      - Users to manage in one call, each with C(user), C(skills), C(mode), C(languages) and C(languages_mode) as
        above.
    type: list
    elements: dict
  max_deletions:
    description:
      - The most skill and language assignments this call may remove (in V(authoritative) mode); more fail the call
        before anything is written.
    type: int
    default: 0
  planned:
    description:
      - In check mode, names of skills and languages that earlier tasks of the same run would create (keys V(skill)
        and V(language)); a reference to one of them is predicted instead of refused. Ignored outside check mode.
    type: dict
extends_documentation_fragment:
  - cxops.genesys.genesys
  - cxops.genesys.genesys.ATTRIBUTES
"""

EXAMPLES = r"""
- name: Give two agents their skills
  cxops.genesys.genesys_user_skills:
    items:
      - user: alice@example.com
        skills:
          - {name: Billing, proficiency: 4}
        languages:
          - {name: English, proficiency: 5}
          - {name: Spanish, proficiency: 3}
      - user: bob@example.com
        mode: authoritative
        skills:
          - {name: Billing, proficiency: 3}
    max_deletions: 10
"""

RETURN = r"""
changed:
  description: Whether any user's skills or languages changed (or would, in check mode).
  returned: always
  type: bool
results:
  description:
    - One entry per user, in the order given, with C(user), C(action) (updated, unchanged or skipped), and its
      skills and languages before and after under C(before.skills), C(after.skills), C(before.languages) and
      C(after.languages) (name to proficiency).
  returned: always
  type: list
  elements: dict
summary:
  description: How many users were updated, unchanged and skipped.
  returned: always
  type: dict
api_requests:
  description: Requests this call sent, token requests, retries and throttled answers.
  returned: always
  type: dict
"""

from ansible_collections.cxops.genesys.plugins.module_utils.agents import AgentSkillsSpec
from ansible_collections.cxops.genesys.plugins.module_utils.module import run_resource_module


def main(module_class=None):
    """`module_class` is set when the action plugin runs this module on the controller."""
    run_resource_module(AgentSkillsSpec(), module_class)


if __name__ == "__main__":
    main()

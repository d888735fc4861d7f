#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, cxops.genesys contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: genesys_language
short_description: Manage Genesys Cloud routing languages
version_added: 0.1.0
description:
  - Create and delete routing languages (language skills), one at a time or as a whole list in one call.
  - Contact centers that route by locale use languages, which agents hold with a proficiency, instead of skills
    named with a locale suffix.
  - The org's languages are listed once per call and compared in memory.
  - A language cannot be renamed or changed; a new name creates a new language, and a name differing only in case
    is the same language. Soft-deleted languages count as absent.
author:
  - cxops.genesys contributors (@cxops)
extends_documentation_fragment:
  - cxops.genesys.genesys
  - cxops.genesys.genesys.RESOURCE
  - cxops.genesys.genesys.ATTRIBUTES
"""

EXAMPLES = r"""
- name: Ensure a language exists
  cxops.genesys.genesys_language:
    name: German

- name: Converge the whole list of languages, deleting up to two that are no longer listed
  cxops.genesys.genesys_language:
    items:
      - name: English
      - name: Spanish
    purge: true
    max_deletions: 2

- name: Delete one language
  cxops.genesys.genesys_language:
    name: Klingon
    state: absent
"""

RETURN = r"""
changed:
  description: Whether any language was created or deleted (or would be, in check mode).
  returned: always
  type: bool
results:
  description: One entry per language that was named or purged.
  returned: always
  type: list
  elements: dict
  contains:
    name:
      description: Name of the language.
      type: str
    action:
      description: What happened (or would happen in check mode).
      type: str
      sample: created
    before:
      description: The language before; null when it did not exist.
      type: dict
    after:
      description: The language after; null when it was deleted. Its id is null for a language check mode would create.
      type: dict
summary:
  description:
    - How many languages were created, deleted and left unchanged.
    - And how many were adopted, when a create was refused because another run had just created the language,
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
from ansible_collections.cxops.genesys.plugins.module_utils.routing import LanguageSpec


def main(module_class=None):
    """`module_class` is set when the action plugin runs this module on the controller."""
    run_resource_module(LanguageSpec(), module_class)


if __name__ == "__main__":
    main()

#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, cxops.genesys contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: genesys_language_info
short_description: Read Genesys Cloud routing languages
version_added: 0.1.0
description:
  - Read one routing language by name, several by names, or all of them, with references by name.
  - Uses one paged listing, whatever the number of names.
author:
  - cxops.genesys contributors (@cxops)
options:
  name:
    description: Name of the one routing language to read.
    type: str
  names:
    description: Names of the routing languages to read. All of them when neither O(name) nor O(names) is set.
    type: list
    elements: str
extends_documentation_fragment:
  - cxops.genesys.genesys
  - cxops.genesys.genesys.INFO_ATTRIBUTES
"""

EXAMPLES = r"""
- name: Read every routing language
  cxops.genesys.genesys_language_info:
  register: all_languages

- name: Read two routing languages
  cxops.genesys.genesys_language_info:
    names: [English, Spanish]
"""

RETURN = r"""
objects:
  description: The routing languages found, in the same shape as the options of M(cxops.genesys.genesys_language).
  returned: always
  type: list
  elements: dict
  sample: [{id: 5c1e..., name: English}]
api_requests:
  description: Requests this call sent, token requests, retries and throttled answers.
  returned: always
  type: dict
"""

from ansible_collections.cxops.genesys.plugins.module_utils.module import run_info_module
from ansible_collections.cxops.genesys.plugins.module_utils.routing import LanguageSpec


def main(module_class=None):
    """`module_class` is set when the action plugin runs this module on the controller."""
    run_info_module(LanguageSpec(), module_class)


if __name__ == "__main__":
    main()

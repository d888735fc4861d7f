#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, cxops.genesys contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: genesys_routing_utilization
short_description: Manage the Genesys Cloud org's routing utilization
version_added: 0.2.0
description:
  - Set how many conversations of each media type an agent handles at once, which media types may interrupt them,
    and whether non-ACD conversations count, for the whole org.
  - The utilization is one document per org that the API replaces whole (PUT), so the module reads it, merges the
    settings the task sets, and sends the rest back unchanged (GET-merge-PUT). Media types, settings and label
    utilizations the task does not set survive.
  - Check mode reads only; the diff shows the settings that would change.
author:
  - cxops.genesys contributors (@cxops)
options:
  utilization:
    description:
      - Settings by media type, V(call), V(callback), V(chat), V(email) or V(message).
      - Each takes C(maximum_capacity) (0 to 25, the conversations of that type an agent handles at once),
        C(interruptable_media_types) (the media types that may interrupt it, compared as a set) and
        C(include_non_acd) (whether non-ACD conversations count against the capacity).
    type: dict
extends_documentation_fragment:
  - cxops.genesys.genesys
  - cxops.genesys.genesys.ATTRIBUTES
"""

EXAMPLES = r"""
- name: One call at a time, interrupted by callbacks; three emails at a time
  cxops.genesys.genesys_routing_utilization:
    utilization:
      call:
        maximum_capacity: 1
        interruptable_media_types: [callback]
      email:
        maximum_capacity: 3
        include_non_acd: false
"""

RETURN = r"""
changed:
  description: Whether the utilization changed (or would, in check mode).
  returned: always
  type: bool
results:
  description: One entry, the org's utilization before and after.
  returned: always
  type: list
  elements: dict
summary:
  description: Whether the utilization was updated or left unchanged.
  returned: always
  type: dict
  sample: {created: 0, updated: 1, deleted: 0, unchanged: 0}
api_requests:
  description: Requests this call sent, token requests, retries and throttled answers.
  returned: always
  type: dict
"""

from ansible_collections.cxops.genesys.plugins.module_utils.module import run_resource_module
from ansible_collections.cxops.genesys.plugins.module_utils.routing import UtilizationSpec


def main(module_class=None):
    """`module_class` is set when the action plugin runs this module on the controller."""
    run_resource_module(UtilizationSpec(), module_class)


if __name__ == "__main__":
    main()

#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, cxops.genesys contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: genesys_preflight
short_description: Check a Genesys Cloud org before changing it
version_added: 0.1.0
description:
  - Run before any write, once per org. Fails, naming the org, the object and the rule, when
  - the credentials reach another org than the one expected (O(expected_org_id) or O(expected_org_name)), so a
    manifest for one region can never be applied to another org by mistake;
  - a desired name does not match the naming policy (O(naming));
  - the projected number of objects after the run would exceed the org's limit (skills, wrap-up codes, queues,
    workbins, worktypes). It reads a count per type, and lists a type in full only when the new names could cross
    the limit.
  - Reads only; changes nothing.
author:
  - cxops.genesys contributors (@cxops)
options:
  expected_org_id:
    description: Id of the org the credentials must reach.
    type: str
  expected_org_name:
    description: Name of the org the credentials must reach.
    type: str
  naming:
    description:
      - Regular expressions by kind (V(skill), V(wrapup_code), V(queue), V(workbin), V(worktype)) that every desired
        name of that kind must match (searched, so anchor with V(^) and V($) for a whole-name rule).
    type: dict
  desired:
    description: Desired names by kind, as above.
    type: dict
  check_limits:
    description: Whether to check the projected counts against the org's limits.
    type: bool
    default: true
  label:
    description: How failures name the org, usually the inventory host.
    type: str
    default: this org
  desired_state:
    description:
      - The org's whole desired state, by kind (V(language), V(skill), V(skill_group), V(wrapup_code), V(queue),
        V(agent), V(utilization), V(workbin), V(worktype)), each a list of items as the module of that kind takes
        them (the roles' variables); V(utilization) is a list of one item holding C(utilization).
      - Every kind is planned in check mode, in the order C(site.yml) converges them, each seeing what the kinds before
        it would create, with the planner the apply runs. The run is refused before any write when an item is
        invalid, a reference does not resolve, a deletion exceeds O(max_deletions), or an object that the run deletes
        is still referenced by another item of any kind.
      - Associations (queue members, statuses) are checked but not read, so the check costs one listing per kind.
    type: dict
  purge:
    description: By kind, as in O(desired_state), whether the run purges the objects its items do not name.
    type: dict
    default: {}
  max_deletions:
    description: The most objects the run may delete per kind, as the converging modules are given it.
    type: int
    default: 0
extends_documentation_fragment:
  - cxops.genesys.genesys
  - cxops.genesys.genesys.INFO_ATTRIBUTES
"""

EXAMPLES = r"""
- name: Refuse to touch the wrong org, bad names, or more queues than allowed
  cxops.genesys.genesys_preflight:
    expected_org_id: 8a1c0d2e-0000-4000-8000-000000000002
    label: "{{ inventory_hostname }}"
    naming:
      queue: " (EN|DE|FR)$"
    desired:
      queue: "{{ genesys_queues | map(attribute='name') }}"
"""

RETURN = r"""
org:
  description: The org the credentials reach.
  returned: always
  type: dict
projected:
  description: The number of objects of each kind after the run.
  returned: always
  type: dict
failures:
  description: What the preflight refused; empty when it passed.
  returned: always
  type: list
  elements: str
api_requests:
  description: Requests this call sent, token requests, retries and throttled answers.
  returned: always
  type: dict
"""

from ansible_collections.cxops.genesys.plugins.module_utils.module import normalize_items, run_reader_module
from ansible_collections.cxops.genesys.plugins.module_utils.preflight import ARGUMENTS, preflight


def main(module_class=None):
    """`module_class` is set when the action plugin runs this module on the controller."""
    run_reader_module(ARGUMENTS, lambda call, params: preflight(call, params, normalize_items), module_class)


if __name__ == "__main__":
    main()

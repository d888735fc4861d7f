#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, cxops.genesys contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: genesys_export
short_description: Export a Genesys Cloud org's configuration as the roles' variables
version_added: 0.1.0
description:
  - Reads the org's routing languages, skills, wrap-up codes, queues (with their direct members and wrap-up codes),
    agents' skills and languages, workbins and worktypes (with their statuses), and returns them in exactly the
    variable format of the roles (C(genesys_languages), C(genesys_skills), C(genesys_wrapup_codes), C(genesys_queues),
    C(genesys_agents), C(genesys_workbins), C(genesys_worktypes)), with references by name.
  - Running C(playbooks/site.yml) in check mode on the export, against the same org, reports no change.
  - C(playbooks/export.yml) writes it to C(host_vars/<org>/) of the inventory, from RV(yaml).
  - Strings come from the org, where anyone with admin rights may write C({{ ... }}) into a name or a description.
    RV(yaml) tags every string that holds a C({) with C(!unsafe), so Ansible never renders it when it reads the
    export back as variables, and it round-trips unchanged. Write RV(yaml), not RV(variables) through a filter such
    as C(to_nice_yaml), which drops the tag.
author:
  - cxops.genesys contributors (@cxops)
extends_documentation_fragment:
  - cxops.genesys.genesys
  - cxops.genesys.genesys.INFO_ATTRIBUTES
"""

EXAMPLES = r"""
- name: Export the org
  cxops.genesys.genesys_export:
  register: export

- name: Write it as host variables
  ansible.builtin.copy:
    content: "{{ export.variables | to_nice_yaml(indent=2) }}"
    dest: "host_vars/{{ inventory_hostname }}/exported.yml"
    mode: "0644"
"""

RETURN = r"""
variables:
  description: The org's configuration, as the roles' variables.
  returned: always
  type: dict
yaml:
  description:
    - The same variables as a YAML variables file, strings that hold C({) tagged C(!unsafe).
  returned: always
  type: str
api_requests:
  description: Requests this call sent, token requests, retries and throttled answers.
  returned: always
  type: dict
"""

from ansible_collections.cxops.genesys.plugins.module_utils.export import export, to_yaml
from ansible_collections.cxops.genesys.plugins.module_utils.module import run_reader_module


def read(call, params):
    variables = export(call.client)
    return dict(variables=variables, yaml=to_yaml(variables))


def main(module_class=None):
    """`module_class` is set when the action plugin runs this module on the controller."""
    run_reader_module({}, read, module_class)


if __name__ == "__main__":
    main()

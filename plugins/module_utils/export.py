# -*- coding: utf-8 -*-
# Copyright: (c) 2026, cxops.genesys contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
"""An org's configuration in exactly the roles' variable format, references by name, so that
site.yml run on the export changes nothing."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible.module_utils.common.yaml import SafeDumper, yaml_dump

from ansible_collections.cxops.genesys.plugins.module_utils.agents import AgentSkillsSpec
from ansible_collections.cxops.genesys.plugins.module_utils.engine import Engine
from ansible_collections.cxops.genesys.plugins.module_utils.references import References
from ansible_collections.cxops.genesys.plugins.module_utils.routing import (
    LanguageSpec, QueueSpec, SkillGroupSpec, SkillSpec, UtilizationSpec, WrapupCodeSpec)
from ansible_collections.cxops.genesys.plugins.module_utils.taskmanagement import WorkbinSpec, WorktypeSpec

VARIABLES = (("genesys_languages", LanguageSpec()), ("genesys_skills", SkillSpec()),
             ("genesys_skill_groups", SkillGroupSpec()), ("genesys_wrapup_codes", WrapupCodeSpec()),
             ("genesys_queues", QueueSpec()), ("genesys_workbins", WorkbinSpec()), ("genesys_worktypes", WorktypeSpec()))


def export(client):
    refs = References(client)
    out = {}
    for variable, spec in VARIABLES:
        items = []
        for item in Engine(client, spec, references=refs).read(include=spec.associations):
            item.pop("id")
            for option in spec.associations:
                item[option] = [_drop_ids(v) for v in item[option]]
            items.append(_prune(item))
        out[variable] = sorted(items, key=lambda i: i["name"])
    utilization = Engine(client, UtilizationSpec(), references=refs).read()[0]
    out["genesys_routing_utilization"] = _prune(utilization["utilization"])
    out["genesys_agents"] = []
    for user in sorted(AgentSkillsSpec().list(client), key=lambda u: u.get("email") or ""):
        if user.get("state") != "active":
            continue
        agent = {"user": user["email"]}
        for option, association in AgentSkillsSpec.associations.items():
            held = association.read(client, refs, user)
            if held:
                agent[option] = [{"name": n, "proficiency": p} for n, p in sorted(held.items())]
        if len(agent) > 1:
            out["genesys_agents"].append(agent)
    return out


def _represent_str(dumper, value):
    if "{" in value:
        return dumper.represent_scalar("!unsafe", value, style="'")
    return dumper.represent_str(value)


def to_yaml(variables):
    """The export as a variables file. Every string that Ansible could take for a template (it holds
    `{`) gets the `!unsafe` tag: a name or description that an org admin wrote is data, never rendered
    when the export is read back as variables, and it round-trips unchanged."""
    dumper = type("UnsafeDumper", (SafeDumper,), {})
    dumper.add_representer(str, _represent_str)
    text = yaml_dump(variables, Dumper=dumper, default_flow_style=False, sort_keys=True, allow_unicode=True,
                     indent=2, width=120)
    return "---\n" + text


def _drop_ids(value):
    return dict((k, v) for k, v in value.items() if k != "id") if isinstance(value, dict) else value


def _prune(value):
    """Leave out what is unset, so the export reads like hand-written desired state."""
    if isinstance(value, dict):
        pruned = dict((k, _prune(v)) for k, v in value.items())
        return dict((k, v) for k, v in pruned.items() if v not in (None, {}, []) and not (k == "default" and v is False))
    if isinstance(value, list):
        return [_prune(v) for v in value]
    return value

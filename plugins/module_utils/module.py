# -*- coding: utf-8 -*-
# Copyright: (c) 2026, cxops.genesys contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The Ansible side: connection options, generated argument specs, and the one place where
errors become fail_json."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

from ansible.module_utils.basic import AnsibleModule, env_fallback, missing_required_lib
from ansible.module_utils.common.arg_spec import ArgumentSpecValidator

from ansible_collections.cxops.genesys.plugins.module_utils.client import (
    HAS_REQUESTS, REQUESTS_IMPORT_ERROR, GenesysClient)
from ansible_collections.cxops.genesys.plugins.module_utils.engine import Engine, References
from ansible_collections.cxops.genesys.plugins.module_utils.errors import GenesysError

CONNECTION_ARGS = dict(
    region=dict(type="str", fallback=(env_fallback, ["GENESYSCLOUD_REGION"])),
    api_url=dict(type="str", fallback=(env_fallback, ["GENESYSCLOUD_API_URL"])),
    client_id=dict(type="str", fallback=(env_fallback, ["GENESYSCLOUD_OAUTHCLIENT_ID"])),
    client_secret=dict(type="str", no_log=True, fallback=(env_fallback, ["GENESYSCLOUD_OAUTHCLIENT_SECRET"])),
    access_token=dict(type="str", no_log=True, fallback=(env_fallback, ["GENESYSCLOUD_ACCESS_TOKEN"])),
    validate_certs=dict(type="bool", default=True),
    allow_http=dict(type="bool", default=False),
    timeout=dict(type="int", default=30),
)


def item_argument_spec(spec):
    """The options of one object in `items`: name, state and the resource's options."""
    item = dict(name=dict(type="str", required=True),
                state=dict(type="str", choices=["present", "absent"], default="present"))
    item.update(spec.argument_spec())
    return item


def validate_items(items, item_spec):
    """Check each item as if it were a module call of its own. Returns the items with their
    defaults, and the errors of each bad item by index."""
    validator = ArgumentSpecValidator(item_spec)
    valid, errors = [], {}
    for index, item in enumerate(items):
        result = validator.validate(item)
        valid.append(dict(item, **result.validated_parameters))
        if result.error_messages:
            errors[index] = list(result.error_messages)
    return valid, errors


def fail_on_item_errors(module, items, errors, key="name"):
    """Fail before anything is written, naming each bad item."""
    if errors:
        module.fail_json(msg="Invalid items, nothing was changed: " + "; ".join(
            "items[{0}] ({1}): {2}".format(index, items[index].get(key), e)
            for index in sorted(errors) for e in errors[index]))


def report(module, client, result):
    """Exit with the result: requests made, warnings as warnings, the diff only in diff mode."""
    result["api_requests"] = client.stats
    for warning in result.pop("warnings", []):
        module.warn(warning)
    if not module._diff:
        result.pop("diff", None)
    return result


def resource_argument_spec(spec):
    """Single-object options, plus `items` holding the same options for many objects at once."""
    fields = spec.argument_spec()
    args = dict(CONNECTION_ARGS)
    args.update(fields)
    args.update(
        name=dict(type="str"),
        state=dict(type="str", choices=["present", "absent"], default="present"),
        items=dict(type="list", elements="dict"),
        purge=dict(type="bool", default=False),
        max_deletions=dict(type="int", default=0),
        planned=dict(type="dict"),
    )
    return args


def new_module(module_class, **options):
    """AnsibleModule in a module process; the action plugin's controller-side stand-in otherwise."""
    return (module_class or AnsibleModule)(**options)


class Session:
    """One org's client, with the references and listings read through it. A module process has one
    per call; run on the controller (the action plugins), the items of a loop share one, so each item
    costs no token request and no listing of its own."""

    def __init__(self, client):
        self.client = client
        self.references = References(client)
        self.listings = {}


_SESSIONS = {}  # connection options -> Session, within one controller worker process


def session(module):
    """The call's session: new, or the loop's shared one, with fresh counters. In check mode its
    references accept the objects that earlier tasks of the run would create (`planned`)."""
    if not HAS_REQUESTS:
        module.fail_json(msg=missing_required_lib("requests"), exception=str(REQUESTS_IMPORT_ERROR))
    p = module.params
    key = tuple(p[k] for k in sorted(CONNECTION_ARGS))
    shared = getattr(module, "shares_sessions", False)
    current = _SESSIONS.get(key) if shared else None
    if current is None:
        current = Session(GenesysClient(
            region=p["region"], api_url=p["api_url"], client_id=p["client_id"], client_secret=p["client_secret"],
            access_token=p["access_token"], validate_certs=p["validate_certs"], timeout=p["timeout"],
            allow_http=p["allow_http"]))
        if shared:
            _SESSIONS[key] = current
    current.client.stats = dict.fromkeys(current.client.stats, 0)
    current.references.set_planned(p.get("planned") if module.check_mode else None)
    return current


def run_resource_module(spec, module_class=None):
    """The whole of a resource module: parse options, converge, report."""
    module = new_module(module_class, argument_spec=resource_argument_spec(spec), supports_check_mode=True,
                        mutually_exclusive=[("name", "items")],
                        required_one_of=[("name", "items")])
    p = module.params
    if p["purge"] and p["items"] is None:
        module.fail_json(msg="purge needs items: it deletes the {0}s that the list does not name".format(spec.kind))
    if p["items"] is not None:
        items, errors = validate_items(p["items"], item_argument_spec(spec))
        fail_on_item_errors(module, items, errors)
    else:
        items = [dict((k, p[k]) for k in ["name", "state"] + list(spec.argument_spec()))]
    try:
        call = session(module)
        client = call.client
        result = Engine(client, spec, check_mode=module.check_mode, references=call.references,
                        listings=call.listings).ensure(items, purge=p["purge"], max_deletions=p["max_deletions"],
                                                       single=p["items"] is None)
    except GenesysError as exc:
        module.fail_json(**exc.to_fail_json())
    module.exit_json(**report(module, client, result))


def run_info_module(spec, module_class=None):
    """An _info module: one object by name, several by names, or all of them."""
    args = dict(CONNECTION_ARGS)
    args.update(name=dict(type="str"), names=dict(type="list", elements="str"))
    module = new_module(module_class, argument_spec=args, supports_check_mode=True,
                        mutually_exclusive=[("name", "names")])
    p = module.params
    names = [p["name"]] if p["name"] else p["names"]
    try:
        call = session(module)
        client = call.client
        objects = Engine(client, spec, references=call.references).read(names)
    except GenesysError as exc:
        module.fail_json(**exc.to_fail_json())
    module.exit_json(changed=False, objects=objects, api_requests=client.stats)


def run_task_module(module_class=None):
    """genesys_task: many work items in one call, each with its own outcome."""
    from ansible_collections.cxops.genesys.plugins.module_utils.tasks import TaskEngine, TaskSpec

    spec = TaskSpec()
    item_spec = spec.argument_spec()
    args = dict(CONNECTION_ARGS)
    args.update(dict((k, dict(v, required=False)) for k, v in item_spec.items()))
    args.update(items=dict(type="list", elements="dict"), fail_fast=dict(type="bool", default=False))
    module = new_module(module_class, argument_spec=args, supports_check_mode=True,
                        mutually_exclusive=[("items", "worktype"), ("items", "external_tag")],
                        required_one_of=[("items", "external_tag")], required_by={"external_tag": "worktype"})
    p = module.params
    invalid = {}
    if p["items"] is None:
        items = [dict((k, p[k]) for k in item_spec)]
    else:  # a bad item is reported as invalid, and does not stop the others
        items, invalid = validate_items(p["items"], item_spec)
        for item in items:
            item.setdefault("state", "present")
    try:
        call = session(module)
        client = call.client
        result = TaskEngine(client, check_mode=module.check_mode, references=call.references).run(
            items, fail_fast=p["fail_fast"], invalid=invalid)
    except GenesysError as exc:
        module.fail_json(**exc.to_fail_json())
    result["warnings"] = ["task {0}: {1}".format(entry["external_tag"], warning)
                          for entry in result["results"] for warning in entry.pop("warnings", [])]
    result = report(module, client, result)
    bad = [r for r in result["results"] if r["outcome"] in ("invalid", "failed")]
    if bad:
        details = "; ".join("items[{0}] ({1}): {2}".format(r["index"], r["external_tag"], ", ".join(
            str(x) for x in r["problems"])) for r in bad[:20])
        module.fail_json(msg="{0} of {1} tasks were invalid or failed: {2}".format(len(bad), len(items), details),
                         **result)
    module.exit_json(**result)


def run_task_info_module(module_class=None):
    """genesys_task_info: work items found with the query API (it needs an EQ on a worktype, workbin,
    queue or assignee, and takes at most three filters)."""
    from ansible_collections.cxops.genesys.plugins.module_utils.tasks import TaskEngine

    args = dict(CONNECTION_ARGS)
    args.update(worktype=dict(type="str"), workbin=dict(type="str"), queue=dict(type="str"),
                assignee=dict(type="str"), status_category=dict(type="str", choices=["Open", "InProgress", "Waiting",
                                                                                     "Closed"]),
                external_tag=dict(type="str"), created_after=dict(type="str"), created_before=dict(type="str"))
    module = new_module(module_class, argument_spec=args, supports_check_mode=True,
                        required_one_of=[("worktype", "workbin", "queue", "assignee")])
    p = module.params
    try:
        call = session(module)
        client = call.client
        tasks = TaskEngine(client, references=call.references)
        filters = []
        for option, kind, attribute in (("worktype", "worktype", "typeId"), ("workbin", "workbin", "workbinId"),
                                        ("queue", "queue", "queueId"), ("assignee", "user", "assigneeId")):
            if p[option]:
                ref_id = tasks.refs.id_of(kind, p[option])
                if ref_id is None:
                    module.fail_json(msg="{0} {1!r} does not exist".format(option, p[option]))
                filters.append(("EQ", attribute, ref_id))
        for option, operator, attribute in (("status_category", "EQ", "statusCategory"),
                                            ("external_tag", "EQ", "externalTag"),
                                            ("created_after", "GT", "dateCreated"),
                                            ("created_before", "LT", "dateCreated")):
            if p[option]:
                filters.append((operator, attribute, p[option]))
        if len(filters) > 3:
            module.fail_json(msg="The work item query takes at most 3 filters; {0} were given ({1})".format(
                len(filters), ", ".join(f[1] for f in filters)))
        found = client.query_cursor("/api/v2/taskmanagement/workitems/query", {"filters": [
            {"name": attribute, "type": "String", "operator": operator, "values": [value]}
            for operator, attribute, value in filters]})
        objects = [dict(tasks.view(item), id=item["id"]) for item in found]
    except GenesysError as exc:
        module.fail_json(**exc.to_fail_json())
    module.exit_json(changed=False, objects=objects, api_requests=client.stats)


USER_SKILLS_ITEM = dict(
    user=dict(type="str", required=True),
    skills=dict(type="list", elements="dict", required=True, options=dict(
        name=dict(type="str", required=True), proficiency=dict(type="float", required=True))),
    mode=dict(type="str", choices=["additive", "authoritative"], default="additive"),
)


def run_user_skills_module(module_class=None):
    """genesys_user_skills: agents' routing skills, one user or many in one call."""
    from ansible_collections.cxops.genesys.plugins.module_utils.agents import AgentSkills

    args = dict(CONNECTION_ARGS)
    args.update(dict((k, dict(v, required=False)) for k, v in USER_SKILLS_ITEM.items()))
    args.update(items=dict(type="list", elements="dict"), max_deletions=dict(type="int", default=0),
                planned=dict(type="dict"))
    module = new_module(module_class, argument_spec=args, supports_check_mode=True,
                        mutually_exclusive=[("items", "user")],
                        required_one_of=[("items", "user")], required_by={"user": "skills"})
    p = module.params
    if p["items"] is None:
        items = [dict(user=p["user"], skills=p["skills"], mode=p["mode"])]
    else:
        items, errors = validate_items(p["items"], USER_SKILLS_ITEM)
        fail_on_item_errors(module, items, errors, key="user")
    try:
        call = session(module)
        client = call.client
        result = AgentSkills(client, check_mode=module.check_mode, references=call.references,
                             listings=call.listings).run(items, max_deletions=p["max_deletions"])
    except GenesysError as exc:
        module.fail_json(**exc.to_fail_json())
    module.exit_json(**report(module, client, result))


def run_preflight_module(module_class=None):
    """genesys_preflight: refuse a run before any write when the org, a name or a limit is wrong."""
    from ansible_collections.cxops.genesys.plugins.module_utils.preflight import KINDS, Preflight

    args = dict(CONNECTION_ARGS)
    args.update(expected_org_id=dict(type="str"), expected_org_name=dict(type="str"), naming=dict(type="dict"),
                desired=dict(type="dict"), check_limits=dict(type="bool", default=True),
                label=dict(type="str", default="this org"))
    module = new_module(module_class, argument_spec=args, supports_check_mode=True)
    p = module.params
    unknown = sorted((set(p["naming"] or {}) | set(p["desired"] or {})) - set(KINDS))
    if unknown:
        module.fail_json(msg="Unknown kinds {0}; allowed: {1}".format(", ".join(unknown), ", ".join(sorted(KINDS))))
    try:
        client = session(module).client
        result = Preflight(client, p["label"]).run(p["expected_org_id"], p["expected_org_name"], p["naming"],
                                                   p["desired"], p["check_limits"])
    except (GenesysError, re.error) as exc:
        module.fail_json(msg=str(exc))
    result["api_requests"] = client.stats
    if result["failures"]:
        module.fail_json(msg="Preflight refused the run, nothing was changed: " + "; ".join(result["failures"]),
                         **result)
    module.exit_json(changed=False, **result)


def run_export_module(module_class=None):
    """genesys_export: the org's configuration in the roles' variable format."""
    from ansible_collections.cxops.genesys.plugins.module_utils.export import export

    module = new_module(module_class, argument_spec=dict(CONNECTION_ARGS), supports_check_mode=True)
    try:
        client = session(module).client
        variables = export(client)
    except GenesysError as exc:
        module.fail_json(**exc.to_fail_json())
    module.exit_json(changed=False, variables=variables, api_requests=client.stats)

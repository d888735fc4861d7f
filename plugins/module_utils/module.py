# -*- coding: utf-8 -*-
# Copyright: (c) 2026, cxops.genesys contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The Ansible side, and nothing else: connection options, argument specs built from the resource
specs, the session a loop shares, and the one place where results and errors become exit_json
and fail_json. What a resource is and does lives beside it (routing.py, tasks.py, agents.py...)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import os

from ansible.module_utils.basic import AnsibleModule, env_fallback, missing_required_lib
from ansible.module_utils.common.arg_spec import ArgumentSpecValidator
from ansible.module_utils.errors import UnsupportedError

from ansible_collections.cxops.genesys.plugins.module_utils.client import (
    HAS_REQUESTS, REQUESTS_IMPORT_ERROR, TOKEN_POOL_SIZE, GenesysClient, default_cache_dir)
from ansible_collections.cxops.genesys.plugins.module_utils.engine import Engine
from ansible_collections.cxops.genesys.plugins.module_utils.errors import GenesysError
from ansible_collections.cxops.genesys.plugins.module_utils.journal import RunJournal, run_id
from ansible_collections.cxops.genesys.plugins.module_utils.references import References

CONNECTION_ARGS = dict(
    region=dict(type="str", fallback=(env_fallback, ["GENESYSCLOUD_REGION"])),
    api_url=dict(type="str", fallback=(env_fallback, ["GENESYSCLOUD_API_URL"])),
    client_id=dict(type="str", fallback=(env_fallback, ["GENESYSCLOUD_OAUTHCLIENT_ID"])),
    client_secret=dict(type="str", no_log=True, fallback=(env_fallback, ["GENESYSCLOUD_OAUTHCLIENT_SECRET"])),
    access_token=dict(type="str", no_log=True, fallback=(env_fallback, ["GENESYSCLOUD_ACCESS_TOKEN"])),
    validate_certs=dict(type="bool", default=True),
    allow_http=dict(type="bool", default=False),
    timeout=dict(type="int", default=30),
    token_pool_size=dict(type="int", default=TOKEN_POOL_SIZE, no_log=False,  # a count, not a secret
                         fallback=(env_fallback, ["GENESYSCLOUD_TOKEN_POOL_SIZE"])),
)
# Options of a whole call (not of one item), by name; a spec lists the ones it takes in `call_options`.
CALL_ARGS = dict(
    purge=dict(type="bool", default=False),
    max_deletions=dict(type="int", default=0),
    planned=dict(type="dict"),
    fail_fast=dict(type="bool", default=False),
)
ITEM_ARGS = dict(name=dict(type="str", required=True),
                 state=dict(type="str", choices=["present", "absent"], default="present"))


def item_argument_spec(spec):
    """The options of one object in `items`: its identity and state (unless the spec declares
    them itself) and the resource's options."""
    item = dict(ITEM_ARGS) if spec.key_option == "name" else {}
    item.update(spec.argument_spec())
    return item


def resource_argument_spec(spec):
    """Single-object options (none required), plus `items` holding the same options for many
    objects at once, plus the call options the spec takes; and the constraints between them."""
    args = dict(CONNECTION_ARGS)
    if spec.singleton:  # one document per org: its options, and nothing that names or lists objects
        args.update(spec.argument_spec())
        return args, {}
    item = item_argument_spec(spec)
    args.update((k, dict(v, required=False)) for k, v in item.items())
    args.update(items=dict(type="list", elements="dict"))
    args.update((k, CALL_ARGS[k]) for k in spec.call_options)
    needed = sorted(k for k, v in item.items() if v.get("required") and k != spec.key_option)
    constraints = dict(mutually_exclusive=[("items", spec.key_option)] + [("items", k) for k in needed],
                       required_one_of=[("items", spec.key_option)])
    if needed:
        constraints["required_by"] = {spec.key_option: needed}
    return args, constraints


def validate_items(items, item_spec):
    """Check each item as if it were a module call of its own. Returns the items with their
    defaults, and the errors of each bad item by index."""
    validator = ArgumentSpecValidator(item_spec)
    valid, errors = [], {}
    for index, item in enumerate(items):
        result = validator.validate(item)
        valid.append(dict(item, **result.validated_parameters))
        if result.error_messages:
            errors[index] = [("Unsupported parameters: " if isinstance(e, UnsupportedError) else "") + e.msg
                             for e in result.errors.errors]
    return valid, errors


def normalize_items(spec, items):
    """Items of a spec with their option checks and defaults, and the problems of each bad one by index."""
    return validate_items(items, item_argument_spec(spec))


def new_module(module_class, **options):
    """AnsibleModule in a module process; the action plugin's controller-side stand-in otherwise."""
    return (module_class or AnsibleModule)(**options)


class Session:
    """One org's client, with the references and listings read through it. A module process has one
    per call; run on the controller (the action plugin), the items of a loop share one, so each item
    costs no token request and no listing of its own; and the run's journal of its own writes corrects
    every listing of the run's later tasks."""

    def __init__(self, client, journal=None):
        self.client = client
        self.journal = journal
        self.references = References(client, journal=journal)
        self.listings = {}


_SESSIONS = {}  # connection options -> Session, within one controller worker process


def session(module):
    """The call's session: new, or the loop's shared one, with fresh counters. In check mode (only)
    its references accept the objects that earlier tasks of the run would create (`planned`)."""
    if not HAS_REQUESTS:
        module.fail_json(msg=missing_required_lib("requests"), exception=str(REQUESTS_IMPORT_ERROR))
    p = module.params
    key = tuple(p[k] for k in sorted(CONNECTION_ARGS))
    shared = getattr(module, "shares_sessions", False)
    current = _SESSIONS.get(key) if shared else None
    if current is None:
        try:
            client = GenesysClient(
                region=p["region"], api_url=p["api_url"], client_id=p["client_id"],
                client_secret=p["client_secret"], access_token=p["access_token"], validate_certs=p["validate_certs"],
                timeout=p["timeout"], allow_http=p["allow_http"], token_pool_size=p["token_pool_size"])
        except GenesysError as exc:
            module.fail_json(**exc.to_fail_json())
        journal = None
        if shared:  # on the controller, where the worker's parent is the run
            runs = os.path.join(os.path.dirname(default_cache_dir()), "runs")
            journal = RunJournal(runs, client.base_url, p["client_id"] or "token", run_id())
        current = Session(client, journal)
        if shared:
            _SESSIONS[key] = current
    current.client.stats = dict.fromkeys(current.client.stats, 0)
    current.references.set_planned(p.get("planned") if module.check_mode else None)
    return current


def report(module, client, result):
    """The result as Ansible shows it: requests made, warnings as warnings, the diff only in diff mode."""
    result["api_requests"] = client.stats
    for warning in result.pop("warnings", []):
        module.warn(warning)
    if not module._diff:
        result.pop("diff", None)
    return result


def run_resource_module(spec, module_class=None):
    """The whole of a converging module: parse options, converge through the pipeline, report."""
    args, constraints = resource_argument_spec(spec)
    module = new_module(module_class, argument_spec=args, supports_check_mode=True, **constraints)
    p = module.params
    if p.get("purge") and p.get("items") is None:
        module.fail_json(msg="purge needs items: it deletes the {0}s that the list does not name".format(spec.kind))
    item_spec = item_argument_spec(spec)
    invalid = {}
    if spec.singleton:
        items = [dict(((k, p[k]) for k in spec.argument_spec()), name=spec.singleton)]
    elif p["items"] is None:
        items = [dict((k, p[k]) for k in item_spec)]
    else:
        items, invalid = validate_items(p["items"], item_spec)
        if invalid and not spec.independent:
            module.fail_json(msg="Invalid items, nothing was changed: " + "; ".join(
                "items[{0}] ({1}): {2}".format(index, items[index].get(spec.key_option), e)
                for index in sorted(invalid) for e in invalid[index]))
    call = session(module)
    engine = Engine(call.client, spec, check_mode=module.check_mode, references=call.references,
                    listings=call.listings, journal=call.journal)
    engine.progress = getattr(module, "progress", None)  # on the controller: shown as the call goes
    try:
        result = engine.ensure(
            items, purge=p.get("purge", False), max_deletions=p.get("max_deletions", 0),
            single=p.get("items") is None or spec.independent, fail_fast=p.get("fail_fast", False), invalid=invalid)
    except GenesysError as exc:
        partial = report(module, call.client, exc.result) if getattr(exc, "result", None) else {}
        module.fail_json(**dict(partial, **exc.to_fail_json()))
    result = report(module, call.client, result)
    bad = [r for r in result["results"] if r[spec.action_key] in ("invalid", "failed")]
    if bad:
        module.fail_json(msg="{0} of {1} {2}s were invalid or failed: {3}".format(len(bad), len(items), spec.kind, "; ".join(
            "items[{0}] ({1}): {2}".format(r.get("index"), r.get(spec.key_option), ", ".join(r["problems"]))
            for r in bad[:20])), **result)
    module.exit_json(**result)


def run_reader_module(argument_spec, read, module_class=None, **constraints):
    """A module that only reads: `read(session, params)` returns its result."""
    args = dict(CONNECTION_ARGS)
    args.update(argument_spec)
    module = new_module(module_class, argument_spec=args, supports_check_mode=True, **constraints)
    call = session(module)
    try:
        result = read(call, module.params)
    except GenesysError as exc:
        module.fail_json(**exc.to_fail_json())
    result["api_requests"] = call.client.stats
    if result.get("failures"):
        module.fail_json(msg="Preflight refused the run, nothing was changed: " + "; ".join(result["failures"]),
                         **result)
    module.exit_json(changed=False, **result)


def run_info_module(spec, module_class=None):
    """An _info module: one object by name, several by names, or all of them; with the associations
    (a queue's members, its wrap-up codes) named in `include`, for a spec that has some."""
    def read(call, p):
        names = [p["name"]] if p["name"] else p["names"]
        return dict(objects=Engine(call.client, spec, references=call.references).read(names, p.get("include") or ()))

    args = dict(name=dict(type="str"), names=dict(type="list", elements="str"))
    if spec.associations:
        args["include"] = dict(type="list", elements="str", default=[], choices=sorted(spec.associations))
    run_reader_module(args, read, module_class, mutually_exclusive=[("name", "names")])

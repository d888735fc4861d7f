# -*- coding: utf-8 -*-
# Copyright: (c) 2026, cxops.genesys contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The Ansible side: connection options, generated argument specs, and the one place where
errors become fail_json."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible.module_utils.basic import AnsibleModule, env_fallback, missing_required_lib
from ansible.module_utils.common.arg_spec import ArgumentSpecValidator

from ansible_collections.cxops.genesys.plugins.module_utils.client import (
    HAS_REQUESTS, REQUESTS_IMPORT_ERROR, GenesysClient)
from ansible_collections.cxops.genesys.plugins.module_utils.engine import Engine
from ansible_collections.cxops.genesys.plugins.module_utils.errors import GenesysError

CONNECTION_ARGS = dict(
    region=dict(type="str", fallback=(env_fallback, ["GENESYSCLOUD_REGION"])),
    api_url=dict(type="str", fallback=(env_fallback, ["GENESYSCLOUD_API_URL"])),
    client_id=dict(type="str", fallback=(env_fallback, ["GENESYSCLOUD_OAUTHCLIENT_ID"])),
    client_secret=dict(type="str", no_log=True, fallback=(env_fallback, ["GENESYSCLOUD_OAUTHCLIENT_SECRET"])),
    access_token=dict(type="str", no_log=True, fallback=(env_fallback, ["GENESYSCLOUD_ACCESS_TOKEN"])),
    validate_certs=dict(type="bool", default=True),
    timeout=dict(type="int", default=30),
)


def item_argument_spec(spec):
    """The options of one object in `items`: name, state and the resource's options."""
    item = dict(name=dict(type="str", required=True),
                state=dict(type="str", choices=["present", "absent"], default="present"))
    item.update(spec.argument_spec())
    return item


def validate_items(items, spec):
    """Check each item as if it were a module call of its own, naming the item in every error."""
    validator = ArgumentSpecValidator(item_argument_spec(spec))
    valid, errors = [], []
    for index, item in enumerate(items):
        result = validator.validate(item)
        label = "items[{0}] ({1})".format(index, item.get("name", "no name") if isinstance(item, dict) else item)
        errors.extend("{0}: {1}".format(label, e) for e in result.error_messages)
        valid.append(result.validated_parameters)
    return valid, errors


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
    )
    return args


def connect(module):
    if not HAS_REQUESTS:
        module.fail_json(msg=missing_required_lib("requests"), exception=str(REQUESTS_IMPORT_ERROR))
    p = module.params
    return GenesysClient(region=p["region"], api_url=p["api_url"], client_id=p["client_id"],
                         client_secret=p["client_secret"], access_token=p["access_token"],
                         validate_certs=p["validate_certs"], timeout=p["timeout"])


def run_resource_module(spec):
    """The whole of a resource module: parse options, converge, report."""
    module = AnsibleModule(argument_spec=resource_argument_spec(spec), supports_check_mode=True,
                           mutually_exclusive=[("name", "items")], required_one_of=[("name", "items")])
    p = module.params
    if p["purge"] and p["items"] is None:
        module.fail_json(msg="purge needs items: it deletes the {0}s that the list does not name".format(spec.kind))
    if p["items"] is not None:
        items, errors = validate_items(p["items"], spec)
        if errors:
            module.fail_json(msg="Invalid items, nothing was changed: " + "; ".join(errors))
    else:
        items = [dict((k, p[k]) for k in ["name", "state"] + list(spec.argument_spec()))]
    try:
        client = connect(module)
        result = Engine(client, spec, check_mode=module.check_mode).ensure(
            items, purge=p["purge"], max_deletions=p["max_deletions"], single=p["items"] is None)
    except GenesysError as exc:
        module.fail_json(**exc.to_fail_json())
    result["api_requests"] = client.stats
    for warning in result.pop("warnings"):
        module.warn(warning)
    if not module._diff:
        result.pop("diff")
    module.exit_json(**result)


def run_info_module(spec):
    """An _info module: one object by name, several by names, or all of them."""
    args = dict(CONNECTION_ARGS)
    args.update(name=dict(type="str"), names=dict(type="list", elements="str"))
    module = AnsibleModule(argument_spec=args, supports_check_mode=True, mutually_exclusive=[("name", "names")])
    p = module.params
    names = [p["name"]] if p["name"] else p["names"]
    try:
        client = connect(module)
        objects = Engine(client, spec).read(names)
    except GenesysError as exc:
        module.fail_json(**exc.to_fail_json())
    module.exit_json(changed=False, objects=objects, api_requests=client.stats)

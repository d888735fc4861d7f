# -*- coding: utf-8 -*-
# Copyright: (c) 2026, cxops.genesys contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Run the collection's modules inside the controller's worker process instead of a module process.

A module process costs ~200 ms to start for every task and every loop item; here a call costs a
few milliseconds, and the items of a loop (which run in one worker process) share one session:
one token, one listing per type, one set of references. The module code is the same: its `main`
receives `ControllerModule`, which offers the part of AnsibleModule's interface the modules use.
Tasks whose connection is not local (delegated to another host) run as ordinary modules.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import contextlib
import os

from ansible.module_utils.common.arg_spec import ArgumentSpecValidator
from ansible.module_utils.common.parameters import remove_values
from ansible.module_utils.errors import UnsupportedError


class ModuleExit(Exception):
    """exit_json or fail_json was called: carries the result."""

    def __init__(self, result):
        super(ModuleExit, self).__init__(result.get("msg", ""))
        self.result = result


class ControllerModule:
    """AnsibleModule's interface, for a module's `main` run by the action plugin: the same
    argument validation (types, choices, defaults, environment fallbacks, exclusions), and
    `no_log` values removed from every result."""

    shares_sessions = True

    def __init__(self, name, args, check_mode, diff, progress, argument_spec, supports_check_mode=False,
                 **constraints):
        self.check_mode = check_mode
        self.progress = progress
        self._diff = diff
        self._warnings = []
        validated = ArgumentSpecValidator(argument_spec, **constraints).validate(plain(args))
        self._no_log_values = validated._no_log_values
        self.params = validated.validated_parameters
        if validated.error_messages:
            first = validated.errors.errors[0]
            if isinstance(first, UnsupportedError):  # AnsibleModule's wording
                self.fail_json(msg="Unsupported parameters for ({0}) module: {1}".format(name, first.msg))
            self.fail_json(msg="; ".join(validated.error_messages))
        if check_mode and not supports_check_mode:
            self.fail_json(msg="This module does not support check mode")

    def warn(self, warning):
        self._warnings.append(warning)

    def exit_json(self, **result):
        result.setdefault("changed", False)
        if self._warnings:
            result["warnings"] = self._warnings + result.get("warnings", [])
        raise ModuleExit(remove_values(result, self._no_log_values))

    def fail_json(self, msg, **result):
        result.update(failed=True, msg=msg)
        self.exit_json(**result)


def plain(value):
    """The task's arguments as plain Python data. Templated values arrive as tagged subclasses of
    str, int, list and dict, which validation copies a hundred times slower than plain ones (4 s for
    1,000 queues), and which would carry the template engine's trust into results."""
    if isinstance(value, dict):
        return dict((plain(k), plain(v)) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    for kind in (str, int, float):
        if isinstance(value, kind):
            return kind(value)
    return value


@contextlib.contextmanager
def environment(values):
    """The task's `environment:` applies to the options' environment fallbacks, as it would
    in a module process."""
    saved = dict((name, os.environ.get(name)) for name in values)  # only these: a loop pays per item
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value

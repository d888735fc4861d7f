# -*- coding: utf-8 -*-
# Copyright: (c) 2026, cxops.genesys contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The one action plugin of the collection: meta/runtime.yml routes every module to it
(plugin_routing.modules.<name>.action_plugin), and it runs the module's own `main` on the
controller (see plugins/plugin_utils/controller.py). A connection option the task does not set
(neither in its arguments nor through module_defaults) takes the value of the variable
`genesys_<option>`, so the roles, and any play, need no module_defaults of their own."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import functools
import importlib

from ansible.errors import AnsibleActionFail
from ansible.plugins.action import ActionBase
from ansible.utils.display import Display

from ansible_collections.cxops.genesys.plugins.plugin_utils.controller import ControllerModule, ModuleExit, environment

MODULES = {}  # (task action, collections) -> the module's code, within one worker process
CONNECTION_OPTIONS = ("region", "api_url", "client_id", "client_secret", "access_token", "validate_certs",
                      "allow_http", "timeout", "token_pool_size")


class ActionModule(ActionBase):
    """The action plugin of every cxops.genesys module."""

    _supports_check_mode = True
    _supports_async = False

    def run(self, tmp=None, task_vars=None):
        result = super(ActionModule, self).run(tmp, task_vars)
        args = self._with_connection_variables(task_vars or {})
        if self._connection.transport != "local":
            result.update(self._execute_module(module_name=self._task.action, module_args=args, task_vars=task_vars))
            return result
        module = self._module()
        module_class = functools.partial(ControllerModule, self._task.action, args, bool(self._task.check_mode),
                                         bool(self._task.diff), self._progress)
        try:
            with environment(self._task_environment()):
                module.main(module_class)
        except ModuleExit as done:
            result.update(done.result)
            return result
        raise AnsibleActionFail("Module {0} ended without a result".format(self._task.action))

    def _module(self):
        """The module's own code, also when the task used a redirected alias (genesys_wrapup_code);
        found once per action in a worker process, not once per loop item."""
        key = (self._task.action, tuple(self._task.collections or ()))
        if key not in MODULES:
            found = self._shared_loader_obj.module_loader.find_plugin_with_context(
                self._task.action, collection_list=self._task.collections)
            name = (found.resolved_fqcn or self._task.action).rsplit(".", 1)[-1]
            try:
                MODULES[key] = importlib.import_module("ansible_collections.cxops.genesys.plugins.modules." + name)
            except ImportError as exc:
                raise AnsibleActionFail("No cxops.genesys module {0}: {1}".format(name, exc))
        return MODULES[key]

    def _with_connection_variables(self, task_vars):
        args = dict(self._task.args)
        for option in CONNECTION_OPTIONS:
            variable = "genesys_" + option
            if args.get(option) is None and task_vars.get(variable) is not None:
                args[option] = self._templar.template(task_vars[variable])
        return args

    def _progress(self, text):
        """A long call's progress, on stderr (stdout may be a machine-read callback's)."""
        Display().display("[{0}] {1}: {2}".format(self._task.get_name(), self._play_context.remote_addr or "localhost",
                                                  text), stderr=True)

    def _task_environment(self):
        values = {}
        for entry in self._task.environment or []:
            entry = self._templar.template(entry)
            if isinstance(entry, dict):
                values.update((str(k), str(v)) for k, v in entry.items())
        return values

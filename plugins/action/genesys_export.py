# -*- coding: utf-8 -*-
# Copyright: (c) 2026, cxops.genesys contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Runs genesys_export on the controller (see plugins/plugin_utils/controller.py)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cxops.genesys.plugins.plugin_utils.controller import GenesysAction


class ActionModule(GenesysAction):
    pass

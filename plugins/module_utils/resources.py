# -*- coding: utf-8 -*-
# Copyright: (c) 2026, cxops.genesys contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The resource specs: what each resource type is in the API, declared once and shared by its
module, its _info module and any other entry point."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cxops.genesys.plugins.module_utils.engine import Field, ResourceSpec


class SkillSpec(ResourceSpec):
    """Routing skills: created with {name, divisionId}; the only update is a division move
    (PATCH); deletion is soft, so a listed skill with state "deleted" is absent."""

    kind = "skill"
    path = "/api/v2/routing/skills"
    page_size = 500  # the Terraform provider lists skills 500 at a time
    ref_kind = "skill"
    fields = {"division": Field("division", ref="division", ref_shape="id", write="divisionId")}

    def is_absent(self, obj):
        return obj.get("state") == "deleted"

    def update(self, client, current, body):
        return client.request("PATCH", "{0}/{1}".format(self.path, current["id"]), body=body)


class WrapupCodeSpec(ResourceSpec):
    """Wrap-up codes: PUT is a full replace, so updates are GET-merge-PUT."""

    kind = "wrap-up code"
    ref_kind = "wrapup_code"
    path = "/api/v2/routing/wrapupcodes"
    page_size = 100  # the largest size the Terraform provider uses; a larger maximum is unverified
    fields = {
        "description": Field(maxlen=512),
        "division": Field(ref="division"),
    }
    writable = ("name", "description", "division")

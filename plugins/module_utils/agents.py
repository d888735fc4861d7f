# -*- coding: utf-8 -*-
# Copyright: (c) 2026, cxops.genesys contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Agents' routing skills and languages through the one pipeline: a user (by email) is an object
that is never created, and its skills and its languages (by name, with a proficiency) are two
associations, each additive or authoritative, written with the bulk endpoints (at most 50 per request)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cxops.genesys.plugins.module_utils.engine import Association, ResourceSpec, twice

BULK = 50  # assignments per bulk PATCH or PUT, the API's limit


class UserRouting(Association):
    """What a user holds of a kind (skills, languages), by name, with a proficiency from 0 to 5."""

    ref = None       # the referenced kind
    path = None      # under /api/v2/users/{id}/
    replaces = False  # True: a bulk PUT replaces every assignment; otherwise a removal is a DELETE each

    def argument_spec(self):
        held = dict(name=dict(type="str", required=True), proficiency=dict(type="float", required=True))
        return {self.option: dict(type="list", elements="dict", options=held),
                self.mode_option: dict(type="str", choices=["additive", "authoritative"], default="additive")}

    def validate(self, refs, item):
        held = item[self.option]
        problems = ["{0} {1!r} is listed more than once".format(self.ref, n) for n in twice(h["name"] for h in held)]
        for entry in held:
            if refs.id_of(self.ref, entry["name"]) is None:
                problems.append("{0} {1!r} does not exist".format(self.ref, entry["name"]))
            if not 0 <= entry["proficiency"] <= 5:
                problems.append("proficiency of {0} is {1}; allowed 0 to 5".format(entry["name"], entry["proficiency"]))
        return problems

    def references(self, item):
        return [(self.ref, h["name"]) for h in item[self.option]]

    def read(self, client, refs, obj):
        """A user's assignments by name. The users listing's `expand` is best effort, so a user
        listed without them is read on its own."""
        held = obj.get(self.option)
        if held is None:
            held = client.list_pages("/api/v2/users/{0}/{1}".format(obj["id"], self.path), page_size=100)
        return dict((refs.name_of(self.ref, h), float(h.get("proficiency") or 0)) for h in held
                    if h.get("state", "active") == "active")

    def plan(self, refs, item, current):
        wanted = dict((h["name"], float(h["proficiency"])) for h in item[self.option])
        after = wanted if item.get(self.mode_option) == "authoritative" else dict(current, **wanted)
        return dict(adds=sorted(set(wanted) - set(current)), removes=sorted(set(current) - set(after)),
                    updates=sorted(k for k in wanted if k in current and current[k] != wanted[k]), after=after,
                    warnings=[])

    def apply(self, client, refs, obj, item, plan):
        base = "/api/v2/users/{0}/{1}".format(obj["id"], self.path)
        after = plan["after"]
        posts = [self._post(refs, name, after[name]) for name in sorted(plan["adds"] + plan["updates"])]
        if self.replaces and item.get(self.mode_option) == "authoritative":
            # PUT replaces every assignment: the first 50 replace, the rest are added by PATCH.
            posts = [self._post(refs, name, after[name]) for name in sorted(after)]
            client.request("PUT", base + "/bulk", body=posts[:BULK])
            posts = posts[BULK:]
        for start in range(0, len(posts), BULK):
            client.request("PATCH", base + "/bulk", body=posts[start:start + BULK])
        if not self.replaces:
            for name in plan["removes"]:
                client.request("DELETE", "{0}/{1}".format(base, refs.id_of(self.ref, name)))
        obj[self.option] = [dict(self._post(refs, name, value), name=name) for name, value in after.items()]

    def _post(self, refs, name, proficiency):
        return {"id": refs.id_of(self.ref, name), "proficiency": proficiency}


class UserSkills(UserRouting):
    ref, option, mode_option, path, noun, replaces = "skill", "skills", "mode", "routingskills", "skill assignment", True


class UserLanguages(UserRouting):
    """The API has no bulk PUT for languages (SDK routing_api.py): authoritative removals are DELETEs."""

    ref, option, mode_option, path, noun = "language", "languages", "languages_mode", "routinglanguages", \
        "language assignment"


class AgentSkillsSpec(ResourceSpec):
    """Users, listed once with their skills and languages, keyed by email; never created, updated
    or deleted themselves. Inactive and deleted users are skipped with a warning."""

    kind = "user"
    key_option = "user"
    creatable = False
    unknown = "no user has this email"
    outcomes = ("updated", "unchanged", "skipped")
    call_options = ("max_deletions", "planned")
    associations = {"skills": UserSkills(), "languages": UserLanguages()}
    options = dict(user=dict(type="str", required=True))

    def list(self, client):
        return client.list_pages("/api/v2/users", params={"state": "any", "expand": "skills,languages"},
                                 page_size=500)

    def object_key(self, obj):
        return obj.get("email")

    def header(self, entry):
        return "skills and languages of {0}".format(entry["user"])

    def identity_problems(self, item, label):
        if not isinstance(item.get("user"), str) or not item["user"].strip():
            return ["{0}: a user's email is needed".format(label)]
        return []

    def view(self, engine, obj):
        return {}

    def skip(self, current):
        if current.get("state") != "active":
            return "skipped {0} user {1}".format(current.get("state"), current.get("email"))
        return None

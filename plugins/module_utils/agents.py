# -*- coding: utf-8 -*-
# Copyright: (c) 2026, cxops.genesys contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Agents' routing skills through the one pipeline: a user (by email) is an object that is never
created, and its skills (by name, with a proficiency) are an association, additive or
authoritative, written with the bulk endpoints (at most 50 skills per request)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cxops.genesys.plugins.module_utils.engine import Association, ResourceSpec, twice

BULK = 50  # skills per bulk PATCH or PUT, the API's limit


class UserSkills(Association):
    option = "skills"
    mode_option = "mode"
    noun = "skill assignment"

    def argument_spec(self):
        return dict(
            skills=dict(type="list", elements="dict", required=True, options=dict(
                name=dict(type="str", required=True), proficiency=dict(type="float", required=True))),
            mode=dict(type="str", choices=["additive", "authoritative"], default="additive"))

    def validate(self, refs, item):
        problems = ["skill {0!r} is listed more than once".format(n) for n in twice(s["name"] for s in item["skills"])]
        for skill in item["skills"]:
            if refs.id_of("skill", skill["name"]) is None:
                problems.append("skill {0!r} does not exist".format(skill["name"]))
            if not 0 <= skill["proficiency"] <= 5:
                problems.append("proficiency of {0} is {1}; allowed 0 to 5".format(skill["name"], skill["proficiency"]))
        return problems

    def references(self, item):
        return [("skill", s["name"]) for s in item["skills"]]

    def read(self, client, refs, obj):
        """A user's skills by name. The users listing's `expand=skills` is best effort, so a user
        listed without them is read on its own."""
        skills = obj.get("skills")
        if skills is None:
            skills = client.list_pages("/api/v2/users/{0}/routingskills".format(obj["id"]), page_size=100)
        return dict((refs.name_of("skill", s), float(s.get("proficiency") or 0)) for s in skills
                    if s.get("state", "active") == "active")

    def plan(self, refs, item, current):
        wanted = dict((s["name"], float(s["proficiency"])) for s in item["skills"])
        after = wanted if item.get("mode") == "authoritative" else dict(current, **wanted)
        return dict(adds=sorted(set(wanted) - set(current)), removes=sorted(set(current) - set(after)),
                    updates=sorted(k for k in wanted if k in current and current[k] != wanted[k]), after=after,
                    warnings=[])

    def apply(self, client, refs, obj, item, plan):
        path = "/api/v2/users/{0}/routingskills/bulk".format(obj["id"])
        after = plan["after"]
        changed = plan["adds"] + plan["updates"]
        if item.get("mode") == "authoritative":
            # PUT replaces every assignment: the first 50 replace, the rest are added by PATCH.
            posts = [_assignment(refs, name, after[name]) for name in sorted(after)]
            client.request("PUT", path, body=posts[:BULK])
            posts = posts[BULK:]
        else:
            posts = [_assignment(refs, name, after[name]) for name in sorted(changed)]
        for start in range(0, len(posts), BULK):
            client.request("PATCH", path, body=posts[start:start + BULK])
        obj["skills"] = [dict(_assignment(refs, name, value), name=name) for name, value in after.items()]


class AgentSkillsSpec(ResourceSpec):
    """Users, listed once with their skills, keyed by email; never created, updated or deleted
    themselves. Inactive and deleted users are skipped with a warning."""

    kind = "user"
    key_option = "user"
    creatable = False
    unknown = "no user has this email"
    outcomes = ("updated", "unchanged", "skipped")
    call_options = ("max_deletions", "planned")
    associations = {"skills": UserSkills()}
    options = dict(user=dict(type="str", required=True))

    def list(self, client):
        return client.list_pages("/api/v2/users", params={"state": "any", "expand": "skills"}, page_size=500)

    def object_key(self, obj):
        return obj.get("email")

    def header(self, entry):
        return "skills of {0}".format(entry["user"])

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


def _assignment(refs, name, proficiency):
    return {"id": refs.id_of("skill", name), "proficiency": proficiency}

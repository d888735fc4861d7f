# -*- coding: utf-8 -*-
# Copyright: (c) 2026, cxops.genesys contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Agents' routing skills: users by email, skills by name with a proficiency, additive or
authoritative per user, written with the bulk endpoints (at most 50 skills per request)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cxops.genesys.plugins.module_utils.engine import References
from ansible_collections.cxops.genesys.plugins.module_utils.errors import InputError

BULK = 50  # skills per bulk PATCH or PUT, the API's limit


class AgentSkills:
    def __init__(self, client, check_mode=False, references=None, listings=None):
        self.client = client
        self.check_mode = check_mode
        self.refs = references or References(client)
        self.listings = {} if listings is None else listings   # kept current with this class's writes
        self.warnings = []

    def current(self, user):
        """A user's skills by name. The users listing's `expand=skills` is best effort, so a user
        listed without them is read on its own."""
        skills = user.get("skills")
        if skills is None:
            skills = self.client.list_pages("/api/v2/users/{0}/routingskills".format(user["id"]), page_size=100)
        return dict((self.refs.name_of("skill", s), float(s.get("proficiency") or 0)) for s in skills
                    if s.get("state", "active") == "active")

    def users(self):
        """Users by email, with their skills: listed once (or taken from `listings`)."""
        if "user skills" not in self.listings:
            self.listings["user skills"] = dict((u["email"], u) for u in self.client.list_pages(
                "/api/v2/users", params={"state": "any", "expand": "skills"}, page_size=500))
        return self.listings["user skills"]

    def run(self, items, max_deletions=0):
        users = self.users()
        self._validate(items, users)
        plans = []
        for item in items:
            user = users[item["user"]]
            if user.get("state") != "active":
                self.warnings.append("skipped {0} user {1}".format(user.get("state"), item["user"]))
                plans.append(dict(user=item["user"], action="skipped", before=None, after=None))
                continue
            before = self.current(user)
            wanted = dict((s["name"], float(s["proficiency"])) for s in item["skills"])
            if item.get("mode") == "authoritative":
                after = wanted
            else:
                after = dict(before, **wanted)
            removed = sorted(set(before) - set(after))
            changed = after != before
            plans.append(dict(user=item["user"], id=user["id"], action="updated" if changed else "unchanged",
                              before=before, after=after, removed=removed, mode=item.get("mode"),
                              patch=dict((k, v) for k, v in wanted.items() if before.get(k) != v)))
        removals = ["{0} from {1}".format(s, p["user"]) for p in plans for s in p.get("removed", [])]
        if len(removals) > max_deletions:
            raise InputError("Refusing to remove {0} skill assignment(s) ({1}): max_deletions is {2}. Set "
                             "max_deletions to at least {0} to allow it.".format(
                                 len(removals), ", ".join(removals[:10]), max_deletions))
        for plan in plans:
            if plan["action"] == "updated" and not self.check_mode:
                self._write(plan)
                users[plan["user"]]["skills"] = [{"id": self.refs.id_of("skill", name), "name": name,
                                                  "proficiency": value} for name, value in plan["after"].items()]
        return self._result(plans)

    def _validate(self, items, users):
        problems = []
        for index, item in enumerate(items):
            where = "items[{0}] ({1})".format(index, item.get("user"))
            if item.get("user") not in users:
                problems.append("{0}: no user has this email".format(where))
            for skill in item.get("skills") or []:
                if self.refs.id_of("skill", skill["name"]) is None:
                    problems.append("{0}: skill {1!r} does not exist".format(where, skill["name"]))
                if not 0 <= skill["proficiency"] <= 5:
                    problems.append("{0}: proficiency of {1} is {2}; allowed 0 to 5".format(
                        where, skill["name"], skill["proficiency"]))
        seen = [i.get("user") for i in items]
        problems.extend("user {0} is listed more than once".format(u) for u in sorted(set(seen)) if seen.count(u) > 1)
        if problems:
            raise InputError("Invalid desired state, nothing was changed: " + "; ".join(problems))

    def _write(self, plan):
        path = "/api/v2/users/{0}/routingskills/bulk".format(plan["id"])
        posts = [{"id": self.refs.id_of("skill", name), "proficiency": value}
                 for name, value in sorted(plan["after"].items() if plan["mode"] == "authoritative"
                                           else plan["patch"].items())]
        if plan["mode"] == "authoritative":
            # PUT replaces every assignment: the first 50 replace, the rest are added by PATCH.
            self.client.request("PUT", path, body=posts[:BULK])
            posts = posts[BULK:]
        for start in range(0, len(posts), BULK):
            self.client.request("PATCH", path, body=posts[start:start + BULK])

    def _result(self, plans):
        summary = dict((k, 0) for k in ("updated", "unchanged", "skipped"))
        diff = []
        for plan in plans:
            summary[plan["action"]] += 1
            plan.pop("patch", None)
            plan.pop("id", None)
            if plan["action"] == "updated":
                label = "skills of {0}".format(plan["user"])
                diff.append(dict(before=plan["before"], after=plan["after"], before_header=label, after_header=label))
        return dict(changed=bool(diff), results=plans, summary=summary, diff=diff, warnings=self.warnings)

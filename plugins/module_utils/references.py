# -*- coding: utf-8 -*-
# Copyright: (c) 2026, cxops.genesys contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Name <-> id maps of the objects a desired state references by name (ids differ per org)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import threading

LAG_WAITS = (1, 2)  # listings can lag behind a create: re-list (once per kind and call) before calling a name unknown
PLANNED = "planned:"  # prefix of a predicted id, for check mode only: never written


class References:
    """Name <-> id maps of referenced objects. Embedded references ({id, name}) seen in
    listings are learned for free; a kind is listed (once per run) only for a name or id
    not seen that way. Users are keyed by email. Names are matched without case."""

    SOURCES = {  # kind: (listing path, page size, query parameters, paging: pages, cursor (GET) or query (POST))
        "division": ("/api/v2/authorization/divisions", 100, None, "pages"),
        "skill": ("/api/v2/routing/skills", 500, None, "pages"),
        "language": ("/api/v2/routing/languages", 100, None, "pages"),
        "wrapup_code": ("/api/v2/routing/wrapupcodes", 100, None, "pages"),
        "queue": ("/api/v2/routing/queues", 500, None, "pages"),
        "user": ("/api/v2/users", 500, {"state": "any"}, "pages"),
        "workbin": ("/api/v2/taskmanagement/workbins/query", 200, None, "query"),
        "worktype": ("/api/v2/taskmanagement/worktypes/query", 200, None, "query"),
        # Page sizes below are the Terraform provider's (100); larger maximums are unverified.
        "skill_group": ("/api/v2/routing/skillgroups", 100, None, "cursor"),
        "group": ("/api/v2/groups", 100, None, "pages"),
        "team": ("/api/v2/teams", 100, None, "cursor"),
        "flow": ("/api/v2/flows", 100, None, "pages"),
        "prompt": ("/api/v2/architect/prompts", 100, None, "pages"),
        "script": ("/api/v2/scripts/published", 100, None, "pages"),  # a queue's default scripts are published ones
        "canned_response_library": ("/api/v2/responsemanagement/libraries", 100, None, "pages"),
        "email_domain": ("/api/v2/routing/email/domains", 100, None, "pages"),
        "email_route": ("/api/v2/routing/email/domains", 100, None, "routes"),
        "recipient": ("/api/v2/routing/message/recipients", 100, None, "pages"),
        "edge_group": ("/api/v2/telephony/providers/edges/edgegroups", 100, None, "pages"),
        "site": ("/api/v2/telephony/providers/edges/sites", 100, None, "pages"),
    }

    # Kinds that are the part of another kind's listing with a field's value: one listing serves them all.
    # Flow names are unique per flow type, recipients' per messenger type.
    SUBSETS = {
        "inqueuecall_flow": ("flow", "type", "INQUEUECALL"),
        "inqueueemail_flow": ("flow", "type", "INQUEUEEMAIL"),
        "inqueueshortmessage_flow": ("flow", "type", "INQUEUESHORTMESSAGE"),
        "open_recipient": ("recipient", "messengerType", "open"),
        "whatsapp_recipient": ("recipient", "messengerType", "whatsapp"),
    }

    # Kinds the collection creates: a name not listed yet may have been created a moment ago.
    LAGGING = ("skill", "language", "wrapup_code", "queue", "workbin", "worktype", "skill_group")

    def __init__(self, client, planned=None, journal=None):
        self.client = client
        self.journal = journal  # this run's own writes, which correct lagging listings
        self.set_planned(planned)
        self._ids = {}       # kind -> {folded name: id}
        self._names = {}     # kind -> {id: name}
        self.twins = {}      # kind -> {folded name: ids}, for kinds whose names the API does not keep unique
        self.objects = {}    # kind -> {id: listed object}, for kinds listed in full
        self._complete = set()
        self._lock = threading.RLock()  # concurrent sub-resource reads may ask for the same kind

    def set_planned(self, planned):
        """In check mode only, objects that earlier tasks of the same run would create: a reference to
        one of them is predicted, not refused (a dry run over a new org works end to end). A real
        run never predicts: it writes real ids only."""
        self.planned = dict((kind, set(fold(n) for n in names or [])) for kind, names in (planned or {}).items())
        self._relisted = set()

    def learn(self, kind, ref):
        key = ref.get("email") if kind == "user" else ref.get("name") or ref.get("id")  # a domain's id is its name
        ids = self._ids.setdefault(kind, {})
        known = ids.get(fold(key))
        if known is not None and known != ref.get("id") and known in self._names.get(kind, {}):
            # Two objects share the name (kinds the API does not keep unique): the first seen (the
            # listing's oldest) stays the name's object, and both are remembered as twins.
            self.twins.setdefault(kind, {}).setdefault(fold(key), set()).update([known, ref.get("id")])
        else:
            ids[fold(key)] = ref.get("id")
        self._names.setdefault(kind, {})[ref.get("id")] = key

    def forget(self, kind, obj):
        """An object this run deleted is no longer referable, whatever a lagging listing says."""
        with self._lock:
            self._forget(kind, obj)

    def _forget(self, kind, obj):
        key = fold(obj.get("email") if kind == "user" else obj.get("name") or obj.get("id"))
        if self._ids.get(kind, {}).get(key) == obj.get("id"):
            del self._ids[kind][key]
        self.objects.get(kind, {}).pop(obj.get("id"), None)
        twins = self.twins.get(kind, {}).get(key)
        if twins:
            twins.discard(obj.get("id"))
            if len(twins) < 2:
                self.twins[kind].pop(key)
                if twins:
                    self._ids[kind][key] = twins.pop()

    def load(self, kind):
        with self._lock:
            self._load(kind)

    def _load(self, kind):
        if kind not in self._complete:
            listed = self._list(kind)
            listed = [o for o in listed if o.get("state") != "deleted" or kind == "user"]
            writes = self.journal.recent(kind) if self.journal else {}
            listed = [o for o in listed if writes.get(o["id"], ("",))[0] != "deleted"]
            listed += [o for i, (op, o) in writes.items() if op == "created" and i not in set(x["id"] for x in listed)]
            self.objects[kind] = dict((o["id"], o) for o in listed)
            self.twins.pop(kind, None)
            self._ids.pop(kind, None)
            for obj in sorted(listed, key=lambda o: (o.get("dateCreated") or "", o.get("id") or "")):
                self.learn(kind, obj)
            self._complete.add(kind)

    def _list(self, kind):
        if kind in self.SUBSETS:
            whole, field, value = self.SUBSETS[kind]
            self._load(whole)
            return [o for o in self.objects[whole].values() if o.get(field) == value]
        path, size, params, paging = self.SOURCES[kind]
        if paging == "query":
            return self.client.query_cursor(path, {}, page_size=size)
        if paging == "cursor":
            return self.client.list_cursor(path, params=params, page_size=size)
        listed = self.client.list_pages(path, params=params, page_size=size)
        if paging == "routes":  # an email route is named by its address: pattern@domain
            listed = [dict(route, name="{0}@{1}".format(route.get("pattern"), domain["id"]))
                      for domain in listed for route in self.client.list_pages(
                          "{0}/{1}/routes".format(path, domain["id"]), page_size=size)]
        return listed

    def known(self, kind):
        self.load(kind)
        return sorted(n for n in self._names.get(kind, {}).values() if n is not None)

    def id_of(self, kind, name):
        key = fold(name)
        if key not in self._ids.get(kind, {}) and name not in self._names.get(kind, {}):
            self.load(kind)
        if key in self.planned.get(kind, ()) and key not in self._ids.get(kind, {}):
            return PLANNED + name
        if name in self._names.get(kind, {}):
            return name  # an id is accepted as itself (users are named by email or by id)
        if key not in self._ids.get(kind, {}) and kind in self.LAGGING and kind not in self._relisted:
            self._relisted.add(kind)  # perhaps created a moment ago, by an earlier task
            for wait in LAG_WAITS:
                self.client.sleep(wait)
                with self._lock:
                    self._complete.discard(kind)
                    self._load(kind)
                if key in self._ids.get(kind, {}):
                    break
        return self._ids.get(kind, {}).get(key)

    def ambiguous(self, kind, name):
        """The ids of the objects that share this name, when more than one does."""
        return sorted(self.twins.get(kind, {}).get(fold(name), ()))

    def name_of(self, kind, ref):
        """The name of an embedded reference, or of a bare id."""
        if isinstance(ref, dict):
            if ref.get("name") and kind != "user":
                self.learn(kind, ref)
                return ref["name"]
            ref = ref.get("id")
        if ref not in self._names.get(kind, {}):
            self.load(kind)
        return self._names.get(kind, {}).get(ref, ref)

    def add(self, kind, obj):
        """An object created (or renamed) during this run becomes referable at once."""
        with self._lock:
            self.learn(kind, obj)
            self.objects.setdefault(kind, {})[obj.get("id")] = obj


def fold(name):
    """Names (and emails) compare the way the API keeps them unique: without case."""
    return name.lower() if isinstance(name, str) else name

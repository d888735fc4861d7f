# -*- coding: utf-8 -*-
# Copyright: (c) 2026, cxops.genesys contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The resource engine: a declarative spec per resource type drives validation, comparison,
payloads, diffs and check mode. List once, compare in memory, write only what differs.

Independent of AnsibleModule: `Engine(client, spec, check_mode).ensure(items, ...)` returns a
plain result dict.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy
import time

from ansible_collections.cxops.genesys.plugins.module_utils.errors import (
    ConflictError, InputError, NotFoundError, UncertainWriteError)

MAX_NAME = 256


class Field:
    """One module option and where it lives in the API's JSON.

    `api` is the dotted path read from the API object, `write` the dotted path written in a
    request body (default: the same). `ref` names a kind of object referenced by name in the
    module and by id in the API (see References); its `api` path points at the embedded
    reference ({id, name}), whose name is used as it is.
    """

    def __init__(self, api, type="str", ref=None, write=None, choices=None, elements=None, maxlen=None,
                 description=None):
        self.api = api
        self.write = write or api
        self.type = type
        self.ref = ref
        self.choices = choices
        self.elements = elements
        self.maxlen = maxlen
        self.description = description

    def argument_spec(self):
        spec = dict(type=self.type)
        if self.choices:
            spec["choices"] = self.choices
        if self.elements:
            spec["elements"] = self.elements
        return spec


class ResourceSpec:
    """Describes one resource type. Subclass to change how it is created, updated or deleted."""

    kind = None              # the word used in messages, e.g. "skill"
    path = None              # the collection path, e.g. /api/v2/routing/skills
    page_size = 100          # the largest page size the API is known to accept for the listing
    fields = {}              # option name -> Field
    writable = ()            # top-level keys of the API's update body (GET-merge-PUT keeps them)

    def argument_spec(self):
        return dict((name, f.argument_spec()) for name, f in self.fields.items())

    def is_absent(self, obj):
        """Whether a listed object counts as gone (for example a soft-deleted skill)."""
        return False

    def list(self, client):
        return [o for o in client.list_pages(self.path, page_size=self.page_size) if not self.is_absent(o)]

    def find_by_name(self, client, name):
        """Re-read one object by name, after a create whose outcome is unknown."""
        found = client.list_pages(self.path, params={"name": name}, page_size=self.page_size)
        return next((o for o in found if o.get("name") == name and not self.is_absent(o)), None)

    def create(self, client, body):
        return client.request("POST", self.path, body=body)

    def update(self, client, current, changes, refs):
        """GET-merge-PUT: the PUT carries every writable field of the current object, so the
        fields the user did not set survive a full-replace update."""
        fresh = client.get("{0}/{1}".format(self.path, current["id"]))
        body = dict((k, v) for k, v in fresh.items() if k in self.writable)
        for name, value in changes.items():
            _set_path(body, self.fields[name].write, refs.to_api(self.fields[name], value))
        return client.request("PUT", "{0}/{1}".format(self.path, current["id"]), body=body)

    def delete(self, client, obj):
        client.request("DELETE", "{0}/{1}".format(self.path, obj["id"]))


class References:
    """Name <-> id maps of referenced objects. Embedded references ({id, name}) seen in
    listings are learned for free; a kind is listed (once per run) only for a name or id
    not seen that way."""

    SOURCES = {"division": ("/api/v2/authorization/divisions", 100)}

    def __init__(self, client):
        self.client = client
        self._ids = {}       # kind -> {name: id}
        self._names = {}     # kind -> {id: name}
        self._complete = set()

    def learn(self, kind, ref):
        self._ids.setdefault(kind, {})[ref.get("name")] = ref.get("id")
        self._names.setdefault(kind, {})[ref.get("id")] = ref.get("name")

    def _load(self, kind):
        if kind not in self._complete:
            path, size = self.SOURCES[kind]
            for obj in self.client.list_pages(path, page_size=size):
                self.learn(kind, obj)
            self._complete.add(kind)

    def known(self, kind):
        return sorted(n for n in self._ids.get(kind, {}) if n is not None)

    def id_of(self, kind, name):
        if name not in self._ids.get(kind, {}):
            self._load(kind)
        return self._ids[kind].get(name)

    def name_of(self, kind, ref):
        """The name of an embedded reference, or of a bare id."""
        if isinstance(ref, dict):
            if ref.get("name"):
                self.learn(kind, ref)
                return ref["name"]
            ref = ref.get("id")
        if ref not in self._names.get(kind, {}):
            self._load(kind)
        return self._names[kind].get(ref, ref)

    def to_api(self, field, value):
        return self.id_of(field.ref, value) if field.ref and value is not None else value

    def unresolved(self, field, value):
        return field.ref and value is not None and self.id_of(field.ref, value) is None


class Engine:
    """Converges a list of desired objects of one type, or reads them."""

    def __init__(self, client, spec, check_mode=False, references=None):
        self.client = client
        self.spec = spec
        self.check_mode = check_mode
        self.refs = references or References(client)

    # --- reading -----------------------------------------------------------------------------
    def view(self, obj):
        """An API object as the module shows it: option names, references by name."""
        out = {"id": obj.get("id"), "name": obj.get("name")}
        for name, field in self.spec.fields.items():
            value = _get_path(obj, field.api)
            out[name] = self.refs.name_of(field.ref, value) if field.ref and value is not None else value
        return out

    def read(self, names=None):
        objects = self.spec.list(self.client)
        if names is not None:
            wanted = set(names)
            objects = [o for o in objects if o.get("name") in wanted]
        return [self.view(o) for o in objects]

    # --- converging --------------------------------------------------------------------------
    def ensure(self, items, purge=False, max_deletions=None):
        """Bring the org to the desired items. `max_deletions=None` means a single explicit object."""
        existing = {}
        for obj in self.spec.list(self.client):
            existing.setdefault(obj["name"], obj)
            self.view(obj)  # learns the references the listing embeds
        self._validate(items)
        plan = []
        named = set()
        for item in items:
            named.add(item["name"])
            current = existing.get(item["name"])
            if item.get("state", "present") == "absent":
                plan.append(("delete", item, current) if current else ("unchanged", item, None))
            elif current is None:
                plan.append(("create", item, None))
            else:
                changes = self._changes(item, current)
                plan.append(("update", item, current, changes) if changes else ("unchanged", item, current))
        if purge:
            for name in sorted(existing):
                if name not in named:
                    plan.append(("delete", {"name": name}, existing[name]))
        deletions = [step[1]["name"] for step in plan if step[0] == "delete"]
        if max_deletions is not None and len(deletions) > max_deletions:
            shown = ", ".join(deletions[:10]) + (", ..." if len(deletions) > 10 else "")
            raise InputError("Refusing to delete {0} {1}(s) ({2}): max_deletions is {3}. Set max_deletions to at "
                             "least {0} to allow it.".format(len(deletions), self.spec.kind, shown, max_deletions))
        results = [self._apply(step) for step in plan]
        return self._result(results)

    def _validate(self, items):
        """Every problem with the desired state, reported at once and before any write."""
        problems = []
        seen = set()
        for index, item in enumerate(items):
            name = item.get("name")
            label = "items[{0}]".format(index) if len(items) > 1 else "name"
            if not isinstance(name, str) or not name.strip():
                problems.append("{0}: a {1} needs a non-empty name".format(label, self.spec.kind))
                continue
            if len(name) > MAX_NAME:
                problems.append("{0}: name {1!r}... is {2} characters long; at most {3} are allowed".format(
                    label, name[:40], len(name), MAX_NAME))
            if name in seen:
                problems.append("{0}: {1} {2!r} is listed more than once".format(label, self.spec.kind, name))
            seen.add(name)
            if item.get("state", "present") == "absent":
                continue
            for opt, field in self.spec.fields.items():
                value = item.get(opt)
                if field.maxlen and isinstance(value, str) and len(value) > field.maxlen:
                    problems.append("{0} {1!r}: {2} is {3} characters long; at most {4} are allowed".format(
                        self.spec.kind, name, opt, len(value), field.maxlen))
                if self.refs.unresolved(field, value):
                    problems.append("{0} {1!r}: {2} {3!r} does not exist; known {2}s: {4}".format(
                        self.spec.kind, name, field.ref, value, ", ".join(self.refs.known(field.ref))))
        if problems:
            raise InputError("Invalid desired state, nothing was changed: " + "; ".join(problems))

    def _changes(self, item, current):
        view = self.view(current)
        return dict((opt, item[opt]) for opt in self.spec.fields
                    if item.get(opt) is not None and differs(item[opt], view.get(opt)))

    def _apply(self, step):
        action, item, current = step[0], step[1], step[2]
        before = self.view(current) if current else None
        if action == "unchanged":
            return dict(name=item["name"], action=action, before=before, after=before)
        if action == "delete":
            if not self.check_mode:
                try:
                    self.spec.delete(self.client, current)
                except NotFoundError:
                    pass  # already gone: the goal is met
            return dict(name=item["name"], action="deleted", before=before, after=None)
        if action == "create":
            after = self._predict({"id": None, "name": item["name"]}, item)
            if not self.check_mode:
                after = self.view(self._create(item))
            return dict(name=item["name"], action="created", before=None, after=after)
        changes = step[3]
        after = self._predict(before, changes)
        if not self.check_mode:
            after = self.view(self.spec.update(self.client, current, changes, self.refs))
        return dict(name=item["name"], action="updated", before=before, after=after)

    def _predict(self, base, values):
        after = copy.deepcopy(base)
        for opt in self.spec.fields:
            if values.get(opt) is not None:
                after[opt] = values[opt]
            else:
                after.setdefault(opt, None)
        return after

    def _create(self, item):
        """POST once; if the outcome is unknown or the name is taken, re-read instead of repeating."""
        body = {"name": item["name"]}
        for opt, field in self.spec.fields.items():
            if item.get(opt) is not None:
                _set_path(body, field.write, self.refs.to_api(field, item[opt]))
        for attempt in range(3):
            try:
                return self.spec.create(self.client, body)
            except (UncertainWriteError, ConflictError) as exc:
                error = exc
            for wait in (0, 1, 2, 4):  # listings can lag behind a create
                time.sleep(wait)
                found = self.spec.find_by_name(self.client, item["name"])
                if found is not None:
                    changes = self._changes(item, found)
                    return self.spec.update(self.client, found, changes, self.refs) if changes else found
            if isinstance(error, ConflictError) and attempt:
                break
        raise error

    def _result(self, results):
        summary = dict((k, 0) for k in ("created", "updated", "deleted", "unchanged"))
        diff = []
        for r in results:
            summary[r["action"]] += 1
            if r["action"] != "unchanged":
                label = "{0} {1}".format(self.spec.kind, r["name"])
                diff.append(dict(before=_diffable(r["before"]), after=_diffable(r["after"]),
                                 before_header=label, after_header=label))
        return dict(changed=bool(diff), results=results, summary=summary, diff=diff)


def differs(desired, current):
    """Compare only what the user set: dicts by their given keys, numbers by value."""
    if isinstance(desired, dict):
        if not isinstance(current, dict):
            return True
        return any(v is not None and differs(v, current.get(k)) for k, v in desired.items())
    if isinstance(desired, list):
        if not isinstance(current, list) or len(desired) != len(current):
            return True
        return any(differs(d, c) for d, c in zip(desired, current))
    if isinstance(desired, bool) or isinstance(current, bool):
        return desired is not current
    if isinstance(desired, (int, float)) and isinstance(current, (int, float)):
        return abs(desired - current) > 1e-9
    return desired != current


def _diffable(view):
    if view is None:
        return {}
    return dict((k, v) for k, v in view.items() if k != "id" and v is not None)


def _get_path(obj, path):
    for key in path.split("."):
        if not isinstance(obj, dict):
            return None
        obj = obj.get(key)
    return obj


def _set_path(obj, path, value):
    keys = path.split(".")
    for key in keys[:-1]:
        obj = obj.setdefault(key, {})
    obj[keys[-1]] = value

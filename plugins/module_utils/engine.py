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
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from ansible_collections.cxops.genesys.plugins.module_utils.errors import (
    ConflictError, InputError, NotFoundError, UncertainWriteError)

MAX_NAME = 256
CONCURRENCY = 4  # sub-resource reads in flight at once; the client's shared pause keeps them within the rate limit
LAG_WAITS = (1, 2)  # listings can lag behind a create: re-list (once per kind and call) before calling a name unknown
SETTLE_AFTER = 3  # seconds a listing may lag behind a create, before a lost create is looked for
SETTLE_ROUNDS = 3  # looks (and creates again) for a create whose answer was lost
CONFLICT_RETRIES = 2  # a PUT answered 409 (changed meanwhile) is re-read, merged and sent again at most this often


def camel(name):
    """snake_case option name -> camelCase API field."""
    head, *rest = name.split("_")
    return head + "".join(p[:1].upper() + p[1:] for p in rest)


class Field:
    """One module option and where it lives in the API's JSON.

    `api` is the dotted path read from the API object (default: the option name in camelCase),
    `write` the dotted path written in a request body (default: `api`). Nested options (`options`)
    convert the same way, recursively. `ref` names a kind of object referenced by name in the
    module and by id in the API; `ref_shape` says whether the API holds it as {id} or as a bare id.
    `lo`, `hi`, `maxlen`, `minitems` and `maxitems` are checked before any write.
    """

    def __init__(self, api=None, type="str", ref=None, ref_shape="object", write=None, choices=None,
                 elements=None, options=None, values=None, keys=None, lo=None, hi=None, maxlen=None,
                 minitems=None, maxitems=None, create_only=False):
        self.api = api
        self.write = write
        self.type = type
        self.ref = ref
        self.ref_shape = ref_shape
        self.choices = choices
        self.elements = elements
        self.options = options
        self.values = values      # a map's value Field (type dict): {key: value}
        self.keys = keys          # a map's allowed keys
        self.lo, self.hi = lo, hi
        self.maxlen = maxlen
        self.minitems, self.maxitems = minitems, maxitems
        self.create_only = create_only

    def api_key(self, name):
        return self.api or camel(name)

    def write_key(self, name):
        return self.write or self.api_key(name)

    def argument_spec(self):
        spec = dict(type=self.type)
        if self.choices:
            spec["choices"] = self.choices
        if self.elements or (self.type == "list" and self.options):
            spec["elements"] = self.elements or "dict"
        if self.options:
            spec["options"] = dict((n, f.argument_spec()) for n, f in self.options.items())
        return spec


class ResourceSpec:
    """Describes one resource type. Subclass to change how it is listed, created, updated or deleted."""

    kind = None              # the word used in messages, e.g. "skill"
    ref_kind = None          # its kind in References, so objects created in a run are referable
    min_name = 1             # the shortest name the API accepts
    required_on_create = ()  # options a new object needs
    path = None              # the collection path, e.g. /api/v2/routing/skills
    page_size = 100          # the largest page size the API is known to accept for the listing
    fields = {}              # option name -> Field
    associations = {}        # option name -> Association (sub-resources such as queue members)
    writable = ()            # top-level keys of the API's update body (GET-merge-PUT keeps them)
    options = {}             # module options that are not API fields (argument specs), e.g. force_delete

    def argument_spec(self):
        spec = dict((name, f.argument_spec()) for name, f in self.fields.items())
        spec.update(self.options)
        for association in self.associations.values():
            spec.update(association.argument_spec())
        return spec

    def is_absent(self, obj):
        """Whether a listed object counts as gone (for example a soft-deleted skill)."""
        return False

    def validate(self, item):
        """Problems with one desired item that the field declarations cannot express."""
        return []

    def list(self, client):
        return [o for o in client.list_pages(self.path, page_size=self.page_size) if not self.is_absent(o)]

    def find_by_name(self, client, name):
        """Re-read one object by name, after a create whose outcome is unknown."""
        found = client.list_pages(self.path, params={"name": name}, page_size=self.page_size)
        return next((o for o in found if o.get("name") == name and not self.is_absent(o)), None)

    def create(self, client, body):
        return client.request("POST", self.path, body=body)

    def update(self, client, current, body):
        """GET-merge-PUT: the PUT carries every writable field of the current object, so the
        fields the user did not set survive a full-replace update. `body` holds the changes."""
        fresh = client.get("{0}/{1}".format(self.path, current["id"]))
        merged = dict((k, v) for k, v in fresh.items() if k in self.writable)
        _merge(merged, body)
        return client.request("PUT", "{0}/{1}".format(self.path, current["id"]), body=merged)

    def delete(self, client, obj, item):
        client.request("DELETE", "{0}/{1}".format(self.path, obj["id"]))


class Association:
    """A sub-resource managed through its own endpoints (queue members, worktype statuses).

    `option` holds the desired list, `mode_option` its mode: additive (adds what is missing)
    or authoritative (also removes what is not listed). Its current state is read only for
    objects whose item sets the option.
    """

    option = None
    mode_option = None

    def argument_spec(self):
        raise NotImplementedError

    def validate(self, refs, item):
        """Problems with the desired list (unknown references), found before any write."""
        return []

    def read(self, client, refs, obj):
        """The current associations of an object, in module form."""
        raise NotImplementedError

    def plan(self, refs, item, current):
        """dict(adds, removes, updates, after, warnings), in module form; removals count as deletions."""
        raise NotImplementedError

    def apply(self, client, refs, obj, item, plan):
        raise NotImplementedError


class References:
    """Name <-> id maps of referenced objects. Embedded references ({id, name}) seen in
    listings are learned for free; a kind is listed (once per run) only for a name or id
    not seen that way. Users are keyed by email."""

    SOURCES = {  # kind: (listing path, page size, query parameters); a path ending in /query is a cursor query
        "division": ("/api/v2/authorization/divisions", 100, None),
        "skill": ("/api/v2/routing/skills", 500, None),
        "language": ("/api/v2/routing/languages", 100, None),
        "wrapup_code": ("/api/v2/routing/wrapupcodes", 100, None),
        "queue": ("/api/v2/routing/queues", 500, None),
        "user": ("/api/v2/users", 500, {"state": "any"}),
        "workbin": ("/api/v2/taskmanagement/workbins/query", 200, None),
        "worktype": ("/api/v2/taskmanagement/worktypes/query", 200, None),
    }

    # Kinds the collection creates: a name not listed yet may have been created a moment ago.
    LAGGING = ("skill", "wrapup_code", "queue", "workbin", "worktype")

    def __init__(self, client, planned=None):
        self.client = client
        self.set_planned(planned)
        self._ids = {}       # kind -> {name: id}
        self._names = {}     # kind -> {id: name}
        self.objects = {}    # kind -> {id: listed object}, for kinds listed in full
        self._complete = set()
        self._lock = threading.RLock()  # concurrent sub-resource reads may ask for the same kind

    def set_planned(self, planned):
        """In check mode, objects that earlier tasks of the same run would create: a reference to one
        of them is predicted, not refused (a dry run over a new org works end to end)."""
        self.planned = dict((kind, set(names or [])) for kind, names in (planned or {}).items())
        self._relisted = set()

    def learn(self, kind, ref):
        key = ref.get("email") if kind == "user" else ref.get("name")
        self._ids.setdefault(kind, {})[key] = ref.get("id")
        self._names.setdefault(kind, {})[ref.get("id")] = key

    def load(self, kind):
        with self._lock:
            self._load(kind)

    def _load(self, kind):
        if kind not in self._complete:
            path, size, params = self.SOURCES[kind]
            if path.endswith("/query"):
                listed = self.client.query_cursor(path, {}, page_size=size)
            else:
                listed = self.client.list_pages(path, params=params, page_size=size)
            listed = [o for o in listed if o.get("state") != "deleted" or kind == "user"]
            self.objects[kind] = dict((o["id"], o) for o in listed)
            for obj in listed:
                self.learn(kind, obj)
            self._complete.add(kind)

    def known(self, kind):
        self.load(kind)
        return sorted(n for n in self._ids.get(kind, {}) if n is not None)

    def id_of(self, kind, name):
        if name not in self._ids.get(kind, {}) and name not in self._names.get(kind, {}):
            self.load(kind)
        if name in self.planned.get(kind, ()) and name not in self._ids.get(kind, {}):
            return "planned:" + name
        if kind == "user" and name in self._names.get(kind, {}):
            return name  # users also by id
        if name not in self._ids.get(kind, {}) and kind in self.LAGGING and kind not in self._relisted:
            self._relisted.add(kind)  # perhaps created a moment ago, by an earlier task
            for wait in LAG_WAITS:
                self.client.sleep(wait)
                with self._lock:
                    self._complete.discard(kind)
                    self._load(kind)
                if name in self._ids.get(kind, {}):
                    break
        return self._ids.get(kind, {}).get(name)

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
        """An object created during this run becomes referable at once."""
        self.learn(kind, obj)


class Engine:
    """Converges a list of desired objects of one type, or reads them.

    `listings` (optional) keeps each type's listing between calls, kept current with this engine's
    own writes: the items of a loop then share one listing instead of each listing again.
    """

    def __init__(self, client, spec, check_mode=False, references=None, listings=None):
        self.client = client
        self.spec = spec
        self.check_mode = check_mode
        self.refs = references or References(client)
        self.listings = {} if listings is None else listings
        self.warnings = []
        self._unsettled = []  # (step, when, error) of creates whose outcome is unknown

    # --- conversions ---------------------------------------------------------------------------
    def to_module(self, field, value):
        if value is None:
            return None
        if field.values:
            inner = field.values
            return dict((k, self.to_module(inner, _get_path(v, inner.api) if inner.api else v)) for k, v in value.items())
        if field.ref:
            if field.type == "list":
                return [self.refs.name_of(field.ref, v) for v in value]
            return self.refs.name_of(field.ref, value)
        if field.options:
            if field.type == "list":
                return [self._dict_to_module(field.options, v) for v in value]
            return self._dict_to_module(field.options, value)
        return copy.deepcopy(value)

    def _dict_to_module(self, options, obj):
        return dict((name, self.to_module(f, _get_path(obj, f.api_key(name)))) for name, f in options.items())

    def to_api(self, field, value):
        if value is None:
            return None
        if field.values:
            inner = field.values
            out = {}
            for key, item in value.items():
                out[key] = self.to_api(inner, item)
                if inner.api:  # the value sits at a path inside an object, e.g. {"id": ...}
                    out[key] = {}
                    _set_path(out[key], inner.write or inner.api, self.to_api(inner, item))
            return out
        if field.ref:
            if field.type == "list":
                return [self._ref_to_api(field, v) for v in value]
            return self._ref_to_api(field, value)
        if field.options:
            if field.type == "list":
                return [self._dict_to_api(field.options, v) for v in value]
            return self._dict_to_api(field.options, value)
        return value

    def _ref_to_api(self, field, name):
        ref_id = self.refs.id_of(field.ref, name)
        return {"id": ref_id} if field.ref_shape == "object" else ref_id

    def to_body(self, values, create=True):
        """A request body from option values (only those set; create-only ones only on create)."""
        return self._dict_to_api(self.spec.fields, values, create)

    def _dict_to_api(self, options, values, create=True):
        out = {}
        for name, value in values.items():
            field = options.get(name)
            if field is None or value is None or (field.create_only and not create):
                continue
            _set_path(out, field.write_key(name), self.to_api(field, value))
        return out

    # --- reading -----------------------------------------------------------------------------
    def view(self, obj):
        """An API object as the module shows it: option names, references by name."""
        out = {"id": obj.get("id"), "name": obj.get("name")}
        for name, field in self.spec.fields.items():
            if not field.create_only:
                out[name] = self.to_module(field, _get_path(obj, field.api_key(name)))
        return out

    def read(self, names=None):
        objects = self.spec.list(self.client)
        if names is not None:
            wanted = set(names)
            objects = [o for o in objects if o.get("name") in wanted]
        return [self.view(o) for o in objects]

    # --- converging --------------------------------------------------------------------------
    def ensure(self, items, purge=False, max_deletions=0, single=False):
        """Bring the org to the desired items, deleting at most `max_deletions` objects or
        associations. A `single` object named with state=absent is explicit enough to be deleted
        without that allowance; removing associations always needs it."""
        existing = self._existing()
        if self.spec.ref_kind:  # items may reference objects of their own type that this call creates first
            self.refs.planned.setdefault(self.spec.ref_kind, set()).update(
                i["name"] for i in items if i.get("state", "present") == "present")
        self._validate(items)
        reads = self._read_associations(items, existing)
        plan = [self._plan(item, existing.get(item["name"]), reads) for item in items]
        if purge:
            named = set(item["name"] for item in items)
            for name in sorted(set(existing) - named):
                plan.append(dict(action="delete", item={"name": name}, current=existing[name], changes={}, assoc={}))
        missing = ["{0} {1!r}: {2} is required to create it".format(self.spec.kind, s["item"]["name"], opt)
                   for s in plan if s["action"] == "create" for opt in self.spec.required_on_create
                   if s["item"].get(opt) is None]
        if missing:
            raise InputError("Invalid desired state, nothing was changed: " + "; ".join(missing))
        self._guard(plan, max_deletions, single)
        results = [self._apply(step, existing) for step in plan]
        self._settle(plan, results, existing)
        return self._result(results)

    def _existing(self):
        """The type's objects by name: listed once, or taken from `listings`."""
        existing = self.listings.get(self.spec.kind)
        if existing is None:
            existing = {}
            for obj in self.spec.list(self.client):
                existing.setdefault(obj["name"], obj)
                self.view(obj)  # learns the references the listing embeds
            self.listings[self.spec.kind] = existing
        return existing

    def _read_associations(self, items, existing):
        """The current sub-resources of every existing object whose item sets them, read with
        bounded concurrency: {(name, option): current}."""
        jobs = [(item["name"], opt) for item in items if item.get("state", "present") == "present"
                and item["name"] in existing for opt in self.spec.associations if item.get(opt) is not None]

        def read(job):
            return self.spec.associations[job[1]].read(self.client, self.refs, existing[job[0]])

        if len(jobs) < 2:
            return dict((job, read(job)) for job in jobs)
        with ThreadPoolExecutor(max_workers=CONCURRENCY) as pool:
            return dict(zip(jobs, pool.map(read, jobs)))

    def _plan(self, item, current, reads=None):
        step = dict(item=item, current=current, changes={}, assoc={})
        if item.get("state", "present") == "absent":
            step["action"] = "delete" if current else "unchanged"
            return step
        if current is not None:
            view = self.view(current)
            step["changes"] = dict((opt, item[opt]) for opt, f in self.spec.fields.items()
                                   if item.get(opt) is not None and not f.create_only
                                   and differs(item[opt], view.get(opt)))
        for opt, association in self.spec.associations.items():
            if item.get(opt) is None:
                continue
            if not current:
                now = []
            elif reads and (item["name"], opt) in reads:
                now = reads[(item["name"], opt)]
            else:
                now = association.read(self.client, self.refs, current)
            plan = association.plan(self.refs, item, now)
            self.warnings.extend("{0} {1!r}: {2}".format(self.spec.kind, item["name"], w) for w in plan["warnings"])
            step["assoc"][opt] = dict(plan, before=now)
        assoc_changed = any(a["adds"] or a["removes"] or a["updates"] for a in step["assoc"].values())
        step["action"] = "create" if current is None else (
            "update" if step["changes"] or assoc_changed else "unchanged")
        return step

    def _guard(self, plan, allowed, single):
        objects = [s["item"]["name"] for s in plan if s["action"] == "delete" and not single]
        links = ["{0} from {1}".format(_label(r), s["item"]["name"]) for s in plan
                 for a in s["assoc"].values() for r in a["removes"]]
        gone = objects + links
        if len(gone) > allowed:
            shown = ", ".join(gone[:10]) + (", ..." if len(gone) > 10 else "")
            raise InputError("Refusing to delete {0} {1}(s) or associations ({2}): max_deletions is {3}. Set "
                             "max_deletions to at least {0} to allow it.".format(len(gone), self.spec.kind, shown,
                                                                                 allowed))

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
            if not self.spec.min_name <= len(name) <= MAX_NAME:
                problems.append("{0}: name {1!r} is {2} characters long; {3} to {4} are allowed".format(
                    label, name[:40], len(name), self.spec.min_name, MAX_NAME))
            if name in seen:
                problems.append("{0}: {1} {2!r} is listed more than once".format(label, self.spec.kind, name))
            seen.add(name)
            if item.get("state", "present") == "absent":
                continue
            where = "{0} {1!r}: ".format(self.spec.kind, name)
            problems.extend(where + p for p in self.check_fields(item))
            for opt, association in self.spec.associations.items():
                if item.get(opt) is not None:
                    problems.extend(where + opt + ": " + p for p in association.validate(self.refs, item))
            problems.extend(where + p for p in self.spec.validate(item))
        if problems:
            raise InputError("Invalid desired state, nothing was changed: " + "; ".join(problems))

    def check_fields(self, item):
        """Range, length, size and reference problems of an item's fields."""
        problems = []
        for opt, field in self.spec.fields.items():
            self._check(field, opt, item.get(opt), "", problems)
        return problems

    def _check(self, field, path, value, where, problems):
        if value is None:
            return
        if field.type == "list":
            if field.minitems is not None and len(value) < field.minitems or \
                    field.maxitems is not None and len(value) > field.maxitems:
                problems.append("{0}{1}: has {2} items; allowed {3} to {4}".format(
                    where, path, len(value), field.minitems or 0, field.maxitems))
        if field.values:
            for key, item in value.items():
                if field.keys and key not in field.keys:
                    problems.append("{0}{1}: key {2!r} is not one of {3}".format(where, path, key, ", ".join(field.keys)))
                self._check(field.values, "{0}.{1}".format(path, key), item, where, problems)
            return
        if field.ref:
            for name in value if field.type == "list" else [value]:
                if self.refs.id_of(field.ref, name) is None:
                    known = self.refs.known(field.ref)
                    problems.append("{0}{1}: {2} {3!r} does not exist; known: {4}".format(
                        where, path, field.ref.replace("_", "-"), name,
                        ", ".join(known[:20]) + (", ..." if len(known) > 20 else "") or "none"))
            return
        if field.options:
            for index, sub in enumerate(value if field.type == "list" else [value]):
                at = "{0}[{1}]".format(path, index) if field.type == "list" else path
                for name, subfield in field.options.items():
                    self._check(subfield, at + "." + name, sub.get(name), where, problems)
            return
        if field.lo is not None and value < field.lo or field.hi is not None and value > field.hi:
            problems.append("{0}{1}: {2} is out of range; allowed {3} to {4}".format(where, path, value, field.lo,
                                                                                     field.hi))
        if field.maxlen and isinstance(value, str) and len(value) > field.maxlen:
            problems.append("{0}{1}: is {2} characters long; at most {3} are allowed".format(
                where, path, len(value), field.maxlen))

    def _apply(self, step, existing):
        action, item, current = step["action"], step["item"], step["current"]
        before = self.view(current) if current else None
        if before is not None:
            before.update((opt, a["before"]) for opt, a in step["assoc"].items())
        if action == "unchanged":
            return dict(name=item["name"], action=action, before=before, after=before)
        if action == "delete":
            if not self.check_mode:
                try:
                    self.spec.delete(self.client, current, item)
                except NotFoundError:
                    pass  # already gone: the goal is met
                existing.pop(item["name"], None)
            return dict(name=item["name"], action="deleted", before=before, after=None)
        after = self._predict(before or {"id": None, "name": item["name"]}, item if current is None else step["changes"])
        if not self.check_mode:
            if current is None:
                obj = self._create(step)
                if obj is None:
                    return None  # its outcome is unknown: settled after the other items
            else:
                obj = self._update(current, step["changes"]) if step["changes"] else current
            return self._finish(step, obj, before, existing)
        after.update((opt, a["after"]) for opt, a in step["assoc"].items())
        return dict(name=item["name"], action="created" if current is None else "updated", before=before,
                    after=after)

    def _finish(self, step, obj, before, existing):
        """After the object's own write: remember it, write its associations, report it."""
        item = step["item"]
        existing[item["name"]] = obj
        if self.spec.ref_kind:
            self.refs.add(self.spec.ref_kind, obj)
        for opt, plan in step["assoc"].items():
            self.spec.associations[opt].apply(self.client, self.refs, obj, item, plan)
        after = self.view(obj)
        after.update((opt, a["after"]) for opt, a in step["assoc"].items())
        return dict(name=item["name"], action="created" if step["current"] is None else "updated", before=before,
                    after=after)

    def _predict(self, base, values):
        after = copy.deepcopy(base)
        for opt, field in self.spec.fields.items():
            if field.create_only:
                continue
            if values.get(opt) is not None:
                after[opt] = _overlay(after.get(opt), values[opt])
            else:
                after.setdefault(opt, None)
        return after

    def _create(self, step):
        """POST once. When the answer is lost (or the name is taken meanwhile) the object is left
        for _settle, which looks before it creates again: a create is never repeated blindly."""
        body = self.to_body(step["item"])
        body["name"] = step["item"]["name"]
        try:
            return self.spec.create(self.client, body)
        except (UncertainWriteError, ConflictError) as exc:
            self._unsettled.append((step, time.time(), exc))
            return None

    def _settle(self, plan, results, existing):
        """Creates whose outcome is unknown: once listings have had time to catch up with them,
        adopt each object found by name (updated if it differs), or create it again; in rounds."""
        for dummy in range(SETTLE_ROUNDS):
            pending, self._unsettled = self._unsettled, []
            if not pending:
                return
            self.client.sleep(max(0.0, max(since for dummy, since, dummy in pending) + SETTLE_AFTER - time.time()))
            for step, dummy, error in pending:
                found = self.spec.find_by_name(self.client, step["item"]["name"])
                if found is None:
                    obj = self._create(step)
                else:
                    adopt = self._plan(dict((k, v) for k, v in step["item"].items()
                                            if k not in self.spec.associations), found)
                    obj = self._update(found, adopt["changes"]) if adopt["changes"] else found
                if obj is not None:
                    results[plan.index(step)] = self._finish(step, obj, None, existing)
        if self._unsettled:
            names = ", ".join(step["item"]["name"] for step, dummy, dummy in self._unsettled)
            error = self._unsettled[-1][2]
            error.message = "Could not confirm the creation of {0} {1} after {2} attempts: {3}".format(
                self.spec.kind, names, SETTLE_ROUNDS + 1, error.message)
            raise error

    def _update(self, current, changes):
        """Update; on a 409 (someone changed the object meanwhile) re-read and merge again."""
        body = self.to_body(changes, create=False)
        for attempt in range(CONFLICT_RETRIES + 1):
            try:
                return self.spec.update(self.client, current, body)
            except ConflictError:
                if attempt == CONFLICT_RETRIES:
                    raise

    def _result(self, results):
        summary = dict((k, 0) for k in ("created", "updated", "deleted", "unchanged"))
        diff = []
        for r in results:
            summary[r["action"]] += 1
            if r["action"] != "unchanged":
                label = "{0} {1}".format(self.spec.kind, r["name"])
                diff.append(dict(before=_diffable(r["before"]), after=_diffable(r["after"]),
                                 before_header=label, after_header=label))
        return dict(changed=bool(diff), results=results, summary=summary, diff=diff, warnings=self.warnings)


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


def _overlay(current, desired):
    """What an object looks like once the set parts of `desired` are applied to `current`."""
    if isinstance(desired, dict) and isinstance(current, dict):
        out = copy.deepcopy(current)
        for key, value in desired.items():
            if value is not None:
                out[key] = _overlay(current.get(key), value)
        return out
    return copy.deepcopy(desired)


def _merge(target, changes):
    """Deep-merge an update body into the current object's body (dicts merge, the rest replaces)."""
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            _merge(target[key], value)
        else:
            target[key] = value


def _label(entry):
    return entry if not isinstance(entry, dict) else entry.get("email") or entry.get("id") or entry.get("name")


def _diffable(view):
    if view is None:
        return {}
    return _prune(dict((k, v) for k, v in view.items() if k != "id"))


def _prune(value):
    """Drop empty values, so a diff shows what is set."""
    if isinstance(value, dict):
        pruned = dict((k, _prune(v)) for k, v in value.items())
        return dict((k, v) for k, v in pruned.items() if v is not None and v != {})
    if isinstance(value, list):
        return [_prune(v) for v in value]
    return value


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

# -*- coding: utf-8 -*-
# Copyright: (c) 2026, cxops.genesys contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The one convergence pipeline: map, validate, plan, apply, settle, report.

Every resource type (configuration objects, work items, agents' skills) is a declarative
`ResourceSpec` plus the hooks it really needs; the deletion guard, the ordering of items that
reference each other, uncertain-write settling, the 409 re-read-merge-retry, the diff and the
summary exist here once. Independent of AnsibleModule:
`Engine(client, spec, check_mode).ensure(items, ...)` returns a plain result dict.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from ansible_collections.cxops.genesys.plugins.module_utils.errors import (
    ConflictError, GenesysError, InputError, NotFoundError, UncertainWriteError)
from ansible_collections.cxops.genesys.plugins.module_utils.references import PLANNED, References, fold

MAX_NAME = 256
PROGRESS_EVERY = 3  # seconds between the progress lines of a long call
SETTLE_AFTER = 3  # seconds a listing may lag behind a create, before a lost create is looked for
SETTLE_ROUNDS = 3  # looks (and creates again) for a create whose answer was lost
CONFLICT_RETRIES = 2  # a full replace answered 409 (changed meanwhile) is re-read, merged and sent again this often
DONE = {"create": "created", "update": "updated", "delete": "deleted", "unchanged": "unchanged", "skip": "skipped",
        "invalid": "invalid", "failed": "failed", "terminate": "terminated", "adopt": "adopted"}
NO_WRITE = ("unchanged", "skip", "invalid", "failed")


def camel(name):
    """snake_case option name -> camelCase API field."""
    head, *rest = name.split("_")
    return head + "".join(p[:1].upper() + p[1:] for p in rest)


class Field:
    """One module option and where it lives in the API's JSON.

    `api` is the dotted path read from the API object (default: the option name in camelCase),
    `write` the dotted path written in a request body (default: `api`). Nested options (`options`)
    convert the same way, recursively. `ref` names a kind of object referenced by name in the
    module and by id in the API; `ref_shape` says whether the API holds it as {id}, as a bare id, or by
    its name. A `ref` that is a dict picks the kind by the value of the sibling option `ref_by` (a
    member group's type). `lo`, `hi`, `maxlen`, `minitems` and `maxitems` are checked before any write.
    `compare` turns a value into its comparable form (dates compare as instants, whatever their
    written form). A Field may hold itself in its `options` (nested conditions): Ansible checks the
    first level, the engine every level.
    """

    def __init__(self, api=None, type="str", ref=None, ref_shape="object", write=None, choices=None,
                 elements=None, options=None, values=None, keys=None, lo=None, hi=None, maxlen=None,
                 minitems=None, maxitems=None, create_only=False, compare=None, ref_by=None):
        self.api = api
        self.write = write
        self.type = type
        self.ref = ref
        self.ref_by = ref_by
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
        self.compare = compare

    def api_key(self, name):
        return self.api or camel(name)

    def write_key(self, name):
        return self.write or self.api_key(name)

    def argument_spec(self, outer=()):
        spec = dict(type=self.type)
        if self.choices:
            spec["choices"] = self.choices
        if self.elements or (self.type == "list" and self.options):
            spec["elements"] = self.elements or "dict"
        if self.options and self not in outer:  # a Field nested in itself is checked by the engine
            spec["options"] = dict((n, f.argument_spec(outer + (self,))) for n, f in self.options.items())
        return spec

    def pick(self, siblings):
        """The field with its referenced kind chosen by a sibling's value (or itself)."""
        if not isinstance(self.ref, dict):
            return self
        picked = copy.copy(self)
        picked.kinds = self.ref
        picked.ref = self.ref.get((siblings or {}).get(self.ref_by))
        return picked


class ResourceSpec:
    """Describes one resource type. Its hooks default to a named configuration object listed with
    GET and page numbers; override only what the type really does differently."""

    kind = None              # the word used in messages, e.g. "skill"
    ref_kind = None          # its kind in References, so objects created in a run are referable
    key_option = "name"      # the item option that identifies an object
    creatable = True         # False: the objects exist already (users); an unknown key is invalid
    unknown = "does not exist"  # what an unknown key is, for a type that is not creatable
    unique_key = True        # False: the API lets two objects share a key; a run's create then looks for a twin
    independent = False      # True: a bad item fails alone and the others go on (work items)
    action_key = "action"    # the result entry's key for what happened
    outcomes = ("created", "updated", "deleted", "unchanged")
    renamable = True         # False: a name differing only in case stays as it is (skills cannot be renamed)
    cache_listing = True     # the listing serves every later call of the session (a loop's items)
    call_options = ("purge", "max_deletions", "planned")  # options of a whole call (module.CALL_ARGS)
    min_name = 1             # the shortest name the API accepts
    required_on_create = ()  # options a new object needs
    path = None              # the collection path, e.g. /api/v2/routing/skills
    page_size = 100          # the largest page size the API is known to accept for the listing
    fields = {}              # option name -> Field
    associations = {}        # option name -> Association (sub-resources such as queue members)
    writable = ()            # top-level keys of the API's update body (GET-merge-PUT keeps them)
    options = {}             # module options that are not API fields (argument specs), e.g. force_delete
    bulk_size = 0            # > 0: creates go through `create_many`, this many per request
    update_method = "PUT"    # the method of the GET-merge-write update
    singleton = None         # the name of the one object of a type that is one document per org
    detailed = ()            # options the listing leaves out: an item that sets one has its object read in full

    def argument_spec(self):
        spec = dict((name, f.argument_spec()) for name, f in self.fields.items())
        spec.update(self.options)
        for association in self.associations.values():
            spec.update(association.argument_spec())
        return spec

    # --- identity ----------------------------------------------------------------------------
    def key(self, item):
        return item.get(self.key_option)

    def fold(self, key):
        """A key as the API compares it: names and emails without case."""
        return fold(key)

    def object_key(self, obj):
        return obj.get("name")

    def label(self, item, index):
        """What identifies a result entry."""
        return {self.key_option: self.key(item)}

    def header(self, entry):
        """How a diff and a warning name an item or a result entry."""
        return "{0} {1}".format(self.kind, self.key(entry))

    def identity_problems(self, item, label):
        name = item.get("name")
        if not isinstance(name, str) or not name.strip():
            return ["{0}: a {1} needs a non-empty name".format(label, self.kind)]
        if not self.min_name <= len(name) <= MAX_NAME:
            return ["{0}: name {1!r} is {2} characters long; {3} to {4} are allowed".format(
                label, name[:40], len(name), self.min_name, MAX_NAME)]
        return []

    # --- reading -----------------------------------------------------------------------------
    def is_absent(self, obj):
        """Whether a listed object counts as gone (for example a soft-deleted skill)."""
        return False

    def pages(self, client, params=None):
        """The type's listing, page by page (a type paged by cursor says so here)."""
        return client.list_pages(self.path, params=params, page_size=self.page_size)

    def list(self, client):
        return [o for o in self.pages(client) if not self.is_absent(o)]

    def existing(self, engine, items):
        """The current objects by folded key: one listing, never a read per object. Objects that
        share a key (names the API does not keep unique) are all kept, oldest first."""
        found = {}
        for obj in self.list(engine.client):
            found.setdefault(self.fold(self.object_key(obj)), []).append(obj)
            engine.view(obj)  # learns the references the listing embeds
        return dict((key, oldest_first(objs)) for key, objs in found.items())

    def find(self, engine, item):
        """Every object with the item's key, oldest first: after a create whose outcome is unknown,
        or to find the twins a concurrent run created."""
        found = self.pages(engine.client, params={"name": item["name"]})
        return oldest_first(o for o in found if fold(o.get("name")) == fold(item["name"]) and not self.is_absent(o))

    def item_path(self, obj):
        """Where one object is read and written."""
        return "{0}/{1}".format(self.path, obj["id"])

    def detail(self, engine, objects):
        """The objects, read in full (for the options in `detailed`, which the listing leaves out)."""
        return []

    def view(self, engine, obj):
        """An API object as the module shows it."""
        return engine.view(obj)

    def read_one(self, client, obj):
        """The object as it is now, or None once it is gone."""
        try:
            found = client.get(self.item_path(obj))
        except NotFoundError:
            return None
        return None if self.is_absent(found) else found

    # --- planning ----------------------------------------------------------------------------
    def validate(self, engine, item):
        """Problems with one desired item that the field declarations cannot express."""
        return []

    def plan(self, engine, step):
        """Set step["action"] (and what it needs) for a type whose plan is not the default one."""

    def skip(self, current):
        """Why an existing object is left alone (an inactive user), or None."""
        return None

    def predict(self, engine, step, before):
        """What check mode shows as the object after the step."""
        return engine.overlay(before or {"id": None, "name": step["item"].get("name")},
                              step["item"] if step["current"] is None else step["changes"])

    # --- writing -----------------------------------------------------------------------------
    def create_body(self, engine, item):
        body = engine.to_body(item)
        body["name"] = item["name"]
        return body

    def create(self, client, body, item):
        return client.request("POST", self.path, body=body)

    def bulkable(self, item):
        """Whether the item can be created in bulk (see `bulk_size`)."""
        return True

    def create_many(self, engine, items):
        """Create the items in one request: per item, the object created or the GenesysError that
        refused it. Raises UncertainWriteError when the request's outcome is unknown."""
        raise NotImplementedError

    def update_body(self, engine, step):
        body = engine.to_body(step["changes"], create=False)
        if "name" in step["changes"] and "name" not in self.fields:  # a rename (a case change)
            body["name"] = step["changes"]["name"]
        return body

    def update(self, client, current, body):
        """GET-merge-PUT: the PUT carries every writable field of the current object, so the
        fields the user did not set survive a full-replace update. `body` holds the changes."""
        fresh = client.get(self.item_path(current)) or {}
        merged = dict((k, v) for k, v in fresh.items() if k in self.writable)
        merge(merged, body)
        return client.request(self.update_method, self.item_path(current), body=merged)

    def delete(self, client, obj, item):
        client.request("DELETE", self.item_path(obj))

    def perform(self, engine, step):
        """Another action that a plan hook chose (for example terminating a work item)."""
        raise NotImplementedError(step["action"])

    def follows(self, item):
        """Whether the item is followed even when nothing is written."""
        return False

    def follow(self, engine, step, obj):
        """After the write (waiting for a status, reading an audit trail): returns the object."""
        return obj


class Association:
    """A sub-resource managed through its own endpoints (queue members, worktype statuses).

    `option` holds the desired list, `mode_option` its mode: additive (adds what is missing)
    or authoritative (also removes what is not listed). Its current state is read only for
    objects whose item sets the option.
    """

    option = None
    mode_option = None
    noun = "association"  # what one removal is called in the deletion guard's message

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

    def references(self, item):
        """The (kind, name) of the objects the desired list references."""
        return []

    def kept(self, refs, obj):
        """What the API keeps on the object whatever is asked (never planned for removal)."""
        return []


class Engine:
    """Converges a list of desired objects of one type, or reads them.

    `listings` (optional) keeps each type's listing between calls, kept current with this engine's
    own writes: the items of a loop then share one listing instead of each listing again.
    """

    def __init__(self, client, spec, check_mode=False, references=None, listings=None, journal=None):
        self.client = client
        self.spec = spec
        self.check_mode = check_mode
        self.refs = references or References(client, journal=journal)
        self.journal = journal  # this run's own writes (journal.RunJournal), shared by its tasks and processes
        self.kind = spec.ref_kind or spec.kind  # the journal's and the references' name of the type
        self.listings = {} if listings is None else listings
        self.warnings = []
        self.creating = set()  # keys of the objects this call creates: referable by its other items
        self.existing = {}     # the type's objects by key, kept current with this engine's writes
        self._created = []     # (step, object, when) of this call's creates of a type without a unique key
        self.shallow = False   # plan without reading associations (a whole-state check)
        self.ordered = []      # the plan in the order it is applied (referenced objects first)
        self.progress = None   # progress(text): told how a long call goes, every few seconds
        self._lock = threading.RLock()  # writes run concurrently: what they remember is changed under it
        self._counts = dict(compared=0, items=0, done=0, writes=0)
        self._told = time.time()

    # --- map: options <-> API JSON ----------------------------------------------------------------
    def to_module(self, field, value):
        if value is None:
            return None
        if field.values:
            inner = field.values
            return dict((k, self.to_module(inner, _get_path(v, inner.api) if inner.api else v)) for k, v in value.items())
        if field.ref and field.ref_shape != "name":
            if field.type == "list":
                return [self.refs.name_of(field.ref, v) for v in value]
            return self.refs.name_of(field.ref, value)
        if field.options:
            if field.type == "list":
                return [self._dict_to_module(field.options, v) for v in value]
            return self._dict_to_module(field.options, value)
        return copy.deepcopy(value)

    def _dict_to_module(self, options, obj):
        return dict((name, self.to_module(f.pick(obj), _get_path(obj, f.api_key(name)))) for name, f in options.items())

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
                    set_path(out[key], inner.write or inner.api, self.to_api(inner, item))
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
        ref_id = self.refs.id_of(field.ref, name) if field.ref else None
        if ref_id is None:  # never write a reference that names nothing
            raise InputError("{0} {1!r} does not exist".format(str(field.ref).replace("_", "-"), name))
        if field.ref_shape == "name":
            return self.refs.name_of(field.ref, ref_id)
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
            set_path(out, field.write_key(name), self.to_api(field.pick(values), value))
        return out

    def view(self, obj):
        """An API object as the module shows it: option names, references by name."""
        out = {"id": obj.get("id"), "name": obj.get("name")}
        for name, field in self.spec.fields.items():
            if not field.create_only:
                out[name] = self.to_module(field, _get_path(obj, field.api_key(name)))
        return out

    def overlay(self, base, values):
        """`base` with the set options of `values` applied (what an object looks like after a write)."""
        after = copy.deepcopy(base)
        if values.get("name"):
            after["name"] = values["name"]
        for opt, field in self.spec.fields.items():
            if field.create_only:
                continue
            if values.get(opt) is not None:
                after[opt] = _overlay(after.get(opt), values[opt])
            else:
                after.setdefault(opt, None)
        return after

    def read(self, names=None, include=()):
        """Objects in module form, with the associations named in `include` (read concurrently)."""
        objects = self.spec.list(self.client)
        if names is not None:
            wanted = set(names)
            objects = [o for o in objects if o.get("name") in wanted]
        full = dict((o["id"], o) for o in self.spec.detail(self, objects))
        objects = [full.get(o["id"], o) for o in objects]
        views = [self.spec.view(self, o) for o in objects]
        jobs = [(index, option) for index in range(len(objects)) for option in include]
        found = self.each(lambda job: self.spec.associations[job[1]].read(self.client, self.refs, objects[job[0]]),
                          jobs)
        for (index, option), value in zip(jobs, found):
            views[index][option] = value
        return views

    # --- the pipeline ------------------------------------------------------------------------
    def ensure(self, items, purge=False, max_deletions=0, single=False, fail_fast=False, invalid=None):
        """Bring the org to the desired items, deleting at most `max_deletions` objects or
        associations. A `single` object named with state=absent is explicit enough to be deleted
        without that allowance; removing associations always needs it. Nothing is written before
        the whole call is validated and planned. `invalid` holds the problems of items that failed
        their option checks already, by index (for independent items)."""
        plan = self.plan(items, purge, max_deletions, single, fail_fast, invalid)
        results = {}
        try:
            self._apply_all(self.ordered, results, fail_fast)
        except GenesysError as exc:
            # An honest report of a call that failed after writing: what it did, and that it changed things.
            exc.result = self._report([results[id(s)] for s in plan if id(s) in results])
            raise
        return self._report([results[id(s)] for s in plan])

    def plan(self, items, purge=False, max_deletions=0, single=False, fail_fast=False, invalid=None, shallow=False):
        """Validate and plan a call without writing: the same code the apply runs, so a whole-state check
        (genesys_preflight) refuses exactly what the apply would. `shallow` skips reading associations."""
        invalid = invalid or {}
        self.shallow = shallow
        valid = [item for index, item in enumerate(items) if index not in invalid]
        self.existing = self._existing(valid)
        if not shallow:
            self._detail(valid)
        plan = self._plan_all(items, fail_fast, invalid)
        if purge:
            named = set(self.key(item) for item in items)
            for key in sorted(set(self.existing) - named):
                for obj in self.existing[key]:
                    plan.append(self._step(None, {self.spec.key_option: self.spec.object_key(obj)}, obj,
                                           action="delete"))
        self._check_deletions(plan)
        self._guard(plan, max_deletions, single)
        self.ordered = self._order(plan)  # a cycle is refused here, before any write
        return plan

    def _check_deletions(self, plan):
        """An object this call deletes must not be referenced by another item of the call."""
        deleting = set(s["key"] for s in plan if s["action"] == "delete")
        problems = ["{0} refers to {1} {2!r}, which this call deletes".format(self.spec.header(s["item"]), kind, name)
                    for s in plan if s["action"] not in ("delete", "invalid", "failed", "skip")
                    for kind, name in self.references_of(s["item"])
                    if kind == self.spec.ref_kind and fold(name) in deleting]
        if problems:
            raise InputError("Invalid desired state, nothing was changed: " + "; ".join(problems))

    def references_of(self, item):
        """Every (kind, name) an item references, in its fields at any depth and in its associations."""
        refs = _references(self.spec.fields, item)
        for opt, association in self.spec.associations.items():
            if item.get(opt) is not None:
                refs.extend(association.references(item))
        return refs

    def key(self, item):
        """An item's key as the API compares keys (names without case)."""
        return self.spec.fold(self.spec.key(item))

    def _existing(self, items):
        """The type's objects by folded key (a list: oldest first): listed once, or taken from `listings`."""
        existing = self.listings.get(self.spec.kind) if self.spec.cache_listing else None
        if existing is None:
            existing = self._own_writes(self.spec.existing(self, items), items)
            if self.spec.cache_listing:
                self.listings[self.spec.kind] = existing
        return existing

    def _own_writes(self, existing, items):
        """A listing corrected with this run's own recent writes: what it deleted is gone and what it
        created is there, whatever the (lagging) listing says. A listing made for some items only
        (work items by tag) takes only their creates."""
        writes = self.journal.recent(self.kind) if self.journal else {}
        wanted = None if self.spec.cache_listing else set(self.key(item) for item in items)
        for obj_id, (op, obj) in writes.items():
            key = self.spec.fold(self.spec.object_key(obj))
            listed = existing.get(key, [])
            if op == "deleted" or any(o.get("id") == obj_id for o in listed):
                if op == "deleted":
                    self._forget(key, obj, existing)
            elif wanted is None or key in wanted:
                existing[key] = oldest_first(listed + [obj])
        return existing

    def _detail(self, items):
        """The items' objects whose listing leaves out what is compared, read in full; the shared
        listing keeps them, so a loop reads each once."""
        objects = [self.current(self.key(i)) for i in items if i.get("state", "present") == "present"
                   and any(i.get(option) is not None for option in self.spec.detailed)]
        for obj in self.spec.detail(self, [o for o in objects if o is not None]):
            self._remember(self.spec.fold(self.spec.object_key(obj)), obj)

    def current(self, key):
        found = self.existing.get(key)
        return found[0] if found else None

    def _remember(self, key, obj):
        """Keep the shared listing current with this run's own writes."""
        with self._lock:
            self._remember_unlocked(key, obj)

    def _remember_unlocked(self, key, obj):
        others = [o for o in self.existing.get(key, []) if o.get("id") != obj.get("id")]
        self.existing[key] = [obj] + others if self.spec.fold(self.spec.object_key(obj)) == key else others
        if self.spec.fold(self.spec.object_key(obj)) != key:
            self._remember_unlocked(self.spec.fold(self.spec.object_key(obj)), obj)

    def _forget(self, key, obj, existing=None):
        existing = self.existing if existing is None else existing
        with self._lock:
            left = [o for o in existing.get(key, []) if o.get("id") != obj.get("id")]
            if left:
                existing[key] = left
            else:
                existing.pop(key, None)

    def _deleted(self, key, obj):
        """After a delete: no listing of this run shows the object again."""
        self._forget(key, obj)
        if self.spec.ref_kind:
            self.refs.forget(self.spec.ref_kind, obj)
        if self.journal:
            self.journal.record(self.kind, "deleted", obj)

    # --- validate ----------------------------------------------------------------------------
    def _validate(self, items, invalid):
        """Every problem of every item, before any write: {index: [problems]}."""
        problems, refused = dict(invalid), []
        seen = set()
        self.creating = set(self.key(i) for i in items if i.get("state", "present") == "present"
                            and self.key(i) not in self.existing)
        for index, item in enumerate(items):
            if index in invalid:
                continue
            label = "items[{0}]".format(index) if len(items) > 1 else self.spec.key_option
            found = self.spec.identity_problems(item, label)
            key = self.key(item)
            if not found and key in seen:
                found.append("{0}: {1} is listed more than once (names are compared without case)".format(
                    label, self.spec.header(item)))
            seen.add(key)
            if found:
                refused.extend(found)
                continue
            where = "" if self.spec.independent else "{0} {1!r}: ".format(self.spec.kind, self.spec.key(item))
            twins = self.existing.get(key) or []
            if len(twins) > 1:
                found.append(where + "{0} objects match it (ids {1}); rename or delete all but one first, so that "
                                     "none is picked silently".format(len(twins), ", ".join(o["id"] for o in twins)))
            if item.get("state", "present") != "absent":
                if not self.spec.creatable and key not in self.existing:
                    found.append(where + self.spec.unknown)
                found.extend(where + p for p in self.check_fields(item))
                for opt, association in self.spec.associations.items():
                    if item.get(opt) is not None:
                        found.extend(where + opt + ": " + p for p in association.validate(self.refs, item))
            found.extend(where + p for p in self.spec.validate(self, item))
            if found:
                problems[index] = found
        if refused:  # an item without identity, or named twice: the call is refused whole, whatever the type
            raise InputError("Invalid desired state, nothing was changed: " + "; ".join(refused))
        return problems

    def check_fields(self, item):
        """Range, length, size and reference problems of an item's fields."""
        problems = []
        for opt, field in self.spec.fields.items():
            self._check(field.pick(item), opt, item.get(opt), "", problems)
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
        if field.ref_by and not field.ref:  # the sibling that says what is referenced is missing
            problems.append("{0}{1}: needs {2}, one of {3}".format(
                where, path.rsplit(".", 1)[0], field.ref_by, ", ".join(sorted(field.kinds))))
            return
        if field.ref:
            if field.type == "list":
                problems.extend("{0}{1}: {2} {3!r} is listed more than once".format(
                    where, path, field.ref.replace("_", "-"), name) for name in twice(value))
            for name in value if field.type == "list" else [value]:
                if not self.referable(field.ref, name):
                    known = self.refs.known(field.ref)
                    problems.append("{0}{1}: {2} {3!r} does not exist; known: {4}".format(
                        where, path, field.ref.replace("_", "-"), name,
                        ", ".join(known[:20]) + (", ..." if len(known) > 20 else "") or "none"))
            return
        if field.options:
            for index, sub in enumerate(value if field.type == "list" else [value]):
                at = "{0}[{1}]".format(path, index) if field.type == "list" else path
                if not isinstance(sub, dict):
                    problems.append("{0}{1}: must be a dict, got {2!r}".format(where, at, sub))
                    continue
                unknown = sorted(set(sub) - set(field.options))
                if unknown:
                    problems.append("{0}{1}: unsupported options {2}; allowed {3}".format(
                        where, at, ", ".join(unknown), ", ".join(sorted(field.options))))
                for name, subfield in field.options.items():
                    self._check(subfield.pick(sub), at + "." + name, sub.get(name), where, problems)
            return
        for element in value if field.type == "list" else [value]:
            problem = _type_problem(field, element)
            if problem:
                problems.append("{0}{1}: {2}".format(where, path, problem))
                return
        if field.lo is not None and value < field.lo or field.hi is not None and value > field.hi:
            problems.append("{0}{1}: {2} is out of range; allowed {3} to {4}".format(where, path, value, field.lo,
                                                                                     field.hi))
        if field.maxlen and isinstance(value, str) and len(value) > field.maxlen:
            problems.append("{0}{1}: is {2} characters long; at most {3} are allowed".format(
                where, path, len(value), field.maxlen))

    def referable(self, kind, name):
        """Whether a reference can be written: the object exists, or this call creates it first."""
        if kind == self.spec.ref_kind and fold(name) in self.creating:
            return True
        return self.refs.id_of(kind, name) is not None

    # --- plan --------------------------------------------------------------------------------
    def _plan_all(self, items, fail_fast, invalid):
        problems = self._validate(items, invalid)
        if problems and not self.spec.independent:
            raise InputError("Invalid desired state, nothing was changed: " + "; ".join(
                p for index in sorted(problems) for p in problems[index]))
        valid = [item for index, item in enumerate(items) if index not in problems]
        reads = self._read_associations(valid)
        plan = []
        for index, item in enumerate(items):
            if index in problems:
                plan.append(self._step(index, item, None, action="invalid", problems=problems[index]))
                if fail_fast:  # nothing is written: what was valid before it is skipped
                    for step in plan[:-1]:
                        step["action"] = "skip"
                    return plan
                continue
            plan.append(self._plan(index, item, self.current(self.key(item)), reads))
        missing = ["{0} {1!r}: {2} is required to create it".format(self.spec.kind, self.spec.key(s["item"]), opt)
                   for s in plan if s["action"] == "create" for opt in self.spec.required_on_create
                   if s["item"].get(opt) is None]
        if missing:
            raise InputError("Invalid desired state, nothing was changed: " + "; ".join(missing))
        return plan

    def _step(self, index, item, current, **values):
        step = dict(index=index, item=item, key=self.key(item), name=self.spec.key(item), current=current, action=None, changes={},
                    assoc={}, problems=[], extra={}, deps=set())
        step.update(values)
        return step

    def _read_associations(self, items):
        """The current sub-resources of every existing object whose item sets them, read with
        bounded concurrency: {(key, option): current}."""
        jobs = [(self.key(item), opt) for item in items if item.get("state", "present") == "present"
                and self.current(self.key(item)) for opt in self.spec.associations if item.get(opt) is not None]

        def read(job):
            found = self.spec.associations[job[1]].read(self.client, self.refs, self.current(job[0]))
            self._tell(compared=1)
            return found

        if self.shallow:
            return {}
        self._counts["items"] = len(jobs)
        return dict(zip(jobs, self.each(read, jobs)))

    def each(self, work, jobs, workers=None):
        """`work(job)` for every job, as many at once as the client has workers (tokens share the
        load; the client keeps each token and the org within their limits). Results in job order."""
        workers = min(workers or getattr(self.client, "workers", 1), len(jobs))
        if workers < 2:
            return [work(job) for job in jobs]
        with ThreadPoolExecutor(max_workers=workers) as pool:
            return list(pool.map(work, jobs))

    def _tell(self, **counts):
        """Count progress; every few seconds of a long call, say how far it is."""
        with self._lock:
            for key, value in counts.items():
                self._counts[key] += value
            if not self.progress or time.time() - self._told < PROGRESS_EVERY:
                return
            self._told = time.time()
            c = self._counts
        self.progress("{0}s: {1}/{2} compared, {3}/{4} writes done".format(
            self.spec.kind, c["compared"], c["items"], c["done"], c["writes"]))

    def _plan(self, index, item, current, reads=None):
        step = self._step(index, item, current)
        self.spec.plan(self, step)
        if step["action"] is not None:
            return step
        if item.get("state", "present") == "absent":
            step["action"] = "delete" if current else "unchanged"
            return step
        skipped = self.spec.skip(current) if current is not None else None
        if skipped:
            self.warnings.append("{0}: {1}".format(self.spec.header(item), skipped))
            step["action"] = "skip"
            return step
        if current is not None:
            step["changes"] = self.changes(item, self.spec.view(self, current))
            self._rename(step)
        for opt, association in self.spec.associations.items():
            if item.get(opt) is None or self.shallow:
                continue
            if not current:
                now = []
            elif reads and (step["key"], opt) in reads:
                now = reads[(step["key"], opt)]
            else:
                now = association.read(self.client, self.refs, current)
            plan = association.plan(self.refs, item, now)
            kept = association.kept(self.refs, current) if current else []
            if kept:
                plan.update(removes=[r for r in plan["removes"] if r not in kept],
                            after=sorted(set(plan["after"]) | set(kept)))
            self.warnings.extend("{0}: {1}".format(self.spec.header(item), w) for w in plan["warnings"])
            step["assoc"][opt] = dict(plan, before=now)
        assoc_changed = any(a["adds"] or a["removes"] or a["updates"] for a in step["assoc"].values())
        step["action"] = "create" if current is None else (
            "update" if step["changes"] or assoc_changed else "unchanged")
        return step

    def changes(self, item, view):
        """The options the item sets that differ from the object's current view."""
        return dict((opt, item[opt]) for opt, f in self.spec.fields.items()
                    if item.get(opt) is not None and not f.create_only
                    and differs(_comparable(f, self.canonical(f.pick(item), item[opt])), _comparable(f, view.get(opt))))

    def canonical(self, field, value):
        """A value with each reference as the object's own name, as a view shows it: a reference given
        by id, or by a name in other case, compares equal to it."""
        if value is None:
            return None
        if field.values:
            return dict((k, self.canonical(field.values, v)) for k, v in value.items())
        if field.ref:
            return [self._named(field.ref, v) for v in value] if field.type == "list" else self._named(field.ref, value)
        if field.options:
            subs = [dict(sub, **dict((n, self.canonical(f.pick(sub), sub[n])) for n, f in field.options.items()
                                     if sub.get(n) is not None)) if isinstance(sub, dict) else sub
                    for sub in (value if field.type == "list" else [value])]
            return subs if field.type == "list" else subs[0]
        return value

    def _named(self, kind, value):
        ref_id = self.refs.id_of(kind, value)
        if ref_id is None or str(ref_id).startswith(PLANNED):
            return value
        return self.refs.name_of(kind, ref_id)

    def _rename(self, step):
        """A name that differs from the object's only in case names the same object: renamed where
        the API renames, left as it is (with a warning) where it cannot, never deleted and recreated."""
        name, now = step["item"].get("name"), step["current"].get("name")
        if self.spec.key_option != "name" or name == now:
            return
        if self.spec.renamable:
            step["changes"]["name"] = name
        else:
            self.warnings.append("{0} {1!r} exists as {2!r}, which a {0} cannot be renamed from; it keeps its "
                                 "name".format(self.spec.kind, name, now))

    def _guard(self, plan, allowed, single):
        deletes = [s for s in plan if s["action"] == "delete" and not single]
        if len(deletes) > allowed and deletes:
            # Before refusing: a lagging listing may still show objects that are already gone.
            for step in deletes:
                if self.spec.read_one(self.client, step["current"]) is None:
                    step["action"] = "unchanged"
                    self._forget(step["key"], step["current"])
        objects = [str(s["name"]) for s in plan if s["action"] == "delete" and not single]
        links = ["{0} from {1}".format(_label(r), s["name"]) for s in plan
                 for a in s["assoc"].values() for r in a["removes"]]
        gone = objects + links
        if len(gone) > allowed:
            shown = ", ".join(gone[:10]) + (", ..." if len(gone) > 10 else "")
            if objects:
                what = "Refusing to delete {0} {1}(s) or associations".format(len(gone), self.spec.kind)
            else:
                nouns = set(self.spec.associations[o].noun for s in plan for o, a in s["assoc"].items() if a["removes"])
                what = "Refusing to remove {0} {1}(s)".format(len(gone), " or ".join(sorted(nouns)))
            raise InputError("{0} ({1}): max_deletions is {2}. Set max_deletions to at least {3} to allow it.".format(
                what, shown, allowed, len(gone)))

    def _order(self, plan):
        """Items that reference objects of their own type that this call creates come after them, so
        every id written is a real one. A cycle is refused before any write, in check mode too."""
        creating = dict((s["key"], s) for s in plan if s["action"] == "create")
        for step in plan:
            values = step["item"] if step["action"] == "create" else step["changes"]
            step["deps"] = set(fold(n) for k, n in _references(self.spec.fields, values)
                               if k == self.spec.ref_kind and fold(n) in creating) if self.spec.ref_kind else set()
        ordered, placed, visiting = [], set(), []

        def place(step):
            if id(step) in placed:
                return
            if step["key"] in visiting:
                cycle = [creating[k]["name"] for k in visiting[visiting.index(step["key"]):]] + [step["name"]]
                raise InputError("Invalid desired state, nothing was changed: {0}s {1} reference each other in a "
                                 "cycle; none can be created first".format(self.spec.kind, " -> ".join(
                                     repr(k) for k in cycle)))
            visiting.append(step["key"])
            for name in sorted(step["deps"]):
                place(creating[name])
            visiting.pop()
            placed.add(id(step))
            ordered.append(step)

        for step in plan:
            place(step)
        return ordered

    # --- apply -------------------------------------------------------------------------------
    def _apply_all(self, ordered, results, fail_fast):
        """Apply the plan in waves: an item comes in a later wave than the siblings it references, so
        their ids are real when it is written; each wave's writes run concurrently (one at a time
        with fail_fast, which stops at the first failure)."""
        unsettled, waiting = [], []
        self._counts.update(compared=len(ordered), items=len(ordered),
                            writes=sum(1 for s in ordered if s["action"] not in NO_WRITE))
        stopped = []
        for wave in _waves(ordered):
            todo = []
            for step in wave:
                if stopped:
                    step["action"] = "skip"
                if step["deps"] & set(s["key"] for s, dummy, dummy in unsettled):
                    waiting.append(step)  # its referenced sibling's create is not confirmed yet
                    continue
                todo.append(step)

            def apply(step):
                if stopped:
                    step["action"] = "skip"
                self._apply_one(step, results, unsettled)
                if fail_fast and results.get(id(step), {}).get(self.spec.action_key) == "failed":
                    stopped.append(step)

            if self.spec.bulk_size and not self.check_mode and not fail_fast:
                creates = [s for s in todo if s["action"] == "create" and self.spec.bulkable(s["item"])]
                self._create_in_bulk(creates, results, unsettled)
                todo = [s for s in todo if not any(s is c for c in creates)]
            self.each(apply, todo, workers=1 if fail_fast else None)
        self._settle(unsettled, results)
        for step in waiting:
            self._apply_one(step, results, [])
        self._dedupe(results)

    def _create_in_bulk(self, steps, results, unsettled):
        """Creates through the API's bulk endpoint, `bulk_size` at a time, each item with its own
        outcome; a request whose outcome is unknown is settled item by item, like a lost create. One
        item alone is created as usual: a bulk request costs more requests than a create."""
        chunks = [steps[i:i + self.spec.bulk_size] for i in range(0, len(steps), self.spec.bulk_size)]

        def create(chunk):
            if len(chunk) == 1:
                return self._apply_one(chunk[0], results, unsettled)
            try:
                outcomes = self.spec.create_many(self, [s["item"] for s in chunk])
            except (UncertainWriteError, ConflictError) as exc:
                unsettled.extend((s, time.time(), exc) for s in chunk)
                return
            except GenesysError as exc:
                outcomes = [exc] * len(chunk)
            for step, outcome in zip(chunk, outcomes):
                if isinstance(outcome, GenesysError):
                    self._failed(step, outcome, results)
                    continue
                results[id(step)] = self._finish(step, outcome, None)
                self._tell(done=1)

        self.each(create, chunks)

    def _apply_one(self, step, results, unsettled):
        try:
            result = self._apply(step)
        except (UncertainWriteError, ConflictError) as exc:
            if step["action"] != "create":
                return self._failed(step, exc, results)
            unsettled.append((step, time.time(), exc))  # looked for after the other items
            return None
        except GenesysError as exc:
            return self._failed(step, exc, results)
        results[id(step)] = result
        if step["action"] not in NO_WRITE:
            self._tell(done=1)
        return result

    def _failed(self, step, exc, results):
        if not self.spec.independent:
            raise exc
        results[id(step)] = self._result(step, "failed", self._before(step), None,
                                         problems=[exc.to_fail_json()["msg"]])

    def _apply(self, step):
        action, current = step["action"], step["current"]
        before = self._before(step)
        if action == "unchanged" and current is not None and not self.check_mode and self.spec.follows(step["item"]):
            return self._result(step, action, before, self.spec.view(self, self.spec.follow(self, step, current)))
        if action in NO_WRITE:
            return self._result(step, action, before, before if action != "invalid" else None,
                                problems=step["problems"])
        if self.check_mode:
            after = None if action == "delete" else self.spec.predict(self, step, before)
            if after is not None:
                after.update((opt, a["after"]) for opt, a in step["assoc"].items())
            return self._result(step, action, before, after)
        if action == "delete":
            try:
                self.spec.delete(self.client, current, step["item"])
            except NotFoundError:
                pass  # already gone (a retried delete whose first answer was lost): the goal is met
            self._deleted(step["key"], current)
            return self._result(step, action, before, None)
        if action == "create":
            obj = self.spec.create(self.client, self.spec.create_body(self, step["item"]), step["item"])
        elif action == "update":
            obj = self._update(step) if step["changes"] else current
        else:
            obj = self.spec.perform(self, step)
        return self._finish(step, obj, before)

    def _before(self, step):
        if step["current"] is None:
            return None
        before = self.spec.view(self, step["current"])
        before.update((opt, a["before"]) for opt, a in step["assoc"].items())
        return before

    def _update(self, step):
        """A full replace answered 409 (someone changed the object meanwhile) is re-read, merged and sent again."""
        body = self.spec.update_body(self, step)
        return _retry_conflicts(lambda: self.spec.update(self.client, step["current"], body))

    def _finish(self, step, obj, before):
        """After the object's own write: remember it, write its associations, follow it, report it."""
        self._remember(step["key"], obj)
        if step["action"] in ("create", "adopt") and self.journal:  # exists now, whatever a listing says
            self.journal.record(self.kind, "created", obj)
        if step["action"] == "create" and not self.spec.unique_key:
            self._created.append((step, obj, time.time()))
        if self.spec.ref_kind:
            self.refs.add(self.spec.ref_kind, obj)
        for opt, plan in step["assoc"].items():
            association = self.spec.associations[opt]
            _retry_conflicts(lambda: association.apply(self.client, self.refs, obj, step["item"], plan))
        obj = self.spec.follow(self, step, obj)
        after = self.spec.view(self, obj)
        after.update((opt, a["after"]) for opt, a in step["assoc"].items())
        return self._result(step, step["action"], before, after)

    def _result(self, step, action, before, after, problems=None):
        """One item's result. An unchanged object carries its id, not its before and after: a large
        no-op call stays small in memory and in the controller's results."""
        result = self.spec.label(step["item"], step["index"])
        result[self.spec.action_key] = DONE[action]
        if action == "unchanged" and before == after:
            if before and before.get("id"):
                result["id"] = before["id"]
        else:
            result.update(before=before, after=after)
        if problems:
            result["problems"] = problems
        result.update(step["extra"])
        return result

    # --- settle ------------------------------------------------------------------------------
    def _settle(self, unsettled, results):
        """Creates whose outcome is unknown: once listings have had time to catch up with them,
        adopt each object found (updated if it differs), or create it again; in rounds."""
        for dummy in range(SETTLE_ROUNDS):
            pending, unsettled = unsettled, []
            if not pending:
                return
            self.client.sleep(max(0.0, max(since for dummy, since, dummy in pending) + SETTLE_AFTER - time.time()))
            for step, dummy, error in pending:
                found = (self.spec.find(self, step["item"]) or [None])[0]
                try:
                    if found is None:
                        obj = self.spec.create(self.client, self.spec.create_body(self, step["item"]), step["item"])
                    else:
                        step["current"] = found
                        step["changes"] = self.changes(step["item"], self.spec.view(self, found))
                        obj = self._update(step) if step["changes"] else found
                        if isinstance(error, ConflictError):  # refused as taken: another run created it
                            step["action"] = "adopt"
                        else:  # an answer lost on the way: this run's create was applied
                            step["current"] = None
                except (UncertainWriteError, ConflictError) as exc:
                    unsettled.append((step, time.time(), exc))
                    continue
                results[id(step)] = self._finish(step, obj, self._before(step) if step["action"] == "adopt" else None)
        if unsettled:
            error = unsettled[-1][2]
            error.message = "Could not confirm the creation of {0} {1} after {2} attempts: {3}".format(
                self.spec.kind, ", ".join(str(s["name"]) for s, dummy, dummy in unsettled), SETTLE_ROUNDS + 1,
                error.message)
            for step, dummy, dummy in unsettled:
                self._failed(step, error, results)

    def _dedupe(self, results):
        """A type whose key the API does not keep unique (workbins, worktypes, work items): once listings
        have caught up, a create that has a twin (a concurrent run's, or a crashed run's) keeps exactly one
        object, the oldest; only this call's own object is ever removed."""
        if not self._created:
            return
        self.client.sleep(max(0.0, max(when for dummy, dummy, when in self._created) + SETTLE_AFTER - time.time()))
        found = self.spec.existing(self, [step["item"] for step, dummy, dummy in self._created])
        for step, mine, dummy in self._created:
            keep = (found.get(step["key"]) or [mine])[0]
            if keep.get("id") == mine.get("id"):
                continue
            try:
                self.spec.delete(self.client, mine, step["item"])
            except NotFoundError:
                pass
            self._deleted(step["key"], mine)
            self.warnings.append("{0}: another run created it at the same time (id {1}); that one is kept and this "
                                 "run's (id {2}) was removed".format(self.spec.header(step["item"]), keep["id"],
                                                                     mine["id"]))
            adopt = self._plan(step["index"], step["item"], keep)
            if adopt["action"] == "update":
                self._apply(adopt)
            self._remember(step["key"], keep)
            if self.spec.ref_kind:
                self.refs.add(self.spec.ref_kind, keep)
            results[id(step)]["after"] = self._before(adopt)
        self._created = []

    # --- report ------------------------------------------------------------------------------
    def _report(self, results):
        summary = dict((k, 0) for k in self.spec.outcomes)
        diff = []
        for r in results:
            action = r[self.spec.action_key]
            summary[action] = summary.get(action, 0) + 1  # "adopted" only when it happens
            if action in ("created", "updated", "deleted", "terminated") or \
                    action == "adopted" and r.get("before") != r.get("after"):
                header = self.spec.header(r)
                diff.append(dict(before=_diffable(r["before"]), after=_diffable(r["after"]),
                                 before_header=header, after_header=header))
        return dict(changed=bool(diff), results=results, summary=summary, diff=diff, warnings=self.warnings)


def _waves(ordered):
    """The ordered plan cut into waves: each step after every sibling its `deps` name."""
    wave_of, waves = {}, []
    for step in ordered:
        number = max([wave_of[d] + 1 for d in step["deps"] if d in wave_of] or [0])
        if step["action"] == "create":
            wave_of[step["key"]] = number
        while len(waves) <= number:
            waves.append([])
        waves[number].append(step)
    return waves


def oldest_first(objects):
    return sorted(objects, key=lambda o: (o.get("dateCreated") or "", o.get("id") or ""))


def twice(names):
    """The names a list holds more than once, compared as the API compares names (without case)."""
    seen, out = set(), []
    for name in names:
        folded = name.lower() if isinstance(name, str) else name
        if folded in seen and name not in out:
            out.append(name)
        seen.add(folded)
    return out


def _retry_conflicts(write):
    for attempt in range(CONFLICT_RETRIES + 1):
        try:
            return write()
        except ConflictError:
            if attempt == CONFLICT_RETRIES:
                raise


def _references(fields, values):
    """The (kind, name) of every object that option values reference, at any depth."""
    names = []
    for opt, field in fields.items():
        value = values.get(opt) if isinstance(values, dict) else None
        if value is None:
            continue
        field = field.pick(values)
        if field.ref:
            names.extend((field.ref, v) for v in (value if field.type == "list" else [value]))
        elif field.options:
            for sub in value if field.type == "list" else [value]:
                names.extend(_references(field.options, sub))
    return names


TYPES = {"str": (str,), "int": (int,), "float": (int, float), "bool": (bool,)}


def _type_problem(field, value):
    """What is wrong with a plain value (a level Ansible did not check: nested conditions, map values)."""
    want = field.elements if field.type == "list" else field.type
    if want not in TYPES:
        return None
    if not isinstance(value, TYPES[want]) or (want in ("int", "float") and isinstance(value, bool)):
        return "{0!r} is not a {1}".format(value, want)
    if field.choices and value not in field.choices:
        return "{0!r} is not one of {1}".format(value, ", ".join(field.choices))
    return None


def _comparable(field, value):
    return field.compare(value) if field.compare and value is not None else value


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
    """What an object looks like once the set parts of `desired` are applied to `current`: the same
    rule as `merge`, on the module's view."""
    if isinstance(desired, dict) and isinstance(current, dict):
        out = copy.deepcopy(current)
        for key, value in desired.items():
            if value is not None:
                out[key] = _overlay(current.get(key), value)
        return out
    if isinstance(desired, list) and isinstance(current, list):
        return [_overlay(current[i] if i < len(current) else None, d) for i, d in enumerate(desired)]
    return copy.deepcopy(desired)


def merge(target, changes):
    """Deep-merge an update body into the current object's body. Dicts merge key by key. Lists of
    objects (routing rules, bullseye rings, their member groups, conditional routing rules...) merge
    element by element, by position: an element keeps every field the change does not set, including
    fields the collection does not model; the list takes the change's length. Anything else replaces."""
    for key, value in changes.items():
        target[key] = _merged(target.get(key), value)


def _merged(current, change):
    if isinstance(change, dict) and isinstance(current, dict):
        merge(current, change)
        return current
    if isinstance(change, list) and isinstance(current, list):
        return [_merged(current[i], c) if i < len(current) and isinstance(c, dict) else c
                for i, c in enumerate(change)]
    return change


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


def set_path(obj, path, value):
    keys = path.split(".")
    for key in keys[:-1]:
        obj = obj.setdefault(key, {})
    obj[keys[-1]] = value

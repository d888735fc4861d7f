"""In-memory state of the orgs the sandbox serves, with listing lag and audit records."""

import time
import uuid
from datetime import datetime, timezone

COLLECTIONS = ("skills", "languages", "wrapupcodes", "queues", "skillgroups", "workbins", "worktypes", "workitems",
               "schemas")
# Objects an org has that the collection references by name but does not manage, with their listing's kind.
DIRECTORY = ("teams", "flows", "prompts", "scripts", "libraries", "email_domains", "recipients", "edge_groups",
             "sites")

DEFAULT_LIMITS = {
    # UNVERIFIED values: the reference names the keys, not the numbers.
    "routing": {"queues.max": 5000, "wrapup.codes.max": 5000},
    "skills": {"skill.count.max": 10000, "language.count.max": 500},
    "task.management": {"worktypes.max": 1000, "workbins.max": 1000},
}


def iso(ts=None):
    """Timestamps as the API writes them: UTC with milliseconds and a Z."""
    ts = time.time() if ts is None else ts
    return datetime.fromtimestamp(ts, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.") + f"{int(ts * 1000) % 1000:03d}Z"


def public(obj):
    """An object as answered: without the sandbox's own bookkeeping keys."""
    return {k: v for k, v in obj.items() if not k.startswith("_")}


class Org:
    """One org: its directory (divisions, users, groups) and its configuration objects."""

    def __init__(self, spec, new_id):
        self.name = spec["name"]
        self.id = spec.get("id") or new_id()
        self.region = spec.get("region", "us-east-1")
        self.clients = {c["client_id"]: c["client_secret"] for c in spec.get("clients", [])}
        self.limits = {ns: dict(values) for ns, values in DEFAULT_LIMITS.items()}
        for ns, values in (spec.get("limits") or {}).items():
            self.limits.setdefault(ns, {}).update(values)
        self.divisions = {}
        for d in spec.get("divisions") or [{"name": "Home", "home": True}]:
            div_id = d.get("id") or new_id()
            self.divisions[div_id] = {"id": div_id, "name": d["name"], "description": d.get("description", ""),
                                      "homeDivision": bool(d.get("home")),
                                      "selfUri": f"/api/v2/authorization/divisions/{div_id}"}
        self.users = {}
        for u in spec.get("users", []):
            user_id = u.get("id") or new_id()
            self.users[user_id] = {
                "id": user_id, "name": u["name"], "email": u["email"], "username": u["email"],
                "state": u.get("state", "active"), "version": 1,
                "division": self.division_ref(u.get("division")), "selfUri": f"/api/v2/users/{user_id}"}
        by_email = {u["email"]: uid for uid, u in self.users.items()}
        self.groups = {}
        for g in spec.get("groups", []):
            group_id = g.get("id") or new_id()
            self.groups[group_id] = {"id": group_id, "name": g["name"],
                                     "members": [by_email[e] for e in g.get("members", [])]}
        self.directory = {kind: {} for kind in DIRECTORY}
        for kind, entries in (spec.get("directory") or {}).items():
            for entry in entries:
                obj = dict(entry, id=entry.get("id") or new_id())
                if "members" in obj:
                    obj["members"] = [by_email[e] for e in obj["members"]]
                if "routes" in obj:  # an email domain's inbound routes
                    obj["routes"] = [dict(r, id=r.get("id") or new_id()) for r in obj["routes"]]
                self.directory[kind][obj["id"]] = obj
        self.objects = {name: {} for name in COLLECTIONS}
        self.tombstones = []            # [collection, object, vanishes_from_listings_at]
        self.queue_members = {}         # queue id -> {user id: {ringNumber, joined}}
        self.queue_wrapupcodes = {}     # queue id -> [wrap-up code id]
        self.user_skills = {}           # user id -> {skill id: {proficiency, state}}
        self.user_languages = {}        # user id -> {language id: {proficiency, state}}
        self.skillgroup_divisions = {}  # skill group id -> [member division id]
        self.utilization = None         # the org's utilization document; None: the defaults
        self.statuses = {}              # worktype id -> {status id: status}
        self.history = {}               # work item id -> [WorkitemChange]
        self.audits = []                # AuditLogMessage, oldest first
        for name in spec.get("languages", []):
            lang_id = new_id()
            self.objects["languages"][lang_id] = {
                "id": lang_id, "name": name, "state": "active", "version": "1", "dateModified": iso(),
                "selfUri": f"/api/v2/routing/languages/{lang_id}"}
        for collection, items in (spec.get("objects") or {}).items():
            for obj in items:
                obj.setdefault("id", new_id())
                self.objects[collection][obj["id"]] = obj

    def home_division(self):
        return next(d for d in self.divisions.values() if d["homeDivision"])

    def division_ref(self, division_id=None):
        d = self.divisions.get(division_id) or self.home_division()
        return {"id": d["id"], "name": d["name"], "selfUri": d["selfUri"]}

    def listing(self, collection, now=None):
        """What a listing shows: objects past their lag, plus deleted ones still lagging."""
        now = time.time() if now is None else now
        shown = [o for o in self.objects[collection].values() if o.get("_shown_at", 0) <= now]
        shown += [o for c, o, until in self.tombstones if c == collection and until > now]
        return shown

    def add(self, collection, obj, lag):
        obj["_shown_at"] = time.time() + lag
        self.objects[collection][obj["id"]] = obj
        return obj

    def remove(self, collection, obj_id, lag):
        obj = self.objects[collection].pop(obj_id)
        if lag:
            self.tombstones.append([collection, obj, time.time() + lag])
        return obj

    def count(self, collection):
        return sum(1 for o in self.objects[collection].values() if o.get("state") != "deleted")

    def dump(self):
        return dict(vars(self))

    @classmethod
    def load(cls, data):
        org = cls.__new__(cls)
        org.__dict__.update(data)
        org.__dict__.setdefault("user_languages", {})  # a state saved before users held languages
        org.__dict__.setdefault("skillgroup_divisions", {})  # ... before skill groups, directory and utilization
        org.__dict__.setdefault("directory", {kind: {} for kind in DIRECTORY})
        org.__dict__.setdefault("utilization", None)
        org.objects.setdefault("skillgroups", {})
        # JSON turns the nested id-keyed maps back into dicts already; nothing else to rebuild.
        return org


def new_id_factory(rng):
    """UUIDs drawn from the sandbox's random source, so `--seed` makes ids repeatable."""
    def new_id():
        return str(uuid.UUID(int=rng.getrandbits(128), version=4))
    return new_id

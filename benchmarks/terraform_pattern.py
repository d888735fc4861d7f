"""The Terraform provider's (CX as Code) request pattern, replayed against the sandbox for `make bench`.

Not the provider itself (no machine here runs Terraform against Genesys Cloud): its requests per
object, sent the way it sends them, with its defaults, under the same rate model as our runs.

From MyPureCloud/terraform-provider-genesyscloud (commit f955430, see shared/genesys-api.md):
- genesyscloud/provider/sdk_client_pool.go: a pool of `token_pool_size` SDK clients (default 10),
  each with its own token; Terraform runs 10 operations at once (its default -parallelism).
- genesyscloud/provider/provider.go: the SDK retries a 429 after its Retry-After (RetryMax 20);
  nothing paces requests before a 429.
- A refresh (no-op plan) reads every object in state by id, one resource at a time:
  - routing_skill/resource_genesyscloud_routing_skill.go: 1 GET;
  - routing_wrapupcode/resource_genesyscloud_routing_wrapupcode.go: 1 GET;
  - routing_queue/resource_genesyscloud_routing_queue.go (readQueue) and
    routing_queue/resource_genesyscloud_routing_queue_members.go: the queue, its wrap-up codes, the queue
    again, members page 1 and an empty page 2: 5 GETs;
  - user/resource_genesyscloud_user.go: the user, its routing skills, its routing languages: 3 GETs;
  - task_management_workbin/…, task_management_worktype/…: 1 GET each;
  - task_management_worktype_status/resource_genesyscloud_task_management_worktype_status.go: 2 GETs;
  - task_management_workitem/resource_genesyscloud_task_management_workitem.go: 1 GET.
- A create ends by reading the object back (the provider's `return readX(ctx, d, meta)` after each
  create): a POST (queues: then members and wrap-up codes, 100 per POST) followed by the reads above.
  An agent's skills are a user update: one PUT of its routing skills, then the user's reads.
"""

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import requests

POOL = 10          # token_pool_size default (sdk_client_pool.go)
PARALLELISM = 10   # Terraform's default -parallelism
MAX_RETRIES = 20   # provider.go RetryMax
CHUNK = 100        # queue members and wrap-up codes per POST


class Replayer:
    """Sends requests from PARALLELISM threads, each thread with its own token of the pool."""

    def __init__(self, url, client_id, client_secret):
        self.url = url
        self.auth = (client_id, client_secret)
        self.local = threading.local()
        self.lock = threading.Lock()
        self.next_token = 0
        self.tokens = [self._mint() for _token in range(POOL)]
        self.failed = 0

    def _mint(self):
        for _attempt in range(MAX_RETRIES):
            answer = requests.post(self.url + "/oauth/token", auth=self.auth, data={"grant_type": "client_credentials"},
                                   timeout=30)
            if answer.status_code == 200:
                return answer.json()["access_token"]
            time.sleep(1)
        raise RuntimeError("could not mint a token: {0}".format(answer.text[:200]))

    def _session(self):
        if not hasattr(self.local, "session"):
            with self.lock:
                token = self.tokens[self.next_token % POOL]
                self.next_token += 1
            self.local.session = requests.Session()
            self.local.session.headers["Authorization"] = "Bearer " + token
        return self.local.session

    def send(self, method, path, body=None, params=None):
        session = self._session()
        for _attempt in range(MAX_RETRIES + 1):
            answer = session.request(method, self.url + path, json=body, params=params, timeout=60)
            if answer.status_code != 429:
                if answer.status_code >= 400:
                    with self.lock:
                        self.failed += 1
                return answer.json() if answer.content else None
            time.sleep(float(answer.headers.get("Retry-After", 3)))
        with self.lock:
            self.failed += 1
        return None

    def each(self, work, objects):
        """One resource per object, PARALLELISM at a time (Terraform's walk of the graph)."""
        with ThreadPoolExecutor(max_workers=PARALLELISM) as pool:
            list(pool.map(work, objects))


def read_queue(r, queue_id):
    base = "/api/v2/routing/queues/" + queue_id
    r.send("GET", base)
    r.send("GET", base + "/wrapupcodes", params={"pageSize": 100, "pageNumber": 1})
    r.send("GET", base)
    r.send("GET", base + "/members", params={"pageSize": 100, "pageNumber": 1})
    r.send("GET", base + "/members", params={"pageSize": 100, "pageNumber": 2})


def read_user(r, user_id):
    r.send("GET", "/api/v2/users/" + user_id)
    r.send("GET", "/api/v2/users/{0}/routingskills".format(user_id), params={"pageSize": 100})
    r.send("GET", "/api/v2/users/{0}/routinglanguages".format(user_id), params={"pageSize": 100})


def refresh(r, org):
    """A no-op plan: every object of the state read by id."""
    tm = "/api/v2/taskmanagement"
    objects = org.objects
    r.each(lambda s: r.send("GET", "/api/v2/routing/skills/" + s), list(objects["skills"]))
    r.each(lambda c: r.send("GET", "/api/v2/routing/wrapupcodes/" + c), list(objects["wrapupcodes"]))
    r.each(lambda q: read_queue(r, q), list(objects["queues"]))
    r.each(lambda u: read_user(r, u), [u for u, info in org.users.items() if info.get("state") == "active"])
    r.each(lambda b: r.send("GET", "{0}/workbins/{1}".format(tm, b)), list(objects["workbins"]))
    r.each(lambda t: r.send("GET", "{0}/worktypes/{1}".format(tm, t)), list(objects["worktypes"]))
    statuses = [(t, s) for t, found in org.statuses.items() for s in found]
    r.each(lambda ts: (r.send("GET", "{0}/worktypes/{1}/statuses/{2}".format(tm, *ts)),
                       r.send("GET", "{0}/worktypes/{1}".format(tm, ts[0]))), statuses)
    r.each(lambda w: r.send("GET", "{0}/workitems/{1}".format(tm, w)), list(objects["workitems"]))


def apply(r, desired, users_by_email):
    """A cold apply: each object created, then read back, dependencies first."""
    tm = "/api/v2/taskmanagement"
    ids = {"skill": {}, "code": {}}

    def create(kind, path, body, read):
        obj = r.send("POST", path, body=body) or {}
        if obj.get("id"):
            with r.lock:
                ids[kind][body["name"]] = obj["id"]
            read(obj["id"])
        return obj

    r.each(lambda s: create("skill", "/api/v2/routing/skills", {"name": s["name"]},
                            lambda i: r.send("GET", "/api/v2/routing/skills/" + i)), desired["genesys_skills"])
    r.each(lambda c: create("code", "/api/v2/routing/wrapupcodes", {"name": c["name"]},
                            lambda i: r.send("GET", "/api/v2/routing/wrapupcodes/" + i)),
           desired["genesys_wrapup_codes"])

    def queue(q):
        obj = r.send("POST", "/api/v2/routing/queues", body={"name": q["name"], "description": q["description"]}) or {}
        if not obj.get("id"):
            return
        base = "/api/v2/routing/queues/" + obj["id"]
        members = [{"id": users_by_email[m["user"]]} for m in q["members"]]
        for start in range(0, len(members), CHUNK):
            r.send("POST", base + "/members", body=members[start:start + CHUNK])
        codes = [{"id": ids["code"][c]} for c in q["wrapup_codes"]]
        for start in range(0, len(codes), CHUNK):
            r.send("POST", base + "/wrapupcodes", body=codes[start:start + CHUNK])
        read_queue(r, obj["id"])

    r.each(queue, desired["genesys_queues"])

    def agent(a):
        user_id = users_by_email[a["user"]]
        r.send("PUT", "/api/v2/users/{0}/routingskills/bulk".format(user_id), body=[
            {"id": ids["skill"][s["name"]], "proficiency": s["proficiency"]} for s in a["skills"]])
        read_user(r, user_id)

    r.each(agent, desired["genesys_agents"])
    bins = {}
    for workbin in desired["genesys_workbins"]:
        bins[workbin["name"]] = create("code", tm + "/workbins", {"name": workbin["name"]},
                                       lambda i: r.send("GET", "{0}/workbins/{1}".format(tm, i)))["id"]
    types = {}

    def worktype(t):
        obj = create("code", tm + "/worktypes", {"name": t["name"], "defaultWorkbinId": bins[t["default_workbin"]]},
                     lambda i: r.send("GET", "{0}/worktypes/{1}".format(tm, i)))
        listed = r.send("GET", "{0}/worktypes/{1}/statuses".format(tm, obj["id"])) or {}
        have = dict((s["name"], s["id"]) for s in listed.get("entities") or [])
        for status in t["statuses"]:
            if status["name"] not in have:
                made = r.send("POST", "{0}/worktypes/{1}/statuses".format(tm, obj["id"]),
                              body={"name": status["name"], "category": status["category"]}) or {}
                r.send("GET", "{0}/worktypes/{1}/statuses/{2}".format(tm, obj["id"], made.get("id")))
        with r.lock:
            types[t["name"]] = obj["id"]

    r.each(worktype, desired["genesys_worktypes"])
    r.each(lambda w: create("code", tm + "/workitems", {
        "name": w["name"], "typeId": types[w["worktype"]], "externalTag": w["external_tag"]},
        lambda i: r.send("GET", "{0}/workitems/{1}".format(tm, i))), desired["genesys_workitems"])

"""`make bench`: how many requests and how much time cxops.genesys needs against a large estate,
next to a per-item loop, the Terraform provider's request pattern, and the fewest requests the
API's shape allows.

It starts a sandbox under a real-time rate model (300 requests a minute per token, a per-org limit
on queue routes, 150 ms of latency), compressed by one factor so a run takes minutes, not hours;
wall times are converted back to real-time minutes. For each way of running (the roles, a per-item
loop over the same modules, the Terraform pattern) and each scenario (cold apply, no-op dry run,
one-change apply) it runs real `ansible-playbook` (or the replayer), reading requests from the
sandbox's journal. It writes results.json, README.md and chart.svg to the output folder. Timings
are reported, never asserted.
"""

import argparse
import collections
import copy
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BIN = os.path.dirname(sys.executable)
sys.path.insert(0, os.path.join(ROOT, "sandbox"))

from genesys_sandbox import Sandbox, serve_in_thread  # noqa: E402  (after the path is set)
import terraform_pattern  # noqa: E402

ORG = "bench"
CLIENT = {"client_id": "bench-client", "client_secret": "bench-secret"}
WRITES = ("POST", "PUT", "PATCH", "DELETE")
# The real-time rate model: per token (published), per org on queue routes (a model value: the API
# publishes none; 3000 a minute, ten tokens' worth), and a request's latency.
REAL_WINDOW_S = 60.0
TOKEN_LIMIT = 300
ORG_ROUTE_LIMIT = 3000
REAL_LATENCY_MS = 150.0
# Page sizes the reference shows to work (the Terraform provider's), as the collection uses them.
PAGE = {"skills": 500, "wrapup_codes": 100, "queues": 500, "users": 500, "members": 100, "queue_codes": 100,
        "task_query": 200}
STATUSES = [  # each worktype: the API's default Open and Closed are adopted, In Progress is added
    {"name": "Open", "category": "Open", "default": True, "destination_statuses": ["In Progress", "Closed"]},
    {"name": "In Progress", "category": "InProgress", "destination_statuses": ["Closed"]},
    {"name": "Closed", "category": "Closed"},
]
# Runs ansible-playbook and prints the peak resident memory of the largest process of the run.
MEASURE = ("import resource, subprocess, sys\n"
           "rc = subprocess.call(sys.argv[1:])\n"
           "print('PEAK_RSS_KB=%d' % resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
           "sys.exit(rc)\n")

SIZES = dict(skills=2000, wrapup_codes=500, queues=1000, queue_codes=5, queue_members=10, users=500, user_skills=5,
             worktypes=5, workitems=2000)
SMALL = dict(skills=40, wrapup_codes=10, queues=12, queue_codes=3, queue_members=4, users=10, user_skills=3,
             worktypes=2, workitems=20)


def org_spec(size):
    users = [{"name": "Agent {0}".format(i), "email": "agent{0:04d}@bench.example".format(i)}
             for i in range(size["users"])]
    return {"name": ORG, "id": "8a1c0d2e-0000-4000-8000-0000000000b1", "region": "us-east-1", "clients": [CLIENT],
            "divisions": [{"name": "Home", "home": True}], "users": users, "languages": ["English"],
            "limits": {"routing": {"queues.max": 100000, "wrapup.codes.max": 100000},
                       "skills": {"skill.count.max": 100000}}}


def estate(size):
    """The desired state, in the roles' variables (plus genesys_workitems for the work-item play)."""
    skills = ["Skill {0:05d}".format(i) for i in range(size["skills"])]
    codes = ["Code {0:04d}".format(i) for i in range(size["wrapup_codes"])]
    users = ["agent{0:04d}@bench.example".format(i) for i in range(size["users"])]
    queues = [{"name": "Queue {0:04d}".format(i), "description": "benchmark queue",
               "members": [{"user": users[(i + k) % len(users)]} for k in range(size["queue_members"])],
               "wrapup_codes": [codes[(i + k) % len(codes)] for k in range(size["queue_codes"])]}
              for i in range(size["queues"])]
    agents = [{"user": user, "skills": [{"name": skills[(i * 7 + k) % len(skills)], "proficiency": k % 5 + 1}
                                        for k in range(size["user_skills"])]} for i, user in enumerate(users)]
    worktypes = [{"name": "Worktype {0}".format(i), "default_workbin": "Bench Workbin", "statuses": STATUSES}
                 for i in range(size["worktypes"])]
    workitems = [{"worktype": worktypes[i % len(worktypes)]["name"], "external_tag": "case-{0:05d}".format(i),
                  "name": "Case {0:05d}".format(i)} for i in range(size["workitems"])]
    return {"genesys_skills": [{"name": s} for s in skills], "genesys_wrapup_codes": [{"name": c} for c in codes],
            "genesys_queues": queues, "genesys_agents": agents, "genesys_workbins": [{"name": "Bench Workbin"}],
            "genesys_worktypes": worktypes, "genesys_workitems": workitems}


def pages(count, per_page):
    return max(1, math.ceil(count / per_page))


def floor(size, scenario):
    """The fewest requests the API's shape needs: one listing per type at the largest known page size,
    the sub-resource reads that comparing declared members and wrap-up codes needs, and the writes."""
    per_type = size["workitems"] / max(1, size["worktypes"])
    listings_full = {
        "token": 1,
        "skills listing": pages(size["skills"], PAGE["skills"]),
        "wrap-up codes listing": pages(size["wrapup_codes"], PAGE["wrapup_codes"]),
        "queues listing": pages(size["queues"], PAGE["queues"]),
        "users listing (with skills)": pages(size["users"], PAGE["users"]),
        "workbins, worktypes queries": 2,
        "work items queries (by worktype)": size["worktypes"] * pages(per_type, PAGE["task_query"]),
    }
    if scenario == "cold":
        parts = dict((k, 1) for k in listings_full)
        parts["users listing (with skills)"] = listings_full["users listing (with skills)"]
        parts["work items queries (by worktype)"] = size["worktypes"]
        parts.update({
            "skill creates": size["skills"], "wrap-up code creates": size["wrapup_codes"],
            "queue creates": size["queues"],
            "queue member writes": size["queues"] * math.ceil(size["queue_members"] / PAGE["members"]),
            "queue wrap-up code writes": size["queues"] * math.ceil(size["queue_codes"] / PAGE["queue_codes"]),
            "user skill writes": size["users"], "workbin creates": 1,
            # a worktype, its added status, and the adopted Open status's destinations
            "worktype and status writes": 3 * size["worktypes"],
            "work item creates": size["workitems"]})
        return parts
    parts = dict(listings_full)
    parts.update({
        "queue member reads": size["queues"] * pages(size["queue_members"], PAGE["members"]),
        "queue wrap-up code reads": size["queues"] * pages(size["queue_codes"], PAGE["queue_codes"]),
        "worktype status reads": size["worktypes"]})
    if scenario == "one-change":
        parts["queue update (GET, PUT)"] = 2
    return parts


LOOP_PLAY = """
- name: Converge one object per loop item
  hosts: all
  gather_facts: false
  connection: local
  module_defaults:
    group/cxops.genesys.genesys:
      api_url: "{{ genesys_api_url }}"
      client_id: "{{ genesys_client_id }}"
      client_secret: "{{ genesys_client_secret }}"
  tasks:
    - name: Skills, one per item
      cxops.genesys.genesys_skill:
        name: "{{ item.name }}"
      loop: "{{ genesys_skills }}"
      loop_control: {label: "{{ item.name }}"}
    - name: Wrap-up codes, one per item
      cxops.genesys.genesys_wrapper:
        name: "{{ item.name }}"
      loop: "{{ genesys_wrapup_codes }}"
      loop_control: {label: "{{ item.name }}"}
    - name: Queues, one per item
      cxops.genesys.genesys_queue:
        name: "{{ item.name }}"
        description: "{{ item.description }}"
        members: "{{ item.members }}"
        wrapup_codes: "{{ item.wrapup_codes }}"
      loop: "{{ genesys_queues }}"
      loop_control: {label: "{{ item.name }}"}
    - name: Agents' skills, one user per item
      cxops.genesys.genesys_user_skills:
        user: "{{ item.user }}"
        skills: "{{ item.skills }}"
      loop: "{{ genesys_agents }}"
      loop_control: {label: "{{ item.user }}"}
    - name: Workbins, one per item
      cxops.genesys.genesys_workbin:
        name: "{{ item.name }}"
      loop: "{{ genesys_workbins }}"
    - name: Worktypes, one per item
      cxops.genesys.genesys_worktype:
        name: "{{ item.name }}"
        default_workbin: "{{ item.default_workbin }}"
        statuses: "{{ item.statuses }}"
      loop: "{{ genesys_worktypes }}"
      loop_control: {label: "{{ item.name }}"}
    - name: Work items, one per item
      cxops.genesys.genesys_task:
        worktype: "{{ item.worktype }}"
        external_tag: "{{ item.external_tag }}"
        name: "{{ item.name }}"
      loop: "{{ genesys_workitems }}"
      loop_control: {label: "{{ item.external_tag }}"}
"""

ROLES_PLAY = """
- name: Converge the org with the collection's roles (site.yml)
  ansible.builtin.import_playbook: {site}

- name: Converge work items in one call
  hosts: all
  gather_facts: false
  connection: local
  tasks:
    - name: Work items
      cxops.genesys.genesys_task:
        api_url: "{{{{ genesys_api_url }}}}"
        client_id: "{{{{ genesys_client_id }}}}"
        client_secret: "{{{{ genesys_client_secret }}}}"
        items: "{{{{ genesys_workitems }}}}"
"""

SKILL_LOOP_PLAY = """
- name: A per-item loop over skills only
  hosts: all
  gather_facts: false
  connection: local
  tasks:
    - name: Skills, one per item
      cxops.genesys.genesys_skill:
        api_url: "{{ genesys_api_url }}"
        client_id: "{{ genesys_client_id }}"
        client_secret: "{{ genesys_client_secret }}"
        name: "{{ item.name }}"
      loop: "{{ genesys_skills[:sample | int] }}"
      loop_control: {label: "{{ item.name }}"}
"""

# Ansible's own cost, in the same run and with the same estate in scope: a debug loop over the same
# items, templating and printing as much per item as the skills loop does, and a play of one debug
# task (its peak memory is ansible-playbook's with the estate loaded).
DEBUG_LOOP_PLAY = """
- name: The same loop with ansible.builtin.debug
  hosts: all
  gather_facts: false
  connection: local
  tasks:
    - name: Skills, one per item
      ansible.builtin.debug:
        msg: "{{ item.name }} {{ genesys_api_url }} {{ genesys_client_id }}"
      loop: "{{ genesys_skills[:sample | int] }}"
      loop_control: {label: "{{ item.name }}"}
"""

ONE_SKILL_CALL = """
- name: One genesys_skill call over many skills
  hosts: all
  gather_facts: false
  connection: local
  tasks:
    - name: Skills
      cxops.genesys.genesys_skill:
        api_url: "{{ genesys_api_url }}"
        client_id: "{{ genesys_client_id }}"
        client_secret: "{{ genesys_client_secret }}"
        items: "{{ memory_skills }}"
"""


class Bench:
    def __init__(self, size, work, compress):
        self.size = size
        self.work = work
        self.compress = compress
        self.sandbox = Sandbox([org_spec(size)], seed=11)
        self.server, self.url = serve_in_thread(self.sandbox)
        self.desired = estate(size)
        self.vars_file = self.write("estate.json", json.dumps(self.desired))
        self.inventory = self.write("inventory.yml", json.dumps({"all": {"hosts": {ORG: {
            "genesys_api_url": self.url, "genesys_client_id": CLIENT["client_id"],
            "genesys_client_secret": CLIENT["client_secret"], "genesys_max_deletions": 0}}}}))
        self.playbooks = {
            "roles": self.write("roles.yml", ROLES_PLAY.format(site=os.path.join(ROOT, "playbooks", "site.yml"))),
            "loop": self.write("loop.yml", LOOP_PLAY),
            "skill loop": self.write("skill_loop.yml", SKILL_LOOP_PLAY),
            "debug loop": self.write("debug_loop.yml", DEBUG_LOOP_PLAY),
            "one call": self.write("one_call.yml", ONE_SKILL_CALL)}
        self.collections = self.collection_tree("with-action", keep_action=True)
        self.module_only = self.collection_tree("module-only", keep_action=False)
        self.snapshot = None

    def write(self, name, text):
        path = os.path.join(self.work, name)
        with open(path, "w") as handle:
            handle.write(text)
        return path

    def collection_tree(self, name, keep_action):
        """ansible_collections/cxops/genesys for ANSIBLE_COLLECTIONS_PATH. The module-only copy lacks
        the action plugin and its routing, so its modules run as module processes (measured for comparison)."""
        base = os.path.join(self.work, name)
        target = os.path.join(base, "ansible_collections", "cxops", "genesys")
        os.makedirs(os.path.dirname(target))
        if keep_action:
            os.symlink(ROOT, target)
        else:
            shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns(".venv", ".venv-oldest", ".git", ".cache",
                                                                        "action", "results", "__pycache__"))
            runtime = os.path.join(target, "meta", "runtime.yml")
            with open(runtime) as handle:
                meta = yaml.safe_load(handle)
            for routing in meta["plugin_routing"]["modules"].values():
                routing.pop("action_plugin", None)  # no action plugin: the modules run as module processes
            with open(runtime, "w") as handle:
                yaml.safe_dump(meta, handle)
        return base

    # --- sandbox ---------------------------------------------------------------------------------
    def reset(self, snapshot=None, real_time=False):
        """A fresh org (or a snapshot's), under the real-time rate model or without limits."""
        self.sandbox.reset([org_spec(self.size)])
        if snapshot:
            self.sandbox.load(copy.deepcopy(snapshot))
        self.sandbox.faults.update(rate_limit=TOKEN_LIMIT if real_time else 0,
                                   org_route_limit=ORG_ROUTE_LIMIT if real_time else 0,
                                   rate_window=REAL_WINDOW_S / self.compress,
                                   latency_ms=REAL_LATENCY_MS / self.compress if real_time else 0)

    def real_minutes(self, wall_s):
        return round(wall_s * self.compress / 60.0, 2)

    def duplicates(self):
        org = self.sandbox.org_by_key(ORG)
        found = {}
        for collection, objects in org.objects.items():
            names = collections.Counter(o.get("name") for o in objects.values() if o.get("state") != "deleted"
                                        and collection != "workitems")
            found.update(("{0} {1}".format(collection, n), c) for n, c in names.items() if c > 1)
        tags = collections.Counter(o.get("externalTag") for o in org.objects["workitems"].values())
        found.update(("workitem " + str(t), c) for t, c in tags.items() if c > 1)
        return found

    def counts(self):
        org = self.sandbox.org_by_key(ORG)
        return dict((c, len(org.objects[c])) for c in ("skills", "wrapupcodes", "queues", "worktypes", "workitems"))

    # --- one measured run ------------------------------------------------------------------------
    def run(self, playbook, check=False, extra_vars=(), module_only=False):
        tokens = tempfile.mkdtemp(dir=self.work)  # a fresh token cache: each run pays its own token
        env = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=self.module_only if module_only else self.collections,
                   CXOPS_GENESYS_TOKEN_CACHE=tokens, ANSIBLE_NOCOLOR="1", ANSIBLE_LOCALHOST_WARNING="0",
                   ANSIBLE_PYTHON_INTERPRETER=sys.executable, ANSIBLE_DISPLAY_SKIPPED_HOSTS="0")
        cmd = [sys.executable, "-c", MEASURE, os.path.join(BIN, "ansible-playbook"), "-i", self.inventory,
               "-e", "@" + self.vars_file, self.playbooks[playbook]]
        cmd += ["--check", "--diff"] if check else []
        for extra in extra_vars:
            cmd += ["-e", extra]
        start = len(self.sandbox.journal)
        started = time.time()
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
        wall = time.time() - started
        recap = dict((k, int(v)) for k, v in re.findall(r"(ok|changed|failed|unreachable)=(\d+)", proc.stdout))
        rss = re.search(r"PEAK_RSS_KB=(\d+)", proc.stderr)
        result = self.measured(start, wall)
        result.update({"rc": proc.returncode, "recap": recap,
                       "peak_rss_mb": round(int(rss.group(1)) / 1024.0, 1) if rss else None})
        if proc.returncode:
            result["error"] = (proc.stdout[-3000:] + proc.stderr[-2000:])
        return result

    def measured(self, start, wall):
        """What the sandbox's journal saw since `start`, and the wall time in real-time minutes."""
        entries = self.sandbox.journal[start:]
        api = [e for e in entries if e["path"].startswith("/api/v2/")]
        span = (entries[-1]["time"] - entries[0]["time"]) if len(entries) > 1 else 0.0
        return {
            "wall_s": round(wall, 2), "real_time_minutes": self.real_minutes(wall),
            "requests": len(entries), "api_requests": len(api),
            "token_requests": sum(1 for e in entries if e["path"] == "/oauth/token"),
            "token_requests_at_s": [round(e["time"] - entries[0]["time"], 2) for e in entries
                                    if e["path"] == "/oauth/token"],
            "writes": sum(1 for e in api if e["method"] in WRITES and not e["path"].endswith("/query")),
            "throttled_429": sum(1 for e in entries if e["status"] == 429),
            "by_route": dict(collections.Counter("{0} {1}".format(e["method"], e["template"]) for e in entries)),
            "request_span_s": round(span, 2)}

    def terraform(self, scenario, snapshot=None):
        """The Terraform provider's pattern (benchmarks/terraform_pattern.py) under the same model."""
        self.reset(snapshot, real_time=True)
        org = self.sandbox.org_by_key(ORG)
        start = len(self.sandbox.journal)
        started = time.time()
        replayer = terraform_pattern.Replayer(self.url, CLIENT["client_id"], CLIENT["client_secret"])
        if scenario == "cold":
            users = dict((info["email"], uid) for uid, info in org.users.items())
            terraform_pattern.apply(replayer, self.desired, users)
        else:
            terraform_pattern.refresh(replayer, org)
        result = self.measured(start, time.time() - started)
        result.update(rc=0, recap={"failed": replayer.failed}, peak_rss_mb=None)
        return result


def scenario_runs(bench, way, scenarios):
    """The scenarios for one way of running, under the real-time rate model: returns {scenario: result}."""
    out = {}
    bench.reset(real_time=True)
    out["cold"] = bench.run(way)
    out["cold"]["duplicates"] = bench.duplicates()
    out["cold"]["objects"] = bench.counts()
    snapshot = bench.sandbox.dump()
    if "noop" in scenarios:
        bench.reset(snapshot, real_time=True)
        out["noop"] = bench.run(way, check=True)
    if "one-change" in scenarios:
        bench.reset(snapshot, real_time=True)
        changed = copy.deepcopy(bench.desired["genesys_queues"])
        changed[0]["description"] = "changed by the benchmark"
        path = bench.write("one_change.json", json.dumps({"genesys_queues": changed}))
        out["one-change"] = bench.run(way, extra_vars=["@" + path])
    return out, snapshot


def terraform_runs(bench, snapshot):
    """The Terraform pattern: a cold apply on an empty org, a refresh of the estate our cold apply made."""
    out = {"cold": bench.terraform("cold")}
    out["cold"]["duplicates"] = bench.duplicates()
    out["cold"]["objects"] = bench.counts()
    out["noop"] = bench.terraform("noop", snapshot)
    return out


def per_item_costs(bench, snapshot, sample):
    """The per-item overhead of a loop: the same skills loop (no-op, check mode) with the action
    plugin (in the controller's worker) and as module processes, minus a one-item run; and Ansible's
    own per-item cost, the same loop over ansible.builtin.debug."""
    costs = {}
    for label, playbook, module_only in (("action plugin", "skill loop", False),
                                         ("module process", "skill loop", True),
                                         ("ansible.builtin.debug (Ansible's own)", "debug loop", False)):
        runs = {}
        for n in (1, sample):
            bench.reset(snapshot)
            runs[n] = bench.run(playbook, check=True, extra_vars=["sample={0}".format(n)],
                                module_only=module_only)
        costs[label] = {"items": sample, "wall_s": runs[sample]["wall_s"],
                        "per_item_ms": round(1000 * (runs[sample]["wall_s"] - runs[1]["wall_s"]) / (sample - 1), 1),
                        "requests": runs[sample]["requests"], "token_requests": runs[sample]["token_requests"],
                        "rc": runs[sample]["rc"]}
    return costs


def memory_run(bench, objects):
    """Peak memory of one module call over `objects` skills (check mode with diff, on an empty org)."""
    bench.reset()
    path = bench.write("memory.json", json.dumps({"memory_skills": [
        {"name": "Memory skill {0:05d}".format(i), "state": "present"} for i in range(objects)]}))
    result = bench.run("one call", check=True, extra_vars=["@" + path])
    alone = bench.run("debug loop", extra_vars=["sample=1"])  # ansible-playbook with the estate, one debug task
    return dict(objects=objects, peak_rss_mb=result["peak_rss_mb"], wall_s=result["wall_s"], rc=result["rc"],
                requests=result["requests"], ansible_alone_peak_rss_mb=alone["peak_rss_mb"])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", maxsplit=1)[0])
    parser.add_argument("--small", action="store_true", help="the CI smoke size")
    for key, value in SIZES.items():
        parser.add_argument("--" + key.replace("_", "-"), type=int, help="default {0}".format(value))
    parser.add_argument("--compress", type=float, default=1.0,
                        help="how much faster than real time the rate model runs (windows and latency divided by "
                             "it). Default 1, real time: at 4 the sandbox's own CPU per request, and the "
                             "controller's CPU, are multiplied by 4 in the conversion to real-time minutes")
    parser.add_argument("--loop-sample", type=int, default=200, help="items in the per-item overhead measurement")
    parser.add_argument("--memory-objects", type=int, default=5000)
    parser.add_argument("--skip-loop", action="store_true",
                        help="leave out the per-item loop's scenarios (the slowest way; its per-item cost is still "
                             "measured)")
    parser.add_argument("--out", default=os.path.join(HERE, "results"))
    args = parser.parse_args(argv)
    size = dict(SMALL if args.small else SIZES)
    size.update((k, getattr(args, k)) for k in SIZES if getattr(args, k) is not None)
    if args.small:
        args.loop_sample, args.memory_objects = min(args.loop_sample, 10), min(args.memory_objects, 200)
    work = tempfile.mkdtemp(prefix="cxops-bench-")
    bench = Bench(size, work, args.compress)
    scenarios = ["cold", "noop", "one-change"]
    report = {"size": size, "rate_model": {
        "compressed": args.compress, "token_limit_per_minute": TOKEN_LIMIT, "org_queue_route_limit_per_minute":
        ORG_ROUTE_LIMIT, "latency_ms": REAL_LATENCY_MS, "window_s_as_run": REAL_WINDOW_S / args.compress},
        "machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]}, "ways": {}}
    try:
        for way in ("roles",) if args.skip_loop else ("roles", "loop"):
            print("running the {0} way...".format(way), flush=True)
            report["ways"][way], snapshot = scenario_runs(bench, way, scenarios)
        print("running the terraform pattern...", flush=True)
        report["ways"]["terraform"] = terraform_runs(bench, snapshot)
        report["ways"]["floor"] = dict((s, {"requests": sum(floor(size, s).values()), "parts": floor(size, s)})
                                       for s in scenarios)
        print("measuring per-item overhead and memory...", flush=True)
        report["per_item"] = per_item_costs(bench, snapshot, args.loop_sample)
        report["memory"] = memory_run(bench, args.memory_objects)
    finally:
        bench.server.shutdown()
    report["targets"] = targets(report)
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "results.json"), "w") as handle:
        json.dump(report, handle, indent=1, sort_keys=True)
    with open(os.path.join(args.out, "README.md"), "w") as handle:
        handle.write(markdown(report))
    with open(os.path.join(args.out, "chart.svg"), "w") as handle:
        handle.write(chart(report))
    shutil.rmtree(work, ignore_errors=True)
    print(markdown(report))
    ran = [w for w in ("roles", "loop") if w in report["ways"]]
    failures = [r for way in ran for r in report["ways"][way].values() if r["rc"]]
    failures += [r for r in report["per_item"].values() if r["rc"]] + ([report["memory"]] if report["memory"]["rc"]
                                                                       else [])
    if failures or any(report["ways"][w]["cold"]["duplicates"] for w in ran):
        print("FAILED: a run failed or left duplicates", file=sys.stderr)
        for failure in failures:
            print(failure.get("error", ""), file=sys.stderr)
        return 1
    return 0


TARGETS = {  # measure: (target, how a value meets it)
    "noop real-time minutes, ours": None,
    "noop real-time minutes, terraform pattern": None,
    "noop speed-up over the terraform pattern": (">= 3", lambda v: v >= 3),
    "cold real-time minutes, ours": None,
    "cold real-time minutes, terraform pattern": None,
    "cold speed-up over the terraform pattern": ("> 1", lambda v: v > 1),
    "noop requests / floor": ("<= 1.1", lambda v: v <= 1.1),
    "per-item loop ms": ("<= 5", lambda v: v <= 5),
    "peak RSS MB (noop, default size)": ("<= 120", lambda v: v is not None and v <= 120),
    "cold failed tasks": ("0", lambda v: v == 0),
    "cold duplicates": ("0", lambda v: v == 0),
}


def targets(report):
    ways, floors = report["ways"], report["ways"]["floor"]
    ours, terraform = ways["roles"], ways["terraform"]
    values = {
        "noop real-time minutes, ours": ours["noop"]["real_time_minutes"],
        "noop real-time minutes, terraform pattern": terraform["noop"]["real_time_minutes"],
        "cold real-time minutes, ours": ours["cold"]["real_time_minutes"],
        "cold real-time minutes, terraform pattern": terraform["cold"]["real_time_minutes"],
        "noop requests / floor": round(ours["noop"]["requests"] / floors["noop"]["requests"], 3),
        "per-item loop ms": report["per_item"]["action plugin"]["per_item_ms"],
        "per-item loop ms, ansible.builtin.debug": report["per_item"]["ansible.builtin.debug (Ansible's own)"][
            "per_item_ms"],
        "peak RSS MB (noop, default size)": ours["noop"]["peak_rss_mb"],
        "peak RSS MB, ansible-playbook alone with the estate": report["memory"]["ansible_alone_peak_rss_mb"],
        "cold failed tasks": ours["cold"]["recap"].get("failed", 0),
        "cold duplicates": len(ours["cold"]["duplicates"]),
        "noop token requests": ours["noop"]["token_requests"],
    }
    if "loop" in ways:
        values["noop wall, loop / roles"] = round(ways["loop"]["noop"]["wall_s"] / ours["noop"]["wall_s"], 1)
    values["noop speed-up over the terraform pattern"] = round(
        terraform["noop"]["wall_s"] / max(ours["noop"]["wall_s"], 1e-9), 2)
    values["cold speed-up over the terraform pattern"] = round(
        terraform["cold"]["wall_s"] / max(ours["cold"]["wall_s"], 1e-9), 2)
    return values


def met(name, value):
    target = TARGETS.get(name)
    if not target:
        return "", ""
    return target[0], "met" if target[1](value) else "MISSED"


def item_counts(size):
    """Loop items of the per-item playbook, by task."""
    return [size["skills"], size["wrapup_codes"], size["queues"], size["users"], 1, size["worktypes"],
            size["workitems"]]


def markdown(report):
    lines = ["# cxops.genesys benchmark", "",
             "Size: " + ", ".join("{0} {1}".format(v, k.replace("_", " ")) for k, v in report["size"].items()) + ".",
             "Rate model: {0} requests a minute per token, {1} a minute per org on queue routes (a model value: "
             "the API publishes none), {2:g} ms of latency; run {3:g}x faster than real time, and wall times "
             "converted back to real-time minutes.".format(
                 TOKEN_LIMIT, ORG_ROUTE_LIMIT, REAL_LATENCY_MS, report["rate_model"]["compressed"]),
             "Machine: {0} CPUs, Python {1}. Generated by `make bench`; see benchmarks/README.md.".format(
                 report["machine"]["cpus"], report["machine"]["python"]), "",
             "## Scenarios, four ways side by side", "",
             "| scenario | way | requests | token | writes | 429s | real-time min | wall s | peak MB | recap |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|---|"]
    names = {"roles": "roles (one call per type)", "loop": "per-item loop", "terraform": "terraform pattern"}
    for scenario in ("cold", "noop", "one-change"):
        for way in ("roles", "loop", "terraform", "floor"):
            r = report["ways"].get(way, {}).get(scenario)
            if r is None:
                continue
            if way == "floor":
                lines.append("| {0} | API floor | {1} | 1 | | | | | | |".format(scenario, r["requests"]))
                continue
            lines.append("| {0} | {1} | {2} | {3} | {4} | {5} | {6} | {7} | {8} | {9} |".format(
                scenario, names[way], r["requests"], r["token_requests"], r["writes"], r["throttled_429"],
                r["real_time_minutes"], r["wall_s"], r["peak_rss_mb"] or "",
                " ".join("{0}={1}".format(k, v) for k, v in sorted(r["recap"].items()))))
    lines += ["", "## Targets", "", "| measure | value | target | |", "|---|---:|---|---|"]
    lines += ["| {0} | {1} | {2} | {3} |".format(k, v, *met(k, v)) for k, v in report["targets"].items()]
    lines += ["", "## Per-item overhead of a loop (no-op skills loop, check mode)", "",
              "| runs as | items | wall s | per item ms | requests | token requests |", "|---|---:|---:|---:|---:|---:|"]
    for label, r in report["per_item"].items():
        lines.append("| {0} | {1} | {2} | {3} | {4} | {5} |".format(label, r["items"], r["wall_s"], r["per_item_ms"],
                                                                    r["requests"], r["token_requests"]))
    lines += ["", "## Memory", "", "One `genesys_skill` call over {0} skills (check mode, diff): peak RSS of the "
              "largest process of the run {1} MB, {2} s. ansible-playbook alone, with the benchmark's estate "
              "as extra vars and one debug task: {3} MB.".format(
                  report["memory"]["objects"], report["memory"]["peak_rss_mb"], report["memory"]["wall_s"],
                  report["memory"]["ansible_alone_peak_rss_mb"]),
              "", "## API floor, by part", ""]
    for scenario in ("cold", "noop", "one-change"):
        parts = report["ways"]["floor"][scenario]["parts"]
        lines.append("- {0}: ".format(scenario) + ", ".join("{0} {1}".format(v, k) for k, v in parts.items()))
    lines += ["", "## Requests by route (roles way)", ""]
    for scenario in ("cold", "noop"):
        routes = report["ways"]["roles"][scenario]["by_route"]
        lines.append("- {0}: ".format(scenario) + ", ".join(
            "{0} x{1}".format(k, v) for k, v in sorted(routes.items(), key=lambda kv: -kv[1])))
    return "\n".join(lines) + "\n"


def chart(report):
    """An SVG bar chart: requests and wall time per scenario and way (log-free, each panel scaled)."""
    scenarios = ["cold", "noop", "one-change"]
    colours = {"roles": "#2b6cb0", "loop": "#c05621", "terraform": "#6b46c1", "floor": "#718096"}
    bars = []
    width, panel_h, bar_w = 820, 220, 22
    for panel, (metric, title) in enumerate((("requests", "API requests"),
                                             ("real_time_minutes", "real-time minutes"))):
        values = [report["ways"][w][s].get(metric) or 0 for s in scenarios for w in colours
                  if s in report["ways"].get(w, {}) and (metric == "requests" or w != "floor")]
        top = max(values + [1])
        y0 = 40 + panel * (panel_h + 60)
        bars.append('<text x="10" y="{0}" font-size="14" font-weight="bold">{1}</text>'.format(y0 - 12, title))
        for i, scenario in enumerate(scenarios):
            x = 60 + i * 190
            bars.append('<text x="{0}" y="{1}" font-size="12">{2}</text>'.format(x, y0 + panel_h + 18, scenario))
            for j, way in enumerate(colours):
                r = report["ways"].get(way, {}).get(scenario)
                if r is None or (metric != "requests" and way == "floor"):
                    continue
                value = r.get(metric) or 0
                h = panel_h * value / top
                bx = x + j * (bar_w + 6)
                bars.append('<rect x="{0}" y="{1:.1f}" width="{2}" height="{3:.1f}" fill="{4}"/>'.format(
                    bx, y0 + panel_h - h, bar_w, h, colours[way]))
                bars.append('<text x="{0}" y="{1:.1f}" font-size="9">{2}</text>'.format(bx, y0 + panel_h - h - 3,
                                                                                        value))
    legend = "".join('<rect x="{0}" y="{1}" width="12" height="12" fill="{2}"/><text x="{3}" y="{4}" '
                     'font-size="12">{5}</text>'.format(420 + k * 95, 8, c, 436 + k * 95, 18, w)
                     for k, (w, c) in enumerate(colours.items()))
    return ('<svg xmlns="http://www.w3.org/2000/svg" width="{0}" height="{1}" font-family="sans-serif">'
            '<rect width="100%" height="100%" fill="white"/>{2}{3}</svg>\n').format(
                width, 2 * (panel_h + 60) + 20, legend, "".join(bars))


if __name__ == "__main__":
    sys.exit(main())

"""Throughput under the API's limits: a token pool minted lazily, concurrent writes that keep the
order references need, the per-org limit on queue routes, bulk work-item creation, small results
and progress lines. Each test reads what was sent from the sandbox's journal."""

from integration.conftest import writes

TYPE = "Bulk Type"


def task(module, **options):
    return {"name": module, "cxops.genesys." + module: options}


def worktype(play):
    run = play([task("genesys_workbin", name="Bulk Bin"),
                task("genesys_worktype", name=TYPE, default_workbin="Bulk Bin", statuses=[
                    {"name": "Open", "category": "Open", "default": True}, {"name": "Closed", "category": "Closed"}])])
    assert run.rc == 0, run.stdout


def items(count, start=0, **extra):
    return [dict(worktype=TYPE, external_tag="bulk-{0:04d}".format(i), name="Bulk item {0}".format(i), **extra)
            for i in range(start, start + count)]


def test_work_items_are_created_in_bulk_jobs_of_50_with_their_own_outcomes(sandbox, play):
    worktype(play)
    wanted = items(120)
    start = len(sandbox.journal())
    check = play([task("genesys_task", items=wanted)], check=True)
    assert check.rc == 0 and check.result("genesys_task")["summary"]["created"] == 120
    assert writes(sandbox.journal(start)) == []

    start = len(sandbox.journal())
    run = play([task("genesys_task", items=wanted)])
    assert run.rc == 0, run.stdout
    sent = writes(sandbox.journal(start))
    jobs = [e for e in sent if e["path"].endswith("/workitems/bulk/add/jobs")]
    assert sorted(len(e["body"]["entities"]) for e in jobs) == [20, 50, 50]
    assert not [e for e in sent if e["path"].endswith("/workitems")], "no single create"
    results = run.result("genesys_task")["results"]
    assert [r["outcome"] for r in results] == ["created"] * 120 and all(r["after"]["name"] for r in results)
    assert sorted(w["externalTag"] for w in sandbox.objects("workitems")) == [i["external_tag"] for i in wanted]

    start = len(sandbox.journal())
    again = play([task("genesys_task", items=wanted)], check=True)
    assert again.rc == 0 and again.changed == 0
    queries = [e for e in sandbox.journal(start) if e["path"].endswith("/workitems/query")]
    assert len(queries) == 1 and [f["name"] for f in queries[0]["body"]["filters"]] == ["typeId"], \
        "120 tags of one worktype: the worktype alone, one page, instead of 3 queries by tag"
    unchanged = again.result("genesys_task")["results"][0]
    assert "before" not in unchanged and "after" not in unchanged and unchanged["id"], "small results"
    assert play([task("genesys_task", items=wanted)]).changed == 0


def test_tags_of_a_worktype_holding_many_more_items_are_queried_by_tag(sandbox, play):
    worktype(play)
    assert play([task("genesys_task", items=items(450))]).rc == 0
    start = len(sandbox.journal())
    again = play([task("genesys_task", items=items(60, start=100))], check=True)
    assert again.rc == 0 and again.changed == 0
    queries = [e["body"]["filters"] for e in sandbox.journal(start) if e["path"].endswith("/workitems/query")]
    assert [[f["name"] for f in q] for q in queries] == [["typeId"], ["typeId", "externalTag"],
                                                         ["typeId", "externalTag"]], \
        "one page of the worktype (450 items) did not finish it: 2 queries by tag, 3 in all"


def test_a_bulk_job_with_refused_items_fails_only_those(sandbox, play):
    worktype(play)
    wanted = items(4)
    wanted[1]["assignee"] = "erin@acme.example"  # inactive: the API refuses the assignment, the job goes on
    run = play([task("genesys_task", items=wanted)])
    assert run.rc != 0
    results = run.result("genesys_task")["results"]
    assert [r["outcome"] for r in results] == ["created", "failed", "created", "created"]
    assert "not active" in results[1]["problems"][0], results[1]
    assert sorted(w["externalTag"] for w in sandbox.objects("workitems")) == ["bulk-0000", "bulk-0002", "bulk-0003"]
    assert play([task("genesys_task", items=items(4))]).result("genesys_task")["summary"]["created"] == 1


def test_a_bulk_job_answered_504_is_settled_item_by_item(sandbox, play):
    worktype(play)
    wanted = items(8)
    sandbox.faults(timeout_writes=1, aim="POST /api/v2/taskmanagement/workitems/bulk/add/jobs")
    run = play([task("genesys_task", items=wanted)])
    assert run.rc == 0, run.stdout
    assert [e["fault"] for e in sandbox.journal() if e["path"].endswith("/bulk/add/jobs")] == ["gateway_timeout"]
    assert [r["outcome"] for r in run.result("genesys_task")["results"]] == ["created"] * 8
    assert len(sandbox.objects("workitems")) == 8, "the job was applied: found, not created again"


def test_writes_run_concurrently_and_references_still_come_first(sandbox, play):
    queues = [{"name": "Queue {0:02d}".format(i)} for i in range(20)]
    queues.append({"name": "Overflow", "direct_routing": {"backup_queue": "Backup"}})
    queues.append({"name": "Backup"})
    sandbox.faults(latency_ms=40)
    start = len(sandbox.journal())
    run = play([task("genesys_queue", items=queues)])
    assert run.rc == 0, run.stdout
    posts = [e for e in writes(sandbox.journal(start)) if e["path"] == "/api/v2/routing/queues"]
    assert len(posts) == 22
    names = [e["body"]["name"] for e in posts]
    assert names.index("Backup") < names.index("Overflow")
    times = sorted(e["time"] for e in posts)
    overlapping = sum(1 for a, b in zip(times, times[1:]) if b - a < 0.03)
    assert overlapping >= 10, "creates were sent while others were in flight"


def test_a_small_run_mints_one_token_and_a_busy_one_grows_the_pool(sandbox, play):
    start = len(sandbox.journal())
    assert play([task("genesys_skill", items=[{"name": "S{0}".format(i)} for i in range(5)])]).rc == 0
    assert sum(1 for e in sandbox.journal(start) if e["path"] == "/oauth/token") == 1

    sandbox.faults(rate_limit=10, rate_window=2)
    start = len(sandbox.journal())
    run = play([task("genesys_skill", items=[{"name": "T{0:02d}".format(i)} for i in range(40)],
                     token_pool_size=3)])
    assert run.rc == 0, run.stdout
    minted = [e for e in sandbox.journal(start) if e["path"] == "/oauth/token" and e["status"] == 200]
    assert len(minted) == 2, "the cached token, then two more when every window was full (pool of 3)"
    assert len(set(e["client"] for e in minted)) == 1


def test_the_pool_causes_no_429_storm_on_the_per_org_queue_limit(sandbox, play):
    queues = [{"name": "Q{0:02d}".format(i), "description": "limited"} for i in range(30)]
    sandbox.faults(org_route_limit=8, rate_window=1)
    start = len(sandbox.journal())
    run = play([task("genesys_queue", items=queues)])
    assert run.rc == 0, run.stdout
    entries = sandbox.journal(start)
    queue_requests = [e for e in entries if e["path"].startswith("/api/v2/routing/queues")]
    throttled = [e for e in queue_requests if e["status"] == 429]
    assert all(e["fault"] == "org_rate_limit" for e in throttled)
    windows = max(e["time"] for e in queue_requests) - min(e["time"] for e in queue_requests) + 1
    assert len(throttled) <= windows + 10, (len(throttled), windows)
    assert len(sandbox.objects("queues")) == 30


def test_token_pool_size_out_of_range_is_refused_before_any_request(sandbox, play):
    start = len(sandbox.journal())
    run = play([task("genesys_skill", name="Never", token_pool_size=21)])
    assert run.rc != 0 and "token_pool_size is 21; allowed 1 to 20" in run.result("genesys_skill")["msg"]
    assert sandbox.journal(start) == []


def test_a_long_call_shows_progress(sandbox, play):
    queues = [{"name": "P{0:02d}".format(i), "members": [{"user": "alice@acme.example"}]} for i in range(12)]
    assert play([task("genesys_queue", items=queues)]).rc == 0
    sandbox.faults(latency_ms=1500)
    run = play([task("genesys_queue", items=[dict(q, members=[{"user": "bob@acme.example"}]) for q in queues],
                     max_deletions=20, token_pool_size=1)], check=True)
    assert run.rc == 0, run.stdout
    lines = [line for line in run.stderr.splitlines() if "queues: " in line]
    assert lines and "/12 compared, 0/0 writes done" in lines[0], run.stderr[-2000:]
    assert run.tasks, "stdout stays the callback's own"

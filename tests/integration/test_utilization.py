"""genesys_routing_utilization against the sandbox: a full-replace singleton converged by GET-merge-PUT."""

from integration.conftest import writes

PATH = "/api/v2/routing/utilization"


def utilization_task(**utilization):
    return {"name": "utilization", "cxops.genesys.genesys_routing_utilization": {"utilization": utilization}}


def current(sandbox, org="acme-us"):
    return sandbox.session().get(sandbox.url + PATH).json()


def test_four_steps_and_what_the_task_does_not_set_survives(sandbox, play):
    # Someone set label utilizations and chat settings by hand: the module must keep them.
    session = sandbox.session()
    manual = current(sandbox)
    manual["utilization"]["chat"] = {"maximumCapacity": 4, "interruptableMediaTypes": ["call"], "includeNonAcd": True}
    manual["labelUtilizations"] = {"label-1": {"maximumCapacity": 2, "interruptingLabelIds": []}}
    assert session.put(sandbox.url + PATH, json=manual).status_code == 200

    task = [utilization_task(call={"maximum_capacity": 2, "interruptable_media_types": ["email", "callback"]},
                             email={"include_non_acd": True})]
    start = len(sandbox.journal())
    first = play(task, check=True, diff=True)
    assert first.rc == 0 and first.changed == 1, first.stdout
    assert writes(sandbox.journal(start)) == [], "check mode sent a write"
    after = first.result("utilization")["results"][0]["after"]["utilization"]
    assert after["call"]["maximum_capacity"] == 2 and after["chat"]["maximum_capacity"] == 4

    second = play(task)
    assert second.rc == 0 and second.changed == 1, second.stdout
    now = current(sandbox)
    call = now["utilization"]["call"]
    assert (call["maximumCapacity"], sorted(call["interruptableMediaTypes"]), call["includeNonAcd"]) == \
        (2, ["callback", "email"], False)
    assert now["utilization"]["email"]["includeNonAcd"] is True and now["utilization"]["email"]["maximumCapacity"] == 1
    assert now["utilization"]["chat"] == manual["utilization"]["chat"], "a media type the task does not set survives"
    assert now["labelUtilizations"] == manual["labelUtilizations"], "label utilizations survive"
    puts = [e for e in writes(sandbox.journal(start)) if e["path"] == PATH]
    assert [e["method"] for e in puts] == ["PUT"], "one GET-merge-PUT"

    start = len(sandbox.journal())
    reordered = [utilization_task(call={"maximum_capacity": 2, "interruptable_media_types": ["callback", "email"]},
                                  email={"include_non_acd": True})]
    third = play(reordered, check=True)
    fourth = play(task)
    assert (third.rc, third.changed, fourth.rc, fourth.changed) == (0, 0, 0, 0), fourth.stdout
    assert writes(sandbox.journal(start)) == []


def test_bad_values_are_refused_before_any_write(sandbox, play):
    start = len(sandbox.journal())
    refused = play([utilization_task(call={"maximum_capacity": 40}, video={"maximum_capacity": 1},
                                     chat={"interruptable_media_types": ["fax"]})])
    assert refused.rc != 0
    msg = refused.result("utilization")["msg"]
    for part in ("utilization.call.maximum_capacity: 40 is out of range; allowed 0 to 25",
                 "key 'video' is not one of call, callback, chat, email, message", "'fax' is not one of"):
        assert part in msg, msg
    assert writes(sandbox.journal(start)) == []

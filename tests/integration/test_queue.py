"""genesys_queue: every setting group in four steps, GET-merge-PUT survival, members and wrap-up codes."""

import copy

from integration.conftest import writes


def queue_task(**options):
    return {"name": "queue", "cxops.genesys.genesys_queue": options}


def queues(sandbox, org="acme-us"):
    return {q["name"]: q for q in sandbox.objects("queues", org)}


def setup_tasks():
    return [{"name": "skills", "cxops.genesys.genesys_skill": {"items": [{"name": "Billing"}, {"name": "Spanish"}]}},
            {"name": "codes", "cxops.genesys.genesys_wrapper": {"items": [{"name": "Resolved"}, {"name": "Escalated"}]}},
            {"name": "group", "cxops.genesys.genesys_skill_group": {"name": "Billing Experts", "skill_conditions": [
                {"operation": "And", "routing_skill_conditions": [
                    {"routing_skill": "Billing", "comparator": "GreaterThanOrEqualTo", "proficiency": 4}]}]}},
            queue_task(name="Overflow")]


def full_queue(group_id):  # the group by id: an id is still accepted for a name
    media = {"enable_auto_answer": False, "alerting_timeout_seconds": 20,
             "service_level": {"percentage": 0.8, "duration_ms": 20000},
             "auto_answer_alert_tone_seconds": 1.5, "manual_answer_alert_tone_seconds": 2.0}
    return dict(
        name="Support EN", description="First line", division="Support",
        media_settings={
            "call": media, "chat": dict(media, enable_auto_answer=True), "email": dict(media, alerting_timeout_seconds=300),
            "callback": dict(media, mode="AgentFirst", enable_auto_dial_and_end=True, auto_dial_delay_seconds=10,
                             auto_end_delay_seconds=20, max_retry_count=3, retry_delay_seconds=120,
                             live_voice_reaction_type="TransferToFlow", live_voice_flow="Callback Dialer", edge_group="US Edges", site="Raleigh",
                             answering_machine_reaction_type="HangUp"),
            "messaging": dict(media, enable_inactivity_timeout=True,
                              inactivity_timeout_settings={"timeout_seconds": 600, "action_type": "DISCONNECT"},
                              sub_type_settings={"sms": {"enable_auto_answer": True}})},
        acw_settings={"wrapup_prompt": "MANDATORY_TIMEOUT", "timeout_ms": 30000},
        skill_evaluation_method="BEST",
        routing_rules=[{"operator": "MEETS_THRESHOLD", "threshold": 9, "wait_seconds": 15},
                       {"operator": "ANY", "wait_seconds": 30}],
        bullseye={"rings": [{"expansion_criteria": [{"type": "TIMEOUT_SECONDS", "threshold": 10}],
                             "actions": {"skills_to_remove": ["Billing"]}},
                            {"expansion_criteria": [{"type": "TIMEOUT_SECONDS", "threshold": 20}],
                             "member_groups": [{"name": "Night Shift", "type": "TEAM"}]}]},
        conditional_group_routing={"rules": [{"queue": "Overflow", "metric": "EstimatedWaitTime",
                                              "operator": "GreaterThan", "condition_value": 60,
                                              "groups": [{"name": "Tier 2 Team", "type": "GROUP"}], "wait_seconds": 5}]},
        conditional_group_activation={"pilot_rule": {"condition_expression": "C1", "conditions": [
            {"simple_metric": {"metric": "IdleAgentCount"}, "operator": "LessThan", "value": 2}]}},
        scoring_method="PriorityOnly", last_agent_routing_mode="QueueMembersOnly",
        # An id is still accepted in place of a name, and compares equal to it.
        member_groups=[{"name": group_id, "type": "GROUP"}, {"name": "Billing Experts", "type": "SKILLGROUP"}],
        queue_flow="Default In-Queue", email_in_queue_flow="Email Hold", message_in_queue_flow="Messaging Hold",
        whisper_prompt="Welcome Whisper", on_hold_prompt="Hold Music", default_media_language="en-US",
        auto_answer_only=False, canned_response_libraries={"mode": "SelectedOnly", "libraries": ["Billing Answers"]},
        enable_transcription=True, enable_audio_monitoring=True, enable_manual_assignment=True,
        suppress_in_queue_call_recording=False,
        agent_owned_routing={"enable_agent_owned_callbacks": True, "max_owned_callback_hours": 24,
                             "max_owned_callback_delay_hours": 48},
        direct_routing={"call_media_settings": {"use_agent_address_outbound": True}, "backup_queue": "Overflow",
                        "wait_for_agent": True, "agent_wait_seconds": 120},
        calling_party_name="Acme", calling_party_number="+15550100",
        default_scripts={"CALL": "Default Call Script", "EMAIL": "Email Script"},
        outbound_messaging_addresses={"sms_address": "sms-1", "open_messaging_recipient": "Support Open Messaging",
                                      "whats_app_recipient": "Support WhatsApp"},
        outbound_email_address={"domain": "support.acme.example", "route": "help@support.acme.example"},
        peer_id="ext-42",
        members=[{"user": "alice@acme.example"}, {"user": "bob@acme.example", "ring_number": 2}],
        wrapup_codes=["Resolved", "Escalated"])


def test_four_steps_with_every_setting_group(sandbox, play):
    assert play(setup_tasks()).rc == 0
    group_id = next(iter(sandbox.objects("groups")))
    task = [queue_task(**full_queue(group_id))]
    start = len(sandbox.journal())
    first = play(task, check=True, diff=True)
    assert first.rc == 0 and first.changed == 1, first.stdout
    assert writes(sandbox.journal(start)) == [], "check mode sent a write"
    diff = first.result("queue")["diff"][0]["after"]
    assert diff["division"] == "Support" and diff["bullseye"]["rings"][0]["actions"]["skills_to_remove"] == ["Billing"]
    assert diff["members"][1] == {"user": "bob@acme.example", "ring_number": 2}

    second = play(task, diff=True)
    assert second.rc == 0 and second.changed == 1, second.stdout
    for listing in ("/api/v2/flows", "/api/v2/routing/message/recipients"):
        assert len([e for e in sandbox.journal(start) if e["path"] == listing]) == 2, \
            listing + ": one listing per run serves every flow type (messenger type)"
    q = queues(sandbox)["Support EN"]
    skills = {s["name"]: s["id"] for s in sandbox.objects("skills")}
    overflow = queues(sandbox)["Overflow"]["id"]
    assert q["division"]["name"] == "Support"
    directory = dict((o["name"], o["id"]) for kind in ("flows", "prompts", "scripts", "libraries", "teams", "sites",
                                                       "edge_groups") for o in sandbox.objects(kind).values())
    assert q["mediaSettings"]["callback"]["liveVoiceFlow"] == {"id": directory["Callback Dialer"]}
    assert q["mediaSettings"]["callback"]["site"] == {"id": directory["Raleigh"]}
    assert (q["queueFlow"], q["emailInQueueFlow"], q["whisperPrompt"]) == (
        {"id": directory["Default In-Queue"]}, {"id": directory["Email Hold"]}, {"id": directory["Welcome Whisper"]})
    assert q["cannedResponseLibraries"]["libraryIds"] == [directory["Billing Answers"]]
    recipients = dict((r["name"], r["id"]) for r in sandbox.objects("recipients").values())
    assert q["outboundMessagingAddresses"] == {"smsAddress": {"id": "sms-1"},
                                               "openMessagingRecipient": {"id": recipients["Support Open Messaging"]},
                                               "whatsAppRecipient": {"id": recipients["Support WhatsApp"]}}
    group = {g["name"]: g["id"] for g in sandbox.objects("skillgroups")}["Billing Experts"]
    assert q["memberGroups"] == [{"id": group_id, "type": "GROUP"}, {"id": group, "type": "SKILLGROUP"}]
    assert q["bullseye"]["rings"][1]["memberGroups"] == [{"id": directory["Night Shift"], "type": "TEAM"}]
    assert q["mediaSettings"]["message"]["subTypeSettings"] == {"sms": {"enableAutoAnswer": True}}
    assert q["mediaSettings"]["email"]["alertingTimeoutSeconds"] == 300
    assert q["bullseye"]["rings"][0]["actions"]["skillsToRemove"] == [{"id": skills["Billing"]}]
    assert q["conditionalGroupRouting"]["rules"][0]["queue"] == {"id": overflow}
    assert q["directRouting"]["backupQueueId"] == overflow
    assert q["defaultScripts"] == {"CALL": {"id": directory["Default Call Script"]},
                                   "EMAIL": {"id": directory["Email Script"]}}
    route = sandbox.objects("email_domains")["support.acme.example"]["routes"][0]["id"]
    assert q["outboundEmailAddress"] == {"domain": {"id": "support.acme.example"}, "route": {"id": route}}
    assert q["acwSettings"] == {"wrapupPrompt": "MANDATORY_TIMEOUT", "timeoutMs": 30000}
    members = sandbox.objects("queue_members")[q["id"]]
    assert sorted(m["ringNumber"] for m in members.values()) == [1, 2]
    assert len(sandbox.objects("queue_wrapupcodes")[q["id"]]) == 2

    third = play(task, check=True, diff=True)
    assert third.rc == 0 and third.changed == 0, third.result("queue")["diff"]
    fourth = play(task)
    assert fourth.rc == 0 and fourth.changed == 0


def test_fields_set_elsewhere_survive_an_update(sandbox, play):
    assert play([queue_task(name="Sales", description="v1")]).rc == 0
    queue = queues(sandbox)["Sales"]
    outside = {"enableTranscription": True, "outboundEmailAddress": {"domain": {"id": "support.acme.example"}},
               "conditionalGroupRouting": {"rules": [{"metric": "ServiceLevel", "operator": "LessThan",
                                                      "conditionValue": 0.5, "waitSeconds": 2}]},
               "mediaSettings": dict(queue["mediaSettings"], email=dict(queue["mediaSettings"]["email"],
                                                                        alertingTimeoutSeconds=45))}
    sandbox.admin("PATCH", "/orgs/acme-us/queues/" + queue["id"], json=outside)
    start = len(sandbox.journal())
    run = play([queue_task(name="Sales", description="v2", media_settings={"call": {"alerting_timeout_seconds": 12}})])
    assert run.rc == 0 and run.changed == 1
    after = queues(sandbox)["Sales"]
    assert after["description"] == "v2" and after["mediaSettings"]["call"]["alertingTimeoutSeconds"] == 12
    for key in ("enableTranscription", "outboundEmailAddress", "conditionalGroupRouting"):
        assert after[key] == outside[key], key
    assert after["mediaSettings"]["email"]["alertingTimeoutSeconds"] == 45
    put = [e for e in writes(sandbox.journal(start)) if e["method"] == "PUT"]
    assert len(put) == 1 and put[0]["body"]["enableTranscription"] is True


def test_division_moves_through_the_objects_endpoint(sandbox, play):
    assert play([queue_task(name="Moving")]).rc == 0
    start = len(sandbox.journal())
    assert play([queue_task(name="Moving", division="Sales")]).changed == 1
    assert queues(sandbox)["Moving"]["division"]["name"] == "Sales"
    routes = [(e["method"], e["template"]) for e in writes(sandbox.journal(start))]
    assert routes == [("POST", "/api/v2/authorization/divisions/{division_id}/objects/{object_type}")]


def test_delete_with_force_waits_until_gone(sandbox, play):
    assert play([queue_task(name="Old", members=[{"user": "alice@acme.example"}])]).rc == 0
    sandbox.faults(queue_delete_delay=1.5)
    refused = play([queue_task(name="Old", state="absent")])
    assert refused.rc != 0 and "forceDelete" in refused.result("queue")["msg"]
    run = play([queue_task(name="Old", state="absent", force_delete=True)])
    assert run.rc == 0 and run.changed == 1
    assert "Old" not in queues(sandbox)
    polls = [e for e in sandbox.journal() if e["method"] == "GET" and e["template"] == "/api/v2/routing/queues/{queue_id}"]
    assert [p["status"] for p in polls][-1] == 404 and len(polls) >= 2


def big_org(users=150):
    org = {"name": "acme-us", "region": "us-east-1",
           "clients": [{"client_id": "acme-us-client", "client_secret": "acme-us-secret"}],
           "divisions": [{"name": "Home", "home": True}],
           "users": [{"name": "Agent {0:03d}".format(i), "email": "agent{0:03d}@acme.example".format(i)}
                     for i in range(users)] + [{"name": "Gone", "email": "gone@acme.example", "state": "deleted"},
                                               {"name": "Idle", "email": "idle@acme.example", "state": "inactive"}],
           "groups": [{"name": "Leads", "members": ["agent149@acme.example"]}]}
    return [org]


def test_members_additive_and_authoritative_beyond_100(sandbox, play):
    sandbox.admin("POST", "/reset", json={"orgs": big_org()})
    emails = ["agent{0:03d}@acme.example".format(i) for i in range(150)]
    first = [{"user": e} for e in emails[:120]] + [{"user": "gone@acme.example"}, {"user": "idle@acme.example"}]
    start = len(sandbox.journal())
    run = play([queue_task(name="Big", members=first, member_groups=[{"name": "Leads", "type": "GROUP"}])])
    assert run.rc == 0 and run.changed == 1
    warnings = " ".join(run.result("queue").get("warnings", []))
    assert "deleted user gone@acme.example" in warnings and "inactive user idle@acme.example" in warnings
    adds = [e for e in writes(sandbox.journal(start)) if e["template"].endswith("/members")]
    assert [len(e["body"]) for e in adds] == [100, 20], "additions are chunked by 100"
    queue_id = queues(sandbox)["Big"]["id"]
    assert len(sandbox.objects("queue_members")[queue_id]) == 120

    # Additive: listing fewer removes nobody.
    assert play([queue_task(name="Big", members=[{"user": e} for e in emails[:10]])]).changed == 0
    # Authoritative: 110 removals need the allowance, and fail before any write without it.
    keep = [{"user": e} for e in emails[:10]]
    start = len(sandbox.journal())
    refused = play([queue_task(name="Big", members=keep, members_mode="authoritative")])
    assert refused.rc != 0 and "max_deletions is 0" in refused.result("queue")["msg"]
    assert writes(sandbox.journal(start)) == []
    run = play([queue_task(name="Big", members=keep, members_mode="authoritative", max_deletions=110)])
    assert run.rc == 0 and run.changed == 1
    removes = [e for e in writes(sandbox.journal(start)) if "delete=true" in e["query"]]
    assert [len(e["body"]) for e in removes] == [100, 10]
    direct = sandbox.objects("queue_members")[queue_id]
    assert len(direct) == 10
    listing = sandbox.session().get(sandbox.url + "/api/v2/routing/queues/{0}/members".format(queue_id),
                                    params={"memberBy": "group"}).json()
    assert [m["name"] for m in listing["entities"]] == ["Agent 149"], "group members are never touched"
    assert play([queue_task(name="Big", members=keep, members_mode="authoritative")]).changed == 0


def test_wrapup_codes_additive_and_authoritative_beyond_100(sandbox, play):
    names = ["Code {0:03d}".format(i) for i in range(130)]
    sandbox.admin("POST", "/orgs/acme-us/objects", json={"wrapupcodes": names})
    start = len(sandbox.journal())
    assert play([queue_task(name="Codes", wrapup_codes=names[:120])]).changed == 1
    posts = [e for e in writes(sandbox.journal(start)) if e["template"].endswith("/wrapupcodes")]
    assert [len(e["body"]) for e in posts] == [100, 20]
    assert play([queue_task(name="Codes", wrapup_codes=names[100:130])]).changed == 1, "additive adds 10 more"
    queue_id = queues(sandbox)["Codes"]["id"]
    assert len(sandbox.objects("queue_wrapupcodes")[queue_id]) == 130
    start = len(sandbox.journal())
    run = play([queue_task(name="Codes", wrapup_codes=names[:5], wrapup_codes_mode="authoritative",
                           max_deletions=125)], diff=True)
    assert run.rc == 0 and run.changed == 1
    deletes = [e for e in writes(sandbox.journal(start)) if e["method"] == "DELETE"]
    assert len(deletes) == 125, "wrap-up code removals are one DELETE each"
    assert len(sandbox.objects("queue_wrapupcodes")[queue_id]) == 5
    assert run.result("queue")["diff"][0]["after"]["wrapup_codes"] == names[:5]


def test_bad_input_fails_before_any_write(sandbox, play):
    assert play(setup_tasks()).rc == 0
    cases = [
        (dict(skill_evaluation_method="SOME"), "skill_evaluation_method must be one of: NONE, BEST, ALL"),
        (dict(media_settings={"call": {"service_level": {"percentage": 1.5}}}),
         "media_settings.call.service_level.percentage: 1.5 is out of range; allowed 0 to 1"),
        (dict(acw_settings={"wrapup_prompt": "OPTIONAL", "timeout_ms": 5000}),
         "timeout_ms: can only be set with wrapup_prompt AGENT_REQUESTED"),
        (dict(acw_settings={"wrapup_prompt": "MANDATORY_TIMEOUT", "timeout_ms": 999}), "allowed 1000 to 3600000"),
        (dict(routing_rules=[{"operator": "ANY"}] * 7), "routing_rules: has 7 items; allowed 0 to 6"),
        (dict(bullseye={"rings": [{"expansion_criteria": []}]}), "bullseye.rings: has 1 items; allowed 2 to 6"),
        (dict(bullseye={"rings": [{"actions": {"skills_to_remove": ["Nope"]}}, {}]}), "skill 'Nope' does not exist"),
        (dict(wrapup_codes=["Resolved", "Nope"]), "wrap-up code 'Nope' does not exist"),
        (dict(members=[{"user": "nobody@acme.example"}]), "user 'nobody@acme.example' does not exist"),
        (dict(division="Nowhere"), "division 'Nowhere' does not exist"),
        (dict(default_scripts={"FAX": "s"}), "default_scripts: key 'FAX' is not one of CALL"),
        (dict(direct_routing={"agent_wait_seconds": 10}), "direct_routing.agent_wait_seconds: 10 is out of range"),
    ]
    start = len(sandbox.journal())
    for options, message in cases:
        run = play([queue_task(name="Bad", **options)])
        assert run.rc != 0, options
        assert message in run.result("queue")["msg"], (message, run.result("queue")["msg"])
    many = play([queue_task(items=[{"name": "Ok"}, {"name": "Bad", "scoring_method": "Random"}])])
    assert many.rc != 0 and "items[1] (Bad)" in many.result("queue")["msg"]
    assert writes(sandbox.journal(start)) == []


def test_check_mode_over_300_queues_reads_only_what_the_options_need(sandbox, play):
    sandbox.faults(rate_limit=0)  # this test counts requests; throttling has tests of its own
    items = [{"name": "Queue {0:03d}".format(i), "description": "q"} for i in range(300)]
    assert play([queue_task(items=items)]).rc == 0
    start = len(sandbox.journal())
    run = play([queue_task(items=items)], check=True, diff=True)
    assert run.rc == 0 and run.changed == 0
    routes = [(e["method"], e["template"]) for e in sandbox.journal(start)]
    assert routes == [("GET", "/api/v2/routing/queues")], "one page of 500, and the token from the cache"
    with_codes = copy.deepcopy(items)
    for item in with_codes:
        item["wrapup_codes"] = []
    start = len(sandbox.journal())
    run = play([queue_task(items=with_codes)], check=True)
    assert run.rc == 0 and run.changed == 0
    routes = [(e["method"], e["template"]) for e in sandbox.journal(start)]
    assert routes.count(("GET", "/api/v2/routing/queues/{queue_id}/wrapupcodes")) == 300
    assert len(routes) == 1 + 300


def test_info_reads_members_and_wrapup_codes_only_when_asked(sandbox, play):
    members = [{"user": "alice@acme.example", "ring_number": 2}, {"user": "bob@acme.example", "ring_number": 1}]
    assert play(setup_tasks() + [queue_task(items=[
        {"name": "Support EN", "members": members, "wrapup_codes": ["Resolved", "Escalated"]},
        {"name": "Billing", "members": members[:1]}])]).rc == 0
    start = len(sandbox.journal())
    both = {"names": ["Support EN", "Billing"], "include": ["members", "wrapup_codes"]}
    info = play([{"name": "info", "cxops.genesys.genesys_queue_info": both},
                 {"name": "plain", "cxops.genesys.genesys_queue_info": {"name": "Billing"}}])
    found = dict((q["name"], q) for q in info.result("info")["objects"])
    assert sorted(found["Support EN"]["members"], key=lambda m: m["user"]) == members
    assert sorted(found["Support EN"]["wrapup_codes"]) == ["Escalated", "Resolved"]
    assert found["Billing"]["members"] == members[:1] and found["Billing"]["wrapup_codes"] == []
    plain = info.result("plain")["objects"][0]
    assert "members" not in plain and "wrapup_codes" not in plain
    reads = [e["template"] for e in sandbox.journal(start) if e["template"].startswith("/api/v2/routing/queues/")]
    assert sorted(reads) == sorted(["/api/v2/routing/queues/{queue_id}/members",
                                    "/api/v2/routing/queues/{queue_id}/wrapupcodes"] * 2)


def test_items_purge_and_info(sandbox, play):
    assert play([queue_task(items=[{"name": "A"}, {"name": "B", "description": "b"}])]).rc == 0
    info = play([{"name": "info", "cxops.genesys.genesys_queue_info": {"name": "B"}}])
    assert [(q["name"], q["description"]) for q in info.result("info")["objects"]] == [("B", "b")]
    run = play([queue_task(items=[{"name": "A"}], purge=True, max_deletions=1)])
    assert run.rc == 0 and set(queues(sandbox)) == {"A"}

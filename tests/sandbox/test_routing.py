"""Skills, languages, wrap-up codes, queues and their sub-resources."""

import pytest

API = "/api/v2/routing"


def test_skills(sandbox):
    s = sandbox.session()
    url = sandbox.url + API + "/skills"
    skill = s.post(url, json={"name": "Billing"}).json()
    assert skill["state"] == "active" and skill["division"]["name"] == "Home"
    assert s.post(url, json={"name": "billing"}).status_code == 409
    bad = s.post(url, json={"name": "X", "type": "acd"})
    assert bad.status_code == 400 and bad.json()["details"][0]["fieldName"] == "type"
    assert s.post(url, json={}).json()["message"] == "name: is required"
    assert s.post(url, json={"name": "Y", "divisionId": "nope"}).status_code == 400
    s.post(url, json={"name": "Billing Tier 2"})
    s.post(url, json={"name": "Tech"})
    assert [x["name"] for x in s.get(url, params={"name": "Bill"}).json()["entities"]] == ["Billing", "Billing Tier 2"]
    sales = next(d["id"] for d in sandbox.objects("divisions").values() if d["name"] == "Sales")
    moved = s.patch(url + "/" + skill["id"], json={"divisionId": sales}).json()
    assert moved["division"]["name"] == "Sales" and moved["version"] == "2"
    assert s.patch(url + "/" + skill["id"], json={"name": "Renamed"}).status_code == 400
    assert s.put(url + "/" + skill["id"], json={"name": "Renamed"}).status_code == 405
    assert s.delete(url + "/" + skill["id"]).status_code == 204
    assert s.get(url + "/" + skill["id"]).json()["state"] == "deleted"
    assert "deleted" in [x["state"] for x in s.get(url).json()["entities"]], "listings keep soft-deleted skills"
    assert s.delete(url + "/" + skill["id"]).status_code == 404
    assert s.post(url, json={"name": "Billing"}).status_code == 200, "a deleted skill's name is free again"
    assert s.get(url + "/nope").json()["code"] == "not.found"


def test_languages(sandbox):
    s = sandbox.session()
    url = sandbox.url + API + "/languages"
    assert [x["name"] for x in s.get(url).json()["entities"]] == ["English", "French", "Spanish"]
    lang = s.post(url, json={"name": "Dutch"}).json()
    assert s.get(url + "/" + lang["id"]).json()["name"] == "Dutch"
    assert s.delete(url + "/" + lang["id"]).status_code == 204


def test_wrapup_codes_put_is_a_full_replace(sandbox):
    s = sandbox.session()
    url = sandbox.url + API + "/wrapupcodes"
    sales = next(d["id"] for d in sandbox.objects("divisions").values() if d["name"] == "Sales")
    code = s.post(url, json={"name": "Resolved", "description": "Done", "division": {"id": sales}}).json()
    assert code["division"]["name"] == "Sales" and code["description"] == "Done"
    replaced = s.put(url + "/" + code["id"], json={"name": "Resolved"}).json()
    assert "description" not in replaced and replaced["division"]["name"] == "Home"
    assert s.put(url + "/" + code["id"], json={"description": "x"}).json()["message"] == "name: is required"
    s.post(url, json={"name": "Escalated"})
    listing = s.get(url, params={"sortOrder": "descending"}).json()
    assert [c["name"] for c in listing["entities"]] == ["Resolved", "Escalated"]
    assert s.get(url, params={"sortBy": "date"}).status_code == 400
    assert s.delete(url + "/" + code["id"]).status_code == 204
    assert s.get(url + "/" + code["id"]).status_code == 404


def queue_url(sandbox, *parts):
    return "/".join([sandbox.url + API + "/queues"] + list(parts))


def test_queue_create_put_and_filters(sandbox):
    s = sandbox.session()
    created = s.post(queue_url(sandbox), json={
        "name": "Support EN", "description": "Tier 1", "skillEvaluationMethod": "BEST",
        "acwSettings": {"wrapupPrompt": "MANDATORY_TIMEOUT", "timeoutMs": 30000},
        "mediaSettings": {"call": {"alertingTimeoutSeconds": 20,
                                   "serviceLevel": {"percentage": 0.9, "durationMs": 15000}}}})
    assert created.status_code == 200, "queue create answers 200"
    queue = created.json()
    assert queue["mediaSettings"]["call"]["alertingTimeoutSeconds"] == 20
    assert queue["mediaSettings"]["chat"]["alertingTimeoutSeconds"] == 8
    assert queue["memberCount"] == 0
    s.post(queue_url(sandbox), json={"name": "Support FR"})
    assert s.get(queue_url(sandbox), params={"name": "Support"}).json()["total"] == 0, "name is exact"
    assert s.get(queue_url(sandbox), params={"name": "support*"}).json()["total"] == 2
    assert s.get(queue_url(sandbox), params={"name": "Support EN"}).json()["total"] == 1
    put = s.put(queue_url(sandbox, queue["id"]), json={"name": "Support EN"}).json()
    assert "description" not in put, "a PUT clears what it leaves out"
    assert put["skillEvaluationMethod"] == "ALL" and put["acwSettings"] == {"wrapupPrompt": "OPTIONAL"}
    assert put["mediaSettings"]["call"]["alertingTimeoutSeconds"] == 8


def test_queue_validation_names_the_field(sandbox):
    s = sandbox.session()
    cases = [
        ({"name": "Q", "skillEvaluationMethod": "SOME"}, "skillEvaluationMethod: value 'SOME' is not one of NONE, BEST, ALL"),
        ({"name": "Q", "acwSettings": {"wrapupPrompt": "OPTIONAL", "timeoutMs": 5000}},
         "acwSettings.timeoutMs: can only be used when wrapupPrompt is one of"),
        ({"name": "Q", "acwSettings": {"wrapupPrompt": "MANDATORY_TIMEOUT", "timeoutMs": 500}},
         "acwSettings.timeoutMs: value 500 is out of range"),
        ({"name": "Q", "mediaSettings": {"call": {"serviceLevel": {"percentage": 1.5}}}},
         "mediaSettings.call.serviceLevel.percentage: value 1.5 is out of range"),
        ({"name": "Q", "routingRules": [{"operator": "ANY"}] * 7}, "routingRules: at most 6 items"),
        ({"name": "Q", "maxMembers": 5}, "maxMembers: unknown field"),
        ({"name": "Q", "bullseye": {"rings": [{"actions": {"skillsToRemove": [{"id": "nope"}]}}]}},
         "skill nope does not exist"),
    ]
    for body, message in cases:
        r = s.post(queue_url(sandbox), json=body)
        assert r.status_code == 400 and message in r.json()["message"], (body, r.json())
    assert s.get(queue_url(sandbox)).json()["total"] == 0


def test_queue_division_move_and_put_keeps_division(sandbox):
    s = sandbox.session()
    queue = s.post(queue_url(sandbox), json={"name": "Q"}).json()
    sales = next(d["id"] for d in sandbox.objects("divisions").values() if d["name"] == "Sales")
    put = s.put(queue_url(sandbox, queue["id"]), json={"name": "Q", "division": {"id": sales}}).json()
    assert put["division"]["name"] == "Home", "the sandbox ignores a division in PUT"
    move = s.post(sandbox.url + "/api/v2/authorization/divisions/{0}/objects/QUEUE".format(sales), json=[queue["id"]])
    assert move.status_code == 204
    assert s.get(queue_url(sandbox, queue["id"])).json()["division"]["name"] == "Sales"
    assert s.post(sandbox.url + "/api/v2/authorization/divisions/{0}/objects/SKILL".format(sales),
                  json=[queue["id"]]).status_code == 400


def test_queue_members_and_delete(sandbox):
    s = sandbox.session()
    users = {u["email"]: u["id"] for u in sandbox.objects("users").values()}
    groups = sandbox.objects("groups")
    group_id = next(iter(groups))
    queue = s.post(queue_url(sandbox), json={"name": "Q", "memberGroups": [{"id": group_id, "type": "GROUP"}]}).json()
    add = s.post(queue_url(sandbox, queue["id"], "members"), json=[{"id": users["alice@acme.example"]},
                                                                   {"id": users["bob@acme.example"]}])
    assert add.status_code == 204
    inactive = s.post(queue_url(sandbox, queue["id"], "members"), json=[{"id": users["erin@acme.example"]}])
    assert inactive.status_code == 400 and users["erin@acme.example"] in inactive.json()["message"]
    assert s.post(queue_url(sandbox, queue["id"], "members"), json=[{"id": "x"}] * 101).status_code == 400
    members = s.get(queue_url(sandbox, queue["id"], "members"), params={"pageSize": 100}).json()
    assert "total" not in members and "pageCount" not in members
    by = {m["name"]: m["memberBy"] for m in members["entities"]}
    assert by == {"Alice Agent": "user", "Bob Agent": "user", "Dave Supervisor": "group"}
    assert s.get(queue_url(sandbox, queue["id"], "members"), params={"pageSize": 101}).status_code == 400
    assert s.get(queue_url(sandbox, queue["id"], "members"), params={"memberBy": "user"}).json()["entities"][0][
        "memberBy"] == "user"
    assert s.patch(queue_url(sandbox, queue["id"], "members", users["alice@acme.example"]),
                   json={"ringNumber": 3}).status_code == 204
    s.post(queue_url(sandbox, queue["id"], "members"), params={"delete": "true"}, json=[{"id": users["bob@acme.example"]}])
    assert s.get(queue_url(sandbox, queue["id"])).json()["userMemberCount"] == 1
    refused = s.delete(queue_url(sandbox, queue["id"]))
    assert refused.status_code == 409
    assert s.delete(queue_url(sandbox, queue["id"]), params={"forceDelete": "true"}).status_code == 204
    assert s.get(queue_url(sandbox, queue["id"])).status_code == 404


def test_queue_delete_delay(sandbox):
    sandbox.faults(queue_delete_delay=0.5)
    s = sandbox.session()
    queue = s.post(queue_url(sandbox), json={"name": "Slow"}).json()
    s.delete(queue_url(sandbox, queue["id"]))
    assert s.get(queue_url(sandbox, queue["id"])).status_code == 200, "still readable right after the delete"
    import time
    time.sleep(0.6)
    assert s.get(queue_url(sandbox, queue["id"])).status_code == 404


def test_queue_wrapup_codes(sandbox):
    s = sandbox.session()
    queue = s.post(queue_url(sandbox), json={"name": "Q"}).json()
    codes = [s.post(sandbox.url + API + "/wrapupcodes", json={"name": "C{0}".format(i)}).json()["id"] for i in range(3)]
    added = s.post(queue_url(sandbox, queue["id"], "wrapupcodes"), json=[{"id": c} for c in codes])
    assert added.status_code == 200 and [c["name"] for c in added.json()] == ["C0", "C1", "C2"]
    assert s.post(queue_url(sandbox, queue["id"], "wrapupcodes"), json=[{"id": "nope"}]).status_code == 400
    assert s.post(queue_url(sandbox, queue["id"], "wrapupcodes"), json=[{"id": codes[0]}] * 101).status_code == 400
    assert s.get(queue_url(sandbox, queue["id"], "wrapupcodes"), params={"name": "C*"}).json()["total"] == 3
    assert s.delete(queue_url(sandbox, queue["id"], "wrapupcodes", codes[0])).status_code == 204
    assert s.delete(queue_url(sandbox, queue["id"], "wrapupcodes", codes[0])).status_code == 404
    assert s.get(queue_url(sandbox, queue["id"], "wrapupcodes")).json()["total"] == 2


@pytest.mark.parametrize("field, body", [
    ("directRouting.backupQueueId", {"directRouting": {"backupQueueId": "00000000-0000-4000-8000-00000000dead"}}),
    ("conditionalGroupRouting.rules[0].queue.id", {"conditionalGroupRouting": {"rules": [
        {"queue": {"id": "00000000-0000-4000-8000-00000000dead"}, "metric": "EstimatedWaitTime",
         "operator": "GreaterThan", "conditionValue": 10, "waitSeconds": 5}]}}),
    ("conditionalGroupActivation.pilotRule.conditions[0].simpleMetric.queue.id", {"conditionalGroupActivation": {
        "pilotRule": {"conditionExpression": "C1", "conditions": [
            {"simpleMetric": {"metric": "IdleAgentCount", "queue": {"id": "00000000-0000-4000-8000-00000000dead"}},
             "operator": "GreaterThan", "value": 1}]}}}),
])
def test_queue_ids_in_a_queue_body_must_name_queues(sandbox, field, body):
    api = sandbox.session()
    created = api.post(api.base + "/api/v2/routing/queues", json=dict(body, name="Refers"))
    assert created.status_code == 400 and field in created.json()["message"], created.text
    ok = api.post(api.base + "/api/v2/routing/queues", json={"name": "Plain"}).json()
    assert api.put(api.base + "/api/v2/routing/queues/" + ok["id"], json=dict(body, name="Plain")).status_code == 400
    body = {"name": "Self", "directRouting": {"backupQueueId": ok["id"]}}
    assert api.post(api.base + "/api/v2/routing/queues", json=body).status_code == 200


def test_skill_groups(sandbox):
    s = sandbox.session()
    url = sandbox.url + API + "/skillgroups"
    s.post(sandbox.url + API + "/skills", json={"name": "Billing"})
    users = dict((u["email"], u["id"]) for u in sandbox.objects("users").values())
    skill = next(x["id"] for x in sandbox.objects("skills"))
    s.post(sandbox.url + "/api/v2/users/{0}/routingskills".format(users["alice@acme.example"]),
           json={"id": skill, "proficiency": 4})
    condition = {"operation": "And", "routingSkillConditions": [
        {"routingSkill": "Billing", "comparator": "GreaterThan", "proficiency": 3}]}
    unknown = s.post(url, json={"name": "G", "skillConditions": [{"operation": "And", "languageSkillConditions": [
        {"languageSkill": "Klingon", "comparator": "EqualTo", "proficiency": 1}]}]})
    assert unknown.status_code == 400 and "language 'Klingon' does not exist" in unknown.json()["message"]
    assert s.post(url, json={"name": "G", "skillConditions": [dict(condition, operation="Xor")]}).status_code == 400
    group = s.post(url, json={"name": "Experts", "skillConditions": [condition]}).json()
    assert group["memberCount"] == 1 and group["memberDivisions"] == [group["division"]["id"]]
    assert s.post(url, json={"name": "experts"}).status_code == 409
    listed = s.get(url).json()
    assert set(listed) == {"entities", "selfUri"} and "skillConditions" not in listed["entities"][0], \
        "the listing holds definitions: no conditions, no cursors when one page holds all"
    patched = s.patch(url + "/" + group["id"], json={"description": "d"}).json()
    assert patched["skillConditions"] == [condition] and patched["description"] == "d"
    divisions = url + "/" + group["id"] + "/members/divisions"
    refused = s.post(divisions, json={"removeDivisionIds": [group["division"]["id"]]})
    assert refused.status_code == 400, "a skill group's own division is never removed"
    assert s.post(divisions, json={"addDivisionIds": ["nope"]}).status_code == 400
    assert s.delete(url + "/" + group["id"]).status_code == 204
    assert s.get(url + "/" + group["id"]).status_code == 404


def test_utilization_is_one_document_replaced_whole(sandbox):
    s = sandbox.session()
    url = sandbox.url + API + "/utilization"
    assert s.get(url).json()["utilization"]["email"]["maximumCapacity"] == 1
    assert s.put(url, json={"utilization": {"fax": {"maximumCapacity": 1}}}).status_code == 400
    assert s.put(url, json={"utilization": {"call": {"maximumCapacity": 26}}}).status_code == 400
    s.put(url, json={"utilization": {"email": {"maximumCapacity": 3}}})
    s.put(url, json={"utilization": {"call": {"maximumCapacity": 2}}})
    now = s.get(url).json()["utilization"]
    assert (now["call"]["maximumCapacity"], now["email"]["maximumCapacity"]) == (2, 1), "a PUT replaces the whole"
    assert s.delete(url).status_code == 204 and s.get(url).json()["utilization"]["call"]["maximumCapacity"] == 1


def test_a_queue_names_only_directory_objects_that_exist_and_flows_of_the_right_type(sandbox):
    s = sandbox.session()
    url = sandbox.url + API + "/queues"
    flows = dict((f["name"], f["id"]) for f in sandbox.objects("flows").values())
    wrong = s.post(url, json={"name": "Q", "queueFlow": {"id": flows["Email Hold"]}})
    assert wrong.status_code == 400 and wrong.json()["details"][0]["fieldName"] == "queueFlow"
    team = s.post(url, json={"name": "Q", "memberGroups": [{"id": "nope", "type": "TEAM"}]})
    assert team.status_code == 400 and "team nope does not exist" in team.json()["message"]
    address = {"domain": {"id": "support.acme.example"}, "route": {"id": "nope"}}
    route = s.post(url, json={"name": "Q", "outboundEmailAddress": address})
    assert route.status_code == 400
    good = s.post(url, json={"name": "Q", "queueFlow": {"id": flows["Default In-Queue"]}})
    assert good.status_code == 200
    teams = s.get(sandbox.url + "/api/v2/teams", params={"pageSize": 1}).json()
    assert [t["name"] for t in teams["entities"]] == ["Night Shift"] and "nextUri" not in teams

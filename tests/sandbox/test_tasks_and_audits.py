"""Task management (workbins, worktypes, statuses, work items, queries, history) and audits."""

import time

TM = "/api/v2/taskmanagement"


def setup_type(s, sandbox, **extra):
    workbin = s.post(sandbox.url + TM + "/workbins", json={"name": "Invoices"}).json()
    worktype = s.post(sandbox.url + TM + "/worktypes",
                      json=dict({"name": "Discrepancy", "defaultWorkbinId": workbin["id"]}, **extra)).json()
    return workbin, worktype


def test_workbins(sandbox):
    s = sandbox.session()
    url = sandbox.url + TM + "/workbins"
    assert s.post(url, json={"name": "ab"}).json()["message"] == "name: must have at least 3 characters"
    workbin = s.post(url, json={"name": "Invoices", "description": "AP"}).json()
    patched = s.patch(url + "/" + workbin["id"], json={"description": None}).json()
    assert "description" not in patched, "JSON null resets a property"
    assert s.patch(url + "/" + workbin["id"], json={"divisionId": "x"}).status_code == 400
    assert s.post(url + "/query", json={}).json()["entities"][0]["id"] == workbin["id"]
    assert s.delete(url + "/" + workbin["id"]).status_code == 204


def test_worktypes_and_statuses(sandbox):
    s = sandbox.session()
    workbin, worktype = setup_type(s, sandbox)
    assert sorted((st["name"], st["category"]) for st in worktype["statuses"]) == [("Closed", "Closed"),
                                                                                   ("Open", "Open")]
    assert worktype["defaultStatus"]["name"] == "Open"
    bare = s.post(sandbox.url + TM + "/worktypes", json={"name": "Bare", "defaultWorkbinId": workbin["id"],
                                                         "disableDefaultStatusCreation": True}).json()
    assert bare["statuses"] == []
    base = sandbox.url + TM + "/worktypes/{0}/statuses".format(worktype["id"])
    assert s.post(base, json={"name": "Open", "category": "Open"}).json()["message"] == \
        "a status with same name already exists"
    assert s.post(base, json={"name": "Doing", "category": "Started"}).status_code == 400
    doing = s.post(base, json={"name": "Doing", "category": "InProgress"}).json()
    assert s.patch(base + "/" + doing["id"], json={"category": "Waiting"}).json()["details"][0]["fieldName"] == \
        "category"
    assert s.patch(base + "/" + doing["id"], json={"autoTerminateWorkitem": True}).status_code == 400
    assert s.patch(base + "/" + doing["id"], json={"description": None}).json()["message"] == "No change for the record"
    closed = next(st for st in worktype["statuses"] if st["name"] == "Closed")
    moved = s.patch(base + "/" + doing["id"], json={"destinationStatusIds": [closed["id"]]}).json()
    assert moved["destinationStatuses"][0]["name"] == "Closed"
    assert len(s.get(base).json()["entities"]) == 3
    patched = s.patch(sandbox.url + TM + "/worktypes/" + worktype["id"], json={"defaultStatusId": doing["id"]}).json()
    assert patched["defaultStatus"]["name"] == "Doing"
    assert s.delete(base + "/" + doing["id"]).status_code == 400, "the default status cannot go"
    found = s.post(sandbox.url + TM + "/worktypes/query", json={"filters": [
        {"name": "name", "type": "String", "operator": "EQ", "values": ["Bare"]}]}).json()
    assert [w["id"] for w in found["entities"]] == [bare["id"]]


def test_workitems_query_history_terminate(sandbox):
    s = sandbox.session()
    dummy, worktype = setup_type(s, sandbox, defaultPriority=7)
    url = sandbox.url + TM + "/workitems"
    bad = s.post(url, json={"name": "ab", "typeId": worktype["id"], "priority": 30000000})
    assert bad.status_code == 400 and {d["fieldName"] for d in bad.json()["details"]} == {"name", "priority"}
    far = s.post(url, json={"name": "Later", "typeId": worktype["id"], "dateDue": "2099-01-01T00:00:00Z"})
    assert "at most 365 days" in far.json()["message"]
    items = [s.post(url, json={"name": "INV-{0}".format(i), "typeId": worktype["id"], "externalTag": "t{0}".format(i % 3)})
             .json() for i in range(7)]
    assert items[0]["priority"] == 7 and items[0]["statusCategory"] == "Open"
    eq_type = {"name": "typeId", "type": "String", "operator": "EQ", "values": [worktype["id"]]}
    tag = {"name": "externalTag", "type": "String", "operator": "EQ", "values": ["t1"]}
    assert len(s.post(url + "/query", json={"filters": [eq_type, tag]}).json()["entities"]) == 2
    assert s.post(url + "/query", json={"filters": [tag]}).status_code == 400
    assert s.post(url + "/query", json={"filters": [eq_type] * 4}).status_code == 400
    assert s.post(url + "/query", json={"filters": [eq_type], "pageSize": 201}).status_code == 400
    page = s.post(url + "/query", json={"filters": [eq_type], "pageSize": 3}).json()
    seen = [e["id"] for e in page["entities"]]
    while page.get("after"):
        page = s.post(url + "/query", json={"filters": [eq_type], "pageSize": 3, "after": page["after"]}).json()
        seen += [e["id"] for e in page["entities"]]
    assert seen == [i["id"] for i in items]
    assert s.post(url + "/query", json={"filters": [eq_type], "select": "Count"}).json()["count"] == 7
    item = items[0]
    s.patch(url + "/" + item["id"], json={"priority": 9, "description": "x"})
    s.patch(url + "/" + item["id"], json={"description": None})
    history = s.get(url + "/" + item["id"] + "/history", params={"sortOrder": "ascending"}).json()["entities"]
    assert [h["version"] for h in history] == [1, 2, 3]
    assert history[2]["delta"]["description"] == {"oldValue": "x", "newValue": None}
    open_status = next(st for st in worktype["statuses"] if st["name"] == "Open")
    assert s.post(url + "/" + item["id"] + "/terminate", json={"statusId": open_status["id"]}).status_code == 400
    assert s.post(url + "/" + item["id"] + "/terminate", json={}).status_code == 204
    assert s.get(url + "/" + item["id"]).json()["statusCategory"] == "Closed"
    moved = sandbox.admin("POST", "/orgs/acme-us/workitems/{0}/status".format(items[1]["id"]), json={"statusName": "Closed"})
    assert moved["statusCategory"] == "Closed" and "dateClosed" in moved
    assert s.delete(url + "/" + item["id"]).status_code == 204


def test_audits(sandbox):
    s = sandbox.session()
    s.post(sandbox.url + "/api/v2/routing/skills", json={"name": "Audited"})
    code = s.post(sandbox.url + "/api/v2/routing/wrapupcodes", json={"name": "Resolved"}).json()
    s.put(sandbox.url + "/api/v2/routing/wrapupcodes/" + code["id"], json={"name": "Resolved", "description": "d"})
    interval = "2000-01-01T00:00:00Z/2100-01-01T00:00:00Z"
    query = s.post(sandbox.url + "/api/v2/audits/query", json={
        "interval": interval, "serviceName": "Routing",
        "filters": [{"property": "EntityId", "value": code["id"]}]}).json()
    assert query["state"] == "Queued"
    assert s.get(sandbox.url + "/api/v2/audits/query/{0}/results".format(query["id"])).status_code == 400
    time.sleep(0.35)
    assert s.get(sandbox.url + "/api/v2/audits/query/" + query["id"]).json()["state"] == "Succeeded"
    results = s.get(sandbox.url + "/api/v2/audits/query/{0}/results".format(query["id"]), params={"pageSize": 1}).json()
    assert results["entities"][0]["action"] == "Create" and results["cursor"]
    rest = s.get(sandbox.url + "/api/v2/audits/query/{0}/results".format(query["id"]),
                 params={"cursor": results["cursor"]}).json()
    update = rest["entities"][0]
    assert update["action"] == "Update" and update["propertyChanges"][0]["property"] == "description"
    assert s.post(sandbox.url + "/api/v2/audits/query", json={"interval": "yesterday"}).status_code == 400
    realtime = s.post(sandbox.url + "/api/v2/audits/query/realtime", json={"interval": interval,
                                                                           "serviceName": "Routing"}).json()
    assert realtime["total"] == 3
    assert s.get(sandbox.url + "/api/v2/audits/query/realtime/servicemapping").json()["services"]
    other = sandbox.session({"client_id": "acme-eu-client", "client_secret": "acme-eu-secret"})
    assert other.get(sandbox.url + "/api/v2/audits/query/" + query["id"]).status_code == 404

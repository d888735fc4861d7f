"""Users, users' routing skills, and page-number envelopes at their edges."""

import pytest


def test_users_by_state(sandbox):
    s = sandbox.session()
    url = sandbox.url + "/api/v2/users"
    assert {u["state"] for u in s.get(url).json()["entities"]} == {"active"}
    assert s.get(url, params={"state": "any"}).json()["total"] == 6
    assert [u["email"] for u in s.get(url, params={"state": "deleted"}).json()["entities"]] == ["frank@acme.example"]
    assert s.get(url, params={"state": "gone"}).status_code == 400
    user = s.get(url).json()["entities"][0]
    assert s.get(url + "/" + user["id"]).json()["email"] == user["email"]


def test_user_routing_skills(sandbox):
    s = sandbox.session()
    user = s.get(sandbox.url + "/api/v2/users").json()["entities"][0]
    base = sandbox.url + "/api/v2/users/{0}/routingskills".format(user["id"])
    skills = [s.post(sandbox.url + "/api/v2/routing/skills", json={"name": "S{0:02d}".format(i)}).json()["id"]
              for i in range(51)]
    added = s.post(base, json={"id": skills[0], "proficiency": 3}).json()
    assert added["proficiency"] == 3
    assert added["selfUri"] == "/api/v2/users/{0}/routingskills/{1}".format(user["id"], skills[0])
    assert s.post(base, json={"id": skills[1], "proficiency": 6}).status_code == 400
    assert s.put(base + "/" + skills[0], json={"proficiency": 4.5}).json()["proficiency"] == 4.5
    assert s.patch(base + "/bulk", json=[{"id": k, "proficiency": 1} for k in skills]).status_code == 400
    patched = s.patch(base + "/bulk", json=[{"id": k, "proficiency": 2} for k in skills[:50]]).json()
    assert patched["total"] == 50
    replaced = s.put(base + "/bulk", json=[{"id": skills[50], "proficiency": 5}]).json()
    assert [e["name"] for e in replaced["entities"]] == ["S50"]
    assert s.delete(base + "/" + skills[50]).status_code == 204
    assert s.get(base).json()["total"] == 0
    assert s.post(base, json={"id": "nope"}).status_code == 400


@pytest.mark.parametrize("count,size,pages", [(0, 25, 0), (50, 25, 2), (51, 25, 3), (7, 500, 1)])
def test_page_number_envelopes(sandbox, count, size, pages):
    sandbox.admin("POST", "/orgs/acme-us/objects", json={"skills": ["S{0:03d}".format(i) for i in range(count)]})
    s = sandbox.session()
    url = sandbox.url + "/api/v2/routing/skills"
    seen = []
    for number in range(1, max(pages, 1) + 1):
        page = s.get(url, params={"pageSize": size, "pageNumber": number}).json()
        assert set(page) >= {"entities", "pageSize", "pageNumber", "total", "pageCount", "firstUri", "selfUri",
                             "lastUri"}
        assert page["total"] == count and page["pageCount"] == pages
        assert ("nextUri" in page) == (number < pages)
        assert ("previousUri" in page) == (number > 1)
        seen += [e["name"] for e in page["entities"]]
    assert seen == ["S{0:03d}".format(i) for i in range(count)]
    if pages:
        last = s.get(url, params={"pageSize": size, "pageNumber": pages}).json()
        assert len(last["entities"]) == count - (pages - 1) * size


def test_page_size_limits(sandbox):
    s = sandbox.session()
    for path, limit in (("/api/v2/routing/skills", 500), ("/api/v2/routing/queues", 500),
                        ("/api/v2/routing/wrapupcodes", 500), ("/api/v2/users", 500)):
        assert s.get(sandbox.url + path, params={"pageSize": limit}).status_code == 200
        r = s.get(sandbox.url + path, params={"pageSize": limit + 1})
        assert r.status_code == 400 and r.json()["details"][0]["fieldName"] == "pageSize"
    assert s.get(sandbox.url + "/api/v2/routing/skills", params={"pageNumber": 0}).status_code == 400

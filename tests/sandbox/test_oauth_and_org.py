"""OAuth, bearer tokens, org scoping, organization, limits and divisions."""

import time

import requests


def test_token_envelope(sandbox):
    r = requests.post(sandbox.url + "/oauth/token", auth=(sandbox.US["client_id"], sandbox.US["client_secret"]),
                      data={"grant_type": "client_credentials"})
    assert r.status_code == 200
    assert set(r.json()) == {"access_token", "token_type", "expires_in"} and r.json()["expires_in"] == 86400


def test_wrong_credentials_and_grant(sandbox):
    r = requests.post(sandbox.url + "/oauth/token", auth=("acme-us-client", "nope"),
                      data={"grant_type": "client_credentials"})
    assert r.status_code == 401 and set(r.json()) == {"error", "description", "error_description"}
    r = requests.post(sandbox.url + "/oauth/token", auth=(sandbox.US["client_id"], sandbox.US["client_secret"]),
                      data={"grant_type": "password"})
    assert r.status_code == 400 and r.json()["error"] == "unsupported_grant_type"


def test_token_minting_rate_answers_400(sandbox):
    sandbox.faults(token_rate=2)
    statuses = [requests.post(sandbox.url + "/oauth/token", auth=(sandbox.US["client_id"], sandbox.US["client_secret"]),
                              data={"grant_type": "client_credentials"}) for dummy in range(3)]
    assert [r.status_code for r in statuses] == [200, 200, 400]
    assert statuses[2].json()["error"] == "invalid_request"
    assert statuses[2].json()["error_description"].startswith("rate limit exceeded;")


def test_bearer_errors(sandbox):
    assert requests.get(sandbox.url + "/api/v2/organizations/me").json()["code"] == "authentication.required"
    r = requests.get(sandbox.url + "/api/v2/organizations/me", headers={"Authorization": "Bearer nope"})
    assert r.status_code == 401 and r.json()["code"] == "bad.credentials" and r.json()["status"] == 401
    sandbox.faults(token_lifetime=1)
    s = sandbox.session()
    time.sleep(1.1)
    assert s.get(sandbox.url + "/api/v2/organizations/me").json()["code"] == "credentials.expired"


def test_tokens_are_org_scoped(sandbox):
    us, eu = sandbox.session(sandbox.US), sandbox.session(sandbox.EU)
    us.post(sandbox.url + "/api/v2/routing/skills", json={"name": "Only US"})
    assert us.get(sandbox.url + "/api/v2/organizations/me").json()["name"] == "acme-us"
    assert eu.get(sandbox.url + "/api/v2/organizations/me").json()["name"] == "acme-eu"
    assert eu.get(sandbox.url + "/api/v2/routing/skills").json()["total"] == 0


def test_limits_and_enforcement(sandbox):
    s = sandbox.session()
    body = s.get(sandbox.url + "/api/v2/organizations/limits/namespaces/task.management").json()
    assert {e["key"] for e in body["entities"]} == {"workbins.max", "worktypes.max"}
    assert s.get(sandbox.url + "/api/v2/organizations/limits/namespaces/nope").status_code == 404
    sandbox.sandbox.orgs[next(iter(sandbox.sandbox.orgs))].limits["skills"]["skill.count.max"] = 1
    assert s.post(sandbox.url + "/api/v2/routing/skills", json={"name": "One"}).status_code == 200
    r = s.post(sandbox.url + "/api/v2/routing/skills", json={"name": "Two"})
    assert r.status_code == 400 and r.json()["limit"] == {"key": "skill.count.max", "namespace": "skills", "value": 1}


def test_divisions(sandbox):
    s = sandbox.session()
    listing = s.get(sandbox.url + "/api/v2/authorization/divisions").json()
    assert [d["name"] for d in listing["entities"]] == ["Home", "Sales", "Support"]
    home = s.get(sandbox.url + "/api/v2/authorization/divisions/home").json()
    assert home["homeDivision"] is True and home["name"] == "Home"
    assert s.get(sandbox.url + "/api/v2/authorization/divisions?name=Sal").json()["total"] == 1

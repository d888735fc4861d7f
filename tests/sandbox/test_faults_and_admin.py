"""Every fault, the journal and counters, state persistence, and the command line."""

import json
import os
import subprocess
import sys
import time

import requests

from genesys_sandbox import Sandbox
from genesys_sandbox.cli import default_orgs_file
from genesys_sandbox.server import load_orgs

ME = "/api/v2/organizations/me"


def test_rate_limit_per_token_with_headers(sandbox):
    sandbox.faults(rate_limit=3, rate_window=1)
    s = sandbox.session()
    answers = [s.get(sandbox.url + ME) for dummy in range(4)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert answers[0].headers["inin-ratelimit-allowed"] == "3" and answers[1].headers["inin-ratelimit-count"] == "2"
    assert answers[3].headers["Retry-After"] == "1" and answers[3].json()["code"] == "too.many.requests.retry.after"
    assert answers[0].headers["ININ-Correlation-Id"]
    assert sandbox.session().get(sandbox.url + ME).status_code == 200, "the limit is per token"
    time.sleep(1.05)
    assert s.get(sandbox.url + ME).status_code == 200, "a new window starts"


def test_random_faults_are_seeded(sandbox):
    sandbox.faults(throttle_rate=0.3, error_rate=0.3)
    s = sandbox.session()
    statuses = [s.get(sandbox.url + ME).status_code for dummy in range(60)]
    assert {429, 200} <= set(statuses) and set(statuses) & {502, 503, 504}
    throttled = next(r for r in (s.get(sandbox.url + ME) for dummy in range(50)) if r.status_code == 429)
    assert throttled.headers["Retry-After"] == "1"
    first = [e["fault"] for e in sandbox.journal() if e["path"] == ME]
    sandbox.reset()
    sandbox.faults(throttle_rate=0.3, error_rate=0.3)
    s = sandbox.session()
    for dummy in range(60):
        s.get(sandbox.url + ME)
    again = [e["fault"] for e in sandbox.journal() if e["path"] == ME]
    assert again == first[:60], "the same seed gives the same faults"


def test_gateway_timeout_applies_the_write(sandbox):
    sandbox.faults(timeout_writes=1)
    s = sandbox.session()
    assert s.post(sandbox.url + "/api/v2/routing/skills", json={"name": "Applied"}).status_code == 504
    assert [x["name"] for x in sandbox.objects("skills")] == ["Applied"]


def test_dropped_connection_after_applying(sandbox):
    sandbox.faults(drop_rate=1.0)
    s = sandbox.session()
    try:
        s.post(sandbox.url + "/api/v2/routing/skills", json={"name": "Dropped"})
        raise AssertionError("the connection should have dropped")
    except requests.ConnectionError:
        pass
    assert [x["name"] for x in sandbox.objects("skills")] == ["Dropped"]
    assert sandbox.journal()[-1]["fault"] == "dropped"


def test_latency(sandbox):
    sandbox.faults(latency_ms=200)
    s = sandbox.session()
    started = time.time()
    s.get(sandbox.url + ME)
    assert time.time() - started >= 0.2


def test_listing_lag(sandbox):
    sandbox.faults(listing_lag=0.5)
    s = sandbox.session()
    url = sandbox.url + "/api/v2/routing/wrapupcodes"
    code = s.post(url, json={"name": "Lagging"}).json()
    assert s.get(url).json()["total"] == 0, "new objects show in listings only after the lag"
    assert s.get(url + "/" + code["id"]).status_code == 200
    time.sleep(0.55)
    assert s.get(url).json()["total"] == 1
    s.delete(url + "/" + code["id"])
    assert s.get(url).json()["total"] == 1, "deleted objects linger in listings"
    time.sleep(0.55)
    assert s.get(url).json()["total"] == 0


def test_conflict_on_next_put(sandbox):
    s = sandbox.session()
    code = s.post(sandbox.url + "/api/v2/routing/wrapupcodes", json={"name": "C"}).json()
    sandbox.faults(conflict_puts=1)
    first = s.put(sandbox.url + "/api/v2/routing/wrapupcodes/" + code["id"], json={"name": "C", "description": "d"})
    assert first.status_code == 409
    second = s.put(sandbox.url + "/api/v2/routing/wrapupcodes/" + code["id"], json={"name": "C", "description": "d"})
    assert second.status_code == 200


def test_revoke_mid_run(sandbox):
    s = sandbox.session()
    sandbox.faults(revoke_after=2)
    assert s.get(sandbox.url + ME).status_code == 200
    assert s.get(sandbox.url + ME).status_code == 401
    assert s.get(sandbox.url + ME).json()["code"] == "bad.credentials"
    t = sandbox.session()
    assert sandbox.admin("POST", "/tokens/revoke", json={"org": "acme-us"})["revoked"] >= 1
    assert t.get(sandbox.url + ME).status_code == 401


def test_journal_counters_and_admin(sandbox):
    s = sandbox.session()
    s.post(sandbox.url + "/api/v2/routing/skills", json={"name": "J"})
    entry = sandbox.journal()[-1]
    assert entry["template"] == "/api/v2/routing/skills" and entry["body"] == {"name": "J"}
    assert entry["org"] == "acme-us" and entry["client"] == "acme-us-client"
    counters = sandbox.admin("GET", "/counters")
    assert counters["by_route"]["POST /api/v2/routing/skills 200"] == 1
    assert all(not e["path"].startswith("/_sandbox") for e in sandbox.journal())
    assert requests.put(sandbox.url + "/_sandbox/faults", json={"bogus": 1}).status_code == 400
    skill_id = sandbox.objects("skills")[0]["id"]
    sandbox.admin("PATCH", "/orgs/acme-us/skills/" + skill_id, json={"state": "inactive"})
    assert s.get(sandbox.url + "/api/v2/routing/skills/" + skill_id).json()["state"] == "inactive"
    state = sandbox.admin("GET", "/state")
    sandbox.reset()
    assert sandbox.objects("skills") == []
    sandbox.admin("PUT", "/state", json=state)
    assert [x["name"] for x in sandbox.objects("skills")] == ["J"]
    sandbox.admin("DELETE", "/journal")
    assert sandbox.journal() == []


def test_seed_makes_ids_repeatable():
    one, two = (Sandbox(load_orgs(default_orgs_file()), seed=3) for dummy in range(2))
    assert one.new_id() == two.new_id()


def test_command_line_saves_and_loads_state(tmp_path):
    state = tmp_path / "state.json"
    port_file = tmp_path / "port"
    exe = [sys.executable, "-m", "genesys_sandbox", "--port", "0", "--port-file", str(port_file),
           "--state", str(state), "--seed", "1"]
    env = dict(os.environ, PYTHONPATH=os.path.join(os.path.dirname(__file__), "..", "..", "sandbox"))
    for run in range(2):
        proc = subprocess.Popen(exe, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            for dummy in range(100):
                if port_file.exists() and port_file.read_text():
                    break
                time.sleep(0.05)
            url = "http://127.0.0.1:" + port_file.read_text()
            token = requests.post(url + "/oauth/token", auth=("acme-us-client", "acme-us-secret"),
                                  data={"grant_type": "client_credentials"}).json()["access_token"]
            headers = {"Authorization": "Bearer " + token}
            if run == 0:
                requests.post(url + "/api/v2/routing/skills", json={"name": "Kept"}, headers=headers)
            else:
                names = [s["name"] for s in requests.get(url + "/api/v2/routing/skills", headers=headers).json()[
                    "entities"]]
                assert names == ["Kept"]
        finally:
            proc.terminate()
            proc.wait(10)
            port_file.unlink()
    assert "Kept" in json.dumps(json.loads(state.read_text()))
    help_text = subprocess.run([sys.executable, "-m", "genesys_sandbox", "--help"], env=env, check=True,
                               capture_output=True, text=True).stdout
    for flag in ("--orgs", "--state", "--seed", "--rate-limit", "--listing-lag", "--revoke-after", "--drop-rate"):
        assert flag in help_text


def test_connections_are_kept_alive(sandbox):
    """One connection serves many requests, as the API's does (HTTP/1.1, no Connection: close)."""
    import http.client
    from urllib.parse import urlparse
    url = urlparse(sandbox.url)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
    headers = {"Authorization": "Bearer " + sandbox.token()}
    connection.request("GET", "/api/v2/routing/skills", headers=headers)
    first = connection.getresponse()
    first.read()
    socket_before = connection.sock
    for _request in range(3):
        connection.request("POST", "/api/v2/routing/skills", body='{"name": "Kept alive %d"}' % _request,
                           headers=dict(headers, **{"Content-Type": "application/json"}))
        answer = connection.getresponse()
        answer.read()
        assert answer.status == 200 and answer.getheader("Connection") != "close"
    assert first.version == 11 and connection.sock is socket_before, "the same connection served every request"


def test_per_org_queue_route_limit(sandbox):
    sandbox.faults(org_route_limit=3, rate_window=60)
    one, two = sandbox.session(), sandbox.session()
    statuses = [s.get(sandbox.url + "/api/v2/routing/queues").status_code for s in (one, two, one, two)]
    assert statuses == [200, 200, 200, 429], "a second token shares the org's budget"
    throttled = sandbox.journal()[-1]
    assert throttled["fault"] == "org_rate_limit"
    assert one.get(sandbox.url + "/api/v2/routing/skills").status_code == 200, "other routes are not limited"

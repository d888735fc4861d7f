"""The client against a live sandbox: regions, tokens and their cache, retries, errors, paging."""

import os
import stat
import time

import pytest

from ansible_collections.cxops.genesys.plugins.module_utils.client import (
    REGION_HOSTS, GenesysClient, api_base_url, login_url)
from ansible_collections.cxops.genesys.plugins.module_utils.errors import (
    AuthError, GenesysError, NotFoundError, RateLimitError, UncertainWriteError)

SLEEPS = []


def client_for(sandbox, tmp_path, **kwargs):
    options = dict(api_url=sandbox.url, token_cache_dir=str(tmp_path / "tokens"), sleep=SLEEPS.append, **sandbox.US)
    options.update(kwargs)
    return GenesysClient(**options)


def tokens_minted(sandbox, since=0):
    return sum(1 for e in sandbox.journal(since) if e["path"] == "/oauth/token" and e["status"] == 200)


@pytest.mark.parametrize("region,host", [
    ("us-east-1", "api.mypurecloud.com"), ("eu_west_1", "api.mypurecloud.ie"), ("mypurecloud.ie", "api.mypurecloud.ie"),
    ("api.mypurecloud.com.au", "api.mypurecloud.com.au"), ("EU-CENTRAL-2", "api.euc2.pure.cloud"),
    ("usw2.pure.cloud", "api.usw2.pure.cloud")])
def test_regions(region, host):
    assert api_base_url(region) == "https://" + host


def test_all_18_regions_and_login_rule():
    assert len(REGION_HOSTS) == 18
    for host in REGION_HOSTS.values():
        assert login_url("https://" + host) == "https://" + host.replace("api.", "login.", 1) + "/oauth/token"
    assert login_url("http://127.0.0.1:8990") == "http://127.0.0.1:8990/oauth/token"


def test_unknown_region_and_plain_http_are_refused():
    with pytest.raises(GenesysError, match="Unknown region 'mars-1'.*eu-west-1"):
        api_base_url("mars-1")
    with pytest.raises(GenesysError, match="plain http is only accepted for loopback"):
        api_base_url(api_url="http://gateway.example.com")
    assert api_base_url(api_url="https://gw.example.com/") == "https://gw.example.com"


def test_plain_http_needs_loopback_or_the_explicit_option():
    assert api_base_url(api_url="http://127.0.0.1:8990") == "http://127.0.0.1:8990"
    assert api_base_url(api_url="http://[::1]:8990") == "http://[::1]:8990"
    assert api_base_url(api_url="http://double.example.com", allow_http=True) == "http://double.example.com"


def test_tls_verification_is_on_by_default():
    client = GenesysClient(region="eu-west-1", client_id="id", client_secret="secret", token_cache_dir="/nonexistent")
    assert client.session.verify is True
    assert client.base_url == "https://api.mypurecloud.ie"


def test_one_token_for_many_clients_through_the_cache(sandbox, tmp_path):
    start = len(sandbox.journal())
    for _attempt in range(3):
        client_for(sandbox, tmp_path).get("/api/v2/organizations/me")
    assert tokens_minted(sandbox, start) == 1
    cache = os.listdir(str(tmp_path / "tokens"))
    assert len(cache) == 1
    path = tmp_path / "tokens" / cache[0]
    assert stat.S_IMODE(os.stat(str(path)).st_mode) == 0o600
    assert sandbox.US["client_secret"] not in path.read_text()


@pytest.mark.parametrize("mode", [0o644, 0o604, 0o620, 0o602])
def test_a_cache_others_can_read_or_write_is_ignored(sandbox, tmp_path, mode):
    client_for(sandbox, tmp_path).get("/api/v2/organizations/me")
    path = tmp_path / "tokens" / os.listdir(str(tmp_path / "tokens"))[0]
    os.chmod(str(path), mode)
    start = len(sandbox.journal())
    client_for(sandbox, tmp_path).get("/api/v2/organizations/me")
    assert tokens_minted(sandbox, start) == 1


def test_revoked_token_is_replaced_once(sandbox, tmp_path):
    client = client_for(sandbox, tmp_path)
    client.get("/api/v2/organizations/me")
    sandbox.admin("POST", "/tokens/revoke", json={"org": "acme-us"})
    assert client.get("/api/v2/organizations/me")["name"] == "acme-us"
    assert client.stats["token_requests"] == 2


def test_given_access_token_is_used_without_oauth(sandbox, tmp_path):
    token = sandbox.token()
    client = GenesysClient(api_url=sandbox.url, access_token=token)
    assert client.get("/api/v2/organizations/me")["name"] == "acme-us"
    sandbox.admin("POST", "/tokens/revoke", json={"token": token})
    with pytest.raises(AuthError) as err:
        client.get("/api/v2/organizations/me")
    assert err.value.status == 401 and err.value.code == "bad.credentials"


def test_wrong_credentials_fail_clearly(sandbox, tmp_path):
    with pytest.raises(AuthError, match="invalid_client") as err:
        client_for(sandbox, tmp_path, client_secret="wrong").get("/api/v2/organizations/me")
    assert "wrong" not in str(err.value.to_fail_json())


def test_an_unreachable_api_is_named_with_the_cause(tmp_path):
    client = GenesysClient(api_url="http://127.0.0.1:9", client_id="c", client_secret="s",
                           token_cache_dir=str(tmp_path), sleep=lambda seconds: None)
    with pytest.raises(GenesysError) as caught:
        client.get("/api/v2/routing/skills")
    message = caught.value.message
    assert "http://127.0.0.1:9" in message and "refused" in message.lower()


def test_missing_credentials():
    with pytest.raises(AuthError, match="client_id and client_secret"):
        GenesysClient(region="us-east-1")


def test_429_waits_retry_after(sandbox, tmp_path):
    client = client_for(sandbox, tmp_path)
    client.get("/api/v2/organizations/me")
    sandbox.faults(rate_limit=2)
    del SLEEPS[:]
    client.get("/api/v2/organizations/me")
    with pytest.raises(RateLimitError):
        client_for(sandbox, tmp_path, max_retries=2, token_pool_size=1).get("/api/v2/organizations/me")
    assert SLEEPS and all(s >= 1 for s in SLEEPS)


def test_a_pool_mints_a_token_only_when_every_window_is_used_up(sandbox, tmp_path):
    sandbox.faults(rate_limit=3, rate_window=1)
    del SLEEPS[:]

    def sleep(seconds):
        SLEEPS.append(seconds)
        time.sleep(seconds)

    client = client_for(sandbox, tmp_path, token_pool_size=3, sleep=sleep)
    start = len(sandbox.journal())
    for _request in range(3):
        client.get("/api/v2/organizations/me")
    assert tokens_minted(sandbox, start) == 1, "a small run mints one token"
    for _request in range(6):
        client.get("/api/v2/organizations/me")
    assert tokens_minted(sandbox, start) == 3 and client.tokens == 3
    assert not [e for e in sandbox.journal(start) if e["status"] == 429], "the headers said when a window was full"
    client.get("/api/v2/organizations/me")
    assert tokens_minted(sandbox, start) == 3, "the pool is full: the request waits for a window instead"
    assert SLEEPS and SLEEPS[-1] > 0
    other = client_for(sandbox, tmp_path, token_pool_size=3)
    other.get("/api/v2/organizations/me")
    assert other.tokens == 3 and tokens_minted(sandbox, start) == 3, "another process of the run shares the pool"


def test_token_endpoint_limit_leaves_the_pool_as_it_is(sandbox, tmp_path):
    sandbox.faults(rate_limit=1, rate_window=1, token_rate=1, token_window=60)
    client = client_for(sandbox, tmp_path, token_pool_size=5, sleep=lambda s: (SLEEPS.append(s), time.sleep(s)))
    client.get("/api/v2/organizations/me")
    del SLEEPS[:]
    client.get("/api/v2/organizations/me")
    assert client.tokens == 1 and client.stats["throttled"] == 1, "the 400 'rate limit exceeded' was not retried"
    assert SLEEPS and SLEEPS[0] > 0, "the request waited for its token's window instead"


@pytest.mark.parametrize("size", [0, 21])
def test_token_pool_size_out_of_range(sandbox, tmp_path, size):
    with pytest.raises(GenesysError, match="token_pool_size is {0}; allowed 1 to 20".format(size)):
        client_for(sandbox, tmp_path, token_pool_size=size)


def test_the_per_org_queue_limit_is_shared_by_the_pool(sandbox, tmp_path):
    """More tokens cannot get around the per-org limit: after its first 429, requests to queue routes
    wait for the org's window, and each later window costs one 429 at most."""
    sandbox.faults(rate_limit=4, org_route_limit=5, rate_window=1)
    client = client_for(sandbox, tmp_path, token_pool_size=5, sleep=time.sleep)
    start = len(sandbox.journal())
    for _request in range(16):
        client.get("/api/v2/routing/queues")
    queue_429s = [e for e in sandbox.journal(start) if e["status"] == 429]
    assert len(queue_429s) <= 4 and all(e["fault"] == "org_rate_limit" for e in queue_429s), queue_429s
    assert client.org_budget.allowed == 5
    assert client.tokens >= 2, "the token limit (4) still grew the pool"


def test_retry_after_beyond_the_cap_fails_at_once(sandbox, tmp_path):
    sandbox.faults(throttle_rate=1.0, retry_after=500)
    with pytest.raises(RateLimitError, match="wait 500"):
        client_for(sandbox, tmp_path).get("/api/v2/organizations/me")


def test_5xx_retried_for_reads_not_for_creates(sandbox, tmp_path):
    client = client_for(sandbox, tmp_path)
    client.get("/api/v2/organizations/me")
    sandbox.faults(error_rate=1.0)
    with pytest.raises(GenesysError, match="unavailable|timed out") as err:
        client.get("/api/v2/routing/skills")
    assert client.stats["retries"] == client.max_retries
    assert err.value.method == "GET" and err.value.path == "/api/v2/routing/skills"
    with pytest.raises(UncertainWriteError):
        client.request("POST", "/api/v2/routing/skills", body={"name": "X"})


def test_dropped_connection_on_a_create_is_uncertain(sandbox, tmp_path):
    client = client_for(sandbox, tmp_path)
    client.get("/api/v2/organizations/me")
    sandbox.faults(drop_rate=1.0)
    with pytest.raises(UncertainWriteError):
        client.request("POST", "/api/v2/routing/skills", body={"name": "Dropped"})
    sandbox.faults(drop_rate=0.0)
    names = [s["name"] for s in client.list_pages("/api/v2/routing/skills")]
    assert names == ["Dropped"], "the write was applied although its answer was lost"


def test_errors_carry_code_and_correlation_id(sandbox, tmp_path):
    with pytest.raises(NotFoundError) as err:
        client_for(sandbox, tmp_path).get("/api/v2/routing/skills/nope")
    fail = err.value.to_fail_json()
    assert fail["status"] == 404 and fail["code"] == "not.found" and fail["correlation_id"]
    assert "GET /api/v2/routing/skills/nope" in fail["msg"]


@pytest.mark.parametrize("count", [0, 7, 10, 23])
def test_paging_walks_every_page(sandbox, tmp_path, count):
    sandbox.admin("POST", "/orgs/acme-us/objects", json={"skills": ["S{0:02d}".format(i) for i in range(count)]})
    client = client_for(sandbox, tmp_path)
    start = len(sandbox.journal())
    names = [s["name"] for s in client.list_pages("/api/v2/routing/skills", page_size=5)]
    assert names == ["S{0:02d}".format(i) for i in range(count)]
    assert len(sandbox.journal(start)) - tokens_minted(sandbox, start) == max(1, -(-count // 5))


@pytest.mark.parametrize("count", [0, 3, 7])
def test_cursor_paging_follows_after_until_there_is_no_next_page(sandbox, tmp_path, count):
    api = sandbox.session()
    for i in range(count):
        assert api.post(sandbox.url + "/api/v2/routing/skillgroups", json={"name": "G{0}".format(i)}).status_code == 200
    client = client_for(sandbox, tmp_path)
    start = len(sandbox.journal())
    names = [g["name"] for g in client.list_cursor("/api/v2/routing/skillgroups", page_size=3)]
    assert names == ["G{0}".format(i) for i in range(count)]
    assert len(sandbox.journal(start)) - tokens_minted(sandbox, start) == max(1, -(-count // 3))


def test_token_endpoint_throttling_is_waited_out(sandbox, tmp_path):
    sandbox.faults(token_rate=1, token_window=1)
    sandbox.token()  # uses the one token this window allows
    del SLEEPS[:]

    def sleep_past_the_window(seconds):
        SLEEPS.append(seconds)
        time.sleep(1.05)

    client = client_for(sandbox, tmp_path, sleep=sleep_past_the_window)
    assert client.get("/api/v2/organizations/me")["name"] == "acme-us"
    assert client.stats["token_requests"] == 2 and client.stats["throttled"] == 1
    assert SLEEPS[0] >= 3, "the token endpoint's 400 'rate limit exceeded' backs off like a 429"


def test_cursor_query_follows_after(sandbox, tmp_path):
    client = client_for(sandbox, tmp_path)
    workbin = client.request("POST", "/api/v2/taskmanagement/workbins", body={"name": "Bin"})
    worktype = client.request("POST", "/api/v2/taskmanagement/worktypes",
                              body={"name": "Type", "defaultWorkbinId": workbin["id"]})
    for i in range(5):
        client.request("POST", "/api/v2/taskmanagement/workitems", body={"name": "Item {0}".format(i),
                                                                         "typeId": worktype["id"]})
    start = len(sandbox.journal())
    items = client.query_cursor("/api/v2/taskmanagement/workitems/query", {"filters": [
        {"name": "typeId", "type": "String", "operator": "EQ", "values": [worktype["id"]]}]}, page_size=2)
    assert [i["name"] for i in items] == ["Item {0}".format(i) for i in range(5)]
    assert len(sandbox.journal(start)) == 3


@pytest.mark.parametrize("url", ["https://admin:s3cret-pw@api.example.com", "http://admin:s3cret-pw@127.0.0.1:8990",
                                 "ftp://admin:s3cret-pw@files.example.com", "https://s3cret-pw@api.example.com",
                                 "ftp://s3cret-pw.example.com/x"])
def test_an_api_url_with_credentials_or_another_scheme_is_refused_without_echoing_it(url):
    with pytest.raises(GenesysError) as refused:
        api_base_url(api_url=url, allow_http=True)
    assert "s3cret-pw" not in str(refused.value) and "s3cret-pw" not in str(refused.value.to_fail_json())


def test_no_announced_limit_mints_no_extra_token(sandbox, tmp_path):
    sandbox.faults(rate_limit=0)
    client = client_for(sandbox, tmp_path, token_pool_size=5)
    for _request in range(5):
        client.get("/api/v2/organizations/me")
    assert client.tokens == 1 and client.stats["token_requests"] == 1

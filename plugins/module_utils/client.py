# -*- coding: utf-8 -*-
# Copyright: (c) 2026, cxops.genesys contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The one HTTP client: regions, OAuth with a shared token cache, retries, rate limits, paging.

It does not depend on AnsibleModule, so modules, action plugins and tests drive it alike.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import base64
import contextlib
import hashlib
import json
import os
import random
import re
import stat
import threading
import time

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: the cache is written without a lock
    fcntl = None

try:
    import requests
    HAS_REQUESTS = True
    REQUESTS_IMPORT_ERROR = None
except ImportError as exc:  # pragma: no cover - reported through missing_required_lib
    HAS_REQUESTS = False
    REQUESTS_IMPORT_ERROR = exc

try:
    from urllib.parse import parse_qs, urlparse
except ImportError:  # pragma: no cover - Python 2
    from urlparse import parse_qs, urlparse

from ansible_collections.cxops.genesys.plugins.module_utils.errors import (
    AuthError, ConflictError, GenesysError, NotFoundError, RateLimitError, UncertainWriteError)

# API hosts of the 18 regions (SDK PureCloudRegionHosts), keyed by the AWS-style region name.
REGION_HOSTS = {
    "us_east_1": "api.mypurecloud.com",
    "us_east_2": "api.use2.us-gov-pure.cloud",
    "us_west_2": "api.usw2.pure.cloud",
    "ca_central_1": "api.cac1.pure.cloud",
    "sa_east_1": "api.sae1.pure.cloud",
    "mx_central_1": "api.mxc1.pure.cloud",
    "eu_west_1": "api.mypurecloud.ie",
    "eu_west_2": "api.euw2.pure.cloud",
    "eu_central_1": "api.mypurecloud.de",
    "eu_central_2": "api.euc2.pure.cloud",
    "eusc_de_east_1": "api.edee1.eusc-pure.cloud",
    "me_central_1": "api.mec1.pure.cloud",
    "ap_south_1": "api.aps1.pure.cloud",
    "ap_southeast_1": "api.apse1.pure.cloud",
    "ap_southeast_2": "api.mypurecloud.com.au",
    "ap_northeast_1": "api.mypurecloud.jp",
    "ap_northeast_2": "api.apne2.pure.cloud",
    "ap_northeast_3": "api.apne3.pure.cloud",
}
LOOPBACK = re.compile(r"^(localhost|127(\.\d{1,3}){3}|\[?::1\]?)$")
RETRYABLE = (502, 503, 504)
SAFE_METHODS = ("GET", "PUT", "DELETE", "PATCH")
NO_CHANGE = "No change for the record"
TOKEN_MARGIN = 60  # seconds before expiry at which a cached token is no longer used
# The Terraform provider's option (name, range and environment variable); the default is measured:
# see benchmarks/results/README.md.
TOKEN_POOL_SIZE = 10
TOKEN_POOL_RANGE = (1, 20)
MIN_WORKERS = 4  # requests in flight at once with a pool of fewer tokens (reads wait on a shared pause)
# Requests in flight per token of the pool. A token's window admits its 300 requests as fast as they
# come, and a request spends ~150 ms in latency: two per token use a window up in half the time of one
# (measured: a no-op dry run's 2,000 queue reads take 15 s at 20, 30 s at 10).
IN_FLIGHT_PER_TOKEN = 2
MINT_BACKOFF = 3  # seconds before another extra token is asked for, after the token endpoint said no
# Routes under the per-org limit (queues and their members and wrap-up codes).
ORG_LIMITED = ("/api/v2/routing/queues",)


def api_base_url(region=None, api_url=None, allow_http=False):
    """The API base URL from `api_url` (which wins) or a region name or domain. Plain http is
    refused unless the host is a loopback address or `allow_http` says so explicitly."""
    if api_url:
        url = api_url.rstrip("/")
        parsed = urlparse(url)
        if parsed.username is not None or parsed.password is not None:
            # Never echoed: it carries credentials, which belong in client_id and client_secret.
            raise GenesysError("api_url must not carry a user or password (user:password@); give the OAuth client "
                               "as client_id and client_secret")
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            raise GenesysError("api_url must be an http(s) URL with a host, such as https://api.mypurecloud.ie; "
                               "got one with scheme {0!r}".format(parsed.scheme[:10]))
        if parsed.scheme == "http" and not LOOPBACK.match(parsed.hostname) and not allow_http:
            raise GenesysError("api_url: plain http is only accepted for loopback addresses; use https for "
                               "{0}, or set allow_http to true".format(parsed.hostname))
        return url
    if not region:
        raise GenesysError("Give region or api_url (or set GENESYSCLOUD_REGION or GENESYSCLOUD_API_URL)")
    key = region.strip().lower().replace("-", "_")
    if key in REGION_HOSTS:
        return "https://" + REGION_HOSTS[key]
    domain = region.strip().lower()
    domain = domain[len("api."):] if domain.startswith("api.") else domain
    if "api." + domain in REGION_HOSTS.values():
        return "https://api." + domain
    raise GenesysError("Unknown region {0!r}; allowed: {1}, or their domains (such as mypurecloud.ie)".format(
        region, ", ".join(sorted(k.replace("_", "-") for k in REGION_HOSTS))))


def login_url(base_url):
    """The token URL: the API host with `api.` turned into `login.` (the SDKs' rule)."""
    return re.sub(r"//api\.", "//login.", base_url, count=1) + "/oauth/token"


class TokenCache:
    """Tokens shared by every module run of a playbook, so one org costs one token request, and a
    token pool is minted once for the run, not once per task.

    One file per API host, client id and secret (named by a SHA-256 of the three, so a wrong or
    rotated secret never reuses a token minted with another), readable by its owner only, holding
    the tokens and their expiry, never the client secret. A file that others can read or write is
    ignored. Changes are made under an exclusive lock, so worker processes add to one pool.
    """

    def __init__(self, directory, base_url, client_id, client_secret=None):
        self.path = None
        if directory and client_id:
            key = hashlib.sha256("{0}|{1}|{2}".format(base_url, client_id, client_secret).encode("utf-8")).hexdigest()
            self.path = os.path.join(directory, key + ".json")

    def load(self):
        """The cached tokens that are still valid, oldest first."""
        return [entry["access_token"] for entry in self._entries()]

    def _entries(self):
        if not self.path:
            return []
        try:
            info = os.stat(self.path)
            if info.st_uid != os.getuid() or info.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
                return []
            with open(self.path) as handle:
                data = json.load(handle)
        except (OSError, IOError, ValueError):
            return []
        entries = data.get("tokens") if isinstance(data, dict) else None
        if not isinstance(entries, list):
            return []
        return [e for e in entries if isinstance(e, dict) and e.get("access_token")
                and e.get("expires_at", 0) - TOKEN_MARGIN > time.time()]

    def add(self, token, expires_in):
        self._change(lambda entries: entries + [{"access_token": token, "expires_at": time.time() + expires_in}])

    def drop(self, token):
        self._change(lambda entries: [e for e in entries if e["access_token"] != token])

    def _change(self, change):
        if not self.path:
            return
        try:
            directory = os.path.dirname(self.path)
            if not os.path.isdir(directory):
                os.makedirs(directory, 0o700)
            with _locked(directory):
                entries = change(self._entries())
                tmp = "{0}.{1}.tmp".format(self.path, os.getpid())
                fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
                with os.fdopen(fd, "w") as handle:
                    json.dump({"tokens": entries}, handle)
                os.rename(tmp, self.path)
        except (OSError, IOError):
            pass  # a cache that cannot be written only costs a token request


@contextlib.contextmanager
def _locked(directory):
    """An exclusive lock on the cache folder, held while one process changes a file in it."""
    fd = os.open(directory, os.O_RDONLY)
    try:
        if fcntl:
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


class Token:
    """One access token of the pool: its own rate-limit window (the API limits each token), the time
    until which that window holds it, and the requests it has in flight."""

    def __init__(self, value):
        self.value = value
        self.resume_at = 0.0    # held until then (its window is used up, or a 429 said so)
        self.in_flight = 0
        self.budget = None      # requests its window still allows, from the headers (None: not known)
        self.window_end = 0.0   # when its window reopens, from the headers
        self.proven = False     # the API accepted it once

    def ready(self, now):
        if self.window_end and now >= self.window_end:
            self.budget, self.window_end = None, 0.0  # a new window
        return self.resume_at <= now and (self.budget is None or self.budget > 0)


class OrgBudget:
    """The per-org limit on queue and queue-member routes (since 2026-08-10, assignment-service), which
    more tokens cannot get around, shared by every thread and token of the client.

    Its size is not published (UNVERIFIED), so it is learned: a 429 on such a route, while the token's
    own window has room, holds every such request for its Retry-After and sets the budget to the
    requests that passed before it. Each later window sends that many, then one at a time to probe for
    room: a pool costs at most one 429 per window there, not a storm.
    """

    def __init__(self):
        self._cond = threading.Condition()
        self.resume_at = 0.0
        self.allowed = None
        self.sent = self.passed = 0
        self.probing = False

    def enter(self, sleep):
        """Wait for this org's turn; returns whether this request is the window's probe."""
        while True:
            with self._cond:
                wait = self.resume_at - time.time()
                if wait <= 0:
                    if self.allowed is None or self.sent < self.allowed:
                        self.sent += 1
                        return False
                    if not self.probing:
                        self.sent += 1
                        self.probing = True
                        return True
                    self._cond.wait(0.05)
                    continue
            sleep(wait)

    def leave(self, probe, throttled_for=None):
        with self._cond:
            if probe:
                self.probing = False
            if throttled_for is None:
                self.passed += 1
                return
            if self.resume_at < time.time():  # the window's first 429: learn from it
                self.allowed = max(1, self.passed)
                self.sent = self.passed = 0
            self.resume_at = max(self.resume_at, time.time() + throttled_for)
            self._cond.notify_all()


def default_cache_dir():
    return os.environ.get("CXOPS_GENESYS_TOKEN_CACHE") or os.path.join(
        os.path.expanduser("~"), ".cache", "cxops.genesys", "tokens")


class GenesysClient:
    """Talks to one org: authenticates lazily, retries what is safe, and counts what it sends.

    Requests may come from several threads at once (`workers` of them). They share a pool of up to
    `token_pool_size` tokens, each with its own rate-limit window: a request takes the least busy
    token whose window has room, and a new token is minted only when every token's window is used
    up, so a small run mints one.
    """

    def __init__(self, region=None, api_url=None, client_id=None, client_secret=None, access_token=None,
                 validate_certs=True, timeout=30, allow_http=False, max_retries=5, max_throttled=20, max_retry_wait=180,
                 max_retry_time=600, token_pool_size=TOKEN_POOL_SIZE,
                 token_cache_dir=None, sleep=time.sleep):
        if not HAS_REQUESTS:
            raise GenesysError("The requests library is required")
        self.base_url = api_base_url(region, api_url, allow_http)
        if not access_token and not (client_id and client_secret):
            raise AuthError("Give client_id and client_secret, or access_token (or set GENESYSCLOUD_OAUTHCLIENT_ID "
                            "and GENESYSCLOUD_OAUTHCLIENT_SECRET, or GENESYSCLOUD_ACCESS_TOKEN)")
        low, high = TOKEN_POOL_RANGE
        if not low <= token_pool_size <= high:
            raise GenesysError("token_pool_size is {0}; allowed {1} to {2}".format(token_pool_size, low, high))
        self.client_id = client_id
        self._client_secret = client_secret
        self._given_token = bool(access_token)
        self.pool_size = 1 if access_token else token_pool_size
        self.workers = max(MIN_WORKERS, IN_FLIGHT_PER_TOKEN * self.pool_size)
        self.timeout = timeout
        # Retry budgets: 5xx and transport failures (as the Genesys SDKs: 5), 429s (which say how long to
        # wait), and the total time one request may take with its retries.
        self.max_retries = max_retries
        self.max_throttled = max_throttled
        self.max_retry_wait = max_retry_wait
        self.max_retry_time = max_retry_time
        self.sleep = sleep
        self.cache = TokenCache(None if access_token else (token_cache_dir or default_cache_dir()),
                                self.base_url, client_id, client_secret)
        self.session = requests.Session()
        adapter = requests.adapters.HTTPAdapter(pool_connections=2, pool_maxsize=self.workers)
        self.session.mount("https://", adapter)
        self.session.mount("http://", adapter)
        self.session.verify = validate_certs
        self.session.headers.update({"Accept": "application/json", "User-Agent": "cxops.genesys"})
        self.stats = {"requests": 0, "token_requests": 0, "retries": 0, "throttled": 0}
        self._lock = threading.Lock()
        self._token_lock = threading.Lock()
        self._tokens = [Token(access_token)] if access_token else None  # None: not read from the cache yet
        self._mint_after = 0.0
        self.org_budget = OrgBudget()

    @property
    def tokens(self):
        """How many tokens this client holds now."""
        return len(self._tokens or [])

    # --- authentication ---------------------------------------------------------------------
    def _acquire(self):
        """The token for the next request, counted in flight: the least busy one whose window has
        room; else a new one if the pool is not full; else the one whose window reopens first,
        after waiting for it."""
        while True:
            with self._token_lock:
                if self._tokens is None:
                    self._tokens = [Token(value) for value in self.cache.load()]
                if not self._tokens:
                    self._tokens.append(Token(self._fetch_token()))
                now = time.time()
                ready = [t for t in self._tokens if t.ready(now)]
                if not ready and len(self._tokens) < self.pool_size and now >= self._mint_after:
                    extra = self._extra_token()
                    ready = [extra] if extra else []
                held = [t for t in self._tokens if t.resume_at > now]
                if ready or held or not any(t.in_flight for t in self._tokens):
                    token = min(ready, key=lambda t: t.in_flight) if ready else min(
                        held or self._tokens, key=lambda t: t.resume_at)
                    token.in_flight += 1
                    if token.budget is not None:
                        token.budget -= 1
                    wait = token.resume_at - now
                    break
            # Every window is used up by requests still in flight: their answers say when it reopens.
            self.sleep(0.02)
        if wait > 0:
            self.sleep(wait)
        return token

    def _extra_token(self):
        """One more token for the pool: one that another process of the run added to the cache, or a
        new one. The token endpoint's own limit is not waited for: the pool keeps working meanwhile."""
        held = set(t.value for t in self._tokens)
        cached = [value for value in self.cache.load() if value not in held]
        if cached:
            token = Token(cached[0])
        else:
            try:
                token = Token(self._fetch_token(patient=False))
            except GenesysError:
                self._mint_after = time.time() + MINT_BACKOFF
                return None
        self._tokens.append(token)
        return token

    def _renew(self, rejected):
        """Drop a token the API rejected (expired or revoked), and the cached ones not yet accepted (as
        likely revoked with it); the next request uses another, or fetches one if none is left."""
        with self._token_lock:
            for token in list(self._tokens or []):
                if token is rejected or not token.proven:
                    self._tokens.remove(token)
                    self.cache.drop(token.value)

    def _count(self, key):
        with self._lock:
            self.stats[key] += 1

    def _fetch_token(self, patient=True):
        """A new token from the token endpoint, added to the cache. Impatient (for an extra token of
        the pool), a refusal is not retried."""
        url = login_url(self.base_url)
        basic = base64.b64encode("{0}:{1}".format(self.client_id, self._client_secret).encode("utf-8"))
        headers = {"Authorization": "Basic " + basic.decode("ascii"),
                   "Content-Type": "application/x-www-form-urlencoded"}
        deadline = time.time() + self.max_retry_time
        retries = self.max_retries if patient else 0
        for attempt in range(retries + 1):
            self._count("token_requests")
            try:
                response = self.session.post(url, data={"grant_type": "client_credentials"}, headers=headers,
                                             timeout=self.timeout)
            except requests.RequestException as exc:
                if attempt < retries and time.time() < deadline:
                    self._backoff(attempt)
                    continue
                raise AuthError("Could not reach the token endpoint {0}: {1}".format(url, _cause(exc)),
                                method="POST", path="/oauth/token")
            body = _json_object(response)
            if response.status_code == 200 and body.get("access_token"):
                self.cache.add(body["access_token"], int(body.get("expires_in", 3600)))
                return body["access_token"]
            description = body.get("error_description") or body.get("description") or ""
            throttled = response.status_code == 400 and "rate limit exceeded" in description
            if throttled:
                self._count("throttled")
            if (throttled or response.status_code in RETRYABLE) and attempt < retries and time.time() < deadline:
                if not throttled:
                    self._count("retries")
                self._backoff(attempt, floor=MINT_BACKOFF if throttled else 0)
                continue
            if throttled:
                raise RateLimitError("The token endpoint kept refusing: {0}".format(description), status=400,
                                     method="POST", path="/oauth/token")
            reason = body.get("error") or response.reason
            raise AuthError("Authentication failed: {0} ({1})".format(reason, description or "no description"),
                            status=response.status_code, code=body.get("error"), method="POST",
                            path="/oauth/token")
        raise RateLimitError("The token endpoint kept refusing", method="POST", path="/oauth/token")

    # --- requests ---------------------------------------------------------------------------
    def request(self, method, path, params=None, body=None, safe=None):
        """Send one API request with retries; returns the parsed JSON (None for an empty answer).

        `safe` says whether the request may be repeated after a transport failure or a 5xx;
        by default every method but POST is. A POST create that fails in transit raises
        UncertainWriteError, so the caller re-reads before trying again.
        """
        safe = method in SAFE_METHODS if safe is None else safe
        url = self.base_url + path
        org_limited = path.startswith(ORG_LIMITED)
        deadline = time.time() + self.max_retry_time
        reauthenticated = repeated = False
        attempt = throttled = 0
        while True:
            probe = self.org_budget.enter(self.sleep) if org_limited else False
            token = self._acquire()
            self._count("requests")
            try:
                response = self.session.request(method, url, params=params, json=body, timeout=self.timeout,
                                                headers={"Authorization": "Bearer " + token.value})
            except requests.RequestException as exc:
                self._release(token, probe, org_limited)
                if not safe:
                    raise UncertainWriteError("The connection to {0} failed during a write that may have been "
                                              "applied: {1}".format(self.base_url, _cause(exc)), method=method,
                                              path=path)
                if attempt >= self.max_retries or time.time() > deadline:
                    raise GenesysError("Giving up on {0} after {1} attempts: {2}".format(
                        self.base_url, attempt + 1, _cause(exc)), method=method, path=path)
                self._backoff(attempt)
                attempt += 1
                repeated = method != "GET"
                continue
            status = response.status_code
            room = self._note_rate_limit(response, token)
            wait = _retry_after(response) if status == 429 else None
            # A 429 on a queue route while the token's window has room is the per-org limit.
            org_throttled = wait is not None and org_limited and room
            self._release(token, probe, org_limited, wait if org_throttled else None)
            if status < 300:
                token.proven = True
                return _json(response) if response.content else None
            if repeated and method == "PATCH" and status == 400 and NO_CHANGE in response.text:
                # Task Management refuses a PATCH that changes nothing: the lost attempt was applied.
                return self.get(path)
            if status == 401 and not reauthenticated and not self._given_token:
                # The token expired or was revoked: drop it and retry once (with another, or a new one).
                self._renew(token)
                reauthenticated = True
                continue
            if status == 429:
                if wait > self.max_retry_wait:
                    raise RateLimitError("The API asked to wait {0} s, longer than the {1} s allowed".format(
                        wait, self.max_retry_wait), status=429, method=method, path=path)
                if throttled >= self.max_throttled or time.time() + wait > deadline:
                    raise self._error(response, method, path, RateLimitError, "Still throttled after {0} attempts: "
                                      .format(throttled + 1))
                self._count("throttled")
                if not org_throttled:
                    self._hold(token, wait + random.uniform(0, 0.25))
                throttled += 1
                continue
            if status in RETRYABLE:
                if not safe:
                    raise self._error(response, method, path, UncertainWriteError,
                                      "A write answered {0} and may have been applied: ".format(status))
                if attempt < self.max_retries and time.time() < deadline:
                    self._count("retries")
                    self._backoff(attempt)
                    attempt += 1
                    repeated = method != "GET"
                    continue
                raise self._error(response, method, path, prefix="Giving up after {0} attempts: ".format(attempt + 1))
            raise self._error(response, method, path)

    def _release(self, token, probe, org_limited, org_wait=None):
        with self._token_lock:
            token.in_flight -= 1
        if org_limited:
            self.org_budget.leave(probe, org_wait)

    def _hold(self, token, seconds):
        """Hold a token for `seconds` (its rate-limit window reopens then)."""
        with self._token_lock:
            token.resume_at = max(token.resume_at, time.time() + seconds)

    def _note_rate_limit(self, response, token):
        """When the informational headers say a token's window is used up, hold the token until its
        reset instead of collecting 429s (headers are a hint: a 429 with Retry-After remains the rule).
        Returns whether the window had room (True when the headers are absent)."""
        try:
            count = int(response.headers["inin-ratelimit-count"])
            allowed = int(response.headers["inin-ratelimit-allowed"])
            reset = float(response.headers["inin-ratelimit-reset"])
        except (KeyError, ValueError):
            return response.status_code != 429
        if allowed <= 0:  # no limit announced
            return True
        now = time.time()
        with self._token_lock:
            token.ready(now)
            token.window_end = now + reset
            room = allowed - count - (token.in_flight - 1)  # its other requests in flight count too
            token.budget = room if token.budget is None else min(token.budget, room)
        if room <= 0 and reset <= self.max_retry_wait:
            self._hold(token, reset)
        return count <= allowed

    def _backoff(self, attempt, floor=0):
        """Full jitter: a random wait up to 2^attempt seconds, capped at 30."""
        self.sleep(max(floor, random.uniform(0, min(30, 0.5 * 2 ** attempt))))

    def _error(self, response, method, path, cls=None, prefix=""):
        body = _json_object(response)
        status = response.status_code
        if cls is None:
            cls = {401: AuthError, 403: AuthError, 404: NotFoundError, 409: ConflictError,
                   429: RateLimitError}.get(status, GenesysError)
        message = body.get("message") or response.reason or "HTTP {0}".format(status)
        return cls(prefix + message, status=status, code=body.get("code"),
                   correlation_id=response.headers.get("ININ-Correlation-Id") or body.get("contextId"),
                   method=method, path=path, details=body.get("details") or None)

    def get(self, path, params=None):
        return self.request("GET", path, params=params)

    # --- paging -------------------------------------------------------------------------------
    def list_pages(self, path, params=None, page_size=100):
        """Every entity of a page-number listing, walking pages until the last."""
        params = dict(params or {}, pageSize=page_size)
        entities = []
        number = 1
        while True:
            params["pageNumber"] = number
            page = self.get(path, params) or {}
            batch = page.get("entities") or []
            entities.extend(batch)
            count = page.get("pageCount")
            if count is not None:
                if number >= count:
                    return entities
            elif not page.get("nextUri") or len(batch) < page_size:
                return entities
            number += 1

    def list_cursor(self, path, params=None, page_size=100):
        """Every entity of a GET listing paged by cursor (skill groups, teams): the `after` of each
        page's nextUri is sent back until there is none."""
        params = dict(params or {}, pageSize=page_size)
        entities = []
        while True:
            page = self.get(path, params) or {}
            batch = page.get("entities") or []
            entities.extend(batch)
            after = parse_qs(urlparse(page.get("nextUri") or "").query).get("after")
            if not batch or not after:
                return entities
            params["after"] = after[0]

    def query_cursor(self, path, body, page_size=200):
        """Every entity of a cursor query (task management), following `after`."""
        body = dict(body, pageSize=page_size)
        entities = []
        while True:
            page = self.request("POST", path, body=body, safe=True) or {}
            entities.extend(page.get("entities") or [])
            if not page.get("after"):
                return entities
            body["after"] = page["after"]


def _json(response):
    try:
        return response.json()
    except ValueError:
        return {}


def _json_object(response):
    data = _json(response)
    return data if isinstance(data, dict) else {}


def _cause(exc):
    """What went wrong with a connection, in a few words: the exception's type and its innermost reason."""
    reason = exc
    while getattr(reason, "__context__", None) is not None or getattr(reason, "reason", None) is not None:
        reason = getattr(reason, "reason", None) or reason.__context__
    text = str(reason).split(": ", 1)[-1][:200] if reason is not exc else ""
    return "{0}{1}".format(type(exc).__name__, " ({0})".format(text) if text else "")


def _retry_after(response):
    try:
        return max(0.0, float(response.headers.get("Retry-After", 3)))
    except ValueError:
        return 3.0

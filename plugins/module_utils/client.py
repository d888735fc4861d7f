# -*- coding: utf-8 -*-
# Copyright: (c) 2026, cxops.genesys contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The one HTTP client: regions, OAuth with a shared token cache, retries, rate limits, paging.

It does not depend on AnsibleModule, so modules, action plugins and tests drive it alike.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import base64
import hashlib
import json
import os
import random
import re
import stat
import threading
import time

try:
    import requests
    HAS_REQUESTS = True
    REQUESTS_IMPORT_ERROR = None
except ImportError as exc:  # pragma: no cover - reported through missing_required_lib
    HAS_REQUESTS = False
    REQUESTS_IMPORT_ERROR = exc

try:
    from urllib.parse import urlparse
except ImportError:  # pragma: no cover - Python 2
    from urlparse import urlparse

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
    """Tokens shared by every module run of a playbook, so one org costs one token request.

    One file per API host, client id and secret (named by a SHA-256 of the three, so a wrong or
    rotated secret never reuses a token minted with another), readable by its owner only, holding
    the token and its expiry, never the client secret. A file that others can read or write is ignored.
    """

    def __init__(self, directory, base_url, client_id, client_secret=None):
        self.path = None
        if directory and client_id:
            key = hashlib.sha256("{0}|{1}|{2}".format(base_url, client_id, client_secret).encode("utf-8")).hexdigest()
            self.path = os.path.join(directory, key + ".json")

    def load(self):
        if not self.path:
            return None
        try:
            info = os.stat(self.path)
            if info.st_uid != os.getuid() or info.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
                return None
            with open(self.path) as handle:
                data = json.load(handle)
        except (OSError, IOError, ValueError):
            return None
        if data.get("expires_at", 0) - TOKEN_MARGIN > time.time():
            return data.get("access_token")
        return None

    def save(self, token, expires_in):
        if not self.path:
            return
        try:
            directory = os.path.dirname(self.path)
            if not os.path.isdir(directory):
                os.makedirs(directory, 0o700)
            tmp = "{0}.{1}.tmp".format(self.path, os.getpid())
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w") as handle:
                json.dump({"access_token": token, "expires_at": time.time() + expires_in}, handle)
            os.rename(tmp, self.path)
        except (OSError, IOError):
            pass  # a cache that cannot be written only costs a token request

    def drop(self):
        if self.path and os.path.exists(self.path):
            try:
                os.remove(self.path)
            except OSError:
                pass


def default_cache_dir():
    return os.environ.get("CXOPS_GENESYS_TOKEN_CACHE") or os.path.join(
        os.path.expanduser("~"), ".cache", "cxops.genesys", "tokens")


class GenesysClient:
    """Talks to one org: authenticates lazily, retries what is safe, and counts what it sends."""

    def __init__(self, region=None, api_url=None, client_id=None, client_secret=None, access_token=None,
                 validate_certs=True, timeout=30, allow_http=False, max_retries=5, max_throttled=20, max_retry_wait=180,
                 max_retry_time=600,
                 token_cache_dir=None, sleep=time.sleep):
        if not HAS_REQUESTS:
            raise GenesysError("The requests library is required")
        self.base_url = api_base_url(region, api_url, allow_http)
        if not access_token and not (client_id and client_secret):
            raise AuthError("Give client_id and client_secret, or access_token (or set GENESYSCLOUD_OAUTHCLIENT_ID "
                            "and GENESYSCLOUD_OAUTHCLIENT_SECRET, or GENESYSCLOUD_ACCESS_TOKEN)")
        self.client_id = client_id
        self._client_secret = client_secret
        self._token = access_token
        self._given_token = bool(access_token)
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
        self.session.verify = validate_certs
        self.session.headers.update({"Accept": "application/json", "User-Agent": "cxops.genesys"})
        self.stats = {"requests": 0, "token_requests": 0, "retries": 0, "throttled": 0}
        # Threads (bounded concurrent reads) share the token, the counters and the pause that a 429
        # or an exhausted rate-limit window imposes on every request of this token.
        self._lock = threading.Lock()
        self._token_lock = threading.Lock()
        self._resume_at = 0.0
        self._in_flight = 0

    # --- authentication ---------------------------------------------------------------------
    def _bearer(self):
        with self._token_lock:
            if not self._token:
                self._token = self.cache.load()
            if not self._token:
                self._token = self._fetch_token()
            return self._token

    def _renew(self, rejected):
        """Drop a token the API rejected (expired or revoked); one thread fetches the next."""
        with self._token_lock:
            if self._token == rejected:
                self.cache.drop()
                self._token = None

    def _count(self, key):
        with self._lock:
            self.stats[key] += 1

    def _pause(self, seconds):
        """Hold every request of this client for `seconds` (the rate-limit window resets then)."""
        with self._lock:
            self._resume_at = max(self._resume_at, time.time() + seconds)

    def _wait_turn(self):
        wait = self._resume_at - time.time()
        if wait > 0:
            self.sleep(wait)

    def _fetch_token(self):
        url = login_url(self.base_url)
        basic = base64.b64encode("{0}:{1}".format(self.client_id, self._client_secret).encode("utf-8"))
        headers = {"Authorization": "Basic " + basic.decode("ascii"),
                   "Content-Type": "application/x-www-form-urlencoded"}
        deadline = time.time() + self.max_retry_time
        for attempt in range(self.max_retries + 1):
            self._count("token_requests")
            try:
                response = self.session.post(url, data={"grant_type": "client_credentials"}, headers=headers,
                                             timeout=self.timeout)
            except requests.RequestException as exc:
                if attempt < self.max_retries and time.time() < deadline:
                    self._backoff(attempt)
                    continue
                raise AuthError("Could not reach the token endpoint: {0}".format(type(exc).__name__),
                                method="POST", path="/oauth/token")
            body = _json_object(response)
            if response.status_code == 200 and body.get("access_token"):
                self.cache.save(body["access_token"], int(body.get("expires_in", 3600)))
                return body["access_token"]
            description = body.get("error_description") or body.get("description") or ""
            throttled = response.status_code == 400 and "rate limit exceeded" in description
            if (throttled or response.status_code in RETRYABLE) and attempt < self.max_retries \
                    and time.time() < deadline:
                self._count("throttled" if throttled else "retries")
                self._backoff(attempt, floor=3 if throttled else 0)
                continue
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
        deadline = time.time() + self.max_retry_time
        reauthenticated = repeated = False
        attempt = throttled = 0
        while True:
            self._wait_turn()
            token = self._bearer()
            headers = {"Authorization": "Bearer " + token}
            self._count("requests")
            try:
                response = self._send(method, url, params=params, json=body, headers=headers)
            except requests.RequestException as exc:
                if not safe:
                    raise UncertainWriteError("The connection failed during a write that may have been applied: "
                                              "{0}".format(type(exc).__name__), method=method, path=path)
                if attempt >= self.max_retries or time.time() > deadline:
                    raise GenesysError("Giving up after {0} attempts: {1}".format(attempt + 1, type(exc).__name__),
                                       method=method, path=path)
                self._backoff(attempt)
                attempt += 1
                repeated = method != "GET"
                continue
            status = response.status_code
            self._note_rate_limit(response)
            if status < 300:
                return _json(response) if response.content else None
            if repeated and method == "PATCH" and status == 400 and NO_CHANGE in response.text:
                # Task Management refuses a PATCH that changes nothing: the lost attempt was applied.
                return self.get(path)
            if status == 401 and not reauthenticated and not self._given_token:
                # The token expired or was revoked: drop it, fetch a new one once, and retry once.
                self._renew(token)
                reauthenticated = True
                continue
            if status == 429:
                wait = _retry_after(response)
                if wait > self.max_retry_wait:
                    raise RateLimitError("The API asked to wait {0} s, longer than the {1} s allowed".format(
                        wait, self.max_retry_wait), status=429, method=method, path=path)
                if throttled >= self.max_throttled or time.time() + wait > deadline:
                    raise self._error(response, method, path, RateLimitError, "Still throttled after {0} attempts: "
                                      .format(throttled + 1))
                self._count("throttled")
                self._pause(wait + random.uniform(0, 0.25))
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

    def _send(self, method, url, **kwargs):
        """One HTTP exchange, counted as in flight while it lasts."""
        with self._lock:
            self._in_flight += 1
        try:
            return self.session.request(method, url, timeout=self.timeout, **kwargs)
        finally:
            with self._lock:
                self._in_flight -= 1

    def _note_rate_limit(self, response):
        """When the informational headers say this window is used up, wait for its reset instead of
        collecting 429s (headers are a hint: a 429 with Retry-After remains the rule)."""
        try:
            count = int(response.headers["inin-ratelimit-count"])
            allowed = int(response.headers["inin-ratelimit-allowed"])
            reset = float(response.headers["inin-ratelimit-reset"])
        except (KeyError, ValueError):
            return
        # The other requests in flight will each count too.
        if 0 < allowed <= count + self._in_flight and reset <= self.max_retry_wait:
            self._pause(reset)

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


def _retry_after(response):
    try:
        return max(0.0, float(response.headers.get("Retry-After", 3)))
    except ValueError:
        return 3.0

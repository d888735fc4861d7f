"""The Flask app: OAuth, per-token rate limits, faults, the request journal and the admin API.

The API routes themselves live in api_*.py; every one of them runs under one lock, so the
state stays consistent with werkzeug's threaded server.
"""

import base64
import fnmatch
import io
import json
import math
import random
import socket
import sys
import threading
import time
import uuid
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote

import yaml
from flask import Flask, Response, g, request

from genesys_sandbox import api_audits, api_directory, api_routing, api_skillgroups, api_tasks, api_users
from genesys_sandbox.errors import ApiError
from genesys_sandbox.schemas import validate
from genesys_sandbox.state import Org, iso, new_id_factory

DEFAULT_FAULTS = {
    "rate_limit": 300,          # requests per token per window; 0 turns the limit off
    "rate_window": 60.0,        # seconds; a smaller window compresses time for benchmarks
    # Per org, on queue and queue-member routes (assignment-service, since 2026-08-10): requests per
    # rate_window, whatever the token. The API publishes no value (UNVERIFIED): off unless set.
    "org_route_limit": 0,
    "token_rate": 300,          # tokens one OAuth client may mint per token_window
    "token_window": 60.0,
    "token_lifetime": 86400,    # seconds (the API's default accessTokenValiditySeconds)
    "throttle_rate": 0.0,       # probability of a random 429
    "error_rate": 0.0,          # probability of a random 502/503/504
    "drop_rate": 0.0,           # probability that the connection drops after the request was applied
    "latency_ms": 0,            # added to every API request
    "listing_lag": 0.0,         # seconds before new or deleted objects show in listings
    "queue_delete_delay": 0.0,  # seconds a deleted queue can still be read
    "conflict_puts": 0,         # the next N PUTs answer 409
    "timeout_writes": 0,        # the next N writes are applied, then answered 504 (queries are not writes)
    "aim": "",                  # "METHOD /path/glob": conflict_puts and timeout_writes hit only matching requests
    "revoke_after": 0,          # revoke the token that makes the Nth API request from now
    "retry_after": 1,           # seconds announced in Retry-After for random 429s
    "audit_delay": 0.3,         # seconds an audit query stays Queued/Running
    "bulk_job_delay": 0.3,      # seconds a work-item bulk add job stays Queued/Running
}


ORG_LIMITED = ("/api/v2/routing/queues",)  # routes under the per-org limit


def load_orgs(path):
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)["orgs"]


class Sandbox:
    """All the sandbox's state: orgs, tokens, faults, journal. One per server."""

    def __init__(self, orgs, seed=None, faults=None):
        self.lock = threading.RLock()
        self.seed = seed
        self.initial_orgs = orgs
        self.faults = dict(DEFAULT_FAULTS, **(faults or {}))
        self.reset()

    def reset(self, orgs=None):
        """Back to the orgs the sandbox started with, or to the orgs given."""
        with self.lock:
            self.rng = random.Random(self.seed)
            self.new_id = new_id_factory(self.rng)
            self.orgs = {}
            for spec in orgs or self.initial_orgs:
                org = Org(json.loads(json.dumps(spec)), self.new_id)
                self.orgs[org.id] = org
            self.tokens = {}        # token -> {org, client, expires, revoked, window_start, count}
            self.org_windows = {}   # org id -> {window_start, count}: the per-org route limit
            self.mints = {}         # client id -> [mint times]
            self.journal = []
            self.audit_queries = {}
            self.bulk_jobs = {}

    # --- persistence -----------------------------------------------------------------------
    def dump(self):
        with self.lock:
            return {"orgs": {oid: org.dump() for oid, org in self.orgs.items()}}

    def load(self, data):
        with self.lock:
            self.orgs = {oid: Org.load(d) for oid, d in data["orgs"].items()}

    def org_by_key(self, key):
        for org in self.orgs.values():
            if key in (org.id, org.name):
                return org
        raise ApiError(404, "not.found", f"no org named {key}")

    # --- tokens ------------------------------------------------------------------------------
    def mint(self, client_id, secret):
        now = time.time()
        org = next((o for o in self.orgs.values() if o.clients.get(client_id) == secret), None)
        if org is None:
            return None, 401
        recent = [t for t in self.mints.get(client_id, []) if t > now - self.faults["token_window"]]
        if len(recent) >= self.faults["token_rate"]:
            self.mints[client_id] = recent
            return None, 400
        self.mints[client_id] = recent + [now]
        token = base64.urlsafe_b64encode(self.rng.getrandbits(256).to_bytes(32, "big")).decode().rstrip("=")
        self.tokens[token] = {"org": org.id, "client": client_id, "expires": now + self.faults["token_lifetime"],
                              "revoked": False, "window_start": now, "count": 0}
        return token, 200

    def revoke(self, token=None, org=None):
        with self.lock:
            hit = 0
            for value, info in self.tokens.items():
                if value == token or (org and info["org"] == self.org_by_key(org).id) or (not token and not org):
                    info["revoked"] = True
                    hit += 1
            return hit

    # --- audits --------------------------------------------------------------------------------
    def audit(self, org, service, entity_type, action, entity, changes=None):
        """Record an accepted write as the Audit API reports it (AuditLogMessage)."""
        client = g.get("client")
        org.audits.append({
            "id": self.new_id(), "userHomeOrgId": org.id, "client": {"id": client} if client else None,
            "remoteIp": ["127.0.0.1"], "serviceName": service, "level": "USER", "eventDate": iso(),
            "message": {"localizableMessageCode": f"{entity_type}.{action}", "message": f"{action} {entity_type}",
                        "messageWithParams": f"{action} {entity_type}", "messageParams": {}},
            "action": action, "entity": {"id": entity.get("id"), "name": entity.get("name")},
            "entityType": entity_type, "status": "SUCCESS", "application": "sandbox",
            "propertyChanges": [{"property": k, "oldValues": [json.dumps(old)] if old is not None else [],
                                 "newValues": [json.dumps(new)] if new is not None else []}
                                for k, (old, new) in sorted((changes or {}).items())],
            "context": {}, "entityChanges": []})

    # --- journal -------------------------------------------------------------------------------
    def counters(self):
        with self.lock:
            by_route = Counter(f"{e['method']} {e['template']} {e['status']}" for e in self.journal)
            return {"total": len(self.journal), "by_route": dict(sorted(by_route.items()))}


def create_app(sandbox):
    """The WSGI app serving the API, OAuth and the admin API of one Sandbox."""
    app = Flask("genesys_sandbox")
    app.json.sort_keys = False
    app.config["SANDBOX"] = sandbox
    sb = sandbox

    @app.before_request
    def before():
        g.started = time.time()
        g.context_id = str(uuid.uuid4())
        g.fault = None
        g.org = g.client = g.token = None
        if not request.path.startswith("/api/v2/"):
            return None
        faults = sb.faults
        if faults["latency_ms"]:
            time.sleep(faults["latency_ms"] / 1000.0)
        auth = request.headers.get("Authorization", "")
        if not auth.startswith("Bearer "):
            raise ApiError(401, "authentication.required",
                           "No authentication bearer token specified in authorization header.")
        token = auth[7:].strip()
        with sb.lock:
            info = sb.tokens.get(token)
            if info is None or info["revoked"]:
                raise ApiError(401, "bad.credentials", "Invalid login credentials.")
            if info["expires"] < time.time():
                raise ApiError(401, "credentials.expired", "The access token has expired.")
            g.org, g.client, g.token = sb.orgs[info["org"]], info["client"], info
            if faults["revoke_after"]:
                faults["revoke_after"] -= 1
                if faults["revoke_after"] == 0:
                    info["revoked"] = True
                    g.fault = "revoked"
                    raise ApiError(401, "bad.credentials", "Invalid login credentials.")
            now = time.time()
            if now - info["window_start"] >= faults["rate_window"]:
                info["window_start"], info["count"] = now, 0
            info["count"] += 1
            reset = max(1, math.ceil(info["window_start"] + faults["rate_window"] - now))
            if faults["rate_limit"] and info["count"] > faults["rate_limit"]:
                g.fault = "rate_limit"
                raise ApiError(429, "too.many.requests.retry.after",
                               f"Rate limit exceeded the maximum. Retry the request in [{reset}] seconds",
                               headers={"Retry-After": str(reset)})
            if faults["org_route_limit"] and request.path.startswith(ORG_LIMITED):
                window = sb.org_windows.setdefault(g.org.id, {"window_start": now, "count": 0})
                if now - window["window_start"] >= faults["rate_window"]:
                    window["window_start"], window["count"] = now, 0
                window["count"] += 1
                if window["count"] > faults["org_route_limit"]:
                    g.fault = "org_rate_limit"
                    wait = max(1, math.ceil(window["window_start"] + faults["rate_window"] - now))
                    raise ApiError(429, "too.many.requests.retry.after",
                                   f"Rate limit exceeded the maximum. Retry the request in [{wait}] seconds",
                                   headers={"Retry-After": str(wait)})
            roll = sb.rng.random()
            if roll < faults["throttle_rate"]:
                g.fault = "throttle"
                raise ApiError(429, "too.many.requests", "Rate limit exceeded the maximum.",
                               headers={"Retry-After": str(faults["retry_after"])})
            roll -= faults["throttle_rate"]
            if roll < faults["error_rate"] * 2 / 3:
                g.fault = "error"
                status = sb.rng.choice([502, 503])
                raise ApiError(status, "service.unavailable", "The service is currently unavailable.")
            g.gateway_timeout = roll < faults["error_rate"]   # applied, but answered 504 (see after)
            aimed = not faults["aim"] or fnmatch.fnmatchcase(f"{request.method} {request.path}", faults["aim"])
            write = request.method != "GET" and not request.path.endswith("/query")
            if write and aimed and faults["timeout_writes"]:
                faults["timeout_writes"] -= 1
                g.gateway_timeout = True
            g.drop = sb.rng.random() < faults["drop_rate"]
            if request.method == "PUT" and aimed and faults["conflict_puts"]:
                faults["conflict_puts"] -= 1
                g.fault = "conflict"
                raise ApiError(409, "conflict", "Version does not match current version.")
        return None

    @app.errorhandler(ApiError)
    def api_error(error):
        return _json_response(error.body(g.get("context_id")), error.status, error.headers)

    @app.errorhandler(404)
    def unknown_path(_error):
        return _json_response(ApiError(404, "not.found", "The requested resource was not found.").body(
            g.get("context_id")), 404)

    @app.errorhandler(405)
    def bad_method(_error):
        return _json_response(ApiError(405, "method.not.allowed", f"{request.method} is not allowed here.").body(
            g.get("context_id")), 405)

    @app.after_request
    def after(response):
        if request.path.startswith("/api/v2/") and g.get("gateway_timeout") and response.status_code < 300:
            g.fault = "gateway_timeout"
            response = _json_response(ApiError(504, "request.timeout", "The request timed out.").body(
                g.context_id), 504)
        response.headers["ININ-Correlation-Id"] = g.get("context_id") or ""
        info = g.get("token")
        if info:
            response.headers["inin-ratelimit-count"] = str(info["count"])
            response.headers["inin-ratelimit-allowed"] = str(sb.faults["rate_limit"])
            response.headers["inin-ratelimit-reset"] = str(
                max(1, math.ceil(info["window_start"] + sb.faults["rate_window"] - time.time())))
        if not request.path.startswith("/_sandbox/"):
            _journal(response)
        if request.path.startswith("/api/v2/") and g.get("drop") and response.status_code < 300:
            g.fault = "dropped"
            sb.journal[-1]["fault"] = "dropped"
            _drop_connection()
        return response

    def _journal(response):
        rule = request.url_rule.rule if request.url_rule else request.path
        template = rule.replace("<", "{").replace(">", "}").replace("path:", "")
        entry = {"seq": len(sb.journal) + 1, "time": g.started, "org": g.org.name if g.org else None,
                 "client": g.client, "method": request.method, "path": request.path, "template": template,
                 "query": request.query_string.decode(), "status": response.status_code, "fault": g.fault}
        if request.method in ("POST", "PUT", "PATCH", "DELETE") and request.path.startswith("/api/v2/"):
            entry["body"] = request.get_json(silent=True)
        with sb.lock:
            sb.journal.append(entry)

    @app.post("/oauth/token")
    def oauth_token():
        auth = request.headers.get("Authorization", "")
        client_id = secret = None
        if auth.startswith("Basic "):
            try:
                client_id, _sep, secret = base64.b64decode(auth[6:]).decode().partition(":")
            except ValueError:
                client_id = None
        g.client = client_id
        if request.form.get("grant_type") != "client_credentials":
            return _json_response({"error": "unsupported_grant_type", "description": "grant type not supported",
                                   "error_description": "grant type not supported"}, 400)
        with sb.lock:
            token, status = sb.mint(client_id, secret) if client_id else (None, 401)
            g.org = sb.orgs[sb.tokens[token]["org"]] if token else None
        if status == 401:
            return _json_response({"error": "invalid_client", "description": "client not found",
                                   "error_description": "client not found"}, 401)
        if status == 400:
            return _json_response({"error": "invalid_request", "description": "rate limit exceeded; try again later",
                                   "error_description": "rate limit exceeded; try again later"}, 400)
        return _json_response({"access_token": token, "token_type": "bearer",
                               "expires_in": int(sb.faults["token_lifetime"])}, 200)

    for module in (api_routing, api_skillgroups, api_directory, api_users, api_tasks, api_audits):
        module.register(app, sb)
    _register_admin(app, sb)
    return app


def _json_response(body, status, headers=None):
    return Response(json.dumps(body), status=status, mimetype="application/json", headers=headers or {})


def _drop_connection():
    sock = request.environ.get("werkzeug.socket")
    if sock is not None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def _register_admin(app, sb):
    """The admin API under /_sandbox/: what tests and benchmarks use to set up and to look."""

    @app.post("/_sandbox/reset")
    def admin_reset():
        sb.reset((request.get_json(silent=True) or {}).get("orgs"))
        sb.faults = dict(DEFAULT_FAULTS)
        return _json_response({"orgs": [o.name for o in sb.orgs.values()]}, 200)

    @app.get("/_sandbox/state")
    def admin_dump():
        return _json_response(sb.dump(), 200)

    @app.put("/_sandbox/state")
    def admin_load():
        sb.load(request.get_json())
        return _json_response({"orgs": [o.name for o in sb.orgs.values()]}, 200)

    @app.route("/_sandbox/faults", methods=["GET", "PUT"])
    def admin_faults():
        if request.method == "PUT":
            changes = request.get_json() or {}
            unknown = set(changes) - set(DEFAULT_FAULTS)
            if unknown:
                raise ApiError(400, "bad.request", f"unknown faults {sorted(unknown)}; allowed: "
                                                   f"{sorted(DEFAULT_FAULTS)}")
            with sb.lock:
                sb.faults.update(changes)
        return _json_response(sb.faults, 200)

    @app.route("/_sandbox/journal", methods=["GET", "DELETE"])
    def admin_journal():
        with sb.lock:
            if request.method == "DELETE":
                sb.journal.clear()
                return _json_response({"entries": []}, 200)
            since = int(request.args.get("since", 0))
            return _json_response({"entries": sb.journal[since:]}, 200)

    @app.get("/_sandbox/counters")
    def admin_counters():
        return _json_response(sb.counters(), 200)

    @app.post("/_sandbox/tokens/revoke")
    def admin_revoke():
        body = request.get_json(silent=True) or {}
        return _json_response({"revoked": sb.revoke(body.get("token"), body.get("org"))}, 200)

    @app.get("/_sandbox/orgs")
    def admin_orgs():
        return _json_response([{"id": o.id, "name": o.name, "region": o.region} for o in sb.orgs.values()], 200)

    @app.get("/_sandbox/orgs/<org>/<collection>")
    def admin_objects(org, collection):
        o = sb.org_by_key(org)
        with sb.lock:
            if collection in o.objects:
                return _json_response([_plain(x) for x in o.objects[collection].values()], 200)
            extra = {"users": o.users, "divisions": o.divisions, "groups": o.groups,
                     "queue_members": o.queue_members, "queue_wrapupcodes": o.queue_wrapupcodes,
                     "user_skills": o.user_skills, "user_languages": o.user_languages, "statuses": o.statuses,
                     "audits": o.audits, "skillgroup_divisions": o.skillgroup_divisions,
                     "utilization": o.utilization, **o.directory}
            if collection not in extra:
                raise ApiError(404, "not.found", f"no collection {collection}")
            return _json_response(extra[collection], 200)

    @app.patch("/_sandbox/orgs/<org>/<collection>/<obj_id>")
    def admin_set_fields(org, collection, obj_id):
        """Set fields directly, as the admin UI or another tool would, bypassing the API."""
        o = sb.org_by_key(org)
        with sb.lock:
            obj = o.objects.get(collection, {}).get(obj_id)
            if obj is None:
                raise ApiError(404, "not.found", f"no {collection} {obj_id}")
            obj.update(request.get_json())
            return _json_response(_plain(obj), 200)

    @app.post("/_sandbox/orgs/<org>/objects")
    def admin_seed(org):
        """Bulk-create objects through the same code paths as the API (for benchmarks)."""
        o = sb.org_by_key(org)
        body = request.get_json()
        with sb.lock:
            created = api_routing.seed(sb, o, body)
        return _json_response(created, 200)

    @app.post("/_sandbox/orgs/<org>/workitems/<item_id>/status")
    def admin_move_workitem(org, item_id):
        """Move a work item to a status by id or name, as an agent working it would."""
        o = sb.org_by_key(org)
        with sb.lock:
            item = api_tasks.move_workitem(sb, o, item_id, request.get_json() or {})
        return _json_response(item, 200)

    @app.post("/_sandbox/validate/<schema>")
    def admin_validate(schema):
        return _json_response(validate(request.get_json(), schema), 200)


def _plain(obj):
    return {k: v for k, v in obj.items() if not k.startswith("_")}


class KeepAliveHandler(BaseHTTPRequestHandler):
    """HTTP/1.1 with keep-alive, as the real API serves it: a client reuses its connection, so a
    benchmark measures what clients see. (Werkzeug's development server closes every connection
    and waits 10 ms after each response to drain the socket.) Request bodies need a Content-Length."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body are written apart: never wait for a delayed ACK

    def _serve(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        path, dummy, query = self.path.partition("?")
        environ = {
            "REQUEST_METHOD": self.command, "SCRIPT_NAME": "", "PATH_INFO": unquote(path), "QUERY_STRING": query,
            "CONTENT_TYPE": self.headers.get("Content-Type", ""), "CONTENT_LENGTH": str(length),
            "SERVER_NAME": self.server.server_address[0], "SERVER_PORT": str(self.server.server_port),
            "SERVER_PROTOCOL": self.request_version, "REMOTE_ADDR": self.client_address[0],
            "wsgi.version": (1, 0), "wsgi.url_scheme": "http", "wsgi.input": io.BytesIO(body),
            "wsgi.errors": sys.stderr, "wsgi.multithread": True, "wsgi.multiprocess": False, "wsgi.run_once": False,
            "werkzeug.socket": self.connection}
        for key, value in self.headers.items():
            name = "HTTP_" + key.upper().replace("-", "_")
            if name not in ("HTTP_CONTENT_TYPE", "HTTP_CONTENT_LENGTH"):
                environ[name] = value if name not in environ else environ[name] + "," + value
        started = []

        def start_response(status, headers, exc_info=None):
            started[:] = [status, headers]
            return lambda data: None

        result = self.server.app(environ, start_response)
        try:
            data = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        status, headers = started
        code, dummy, reason = status.partition(" ")
        try:
            self.send_response(int(code), reason)
            for key, value in headers:
                if key.lower() not in ("content-length", "connection"):
                    self.send_header(key, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except OSError:  # the connection was dropped (the drop_rate fault)
            self.close_connection = True

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _serve

    def log_request(self, code="-", size="-"):
        if self.server.log_requests:
            super().log_request(code, size)


def make_sandbox_server(sandbox, host="127.0.0.1", port=0, log_requests=False):
    server = ThreadingHTTPServer((host, port), KeepAliveHandler)
    server.daemon_threads = True
    server.app = create_app(sandbox)
    server.log_requests = log_requests
    return server


def serve_in_thread(sandbox, host="127.0.0.1", port=0):
    """Start a threaded server in the background; returns (server, base_url). Stop with server.shutdown()."""
    server = make_sandbox_server(sandbox, host, port)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, f"http://{host}:{server.server_port}"

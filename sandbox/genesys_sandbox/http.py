"""Small helpers shared by the API routes: locking, bodies, paging envelopes, references."""

import base64
import functools
import json
import math
from urllib.parse import urlencode

from flask import Response, g, request

from genesys_sandbox.errors import ApiError, bad_request, not_found
from genesys_sandbox.schemas import validate
from genesys_sandbox.state import public


def route(app, sb, rule, methods, name=None):
    """Register an API handler that runs under the sandbox lock with the caller's org (`name`: its
    endpoint, for a handler registered more than once)."""
    def wrap(handler):
        @functools.wraps(handler)
        def run(**kwargs):
            with sb.lock:
                return handler(g.org, **kwargs)
        app.add_url_rule(rule, endpoint=f"{handler.__module__}.{name or handler.__name__}", view_func=run,
                         methods=methods)
        return handler
    return wrap


def job_state(age, delay):
    """An asynchronous job's state `age` seconds after it was submitted, when it takes `delay` seconds."""
    return "Succeeded" if age >= delay else ("Running" if age >= delay / 2 else "Queued")


def answer(body, status=200):
    if status == 204:
        return Response(status=204)
    if isinstance(body, dict):
        body = public(body)
    return Response(json.dumps(body), status=status, mimetype="application/json")


def json_body(schema, nulls=False, is_list=False, max_items=None):
    """The request's JSON body, validated against an SDK model's schema."""
    raw = request.get_json(silent=True)
    if raw is None and request.content_length:
        raise bad_request("The request body is not valid JSON.")
    if is_list:
        if not isinstance(raw, list):
            raise bad_request(f"body: must be a list of {schema}")
        if max_items is not None and len(raw) > max_items:
            raise bad_request(f"body: at most {max_items} items allowed per request, got {len(raw)}")
        return [validate(item, schema) for item in raw]
    return validate(raw if raw is not None else {}, schema, nulls=nulls)


def int_arg(name, default, lo=1, hi=None):
    raw = request.args.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise bad_request(f"{name}: must be an integer, got {raw!r}", name) from None
    if value < lo or (hi is not None and value > hi):
        raise bad_request(f"{name}: must be between {lo} and {hi}, got {value}", name)
    return value


def list_arg(name):
    """List query parameters, comma-joined as the SDKs send them (repeated keys work too)."""
    values = []
    for raw in request.args.getlist(name):
        values += [v for v in raw.split(",") if v]
    return values


def paged(items, max_size, default=25, totals=True):
    """A page-number envelope with every field the real listings carry."""
    size = int_arg("pageSize", default, 1, max_size)
    number = int_arg("pageNumber", 1)
    total = len(items)
    page_count = math.ceil(total / size) if total else 0
    others = [(k, v) for k, v in request.args.items(multi=True) if k not in ("pageSize", "pageNumber")]

    def uri(n):
        return f"{request.path}?{urlencode([('pageSize', size), ('pageNumber', n)] + others)}"

    entities = [public(x) for x in items[(number - 1) * size:number * size]]
    body = {"entities": entities, "pageSize": size, "pageNumber": number}
    if totals:
        body.update(total=total, pageCount=page_count)
    body.update(firstUri=uri(1), selfUri=uri(number))
    more = number < page_count if totals else len(entities) == size and number * size < total
    if more:
        body["nextUri"] = uri(number + 1)
    if number > 1:
        body["previousUri"] = uri(number - 1)
    if totals:
        body["lastUri"] = uri(max(page_count, 1))
    return body


def cursor_paged(items, max_size, default=25):
    """A cursor envelope (skill groups, teams): {entities, nextUri, selfUri, previousUri}; the
    cursors are opaque to clients (here, the position, encoded)."""
    size = int_arg("pageSize", default, 1, max_size)
    start = _position(request.args.get("after"), "after")
    if request.args.get("before") is not None:
        start = max(0, _position(request.args["before"], "before") - size)
    others = [(k, v) for k, v in request.args.items(multi=True) if k not in ("after", "before")]

    def uri(key, position):
        token = base64.urlsafe_b64encode(str(position).encode()).decode().rstrip("=")
        return f"{request.path}?{urlencode(others + [(key, token)])}"

    body = {"entities": [public(x) for x in items[start:start + size]], "selfUri": request.full_path}
    if start + size < len(items):
        body["nextUri"] = uri("after", start + size)
    if start > 0:
        body["previousUri"] = uri("before", start)
    return body


def _position(token, name):
    if not token:
        return 0
    try:
        return int(base64.urlsafe_b64decode((token + "=" * (-len(token) % 4)).encode()).decode())
    except ValueError:
        raise bad_request(f"{name}: not a cursor this listing gave", name) from None


def find(org, collection, obj_id, what):
    obj = org.objects[collection].get(obj_id)
    if obj is None:
        raise not_found(f"{what} {obj_id} was not found.")
    return obj


def division_id(org, value, field):
    """A division id from a request, defaulting to the home division; 400 when unknown."""
    if value in (None, "", "*"):
        return org.home_division()["id"]
    if value not in org.divisions:
        raise bad_request(f"{field}: division {value} does not exist", field)
    return value


def check_limit(org, namespace, key, collection):
    value = org.limits.get(namespace, {}).get(key)
    if value is not None and org.count(collection) >= value:
        raise ApiError(400, "limit.exceeded", f"The limit {namespace}/{key} of {value} has been reached.",
                       limit={"key": key, "namespace": namespace, "value": value})


def name_taken(org, collection, name, exclude=None):
    """Names are unique per type, compared without case; a duplicate answers 409 (UNVERIFIED choice)."""
    for obj in org.objects[collection].values():
        if obj["id"] != exclude and obj.get("state") != "deleted" and obj["name"].lower() == name.lower():
            raise ApiError(409, "duplicate.name", f"An object named {name!r} already exists.",
                           details=[{"errorCode": "duplicate.name", "fieldName": "name", "entityId": obj["id"],
                                     "entityName": obj["name"]}])

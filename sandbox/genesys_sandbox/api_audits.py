"""The Audit API, fed by every write the sandbox accepts."""

import time

from flask import request

from genesys_sandbox.errors import bad_request, not_found
from genesys_sandbox.http import answer, int_arg, job_state, json_body, route
from genesys_sandbox.schemas import parse_datetime
from genesys_sandbox.state import iso

FILTER_FIELDS = {"UserId": lambda a: (a.get("user") or {}).get("id"),
                 "ClientId": lambda a: (a.get("client") or {}).get("id"),
                 "Action": lambda a: a["action"], "EntityType": lambda a: a["entityType"],
                 "EntityId": lambda a: a["entity"]["id"], "TrusteeOrganizationId": lambda a: None}
SERVICES = {"Routing": {"RoutingSkill": ["Create", "Update", "Delete"], "Language": ["Create", "Delete"],
                        "WrapupCode": ["Create", "Update", "Delete"], "Queue": ["Create", "Update", "Delete"],
                        "UserSkill": ["Update"]},
            "Workitems": {"Workbin": ["Create", "Update", "Delete"], "Worktype": ["Create", "Update", "Delete"],
                          "Status": ["Create", "Update", "Delete"],
                          "Workitem": ["Create", "Update", "Delete", "Terminate"]}}


def register(app, sb):
    def matching(org, body):
        start, _sep, end = body["interval"].partition("/")
        lo, hi = parse_datetime(start), parse_datetime(end)
        if lo is None or hi is None or lo >= hi:
            raise bad_request("interval: must be an ISO-8601 interval start/end", "interval")
        found = [a for a in org.audits if lo <= parse_datetime(a["eventDate"]) < hi
                 and (not body.get("serviceName") or a["serviceName"] == body["serviceName"])]
        for f in body.get("filters") or []:
            found = [a for a in found if FILTER_FIELDS[f["property"]](a) == f["value"]]
        sort = (body.get("sort") or [{}])[0]
        if sort.get("sortOrder") == "descending":
            found.reverse()
        return found

    @route(app, sb, "/api/v2/audits/query", ["POST"])
    def submit_query(org):
        body = json_body("AuditQueryRequest")
        query_id = sb.new_id()
        sb.audit_queries[query_id] = {"org": org.id, "body": body, "submitted": time.time(),
                                      "results": matching(org, body)}
        return answer(status_of(query_id))

    def status_of(query_id):
        query = sb.audit_queries[query_id]
        age = time.time() - query["submitted"]
        delay = sb.faults["audit_delay"]
        state = job_state(age, delay)
        body = query["body"]
        return {"id": query_id, "state": state, "startDate": iso(query["submitted"]), "interval": body["interval"],
                "serviceName": body.get("serviceName"), "filters": body.get("filters", []),
                "sort": body.get("sort", [])}

    def query_of(org, query_id):
        query = sb.audit_queries.get(query_id)
        if query is None or query["org"] != org.id:
            raise not_found(f"Audit query {query_id} was not found.")
        return query

    @route(app, sb, "/api/v2/audits/query/<query_id>", ["GET"])
    def query_status(org, query_id):
        query_of(org, query_id)
        return answer(status_of(query_id))

    @route(app, sb, "/api/v2/audits/query/<query_id>/results", ["GET"])
    def query_results(org, query_id):
        query = query_of(org, query_id)
        if status_of(query_id)["state"] != "Succeeded":
            raise bad_request("The audit query has not completed yet.")
        size = int_arg("pageSize", 25, 1, 500)
        cursor = request.args.get("cursor")
        start = int(cursor) if cursor and cursor.isdigit() else 0
        body = {"id": query_id, "pageSize": size, "entities": query["results"][start:start + size]}
        if start + size < len(query["results"]):
            body["cursor"] = str(start + size)
        return answer(body)

    @route(app, sb, "/api/v2/audits/query/realtime", ["POST"])
    def realtime(org):
        body = json_body("AuditRealtimeQueryRequest")
        size = body.get("pageSize") or int_arg("pageSize", 25, 1, 500)
        number = body.get("pageNumber") or int_arg("pageNumber", 1)
        found = matching(org, body)
        return answer({"entities": found[(number - 1) * size:number * size], "pageSize": size,
                       "pageNumber": number, "total": len(found), "pageCount": -(-len(found) // size)})

    @route(app, sb, "/api/v2/audits/query/servicemapping", ["GET"])
    def servicemapping(org):
        return answer({"services": [{"name": name, "entities": [{"name": e, "actions": a} for e, a in ents.items()]}
                                    for name, ents in SERVICES.items()]})

    app.add_url_rule("/api/v2/audits/query/realtime/servicemapping", endpoint="realtime_servicemapping",
                     view_func=app.view_functions[f"{__name__}.servicemapping"], methods=["GET"])

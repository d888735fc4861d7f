"""Task Management: workbins, worktypes and their statuses, work items, queries and history."""

import base64
import time

from flask import g, request

from genesys_sandbox.errors import ApiError, bad_request, not_found
from genesys_sandbox.http import answer, check_limit, division_id, find, int_arg, job_state, json_body, route
from genesys_sandbox.state import iso

BASE = "/api/v2/taskmanagement"
# Statuses a new worktype gets unless disableDefaultStatusCreation is set. Names UNVERIFIED;
# the Terraform provider's issues show an "Open" and a "Closed" one.
DEFAULT_STATUSES = (("Open", "Open"), ("Closed", "Closed"))
ROUTABLE = ("workbinId", "assigneeId", "queueId", "typeId")
ITEM_FIELDS = ("name", "description", "priority", "dateDue", "dateExpires", "dateClosed", "durationSeconds",
               "ttl", "statusId", "workbinId", "autoStatusTransition", "customFields", "queueId", "assigneeId",
               "languageId", "externalContactId", "externalTag", "skillIds", "scriptId", "utilizationLabelId",
               "scoredAgents", "preferredAgentIds", "assignmentState")


def register(app, sb):
    def lag():
        return sb.faults["listing_lag"]

    # --- workbins ------------------------------------------------------------------------------
    @route(app, sb, f"{BASE}/workbins", ["POST"])
    def create_workbin(org):
        body = json_body("WorkbinCreate")
        check_limit(org, "task.management", "workbins.max", "workbins")
        bin_id = sb.new_id()
        workbin = org.add("workbins", {
            "id": bin_id, "name": body["name"], "description": body.get("description"),
            "division": org.division_ref(division_id(org, body.get("divisionId"), "divisionId")),
            "dateCreated": iso(), "dateModified": iso(), "modifiedBy": _me(),
            "selfUri": f"{BASE}/workbins/{bin_id}"}, lag())
        sb.audit(org, "Workitems", "Workbin", "Create", workbin, {"name": (None, workbin["name"])})
        return answer(_drop_none(workbin))

    @route(app, sb, f"{BASE}/workbins/<bin_id>", ["GET"])
    def get_workbin(org, bin_id):
        return answer(_drop_none(find(org, "workbins", bin_id, "Workbin")))

    @route(app, sb, f"{BASE}/workbins/<bin_id>", ["PATCH"])
    def patch_workbin(org, bin_id):
        workbin = find(org, "workbins", bin_id, "Workbin")
        body = json_body("WorkbinUpdate", nulls=True)
        if "name" in body and body["name"] is None:
            raise bad_request("name: may not be null", "name")
        changes = _apply(workbin, body)
        sb.audit(org, "Workitems", "Workbin", "Update", workbin, changes)
        return answer(_drop_none(workbin))

    @route(app, sb, f"{BASE}/workbins/<bin_id>", ["DELETE"])
    def delete_workbin(org, bin_id):
        workbin = find(org, "workbins", bin_id, "Workbin")
        if any(i["workbinId"] == bin_id for i in org.objects["workitems"].values()):
            raise bad_request("The workbin still holds work items.")
        if any(t["defaultWorkbinId"] == bin_id for t in org.objects["worktypes"].values()):
            raise bad_request("The workbin is the default workbin of a worktype.")
        org.remove("workbins", bin_id, lag())
        sb.audit(org, "Workitems", "Workbin", "Delete", workbin)
        return answer(None, 204)

    @route(app, sb, f"{BASE}/workbins/query", ["POST"])
    def query_workbins(org):
        body = json_body("WorkbinQueryRequest")
        items = _filtered([_drop_none(w) for w in org.listing("workbins")], body.get("filters", []), _bin_attr)
        if body.get("select") == "Count":
            return answer({"entities": [], "count": len(items), "selfUri": request.path})
        return answer(_cursor_page(items, body, "workbins/query"))

    # --- worktypes -------------------------------------------------------------------------------
    def check_worktype_refs(org, body):
        for field, collection in (("defaultWorkbinId", "workbins"), ("defaultQueueId", "queues"),
                                  ("defaultLanguageId", "languages"), ("schemaId", "schemas")):
            if body.get(field) and body[field] not in org.objects[collection]:
                raise bad_request(f"{field}: {body[field]} does not exist", field)
        for skill_id in body.get("defaultSkillIds") or []:
            if org.objects["skills"].get(skill_id, {}).get("state") != "active":
                raise bad_request(f"defaultSkillIds: skill {skill_id} does not exist", "defaultSkillIds")

    @route(app, sb, f"{BASE}/worktypes", ["POST"])
    def create_worktype(org):
        body = json_body("WorktypeCreate")
        check_worktype_refs(org, body)
        workbin = org.objects["workbins"][body["defaultWorkbinId"]]
        div = body.pop("divisionId", None) or workbin["division"]["id"]
        if div != workbin["division"]["id"]:
            raise bad_request("divisionId: must match the division of the default workbin", "divisionId")
        check_limit(org, "task.management", "worktypes.max", "worktypes")
        type_id = sb.new_id()
        no_defaults = body.pop("disableDefaultStatusCreation", False)
        worktype = dict(body, id=type_id, division=org.division_ref(div), dateCreated=iso(), dateModified=iso(),
                        modifiedBy=_me(), selfUri=f"{BASE}/worktypes/{type_id}")
        worktype.setdefault("serviceLevelTarget", 100)
        worktype.setdefault("assignmentEnabled", False)
        worktype.setdefault("unassignedDivisionContactsEnabled", True)
        org.add("worktypes", worktype, lag())
        org.statuses[type_id] = {}
        if not no_defaults:
            for name, category in DEFAULT_STATUSES:
                status = new_status(org, type_id, {"name": name, "category": category})
                worktype.setdefault("defaultStatusId", status["id"])
        sb.audit(org, "Workitems", "Worktype", "Create", worktype, {"name": (None, worktype["name"])})
        return answer(worktype_view(org, worktype))

    @route(app, sb, f"{BASE}/worktypes/<type_id>", ["GET"])
    def get_worktype(org, type_id):
        return answer(worktype_view(org, find(org, "worktypes", type_id, "Worktype")))

    @route(app, sb, f"{BASE}/worktypes/<type_id>", ["PATCH"])
    def patch_worktype(org, type_id):
        worktype = find(org, "worktypes", type_id, "Worktype")
        body = json_body("WorktypeUpdate", nulls=True)
        check_worktype_refs(org, body)
        if body.get("defaultStatusId") and body["defaultStatusId"] not in org.statuses[type_id]:
            raise bad_request("defaultStatusId: not a status of this worktype", "defaultStatusId")
        if "name" in body and body["name"] is None:
            raise bad_request("name: may not be null", "name")
        changes = _apply(worktype, body)
        sb.audit(org, "Workitems", "Worktype", "Update", worktype, changes)
        return answer(worktype_view(org, worktype))

    @route(app, sb, f"{BASE}/worktypes/<type_id>", ["DELETE"])
    def delete_worktype(org, type_id):
        worktype = find(org, "worktypes", type_id, "Worktype")
        if any(i["typeId"] == type_id for i in org.objects["workitems"].values()):
            raise bad_request("The worktype still has work items.")
        org.remove("worktypes", type_id, lag())
        org.statuses.pop(type_id, None)
        sb.audit(org, "Workitems", "Worktype", "Delete", worktype)
        return answer(None, 204)

    @route(app, sb, f"{BASE}/worktypes/query", ["POST"])
    def query_worktypes(org):
        body = json_body("WorktypeQueryRequest")
        items = _filtered([worktype_view(org, w) for w in org.listing("worktypes")], body.get("filters", []), _type_attr)
        if body.get("select") == "Count":
            return answer({"entities": [], "count": len(items), "selfUri": request.path})
        return answer(_cursor_page(items, body, "worktypes/query"))

    # --- statuses --------------------------------------------------------------------------------
    def new_status(org, type_id, body):
        statuses = org.statuses[type_id]
        if any(s["name"].lower() == body["name"].lower() for s in statuses.values()):
            raise bad_request("a status with same name already exists", "name")
        check_status(org, type_id, body, body["category"])
        status_id = sb.new_id()
        status = dict(body, id=status_id, selfUri=f"{BASE}/worktypes/{type_id}/statuses/{status_id}")
        statuses[status_id] = status
        sb.audit(org, "Workitems", "Status", "Create", status, {"name": (None, status["name"])})
        return status

    def check_status(org, type_id, body, category):
        statuses = org.statuses[type_id]
        for dest in body.get("destinationStatusIds") or []:
            if dest not in statuses:
                raise bad_request(f"destinationStatusIds: {dest} is not a status of this worktype",
                                  "destinationStatusIds")
        if body.get("defaultDestinationStatusId"):
            if body["defaultDestinationStatusId"] not in statuses:
                raise bad_request("defaultDestinationStatusId: not a status of this worktype",
                                  "defaultDestinationStatusId")
            if not body.get("statusTransitionDelaySeconds") and not body.get("statusTransitionTime"):
                raise bad_request("statusTransitionDelaySeconds: required with defaultDestinationStatusId",
                                  "statusTransitionDelaySeconds")
        if body.get("autoTerminateWorkitem") and category != "Closed":
            raise bad_request("autoTerminateWorkitem: only for statuses of category Closed",
                              "autoTerminateWorkitem")

    @route(app, sb, f"{BASE}/worktypes/<type_id>/statuses", ["GET"])
    def list_statuses(org, type_id):
        find(org, "worktypes", type_id, "Worktype")
        items = [status_view(org, type_id, s) for s in org.statuses[type_id].values()]
        return answer({"total": len(items), "entities": items, "selfUri": request.path})

    @route(app, sb, f"{BASE}/worktypes/<type_id>/statuses", ["POST"])
    def create_status(org, type_id):
        find(org, "worktypes", type_id, "Worktype")
        return answer(status_view(org, type_id, new_status(org, type_id, json_body("WorkitemStatusCreate"))))

    def status_of(org, type_id, status_id):
        find(org, "worktypes", type_id, "Worktype")
        status = org.statuses[type_id].get(status_id)
        if status is None:
            raise not_found(f"Status {status_id} was not found.")
        return status

    @route(app, sb, f"{BASE}/worktypes/<type_id>/statuses/<status_id>", ["GET"])
    def get_status(org, type_id, status_id):
        return answer(status_view(org, type_id, status_of(org, type_id, status_id)))

    @route(app, sb, f"{BASE}/worktypes/<type_id>/statuses/<status_id>", ["PATCH"])
    def patch_status(org, type_id, status_id):
        status = status_of(org, type_id, status_id)
        body = json_body("WorkitemStatusUpdate", nulls=True)
        name = body.get("name")
        if name and any(s["name"].lower() == name.lower() and s["id"] != status_id
                        for s in org.statuses[type_id].values()):
            raise bad_request("a status with same name already exists", "name")
        check_status(org, type_id, {k: v for k, v in dict(status, **body).items() if v is not None},
                     status["category"])
        changes = _apply(status, body)
        if not changes:
            raise bad_request("No change for the record")  # the API's answer to an empty change
        sb.audit(org, "Workitems", "Status", "Update", status, changes)
        return answer(status_view(org, type_id, status))

    @route(app, sb, f"{BASE}/worktypes/<type_id>/statuses/<status_id>", ["DELETE"])
    def delete_status(org, type_id, status_id):
        status = status_of(org, type_id, status_id)
        if org.objects["worktypes"][type_id].get("defaultStatusId") == status_id:
            raise bad_request("The default status of a worktype cannot be deleted.")
        if any(i["statusId"] == status_id for i in org.objects["workitems"].values()):
            raise bad_request("The status is in use by work items.")
        del org.statuses[type_id][status_id]
        sb.audit(org, "Workitems", "Status", "Delete", status)
        return answer(None, 204)

    # --- custom-field schemas --------------------------------------------------------------------
    @route(app, sb, f"{BASE}/workitems/schemas", ["POST"])
    def create_schema(org):
        body = json_body("DataSchema")
        schema_id = sb.new_id()
        schema = org.add("schemas", dict(body, id=schema_id, version=1, enabled=body.get("enabled", True),
                                         dateCreated=iso(), selfUri=f"{BASE}/workitems/schemas/{schema_id}"), 0)
        sb.audit(org, "Workitems", "Schema", "Create", schema)
        return answer(schema)

    @route(app, sb, f"{BASE}/workitems/schemas", ["GET"])
    def list_schemas(org):
        items = list(org.objects["schemas"].values())
        return answer({"entities": items, "total": len(items), "selfUri": request.path})

    @route(app, sb, f"{BASE}/workitems/schemas/<schema_id>", ["GET"])
    def get_schema(org, schema_id):
        return answer(find(org, "schemas", schema_id, "Schema"))

    # --- work items ----------------------------------------------------------------------------
    @route(app, sb, f"{BASE}/workitems", ["POST"])
    def create_workitem(org):
        return answer(workitem_view(org, add_workitem(org, json_body("WorkitemCreate"))))

    def add_workitem(org, body):
        """A new work item from a validated create body (one POST, or one entity of a bulk add job)."""
        worktype = find_ref(org, "worktypes", body["typeId"], "typeId")
        now = time.time()
        item = {"id": sb.new_id(), "typeId": worktype["id"], "workbinId": worktype["defaultWorkbinId"],
                "statusId": worktype.get("defaultStatusId"), "priority": worktype.get("defaultPriority", 0),
                "autoStatusTransition": True, "dateCreated": iso(now), "dateModified": iso(now),
                "dateStatusChanged": iso(now), "assignmentState": "Unknown", "version": 1, "reporter": g.client}
        for field, default in (("durationSeconds", "defaultDurationSeconds"), ("ttl", "defaultTtlSeconds"),
                               ("queueId", "defaultQueueId"), ("languageId", "defaultLanguageId"),
                               ("skillIds", "defaultSkillIds"), ("scriptId", "defaultScriptId")):
            if worktype.get(default) is not None:
                item[field] = worktype[default]
        if worktype.get("defaultDueDurationSeconds"):
            item["dateDue"] = iso(now + worktype["defaultDueDurationSeconds"])
        if item.get("ttl"):
            item["ttl"] = int(now + item["ttl"])
        body.pop("typeId")
        item.update(body)
        check_item_refs(org, item)
        if item["statusId"] is None:
            raise bad_request("statusId: the worktype has no default status; give one", "statusId")
        if _category(org, item) == "Closed":
            item["dateClosed"] = iso(now)
        org.add("workitems", item, lag())
        org.history[item["id"]] = [_change(1, {k: (None, item.get(k)) for k in ITEM_FIELDS if k in body
                                               or k in ("statusId", "workbinId")})]
        sb.audit(org, "Workitems", "Workitem", "Create", item, {"name": (None, item["name"])})
        return item

    # Bulk add jobs (BulkJobAddRequest -> BulkJob; results BulkJobAddResponse). Entities are created when
    # the job is submitted, each on its own (one that fails leaves the others); the job reads Queued, then
    # Running, then Succeeded after bulk_job_delay seconds, and its results can be read once it has ended.
    @route(app, sb, f"{BASE}/workitems/bulk/add/jobs", ["POST"])
    def create_bulk_add_job(org):
        body = json_body("BulkJobAddRequest")
        results = []
        for entity in body["entities"]:
            try:
                item = add_workitem(org, dict(entity))
            except ApiError as error:
                results.append({"error": {"message": error.message, "code": error.code}})
                continue
            view = workitem_view(org, item)
            results.append({"entity": {"id": item["id"], "name": item["name"], "workbin": view.get("workbin"),
                                       "type": view.get("type"),
                                       "selfUri": f"{BASE}/workitems/{item['id']}"}})
        job_id = sb.new_id()
        sb.bulk_jobs[job_id] = {"org": org.id, "submitted": time.time(), "results": results}
        return answer(bulk_job(job_id))

    def bulk_job(job_id):
        job = sb.bulk_jobs[job_id]
        age = time.time() - job["submitted"]
        delay = sb.faults["bulk_job_delay"]
        state = job_state(age, delay)
        failed = sum(1 for r in job["results"] if "error" in r)
        view = {"id": job_id, "state": state, "action": "AddWorkitems", "totalCount": len(job["results"]),
                "dateModified": iso(job["submitted"] + min(age, delay)),
                "selfUri": f"{BASE}/workitems/bulk/add/jobs/{job_id}"}
        if state != "Queued":
            view["dateStarted"] = iso(job["submitted"] + delay / 2)
        if state == "Succeeded":
            view.update(successfulCount=len(job["results"]) - failed, failedCount=failed,
                        dateFinished=iso(job["submitted"] + delay))
        return view

    def bulk_job_of(org, job_id):
        job = sb.bulk_jobs.get(job_id)
        if job is None or job["org"] != org.id:
            raise not_found(f"Bulk job {job_id} was not found.")
        return job

    @route(app, sb, f"{BASE}/workitems/bulk/add/jobs/<job_id>", ["GET"])
    def get_bulk_add_job(org, job_id):
        bulk_job_of(org, job_id)
        return answer(bulk_job(job_id))

    @route(app, sb, f"{BASE}/workitems/bulk/add/jobs/<job_id>/results", ["GET"])
    def get_bulk_add_job_results(org, job_id):
        job = bulk_job_of(org, job_id)
        if bulk_job(job_id)["state"] != "Succeeded":
            raise bad_request("The bulk job has not completed yet.")
        errors = [index for index, r in enumerate(job["results"]) if "error" in r]
        return answer({"results": job["results"], "errorCount": len(errors), "errorIndexes": errors})

    @route(app, sb, f"{BASE}/workitems/<item_id>", ["GET"])
    def get_workitem(org, item_id):
        return answer(workitem_view(org, find(org, "workitems", item_id, "Workitem")))

    @route(app, sb, f"{BASE}/workitems/<item_id>", ["PATCH"])
    def patch_workitem(org, item_id):
        item = find(org, "workitems", item_id, "Workitem")
        body = json_body("WorkitemUpdate", nulls=True)
        if "name" in body and body["name"] is None:
            raise bad_request("name: may not be null", "name")
        body.pop("assignmentOperation", None)
        check_item_refs(org, dict(item, **{k: v for k, v in body.items() if v is not None}))
        update_item(sb, org, item, body)
        return answer(workitem_view(org, item))

    @route(app, sb, f"{BASE}/workitems/<item_id>", ["DELETE"])
    def delete_workitem(org, item_id):
        item = find(org, "workitems", item_id, "Workitem")
        org.remove("workitems", item_id, lag())
        sb.audit(org, "Workitems", "Workitem", "Delete", item)
        return answer(None, 204)

    @route(app, sb, f"{BASE}/workitems/<item_id>/terminate", ["POST"])
    def terminate_workitem(org, item_id):
        item = find(org, "workitems", item_id, "Workitem")
        body = json_body("WorkitemTerminate")
        statuses = org.statuses[item["typeId"]]
        status_id = body.get("statusId")
        if status_id:
            if statuses.get(status_id, {}).get("category") != "Closed":
                raise bad_request("statusId: must be a status of category Closed of the worktype", "statusId")
        else:
            status_id = next((s["id"] for s in statuses.values() if s["category"] == "Closed"), None)
            if status_id is None:
                raise bad_request("The worktype has no status of category Closed.")
        update_item(sb, org, item, {"statusId": status_id, "assignmentState": "Terminated"}, action="Terminate")
        return answer(None, 204)

    @route(app, sb, f"{BASE}/workitems/<item_id>/history", ["GET"])
    def workitem_history(org, item_id):
        find(org, "workitems", item_id, "Workitem")
        changes = list(org.history.get(item_id, []))
        order = request.args.get("sortOrder", "descending")
        if order not in ("ascending", "descending"):
            raise bad_request(f"sortOrder: {order!r} is not one of ascending, descending", "sortOrder")
        if order == "descending":
            changes.reverse()
        size = int_arg("pageSize", 25, 1, 200)
        start = _decode_cursor(request.args.get("after"))
        body = {"entities": changes[start:start + size], "selfUri": request.path}
        if start + size < len(changes):
            body["after"] = _encode_cursor(start + size)
            body["nextUri"] = f"{request.path}?pageSize={size}&after={body['after']}"
        return answer(body)

    @route(app, sb, f"{BASE}/workitems/query", ["POST"])
    def query_workitems(org):
        body = json_body("WorkitemQueryPostRequest")
        filters = body["filters"]
        if not any(f["operator"] == "EQ" and f["name"] in ROUTABLE for f in filters):
            raise bad_request("This query requires at least one EQ filter on the workbinId, assigneeId, queueId "
                              "or typeId attributes. A maximum of three filters are allowed.", "filters")
        items = _filtered(org.listing("workitems"), filters, lambda i, name: _item_attr(org, i, name))
        sort = body.get("sort") or {}
        if sort.get("name"):
            items.sort(key=lambda i: (i.get(sort["name"]) is None, i.get(sort["name"]) or 0),
                       reverse=not sort.get("ascending", True))
        else:
            items.sort(key=lambda i: (i["dateCreated"], i["id"]))
        if body.get("select") == "Count":
            return answer({"entities": [], "count": len(items), "selfUri": request.path})
        return answer(_cursor_page([workitem_view(org, i) for i in items], body, "workitems/query"))

    # --- shared pieces ----------------------------------------------------------------------------
    def check_item_refs(org, item):
        statuses = org.statuses.get(item["typeId"], {})
        if item.get("statusId") and item["statusId"] not in statuses:
            raise bad_request(f"statusId: {item['statusId']} is not a status of the worktype", "statusId")
        find_ref(org, "workbins", item["workbinId"], "workbinId")
        for field, collection in (("queueId", "queues"), ("languageId", "languages")):
            if item.get(field):
                find_ref(org, collection, item[field], field)
        for skill_id in item.get("skillIds") or []:
            if org.objects["skills"].get(skill_id, {}).get("state") != "active":
                raise bad_request(f"skillIds: skill {skill_id} does not exist", "skillIds")
        check_custom_fields(org, item)
        users = [("assigneeId", item.get("assigneeId"))] if item.get("assigneeId") else []
        users += [("preferredAgentIds", u) for u in item.get("preferredAgentIds") or []]
        users += [("scoredAgents", a["id"]) for a in item.get("scoredAgents") or []]
        for field, user_id in users:
            if org.users.get(user_id, {}).get("state") != "active":
                raise bad_request(f"{field}: user {user_id} does not exist or is not active", field)

    def find_ref(org, collection, obj_id, field):
        obj = org.objects[collection].get(obj_id)
        if obj is None:
            raise bad_request(f"{field}: {obj_id} does not exist", field)
        return obj


def update_item(sb, org, item, body, action="Update"):
    """Apply a PATCH to a work item, recording its history entry and its audit record."""
    old_category = _category(org, item)
    changes = _apply(item, body)
    if "statusId" in changes:
        item["dateStatusChanged"] = iso()
        if _category(org, item) == "Closed" and old_category != "Closed":
            item["dateClosed"] = iso()
        status = org.statuses[item["typeId"]][item["statusId"]]
        if status.get("autoTerminateWorkitem"):
            item["assignmentState"] = "Terminated"
    if changes:
        item["version"] += 1
        item["dateModified"] = iso()
        org.history.setdefault(item["id"], []).append(_change(item["version"], changes))
        sb.audit(org, "Workitems", "Workitem", action, item, changes)
    return changes


def move_workitem(sb, org, item_id, body):
    """The admin API's way to move a work item, as an agent would (by statusId or statusName)."""
    item = org.objects["workitems"].get(item_id)
    if item is None:
        raise not_found(f"Workitem {item_id} was not found.")
    statuses = org.statuses[item["typeId"]]
    status_id = body.get("statusId") or next(
        (s["id"] for s in statuses.values() if s["name"] == body.get("statusName")), None)
    if status_id not in statuses:
        raise bad_request(f"no status {body} in the worktype")
    update_item(sb, org, item, {"statusId": status_id})
    return workitem_view(org, item)


# Custom fields are checked against the worktype's schema: keys must be properties of it, and a
# property's JSON type (or, as Genesys names them, its suffix such as _text or _integer) must fit.
# The real core types are richer; this is the strict subset the sandbox models (UNVERIFIED).
SUFFIX_TYPES = {"_text": str, "_longtext": str, "_identifier": str, "_url": str, "_enum": str, "_date": str,
                "_datetime": str, "_integer": int, "_number": (int, float), "_checkbox": bool}
JSON_TYPES = {"string": str, "integer": int, "number": (int, float), "boolean": bool}


def check_custom_fields(org, item):
    fields = item.get("customFields") or {}
    schema_id = org.objects["worktypes"][item["typeId"]].get("schemaId")
    if not fields:
        return
    if not schema_id:
        raise bad_request("customFields: the worktype has no schema", "customFields")
    properties = (org.objects["schemas"][schema_id].get("jsonSchema") or {}).get("properties") or {}
    for key, value in fields.items():
        if key not in properties:
            raise bad_request(f"customFields.{key}: not a property of the worktype's schema; allowed: "
                              f"{', '.join(sorted(properties))}", "customFields")
        wanted = JSON_TYPES.get((properties[key] or {}).get("type")) or next(
            (t for suffix, t in SUFFIX_TYPES.items() if key.endswith(suffix)), None)
        if value is not None and wanted and (not isinstance(value, wanted) or
                                             isinstance(value, bool) and wanted is not bool):
            raise bad_request(f"customFields.{key}: {value!r} is not of the property's type", "customFields")


def _me():
    return {"id": g.client, "selfUri": f"/api/v2/users/{g.client}"}


def _drop_none(obj):
    return {k: v for k, v in obj.items() if v is not None}


def _apply(obj, body):
    """Merge a PATCH: JSON null removes a property. Returns {field: (old, new)} for what changed."""
    changes = {}
    for key, value in body.items():
        old = obj.get(key)
        if value is None:
            obj.pop(key, None)
        else:
            obj[key] = value
        if old != value:
            changes[key] = (old, value)
    if changes:
        obj["dateModified"] = iso()
    return changes


def _change(version, changes):
    return {"version": version, "modifiedBy": _me(),
            "delta": {k: {"oldValue": old, "newValue": new} for k, (old, new) in changes.items()}}


def _ref(obj, base):
    return {"id": obj["id"], "name": obj.get("name"), "selfUri": f"{BASE}/{base}/{obj['id']}"} if obj else None


def status_view(org, type_id, status):
    statuses = org.statuses[type_id]
    view = {k: v for k, v in status.items() if k not in ("destinationStatusIds", "defaultDestinationStatusId")}
    view["destinationStatuses"] = [{"id": s, "name": statuses[s]["name"]}
                                   for s in status.get("destinationStatusIds") or [] if s in statuses]
    if status.get("defaultDestinationStatusId") in statuses:
        dest = statuses[status["defaultDestinationStatusId"]]
        view["defaultDestinationStatus"] = {"id": dest["id"], "name": dest["name"]}
    view["worktype"] = {"id": type_id, "name": org.objects["worktypes"][type_id]["name"]}
    return view


def worktype_view(org, worktype):
    refs = {"defaultWorkbinId": ("defaultWorkbin", "workbins"), "defaultQueueId": ("defaultQueue", "queues"),
            "defaultLanguageId": ("defaultLanguage", "languages")}
    view = {}
    for key, value in worktype.items():
        if key in refs:
            name, collection = refs[key]
            view[name] = _ref(org.objects[collection].get(value), collection)
        elif key == "defaultSkillIds":
            view["defaultSkills"] = [{"id": s, "name": org.objects["skills"][s]["name"]} for s in value
                                     if s in org.objects["skills"]]
        elif key == "defaultStatusId":
            status = org.statuses.get(worktype["id"], {}).get(value)
            view["defaultStatus"] = {"id": value, "name": status["name"]} if status else None
        elif key == "defaultScriptId":
            view["defaultScript"] = {"id": value}
        elif key == "schemaId":
            view["schema"] = {"id": value, "version": worktype.get("schemaVersion")}
        elif key != "schemaVersion":
            view[key] = value
    view["statuses"] = [status_view(org, worktype["id"], s) for s in org.statuses.get(worktype["id"], {}).values()]
    return _drop_none(view)


def workitem_view(org, item):
    statuses = org.statuses.get(item["typeId"], {})
    status = statuses.get(item.get("statusId"))
    worktype = org.objects["worktypes"].get(item["typeId"])
    workbin = org.objects["workbins"].get(item["workbinId"])
    users = org.users
    view = {k: v for k, v in item.items() if k in ITEM_FIELDS and not k.endswith("Id") and not k.endswith("Ids")
            and k != "scoredAgents"}
    view.update({
        "id": item["id"], "division": workbin["division"] if workbin else None,
        "type": {"id": item["typeId"], "name": worktype["name"] if worktype else None},
        "status": {"id": status["id"], "name": status["name"]} if status else None,
        "statusCategory": status["category"] if status else "Unknown",
        "workbin": _ref(workbin, "workbins"), "dateCreated": item["dateCreated"],
        "dateModified": item["dateModified"], "dateStatusChanged": item.get("dateStatusChanged"),
        "externalTag": item.get("externalTag"), "modifiedBy": _me() if g.get("client") else None,
        "selfUri": f"{BASE}/workitems/{item['id']}"})
    if item.get("queueId") in org.objects["queues"]:
        view["queue"] = {"id": item["queueId"], "name": org.objects["queues"][item["queueId"]]["name"]}
    if item.get("assigneeId") in users:
        view["assignee"] = {"id": item["assigneeId"], "name": users[item["assigneeId"]]["name"]}
    if item.get("languageId") in org.objects["languages"]:
        view["language"] = {"id": item["languageId"], "name": org.objects["languages"][item["languageId"]]["name"]}
    if item.get("externalContactId"):
        view["externalContact"] = {"id": item["externalContactId"]}
    if item.get("scriptId"):
        view["script"] = {"id": item["scriptId"]}
    view["skills"] = [{"id": s, "name": org.objects["skills"].get(s, {}).get("name")}
                      for s in item.get("skillIds") or []]
    view["preferredAgents"] = [{"id": u} for u in item.get("preferredAgentIds") or []]
    view["scoredAgents"] = [{"agent": {"id": a["id"]}, "score": a.get("score")} for a in item.get("scoredAgents")
                            or []]
    return _drop_none(view)


def _category(org, item):
    return org.statuses.get(item["typeId"], {}).get(item.get("statusId"), {}).get("category")


def _item_attr(org, item, name):
    if name == "statusCategory":
        return _category(org, item)
    if name == "durationInSeconds":
        return item.get("durationSeconds")
    if name == "divisionId":
        return org.objects["workbins"][item["workbinId"]]["division"]["id"]
    if name.startswith("customFields."):
        return (item.get("customFields") or {}).get(name.split(".", 1)[1])
    return item.get(name)


def _bin_attr(obj, name):
    return obj["division"]["id"] if name == "divisionId" else obj.get(name)


def _type_attr(obj, name):
    if name == "divisionId":
        return obj["division"]["id"]
    if name == "defaultWorkbinId":
        return (obj.get("defaultWorkbin") or {}).get("id")
    return obj.get(name)


def _filtered(items, filters, attr):
    for f in filters:
        values = [int(v) if f["type"] == "Int" else v for v in f["values"]]
        if f["operator"] not in ("IN", "BETWEEN") and len(values) != 1:
            raise bad_request(f"filters: {f['operator']} on {f['name']} takes exactly one value", "filters")
        items = [i for i in items if _matches(attr(i, f["name"]), f["operator"], values)]
    return items


def _matches(value, operator, values):
    if operator == "EQ":
        return value == values[0]
    if operator == "NEQ":
        return value != values[0]
    if operator == "IN":
        return value in values
    if value is None:
        return False
    if operator == "CONTAINS":
        return str(values[0]).lower() in str(value).lower()
    if operator == "BEGINS_WITH":
        return str(value).lower().startswith(str(values[0]).lower())
    if operator == "BETWEEN":
        return values[0] <= value <= values[1]
    return {"GT": value > values[0], "LT": value < values[0], "GTE": value >= values[0],
            "LTE": value <= values[0]}[operator]


def _encode_cursor(offset):
    return base64.urlsafe_b64encode(f"o:{offset}".encode()).decode()


def _decode_cursor(after):
    if not after:
        return 0
    try:
        return int(base64.urlsafe_b64decode(after.encode()).decode().split(":")[1])
    except (ValueError, IndexError):
        raise bad_request("after: not a cursor this query returned", "after") from None


def _cursor_page(items, body, path):
    size = body.get("pageSize", 25)
    start = _decode_cursor(body.get("after"))
    page = {"entities": items[start:start + size], "count": len(items[start:start + size]),
            "selfUri": f"{BASE}/{path}"}
    if start + size < len(items):
        page["after"] = _encode_cursor(start + size)
        page["nextUri"] = f"{BASE}/{path}"
    return page

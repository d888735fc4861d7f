"""The org's directory: organization, limits, divisions, users, and users' routing skills and languages."""

from flask import request

from genesys_sandbox.errors import bad_request, not_found
from genesys_sandbox.http import answer, json_body, list_arg, paged, route
from genesys_sandbox.state import iso

MOVABLE = {"QUEUE": "queues", "WORKBIN": "workbins", "WORKTYPE": "worktypes"}
OBJECT_TYPES = ("QUEUE", "CAMPAIGN", "CONTACTLIST", "DNCLIST", "EMAILCAMPAIGN", "MESSAGINGCAMPAIGN",
                "MANAGEMENTUNIT", "BUSINESSUNIT", "FLOW", "FLOWMILESTONE", "FLOWOUTCOME", "USER", "CALLROUTE",
                "EMERGENCYGROUPS", "ROUTINGSCHEDULES", "ROUTINGSCHEDULEGROUPS", "DATATABLES", "TEAM", "WORKBIN",
                "WORKTYPE", "EXTENSIONPOOL", "SKILLGROUP", "SCRIPT", "LIBRARY")


def register(app, sb):
    @route(app, sb, "/api/v2/organizations/me", ["GET"])
    def org_me(org):
        return answer({"id": org.id, "name": org.name, "defaultSiteId": None, "thirdPartyOrgName": org.name,
                       "domain": org.name, "version": 1, "state": "active", "defaultCountryCode": "US",
                       "selfUri": f"/api/v2/organizations/{org.id}"})

    @route(app, sb, "/api/v2/organizations/limits/namespaces/<namespace>", ["GET"])
    def org_limits(org, namespace):
        if namespace not in org.limits:
            raise not_found(f"Limit namespace {namespace} was not found.")
        return answer({"entities": [{"key": k, "namespace": namespace, "value": v}
                                    for k, v in sorted(org.limits[namespace].items())]})

    # --- divisions ---------------------------------------------------------------------------
    @route(app, sb, "/api/v2/authorization/divisions", ["GET"])
    def list_divisions(org):
        items = sorted(org.divisions.values(), key=lambda d: d["name"].lower())
        if request.args.get("name"):
            items = [d for d in items if request.args["name"].lower() in d["name"].lower()]
        ids = list_arg("id")
        if ids:
            items = [d for d in items if d["id"] in ids]
        return answer(paged(items, max_size=500))

    @route(app, sb, "/api/v2/authorization/divisions/home", ["GET"])
    def home_division(org):
        return answer(org.home_division())

    @route(app, sb, "/api/v2/authorization/divisions/<division_id>", ["GET"])
    def get_division(org, division_id):
        if division_id not in org.divisions:
            raise not_found(f"Division {division_id} was not found.")
        return answer(org.divisions[division_id])

    @route(app, sb, "/api/v2/authorization/divisions/<division_id>/objects/<object_type>", ["POST"])
    def move_objects(org, division_id, object_type):
        if division_id not in org.divisions:
            raise not_found(f"Division {division_id} was not found.")
        if object_type not in OBJECT_TYPES:
            raise bad_request(f"objectType: {object_type!r} is not one of {', '.join(OBJECT_TYPES)}", "objectType")
        if object_type not in MOVABLE:
            raise bad_request(f"objectType {object_type} is not modelled by the sandbox; it moves "
                              f"{', '.join(MOVABLE)}", "objectType")
        ids = request.get_json(silent=True)
        if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
            raise bad_request("body: must be a list of object ids")
        collection = org.objects[MOVABLE[object_type]]
        missing = [i for i in ids if i not in collection]
        if missing:
            raise bad_request(f"objects not found: {', '.join(missing)}", "body")
        for obj_id in ids:
            obj = collection[obj_id]
            old = obj["division"]["id"]
            obj["division"] = org.division_ref(division_id)
            obj["dateModified"] = iso()
            sb.audit(org, "Routing" if object_type == "QUEUE" else "Workitems", object_type.title(), "Update",
                     obj, {"division": (old, division_id)})
        return answer(None, 204)

    # --- users ---------------------------------------------------------------------------------
    @route(app, sb, "/api/v2/users", ["GET"])
    def list_users(org):
        state = request.args.get("state", "active")
        if state not in ("active", "inactive", "deleted", "any"):
            raise bad_request(f"state: {state!r} is not one of active, inactive, deleted, any", "state")
        items = [u for u in org.users.values() if state == "any" or u["state"] == state]
        ids = list_arg("id")
        if ids:
            items = [u for u in items if u["id"] in ids]
        expand = list_arg("expand")
        items = [user_view(org, u, expand) for u in sorted(items, key=lambda u: u["name"].lower())]
        return answer(paged(items, max_size=500))

    @route(app, sb, "/api/v2/users/<user_id>", ["GET"])
    def get_user(org, user_id):
        user = org.users.get(user_id)
        wanted = request.args.get("state", "active")
        if user is None or (user["state"] == "deleted" and wanted != "deleted"):
            raise not_found(f"User {user_id} was not found.")
        return answer(user_view(org, user, list_arg("expand")))

    # --- users' routing skills and languages ----------------------------------------------------
    # The two APIs are alike. Skills: PUT one, bulk PATCH (add or update) and bulk PUT (replace all).
    # Languages: PATCH one and bulk PATCH only (routing_api.py: no bulk PUT, no PUT of one).
    for kind in ROUTING.values():
        register_user_routing(app, sb, kind)


# kind: the collection, the user's map on the org, the URL part, SDK models, the entity's URI field, the
# method that updates one, the bulk methods, and the audit's entity type and property.
ROUTING = {
    "skills": dict(collection="skills", assigned="user_skills", path="routingskills", post="UserRoutingSkillPost",
                   one="UserRoutingSkill", uri="skillUri", noun="Skill", update="PUT", bulk=["PATCH", "PUT"],
                   audit="UserSkill", field="routingSkills"),
    "languages": dict(collection="languages", assigned="user_languages", path="routinglanguages",
                      post="UserRoutingLanguagePost", one="UserRoutingLanguage", uri="languageUri", noun="Language",
                      update="PATCH", bulk=["PATCH"], audit="UserLanguage", field="routingLanguages"),
}


def register_user_routing(app, sb, kind):
    base = "/api/v2/users/<user_id>/" + kind["path"]

    def user_of(org, user_id):
        user = org.users.get(user_id)
        if user is None or user["state"] == "deleted":
            raise not_found(f"User {user_id} was not found.")
        return user

    def held(org, user_id):
        return getattr(org, kind["assigned"]).setdefault(user_id, {})

    def view(org, user_id, entity_id, assignment):
        entity = org.objects[kind["collection"]][entity_id]
        return {"id": entity_id, "name": entity["name"], "proficiency": assignment["proficiency"],
                "state": assignment["state"], kind["uri"]: entity["selfUri"],
                "selfUri": f"/api/v2/users/{user_id}/{kind['path']}/{entity_id}"}

    def listing(org, user_id):
        return sorted((view(org, user_id, e, a) for e, a in held(org, user_id).items()),
                      key=lambda x: x["name"].lower())

    def check(org, posts):
        bad = [p["id"] for p in posts if org.objects[kind["collection"]].get(p["id"], {}).get("state") != "active"]
        if bad:
            raise bad_request(f"{kind['collection']} not found: {', '.join(bad)}", "id")

    def snapshot(org, user_id):
        return {e: a["proficiency"] for e, a in held(org, user_id).items()}

    def record(org, user, before):
        after = snapshot(org, user["id"])
        if before != after:
            sb.audit(org, "Routing", kind["audit"], "Update", user, {kind["field"]: (before, after)})

    @route(app, sb, base, ["GET"], name=kind["path"] + "_list")
    def list_assigned(org, user_id):
        user_of(org, user_id)
        items = listing(org, user_id)
        if request.args.get("sortOrder", "ascending") == "descending":
            items.reverse()
        return answer(paged(items, max_size=500))

    @route(app, sb, base, ["POST"], name=kind["path"] + "_add")
    def add_one(org, user_id):
        user = user_of(org, user_id)
        post = json_body(kind["post"])
        check(org, [post])
        before = snapshot(org, user_id)
        held(org, user_id)[post["id"]] = {"proficiency": post.get("proficiency", 0), "state": "active"}
        record(org, user, before)
        return answer(view(org, user_id, post["id"], held(org, user_id)[post["id"]]))

    @route(app, sb, base + "/<entity_id>", [kind["update"]], name=kind["path"] + "_update")
    def update_one(org, user_id, entity_id):
        user = user_of(org, user_id)
        body = json_body(kind["one"])
        current = held(org, user_id).get(entity_id)
        if current is None:
            raise not_found(f"{kind['noun']} {entity_id} is not assigned to user {user_id}.")
        before = snapshot(org, user_id)
        current.update({k: body[k] for k in ("proficiency", "state") if k in body})
        record(org, user, before)
        return answer(view(org, user_id, entity_id, current))

    @route(app, sb, base + "/<entity_id>", ["DELETE"], name=kind["path"] + "_remove")
    def remove_one(org, user_id, entity_id):
        user = user_of(org, user_id)
        before = snapshot(org, user_id)
        if held(org, user_id).pop(entity_id, None) is None:
            raise not_found(f"{kind['noun']} {entity_id} is not assigned to user {user_id}.")
        record(org, user, before)
        return answer(None, 204)

    @route(app, sb, base + "/bulk", kind["bulk"], name=kind["path"] + "_bulk")
    def bulk(org, user_id):
        """PATCH adds or updates up to 50; PUT (skills only) replaces every assignment with the list."""
        user = user_of(org, user_id)
        posts = json_body(kind["post"], is_list=True, max_items=50)
        check(org, posts)
        before = snapshot(org, user_id)
        if request.method == "PUT":
            held(org, user_id).clear()
        for post in posts:
            held(org, user_id)[post["id"]] = {"proficiency": post.get("proficiency", 0), "state": "active"}
        record(org, user, before)
        items = listing(org, user_id)
        return answer({"entities": items, "pageSize": len(items), "pageNumber": 1, "total": len(items),
                       "pageCount": 1})


def user_view(org, user, expand):
    view = dict(user)
    for name, kind in ROUTING.items():
        if name in expand:
            view[name] = [{"id": e, "name": org.objects[kind["collection"]][e]["name"], "proficiency": a["proficiency"],
                           "state": a["state"]} for e, a in getattr(org, kind["assigned"]).get(user["id"], {}).items()]
    return view

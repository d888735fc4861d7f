"""The org's directory: organization, limits, divisions, users and users' routing skills."""

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

    # --- users' routing skills -------------------------------------------------------------------
    def user_of(org, user_id):
        user = org.users.get(user_id)
        if user is None or user["state"] == "deleted":
            raise not_found(f"User {user_id} was not found.")
        return user

    def skill_view(org, skill_id, assignment):
        skill = org.objects["skills"][skill_id]
        return {"id": skill_id, "name": skill["name"], "proficiency": assignment["proficiency"],
                "state": assignment["state"], "skillUri": skill["selfUri"],
                "selfUri": f"/api/v2/users/{{userId}}/routingskills/{skill_id}"}

    def assigned(org, user_id):
        skills = org.user_skills.get(user_id, {})
        return sorted((skill_view(org, s, a) for s, a in skills.items()), key=lambda x: x["name"].lower())

    def check_skills(org, posts):
        bad = [p["id"] for p in posts if org.objects["skills"].get(p["id"], {}).get("state") != "active"]
        if bad:
            raise bad_request(f"skills not found: {', '.join(bad)}", "id")

    def record(org, user, before):
        after = {s: a["proficiency"] for s, a in org.user_skills.get(user["id"], {}).items()}
        if before != after:
            sb.audit(org, "Routing", "UserSkill", "Update", user, {"routingSkills": (before, after)})

    def snapshot(org, user_id):
        return {s: a["proficiency"] for s, a in org.user_skills.get(user_id, {}).items()}

    @route(app, sb, "/api/v2/users/<user_id>/routingskills", ["GET"])
    def list_user_skills(org, user_id):
        user_of(org, user_id)
        items = assigned(org, user_id)
        if request.args.get("sortOrder", "ascending") == "descending":
            items.reverse()
        return answer(paged(items, max_size=500))

    @route(app, sb, "/api/v2/users/<user_id>/routingskills", ["POST"])
    def add_user_skill(org, user_id):
        user = user_of(org, user_id)
        post = json_body("UserRoutingSkillPost")
        check_skills(org, [post])
        before = snapshot(org, user_id)
        org.user_skills.setdefault(user_id, {})[post["id"]] = {"proficiency": post.get("proficiency", 0),
                                                               "state": "active"}
        record(org, user, before)
        return answer(skill_view(org, post["id"], org.user_skills[user_id][post["id"]]))

    @route(app, sb, "/api/v2/users/<user_id>/routingskills/<skill_id>", ["PUT"])
    def put_user_skill(org, user_id, skill_id):
        user = user_of(org, user_id)
        body = json_body("UserRoutingSkill")
        current = org.user_skills.get(user_id, {}).get(skill_id)
        if current is None:
            raise not_found(f"Skill {skill_id} is not assigned to user {user_id}.")
        before = snapshot(org, user_id)
        current.update({k: body[k] for k in ("proficiency", "state") if k in body})
        record(org, user, before)
        return answer(skill_view(org, skill_id, current))

    @route(app, sb, "/api/v2/users/<user_id>/routingskills/<skill_id>", ["DELETE"])
    def delete_user_skill(org, user_id, skill_id):
        user = user_of(org, user_id)
        before = snapshot(org, user_id)
        if org.user_skills.get(user_id, {}).pop(skill_id, None) is None:
            raise not_found(f"Skill {skill_id} is not assigned to user {user_id}.")
        record(org, user, before)
        return answer(None, 204)

    @route(app, sb, "/api/v2/users/<user_id>/routingskills/bulk", ["PATCH", "PUT"])
    def bulk_user_skills(org, user_id):
        """PATCH adds or updates up to 50; PUT replaces every assignment with the list."""
        user = user_of(org, user_id)
        posts = json_body("UserRoutingSkillPost", is_list=True, max_items=50)
        check_skills(org, posts)
        before = snapshot(org, user_id)
        skills = org.user_skills.setdefault(user_id, {})
        if request.method == "PUT":
            skills.clear()
        for post in posts:
            skills[post["id"]] = {"proficiency": post.get("proficiency", 0), "state": "active"}
        record(org, user, before)
        items = assigned(org, user_id)
        return answer({"entities": items, "pageSize": len(items), "pageNumber": 1, "total": len(items),
                       "pageCount": 1})


def user_view(org, user, expand):
    view = dict(user)
    if "skills" in expand:
        view["skills"] = [{"id": s, "name": org.objects["skills"][s]["name"], "proficiency": a["proficiency"],
                           "state": a["state"]} for s, a in org.user_skills.get(user["id"], {}).items()]
    return view

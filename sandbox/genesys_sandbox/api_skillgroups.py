"""Skill groups: users who meet skill and language conditions, in the member divisions, are members.
Listed by cursor, without their conditions; read one to see them."""

import operator

from flask import request

from genesys_sandbox.errors import bad_request
from genesys_sandbox.http import answer, cursor_paged, division_id, find, json_body, name_taken, route
from genesys_sandbox.state import iso

DEFINITION = ("id", "name", "division", "description", "memberCount", "dateModified", "dateCreated", "selfUri")
COMPARE = {"EqualTo": operator.eq, "NotEqualTo": operator.ne, "LessThan": operator.lt,
           "GreaterThan": operator.gt, "GreaterThanOrEqualTo": operator.ge, "LessThanOrEqualTo": operator.le}


def register(app, sb):
    def lag():
        return sb.faults["listing_lag"]

    @route(app, sb, "/api/v2/routing/skillgroups", ["GET"])
    def list_skillgroups(org):
        items = sorted(org.listing("skillgroups"), key=lambda x: x["name"].lower())
        prefix = (request.args.get("name") or "").lower()
        items = [definition(org, x) for x in items if x["name"].lower().startswith(prefix)]
        return answer(cursor_paged(items, max_size=100))

    @route(app, sb, "/api/v2/routing/skillgroups", ["POST"])
    def create_skillgroup(org):
        body = json_body("SkillGroupWithMemberDivisions")
        name_taken(org, "skillgroups", body["name"])  # UNVERIFIED: a duplicate name answers 409, as for queues
        check_conditions(org, body.get("skillConditions") or [])
        group_id = sb.new_id()
        div = division_id(org, (body.get("division") or {}).get("id"), "division.id")
        group = {"id": group_id, "name": body["name"], "division": org.division_ref(div),
                 "description": body.get("description", ""), "skillConditions": body.get("skillConditions") or [],
                 "status": "Complete", "dateCreated": iso(), "dateModified": iso(),
                 "selfUri": f"/api/v2/routing/skillgroups/{group_id}"}
        org.add("skillgroups", group, lag())
        members = [division_id(org, d, "memberDivisions") for d in body.get("memberDivisions") or []]
        org.skillgroup_divisions[group_id] = sorted(set(members) | {div})  # its own division is always one
        sb.audit(org, "Routing", "SkillGroup", "Create", group, {"name": (None, group["name"])})
        return answer(dict(full(org, group), memberDivisions=org.skillgroup_divisions[group_id]))

    @route(app, sb, "/api/v2/routing/skillgroups/<group_id>", ["GET"])
    def get_skillgroup(org, group_id):
        return answer(full(org, find(org, "skillgroups", group_id, "Skill group")))

    @route(app, sb, "/api/v2/routing/skillgroups/<group_id>", ["PATCH"])
    def patch_skillgroup(org, group_id):
        group = find(org, "skillgroups", group_id, "Skill group")
        body = json_body("SkillGroup")
        # UNVERIFIED: PATCH is read as a partial update: the fields sent replace theirs, the rest stay.
        changes = {}
        if "name" in body:
            name_taken(org, "skillgroups", body["name"], exclude=group_id)
            changes["name"] = body["name"]
        if "description" in body:
            changes["description"] = body["description"]
        if "skillConditions" in body:
            check_conditions(org, body["skillConditions"] or [])
            changes["skillConditions"] = body["skillConditions"] or []
        if (body.get("division") or {}).get("id"):
            div = division_id(org, body["division"]["id"], "division.id")
            changes["division"] = org.division_ref(div)
            divisions = org.skillgroup_divisions.setdefault(group_id, [])
            org.skillgroup_divisions[group_id] = sorted(set(divisions) | {div})
        old = {k: group.get(k) for k in changes}
        group.update(changes, dateModified=iso())
        sb.audit(org, "Routing", "SkillGroup", "Update", group, {k: (old[k], changes[k]) for k in changes})
        return answer(full(org, group))

    @route(app, sb, "/api/v2/routing/skillgroups/<group_id>", ["DELETE"])
    def delete_skillgroup(org, group_id):
        group = find(org, "skillgroups", group_id, "Skill group")
        org.remove("skillgroups", group_id, lag())
        org.skillgroup_divisions.pop(group_id, None)
        sb.audit(org, "Routing", "SkillGroup", "Delete", group)
        return answer(None, 204)

    @route(app, sb, "/api/v2/routing/skillgroups/<group_id>/members", ["GET"])
    def list_skillgroup_members(org, group_id):
        group = find(org, "skillgroups", group_id, "Skill group")
        users = sorted((org.users[u] for u in members(org, group)), key=lambda u: u["name"].lower())
        named = request.args.get("expand") == "name"  # UserReferenceWithName: the name only when expanded
        refs = [dict({"id": u["id"], "selfUri": u["selfUri"]}, **({"name": u["name"]} if named else {})) for u in users]
        return answer(cursor_paged(refs, max_size=100))

    @route(app, sb, "/api/v2/routing/skillgroups/<group_id>/members/divisions", ["GET"])
    def get_member_divisions(org, group_id):
        find(org, "skillgroups", group_id, "Skill group")
        return answer({"entities": [org.division_ref(d) for d in org.skillgroup_divisions.get(group_id, [])
                                    if d in org.divisions]})

    @route(app, sb, "/api/v2/routing/skillgroups/<group_id>/members/divisions", ["POST"])
    def post_member_divisions(org, group_id):
        group = find(org, "skillgroups", group_id, "Skill group")
        body = json_body("SkillGroupMemberDivisions")
        adds = [division_id(org, d, "addDivisionIds") for d in body.get("addDivisionIds") or []]
        removes = body.get("removeDivisionIds") or []
        if group["division"]["id"] in removes:
            # UNVERIFIED: the sandbox refuses; the Terraform provider never removes a skill group's own division.
            raise bad_request("removeDivisionIds: a skill group's own division cannot be removed", "removeDivisionIds")
        before = org.skillgroup_divisions.get(group_id, [])
        org.skillgroup_divisions[group_id] = sorted((set(before) | set(adds)) - set(removes))
        sb.audit(org, "Routing", "SkillGroup", "Update", group,
                 {"memberDivisions": (before, org.skillgroup_divisions[group_id])})
        return answer(None, 204)


def check_conditions(org, conditions, where="skillConditions"):
    """Skills and languages in conditions are named; a name that is no active skill or language is a 400."""
    skills = {s["name"].lower() for s in org.objects["skills"].values() if s.get("state") != "deleted"}
    languages = {x["name"].lower() for x in org.objects["languages"].values() if x.get("state") != "deleted"}
    for i, condition in enumerate(conditions):
        at = f"{where}[{i}]"
        for key, name_key, known, what in (("routingSkillConditions", "routingSkill", skills, "skill"),
                                           ("languageSkillConditions", "languageSkill", languages, "language")):
            for j, held in enumerate(condition.get(key) or []):
                name = held.get(name_key)
                if not name or name.lower() not in known:
                    raise bad_request(f"{at}.{key}[{j}].{name_key}: {what} {name!r} does not exist",
                                      f"{at}.{key}[{j}].{name_key}")
                check_conditions(org, held.get("childConditions") or [], f"{at}.{key}[{j}].childConditions")


def members(org, group):
    """Active users in the member divisions who meet every condition."""
    divisions = set(org.skillgroup_divisions.get(group["id"], []))
    return [uid for uid, user in org.users.items() if user["state"] == "active"
            and user["division"]["id"] in divisions and all(meets(org, uid, c) for c in group["skillConditions"])]


def meets(org, user_id, condition):
    """And: every held condition; Or: any; Not: none (the sandbox's reading of the operations)."""
    named = {"routingSkillConditions": ("routingSkill", "skills", org.user_skills),
             "languageSkillConditions": ("languageSkill", "languages", org.user_languages)}
    results = []
    for key, (name_key, collection, assigned) in named.items():
        for held in condition.get(key) or []:
            ids = [o["id"] for o in org.objects[collection].values() if o["name"].lower() == held[name_key].lower()]
            level = next((a.get("proficiency") for i in ids for a in [assigned.get(user_id, {}).get(i)] if a), None)
            ok = level is not None and COMPARE[held.get("comparator", "GreaterThanOrEqualTo")](
                level, held.get("proficiency", 0))
            results.append(ok and all(meets(org, user_id, c) for c in held.get("childConditions") or []))
    operation = condition.get("operation", "And")
    return all(results) if operation == "And" else any(results) if operation == "Or" else not any(results)


def definition(org, group):
    out = {k: group[k] for k in DEFINITION if k in group}
    out["memberCount"] = len(members(org, group))
    return out


def full(org, group):
    return dict(definition(org, group), status=group["status"], skillConditions=group["skillConditions"])

"""Objects an org has that the collection references by name but does not manage: groups, teams,
flows, prompts, published scripts, canned response libraries, email domains and routes, message
recipients, edge groups and sites. Read-only listings with the API's envelopes; the objects come from the org's spec."""

from flask import request

from genesys_sandbox.errors import not_found
from genesys_sandbox.http import answer, cursor_paged, list_arg, paged, route

# kind: (path, how the listing filters by name: prefix, exact (list), or None)
LISTINGS = {
    "teams": ("/api/v2/teams", "prefix"),
    "flows": ("/api/v2/flows", "exact"),
    "prompts": ("/api/v2/architect/prompts", "exact"),
    "scripts": ("/api/v2/scripts/published", "prefix"),
    "libraries": ("/api/v2/responsemanagement/libraries", None),
    "email_domains": ("/api/v2/routing/email/domains", None),
    "recipients": ("/api/v2/routing/message/recipients", "prefix"),
    "edge_groups": ("/api/v2/telephony/providers/edges/edgegroups", "prefix"),
    "sites": ("/api/v2/telephony/providers/edges/sites", "prefix"),
}
SELF = {"teams": "/api/v2/teams/{0}", "flows": "/api/v2/flows/{0}", "prompts": "/api/v2/architect/prompts/{0}",
        "scripts": "/api/v2/scripts/published/{0}", "libraries": "/api/v2/responsemanagement/libraries/{0}",
        "email_domains": "/api/v2/routing/email/domains/{0}", "recipients": "/api/v2/routing/message/recipients/{0}",
        "edge_groups": "/api/v2/telephony/providers/edges/edgegroups/{0}",
        "sites": "/api/v2/telephony/providers/edges/sites/{0}"}


def view(org, kind, obj):
    """An object as its listing shows it: members become a count; a team or flow shows its division."""
    out = {k: v for k, v in obj.items() if k not in ("members", "routes")}
    if "members" in obj:
        out["memberCount"] = len(obj["members"])
    if kind in ("teams", "flows", "prompts", "scripts"):
        out["division"] = org.division_ref(obj.get("division"))
    out["selfUri"] = SELF[kind].format(obj["id"])
    return out


def group_view(group):
    """A group's type is official or social (the SDK's Group.type); the demo's groups are official."""
    return {"id": group["id"], "name": group["name"], "type": "official", "visibility": "public", "state": "active",
            "version": 1, "memberCount": len(group["members"]), "selfUri": f"/api/v2/groups/{group['id']}"}


def register(app, sb):
    @route(app, sb, "/api/v2/groups", ["GET"])
    def list_groups(org):
        ids = list_arg("id")
        groups = [group_view(g) for g in org.groups.values() if not ids or g["id"] in ids]
        groups.sort(key=lambda g: g["name"].lower(), reverse=request.args.get("sortOrder") == "DESC")
        return answer(paged(groups, max_size=500))

    @route(app, sb, "/api/v2/groups/<group_id>", ["GET"])
    def get_group(org, group_id):
        if group_id not in org.groups:
            raise not_found(f"Group {group_id} was not found.")
        return answer(group_view(org.groups[group_id]))

    for kind, (path, by_name) in LISTINGS.items():
        def listing(org, kind=kind, by_name=by_name):
            items = [view(org, kind, o) for o in org.directory[kind].values()]
            types = [t.lower() for t in list_arg("type")]
            if types:
                items = [o for o in items if o.get("type", "").lower() in types]
            if request.args.get("messengerType"):
                items = [o for o in items if o.get("messengerType") == request.args["messengerType"]]
            names = list_arg("name") if by_name == "exact" else [request.args.get("name")] if by_name else []
            names = [n.lower() for n in names if n]
            if names and by_name == "exact":
                items = [o for o in items if o["name"].lower() in names]
            elif names:
                items = [o for o in items if o["name"].lower().startswith(names[0])]
            items.sort(key=lambda o: (o.get("name") or o["id"]).lower())
            if kind == "teams":
                return answer(cursor_paged(items, max_size=100))
            return answer(paged(items, max_size=500))
        route(app, sb, path, ["GET"], name=f"list_{kind}")(listing)

        def one(org, obj_id, kind=kind):
            found = org.directory[kind].get(obj_id)
            if found is None:
                raise not_found(f"{kind[:-1].replace('_', ' ').capitalize()} {obj_id} was not found.")
            return answer(view(org, kind, found))
        route(app, sb, path + "/<obj_id>", ["GET"], name=f"get_{kind}")(one)

    @route(app, sb, "/api/v2/routing/email/domains/<domain_id>/routes", ["GET"])
    def list_email_routes(org, domain_id):
        domain = org.directory["email_domains"].get(domain_id)
        if domain is None:
            raise not_found(f"Email domain {domain_id} was not found.")
        routes = [dict(r, selfUri=f"/api/v2/routing/email/domains/{domain_id}/routes/{r['id']}")
                  for r in domain.get("routes", [])]
        if request.args.get("pattern"):
            routes = [r for r in routes if r["pattern"] == request.args["pattern"]]
        return answer(paged(sorted(routes, key=lambda r: r["pattern"]), max_size=500))

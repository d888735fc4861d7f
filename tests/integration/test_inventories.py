"""The shipped inventories parse, and the example's vault file opens with its documented demo password."""

import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def inventory(path, *args):
    exe = os.path.join(os.path.dirname(sys.executable), "ansible-inventory")
    out = subprocess.run([exe, "-i", path, "--list"] + list(args), cwd=ROOT, check=True, capture_output=True,
                         text=True).stdout
    return json.loads(out)


def test_example_inventory_groups_regions_and_opens_its_vault(tmp_path):
    password = tmp_path / "pass"
    password.write_text("example-demo-password\n")
    data = inventory("inventories/example", "--vault-password-file", str(password))
    assert data["us_east_1"]["hosts"] == ["acme-prod-us"] and data["eu_west_1"]["hosts"] == ["acme-prod-eu"]
    us = data["_meta"]["hostvars"]["acme-prod-us"]
    assert us["vault_genesys_client_id"] == "replace-with-the-prod-us-client-id"
    assert us["genesys_region"] == "us-east-1" and us["genesys_org_id"]
    eu = data["_meta"]["hostvars"]["acme-prod-eu"]
    assert [q["name"] for q in eu["genesys_queues"]] == ["Billing EN", "Billing DE"], "region overrides"


def test_sandbox_inventory_pins_both_orgs():
    data = inventory("inventories/sandbox")
    pins = {h: v["genesys_org_id"] for h, v in data["_meta"]["hostvars"].items()}
    assert set(pins) == {"acme-us", "acme-eu"}

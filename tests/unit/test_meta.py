"""The action group lists exactly the modules, and every module is documented and tested."""

import os
import re

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MODULES = sorted(f[:-3] for f in os.listdir(os.path.join(ROOT, "plugins", "modules")) if f.endswith(".py"))


def runtime():
    with open(os.path.join(ROOT, "meta", "runtime.yml")) as handle:
        return yaml.safe_load(handle)


def test_action_group_lists_exactly_the_modules():
    assert sorted(runtime()["action_groups"]["genesys"]) == MODULES


def test_wrapup_code_alias_redirects_to_genesys_wrapper():
    routing = runtime()["plugin_routing"]["modules"]
    assert routing["genesys_wrapup_code"]["redirect"] == "cxops.genesys.genesys_wrapper"


def test_every_module_has_an_integration_test():
    tests = ""
    for name in os.listdir(os.path.join(ROOT, "tests", "integration")):
        if name.endswith(".py"):
            with open(os.path.join(ROOT, "tests", "integration", name)) as handle:
                tests += handle.read()
    missing = [m for m in MODULES if not re.search(r"\b" + m + r"\b", tests)]
    assert missing == []


def test_every_module_runs_through_the_one_action_plugin():
    routing = runtime()["plugin_routing"]["modules"]
    assert [m for m in MODULES if routing.get(m, {}).get("action_plugin") != "cxops.genesys.genesys"] == []
    assert os.listdir(os.path.join(ROOT, "plugins", "action")) == ["genesys.py"]

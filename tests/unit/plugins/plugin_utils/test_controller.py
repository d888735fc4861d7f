"""The controller-side module: arguments arrive as plain data, and a task's environment is undone."""

import os

from ansible_collections.cxops.genesys.plugins.plugin_utils.controller import environment, plain

try:  # ansible-core 2.19+: templated values carry tags
    from ansible._internal._datatag._tags import Origin
    TAG = Origin(path="/inventory/host_vars/org.yml").tag
except ImportError:  # older cores mark templated strings unsafe instead
    from ansible.utils.unsafe_proxy import wrap_var as TAG


class Tagged(str):
    pass


def test_plain_strips_every_subclass_down_to_builtin_types():
    args = TAG({TAG("items"): TAG([TAG({TAG("name"): TAG("Sales"), "weight": TAG(3), "ratio": 0.5,
                                        "on": True, "none": None, "sub": Tagged("x"), "pair": (1, 2)})])})
    result = plain(args)
    assert result == {"items": [{"name": "Sales", "weight": 3, "ratio": 0.5, "on": True, "none": None,
                                 "sub": "x", "pair": [1, 2]}]}
    item = result["items"][0]
    found = [result, result["items"], item, list(result)[0], item["name"], item["weight"], item["sub"], item["on"]]
    assert [type(v) for v in found] == [dict, list, dict, str, str, int, str, bool]


def test_environment_sets_and_restores_only_the_names_it_is_given(monkeypatch):
    monkeypatch.setenv("GENESYSCLOUD_REGION", "eu-west-1")
    monkeypatch.delenv("GENESYSCLOUD_API_URL", raising=False)
    before = dict(os.environ)
    with environment({"GENESYSCLOUD_REGION": "us-east-1", "GENESYSCLOUD_API_URL": "https://api.example"}):
        assert os.environ["GENESYSCLOUD_REGION"] == "us-east-1"
        assert os.environ["GENESYSCLOUD_API_URL"] == "https://api.example"
    assert dict(os.environ) == before

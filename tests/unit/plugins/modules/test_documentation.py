"""Docs cannot drift from specs: every module's DOCUMENTATION (with its fragments) states exactly
the options its argument spec takes, with the same types, choices, element types, defaults and
nesting, and every range a spec field declares is stated in that option's description."""

import importlib
import os

import pytest
import yaml

from ansible_collections.cxops.genesys.plugins.doc_fragments.genesys import ModuleDocFragment
from ansible_collections.cxops.genesys.plugins.module_utils.engine import ResourceSpec

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))))
MODULES = sorted(f[:-3] for f in os.listdir(os.path.join(ROOT, "plugins", "modules")) if f.startswith("genesys_"))


class Captured(Exception):
    pass


def argument_spec(module):
    """The argument spec the module builds, caught where it would create its AnsibleModule."""
    seen = {}

    def capture(argument_spec, **dummy):
        seen.update(argument_spec)
        raise Captured()

    with pytest.raises(Captured):
        module.main(capture)
    return seen


def documented(module):
    doc = yaml.safe_load(module.DOCUMENTATION)
    options = dict(doc.get("options") or {})
    for fragment in doc.get("extends_documentation_fragment") or []:
        part = fragment.split(".")[-1] if fragment.count(".") == 3 else "DOCUMENTATION"
        options.update(yaml.safe_load(getattr(ModuleDocFragment, part)).get("options") or {})
    return options


def differences(docs, spec, path=""):
    out = []
    for name in sorted(set(docs) | set(spec)):
        where = path + name
        if name not in docs or name not in spec:
            out.append("{0}: {1}".format(where, "not documented" if name in spec else "documented but not an option"))
            continue
        doc, arg = docs[name], spec[name]
        for key, default in (("type", "str"), ("choices", None), ("elements", None), ("default", None),
                             ("required", False)):
            if doc.get(key, default) != arg.get(key, default):
                out.append("{0}: {1} is {2!r} in the docs, {3!r} in the spec".format(
                    where, key, doc.get(key, default), arg.get(key, default)))
        out.extend(differences(doc.get("suboptions") or {}, arg.get("options") or {}, where + "."))
    return out


def number(value):
    return str(int(value)) if value == int(value) else str(value)


def range_problems(docs, fields, path=""):
    out = []
    for name, field in fields.items():
        if name not in docs:
            continue  # an _info module reads the fields but takes none as options
        doc = docs[name]
        text = " ".join(doc.get("description") or []) if isinstance(doc.get("description"), list) else \
            doc.get("description") or ""
        for bound in (field.lo, field.hi, field.maxlen, field.maxitems):
            if bound is not None and number(bound) not in text.replace(",", ""):
                out.append("{0}{1}: the range bound {2} is not in its description".format(path, name, number(bound)))
        if field.options:
            out.extend(range_problems(doc.get("suboptions") or {}, field.options, path + name + "."))
    return out


@pytest.mark.parametrize("name", MODULES)
def test_documentation_states_the_argument_spec(name):
    module = importlib.import_module("ansible_collections.cxops.genesys.plugins.modules." + name)
    assert differences(documented(module), argument_spec(module)) == []


@pytest.mark.parametrize("name", MODULES)
def test_documentation_states_every_range(name):
    module = importlib.import_module("ansible_collections.cxops.genesys.plugins.modules." + name)
    specs = [v for v in vars(module).values() if isinstance(v, type) and issubclass(v, ResourceSpec)
             and v is not ResourceSpec]
    for spec in specs:
        assert range_problems(documented(module), spec.fields) == []


def test_a_drifted_option_is_caught():
    docs = {"a": {"type": "int", "description": "From 1 to 5."}, "b": {"type": "str"}}
    spec = {"a": {"type": "int", "choices": [1, 2]}, "c": {"type": "str"}}
    assert differences(docs, spec) == ["a: choices is None in the docs, [1, 2] in the spec",
                                       "b: documented but not an option", "c: not documented"]


def test_a_drifted_range_is_caught():
    from ansible_collections.cxops.genesys.plugins.module_utils.engine import Field

    docs = {"score": {"description": ["Score, 0 to 100."]}, "size": {"description": "Size."}}
    fields = {"score": Field(type="int", lo=0, hi=100), "size": Field(type="int", lo=1, hi=20)}
    assert range_problems(docs, fields) == ["size: the range bound 1 is not in its description",
                                            "size: the range bound 20 is not in its description"]

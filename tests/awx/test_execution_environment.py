"""What ships in the Galaxy tarball: execution environment metadata that ansible-builder reads (and
that is everything the plugins import beyond Python's standard library and Ansible), and docs whose
links work inside the tarball."""

import ast
import os
import re
import subprocess
import sys

import yaml

from awx.conftest import BIN, ROOT


def imported(nodes):
    for node in nodes:
        if isinstance(node, ast.Import):
            yield from (alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.module.split(".")[0]


def third_party_imports():
    """Top-level imports of the plugins, leaving out the fallbacks in `except ImportError:` handlers."""
    names = set()
    for folder, dummy, files in os.walk(os.path.join(ROOT, "plugins")):
        for name in files:
            if name.endswith(".py"):
                with open(os.path.join(folder, name)) as handle:
                    tree = ast.parse(handle.read())
                fallbacks = set(id(n) for t in ast.walk(tree) if isinstance(t, ast.Try)
                                for h in t.handlers for n in ast.walk(h))
                names.update(imported(n for n in ast.walk(tree) if id(n) not in fallbacks))
    return names - set(sys.stdlib_module_names) - {"ansible", "ansible_collections", "__future__"}


def test_ansible_builder_introspect_lists_every_python_dependency(installed_collection):
    installed = installed_collection / "ansible_collections" / "cxops" / "genesys"
    assert (installed / "meta" / "execution-environment.yml").is_file()
    assert (installed / "requirements.txt").is_file()
    proc = subprocess.run([os.path.join(BIN, "ansible-builder"), "introspect", "--sanitize", str(installed_collection)],
                          check=True, capture_output=True, text=True)
    found = yaml.safe_load(proc.stdout.split("---", 1)[1])
    python = [line.split("#")[0].strip() for line in found["python"] if "cxops.genesys" in line]
    assert found["system"] == []  # pure Python: no bindep.txt
    required = set(p.split(">")[0].split("=")[0].split("<")[0].lower() for p in python)
    assert third_party_imports() == {"requests"}
    assert required == third_party_imports()


def test_every_relative_link_of_the_shipped_docs_resolves_inside_the_tarball(installed_collection):
    installed = installed_collection / "ansible_collections" / "cxops" / "genesys"
    broken = []
    for page in [installed / "README.md"] + sorted((installed / "docs").glob("*.md")):
        for target in re.findall(r"\]\(([^)\s]+)\)", page.read_text()):
            if re.match(r"[a-z]+:", target) or target.startswith("#"):
                continue
            if not (page.parent / target.split("#")[0]).exists():
                broken.append("{0}: {1}".format(page.name, target))
    assert broken == []

"""The collection as AWX and execution environments get it: built into a Galaxy tarball and installed."""

import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.path.dirname(sys.executable)


@pytest.fixture(scope="session")
def installed_collection(tmp_path_factory):
    """A collections path holding only the collection installed from its tarball (what galaxy.yml ships)."""
    base = tmp_path_factory.mktemp("galaxy")
    subprocess.run([os.path.join(BIN, "ansible-galaxy"), "collection", "build", "--output-path", str(base), ROOT],
                   check=True, capture_output=True)
    tarball = next(base.glob("cxops-genesys-*.tar.gz"))
    path = base / "collections"
    subprocess.run([os.path.join(BIN, "ansible-galaxy"), "collection", "install", "--force", "-p", str(path), str(tarball)],
                   check=True, capture_output=True)
    return path

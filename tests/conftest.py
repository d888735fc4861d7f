"""Shared test set-up: the collection importable as ansible_collections.cxops.genesys, and a sandbox.

The repo root is the collection root, so a temp folder holds ansible_collections/cxops/genesys
as a link to it; subprocesses find it through ANSIBLE_COLLECTIONS_PATH.
"""

import os
import sys
import tempfile

import pytest
import requests

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "sandbox"))

if "ansible_collections.cxops.genesys" not in ROOT.replace(os.sep, "."):
    COLLECTIONS = tempfile.mkdtemp(prefix="cxops-collections-")
    os.makedirs(os.path.join(COLLECTIONS, "ansible_collections", "cxops"))
    os.symlink(ROOT, os.path.join(COLLECTIONS, "ansible_collections", "cxops", "genesys"))
    sys.path.insert(0, COLLECTIONS)
    os.environ["ANSIBLE_COLLECTIONS_PATH"] = COLLECTIONS
    from ansible.utils.collection_loader._collection_finder import _AnsibleCollectionFinder

    _AnsibleCollectionFinder(paths=[COLLECTIONS])._install()

from genesys_sandbox import Sandbox, serve_in_thread  # noqa: E402
from genesys_sandbox.cli import default_orgs_file  # noqa: E402
from genesys_sandbox.server import load_orgs  # noqa: E402

US = {"client_id": "acme-us-client", "client_secret": "acme-us-secret"}
EU = {"client_id": "acme-eu-client", "client_secret": "acme-eu-secret"}


class SandboxHandle:
    """A running sandbox and its admin API."""

    US = US
    EU = EU

    def __init__(self, sandbox, url):
        self.sandbox = sandbox
        self.url = url

    def admin(self, method, path, **kwargs):
        response = requests.request(method, self.url + "/_sandbox" + path, timeout=30, **kwargs)
        response.raise_for_status()
        return response.json()

    def reset(self):
        self.admin("POST", "/reset")

    def faults(self, **faults):
        return self.admin("PUT", "/faults", json=faults)

    def journal(self, since=0):
        return self.admin("GET", "/journal", params={"since": since})["entries"]

    def objects(self, collection, org="acme-us"):
        return self.admin("GET", "/orgs/{0}/{1}".format(org, collection))

    def token(self, creds=None):
        creds = creds or US
        response = requests.post(self.url + "/oauth/token", auth=(creds["client_id"], creds["client_secret"]),
                                 data={"grant_type": "client_credentials"}, timeout=30)
        return response.json()["access_token"]

    def session(self, creds=None):
        session = requests.Session()
        session.headers["Authorization"] = "Bearer " + self.token(creds)
        session.base = self.url
        return session


@pytest.fixture(scope="session")
def sandbox_server():
    sandbox = Sandbox(load_orgs(default_orgs_file()), seed=7)
    server, url = serve_in_thread(sandbox)
    yield SandboxHandle(sandbox, url)
    server.shutdown()


@pytest.fixture
def sandbox(sandbox_server, tmp_path, monkeypatch):
    """A fresh sandbox state for one test, and a private token cache."""
    sandbox_server.reset()
    monkeypatch.setenv("CXOPS_GENESYS_TOKEN_CACHE", str(tmp_path / "tokens"))
    return sandbox_server

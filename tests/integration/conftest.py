"""Run real ansible-playbook against the sandbox and read its JSON output."""

import json
import os
import subprocess
import sys
import tempfile

import pytest
import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


class PlayRun:
    def __init__(self, proc):
        self.rc = proc.returncode
        self.stdout = proc.stdout
        self.stderr = proc.stderr
        text = proc.stdout[proc.stdout.index("{"):] if "{" in proc.stdout else "{}"
        self.data = json.JSONDecoder().raw_decode(text)[0]  # other callbacks may print after it

    @property
    def tasks(self):
        """Results of every task of every play, for the one host."""
        out = []
        for play in self.data.get("plays", []):
            for task in play["tasks"]:
                for host, result in task["hosts"].items():
                    out.append(dict(result, task=task["task"]["name"], host=host))
        return out

    def stats(self, host="localhost"):
        return self.data["stats"][host]

    @property
    def changed(self):
        return sum(s["changed"] for s in self.data["stats"].values())

    def result(self, name):
        return next(t for t in self.tasks if t["task"] == name)


def run_playbook(sandbox, tasks, check=False, diff=False, creds=None, extra_args=(), env=None):
    """Run a one-play playbook of `tasks` on localhost against the sandbox."""
    creds = creds or sandbox.US
    playbook = [{
        "hosts": "localhost", "gather_facts": False, "connection": "local",
        "vars": {"ansible_python_interpreter": sys.executable},
        "module_defaults": {"group/cxops.genesys.genesys": {
            "api_url": sandbox.url, "client_id": creds["client_id"], "client_secret": creds["client_secret"]}},
        "tasks": tasks}]
    with tempfile.NamedTemporaryFile("w", suffix=".yml", delete=False) as handle:
        yaml.safe_dump(playbook, handle)
    args = [os.path.join(os.path.dirname(sys.executable), "ansible-playbook"), "-i", "localhost,", handle.name]
    args += ["--check"] if check else []
    args += ["--diff"] if diff else []
    environ = dict(os.environ, ANSIBLE_STDOUT_CALLBACK="results_json",
                   ANSIBLE_CALLBACK_PLUGINS=os.path.join(os.path.dirname(__file__), "callback_plugins"),
                   ANSIBLE_NOCOLOR="1", ANSIBLE_LOCALHOST_WARNING="0", ANSIBLE_INVENTORY_UNPARSED_WARNING="0",
                   **(env or {}))
    proc = subprocess.run(args + list(extra_args), check=False, capture_output=True, text=True, env=environ, cwd=ROOT,
                          timeout=600)
    os.unlink(handle.name)
    return PlayRun(proc)


@pytest.fixture
def play(sandbox):
    """play(tasks, check=False, diff=False, creds=sandbox.US) runs a one-play playbook on localhost."""

    def run(tasks, **options):
        return run_playbook(sandbox, tasks, **options)

    return run


def writes(entries):
    return [e for e in entries if e["method"] in ("POST", "PUT", "PATCH", "DELETE") and e["path"].startswith("/api/v2")
            and not e["path"].endswith("/query")]


@pytest.fixture
def site(sandbox):
    """site(*args, inventory="inventories/sandbox") runs playbooks/site.yml against the test sandbox."""

    def run(*args, inventory="inventories/sandbox", env=None, playbook="playbooks/site.yml"):
        command = [os.path.join(os.path.dirname(sys.executable), "ansible-playbook"), "-i", inventory,
                   playbook] + list(args)
        environ = dict(os.environ, ANSIBLE_STDOUT_CALLBACK="results_json", GENESYSCLOUD_API_URL=sandbox.url,
                       ANSIBLE_CALLBACK_PLUGINS=os.path.join(os.path.dirname(__file__), "callback_plugins"),
                       ANSIBLE_NOCOLOR="1", **(env or {}))
        return PlayRun(subprocess.run(command, check=False, capture_output=True, text=True, env=environ, cwd=ROOT,
                                      timeout=600))

    return run

"""`make demo`: start the sandbox, converge both orgs, then prove a check-mode rerun changes nothing."""

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.dirname(sys.executable)


def wait_for(url, seconds=20):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url + "/_sandbox/orgs", timeout=1)
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("the sandbox did not start at " + url)


def playbook(env, *args):
    cmd = [os.path.join(BIN, "ansible-playbook"), "-i", "inventories/sandbox", "playbooks/site.yml", *args]
    print("\n$ " + " ".join(cmd[1:]), flush=True)
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    print(proc.stdout, proc.stderr, sep="", flush=True)
    if proc.returncode:
        raise SystemExit("ansible-playbook failed")
    return proc.stdout


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=8990)
    port = parser.parse_args().port
    url = "http://127.0.0.1:{0}".format(port)
    collections = tempfile.mkdtemp(prefix="cxops-demo-")
    os.makedirs(os.path.join(collections, "ansible_collections", "cxops"))
    os.symlink(ROOT, os.path.join(collections, "ansible_collections", "cxops", "genesys"))
    env = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=collections, GENESYSCLOUD_API_URL=url, ANSIBLE_FORCE_COLOR="0",
               ANSIBLE_CALLBACKS_ENABLED="cxops.genesys.genesys_summary",
               CXOPS_GENESYS_TOKEN_CACHE=os.path.join(collections, "tokens"))
    sandbox = subprocess.Popen([os.path.join(BIN, "genesys-sandbox"), "--port", str(port)])
    try:
        wait_for(url)
        playbook(env)
        rerun = playbook(env, "--check", "--diff")
        changed = [int(n) for n in re.findall(r"changed=(\d+)", rerun)]
        if not changed or any(changed):
            raise SystemExit("the check-mode rerun reported changes: {0}".format(changed))
        print("Demo done: both orgs converged, and the check-mode rerun reports changed=0 for every org.")
    finally:
        sandbox.terminate()
        sandbox.wait(10)


if __name__ == "__main__":
    main()

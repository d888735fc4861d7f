"""Offline stand-in for ansible-test's get-pip bootstrap script (see shared tooling notes).

ansible-test downloads get-pip.py from a server this machine cannot reach, unless a cached
copy exists; this script takes its place: it bootstraps pip with ensurepip, then installs
what ansible-test asked for from the package index.
"""

import subprocess
import sys

DROPPED = ("--no-setuptools", "--no-wheel")

subprocess.check_call([sys.executable, "-m", "ensurepip", "--default-pip"])
subprocess.check_call([sys.executable, "-m", "pip", "install"] + [a for a in sys.argv[1:] if a not in DROPPED])

# -*- coding: utf-8 -*-
# Copyright: (c) 2026, cxops.genesys contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A run reads its own writes. Listings lag behind writes by seconds, so what a run created or
deleted is written down, and every later listing of the same run (another task, another worker
process) is corrected with it: a create shows, a delete is gone, whatever the listing says.

One file per run and org (API URL and client id), readable by its owner only, next to the token
cache; a line per write, appended. Records older than RECENT seconds are past any listing lag and
no longer correct anything, so the listing is believed again.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import hashlib
import json
import os
import time

RECENT = 300  # seconds a record corrects listings: far beyond any listing lag, short enough not to go stale
KEEP = 86400  # seconds an old run's file is kept


class RunJournal:
    def __init__(self, directory, base_url, client_id, run_id):
        key = hashlib.sha256("{0}|{1}".format(base_url, client_id).encode("utf-8")).hexdigest()[:32]
        self.path = os.path.join(directory, "{0}-{1}.jsonl".format(key, run_id))
        try:
            if not os.path.isdir(directory):
                os.makedirs(directory, 0o700)
            self._prune(directory)
        except OSError:
            self.path = None  # a journal that cannot be kept only leaves listings uncorrected, as before

    def record(self, kind, op, obj):
        if not self.path:
            return
        line = json.dumps({"time": time.time(), "kind": kind, "op": op, "object": obj}, sort_keys=True) + "\n"
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            try:
                os.write(fd, line.encode("utf-8"))
            finally:
                os.close(fd)
        except OSError:
            pass

    def recent(self, kind):
        """{id: (op, object)} of this run's recent writes of a kind, the last write of each object winning."""
        out = {}
        try:
            with open(self.path) as handle:
                lines = handle.readlines()
        except (IOError, OSError, TypeError):
            return out
        since = time.time() - RECENT
        for line in lines:
            try:
                entry = json.loads(line)
            except ValueError:
                continue  # a line another process is still writing
            if entry.get("kind") == kind and entry.get("time", 0) >= since:
                out[entry["object"].get("id")] = (entry["op"], entry["object"])
        return out

    @staticmethod
    def _prune(directory):
        cutoff = time.time() - KEEP
        for name in os.listdir(directory):
            path = os.path.join(directory, name)
            try:
                if os.stat(path).st_mtime < cutoff:
                    os.remove(path)
            except OSError:
                pass


def run_id():
    """The controller's run: the worker's parent is the ansible-playbook process, the same for every
    task and fork of a run (its start time tells it from a later process with the same pid)."""
    parent = os.getppid()
    try:
        with open("/proc/{0}/stat".format(parent)) as handle:
            started = handle.read().rsplit(")", 1)[1].split()[19]
    except (IOError, OSError, IndexError):
        started = "0"
    return "{0}-{1}".format(parent, started)

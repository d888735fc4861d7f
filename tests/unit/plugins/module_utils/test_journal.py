"""The run journal: recent writes by kind, the last write of an object winning; never a failure."""

import os

from ansible_collections.cxops.genesys.plugins.module_utils.journal import RunJournal


def test_recent_writes_and_an_unwritable_folder(tmp_path):
    journal = RunJournal(str(tmp_path / "runs"), "https://api.example", "client", "run-1")
    journal.record("queue", "created", {"id": "q1", "name": "A"})
    journal.record("queue", "deleted", {"id": "q1", "name": "A"})
    journal.record("skill", "created", {"id": "s1", "name": "B"})
    assert journal.recent("queue") == {"q1": ("deleted", {"id": "q1", "name": "A"})}
    assert oct(os.stat(journal.path).st_mode & 0o777) == "0o600"
    (tmp_path / "file").write_text("not a folder")
    broken = RunJournal(str(tmp_path / "file" / "runs"), "https://api.example", "client", "run-1")
    broken.record("queue", "created", {"id": "q2"})
    assert broken.recent("queue") == {}

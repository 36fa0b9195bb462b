"""A writer killed while it wrote the chain head or the key slots leaves its temporary file;
the next open removes it when its writer is gone, and leaves a live writer's alone."""

from __future__ import annotations

import os
import subprocess
import sys

from custdesk.core import files
from custdesk.core.audit import head_path
from custdesk.core.desk import Desk
from custdesk.core.store.keyslots import slots_path
from tests.conftest import ADMIN, ADMIN_PW


def _dead_pid() -> int:
    """The pid of a process that has ended (and been reaped)."""
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_open_removes_what_killed_writers_left_and_nothing_else(db_path):
    dead = _dead_pid()
    head, keys = head_path(db_path), slots_path(db_path)
    stale = [head.with_name(f".{head.name}.{dead}.k3j4l5.part"),
             keys.with_name(f".{keys.name}.{dead}.x9y8z7.part"),
             head.with_name(f"{head.name}.{dead}.ab12.tmp")]       # older custdesk's name
    live = head.with_name(f".{head.name}.{os.getppid()}.q1w2e3.part")   # our parent runs
    mine = head.with_name(f".{head.name}.{os.getpid()}.r4t5y6.part")
    others = [db_path.with_name("notes.txt"), db_path.with_name(f".{head.name}.x.part")]
    for file in [*stale, live, mine, *others]:
        file.write_bytes(b"{\"half\": ")
    with Desk.open(db_path, ADMIN, ADMIN_PW) as desk:
        assert desk.audit.verify().ok
    assert not any(f.exists() for f in stale)
    assert live.exists() and mine.exists() and all(f.exists() for f in others)


def test_the_temporary_name_carries_the_writer_pid(tmp_path, monkeypatch):
    seen = []
    real_replace = os.replace

    def spy(src, dst):
        seen.append(os.path.basename(src))
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    files.write_atomic(tmp_path / "x.audit-head", "{}")
    assert seen and seen[0].startswith(f".x.audit-head.{os.getpid()}.")
    assert seen[0].endswith(".part")

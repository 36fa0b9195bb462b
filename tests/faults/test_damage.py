"""A damaged or unusable file: a flipped byte, a truncated file, a -wal deleted after a
crash, a read-only folder, a full disk. Each is met with a clear message (one line from
the command line, no traceback) and nothing saved before is lost.

The read-only folder and the full disk are real where the machine allows it: a small
tmpfs mounted for the test (remounted read-only for the first). Elsewhere the same
refusals are injected where custdesk writes.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from custdesk.core import backup, integrity
from custdesk.core.desk import Desk
from custdesk.core.errors import StoreError
from custdesk.core.restore import restore
from custdesk.core.store import connection

from .helpers import (ADMIN, CLI_MAIN, PASSWORD, ROOT, WORKER, companions, launch,
                      new_database, read_line, reap)

CLI_ENV = {"CUSTDESK_PASSWORD": PASSWORD, "CUSTDESK_USER": ADMIN, "QT_QPA_PLATFORM": "offscreen"}


def cli(path: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(CLI_MAIN), "--db", str(path), *args],
                          capture_output=True, text=True, timeout=120, cwd=ROOT,
                          env={**os.environ, **CLI_ENV, **(env or {})})


def assert_clear(done: subprocess.CompletedProcess, *words: str) -> None:
    """Refused with exit 1 and one plain message (no traceback) holding ``words``."""
    assert done.returncode == 1, (done.returncode, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr, done.stderr
    assert done.stderr.startswith("custdesk: "), done.stderr
    for word in words:
        assert word in done.stderr, (word, done.stderr)


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    """Backups' notes and the default backup folder inside the test's folder, here and in
    the subprocesses."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    folder = tmp_path / "xdg" / "custdesk"           # what platformdirs makes of it
    from custdesk import paths
    monkeypatch.setattr(paths, "data_dir", lambda: folder)
    return folder


def filled(folder: Path, count: int = 40) -> tuple[Path, list[str], backup.BackupSet]:
    """A database with ``count`` customers, a backup of it, everything checkpointed."""
    path = new_database(folder)
    with Desk.open(path, ADMIN, PASSWORD) as desk:
        codes = [desk.customers.add({"kind": "individual", "name": f"客户{i}",
                                     "notes": "往来" * 40}).code for i in range(count)]
        backup.configure(desk, folder=folder / "bk")
        made = backup.make_backup(desk)
        desk.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path, codes, made


def names(path: Path) -> list[str]:
    with Desk.open(path, ADMIN, PASSWORD, daily_check=False) as desk:
        return [r[0] for r in desk.db.execute("SELECT name FROM customers ORDER BY created_at, code")]


# -- a flipped byte -------------------------------------------------------------------------------
def test_a_flipped_byte_is_named_at_open_in_the_window_and_by_check(tmp_path):
    path, codes, made = filled(tmp_path)
    data = bytearray(path.read_bytes())
    middle = len(data) // 4096 // 2 * 4096 + 1000          # inside a page in the middle
    data[middle] ^= 0x10
    path.write_bytes(data)

    # The command line: refused at login, naming the newest good backup and how to restore.
    done = cli(path, "customer", "list")
    assert_clear(done, "已损坏", str(made.database), "custdesk restore")
    done = cli(path, "--lang", "en", "check")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "is damaged" in done.stdout + done.stderr

    # The window opens first and checks in the background: the check finds it (or the
    # login's own write does, when it touches the damaged page), and no write goes on.
    try:
        desk = Desk.open(path, ADMIN, PASSWORD, daily_check=False, quick_check=False)
    except integrity.DatabaseDamaged as exc:
        assert exc.backup == made.database
    else:
        try:
            with pytest.raises(integrity.DatabaseDamaged) as info:
                desk.open_check()
            assert info.value.backup == made.database
            with pytest.raises(integrity.DatabaseDamaged):
                desk.customers.add({"kind": "individual", "name": "不应写入"})
        finally:
            desk.close()
    # A start of the window (smoke) on it fails with the message, not a crash.
    done = cli(path, "--user", ADMIN, "--smoke")
    assert done.returncode in (1, 3), (done.stdout, done.stderr)     # 3: at the login
    assert "已损坏" in done.stderr and "Traceback" not in done.stderr

    # Nothing lost: the named backup brings every file back; the damaged file is kept aside.
    result = restore(path, made.database, user=ADMIN, password=PASSWORD)
    assert names(path) == [f"客户{i}" for i in range(len(codes))]
    assert result.set_aside and all(p.exists() for p in result.set_aside)
    with Desk.open(path, ADMIN, PASSWORD) as desk:
        assert integrity.check(desk) == []


# -- a truncated file -----------------------------------------------------------------------------
def test_a_truncated_file_is_damage_with_the_backup_named(tmp_path):
    path, codes, made = filled(tmp_path)
    size = path.stat().st_size
    with open(path, "r+b") as fh:
        fh.truncate(size // 4096 * 4096 * 6 // 10)          # 60 % of the pages left
    done = cli(path, "customer", "list")
    assert_clear(done, "已损坏", str(made.database))
    with pytest.raises(integrity.DatabaseDamaged):
        Desk.open(path, ADMIN, PASSWORD)
    restore(path, made.database, user=ADMIN, password=PASSWORD)
    assert len(names(path)) == len(codes)


# -- the -wal deleted after a crash ---------------------------------------------------------------
def test_a_wal_deleted_after_a_crash_is_found_and_named(tmp_path):
    path = new_database(tmp_path)
    with Desk.open(path, ADMIN, PASSWORD) as desk:
        early = [desk.customers.add({"kind": "individual", "name": f"早期客户{i}"}).code
                 for i in range(5)]
        desk.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    log = tmp_path / "worker.log"
    # Killed inside its third step's transaction, two steps committed (in the -wal).
    proc = launch(WORKER, [path, ADMIN, "churn", 4, "wal-", "pause"], log)
    try:
        assert read_line(proc, 60, log) == "ready"
        assert read_line(proc, 300, log) == "middle"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        reap(proc)
    wal = Path(str(path) + "-wal")
    assert wal.stat().st_size > 0, "the crash left no committed work in the -wal"
    wal.unlink()

    # The file itself is whole (as of its last checkpoint) and opens ...
    with Desk.open(path, ADMIN, PASSWORD, daily_check=False) as desk:
        assert [r[0] for r in desk.db.execute("SELECT code FROM customers ORDER BY created_at, code")][:5] \
            == early
        assert desk.db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        # ... but the work lost with the -wal is not passed over in silence: the chain head
        # kept outside says how far the log went, and this session will not move it.
        assert not desk.head_trusted
        result = desk.audit.verify()
        assert not result.ok and result.problem == "truncated"
    done = cli(path, "--lang", "en", "check")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "cut after entry" in done.stdout + done.stderr


# -- a read-only folder and a full disk: a small file system where the machine allows it ---------
@contextlib.contextmanager
def small_filesystem(folder: Path, kib: int):
    """A tmpfs of ``kib`` KiB mounted at ``folder``; None when mounting is not allowed."""
    folder.mkdir(parents=True, exist_ok=True)
    try:
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={kib}k", "tmpfs",
                               str(folder)], capture_output=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        done = None
    if done is None or done.returncode != 0:
        yield None
        return
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, timeout=30)


def remount(folder: Path, options: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{options}", str(folder)], check=True, timeout=30)


def copy_into(path: Path, folder: Path) -> Path:
    for file in companions(path):
        if not file.name.endswith(".lock"):
            (folder / file.name).write_bytes(file.read_bytes())
    return folder / path.name


def test_a_read_only_folder_is_said_plainly_and_changes_nothing(tmp_path, monkeypatch):
    path, codes, made = filled(tmp_path)
    with small_filesystem(tmp_path / "ro", 8192) as mounted:
        if mounted is not None:
            target = copy_into(path, mounted)
            before = {p.name: p.read_bytes() for p in companions(target)}
            remount(mounted, "ro")
            # Not "damaged" (whose cure, restoring a backup over it, would lose work).
            done = cli(target, "customer", "list")
            assert_clear(done, "无法打开数据库", "只读")
            assert "已损坏" not in done.stderr
            done = cli(target, "--lang", "en", "customer", "add", "--kind", "individual",
                       "--name", "李四")
            assert_clear(done, "read-only")
            # A backup into a read-only folder: refused plainly, nothing half made.
            done = cli(path, "backup", "--to", str(mounted / "bk"))
            assert_clear(done, "无法在", "Read-only")
            assert {p.name: p.read_bytes() for p in companions(target)} == before
            remount(mounted, "rw")
            assert names(target) == names(path)
            return
    # Elsewhere: SQLite's answer for a folder it may not write, injected at the connection.
    real = connection.sqlcipher3.connect

    def cannot_open(*args, **kwargs):
        conn = real(*args, **kwargs)
        conn.close()
        error = connection.OperationalError("unable to open database file")
        error.sqlite_errorname = "SQLITE_CANTOPEN"
        raise error

    monkeypatch.setattr(connection.sqlcipher3, "connect", cannot_open)
    with pytest.raises(connection.FileRefused, match="无法打开数据库"):
        Desk.open(path, ADMIN, PASSWORD)
    monkeypatch.setattr(connection.sqlcipher3, "connect", real)
    assert len(names(path)) == len(codes)


def test_a_full_disk_is_said_plainly_and_loses_nothing(tmp_path, monkeypatch):
    with small_filesystem(tmp_path / "small", 1024) as mounted:
        if mounted is not None:
            path = new_database(mounted)
            saved, message = [], None
            with Desk.open(path, ADMIN, PASSWORD) as desk:
                for i in range(10_000):
                    try:
                        saved.append(desk.customers.add({"kind": "individual",
                                                         "name": f"客户{i}",
                                                         "notes": "往来记录" * 300}).code)
                    except StoreError as exc:
                        message = str(exc)
                        break
            assert message is not None, "the disk never filled"
            assert "磁盘已满" in message and "没有写入任何内容" in message
            done = cli(path, "customer", "add", "--kind", "individual", "--name", "王五")
            assert_clear(done, "磁盘已满")
            # A backup onto the full disk: refused plainly, no partial set left.
            done = cli(path, "backup", "--to", str(mounted / "bk"))
            assert_clear(done, "无法在")
            left = list((mounted / "bk").iterdir()) if (mounted / "bk").exists() else []
            assert left == [], left
            remount(mounted, "size=65536k")           # space again: everything saved is there
            with Desk.open(path, ADMIN, PASSWORD) as desk:
                assert integrity.check(desk) == []
                assert [r[0] for r in desk.db.execute(
                    "SELECT code FROM customers ORDER BY created_at, code")] == saved
            return
    # Elsewhere: SQLite's own limit on the file's size gives the same SQLITE_FULL.
    path = new_database(tmp_path)
    with Desk.open(path, ADMIN, PASSWORD) as desk:
        pages = desk.db.execute("PRAGMA page_count").fetchone()[0]
        desk.db.execute(f"PRAGMA max_page_count = {pages + 40}")
        saved = []
        with pytest.raises(connection.FileRefused, match="磁盘已满"):
            for i in range(10_000):
                saved.append(desk.customers.add({"kind": "individual", "name": f"客户{i}",
                                                 "notes": "往来记录" * 300}).code)
        assert [r[0] for r in desk.db.execute("SELECT code FROM customers ORDER BY created_at, code")] == saved
        assert desk.audit.verify().ok


def test_plain_sqlite_reads_nothing_of_a_damaged_copy(tmp_path):
    """Damage never turns into plain text: a truncated copy is as unreadable as the file."""
    path, _codes, _made = filled(tmp_path, 5)
    copy = tmp_path / "copy.db"
    copy.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    plain = sqlite3.connect(copy)
    try:
        with pytest.raises(sqlite3.DatabaseError):
            plain.execute("SELECT count(*) FROM sqlite_master").fetchall()
    finally:
        plain.close()
    assert "客户" not in copy.read_bytes().decode("utf-8", errors="ignore")

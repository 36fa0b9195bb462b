"""Two processes on one database; ten wrong passwords.

- Two processes adding customers, or appending to one file's notes (read and write in
  one transaction), at the same time: no customer and no append is lost, no code is
  given twice.
- A second process that wants to write while the first holds its write transaction
  waits for it (serialised) or, past the wait, is refused with a plain message — and
  no update of either is lost.
- Ten wrong passwords from the command line: each refused (exit 3), the back-off from
  the fourth on (even the right password waits), and nothing of the files readable
  without the key.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from custdesk.core import integrity
from custdesk.core.desk import Desk
from custdesk.core.errors import StoreError
from custdesk.core.store import connection

from .helpers import (ADMIN, CLI_MAIN, FINISH, PASSWORD, READY, ROOT, WORKER, check_whole,
                      companions, launch, new_database, read_line, reap, rows)

pytestmark = pytest.mark.slow


def codes_and_names(path: Path) -> list[tuple[str, str]]:
    with Desk.open(path, ADMIN, PASSWORD, daily_check=False) as desk:
        return desk.db.execute("SELECT code, name FROM customers ORDER BY created_at, code").fetchall()


def test_a_second_writer_is_refused_then_serialised_and_nothing_is_lost(tmp_path, monkeypatch):
    path = new_database(tmp_path)
    log = tmp_path / "worker.log"
    holder = launch(WORKER, [path, ADMIN, "hold", "第一进程客户"], log)
    try:
        assert read_line(holder, 60, log) == "ready"
        assert read_line(holder, 60, log) == "holding"     # its write transaction is open

        # Refused: this process waits a short while only, then says so plainly.
        monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 300)
        with pytest.raises(StoreError, match="另一程序"):
            Desk.open(path, ADMIN, PASSWORD, daily_check=False)   # the login is a write

        # Serialised: with the usual wait, a write started now goes through as soon as
        # the first process commits.
        monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 30_000)
        done: dict = {}

        def second():
            try:
                with Desk.open(path, ADMIN, PASSWORD, daily_check=False) as other:
                    done["code"] = other.customers.add({"kind": "individual",
                                                        "name": "第二进程客户"}).code
            except BaseException as exc:  # noqa: BLE001 - reported below
                done["error"] = exc

        thread = threading.Thread(target=second)
        thread.start()
        time.sleep(0.5)
        assert thread.is_alive(), done          # waiting for the first process's commit
        holder.stdin.write("commit\n")
        holder.stdin.flush()
        assert read_line(holder, 60, log) == "done"
        thread.join(60)
        assert "error" not in done, done.get("error")
    finally:
        reap(holder)

    # Both updates are there, in the order they committed; the log is whole.
    assert [name for _code, name in codes_and_names(path)] == ["第一进程客户", "第二进程客户"]
    with Desk.open(path, ADMIN, PASSWORD) as desk:
        assert integrity.check(desk) == []
        adds = desk.db.execute("SELECT object FROM audit_log WHERE action = 'customer.add' "
                               "ORDER BY seq").fetchall()
        assert adds == [(code,) for code, _name in codes_and_names(path)]


def run_together(path: Path, tmp_path: Path, jobs: list[tuple]) -> None:
    """Start one worker per job, let them open, say 'go' to all at once, wait for all."""
    procs, logs = [], []
    try:
        for i, (mode, *args) in enumerate(jobs):
            logs.append(tmp_path / f"worker{i}.log")
            procs.append(launch(WORKER, [path, ADMIN, mode, *args], logs[-1]))
        for proc, log in zip(procs, logs):
            assert read_line(proc, READY, log) == "ready"
        for proc in procs:
            proc.stdin.write("go\n")
            proc.stdin.flush()
        for proc, log in zip(procs, logs):
            assert read_line(proc, FINISH, log) == "done"
        for proc, log in zip(procs, logs):
            assert proc.wait(timeout=30) == 0, log.read_text("utf-8")
    finally:
        for proc in procs:
            reap(proc)


def test_two_writers_lose_no_customer(tmp_path):
    path = new_database(tmp_path)
    m = 40
    run_together(path, tmp_path, [("add", m, "甲"), ("add", m, "乙")])
    with Desk.open(path, ADMIN, PASSWORD) as desk:
        names = [r[0] for r in rows(desk, "SELECT name FROM customers")]
        codes = [r[0] for r in rows(desk, "SELECT code FROM customers")]
        assert len(names) == 2 * m
        assert sorted(names) == sorted([f"客户甲{i}" for i in range(1, m + 1)]
                                       + [f"客户乙{i}" for i in range(1, m + 1)])
        assert len(set(codes)) == 2 * m                   # no code given twice
        assert check_whole(desk)["customers"] == 2 * m


def test_two_writers_read_modify_write_serialise(tmp_path):
    path = new_database(tmp_path)
    with Desk.open(path, ADMIN, PASSWORD) as desk:
        code = desk.customers.add({"kind": "individual", "name": "客户共用"}).code
    n = 30
    run_together(path, tmp_path, [("notes", n, code, "A"), ("notes", n, code, "B")])
    with Desk.open(path, ADMIN, PASSWORD) as desk:
        lines = rows(desk, "SELECT notes FROM customers WHERE code = ?", [code])[0][0].splitlines()
        assert len(lines) == 2 * n, "an append was lost: two writers were inside at once"
        assert sorted(lines) == sorted([f"A-{i}" for i in range(1, n + 1)]
                                       + [f"B-{i}" for i in range(1, n + 1)])
        # Each worker's own appends keep their order.
        for tag in "AB":
            mine = [line for line in lines if line.startswith(tag + "-")]
            assert mine == [f"{tag}-{i}" for i in range(1, n + 1)]
        assert len(rows(desk, "SELECT seq FROM audit_log WHERE action = 'customer.edit' "
                              "AND object = ?", [code])) == 2 * n
        result = desk.audit.verify()
        assert result.ok, result.message


SECRETS = ("王秘密", "wangmimi", "11010519491231002X", "13912345678", "抵押房产在幸福路88号")


def test_ten_wrong_passwords_back_off_and_nothing_is_readable(tmp_path):
    path = new_database(tmp_path)
    with Desk.open(path, ADMIN, PASSWORD) as desk:
        desk.customers.add({"kind": "individual", "name": SECRETS[0], "id_number": SECRETS[2],
                            "phone": SECRETS[3], "notes": SECRETS[4]})

    def attempt(password: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, str(CLI_MAIN), "--db", str(path), "--user",
                               ADMIN, "customer", "list", "--json"], capture_output=True,
                              text=True, timeout=60, cwd=ROOT,
                              env={"PATH": "/usr/bin:/bin", "CUSTDESK_PASSWORD": password,
                                   "CUSTDESK_LANG": "en", "HOME": str(tmp_path)})

    waited = 0
    for n in range(1, 11):
        done = attempt(f"wrong-{n}")
        assert done.returncode == 3, (n, done.stdout, done.stderr)
        assert done.stdout == "" and "Traceback" not in done.stderr
        assert SECRETS[0] not in done.stderr
        waited += "wait" in done.stderr.lower() or "try again" in done.stderr.lower()
    # From the fourth attempt on the user is made to wait: those were not even tried.
    assert waited >= 6, waited
    # Even the right password waits out the back-off ...
    done = attempt(PASSWORD)
    assert done.returncode == 3 and done.stdout == "", done
    # ... and nothing of the files can be read without the key.
    for file in companions(path):
        data = file.read_bytes()
        for secret in SECRETS:
            for encoding in ("utf-8", "utf-16-le", "gb18030"):
                assert secret.encode(encoding) not in data, (file.name, secret)
    plain = sqlite3.connect(path)
    try:
        with pytest.raises(sqlite3.DatabaseError):
            plain.execute("SELECT * FROM customers").fetchall()
    finally:
        plain.close()

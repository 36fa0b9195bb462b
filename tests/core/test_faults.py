"""Faults: a writer killed with SIGKILL, two writers at once, wrong passwords.

The crash and concurrency tests run ``fault_worker.py`` (beside this file) in
subprocesses; every subprocess is killed and reaped in a ``finally``.

CUSTDESK_FAULT_ROUNDS sets the number of kill -9 rounds (default 20).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import random
import selectors
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from custdesk.core import clock
from custdesk.core.desk import BACKOFF_MAX, FREE_ATTEMPTS, Desk, backoff_seconds
from custdesk.core.errors import AuthenticationFailed, LoginThrottled, StoreError
from custdesk.core.store import connection
from custdesk.core.store.keyslots import KeySlots, slots_path

WORKER = Path(__file__).with_name("fault_worker.py")
ADMIN, PASSWORD = "boss", "boss-password-1"
ROUNDS = int(os.environ.get("CUSTDESK_FAULT_ROUNDS", "20"))
READY_TIMEOUT = 60.0     # seconds for a worker to open the desk
FINISH_TIMEOUT = 120.0   # seconds for a worker to finish its writes


# -- helpers -------------------------------------------------------------------------------
@pytest.fixture
def fixed_clock():
    """Freeze the clock at a known moment; ``move(seconds)`` sets it relative to that
    moment. The real clock is back afterwards whatever happens."""
    start = dt.datetime(2030, 3, 1, 9, 0, 0, tzinfo=dt.timezone.utc)

    def move(seconds: float) -> dt.datetime:
        moment = start + dt.timedelta(seconds=seconds)
        clock.set_fixed(moment)
        return moment

    move(0)
    try:
        yield move
    finally:
        clock.set_fixed(None)


def new_database(folder: Path) -> Path:
    path = folder / "faults.db"
    desk, _recovery = Desk.create(path, ADMIN, PASSWORD, firm="故障测试有限公司")
    desk.close()
    return path


def start_worker(path: Path, mode: str, *args: str, log: Path) -> subprocess.Popen:
    env = {**os.environ, "CUSTDESK_PASSWORD": PASSWORD, "PYTHONUNBUFFERED": "1"}
    with open(log, "ab") as err:
        return subprocess.Popen(
            [sys.executable, str(WORKER), str(path), ADMIN, mode, *args],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=err, env=env,
            cwd=str(path.parent), text=True, encoding="utf-8")


def read_line(proc: subprocess.Popen, timeout: float, log: Path) -> str:
    """One line from the worker's stdout, or fail (with its stderr) on EOF or timeout."""
    with selectors.DefaultSelector() as sel:
        sel.register(proc.stdout, selectors.EVENT_READ)
        if not sel.select(timeout):
            pytest.fail(f"worker {proc.pid} said nothing for {timeout} s\n{log.read_text('utf-8')}")
    line = proc.stdout.readline()
    if not line:
        proc.wait(timeout=10)
        pytest.fail(f"worker {proc.pid} ended (status {proc.returncode}) before writing a line:\n"
                    f"{log.read_text('utf-8')}")
    return line.strip()


def stop(procs: list[subprocess.Popen]) -> None:
    """Kill and reap whatever is still running; close the pipes."""
    for proc in procs:
        if proc.poll() is None:
            proc.kill()
    for proc in procs:
        try:
            proc.wait(timeout=30)
        finally:
            for stream in (proc.stdin, proc.stdout):
                if stream is not None:
                    try:
                        stream.close()
                    except OSError:
                        pass


def rows(desk: Desk, sql: str, params=()) -> list[tuple]:
    return desk.db.execute(sql, list(params)).fetchall()


def check_whole(desk: Desk) -> dict:
    """Everything that must hold of a database after any crash; returns some counts."""
    assert rows(desk, "PRAGMA integrity_check") == [("ok",)]
    assert rows(desk, "PRAGMA foreign_key_check") == []
    result = desk.audit.verify()
    assert result.ok, result.message

    # Each customer came with exactly one customer.add entry, and no entry without a customer.
    codes = [r[0] for r in rows(desk, "SELECT code FROM customers")]
    added = dict(rows(desk, "SELECT object, count(*) FROM audit_log "
                            "WHERE action = 'customer.add' GROUP BY object"))
    assert sorted(added) == sorted(codes), "customers and customer.add entries differ"
    assert set(added.values()) <= {1}, {k: n for k, n in added.items() if n != 1}
    # ... and with its detail row and its search grams (same transaction).
    assert rows(desk, "SELECT c.code FROM customers c LEFT JOIN individuals i "
                      "ON i.customer_id = c.id WHERE c.kind = 'individual' "
                      "AND i.customer_id IS NULL") == [], "a customer lacks its detail row"
    assert rows(desk, "SELECT code FROM customers WHERE id NOT IN "
                      "(SELECT customer_id FROM name_grams)") == [], "a customer lacks its grams"

    # Each record row has its record.add entry, and each entry its row (nothing is deleted).
    record_entries = {r[0] for r in rows(desk, "SELECT object FROM audit_log "
                                               "WHERE action = 'record.add'")}
    records = 0
    for kind in ("transactions", "communications"):
        ids = {f"{kind}#{r[0]}" for r in rows(desk, f"SELECT id FROM {kind}")}
        entries = {e for e in record_entries if e.startswith(kind + "#")}
        assert ids == entries, f"{kind}: rows without entry {sorted(ids - entries)[:5]}, " \
                               f"entries without row {sorted(entries - ids)[:5]}"
        records += len(ids)

    # An edit is whole too: each file's notes are what its latest edit entry says.
    latest: dict[str, str] = {}
    for obj, summary in rows(desk, "SELECT object, summary FROM audit_log "
                                   "WHERE action = 'customer.edit' ORDER BY seq"):
        change = json.loads(summary).get("notes")
        if change is not None:
            latest[obj] = change["after"]
    notes = dict(rows(desk, "SELECT code, notes FROM customers"))
    for code, after in latest.items():
        assert notes[code] == after, f"{code}: notes {notes[code]!r}, last logged edit {after!r}"
    assert all(value in ("", None) for code, value in notes.items() if code not in latest)

    return {"customers": len(codes), "records": records, "audit": result.count,
            "edits": len(latest)}


# -- 1. kill -9 in the middle of writes ----------------------------------------------------
@pytest.mark.slow
def test_kill_9_while_writing_leaves_whole_transactions(tmp_path):
    path = new_database(tmp_path)
    log = tmp_path / "worker.log"
    rng = random.Random(20240501)
    before = {"customers": 0, "records": 0, "audit": 0}
    progressed = 0
    for round_no in range(ROUNDS):
        proc = start_worker(path, "churn", f"{round_no}-", log=log)
        try:
            assert read_line(proc, READY_TIMEOUT, log) == "ready"
            delay = rng.uniform(0.05, 0.6)
            try:
                proc.wait(timeout=delay)
            except subprocess.TimeoutExpired:
                pass
            assert proc.poll() is None, \
                f"round {round_no}: the worker stopped on its own:\n{log.read_text('utf-8')}"
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)
            assert proc.returncode == -signal.SIGKILL
        finally:
            stop([proc])

        with Desk.open(path, ADMIN, PASSWORD) as desk:
            counts = check_whole(desk)
        for key in before:  # nothing committed is ever lost
            assert counts[key] >= before[key], (round_no, key, before[key], counts[key])
        progressed += counts["customers"] > before["customers"]
        before = counts

    # The worker really was writing when it was killed, round after round.
    assert before["customers"] > 0 and before["records"] > 0
    assert progressed >= ROUNDS // 2, f"only {progressed} of {ROUNDS} rounds wrote anything"


# -- 2. two processes, one database --------------------------------------------------------
def run_together(path: Path, tmp_path: Path, jobs: list[tuple]) -> None:
    """Start one worker per job, let them open, say 'go' to all at once, wait for all."""
    procs, logs = [], []
    try:
        for i, (mode, *args) in enumerate(jobs):
            logs.append(tmp_path / f"worker{i}.log")
            procs.append(start_worker(path, mode, *map(str, args), log=logs[-1]))
        for proc, log in zip(procs, logs):
            assert read_line(proc, READY_TIMEOUT, log) == "ready"
        for proc in procs:
            proc.stdin.write("go\n")
            proc.stdin.flush()
        for proc, log in zip(procs, logs):
            assert read_line(proc, FINISH_TIMEOUT, log) == "done"
        for proc, log in zip(procs, logs):
            assert proc.wait(timeout=30) == 0, log.read_text("utf-8")
    finally:
        stop(procs)


@pytest.mark.slow
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
        counts = check_whole(desk)
        assert counts["customers"] == 2 * m


@pytest.mark.slow
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


# -- 3. a wrong password reads nothing -----------------------------------------------------
SECRET_NAME = "张三丰"
SECRET_PINYIN = "zhangsanfeng"
SECRET_ID = "11010519491231002X"
SECRET_PHONE = "13912345678"
SECRET_NOTE = "抵押房产位于朝阳区幸福路88号"


def companion_files(path: Path) -> list[Path]:
    return sorted(p for p in path.parent.iterdir() if p.name.startswith(path.name))


def assert_no_plaintext(path: Path) -> list[str]:
    files = companion_files(path)
    names = [p.name[len(path.name):] or "(db)" for p in files]
    assert "(db)" in names and ".keys" in names
    needles = [s.encode("utf-8") for s in (SECRET_NAME, SECRET_PINYIN, SECRET_ID,
                                            SECRET_ID.lower(), SECRET_PHONE, SECRET_NOTE)]
    needles.append(SECRET_NAME.encode("utf-16-le"))
    needles.append(SECRET_NAME.encode("gb18030"))
    for file in files:
        data = file.read_bytes()
        for needle in needles:
            assert needle not in data, f"{file.name} holds {needle!r} in the clear"
    return names


def test_wrong_password_reads_nothing(tmp_path):
    path = new_database(tmp_path)
    with Desk.open(path, ADMIN, PASSWORD) as desk:
        code = desk.customers.add({"kind": "individual", "name": SECRET_NAME,
                                   "id_number": SECRET_ID, "phone": SECRET_PHONE,
                                   "notes": SECRET_NOTE}).code
        desk.records.add(code, "communications", {"occurred_on": "2024-05-02",
                                                  "summary": f"{SECRET_NAME}来电"})
        # While the desk is open the newest pages sit in the WAL: check it as it is.
        names = assert_no_plaintext(path)
        assert "-wal" in names, names

        with pytest.raises(AuthenticationFailed) as info:
            Desk.open(path, ADMIN, "not-the-password")
        assert type(info.value) is AuthenticationFailed
        with pytest.raises(AuthenticationFailed):
            Desk.open(path, "nobody", PASSWORD)

        # Checkpoint everything into the main file, then look again.
        assert rows(desk, "PRAGMA wal_checkpoint(TRUNCATE)")[0][0] == 0
    assert_no_plaintext(path)

    # The plain sqlite3 module sees no database at all.
    plain = sqlite3.connect(path)
    try:
        with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
            plain.execute("SELECT count(*) FROM sqlite_master").fetchall()
    finally:
        plain.close()
    # Nor does SQLCipher with some other key.
    with pytest.raises(StoreError):
        connection.connect(path, os.urandom(32))

    # The right password still opens it and the data is there.
    with Desk.open(path, ADMIN, PASSWORD) as desk:
        full = desk.customers.get(code, reveal=["id_number"], reason="核对")
        assert full["name"] == SECRET_NAME and full["id_number"] == SECRET_ID
        assert desk.audit.verify().ok


# -- 4. repeated wrong passwords: back-off ------------------------------------------------
def test_wrong_passwords_back_off(tmp_path, monkeypatch, fixed_clock):
    path = new_database(tmp_path)
    tries: list[str] = []
    real_unlock = KeySlots.unlock_personal

    def counting_unlock(self, user, password):
        tries.append(password)
        return real_unlock(self, user, password)

    monkeypatch.setattr(KeySlots, "unlock_personal", counting_unlock)

    def attempt(password: str):
        """Log in; return the error, or None after a successful login (closed again)."""
        try:
            Desk.open(path, ADMIN, password).close()
        except AuthenticationFailed as exc:
            return exc
        return None

    failures_at: list[str] = []
    now = 0.0
    for failure in range(1, 11):          # ten wrong passwords, each when allowed
        fixed_clock(now)
        tried = len(tries)
        exc = attempt(f"wrong-password-{failure}")
        assert type(exc) is AuthenticationFailed, (failure, exc)
        assert len(tries) == tried + 1
        failures_at.append(clock.timestamp())
        wait = backoff_seconds(failure)
        assert KeySlots.load(path).failures(ADMIN)["count"] == failure
        if failure < FREE_ATTEMPTS:
            assert wait == 0
            now += 1
            continue
        # Throttled now: neither a wrong nor the right password is even tried.
        assert wait == min(5 * 2 ** (failure - FREE_ATTEMPTS), BACKOFF_MAX)
        for later, password in ((0.5, "wrong-again"), (wait - 0.5, PASSWORD)):
            fixed_clock(now + later)
            tried = len(tries)
            exc = attempt(password)
            assert isinstance(exc, LoginThrottled), (failure, later, exc)
            assert exc.seconds == math.ceil(wait - later)
            assert len(tries) == tried, "a throttled login tried the password"
            assert KeySlots.load(path).failures(ADMIN)["count"] == failure
        now += wait + 0.5
    assert backoff_seconds(10) == BACKOFF_MAX

    # Past the last wait, the right password works and the failures are in the log.
    fixed_clock(now)
    with Desk.open(path, ADMIN, PASSWORD) as desk:
        slots = KeySlots.load(path)
        assert slots.failures(ADMIN)["count"] == 0
        assert slots.data["pending_failures"] == []
        logged = rows(desk, "SELECT user, object, summary FROM audit_log "
                            "WHERE action = 'login.failed' ORDER BY seq")
        assert [(u, o) for u, o, _ in logged] == [(ADMIN, ADMIN)] * 10
        assert [json.loads(s)["at"] for _, _, s in logged] == failures_at
        last_login = rows(desk, "SELECT action, object FROM audit_log ORDER BY seq DESC LIMIT 1")
        assert last_login == [("login", ADMIN)]
        assert desk.audit.verify().ok
    # Logged once only: the next login adds no login.failed entry.
    with Desk.open(path, ADMIN, PASSWORD) as desk:
        assert len(rows(desk, "SELECT seq FROM audit_log WHERE action = 'login.failed'")) == 10
    assert slots_path(path).exists()

"""Faults in one process: a wrong password reads nothing; repeated wrong passwords back off.

(kill -9 during writes, imports and backups, and two processes at once, are in
tests/faults: test_kill.py and test_processes.py, with the one worker they start.)
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import sqlite3
from pathlib import Path

import pytest

from custdesk.core import clock
from custdesk.core.desk import BACKOFF_MAX, FREE_ATTEMPTS, Desk, backoff_seconds
from custdesk.core.errors import AuthenticationFailed, LoginThrottled, StoreError
from custdesk.core.store import connection
from custdesk.core.store.keyslots import KeySlots, slots_path

ADMIN, PASSWORD = "boss", "boss-password-1"


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


def rows(desk: Desk, sql: str, params=()) -> list[tuple]:
    return desk.db.execute(sql, list(params)).fetchall()


# -- a wrong password reads nothing -----------------------------------------------------
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


# -- repeated wrong passwords: back-off ------------------------------------------------
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

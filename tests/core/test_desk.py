"""Opening, passwords, recovery, users, and what the file on disk gives away."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from custdesk.core import clock
from custdesk.core.desk import Desk, backoff_seconds
from custdesk.core.errors import (AccessDenied, AuthenticationFailed, LoginThrottled, StoreError,
                                  ValidationError)
from custdesk.core.store.keyslots import KeySlots, parse_recovery_key
from tests.conftest import ADMIN, ADMIN_PW

ID = "11010519491231002X"


def test_create_refuses_an_existing_file(db_path):
    with pytest.raises(StoreError, match="已存在"):
        Desk.create(db_path, "other", "other-password")


def test_create_rejects_weak_passwords_and_leaves_nothing(tmp_path):
    with pytest.raises(ValidationError):
        Desk.create(tmp_path / "x.db", "admin", "short")
    assert list(tmp_path.iterdir()) == []


def test_nothing_readable_without_the_password(desk, db_path):
    desk.customers.add({"kind": "individual", "name": "机密张三", "id_number": ID})
    desk.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    desk.close()
    for suffix in ("", "-wal", ".keys", ".audit-head"):
        path = db_path.parent / (db_path.name + suffix)
        if path.exists():
            data = path.read_bytes()
            assert "机密张三".encode() not in data and ID.encode() not in data, suffix
    assert not db_path.read_bytes().startswith(b"SQLite format 3")
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(db_path).execute("SELECT * FROM sqlite_master").fetchall()
    with pytest.raises(AuthenticationFailed):
        Desk.open(db_path, ADMIN, "wrong-password")


def test_unknown_user_fails_like_a_wrong_password(db_path):
    with pytest.raises(AuthenticationFailed) as err:
        Desk.open(db_path, "nobody", ADMIN_PW)
    assert type(err.value) is AuthenticationFailed


def test_backoff_grows_and_is_capped():
    assert [backoff_seconds(n) for n in range(3)] == [0, 0, 0]
    assert backoff_seconds(3) == 5 and backoff_seconds(4) == 10
    assert backoff_seconds(50) == 300


def test_password_change_rewraps_the_slot(open_as, db_target):
    clerk = open_as("clerk")
    clerk.users.set_password("clerk", "a-new-clerk-password")
    with pytest.raises(AccessDenied):
        clerk.users.set_password("boss", "stolen-password!")
    clerk.close()
    with pytest.raises(AuthenticationFailed):
        Desk.open(db_target, "clerk", "clerk-password")
    Desk.open(db_target, "clerk", "a-new-clerk-password").close()


@pytest.mark.single_pc("reads the slot file beside the database")
def test_disabled_user_loses_the_slot(open_as, db_path):
    admin = open_as(ADMIN)
    admin.users.disable("clerk")
    assert not KeySlots.load(db_path).has_user("clerk")
    assert not admin.users.get("clerk").active
    with pytest.raises(AuthenticationFailed):
        Desk.open(db_path, "clerk", "clerk-password")
    with pytest.raises(AccessDenied):
        admin.users.disable(ADMIN)


def test_last_admin_cannot_be_demoted(desk):
    with pytest.raises(AccessDenied):
        desk.users.update(ADMIN, role="clerk")
    desk.users.update("manager", role="admin")
    desk.users.update(ADMIN, role="manager")
    assert desk.users.get(ADMIN).role == "manager"


def test_user_input_is_checked(desk):
    with pytest.raises(ValidationError):
        desk.users.add("x", "clerk", "internal", "long-enough-pw")
    with pytest.raises(ValidationError):
        desk.users.add("newclerk", "janitor", "internal", "long-enough-pw")
    with pytest.raises(ValidationError):
        desk.users.add("newclerk", "clerk", "top", "long-enough-pw")
    with pytest.raises(ValidationError):
        desk.users.add("newclerk", "clerk", "internal", "aaaaaaaaaa")
    with pytest.raises(ValidationError, match="已存在"):
        desk.users.add("clerk", "clerk", "internal", "long-enough-pw")
    desk.users.add("新专员", "资信专员", "内部", "long-enough-pw")
    assert desk.users.get("新专员").role == "clerk"


def test_recovery_key_sets_a_new_password(db_path, recovery_key):
    with pytest.raises(AuthenticationFailed):
        Desk.recover(db_path, "AAAA-BBBB", ADMIN, "brand-new-password")
    # Typed in lower case with spaces instead of dashes, it still works.
    typed = recovery_key.lower().replace("-", " ")
    Desk.recover(db_path, typed, ADMIN, "brand-new-password").close()
    with pytest.raises(AuthenticationFailed):
        Desk.open(db_path, ADMIN, ADMIN_PW)
    with Desk.open(db_path, ADMIN, "brand-new-password") as desk:
        actions = [e["action"] for e in desk.audit.entries(limit=4)]
        assert actions[0] == "login" and "user.recover" in actions and "login.failed" in actions


def test_recovery_key_format():
    key = parse_recovery_key("AAAAAAAA-AAAAAAAA-AAAAAAAA-AAAAAAAA-AAAAAAAA-AAAAAAAA-AAAA")
    assert key == b"\0" * 32
    assert parse_recovery_key("too short") is None


def test_throttle_blocks_even_the_right_password_then_lifts(db_path):
    start = clock.now()
    clock.set_fixed(start)
    for _ in range(3):
        with pytest.raises(AuthenticationFailed):
            Desk.open(db_path, "clerk", "guess")
    with pytest.raises(LoginThrottled) as err:
        Desk.open(db_path, "clerk", "clerk-password")
    assert err.value.seconds == 5
    from datetime import timedelta
    clock.set_fixed(start + timedelta(seconds=6))
    with Desk.open(db_path, "clerk", "clerk-password") as desk:
        assert desk.user.role == "clerk"
    assert KeySlots.load(db_path).failures("clerk")["count"] == 0


def test_firm_name_and_schema_version(desk):
    assert desk.firm_name == "测试商贸有限公司"
    assert desk.schema_version() >= 1


@pytest.mark.single_pc("reads the slot file beside the database")
def test_login_overlapping_a_user_change_loses_nothing(open_as, db_path, monkeypatch):
    """A login reads the key slots, spends time on the password, then writes; an administrator's
    change made meanwhile (new user, disabled user) must survive that write."""
    admin = open_as(ADMIN)
    original = KeySlots.unlock_personal

    def slow_unlock(self, user, password):
        result = original(self, user, password)
        if user == "clerk" and not admin.users.exists("newbie"):
            admin.users.add("newbie", "clerk", "internal", "newbie-password")
            admin.users.disable("senior")      # gives the file a new key meanwhile
        return result

    with pytest.raises(AuthenticationFailed):  # a failure first, so the login has pending work
        Desk.open(db_path, "clerk", "wrong")
    monkeypatch.setattr(KeySlots, "unlock_personal", slow_unlock)
    Desk.open(db_path, "clerk", "clerk-password").close()
    monkeypatch.setattr(KeySlots, "unlock_personal", original)
    slots = KeySlots.load(db_path)
    assert slots.has_user("newbie") and not slots.has_user("senior")
    Desk.open(db_path, "newbie", "newbie-password").close()
    with pytest.raises(AuthenticationFailed):
        Desk.open(db_path, "senior", "senior-password")


def test_login_without_news_does_not_rewrite_the_slot_file(db_path):
    from custdesk.core.store.keyslots import slots_path
    Desk.open(db_path, "clerk", "clerk-password").close()
    before = slots_path(db_path).stat().st_mtime_ns
    Desk.open(db_path, "clerk", "clerk-password").close()
    assert slots_path(db_path).stat().st_mtime_ns == before


def test_an_empty_database_file_is_damaged_not_a_wrong_password(db_path):
    from custdesk.core.integrity import DatabaseDamaged
    db_path.write_bytes(b"")
    Path(str(db_path) + "-wal").unlink(missing_ok=True)
    with pytest.raises(DatabaseDamaged, match="0 字节"):
        Desk.open(db_path, "clerk", "clerk-password")
    with pytest.raises(StoreError):                 # and never made anew in its place
        Desk.create(db_path, "boss2", "another-boss-password")
    assert db_path.stat().st_size == 0

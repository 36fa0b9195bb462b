"""Migrating a database of schema 6 (tests/data/v6) to lists with a sort key of their own."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from custdesk.core.customers.search import name_keys
from custdesk.core.desk import Desk
from custdesk.core.store import migrations
from custdesk.core.store.connection import connect
from custdesk.core.store.keyslots import KeySlots

DATA = Path(__file__).parent.parent / "data" / "v6"
BOSS, CLERK = ("boss", "boss-password-1"), ("clerk", "clerk-password")
# In order: 李 (li3) files before 刘 (liu2), the Latin name among them; the sealed files
# (李秘密, 李 Anna at 秘密, 刘机密 at 机密) in their places.
ALL = ["Acme Trading", "李 Anna", "李秘密", "李娜", "李卫东", "刘机密", "刘晶", "刘雪"]


@pytest.fixture
def old(tmp_path) -> Path:
    for name in ("v6.db", "v6.db.keys", "v6.db.audit-head"):
        shutil.copy2(DATA / name, tmp_path / name)
    return tmp_path / "v6.db"


def _applied(path: Path, user=BOSS) -> list[str]:
    slots = KeySlots.load(path)
    personal = slots.unlock_personal(*user)
    (_epoch, key), *_ = slots.file_keys(personal)
    db = connect(path, key)
    try:
        return [m.name for m in migrations.migrations.applied(db)]
    finally:
        db.close()


def test_the_fixture_is_of_schema_6(old):
    assert _applied(old)[-1] == "0006_keys"


def test_the_first_login_migrates_and_lists_in_syllable_order(old):
    with Desk.open(old, *CLERK) as clerk:             # any user's login migrates
        assert clerk.schema_version() == len(migrations.known_names())
        assert [r[2] for r in clerk.customers.list_rows()[0]] == \
            [n for n in ALL if n not in ("李秘密", "李 Anna", "刘机密")]
    backups = list(old.parent.glob("v6.db.before-v*.bak"))
    assert len(backups) == 1                          # the database as it was, kept
    with Desk.open(old, *BOSS) as boss:
        assert [r[2] for r in boss.customers.list_rows()[0]] == ALL
        assert [r[2] for r in boss.customers.list_rows(limit=3)[0]] == ALL[:3]
        assert [r[2] for r in boss.customers.list_rows("李")[0]] == \
            ["李 Anna", "李秘密", "李娜", "李卫东"]
        # The files in clear got their key in the migration; the sealed ones keep none
        # in the file (their names could not be read there) until they are written again.
        stored = dict(boss.db.execute(
            "SELECT name, sort_key FROM main.customers WHERE sealed IS NULL").fetchall())
        assert stored == {n: name_keys(n, person=n != "Acme Trading")[2]
                          for n in ("Acme Trading", "李卫东", "李娜", "刘晶", "刘雪")}
        def unkeyed() -> list[str]:          # sealed files read without a sort key
            return [n for (n,) in boss.db.execute(
                "SELECT c.name FROM customers c JOIN main.customers m ON m.id = c.id "
                "WHERE m.sealed IS NOT NULL AND c.sort_key IS NULL ORDER BY c.name")]

        assert unkeyed() == sorted(["李秘密", "李 Anna", "刘机密"])
        code = next(r[0] for r in boss.customers.list_rows()[0] if r[2] == "李秘密")
        boss.customers.edit(code, {"name": "刘秘密"})
        assert unkeyed() == sorted(["李 Anna", "刘机密"])
        assert [r[2] for r in boss.customers.list_rows("刘")[0]] == \
            ["刘机密", "刘晶", "刘秘密", "刘雪"]
        assert boss.customers.get(code)["name"] == "刘秘密"
        assert boss.audit.verify().ok
    assert _applied(old)[-1] == migrations.known_names()[-1]

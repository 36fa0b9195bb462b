"""Backups, restore and the integrity checks (README "Backups and restore")."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from custdesk import paths
from custdesk.core import backup, clock, integrity
from custdesk.core.desk import Desk
from custdesk.core.errors import AccessDenied, AuthenticationFailed, StoreError, ValidationError
from custdesk.core.restore import restore
from custdesk.core.store.keyslots import KeySlots, slots_path
from tests.conftest import ADMIN, ADMIN_PW, PASSWORDS

SECRET_NAME = "欧阳备份"
SECRET_ID = "11010519491231002X"


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch) -> Path:
    """The per-user data folder (default backup folder, folder notes) inside the test's."""
    folder = tmp_path / "userdata"
    monkeypatch.setattr(paths, "data_dir", lambda: folder)
    return folder


def snapshot(desk: Desk) -> dict:
    """Every customer and record, as rows."""
    out = {}
    for table in ("customers", "individuals", "enterprises", "transactions", "communications",
                  "users"):
        out[table] = desk.db.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
    return out


def fill(desk: Desk, start: int, count: int) -> list[str]:
    codes = []
    for i in range(start, start + count):
        code = desk.customers.add({"kind": "individual", "name": f"客户{i}",
                                   "phone": f"1391234{i:04d}"}).code
        desk.records.add(code, "transactions", {"kind": "invoice", "ref_no": f"INV-{i}",
                                                "occurred_on": "2024-05-01",
                                                "amount": f"{1000 + i}.50"})
        desk.records.add(code, "communications", {"occurred_on": "2024-05-02",
                                                  "channel": "phone", "summary": f"第{i}次"})
        codes.append(code)
    return codes


def files_in(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.is_file() and not p.name.endswith(".lock")}


def flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(data)


def damage_page(path: Path, page: int = 3) -> None:
    """Flip one byte inside page ``page`` (SQLCipher pages are 4096 bytes)."""
    flip(path, 4096 * (page - 1) + 200)


# -- making and listing -------------------------------------------------------------------
def test_backup_is_a_checked_encrypted_copy_with_its_manifest(desk, tmp_path):
    code = desk.customers.add({"kind": "individual", "name": SECRET_NAME,
                               "id_number": SECRET_ID, "notes": "备份里的秘密备注"}).code
    folder = tmp_path / "bk"
    made = backup.make_backup(desk, folder, "manual")

    assert made.database.name.startswith("custdesk-") and made.name.endswith("-manual.db")
    assert [p.name for p in folder.iterdir()] == [made.name[:-3]]        # one folder per set
    names = sorted(p.name for p in made.database.parent.iterdir())
    assert names == sorted([made.name, made.name + ".keys",
                            made.name[:-3] + ".db.manifest.json"])
    manifest = json.loads(made.manifest_path.read_text("utf-8"))
    assert manifest["sha256"] == hashlib.sha256(made.database.read_bytes()).hexdigest()
    assert manifest["size"] == made.database.stat().st_size
    assert manifest["schema_version"] == desk.schema_version()
    assert manifest["database_id"] == desk.settings.get("database_id")
    assert manifest["firm"] == desk.firm_name == "测试商贸有限公司"
    assert manifest["reason"] == "manual" and manifest["app_version"]
    # The copy's chain head is the head just before the backup.create entry.
    entry = desk.db.execute("SELECT seq, object FROM audit_log WHERE action = 'backup.create'"
                            ).fetchone()
    assert entry == (manifest["audit_head"]["seq"] + 1, made.name)
    head = desk.db.execute("SELECT hash FROM audit_log WHERE seq = ?",
                           [manifest["audit_head"]["seq"]]).fetchone()[0]
    assert head == manifest["audit_head"]["hash"]

    # Still encrypted: no name, ID number or note in any file of the set.
    for file in made.database.parent.iterdir():
        data = file.read_bytes()
        for needle in (SECRET_NAME, SECRET_ID, "备份里的秘密备注"):
            assert needle.encode("utf-8") not in data, (file.name, needle)
    plain = sqlite3.connect(made.database)
    try:
        with pytest.raises(sqlite3.DatabaseError):
            plain.execute("SELECT count(*) FROM sqlite_master").fetchall()
    finally:
        plain.close()

    # A standalone database: openable with a password through its own key slots.
    checked = backup.verify_backup(made.database, desk.key)
    assert checked.ok and checked.checked_with_key, checked.problems
    key = KeySlots.load(made.database).unlock(ADMIN, ADMIN_PW)
    assert key == desk.key
    conn = backup.open_copy(made.database, key)
    try:
        assert conn.execute("SELECT name FROM customers WHERE code = ?",
                            [code]).fetchone() == (SECRET_NAME,)
    finally:
        conn.close()
    assert not Path(str(made.database) + "-wal").exists()
    assert desk.audit.verify().ok


@pytest.mark.single_pc("on an office database only those cleared to every level back up (their copy holds every row)")
def test_any_user_may_back_up_but_only_managers_configure(open_as, tmp_path):
    clerk = open_as("clerk")
    made = backup.make_backup(clerk, tmp_path / "bk", "exit")
    assert made.name.endswith("-exit.db")
    with pytest.raises(AccessDenied):
        backup.configure(clerk, daily=3)
    boss = open_as(ADMIN)
    assert backup.config(boss).folder == paths.data_dir() / "backups"
    backup.configure(boss, folder=tmp_path / "elsewhere", daily=3, weekly=2, on_exit=False)
    settings = backup.config(boss)
    assert (settings.folder, settings.daily, settings.weekly, settings.on_exit) == (
        tmp_path / "elsewhere", 3, 2, False)
    with pytest.raises(ValidationError) as info:
        backup.configure(boss, daily=0, folder="relative/path")
    assert [e.field for e in info.value.errors] == ["daily", "folder"]
    assert backup.config(boss).daily == 3
    # Without a folder, the backup goes to the configured one.
    made = backup.make_backup(boss)
    assert made.database.parent.parent == tmp_path / "elsewhere"
    assert not backup.daily_due(boss)


def test_list_shows_complete_sets_and_which_verify(desk, tmp_path):
    folder = tmp_path / "bk"
    first = backup.make_backup(desk, folder, "daily", prune_after=False)
    second = backup.make_backup(desk, folder, "manual", prune_after=False)
    # A copy renamed into place without its manifest is no set at all.
    (folder / "custdesk-20300101-000000-manual.db").write_bytes(b"half")
    (folder / "notes.txt").write_text("not ours")
    listed = backup.list_backups(folder)
    assert [s.name for s in listed] == [second.name, first.name]
    assert all(s.ok for s in listed)
    flip(first.database, 5000)
    listed = {s.name: s for s in backup.list_backups(folder)}
    assert listed[second.name].ok
    assert not listed[first.name].ok and "校验和" in listed[first.name].problems[0]
    first.keys.unlink()
    assert any("缺失" in p for p in backup.read_set(first.database).problems)
    assert backup.newest_good(folder).name == second.name


# -- retention --------------------------------------------------------------------------------
def test_retention_keeps_7_daily_and_4_weekly(desk, tmp_path):
    folder = tmp_path / "bk"
    folder.mkdir()
    (folder / "notes.txt").write_text("someone else's file")
    # 28 days, Monday 2030-01-07 to Sunday 2030-02-03, two backups a day (local time).
    start = dt.datetime(2030, 1, 7, 9, 0).astimezone()
    assert start.isoweekday() == 1
    made = {}
    try:
        for day in range(28):
            for hour in (9, 17):
                moment = start + dt.timedelta(days=day, hours=hour - 9)
                clock.set_fixed(moment)
                made[(day, hour)] = backup.make_backup(desk, folder, "daily").name
    finally:
        clock.set_fixed(None)
    # Kept: the evening set of each of the last 7 days (the week of Jan 28) and the
    # evening set of each Sunday of the 3 weeks before (4 weeks in all), and both of today
    # (the last 5 automatic sets of today are kept beside the rule).
    expected = {made[(day, 17)] for day in range(21, 28)} | {made[(day, 17)] for day in (6, 13, 20)}
    expected.add(made[(27, 9)])
    kept = {s.name for s in backup.list_backups(folder)}
    assert kept == expected
    assert len(kept) == 11
    assert all(s.ok for s in backup.list_backups(folder))
    # Nothing but complete sets and the foreign file are left.
    assert {p.name for p in folder.iterdir()} == {"notes.txt"} | {n[:-3] for n in expected}
    for name in expected:
        assert {p.name for p in (folder / name[:-3]).iterdir()} == \
            {name, name + ".keys", name[:-3] + ".db.manifest.json"}


def test_retention_counts_come_from_settings_and_spare_other_databases(desk, tmp_path):
    folder = tmp_path / "bk"
    backup.configure(desk, daily=2, weekly=0)
    start = dt.datetime(2030, 3, 4, 12, 0).astimezone()
    names = []
    try:
        clock.set_fixed(start - dt.timedelta(days=1))
        other = backup.make_backup(desk, folder, "manual")
        # Make it another database's set (its manifest says so; checksums still match).
        manifest = json.loads(other.manifest_path.read_text("utf-8"))
        manifest["database_id"] = "someotherdb"
        other.manifest_path.write_text(json.dumps(manifest), "utf-8")
        for day in range(5):
            clock.set_fixed(start + dt.timedelta(days=day))
            names.append(backup.make_backup(desk, folder, "daily").name)
    finally:
        clock.set_fixed(None)
    kept = {s.name for s in backup.list_backups(folder, desk.settings.get("database_id"))}
    assert kept == set(names[-2:])
    assert other.manifest_path.exists() and backup.read_set(other.database).ok


def test_to_keep_always_keeps_the_newest():
    sets = [backup.BackupSet(Path(f"/x/custdesk-2030010{d}-120000-manual.db"),
                             {"created_at": f"2030-01-0{d}T12:00:00.000000Z"}) for d in (1, 2, 3)]
    assert backup.to_keep(sets, 1, 0) == {sets[2].database}


# -- restore ------------------------------------------------------------------------------
def test_round_trip_backup_change_restore(db_path, tmp_path):
    desk = Desk.open(db_path, ADMIN, ADMIN_PW)
    codes = fill(desk, 1, 5)
    desk.customers.edit(codes[0], {"notes": "备份前"})
    before = snapshot(desk)
    made = backup.make_backup(desk, tmp_path / "bk")
    # Change everything after the backup: a new customer, an edit, a record.
    fill(desk, 100, 2)
    desk.customers.edit(codes[0], {"notes": "备份后"})
    desk.records.add(codes[1], "communications", {"occurred_on": "2024-06-01",
                                                  "summary": "备份后的沟通"})
    after = snapshot(desk)
    assert after != before
    desk.close()
    Desk.open(db_path, "manager", PASSWORDS["manager"]).close()    # has checked the newer log

    result = restore(db_path, made.database, user=ADMIN, password=ADMIN_PW)
    # Everything may have changed: every view refreshes.
    from custdesk.core.changes import AREAS
    assert set(AREAS) <= result.changes.areas

    # The restore is a cut of the log an administrator made: it stops nobody's writing.
    with Desk.open(db_path, "manager", PASSWORDS["manager"]) as manager:
        assert manager.read_only_reason() is None
    with Desk.open(db_path, ADMIN, ADMIN_PW) as restored:
        assert restored.read_only_reason() is None
        assert snapshot(restored) == before
        verified = restored.audit.verify()
        assert verified.ok, verified.message
        entry = restored.db.execute("SELECT seq, user, object, summary FROM audit_log "
                                    "WHERE action = 'backup.restore'").fetchone()
        assert entry[0] == result.audit_seq and entry[1] == ADMIN and entry[2] == made.name
        assert json.loads(entry[3])["backup_head"] == made.manifest["audit_head"]["seq"]
        assert integrity.check(restored) == []
    # The previous database was set aside whole and still opens, with the later data.
    aside = result.set_aside[0]
    assert aside.name.startswith(db_path.name + ".before-restore-")
    assert slots_path(aside).exists()
    with Desk.open(aside, ADMIN, ADMIN_PW, daily_check=False) as old:
        assert snapshot(old)["customers"] == after["customers"]


@pytest.mark.single_pc("restores over the database file (an office database: custdesk office restore)")
def test_restore_with_a_wrong_password_or_key_moves_nothing(desk, db_path, tmp_path):
    made = backup.make_backup(desk, tmp_path / "bk")
    desk.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    desk.close()
    before = files_in(db_path.parent)
    with pytest.raises(AuthenticationFailed):
        restore(db_path, made.database, user=ADMIN, password="not-the-password")
    # The failure counts towards the login back-off, like a failed login.
    assert KeySlots.load(db_path).failures(ADMIN)["count"] == 1
    after = files_in(db_path.parent)
    assert set(after) == set(before)
    assert {k: v for k, v in after.items() if not k.endswith(".keys")} == \
           {k: v for k, v in before.items() if not k.endswith(".keys")}
    with pytest.raises(AccessDenied):
        restore(db_path, made.database, user="clerk", password=PASSWORDS["clerk"])
    assert set(files_in(db_path.parent)) == set(before)
    assert files_in(db_path.parent)[db_path.name] == before[db_path.name]
    with Desk.open(db_path, ADMIN, ADMIN_PW) as again:
        assert again.audit.verify().ok


def test_a_damaged_backup_is_refused(desk, db_path, tmp_path):
    made = backup.make_backup(desk, tmp_path / "bk")
    desk.close()
    before = files_in(db_path.parent)
    flip(made.database, 4096 * 2 + 300)
    found = backup.verify_backup(made.database)
    assert not found.ok and "校验和" in found.problems[0]
    with pytest.raises(StoreError, match="校验和"):
        restore(db_path, made.database, user=ADMIN, password=ADMIN_PW)
    # Damage that the manifest agrees with (say, written after a bad copy) is caught by
    # SQLCipher's page check with the key.
    manifest = json.loads(made.manifest_path.read_text("utf-8"))
    manifest["sha256"] = hashlib.sha256(made.database.read_bytes()).hexdigest()
    made.manifest_path.write_text(json.dumps(manifest), "utf-8")
    assert backup.verify_backup(made.database).ok          # without the key: looks fine
    key = KeySlots.load(made.database).unlock(ADMIN, ADMIN_PW)
    found = backup.verify_backup(made.database, key)
    assert not found.ok and "HMAC" in found.problems[0]
    with pytest.raises(StoreError, match="HMAC"):
        restore(db_path, made.database, user=ADMIN, password=ADMIN_PW)
    assert files_in(db_path.parent) == before


def test_a_backup_whose_chain_differs_from_its_manifest_is_refused(desk, tmp_path):
    made = backup.make_backup(desk, tmp_path / "bk")
    manifest = json.loads(made.manifest_path.read_text("utf-8"))
    manifest["audit_head"]["seq"] -= 1
    made.manifest_path.write_text(json.dumps(manifest), "utf-8")
    found = backup.verify_backup(made.database, desk.key)
    assert not found.ok and "审计链头" in found.problems[0]


@pytest.mark.single_pc("restores over the database file (an office database: custdesk office restore)")
def test_restore_failing_halfway_puts_everything_back(desk, db_path, tmp_path, monkeypatch):
    made = backup.make_backup(desk, tmp_path / "bk")
    fill(desk, 1, 2)
    desk.close()
    before = files_in(db_path.parent)
    from custdesk.core import restore as restore_module
    real_copy = restore_module.copy_file
    calls = []

    def failing_copy(source, target):
        calls.append(target)
        if len(calls) == 2:           # the database is in place, its key slots are not
            raise OSError("disk full")
        real_copy(source, target)

    monkeypatch.setattr(restore_module, "copy_file", failing_copy)
    with pytest.raises(OSError, match="disk full"):
        restore(db_path, made.database, user=ADMIN, password=ADMIN_PW)
    assert files_in(db_path.parent) == before
    monkeypatch.setattr(restore_module, "copy_file", real_copy)
    with Desk.open(db_path, ADMIN, ADMIN_PW) as again:
        assert again.db.execute("SELECT count(*) FROM customers").fetchone()[0] == 2
        assert again.audit.verify().ok


# -- damage and checks ----------------------------------------------------------------------
@pytest.mark.single_pc("damages the database file")
def test_a_flipped_byte_is_found_and_the_newest_good_backup_named(desk, db_path, tmp_path):
    fill(desk, 1, 30)
    backup.configure(desk, folder=tmp_path / "bk")
    older = backup.make_backup(desk)
    newest = backup.make_backup(desk)
    flip(newest.database, 100)                       # the newest is itself bad: not named
    newest_ok = backup.make_backup(desk)
    assert older.ok and newest_ok.ok
    assert integrity.check(desk) == []
    desk.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    damage_page(db_path, 3)
    findings = integrity.check(desk)                 # the open desk: cipher check reads disk
    kinds = [f.kind for f in findings]
    assert "cipher" in kinds and kinds[-1] == "backup"
    assert newest_ok.name in findings[-1].message
    desk.close()

    with pytest.raises(integrity.DatabaseDamaged) as info:
        Desk.open(db_path, ADMIN, ADMIN_PW)
    message = str(info.value)
    assert "已损坏" in message and str(newest_ok.database) in message
    assert info.value.backup == newest_ok.database
    # ... and in English, with how to restore it.
    from custdesk.core import i18n
    i18n.set_language("en")
    with pytest.raises(StoreError, match="is damaged") as info:
        Desk.open(db_path, ADMIN, ADMIN_PW)
    assert f"custdesk restore {newest_ok.database}" in str(info.value)

    # Restoring the named backup brings a whole database back.
    restore(db_path, info.value.backup, user=ADMIN, password=ADMIN_PW)
    with Desk.open(db_path, ADMIN, ADMIN_PW) as back:
        assert integrity.check(back) == []
        assert back.db.execute("SELECT count(*) FROM customers").fetchone()[0] == 30


def test_page_one_damaged_is_damage_not_a_wrong_password(desk, db_path, tmp_path):
    desk.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    desk.close()
    flip(db_path, 60)
    with pytest.raises(integrity.DatabaseDamaged, match="已损坏") as info:
        Desk.open(db_path, ADMIN, ADMIN_PW)
    assert info.value.backup is None and "未找到此数据库的完好备份" in str(info.value)
    # A wrong password is still just that.
    with pytest.raises(AuthenticationFailed):
        Desk.open(db_path, ADMIN, "wrong-password")


@pytest.mark.single_pc("damages the database file")
def test_check_reports_a_broken_audit_chain(desk, db_path):
    assert integrity.check(desk) == []
    Path(str(db_path) + ".audit-head").unlink()
    findings = integrity.check(desk)
    assert [f.kind for f in findings] == ["audit"]
    assert "链头文件缺失" in findings[0].message
    from custdesk.core import i18n
    with i18n.using("en"):
        assert "head file is missing" in findings[0].message


# (kill -9 in the middle of a backup: tests/faults/test_kill.py)


def test_automatic_backups_on_exit_and_daily(desk, tmp_path):
    backup.configure(desk, folder=tmp_path / "bk")
    assert backup.daily_due(desk)
    first = backup.automatic(desk, "daily")
    assert first is not None and first.name.endswith("-daily.db")
    assert backup.automatic(desk, "daily") is None          # one a day is enough
    assert backup.automatic(desk, "exit").name.endswith("-exit.db")
    backup.configure(desk, on_exit=False)
    assert backup.automatic(desk, "exit") is None
    with pytest.raises(ValueError):
        backup.make_backup(desk, reason="whenever")

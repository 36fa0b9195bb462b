"""Backup sets by kind: what each set says about itself (kind, maker, time, size, label),
retention that never deletes a set made by hand, deleting one by hand, and the flow
"back up before an experiment, change something, restore it" (README "Backups and restore").
Time moves with the clock abstraction, never by sleeping."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from custdesk import paths
from custdesk.core import backup, clock
from custdesk.core.desk import Desk
from custdesk.core.errors import AccessDenied, NotFound, ValidationError
from custdesk.core.restore import restore
from tests.conftest import ADMIN, ADMIN_PW

# A Monday morning, local time.
MONDAY = dt.datetime(2030, 4, 1, 8, 0).astimezone()


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "userdata"
    monkeypatch.setattr(paths, "data_dir", lambda: folder)
    return folder


def at(moment: dt.datetime, fn, *args, **kwargs):
    """Call ``fn`` with the clock standing at ``moment``."""
    clock.set_fixed(moment)
    try:
        return fn(*args, **kwargs)
    finally:
        clock.set_fixed(None)


def names_in(folder: Path) -> set[str]:
    return {s.name for s in backup.list_backups(folder)}


def rewrite_manifest(found: backup.BackupSet, **changes) -> None:
    manifest = json.loads(found.manifest_path.read_text("utf-8"))
    manifest.update(changes)
    found.manifest_path.write_text(json.dumps(manifest, ensure_ascii=False), "utf-8")


# -- what a set says about itself -----------------------------------------------------------
@pytest.mark.single_pc("on an office database only those cleared to every level back up (their copy holds every row)")
def test_each_set_records_kind_maker_time_size_and_label(open_as, tmp_path):
    boss = open_as(ADMIN)
    boss.users.update("clerk", full_name="王晓梅")
    backup.configure(boss, folder=tmp_path / "bk")
    clerk = open_as("clerk")
    by_hand = at(MONDAY, backup.make_backup, clerk, label="试新的导入之前")
    on_exit = at(MONDAY + dt.timedelta(hours=1), backup.make_backup, boss, reason="exit")

    listed = {s.name: s for s in backup.sets_of(boss)}
    mine = listed[by_hand.name]
    assert (mine.kind, mine.automatic, mine.made_by, mine.made_by_display, mine.label) == (
        "manual", False, "clerk", "王晓梅", "试新的导入之前")
    assert mine.created == MONDAY and mine.size == mine.database.stat().st_size > 0
    assert mine.trusted is True and mine.ok
    theirs = listed[on_exit.name]
    assert (theirs.kind, theirs.automatic, theirs.made_by_display, theirs.label) == (
        "exit", True, ADMIN, "")
    described = mine.as_dict()
    assert {k: described[k] for k in ("kind", "kind_label", "made_by", "made_by_display",
                                      "label", "size", "trusted")} == {
        "kind": "manual", "kind_label": "手动", "made_by": "clerk", "made_by_display": "王晓梅",
        "label": "试新的导入之前", "size": mine.size, "trusted": True}
    # The label is in the audit entry of the backup, too.
    summary = boss.db.execute("SELECT summary FROM audit_log WHERE action = 'backup.create' "
                              "AND object = ?", [by_hand.name]).fetchone()[0]
    assert json.loads(summary)["label"] == "试新的导入之前"


def test_a_label_is_one_line_and_a_bad_one_makes_no_set(desk, tmp_path):
    with pytest.raises(ValidationError) as info:
        backup.make_backup(desk, tmp_path / "bk", label="第一行\n第二行")
    assert [e.field for e in info.value.errors] == ["label"]
    assert not (tmp_path / "bk").exists() or names_in(tmp_path / "bk") == set()
    with pytest.raises(ValidationError):
        backup.make_backup(desk, tmp_path / "bk", label="长" * 201)
    assert backup.make_backup(desk, tmp_path / "bk", label="  前后空白  ").label == "前后空白"


@pytest.mark.single_pc("on an office database only those cleared to every level back up (their copy holds every row)")
def test_every_role_may_back_up(open_as, tmp_path):
    for name in ("clerk", "reviewer", "auditor", "manager"):
        made = backup.make_backup(open_as(name), tmp_path / "bk", label=name, prune_after=False)
        assert made.made_by == name and made.kind == "manual"
    assert len(names_in(tmp_path / "bk")) == 4


# -- retention ------------------------------------------------------------------------------
@pytest.mark.single_pc("on an office database only those cleared to every level back up (their copy holds every row)")
def test_a_set_made_by_hand_survives_exits_and_days_of_automatic_backups(open_as, tmp_path):
    boss = open_as(ADMIN)
    backup.configure(boss, folder=tmp_path / "bk", daily=2, weekly=1, recent=3)
    clerk = open_as("clerk")
    kept_by_hand = at(MONDAY, backup.make_backup, clerk, label="试验之前")
    made = {}
    # Ten days of work: the day's first at 09:00, then an exit backup every two hours.
    for day in range(10):
        for hour in (9, 11, 13, 15, 17):
            moment = MONDAY + dt.timedelta(days=day, hours=hour - 8)
            reason = "daily" if hour == 9 else "exit"
            made[(day, hour)] = at(moment, backup.make_backup, clerk, reason=reason).name
    kept = names_in(tmp_path / "bk")
    # The set made by hand is there, whole and checked, after 50 automatic backups.
    assert kept_by_hand.name in kept
    assert backup.read_set(kept_by_hand.database).ok
    # Automatic: the last 3 of today (day 9), the newest of each of the last 2 days
    # (days 9 and 8) and of the last week (Monday 8 April to day 9, already kept).
    expected = {made[(9, 17)], made[(9, 15)], made[(9, 13)], made[(8, 17)]}
    assert kept - {kept_by_hand.name} == expected


def test_the_last_n_automatic_of_today_are_kept(desk, tmp_path):
    folder = tmp_path / "bk"
    backup.configure(desk, folder=folder, daily=7, weekly=4)       # recent: the default 5
    assert backup.config(desk).recent == backup.DEFAULT_RECENT == 5
    yesterday = [at(MONDAY + dt.timedelta(hours=h), backup.make_backup, desk, reason="exit").name
                 for h in range(4)]
    today = [at(MONDAY + dt.timedelta(days=1, hours=h), backup.make_backup, desk,
                reason="exit").name for h in range(8)]
    # Of yesterday only the day's newest (the daily rule); of today the last five.
    assert names_in(folder) == set(today[-5:]) | {yesterday[-1]}
    # The next morning today's five are a day old: the daily rule keeps the newest.
    tomorrow = at(MONDAY + dt.timedelta(days=2, hours=1), backup.make_backup, desk,
                  reason="daily").name
    assert names_in(folder) == {tomorrow, today[-1], yesterday[-1]}


def test_recent_setting_is_checked_and_zero_keeps_the_rule_alone(desk, tmp_path):
    with pytest.raises(ValidationError) as info:
        backup.configure(desk, recent=-1)
    assert [e.field for e in info.value.errors] == ["recent"]
    backup.configure(desk, folder=tmp_path / "bk", recent=0)
    names = [at(MONDAY + dt.timedelta(hours=h), backup.make_backup, desk, reason="exit").name
             for h in range(3)]
    assert names_in(tmp_path / "bk") == {names[-1]}


def test_an_edited_kind_or_label_is_never_trusted_to_delete(desk, tmp_path):
    folder = tmp_path / "bk"
    backup.configure(desk, folder=folder, daily=1, weekly=0, recent=0)
    by_hand = at(MONDAY, backup.make_backup, desk, label="留着")
    automatic = at(MONDAY + dt.timedelta(hours=1), backup.make_backup, desk, reason="exit")
    # Someone edits the manifests: the manual set claims to be automatic, the automatic
    # set gets a label (its signature no longer covers what it says).
    rewrite_manifest(by_hand, reason="exit")
    rewrite_manifest(automatic, label="改过")
    listed = {s.name: s for s in backup.sets_of(desk)}
    assert listed[automatic.name].trusted is False and listed[by_hand.name].trusted is False
    later = at(MONDAY + dt.timedelta(hours=2), backup.make_backup, desk, reason="exit")
    # Neither is deleted by the retention: it deletes only what is signed as automatic.
    assert names_in(folder) == {by_hand.name, automatic.name, later.name}
    assert not backup.prunable(listed[by_hand.name], desk.registry)


def test_re_encrypting_a_set_keeps_its_signed_description(desk, tmp_path):
    backup.configure(desk, folder=tmp_path / "bk")
    made = backup.make_backup(desk, label="停用前")
    old_key = desk.key
    desk.users.disable("clerk")
    assert desk.key != old_key
    result = backup.rekey_sets(desk, old_keys=[old_key])
    assert result["rekeyed"] == [made.name]
    again = {s.name: s for s in backup.sets_of(desk)}[made.name]
    assert again.ok and again.trusted is True and again.label == "停用前"


# -- deleting by hand --------------------------------------------------------------------------
@pytest.mark.single_pc("on an office database only those cleared to every level back up (their copy holds every row)")
def test_deleting_a_set_made_by_hand(open_as, tmp_path):
    boss = open_as(ADMIN)
    backup.configure(boss, folder=tmp_path / "bk")
    clerk, manager = open_as("clerk"), open_as("manager")
    clerks = backup.make_backup(clerk, label="我的")
    bosses = backup.make_backup(boss, label="管理员的")
    automatic = backup.make_backup(boss, reason="exit")
    listed = {s.name: s for s in backup.sets_of(clerk)}
    assert backup.may_delete(clerk, listed[clerks.name])
    assert not backup.may_delete(clerk, listed[bosses.name])
    assert not backup.may_delete(boss, listed[automatic.name])

    with pytest.raises(AccessDenied):
        backup.delete_set(clerk, bosses.name)
    with pytest.raises(ValidationError):
        backup.delete_set(boss, automatic.name)
    with pytest.raises(NotFound):
        backup.delete_set(boss, "custdesk-20990101-000000-manual.db")
    assert names_in(tmp_path / "bk") == {clerks.name, bosses.name, automatic.name}

    # One's own, by its file or folder name; anyone's with backup.delete (a manager).
    backup.delete_set(clerk, clerks.database.parent.name)
    backup.delete_set(manager, bosses.name)
    assert names_in(tmp_path / "bk") == {automatic.name}
    assert sorted(p.name for p in (tmp_path / "bk").iterdir()) == [automatic.database.parent.name]
    rows = boss.db.execute("SELECT user, object, summary FROM audit_log "
                           "WHERE action = 'backup.delete' ORDER BY seq").fetchall()
    assert [(r[0], r[1]) for r in rows] == [("clerk", clerks.name), ("manager", bosses.name)]
    assert json.loads(rows[1][2])["label"] == "管理员的"
    assert json.loads(rows[1][2])["made_by"] == ADMIN
    assert boss.audit.verify().ok


def test_a_deletion_that_cannot_be_logged_leaves_the_set(desk, tmp_path, monkeypatch):
    backup.configure(desk, folder=tmp_path / "bk")
    made = backup.make_backup(desk)

    def refuse(*args, **kwargs):
        raise OSError("disk full")
    monkeypatch.setattr(desk.audit, "append", refuse)
    with pytest.raises(OSError):
        backup.delete_set(desk, made.name)
    monkeypatch.undo()
    assert backup.read_set(made.database).ok


# -- the flow a clerk asked for ------------------------------------------------------------------
def test_back_up_before_an_experiment_change_something_and_restore_it(db_path, tmp_path):
    with Desk.open(db_path, ADMIN, ADMIN_PW) as boss:
        backup.configure(boss, folder=tmp_path / "bk", daily=1, weekly=0, recent=2)
        code = boss.customers.add({"kind": "individual", "name": "李娜", "notes": "原样"}).code
    from tests.conftest import PASSWORDS
    clerk = Desk.open(db_path, "clerk", PASSWORDS["clerk"])
    try:
        at(MONDAY, backup.make_backup, clerk, label="批量修改备注之前")
        # The experiment, then a week of exits and mornings.
        clerk.customers.edit(code, {"notes": "试验改过"})
        for day in range(7):
            for hour in (9, 12, 18):
                at(MONDAY + dt.timedelta(days=day, hours=hour - 8), backup.make_backup, clerk,
                   reason="exit")
        wanted = [s for s in backup.sets_of(clerk) if s.label == "批量修改备注之前"]
        assert len(wanted) == 1 and wanted[0].ok and wanted[0].made_by == "clerk"
    finally:
        clerk.close()
    # The administrator restores it the next week; the note is as it was before.
    clock.set_fixed(MONDAY + dt.timedelta(days=8))
    result = restore(db_path, wanted[0].database, user=ADMIN, password=ADMIN_PW)
    assert result.backup == wanted[0].database
    with Desk.open(db_path, ADMIN, ADMIN_PW) as back:
        assert back.customers.get(code)["notes"] == "原样"
        assert back.audit.verify().ok
        # The set made by hand is still there after the restore, to go back to again.
        assert [s.label for s in backup.sets_of(back) if not s.automatic] == ["批量修改备注之前"]

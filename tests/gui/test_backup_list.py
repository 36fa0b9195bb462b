"""The list of backups in 设置 › 备份 as a clerk and an administrator see it: kind, who made
it (display name), when (local time), size, label; back up now with a label from the File
menu, delete a set made by hand (own only, for a clerk), and the flow "back up before an
experiment, change something, restore it" through the window."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from custdesk.core import backup, clock
from custdesk.core.clock import local_text
from custdesk.gui.backup_settings import BY, KIND, LABEL, MADE, SIZE, STATUS
from custdesk.gui.main_window import MainWindow
from tests.conftest import ADMIN_PW
from tests.gui.conftest import call, settings_page

T = 20_000


pytestmark = pytest.mark.usefixtures("data_dir")


def rows(box) -> list[dict]:
    return [{col: box.table.item(row, col).text() for col in (MADE, KIND, BY, SIZE, LABEL, STATUS)}
            for row in range(box.table.rowCount())]


def select(box, label: str) -> backup.BackupSet:
    row = next(r for r in range(box.table.rowCount())
               if box.table.item(r, LABEL).text() == label)
    box.table.selectRow(row)
    return box._sets[row]


@pytest.fixture
def two_users(make_runner, qtbot, tmp_path):
    """(admin runner, clerk runner) with the clerk named 王晓梅 and three sets in the folder:
    the clerk's by hand, the administrator's by hand, the administrator's on exit."""
    boss = make_runner("boss")
    call(boss, qtbot, lambda d: (d.users.update("clerk", full_name="王晓梅"),
                                 backup.configure(d, folder=tmp_path / "bk")))
    clerk = make_runner("clerk")
    moment = dt.datetime(2030, 5, 6, 9, 30).astimezone()
    clock.set_fixed(moment)
    try:
        call(clerk, qtbot, lambda d: backup.make_backup(d, label="试新的导入之前"))
        clock.set_fixed(moment + dt.timedelta(minutes=20))
        call(boss, qtbot, lambda d: backup.make_backup(d, label="月底结账"))
        clock.set_fixed(moment + dt.timedelta(minutes=40))
        call(boss, qtbot, lambda d: backup.make_backup(d, reason="exit"))
    finally:
        clock.set_fixed(None)
    return boss, clerk


def test_the_list_shows_kind_maker_time_size_and_label(two_users, qtbot):
    boss, clerk = two_users
    page = settings_page(clerk, qtbot)
    box = page.backups
    qtbot.waitUntil(lambda: box.table.rowCount() == 3, timeout=T)
    listed = rows(box)
    sets = box._sets
    assert [r[KIND] for r in listed] == ["退出时自动", "手动", "手动"]     # newest first
    assert [r[BY] for r in listed] == ["boss", "boss", "王晓梅"]
    assert [r[LABEL] for r in listed] == ["", "月底结账", "试新的导入之前"]
    assert [r[MADE] for r in listed] == [local_text(s.manifest["created_at"]) for s in sets]
    assert listed[2][MADE] == dt.datetime(2030, 5, 6, 9, 30).strftime("%Y-%m-%d %H:%M")
    for r, found in zip(listed, sets):
        assert r[SIZE] == backup.size_text(found.database.stat().st_size)
        assert r[SIZE].endswith((" KB", " MB")) and r[STATUS] == "OK"

    # A clerk may delete her own set made by hand only; nothing is selected at first.
    assert not box.delete_button.isEnabled()
    select(box, "月底结账")
    assert not box.delete_button.isEnabled()
    box.table.selectRow(0)
    assert not box.delete_button.isEnabled()                 # automatic
    select(box, "试新的导入之前")
    assert box.delete_button.isEnabled()


def test_deleting_asks_first_and_is_logged(two_users, qtbot, monkeypatch):
    boss, clerk = two_users
    page = settings_page(clerk, qtbot)
    box = page.backups
    qtbot.waitUntil(lambda: box.table.rowCount() == 3, timeout=T)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda parent, title, text, *a: asked.append(text) or QMessageBox.StandardButton.No))
    mine = select(box, "试新的导入之前")
    qtbot.mouseClick(box.delete_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and "试新的导入之前" in asked[0] and "王晓梅" in asked[0]
    assert mine.database.exists() and runner_idle(clerk)
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda *a: QMessageBox.StandardButton.Yes))
    select(box, "试新的导入之前")
    qtbot.mouseClick(box.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.table.rowCount() == 2 and clerk.pending == 0, timeout=T)
    assert not mine.database.exists()
    assert "试新的导入之前" in box.message.text()
    entry = call(boss, qtbot, lambda d: d.db.execute(
        "SELECT user, object FROM audit_log WHERE action = 'backup.delete'").fetchall())
    assert entry == [("clerk", mine.name)]


def runner_idle(runner) -> bool:
    return runner.pending == 0


def test_a_clerk_backs_up_from_the_file_menu_with_a_label(make_runner, qtbot, tmp_path,
                                                           monkeypatch):
    boss = make_runner("boss")
    call(boss, qtbot, lambda d: backup.configure(d, folder=tmp_path / "bk"))
    clerk = make_runner("clerk")
    window = MainWindow(clerk, call(clerk, qtbot, lambda d: d.user), tmp_path / "x.db")
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: clerk.pending == 0, timeout=T)
    labels = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert "Back up now…" in labels and window.backup_action.isEnabled()
    asked = []

    def answer(parent, title, label, *args, **kwargs):
        asked.append(label)
        return "  试验之前  ", True
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(answer))
    window.backup_action.trigger()
    box = window.settings_page.backups
    assert window.pages.currentWidget() is window.settings_page and len(asked) == 1
    qtbot.waitUntil(lambda: box.table.rowCount() == 1 and clerk.pending == 0, timeout=T)
    assert rows(box)[0][LABEL] == "试验之前" and rows(box)[0][KIND] == "手动"
    # Cancelling the label asks nothing more and makes nothing.
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("", False)))
    window.backup_action.trigger()
    assert clerk.pending == 0 and box.backup_button.isEnabled()
    assert len(backup.list_backups(tmp_path / "bk")) == 1


def test_back_up_before_an_experiment_change_something_restore_it(runner, qtbot, tmp_path,
                                                                  monkeypatch):
    call(runner, qtbot, lambda d: backup.configure(d, folder=tmp_path / "bk", recent=1))
    code = call(runner, qtbot, lambda d: d.customers.add(
        {"kind": "individual", "name": "李娜", "notes": "原样"}).code)
    page = settings_page(runner, qtbot)
    box = page.backups
    monkeypatch.setattr(box, "ask_label", lambda: "改备注之前")
    qtbot.mouseClick(box.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.table.rowCount() == 1 and runner.pending == 0, timeout=T)
    # The experiment, then several exits (each automatic backup prunes the older ones).
    call(runner, qtbot, lambda d: d.customers.edit(code, {"notes": "试验改过"}))
    for _ in range(3):
        call(runner, qtbot, lambda d: backup.make_backup(d, reason="exit"))
    box.refresh()
    qtbot.waitUntil(lambda: box.table.rowCount() == 2 and runner.pending == 0, timeout=T)
    assert sorted(r[KIND] for r in rows(box)) == ["手动", "退出时自动"]
    chosen = select(box, "改备注之前")
    asked = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda parent, title, text, *a: asked.append(text) or QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: (ADMIN_PW, True)))
    qtbot.mouseClick(box.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.restored is not None and runner.pending == 0, timeout=T)
    assert box.restored.backup == chosen.database
    assert "改备注之前" in asked[0]            # the question names the set by its label
    assert call(runner, qtbot, lambda d: d.customers.get(code)["notes"]) == "原样"
    assert call(runner, qtbot, lambda d: d.audit.verify().ok)


def test_a_set_whose_description_was_edited_says_so(two_users, qtbot):
    import json
    boss, _clerk = two_users
    page = settings_page(boss, qtbot)
    box = page.backups
    qtbot.waitUntil(lambda: box.table.rowCount() == 3, timeout=T)
    edited = select(box, "月底结账")
    manifest = json.loads(edited.manifest_path.read_text("utf-8"))
    manifest["label"] = "改过的备注"
    edited.manifest_path.write_text(json.dumps(manifest, ensure_ascii=False), "utf-8")
    box.refresh()
    qtbot.waitUntil(lambda: boss.pending == 0 and any(
        r[LABEL] == "改过的备注" for r in rows(box)), timeout=T)
    row = next(r for r in rows(box) if r[LABEL] == "改过的备注")
    assert row[STATUS] == "Its kind, maker or label was changed outside custdesk"
    assert [r[STATUS] for r in rows(box) if r[LABEL] != "改过的备注"] == ["OK", "OK"]

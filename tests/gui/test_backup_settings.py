"""设置 › 备份: settings saved, back up now with progress, the list with verify and restore;
and at login, a damaged database offers its newest good backup."""

from __future__ import annotations


import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from custdesk.core import backup
from custdesk.core.desk import Desk
from tests.conftest import ADMIN, ADMIN_PW
from custdesk.gui.backup_settings import LABEL, STATUS
from tests.gui.conftest import call, settings_page

T = 20_000


pytestmark = pytest.mark.usefixtures("data_dir")


def names(runner, qtbot) -> list[str]:
    return call(runner, qtbot, lambda d: [r[0] for r in d.db.execute(
        "SELECT name FROM customers ORDER BY created_at")])


def test_settings_backup_now_verify_and_restore(runner, qtbot, tmp_path, data_dir, monkeypatch):
    page = settings_page(runner, qtbot)
    box = page.backups
    monkeypatch.setattr(box, "ask_label", lambda: "试验之前")
    assert box.folder.text() == str(data_dir / "backups")
    assert (box.daily.value(), box.weekly.value(), box.on_exit.isChecked()) == (7, 4, True)
    assert box.table.rowCount() == 0

    box.folder.setText(str(tmp_path / "bk"))
    box.daily.setValue(3)
    box.on_exit.setChecked(False)
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=T)
    config = call(runner, qtbot, backup.config)
    assert (config.folder, config.daily, config.weekly, config.on_exit) == (
        tmp_path / "bk", 3, 4, False)

    call(runner, qtbot, lambda d: d.customers.add({"kind": "individual", "name": "备份前"}))
    seen = []
    box.progress.valueChanged.connect(seen.append)
    qtbot.mouseClick(box.backup_button, Qt.MouseButton.LeftButton)
    assert not box.backup_button.isEnabled()
    qtbot.waitUntil(lambda: box.table.rowCount() == 1 and runner.pending == 0, timeout=T)
    assert box.backup_button.isEnabled() and box.progress.isHidden()
    assert seen and seen[-1] == 100
    assert box.table.item(0, STATUS).text() == "OK"
    assert box.table.item(0, LABEL).text() == "试验之前"
    made = box._sets[0].database
    assert made.parent.parent == tmp_path / "bk" and str(made) in box.message.text()

    box.table.setCurrentCell(0, 0)
    qtbot.mouseClick(box.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: runner.pending == 0 and "intact" in box.message.text(), timeout=T)

    # Restore: the desk is closed, the backup put in place, the desk opened again on it.
    call(runner, qtbot, lambda d: d.customers.add({"kind": "individual", "name": "备份后"}))
    assert names(runner, qtbot) == ["备份前", "备份后"]
    box.restore(made, "wrong-password")
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=T)
    assert "password" in box.message.text().lower() or "密码" in box.message.text()
    assert names(runner, qtbot) == ["备份前", "备份后"]      # nothing was touched
    box.restore(made, ADMIN_PW)
    qtbot.waitUntil(lambda: runner.pending == 0 and "restored" in box.message.text(), timeout=T)
    assert names(runner, qtbot) == ["备份前"]
    assert call(runner, qtbot, lambda d: d.audit.verify().ok)


def test_a_clerk_sees_the_backups_but_not_their_settings(make_runner, qtbot):
    page = settings_page(make_runner("clerk"), qtbot)
    box = page.backups
    assert not box.manages and not hasattr(box, "folder") and not hasattr(box, "daily")
    assert box.backup_button.isEnabled() and box.restore_button.isHidden()


def test_login_on_a_damaged_database_offers_the_newest_good_backup(db_path, qtbot, tmp_path,
                                                                   monkeypatch):
    from custdesk.gui.login import LoginDialog
    from custdesk.gui.operations import DeskRunner
    with Desk.open(db_path, ADMIN, ADMIN_PW) as desk:
        for i in range(20):
            desk.customers.add({"kind": "individual", "name": f"客户{i}"})
        backup.configure(desk, folder=tmp_path / "bk")
        made = backup.make_backup(desk)
        desk.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(db_path.read_bytes())
    data[4096 * 3 + 77] ^= 1
    db_path.write_bytes(data)

    runner = DeskRunner()
    try:
        dialog = LoginDialog(runner, db_path)
        qtbot.addWidget(dialog)
        dialog.user.setCurrentText(ADMIN)
        dialog.password.setText(ADMIN_PW)
        dialog.submit()
        qtbot.waitUntil(lambda: runner.pending == 0 and dialog.damaged is not None, timeout=T)
        assert not dialog.restore_button.isHidden()
        assert str(made.database) in dialog.message.text()
        assert dialog.password.text() == ADMIN_PW        # kept for the restore
        monkeypatch.setattr(QMessageBox, "question",
                            lambda *a, **k: QMessageBox.StandardButton.Yes)
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
        # What the restore did is said before the window opens.
        qtbot.waitUntil(lambda: dialog.restored_box is not None
                        and dialog.restored_box.isVisible(), timeout=T)
        assert "restored" in dialog.restored_box.text()
        with qtbot.waitSignal(dialog.accepted, timeout=T):
            dialog.restored_box.button(QMessageBox.StandardButton.Ok).click()
        assert runner.desk is not None
        assert call(runner, qtbot, lambda d: d.db.execute(
            "SELECT count(*) FROM customers").fetchone()[0]) == 20
    finally:
        runner.close()


def test_restore_asks_for_the_password_as_it_was_only_when_it_changed_since(
        runner, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QInputDialog
    call(runner, qtbot, lambda d: backup.configure(d, folder=tmp_path / "bk"))
    made = call(runner, qtbot, lambda d: backup.make_backup(d)).database
    call(runner, qtbot, lambda d: d.users.set_password(ADMIN, "a-newer-password-2"))
    call(runner, qtbot, lambda d: d.customers.add({"kind": "individual", "name": "备份后"}))
    asked = []

    def answer(parent, title, label, *args, **kwargs):
        asked.append(label)
        return ADMIN_PW, True
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(answer))
    page = settings_page(runner, qtbot)
    box = page.backups
    box.restore(made, "a-newer-password-2")
    qtbot.waitUntil(lambda: runner.pending == 0 and box.restored is not None, timeout=T)
    assert len(asked) == 1 and "as it was then" in asked[0]
    assert "restored" in box.message.text() and "as they were" in box.message.text()
    assert names(runner, qtbot) == []
    # The key slots are the backup's: the password as it was then opens the database again.
    assert call(runner, qtbot, lambda d: d.verify_password(ADMIN_PW))


def test_restore_with_the_current_password_asks_nothing_more_and_names_who_is_disabled_again(
        runner, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QInputDialog
    call(runner, qtbot, lambda d: backup.configure(d, folder=tmp_path / "bk"))
    made = call(runner, qtbot, lambda d: backup.make_backup(d)).database
    call(runner, qtbot, lambda d: d.users.disable("clerk"))

    def unexpected(*args, **kwargs):
        raise AssertionError("no second password is needed")
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(unexpected))
    page = settings_page(runner, qtbot)
    box = page.backups
    box.restore(made, ADMIN_PW)
    qtbot.waitUntil(lambda: runner.pending == 0 and box.restored is not None, timeout=T)
    assert box.restored.disabled_again == ("clerk",)
    assert "disabled again" in box.message.text() and "clerk" in box.message.text()
    assert not call(runner, qtbot, lambda d: d.users.get("clerk")).active


def test_the_login_restore_asks_for_the_old_password_when_the_current_one_does_not_open_it(
        db_path, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QInputDialog
    from custdesk.gui.login import LoginDialog
    from custdesk.gui.operations import DeskRunner
    with Desk.open(db_path, ADMIN, ADMIN_PW) as desk:
        desk.customers.add({"kind": "individual", "name": "备份前"})
        backup.configure(desk, folder=tmp_path / "bk")
        made = backup.make_backup(desk)
        desk.users.set_password(ADMIN, "a-newer-password-2")
        desk.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(db_path.read_bytes())
    data[4096 * 3 + 77] ^= 1
    db_path.write_bytes(data)
    asked = []

    def answer(parent, title, label, *args, **kwargs):
        asked.append(label)
        return ADMIN_PW, True
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(answer))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    runner = DeskRunner()
    try:
        dialog = LoginDialog(runner, db_path)
        qtbot.addWidget(dialog)
        dialog.user.setCurrentText(ADMIN)
        dialog.password.setText("a-newer-password-2")
        dialog.submit()
        qtbot.waitUntil(lambda: runner.pending == 0 and dialog.damaged is not None, timeout=T)
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.restored_box is not None, timeout=T)
        assert len(asked) == 1 and str(made.database) != ""
        assert "as they were" in dialog.restored_box.text()
        with qtbot.waitSignal(dialog.accepted, timeout=T):
            dialog.restored_box.button(QMessageBox.StandardButton.Ok).click()
        assert call(runner, qtbot, lambda d: d.db.execute(
            "SELECT count(*) FROM customers").fetchone()[0]) == 1
    finally:
        runner.close()

"""设置 › 用户: adding users (no 公开, strength feedback), one-time passwords for others, and
re-encrypting older backups after disabling someone."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from custdesk import paths
from custdesk.core import backup
from custdesk.core.desk import Desk
from custdesk.core.fields import LEVELS, level_label
from custdesk.core.store.keyslots import KeySlots
from custdesk.core.users import password_problem
from custdesk.gui.settings_page import SettingsPage
from custdesk.gui.users_settings import AddUserDialog
from tests.conftest import ADMIN
from tests.gui.conftest import call

T = 20_000


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "userdata"
    monkeypatch.setattr(paths, "data_dir", lambda: folder)
    return folder


@pytest.fixture
def answers(monkeypatch):
    """QMessageBox.question answers Yes (recorded) instead of blocking."""
    asked = []

    def yes(*args, **kwargs):
        asked.append(args[2] if len(args) > 2 else "")
        return QMessageBox.StandardButton.Yes
    monkeypatch.setattr(QMessageBox, "question", staticmethod(yes))
    return asked


def users_box(runner, qtbot):
    page = SettingsPage(runner, call(runner, qtbot, lambda d: d.user))
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=T)
    return page, page.users_box


def test_adding_a_user_offers_no_public_clearance_and_shows_why_a_password_is_weak(
        runner, db_path, qtbot):
    _page, box = users_box(runner, qtbot)
    dialog: AddUserDialog = box.add_user()
    assert dialog.isVisible()
    offered = [dialog.clearance.itemText(i) for i in range(dialog.clearance.count())]
    assert level_label(0) not in offered
    assert offered == [level_label(i) for i in range(1, len(LEVELS))]

    dialog.name.setText("x")                               # too short for core's rule
    assert not dialog.name_error.isHidden() and not dialog.ok_button.isEnabled()
    dialog.name.setText("zhaolei")
    dialog.full_name.setText("赵磊")
    qtbot.keyClicks(dialog.fields.password, "zhaolei1")
    assert dialog.fields.feedback.text() == password_problem("zhaolei1", "zhaolei", ("赵磊",))
    assert not dialog.ok_button.isEnabled()
    dialog.fields.password.setText("copper-lantern-meadow")
    dialog.fields.confirm.setText("copper-lantern-meadow")
    assert dialog.fields.feedback.text() == "Strong enough." and dialog.ok_button.isEnabled()
    dialog.clearance.setCurrentIndex(dialog.clearance.findData(2))
    assert dialog.one_time.isChecked()                     # the recommended default
    with qtbot.waitSignal(dialog.added, timeout=T):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.select("zhaolei"), timeout=T)
    assert "one-time password" in box.message.text()
    user = call(runner, qtbot, lambda d: d.users.get("zhaolei"))
    assert (user.role, user.clearance, user.full_name) == ("clerk", 2, "赵磊")
    assert KeySlots.load(db_path).must_change("zhaolei")


def test_core_refusals_are_shown_in_the_add_user_dialog(runner, qtbot):
    _page, box = users_box(runner, qtbot)
    dialog = box.add_user()
    dialog.name.setText("clerk")                           # exists already
    dialog.fields.password.setText("copper-lantern-meadow")
    dialog.fields.confirm.setText("copper-lantern-meadow")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.message.isHidden(), timeout=T)
    assert "clerk" in dialog.message.text() and dialog.isVisible()
    assert dialog.ok_button.isEnabled()


def test_a_password_set_for_someone_else_is_a_one_time_password(runner, db_path, qtbot):
    _page, box = users_box(runner, qtbot)
    qtbot.waitUntil(lambda: box.select("clerk"), timeout=T)
    dialog = box.set_password()
    assert "one-time password" in dialog.note.text()
    dialog.fields.password.setText("abc")
    assert dialog.fields.feedback.text() == password_problem("abc", "clerk")
    assert not dialog.ok_button.isEnabled()
    dialog.fields.password.setText("granite-orchid-velvet")
    dialog.fields.confirm.setText("granite-orchid-velvet")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "one-time" in box.message.text(), timeout=T)
    assert "next login" in box.message.text()
    with Desk.open(db_path, "clerk", "granite-orchid-velvet") as clerk:
        assert clerk.must_change_password

    # One's own password is one's own: no one-time note.
    assert box.select(ADMIN)
    own = box.set_password()
    assert "one-time" not in own.note.text()
    own.reject()


def test_disabling_a_user_offers_to_re_encrypt_the_older_backups(runner, qtbot, tmp_path,
                                                                 answers):
    call(runner, qtbot, lambda d: backup.configure(d, folder=tmp_path / "bk"))
    made = call(runner, qtbot, lambda d: backup.make_backup(d)).database
    old_key = call(runner, qtbot, lambda d: d.key)
    page, box = users_box(runner, qtbot)
    qtbot.waitUntil(lambda: box.select("clerk"), timeout=T)
    shown = []
    original = box._show_rekey_progress
    box._rekey_progress.disconnect(original)
    box._rekey_progress.connect(lambda done, total: (shown.append((done, total)),
                                                     original(done, total)))
    qtbot.mouseClick(box.buttons["disable"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.rekey_result is not None and runner.pending == 0, timeout=T)
    assert len(answers) == 2 and "old password" in answers[1]   # disable, then re-encrypt
    assert box.rekey_result["rekeyed"] == [made.name]
    assert "Re-encrypted 1 older backups" in box.message.text()
    assert box.progress is None
    if "progress" in inspect.signature(backup.rekey_sets).parameters:
        assert shown and shown[0][1] == 1
    # The backup opens with the database's new key only.
    new_key = call(runner, qtbot, lambda d: d.key)
    assert new_key != old_key
    assert backup.verify_backup(made, new_key).ok
    assert not backup.verify_backup(made, old_key).ok
    # The clerk is disabled for good.
    assert not call(runner, qtbot, lambda d: d.users.get("clerk")).active
    assert page.backups.table.rowCount() == 1


def test_declining_the_re_encryption_says_what_it_leaves(runner, qtbot, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda *a, **k: QMessageBox.StandardButton.Yes if "Disable" in a[1]
        else QMessageBox.StandardButton.No))
    _page, box = users_box(runner, qtbot)
    qtbot.waitUntil(lambda: box.select("reviewer"), timeout=T)
    box.disable_user()
    qtbot.waitUntil(lambda: "not re-encrypted" in box.message.text(), timeout=T)
    assert box.rekey_result is None
    assert not call(runner, qtbot, lambda d: d.users.get("reviewer")).active

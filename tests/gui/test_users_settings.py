"""设置 › 用户: adding users (no 公开, strength feedback), one-time passwords for others, and
re-encrypting older backups after disabling someone."""

from __future__ import annotations

import inspect

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from custdesk.core import backup
from custdesk.core.desk import Desk
from custdesk.core.fields import LEVELS, level_label
from custdesk.core.store.keyslots import KeySlots
from custdesk.core.users import password_problem
from custdesk.gui.users_settings import UserDialog
from tests.conftest import ADMIN
from tests.gui.conftest import call, settings_page

T = 20_000


pytestmark = pytest.mark.usefixtures("data_dir")


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
    page = settings_page(runner, qtbot)
    return page, page.users_box


def test_adding_a_user_offers_no_public_clearance_and_shows_why_a_password_is_weak(
        runner, db_path, qtbot):
    _page, box = users_box(runner, qtbot)
    dialog: UserDialog = box.add_user()
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
    # Beside the user name, the field it concerns; nothing typed is lost.
    qtbot.waitUntil(lambda: not dialog.name_error.isHidden(), timeout=T)
    assert "clerk" in dialog.name_error.text() and dialog.isVisible()
    assert dialog.message.isHidden()
    assert dialog.fields.password.text() == "copper-lantern-meadow"
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


# -- one dialog for a user: defaults that work, what a clearance means, keyboard ----------

def test_a_clerk_added_with_the_defaults_sees_the_files_and_saves_one(runner, make_runner,
                                                                     qtbot):
    from custdesk.core.fields import DEFAULT_FILE_LEVEL
    from custdesk.core.users import DEFAULT_CLEARANCE
    from custdesk.gui.customers.list_page import CustomerListPage
    from custdesk.gui.editor import CustomerEditor
    made = [call(runner, qtbot, lambda d, n=n: d.customers.add({"kind": "individual",
                                                                "name": n})).code
            for n in ("王芳", "李娜", "刘晶")]
    levels = {call(runner, qtbot, lambda d, c=c: d.customers.get(c)["level"]) for c in made}
    assert levels == {LEVELS[DEFAULT_FILE_LEVEL]}
    _page, box = users_box(runner, qtbot)
    dialog = box.add_user()
    assert dialog.clearance.currentData() == DEFAULT_CLEARANCE
    assert dialog.role.currentData() == "clerk"
    # Only what cannot be defaulted: a name, a display name and a password.
    qtbot.keyClicks(dialog.name, "mei")
    dialog.full_name.setText("林美")
    dialog.fields.password.setText("copper-lantern-meadow")
    dialog.fields.confirm.setText("copper-lantern-meadow")
    dialog.one_time.setChecked(False)
    with qtbot.waitSignal(dialog.added, timeout=T):
        qtbot.keyClick(dialog.fields.confirm, Qt.Key.Key_Return)       # Enter accepts
    user = call(runner, qtbot, lambda d: d.users.get("mei"))
    assert (user.role, user.clearance, user.full_name) == ("clerk", DEFAULT_CLEARANCE, "林美")

    from tests.conftest import PASSWORDS
    PASSWORDS["mei"] = "copper-lantern-meadow"
    try:
        mei = make_runner("mei")
    finally:
        del PASSWORDS["mei"]
    page = CustomerListPage(mei)
    qtbot.addWidget(page)
    qtbot.waitUntil(page.is_settled, timeout=T)
    shown = {page.model.display(row, 0) for row in range(page.model.rowCount())}
    assert set(made) <= shown
    editor = CustomerEditor(mei, None, "enterprise")
    qtbot.addWidget(editor)
    editor.form.set_value("name", "甲乙商贸有限公司")
    with qtbot.waitSignal(editor._save_done, timeout=T) as saved:
        assert editor.save()
    assert saved.args[0] is True and editor.code
    assert call(mei, qtbot, lambda d: d.customers.get(editor.code))["level"] == \
        LEVELS[DEFAULT_FILE_LEVEL]


def test_each_clearance_says_what_its_holder_sees(runner, qtbot):
    from custdesk.core.users import clearance_explained
    _page, box = users_box(runner, qtbot)
    dialog = box.add_user()
    qtbot.waitUntil(lambda: dialog._field_levels is not None, timeout=T)
    levels = call(runner, qtbot, lambda d: d.access.field_levels())
    texts = set()
    for index in range(dialog.clearance.count()):
        dialog.clearance.setCurrentIndex(index)
        text = dialog.clearance_hint.text()
        assert text == clearance_explained(dialog.clearance.currentData(), levels, "clerk")
        texts.add(text)
    assert len(texts) == dialog.clearance.count()          # each says something of its own
    assert dialog.role_hint.text()
    dialog.role.setCurrentIndex(dialog.role.findData("reviewer"))
    assert "pprove" in dialog.role_hint.text()


def test_a_refused_password_keeps_everything_typed_and_esc_cancels(runner, qtbot, monkeypatch):
    from custdesk.core import users
    _page, box = users_box(runner, qtbot)
    dialog = box.add_user()
    dialog.name.setText("zhaolei")
    dialog.full_name.setText("赵磊")
    dialog.role.setCurrentIndex(dialog.role.findData("reviewer"))
    dialog.clearance.setCurrentIndex(dialog.clearance.findData(2))
    dialog.fields.password.setText("copper-lantern-meadow")
    dialog.fields.confirm.setText("copper-lantern-meadow")
    # Core has the last word (a stricter rule than the dialog's): its refusal is shown
    # under the password, and nothing typed is gone.
    monkeypatch.setattr(users, "password_problem", lambda *a, **k: "too plain for core")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.errors["password"].isHidden(), timeout=T)
    assert "too plain for core" in dialog.errors["password"].text()
    assert dialog.values() == {"name": "zhaolei", "full_name": "赵磊", "role": "reviewer",
                               "clearance": 2, "password": "copper-lantern-meadow",
                               "one_time": True}
    assert dialog.fields.confirm.text() == "copper-lantern-meadow"
    monkeypatch.undo()
    with qtbot.waitSignal(dialog.rejected, timeout=T):
        qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
    assert not call(runner, qtbot, lambda d: d.users.exists("zhaolei"))


def test_changing_a_user_uses_the_same_dialog(runner, qtbot):
    _page, box = users_box(runner, qtbot)
    qtbot.waitUntil(lambda: box.select("clerk"), timeout=T)
    dialog = box.edit_user()
    assert dialog.name.isReadOnly() and dialog.name.text() == "clerk"
    assert dialog.fields is None                          # the password has its own button
    assert dialog.role.currentData() == "clerk" and dialog.clearance.currentData() == 1
    dialog.full_name.setText("孙丽")
    dialog.clearance.setCurrentIndex(dialog.clearance.findData(2))
    with qtbot.waitSignal(dialog.saved, timeout=T):
        qtbot.keyClick(dialog.full_name, Qt.Key.Key_Return)
    user = call(runner, qtbot, lambda d: d.users.get("clerk"))
    assert (user.full_name, user.clearance, user.role) == ("孙丽", 2, "clerk")
    qtbot.waitUntil(lambda: "changed" in box.message.text(), timeout=T)
    # Lowering a clearance says what it does before it is done.
    qtbot.waitUntil(lambda: box.select("clerk") and box._users["clerk"].clearance == 2,
                    timeout=T)
    again = box.edit_user()
    again.clearance.setCurrentIndex(again.clearance.findData(1))
    assert "new keys" in again.clearance_hint.text()
    again.reject()

"""Four eyes at one keyboard: switching user in one process, from the File menu and from the
lock screen, and the login that remembers who logged in last."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel, QMessageBox

from custdesk.core.desk import Desk
from custdesk.core.store.keyslots import Personal
from custdesk.gui import translation
from custdesk.gui.login import LoginDialog, remember_user, remembered_user
from custdesk.gui.operations import DeskRunner
from custdesk.gui.session import Sessions
from tests.conftest import PASSWORDS
from tests.gui.conftest import call
from tests.gui.test_approvals import submitted_assessment

T = 20_000


@pytest.fixture
def sessions(db_path, qtbot):
    """Sessions started on a runner with a clerk logged in ("senior": cleared to grade a
    person, whose income is 秘密); closed at the end."""
    runner = DeskRunner()
    runner.run(lambda _d: runner.set_desk(Desk.open(db_path, "senior", PASSWORDS["senior"])))
    qtbot.waitUntil(lambda: runner.pending == 0 and runner.desk is not None, timeout=T)
    made = Sessions(runner, db_path)
    yield made
    if made.window is not None:
        made.idle.stop()
        made.overlay.release()
        for editor in made.window.editors():
            editor.revert()
        made.window.close()
        made.window.deleteLater()
    if made.login is not None:
        made.login.done(0)
    made.runner.close()


def personal_keys_alive(sign_seed: bytes) -> bool:
    gc.collect()
    return any(isinstance(o, Personal) and o.sign_seed == sign_seed for o in gc.get_objects())


def log_in(qtbot, sessions, user: str):
    login = sessions.login
    assert login is not None and login.isVisible()
    login.user.setEditText(user)
    login.password.setText(PASSWORDS[user])
    with qtbot.waitSignal(sessions.started, timeout=T):
        qtbot.keyClick(login.password, Qt.Key.Key_Return)
    return sessions.window


def test_clerk_to_reviewer_in_one_process(sessions, db_path, qtbot, monkeypatch):
    clerk_runner = sessions.runner
    code, assessment = call(clerk_runner, qtbot, lambda d: submitted_assessment(d))
    window = sessions.start()
    assert window.user.name == "senior" and "approvals" not in window.area_keys()
    seed = clerk_runner.desk.personal.sign_seed

    # An open file with unsaved changes is asked about, as on quit: Cancel keeps the session.
    window.open_customer(code)
    editor = window.editors()[0]
    qtbot.waitUntil(lambda: bool(editor.data), timeout=T)
    editor.form.set_value("name", "张伟强")
    assert editor.has_unsaved_changes()
    asked = []

    def answer(button):
        def ask(*args, **kwargs):
            asked.append(args[2])
            return button
        return staticmethod(ask)

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Cancel))
    window.switch_user_action.trigger()
    assert sessions.window is window and sessions.login is None and clerk_runner.desk
    assert "unsaved changes" in asked[0]
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Discard))
    window.switch_user_action.trigger()

    # The clerk's session is over: logged out, keys gone, the login shown with no name.
    assert sessions.login is not None and sessions.login.isVisible()
    assert sessions.login.user.currentText() == ""
    message = sessions.login.message
    assert "senior has logged out" in message.text()
    assert message.palette().color(message.foregroundRole()).name() != "#b00020"   # not an error
    assert sessions.runner is not clerk_runner
    assert not personal_keys_alive(seed)

    reviewer_window = log_in(qtbot, sessions, "reviewer")
    assert reviewer_window is not window and reviewer_window.isVisible()
    assert reviewer_window.user.name == "reviewer" and "approvals" in reviewer_window.area_keys()
    shown = [label.text() for label in reviewer_window.statusBar().findChildren(QLabel)]
    assert "User: reviewer" in shown and not any("senior" in text for text in shown)
    page = reviewer_window.approvals_page
    qtbot.waitUntil(lambda: [i["id"] for i in page.items] == [assessment], timeout=T)
    call(sessions.runner, qtbot, lambda d: d.grading.approve(assessment))
    assert call(sessions.runner, qtbot, lambda d: d.grading.get(assessment)["status"]) == \
        "approved"
    # The unsaved name was discarded, not saved by anyone.
    assert call(sessions.runner, qtbot, lambda d: d.customers.get(code)["name"]) == "张伟"
    assert remembered_user(db_path) == "reviewer"

    with Desk.open(db_path, "boss", PASSWORDS["boss"]) as boss:
        trail = [(e["user"], e["action"]) for e in boss.audit.entries()
                 if e["action"] in ("login", "logout")]
    assert trail[:3] == [("boss", "login"), ("reviewer", "login"), ("senior", "logout")]


def test_switch_user_is_in_the_file_menu_with_a_shortcut(sessions):
    window = sessions.start()
    file_menu = window.menuBar().actions()[0].menu()
    actions = [a for a in file_menu.actions() if not a.isSeparator()]
    assert window.switch_user_action in actions
    assert actions.index(window.switch_user_action) == actions.index(window.lock_action) + 1
    assert window.switch_user_action.shortcut() == QKeySequence("Ctrl+Shift+L")


def test_another_user_from_the_lock_screen(sessions, db_path, qtbot, monkeypatch):
    clerk_runner = sessions.runner
    code = call(clerk_runner, qtbot, lambda d: d.customers.add(
        {"kind": "individual", "name": "李娜"}).code)
    window = sessions.start()
    window.open_customer(code)
    editor = window.editors()[0]
    qtbot.waitUntil(lambda: bool(editor.data), timeout=T)
    editor.form.set_value("name", "李娜娜")
    sessions.idle.lock_now()
    overlay = sessions.overlay
    assert overlay.is_locked and overlay.switch_button.isVisible()

    # The person at the keyboard is not the author: told how many files lose changes, no names.
    asked = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No))
    qtbot.mouseClick(overlay.switch_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and "1" in asked[0] and "李娜" not in asked[0]
    assert sessions.window is window and overlay.is_locked       # still locked, nothing lost
    assert editor.has_unsaved_changes()

    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda *a, **k: QMessageBox.StandardButton.Yes))
    qtbot.mouseClick(overlay.switch_button, Qt.MouseButton.LeftButton)
    assert sessions.login is not None and sessions.login.isVisible()
    manager_window = log_in(qtbot, sessions, "manager")
    assert manager_window.user.name == "manager"
    assert call(sessions.runner, qtbot, lambda d: d.customers.get(code)["name"]) == "李娜"
    # The new window is usable: not locked, shortcuts reach it.
    assert not sessions.overlay.is_locked and manager_window.pages.isVisible()


def test_closing_the_login_after_a_switch_quits(sessions, qtbot):
    sessions.start()
    with qtbot.waitSignal(sessions.quit_requested, timeout=T):
        sessions.window.switch_user_action.trigger()
        sessions.login.reject()
    assert sessions.window is None and sessions.runner.desk is None


# -- the remembered user -------------------------------------------------------------------

def test_the_login_remembers_the_last_user_per_database(db_path, tmp_path, qtbot):
    runner = DeskRunner()
    try:
        first = LoginDialog(runner, db_path)
        qtbot.addWidget(first)
        assert first.user.currentText() == ""            # nobody yet, several users
        first.user.setEditText("reviewer")
        first.password.setText(PASSWORDS["reviewer"])
        with qtbot.waitSignal(first.accepted, timeout=T):
            first.submit()
        assert remembered_user(db_path) == "reviewer"
        runner.run(lambda d: (d.close(), runner.set_desk(None)))
        qtbot.waitUntil(lambda: runner.pending == 0, timeout=T)

        again = LoginDialog(runner, db_path)
        qtbot.addWidget(again)
        again.show()
        qtbot.waitExposed(again)
        assert again.user.currentText() == "reviewer"
        assert again.focusWidget() is again.password       # the cursor where it is needed
        # Only the name is kept: no password anywhere in the settings.
        store = translation.settings()
        values = [str(store.value(k)) for k in store.allKeys()]
        assert "reviewer" in values
        assert not any(PASSWORDS["reviewer"] in v for v in values)

        # Another database has its own memory; a remembered name without a key slot
        # (the user was disabled since) is not offered.
        other = tmp_path / "other.db"
        assert remembered_user(other) == ""
        remember_user(db_path, "gone")
        stale = LoginDialog(runner, db_path)
        qtbot.addWidget(stale)
        assert stale.user.currentText() == ""
    finally:
        runner.close()

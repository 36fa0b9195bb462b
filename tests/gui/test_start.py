"""Starting up: the setup wizard, the login dialog, the idle lock and one window per database."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import timedelta

import pytest
from PySide6.QtCore import QLockFile, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QWizard

from custdesk.core import clock
from custdesk.core.desk import Desk
from custdesk.core.errors import AuthenticationFailed, LoginThrottled
from custdesk.core.keys.primitives import fingerprint
from custdesk.core.store.keyslots import KeySlots, parse_recovery_key
from custdesk.gui.idle_lock import IdleLock, LockOverlay
from custdesk.gui.login import LoginDialog
from custdesk.gui.operations import DeskRunner
from custdesk.gui.setup_wizard import SetupWizard
from custdesk.gui.single_instance import SingleInstance, instance_key
from tests.conftest import PASSWORDS
from tests.gui.conftest import call

KEY_FORMAT = re.compile(r"^[A-Z2-7]{8}(-[A-Z2-7]{1,8})+$")
WAIT = 15_000


@pytest.fixture
def bare_runner():
    """A runner with no desk yet (what the program has before setup or login)."""
    runner = DeskRunner()
    yield runner
    runner.close()


# -- setup wizard -------------------------------------------------------------------------

def test_setup_wizard_end_to_end(bare_runner, qtbot, tmp_path, monkeypatch):
    path = tmp_path / "data" / "custdesk.db"      # the data folder does not exist yet
    printed = []
    wizard = SetupWizard(bare_runner, path,
                         printer=lambda parent, doc: printed.append(doc.toPlainText()) or True)
    qtbot.addWidget(wizard)
    wizard.show()
    next_button = wizard.button(QWizard.WizardButton.NextButton)

    # This PC is the first page's choice unless the office database is chosen.
    assert wizard.currentId() == SetupWizard.CHOICE and wizard.choice.local.isChecked()
    wizard.next()
    assert wizard.currentId() == SetupWizard.WELCOME and not next_button.isEnabled()
    wizard.welcome.firm.setText("测试商贸有限公司")
    assert next_button.isEnabled()
    wizard.next()

    page = wizard.admin
    assert wizard.currentId() == SetupWizard.ADMIN
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    page.user.setText("x")                        # too short for core's rule
    page.password.setText("short")
    assert page.user_error.isVisible() and page.password_error.isVisible()
    assert "8" in page.password_error.text()      # core's own message, with its minimum
    assert not commit.isEnabled()
    page.user.setText("admin")
    page.full_name.setText("周建国")
    page.password.setText("a-good-password")
    page.confirm.setText("a-good-passwor")
    assert page.confirm_error.isVisible() and not commit.isEnabled()
    page.confirm.setText("a-good-password")
    assert not page.user_error.isVisible() and not page.password_error.isVisible()
    assert commit.isEnabled()

    wizard.next()                                  # "Create database": runs on the runner
    assert wizard.currentId() == SetupWizard.CREATING
    qtbot.waitUntil(lambda: wizard.currentId() == SetupWizard.RECOVERY, timeout=WAIT)

    key = wizard.recovery.key_field.text()
    assert KEY_FORMAT.match(key) and parse_recovery_key(key) is not None
    assert wizard.recovery.key_field.isReadOnly()
    assert KeySlots.load(path).unlock_recovery(key) is not None   # the very key that opens it
    assert path.exists() and KeySlots.load(path).users() == ["admin"]
    # The root key's fingerprint, to write beside the key: the one every account trusts.
    root = fingerprint(call(bare_runner, qtbot, lambda d: d.personal.root))
    assert wizard.recovery.fingerprint == root
    assert root in wizard.recovery.fingerprint_label.text()

    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert finish.isVisible() and not finish.isEnabled()
    wizard.reject()                                # no way out before the key is kept
    assert wizard.isVisible()

    saved = tmp_path / "key"                       # no suffix: .txt is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kw: (str(saved), "")))
    wizard.recovery.save_button.click()
    text = (tmp_path / "key.txt").read_text(encoding="utf-8-sig")
    assert (tmp_path / "key.txt").stat().st_mode & 0o777 == 0o600     # the key: hers alone
    assert key in text and "测试商贸有限公司" in text and str(path) in text and root in text
    assert clock.today().isoformat() in text

    wizard.recovery.print_button.click()
    assert len(printed) == 1 and key in printed[0] and "测试商贸有限公司" in printed[0]
    assert root in printed[0]

    assert not finish.isEnabled()
    wizard.recovery.kept.setChecked(True)
    assert finish.isEnabled()
    with qtbot.waitSignal(wizard.desk_ready, timeout=WAIT):
        finish.click()
    assert not wizard.isVisible()
    desk = bare_runner.desk
    assert desk is not None and desk.user.name == "admin" and desk.user.role == "admin"
    assert call(bare_runner, qtbot, lambda d: (d.firm_name, d.user.full_name)) == \
        ("测试商贸有限公司", "周建国")


def test_setup_wizard_reports_a_failed_creation_and_may_retry(bare_runner, qtbot, tmp_path):
    path = tmp_path / "custdesk.db"
    wizard = SetupWizard(bare_runner, path, printer=lambda *a: True)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()                                  # this PC
    wizard.welcome.firm.setText("某某公司")
    wizard.next()
    wizard.admin.password.setText("a-good-password")
    wizard.admin.confirm.setText("a-good-password")
    path.write_bytes(b"in the way")                # someone else's file: never overwritten
    wizard.next()
    page = wizard.creating
    qtbot.waitUntil(lambda: page.error.isVisible(), timeout=WAIT)
    assert str(path) in page.error.text() and page.retry.isVisible()
    assert wizard.currentId() == SetupWizard.CREATING and path.read_bytes() == b"in the way"
    path.unlink()
    page.retry.click()
    qtbot.waitUntil(lambda: wizard.currentId() == SetupWizard.RECOVERY, timeout=WAIT)
    assert bare_runner.desk is not None


# -- login --------------------------------------------------------------------------------

def login_dialog(runner, db_path, qtbot, **kw) -> LoginDialog:
    dialog = LoginDialog(runner, db_path, **kw)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def attempt(dialog, qtbot, user, password) -> None:
    dialog.user.setCurrentText(user)
    dialog.password.setText(password)
    with qtbot.waitSignal(dialog.runner.finished, timeout=WAIT):
        dialog.login_button.click()


def test_login_opens_the_desk_on_the_runner(bare_runner, db_path, qtbot):
    dialog = login_dialog(bare_runner, db_path, qtbot)
    names = [dialog.user.itemText(i) for i in range(dialog.user.count())]
    assert names == sorted(PASSWORDS)
    assert dialog.password.echoMode() == dialog.password.EchoMode.Password
    assert dialog.hint_label is None
    dialog.user.setCurrentText("clerk")
    dialog.password.setText(PASSWORDS["clerk"])
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert bare_runner.desk is dialog.desk and dialog.desk.user.name == "clerk"
    assert call(bare_runner, qtbot, lambda desk: desk.user.role) == "clerk"


def test_wrong_password_is_said_plainly_and_cleared(bare_runner, db_path, qtbot):
    dialog = login_dialog(bare_runner, db_path, qtbot)
    attempt(dialog, qtbot, "clerk", "not-my-password")
    assert dialog.isVisible() and bare_runner.desk is None
    assert dialog.message.isVisible() and dialog.message.text() == str(AuthenticationFailed())
    assert dialog.password.text() == "" and dialog.focusWidget() is dialog.password
    assert dialog.login_button.isEnabled() and dialog.user.currentText() == "clerk"


def test_fourth_attempt_is_throttled_with_a_countdown(bare_runner, db_path, qtbot):
    start = clock.now()
    clock.set_fixed(start)
    dialog = login_dialog(bare_runner, db_path, qtbot)
    for _ in range(3):
        attempt(dialog, qtbot, "clerk", "guess-guess")
        assert dialog.message.text() == str(AuthenticationFailed())
        assert dialog.login_button.isEnabled()
    attempt(dialog, qtbot, "clerk", PASSWORDS["clerk"])     # even the right one must wait
    assert dialog.message.text() == str(LoginThrottled(5))
    assert not dialog.login_button.isEnabled() and bare_runner.desk is None
    dialog.submit()                                          # Enter while waiting does nothing
    assert bare_runner.pending == 0

    dialog.countdown.set_interval(20)                        # count the seconds down quickly
    qtbot.waitUntil(lambda: dialog.message.text() == str(LoginThrottled(2)), timeout=WAIT)
    qtbot.waitUntil(dialog.login_button.isEnabled, timeout=WAIT)
    clock.set_fixed(start + timedelta(seconds=6))            # and the wait is over for core too
    dialog.password.setText(PASSWORDS["clerk"])
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT):
        dialog.login_button.click()
    assert bare_runner.desk.user.name == "clerk"


def test_store_errors_are_shown(bare_runner, tmp_path, qtbot):
    dialog = login_dialog(bare_runner, tmp_path / "nothing.db", qtbot)
    assert dialog.user.count() == 0
    attempt(dialog, qtbot, "boss", PASSWORDS["boss"])
    assert "nothing.db" in dialog.message.text() and dialog.isVisible()
    assert dialog.login_button.isEnabled()


def test_demo_hint_lists_users_and_preselects_admin(bare_runner, tmp_path, qtbot):
    path = tmp_path / "demo.db"
    desk, _ = Desk.create(path, "admin", "demo-admin-2026")
    desk.close()
    hint = {"admin": "demo-admin-2026", "clerk": "demo-clerk-2026"}
    dialog = login_dialog(bare_runner, path, qtbot, hint=hint)
    assert dialog.user.currentText() == "admin"
    assert dialog.hint_label is not None and dialog.hint_label.isVisible()
    shown = dialog.hint_label.text()
    assert all(name in shown and password in shown for name, password in hint.items())
    dialog.password.setText("demo-admin-2026")
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT):
        dialog.login_button.click()


# -- idle lock ----------------------------------------------------------------------------

def test_idle_lock_fires_after_the_timeout_without_input(qtbot):
    idle = IdleLock(timeout_ms=80)
    assert IdleLock().timeout_ms == 5 * 60_000
    with qtbot.waitSignal(idle.locked, timeout=WAIT):
        idle.start()
    assert idle.is_locked
    with qtbot.assertNotEmitted(idle.locked, wait=200):     # once, until resumed
        pass
    with qtbot.waitSignal(idle.locked, timeout=WAIT):
        idle.resume()
    idle.stop()


def test_idle_lock_waits_while_input_keeps_arriving(qtbot):
    widget = QLabel("busy clerk")
    qtbot.addWidget(widget)
    widget.show()
    idle = IdleLock(timeout_ms=600)
    typing = QTimer()
    typing.setInterval(30)
    typing.timeout.connect(lambda: qtbot.keyClick(widget, Qt.Key.Key_A))
    typing.start()
    idle.start()
    with qtbot.assertNotEmitted(idle.locked, wait=1500):   # over two timeouts of steady typing
        pass
    typing.stop()
    with qtbot.waitSignal(idle.locked, timeout=WAIT):      # and it locks once typing stops
        pass
    idle.stop()


def test_idle_lock_timeout_can_be_changed_and_turned_off(qtbot):
    idle = IdleLock(minutes=10)
    idle.set_minutes(1)
    assert idle.timeout_ms == 60_000
    idle.set_timeout_ms(0)
    idle.start()
    with qtbot.assertNotEmitted(idle.locked, wait=100):
        pass
    with qtbot.waitSignal(idle.locked, timeout=WAIT):
        idle.set_timeout_ms(30)
    idle.stop()


@pytest.fixture
def main_window(qtbot):
    window = QMainWindow()
    window.setCentralWidget(QLabel("张三 11010519491231002X"))
    qtbot.addWidget(window)
    window.resize(640, 480)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_unlock_with_wrong_then_right_password(runner, main_window, qtbot):
    overlay = LockOverlay(runner, main_window, "boss")
    fired = []
    shortcut = QShortcut(QKeySequence("Ctrl+E"), main_window)
    shortcut.activated.connect(lambda: fired.append(True))
    qtbot.keyClick(main_window.centralWidget(), Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert fired == [True]                         # (the shortcut works at all)
    fired.clear()
    assert not overlay.is_locked
    overlay.lock()
    assert overlay.is_locked and overlay.isVisible()
    assert overlay.geometry() == main_window.rect()
    assert "boss" in overlay.user_label.text()
    main_window.resize(800, 600)
    qtbot.waitUntil(lambda: overlay.geometry() == main_window.rect(), timeout=WAIT)
    # What is under the overlay is hidden by it and takes no input: no clicks, no shortcuts.
    central = main_window.centralWidget()
    on_top = main_window.childAt(central.geometry().center())
    assert on_top is overlay or overlay.isAncestorOf(on_top)
    qtbot.keyClick(overlay.password, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert fired == []

    overlay.password.setText("wrong-password")
    with qtbot.waitSignal(runner.finished, timeout=WAIT):
        overlay.unlock_button.click()
    assert overlay.is_locked and overlay.message.isVisible()
    assert overlay.password.text() == ""

    overlay.password.setText(PASSWORDS["boss"])
    with qtbot.waitSignal(overlay.unlocked, timeout=WAIT):
        qtbot.keyClick(overlay.password, Qt.Key.Key_Return)
    assert not overlay.is_locked and not overlay.isVisible()
    actions = call(runner, qtbot, lambda desk: [r[0] for r in desk.db.execute(
        "SELECT action FROM audit_log WHERE action LIKE 'unlock%' ORDER BY seq")])
    assert actions == ["unlock.failed", "unlock"]
    qtbot.keyClick(central, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert fired == [True]                         # shortcuts work again


def test_unlock_is_throttled_like_login(runner, main_window, qtbot):
    clock.set_fixed(clock.now())
    overlay = LockOverlay(runner, main_window, "boss")
    overlay.lock()
    for _ in range(3):
        overlay.password.setText("wrong-password")
        with qtbot.waitSignal(runner.finished, timeout=WAIT):
            overlay.submit()
    overlay.password.setText(PASSWORDS["boss"])
    with qtbot.waitSignal(runner.finished, timeout=WAIT):
        overlay.submit()
    assert overlay.message.text() == str(LoginThrottled(5))
    assert not overlay.unlock_button.isEnabled() and overlay.is_locked


def test_idle_lock_and_overlay_together(runner, main_window, qtbot):
    idle = IdleLock(timeout_ms=50, parent=main_window)
    overlay = LockOverlay(runner, main_window, "boss")
    idle.locked.connect(overlay.lock)
    overlay.unlocked.connect(idle.resume)
    with qtbot.waitSignal(idle.locked, timeout=WAIT):
        idle.start()
    assert overlay.is_locked
    idle.set_timeout_ms(60_000)
    overlay.password.setText(PASSWORDS["boss"])
    with qtbot.waitSignal(overlay.unlocked, timeout=WAIT):
        overlay.submit()
    assert not idle.is_locked
    idle.stop()


# -- single instance ----------------------------------------------------------------------

def test_one_instance_per_database(tmp_path, qtbot):
    path = tmp_path / "custdesk.db"
    first, second = SingleInstance(path), SingleInstance(tmp_path / "." / "custdesk.db")
    assert first.key == second.key and first.key == instance_key(str(path))
    assert first.acquire()
    with qtbot.waitSignal(first.activate_requested, timeout=WAIT):
        assert not second.acquire()                # and it asks the first to come forward
    first.release()
    assert second.acquire()
    assert not SingleInstance(path).acquire()
    second.release()


def test_other_databases_are_independent(tmp_path):
    one = SingleInstance(tmp_path / "a.db")
    other = SingleInstance(tmp_path / "b.db")
    assert one.key != other.key
    assert one.acquire() and other.acquire()
    one.release()
    other.release()


def test_a_crashed_holder_does_not_block(tmp_path):
    path = tmp_path / "custdesk.db"
    instance = SingleInstance(path)
    # Another process takes the lock and dies without releasing it.
    code = ("import os, sys\n"
            "from PySide6.QtCore import QLockFile\n"
            "lock = QLockFile(sys.argv[1]); lock.setStaleLockTime(0)\n"
            "assert lock.tryLock(0)\n"
            "os._exit(0)\n")
    subprocess.run([sys.executable, "-c", code, instance.lock_path], check=True, timeout=60)
    assert QLockFile(instance.lock_path).getLockInfo() is not None     # left behind
    assert instance.acquire()
    instance.release()


def test_a_lock_by_hand_says_so_and_an_idle_lock_says_why(runner, main_window, qtbot):
    idle = IdleLock(timeout_ms=60_000, parent=main_window)
    overlay = LockOverlay(runner, main_window, "boss")
    idle.locked.connect(overlay.lock)
    idle.start()
    with qtbot.waitSignal(idle.locked, timeout=WAIT) as locked:
        idle.lock_now()                            # File › Lock, Ctrl+L
    assert locked.args == [True]
    assert overlay.is_locked and overlay.explain.text().startswith("You locked the window")
    idle.resume()
    overlay.hide()
    idle.set_timeout_ms(50)
    with qtbot.waitSignal(idle.locked, timeout=WAIT) as locked:
        pass
    assert locked.args == [False]
    assert "not used for a while" in overlay.explain.text()
    idle.stop()

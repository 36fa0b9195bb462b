"""After the password, before the window: a one-time password must be replaced by the
user's own, and converting an older database shows its one-time passwords and new
recovery key once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from custdesk.core.desk import Desk
from custdesk.core.errors import AuthenticationFailed
from custdesk.core.store.keyslots import KeySlots
from custdesk.core.users import password_problem
from custdesk.gui.conversion_report import ConversionReportDialog
from custdesk.gui.login import LoginDialog
from custdesk.gui.operations import DeskRunner
from custdesk.gui.passwords import ChangePasswordDialog
from tests.conftest import ADMIN, ADMIN_PW

T = 15_000
ONE_TIME = "QWERT-ASDFG-ZXCVB-POIUY"
V1 = Path(__file__).parent.parent / "data" / "v1"
V1_BOSS = "boss-password-1"


@pytest.fixture
def bare_runner():
    runner = DeskRunner()
    yield runner
    runner.close()


def log_in(dialog: LoginDialog, name: str, password: str) -> None:
    dialog.user.setCurrentText(name)
    dialog.password.setText(password)
    dialog.submit()


@pytest.fixture
def clerk_with_one_time_password(db_path):
    with Desk.open(db_path, ADMIN, ADMIN_PW) as boss:
        boss.users.set_password("clerk", ONE_TIME)
    return db_path


def test_a_one_time_password_must_be_replaced_before_the_window_opens(
        clerk_with_one_time_password, bare_runner, qtbot):
    db_path = clerk_with_one_time_password
    dialog = LoginDialog(bare_runner, db_path)
    qtbot.addWidget(dialog)
    dialog.show()
    accepted = []
    dialog.accepted.connect(lambda: accepted.append(True))
    log_in(dialog, "clerk", ONE_TIME)
    qtbot.waitUntil(lambda: dialog.password_dialog is not None
                    and dialog.password_dialog.isVisible(), timeout=T)
    change: ChangePasswordDialog = dialog.password_dialog
    assert not accepted and dialog.isVisible()          # no window yet
    assert bare_runner.desk is not None

    fields = change.fields
    # Live feedback: core's own reason, as it is typed.
    qtbot.keyClicks(fields.password, "abcdefgh")
    assert fields.feedback.text() == password_problem("abcdefgh", "clerk")
    assert not change.save_button.isEnabled()
    fields.password.setText(ONE_TIME)                     # the one given is not one's own
    fields.confirm.setText(ONE_TIME)
    assert "own" in fields.feedback.text() and not change.save_button.isEnabled()
    fields.password.setText("violet-harbour-tram-42")
    fields.confirm.setText("violet-harbour-tram-4")
    assert "differ" in fields.feedback.text() and not change.save_button.isEnabled()
    fields.confirm.setText("violet-harbour-tram-42")
    assert fields.feedback.text() == "Strong enough." and change.save_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=T):
        qtbot.mouseClick(change.save_button, Qt.MouseButton.LeftButton)
    assert dialog.desk is bare_runner.desk and not bare_runner.desk.must_change_password

    # The new password is the user's own now; the one-time one opens nothing.
    bare_runner.run(lambda desk: desk.close())
    bare_runner._pool.submit(lambda: None).result(timeout=30)
    qtbot.waitUntil(lambda: bare_runner.pending == 0, timeout=T)
    with Desk.open(db_path, "clerk", "violet-harbour-tram-42") as clerk:
        assert not clerk.must_change_password
    with pytest.raises(AuthenticationFailed):
        Desk.open(db_path, "clerk", ONE_TIME)


def test_escape_in_the_password_change_logs_out(clerk_with_one_time_password, bare_runner,
                                                qtbot):
    dialog = LoginDialog(bare_runner, clerk_with_one_time_password)
    qtbot.addWidget(dialog)
    dialog.show()
    log_in(dialog, "clerk", ONE_TIME)
    qtbot.waitUntil(lambda: dialog.password_dialog is not None
                    and dialog.password_dialog.isVisible(), timeout=T)
    qtbot.keyClick(dialog.password_dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: bare_runner.desk is None and bare_runner.pending == 0, timeout=T)
    assert dialog.isVisible() and dialog.result() != LoginDialog.DialogCode.Accepted
    assert dialog.desk is None and dialog.password.text() == ""
    assert dialog.login_button.isEnabled() and "Logged out" in dialog.message.text()
    # Still a one-time password: the next login asks again.
    assert KeySlots.load(clerk_with_one_time_password).must_change("clerk")


@pytest.fixture
def old_database(tmp_path) -> Path:
    for name in ("v1.db", "v1.db.keys", "v1.db.audit-head"):
        shutil.copy2(V1 / name, tmp_path / name)
    return tmp_path / "v1.db"


def test_converting_an_older_database_shows_the_one_time_passwords_once(
        old_database, bare_runner, qtbot, tmp_path, monkeypatch):
    dialog = LoginDialog(bare_runner, old_database)
    qtbot.addWidget(dialog)
    printed = []
    dialog.printer = lambda parent, document: printed.append(document.toPlainText()) or True
    dialog.show()
    accepted = []
    dialog.accepted.connect(lambda: accepted.append(True))
    log_in(dialog, "boss", V1_BOSS)
    qtbot.waitUntil(lambda: dialog.conversion_dialog is not None
                    and dialog.conversion_dialog.isVisible(), timeout=T)
    report: ConversionReportDialog = dialog.conversion_dialog
    assert not accepted

    table = report.table
    shown = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert sorted(shown) == ["clerk", "manager"]
    key = report.key_field.text()
    assert KeySlots.load(old_database).unlock_recovery(key) is not None    # the new key
    assert KeySlots.load(old_database).unlock_recovery((V1 / "v1.recovery").read_text()) is None
    fingerprint = report.fingerprint_label.text()
    assert len(fingerprint) == 19 and fingerprint.count("-") == 3
    assert not report.without_label.isHidden() and "intern" in report.without_label.text()
    copy = report.upgrade["copy"]
    assert Path(copy).exists() and copy in report.copy_label.text()

    # Not to be closed before the administrator says they are written down.
    assert not report.ok_button.isEnabled()
    qtbot.keyClick(report, Qt.Key.Key_Escape)
    assert report.isVisible() and not accepted

    saved = tmp_path / "passwords"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(saved), "")))
    report.save_button.click()
    text = (tmp_path / "passwords.txt").read_text(encoding="utf-8-sig")
    assert key in text and fingerprint in text and all(p in text for p in shown.values())
    assert (tmp_path / "passwords.txt").stat().st_mode & 0o777 == 0o600
    report.print_button.click()
    assert len(printed) == 1 and key in printed[0] and shown["clerk"] in printed[0]

    report.written.setChecked(True)
    assert report.ok_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=T):
        qtbot.mouseClick(report.ok_button, Qt.MouseButton.LeftButton)

    # The passwords shown are the ones that open the converted database, once.
    with Desk.open(old_database, "clerk", shown["clerk"]) as clerk:
        assert clerk.must_change_password


def test_a_broken_audit_log_opens_the_window_for_reading_only(db_path, bare_runner, qtbot):
    Desk.open(db_path, ADMIN, ADMIN_PW).close()          # the boss has checked the log so far
    with Desk.open(db_path, "clerk", "clerk-password") as clerk:
        for name in ("张三", "李四"):
            clerk.customers.add({"kind": "individual", "name": name})
        hole = clerk.audit.head()[0] - 1
        clerk.db.execute("DROP TRIGGER audit_log_no_delete")
        clerk.db.execute("DELETE FROM audit_log WHERE seq = ?", [hole])   # after what he checked
    dialog = LoginDialog(bare_runner, db_path)
    qtbot.addWidget(dialog)
    dialog.show()
    accepted = []
    dialog.accepted.connect(lambda: accepted.append(True))
    log_in(dialog, ADMIN, ADMIN_PW)
    qtbot.waitUntil(lambda: dialog.read_only_box is not None
                    and dialog.read_only_box.isVisible(), timeout=T)
    text = dialog.read_only_box.text()
    assert f"第 {hole} 条记录缺失" in text and "只能查看" in text
    dialog.read_only_box.button(dialog.read_only_box.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: accepted == [True], timeout=T)

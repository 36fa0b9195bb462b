"""The login dialog: user name and password; opens the desk on the database thread.

Wrong passwords are answered in the core's words; after too many, core refuses
for a while (LoginThrottled) and the dialog counts the wait down before the
Log in button may be pressed again.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QLineEdit, QMessageBox, QPushButton, QVBoxLayout, QWidget)

from ..core.desk import Desk
from ..core.errors import AuthenticationFailed, CustdeskError, LoginThrottled
from ..core.integrity import DatabaseDamaged
from ..core.store.keyslots import KeySlots
from .operations import DeskRunner

ERROR_STYLE = "color: #b00020;"


class Countdown(QObject):
    """Counts whole seconds down on a QTimer: ``ticked(seconds_left)`` then ``expired``."""

    ticked = Signal(int)
    expired = Signal()

    def __init__(self, parent: QObject | None = None, interval_ms: int = 1000):
        super().__init__(parent)
        self.left = 0
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)

    def set_interval(self, ms: int) -> None:
        """Milliseconds per counted "second" (tests shorten it)."""
        self._timer.setInterval(ms)

    def start(self, seconds: int) -> None:
        self.left = max(0, int(seconds))
        if self.left == 0:
            self._timer.stop()
            self.expired.emit()
            return
        self.ticked.emit(self.left)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self.left = 0

    def is_running(self) -> bool:
        return self._timer.isActive()

    def _tick(self) -> None:
        self.left -= 1
        if self.left <= 0:
            self._timer.stop()
            self.left = 0
            self.expired.emit()
        else:
            self.ticked.emit(self.left)


def known_users(db_path: Path | str) -> list[str]:
    """User names with a key slot (no password needed); empty when the file is unreadable."""
    try:
        return KeySlots.load(Path(db_path)).users()
    except (OSError, ValueError, KeyError):
        return []


class LoginDialog(QDialog):
    """``exec()`` returns Accepted once the runner holds the desk opened as the user.

    ``hint`` (the demo database: user -> password) is shown under the form, and
    "admin" is pre-selected.
    """

    def __init__(self, runner: DeskRunner, db_path: Path | str,
                 hint: dict[str, str] | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.db_path = Path(db_path)
        self.hint = dict(hint or {})
        self.desk = None
        self._busy = False
        self.setWindowTitle(self.tr("Log in"))
        self.setModal(True)

        self.user = QComboBox()
        self.user.setEditable(True)
        self.user.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        users = known_users(self.db_path)
        self.user.addItems(users)
        self.user.lineEdit().setPlaceholderText(self.tr("User name"))
        if self.hint and "admin" in users + list(self.hint):
            self.user.setCurrentText("admin")
        elif len(users) != 1:
            self.user.setCurrentIndex(-1)
            self.user.setEditText("")

        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Password"))

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()

        self.damaged: DatabaseDamaged | None = None
        self.restore_button = QPushButton(self.tr("Restore the newest good backup…"))
        self.restore_button.clicked.connect(self.restore_backup)
        self.restore_button.hide()

        self.buttons = QDialogButtonBox()
        self.login_button: QPushButton = self.buttons.addButton(
            self.tr("Log in"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.quit_button: QPushButton = self.buttons.addButton(
            self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        self.login_button.setDefault(True)
        self.login_button.setAutoDefault(True)
        self.quit_button.setAutoDefault(False)
        # AcceptRole would close the dialog at once: the login decides instead.
        self.login_button.clicked.connect(self.submit)
        self.quit_button.clicked.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("User name:"), self.user)
        form.addRow(self.tr("Password:"), self.password)

        where = QLabel(self.tr("Database: %1").replace("%1", str(self.db_path)))
        where.setWordWrap(True)
        where.setStyleSheet("color: palette(mid);")
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.restore_button)
        self.hint_label: QLabel | None = None
        if self.hint:
            lines = "".join(f"<tr><td>{_escape(u)}</td><td>&nbsp;&nbsp;{_escape(p)}</td></tr>"
                            for u, p in self.hint.items())
            self.hint_label = QLabel(
                "<p>" + _escape(self.tr("Demo database — users and passwords:")) + "</p>"
                "<table>" + lines + "</table>")
            self.hint_label.setTextFormat(Qt.TextFormat.RichText)
            self.hint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.hint_label.setStyleSheet("color: palette(dark);")
            layout.addWidget(self.hint_label)
        layout.addWidget(where)
        layout.addWidget(self.buttons)

        self.countdown = Countdown(self)
        self.countdown.ticked.connect(self._show_wait)
        self.countdown.expired.connect(self._wait_over)
        self.runner.crashed.connect(self._on_crash)
        self._watching_crashes = True
        self.password.returnPressed.connect(self.submit)

        (self.password if self.user.currentText() else self.user).setFocus()

    # -- submitting ---------------------------------------------------------------------
    def submit(self) -> None:
        if self._busy or self.countdown.is_running():
            return
        name = self.user.currentText().strip()
        password = self.password.text()
        if not name:
            self.show_message(self.tr("Enter your user name."))
            self.user.setFocus()
            return
        if not password:
            self.show_message(self.tr("Enter your password."))
            self.password.setFocus()
            return
        self._set_busy(True)
        self.show_message(self.tr("Logging in…"), error=False)
        path, runner = self.db_path, self.runner

        def job(_desk):
            # Today's warning check runs with the home page's first read, after the window shows.
            desk = Desk.open(path, name, password, daily_check=False)
            runner.set_desk(desk)       # on the database thread, which owns the desk
            return desk

        runner.run(job, self._on_open, self._on_error)

    def _on_open(self, desk) -> None:
        self._set_busy(False)
        self.desk = desk
        self.message.hide()
        self.accept()

    def _on_error(self, exc: CustdeskError) -> None:
        self._set_busy(False)
        if isinstance(exc, DatabaseDamaged):
            self._show_damage(exc)
            return
        self.password.clear()
        self.show_message(str(exc))
        if isinstance(exc, LoginThrottled):
            self.countdown.start(exc.seconds)
        elif isinstance(exc, AuthenticationFailed):
            self.password.setFocus()

    def _on_crash(self, exc: BaseException, _trace: str) -> None:
        # Not core's own error (the runner reports it as a crash too): don't stay busy.
        if self._busy:
            self._set_busy(False)
            self.show_message(self.tr("The database could not be opened: %1")
                              .replace("%1", str(exc) or type(exc).__name__))

    # -- a damaged database ----------------------------------------------------------------
    def _show_damage(self, exc: DatabaseDamaged) -> None:
        """Say what is wrong and offer the newest good backup, when one is known."""
        self.damaged = exc
        self.show_message(self.tr("The database file is damaged and cannot be used as it is.")
                          + "\n\n" + str(exc))
        self.restore_button.setVisible(exc.backup is not None)

    def restore_backup(self) -> None:
        damage = self.damaged
        if damage is None or damage.backup is None or self._busy:
            return
        name, password = self.user.currentText().strip(), self.password.text()
        if not name or not password:
            self.show_message(self.tr("Enter your user name and password (an administrator's, "
                                      "as it was when the backup was made)."))
            return
        if QMessageBox.question(
                self, self.tr("Restore backup"),
                self.tr("Replace the damaged database with the backup %1? The damaged files are "
                        "kept beside it under another name.").replace("%1", str(damage.backup))
        ) != QMessageBox.StandardButton.Yes:
            return
        self._set_busy(True)
        self.restore_button.setEnabled(False)
        self.show_message(self.tr("Restoring…"), error=False)
        path, runner, backup = self.db_path, self.runner, damage.backup

        def job(_desk):
            from ..core.restore import restore
            restore(path, backup, user=name, password=password)
            desk = Desk.open(path, name, password, daily_check=False)
            runner.set_desk(desk)
            return desk

        def failed(exc):
            self.restore_button.setEnabled(True)
            self._set_busy(False)
            self.show_message(str(exc))

        runner.run(job, self._on_open, failed)

    # -- the wait after too many failures -----------------------------------------------
    def _show_wait(self, seconds: int) -> None:
        self.login_button.setEnabled(False)
        self.show_message(str(LoginThrottled(seconds)))

    def _wait_over(self) -> None:
        self.login_button.setEnabled(not self._busy)
        self.show_message(self.tr("You may try again now."), error=False)
        self.password.setFocus()

    # -- helpers -------------------------------------------------------------------------
    def show_message(self, text: str, error: bool = True) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.user, self.password):
            widget.setEnabled(not busy)
        self.login_button.setEnabled(not busy and not self.countdown.is_running())

    def reject(self) -> None:
        if self._busy:
            return      # a login is running; it ends in a moment either way
        self.countdown.stop()
        super().reject()

    def done(self, result: int) -> None:
        self.countdown.stop()
        if self._watching_crashes:
            self._watching_crashes = False
            self.runner.crashed.disconnect(self._on_crash)
        super().done(result)


def _escape(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))


def run_login(runner: DeskRunner, db_path: Path | str, hint: dict[str, str] | None = None,
              parent: QWidget | None = None,
              exec_fn: Callable[[QDialog], int] | None = None):
    """Show the dialog; return the open desk, or None when the user quit."""
    dialog = LoginDialog(runner, db_path, hint, parent)
    result = exec_fn(dialog) if exec_fn else dialog.exec()
    return dialog.desk if result == QDialog.DialogCode.Accepted else None

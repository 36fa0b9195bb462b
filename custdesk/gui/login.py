"""The login dialog: user name and password; opens the desk on the database thread.

Wrong passwords are answered in the core's words; after too many, core refuses
for a while (LoginThrottled) and the dialog counts the wait down before the
Log in button may be pressed again.

After a successful login, and before the dialog is accepted (so before the window
opens): what a restore did, what converting an older database did (one-time passwords
and the new recovery key, shown once), and, after a login with a one-time password,
the user's own password. Declining that logs out.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QLineEdit, QMessageBox, QPushButton, QVBoxLayout, QWidget)

from ..core.desk import Desk
from ..core.errors import AuthenticationFailed, CustdeskError, LoginThrottled
from ..core.integrity import DatabaseDamaged
from ..core.keys.primitives import fingerprint
from ..core.store.keyslots import KeySlots
from . import translation
from .office_address import database_target, is_office, remember_office, shown
from .operations import DeskRunner
from .restoring import NEED_BACKUP_PASSWORD, ask_backup_password, opens_backup, restored_text
from .setup_wizard import print_document

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


def opened(desk, restored=None) -> dict:
    """On the database thread: the desk and what the login dialog shows before accepting."""
    return {"desk": desk, "upgrade": desk.upgrade or None,
            "must_change": bool(desk.must_change_password),
            "fingerprint": fingerprint(desk.personal.root) if desk.upgrade else "",
            "read_only": desk.read_only_reason(),
            "restored": restored}


#: QSettings group of the user last logged in, one entry per database
LAST_USER = "login/last_user"


def _database_key(db_path: Path | str) -> str:
    """A database's key in the settings: a digest of its full path (a path is no key name),
    or of an office database's address as shown (host, port, name)."""
    if is_office(db_path):
        return hashlib.sha256(shown(db_path).encode("utf-8")).hexdigest()[:16]
    path = Path(db_path).expanduser()
    try:
        path = path.resolve()
    except OSError:
        pass
    return hashlib.sha256(str(path).encode("utf-8", "surrogateescape")).hexdigest()[:16]


def remembered_user(db_path: Path | str) -> str:
    """The user name last logged in to this database on this computer ("" if none).
    Only the name is kept, never a password."""
    value = translation.settings().value(f"{LAST_USER}/{_database_key(db_path)}", "")
    return value if isinstance(value, str) else ""


def remember_user(db_path: Path | str, name: str) -> None:
    translation.settings().setValue(f"{LAST_USER}/{_database_key(db_path)}", name)


def remember_start(db_path: Path | str) -> None:
    """The program starts on the database last logged in to: an office database's address
    is remembered; a login to this PC's own file (the default one) forgets it."""
    if is_office(db_path):
        remember_office(str(db_path))
        return
    from .. import paths
    try:
        if Path(db_path).resolve() == paths.default_db().resolve():
            remember_office(None)
    except OSError:
        pass


def known_users(db_path: Path | str) -> list[str]:
    """User names with a key slot (no password needed); empty when the file is unreadable
    and for an office database (its key slots are read only by someone logged in)."""
    if is_office(db_path):
        return []
    try:
        return KeySlots.load(Path(db_path)).users()
    except (OSError, ValueError, KeyError):
        return []


class LoginDialog(QDialog):
    """``exec()`` returns Accepted once the runner holds the desk opened as the user.

    The user name is the one last logged in to this database (``remembered_user``), with
    the cursor in the password field; ``user`` gives another ("" for none: switching
    user, the next person is someone else). ``hint`` (the demo database: user ->
    password) is shown under the form, and "admin" is pre-selected when no one is
    remembered. ``db_path`` may be an office database's address: the dialog shows it as
    ``where`` gives it, and a server that cannot be reached is said on the error line.
    """

    def __init__(self, runner: DeskRunner, db_path: Path | str,
                 hint: dict[str, str] | None = None, parent: QWidget | None = None, *,
                 user: str | None = None):
        super().__init__(parent)
        self.runner = runner
        self.db_path = database_target(db_path)
        self.hint = dict(hint or {})
        self.desk = None
        self._busy = False
        #: prints the conversion report (the system print dialog; tests put their own)
        self.printer = print_document
        #: the dialogs shown after the password was accepted, while they are open
        self.restored_box = None
        self.read_only_box = None
        self.conversion_dialog = None
        self.password_dialog = None
        self._steps: list = []
        self._one_time = ""
        self.setWindowTitle(self.tr("Log in"))
        self.setModal(True)

        self.user = QComboBox()
        self.user.setEditable(True)
        self.user.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        users = known_users(self.db_path)
        self.user.addItems(users)
        self.user.lineEdit().setPlaceholderText(self.tr("User name"))
        last = remembered_user(self.db_path) if user is None else user
        if last and last in users:
            self.user.setCurrentText(last)
        elif user is None and self.hint and "admin" in users + list(self.hint):
            self.user.setCurrentText("admin")
        elif user is not None or len(users) != 1:
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

        where = QLabel(self.tr("Database: %1").replace("%1", shown(self.db_path)))
        where.setObjectName("login_database")
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

        self.setMinimumWidth(380)
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
            return opened(desk)

        self._one_time = password
        runner.run(job, self._on_open, self._on_error)

    def _on_open(self, result: dict) -> None:
        """Logged in: the steps before the window (each a dialog of its own), then accept."""
        self.desk = result["desk"]
        self.message.hide()
        self._steps = []
        if result.get("restored") is not None:
            self._steps.append(lambda: self._show_restored(result["restored"]))
        if result.get("read_only"):
            self._steps.append(lambda: self._show_read_only(result["read_only"]))
        if result.get("upgrade"):
            self._steps.append(lambda: self._show_conversion(result["upgrade"],
                                                             result["fingerprint"]))
        if result.get("must_change"):
            self._steps.append(self._ask_own_password)
        self._next_step()

    def _next_step(self) -> None:
        if not self._steps:
            self._one_time = ""
            self._set_busy(False)
            remember_user(self.db_path, self.desk.user.name)
            remember_start(self.db_path)
            self.accept()
            return
        self._steps.pop(0)()

    def _show_restored(self, result) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Restore backup"),
                          restored_text(*result), QMessageBox.StandardButton.Ok, self)
        box.setObjectName("restored_box")
        box.finished.connect(lambda _r: self._next_step())
        box.finished.connect(box.deleteLater)
        self.restored_box = box
        box.open()

    def _show_read_only(self, text: str) -> None:
        """The audit log was cut or broken: the window opens for reading only (core says why;
        every change it refuses says so again)."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Read only"), text,
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("read_only_box")
        box.finished.connect(lambda _r: self._next_step())
        box.finished.connect(box.deleteLater)
        self.read_only_box = box
        box.open()

    def _show_conversion(self, upgrade: dict, root_fingerprint: str) -> None:
        from .conversion_report import ConversionReportDialog
        dialog = ConversionReportDialog(upgrade, root_fingerprint, shown(self.db_path), self,
                                        printer=self.printer)
        dialog.accepted.connect(self._next_step)
        dialog.finished.connect(dialog.deleteLater)
        self.conversion_dialog = dialog
        dialog.open()

    def _ask_own_password(self) -> None:
        from .passwords import ChangePasswordDialog
        dialog = ChangePasswordDialog(self.runner, self.desk.user.name, self._one_time, self)
        dialog.accepted.connect(self._next_step)
        dialog.rejected.connect(self.log_out)
        dialog.finished.connect(dialog.deleteLater)
        self.password_dialog = dialog
        dialog.open()

    def log_out(self) -> None:
        """The user declined to choose their own password: close the desk, back to the form."""
        runner = self.runner

        def job(desk):
            if desk is not None:
                desk.close()
            runner.set_desk(None)

        def done(_result=None):
            self._set_busy(False)
            self.show_message(self.tr("Logged out. Log in again with the one-time password "
                                      "when you are ready to choose your own."), error=False)
            self.password.setFocus()

        self.desk = None
        self._steps = []
        self._one_time = ""
        self.password.clear()
        runner.run(job, done, lambda exc: done())

    def _on_error(self, exc: CustdeskError) -> None:
        self._set_busy(False)
        if isinstance(exc, DatabaseDamaged):
            self._show_damage(exc)
            return
        # An office server that could not be reached keeps what was typed for another try.
        if not is_office(self.db_path) or isinstance(exc, AuthenticationFailed):
            self.password.clear()
        self.show_message(str(exc))
        if isinstance(exc, LoginThrottled):
            self.countdown.start(exc.seconds)
        elif isinstance(exc, AuthenticationFailed):
            self.password.setFocus()

    def _on_crash(self, exc: BaseException, _trace: str) -> None:
        # Not core's own error (the runner reports it as a crash too): don't stay busy. Once
        # logged in, the dialogs of the steps after the password handle their own.
        if self._busy and self.desk is None:
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
            self.show_message(self.tr("Enter your user name and your current password (an "
                                      "administrator's)."))
            return
        if QMessageBox.question(
                self, self.tr("Restore backup"),
                self.tr("Replace the damaged database with the backup %1? The damaged files are "
                        "kept beside it under another name.").replace("%1", str(damage.backup))
        ) != QMessageBox.StandardButton.Yes:
            return
        self.run_restore(name, password)

    def run_restore(self, name: str, password: str, backup_password: str | None = None) -> None:
        """Restore the newest good backup as ``name`` (their current ``password``; the one as
        it was when the backup was made is asked for only when that one does not open it)."""
        damage = self.damaged
        self._set_busy(True)
        self.restore_button.setEnabled(False)
        self.show_message(self.tr("Restoring…"), error=False)
        path, runner, backup = self.db_path, self.runner, damage.backup

        def job(_desk):
            from ..core.restore import restore
            if backup_password is None and not opens_backup(backup, name, password):
                return NEED_BACKUP_PASSWORD
            result = restore(path, backup, user=name, password=password,
                             backup_password=backup_password)
            # The key slots are the backup's now: the password as it was then opens them.
            desk = Desk.open(path, name, backup_password or password, daily_check=False)
            runner.set_desk(desk)
            return opened(desk, (result, backup_password is not None))

        def done(result):
            if result is NEED_BACKUP_PASSWORD:
                self._set_busy(False)
                self.restore_button.setEnabled(True)
                older = ask_backup_password(self)
                if older:
                    self.run_restore(name, password, older)
                else:
                    self.show_message("")
                return
            self.restore_button.hide()
            self.damaged = None
            self._on_open(result)

        def failed(exc):
            self.restore_button.setEnabled(True)
            self._set_busy(False)
            self.show_message(str(exc))

        runner.run(job, done, failed)

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
        # An explicit plain colour: clearing the style sheet would keep the red palette.
        self.message.setStyleSheet(ERROR_STYLE if error else "color: palette(window-text);")
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

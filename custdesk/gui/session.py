"""The logged-in session of one run, and switching user without restarting.

A session is a desk opened for one user on a ``DeskRunner`` (its database thread), the
main window built for that user's role, the idle lock and the lock screen. Switching user
(文件 › 切换用户, or 其他用户 on the lock screen) ends it cleanly:

- open files with unsaved changes are asked about, as on quit. From the lock screen the
  person at the keyboard is not their author: the question only says how many files would
  lose changes (no names), and the changes are discarded only if they agree;
- the desk logs out (an audit entry; ``Desk.log_out`` drops the session's keys), and its
  runner is closed and deleted, so no page of the old window is called again;
- the documents the old user opened for viewing are removed;
- the login comes back on a new runner and, once someone logs in, a new window opens
  with their own role and clearance. Closing the login quits the program.

文件 › 连接办公室数据库… takes the same way out, and the login that comes is for the office
database's address (``change_database``), with the user last logged in to it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from .office_address import database_target, shown
from .operations import DeskRunner


def log_out(runner: DeskRunner, desk) -> None:
    """On the database thread: the session ends (switching user, quitting): the log-out is
    audited and the keys dropped (``Desk.log_out``); the runner holds no desk after."""
    if desk is not None:
        desk.log_out()
    runner.set_desk(None)


class Sessions(QObject):
    """Builds the main window for the runner's desk and switches user on request.

    ``prepare_runner(runner)`` is called for every new runner (crash reports);
    ``window_opened(window, runner)`` for every new window (what the program does after a
    login: the daily backup, the open check). ``started(window)`` fires with each new
    window, ``quit_requested`` when the login after a switch was closed.
    """

    started = Signal(object)
    quit_requested = Signal()

    def __init__(self, runner: DeskRunner, path: Path | str, *, hint: dict[str, str] | None = None,
                 prepare_runner: Callable[[DeskRunner], None] | None = None,
                 window_opened: Callable[[object, DeskRunner], None] | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.runner = runner
        #: the database: a file's Path or an office database's address
        self.path = database_target(path)
        self.hint = hint
        self._prepare_runner = prepare_runner or (lambda _runner: None)
        self._window_opened = window_opened or (lambda _window, _runner: None)
        self.window = None
        self.idle = None
        self.overlay = None
        #: the login shown after a switch, while it is open
        self.login = None
        self._switching = False

    # -- a session's window ----------------------------------------------------------------
    def start(self):
        """The main window for the desk the runner holds, with its lock; shown."""
        from .idle_lock import IdleLock, LockOverlay
        from .main_window import MainWindow
        from .settings_page import idle_minutes
        runner = self.runner
        user = runner.desk.user
        window = MainWindow(runner, user, self.path)
        overlay = LockOverlay(runner, window, user.display)
        idle = IdleLock(minutes=idle_minutes(), parent=window)

        def lock(by_hand: bool):
            window.set_locked(True)
            overlay.lock(by_hand)

        def unlock():
            window.set_locked(False)
            idle.resume()

        idle.locked.connect(lock)
        window.lock_requested.connect(idle.lock_now)
        window.switch_user_requested.connect(lambda: self.switch_user())
        window.office_requested.connect(lambda url: self.change_database(url))
        overlay.unlocked.connect(unlock)
        overlay.quit_requested.connect(window.close)
        overlay.switch_requested.connect(lambda: self.switch_user(from_lock=True))
        window.settings_page.idle_minutes_changed.connect(idle.set_minutes)
        window.damaged = None
        self.window, self.idle, self.overlay = window, idle, overlay
        window.show()
        idle.start()
        self._window_opened(window, runner)
        self.started.emit(window)
        return window

    # -- switching user ----------------------------------------------------------------------
    def switch_user(self, from_lock: bool = False) -> bool:
        """End this session and show the login; False when the user kept the session
        (cancelled a question about unsaved changes)."""
        return self._leave(from_lock)

    def change_database(self, target: Path | str) -> bool:
        """End this session as on switching user and show the login for ``target`` (an
        office database's address); False when the user kept the session."""
        return self._leave(False, database_target(target))

    def _leave(self, from_lock: bool, target: Path | str | None = None) -> bool:
        window = self.window
        if window is None or self._switching:
            return False
        if not self._may_leave(window, from_lock):
            return False
        self._switching = True
        app = QApplication.instance()
        # Between the two windows only the login is shown: that is not the program's end.
        quit_on_close = app.quitOnLastWindowClosed()
        app.setQuitOnLastWindowClosed(False)
        left = self.runner.desk.user.display if self.runner.desk is not None else ""
        try:
            self._end_session()
        finally:
            self._switching = False
        if target is not None:
            self.path = target
        self._show_login(quit_on_close, left, moved=target is not None)
        return True

    def _may_leave(self, window, from_lock: bool) -> bool:
        editors = window.editors()
        if not from_lock:
            for editor in editors:
                window.customer_tabs.setCurrentWidget(editor)
                if not editor.maybe_close():
                    return False
            return True
        unsaved = [e for e in editors if e.has_unsaved_changes()]
        if not unsaved:
            return True
        user = self.runner.desk.user.display if self.runner.desk else ""
        answer = QMessageBox.question(
            self.overlay, QApplication.translate("Sessions", "Switch user"),
            QApplication.translate(
                "Sessions", "%1 has unsaved changes in %2 open file(s). Switching user "
                "discards them. Switch anyway?").replace("%1", user)
            .replace("%2", str(len(unsaved))),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        for editor in unsaved:
            editor.revert()
        return True

    def _end_session(self) -> None:
        """Log out on the database thread, then let the old window and runner go."""
        from . import viewing
        window, runner = self.window, self.runner
        self.idle.stop()
        self.overlay.release()
        window.hide()

        # The log-out is the old runner's last job; close() waits for it. Deleting the
        # runner drops whatever it still had to deliver to the old window's pages.
        runner.run(lambda desk: log_out(runner, desk))
        runner.close(wait=True)
        runner.deleteLater()
        window.deleteLater()
        self.window = self.idle = self.overlay = None
        viewing.end_session()
        self.runner = DeskRunner()
        self._prepare_runner(self.runner)

    def _show_login(self, quit_on_close: bool, left: str, moved: bool = False) -> None:
        from .login import LoginDialog
        if moved:
            # Another database: whoever logged in to it last on this PC is offered.
            login = LoginDialog(self.runner, self.path, None)
            text = QApplication.translate(
                "Sessions", "%1 has logged out. Log in to %2 with your user name and password "
                "for it.").replace("%2", shown(self.path)).replace("%1", left)
        else:
            login = LoginDialog(self.runner, self.path, self.hint, user="")
            text = QApplication.translate(
                "Sessions", "%1 has logged out. The next user logs in here.").replace("%1", left)
        login.setObjectName("switch_login")
        login.show_message(text, error=False)
        self.login = login

        def finished(result: int) -> None:
            self.login = None
            login.deleteLater()
            if result == LoginDialog.DialogCode.Accepted and self.runner.desk is not None:
                self.start()
                QApplication.instance().setQuitOnLastWindowClosed(quit_on_close)
            else:
                QApplication.instance().setQuitOnLastWindowClosed(quit_on_close)
                self.quit_requested.emit()

        login.finished.connect(finished)
        login.open()

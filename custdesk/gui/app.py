"""Start the desktop program: style, language, one instance, set-up or login, the main window."""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QProgressDialog

from .. import __version__, paths
from .operations import DeskRunner
from .style import apply_style
from . import translation


def show_crash(parent, error: BaseException, trace: str) -> None:
    """An unexpected error: a dialog with a report the user can copy; the program keeps running."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Critical)
    box.setWindowTitle(QApplication.translate("crash", "Unexpected error"))
    box.setText(QApplication.translate(
        "crash", "Something went wrong. Your saved data is safe; the last action may not have "
        "been completed. Please send the report below to your administrator."))
    box.setDetailedText(f"custdesk {__version__}\n{type(error).__name__}: {error}\n\n{trace}")
    box.exec()


def database_path(args) -> Path:
    if args.demo:
        return paths.demo_db()
    return Path(args.db) if args.db else paths.default_db()


def run(args) -> int:
    """The window; ``args`` are the command line's global options (--db, --user, --demo, ...)."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("custdesk")
    app.setOrganizationName("custdesk")
    app.setApplicationVersion(__version__)
    apply_style(app)
    translation.install({"en": "en", "zh": "zh_CN"}.get(args.lang or "", None))
    path = database_path(args)
    path.parent.mkdir(parents=True, exist_ok=True)

    from .single_instance import SingleInstance
    instance = SingleInstance(path)
    if not instance.acquire():
        QMessageBox.information(None, "custdesk", QApplication.translate(
            "app", "This database is already open in another custdesk window."))
        return 1
    runner = DeskRunner()
    runner.crashed.connect(lambda error, trace: show_crash(QApplication.activeWindow(), error, trace))
    sys.excepthook = lambda kind, error, tb: show_crash(
        QApplication.activeWindow(), error, "".join(traceback.format_exception(kind, error, tb)))
    try:
        if not _open_desk(app, runner, path, args):
            # A smoke test that could not log in has failed (3, as on the command line);
            # a person who closed the login or set-up dialog has simply quit.
            return 3 if args.smoke else 0
        return _main_window(app, runner, path, args, instance)
    finally:
        runner.close()
        instance.release()


def _open_desk(app, runner, path: Path, args) -> bool:
    hint = None
    if args.demo:
        from ..core.demo import DEMO_PASSWORDS, ensure_demo
        hint = DEMO_PASSWORDS
        if not path.exists():
            progress = QProgressDialog(QApplication.translate(
                "app", "Creating the demo database with sample customers…"), None, 0, 0)
            progress.setWindowTitle("custdesk")
            progress.setMinimumDuration(0)
            progress.show()
            runner.run(lambda _desk: ensure_demo(path), lambda _r: progress.close(),
                       lambda exc: progress.close())
            while runner.pending:
                app.processEvents()
            progress.close()
    elif not path.exists():
        from .setup_wizard import SetupWizard
        wizard = SetupWizard(runner, path)
        if wizard.exec() != QDialog.Accepted or runner.desk is None:
            return False
    if runner.desk is not None:
        return True
    password = os.environ.get("CUSTDESK_PASSWORD") or (hint or {}).get(args.user or "")
    if args.smoke and args.user and password:
        from ..core.desk import Desk
        runner.run(lambda _desk: runner.set_desk(
                       Desk.open(path, args.user, password, daily_check=False)),
                   on_error=lambda exc: print(f"custdesk: {exc}", file=sys.stderr))
        while runner.pending:
            app.processEvents()
        return runner.desk is not None
    from .login import LoginDialog
    login = LoginDialog(runner, path, hint)
    return login.exec() == QDialog.Accepted and runner.desk is not None


def _main_window(app, runner, path: Path, args, instance) -> int:
    from .idle_lock import IdleLock, LockOverlay
    from .main_window import MainWindow
    from .settings_page import idle_minutes
    window = MainWindow(runner, runner.desk.user, path)
    overlay = LockOverlay(runner, window, runner.desk.user.display)
    idle = IdleLock(minutes=idle_minutes(), parent=window)

    def lock():
        window.set_locked(True)
        overlay.lock()

    def unlock():
        window.set_locked(False)
        idle.resume()

    idle.locked.connect(lock)
    window.lock_requested.connect(idle.lock_now)
    overlay.unlocked.connect(unlock)
    overlay.quit_requested.connect(window.close)
    window.settings_page.idle_minutes_changed.connect(idle.set_minutes)
    instance.activate_requested.connect(lambda: (window.showNormal(), window.raise_(),
                                                 window.activateWindow()))
    window.show()
    idle.start()
    if args.smoke:
        QTimer.singleShot(300, app.quit)
        return app.exec()
    # The day's first backup, after the login (the runner does it after the first pages' reads).
    runner.run(lambda desk: _automatic_backup(desk, "daily"),
               on_error=lambda exc: window.statusBar().showMessage(str(exc), 15_000))
    status = app.exec()
    # The backup on exit is the runner's last job: run()'s runner.close() waits for it.
    runner.run(lambda desk: _automatic_backup(desk, "exit"))
    return status


def _automatic_backup(desk, reason: str):
    """On the database thread. A failed automatic backup is reported, never fatal."""
    from ..core import backup
    from ..core.errors import StoreError
    if desk is None:
        return None
    try:
        return backup.automatic(desk, reason)
    except OSError as exc:          # the folder is missing, read-only, full…
        raise StoreError(QApplication.translate("app", "The automatic backup failed: %1")
                         .replace("%1", str(exc))) from exc

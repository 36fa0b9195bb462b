"""Start the desktop program: style, language, one instance, set-up or login, the main window."""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QLocale, QTimer
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


def database_path(args) -> Path | str:
    """The database to open: ``--demo``'s, ``--db``'s (a file or an office database's
    address), else ``$CUSTDESK_DB``, else the office database chosen last on this PC, else
    this PC's own file."""
    from .office_address import database_target, remembered_office
    if args.demo:
        return paths.demo_db()
    if args.db:
        return database_target(args.db)
    env = os.environ.get("CUSTDESK_DB")
    if env:
        return database_target(env)
    return remembered_office() or paths.default_db()


def run(args) -> int:
    """The window; ``args`` are the command line's global options (--db, --user, --demo, ...)."""
    language = {"en": "en", "zh": "zh_CN"}.get(args.lang or "", None)
    translation.settle_system_locale(language)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("custdesk")
    app.setOrganizationName("custdesk")
    app.setApplicationVersion(__version__)
    # The installed menu entry's name (installer/linux): Wayland desktops find the icon by it.
    app.setDesktopFileName("org.custdesk.custdesk")
    apply_style(app)
    translation.install(language)
    from .office_address import is_office
    path = database_path(args)
    if not is_office(path):
        path.parent.mkdir(parents=True, exist_ok=True)

    from .single_instance import SingleInstance
    instance = SingleInstance(path)
    if not instance.acquire():
        from .single_instance import already_open_box
        already_open_box(QApplication.translate(
            "app", "This database is already open in another custdesk window.")).exec()
        return 1
    # Documents a crashed run left in plain text for a viewer go before anything else.
    from . import viewing
    viewing.sweep()
    runner = DeskRunner()
    _report_crashes(runner)
    sys.excepthook = lambda kind, error, tb: show_crash(
        QApplication.activeWindow(), error, "".join(traceback.format_exception(kind, error, tb)))
    # The window shows itself first and reads every page in the background (on a
    # connection of its own; writes wait for it): at 100,000 customers the check takes
    # over a second, which would stand between the password and the first painted window.
    from ..core import integrity
    integrity.check_in_background()
    # Switching user gives each session a runner of its own: the one in use at the end is
    # the one to close. The set-up wizard or 文件 › 连接办公室数据库… may change the database.
    current = [runner]
    target = [path]
    try:
        while True:
            if not _open_desk(app, current[0], target, args):
                # A smoke test that could not log in has failed (3, as on the command line);
                # a person who closed the login or set-up dialog has simply quit.
                return 3 if args.smoke else 0
            status = _main_window(app, current, target, args, instance)
            if status is not _DAMAGED:
                return status
            if args.smoke:
                return 1
            # The check found damage after the window showed: the desk is closed; the login
            # comes back and, checking before it opens anything, offers the newest good backup.
            integrity.check_in_background(False)
    finally:
        current[0].close()
        viewing.end_session()       # after the runner: its last job may have written one
        instance.release()


def _report_crashes(runner) -> None:
    runner.crashed.connect(lambda error, trace: show_crash(QApplication.activeWindow(), error,
                                                           trace))


def _open_desk(app, runner, target: list, args) -> bool:
    """Set up or log in; True once the runner holds a desk. ``target[0]`` is the database,
    an office database's address after the wizard when that was chosen."""
    from .office_address import is_office
    path = target[0]
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
    elif not is_office(path) and not path.exists():
        from .setup_wizard import SetupWizard
        wizard = SetupWizard(runner, path)
        if wizard.exec() != QDialog.Accepted:
            return False
        if wizard.office_url:
            # Nothing was created: the normal login for the office database follows.
            path = target[0] = wizard.office_url
        elif runner.desk is None:
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


#: what ``_main_window`` returns when the background check found the file damaged
_DAMAGED = object()


def _watch_open_check(app, runner, window, quiet: bool) -> QTimer:
    """Poll the desk's background open check; on damage, say so and leave the window
    (``window.damaged`` holds the error)."""
    from ..core.integrity import DatabaseDamaged
    timer = QTimer(window)
    timer.setInterval(100)

    def poll():
        desk = runner.desk
        if desk is None:
            timer.stop()
            return
        try:
            desk.open_check(timeout=0)
        except TimeoutError:
            return
        except DatabaseDamaged as exc:
            timer.stop()
            window.damaged = exc
            if not quiet:
                QMessageBox.critical(window, "custdesk", QApplication.translate(
                    "LoginDialog", "The database file is damaged and cannot be used as it is.")
                    + "\n\n" + str(exc))
            window.hide()
            app.quit()
            return
        except Exception as exc:  # noqa: BLE001 - the check could not run (the file is busy)
            timer.stop()
            window.statusBar().showMessage(str(exc), 15_000)
            return
        timer.stop()

    timer.timeout.connect(poll)
    timer.start()
    return timer


def _main_window(app, current: list, target: list, args, instance) -> int:
    """The windows of the logged-in sessions until the program ends; ``current[0]`` is the
    runner in use (switching user replaces it), ``target[0]`` the database (文件 ›
    连接办公室数据库… replaces it)."""
    from .office_address import is_office
    from .session import Sessions, log_out
    hint = None
    if args.demo:
        from ..core.demo import DEMO_PASSWORDS
        hint = DEMO_PASSWORDS

    def window_opened(window, runner):
        current[0] = runner
        _watch_open_check(app, runner, window, quiet=args.smoke)
        # An office database is the server's to back up: the working copy is not one.
        if not args.smoke and not is_office(sessions.path):
            # The day's first backup, after the login (the runner does it after the first
            # pages' reads).
            runner.run(lambda desk: _automatic_backup(desk, "daily"),
                       on_error=lambda exc: window.statusBar().showMessage(str(exc), 15_000))

    sessions = Sessions(current[0], target[0], hint=hint, prepare_runner=_report_crashes,
                        window_opened=window_opened)
    sessions.quit_requested.connect(app.quit)
    instance.activate_requested.connect(lambda: _bring_forward(sessions))
    window = sessions.start()
    if args.smoke:
        QTimer.singleShot(300, app.quit)
        app.exec()
        # A smoke start is good only when the file's check passed too.
        if window.damaged is None:
            current[0].run(lambda desk: _open_check_error(desk, window)).result()
        if window.damaged is not None:
            print(f"custdesk: {window.damaged}", file=sys.stderr)
            current[0].run(lambda desk: (desk.close(), current[0].set_desk(None))).result()
            return _DAMAGED
        return _smoke_check(window)
    status = app.exec()
    runner, window = current[0], sessions.window
    target[0] = sessions.path
    instance.activate_requested.disconnect()     # a next window connects anew
    if window is not None and window.damaged is not None:
        # No backup of a damaged file; the desk closes and the login comes back.
        runner.run(lambda desk: (desk.close(), runner.set_desk(None))).result()
        window.deleteLater()
        return _DAMAGED
    # The backup on exit, then the log-out (audited, as switching user is), are the runner's
    # last jobs: run()'s runner.close() waits for them.
    if not is_office(sessions.path):
        runner.run(lambda desk: _automatic_backup(desk, "exit"))
    runner.run(lambda desk: log_out(runner, desk))
    return status


def _bring_forward(sessions) -> None:
    """A second start of the program: the window (or the login after a switch) comes forward."""
    shown = sessions.login or sessions.window
    if shown is not None:
        shown.showNormal()
        shown.raise_()
        shown.activateWindow()


def _open_check_error(desk, window) -> None:
    """On the database thread: wait for the open check; keep what it found on the window."""
    from ..core.errors import StoreError
    try:
        desk.open_check()
    except StoreError as exc:
        window.damaged = exc


def _smoke_check(window) -> int:
    """What --smoke checks in the shown window: a build that lost its icons or its compiled
    translations fails here rather than at someone's desk."""
    problems = []
    if window.windowIcon().pixmap(32, 32).isNull():
        problems.append("no window icon (resources/icons/app.svg or Qt's SVG support is missing)")
    if (QLocale().language() == QLocale.Chinese
            and QApplication.translate("MainWindow", "Today") == "Today"):
        problems.append("no Chinese translation (resources/i18n/custdesk_zh_CN.qm is missing)")
    for problem in problems:
        print(f"custdesk --smoke: {problem}", file=sys.stderr)
    print(f"custdesk --smoke: {'failed' if problems else 'ok'}: {window.windowTitle()}")
    return 1 if problems else 0


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

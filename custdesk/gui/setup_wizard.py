"""First start: where the files are kept; on this PC, create the database, its administrator,
and hand over the recovery key.

Pages: choice (this PC or the office database). This PC: welcome (firm name) ->
administrator account -> creating (on the database thread) -> recovery key (print or save
it, then confirm). Creating is the point of no return: after it the database exists, the
runner holds it open, and the wizard can only be finished once the user confirms the
recovery key is kept. ``desk_ready`` fires when it is.

The office database: its address (server, port, name, the certificate check); nothing is
created. The address is remembered and the wizard ends with ``office_url`` set: the
normal login follows, where each person logs in as themselves.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QTextDocument
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QDialog, QFileDialog, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QProgressBar, QPushButton,
                               QRadioButton, QVBoxLayout, QWidget, QWizard, QWizardPage)

from ..core import clock
from ..core.desk import Desk
from ..core.errors import ValidationError
from ..core.files import write_atomic_bytes
from ..core.keys.primitives import fingerprint
from ..core.users import check_password, check_user_name
from .office_address import OfficeAddressForm, remember_office
from .operations import DeskRunner

ERROR_STYLE = "color: #b00020;"

#: print_document(parent, document) -> whether it was printed (tests inject their own)
Printer = Callable[[QWidget, QTextDocument], bool]


def print_document(parent: QWidget, document: QTextDocument) -> bool:
    """Ask for a printer with the system dialog and print ``document`` on it."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    document.print_(printer)
    return True


def _error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.hide()
    return label


def _show(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def _first_message(exc: ValidationError) -> str:
    return exc.errors[0].message if exc.errors else str(exc)


class ChoicePage(QWizardPage):
    """This PC (a database file created here) or the office database (an address)."""

    def __init__(self):
        super().__init__()
        self.setTitle(self.tr("Where are the customer files kept?"))
        self.local = QRadioButton(self.tr("This PC"))
        self.local.setObjectName("choice_local")
        local_note = QLabel(self.tr(
            "A new encrypted database on this computer, for one PC. You create it now and "
            "become its administrator."))
        self.office = QRadioButton(self.tr("The office database"))
        self.office.setObjectName("choice_office")
        office_note = QLabel(self.tr(
            "The firm's database on the office's PostgreSQL server, shared by several PCs. "
            "Nothing is created here: you give its address and log in with the user name "
            "and password your administrator gave you."))
        group = QButtonGroup(self)
        for button in (self.local, self.office):
            group.addButton(button)
            font = button.font()
            font.setBold(True)
            button.setFont(font)
        self.local.setChecked(True)
        layout = QVBoxLayout(self)
        for button, note in ((self.local, local_note), (self.office, office_note)):
            note.setWordWrap(True)
            note.setContentsMargins(24, 0, 0, 0)
            layout.addWidget(button)
            layout.addWidget(note)
            layout.addSpacing(12)
        layout.addStretch(1)

    def nextId(self) -> int:
        return SetupWizard.OFFICE if self.office.isChecked() else SetupWizard.WELCOME


class OfficePage(QWizardPage):
    """The office database's address; Finish remembers it and goes to the login."""

    def __init__(self):
        super().__init__()
        self.setTitle(self.tr("The office database"))
        self.setSubTitle(self.tr(
            "Ask your administrator for the server's address. After this you log in with "
            "your own user name and password."))
        self.form = OfficeAddressForm()
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addStretch(1)
        self.setFinalPage(True)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Go to login"))

    def nextId(self) -> int:
        return -1

    def validatePage(self) -> bool:
        return self.form.check()


class WelcomePage(QWizardPage):
    def __init__(self, db_path: Path):
        super().__init__()
        self.setTitle(self.tr("Welcome"))
        intro = QLabel(self.tr(
            "This assistant creates the encrypted database for your customer credit files "
            "and its first user, the administrator. It takes a minute."))
        intro.setWordWrap(True)
        self.firm = QLineEdit()
        self.firm.setPlaceholderText(self.tr("e.g. the name on the business licence"))
        self.firm.setMaxLength(100)
        where = QLabel(self.tr("The database will be created at:") + "\n" + str(db_path))
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.addRow(self.tr("Firm name:"), self.firm)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(12)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(where)
        self.registerField("firm", self.firm)
        self.firm.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:
        return bool(self.firm.text().strip())


class AdminPage(QWizardPage):
    """The administrator's account; every field is checked by core's own rules as typed."""

    def __init__(self):
        super().__init__()
        self.setTitle(self.tr("Administrator account"))
        self.setSubTitle(self.tr(
            "The administrator adds the other users and sets what each may see. "
            "Choose a password you will remember: it cannot be read back."))
        self.user = QLineEdit("admin")
        self.full_name = QLineEdit()
        self.password = QLineEdit()
        self.confirm = QLineEdit()
        for edit in (self.password, self.confirm):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.user_error, self.password_error, self.confirm_error = (
            _error_label(), _error_label(), _error_label())
        form = QFormLayout(self)
        form.addRow(self.tr("User name:"), self.user)
        form.addRow("", self.user_error)
        form.addRow(self.tr("Full name:"), self.full_name)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow("", self.password_error)
        form.addRow(self.tr("Password again:"), self.confirm)
        form.addRow("", self.confirm_error)
        self.registerField("admin", self.user)
        self.registerField("full_name", self.full_name)
        self.registerField("password", self.password)
        for edit in (self.user, self.password, self.confirm):
            edit.textChanged.connect(self._check)
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Create database"))
        self._errors = {}
        self._check()

    def _check(self) -> None:
        errors = {}
        name = self.user.text()
        try:
            name = check_user_name(name)
        except ValidationError as exc:
            errors["user"] = _first_message(exc)
        password = self.password.text()
        try:
            check_password(password, name)
        except ValidationError as exc:
            errors["password"] = _first_message(exc)
        if self.confirm.text() != password:
            errors["confirm"] = self.tr("The two passwords differ.")
        self._errors = errors
        # Say nothing about a field the user has not started on yet.
        _show(self.user_error, errors.get("user", "") if name or self.user.isModified() else "")
        _show(self.password_error, errors.get("password", "") if password else "")
        _show(self.confirm_error, errors.get("confirm", "") if self.confirm.text() else "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self._errors


class CreatingPage(QWizardPage):
    """Runs Desk.create on the database thread; moves on by itself when it is done."""

    created = Signal(str)

    def __init__(self, runner: DeskRunner, db_path: Path):
        super().__init__()
        self.runner = runner
        self.db_path = db_path
        self.recovery_key = ""
        self.fingerprint = ""
        self.running = False
        self.setTitle(self.tr("Creating the database"))
        self.status = QLabel(self.tr("Creating the encrypted database…"))
        self.status.setWordWrap(True)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)        # no known length: a busy indicator
        self.busy.setTextVisible(False)
        self.error = _error_label()
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.retry = QPushButton(self.tr("Try again"))
        self.retry.hide()
        self.retry.clicked.connect(self.start)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.busy)
        layout.addWidget(self.error)
        row = QHBoxLayout()
        row.addWidget(self.retry)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)

    def initializePage(self) -> None:
        if not self.recovery_key and not self.running:
            self.start()

    def start(self) -> None:
        wizard = self.wizard()
        path, runner = self.db_path, self.runner
        firm = str(wizard.field("firm")).strip()
        admin = str(wizard.field("admin"))
        full_name = str(wizard.field("full_name")).strip()
        password = str(wizard.field("password"))

        def job(_desk):
            path.parent.mkdir(parents=True, exist_ok=True)
            desk, recovery = Desk.create(path, admin, password, firm=firm, full_name=full_name)
            runner.set_desk(desk)       # on the database thread, which owns the desk
            return recovery, fingerprint(desk.personal.root)

        self._set_running(True)
        runner.run(job, self._on_created, self._on_failed)

    def _set_running(self, running: bool) -> None:
        self.running = running
        self.busy.setVisible(running)
        self.status.setVisible(running)
        self.retry.setVisible(not running)
        _show(self.error, "" if running else self.error.text())
        # No way out while it runs; after a failure the user may give up.
        self.wizard().setOption(QWizard.WizardOption.NoCancelButton, running)

    def _on_created(self, result: tuple[str, str]) -> None:
        recovery, self.fingerprint = result
        self.recovery_key = recovery
        self.running = False
        self.busy.hide()
        self.status.setText(self.tr("The database has been created."))
        self.completeChanged.emit()
        self.created.emit(recovery)
        self.wizard().next()

    def _on_failed(self, exc: BaseException) -> None:
        self._set_running(False)
        _show(self.error, self.tr("The database could not be created:") + "\n" + str(exc))

    def on_crash(self, exc: BaseException, _trace: str) -> None:
        if self.running:
            self._on_failed(exc)

    def isComplete(self) -> bool:
        return bool(self.recovery_key)


class RecoveryPage(QWizardPage):
    """Shows the recovery key once; Finish only after the user says it is kept."""

    def __init__(self, db_path: Path, printer: Printer):
        super().__init__()
        self.db_path = db_path
        self.printer = printer
        self.key = ""
        self.saved_to: Path | None = None
        self.setTitle(self.tr("Recovery key"))
        self.setSubTitle(self.tr(
            "If every administrator password is lost, this key is the only way back into "
            "the database. It is shown only now. Print it or save it, and keep it locked "
            "away from this computer: whoever holds it can open the database."))
        self.key_field = QLineEdit()
        self.key_field.setReadOnly(True)
        self.key_field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSizeF(max(font.pointSizeF(), 10) * 1.4)
        font.setBold(True)
        self.key_field.setFont(font)
        self.fingerprint = ""
        self.fingerprint_label = QLabel()
        self.fingerprint_label.setObjectName("root_fingerprint")
        self.fingerprint_label.setWordWrap(True)
        self.fingerprint_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        self.print_button = QPushButton(self.tr("Print…"))
        self.save_button = QPushButton(self.tr("Save as text file…"))
        self.print_button.clicked.connect(self.print_key)
        self.save_button.clicked.connect(self.save_key)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kept = QCheckBox(self.tr(
            "I have printed or saved the recovery key and will keep it safe"))
        self.kept.toggled.connect(self.completeChanged)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.key_field)
        layout.addWidget(self.fingerprint_label)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(self.kept)
        self.setFinalPage(True)

    def initializePage(self) -> None:
        wizard = self.wizard()
        self.key = wizard.recovery_key
        self.fingerprint = wizard.creating.fingerprint
        self.key_field.setText(self.key)
        self.fingerprint_label.setText(
            self.tr("Root key fingerprint (write it beside the recovery key): %1")
            .replace("%1", f"<b style='font-family:monospace'>{html.escape(self.fingerprint)}</b>"))
        metrics = self.key_field.fontMetrics()
        self.key_field.setMinimumWidth(metrics.horizontalAdvance(self.key + "MM") + 16)
        wizard.setOption(QWizard.WizardOption.NoCancelButton, True)
        wizard.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)

    def isComplete(self) -> bool:
        return bool(self.key) and self.kept.isChecked()

    # -- keeping the key ---------------------------------------------------------------
    def details(self) -> list[tuple[str, str]]:
        return [(self.tr("Firm"), str(self.wizard().field("firm")).strip()),
                (self.tr("Database"), str(self.db_path)),
                (self.tr("Created on"), clock.today().isoformat()),
                (self.tr("Root key fingerprint"), self.fingerprint),
                (self.tr("Recovery key"), self.key)]

    def advice(self) -> str:
        return self.tr(
            "With this key, a new password can be set for a user of this database when the "
            "password is lost (command: custdesk recover --user NAME). Whoever holds the key "
            "can open the database: keep it locked away, apart from the computer.") + " " + \
            self.tr("The root key fingerprint names the firm's key that every user's account "
                    "trusts; custdesk shows it under Help › About custdesk. If it ever shows "
                    "another, the keys were replaced: ask for help.")

    def text(self) -> str:
        title = self.tr("custdesk — database recovery key")
        lines = [title, "=" * 40, ""]
        lines += [f"{label}: {value}" for label, value in self.details()]
        return "\n".join(lines + ["", self.advice(), ""])

    def document(self) -> QTextDocument:
        rows = "".join(
            f"<tr><td style='padding-right:12px'>{html.escape(label)}</td>"
            f"<td>{html.escape(value)}</td></tr>" for label, value in self.details()[:-1])
        title = self.tr("custdesk — database recovery key")
        body = (f"<h2>{html.escape(title)}</h2>"
                f"<table>{rows}</table>"
                f"<p style='font-family:monospace; font-size:16pt; font-weight:bold'>"
                f"{html.escape(self.key)}</p>"
                f"<p>{html.escape(self.advice())}</p>")
        document = QTextDocument(self)
        document.setHtml(body)
        return document

    def print_key(self) -> None:
        try:
            printed = self.printer(self, self.document())
        except Exception as exc:  # noqa: BLE001 - a printer problem must not lose the key
            self.status.setText(self.tr("Printing failed: %1").replace("%1", str(exc)))
            return
        if printed:
            self.status.setText(self.tr("The recovery key was sent to the printer."))

    def save_key(self) -> None:
        target = ask_text_file(self, self.tr("Save the recovery key"),
                               self.tr("custdesk-recovery-key.txt"), self.tr("Text files (*.txt)"))
        if target is None:
            return
        try:
            write_secret_text(target, self.text())
        except OSError as exc:
            self.status.setText(self.tr("Could not save the file: %1").replace("%1", str(exc)))
            return
        self.saved_to = target
        self.status.setText(self.tr("Saved to %1").replace("%1", str(target)))


def ask_text_file(parent, title: str, suggested_name: str, filter_text: str) -> Path | None:
    """Where to save a text file (``.txt`` added when missing); None when cancelled."""
    path, _filter = QFileDialog.getSaveFileName(parent, title,
                                                str(Path.home() / suggested_name), filter_text)
    if not path:
        return None
    target = Path(path)
    return target if target.suffix.lower() == ".txt" else target.with_name(target.name + ".txt")


def write_secret_text(target: Path, text: str) -> None:
    """A recovery key or one-time passwords on disk: readable by this user only (0600, as
    every file custdesk writes), with a BOM so that older Windows Notepad shows the Chinese.

    :raises OSError: the file could not be written.
    """
    write_atomic_bytes(target, text.encode("utf-8-sig"))


class SetupWizard(QWizard):
    """Creates the database at ``db_path``; ``desk_ready`` fires after Finish.

    The desk is opened by a job on ``runner`` (the runner then holds it).
    ``printer`` prints the recovery key (the system print dialog by default).
    With the office database chosen nothing is created: after Finish ``office_url`` holds
    its address (remembered in the settings) and the runner holds no desk.
    """

    WELCOME, ADMIN, CREATING, RECOVERY, CHOICE, OFFICE = range(6)
    desk_ready = Signal()

    def __init__(self, runner: DeskRunner, db_path: Path | str, parent: QWidget | None = None,
                 printer: Printer = print_document):
        super().__init__(parent)
        self.runner = runner
        self.db_path = Path(db_path)
        self.office_url = ""
        self.setWindowTitle(self.tr("Set up custdesk"))
        self.choice = ChoicePage()
        self.office = OfficePage()
        self.welcome = WelcomePage(self.db_path)
        self.admin = AdminPage()
        self.creating = CreatingPage(runner, self.db_path)
        self.recovery = RecoveryPage(self.db_path, printer)
        for page_id, page in ((self.WELCOME, self.welcome), (self.ADMIN, self.admin),
                              (self.CREATING, self.creating), (self.RECOVERY, self.recovery),
                              (self.CHOICE, self.choice), (self.OFFICE, self.office)):
            self.setPage(page_id, page)
        self.setStartId(self.CHOICE)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Finish"))
        runner.crashed.connect(self.creating.on_crash)

    @property
    def recovery_key(self) -> str:
        return self.creating.recovery_key

    @property
    def created(self) -> bool:
        return bool(self.creating.recovery_key)

    def reject(self) -> None:
        # While creating, nothing may interrupt; once created, the recovery key must
        # be kept first (it is never shown again).
        if self.creating.running or self.created:
            return
        super().reject()

    def accept(self) -> None:
        if self.currentId() == self.OFFICE:
            if not self.office.form.check():
                return
            self.office_url = self.office.form.url()
            remember_office(self.office_url)
            try:
                self.runner.crashed.disconnect(self.creating.on_crash)
            except (RuntimeError, TypeError):
                pass
            super().accept()
            return
        if not (self.created and self.recovery.isComplete()):
            return
        try:
            self.runner.crashed.disconnect(self.creating.on_crash)
        except (RuntimeError, TypeError):
            pass
        super().accept()
        self.desk_ready.emit()

"""Asking how a customer report should be made: its language and, if wanted, a password."""

from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QLineEdit, QVBoxLayout, QWidget)

from ..editor.jobs import message_label, show_message
from .common import language_combo

#: file levels whose reports carry the reader's name as a watermark and may be encrypted
PROTECTED_LEVELS = ("confidential", "secret")
MIN_PASSWORD = 6


class ReportOptionsDialog(QDialog):
    """Language (中文 / English) and, when ``protect`` is set, an optional password typed twice.

    ``protect`` is for files of level confidential or secret (``level`` is its label, e.g.
    秘密), and for batches (which may hold such files): the dialog says that those reports
    carry a watermark with the user's name. OK stays disabled while the two passwords differ
    or one is too short.
    """

    def __init__(self, title: str, protect: bool, parent: QWidget | None = None, *,
                 level: str = "", batch: bool = False):
        super().__init__(parent)
        self.setObjectName("report_options")
        self.setWindowTitle(title)
        self.protect = protect
        self.language: QComboBox = language_combo(self)
        self.language.setObjectName("report_language")
        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language)
        self.password = QLineEdit(self)
        self.password.setObjectName("report_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Leave empty for no password"))
        self.confirm = QLineEdit(self)
        self.confirm.setObjectName("report_password_confirm")
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.note = QLabel(self)
        self.note.setObjectName("report_watermark_note")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #5b6b7c;")
        if protect:
            form.addRow(self.tr("Password"), self.password)
            form.addRow(self.tr("Password again"), self.confirm)
            self.note.setText(
                self.tr("Reports of confidential and secret files carry a watermark with your "
                        "name on every page. With a password, the PDF opens only with it: "
                        "keep it apart from the file.") if batch else
                self.tr("This file is %1: the report carries a watermark with your name on "
                        "every page. With a password, the PDF opens only with it: keep it "
                        "apart from the file.").replace("%1", level))
        else:
            self.password.hide()
            self.confirm.hide()
            self.note.hide()
        self.message = message_label(self, "report_options_message")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
            parent=self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Export") if batch else self.tr("Make report"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.password.textChanged.connect(self._check)
        self.confirm.textChanged.connect(self._check)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self._check()

    def _problem(self) -> str:
        first, second = self.password.text(), self.confirm.text()
        if not first and not second:
            return ""
        if len(first) < MIN_PASSWORD:
            return self.tr("The password needs at least %1 characters.").replace(
                "%1", str(MIN_PASSWORD))
        if first != second:
            return self.tr("The two passwords differ.")
        return ""

    def _check(self) -> None:
        problem = self._problem()
        # Say nothing while the second copy is still being typed.
        typing = bool(self.password.text()) and not self.confirm.text()
        show_message(self.message, "" if typing else problem)
        self.ok_button.setEnabled(not problem)

    def accept(self) -> None:
        if not self._problem():   # Enter in a field must not bypass the disabled button
            super().accept()

    def chosen_language(self) -> str:
        return self.language.currentData()

    def chosen_password(self) -> str | None:
        return (self.password.text() or None) if self.protect else None

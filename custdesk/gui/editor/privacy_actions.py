"""个人信息 in an individual's file (managers and admins): a person's request to see what is
held about them (a ZIP with the data, the documents and the credit report), and erasure.

Both go through core (``privacy``, ``reports.subject``), which checks the permission,
asks for a reason and writes the audit entry. Erasure cannot be undone, so its dialog
also asks for the file's code to be typed.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QLabel,
                               QLineEdit, QMenu, QPushButton, QVBoxLayout, QWidget)

from ...core.errors import CustdeskError
from ..reports.common import last_folder, remember_folder

PRIVACY_FOLDER = "privacy/folder"


class PrivacyDialog(QDialog):
    """A reason (both actions) and, for erasure, the code typed again."""

    def __init__(self, title: str, note: str, code: str, confirm_code: bool,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("privacy_dialog")
        self.setWindowTitle(title)
        self.code = code
        text = QLabel(note, self)
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setObjectName("privacy_reason")
        self.reason_edit.setMaxLength(500)
        self.code_edit = QLineEdit(self)
        self.code_edit.setObjectName("privacy_code")
        self.code_edit.setPlaceholderText(code)
        form = QFormLayout()
        form.addRow(self.tr("Reason"), self.reason_edit)
        if confirm_code:
            form.addRow(self.tr("Type the code %1 to confirm").replace("%1", code), self.code_edit)
        else:
            self.code_edit.hide()
        self.confirm_code = confirm_code
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, parent=self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(title)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for edit in (self.reason_edit, self.code_edit):
            edit.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(480, 0)
        self._update()

    def reason(self) -> str:
        return self.reason_edit.text().strip()

    def ready(self) -> bool:
        typed = self.code_edit.text().strip().upper()
        return bool(self.reason()) and (not self.confirm_code or typed == self.code)

    def _update(self) -> None:
        self.ok_button.setEnabled(self.ready())

    def accept(self) -> None:
        if self.ready():           # Enter in a line edit must not bypass the disabled button
            super().accept()


class PrivacyButton(QPushButton):
    """个人信息 ▾ : shown for an individual's file to users who may handle requests."""

    #: a message for the editor's message line: (text, is_error)
    message = Signal(str, bool)

    def __init__(self, runner, parent: QWidget | None = None):
        super().__init__(self.tr("Personal information"), parent)
        self.setObjectName("privacy_button")
        self.setToolTip(self.tr("Requests under the personal information law: a copy of what is "
                                "held, or erasure"))
        self.runner = runner
        self.code: str | None = None
        self.dialog: PrivacyDialog | None = None
        self._may = self._individual = self._erased = False
        menu = QMenu(self)
        self.export_action = menu.addAction(self.tr("Export everything held (ZIP)…"), self.ask_export)
        self.erase_action = menu.addAction(self.tr("Erase personal information…"), self.ask_erase)
        self.setMenu(menu)
        self.hide()
        runner.run(lambda desk: desk.access.can("privacy.manage"), self._permitted)

    def _permitted(self, may: bool) -> None:
        self._may = may
        self._update()

    def set_file(self, code: str | None, data: dict) -> None:
        self.code = code
        self._erased = bool(data.get("erased_at"))
        self._individual = data.get("kind") == "individual"
        self._update()

    def _update(self) -> None:
        self.setVisible(bool(self._may and self.code and self._individual))
        self.erase_action.setEnabled(not self._erased)

    # -- a copy of what is held -----------------------------------------------------------
    def ask_export(self) -> PrivacyDialog:
        dialog = PrivacyDialog(
            self.tr("Export"), self.tr("Everything held about %1 — the file unmasked, its records, "
                                       "documents and credit report — is written to one ZIP file "
                                       "for the person who asked. Why?").replace("%1", self.code),
            self.code, False, self)
        dialog.accepted.connect(lambda: self._choose_zip(dialog.reason()))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _choose_zip(self, reason: str) -> None:
        suggested = last_folder(PRIVACY_FOLDER) / f"{self.code}-personal-data.zip"
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save as"), str(suggested),
                                              self.tr("ZIP files (*.zip)"))
        if name:
            self.export_to(Path(name), reason)

    def export_to(self, path: Path, reason: str) -> None:
        from ...reports.subject import subject_zip
        code = self.code

        def done(result: dict) -> None:
            remember_folder(PRIVACY_FOLDER, path.parent)
            self.message.emit(self.tr("Written to %1: the data, %2 documents and report %3.")
                              .replace("%1", str(path)).replace("%2", str(result["documents"]))
                              .replace("%3", result["report"]), False)

        self.runner.run(lambda desk: subject_zip(desk, code, path, reason), done, self._failed)

    # -- erasure --------------------------------------------------------------------------
    def ask_erase(self) -> PrivacyDialog:
        note = self.tr("<b>This cannot be undone.</b> The name of %1 is replaced; identity "
                       "numbers, contacts, documents and notes are removed. Grades, limits, "
                       "statements and transactions are kept. The erasure is recorded in the "
                       "audit log.").replace("%1", html.escape(self.code))
        dialog = PrivacyDialog(self.tr("Erase"), note, self.code, True, self)
        dialog.accepted.connect(lambda: self.erase(dialog.reason()))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def erase(self, reason: str) -> None:
        code = self.code
        self.runner.run(lambda desk: desk.privacy.erase(code, reason),
                        lambda _changes: self.message.emit(
                            self.tr("The personal information of %1 was erased.").replace("%1", code),
                            False),
                        self._failed)

    def _failed(self, error: CustdeskError) -> None:
        self.message.emit(str(error), True)

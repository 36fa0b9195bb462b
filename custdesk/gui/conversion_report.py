"""What converting an older database did, shown once to the administrator who logged in.

A database made before keys per clearance is converted at the first administrator's
login (``desk.upgrade``). Nobody else's old password works afterwards: each user gets a
one-time password that the administrator must hand out, and the database a new recovery
key (the old one opens nothing). This dialog is the only place they are ever shown, so it
closes only once the administrator says they are written down.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QTextDocument
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QDialog, QDialogButtonBox,
                               QFormLayout, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QPushButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from ..core import clock
from .setup_wizard import Printer, ask_text_file, print_document, write_secret_text


def _fixed_font(scale: float = 1.0, bold: bool = False) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPointSizeF(max(font.pointSizeF(), 10) * scale)
    font.setBold(bold)
    return font


class ConversionReportDialog(QDialog):
    """``upgrade``: ``desk.upgrade`` ({"one_time_passwords", "recovery_key", "without_keys",
    "copy"}); ``fingerprint``: the new root key's, to write beside the recovery key."""

    def __init__(self, upgrade: dict, fingerprint: str = "", db_path: Path | str | None = None,
                 parent: QWidget | None = None, printer: Printer = print_document):
        super().__init__(parent)
        self.setObjectName("conversion_report")
        self.upgrade = dict(upgrade)
        self.passwords: dict[str, str] = dict(sorted(
            (self.upgrade.get("one_time_passwords") or {}).items()))
        self.recovery_key = self.upgrade.get("recovery_key") or ""
        self.without_keys: list[str] = list(self.upgrade.get("without_keys") or [])
        self.copy_path = str(self.upgrade.get("copy") or "")
        self.fingerprint = fingerprint
        self.db_path = str(db_path or "")
        self.printer = printer
        self.saved_to: Path | None = None
        self.setWindowTitle(self.tr("Database converted: new passwords and recovery key"))
        self.setModal(True)

        intro = QLabel(self.tr(
            "This database was made by an older custdesk and has just been converted: each "
            "confidentiality level now has keys of its own. Nobody's old password works any "
            "more. Give each user below their one-time password in person (not by e-mail or "
            "chat); they choose their own at their first login. This is shown only now."))
        intro.setWordWrap(True)

        self.table = QTableWidget(len(self.passwords), 2)
        self.table.setObjectName("one_time_passwords")
        self.table.setHorizontalHeaderLabels([self.tr("User"), self.tr("One-time password")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        mono = _fixed_font(1.15, bold=True)
        for row, (user, password) in enumerate(self.passwords.items()):
            self.table.setItem(row, 0, QTableWidgetItem(user))
            item = QTableWidgetItem(password)
            item.setFont(mono)
            self.table.setItem(row, 1, item)
        self.table.resizeRowsToContents()
        rows_height = sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        # As tall as its rows (up to a point: then it scrolls), not a block of empty space.
        fitted = min(260, self.table.horizontalHeader().sizeHint().height() + rows_height
                     + 2 * self.table.frameWidth() + 2)
        self.table.setMinimumHeight(fitted)
        self.table.setMaximumHeight(fitted)
        self.table.setVisible(bool(self.passwords))
        none_label = QLabel(self.tr("No other user needs a one-time password."))
        none_label.setVisible(not self.passwords)

        self.key_field = QLineEdit(self.recovery_key)
        self.key_field.setObjectName("new_recovery_key")
        self.key_field.setReadOnly(True)
        self.key_field.setFont(_fixed_font(1.3, bold=True))
        metrics = self.key_field.fontMetrics()
        self.key_field.setMinimumWidth(metrics.horizontalAdvance(self.recovery_key + "MM") + 16)
        self.fingerprint_label = QLabel(fingerprint or "—")
        self.fingerprint_label.setObjectName("root_fingerprint")
        self.fingerprint_label.setFont(_fixed_font(1.1))
        self.fingerprint_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        key_note = QLabel(self.tr(
            "The old recovery key no longer works. Keep this one locked away from the "
            "computer, with the root key fingerprint written beside it."))
        key_note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("New recovery key:"), self.key_field)
        form.addRow(self.tr("Root key fingerprint:"), self.fingerprint_label)

        self.without_label = QLabel(self.tr(
            "Disabled, because they were cleared to “public” only and a key to this database "
            "opens everything at “internal”: %1. Add them again with at least “internal” "
            "clearance if they still need custdesk.").replace("%1", "、".join(self.without_keys)))
        self.without_label.setObjectName("without_keys")
        self.without_label.setWordWrap(True)
        self.without_label.setVisible(bool(self.without_keys))
        self.copy_label = QLabel(self.tr("The database as it was before the conversion is kept "
                                         "at: %1").replace("%1", self.copy_path))
        self.copy_label.setObjectName("copy_before")
        self.copy_label.setWordWrap(True)
        self.copy_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy_label.setVisible(bool(self.copy_path))

        self.copy_button = QPushButton(self.tr("Copy all"))
        self.print_button = QPushButton(self.tr("Print…"))
        self.save_button = QPushButton(self.tr("Save as text file…"))
        self.copy_button.clicked.connect(self.copy_all)
        self.print_button.clicked.connect(self.print_report)
        self.save_button.clicked.connect(self.save_report)
        actions = QHBoxLayout()
        for button in (self.copy_button, self.print_button, self.save_button):
            actions.addWidget(button)
        actions.addStretch(1)
        self.status = QLabel()
        self.status.setObjectName("report_status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.written = QCheckBox(self.tr("I have written these down (or printed them) and will "
                                         "hand them out"))
        self.written.setObjectName("written_down")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setEnabled(False)
        self.written.toggled.connect(self.ok_button.setEnabled)
        self.buttons.accepted.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(none_label)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(key_note)
        layout.addWidget(self.without_label)
        layout.addWidget(self.copy_label)
        layout.addLayout(actions)
        layout.addWidget(self.status)
        layout.addWidget(self.written)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

    # -- closing only once written down ----------------------------------------------------
    def accept(self) -> None:
        if self.written.isChecked():
            super().accept()

    def reject(self) -> None:
        # Esc or the window's close button: these passwords are never shown again.
        if self.written.isChecked():
            super().accept()

    # -- keeping it ---------------------------------------------------------------------------
    def text(self) -> str:
        lines = [self.tr("custdesk — database converted: one-time passwords and recovery key"),
                 "=" * 40, ""]
        if self.db_path:
            lines.append(self.tr("Database: %1").replace("%1", self.db_path))
        lines.append(self.tr("Converted on: %1").replace("%1", clock.today().isoformat()))
        lines.append("")
        lines.append(self.tr("One-time passwords (each user chooses their own at first login):"))
        lines += [f"  {user}: {password}" for user, password in self.passwords.items()] or ["  —"]
        lines.append("")
        lines.append(self.tr("New recovery key: %1").replace("%1", self.recovery_key))
        lines.append(self.tr("Root key fingerprint: %1").replace("%1", self.fingerprint or "—"))
        if self.without_keys:
            lines.append(self.tr("Disabled (cleared to “public” only): %1")
                         .replace("%1", ", ".join(self.without_keys)))
        if self.copy_path:
            lines.append(self.tr("Copy made before the conversion: %1").replace("%1", self.copy_path))
        return "\n".join(lines + [""])

    def document(self) -> QTextDocument:
        body = "".join(f"<p style='margin:0'>{html.escape(line) or '&nbsp;'}</p>"
                       for line in self.text().splitlines()[2:])
        document = QTextDocument(self)
        document.setHtml(f"<h2>{html.escape(self.text().splitlines()[0])}</h2>"
                         f"<div style='font-family:monospace'>{body}</div>")
        return document

    def copy_all(self) -> None:
        QGuiApplication.clipboard().setText(self.text())
        self.status.setText(self.tr("Copied. Paste it only where nobody else can read it."))

    def print_report(self) -> None:
        try:
            printed = self.printer(self, self.document())
        except Exception as exc:  # noqa: BLE001 - a printer problem must not lose the passwords
            self.status.setText(self.tr("Printing failed: %1").replace("%1", str(exc)))
            return
        if printed:
            self.status.setText(self.tr("Sent to the printer."))

    def save_report(self) -> None:
        target = ask_text_file(self, self.tr("Save the one-time passwords and recovery key"),
                               self.tr("custdesk-new-passwords.txt"),
                               self.tr("Text files (*.txt)"))
        if target is None:
            return
        try:
            write_secret_text(target, self.text())
        except OSError as exc:
            self.status.setText(self.tr("Could not save the file: %1").replace("%1", str(exc)))
            return
        self.saved_to = target
        self.status.setText(self.tr("Saved to %1. Delete the file once the passwords are handed "
                                    "out and the recovery key is locked away.")
                            .replace("%1", str(target)))

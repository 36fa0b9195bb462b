"""A generic tab for one kind of sub-record, driven by ``core.fields.RECORD_KINDS``.

Contacts, credit records, litigation, communications, complaints, licences and
(with a summary above) transactions all use it. Rows core sends masked (sensitive
kinds, contacts' phones) offer Reveal, and must be revealed before they are edited;
once revealed, the tab's own later reloads reveal again with the same reason (each
logged by core). Rows above the user's clearance ("locked") cannot be revealed,
edited or deleted; new records may still be added (core seals them at their level).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QMessageBox, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)
from shiboken6 import isValid

from ...core.errors import CustdeskError
from ...core.fields import RECORD_KINDS
from .fieldwidgets import cell_text, label_for
from .jobs import list_table, message_label, run_for, show_message
from .record_dialog import RecordDialog
from .reveal import RevealDialog

ID_ROLE = Qt.ItemDataRole.UserRole


class RecordsTab(QWidget):
    #: rows arrived from the database (tests and the editor wait on it)
    loaded = Signal()

    def __init__(self, runner, kind: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.spec = RECORD_KINDS[kind]
        self.setObjectName(f"tab_{kind}")
        self.code: str | None = None
        self.rows: list[dict] = []
        self.revealed_reason: str | None = None
        self.dialog: RecordDialog | None = None          # the open add/edit dialog
        self.reveal_dialog: RevealDialog | None = None

        self.add_button = QPushButton(self.tr("Add…"), self)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.reveal_button = QPushButton(self.tr("Reveal…"), self)
        self.reveal_button.hide()
        self.add_button.clicked.connect(self.add_record)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.reveal_button.clicked.connect(self.request_reveal)
        self.caption = QLabel(self.title(), self)
        self.caption.setObjectName(f"caption_{kind}")
        font = self.caption.font()
        font.setBold(True)
        self.caption.setFont(font)
        self.caption.hide()
        bar = QHBoxLayout()
        bar.addWidget(self.caption)
        for button in (self.add_button, self.edit_button, self.delete_button, self.reveal_button):
            bar.addWidget(button)
        bar.addStretch(1)

        self.table = QTableWidget(0, len(self.spec.fields), self)
        self.table.setObjectName(f"table_{kind}")
        self.table.setHorizontalHeaderLabels([label_for(f) for f in self.spec.fields])
        list_table(self.table)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.message = message_label(self)
        self.top_layout = QVBoxLayout()   # subclasses put a summary here
        layout = QVBoxLayout(self)
        layout.addLayout(self.top_layout)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        self._update_buttons()

    def title(self) -> str:
        return label_for(self.spec)

    def show_caption(self) -> None:
        """Name the list beside its buttons (a page holding several lists)."""
        self.caption.show()

    # -- loading ------------------------------------------------------------------------
    def set_code(self, code: str | None) -> None:
        if code != self.code:
            self.revealed_reason = None
        self.code = code
        self.refresh()

    def refresh(self, external: bool = False) -> None:
        """Reload the rows. ``external``: another view changed records, so a revealed
        tab is left alone rather than logging a reveal the user did not ask for."""
        if self.code is None or (external and self.revealed_reason):
            return
        run_for(self, self.runner, self._loader(self.code, self.revealed_reason),
                self._show, self._failed)

    def _loader(self, code: str, reason: str | None):
        """The job that fetches what the tab shows; runs on the database thread."""
        kind = self.spec.key
        if reason:
            return lambda desk: {"code": code, "rows": desk.records.list(
                code, kind, reveal=True, reason=reason)}
        return lambda desk: {"code": code, "rows": desk.records.list(code, kind)}

    def _show(self, payload: dict) -> None:
        if payload["code"] != self.code:
            return
        self.rows = payload["rows"]
        table = self.table
        table.setRowCount(len(self.rows))
        locked_tip = self.tr("Above your clearance")
        for r, row in enumerate(self.rows):
            for c, field in enumerate(self.spec.fields):
                item = QTableWidgetItem(cell_text(field, row.get(field.key)))
                item.setData(ID_ROLE, row.get("id"))
                if row.get("locked"):
                    item.setToolTip(locked_tip)
                if field.type in ("money", "signed_money", "int"):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(r, c, item)
        self._decorate()
        self._update_buttons()
        self.loaded.emit()

    def _decorate(self) -> None:
        """Subclasses colour rows here."""

    def _failed(self, error: CustdeskError) -> None:
        show_message(self.message, str(error))

    def is_masked(self) -> bool:
        """Whether core sent rows masked (and the tab has not revealed them)."""
        return any(row.get("masked") for row in self.rows) and not self.revealed_reason

    def is_locked(self) -> bool:
        """Whether rows are above the user's clearance (never revealed to them)."""
        return any(row.get("locked") for row in self.rows)

    def _update_buttons(self) -> None:
        row = self.selected_row()
        locked = self.is_locked()
        can_touch = self._touchable(row)
        self.add_button.setEnabled(self.code is not None)
        self.edit_button.setEnabled(can_touch)
        self.delete_button.setEnabled(can_touch)
        self.reveal_button.setVisible(self.is_masked())
        self.reveal_button.setEnabled(not locked)
        self.reveal_button.setToolTip(self.tr("Above your clearance") if locked else "")
        if row is not None and row.get("locked"):
            tip = self.tr("Above your clearance")
        elif self.is_masked():
            tip = self.tr("Reveal the records before editing them")
        else:
            tip = ""
        self.edit_button.setToolTip(tip)
        self.delete_button.setToolTip(tip)

    def selected_row(self) -> dict | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.rows):
            return None
        return self.rows[rows[0].row()]

    # -- editing ------------------------------------------------------------------------
    def add_record(self) -> RecordDialog | None:
        if self.code is None:
            return None
        dialog = RecordDialog(self.tr("New record: {kind}").format(kind=self.title()),
                              self.spec.fields, None, self)
        dialog.submitted.connect(lambda values: self._save(dialog, None, values))
        return self._open(dialog)

    def _touchable(self, row: dict | None) -> bool:
        return row is not None and not row.get("locked") and not (
            row.get("masked") and not self.revealed_reason)

    def edit_selected(self) -> RecordDialog | None:
        row = self.selected_row()
        if not self._touchable(row):
            return None
        dialog = RecordDialog(self.tr("Edit record: {kind}").format(kind=self.title()),
                              self.spec.fields, row, self)
        dialog.submitted.connect(lambda values: self._save(dialog, row["id"], values))
        return self._open(dialog)

    def _open(self, dialog: RecordDialog) -> RecordDialog:
        self.dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _save(self, dialog: RecordDialog, record_id: int | None, values: dict) -> None:
        code, kind = self.code, self.spec.key
        if record_id is None:
            job = lambda desk: desk.records.add(code, kind, values)  # noqa: E731
        else:
            job = lambda desk: desk.records.update(code, kind, record_id, values)  # noqa: E731

        def done(_changes):
            if isValid(dialog):
                dialog.accept()
            show_message(self.message, "")
            self.refresh()

        def failed(error):
            if isValid(dialog):
                dialog.show_error(error)
            else:  # the dialog was cancelled while saving
                self._failed(error)
        run_for(self, self.runner, job, done, failed)

    def delete_selected(self) -> None:
        row = self.selected_row()
        if not self._touchable(row):
            return
        answer = QMessageBox.question(
            self, self.tr("Delete record"),
            self.tr("Delete this record from {kind}? This cannot be undone (the audit log keeps "
                    "what it was).").format(kind=self.title()),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        code, kind, record_id = self.code, self.spec.key, row["id"]
        run_for(self, self.runner, lambda desk: desk.records.delete(code, kind, record_id),
                lambda _changes: self.refresh(), self._failed)

    # -- revealing ----------------------------------------------------------------------
    def request_reveal(self) -> RevealDialog | None:
        if self.is_locked():
            return None
        dialog = RevealDialog(self.title(), self)
        dialog.accepted.connect(lambda: self.reveal(dialog.reason()))
        dialog.finished.connect(dialog.deleteLater)
        self.reveal_dialog = dialog
        dialog.open()
        return dialog

    def reveal(self, reason: str) -> None:
        """Show this kind unmasked in this view; core checks clearance and logs the reason."""
        if self.code is None:
            return

        def done(payload):
            self.revealed_reason = reason
            show_message(self.message, "")
            self._show(payload)
        run_for(self, self.runner, self._loader(self.code, reason), done, self._failed)

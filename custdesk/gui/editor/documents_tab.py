"""Documents of a file (scans, licences, statements), and expiry highlighting.

Files live encrypted in the database. Opening one shows scans and PDFs from memory
(``document_viewer``); anything else is written to this run's private viewing folder
(``gui.viewing``: 0700, files 0600, removed when the editor closes, at exit, and after
a crash at the next start) and handed to the system's program. Expired documents are
red, those expiring within 30 days orange (licences use the same colours).
"""

from __future__ import annotations

import datetime
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QBrush, QColor, QDesktopServices
from PySide6.QtWidgets import (QFileDialog, QHBoxLayout, QMessageBox, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)
from shiboken6 import isValid

from ...core import clock
from ...core.errors import CustdeskError
from ...core.fields import DOCUMENT_FIELDS
from .. import people
from .. import viewing
from .document_viewer import DocumentViewer, memory_kind
from .fieldwidgets import cell_text, label_for
from .jobs import list_table, message_label, run_for, show_message
from .record_dialog import RecordDialog
from .records_tab import RecordsTab

SOON_DAYS = 30
COLOURS = {"expired": (QColor("#ffcdd2"), QColor("#b71c1c")),
           "soon": (QColor("#ffe0b2"), QColor("#e65100"))}
_DOC = {f.key: f for f in DOCUMENT_FIELDS}


def expiry_state(expires_on: str | None, today: datetime.date) -> str | None:
    """'expired' after the last valid day, 'soon' within 30 days, else None."""
    if not expires_on:
        return None
    try:
        day = datetime.date.fromisoformat(str(expires_on))
    except ValueError:
        return None
    if day < today:
        return "expired"
    return "soon" if (day - today).days <= SOON_DAYS else None


def paint_expiry(item: QTableWidgetItem, state: str | None, tips: dict[str, str]) -> None:
    if state is None:
        return
    background, foreground = COLOURS[state]
    item.setBackground(QBrush(background))
    item.setForeground(QBrush(foreground))
    item.setToolTip(tips[state])
    item.setData(Qt.ItemDataRole.UserRole + 1, state)


class LicencesTab(RecordsTab):
    def __init__(self, runner, parent: QWidget | None = None):
        super().__init__(runner, "licences", parent)

    def _decorate(self) -> None:
        column = next(i for i, f in enumerate(self.spec.fields) if f.key == "expires_on")
        tips = {"expired": self.tr("Expired"), "soon": self.tr("Expires within 30 days")}
        for r, row in enumerate(self.rows):
            paint_expiry(self.table.item(r, column), expiry_state(row.get("expires_on"), clock.today()), tips)


class DocumentsTab(QWidget):
    loaded = Signal()
    #: a document was written out for viewing: its temporary path
    opened = Signal(str)
    #: a document is shown from memory: the viewer
    viewed = Signal(object)
    COLUMNS = ("filename", "kind", "size", "expires_on", "notes", "created_at", "created_by")

    def __init__(self, runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("tab_documents")
        self.runner = runner
        self.code: str | None = None
        self.rows: list[dict] = []
        self.dialog: RecordDialog | None = None
        self.viewer: DocumentViewer | None = None
        #: files written for viewing by this tab: deleted when it closes
        self.written: list[Path] = []
        self.destroyed.connect(lambda _o=None, files=self.written: viewing.discard(files))
        self.add_button = QPushButton(self.tr("Add file…"), self)
        self.open_button = QPushButton(self.tr("Open"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.add_button.clicked.connect(self.add_document)
        self.open_button.clicked.connect(self.open_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        bar = QHBoxLayout()
        for button in (self.add_button, self.open_button, self.delete_button):
            bar.addWidget(button)
        bar.addStretch(1)
        headers = {"filename": self.tr("File"), "size": self.tr("Size"),
                   "created_at": self.tr("Added"), "created_by": self.tr("Added by")}
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setObjectName("table_documents")
        self.table.setHorizontalHeaderLabels(
            [label_for(_DOC[c]) if c in _DOC else headers[c] for c in self.COLUMNS])
        list_table(self.table)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.message = message_label(self)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)

    def set_code(self, code: str | None) -> None:
        self.code = code
        self.refresh()

    def refresh(self, external: bool = False) -> None:
        if self.code is None:
            return
        code = self.code
        run_for(self, self.runner, lambda desk: (code, desk.documents.list(code)),
                self._show, self._failed)

    def _show(self, result) -> None:
        code, rows = result
        if code != self.code:
            return
        self.rows = rows
        self.table.setRowCount(len(rows))
        today = clock.today()
        tips = {"expired": self.tr("Expired"), "soon": self.tr("Expires within 30 days")}
        for r, row in enumerate(rows):
            for c, key in enumerate(self.COLUMNS):
                value = row.get(key)
                if key in _DOC:
                    text = cell_text(_DOC[key], value)
                elif key == "size":
                    text = self.tr("{kb:,.1f} KB").format(kb=(value or 0) / 1024)
                elif key == "created_by":
                    text = people.shown(value)
                else:
                    text = "" if value is None else str(value)[:19].replace("T", " ")
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row["id"])
                if key == "expires_on":
                    paint_expiry(item, expiry_state(value, today), tips)
                self.table.setItem(r, c, item)
        self.loaded.emit()

    def _failed(self, error: CustdeskError) -> None:
        show_message(self.message, str(error))

    def selected_row(self) -> dict | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows and rows[0].row() < len(self.rows) else None

    # -- adding -------------------------------------------------------------------------
    def add_document(self) -> RecordDialog | None:
        if self.code is None:
            return None
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Add a document"))
        return self.add_file(path) if path else None

    def add_file(self, path: str) -> RecordDialog:
        """Ask for the document's kind, expiry and notes, then store ``path``."""
        dialog = RecordDialog(self.tr("Add {name}").format(name=Path(path).name),
                              DOCUMENT_FIELDS, None, self)
        code = self.code

        def submit(values: dict) -> None:
            fields = dict(values)
            kind = fields.pop("kind", "")

            def done(_changes):
                if isValid(dialog):
                    dialog.accept()
                self.refresh()

            def failed(error):
                if isValid(dialog):
                    dialog.show_error(error)
                else:
                    self._failed(error)
            run_for(self, self.runner,
                    lambda desk: desk.documents.add_file(code, path, kind, **fields), done, failed)
        dialog.submitted.connect(submit)
        self.dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    # -- opening and deleting -----------------------------------------------------------
    def open_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        code, doc_id = self.code, row["id"]

        def job(desk):
            name, content = desk.documents.content(code, doc_id)
            kind = memory_kind(content)
            if kind is not None:
                return {"name": name, "content": content, "kind": kind}
            return {"name": name, **_write_for_viewing(name, content)}

        run_for(self, self.runner, job, self._open, self._failed)

    def _open(self, result: dict) -> None:
        show_message(self.message, "")
        if "kind" in result:
            self._show_in_memory(result["name"], result["content"], result["kind"])
        else:
            self._hand_over(result)

    def _show_in_memory(self, name: str, content: bytes, kind: str) -> DocumentViewer:
        if self.viewer is not None and isValid(self.viewer):
            self.viewer.close()
        viewer = DocumentViewer(name, content, kind, self)
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.open_outside.connect(lambda: self._open_outside(name, content))
        self.viewer = viewer
        viewer.show()
        self.viewed.emit(viewer)
        return viewer

    def _open_outside(self, name: str, content: bytes) -> None:
        run_for(self, self.runner, lambda _desk: {"name": name,
                                                  **_write_for_viewing(name, content)},
                self._hand_over, self._failed)

    def _hand_over(self, result: dict) -> None:
        if result.get("problem"):
            show_message(self.message, self.tr("Cannot write the file for viewing: {error}")
                         .format(error=result["problem"]))
            return
        path = result["path"]
        self.written.append(Path(path))
        QDesktopServices.openUrl(QUrl.fromLocalFile(path))
        self.opened.emit(path)

    def delete_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete document"),
            self.tr("Delete {name} from this file?").format(name=row["filename"]),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        code, doc_id = self.code, row["id"]
        run_for(self, self.runner, lambda desk: desk.documents.delete(code, doc_id),
                lambda _changes: self.refresh(), self._failed)


def _write_for_viewing(name: str, content: bytes) -> dict:
    """On the database thread: ``content`` in this run's private viewing folder."""
    try:
        return {"path": str(viewing.session().write(name, content))}
    except OSError as exc:
        return {"problem": exc.strerror or str(exc)}

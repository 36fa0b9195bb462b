"""The history of one file: its audit entries, newest first, told as the audit page tells
them (``core.audit_view``: operations and details by label, money in yuan, local time)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from ...core import audit_view
from ...core.errors import CustdeskError
from .jobs import list_table, message_label, run_for, show_message

ACTION_ROLE = Qt.ItemDataRole.UserRole
DETAILS = 4


class HistoryTab(QWidget):
    loaded = Signal()

    def __init__(self, runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("tab_history")
        self.runner = runner
        self.code: str | None = None
        self.rows: list[audit_view.Row] = []
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("table_history")
        self.table.setHorizontalHeaderLabels([self.tr("Time"), self.tr("User"),
                                              self.tr("Operation"), self.tr("Item"),
                                              self.tr("Details")])
        list_table(self.table)
        self.table.setWordWrap(False)
        self.message = message_label(self)
        # The chosen entry whole (the list cuts long details off at its edge).
        self.detail = QLabel(self)
        self.detail.setObjectName("history_detail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table.currentCellChanged.connect(lambda row, *_: self._show_detail(row))
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)

    def set_code(self, code: str | None) -> None:
        self.code = code
        self.refresh()

    def refresh(self, external: bool = False) -> None:
        if self.code is None:
            return
        code = self.code
        run_for(self, self.runner,
                lambda desk: (code, audit_view.present(desk, desk.audit.entries(customer=code),
                                                       limit=None)),
                self._show, self._failed)

    def showEvent(self, event) -> None:  # reveals and openings log entries without a Changes
        super().showEvent(event)
        self.refresh()

    def _show(self, result) -> None:
        code, rows = result
        if code != self.code:
            return
        self.rows = rows
        self.detail.clear()
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate((row.time, row.user, row.operation, row.item,
                                      row.details)):
                item = QTableWidgetItem(text)
                item.setData(ACTION_ROLE, row.action)
                if c == DETAILS:
                    item.setToolTip(text)
                self.table.setItem(r, c, item)
        self.loaded.emit()

    def _show_detail(self, index: int) -> None:
        if not 0 <= index < len(self.rows):
            self.detail.clear()
            return
        row = self.rows[index]
        head = " · ".join(filter(None, [row.time, row.user, row.operation, row.item]))
        self.detail.setText(f"{head}\n{row.details}" if row.details else head)

    def _failed(self, error: CustdeskError) -> None:
        show_message(self.message, str(error))

"""审计日志: the newest audit entries and a chain check (for roles that may read the log)."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QPushButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget, QHeaderView, QAbstractItemView)


LIMIT = 1000


class AuditPage(QWidget):
    def __init__(self, runner, parent=None):
        super().__init__(parent)
        self._runner = runner
        title = QLabel(self.tr("Audit log"))
        title.setProperty("role", "title")
        self.status = QLabel()
        self.verify_button = QPushButton(self.tr("Verify chain"))
        self.verify_button.clicked.connect(self.verify)
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.status)
        top.addWidget(refresh)
        top.addWidget(self.verify_button)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([self.tr("No."), self.tr("Time (UTC)"), self.tr("User"),
                                              self.tr("Action"), self.tr("Object"),
                                              self.tr("Details")])
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.Stretch)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        runner.changed.connect(lambda changes: self.isVisible() and self.refresh())

    def showEvent(self, event):
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        self._runner.run(lambda desk: desk.audit.entries(limit=LIMIT), self._fill,
                         lambda exc: self.status.setText(str(exc)))

    def _fill(self, entries: list[dict]) -> None:
        self.table.setRowCount(len(entries))
        for row, e in enumerate(entries):
            details = json.dumps(e["summary"], ensure_ascii=False) if e["summary"] else ""
            for col, value in enumerate((e["seq"], e["at"].replace("T", " ")[:19], e["user"],
                                         e["action"], e["object"], details)):
                item = QTableWidgetItem(str(value))
                if col == 0:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()

    def verify(self) -> None:
        self.verify_button.setEnabled(False)
        self.status.setText(self.tr("Checking…"))

        def done(result):
            self.verify_button.setEnabled(True)
            color = "#1e7d32" if result.ok else "#c0392b"
            self.status.setText(f'<span style="color:{color}">{result.message}</span>')

        def failed(exc):
            self.verify_button.setEnabled(True)
            self.status.setText(str(exc))

        self._runner.run(lambda desk: desk.audit.verify(), done, failed)

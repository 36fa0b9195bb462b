"""设置 › 个人信息保存期限 (managers, admins): how long closed files and negative records are
kept; a preview of what the rules would purge today, then the purge after a confirmation.

The rules and the purge are core's (``privacy.retention`` / ``privacy.purge``): the purge
carries out exactly the preview the user saw (re-checked inside its transaction) and
writes one audit entry.
"""

from __future__ import annotations

import html

from PySide6.QtWidgets import (QFormLayout, QGroupBox, QHBoxLayout, QLabel, QMessageBox,
                               QPushButton, QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout)

from ..core.changes import Changes
from ..core.fields import choice_label
from .editor.jobs import list_table
from .enter_saves import enter_saves

PREVIEW_ROWS = 500


class RetentionBox(QGroupBox):
    def __init__(self, runner, parent=None):
        super().__init__(self.tr("Personal information retention"), parent)
        self.setObjectName("retention_box")
        self._runner = runner
        self.plan: dict | None = None
        self.confirm_box: QMessageBox | None = None
        self.closed = QSpinBox()
        self.closed.setRange(1, 30)
        self.negative = QSpinBox()
        self.negative.setRange(1, 30)
        for spin in (self.closed, self.negative):
            spin.setSuffix(self.tr(" years"))
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(self.save)
        enter_saves(self, self.save_button)
        form = QFormLayout()
        form.addRow(self.tr("Closed files kept after closing"), self.closed)
        form.addRow(self.tr("Negative records kept after they ended"), self.negative)
        form.addRow("", self.save_button)
        self.preview_button = QPushButton(self.tr("Preview"))
        self.preview_button.setObjectName("retention_preview")
        self.preview_button.clicked.connect(self.preview)
        self.purge_button = QPushButton(self.tr("Purge…"))
        self.purge_button.setObjectName("retention_purge")
        self.purge_button.setEnabled(False)
        self.purge_button.clicked.connect(self.ask_purge)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.purge_button)
        buttons.addStretch(1)
        self.summary = QLabel(self.tr("Closed individuals' files are erased (the aggregates stay); "
                                      "closed enterprises lose their contact persons; negative "
                                      "credit records and litigation are deleted."))
        self.summary.setWordWrap(True)
        self.table = list_table(QTableWidget(0, 4))
        self.table.setObjectName("retention_table")
        self.table.setHorizontalHeaderLabels([self.tr("Code"), self.tr("What"), self.tr("Detail"),
                                              self.tr("Closed or ended")])
        self.table.setMinimumHeight(160)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        runner.run(lambda desk: desk.privacy.years(), self._show_years, self._failed)

    def _show_years(self, years: dict) -> None:
        self.closed.setValue(years["privacy.closed_years"])
        self.negative.setValue(years["privacy.negative_years"])

    def save(self) -> None:
        closed, negative = self.closed.value(), self.negative.value()
        self._runner.run(lambda desk: desk.privacy.set_years(closed, negative),
                         lambda _c: self.preview(), self._failed)

    def preview(self) -> None:
        self._runner.run(lambda desk: desk.privacy.retention(), self._show_plan, self._failed)

    def _show_plan(self, plan: dict) -> None:
        self.plan = plan
        rows = [(f["code"], self.tr("File: personal information erased") if f["kind"] == "individual"
                 else self.tr("File: contact persons removed"), f["name"], f["closed_on"])
                for f in plan["files"]]
        rows += [(r["code"], self._record_label(r["kind"]), choice_label(r["what"]) or r["what"],
                  r["ended"]) for r in plan["records"]]
        self.table.setRowCount(min(len(rows), PREVIEW_ROWS))
        for r, row in enumerate(rows[:PREVIEW_ROWS]):
            for c, text in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(str(text or "")))
        self.summary.setText(self.tr("On %1: %2 files and %3 records would be purged (closed before "
                                     "%4; ended before %5).")
                             .replace("%1", plan["as_of"]).replace("%2", str(len(plan["files"])))
                             .replace("%3", str(len(plan["records"])))
                             .replace("%4", plan["closed_before"])
                             .replace("%5", plan["ended_before"]))
        self.purge_button.setEnabled(bool(plan["files"] or plan["records"]))

    def _record_label(self, kind: str) -> str:
        return self.tr("Credit record") if kind == "credit_records" else self.tr("Litigation")

    def ask_purge(self) -> QMessageBox | None:
        if not self.plan:
            return None
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Purge"),
                          self.tr("Purge %1 files and %2 records as listed? This cannot be undone.")
                          .replace("%1", str(len(self.plan["files"])))
                          .replace("%2", str(len(self.plan["records"]))),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setObjectName("retention_confirm")
        box.finished.connect(lambda _r: box.standardButton(box.clickedButton())
                             == QMessageBox.StandardButton.Yes and self.purge())
        box.finished.connect(box.deleteLater)
        self.confirm_box = box
        box.open()
        return box

    def purge(self) -> None:
        plan = self.plan
        self.purge_button.setEnabled(False)

        def done(changes: Changes) -> None:
            self.preview()

        self._runner.run(lambda desk: desk.privacy.purge(plan), done, self._failed)

    def _failed(self, error) -> None:
        self.summary.setText(f"<span style='color:#b00020'>{html.escape(str(error))}</span>")

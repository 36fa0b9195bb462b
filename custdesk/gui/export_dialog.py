"""导出客户资料… : the files the user may see, to CSV (customers) or XLSX (customers and one
sheet per record kind), sensitive items masked unless revealed with a reason.

The export itself is core's (``exporting.export_customers``): it leaves out files above
the user's clearance, masks, writes the file atomically and logs one audit entry.
"""

from __future__ import annotations

import datetime
import html
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import Qt
from shiboken6 import isValid
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QDialog, QDialogButtonBox, QFileDialog,
                               QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel,
                               QLineEdit, QMessageBox, QPushButton, QRadioButton, QVBoxLayout)

from ..core.errors import CustdeskError
from ..core.exporting import export_customers, matching_codes
from ..core.fields import SENSITIVE_LABELS, label
from .reports.common import BusyBar, last_folder, make_report, remember_folder

EXPORT_FOLDER = "export/folder"
#: which files an export writes
ALL, SHOWN, SELECTED = "all", "shown", "selected"


@dataclass(frozen=True)
class ListScope:
    """What the customer list shows when the export is asked for."""
    search: str = ""
    filters: dict = field(default_factory=dict)
    shown: int = 0                       # files its search and filters match (all of them)
    selected: tuple[str, ...] = ()       # codes of the selected rows
    on_screen: bool = False              # the list is the page in front

    @property
    def filtered(self) -> bool:
        return bool(self.search.strip()) or any(self.filters.values())


class ExportDialog(QDialog):
    def __init__(self, runner, parent=None, scope: ListScope | None = None,
                 choice: str | None = None):
        super().__init__(parent)
        self.runner = runner
        self.scope = scope or ListScope()
        self.done_result: dict | None = None
        self.message_box: QMessageBox | None = None
        self.setObjectName("export_dialog")
        self.setWindowTitle(self.tr("Export customer data"))
        stamp = datetime.date.today().strftime("%Y%m%d")
        self.path = QLineEdit(str(last_folder(EXPORT_FOLDER) / (self.tr("customers") + f"-{stamp}.xlsx")))
        self.path.setObjectName("export_path")
        self.path.textChanged.connect(self._update)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        self.kind_note = QLabel()
        self.kind_note.setWordWrap(True)

        # Which files: all, those the list shows (its search and filters), or the rows selected.
        which_box = QGroupBox(self.tr("Files to export"))
        which = QVBoxLayout(which_box)
        self.which = QButtonGroup(self)
        self.choices: dict[str, QRadioButton] = {}
        for key in (ALL, SHOWN, SELECTED):
            button = QRadioButton()
            button.setObjectName(f"export_{key}")
            self.which.addButton(button)
            which.addWidget(button)
            self.choices[key] = button
        scope = self.scope
        self.choices[SHOWN].setEnabled(scope.filtered and scope.shown > 0)
        if not scope.filtered:
            self.choices[SHOWN].setToolTip(self.tr("The list has no search or filter: it shows "
                                                   "every file."))
        self.choices[SELECTED].setEnabled(bool(scope.selected))
        if not scope.selected:
            self.choices[SELECTED].setToolTip(self.tr("No row is selected in the list."))
        # What is on screen when the list is filtered; everything otherwise.
        # What was asked for (the list's selection); else what is on screen when the list is
        # filtered; else everything.
        if choice in self.choices and self.choices[choice].isEnabled():
            self.choices[choice].setChecked(True)
        else:
            self.choices[SHOWN if self.choices[SHOWN].isEnabled() and scope.on_screen
                         else ALL].setChecked(True)
        self._label_choices(None)

        reveal_box = QGroupBox(self.tr("Show in full (masked otherwise)"))
        grid = QGridLayout(reveal_box)
        self.reveal: dict[str, QCheckBox] = {}
        for i, key in enumerate(SENSITIVE_LABELS):
            box = QCheckBox(label(key))
            box.setObjectName(f"reveal_{key}")
            box.setEnabled(False)           # until the clearance is known
            box.toggled.connect(self._update)
            grid.addWidget(box, i // 4, i % 4)
            self.reveal[key] = box
        self.reason = QLineEdit()
        self.reason.setObjectName("export_reason")
        self.reason.setPlaceholderText(self.tr("Why the full values must leave the program"))
        self.reason.textChanged.connect(self._update)

        self.busy = BusyBar()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(self.tr("&Export"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("export_button")
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("File"), path_row)
        form.addRow("", self.kind_note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(which_box)
        layout.addWidget(reveal_box)
        reason_form = QFormLayout()
        reason_form.addRow(self.tr("Reason"), self.reason)
        layout.addLayout(reason_form)
        layout.addWidget(QLabel(self.tr("Only the files your clearance allows are exported. The "
                                        "export is recorded in the audit log.")))
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        self.resize(620, 0)
        for button in self.choices.values():
            button.toggled.connect(self._update)
        self._update()
        runner.run(lambda desk: ({k: desk.access.cleared_for(k) for k in SENSITIVE_LABELS},
                                 desk.customers.list_rows(None, limit=1)[1]),
                   self._cleared)

    def _label_choices(self, everything: int | None) -> None:
        scope = self.scope
        self.choices[ALL].setText(
            self.tr("All the files you may see (%1)").replace("%1", f"{everything:,}")
            if everything is not None else self.tr("All the files you may see"))
        self.choices[SHOWN].setText(self.tr("The files the list shows (%1)")
                                    .replace("%1", f"{scope.shown:,}") if scope.filtered
                                    else self.tr("The files the list shows"))
        self.choices[SELECTED].setText(self.tr("The selected rows (%1)")
                                       .replace("%1", f"{len(scope.selected):,}"))

    def choice(self) -> str:
        return next(key for key, button in self.choices.items() if button.isChecked())

    def _cleared(self, answer: tuple[dict, int]) -> None:
        if not isValid(self):
            return              # closed (and deleted) before the answer came
        cleared, everything = answer
        self._label_choices(everything)
        for key, box in self.reveal.items():
            box.setEnabled(cleared.get(key, False))
            if not box.isEnabled():
                box.setToolTip(self.tr("Above your clearance"))

    def revealed(self) -> list[str]:
        return [k for k, box in self.reveal.items() if box.isChecked()]

    def _update(self) -> None:
        suffix = Path(self.path.text().strip()).suffix.lower()
        if suffix == ".csv":
            self.kind_note.setText(self.tr("CSV: one row per customer file."))
        elif suffix == ".xlsx":
            self.kind_note.setText(self.tr("Excel: the customer files and one sheet per kind of "
                                           "record (statements, transactions, credit records…)."))
        else:
            self.kind_note.setText(self.tr("The file name must end in .csv or .xlsx."))
        self.reason.setEnabled(bool(self.revealed()))
        self.export_button.setEnabled(suffix in (".csv", ".xlsx") and self.busy.isHidden()
                                      and (not self.revealed() or bool(self.reason.text().strip())))

    def browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export to"), self.path.text(),
            self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"))
        if name:
            self.path.setText(name)

    def export(self) -> None:
        path = Path(self.path.text().strip()).expanduser()
        reveal, reason = self.revealed(), self.reason.text().strip()
        scope, choice = self.scope, self.choice()

        def job(desk):
            # The files shown are read again here: every match, not only the rows on screen.
            codes = (matching_codes(desk, scope.search, **scope.filters) if choice == SHOWN
                     else list(scope.selected) if choice == SELECTED else None)
            return export_customers(desk, path, reveal=reveal, reason=reason, codes=codes)
        make_report(self, self.runner, job, self.busy, self._done, self._failed, self._update)
        self._update()

    def _done(self, result: dict) -> None:
        self.done_result = result
        remember_folder(EXPORT_FOLDER, Path(result["path"]).parent)
        text = (self.tr("%1 customer files and %2 records written to %3.")
                .replace("%1", f"{result['customers']:,}").replace("%2", f"{result['records']:,}")
                .replace("%3", html.escape(result["path"])))
        self._tell(QMessageBox.Icon.Information, text, then=self.accept)

    def _failed(self, error: CustdeskError) -> None:
        self._tell(QMessageBox.Icon.Warning, html.escape(str(error)))

    def _tell(self, icon, text: str, then=None) -> None:
        box = QMessageBox(icon, self.windowTitle(), text, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("export_message")
        box.setTextFormat(Qt.TextFormat.RichText)
        if then is not None:
            box.finished.connect(then)
        box.finished.connect(box.deleteLater)
        self.message_box = box
        box.open()

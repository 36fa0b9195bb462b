"""The import wizard's mapping step: which column is which field, with a preview.

One row per column of the file: its header, a few sample values, and a combo box
with the target's fields (or “not imported”). The combos start from the header
aliases, or from a saved mapping made for the same layout; a mapping can be saved
under a name, chosen again later, or deleted. Below, the first rows of the file with
each mapped column headed by its field. Nothing is read from the database here
except the saved mappings, through the runner.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QHeaderView, QInputDialog, QLabel,
                               QMessageBox, QPushButton, QSplitter, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget, QWizardPage)

from ...core.errors import CustdeskError
from ...core.importing import (delete_mapping, map_headers, matching_mapping, save_mapping,
                               saved_mappings)
from ...core.importing.mapping import field_label, header_key, suggest, target_fields

SAMPLES = 3          # sample values shown beside each column
PREVIEW_ROWS = 20    # rows of the file shown in the preview


class MappingPage(QWizardPage):
    def __init__(self, wizard):
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Columns"))
        self.setSubTitle(self.tr("Check which field each column of the file gives. Columns set "
                                 "to “not imported” are left out."))
        self.saved: dict[str, dict] = {}
        self._loaded_for = None

        self.saved_combo = QComboBox()
        self.saved_combo.setObjectName("saved_mappings")
        self.saved_combo.setMinimumContentsLength(16)
        self.saved_combo.activated.connect(self._apply_chosen)
        self.save_button = QPushButton(self.tr("Save mapping…"))
        self.save_button.setObjectName("save_mapping")
        self.save_button.clicked.connect(self.ask_save)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(self.delete_chosen)
        self.reset_button = QPushButton(self.tr("From headers"))
        self.reset_button.setToolTip(self.tr("Read the columns by their headers again"))
        self.reset_button.clicked.connect(self.apply_suggestions)
        saved_row = QHBoxLayout()
        saved_row.addWidget(QLabel(self.tr("Saved mappings:")))
        saved_row.addWidget(self.saved_combo, 1)
        saved_row.addWidget(self.save_button)
        saved_row.addWidget(self.delete_button)
        saved_row.addWidget(self.reset_button)

        self.columns = QTableWidget(0, 3)
        self.columns.setObjectName("mapping_table")
        self.columns.setHorizontalHeaderLabels([self.tr("Column in the file"), self.tr("Sample values"),
                                                self.tr("Field")])
        self.columns.verticalHeader().hide()
        header = self.columns.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.columns.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)

        self.preview = QTableWidget(0, 0)
        self.preview.setObjectName("preview_table")
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.preview.setAlternatingRowColors(True)

        self.note = QLabel()
        self.note.setObjectName("mapping_note")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.RichText)

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.columns)
        bottom = QWidget()
        holder = QVBoxLayout(bottom)
        holder.setContentsMargins(0, 0, 0, 0)
        holder.addWidget(QLabel(self.tr("Preview of the first rows:")))
        holder.addWidget(self.preview)
        split.addWidget(bottom)
        split.setSizes([260, 200])

        layout = QVBoxLayout(self)
        layout.addLayout(saved_row)
        layout.addWidget(split, 1)
        layout.addWidget(self.note)

    # -- filling --------------------------------------------------------------------------
    def initializePage(self) -> None:
        source = self.wiz.source
        if self._loaded_for == (source.path, self.wiz.target):
            return                     # coming back from the next page keeps the choices
        self._loaded_for = (source.path, self.wiz.target)
        self.fields = target_fields(self.wiz.target)
        self.columns.setRowCount(len(source.headers))
        for row, header in enumerate(source.headers):
            name = QTableWidgetItem(header or self.tr("(no header)"))
            self.columns.setItem(row, 0, name)
            samples = [cells[row] for _n, cells in source.rows[:20] if row < len(cells) and cells[row]]
            self.columns.setItem(row, 1, QTableWidgetItem("；".join(samples[:SAMPLES])))
            combo = QComboBox()
            combo.addItem(self.tr("(not imported)"), None)
            for key, field in self.fields.items():
                combo.addItem(field_label(field), key)
            combo.setEnabled(bool(str(header).strip()))
            combo.currentIndexChanged.connect(self.refresh_preview)
            self.columns.setCellWidget(row, 2, combo)
        self.apply_suggestions()
        self.load_saved()

    def combos(self) -> list[QComboBox]:
        return [self.columns.cellWidget(r, 2) for r in range(self.columns.rowCount())]

    def set_keys(self, keys: list[str | None]) -> None:
        for combo, key in zip(self.combos(), keys):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(key)))
            combo.blockSignals(False)
        self.refresh_preview()

    def _guesses(self) -> list[str | None]:
        """The aliases' reading of the headers, less the columns whose sample values do not
        fit the field (客户类别 holding A/B/C is not the kind)."""
        source = self.wiz.source
        return suggest(source.headers, self.wiz.target, [cells for _n, cells in source.rows])

    def apply_suggestions(self) -> None:
        self.set_keys(self._guesses())
        self.saved_combo.setCurrentIndex(0)
        self.note.setText("")

    def apply_mapping(self, mapping: dict) -> None:
        """A saved mapping's choice for every header it names; the aliases for the rest."""
        chosen = {header_key(h): k for h, k in mapping.items()}
        guesses = self._guesses()
        keys = [chosen[header_key(h)] if header_key(h) in chosen else guess
                for h, guess in zip(self.wiz.source.headers, guesses)]
        self.set_keys(keys)

    def load_saved(self, select: str | None = None) -> None:
        target, headers = self.wiz.target, self.wiz.source.headers

        def job(desk):
            return saved_mappings(desk, target), matching_mapping(desk, target, headers)

        def done(found) -> None:
            self.saved, match = found
            self.saved_combo.clear()
            self.saved_combo.addItem(self.tr("(none)"), None)
            for name in self.saved:
                self.saved_combo.addItem(name, name)
            wanted = select or match
            if wanted in self.saved:
                self.saved_combo.setCurrentIndex(self.saved_combo.findData(wanted))
                if select is None:
                    self.apply_mapping(self.saved[wanted])
                    self.note.setText(self.tr("The saved mapping “%1” was made for files like this "
                                              "one and has been applied.")
                                      .replace("%1", html.escape(wanted)))
            self.delete_button.setEnabled(len(self.saved) > 0)

        self.wiz.runner.run(job, done, self.wiz.show_error)

    def _apply_chosen(self, index: int) -> None:
        name = self.saved_combo.itemData(index)
        if name in self.saved:
            self.apply_mapping(self.saved[name])
            self.note.setText(self.tr("Mapping “%1” applied.").replace("%1", html.escape(name)))

    # -- the mapping ----------------------------------------------------------------------
    def mapping(self) -> dict[str, str | None]:
        """{header: field key or None} for every column with a header."""
        return {h: combo.currentData() for h, combo in zip(self.wiz.source.headers, self.combos())
                if str(h).strip()}

    def problem(self) -> str | None:
        """Why the mapping cannot be imported (two columns for one field, a needed column
        missing), or None."""
        try:
            map_headers(self.wiz.source.headers, self.wiz.target, self.mapping())
        except CustdeskError as exc:
            return str(exc)
        return None

    def refresh_preview(self) -> None:
        source = self.wiz.source
        keys = [combo.currentData() for combo in self.combos()]
        self.preview.clear()
        self.preview.setColumnCount(len(source.headers))
        self.preview.setRowCount(min(PREVIEW_ROWS, len(source.rows)))
        faint = QBrush(self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        left_out = self.tr("(not imported)")
        titles = [f"{header}\n→ {field_label(self.fields[key])}" if key else f"{header}\n{left_out}"
                  for header, key in zip(source.headers, keys)]
        self.preview.setHorizontalHeaderLabels(titles)
        self.preview.setVerticalHeaderLabels([str(n) for n, _ in source.rows[:PREVIEW_ROWS]])
        for r, (_number, cells) in enumerate(source.rows[:PREVIEW_ROWS]):
            for c in range(len(source.headers)):
                item = QTableWidgetItem(cells[c] if c < len(cells) else "")
                if not keys[c]:
                    item.setForeground(faint)
                self.preview.setItem(r, c, item)
        self.preview.resizeColumnsToContents()
        problem = self.problem()
        self.note.setText(f"<span style='color:#b00020'>{html.escape(problem)}</span>"
                          if problem else "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.wiz.source and self.columns.rowCount()) and self.problem() is None

    # -- saving ---------------------------------------------------------------------------
    def ask_save(self) -> None:
        current = self.saved_combo.currentData() or ""
        name, ok = QInputDialog.getText(self, self.tr("Save mapping"),
                                        self.tr("Name of the mapping (e.g. the bank or program the "
                                                "file comes from):"), text=current)
        if not ok or not name.strip():
            return
        if name.strip() in self.saved and name.strip() != current:
            if QMessageBox.question(self, self.tr("Save mapping"),
                                    self.tr("A mapping named “%1” exists. Replace it?")
                                    .replace("%1", name.strip())) != QMessageBox.StandardButton.Yes:
                return
        self.save_as(name)

    def save_as(self, name: str) -> None:
        target, mapping = self.wiz.target, self.mapping()
        self.wiz.runner.run(lambda desk: save_mapping(desk, target, name, mapping),
                            lambda _c: self.load_saved(select=" ".join(name.split())),
                            self.wiz.show_error)

    def delete_chosen(self) -> None:
        name = self.saved_combo.currentData()
        if not name:
            return
        if QMessageBox.question(self, self.tr("Delete mapping"),
                                self.tr("Delete the saved mapping “%1”?").replace("%1", name)) \
                != QMessageBox.StandardButton.Yes:
            return
        target = self.wiz.target
        self.wiz.runner.run(lambda desk: delete_mapping(desk, target, name),
                            lambda _c: self.load_saved(), self.wiz.show_error)

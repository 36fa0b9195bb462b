"""导入… : the import wizard — file, columns, check and import.

1. **File**: what to import (customer files, financial statements, transactions) and
   the CSV or XLSX file; its first rows are read here (encoding and delimiter found
   by core) so a file that cannot be read is refused before anything else.
2. **Columns** (``mapping_page``): which column is which field, with a preview and
   saved mappings.
3. **Check and import**: the mode (all or nothing, or skip invalid rows; update
   existing files), 检查 (a dry run) and 导入. Both run on the database thread with
   a progress bar and Cancel; a cancelled import is rolled back whole. Problems are
   listed row by row and can be saved as the same error report the command line
   writes.
"""

from __future__ import annotations

import html
import itertools
import threading
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QMessageBox, QProgressBar,
                               QPushButton, QRadioButton, QSizePolicy, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWizard, QWizardPage)
from shiboken6 import isValid

from ...core.changes import Changes
from ...core.errors import CustdeskError
from ...core.importing import (ImportCancelled, ImportResult, default_report_path, import_file,
                               read_table, write_error_report)
from ..editor.fieldwidgets import WARNING_COLOUR
from ..reports.common import last_folder, remember_folder
from .mapping_page import MappingPage

# the widest the problems' value column grows (pixels)
VALUE_WIDTH = 220
#: QSettings key of the folder last imported from
IMPORT_FOLDER = "import/folder"
#: rows of the file read for the preview
PREVIEW_READ = 50
#: problems listed in the wizard (the report file has them all)
LISTED_PROBLEMS = 500
#: what each target changes, so the window refreshes those areas
CHANGED = {"customers": ("customers",), "financials": ("customers", "records"),
           "transactions": ("customers", "records", "warnings")}


@dataclass
class Source:
    """The chosen file as read for the preview."""
    path: Path
    headers: list[str]
    rows: list[tuple[int, list[str]]] = field(default_factory=list)   # (row number, cells)
    encoding: str | None = None
    delimiter: str | None = None


def read_source(path: Path) -> Source:
    """The headers and first rows of ``path`` (ImportFileError when it cannot be read)."""
    table = read_table(path)
    rows = list(itertools.islice(table.rows, PREVIEW_READ))
    close = getattr(table.rows, "close", None)
    if close:
        close()                    # a workbook is closed when its row generator is
    return Source(path, [str(h) for h in table.headers], rows, table.encoding, table.delimiter)


class FilePage(QWizardPage):
    def __init__(self, wizard: "ImportWizard"):
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("File"))
        self.setSubTitle(self.tr("Choose what to import and the CSV or Excel (.xlsx) file. CSV files "
                                 "in UTF-8 or GBK/GB18030 are recognised."))
        self.targets = QButtonGroup(self)
        box = QVBoxLayout()
        for key, text in (("customers", self.tr("Customer files (individuals and enterprises)")),
                          ("financials", self.tr("Financial statements")),
                          ("transactions", self.tr("Transactions (invoices and payments)"))):
            button = QRadioButton(text)
            button.setObjectName(f"target_{key}")
            button.setProperty("target", key)
            self.targets.addButton(button)
            box.addWidget(button)
        self.targets.buttons()[0].setChecked(True)
        self.path = QLineEdit()
        self.path.setObjectName("import_path")
        self.path.setPlaceholderText(self.tr("Path of the file"))
        self.path.textChanged.connect(self.completeChanged)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.error = QLabel()
        self.error.setObjectName("file_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        form = QFormLayout(self)
        form.addRow(self.tr("Import"), box)
        form.addRow(self.tr("File"), row)
        form.addRow("", self.error)

    def target(self) -> str:
        return self.targets.checkedButton().property("target")

    def browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import from"), str(last_folder(IMPORT_FOLDER)),
            self.tr("Tables (*.csv *.txt *.xlsx *.xlsm);;All files (*)"))
        if name:
            self.path.setText(name)

    def isComplete(self) -> bool:
        return bool(self.path.text().strip())

    def validatePage(self) -> bool:
        """Read the file's first rows now: a file that cannot be read stops here."""
        path = Path(self.path.text().strip()).expanduser()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            source = read_source(path)
        except CustdeskError as exc:
            self.error.setText(str(exc))
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.error.setText("")
        remember_folder(IMPORT_FOLDER, path.parent)
        self.wiz.source, self.wiz.target = source, self.target()
        return True


class RunPage(QWizardPage):
    """The mode, 检查 and 导入, with progress and Cancel, and the problems found."""

    def __init__(self, wizard: "ImportWizard"):
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Check and import"))
        self.setSubTitle(self.tr("Every row is checked as if it had been typed in. By default a "
                                 "file with any invalid row is not imported at all."))
        self.all_or_nothing = QRadioButton(self.tr("Import only if every row is valid"))
        self.all_or_nothing.setChecked(True)
        self.skip_invalid = QRadioButton(self.tr("Import the valid rows and skip the others"))
        self.skip_invalid.setObjectName("skip_invalid")
        self.update_existing = QCheckBox(self.tr("Update existing files and records instead of "
                                                 "reporting them as duplicates"))
        self.update_existing.setObjectName("update_existing")
        # Values that only draw a warning are kept as the form keeps them: with a reason.
        self.accept_warnings = QLineEdit()
        self.accept_warnings.setObjectName("accept_warnings")
        self.accept_warnings.setPlaceholderText(self.tr(
            "Reason for keeping values that only draw a warning (leave empty to refuse them)"))
        self.accept_warnings.setToolTip(self.tr(
            "An ID number whose region or check digit is doubtful, a phone number outside the "
            "numbering plan: with a reason here they are kept, and the reason is recorded in "
            "each file and in the log."))
        self.check_button = QPushButton(self.tr("&Check"))
        self.check_button.setObjectName("check_button")
        self.check_button.setToolTip(self.tr("Check the whole file without importing anything"))
        self.check_button.clicked.connect(lambda: self.wiz.start(dry_run=True))
        self.progress = QProgressBar()
        self.progress.setObjectName("import_progress")
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancel_import")
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.wiz.cancel)
        self.check_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        run_row = QHBoxLayout()
        run_row.addWidget(self.check_button)
        run_row.addWidget(self.progress, 1)
        run_row.addWidget(self.cancel_button)
        self.summary = QLabel()
        self.summary.setObjectName("import_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.problems = QTableWidget(0, 4)
        self.problems.setObjectName("problems_table")
        self.problems.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Column"), self.tr("Value"),
                                                 self.tr("Reason")])
        self.problems.verticalHeader().hide()
        self.problems.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.problems.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.report_button = QPushButton(self.tr("Save error report…"))
        self.report_button.setObjectName("save_report")
        self.report_button.setEnabled(False)
        self.report_button.clicked.connect(self.wiz.save_report)
        layout = QVBoxLayout(self)
        layout.addWidget(self.all_or_nothing)
        layout.addWidget(self.skip_invalid)
        layout.addWidget(self.update_existing)
        layout.addWidget(self.accept_warnings)
        layout.addLayout(run_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.report_button, 0, Qt.AlignmentFlag.AlignRight)
        for button in (self.all_or_nothing, self.skip_invalid, self.update_existing):
            button.toggled.connect(self.wiz.forget_result)
        self.accept_warnings.textChanged.connect(self.wiz.forget_result)

    def initializePage(self) -> None:
        self.wiz.forget_result()
        self.wiz.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Import"))

    def validatePage(self) -> bool:
        """导入: start the import; the wizard closes when it has succeeded."""
        if self.wiz.imported is not None:
            return True
        self.wiz.start(dry_run=False)
        return False

    def show_problems(self, result: ImportResult) -> None:
        shown = result.problems[:LISTED_PROBLEMS]
        self.problems.setRowCount(len(shown))
        for r, problem in enumerate(shown):
            for c, text in enumerate((str(problem.row), problem.column, problem.value,
                                      problem.reason)):
                item = QTableWidgetItem(text)
                if problem.error.warning:        # orange, as the form shows a warning
                    item.setForeground(QColor(WARNING_COLOUR))
                self.problems.setItem(r, c, item)
        for column in (0, 1, 2):
            self.problems.resizeColumnToContents(column)
        # A masked ID number (18 characters) shows whole; a long value leaves the reason room.
        self.problems.setColumnWidth(2, min(self.problems.columnWidth(2), VALUE_WIDTH))
        self.report_button.setEnabled(bool(result.problems))


class ImportWizard(QWizard):
    """导入… ; ``imported`` holds the ImportResult once an import has been written."""

    #: (phase, done, total): sent from the database thread, shown on the UI thread
    progressed = Signal(str, int, int)

    def __init__(self, runner, parent=None):
        super().__init__(parent)
        self.runner = runner
        self.source: Source | None = None
        self.target = "customers"
        self.result: ImportResult | None = None        # the last check or import
        self.imported: ImportResult | None = None
        self.running = False
        self.error_box: QMessageBox | None = None
        self._cancel = threading.Event()
        self.setObjectName("import_wizard")
        self.setWindowTitle(self.tr("Import"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.run_page = RunPage(self)
        for page in (self.file_page, self.mapping_page, self.run_page):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Close"))
        self.resize(900, 640)
        self.progressed.connect(self._show_progress, Qt.ConnectionType.QueuedConnection)

    # -- running --------------------------------------------------------------------------
    def options(self) -> dict:
        page = self.run_page
        return {"skip_invalid": page.skip_invalid.isChecked(),
                "update_existing": page.update_existing.isChecked(),
                "accept_warnings": page.accept_warnings.text().strip() or None,
                "mapping": self.mapping_page.mapping()}

    def start(self, dry_run: bool) -> None:
        if self.running or self.source is None:
            return
        self.running = True
        self._cancel.clear()
        self._set_busy(True)
        page = self.run_page
        page.summary.setText(self.tr("Checking the file…") if dry_run else self.tr("Importing…"))
        page.progress.setRange(0, 0)
        target, path, options = self.target, self.source.path, self.options()

        def step(phase: str, done: int, total: int) -> bool:      # on the database thread
            self.progressed.emit(phase, done, total)
            return not self._cancel.is_set()

        def job(desk) -> ImportResult:
            return import_file(desk, target, path, dry_run=dry_run, progress=step, **options)

        self.runner.run(job, lambda result: self._finished(result, dry_run), self._failed)

    def cancel(self) -> None:
        if self.running:
            self._cancel.set()
            self.run_page.summary.setText(self.tr("Cancelling…"))

    def _show_progress(self, phase: str, done: int, total: int) -> None:
        if not self.running or self._cancel.is_set() or not isValid(self):
            return
        page = self.run_page
        if phase == "writing" and total:
            page.progress.setRange(0, total)
            page.progress.setValue(done)
            page.summary.setText(self.tr("Writing %1 of %2 rows…").replace("%1", f"{done:,}")
                                 .replace("%2", f"{total:,}"))
        else:
            page.summary.setText(self.tr("%1 rows checked…").replace("%1", f"{done:,}"))

    def _set_busy(self, busy: bool) -> None:
        page = self.run_page
        page.progress.setVisible(busy)
        page.cancel_button.setVisible(busy)
        page.check_button.setEnabled(not busy)
        for widget in (page.all_or_nothing, page.skip_invalid, page.update_existing,
                       page.accept_warnings):
            widget.setEnabled(not busy)
        for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.FinishButton,
                      QWizard.WizardButton.CancelButton):
            self.button(which).setEnabled(not busy)

    def _finished(self, result: ImportResult, dry_run: bool) -> None:
        self.running = False
        if not isValid(self):
            return
        self._set_busy(False)
        self.result = result
        page = self.run_page
        page.summary.setText(self.summary_text(result))
        page.show_problems(result)
        if dry_run or result.refused:
            return
        self.imported = result
        self.runner.changed.emit(Changes.of(*CHANGED[self.target]))
        # Done: one way out, and nothing left to change or run again.
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Close"))
        self.setOption(QWizard.WizardOption.NoCancelButton, True)
        self.button(QWizard.WizardButton.BackButton).setEnabled(False)
        for widget in (page.check_button, page.all_or_nothing, page.skip_invalid,
                       page.update_existing, page.accept_warnings):
            widget.setEnabled(False)

    def _failed(self, error: CustdeskError) -> None:
        self.running = False
        if not isValid(self):
            return
        self._set_busy(False)
        page = self.run_page
        if isinstance(error, ImportCancelled):
            page.summary.setText(html.escape(str(error)))
            return
        page.summary.setText("")
        self.show_error(error)

    def show_error(self, error: Exception) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Import"), str(error),
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("import_error")
        box.finished.connect(box.deleteLater)
        self.error_box = box
        box.open()

    def forget_result(self) -> None:
        """A changed option makes the last check stale."""
        if self.running or self.imported is not None:
            return
        self.result = None
        self.run_page.summary.setText("")
        self.run_page.problems.setRowCount(0)
        self.run_page.report_button.setEnabled(False)

    def summary_text(self, result: ImportResult) -> str:
        counts = (self.tr("%1 rows: %2 new, %3 updated, %4 invalid, %5 duplicates.")
                  .replace("%1", f"{result.total:,}").replace("%2", f"{result.imported:,}")
                  .replace("%3", f"{result.updated:,}").replace("%4", f"{result.rejected:,}")
                  .replace("%5", f"{result.duplicates:,}"))
        lines = [counts]
        bad = result.rejected + result.duplicates
        if result.dry_run:
            lines.insert(0, "<b>" + self.tr("Check only: nothing was imported.") + "</b>")
            if bad and not self.run_page.skip_invalid.isChecked():
                lines.append(self.tr("As the file stands, it would not be imported: correct the rows "
                                     "below, or choose to skip invalid rows."))
        elif result.refused:
            lines.insert(0, "<b style='color:#b00020'>" + self.tr("Nothing was imported:") + "</b>")
            lines.append(self.tr("%1 rows are invalid or duplicates. Correct them in the file, or "
                                 "choose to skip invalid rows.").replace("%1", f"{bad:,}"))
        else:
            lines.insert(0, "<b>" + self.tr("Imported.") + "</b>")
            if result.codes:
                lines.append(self.tr("New customer codes %1 to %2.").replace("%1", result.codes[0])
                             .replace("%2", result.codes[-1]))
        if (result.dry_run or result.refused) and result.warned_rows \
                and not self.run_page.accept_warnings.text().strip():
            lines.append(self.tr("%1 of these rows draw warnings only (a doubtful ID region or check "
                                 "digit, a phone number outside the numbering plan; shown in "
                                 "orange): once checked, type a reason in the field above to keep "
                                 "those values.").replace("%1", f"{len(result.warned_rows):,}"))
        if result.unknown_columns and result.target == "customers":
            lines.append(self.tr("Columns kept in each file's notes: %1").replace(
                "%1", html.escape("，".join(result.unknown_columns))))
        elif result.unknown_columns:
            lines.append(self.tr("Columns left out: %1").replace(
                "%1", html.escape("，".join(result.unknown_columns))))
        if len(result.problems) > LISTED_PROBLEMS:
            lines.append(self.tr("The first %1 problems are listed; the error report has all %2.")
                         .replace("%1", str(LISTED_PROBLEMS)).replace("%2", str(len(result.problems))))
        return "<br>".join(lines)

    def save_report(self) -> None:
        if self.result is None or not self.result.problems or self.source is None:
            return
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save error report"),
                                              str(default_report_path(self.source.path)),
                                              self.tr("CSV files (*.csv)"))
        if not name:
            return
        try:
            write_error_report(self.result, name)
        except (OSError, CustdeskError) as exc:
            self.show_error(exc)

    # -- closing --------------------------------------------------------------------------
    def reject(self) -> None:
        """Close (or Esc) while a check or import runs cancels it instead of closing."""
        if self.running:
            self.cancel()
            return
        super().reject()

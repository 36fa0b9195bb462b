"""A history file of outcomes as the user chooses it: the file (CSV or XLSX), which of its
columns says what became of each row, and which value of that column means bad.

The file is read once, on the runner (``read_table``), when it is chosen; the columns and
the values offered come from it. ``history_job`` turns the choice into core's ``History``
on the runner too, where a file core cannot use says why (``HistoryError``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QSizePolicy, QVBoxLayout, QWidget)

from ...core.grading import history as histories
from ...core.importing.reading import read_table
from ..editor.jobs import run_for
from ..reports.common import last_folder, remember_folder

HISTORY_FOLDER = "grading/history_folder"
FILE_FILTER = "*.csv *.txt *.xlsx *.xlsm"
#: column names that usually hold the outcome (chosen first when the file has one)
OUTCOME_WORDS = ("违约", "不良", "结果", "逾期", "outcome", "default", "bad", "target", "label")
MAX_VALUES = 30


def read_file(path: str):
    """The job reading a table: (headers, rows as lists of text)."""
    def job(_desk):
        table = read_table(Path(path))
        return list(table.headers), [cells for _number, cells in table.rows]
    return job


def guess_outcome(headers: list[str]) -> int:
    for word in OUTCOME_WORDS:
        for i, header in enumerate(headers):
            if word in header.strip().lower():
                return i
    return -1


def choose_file(parent: QWidget, title: str) -> str:
    name, _filter = QFileDialog.getOpenFileName(
        parent, title, str(last_folder(HISTORY_FOLDER)),
        QCoreApplication.translate("HistoryFileBox", "Tables (%1);;All files (*)").replace(
            "%1", FILE_FILTER))
    if name:
        remember_folder(HISTORY_FOLDER, Path(name).parent)
    return name


class HistoryFileBox(QWidget):
    """File, outcome column, bad value (and, with ``dates``, the date column)."""

    #: the file was read (or could not be): the choice changed
    changed = Signal()
    #: a file could not be read: the message
    failed = Signal(str)

    def __init__(self, runner, dates: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self._runner = runner
        self.headers: list[str] = []
        self.rows: list[list[str]] = []
        self.loading = False

        self.path = QLineEdit(self)
        self.path.setObjectName("history_path")
        self.path.setReadOnly(True)
        self.path.setPlaceholderText(self.tr("A CSV or XLSX file, one row per past customer"))
        self.path.setMinimumWidth(220)
        browse = QPushButton(self.tr("Choose…"), self)
        browse.setObjectName("history_browse")
        browse.clicked.connect(self.browse)
        self.outcome = QComboBox(self)
        self.outcome.setObjectName("history_outcome")
        self.outcome.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.outcome.setMinimumContentsLength(8)
        self.outcome.currentIndexChanged.connect(self._fill_values)
        self.outcome.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.bad = QComboBox(self)
        self.bad.setObjectName("history_bad")
        self.bad.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.bad.setMinimumContentsLength(8)
        self.bad.setToolTip(self.tr(
            "Which value of the outcome column means bad. Read by itself when the column "
            "holds 1/0, 是/否, 违约/正常 or bad/good."))
        self.date = QComboBox(self)
        self.date.setObjectName("history_date")
        self.date.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.date.setToolTip(self.tr("The column dating each row: the latest fifth is held out "
                                     "to measure the new version on a later period."))

        # One row: file, its outcome column, the bad value; with the date column, the
        # columns go on a second row.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        outer.addLayout(row)
        row.addWidget(QLabel(self.tr("File"), self))
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        row.addSpacing(8)
        if dates:
            row = QHBoxLayout()
            outer.addLayout(row)
        row.addWidget(QLabel(self.tr("Outcome column"), self))
        row.addWidget(self.outcome)
        row.addWidget(QLabel(self.tr("Bad when"), self))
        row.addWidget(self.bad)
        self.date_label = QLabel(self.tr("Date column"), self)
        row.addWidget(self.date_label)
        row.addWidget(self.date)
        if dates:
            row.addStretch(1)
        self.date_label.setVisible(dates)
        self.date.setVisible(dates)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._fill_values()

    # -- the file ------------------------------------------------------------------------
    def browse(self) -> None:
        name = choose_file(self, self.tr("History of outcomes"))
        if name:
            self.load(name)

    def load(self, path: str) -> None:
        """Read ``path`` on the runner; ``changed`` when its columns are offered."""
        self.path.setText(path)
        self.loading = True
        self.headers, self.rows = [], []
        self.outcome.clear()
        self.date.clear()

        def done(table) -> None:
            self.loading = False
            self.headers, self.rows = table
            self._fill_columns()
            self.changed.emit()

        def failed(error) -> None:
            self.loading = False
            self._fill_columns()
            self.failed.emit(str(error))
            self.changed.emit()
        run_for(self, self._runner, read_file(path), done, failed)

    def _fill_columns(self) -> None:
        self.outcome.blockSignals(True)
        self.outcome.clear()
        guess = guess_outcome(self.headers)
        if guess < 0:
            self.outcome.addItem(self.tr("(choose)"), None)
        for header in self.headers:
            self.outcome.addItem(header, header)
        self.outcome.setCurrentIndex(guess if guess >= 0 else 0)
        self.outcome.blockSignals(False)
        self.date.clear()
        self.date.addItem(self.tr("(found by itself)"), None)
        for header in self.headers:
            self.date.addItem(header, header)
        self._fill_values()

    def _fill_values(self) -> None:
        self.bad.clear()
        self.bad.addItem(self.tr("(read by itself)"), None)
        column = self.outcome_column()
        if column is None or column not in self.headers:
            return
        at = self.headers.index(column)
        seen: dict[str, int] = {}
        for row in self.rows:
            value = row[at].strip() if at < len(row) else ""
            if not histories.is_missing(value):
                seen[value] = seen.get(value, 0) + 1
                if len(seen) > MAX_VALUES:
                    break
        for value, count in sorted(seen.items(), key=lambda item: -item[1])[:MAX_VALUES]:
            self.bad.addItem(self.tr("%1 (%2 rows)").replace("%1", value).replace(
                "%2", f"{count:,}"), value)

    # -- the choice ----------------------------------------------------------------------
    def file_name(self) -> str:
        return Path(self.path.text()).name if self.path.text() else ""

    def outcome_column(self) -> str | None:
        return self.outcome.currentData()

    def bad_value(self) -> str | None:
        return self.bad.currentData()

    def date_column(self) -> str | None:
        return self.date.currentData()

    def ready(self) -> bool:
        return bool(self.headers) and not self.loading and self.outcome_column() is not None

    def unclear_bad(self) -> str | None:
        """What to say when the bad value is left to be read but cannot be (core's own
        message names the command line's --bad)."""
        column = self.outcome_column()
        if self.bad_value() is not None or column not in self.headers:
            return None
        at = self.headers.index(column)
        try:
            histories.outcome_flags([r[at] if at < len(r) else "" for r in self.rows], column,
                                    None)
        except histories.HistoryError:
            return self.tr("Which value of the column %1 means bad? Choose it under Bad when.") \
                .replace("%1", column)
        return None

    def history_job(self):
        """A job making core's History of the choice (the table already read)."""
        headers, rows = list(self.headers), self.rows
        outcome, bad, dates, source = (self.outcome_column(), self.bad_value(),
                                       self.date_column(), self.file_name())

        def job(_desk):
            return histories.from_table(headers, rows, outcome, bad, date_column=dates,
                                        source=source)
        return job

"""报告: make the review schedule, the portfolio summary and an audit trail; export customer
reports in a batch; verify a report file; and the register of every export.

Each report is made on the database thread (a registered, logged export) and opens in
the preview, from which it is saved or printed. The register lists what was exported,
by whom and when; a file's fingerprint is checked against it with "Verify a file…".
"""

from __future__ import annotations

import datetime
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QButtonGroup, QCheckBox, QDateEdit, QFileDialog,
                               QGridLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPushButton, QRadioButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from ...core import clock
from ...core.exports import kind_label
from ...core.i18n import tr as core_text   # named apart from tr(): lupdate reads only Qt strings
from ...reports import export as reports
from .. import people
from ..editor.jobs import message_label, run_for, show_message
from .batch import BatchExport
from .common import (SAVE_FOLDER, VERIFY_FOLDER, BusyBar, language_combo, language_name,
                     last_folder, make_report, remember_folder, split_codes)
from .preview import ReportPreview

#: exports listed in the register
LIST_LIMIT = 500
SCHEDULE_WEEKS = 8
OK_COLOUR = "#1e7d32"
BAD_COLOUR = "#c0392b"


def this_monday() -> datetime.date:
    today = clock.today()
    return today - datetime.timedelta(days=today.weekday())


def _date(edit: QDateEdit) -> datetime.date:
    return edit.date().toPython()


class ReportsPage(QWidget):
    """The reports area of the main window."""

    #: a preview was opened (tests wait on it): the ReportPreview
    preview_opened = Signal(object)
    #: the register shows the newest read
    loaded = Signal()
    #: a verification finished: its result dict
    verified = Signal(dict)

    def __init__(self, runner, can_read_audit: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.can_read_audit = can_read_audit
        self.preview: ReportPreview | None = None
        self.rows: list[dict] = []
        self.batch = BatchExport(self, runner)
        self.batch.done.connect(lambda _result: self.refresh())

        title = QLabel(self.tr("Reports"), self)
        title.setProperty("role", "title")
        self.busy = BusyBar(self)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(16)
        top.addWidget(self.busy)
        # Messages beside the title: showing one does not push the page down.
        self.message = message_label(self, "reports_message")
        top.addWidget(self.message, 1)
        top.addStretch(0)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        row = QHBoxLayout()
        row.addWidget(self._make_box(), 3)
        row.addWidget(self._batch_box(), 2)
        layout.addLayout(row)
        layout.addWidget(self._register_box(), 1)
        runner.changed.connect(lambda _changes: self.isVisible() and self.refresh())

    # -- building: making reports -----------------------------------------------------------
    def _make_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Make a report"), self)
        grid = QGridLayout(box)
        grid.setColumnStretch(1, 1)
        self.make_buttons: list[QPushButton] = []

        # 复审计划表: this week's Monday to the end of the eighth week.
        monday = this_monday()
        self.schedule_from = self._date_edit(monday, "schedule_from")
        last = monday + datetime.timedelta(weeks=SCHEDULE_WEEKS, days=-1)
        self.schedule_to = self._date_edit(last, "schedule_to")
        period = QHBoxLayout()
        period.addWidget(QLabel(self.tr("From"), box))
        period.addWidget(self.schedule_from)
        period.addWidget(QLabel(self.tr("to"), box))
        period.addWidget(self.schedule_to)
        period.addStretch(1)
        self.schedule_language = language_combo(box)
        self.schedule_button = self._make_button("make_schedule", self.make_schedule)
        self._grid_row(grid, 0, kind_label("reviews"), period, self.schedule_language,
                       self.schedule_button)

        # 客户组合概况
        note = QLabel(self.tr("Counts and exposure by grade and risk, the largest exposures, "
                              "open warnings"), box)
        note.setStyleSheet("color: #5b6b7c;")
        note.setWordWrap(True)
        holder = QHBoxLayout()
        holder.addWidget(note, 1)
        self.portfolio_language = language_combo(box)
        self.portfolio_button = self._make_button("make_portfolio", self.make_portfolio)
        self._grid_row(grid, 1, kind_label("portfolio"), holder, self.portfolio_language,
                       self.portfolio_button)

        # 审计记录: the whole log (audit.read) or one customer; a period if wanted.
        self.audit_whole = QRadioButton(self.tr("Whole log"), box)
        self.audit_whole.setObjectName("audit_whole")
        self.audit_one = QRadioButton(self.tr("Customer"), box)
        self.audit_one.setObjectName("audit_one")
        group = QButtonGroup(box)
        group.addButton(self.audit_whole)
        group.addButton(self.audit_one)
        self.audit_code = QLineEdit(box)
        self.audit_code.setObjectName("audit_code")
        self.audit_code.setPlaceholderText(self.tr("Code, e.g. C000001"))
        self.audit_code.setMaximumWidth(140)
        self.audit_code.textEdited.connect(lambda _t: self.audit_one.setChecked(True))
        if self.can_read_audit:
            self.audit_whole.setChecked(True)
        else:
            self.audit_whole.setEnabled(False)
            self.audit_whole.setToolTip(self.tr("Reading the whole audit log needs the audit "
                                                "permission (managers, administrators, "
                                                "auditors)"))
            self.audit_one.setChecked(True)
        self.audit_period = QCheckBox(self.tr("Period"), box)
        self.audit_period.setObjectName("audit_period")
        self.audit_from = self._date_edit(clock.today().replace(day=1), "audit_from")
        self.audit_to = self._date_edit(clock.today(), "audit_to")
        for edit in (self.audit_from, self.audit_to):
            edit.setEnabled(False)
            self.audit_period.toggled.connect(edit.setEnabled)
        scope = QVBoxLayout()
        first = QHBoxLayout()
        first.addWidget(self.audit_whole)
        first.addWidget(self.audit_one)
        first.addWidget(self.audit_code)
        first.addStretch(1)
        second = QHBoxLayout()
        second.addWidget(self.audit_period)
        second.addWidget(self.audit_from)
        second.addWidget(QLabel(self.tr("to"), box))
        second.addWidget(self.audit_to)
        second.addStretch(1)
        scope.addLayout(first)
        scope.addLayout(second)
        self.audit_language = language_combo(box)
        self.audit_button = self._make_button("make_audit", self.make_audit)
        self._grid_row(grid, 2, kind_label("audit"), scope, self.audit_language, self.audit_button)
        return box

    def _date_edit(self, day: datetime.date, name: str) -> QDateEdit:
        edit = QDateEdit(QDate(day.year, day.month, day.day), self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _make_button(self, name: str, slot) -> QPushButton:
        button = QPushButton(self.tr("Preview…"), self)
        button.setObjectName(name)
        button.setToolTip(self.tr("Make the report (it is numbered and registered) and open its "
                                  "preview, to save or print it"))
        button.clicked.connect(lambda: slot())
        self.make_buttons.append(button)
        return button

    def _grid_row(self, grid: QGridLayout, row: int, name: str, middle, language, button) -> None:
        label = QLabel(f"<b>{name}</b>", self)
        grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        grid.addLayout(middle, row, 1)
        grid.addWidget(language, row, 2, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(button, row, 3, Qt.AlignmentFlag.AlignTop)

    # -- building: batch and register -------------------------------------------------------
    def _batch_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Customer reports in a batch"), self)
        self.batch_codes = QLineEdit(box)
        self.batch_codes.setObjectName("batch_codes")
        self.batch_codes.setPlaceholderText(self.tr("Customer codes, e.g. C000001, C000002"))
        self.batch_all = QCheckBox(self.tr("All files I can see"), box)
        self.batch_all.setObjectName("batch_all")
        self.batch_button = QPushButton(self.tr("Export to a folder…"), box)
        self.batch_button.setObjectName("batch_export")
        self.batch_button.clicked.connect(lambda: self.export_batch())
        hint = QLabel(self.tr("One customer credit audit report per file, named by report number "
                              "and code. Select files in the customer list and use its context "
                              "menu to export those."), box)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5b6b7c;")
        layout = QVBoxLayout(box)
        layout.addWidget(self.batch_codes)
        layout.addWidget(self.batch_all)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.batch_button)
        layout.addLayout(buttons)
        layout.addWidget(hint)
        layout.addStretch(1)
        return box

    def _register_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Registered exports"), self)
        self.verify_button = QPushButton(self.tr("Verify a file…"), box)
        self.verify_button.setObjectName("verify_file")
        self.verify_button.setToolTip(self.tr("Check whether a PDF is an unaltered report "
                                              "exported from this database"))
        self.verify_button.clicked.connect(lambda: self.verify_file())
        refresh = QPushButton(self.tr("Refresh"), box)
        refresh.clicked.connect(self.refresh)
        self.verify_result = QLabel(box)
        self.verify_result.setObjectName("verify_result")
        self.verify_result.setWordWrap(True)
        self.verify_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verify_result.hide()
        self.count_label = QLabel(box)
        self.count_label.setStyleSheet("color: #5b6b7c;")
        bar = QHBoxLayout()
        bar.addWidget(self.count_label)
        bar.addStretch(1)
        bar.addWidget(self.verify_button)
        bar.addWidget(refresh)
        headers = [self.tr("Report No."), self.tr("Report"), self.tr("Customer"), self.tr("User"),
                   self.tr("Time"), self.tr("Pages"), self.tr("Language"), self.tr("Encrypted")]
        table = QTableWidget(0, len(headers), box)
        table.setObjectName("exports_table")
        table.setHorizontalHeaderLabels(headers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table = table
        layout = QVBoxLayout(box)
        layout.addLayout(bar)
        layout.addWidget(self.verify_result)
        layout.addWidget(table, 1)
        return box

    # -- the register -------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        run_for(self, self.runner, lambda desk: desk.exports.list(limit=LIST_LIMIT), self._fill,
                lambda error: show_message(self.message, str(error)))

    def _fill(self, rows: list[dict]) -> None:
        self.rows = rows
        table = self.table
        table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            customer = ""
            if row["code"]:
                customer = f"{row['code']}  {row['name']}" if row["name"] else row["code"]
            cells = [row["number"], kind_label(row["kind"]), customer, people.shown(row["by_user"]),
                     clock.local_text(row["at"]), str(row["pages"]),
                     language_name(row["language"]),
                     self.tr("Yes") if row["encrypted"] else ""]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 5:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if column == 0:
                    item.setToolTip(self.tr("SHA-256 of the PDF: %1").replace("%1", row["sha256"]))
                table.setItem(index, column, item)
        self.count_label.setText(
            self.tr("The newest %1 exports").replace("%1", str(len(rows)))
            if len(rows) >= LIST_LIMIT else self.tr("%n export(s)", "", len(rows)))
        self.loaded.emit()

    # -- making reports ---------------------------------------------------------------------
    def _make(self, job) -> None:
        show_message(self.message, "")
        for button in self.make_buttons:
            button.setEnabled(False)

        def enable() -> None:
            for button in self.make_buttons:
                button.setEnabled(True)

        def made(made_export) -> None:
            self.show_preview(made_export)
            self.refresh()

        make_report(self, self.runner, job, self.busy, made,
                    lambda error: show_message(self.message, str(error)), on_end=enable)

    def show_preview(self, made_export: reports.Export,
                     password: str | None = None) -> ReportPreview:
        preview = ReportPreview(made_export, password, self)
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.destroyed.connect(lambda _o=None, p=preview: self._forget(p))
        self.preview = preview
        preview.show()
        self.preview_opened.emit(preview)
        return preview

    def _forget(self, preview) -> None:
        if self.preview is preview:
            self.preview = None

    def make_schedule(self) -> None:
        start, end, lang = (_date(self.schedule_from), _date(self.schedule_to),
                            self.schedule_language.currentData())
        self._make(lambda desk: reports.reviews(desk, start, end, lang=lang))

    def make_portfolio(self) -> None:
        lang = self.portfolio_language.currentData()
        self._make(lambda desk: reports.portfolio(desk, lang=lang))

    def make_audit(self) -> None:
        lang = self.audit_language.currentData()
        code = None
        if self.audit_one.isChecked() or not self.can_read_audit:
            code = self.audit_code.text().strip().upper()
            if not code:
                show_message(self.message, self.tr("Type the code of the customer whose audit "
                                                   "trail you want."))
                self.audit_code.setFocus()
                return
        start = end = None
        if self.audit_period.isChecked():
            start, end = _date(self.audit_from), _date(self.audit_to)
        self._make(lambda desk: reports.audit(desk, customer=code, start=start, end=end,
                                              lang=lang))

    # -- batch ------------------------------------------------------------------------------
    def export_batch(self) -> None:
        codes = split_codes(self.batch_codes.text())
        if not codes and not self.batch_all.isChecked():
            show_message(self.message, core_text("report.no_codes"))
            self.batch_codes.setFocus()
            return
        show_message(self.message, "")
        self.batch.start(codes, self.batch_all.isChecked())

    # -- verifying --------------------------------------------------------------------------
    def verify_file(self, path: str | Path | None = None) -> None:
        """Pick a PDF (unless ``path`` is given) and say whether it is an unaltered export."""
        if path is None:
            chosen, _filter = QFileDialog.getOpenFileName(
                self, self.tr("Verify a report file"),
                str(last_folder(VERIFY_FOLDER, SAVE_FOLDER)),
                self.tr("PDF files (*.pdf);;All files (*)"))
            if not chosen:
                return
            path = chosen
        path = Path(path)
        remember_folder(VERIFY_FOLDER, path.parent)
        self.verify_button.setEnabled(False)

        def shown(result: dict) -> None:
            self.verify_button.setEnabled(True)
            colour = OK_COLOUR if result["ok"] else BAD_COLOUR
            mark = "✔" if result["ok"] else "✘"
            self.verify_result.setStyleSheet(
                f"color: {colour}; font-weight: bold; border: 1px solid {colour}; "
                f"border-radius: 3px; padding: 6px;")
            self.verify_result.setText(f"{mark} {path.name}: {result['message']}")
            self.verify_result.setToolTip(self.tr("SHA-256 of the file: %1")
                                          .replace("%1", result["sha256"]))
            self.verify_result.setProperty("ok", bool(result["ok"]))
            self.verify_result.show()
            self.verified.emit(result)

        def failed(error) -> None:
            self.verify_button.setEnabled(True)
            self.verify_result.setStyleSheet(f"color: {BAD_COLOUR};")
            self.verify_result.setText(str(error))
            self.verify_result.setProperty("ok", False)
            self.verify_result.show()
            self.verified.emit({"ok": False, "message": str(error)})

        run_for(self, self.runner, lambda desk: reports.verify_file(desk, path), shown, failed)

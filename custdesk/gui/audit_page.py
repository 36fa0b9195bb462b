"""审计日志: the audit log for roles that may read it — filters, pages, export, chain check.

Each entry is told as ``core.audit_view`` tells it (operations and details by label, the
file by code and name as the reader is cleared, money in yuan, local time). Filters by
user, operation, customer (code or name) and local days run in core, in SQL; the table
holds the newest page and fetches the next one when scrolled to its end, so 100,000
entries cost no more than 100. The export writes every matching entry, not only the rows
loaded, with the same labels; core logs it.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from PySide6.QtCore import (QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt,
                            QTimer, Signal)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDateEdit, QFileDialog,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton,
                               QTableView, QVBoxLayout, QWidget)

from ..core import audit_list, audit_view
from .reports.common import last_folder, remember_folder

#: entries fetched at a time (the table asks for the next page at its end)
PAGE_SIZE = 200
#: how long typing in the customer box must pause before the query runs
TYPING_DELAY_MS = 300
#: a date box at this date means "no bound" (shown as the box's special text)
NO_DATE = QDate(2000, 1, 1)
EXPORT_FOLDER = "audit/export_folder"


class AuditTableModel(QAbstractTableModel):
    """Shown rows (``audit_view.Row``), newest first; more are fetched on demand."""

    COLUMNS = ("seq", "time", "user", "operation", "customer", "item", "details")
    SEQ, TIME, USER, OPERATION, CUSTOMER, ITEM, DETAILS = range(7)

    def __init__(self, page: "AuditPage"):
        super().__init__(page)
        self._page = page
        self.rows: list[audit_view.Row] = []
        self.total = 0
        self.headers = ["", "", "", "", "", "", ""]

    def reset(self, rows: list, total: int) -> None:
        self.beginResetModel()
        self.rows, self.total = list(rows), total
        self.endResetModel()

    def extend(self, rows: list) -> None:
        if not rows:
            return
        first = len(self.rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self.rows.extend(rows)
        self.endInsertRows()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent=QModelIndex()) -> None:
        if not parent.isValid():
            self._page.load_more()

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (str(row.seq), row.time, row.user, row.operation, row.customer, row.item,
                    row.details)[column]
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.CUSTOMER, self.DETAILS):
            return row.customer if column == self.CUSTOMER else row.details
        if role == Qt.ItemDataRole.UserRole:
            return row.action
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.SEQ:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and row.withheld and column == self.DETAILS:
            from PySide6.QtGui import QColor
            return QColor("#777777")
        return None


class AuditPage(QWidget):
    #: a query's first page is on screen
    loaded = Signal()
    #: an export finished: its result ({"entries", "path"})
    exported = Signal(dict)

    def __init__(self, runner, parent=None):
        super().__init__(parent)
        self._runner = runner
        self._generation = 0           # the newest query; older answers are dropped
        self._loading = False
        self._last_seq: int | None = None
        title = QLabel(self.tr("Audit log"))
        title.setProperty("role", "title")
        self.status = QLabel()
        self.status.setObjectName("audit_status")
        self.count_label = QLabel()
        self.count_label.setObjectName("audit_count")
        self.verify_button = QPushButton(self.tr("Verify chain"))
        self.verify_button.clicked.connect(self.verify)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setObjectName("audit_export")
        self.export_button.setToolTip(self.tr("Write every entry matching the filters to an "
                                              "Excel or CSV file (the export is logged)"))
        self.export_button.clicked.connect(self.choose_export)
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.status)
        top.addWidget(self.count_label)
        top.addWidget(refresh)
        top.addWidget(self.export_button)
        top.addWidget(self.verify_button)

        self.user_filter = QComboBox()
        self.user_filter.setObjectName("audit_user")
        self.user_filter.addItem(self.tr("All users"), "")
        self.user_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.action_filter = QComboBox()
        self.action_filter.setObjectName("audit_action")
        self.action_filter.addItem(self.tr("All operations"), "")
        for code, label in audit_view.action_choices():
            self.action_filter.addItem(label, code)
        self.action_filter.setMaxVisibleItems(20)
        # The longest labels would widen the bar past a laptop's screen: the list shows them.
        self.action_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.action_filter.setMinimumContentsLength(12)
        self.customer_filter = QLineEdit()
        self.customer_filter.setObjectName("audit_customer")
        self.customer_filter.setPlaceholderText(self.tr("Customer code or name"))
        self.customer_filter.setClearButtonEnabled(True)
        self.customer_filter.setMinimumWidth(180)
        self.start_filter = self._date_box("audit_start")
        self.end_filter = self._date_box("audit_end")
        clear = QPushButton(self.tr("Clear filters"))
        clear.clicked.connect(self.clear_filters)
        bar = QHBoxLayout()
        for text, widget in ((self.tr("User"), self.user_filter),
                             (self.tr("Operation"), self.action_filter),
                             (self.tr("Customer"), self.customer_filter),
                             (self.tr("From"), self.start_filter),
                             (self.tr("to"), self.end_filter)):
            bar.addWidget(QLabel(text))
            bar.addWidget(widget)
        bar.addWidget(clear)
        bar.addStretch(1)

        self.model = AuditTableModel(self)
        self.model.headers = [self.tr("No."), self.tr("Time"), self.tr("User"),
                              self.tr("Operation"), self.tr("Customer"), self.tr("Item"),
                              self.tr("Details")]
        self.table = QTableView()
        self.table.setObjectName("audit_table")
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.setColumnWidth(AuditTableModel.SEQ, 64)

        # The chosen entry whole (the list cuts long details off at its edge).
        self.detail = QLabel()
        self.detail.setObjectName("audit_detail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setMinimumHeight(self.fontMetrics().lineSpacing() * 3)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)

        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_DELAY_MS)
        self._typing.timeout.connect(self.refresh)
        self.customer_filter.textChanged.connect(lambda _text: self._typing.start())
        for combo in (self.user_filter, self.action_filter):
            combo.currentIndexChanged.connect(lambda _index: self.refresh())
        for box in (self.start_filter, self.end_filter):
            box.dateChanged.connect(lambda _date: self.refresh())
        runner.changed.connect(lambda changes: self.isVisible() and self.refresh())

    def _date_box(self, name: str) -> QDateEdit:
        box = QDateEdit()
        box.setObjectName(name)
        box.setCalendarPopup(True)
        box.setDisplayFormat("yyyy-MM-dd")
        box.setMinimumDate(NO_DATE)
        box.setSpecialValueText(self.tr("any day"))
        box.setDate(NO_DATE)
        return box

    # -- the query ---------------------------------------------------------------------------
    @staticmethod
    def _day(box: QDateEdit) -> datetime.date | None:
        date = box.date()
        return None if date == NO_DATE else datetime.date(date.year(), date.month(), date.day())

    def query(self) -> audit_list.Filter:
        """The filters as set on screen."""
        return audit_list.Filter(user=self.user_filter.currentData() or "",
                                 action=self.action_filter.currentData() or "",
                                 customer=self.customer_filter.text().strip(),
                                 start=self._day(self.start_filter),
                                 end=self._day(self.end_filter))

    def clear_filters(self) -> None:
        for widget in (self.user_filter, self.action_filter, self.customer_filter,
                       self.start_filter, self.end_filter):
            widget.blockSignals(True)
        self.user_filter.setCurrentIndex(0)
        self.action_filter.setCurrentIndex(0)
        self.customer_filter.clear()
        self.start_filter.setDate(NO_DATE)
        self.end_filter.setDate(NO_DATE)
        for widget in (self.user_filter, self.action_filter, self.customer_filter,
                       self.start_filter, self.end_filter):
            widget.blockSignals(False)
        self.refresh()

    def showEvent(self, event):
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        self._typing.stop()
        self._generation += 1
        generation, query = self._generation, self.query()
        self._loading = True

        def job(desk):
            return (audit_list.page(desk, query, limit=PAGE_SIZE),
                    audit_list.users_in_log(desk))
        self._runner.run(job, lambda result: self._fill(generation, *result),
                         lambda exc: self._failed(generation, exc))

    def _fill(self, generation: int, page: audit_list.Page,
              users: list[tuple[str, str]]) -> None:
        if generation != self._generation:
            return                      # a newer query is on its way
        self._loading = False
        self._set_users(users)
        self._last_seq = page.last_seq
        self.model.reset(page.rows, page.total)
        self.detail.clear()
        self._fit_columns()
        self._count()
        self.loaded.emit()

    #: the widest a column grows to fit its texts (the details column takes the rest)
    _CAPS = {AuditTableModel.TIME: 170, AuditTableModel.USER: 120,
             AuditTableModel.OPERATION: 230, AuditTableModel.CUSTOMER: 260,
             AuditTableModel.ITEM: 190}

    def _fit_columns(self) -> None:
        for column, cap in self._CAPS.items():
            self.table.resizeColumnToContents(column)
            self.table.setColumnWidth(column, max(70, min(cap, self.table.columnWidth(column))))

    def load_more(self) -> None:
        """The next page of the current query (the table asks at its end)."""
        if self._loading or self._last_seq is None:
            return
        self._loading = True
        generation, query, before = self._generation, self.query(), self._last_seq

        def done(page: audit_list.Page) -> None:
            if generation != self._generation:
                return
            self._loading = False
            self._last_seq = page.last_seq
            self.model.extend(page.rows)
            self._count()
        self._runner.run(lambda desk: audit_list.page(desk, query, limit=PAGE_SIZE,
                                                      before=before),
                         done, lambda exc: self._failed(generation, exc))

    def _show_detail(self, current: QModelIndex, _previous=None) -> None:
        if not current.isValid() or current.row() >= len(self.model.rows):
            self.detail.clear()
            return
        row = self.model.rows[current.row()]
        head = " · ".join(filter(None, [f"#{row.seq}", row.time, row.user, row.operation,
                                        row.customer, row.item]))
        self.detail.setText(f"{head}\n{row.details}" if row.details else head)

    def _failed(self, generation: int, exc) -> None:
        if generation == self._generation:
            self._loading = False
            self.status.setText(str(exc))

    def _set_users(self, users: list[tuple[str, str]]) -> None:
        chosen = self.user_filter.currentData()
        self.user_filter.blockSignals(True)
        while self.user_filter.count() > 1:
            self.user_filter.removeItem(1)
        for name, shown in users:
            self.user_filter.addItem(shown, name)
        index = self.user_filter.findData(chosen) if chosen else 0
        self.user_filter.setCurrentIndex(max(index, 0))
        self.user_filter.blockSignals(False)

    def _count(self) -> None:
        total, shown = self.model.total, len(self.model.rows)
        self.count_label.setText(
            self.tr("%1 entries").replace("%1", f"{total:,}") if shown >= total else
            self.tr("%1 of %2 entries (scroll for more)").replace("%1", f"{shown:,}")
            .replace("%2", f"{total:,}"))

    # -- export --------------------------------------------------------------------------------
    def choose_export(self) -> None:
        stamp = datetime.date.today().isoformat()
        suggested = last_folder(EXPORT_FOLDER) / (self.tr("audit-log") + f"-{stamp}.xlsx")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the audit log"), str(suggested),
            self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"))
        if path:
            if Path(path).suffix.lower() not in (".xlsx", ".csv"):
                path += ".xlsx"
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        """Write the entries matching the filters on screen to ``path`` (.xlsx or .csv)."""
        query = self.query()
        self.export_button.setEnabled(False)
        self.status.setText(self.tr("Exporting…"))

        def done(result: dict) -> None:
            self.export_button.setEnabled(True)
            remember_folder(EXPORT_FOLDER, Path(result["path"]).parent)
            self.status.setText(self.tr("%1 entries written to %2")
                                .replace("%1", f"{result['entries']:,}")
                                .replace("%2", result["path"]))
            self.exported.emit(result)
            self.refresh()             # the export's own entry

        def failed(exc) -> None:
            self.export_button.setEnabled(True)
            self.status.setText(str(exc))
        self._runner.run(lambda desk: audit_list.export(desk, query, path), done, failed)

    # -- the chain -----------------------------------------------------------------------------
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

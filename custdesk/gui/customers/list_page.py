"""The customer list: search as you type, filters, and a table of the files the user may see.

Every keystroke restarts a short timer; when it fires, one query job goes to the
database thread. Each query carries a generation number: a job that is already
superseded when its turn comes skips the query, and an answer that arrives after a
newer query was started is dropped, so the table only ever shows the newest search.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QEvent, QLocale, QModelIndex, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QMenu, QStyle, QTableView, QVBoxLayout,
                               QWidget)
from shiboken6 import isValid

from ...core.customers.archive import UNGRADED
from ...core.fields import KINDS, LEVELS, STATUSES, TIERS, choice_label, level_label
from ...core.grading.scale import GRADES, RISK_LEVELS, risk_label
from ...core.i18n import tr as core_text   # named apart from tr(): lupdate reads only Qt strings
from ...core.validation import format_money
from .. import people
from ..export_dialog import SELECTED, ExportDialog, ListScope
from ..reports.batch import BatchExport
from .model import (CODE, GRADE, HOLD, KIND, LEVEL, LIMIT, NAME, OWNER, PHONE, RISK, STATUS, TIER,
                    USED, CustomerTableModel)

#: the most rows one query puts on screen; beyond it the count says "first N of M"
ROW_LIMIT = 1000
#: how long typing must pause before the query runs
SEARCH_DELAY_MS = 120


@dataclass(frozen=True)
class ListResult:
    rows: list[tuple]   # list tuples (LIST_COLUMNS; raw phone), pinyin order, at most the limit
    total: int          # how many files match in all
    people: dict[str, str] | None = None   # user name -> shown name (users.display_names)


class _Generation:
    """The newest query's number, shared with the jobs (a plain int: read on the database
    thread, written on the UI thread)."""

    def __init__(self) -> None:
        self.value = 0


def query_job(text: str, filters: dict[str, Any], limit: int | None = ROW_LIMIT,
              latest: _Generation | None = None, generation: int = 0) -> Callable[[Any], Any]:
    """The database job for one list query: ``fn(desk) -> ListResult`` (None when superseded)."""
    def job(desk) -> ListResult | None:
        if latest is not None and latest.value != generation:
            return None   # a newer query is queued behind this one: don't spend time on this
        rows, total = desk.customers.list_rows(text, limit=limit, **filters)
        return ListResult(rows, total, desk.users.display_names())
    return job


class CustomerListPage(QWidget):
    """Search box, filters, count and the table. ``open_customer(code)`` on double-click or Enter."""

    open_customer = Signal(str)
    #: the newest query's rows are on screen
    loaded = Signal()

    def __init__(self, runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self._latest = _Generation()
        self._shown = 0            # generation on screen
        self._total = 0
        self.dropped = 0           # answers that arrived after a newer query had started
        self.batch: BatchExport | None = None

        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("customer_search")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMinimumWidth(280)
        self.kind_filter = self._combo("kind_filter")
        self.status_filter = self._combo("status_filter")
        self.tier_filter = self._combo("tier_filter")
        self.level_filter = self._combo("level_filter")
        self.grade_filter = self._combo("grade_filter")
        self.hold_filter = self._combo("hold_filter")
        self.count_label = QLabel(self)
        self.count_label.setObjectName("customer_count")

        self.model = CustomerTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("customer_table")
        self.table.setModel(self.model)
        self._set_up_table()

        bar = QHBoxLayout()
        bar.addWidget(self.search_box, 3)
        for combo in self._filter_combos():
            bar.addWidget(combo)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

        self._retranslate()

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._start_query)
        self.search_box.textChanged.connect(lambda _text: self._timer.start())
        self.search_box.installEventFilter(self)
        for combo in self._filter_combos():
            combo.currentIndexChanged.connect(lambda _index: self.refresh())
        self.table.doubleClicked.connect(self._open_index)
        self.table.installEventFilter(self)
        runner.changed.connect(self._on_changed)
        self.refresh()

    # -- building -----------------------------------------------------------------------
    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return combo

    def _filter_combos(self) -> tuple[QComboBox, ...]:
        return (self.kind_filter, self.status_filter, self.tier_filter, self.level_filter,
                self.grade_filter, self.hold_filter)

    def _set_up_table(self) -> None:
        table = self.table
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several rows (Shift/Ctrl) for the context menu's batch report export.
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._context_menu)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setTabKeyNavigation(False)
        table.setShowGrid(False)
        # Uniform rows: a fixed height, never measured row by row (no resizeRowsToContents).
        rows = table.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSortIndicator(NAME, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)

    def _fit_columns(self, owners: tuple[str, ...] | None = None) -> None:
        """Every column but the name as wide as its header and the longest word it can show
        in the current language (English words are longer than Chinese ones: widths fixed
        for one language cut the other's, "Indivi…"). Given ``owners`` (the owners of the
        rows on screen), only the owner column is widened to fit them, so that a new search
        keeps the widths a user dragged. The name takes what is left."""
        cells = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        heads = header.fontMetrics()
        model = self.model
        words = {
            CODE: ["C0000000"],
            KIND: [model.kind_label(k) for k in KINDS],
            STATUS: [model.status_label(k) for k in STATUSES],
            TIER: [model.tier_label(k) for k in TIERS],
            LEVEL: [model.level_label(i) for i in range(len(LEVELS))],
            OWNER: list(owners or ()),
            PHONE: ["139****0000", "0000******0000"],     # a mobile, a landline as masked
            GRADE: list(GRADES),
            RISK: [risk_label(r) for r in RISK_LEVELS],
            LIMIT: [format_money(9_999_999_99)],
            USED: ["100%"],
            HOLD: [core_text("hold.label")],
        }
        # Room for the cell's margins, and beside a header for the sort arrow.
        margin = 2 * self.table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 8
        arrow = self.table.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize)
        if owners is not None:
            words = {OWNER: words[OWNER]}
        for column, texts in words.items():
            title = model.headerData(column, Qt.Orientation.Horizontal) or ""
            width = max([cells.horizontalAdvance(t) + margin for t in texts]
                        + [heads.horizontalAdvance(title) + margin + arrow])
            if owners is None or width > header.sectionSize(column):
                header.resizeSection(column, width)

    def _retranslate(self) -> None:
        self.search_box.setPlaceholderText(
            self.tr("Name, pinyin initials, code or phone tail  (Ctrl+F)"))
        # Wide enough for its hint in either language (the English one is the longer), with
        # room for the frame and the clear button.
        hint = self.search_box.fontMetrics().horizontalAdvance(self.search_box.placeholderText())
        self.search_box.setMinimumWidth(max(280, hint + 40))
        self.search_box.setToolTip(self.tr(
            "Type any part of a name, its pinyin initials (zw) or full pinyin, a customer code "
            "or number, or the last digits of a phone number"))
        self.model.retranslate()
        # Choice values and levels are shown by core's labels, as in the table.
        choices = (
            (self.kind_filter, self.tr("All kinds"), [(k, choice_label(k)) for k in KINDS]),
            (self.status_filter, self.tr("All statuses"),
             [(k, choice_label(k)) for k in STATUSES]),
            (self.tier_filter, self.tr("All tiers"), [(k, choice_label(k)) for k in TIERS]),
            (self.level_filter, self.tr("All levels"),
             [(name, level_label(i)) for i, name in enumerate(LEVELS)]),
            (self.grade_filter, self.tr("All grades"),
             [(g, g) for g in GRADES] + [(UNGRADED, self.tr("Not graded"))]),
            # One choice besides "all": the hold is a yes/no standing, named as core names it.
            (self.hold_filter, self.tr("Any credit standing"), [(True, core_text("hold.label"))]),
        )
        for combo, everything, items in choices:
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for key, text in items:
                combo.addItem(text, key)
            combo.setCurrentIndex(max(0, combo.findData(current)) if current is not None else 0)
            combo.blockSignals(False)
        self._fit_columns()
        self.kind_filter.setToolTip(self.tr("Kind"))
        self.status_filter.setToolTip(self.tr("Status"))
        self.tier_filter.setToolTip(self.tr("Tier"))
        self.level_filter.setToolTip(self.tr("Confidentiality level"))
        self.grade_filter.setToolTip(self.tr("Credit grade"))
        self.hold_filter.setToolTip(self.tr(
            "Show only files whose credit is on hold (over the limit, grade expired or review "
            "long overdue)"))
        self._show_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # -- querying -----------------------------------------------------------------------
    def filters(self) -> dict[str, str | bool | None]:
        return {"kind": self.kind_filter.currentData(), "status": self.status_filter.currentData(),
                "tier": self.tier_filter.currentData(), "level": self.level_filter.currentData(),
                "grade": self.grade_filter.currentData(),
                "hold": bool(self.hold_filter.currentData())}

    def refresh(self) -> None:
        """Run the current search and filters now (no typing delay)."""
        self._timer.stop()
        self._start_query()

    def is_settled(self) -> bool:
        """No query waiting or running: the table shows the current search."""
        return not self._timer.isActive() and self._shown == self._latest.value

    def _start_query(self) -> None:
        self._latest.value += 1
        generation = self._latest.value
        job = query_job(self.search_box.text(), self.filters(), ROW_LIMIT, self._latest, generation)
        self.runner.run(job,
                        on_done=lambda result: self._alive() and self._on_result(generation, result),
                        on_error=lambda error: self._alive() and self._on_error(generation, error))

    def _alive(self) -> bool:
        return isValid(self)

    def _on_result(self, generation: int, result: ListResult | None) -> None:
        if generation != self._latest.value or result is None:
            self.dropped += 1
            return
        keep = self.current_code()
        if result.people is not None:
            people.update(result.people)
        self.model.set_rows(result.rows)
        self._fit_columns(self.model.owners())
        self._total = result.total
        self._shown = generation
        self._show_count()
        if keep is not None:
            self.select_code(keep)
        self.loaded.emit()

    def _on_error(self, generation: int, error: Exception) -> None:
        if generation != self._latest.value:
            self.dropped += 1
            return
        self._shown = generation
        self.model.set_rows([])
        self._total = 0
        self._set_count_text(str(error), error=True)
        self.loaded.emit()

    def _on_changed(self, changes) -> None:
        if "customers" in changes or "users" in changes:
            self.refresh()

    # -- the count ----------------------------------------------------------------------
    def _show_count(self) -> None:
        if not self._shown:
            self._set_count_text("")   # nothing loaded yet
            return
        shown = self.model.rowCount()
        if self._total > shown:
            text = self.tr("First %1 of %Ln customers: type more to narrow the list", "",
                           self._total).replace("%1", QLocale().toString(shown))
        elif self._total == 1:
            text = self.tr("1 customer")
        else:
            text = self.tr("%Ln customers", "", self._total)
        self._set_count_text(text)

    def _set_count_text(self, text: str, error: bool = False) -> None:
        self.count_label.setText(text)
        self.count_label.setProperty("role", "error" if error else None)
        self.count_label.style().unpolish(self.count_label)
        self.count_label.style().polish(self.count_label)

    # -- selection and opening ------------------------------------------------------------
    def current_code(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.code_at(index.row()) if index.isValid() else None

    def select_code(self, code: str) -> bool:
        row = self.model.row_of(code)
        if row < 0:
            return False
        index = self.model.index(row, NAME)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_customer.emit(self.model.code_at(index.row()))

    def selected_codes(self) -> list[str]:
        """The codes of the selected rows, in the order shown."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.code_at(row) for row in rows]

    def context_menu(self) -> QMenu:
        menu = QMenu(self)
        codes = self.selected_codes()
        menu.addAction(self.tr("Open file"), lambda: self._open_index(self.table.currentIndex()))
        export = menu.addAction(self.tr("Export reports of the selected customers…"),
                                lambda: self.export_reports(codes))
        export.setEnabled(bool(codes))
        data = menu.addAction(self.tr("Export data of the selected customers…"), self.export_data)
        data.setEnabled(bool(codes))
        return menu

    def export_data(self) -> ExportDialog:
        """导出客户资料… for the selected rows (the dialog offers the others too)."""
        dialog = ExportDialog(self.runner, self.window(), self.export_scope(), SELECTED)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        if not self.table.selectionModel().isRowSelected(index.row(), QModelIndex()):
            self.table.setCurrentIndex(index)   # a right-click outside the selection selects
        menu = self.context_menu()
        menu.exec(self.table.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def export_reports(self, codes: list[str]):
        """One customer report per code into a folder (the batch flow of the 报告 page)."""
        if self.batch is None:
            self.batch = BatchExport(self, self.runner)
        return self.batch.start(codes)

    def focus_search(self) -> None:
        """Put the cursor in the search box with its text selected (the window's Ctrl+F)."""
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def export_scope(self) -> ListScope:
        """What the list shows now (its search, filters and how many files match them) and
        the selected rows: the export dialog offers each."""
        return ListScope(self.search_box.text(), self.filters(), self._total if self._shown else 0,
                         tuple(self.selected_codes()), on_screen=self.isVisible())

    def _window_shortcut(self, event: QKeyEvent) -> bool:
        """Whether ``event`` is the shortcut of one of the window's enabled actions. A line
        edit on X11 claims Ctrl+E (end of line), Ctrl+U and others for itself; in the search
        box the window's shortcuts (Ctrl+E export) must win."""
        if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            return False
        pressed = QKeySequence(event.keyCombination())
        for action in self.window().findChildren(QAction):
            if action.isEnabled() and action.shortcutContext() in (
                    Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut) \
                    and any(key.matches(pressed) == QKeySequence.SequenceMatch.ExactMatch
                            for key in action.shortcuts()):
                return True
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search_box and event.type() == QEvent.Type.ShortcutOverride \
                and isinstance(event, QKeyEvent) and self._window_shortcut(event):
            event.ignore()          # not the line edit's: the shortcut goes to the window
            return True
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.table and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._open_index(self.table.currentIndex())
                return True
            if watched is self.search_box:
                if key == Qt.Key.Key_Down and self.model.rowCount():
                    self.table.setFocus(Qt.FocusReason.OtherFocusReason)
                    if not self.table.currentIndex().isValid():
                        self.table.setCurrentIndex(self.model.index(0, NAME))
                    return True
                if key == Qt.Key.Key_Escape and self.search_box.text():
                    self.search_box.clear()
                    return True
        return super().eventFilter(watched, event)

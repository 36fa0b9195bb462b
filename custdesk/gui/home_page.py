"""今日: what needs doing today — overdue reviews, reviews due soon, open warnings.

One job reads all three (at most ``LIMIT`` rows each, with the full counts), so the
sections and the navigation's count never disagree. Every row is a double-click (or
Enter) away from its customer file; a warning opens its handling dialog from the
button or the context menu. The page reads again whenever a change touches customers,
grading or warnings, and the window's navigation shows overdue reviews plus red
warnings. ``show_notice`` is the in-page bar the start-up notice falls back on.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QDir, QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (QFileDialog, QFrame, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
                               QMenu, QPushButton, QSplitter, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from ..core import clock
from ..core.i18n import tr as core_text   # named apart from tr(): lupdate reads only Qt strings
from ..core.reviews import reason_label
from ..core.warnings import rule_label, severity_label, status_label
from .editor.jobs import list_table, message_label, run_for, show_message
from .warning_dialog import SEVERITY_COLOURS, WarningDialog, item_facts_text, severity_chip

LIMIT = 200             # rows read per section
DUE_WITHIN = 14         # days ahead that count as "due soon"
CALENDAR_DAYS = 90      # days ahead exported to the calendar
ROW_ROLE = Qt.ItemDataRole.UserRole
HOLD_COLOUR = QColor("#d32f2f")
NOTICE_STYLE = ("QFrame#home_notice { background: #fff4e5; border: 1px solid #ef6c00; "
                "border-radius: 4px; }")


def load_today(limit: int = LIMIT, within: int = DUE_WITHIN):
    """The job behind a refresh: both review lists, the open warnings and every count."""
    def job(desk):
        desk.warnings.daily()          # a window left open overnight: today's check, once
        counts = desk.reviews.counts(within)
        # Most overdue first: all the overdue files come before the first one due soon.
        rows = desk.reviews.due(within, limit=counts["overdue"] + limit)
        overdue = [r for r in rows if r["overdue_days"] > 0]
        return {"counts": counts, "overdue": overdue[:limit],
                "due_soon": [r for r in rows if r["overdue_days"] == 0][:limit],
                "warnings": desk.warnings.list(open_only=True, limit=limit),
                "warning_counts": desk.warnings.counts(),
                "hold_days": desk.reviews.policy().hold_days, "today": clock.today().isoformat()}
    return job


def calendar_job(within: int = CALENDAR_DAYS):
    def job(desk):
        rows = desk.reviews.due(within)
        return len(rows), sum(r["overdue_days"] > 0 for r in rows), desk.reviews.ics(rows)
    return job


@dataclass
class Section:
    """A titled table with a line for "nothing here" and one for a cut-off list."""
    box: QGroupBox
    table: QTableWidget
    empty: QLabel
    cut: QLabel
    rows: list = field(default_factory=list)


class HomePage(QWidget):
    """Three sections, the notice bar and the calendar export."""

    #: a file should be opened (double-click, Enter, Open file) on the part that brought the
    #: user: (code, "reviews" or "warning", the warning's id or None)
    open_customer = Signal(str, str, object)
    #: overdue reviews plus red warnings (the navigation shows it)
    count_changed = Signal(int)
    #: the counts of the newest read: overdue, due_soon, hold, red, orange, yellow
    counts_loaded = Signal(dict)
    #: the sections show the newest read (tests wait on it)
    loaded = Signal()

    def __init__(self, runner, parent: QWidget | None = None):
        super().__init__(parent)
        self._runner = runner
        self.data: dict = {}
        self.warning_dialog: WarningDialog | None = None
        self._load_error = False
        self.limit = LIMIT

        title = QLabel(self.tr("Today"), self)
        title.setProperty("role", "title")
        self.date_label = QLabel(self)
        self.date_label.setStyleSheet("color: #5b6b7c;")
        self.handle_button = QPushButton(self.tr("Handle warning…"), self)
        self.handle_button.setObjectName("home_handle")
        self.handle_button.clicked.connect(lambda: self.handle_warning())
        self.open_button = QPushButton(self.tr("Open file"), self)
        self.open_button.clicked.connect(self.open_current)
        self.export_button = QPushButton(self.tr("Export calendar…"), self)
        self.export_button.setToolTip(self.tr("Save the reviews due within %1 days as an "
                                              "iCalendar file (code and grade only)")
                                      .replace("%1", str(CALENDAR_DAYS)))
        self.export_button.clicked.connect(self.export_calendar)
        refresh = QPushButton(self.tr("Refresh"), self)
        refresh.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(12)
        top.addWidget(self.date_label)
        top.addStretch(1)
        for button in (self.handle_button, self.open_button, self.export_button, refresh):
            top.addWidget(button)

        self.notice = QFrame(self)
        self.notice.setObjectName("home_notice")
        self.notice.setStyleSheet(NOTICE_STYLE)
        self.notice_label = QLabel(self.notice)
        self.notice_label.setObjectName("home_notice_text")
        self.notice_label.setWordWrap(True)
        dismiss = QPushButton(self.tr("Dismiss"), self.notice)
        dismiss.clicked.connect(self.notice.hide)
        notice_row = QHBoxLayout(self.notice)
        notice_row.setContentsMargins(10, 6, 6, 6)
        notice_row.addWidget(self.notice_label, 1)
        notice_row.addWidget(dismiss)
        self.notice.hide()
        self.message = message_label(self, "home_message")

        self.overdue = self._section("home_overdue", [
            self.tr("Code"), self.tr("Name"), self.tr("Grade"), self.tr("Due on"),
            self.tr("Overdue"), self.tr("Reason"), self.tr("Credit")], stretch=1)
        self.due_soon = self._section("home_due_soon", [
            self.tr("Code"), self.tr("Name"), self.tr("Grade"), self.tr("Due on"),
            self.tr("Due in"), self.tr("Reason")], stretch=1)
        self.warnings = self._section("home_warnings", [
            self.tr("Severity"), self.tr("Code"), self.tr("Name"), self.tr("Warning"),
            self.tr("Facts"), self.tr("Status"), self.tr("Raised on")], stretch=4)
        self.warnings.table.currentCellChanged.connect(lambda *_: self._update_buttons())
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        for section in (self.overdue, self.due_soon, self.warnings):
            self.splitter.addWidget(section.box)
            section.table.currentCellChanged.connect(
                lambda *_args, s=section: self._focus_moved(s))
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(self.message)
        layout.addWidget(self.splitter, 1)
        runner.changed.connect(self._on_changed)
        self._current = self.overdue
        self._update_buttons()
        self.refresh()

    # -- building ------------------------------------------------------------------------
    def _section(self, name: str, headers: list[str], stretch: int) -> Section:
        box = QGroupBox(self)
        box.setObjectName(name)
        table = list_table(QTableWidget(0, len(headers), box))
        table.setObjectName(f"{name}_table")
        table.setHorizontalHeaderLabels(headers)
        # One column takes the room that is left (no sideways scrolling); the others fit.
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.installEventFilter(self)
        empty = QLabel(box)
        empty.setStyleSheet("color: #8a96a3; padding: 6px;")
        empty.hide()
        cut = QLabel(box)
        cut.setObjectName(f"{name}_cut")
        cut.setStyleSheet("color: #5b6b7c;")
        cut.hide()
        layout = QVBoxLayout(box)
        layout.addWidget(table, 1)
        layout.addWidget(empty)
        layout.addWidget(cut)
        section = Section(box, table, empty, cut)
        table.cellDoubleClicked.connect(lambda row, _column, s=section: self._activate(s, row))
        table.customContextMenuRequested.connect(
            lambda pos, s=section: self._context_menu(s, pos))
        return section

    # -- reading -------------------------------------------------------------------------
    def refresh(self) -> None:
        run_for(self, self._runner, load_today(self.limit), self._fill, self._load_failed)

    def _on_changed(self, changes) -> None:
        if {"customers", "grading", "warnings"} & set(changes.areas):
            self.refresh()

    def _load_failed(self, error: Exception) -> None:
        self._load_error = True
        show_message(self.message, str(error))
        self.loaded.emit()

    def _fill(self, data: dict) -> None:
        if self._load_error:
            self._load_error = False
            show_message(self.message, "")
        self.data = data
        counts, warning_counts = data["counts"], data["warning_counts"]
        self.date_label.setText(data["today"])
        self.overdue.box.setTitle(self.tr("Overdue reviews (%1)")
                                  .replace("%1", str(counts["overdue"])))
        self.due_soon.box.setTitle(self.tr("Reviews due within %1 days (%2)")
                                   .replace("%1", str(DUE_WITHIN))
                                   .replace("%2", str(counts["due_soon"])))
        total = sum(warning_counts.values())
        self.warnings.box.setTitle(
            self.tr("Open warnings (%1): red %2 · orange %3 · yellow %4")
            .replace("%1", str(total)).replace("%2", str(warning_counts["red"]))
            .replace("%3", str(warning_counts["orange"]))
            .replace("%4", str(warning_counts["yellow"])))
        self._fill_section(self.overdue, data["overdue"], counts["overdue"],
                           self.tr("No review is overdue."), self._review_cells)
        self._fill_section(self.due_soon, data["due_soon"], counts["due_soon"],
                           self.tr("No review falls due in the next %1 days.")
                           .replace("%1", str(DUE_WITHIN)), self._review_cells)
        self._fill_section(self.warnings, data["warnings"], total,
                           self.tr("No open warnings."), self._warning_cells)
        self._update_buttons()
        self.count_changed.emit(counts["overdue"] + warning_counts["red"])
        self.counts_loaded.emit({**counts, **warning_counts})
        self.loaded.emit()

    def _fill_section(self, section: Section, rows: list[dict], total: int,
                      empty_text: str, cells) -> None:
        table = section.table
        keep = self._key(section, table.currentRow())
        section.rows = rows
        table.blockSignals(True)
        # Columns fitted to their contents are measured again at every cell set: fill with
        # fixed columns, then fit once (200 rows refilled took seconds otherwise).
        header = table.horizontalHeader()
        modes = [header.sectionResizeMode(c) for c in range(table.columnCount())]
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.setRowCount(len(rows))
        for row, item in enumerate(rows):
            for column, cell in enumerate(cells(section, item)):
                cell.setData(ROW_ROLE, row)
                table.setItem(row, column, cell)
        for column, mode in enumerate(modes):
            header.setSectionResizeMode(column, mode)
        keys = [self._key(section, row) for row in range(len(rows))]
        table.setCurrentCell(keys.index(keep) if keep in keys else -1, 0)
        table.blockSignals(False)
        table.setVisible(bool(rows))
        section.empty.setText(empty_text)
        section.empty.setVisible(not rows)
        shown = len(rows)
        section.cut.setText(self.tr("Showing the first %1 of %2.").replace("%1", str(shown))
                            .replace("%2", str(total)))
        section.cut.setVisible(total > shown)

    def _key(self, section: Section, row: int):
        if not 0 <= row < len(section.rows):
            return None
        item = section.rows[row]
        return item["id"] if section is self.warnings else item["code"]

    def _review_cells(self, section: Section, item: dict) -> list[QTableWidgetItem]:
        grade = item["grade"] or self.tr("Unrated")
        if section is self.overdue:
            when = self.tr("%1 days").replace("%1", str(item["overdue_days"]))
        else:
            days = (datetime.date.fromisoformat(item["due_date"])
                    - datetime.date.fromisoformat(self.data["today"])).days
            when = self.tr("today") if days <= 0 else self.tr("in %1 days").replace("%1", str(days))
        texts = [item["code"], item["name"], grade, item["due_date"], when,
                 reason_label(item["reason"])]
        if section is self.overdue:
            texts.append(core_text("hold.label") if item["hold"] else "")
        cells = [QTableWidgetItem(text) for text in texts]
        cells[4].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if section is self.overdue and item["hold"]:
            hold = cells[-1]
            hold.setForeground(HOLD_COLOUR)
            font = QFont(hold.font())
            font.setBold(True)
            hold.setFont(font)
            hold.setToolTip(core_text("hold.review_overdue", days=self.data["hold_days"]))
        return cells

    def _warning_cells(self, _section, item: dict) -> list[QTableWidgetItem]:
        facts = item_facts_text(item)
        cells = [QTableWidgetItem(text) for text in (
            severity_label(item["severity"]), item["code"], item["name"], rule_label(item["rule"]),
            facts, status_label(item["status"]), item["raised_on"] or "")]
        cells[0].setIcon(severity_chip(item["severity"]))
        cells[0].setForeground(QColor(SEVERITY_COLOURS.get(item["severity"], "#1d2733")))
        cells[4].setToolTip(facts)
        return cells

    # -- acting --------------------------------------------------------------------------
    def _focus_moved(self, section: Section) -> None:
        if section.table.currentRow() >= 0:
            self._current = section
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.handle_button.setEnabled(self.current_warning() is not None)
        section = self._current
        self.open_button.setEnabled(0 <= section.table.currentRow() < len(section.rows))

    def current_warning(self) -> dict | None:
        row = self.warnings.table.currentRow()
        return self.warnings.rows[row] if 0 <= row < len(self.warnings.rows) else None

    def _activate(self, section: Section, row: int) -> None:
        if 0 <= row < len(section.rows):
            item = section.rows[row]
            if section is self.warnings:
                self.open_customer.emit(item["code"], "warning", item["id"])
            else:
                self.open_customer.emit(item["code"], "reviews", None)

    def open_current(self) -> None:
        self._activate(self._current, self._current.table.currentRow())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            for section in (self.overdue, self.due_soon, self.warnings):
                if watched is section.table:
                    self._activate(section, section.table.currentRow())
                    return True
        return super().eventFilter(watched, event)

    def context_menu(self, section: Section, row: int) -> QMenu:
        """The menu for one row: open its file; for a warning, handle it as well."""
        menu = QMenu(self)
        if section is self.warnings:
            menu.addAction(self.tr("Handle warning…"), lambda: self.handle_warning(row))
        menu.addAction(self.tr("Open file"), lambda: self._activate(section, row))
        return menu

    def _context_menu(self, section: Section, pos: QPoint) -> None:
        row = section.table.rowAt(pos.y())
        if row < 0:
            return
        section.table.setCurrentCell(row, 0)
        menu = self.context_menu(section, row)
        menu.exec(section.table.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def handle_warning(self, row: int | None = None) -> WarningDialog | None:
        """Open the handling dialog for the warning in ``row`` (default: the current one)."""
        row = self.warnings.table.currentRow() if row is None else row
        if not 0 <= row < len(self.warnings.rows):
            return None
        if self.warning_dialog is not None:
            self.warning_dialog.close()
            self.warning_dialog.deleteLater()
        dialog = WarningDialog(self._runner, self.warnings.rows[row], self, can_open_file=True)
        warning_id = self.warnings.rows[row]["id"]
        dialog.open_customer.connect(lambda code: (dialog.accept(), self.open_customer.emit(
            code, "warning", warning_id)))
        self.warning_dialog = dialog
        dialog.open()
        return dialog

    # -- calendar and notice ------------------------------------------------------------
    def export_calendar(self) -> None:
        """Save the reviews due within 90 days as an .ics file the user names."""
        default = Path(QDir.homePath()) / f"custdesk-reviews-{clock.today().isoformat()}.ics"
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export review calendar"), str(default),
            self.tr("iCalendar files (*.ics)"))
        if not path:
            return
        target = Path(path if path.lower().endswith(".ics") else path + ".ics")

        def write(result: tuple[int, int, bytes]) -> None:
            count, overdue, data = result
            try:
                target.write_bytes(data)
            except OSError as exc:
                show_message(self.message, self.tr("Could not save %1: %2")
                             .replace("%1", str(target)).replace("%2", exc.strerror or str(exc)))
                return
            text = self.tr("Saved %1 reviews due within %2 days to %3.") if not overdue else \
                self.tr("Saved %1 reviews due within %2 days to %3; the %4 overdue ones are on "
                        "today, marked overdue.").replace("%4", str(overdue))
            show_message(self.message, text.replace("%1", str(count))
                         .replace("%2", str(CALENDAR_DAYS)).replace("%3", str(target)),
                         error=False)

        run_for(self, self._runner, calendar_job(), write,
                lambda error: show_message(self.message, str(error)))

    def show_notice(self, text: str) -> None:
        """A bar above the sections (not a dialog: nothing waits for the user)."""
        self.notice_label.setText(text)
        self.notice.show()

    def update_notice(self, text: str) -> None:
        """The bar, while it is up, says ``text``; it goes when ``text`` is empty. A bar
        dismissed stays down."""
        if self.notice.isHidden():
            return
        if text:
            self.notice_label.setText(text)
        else:
            self.notice.hide()


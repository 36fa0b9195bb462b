"""What an approver weighs beside the assessment: the customer's limit and exposure, how
much of the current and of the proposed limit the exposure uses, a credit hold, and the
open warnings with their severity.

``DecisionFacts.show_facts`` takes ``load_facts(code)``'s answer: core's own reads
(``grading.credit`` and ``warnings.list``), so whatever the approver is not cleared
for arrives masked or withheld from core and is shown as it came.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (QAbstractItemView, QAbstractScrollArea, QFormLayout, QGroupBox,
                               QHBoxLayout, QHeaderView, QLabel, QSizePolicy, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)
from shiboken6 import isValid

from ...core.grading.limits import utilisation
from ...core.warnings import item_facts_text, rule_label, severity_label
from ..warning_dialog import SEVERITY_COLOURS, severity_chip
from .breakdown import DASH, money
from .standing import ERROR_STYLE, hold_texts

WARNING_COLUMNS = 4                      # severity, rule, facts, raised on


def load_facts(code: str):
    """The job behind the panel: the file's credit standing and its open warnings."""
    def job(desk):
        return {"code": code, "credit": desk.grading.credit(code),
                "warnings": desk.warnings.list(open_only=True, code=code)}
    return job


def over_limit(exposure: int, limit: int | None) -> bool:
    """More owed than the limit allows (the credit hold's own test: exposure above it)."""
    return limit is not None and exposure > limit


def share_text(exposure: int, limit: int | None) -> str:
    value = utilisation(exposure, limit)
    return DASH if value is None else f"{value:.0%}"


def fit_rows(table: QTableWidget) -> None:
    """Make ``table`` exactly as tall as its rows, so the page scrolls rather than the
    table: one scroll bar for the whole item on a small screen."""
    height = 2 * table.frameWidth() + table.verticalHeader().length()
    if not table.horizontalHeader().isHidden():
        height += table.horizontalHeader().height()
    if table.horizontalScrollBar().isVisible():
        height += table.horizontalScrollBar().height()
    if table.height() != height or table.minimumHeight() != height:
        table.setFixedHeight(height)


class _RowFitter(QObject):
    """Refits its table once Qt has laid its rows out again: after a resize (the wrapped
    rows change height with the width) and whenever rows come or go or change height."""

    def __init__(self, table: QTableWidget):
        super().__init__(table)
        self.table = table
        self.pending = False
        table.installEventFilter(self)
        table.verticalHeader().sectionResized.connect(lambda *_: self.later())
        table.model().rowsInserted.connect(lambda *_: self.later())
        table.model().rowsRemoved.connect(lambda *_: self.later())

    def later(self) -> None:
        if not self.pending:
            self.pending = True
            QTimer.singleShot(0, self.fit)

    def fit(self) -> None:
        self.pending = False
        if isValid(self.table):
            fit_rows(self.table)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize:
            self.later()
        return False


def keep_fitted(table: QTableWidget) -> None:
    """Fit ``table`` to its rows now and whenever a row's wrapped height changes."""
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustIgnored)
    table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    _RowFitter(table)
    fit_rows(table)


class DecisionFacts(QGroupBox):
    """Limit, exposure, utilisation now and at the proposed limit, hold, open warnings."""

    FIELDS = ("current", "exposure", "used_now", "used_proposed", "hold")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Credit standing and open warnings"), parent)
        self.setObjectName("decision_facts")
        self.facts: dict | None = None
        self.proposed: int | None = None
        captions = (self.tr("Current limit:"), self.tr("Exposure:"),
                    self.tr("Utilisation (current limit):"),
                    self.tr("Utilisation (proposed limit):"),
                    self.tr("Credit hold:"))
        form = QFormLayout()
        self.captions: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for key, caption in zip(self.FIELDS, captions):
            label, value = QLabel(caption, self), QLabel(DASH, self)
            value.setObjectName(f"facts_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            # wide enough for "888% of ¥62,000,000.00" on one line
            value.setMinimumWidth(value.fontMetrics().horizontalAdvance("0") * 26)
            form.addRow(label, value)
            self.captions[key], self.values[key] = label, value
        bold = QFont(self.values["exposure"].font())
        bold.setBold(True)
        self.values["exposure"].setFont(bold)

        self.warnings_title = QLabel(self)
        self.warnings_title.setObjectName("facts_warnings_title")
        self.warnings_table = QTableWidget(0, WARNING_COLUMNS, self)
        self.warnings_table.setObjectName("facts_warnings")
        self.warnings_table.setHorizontalHeaderLabels([
            self.tr("Severity"), self.tr("Warning"), self.tr("What was found"),
            self.tr("Raised on")])
        self.warnings_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.warnings_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.warnings_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.warnings_table.verticalHeader().hide()
        self.warnings_table.setWordWrap(True)
        header = self.warnings_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.warnings_table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        keep_fitted(self.warnings_table)
        # The figures on the left, the warnings beside them: short, so the assessment
        # below starts high on a 768-pixel screen.
        warnings = QVBoxLayout()
        warnings.addWidget(self.warnings_title)
        warnings.addWidget(self.warnings_table)
        warnings.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(form, 0)
        layout.addSpacing(12)
        layout.addLayout(warnings, 1)
        self.clear()

    # -- showing ------------------------------------------------------------------------
    def clear(self, text: str | None = None) -> None:
        """No figures (``text`` says why: loading, or nothing on view)."""
        self.facts = None
        for value in self.values.values():
            value.setText(text if text is not None else DASH)
            value.setStyleSheet("")
        self._show_hold(False)
        self.warnings_title.setText(self.tr("Open warnings:"))
        self.warnings_table.setRowCount(0)
        self.warnings_table.hide()

    def set_proposed(self, fen: int | None) -> None:
        """The limit being decided (typed, or requested); None while it is not a valid amount."""
        self.proposed = fen
        if self.facts is not None:
            self._show_shares()

    def show_facts(self, facts: dict) -> None:
        self.facts = facts
        credit = facts["credit"]
        limit = credit.get("credit_limit")
        self.values["current"].setText(self.tr("none (not yet granted)") if limit is None
                                       else money(limit))
        self.values["exposure"].setText(money(credit.get("exposure") or 0))
        self._show_shares()
        label, reasons = hold_texts(credit)
        self.values["hold"].setText(reasons or label)
        self._show_hold(bool(credit.get("hold")))
        self._fill_warnings(facts["warnings"])

    def _show_hold(self, on: bool) -> None:
        self.values["hold"].setStyleSheet(ERROR_STYLE)
        self.captions["hold"].setVisible(on)
        self.values["hold"].setVisible(on)

    def _show_shares(self) -> None:
        credit = self.facts["credit"]
        exposure, limit = credit.get("exposure") or 0, credit.get("credit_limit")
        for key, against in (("used_now", limit), ("used_proposed", self.proposed)):
            value = self.values[key]
            value.setText(share_text(exposure, against))
            value.setStyleSheet(ERROR_STYLE if over_limit(exposure, against) else "")
        if self.proposed is not None:
            self.values["used_proposed"].setText(
                self.tr("%1 of %2").replace("%1", share_text(exposure, self.proposed))
                .replace("%2", money(self.proposed)))

    def _fill_warnings(self, warnings: list[dict]) -> None:
        table = self.warnings_table
        self.warnings_title.setText(self.tr("Open warnings: %1").replace("%1", str(len(warnings)))
                                    if warnings else self.tr("Open warnings: none"))
        table.setRowCount(len(warnings))
        for row, item in enumerate(warnings):
            facts = item_facts_text(item)     # masked or withheld by core, as it came
            cells = [QTableWidgetItem(text) for text in (
                severity_label(item["severity"]), rule_label(item["rule"]), facts,
                item.get("raised_on") or DASH)]
            cells[0].setIcon(severity_chip(item["severity"]))
            cells[0].setForeground(QColor(SEVERITY_COLOURS.get(item["severity"], "#1d2733")))
            cells[0].setData(Qt.ItemDataRole.UserRole, item["id"])
            cells[2].setToolTip(facts)
            for column, cell in enumerate(cells):
                table.setItem(row, column, cell)
        table.setVisible(bool(warnings))
        table.resizeRowsToContents()
        fit_rows(table)

    # -- reading (tests) ----------------------------------------------------------------
    def warning_rows(self) -> list[list[str]]:
        table = self.warnings_table
        return [[table.item(r, c).text() for c in range(WARNING_COLUMNS)]
                for r in range(table.rowCount())]

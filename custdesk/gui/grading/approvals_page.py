"""审批: assessments and limit changes waiting for a decision, and the decision itself.

The queue is ``desk.grading.queue()``: what lies within the user's clearance, oldest
first. The user's own items are listed too, greyed, so that someone who both assesses
and decides sees them waiting; the buttons stay off for them (four eyes: core refuses
as well, and logs the attempt). Every database call runs on the runner, and the page
reloads whenever a change touches grading.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (QDialog, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton,
                               QSplitter, QStackedWidget, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from ...core.validation import format_money
from ..editor.jobs import list_table, message_label, run_for, show_message
from .approval_detail import LimitChangeView, ReasonDialog, local_time
from .breakdown import DASH, AssessmentView, money

KEY_ROLE = Qt.ItemDataRole.UserRole
OWN_COLOUR = QColor("#8a96a3")     # the palette's placeholder grey: there, but not for you
TYPE, CODE, NAME, GRADE, LIMIT, BY, AT = range(7)


def item_key(item: dict) -> tuple[str, int]:
    """Assessments and limit changes have ids of their own: the type makes them unique."""
    return item["type"], item["id"]


class ApprovalsPage(QWidget):
    """The queue (above) and the item on view with its decision buttons (below)."""

    #: a file should be opened (double-click, or the Open file button)
    open_customer = Signal(str)
    #: how many items this user may decide (the navigation shows it)
    count_changed = Signal(int)
    #: the queue on screen is the newest read (tests wait on it)
    loaded = Signal()

    def __init__(self, runner, parent: QWidget | None = None):
        super().__init__(parent)
        self._runner = runner
        self.items: list[dict] = []
        self._shown_key: tuple[str, int] | None = None
        self._busy = False
        self._filling = False

        title = QLabel(self.tr("Approvals"), self)
        title.setProperty("role", "title")
        self.summary = QLabel(self)
        self.summary.setObjectName("approvals_summary")
        refresh = QPushButton(self.tr("Refresh"), self)
        refresh.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(12)
        top.addWidget(self.summary)
        top.addStretch(1)
        top.addWidget(refresh)

        self.table = list_table(QTableWidget(0, 7, self))
        self.table.setObjectName("approvals_table")
        self.table.setHorizontalHeaderLabels([
            self.tr("Type"), self.tr("Code"), self.tr("Name"), self.tr("Grade · score"),
            self.tr("Limit"), self.tr("Requested by"), self.tr("Requested on")])
        self.table.setWordWrap(False)
        self.table.setMinimumHeight(120)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.table.setAlternatingRowColors(True)
        self.table.currentCellChanged.connect(lambda *_: self._selection_changed())
        self.table.cellDoubleClicked.connect(lambda row, _col: self._open_row(row))

        # The queue above, the item below: the queue's columns need the full width, and
        # an assessment's factors and bars read best wide.
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self._detail_pane())
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([200, 600])
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        runner.changed.connect(self._on_changed)
        self._show_item(None)
        self.refresh()

    def _detail_pane(self) -> QWidget:
        pane = QWidget(self)
        self.heading = QLabel(pane)
        self.heading.setObjectName("approval_heading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = QFont(self.heading.font())
        font.setBold(True)
        font.setPointSize(font.pointSize() + 2)
        self.heading.setFont(font)
        self.own_note = QLabel(self.tr("This is your own request: another reviewer or manager "
                                       "must decide it (four-eyes rule)."), pane)
        self.own_note.setObjectName("own_note")
        self.own_note.setWordWrap(True)
        self.own_note.setStyleSheet("color: #ef6c00;")
        self.empty = QLabel(self.tr("Nothing waits for a decision."), pane)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.assessment_view = AssessmentView(pane)
        self.change_view = LimitChangeView(pane)
        self.stack = QStackedWidget(pane)
        for widget in (self.empty, self.assessment_view, self.change_view):
            self.stack.addWidget(widget)

        self.limit_caption = QLabel(self.tr("Approved limit (yuan):"), pane)
        self.limit_edit = QLineEdit(pane)
        self.limit_edit.setObjectName("approved_limit")
        self.limit_edit.setMaximumWidth(160)
        self.limit_edit.setToolTip(self.tr("Defaults to the recommended limit; type another "
                                           "amount to approve a different one."))
        self.limit_caption.setBuddy(self.limit_edit)
        self.approve_button = QPushButton(self.tr("Approve"), pane)
        self.approve_button.setObjectName("approve_button")
        self.approve_button.clicked.connect(self.approve_current)
        self.reject_button = QPushButton(self.tr("Reject…"), pane)
        self.reject_button.setObjectName("reject_button")
        self.reject_button.clicked.connect(self.reject_current)
        self.open_button = QPushButton(self.tr("Open file"), pane)
        self.open_button.clicked.connect(lambda: self._open_row(self.table.currentRow()))
        bar = QHBoxLayout()
        bar.addWidget(self.limit_caption)
        bar.addWidget(self.limit_edit)
        bar.addStretch(1)
        for button in (self.open_button, self.reject_button, self.approve_button):
            bar.addWidget(button)
        self.message = message_label(pane)

        layout = QVBoxLayout(pane)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.own_note)
        layout.addWidget(self.stack, 1)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        return pane

    # -- the queue ------------------------------------------------------------------------
    def refresh(self) -> None:
        run_for(self, self._runner, lambda desk: desk.grading.queue(), self._fill,
                self._load_failed)

    def _on_changed(self, changes) -> None:
        if "grading" in changes:
            self.refresh()

    def _load_failed(self, error: Exception) -> None:
        show_message(self.message, str(error))
        self.loaded.emit()

    def _fill(self, items: list[dict]) -> None:
        keep, row_before = self._shown_key, self.table.currentRow()
        self.items = items
        self._filling = True
        self.table.setRowCount(len(items))
        for row, item in enumerate(items):
            self._fill_row(row, item)
        self._filling = False
        decidable = sum(not item["own"] for item in items)
        own = len(items) - decidable
        text = self.tr("Waiting for your decision: %1").replace("%1", str(decidable))
        if own:
            text += self.tr("; your own, waiting for someone else: %1").replace("%1", str(own))
        self.summary.setText(text)
        # Keep the item on view; when it was decided, move to the one that took its place.
        row = self.row_of(keep) if keep else -1
        if row < 0 and items:
            row = min(max(row_before, 0), len(items) - 1)
        self._filling = True
        self.table.setCurrentCell(row, TYPE if row >= 0 else -1)
        self._filling = False
        self._selection_changed(by_user=False)
        self.count_changed.emit(decidable)
        self.loaded.emit()

    def _fill_row(self, row: int, item: dict) -> None:
        assessment = item["type"] == "assessment"
        if assessment:
            grade = f"{item['grade']} · {item['score']:.1f}" if item.get("score") is not None \
                else item["grade"]
            limit = money(item["amount"])
        else:
            grade = item.get("grade") or DASH
            limit = f"{money(item.get('current_limit'))} → {money(item['amount'])}"
        texts = (self.tr("Assessment") if assessment else self.tr("Limit change"),
                 item["code"], item["name"], grade, limit, item.get("requested_by") or DASH,
                 local_time(item.get("requested_at"))[:10])
        for column, text in enumerate(texts):
            cell = QTableWidgetItem(text)
            cell.setData(KEY_ROLE, item_key(item))
            if column == LIMIT:
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if item["own"]:
                cell.setForeground(OWN_COLOUR)
                cell.setToolTip(self.tr("Your own request: you cannot decide it yourself "
                                        "(four-eyes rule)."))
            elif column == LIMIT:
                cell.setToolTip(self.tr("Recommended limit") if assessment
                                else self.tr("Current limit → requested limit"))
            elif column == AT:
                cell.setToolTip(local_time(item.get("requested_at")))
            self.table.setItem(row, column, cell)

    def row_of(self, key: tuple[str, int]) -> int:
        for row, item in enumerate(self.items):
            if item_key(item) == key:
                return row
        return -1

    def select(self, key: tuple[str, int]) -> bool:
        """Put the item with ``key`` (type, id) on view; False when it is not queued."""
        row = self.row_of(key)
        if row >= 0:
            self.table.setCurrentCell(row, TYPE)
        return row >= 0

    def current_item(self) -> dict | None:
        row = self.table.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    # -- the item on view -----------------------------------------------------------------
    def _selection_changed(self, by_user: bool = True) -> None:
        """Show the current item. A reload shows it afresh (it may have changed) but keeps
        the message about the last decision and an approved limit being typed."""
        if self._filling:
            return
        item = self.current_item()
        key = item_key(item) if item else None
        if by_user and key == self._shown_key:
            return
        other = key != self._shown_key
        if by_user:
            show_message(self.message, "")   # it spoke of the item left behind
        self._shown_key = key
        self._show_item(item, other)

    def _show_item(self, item: dict | None, other: bool = True) -> None:
        self.own_note.setVisible(bool(item and item["own"]))
        assessment = bool(item) and item["type"] == "assessment"
        self.limit_caption.setVisible(assessment)
        self.limit_edit.setVisible(assessment)
        if item is None:
            self.heading.setText("")
            self.stack.setCurrentWidget(self.empty)
        else:
            kind = (self.tr("Assessment #%1") if assessment else self.tr("Limit change #%1")) \
                .replace("%1", str(item["id"]))
            self.heading.setText(f"{item['code']}  {item['name']} — {kind}")
            key = item_key(item)
            if assessment:
                if other:
                    self.limit_edit.setText(format_money(item["amount"], currency=""))
                    self.assessment_view.clear(self.tr("Loading…"))
                self.stack.setCurrentWidget(self.assessment_view)
                run_for(self, self._runner, lambda desk: desk.grading.get(item["id"]),
                        lambda full: self._shown_key == key
                        and self.assessment_view.show_assessment(full),
                        self._detail_failed)
            else:
                if other:
                    self.change_view.show_change(item, None)
                self.stack.setCurrentWidget(self.change_view)
                run_for(self, self._runner, lambda desk: desk.grading.credit(item["code"]),
                        lambda credit: self._shown_key == key
                        and self.change_view.show_change(item, credit),
                        self._detail_failed)
        self._update_buttons()

    def _detail_failed(self, error: Exception) -> None:
        show_message(self.message, str(error))

    def _update_buttons(self) -> None:
        item = self.current_item()
        decidable = bool(item) and not item["own"] and not self._busy
        for widget in (self.approve_button, self.reject_button, self.limit_edit):
            widget.setEnabled(decidable)
        self.open_button.setEnabled(bool(item))

    def _open_row(self, row: int) -> None:
        if 0 <= row < len(self.items):
            self.open_customer.emit(self.items[row]["code"])

    # -- deciding -------------------------------------------------------------------------
    def confirm(self, title: str, text: str) -> bool:
        """Ask before a decision that cannot be taken back (tests answer for the user)."""
        answer = QMessageBox.question(self, title, text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def ask_reason(self, what: str) -> str | None:
        """The reason for a rejection, or None when the user cancels (tests answer here)."""
        dialog = ReasonDialog(what, self)
        return dialog.reason() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _describe(self, item: dict) -> str:
        """"assessment #91 of C000106 重庆…", for questions and messages."""
        text = self.tr("assessment #%1 of %2 %3") if item["type"] == "assessment" \
            else self.tr("limit change #%1 of %2 %3")
        return text.replace("%1", str(item["id"])).replace("%2", item["code"]) \
            .replace("%3", item["name"])

    def approve_current(self) -> None:
        item = self.current_item()
        if item is None or item["own"] or self._busy:
            return
        what = self._describe(item)
        if item["type"] == "assessment":
            limit = self.limit_edit.text().strip()
            text = self.tr("Approve %1 with grade %2 and a credit limit of %3 yuan? An approved "
                           "assessment cannot be changed.").replace("%1", what) \
                .replace("%2", item["grade"]) \
                .replace("%3", limit or format_money(item["amount"], currency=""))
            job = (lambda desk, i=item["id"], amount=limit:
                   desk.grading.approve(i, amount or None))
        else:
            text = self.tr("Approve %1: a new credit limit of %2?").replace("%1", what) \
                .replace("%2", money(item["amount"]))
            job = lambda desk, i=item["id"]: desk.grading.decide_limit(i, True)  # noqa: E731
        if self.confirm(self.tr("Approve"), text):
            self._decide(job, self.tr("Approved: %1.").replace("%1", what))

    def reject_current(self) -> None:
        item = self.current_item()
        if item is None or item["own"] or self._busy:
            return
        what = self._describe(item)
        reason = self.ask_reason(what)
        if reason is None:
            return
        if item["type"] == "assessment":
            job = lambda desk, i=item["id"]: desk.grading.reject(i, reason)  # noqa: E731
        else:
            job = lambda desk, i=item["id"]: desk.grading.decide_limit(i, False, reason)  # noqa: E731
        self._decide(job, self.tr("Rejected: %1.").replace("%1", what))

    def _decide(self, job, done_text: str) -> None:
        self._busy = True
        self._update_buttons()
        show_message(self.message, "")

        def done(_changes) -> None:
            # runner.changed ("grading") has already asked for a fresh queue.
            self._busy = False
            show_message(self.message, done_text, error=False)
            self._update_buttons()

        def failed(error: Exception) -> None:
            # Refused (a bad amount, no reason) or decided meanwhile by someone else: say
            # why and read the queue again; the typed amount stays for correcting.
            self._busy = False
            show_message(self.message, str(error))
            self._update_buttons()
            self.refresh()

        run_for(self, self._runner, job, done, failed)

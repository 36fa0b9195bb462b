"""审批: assessments, limit changes and scorecard versions waiting for a decision, and the
decision itself.

The queue is ``desk.grading.queue()``: what lies within the user's clearance, oldest
first. The user's own items are listed too, greyed, so that someone who both assesses
and decides sees them waiting; the buttons stay off for them (four eyes: core refuses
as well, and logs the attempt). Every database call runs on the runner, and the page
reloads whenever a change touches grading or warnings.

A manager or administrator also sees the scorecard versions other managers saved, which
grade no one until a second one approves them (``grading.library.pending``): the same
four eyes, the same bar (a reason optional to approve, required to reject). On view are
the version's facts and how its text differs from the version before; the full text opens
read-only from the bar.

Laid out for a 1366×768 laptop: the queue and the item on view share a splitter, the
item scrolls as one page (its facts, then the assessment), and the decision bar (limit,
reason, buttons) stays below both, always on screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (QDialog, QFrame, QGridLayout, QHBoxLayout, QLabel, QLineEdit,
                               QMessageBox, QPushButton, QScrollArea, QSplitter, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from ...core.errors import ValidationError
from ...core.fields import choice_label
from ...core.i18n import tr as core_text   # named apart from tr(): lupdate reads only Qt strings
from ...core.validation import InvalidValue, format_money, parse_money
from .. import people
from ..editor.jobs import list_table, message_label, run_for, show_message
from .approval_context import DecisionFacts, keep_fitted, load_facts
from .approval_detail import LimitChangeView, ReasonDialog, local_time
from .breakdown import DASH, AssessmentView, money
from . import scorecard_decision
from .scorecard_decision import ScorecardVersionView
from .scorecard_dialog import ScorecardDialog
from .standing import ERROR_STYLE

KEY_ROLE = Qt.ItemDataRole.UserRole
OWN_COLOUR = QColor("#8a96a3")     # the palette's placeholder grey: there, but not for you
NOTE_STYLE = "color: #5b6b7c;"
ABOVE_STYLE = "color: #ef6c00;"
TYPE, CODE, NAME, GRADE, LIMIT, BY, AT = range(7)


def item_key(item: dict) -> tuple[str, int | str]:
    """Assessments and limit changes have ids of their own: the type makes them unique. A
    scorecard version's id is its ``name@version``."""
    return item["type"], item["id"]


def load_queue(desk) -> list[dict]:
    """The queue: core's assessments and limit changes, then (for those who manage
    scorecards) the scorecard versions waiting for a second manager, oldest first."""
    items = desk.grading.queue()
    if desk.access.can("settings.manage"):
        desk.refresh()        # versions others saved since this session last read the log
        me = desk.user.name
        items += [{"type": "scorecard", "id": f"{card['name']}@{card['version']}",
                   "code": "", "name": card["name"], "version": card["version"],
                   "kind": card["kind"], "requested_by": card["created_by"],
                   "requested_at": card["created_at"], "own": card["created_by"] == me,
                   "not_held": scorecard_decision.not_held(
                       desk, f"{card['name']}@{card['version']}")}
                  for card in desk.grading.library.pending()]
    return items


def load_version(item: dict):
    """The job behind a scorecard version on view: its text, the text of the version
    before it, and the version that grades until this one is decided."""
    def job(desk):
        desk.refresh()
        library = desk.grading.library
        card = library.get(item["id"])
        in_use = next((c["in_use"] for c in library.list() if c["name"] == card.name), None)
        previous = library.get(f"{card.name}@{card.version - 1}").source \
            if card.version > 1 else None
        return {"name": card.name, "version": card.version, "title": card.title,
                "kind": card.kind, "source": card.source, "previous": previous,
                "created_by": item["requested_by"], "created_at": item["requested_at"],
                "in_use": in_use}
    return job


def typed_amount(text: str) -> int | None:
    """The amount typed, in fen; None when it is not (yet) an amount. Only for showing what
    it would mean: core parses the same text again when deciding, and says what is wrong."""
    try:
        return parse_money(text) if text.strip() else None
    except InvalidValue:        # a half-typed amount is simply no amount yet
        return None


class ApprovalsPage(QWidget):
    """The queue (above), the item on view (below, scrolling) and the decision bar."""

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
        self._refusal: dict[str, str] = {}      # field -> core's refusal, until edited
        self.scorecard_dialog: ScorecardDialog | None = None

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
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        # the header and about three rows, at the least
        self.table.setMinimumHeight(4 * self.table.verticalHeader().defaultSectionSize() + 8)
        self.table.setAlternatingRowColors(True)
        self.table.currentCellChanged.connect(lambda *_: self._selection_changed())
        self.table.cellDoubleClicked.connect(lambda row, _col: self._open_row(row))

        # The queue above, the item below: the queue's columns need the full width, and
        # an assessment's factors and bars read best wide. The queue starts at about four
        # rows, so that on a 768-pixel screen most of the height goes to the item.
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self._detail_pane())
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([6 * self.table.verticalHeader().defaultSectionSize(), 600])
        self.splitter.setChildrenCollapsible(False)

        self.message = message_label(self)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self._decision_bar())
        layout.addWidget(self.message)
        runner.changed.connect(self._on_changed)
        self._show_item(None)
        self.refresh()

    def _detail_pane(self) -> QWidget:
        """The item's heading (always in sight), then its facts and breakdown, scrolling."""
        pane = QWidget(self)
        self.heading = QLabel(pane)
        self.heading.setObjectName("approval_heading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = QFont(self.heading.font())
        font.setBold(True)
        font.setPointSize(font.pointSize() + 2)
        self.heading.setFont(font)
        self.own_note = QLabel(pane)
        self.own_note.setObjectName("own_note")
        self.own_note.setWordWrap(True)
        self.own_note.setStyleSheet("color: #ef6c00;")

        body = QWidget()
        body.setObjectName("approval_body")
        self.empty = QLabel(self.tr("Nothing waits for a decision."), body)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.facts = DecisionFacts(body)
        self.assessment_view = AssessmentView(body)
        # The factor table as tall as its rows: the page scrolls, not a table inside it.
        keep_fitted(self.assessment_view.table)
        self.change_view = LimitChangeView(body)
        self.scorecard_view = ScorecardVersionView(body)
        self.views = (self.empty, self.assessment_view, self.change_view, self.scorecard_view)
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 6, 0)
        body_layout.addWidget(self.facts)
        for widget in self.views:
            body_layout.addWidget(widget)
        body_layout.addStretch(1)
        self.scroll = QScrollArea(pane)
        self.scroll.setObjectName("approval_scroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(body)

        layout = QVBoxLayout(pane)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.own_note)
        layout.addWidget(self.scroll, 1)
        return pane

    def _decision_bar(self) -> QWidget:
        """Approved limit and reason, each with its note below it, and the buttons."""
        bar = QFrame(self)
        bar.setObjectName("decision_bar")
        bar.setFrameShape(QFrame.Shape.StyledPanel)
        self.limit_caption = QLabel(self.tr("Approved limit (yuan):"), bar)
        self.limit_edit = QLineEdit(bar)
        self.limit_edit.setObjectName("approved_limit")
        self.limit_edit.setMaximumWidth(160)
        self.limit_edit.setToolTip(self.tr("Defaults to the recommended limit; type another "
                                           "amount to approve a different one."))
        self.limit_edit.textChanged.connect(lambda _t: self._typed("limit"))
        self.limit_caption.setBuddy(self.limit_edit)
        self.limit_note = QLabel(bar)
        self.limit_note.setObjectName("limit_note")
        self.limit_note.setWordWrap(True)
        self.reason_caption = QLabel(self.tr("Reason:"), bar)
        self.reason_edit = QLineEdit(bar)
        self.reason_edit.setObjectName("decision_reason")
        self.reason_edit.setMaxLength(500)
        self.reason_edit.setMinimumWidth(220)
        self.reason_edit.textChanged.connect(lambda _t: self._typed("reason"))
        self.reason_caption.setBuddy(self.reason_edit)
        self.reason_note = QLabel(bar)
        self.reason_note.setObjectName("reason_note")
        self.reason_note.setWordWrap(True)
        self.approve_button = QPushButton(self.tr("Approve"), bar)
        self.approve_button.setObjectName("approve_button")
        self.approve_button.clicked.connect(self.approve_current)
        self.reject_button = QPushButton(self.tr("Reject…"), bar)
        self.reject_button.setObjectName("reject_button")
        self.reject_button.setToolTip(self.tr("Return it to the assessor with a reason; they "
                                              "may assess the file again."))
        self.reject_button.clicked.connect(self.reject_current)
        self.open_button = QPushButton(self.tr("Open file"), bar)
        self.open_button.setObjectName("open_button")
        self.open_button.clicked.connect(lambda: self._open_row(self.table.currentRow()))
        buttons = QHBoxLayout()
        for button in (self.open_button, self.reject_button, self.approve_button):
            buttons.addWidget(button)

        grid = QGridLayout(bar)
        grid.setContentsMargins(8, 6, 8, 6)
        grid.setVerticalSpacing(2)
        grid.addWidget(self.limit_caption, 0, 0)
        grid.addWidget(self.limit_edit, 0, 1)
        grid.addWidget(self.reason_caption, 0, 2)
        grid.addWidget(self.reason_edit, 0, 3)
        grid.addLayout(buttons, 0, 4)
        grid.addWidget(self.limit_note, 1, 0, 1, 2)
        grid.addWidget(self.reason_note, 1, 2, 1, 2)
        grid.setColumnStretch(3, 1)
        grid.setColumnMinimumWidth(1, 160)
        return bar

    # -- the queue ------------------------------------------------------------------------
    def refresh(self) -> None:
        run_for(self, self._runner, load_queue, self._fill, self._load_failed)

    def _on_changed(self, changes) -> None:
        # a warning raised or closed changes the facts of the item on view
        if "grading" in changes or "warnings" in changes:
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
        if item["type"] == "scorecard":
            grade, limit = DASH, DASH
        elif assessment:
            grade = f"{item['grade']} · {item['score']:.1f}" if item.get("score") is not None \
                else item["grade"]
            limit = money(item["amount"])
        else:
            grade = item.get("grade") or DASH
            limit = f"{money(item.get('current_limit'))} → {money(item['amount'])}"
        kinds = {"assessment": self.tr("Assessment"), "limit_change": self.tr("Limit change"),
                 "scorecard": self.tr("Scorecard version")}
        name = self.tr("%1, version %2").replace("%1", item["name"]) \
            .replace("%2", str(item["version"])) if item["type"] == "scorecard" else item["name"]
        texts = (kinds.get(item["type"], self.tr("Limit change")),
                 item["code"] or DASH, name, grade, limit,
                 people.shown(item.get("requested_by")) or DASH,
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
            elif item["type"] == "scorecard":
                pass
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
        the message about the last decision and the limit and reason being typed."""
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

    def current_view(self) -> QWidget:
        """What the item area shows: the assessment, the limit change, or the empty note."""
        return next(widget for widget in self.views if not widget.isHidden())

    def _show_view(self, shown: QWidget) -> None:
        for widget in self.views:
            widget.setVisible(widget is shown)

    def _show_item(self, item: dict | None, other: bool = True) -> None:
        self.own_note.setVisible(bool(item and item["own"]))
        scorecard = bool(item) and item["type"] == "scorecard"
        self.own_note.setText(
            self.tr("You saved this scorecard version: another manager or administrator must "
                    "approve it (four-eyes rule).") if scorecard
            else self.tr("This is your own request: another reviewer or manager must decide "
                         "it (four-eyes rule)."))
        self.open_button.setText(self.tr("View text…") if scorecard else self.tr("Open file"))
        self.open_button.setToolTip(self.tr("The scorecard's whole text, read-only")
                                    if scorecard else "")
        assessment = bool(item) and item["type"] == "assessment"
        self.limit_caption.setVisible(assessment)
        self.limit_edit.setVisible(assessment)
        if other:
            self._refusal = {}
            self.reason_edit.clear()
        if item is None:
            self.heading.setText("")
            self.facts.hide()
            self._show_view(self.empty)
        elif scorecard:
            self.heading.setText(self.tr("Scorecard %1, version %2")
                                 .replace("%1", item["name"]).replace("%2", str(item["version"])))
            self.facts.hide()          # no customer: nothing owed, no warnings
            key = item_key(item)
            if other:
                self.scorecard_view.clear(self.tr("Loading…"))
            self._show_view(self.scorecard_view)
            run_for(self, self._runner, load_version(item),
                    lambda version: self._shown_key == key
                    and self.scorecard_view.show_version(version),
                    self._detail_failed)
        else:
            kind = (self.tr("Assessment #%1") if assessment else self.tr("Limit change #%1")) \
                .replace("%1", str(item["id"]))
            self.heading.setText(f"{item['code']}  {item['name']} — {kind}")
            key = item_key(item)
            self.facts.show()
            if other:
                self.facts.clear(self.tr("Loading…"))
            if assessment:
                if other:
                    self.limit_edit.setText(format_money(item["amount"], currency=""))
                    self.assessment_view.clear(self.tr("Loading…"))
                self._show_view(self.assessment_view)
                run_for(self, self._runner, lambda desk: desk.grading.get(item["id"]),
                        lambda full: self._shown_key == key
                        and self.assessment_view.show_assessment(full),
                        self._detail_failed)
            else:
                self.change_view.show_change(item)
                self._show_view(self.change_view)
            self.facts.set_proposed(self.proposed_limit())
            run_for(self, self._runner, load_facts(item["code"]),
                    lambda facts: self._shown_key == key and self.facts.show_facts(facts),
                    self._detail_failed)
        self._show_notes()
        self._update_buttons()

    def _detail_failed(self, error: Exception) -> None:
        show_message(self.message, str(error))

    def _update_buttons(self) -> None:
        item = self.current_item()
        decidable = bool(item) and not item["own"] and not self._busy
        for widget in (self.approve_button, self.reject_button, self.limit_edit,
                       self.reason_edit):
            widget.setEnabled(decidable)
        self.open_button.setEnabled(bool(item))

    def _open_row(self, row: int) -> None:
        if not 0 <= row < len(self.items):
            return
        item = self.items[row]
        if item["type"] == "scorecard":
            self.view_scorecard(item)
        else:
            self.open_customer.emit(item["code"])

    def view_scorecard(self, item: dict) -> None:
        """The version's whole text, read-only, in the scorecard window."""
        ref = item["id"]
        title = self.tr("%1 version %2 (read-only)").replace("%1", item["name"]) \
            .replace("%2", str(item["version"]))

        def show(source: str) -> None:
            if self.scorecard_dialog is not None:
                self.scorecard_dialog.deleteLater()
            self.scorecard_dialog = ScorecardDialog(self._runner, source, title, True, self)
            self.scorecard_dialog.open()
        run_for(self, self._runner, lambda desk: desk.grading.library.get(ref).source, show,
                self._detail_failed)

    # -- the limit and the reason ---------------------------------------------------------
    def proposed_limit(self) -> int | None:
        """The limit being decided, in fen: the amount typed for an assessment, the
        requested one for a limit change (None: nothing on view, or no amount yet)."""
        item = self.current_item()
        if item is None:
            return None
        if item["type"] == "assessment":
            return typed_amount(self.limit_edit.text())
        return item.get("amount")          # a scorecard version has none

    def reason_required(self) -> bool:
        """Approving an assessment above its recommendation needs a reason (core's rule:
        it refuses otherwise; the page says so before anyone presses Approve)."""
        item, limit = self.current_item(), self.proposed_limit()
        return bool(item) and item["type"] == "assessment" and limit is not None \
            and limit > item["amount"]

    def _typed(self, field: str) -> None:
        self._refusal.pop(field, None)       # the refusal spoke of what was there before
        if field == "limit":
            self.facts.set_proposed(self.proposed_limit())
        self._show_notes()

    def _show_notes(self) -> None:
        """Under the limit: core's refusal of it. Under the reason: its refusal, else whether
        a reason is needed and where it goes."""
        item = self.current_item()
        refused = self._refusal.get("limit")
        self.limit_note.setText(refused or "")
        self.limit_note.setStyleSheet(ERROR_STYLE)
        required = self.reason_required()
        if self._refusal.get("reason"):
            text, style = self._refusal["reason"], ERROR_STYLE
        elif item is None:
            text, style = "", NOTE_STYLE
        elif item["type"] != "assessment":
            text, style = self.tr("A reason is optional when approving and required when "
                                  "rejecting; it is kept with the decision."), NOTE_STYLE
        elif required:
            text = self.tr("Above the recommended limit of %1: a reason is required. It is "
                           "kept with the decision in the audit log.") \
                .replace("%1", money(item["amount"]))
            style = ABOVE_STYLE
        else:
            text = self.tr("Recommended limit: %1. A limit above it needs a reason.") \
                .replace("%1", money(item["amount"]))
            style = NOTE_STYLE
        self.reason_note.setText(text)
        self.reason_note.setStyleSheet(style)
        self.reason_edit.setPlaceholderText(
            self.tr("Required: why approve above the recommendation") if required
            else self.tr("Optional"))
        missing = bool(self._refusal.get("reason")) or \
            (required and not self.reason_edit.text().strip())
        self._mark(self.reason_edit, missing)
        self._mark(self.limit_edit, bool(refused))

    @staticmethod
    def _mark(edit: QLineEdit, invalid: bool) -> None:
        if bool(edit.property("invalid")) != invalid:
            edit.setProperty("invalid", invalid)
            edit.style().unpolish(edit)
            edit.style().polish(edit)

    def _refuse(self, field: str, text: str) -> None:
        """Show a refusal under the field it is about and put the cursor there."""
        self._refusal[field] = text
        self._show_notes()
        edit = self.reason_edit if field == "reason" else self.limit_edit
        edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- deciding -------------------------------------------------------------------------
    def confirm(self, title: str, text: str) -> bool:
        """Ask before a decision that cannot be taken back (tests answer for the user)."""
        answer = QMessageBox.question(self, title, text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def ask_reason(self, what: str) -> str | None:
        """The reason for a rejection, or None when the user cancels (tests answer here).
        The dialog starts from the reason typed in the bar, if any."""
        dialog = ReasonDialog(what, self, self.reason_edit.text().strip())
        return dialog.reason() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _describe(self, item: dict) -> str:
        """"assessment #91 of C000106 重庆…", for questions and messages."""
        if item["type"] == "scorecard":
            return self.tr("scorecard %1 version %2").replace("%1", item["name"]) \
                .replace("%2", str(item["version"]))
        text = self.tr("assessment #%1 of %2 %3") if item["type"] == "assessment" \
            else self.tr("limit change #%1 of %2 %3")
        return text.replace("%1", str(item["id"])).replace("%2", item["code"]) \
            .replace("%3", item["name"])

    def approve_current(self) -> None:
        item = self.current_item()
        if item is None or item["own"] or self._busy:
            return
        what = self._describe(item)
        reason = self.reason_edit.text().strip()
        if self.reason_required() and not reason:
            # core's own words, next to the field, before asking to confirm what core refuses
            self._refuse("reason", core_text("grading.reason_required"))
            return
        if item["type"] == "assessment":
            limit = self.limit_edit.text().strip()
            # The amount as the window writes money ("605,500.00"), not as it was typed
            # ("605500"); text core will refuse is quoted as it stands.
            typed = self.proposed_limit()
            shown = format_money(typed, currency="") if typed is not None \
                else limit or format_money(item["amount"], currency="")
            text = self.tr("Approve %1 with grade %2 and a credit limit of %3 yuan? An approved "
                           "assessment cannot be changed.").replace("%1", what) \
                .replace("%2", item["grade"]).replace("%3", shown)
            job = (lambda desk, i=item["id"], amount=limit:
                   desk.grading.approve(i, amount or None, reason))
        elif item["type"] == "scorecard":
            unusable = scorecard_decision.never_grades(item["id"], item.get("not_held"))
            if unusable:
                # A history file's own columns: approved, it still grades no one.
                text = self.tr("Approve %1?").replace("%1", what) + "\n\n" + unusable
            else:
                text = self.tr("Approve %1? From then on it grades %2 customers; assessments "
                               "already made keep the version they were made with.") \
                    .replace("%1", what).replace("%2", choice_label(item["kind"]))
            job = scorecard_decision.decide(item["id"], True, reason)
        else:
            text = self.tr("Approve %1: a new credit limit of %2?").replace("%1", what) \
                .replace("%2", money(item["amount"]))
            job = lambda desk, i=item["id"]: desk.grading.decide_limit(i, True, reason)  # noqa: E731
        if reason:
            text += "\n\n" + self.tr("Reason: %1").replace("%1", reason)
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
        elif item["type"] == "scorecard":
            job = scorecard_decision.decide(item["id"], False, reason)
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
            # why, next to the field it is about, and read the queue again; what was typed
            # stays for correcting.
            self._busy = False
            placed = {"limit", "reason"}
            if isinstance(error, ValidationError) and \
                    {e.field for e in error.errors} <= placed:
                for field_error in error.errors:
                    self._refuse(field_error.field, field_error.message)
            else:
                show_message(self.message, str(error))
            self._update_buttons()
            self.refresh()

        run_for(self, self._runner, job, done, failed)

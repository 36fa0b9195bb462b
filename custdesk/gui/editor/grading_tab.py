"""资信评级: one file's credit standing, its assessments and the controls to assess it.

Everything the tab shows comes from one job (standing, assessments, scorecards,
grade history and the assessment on view), so the parts never disagree. Deciding
(approve / reject) is not here: it belongs to the approval queue, where a second
person works. The tab refreshes itself on ``runner.changed`` for this file's
grading area and whenever it is shown (another user may have decided meanwhile).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton,
                               QSplitter, QTableWidget, QTableWidgetItem, QTabWidget,
                               QVBoxLayout, QWidget)

from ...core import i18n
from ...core.errors import CustdeskError, ValidationError
from ...core.grading.assessments import status_label
from .. import people
from ..grading.breakdown import AssessmentView, local_day, money
from ..grading.controls import AssessControls
from ..grading.history_chart import GradeHistoryChart
from ..grading.standing import CreditStrip, LimitDialog
from ..scrolling import scrolled
from .jobs import list_table, message_label, run_for, show_message

ID_ROLE = Qt.ItemDataRole.UserRole
OPEN = ("draft", "submitted")


def error_text(error: CustdeskError) -> str:
    """What went wrong, without core's field keys (limit, reason, answers): here each
    message is next to the one control it is about, so the message alone reads best."""
    if isinstance(error, ValidationError):
        sep = "；" if i18n.language() == "zh" else "; "
        return sep.join(e.message for e in error.errors)
    return str(error)


def load_grading(code: str, shown_id: int | None, who_am_i: bool):
    """The job behind a refresh: everything the tab shows, read in one go."""
    def job(desk):
        grading = desk.grading
        kind = desk.customers.kind_of(code)
        items = grading.list(code)
        ids = [a["id"] for a in items]
        open_item = next((a for a in items if a["status"] in OPEN), None)
        # The one on view: the one the user picked, else the open one, else the latest.
        fallback = open_item or (items[0] if items else {})
        chosen = shown_id if shown_id in ids else fallback.get("id")
        # The version of each scorecard that grades: a manager's new version awaits a
        # second manager first, and a name with no usable version is not offered. The
        # signed log is read first: a version saved in another session since is checked
        # against what its author signed.
        desk.refresh()
        cards = [grading.library.for_grading(f"{c['name']}@{c['in_use']}")
                 for c in grading.library.list() if c["kind"] == kind and c["in_use"]]
        draft_card = None
        if open_item and open_item["status"] == "draft":
            draft_card = grading.library.get(
                f"{open_item['scorecard_name']}@{open_item['scorecard_version']}")
        return {
            "code": code, "kind": kind, "items": items, "open": open_item,
            "shown": grading.get(chosen) if chosen else None,
            "draft": grading.get(open_item["id"]) if draft_card else None,
            "cards": cards, "draft_card": draft_card,
            "default": grading.library.default_name(kind) if cards else None,
            "credit": grading.credit(code), "history": grading.history(code),
            "me": (desk.user.name, desk.access.can("assessment.create")) if who_am_i else None,
        }
    return job


class GradingTab(QWidget):
    #: everything arrived from the database (tests and the editor wait on it)
    loaded = Signal()
    #: the file's credit standing (``desk.grading.credit``): the editor shows the hold marker
    credit_changed = Signal(dict)

    def __init__(self, runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("tab_grading")
        self.runner = runner
        self.code: str | None = None
        self.data: dict = {}
        self.me: str | None = None
        self.can_create = False
        self.shown_id: int | None = None   # the assessment the user picked in the list
        self._draft_loaded: int | None = None
        self._busy = False
        self.limit_dialog: LimitDialog | None = None

        self.strip = CreditStrip(self)
        self.strip.request_button.clicked.connect(self.request_limit)
        self.message = message_label(self, "grading_message")

        self.controls = AssessControls(self)
        self.controls.changed.connect(self._update_buttons)
        self.assess_button = QPushButton(self.tr("Assess"), self)
        self.assess_button.setToolTip(self.tr("Score the file now and keep the result as your "
                                              "draft (Ctrl+Enter)"))
        self.submit_button = QPushButton(self.tr("Submit for approval"), self)
        self.submit_button.setToolTip(self.tr("Send your draft to a reviewer (Ctrl+Shift+Enter)"))
        self.discard_button = QPushButton(self.tr("Discard draft"), self)
        self.assess_button.clicked.connect(self.assess)
        self.submit_button.clicked.connect(self.submit)
        self.discard_button.clicked.connect(self.discard)
        # No shortcut for discarding: it deletes the draft, so it takes a click and a yes.
        self.assess_action = self._action(self.tr("Assess"), "Ctrl+Return", self.assess)
        self.submit_action = self._action(self.tr("Submit for approval"), "Ctrl+Shift+Return",
                                          self.submit)
        # Submitting a draft with required inputs missing needs the assessor's reason; the
        # approver reads it beside the list of what is missing.
        self.missing_reason_edit = QLineEdit(self)
        self.missing_reason_edit.setObjectName("missing_reason")
        self.missing_reason_edit.setMaxLength(500)
        self.missing_reason_edit.setPlaceholderText(self.tr(
            "Why are inputs missing? (required to submit this draft)"))
        self.missing_reason_edit.textChanged.connect(lambda _t: self._update_buttons())
        self.missing_reason_edit.hide()
        # The buttons and the outcome of pressing them (the message line) stay in a bar
        # under the choices, which scroll on their own: a scorecard with many qualitative
        # factors must not push Assess below the window's edge, nor a message move them.
        buttons = QHBoxLayout()
        for button in (self.assess_button, self.submit_button, self.discard_button):
            buttons.addWidget(button)
        buttons.addWidget(self.message, 1)
        buttons.addStretch(0)         # takes the room while there is no message
        self.state_label = QLabel(self)
        self.state_label.setObjectName("grading_state")
        self.state_label.setWordWrap(True)
        self.state_label.setStyleSheet("color: #5b6b7c;")
        choices = QWidget(self)
        choices_layout = QVBoxLayout(choices)
        choices_layout.setContentsMargins(0, 0, 0, 0)
        choices_layout.addWidget(self.controls)
        choices_layout.addWidget(self.missing_reason_edit)
        choices_layout.addStretch(1)
        assess_page = QWidget(self)
        box_layout = QVBoxLayout(assess_page)
        box_layout.addWidget(scrolled(choices, "assess_choices"), 1)
        box_layout.addLayout(buttons)
        box_layout.addWidget(self.state_label)

        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("table_assessments")
        self.table.setHorizontalHeaderLabels([self.tr("No."), self.tr("Date"), self.tr("Status"),
                                              self.tr("Grade"), self.tr("Score")])
        list_table(self.table)
        self.table.itemSelectionChanged.connect(self._picked)
        self.chart = GradeHistoryChart(self)
        # The choices, the list and the chart take turns in one place: one above the other
        # they were taller than the room a 1366×768 laptop's window has for them.
        self.parts = QTabWidget(self)
        self.parts.setObjectName("grading_parts")
        self.parts.addTab(assess_page, self.tr("New assessment"))
        self.parts.addTab(self.table, self.tr("Assessments"))
        self.parts.addTab(self.chart, self.tr("Grade history"))
        self.view = AssessmentView(self)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.parts)
        split.addWidget(self.view)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.strip)
        layout.addWidget(split, 1)

        runner.changed.connect(self._on_changed)
        self._update_buttons()

    def _action(self, text: str, keys: str, slot) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda: slot())
        self.addAction(action)
        return action

    # -- loading --------------------------------------------------------------------------
    def set_code(self, code: str | None) -> None:
        if code != self.code:
            self.shown_id, self._draft_loaded, self.data = None, None, {}
        self.code = code
        self.refresh()

    def refresh(self) -> None:
        if self.code is None:
            return
        run_for(self, self.runner, load_grading(self.code, self.shown_id, self.me is None),
                self._show, self._failed)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.data:          # the first load is started by set_code
            self.refresh()

    def _on_changed(self, changes) -> None:
        if self.code is not None and changes.code == self.code and "grading" in changes:
            self.refresh()

    def _show(self, data: dict) -> None:
        if data["code"] != self.code:
            return
        if data["me"]:
            self.me, self.can_create = data["me"]
        self.data = data
        self.strip.show_credit(data["credit"])
        self.credit_changed.emit(data["credit"])
        self._fill_list(data["items"], data["shown"]["id"] if data["shown"] else None)
        if data["shown"]:
            self.view.show_assessment(data["shown"])
        else:
            self.view.clear(self.tr("No assessment yet."))
        self.chart.set_history(data["history"])
        own = self.own_draft()
        if own:
            self.controls.set_cards([data["draft_card"]])
            if self._draft_loaded != own["id"]:   # fill once: later refreshes keep the user's edits
                self.controls.load(data["draft"]["answers"], own["adjustment"],
                                   own["adjustment_reason"])
                self._draft_loaded = own["id"]
        else:
            self.controls.set_cards(data["cards"], data["default"])
            self._draft_loaded = None
        self.controls.lock_card(own is not None)
        self._update_buttons()
        self.loaded.emit()

    def _fill_list(self, items: list[dict], shown_id: int | None) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(len(items))
        for row, item in enumerate(items):
            date = local_day(item.get("decided_at") or item.get("submitted_at")
                             or item.get("created_at"))
            score = f"{item['score']:.1f}" if item.get("score") is not None else ""
            for column, text in enumerate((f"#{item['id']}", date, status_label(item["status"]),
                                           item.get("grade") or "", score)):
                cell = QTableWidgetItem(text)
                cell.setData(ID_ROLE, item["id"])
                self.table.setItem(row, column, cell)
            if item["id"] == shown_id:
                self.table.selectRow(row)
        self.table.blockSignals(False)

    def _picked(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        picked = self.table.item(rows[0].row(), 0).data(ID_ROLE)
        if self.view.item and self.view.item["id"] == picked:
            return
        self.shown_id = picked
        code = self.code

        def shown(item: dict) -> None:
            if code == self.code and self.shown_id == item["id"]:
                self.view.show_assessment(item)
        run_for(self, self.runner, lambda desk: desk.grading.get(picked), shown, self._failed)

    def _failed(self, error: CustdeskError) -> None:
        show_message(self.message, error_text(error))

    # -- state ----------------------------------------------------------------------------
    def open_item(self) -> dict | None:
        return self.data.get("open")

    def missing_required(self) -> list[str]:
        """Labels of the required inputs the own draft was scored without."""
        draft = self.data.get("draft") if self.own_draft() else None
        return [m["label"] for m in (draft or {}).get("missing", []) if m["required"]]

    def own_draft(self) -> dict | None:
        item = self.open_item()
        return item if item and item["status"] == "draft" and item["assessor"] == self.me else None

    def _update_buttons(self) -> None:
        loaded = bool(self.data)
        open_item, own = self.open_item(), self.own_draft()
        may = loaded and self.can_create and not self._busy
        may_assess = open_item is None or own is not None
        self.controls.setEnabled(loaded and self.can_create and may_assess)
        self.assess_button.setEnabled(may and may_assess and self.controls.ready()
                                      and bool(self.controls.cards))
        needs_reason = bool(self.missing_required())
        self.missing_reason_edit.setVisible(needs_reason)
        self.submit_button.setEnabled(may and own is not None and (
            not needs_reason or bool(self.missing_reason_edit.text().strip())))
        self.discard_button.setEnabled(may and own is not None)
        graded = loaded and self.data["credit"].get("grade") is not None
        self.strip.request_button.setEnabled(may and graded)
        self.assess_action.setEnabled(self.assess_button.isEnabled())
        self.submit_action.setEnabled(self.submit_button.isEnabled())
        self.state_label.setText(self._state_text(open_item, own) if loaded else "")

    def _state_text(self, open_item: dict | None, own: dict | None) -> str:
        """Why the buttons are as they are, in a line (a disabled button says nothing)."""
        if not self.can_create:
            return self.tr("Your role may view assessments but not make them.")
        if own and self.missing_required():
            return self.tr("Your draft #{id} was scored without: {missing}. Each scores its "
                           "worst bin; give the reason above to submit it.").format(
                id=own["id"], missing="、".join(self.missing_required()))
        if own:
            return self.tr("Your draft #{id}: Assess scores it again with these choices; "
                           "submit it when it is right.").format(id=own["id"])
        if open_item:
            return self.tr("Assessment #{id} by {user} is {status}: a new one can be made once "
                           "it is decided or discarded.").format(
                id=open_item["id"], user=people.shown(open_item["assessor"]),
                status=status_label(open_item["status"]))
        if not self.controls.cards:
            return self.tr("There is no scorecard for this kind of customer.")
        return self.tr("Assess scores the file as it is now and keeps the result as a draft.")

    # -- actions --------------------------------------------------------------------------
    def _run(self, job, done_text: str) -> bool:
        """Run a grading change; the refresh comes with its Changes."""
        if self._busy or self.code is None:
            return False
        self._busy = True
        # Show whatever is open once the change lands (the new draft, the submitted one).
        self.shown_id = None
        show_message(self.message, "")
        self._update_buttons()

        def done(_changes) -> None:
            self._busy = False
            show_message(self.message, done_text, error=False)
            self._update_buttons()

        def failed(error: CustdeskError) -> None:
            self._busy = False
            self._failed(error)
            self._update_buttons()
        run_for(self, self.runner, job, done, failed)
        return True

    def assess(self) -> bool:
        """Score the file: a new draft, or the own draft again with the current choices."""
        if not self.assess_button.isEnabled():
            return False
        code, own = self.code, self.own_draft()
        answers, adjust, reason = (self.controls.answers(), self.controls.adjustment(),
                                   self.controls.reason())
        if own:
            draft_id = own["id"]
            return self._run(lambda desk: desk.grading.revise(
                draft_id, answers=answers, adjust=adjust, reason=reason),
                self.tr("Draft #{id} scored again.").format(id=draft_id))
        card = self.controls.scorecard_ref()
        return self._run(lambda desk: desk.grading.assess(
            code, scorecard=card, answers=answers, adjust=adjust, reason=reason),
            self.tr("Assessed: the result is kept as your draft."))

    def submit(self) -> bool:
        own = self.own_draft()
        if not self.submit_button.isEnabled() or own is None:
            return False
        draft_id = own["id"]
        reason = self.missing_reason_edit.text().strip() if self.missing_required() else ""
        self.missing_reason_edit.clear()
        return self._run(lambda desk: desk.grading.submit(draft_id, reason),
                         self.tr("Assessment #{id} submitted for approval.").format(id=draft_id))

    def discard(self) -> bool:
        own = self.own_draft()
        if not self.discard_button.isEnabled() or own is None:
            return False
        answer = QMessageBox.question(
            self, self.tr("Discard draft"),
            self.tr("Discard draft assessment #{id}? This cannot be undone.").format(id=own["id"]),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        draft_id = own["id"]
        self._draft_loaded = None
        return self._run(lambda desk: desk.grading.discard(draft_id),
                         self.tr("Draft #{id} discarded.").format(id=draft_id))

    def request_limit(self) -> LimitDialog | None:
        """Ask for a new limit with a reason; another person decides it in the approval queue."""
        if not self.strip.request_button.isEnabled():
            return None
        dialog = LimitDialog(money(self.data["credit"].get("credit_limit")), self)
        code = self.code

        def send(limit: str, reason: str) -> None:
            def done(_changes) -> None:
                dialog.accept()
                show_message(self.message, self.tr("Limit change requested: a reviewer decides "
                                                   "it."), error=False)
            run_for(dialog, self.runner,
                    lambda desk: desk.grading.request_limit(code, limit, reason),
                    done, lambda error: dialog.show_error(error_text(error)))
        dialog.submitted.connect(send)
        dialog.finished.connect(dialog.deleteLater)
        self.limit_dialog = dialog
        dialog.open()
        return dialog

"""复审与预警: one file's next review and its cycle, the review actions, the review history
and the file's warnings.

Everything comes from one job (``reviews.state``, ``reviews.events``, the file's warnings
and what the user may do), so the parts agree. 复审完成 needs the review.complete
permission (reviewers, managers, administrators); 推迟 is open to whoever edits files or
completes reviews, up to the policy's number of times, then only to managers; a file's
own cycle is a manager's. Core checks each of these again and its refusals are shown
as they come. The tab reads again on changes to this file's customers, grading or
warnings areas, on a settings change (the policy moves every date), and when shown.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from ...core.errors import CustdeskError
from ...core.grading.scale import risk_label
from ...core.i18n import tr as core_text   # named apart from tr(): lupdate reads only Qt strings
from ...core.reviews import reason_label
from ...core.warnings import rule_label, severity_label, status_label
from .. import people
from ..grading.approval_detail import local_time
from ..grading.standing import HOLD_STYLE
from ..warning_dialog import SEVERITY_COLOURS, WarningDialog, item_facts_text, severity_chip
from .grading_tab import error_text
from .jobs import list_table, message_label, run_for, show_message
from .review_dialogs import CycleDialog, DoneDialog, SnoozeDialog

OVERDUE_STYLE = "color: #d32f2f; font-weight: bold;"
CLOSED_COLOUR = QColor("#8a96a3")


def load_reviews(code: str):
    """The job behind a refresh: the file's review standing, history and warnings."""
    def job(desk):
        can = desk.access.can
        return {"code": code, "state": desk.reviews.state(code),
                "events": desk.reviews.events(code), "warnings": desk.warnings.list(code=code),
                "policy": desk.reviews.policy(),
                "may": {"done": can("review.complete"),
                        "snooze": can("customer.edit") or can("review.complete"),
                        "manager": can("settings.manage")}}
    return job


class ReviewsTab(QWidget):
    #: everything arrived from the database (tests wait on it)
    loaded = Signal()

    def __init__(self, runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("tab_reviews")
        self.runner = runner
        self.code: str | None = None
        self.data: dict = {}
        self._busy = False
        self.dialog = None                       # the review dialog open, if any
        self.warning_dialog: WarningDialog | None = None
        self._wanted_warning: int | None = None      # to select once the warnings are read

        review_box = QGroupBox(self.tr("Review"), self)
        self.values: dict[str, QLabel] = {}
        for key in ("due", "cycle", "snoozes"):
            value = QLabel(self)
            value.setObjectName(f"review_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
        self.values["due"].setWordWrap(False)
        self.overdue_label = QLabel(self)
        self.overdue_label.setObjectName("review_overdue")
        self.overdue_label.setStyleSheet(OVERDUE_STYLE)
        self.hold_label = QLabel(core_text("hold.label"), self)
        self.hold_label.setObjectName("review_hold")
        self.hold_label.setStyleSheet(HOLD_STYLE)
        due_row = QHBoxLayout()
        due_row.addWidget(self.values["due"])
        due_row.addWidget(self.overdue_label)
        due_row.addWidget(self.hold_label)
        due_row.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Next review:"), due_row)
        form.addRow(self.tr("Cycle:"), self.values["cycle"])
        form.addRow(self.tr("Put off:"), self.values["snoozes"])

        self.done_button = QPushButton(self.tr("Review done…"), self)
        self.done_button.setToolTip(self.tr("Reviewed, no change: write what you checked; the "
                                            "next cycle starts today"))
        self.snooze_button = QPushButton(self.tr("Put off…"), self)
        self.snooze_button.setToolTip(self.tr("Move the due date later, with a reason"))
        self.cycle_button = QPushButton(self.tr("Set own cycle…"), self)
        self.cycle_button.setToolTip(self.tr("Give this file a review cycle of its own "
                                             "(managers)"))
        self.done_button.clicked.connect(self.review_done)
        self.snooze_button.clicked.connect(self.put_off)
        self.cycle_button.clicked.connect(self.set_cycle)
        buttons = QHBoxLayout()
        for button in (self.done_button, self.snooze_button, self.cycle_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.state_label = QLabel(self)
        self.state_label.setObjectName("reviews_state")
        self.state_label.setWordWrap(True)
        self.state_label.setStyleSheet("color: #5b6b7c;")
        box_layout = QVBoxLayout(review_box)
        box_layout.addLayout(form)
        box_layout.addLayout(buttons)
        box_layout.addWidget(self.state_label)
        self.message = message_label(self, "reviews_message")

        self.events_table = list_table(QTableWidget(0, 6, self))
        self.events_table.setObjectName("table_review_events")
        self.events_table.setHorizontalHeaderLabels([
            self.tr("When"), self.tr("Event"), self.tr("Due before"), self.tr("Due after"),
            self.tr("By"), self.tr("Note")])
        events_box = QGroupBox(self.tr("Review history"), self)
        QVBoxLayout(events_box).addWidget(self.events_table)

        self.warnings_table = list_table(QTableWidget(0, 6, self))
        self.warnings_table.setObjectName("table_file_warnings")
        self.warnings_table.setHorizontalHeaderLabels([
            self.tr("Severity"), self.tr("Warning"), self.tr("Facts"), self.tr("Status"),
            self.tr("Raised on"), self.tr("Closing note")])
        header = self.warnings_table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)     # the facts
        self.warnings_table.cellDoubleClicked.connect(lambda row, _col: self.handle_warning(row))
        self.warnings_table.currentCellChanged.connect(lambda *_: self._update_buttons())
        self.handle_button = QPushButton(self.tr("Handle warning…"), self)
        self.handle_button.clicked.connect(lambda: self.handle_warning())
        self.warnings_box = QGroupBox(self.tr("Warnings"), self)
        warnings_layout = QVBoxLayout(self.warnings_box)
        warnings_layout.addWidget(self.warnings_table, 1)
        handle_row = QHBoxLayout()
        handle_row.addStretch(1)
        handle_row.addWidget(self.handle_button)
        warnings_layout.addLayout(handle_row)

        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(events_box)
        split.addWidget(self.warnings_box)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(review_box)
        layout.addWidget(self.message)
        layout.addWidget(split, 1)
        runner.changed.connect(self._on_changed)
        self._show_state(None)
        self._update_buttons()

    # -- loading --------------------------------------------------------------------------
    def set_code(self, code: str | None) -> None:
        if code != self.code:
            self.data = {}
        self.code = code
        self.refresh()

    def refresh(self) -> None:
        if self.code is not None:
            run_for(self, self.runner, load_reviews(self.code), self._show, self._failed)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.data:          # the first load is started by set_code
            self.refresh()

    def _on_changed(self, changes) -> None:
        if self.code is None:
            return
        if "settings" in changes or (changes.code == self.code and {
                "customers", "grading", "warnings"} & set(changes.areas)):
            self.refresh()

    def _failed(self, error: CustdeskError) -> None:
        show_message(self.message, error_text(error))

    def _show(self, data: dict) -> None:
        if data["code"] != self.code:
            return
        self.data = data
        self._show_state(data["state"])
        self._fill_events(data["events"])
        self._fill_warnings(data["warnings"])
        if self._wanted_warning is not None:
            self.select_warning(self._wanted_warning)
        self._update_buttons()
        self.loaded.emit()

    def _show_state(self, state: dict | None) -> None:
        if state is None:
            for value in self.values.values():
                value.setText("—")
            self.overdue_label.hide()
            self.hold_label.hide()
            return
        self.values["due"].setText(f"{state['due_date']} · {reason_label(state['reason'])}")
        overdue = state["overdue_days"]
        self.overdue_label.setText(self.tr("%1 days overdue").replace("%1", str(overdue)))
        self.overdue_label.setVisible(overdue > 0)
        self.hold_label.setVisible(bool(state["hold"]))
        self.hold_label.setToolTip(core_text("hold.review_overdue",
                                               days=self.data["policy"].hold_days))
        months = self.tr("%1 months")
        if state["grade"] is None:
            cycle = self.tr("Not graded yet: first grading within %1 days of opening the file") \
                .replace("%1", str(self.data["policy"].unrated_days))
        elif state["own_cycle"]:
            cycle = self.tr("%1, this file's own (%2)").replace(
                "%1", months.replace("%1", str(state["own_cycle"]))) \
                .replace("%2", state["cycle_reason"] or "—")
        else:
            cycle = self.tr("%1, by risk level (%2)").replace(
                "%1", months.replace("%1", str(state["risk_cycle"]))) \
                .replace("%2", risk_label(state["risk_level"]))
        self.values["cycle"].setText(cycle)
        snoozed = self.tr("%1 of %2 times").replace("%1", str(state["snoozes"])) \
            .replace("%2", str(state["snooze_limit"]))
        if state["snoozed_until"]:
            snoozed += self.tr(" (until %1)").replace("%1", state["snoozed_until"])
        self.values["snoozes"].setText(snoozed)

    def event_label(self, event: str) -> str:
        return {"done": self.tr("Review done"), "assessment": self.tr("Assessment approved"),
                "snooze": self.tr("Put off"), "trigger": self.tr("Brought forward by a warning"),
                "cycle": self.tr("Cycle changed")}.get(event, event)

    def _fill_events(self, events: list[dict]) -> None:
        newest_first = list(reversed(events))
        self.events_table.setRowCount(len(newest_first))
        for row, event in enumerate(newest_first):
            for column, text in enumerate((local_time(event.get("at")),
                                           self.event_label(event["event"]),
                                           event.get("due_before") or "—",
                                           event.get("due_after") or "—",
                                           people.shown(event.get("by_user")) or "—",
                                           event.get("note") or "")):
                self.events_table.setItem(row, column, QTableWidgetItem(text))

    def _fill_warnings(self, warnings: list[dict]) -> None:
        keep = self.current_warning()
        table = self.warnings_table
        table.blockSignals(True)
        table.setRowCount(len(warnings))
        for row, item in enumerate(warnings):
            facts = item_facts_text(item)
            cells = [QTableWidgetItem(text) for text in (
                severity_label(item["severity"]), rule_label(item["rule"]), facts,
                status_label(item["status"]), item.get("raised_on") or "",
                item.get("close_note") or "")]
            cells[0].setIcon(severity_chip(item["severity"]))
            cells[2].setToolTip(facts)
            closed = item["status"] == "closed"
            for column, cell in enumerate(cells):
                if closed:
                    cell.setForeground(CLOSED_COLOUR)
                elif column == 0:
                    cell.setForeground(QColor(SEVERITY_COLOURS.get(item["severity"], "#1d2733")))
                table.setItem(row, column, cell)
        ids = [w["id"] for w in warnings]
        table.setCurrentCell(ids.index(keep["id"]) if keep and keep["id"] in ids else -1, 0)
        table.blockSignals(False)
        open_count = sum(w["status"] != "closed" for w in warnings)
        self.warnings_box.setTitle(self.tr("Warnings (open: %1, all: %2)")
                                   .replace("%1", str(open_count))
                                   .replace("%2", str(len(warnings))))

    def select_warning(self, warning_id: int) -> bool:
        """Make that warning the current row; before the tab has read the file's warnings,
        as soon as it has. Whether it is selected now."""
        ids = [w["id"] for w in self.data.get("warnings") or []]
        if self.data.get("code") != self.code or warning_id not in ids:
            self._wanted_warning = warning_id
            return False
        self._wanted_warning = None
        row = ids.index(warning_id)
        self.warnings_table.setCurrentCell(row, 0)
        self.warnings_table.scrollToItem(self.warnings_table.item(row, 0))
        return True

    def current_warning(self) -> dict | None:
        row = self.warnings_table.currentRow()
        rows = self.data.get("warnings") or []
        return rows[row] if 0 <= row < len(rows) and row < self.warnings_table.rowCount() else None

    # -- state ----------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        may = self.data.get("may") or {}
        state = self.data.get("state")
        ready = bool(state) and not self._busy
        limit_reached = bool(state) and state["snoozes"] >= state["snooze_limit"]
        self.done_button.setEnabled(ready and may.get("done", False))
        self.snooze_button.setEnabled(ready and may.get("snooze", False)
                                      and (not limit_reached or may.get("manager", False)))
        self.cycle_button.setVisible(may.get("manager", False))
        self.cycle_button.setEnabled(ready and may.get("manager", False))
        self.handle_button.setEnabled(self.current_warning() is not None)
        self._state_line(may, state, limit_reached)
        self.state_label.setVisible(bool(self.state_label.text()))

    def _state_line(self, may: dict, state: dict | None, limit_reached: bool) -> None:
        """Why the buttons are as they are, in a line (a disabled button says nothing)."""
        if not state:
            self.state_label.setText("")
        elif not may.get("done") and not may.get("snooze"):
            self.state_label.setText(self.tr("Your role may view reviews but not complete or "
                                             "put them off."))
        elif limit_reached and not may.get("manager"):
            self.state_label.setText(self.tr("Put off %1 times already: only a manager may put "
                                             "it off again.").replace("%1", str(state["snoozes"])))
        elif not may.get("done"):
            self.state_label.setText(self.tr("A reviewer or manager marks a review done; you "
                                             "may put it off with a reason."))
        else:
            self.state_label.setText("")

    # -- actions --------------------------------------------------------------------------
    def _open_dialog(self, dialog, job_for, done_text: str) -> None:
        """Show ``dialog``; on OK run ``job_for(values)``; refusals go back to the dialog."""
        if self.dialog is not None:
            self.dialog.deleteLater()

        def send(values: dict) -> None:
            self._busy = True
            self._update_buttons()

            def done(_changes) -> None:
                self._busy = False
                dialog.accept()
                show_message(self.message, done_text, error=False)
                self._update_buttons()

            def refused(error: CustdeskError) -> None:
                self._busy = False
                dialog.show_error(error_text(error))
                self._update_buttons()
            run_for(dialog, self.runner, job_for(values), done, refused)

        dialog.submitted.connect(send)
        self.dialog = dialog
        dialog.open()

    def review_done(self) -> DoneDialog | None:
        if not self.done_button.isEnabled():
            return None
        code = self.code
        dialog = DoneDialog(self.data["state"]["due_date"], self)
        self._open_dialog(dialog, lambda v: lambda desk: desk.reviews.done(code, v["text"]),
                          self.tr("Review recorded: the next cycle starts today."))
        return dialog

    def put_off(self) -> SnoozeDialog | None:
        if not self.snooze_button.isEnabled():
            return None
        code, state = self.code, self.data["state"]
        dialog = SnoozeDialog(state["due_date"], state["latest_snooze"], state["snoozes"],
                              state["snooze_limit"], self)
        self._open_dialog(dialog, lambda v: lambda desk: desk.reviews.snooze(
            code, v["until"], v["text"]), self.tr("Review put off."))
        return dialog

    def set_cycle(self) -> CycleDialog | None:
        if not self.cycle_button.isEnabled():
            return None
        code, state = self.code, self.data["state"]
        dialog = CycleDialog(state["own_cycle"], state["risk_cycle"], self)
        self._open_dialog(dialog, lambda v: lambda desk: desk.reviews.set_cycle(
            code, v["months"], v["text"]), self.tr("Review cycle changed."))
        return dialog

    def handle_warning(self, row: int | None = None) -> WarningDialog | None:
        row = self.warnings_table.currentRow() if row is None else row
        rows = self.data.get("warnings") or []
        if not 0 <= row < len(rows):
            return None
        if self.warning_dialog is not None:
            self.warning_dialog.close()
            self.warning_dialog.deleteLater()
        self.warning_dialog = WarningDialog(self.runner, rows[row], self)
        self.warning_dialog.open()
        return self.warning_dialog

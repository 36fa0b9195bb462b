"""预警处置: one warning with its facts and handling history, and the three ways to handle it.

Opened from the home page (今日) and from a customer file's 复审与预警 tab. The dialog
reads the warning afresh on the runner (someone may have handled it meanwhile), and
every handling is core's ``warnings.handle``: a note is required to record an action or
to close, and core says so when it is missing. Closed warnings are shown, not handled.
"""

from __future__ import annotations

import datetime

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (QDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
                               QPlainTextEdit, QPushButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from ..core import clock
from ..core.errors import CustdeskError
from ..core.i18n import tr as core_text   # named apart from tr(): lupdate reads only Qt strings
from ..core.warnings import (item_facts_text, lowered, note_text, rule_label, severity_label,
                             status_label)
from . import people
from .editor.grading_tab import error_text
from .editor.jobs import list_table, message_label, run_for, show_message
from .grading.approval_detail import local_time

SEVERITY_COLOURS = {"red": "#d32f2f", "orange": "#ef6c00", "yellow": "#f9a825"}
STATUS_COLOURS = {"open": "#d32f2f", "acknowledged": "#ef6c00", "actioned": "#2f6fa8",
                  "closed": "#8a96a3"}
_chips: dict[str, QIcon] = {}


def severity_chip(severity: str) -> QIcon:
    """A small rounded square in the severity's colour (red, orange, yellow)."""
    if severity not in _chips:
        pixmap = QPixmap(14, 14)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(SEVERITY_COLOURS.get(severity, "#8a96a3")))
        painter.drawRoundedRect(QRectF(1, 1, 12, 12), 3, 3)
        painter.end()
        _chips[severity] = QIcon(pixmap)
    return _chips[severity]


def load_warning(warning_id: int, code: str):
    """The job behind the dialog: the warning as the user may see it, its history, and
    whether the user may handle warnings (``None`` for the warning when it is gone)."""
    def job(desk):
        can = desk.access.can
        found = next((w for w in desk.warnings.list(code=code) if w["id"] == warning_id), None)
        return {"warning": found,
                "actions": desk.warnings.actions(warning_id) if found else [],
                "may_handle": can("customer.edit") or can("review.complete")}
    return job


class WarningDialog(QDialog):
    """One warning: what, how bad, since when, what was done; handle it with a note."""

    #: a handling was stored: (code, action)
    handled = Signal(str, str)
    #: the user asked to open the customer's file
    open_customer = Signal(str)
    #: the warning on view is the newest read (tests wait on it)
    loaded = Signal()

    def __init__(self, runner, warning: dict, parent: QWidget | None = None,
                 can_open_file: bool = False):
        super().__init__(parent)
        self.setObjectName("warning_dialog")
        self.setWindowTitle(self.tr("Warning #%1").replace("%1", str(warning["id"])))
        self.runner = runner
        self.warning = warning
        self.may_handle = False
        self._busy = False
        self._loaded = False

        self.heading = QLabel(self)
        self.heading.setObjectName("warning_heading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = QFont(self.heading.font())
        font.setBold(True)
        font.setPointSize(font.pointSize() + 2)
        self.heading.setFont(font)
        self.values: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, caption in (("severity", self.tr("Severity:")), ("status", self.tr("Status:")),
                             ("raised", self.tr("Raised:")), ("facts", self.tr("Facts:")),
                             ("closed", self.tr("Closed:"))):
            value = QLabel(self)
            value.setObjectName(f"warning_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(caption, value)
            self.values[key] = value
        self.closed_caption = form.labelForField(self.values["closed"])

        self.actions_table = list_table(QTableWidget(0, 4, self))
        self.actions_table.setObjectName("warning_actions")
        self.actions_table.setHorizontalHeaderLabels([self.tr("When"), self.tr("Handling"),
                                                      self.tr("By"), self.tr("Note")])
        self.actions_table.setMinimumHeight(110)
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("warning_note")
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(self.tr("What was found or done. Optional to acknowledge; "
                                             "required to record an action or to close."))
        self.note.setMaximumHeight(90)
        self.message = message_label(self, "warning_message")

        # The three handlings sit with the note they store, apart from the buttons that only
        # leave the dialog: "close the warning" is never a way out of the window.
        self.acknowledge_button = QPushButton(self.tr("Mark as seen"), self)
        self.acknowledge_button.setToolTip(self.tr("Mark the warning as seen; it stays open."))
        self.action_button = QPushButton(self.tr("Record action"), self)
        self.action_button.setToolTip(self.tr("Write down what was done (a note is required); "
                                              "the warning stays open."))
        self.close_button = QPushButton(self.tr("Close the warning"), self)
        self.close_button.setToolTip(self.tr("The matter is settled (a note is required). The "
                                             "same episode is not raised again."))
        for button, action in ((self.acknowledge_button, "acknowledge"),
                               (self.action_button, "action"), (self.close_button, "close")):
            button.setAutoDefault(False)       # Enter must not handle a warning by accident
            button.clicked.connect(lambda _checked=False, a=action: self.handle(a))
        self.open_button = QPushButton(self.tr("Open file"), self)
        self.open_button.clicked.connect(lambda: self.open_customer.emit(self.warning["code"]))
        self.open_button.setVisible(can_open_file)
        self.open_button.setAutoDefault(False)
        # Leaving changes nothing, so it is the default (Enter) button.
        self.back_button = QPushButton(self.tr("Back"), self)
        self.back_button.setObjectName("warning_back")
        self.back_button.setToolTip(self.tr("Close this window; the warning stays as it is."))
        self.back_button.setDefault(True)
        self.back_button.clicked.connect(self.accept)
        handling = QGroupBox(self.tr("Handle this warning"), self)
        handling.setObjectName("warning_handling")
        handle_buttons = QHBoxLayout()
        for button in (self.acknowledge_button, self.action_button, self.close_button):
            handle_buttons.addWidget(button)
        handle_buttons.addStretch(1)
        handling_layout = QVBoxLayout(handling)
        handling_layout.addWidget(QLabel(self.tr("Note"), handling))
        handling_layout.addWidget(self.note)
        handling_layout.addLayout(handle_buttons)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.back_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Handling history"), self))
        layout.addWidget(self.actions_table, 1)
        layout.addWidget(handling)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(640, 520)
        self._show(warning, [])
        self.refresh()

    # -- reading --------------------------------------------------------------------------
    def refresh(self) -> None:
        run_for(self, self.runner, load_warning(self.warning["id"], self.warning["code"]),
                self._loaded_data, self._failed)

    def _loaded_data(self, data: dict) -> None:
        self.may_handle = data["may_handle"]
        self._loaded = True
        if data["warning"] is None:
            show_message(self.message, self.tr("This warning is no longer in your view."))
            self.warning = {**self.warning, "status": "closed"}
        else:
            self._show(data["warning"], data["actions"])
        self._update_buttons()
        self.loaded.emit()

    def _failed(self, error: CustdeskError) -> None:
        show_message(self.message, error_text(error))
        self._busy = False
        self._update_buttons()

    def _show(self, warning: dict, actions: list[dict]) -> None:
        self.warning = warning
        self.heading.setText(f"{warning['code']}  {warning['name']} — "
                             f"{rule_label(warning['rule'])}")
        colour = SEVERITY_COLOURS.get(warning["severity"], "")
        self.values["severity"].setText(severity_label(warning["severity"]))
        self.values["severity"].setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.values["status"].setText(status_label(warning["status"]))
        self.values["status"].setStyleSheet(f"color: {STATUS_COLOURS.get(warning['status'], '')};")
        raised = warning.get("raised_on") or ""
        days = self._days_since(raised)
        if days is None:
            self.values["raised"].setText(raised)
        elif days == 0:
            self.values["raised"].setText(self.tr("%1 (today)").replace("%1", raised))
        elif days == 1:
            self.values["raised"].setText(self.tr("%1 (yesterday)").replace("%1", raised))
        else:
            self.values["raised"].setText(self.tr("%1 (%2 days ago)").replace("%1", raised)
                                          .replace("%2", str(days)))
        self.values["facts"].setText(item_facts_text(warning))
        closed = warning["status"] == "closed" and warning.get("closed_at")
        self.values["closed"].setText(
            self.tr("%1 by %2: %3").replace("%1", local_time(warning.get("closed_at")))
            .replace("%2", warning.get("closed_by") or "—")
            .replace("%3", warning.get("close_note") or "") if closed else "")
        self.values["closed"].setVisible(bool(closed))
        if self.closed_caption is not None:
            self.closed_caption.setVisible(bool(closed))
        self.actions_table.setRowCount(len(actions))
        for row, action in enumerate(actions):
            for column, text in enumerate((local_time(action.get("at")),
                                           self.action_label(action),
                                           people.shown(action.get("by_user")) or "—",
                                           self._note_text(action))):
                self.actions_table.setItem(row, column, QTableWidgetItem(text))

    @staticmethod
    def _days_since(day: str) -> int | None:
        try:
            return (clock.today() - datetime.date.fromisoformat(day)).days
        except ValueError:
            return None

    def action_label(self, action: dict) -> str:
        if lowered(action):           # the program lowered it: its cause eased
            return core_text("waction.lowered")
        return {"acknowledge": self.tr("Acknowledged"), "action": self.tr("Action taken"),
                "close": self.tr("Closed"), "escalate": self.tr("Escalated")
                }.get(action["action"], action["action"])

    @staticmethod
    def _note_text(action: dict) -> str:
        """The program's own notes ("yellow → orange", closed as resolved) in the reader's
        language, a person's as typed."""
        return note_text(action.get("by_user"), action["action"], action.get("note"))

    # -- handling -------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        may = self._loaded and self.may_handle and not self._busy \
            and self.warning.get("status") != "closed"
        for button in (self.acknowledge_button, self.action_button, self.close_button):
            button.setEnabled(may)
        self.note.setReadOnly(not may)
        if self._loaded and not self.may_handle:
            self.note.setPlaceholderText(self.tr("Your role may view warnings but not handle "
                                                 "them."))

    def handle(self, action: str) -> bool:
        """Store ``action`` ("acknowledge", "action", "close") with the note typed."""
        if self._busy or not self.may_handle or self.warning.get("status") == "closed":
            return False
        warning_id, code = self.warning["id"], self.warning["code"]
        note = self.note.toPlainText().strip()
        done_text = {"acknowledge": self.tr("Acknowledged."),
                     "action": self.tr("Action recorded."),
                     "close": self.tr("Warning closed.")}[action]
        self._busy = True
        show_message(self.message, "")
        self._update_buttons()

        def done(_changes) -> None:
            self._busy = False
            self.note.clear()
            show_message(self.message, done_text, error=False)
            self.handled.emit(code, action)
            self.refresh()

        def refused(error: CustdeskError) -> None:
            # No note, or handled (closed) meanwhile by someone else: say why, read it again.
            self._failed(error)
            self.refresh()

        run_for(self, self.runner,
                lambda desk: desk.warnings.handle(warning_id, note, action=action),
                done, refused)
        return True

"""The dialogs of the 复审与预警 tab: a review done (with its note), a review put off (a date
and a reason), and a file's own review cycle (managers).

Each stays open until the tab reports the change stored (``accept``) or refused
(``show_error``, in core's words), so a wrong date or a missing reason is corrected in
place. OK stays off until the required text is there; core checks everything again.
"""

from __future__ import annotations

import datetime

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (QCheckBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
                               QLabel, QPlainTextEdit, QSpinBox, QVBoxLayout, QWidget)

from ...core import clock
from .fieldwidgets import ERROR_COLOUR


def qdate(text: str) -> QDate:
    day = datetime.date.fromisoformat(text)
    return QDate(day.year, day.month, day.day)


class _ReviewDialog(QDialog):
    """A note above, fields in the middle, the error line and OK / Cancel below."""

    #: the user pressed OK with everything required filled in: the values
    submitted = Signal(dict)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.form = QFormLayout()
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setMaximumHeight(100)
        self.text_edit.textChanged.connect(self._update)
        self.error = QLabel(self)
        self.error.setObjectName("review_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, parent=self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)

    def _texts(self, title: str, note: str, ok_text: str) -> None:
        self.setWindowTitle(title)
        self.intro.setText(note)
        self.ok_button.setText(ok_text)

    def text(self) -> str:
        return self.text_edit.toPlainText().strip()

    def values(self) -> dict:
        return {"text": self.text()}

    def _update(self) -> None:
        self.ok_button.setEnabled(bool(self.text()))

    def _submit(self) -> None:
        if self.ok_button.isEnabled():
            self.ok_button.setEnabled(False)
            self.error.hide()
            self.submitted.emit(self.values())

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.adjustSize()
        self._update()


class DoneDialog(_ReviewDialog):
    """复审完成: reviewed, no change to the grade; the note is kept with the review."""

    def __init__(self, due: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._texts(self.tr("Review done"),
                    self.tr("The review due on %1 is done without a new assessment: the next "
                            "cycle starts today. What did you check?").replace("%1", due),
                    self.tr("Review done"))
        self.setObjectName("review_done_dialog")
        self.form.addRow(self.tr("Review note:"), self.text_edit)
        self._update()


class SnoozeDialog(_ReviewDialog):
    """推迟: a later due date (at most the policy's days after the current one) and why."""

    def __init__(self, due: str, latest: str, snoozes: int, limit: int,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._texts(self.tr("Put off the review"),
                    self.tr("Due on %1. It can be put off until %2 at the latest; put off %3 of "
                            "%4 times so far (after that only a manager may).")
                    .replace("%1", due).replace("%2", latest).replace("%3", str(snoozes))
                    .replace("%4", str(limit)),
                    self.tr("Put off"))
        self.setObjectName("review_snooze_dialog")
        self.date_edit = QDateEdit(self)
        self.date_edit.setObjectName("snooze_date")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        first, last = qdate(max(due, clock.today().isoformat())).addDays(1), qdate(latest)
        self.date_edit.setDateRange(first, max(first, last))
        self.date_edit.setDate(min(first.addDays(6), last))
        self.form.addRow(self.tr("New due date:"), self.date_edit)
        self.form.addRow(self.tr("Reason:"), self.text_edit)
        self._update()

    def values(self) -> dict:
        return {"text": self.text(), "until": self.date_edit.date().toString("yyyy-MM-dd")}


class CycleDialog(_ReviewDialog):
    """A file's own review cycle in months, or back to its risk level's (managers)."""

    def __init__(self, own: int | None, risk_cycle: int | None, parent: QWidget | None = None):
        super().__init__(parent)
        self._texts(self.tr("Review cycle"),
                    self.tr("Review this file on a cycle of its own instead of its risk "
                            "level's; the reason is kept with the file."),
                    self.tr("Set cycle"))
        self.setObjectName("review_cycle_dialog")
        self.by_risk = QCheckBox(self.tr("Follow the risk level (%1)")
                                 .replace("%1", self.tr("%1 months").replace("%1", str(risk_cycle))
                                          if risk_cycle else self.tr("not graded yet")), self)
        self.by_risk.setObjectName("cycle_by_risk")
        self.months = QSpinBox(self)
        self.months.setObjectName("cycle_months")
        self.months.setRange(1, 60)
        self.months.setSuffix(self.tr(" months"))
        self.months.setValue(own or risk_cycle or 12)
        self.by_risk.setChecked(own is None)
        self.months.setEnabled(own is not None)
        self.by_risk.toggled.connect(lambda on: self.months.setEnabled(not on))
        self.form.addRow("", self.by_risk)
        self.form.addRow(self.tr("Own cycle:"), self.months)
        self.form.addRow(self.tr("Reason:"), self.text_edit)
        self._update()

    def values(self) -> dict:
        return {"text": self.text(),
                "months": None if self.by_risk.isChecked() else self.months.value()}

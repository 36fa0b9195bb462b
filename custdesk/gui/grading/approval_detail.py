"""The parts of the approval page that show one item: a limit change, and the dialog
asking why an item is rejected. (What the customer owes and its warnings are shown for
every item by ``approval_context.DecisionFacts``.)"""

from __future__ import annotations


from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit,
                               QVBoxLayout, QWidget)

from ...core import clock
from ...core.grading.scale import risk_label
from ...core.validation import format_money
from .. import people
from .breakdown import DASH, money


def local_time(stamp: str | None) -> str:
    """A stored UTC timestamp as the clerk's local time, to the minute."""
    return clock.local_text(stamp) or DASH


class ReasonDialog(QDialog):
    """Why an item is rejected. OK stays off until something is written (core requires a
    reason as well, so a reason typed elsewhere is checked the same way)."""

    def __init__(self, what: str, parent: QWidget | None = None, reason: str = ""):
        super().__init__(parent)
        self.setObjectName("reject_dialog")
        self.setWindowTitle(self.tr("Reject"))
        note = QLabel(self.tr("Why is %1 rejected? The reason is kept with the decision.")
                      .replace("%1", what), self)
        note.setWordWrap(True)
        self.edit = QPlainTextEdit(self)
        self.edit.setObjectName("reject_reason")
        self.edit.setTabChangesFocus(True)
        self.edit.setPlainText(reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, parent=self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Reject"))
        self.ok_button.setEnabled(bool(self.reason()))
        self.edit.textChanged.connect(
            lambda: self.ok_button.setEnabled(bool(self.reason())))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.edit)
        layout.addWidget(buttons)
        self.resize(420, 220)

    def reason(self) -> str:
        return self.edit.toPlainText().strip()


class LimitChangeView(QWidget):
    """A requested limit change: the new limit (and how far it moves from the current one,
    which the decision facts above show with the exposure), and the reason given."""

    FIELDS = ("grade", "requested", "reason", "requested_by")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("limit_change_view")
        captions = (self.tr("Grade:"), self.tr("Requested limit:"), self.tr("Reason:"),
                    self.tr("Requested by:"))
        form = QFormLayout(self)
        self.values: dict[str, QLabel] = {}
        for key, caption in zip(self.FIELDS, captions):
            value = QLabel(self)
            value.setObjectName(f"change_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(caption, value)
            self.values[key] = value
        font = QFont(self.values["requested"].font())
        font.setBold(True)
        self.values["requested"].setFont(font)

    def show_change(self, item: dict) -> None:
        risk = risk_label(item.get("risk_level"))
        self.values["grade"].setText(f"{item['grade']}（{risk}）" if item.get("grade") and risk
                                     else item.get("grade") or DASH)
        new, old = item["amount"], item.get("current_limit")
        change = "" if old is None else f"  ({'+' if new >= old else '-'}{format_money(abs(new - old))})"
        self.values["requested"].setText(money(new) + change)
        self.values["reason"].setText(item.get("reason") or DASH)
        self.values["requested_by"].setText(
            f"{people.shown(item.get('requested_by')) or DASH} · "
            f"{local_time(item.get('requested_at'))}")

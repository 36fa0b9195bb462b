"""A customer's credit standing at a glance, and the dialog asking for a new limit.

The limit shows with its secured part (the collateral's effective cover in force, at
most the limit: ``core.customers.collateral``) and its unsecured rest.

``CreditStrip.show_credit`` takes ``desk.grading.credit(code)``; the red 授信冻结
badge and its reasons use core's messages, so they read the same as the command
line and the lists.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QFrame, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QSizePolicy, QVBoxLayout, QWidget)

from ...core import i18n
from ...core.i18n import tr as core_text   # named apart from tr(): lupdate reads only Qt strings
from ...core.grading.scale import risk_label
from .breakdown import DASH, RISK_COLOURS, money

HOLD_STYLE = ("background: #d32f2f; color: white; font-weight: bold; border-radius: 3px; "
              "padding: 2px 8px;")
ERROR_STYLE = "color: #d32f2f;"


def hold_texts(credit: dict) -> tuple[str, str]:
    """The hold badge's text and the reasons for the hold in one line, in core's words.

    Core's own line (``hold_text``) is preferred: some reasons carry numbers from the
    firm's settings (days a review may be overdue) that only core knows.
    """
    text = credit.get("hold_text")
    if text is None:
        sep = "、" if i18n.language() == "zh" else "; "
        text = sep.join(core_text(key) for key in credit.get("hold_reasons", []))
    return core_text("hold.label"), text


class CreditStrip(QFrame):
    """Grade, risk, limit, exposure, utilisation and validity in one row, with the hold
    badge; ``request_button`` asks for a limit change (the tab wires it)."""

    FIELDS = ("grade", "risk", "limit", "secured", "unsecured", "exposure", "utilisation",
              "valid_until")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("credit_strip")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        captions = {"grade": self.tr("Grade"), "risk": self.tr("Risk"),
                    "limit": self.tr("Credit limit"), "secured": self.tr("Secured"),
                    "unsecured": self.tr("Unsecured"), "exposure": self.tr("Exposure"),
                    "utilisation": self.tr("Utilisation"), "valid_until": self.tr("Valid until")}
        row = QHBoxLayout(self)
        self.values: dict[str, QLabel] = {}
        for key in self.FIELDS:
            cell = QVBoxLayout()
            cell.setSpacing(0)
            caption = QLabel(captions[key], self)
            caption.setStyleSheet("color: #5b6b7c;")
            value = QLabel(DASH, self)
            value.setObjectName(f"credit_{key}")
            font = QFont(value.font())
            font.setBold(True)
            font.setPointSize(font.pointSize() + (6 if key == "grade" else 1))
            value.setFont(font)
            cell.addWidget(caption)
            cell.addWidget(value)
            row.addLayout(cell)
            row.addSpacing(18)
            self.values[key] = value
        # What the secured part is, where a clerk looks for it.
        secured_tip = self.tr("The effective cover of the guarantees and collateral in force "
                              "(each item's value less its haircut), counted against the "
                              "credit limit and at most the limit")
        for key in ("secured", "unsecured"):
            self.values[key].setToolTip(secured_tip)
        self.hold_badge = QLabel(hold_texts({})[0], self)
        self.hold_badge.setObjectName("hold_badge")
        self.hold_badge.setStyleSheet(HOLD_STYLE)
        self.hold_reasons = QLabel(self)
        self.hold_reasons.setObjectName("hold_reasons")
        self.hold_reasons.setStyleSheet(ERROR_STYLE)
        # Wrapped within what the row leaves it: two English reasons beside eight figures
        # would otherwise push the strip past a 1366-pixel screen.
        self.hold_reasons.setWordWrap(True)
        self.hold_reasons.setMinimumWidth(120)
        self.hold_reasons.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        row.addWidget(self.hold_badge, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.hold_reasons, 1, Qt.AlignmentFlag.AlignVCenter)
        row.addStretch(1)
        self.request_button = QPushButton(self.tr("Request limit change…"), self)
        row.addWidget(self.request_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.show_credit(None)

    def show_credit(self, credit: dict | None) -> None:
        credit = credit or {}
        graded = credit.get("grade") is not None
        share = credit.get("utilisation")
        texts = {
            "grade": credit["grade"] if graded else self.tr("Not graded"),
            "risk": risk_label(credit.get("risk_level")) or DASH,
            "limit": money(credit.get("credit_limit")),
            # "***": the collateral records are above the reader's clearance
            "secured": "***" if credit.get("collateral_withheld") else money(credit.get("secured")),
            "unsecured": "***" if credit.get("collateral_withheld")
            else money(credit.get("unsecured")),
            "exposure": money(credit.get("exposure")),
            # None: no limit, or something owed against a limit of 0 (not a number)
            "utilisation": DASH if share is None else f"{share:.1%}",
            "valid_until": credit.get("grade_valid_until") or DASH,
        }
        for key, text in texts.items():
            self.values[key].setText(text)
        self.values["grade"].setStyleSheet(
            f"color: {RISK_COLOURS[credit['risk_level']]};"
            if credit.get("risk_level") in RISK_COLOURS else "")
        over = share is not None and share > 1 or (share is None and credit.get("credit_limit") == 0
                                                    and bool(credit.get("exposure")))
        self.values["utilisation"].setStyleSheet(ERROR_STYLE if over else "")
        label, reasons = hold_texts(credit)
        self.hold_badge.setText(label)
        self.hold_badge.setVisible(bool(credit.get("hold")))
        self.hold_reasons.setText(reasons)
        self.hold_reasons.setVisible(bool(credit.get("hold")))
        self.hold_badge.setToolTip(reasons)

    def is_on_hold(self) -> bool:
        return not self.hold_badge.isHidden()


class LimitDialog(QDialog):
    """New limit (yuan, as typed: core parses it) and the reason; ``submitted`` carries both.

    The dialog stays open until the tab reports the request stored (``accept``) or
    refused (``show_error``), so a mistyped amount can be corrected in place.
    """

    submitted = Signal(str, str)

    def __init__(self, current_limit: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("limit_dialog")
        self.setWindowTitle(self.tr("Request a limit change"))
        note = QLabel(self.tr("Current limit: {limit}. A reviewer or manager other than you "
                              "decides the request.").format(limit=current_limit), self)
        note.setWordWrap(True)
        self.limit_edit = QLineEdit(self)
        self.limit_edit.setObjectName("limit_new")
        self.limit_edit.setPlaceholderText(self.tr("e.g. 150,000"))
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setObjectName("limit_reason")
        self.reason_edit.setMaxLength(500)
        self.error = QLabel(self)
        self.error.setObjectName("limit_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("New limit (yuan):"), self.limit_edit)
        form.addRow(self.tr("Reason:"), self.reason_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
            parent=self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Request"))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        for edit in (self.limit_edit, self.reason_edit):
            edit.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._update()

    def _update(self) -> None:
        self.ok_button.setEnabled(bool(self.limit_edit.text().strip() and
                                       self.reason_edit.text().strip()))

    def _submit(self) -> None:
        if self.ok_button.isEnabled():   # Enter in a field must not bypass the disabled button
            self.ok_button.setEnabled(False)
            self.error.hide()
            self.submitted.emit(self.limit_edit.text().strip(), self.reason_edit.text().strip())

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.adjustSize()      # room for the message, rather than squeezing the fields
        self._update()

"""The reveal dialog: a sensitive value is shown only after the user gives a reason."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget


class RevealDialog(QDialog):
    """Asks why ``what`` must be seen; OK stays disabled until a reason is typed.

    The reveal lasts for the view that asked; core checks the user's clearance and
    logs the reason.
    """

    def __init__(self, what: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reveal_dialog")
        self.setWindowTitle(self.tr("Reveal sensitive data"))
        self.what = what
        prompt = QLabel(self.tr("Why do you need to see {what}? Your reason is recorded in the "
                                "audit log.").format(what=what), self)
        prompt.setWordWrap(True)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setObjectName("reveal_reason")
        self.reason_edit.setPlaceholderText(self.tr("e.g. verifying identity for a loan application"))
        self.reason_edit.setMaxLength(500)
        prompt.setBuddy(self.reason_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, parent=self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Reveal"))
        self.ok_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason_edit.textChanged.connect(
            lambda text: self.ok_button.setEnabled(bool(text.strip())))
        # Wide enough for the question on a line or two and the example reason whole (at
        # its own size, 200 pixels, the dialog cut the example off).
        metrics = self.reason_edit.fontMetrics()
        self.setMinimumWidth(max(420, metrics.horizontalAdvance(
            self.reason_edit.placeholderText()) + 60))
        layout = QVBoxLayout(self)
        layout.addWidget(prompt)
        layout.addWidget(self.reason_edit)
        layout.addWidget(self.buttons)

    def reason(self) -> str:
        return self.reason_edit.text().strip()

    def accept(self) -> None:
        if self.reason():  # Enter in the line edit must not bypass the disabled button
            super().accept()

"""设置 › 不良结果认定: what counts as a bad outcome, the window after a grade in which one
is looked for and the days past due that make an invoice or credit record bad.

Everyone reads it (the figures behind a validation report are read against it); managers
and administrators change it with one core call, ``outcomes.set_window``, which checks the
ranges and audits each change. A value out of range is refused by core, and its message is
put beside the field it is about.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton,
                               QSpinBox, QVBoxLayout, QWidget)

from ..core import i18n
from ..core.errors import ValidationError
from ..core.outcomes import definition
from .editor.grading_tab import error_text
from .editor.jobs import message_label, run_for, show_message
from .enter_saves import enter_saves

# Core's field names in a ValidationError of ``set_window``.
MONTHS, DAYS = "window_months", "overdue_days"
# The spin boxes go past core's ranges (3–36 months, 30–180 days): a number typed beyond
# them is refused by core with the range in words, beside the field, not swallowed.
SPIN_TOP = {MONTHS: 120, DAYS: 365}


def load_window(desk):
    return desk.outcomes.window()


def save_window(months: int, days: int):
    """The job behind Save: both numbers in one core call (checked, audited)."""
    def job(desk):
        return desk.outcomes.set_window(months=months, overdue_days=days)
    return job


class OutcomeSettingsBox(QGroupBox):
    """The definition of a bad outcome, two spin boxes (each with its error beside it) and
    Save; read-only for those who may not change settings."""

    # The stored values are on screen (tests wait on it).
    loaded = Signal()

    def __init__(self, runner, may_edit: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("outcome_settings")
        self.setTitle(self.tr("Bad outcomes"))
        self._runner = runner
        self.may_edit = may_edit
        self.definition = QLabel(self)
        self.definition.setObjectName("outcome_definition")
        self.definition.setWordWrap(True)
        self.definition.setTextFormat(Qt.TextFormat.PlainText)
        self.definition.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.spins: dict[str, QSpinBox] = {}
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, caption, suffix in (
                (MONTHS, self.tr("Outcome window after a grade"), self.tr(" months")),
                (DAYS, self.tr("Bad when past due by at least"), self.tr(" days"))):
            spin = QSpinBox(self)
            spin.setObjectName(f"outcome_{key}")
            spin.setRange(1, SPIN_TOP[key])
            spin.setSuffix(suffix)
            spin.setMinimumWidth(120)
            spin.setReadOnly(not may_edit)
            if not may_edit:
                spin.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)
            error = message_label(self, f"outcome_{key}_error")
            # A refusal stands beside the value refused: changing it takes the message away.
            spin.valueChanged.connect(lambda _v, e=error: show_message(e, ""))
            row = QHBoxLayout()
            row.addWidget(spin, 0)
            row.addWidget(error, 1)
            row.addStretch(0)          # the spin box keeps its size when there is no error
            form.addRow(caption, row)
            self.spins[key], self.errors[key] = spin, error
        self.spins[MONTHS].setToolTip(self.tr(
            "A graded customer counts as bad when a bad outcome comes within this many months "
            "after the grade, and as good when the whole window has passed without one."))

        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("outcome_settings_save")
        self.save_button.clicked.connect(self.save)
        self.save_button.setEnabled(False)
        self.save_button.setVisible(may_edit)
        enter_saves(self, self.save_button)
        self.message = message_label(self, "outcome_settings_message")
        self.read_only_note = QLabel(self.tr("Managers and administrators change these."), self)
        self.read_only_note.setObjectName("outcome_read_only")
        self.read_only_note.setStyleSheet("color: #5b6b7c;")
        self.read_only_note.setVisible(not may_edit)
        save_row = QHBoxLayout()
        save_row.addWidget(self.message, 1)
        save_row.addWidget(self.read_only_note, 1)
        save_row.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.addWidget(self.definition)
        layout.addLayout(form)
        layout.addLayout(save_row)
        runner.changed.connect(lambda changes: "settings" in changes and self.refresh())
        self.refresh()

    def refresh(self) -> None:
        run_for(self, self._runner, load_window, self._show, self._failed)

    def _show(self, window) -> None:
        self.spins[MONTHS].setValue(window.months)
        self.spins[DAYS].setValue(window.overdue_days)
        self.definition.setText(definition(window.overdue_days))
        self.save_button.setEnabled(self.may_edit)
        self.loaded.emit()

    def _clear_errors(self) -> None:
        for label in self.errors.values():
            show_message(label, "")
        show_message(self.message, "")

    def _failed(self, error) -> None:
        """A refused value beside its field; anything else below the fields."""
        left = []
        if isinstance(error, ValidationError):
            for field_error in error.errors:
                if field_error.field in self.errors:
                    show_message(self.errors[field_error.field], field_error.message)
                else:
                    left.append(field_error.message)
            if left:
                show_message(self.message, ("；" if i18n.language() == "zh" else "; ").join(left))
        else:
            show_message(self.message, error_text(error))
        self.save_button.setEnabled(self.may_edit)

    def save(self) -> None:
        if not (self.may_edit and self.save_button.isEnabled()):
            return
        months, days = self.spins[MONTHS].value(), self.spins[DAYS].value()
        self.save_button.setEnabled(False)
        self._clear_errors()

        def done(_changes) -> None:
            show_message(self.message, self.tr("Saved: the firm's outcomes are counted by "
                                               "these from now on."), error=False)
            self.save_button.setEnabled(True)

        run_for(self, self._runner, save_window(months, days), done, self._failed)

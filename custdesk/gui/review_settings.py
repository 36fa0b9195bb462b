"""设置 › 复审与预警 (managers): the review policy and which warning rules run.

Save is one core call, ``reviews.save_settings``: the policy (every file's due date
follows), each rule's switch and a run of the rules, in one transaction.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel,
                               QPushButton, QSpinBox, QVBoxLayout, QWidget)

from ..core.warnings import RULE_KEYS, rule_label
from .editor.grading_tab import error_text
from .editor.jobs import message_label, run_for, show_message
from .enter_saves import enter_saves


def load_policy(desk) -> dict:
    return {"policy": desk.reviews.policy(),
            "enabled": [rule.key for rule in desk.warnings.enabled_rules()]}


def save_policy(values: dict[str, int], enabled: dict[str, bool]):
    """The job behind Save: one core call (policy, rule switches and a run of the rules, in
    one transaction)."""
    def job(desk):
        return desk.reviews.save_settings({key: str(value) for key, value in values.items()},
                                          enabled)
    return job


class ReviewSettingsBox(QGroupBox):
    """Spin boxes for the policy, a check box per warning rule, and Save."""

    #: the stored values are on screen (tests wait on it)
    loaded = Signal()

    def __init__(self, runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("review_settings")
        self.setTitle(self.tr("Reviews and warnings"))
        self._runner = runner
        self.spins: dict[str, QSpinBox] = {}
        months, days, times = self.tr(" months"), self.tr(" days"), self.tr(" times")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        for key, caption, suffix, top in (
                ("review.cycle.high", self.tr("Review cycle, high risk"), months, 60),
                ("review.cycle.medium", self.tr("Review cycle, medium risk"), months, 60),
                ("review.cycle.low", self.tr("Review cycle, low risk"), months, 60),
                ("review.unrated_days", self.tr("First grading of a new file within"), days, 365),
                ("review.triggered_days", self.tr("Review after a red warning within"), days, 365),
                ("review.snooze_days", self.tr("Put off by at most"), days, 365),
                ("review.snooze_limit", self.tr("Put off at most (then managers only)"), times,
                 365),
                ("review.hold_days", self.tr("Hold credit when a review is overdue by more than"),
                 days, 365)):
            spin = QSpinBox(self)
            spin.setObjectName(key.replace(".", "_"))
            spin.setRange(1, top)
            spin.setSuffix(suffix)
            spin.setMinimumWidth(110)
            form.addRow(caption, spin)
            self.spins[key] = spin

        rules_box = QGridLayout()
        self.rule_boxes: dict[str, QCheckBox] = {}
        for index, rule in enumerate(RULE_KEYS):
            box = QCheckBox(rule_label(rule), self)
            box.setObjectName(f"rule_{rule}")
            rules_box.addWidget(box, index // 2, index % 2)
            self.rule_boxes[rule] = box

        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("review_settings_save")
        self.save_button.clicked.connect(self.save)
        enter_saves(self, self.save_button)
        self.save_button.setEnabled(False)
        self.message = message_label(self, "review_settings_message")
        save_row = QHBoxLayout()
        save_row.addWidget(self.message, 1)
        save_row.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Warning rules in use:"), self))
        layout.addLayout(rules_box)
        layout.addLayout(save_row)
        self.refresh()

    def refresh(self) -> None:
        run_for(self, self._runner, load_policy, self._show, self._failed)

    def _show(self, data: dict) -> None:
        policy = data["policy"]
        stored = {"review.cycle.high": policy.cycles["high"],
                  "review.cycle.medium": policy.cycles["medium"],
                  "review.cycle.low": policy.cycles["low"],
                  "review.unrated_days": policy.unrated_days,
                  "review.triggered_days": policy.triggered_days,
                  "review.snooze_days": policy.snooze_days,
                  "review.snooze_limit": policy.snooze_limit,
                  "review.hold_days": policy.hold_days}
        for key, spin in self.spins.items():
            spin.setValue(stored[key])
        for rule, box in self.rule_boxes.items():
            box.setChecked(rule in data["enabled"])
        self.save_button.setEnabled(True)
        self.loaded.emit()

    def _failed(self, error) -> None:
        show_message(self.message, error_text(error))
        self.save_button.setEnabled(True)

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return
        values = {key: spin.value() for key, spin in self.spins.items()}
        enabled = {rule: box.isChecked() for rule, box in self.rule_boxes.items()}
        self.save_button.setEnabled(False)
        show_message(self.message, "")

        def done(_changes) -> None:
            show_message(self.message, self.tr("Saved: every file's next review follows the new "
                                               "cycles."), error=False)
            self.refresh()

        run_for(self, self._runner, save_policy(values, enabled), done, self._failed)

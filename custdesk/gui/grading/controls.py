"""What an assessor chooses before scoring a file: the scorecard, the answers to its
qualitative factors and an adjustment of at most two notches with its reason.

Holds no database work: the customer file's grading tab fills it with the
scorecards for the file's kind and reads it when the assessor presses 评估.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QComboBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout,
                               QWidget)

from ...core.grading.scale import MAX_NOTCHES
from ...core.grading.scorecard import Scorecard
from ...core.validation import format_money


def card_ref(card: Scorecard) -> str:
    """The exact version, so the draft is scored with the card the assessor saw."""
    return f"{card.name}@{card.version}"


class AssessControls(QWidget):
    #: the assessor changed a choice (the tab re-checks its buttons)
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("assess_controls")
        self.cards: dict[str, Scorecard] = {}
        self.answer_combos: dict[str, QComboBox] = {}
        self.listed_combo: QComboBox | None = None          # enterprise cards: the Altman model
        self.market_equity_edit: QLineEdit | None = None

        self.card_combo = QComboBox(self)
        self.card_combo.setObjectName("assess_scorecard")
        self.card_combo.currentIndexChanged.connect(self._card_chosen)
        self.factors = QFormLayout()
        self.factors.setContentsMargins(0, 0, 0, 0)
        self.adjust_spin = QSpinBox(self)
        self.adjust_spin.setObjectName("assess_adjust")
        self.adjust_spin.setRange(-MAX_NOTCHES, MAX_NOTCHES)
        self.adjust_spin.setToolTip(self.tr("Move the computed grade up (+) or down (−) by at "
                                            "most two notches; a reason is then required."))
        self.adjust_spin.valueChanged.connect(self._adjust_changed)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setObjectName("assess_reason")
        self.reason_edit.setMaxLength(500)
        self.reason_edit.setPlaceholderText(self.tr("Reason for the adjustment (required)"))
        self.reason_edit.textChanged.connect(self._reason_changed)
        self.reason_label = QLabel(self.tr("Reason:"), self)

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Scorecard:"), self.card_combo)
        form.addRow(self.tr("Adjustment (notches):"), self.adjust_spin)
        form.addRow(self.reason_label, self.reason_edit)
        self.factors_title = QLabel(self.tr("Qualitative factors"), self)
        self.factors_title.setStyleSheet("color: #5b6b7c;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.factors_title)
        layout.addLayout(self.factors)
        self._adjust_changed(0)

    # -- filling --------------------------------------------------------------------------
    def set_cards(self, cards: list[Scorecard], default: str | None = None) -> None:
        """The scorecards for the file's kind; keeps the current choice when it is offered."""
        if [card_ref(c) for c in cards] == list(self.cards):
            return      # the same cards: keep the form (and the focus in it) as it is
        current = self.scorecard_ref() or default
        self.cards = {card_ref(c): c for c in cards}
        self.card_combo.blockSignals(True)
        self.card_combo.clear()
        for ref, card in self.cards.items():
            self.card_combo.addItem(self.tr("{title} (v{version})").format(
                title=card.title, version=card.version), ref)
        index = next((i for i in range(self.card_combo.count())
                      if self.card_combo.itemData(i) == current
                      or self.card_combo.itemData(i).split("@")[0] == current), 0)
        self.card_combo.setCurrentIndex(index)
        self.card_combo.blockSignals(False)
        self._card_chosen()

    def load(self, answers: dict, adjust: int, reason: str | None) -> None:
        """Show what a draft was scored with, so revising starts from it."""
        for key, combo in self.answer_combos.items():
            index = combo.findData(answers.get(key, ""))
            combo.setCurrentIndex(max(0, index))
        if self.listed_combo is not None:
            self.listed_combo.setCurrentIndex(max(0, self.listed_combo.findData(
                answers.get("listed", "no"))))
            fen = answers.get("market_equity")
            self.market_equity_edit.setText("" if fen is None else format_money(fen, currency=""))
        self.adjust_spin.setValue(adjust or 0)
        self.reason_edit.setText(reason or "")

    def _card_chosen(self) -> None:
        card = self.cards.get(self.scorecard_ref())
        kept = self.answers()
        while self.factors.rowCount():
            self.factors.removeRow(0)
        self.answer_combos = {}
        for factor in card.asked_factors() if card else []:
            combo = QComboBox(self)
            combo.setObjectName(f"answer_{factor.input}")
            # An empty choice: an unanswered factor scores its worst answer (unless the
            # scorecard allows points for it) and submitting then needs a reason.
            combo.addItem(self.tr("(not answered)"), "")
            for choice in factor.choices:
                combo.addItem(choice.label, choice.value)
            combo.setCurrentIndex(max(0, combo.findData(kept.get(factor.input, ""))))
            combo.setToolTip(self.tr("Up to {points} points").format(
                points=f"{factor.max_points:g}"))
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
            self.factors.addRow(factor.label, combo)
            self.answer_combos[factor.input] = combo
        self.listed_combo = self.market_equity_edit = None
        if card is not None and card.kind == "enterprise":
            self._firm_facts(kept)
        self.factors_title.setVisible(bool(self.answer_combos))
        self.changed.emit()

    def _firm_facts(self, kept: dict) -> None:
        """Listed or not, and a listed firm's market value of equity: they choose the Altman
        model (Z for a listed manufacturer, Z' for an unlisted one, Z'' otherwise)."""
        self.listed_combo = QComboBox(self)
        self.listed_combo.setObjectName("answer_listed")
        self.listed_combo.addItem(self.tr("Not listed"), "no")
        self.listed_combo.addItem(self.tr("Listed"), "yes")
        self.listed_combo.setCurrentIndex(max(0, self.listed_combo.findData(
            kept.get("listed", "no"))))
        self.market_equity_edit = QLineEdit(kept.get("market_equity", ""), self)
        self.market_equity_edit.setObjectName("answer_market_equity")
        self.market_equity_edit.setPlaceholderText(self.tr("yuan, at the statement date"))
        self.market_equity_edit.setToolTip(self.tr(
            "A listed manufacturer is scored with Altman's Z on the market value of its equity; "
            "without it the Altman factor scores its worst answer."))
        self.listed_combo.currentIndexChanged.connect(self._listed_changed)
        self.market_equity_edit.textChanged.connect(lambda _t: self.changed.emit())
        self.factors.addRow(self.tr("Listing:"), self.listed_combo)
        self.factors.addRow(self.tr("Market value of equity:"), self.market_equity_edit)
        self._listed_changed()

    def _listed_changed(self) -> None:
        self.market_equity_edit.setEnabled(self.listed_combo.currentData() == "yes")
        self.changed.emit()

    def lock_card(self, locked: bool) -> None:
        """A draft is revised with the scorecard it was made with."""
        self.card_combo.setEnabled(not locked)

    # -- reading --------------------------------------------------------------------------
    def scorecard_ref(self) -> str:
        return self.card_combo.currentData() or ""

    def answers(self) -> dict:
        out = {key: combo.currentData() for key, combo in self.answer_combos.items()
               if combo.currentData()}
        if self.listed_combo is not None and self.listed_combo.currentData() == "yes":
            out["listed"] = "yes"
            if self.market_equity_edit.text().strip():
                out["market_equity"] = self.market_equity_edit.text().strip()
        return out

    def set_answer(self, key: str, value: str) -> None:
        combo = self.answer_combos[key]
        combo.setCurrentIndex(combo.findData(value))

    def adjustment(self) -> int:
        return self.adjust_spin.value()

    def reason(self) -> str:
        return self.reason_edit.text().strip() if self.adjustment() else ""

    def ready(self) -> bool:
        """A non-zero adjustment needs its reason (core refuses it otherwise)."""
        return self.adjustment() == 0 or bool(self.reason_edit.text().strip())

    def _adjust_changed(self, value: int) -> None:
        self.adjust_spin.setPrefix("+" if value > 0 else "")
        self.reason_edit.setEnabled(value != 0)
        self.reason_label.setEnabled(value != 0)
        self._mark_reason()
        self.changed.emit()

    def _reason_changed(self) -> None:
        self._mark_reason()
        self.changed.emit()

    def _mark_reason(self) -> None:
        missing = not self.ready()
        if self.reason_edit.property("invalid") != missing:
            self.reason_edit.setProperty("invalid", missing)
            self.reason_edit.style().unpolish(self.reason_edit)
            self.reason_edit.style().polish(self.reason_edit)

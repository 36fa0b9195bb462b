"""Transactions: the generic records table with exposure and ageing shown above it."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from ...core import clock, i18n
from ...core.customers import exposure
from ...core.validation import format_money
from .records_tab import RecordsTab


class TransactionsTab(RecordsTab):
    def __init__(self, runner, parent: QWidget | None = None):
        super().__init__(runner, "transactions", parent)
        box = QFrame(self)
        box.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(box)
        self.exposure_label = QLabel(box)
        self.exposure_label.setObjectName("exposure")
        font = self.exposure_label.font()
        font.setBold(True)
        self.exposure_label.setFont(font)
        row.addWidget(self.exposure_label)
        row.addSpacing(16)
        self.bucket_labels: dict[str, QLabel] = {}
        for name in exposure.BUCKETS:
            label = QLabel(box)
            label.setObjectName(f"ageing_{name}")
            self.bucket_labels[name] = label
            row.addWidget(label)
        self.unapplied_label = QLabel(box)
        self.unapplied_label.setObjectName("unapplied")
        row.addWidget(self.unapplied_label)
        row.addStretch(1)
        self.top_layout.addWidget(box)
        self._show_summary(None)

    def _loader(self, code: str, reason: str | None):
        def load(desk):
            rows = desk.records.list(code, "transactions")
            # Ageing is worked out by core over the stored rows, as of the clerk's today.
            summary = exposure.summary(desk.records.list(code, "transactions"), clock.today())
            return {"code": code, "rows": rows, "summary": summary}
        return load

    def _show(self, payload: dict) -> None:
        super()._show(payload)
        if payload["code"] == self.code:
            self._show_summary(payload["summary"])

    def _show_summary(self, summary: exposure.Exposure | None) -> None:
        money = (lambda fen: format_money(fen)) if summary else (lambda _fen: "—")
        self.exposure_label.setText(self.tr("Exposure: {amount}").format(
            amount=money(summary.exposure if summary else 0)))
        for name, label in self.bucket_labels.items():
            text = self.tr("not yet due or up to 30 days") if name == "0-30" else \
                self.tr("{range} days past due").format(range=name)
            colon = "：" if i18n.language() == "zh" else ": "
            label.setText(f"{text}{colon}{money(summary.ageing[name] if summary else 0)}")
            label.setStyleSheet("color: #d32f2f;" if summary and name != "0-30"
                                and summary.ageing[name] else "")
        unapplied = summary.unapplied if summary else 0
        self.unapplied_label.setText(self.tr("Unapplied payments: {amount}").format(
            amount=format_money(unapplied)) if unapplied else "")
        self.unapplied_label.setVisible(bool(unapplied))

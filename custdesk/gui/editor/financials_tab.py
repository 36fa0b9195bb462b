"""Financial statements: one column per period, editable cells, derived ratios beside.

Statements are sensitive: they load masked (cells read-only, ratios "—") until
revealed with a reason. New periods may be added and filled while masked. Statements
above the user's clearance ("locked") cannot be revealed: the Reveal button says so.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QHBoxLayout, QHeaderView, QInputDialog, QPushButton, QSplitter,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from ...core.customers.records import StatementsRefused
from ...core.errors import CustdeskError, ValidationError
from ...core.fields import RECORD_KINDS
from ...core.validation import InvalidValue, parse_signed_money
from .fieldwidgets import display, error_lines, label_for
from .jobs import message_label, run_for, show_message
from .reveal import RevealDialog

SPEC = RECORD_KINDS["financials"]
ROWS = tuple(f for f in SPEC.fields if f.key != "period")
DASH = "—"
BAD = QColor("#ffcdd2")


def _fen(text: str) -> int | None:
    try:
        return parse_signed_money(text) if text.strip() else None
    except (InvalidValue, TypeError):
        return None  # masked ("***") or not yet a valid amount


def ratio(numerator: int | None, denominator: int | None) -> float | None:
    """numerator / denominator, or None when either is missing or the denominator is zero."""
    if numerator is None or not denominator:
        return None
    return numerator / denominator


RATIOS = (  # key, numerator, denominator, format
    ("current_ratio", "current_assets", "current_liabilities", "{:.2f}"),
    ("debt_ratio", "total_liabilities", "total_assets", "{:.1%}"),
    ("net_margin", "net_profit", "revenue", "{:.1%}"),
)


def ratio_texts(values: dict[str, str]) -> dict[str, str]:
    out = {}
    for key, num, den, fmt in RATIOS:
        r = ratio(_fen(values.get(num, "")), _fen(values.get(den, "")))
        out[key] = DASH if r is None else fmt.format(r)
    return out


class FinancialsTab(QWidget):
    loaded = Signal()
    #: a save finished: whether everything was stored
    save_finished = Signal(bool)
    edited = Signal()

    def __init__(self, runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("tab_financials")
        self.runner = runner
        self.code: str | None = None
        self.revealed_reason: str | None = None
        self.reveal_dialog: RevealDialog | None = None
        self.columns: list[dict] = []   # {period, id, values, loaded, masked, locked, error}
        self._filling = False

        # Saved and reverted with the file (the editor's 保存/撤销更改, Ctrl+S/Esc): one save
        # path, so the file's "*" and its Save button always say the same as this grid.
        self.add_button = QPushButton(self.tr("Add period…"), self)
        self.reveal_button = QPushButton(self.tr("Reveal…"), self)
        self.add_button.clicked.connect(self.ask_period)
        self.reveal_button.clicked.connect(self.request_reveal)
        bar = QHBoxLayout()
        for button in (self.add_button, self.reveal_button):
            bar.addWidget(button)
        bar.addStretch(1)

        self.table = QTableWidget(len(ROWS), 0, self)
        self.table.setObjectName("table_financials")
        self.table.setVerticalHeaderLabels([label_for(f) for f in ROWS])
        self.table.itemChanged.connect(self._on_item_changed)
        self.ratios = QTableWidget(len(RATIOS), 0, self)
        self.ratios.setObjectName("table_ratios")
        self.ratios.setVerticalHeaderLabels(
            [self.tr("Current ratio"), self.tr("Debt ratio"), self.tr("Net margin")])
        self.ratios.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for t in (self.table, self.ratios):
            t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.ratios)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        self.message = message_label(self)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        self._render()

    # -- loading ------------------------------------------------------------------------
    def set_kind(self, kind: str) -> None:
        """Show only the statement lines of this kind of customer (and ratios for enterprises)."""
        for row, field in enumerate(ROWS):
            self.table.setRowHidden(row, kind not in field.kinds)
        self.ratios.setVisible(kind == "enterprise")

    def set_code(self, code: str | None) -> None:
        if code != self.code:
            self.revealed_reason = None
        self.code = code
        self.refresh()

    def refresh(self, external: bool = False) -> None:
        if self.code is None or (external and (self.revealed_reason or self.is_dirty())):
            return
        self._load(self.revealed_reason)

    def _load(self, reason: str | None, on_done=None, then=None) -> None:
        """Read the statements; ``on_done`` runs before the grid is filled, ``then`` after."""
        code = self.code

        def job(desk):
            if reason:
                return desk.records.list(code, "financials", reveal=True, reason=reason)
            return desk.records.list(code, "financials")

        def done(rows):
            if code != self.code:
                return
            if on_done:
                on_done()
            self._fill(rows)
            if then:
                then()
        run_for(self, self.runner, job, done, self._failed)

    def _fill(self, rows: list[dict]) -> None:
        stored = {row["period"] for row in rows}  # periods added here and not saved yet stay
        unsaved = [c for c in self.columns if c["id"] is None and c["period"] not in stored]
        self.columns = []
        for row in sorted(rows, key=lambda r: r["period"]):
            values = {f.key: display(f, row.get(f.key)) for f in ROWS}
            self.columns.append({"period": row["period"], "id": row["id"], "values": values,
                                 "loaded": dict(values), "masked": bool(row.get("masked")),
                                 "locked": bool(row.get("locked")), "error": set()})
        self.columns = sorted(self.columns + unsaved, key=lambda c: c["period"])
        self._render()
        self.loaded.emit()

    def _render(self) -> None:
        self._filling = True
        try:
            self.table.setColumnCount(len(self.columns))
            self.ratios.setColumnCount(len(self.columns))
            headers = [c["period"] + ("*" if c["id"] is None else "") for c in self.columns]
            self.table.setHorizontalHeaderLabels(headers)
            self.ratios.setHorizontalHeaderLabels(headers)
            for c, column in enumerate(self.columns):
                for r, field in enumerate(ROWS):
                    item = QTableWidgetItem(column["values"][field.key])
                    if field.type != "text":
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    if column["masked"]:
                        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                    if column.get("locked"):
                        item.setToolTip(self.tr("Above your clearance"))
                    if field.key in column["error"]:
                        item.setBackground(QBrush(BAD))
                    self.table.setItem(r, c, item)
            self._render_ratios()
        finally:
            self._filling = False
        self.reveal_button.setVisible(self.is_masked())
        self.reveal_button.setEnabled(not self.is_locked())
        self.reveal_button.setToolTip(self.tr("Above your clearance") if self.is_locked() else "")
        self.add_button.setEnabled(self.code is not None)

    def _render_ratios(self) -> None:
        for c, column in enumerate(self.columns):
            texts = ratio_texts({} if column["masked"] else column["values"])
            for r, (key, *_rest) in enumerate(RATIOS):
                item = QTableWidgetItem(texts[key])
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.ratios.setItem(r, c, item)

    def ratio_text(self, period: str, key: str) -> str:
        c = next(i for i, col in enumerate(self.columns) if col["period"] == period)
        r = next(i for i, spec in enumerate(RATIOS) if spec[0] == key)
        return self.ratios.item(r, c).text()

    def _failed(self, error: CustdeskError) -> None:
        show_message(self.message, str(error))

    def is_masked(self) -> bool:
        return any(c["masked"] for c in self.columns)

    def is_locked(self) -> bool:
        return any(c.get("locked") for c in self.columns)

    # -- editing ------------------------------------------------------------------------
    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        column = self.columns[item.column()]
        key = ROWS[item.row()].key
        column["values"][key] = item.text()
        column["error"].discard(key)
        self._filling = True
        try:
            item.setBackground(QBrush())
            self._render_ratios()
        finally:
            self._filling = False
        self.edited.emit()

    def set_cell(self, period: str, key: str, text: str) -> None:
        """Type into a cell (as a user would)."""
        c = next(i for i, col in enumerate(self.columns) if col["period"] == period)
        r = next(i for i, f in enumerate(ROWS) if f.key == key)
        self.table.item(r, c).setText(text)

    def ask_period(self) -> None:
        period, ok = QInputDialog.getText(self, self.tr("Add period"),
                                          self.tr("Period (YYYY, YYYY-MM or YYYY-Q1…Q4):"))
        if ok and period.strip():
            self.add_period(period.strip())

    def add_period(self, period: str) -> bool:
        if any(c["period"] == period for c in self.columns):
            show_message(self.message, self.tr("There is already a column for {period}.")
                         .format(period=period))
            return False
        empty = {f.key: "" for f in ROWS}
        self.columns.append({"period": period, "id": None, "values": dict(empty),
                             "loaded": dict(empty), "masked": False, "locked": False,
                             "error": set()})
        self.columns.sort(key=lambda c: c["period"])
        self._render()
        self.edited.emit()
        return True

    def _pending(self) -> list[tuple[str, int | None, dict]]:
        out = []
        for c in self.columns:
            if c["masked"]:
                continue
            if c["id"] is None:
                out.append((c["period"], None, {"period": c["period"], **{
                    k: v for k, v in c["values"].items() if v.strip()}}))
            else:
                changed = {k: v for k, v in c["values"].items() if v != c["loaded"][k]}
                if changed:
                    out.append((c["period"], c["id"], changed))
        return out

    def is_dirty(self) -> bool:
        return bool(self._pending())

    def revert(self) -> None:
        self.columns = [c for c in self.columns if c["id"] is not None]
        for c in self.columns:
            c["values"] = dict(c["loaded"])
            c["error"] = set()
        show_message(self.message, "")
        self._render()
        self.edited.emit()

    def save(self) -> bool:
        """Store every new or changed period; returns whether a save was started."""
        pending = self._pending()
        if self.code is None or not pending:
            return False
        code = self.code

        def job(desk):
            # One core call, one transaction: every period stored, or none.
            return desk.records.save_statements(code, pending)
        run_for(self, self.runner, job, self._saved, self._save_failed)
        return True

    def _saved(self, _changes) -> None:
        show_message(self.message, "")
        # Said once the grid holds what was stored: whoever waits on it then finds nothing
        # left to save (the file's "*" goes).
        self._load(self.revealed_reason, then=lambda: self.save_finished.emit(True))

    def _save_failed(self, error: CustdeskError) -> None:
        if isinstance(error, StatementsRefused):
            lines = []
            for column in self.columns:
                outcome = error.by_period.get(column["period"])
                if isinstance(outcome, ValidationError):
                    column["error"] = {e.field for e in outcome.errors}
                    lines.append(f"{column['period']}: {error_lines(outcome.errors)}")
                elif outcome is not None:
                    lines.append(f"{column['period']}: {outcome}")
            self._render()
            show_message(self.message, "\n".join(lines))
            self.edited.emit()
        else:
            self._failed(error)
        self.save_finished.emit(False)

    # -- revealing ----------------------------------------------------------------------
    def request_reveal(self) -> RevealDialog | None:
        if self.is_locked():
            return None
        dialog = RevealDialog(label_for(SPEC), self)
        dialog.accepted.connect(lambda: self.reveal(dialog.reason()))
        dialog.finished.connect(dialog.deleteLater)
        self.reveal_dialog = dialog
        dialog.open()
        return dialog

    def reveal(self, reason: str) -> None:
        def remember():
            self.revealed_reason = reason
            show_message(self.message, "")
        self._load(reason, on_done=remember)

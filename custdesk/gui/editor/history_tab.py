"""The history of one file: its audit entries, newest first."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from ...core import clock, i18n
from ...core.errors import CustdeskError
from ...core.fields import CUSTOMER_FIELDS, DOCUMENT_FIELDS, RECORD_KINDS, choice_label, label
from ...core.validation import format_money
from .jobs import list_table, message_label, run_for, show_message

ACTION_ROLE = Qt.ItemDataRole.UserRole


def local_time(stamp: str) -> str:
    """'2025-03-01T02:03:04.000005Z' -> local '2025-03-01 10:03:04'."""
    return clock.local_text(stamp, seconds=True) if isinstance(stamp, str) else str(stamp)


# Keys of choice fields: their before/after values are shown by their labels.
_CHOICE_KEYS = frozenset(
    [f.key for f in CUSTOMER_FIELDS + DOCUMENT_FIELDS if f.type == "choice"]
    + [f.key for kind in RECORD_KINDS.values() for f in kind.fields if f.type == "choice"])


# Keys of money fields: stored in fen, shown as ¥1,234.56.
_MONEY_KEYS = frozenset(
    [f.key for f in CUSTOMER_FIELDS if f.type in ("money", "signed_money")]
    + [f.key for kind in RECORD_KINDS.values() for f in kind.fields
       if f.type in ("money", "signed_money")])


def _shown(key: str, value):
    if key in _CHOICE_KEYS and isinstance(value, str):
        return choice_label(value)
    if key in _MONEY_KEYS and isinstance(value, int) and not isinstance(value, bool):
        return format_money(value)
    return value


def _short(value) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= 40 else text[:40] + "…"


def describe(entry: dict) -> str:
    """One line saying what an entry changed (labels in core's language)."""
    summary = entry.get("summary") or {}
    arrow, sep = " → ", "；" if i18n.language() == "zh" else "; "
    if entry["action"].endswith(".reveal"):
        fields = ", ".join(label(f) for f in summary.get("fields", ()))
        return f"{fields} — {summary.get('reason', '')}"
    parts = []
    body = summary.get("fields", summary) if isinstance(summary, dict) else {}
    for key, value in body.items():
        if key == "overrides" and isinstance(value, dict):
            parts += [f"{label(k)} ⚠ {reason}" for k, reason in value.items()]
        elif isinstance(value, dict) and {"before", "after"} <= set(value):
            parts.append(f"{label(key)}: {_short(_shown(key, value['before']))}{arrow}"
                         f"{_short(_shown(key, value['after']))}")
        else:
            parts.append(f"{label(key)}: {_short(_shown(key, value) if not isinstance(value, (dict, list)) else json.dumps(value, ensure_ascii=False))}")
    return sep.join(parts)


class HistoryTab(QWidget):
    loaded = Signal()

    def __init__(self, runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("tab_history")
        self.runner = runner
        self.code: str | None = None
        self.entries: list[dict] = []
        self.actions = {
            "customer.add": self.tr("Created the file"), "customer.edit": self.tr("Edited"),
            "customer.reveal": self.tr("Revealed"), "record.add": self.tr("Added a record"),
            "record.edit": self.tr("Edited a record"), "record.delete": self.tr("Deleted a record"),
            "record.reveal": self.tr("Revealed records"), "document.add": self.tr("Added a document"),
            "document.open": self.tr("Opened a document"),
            "document.delete": self.tr("Deleted a document"),
            "report.reserve": self.tr("Reserved a report number"),
            "report.export": self.tr("Exported a report"),
            "report.void": self.tr("Report number voided (report not made)"),
        }
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("table_history")
        self.table.setHorizontalHeaderLabels([self.tr("Time"), self.tr("User"), self.tr("Action"),
                                              self.tr("Item"), self.tr("Details")])
        list_table(self.table)
        self.message = message_label(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)

    def set_code(self, code: str | None) -> None:
        self.code = code
        self.refresh()

    def refresh(self, external: bool = False) -> None:
        if self.code is None:
            return
        code = self.code
        run_for(self, self.runner, lambda desk: (code, desk.audit.entries(customer=code)),
                self._show, self._failed)

    def showEvent(self, event) -> None:  # reveals and openings log entries without a Changes
        super().showEvent(event)
        self.refresh()

    def _show(self, result) -> None:
        code, entries = result
        if code != self.code:
            return
        self.entries = entries
        self.table.setRowCount(len(entries))
        for r, entry in enumerate(entries):
            action = entry["action"]
            texts = (local_time(entry["at"]), entry["user"], self.actions.get(action, action),
                     entry.get("object") or "", describe(entry))
            for c, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setData(ACTION_ROLE, action)
                if c == 4:
                    item.setToolTip(text)
                self.table.setItem(r, c, item)
        self.loaded.emit()

    def _failed(self, error: CustdeskError) -> None:
        show_message(self.message, str(error))

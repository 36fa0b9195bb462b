"""Running database jobs for a widget that may be closed before the answer comes back."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableWidget, QWidget
from shiboken6 import isValid

from .fieldwidgets import ERROR_COLOUR


def run_for(widget: QWidget, runner, fn: Callable[[Any], Any],
            on_done: Callable[[Any], None] | None, on_error: Callable[[Exception], None]):
    """``runner.run`` whose callbacks are dropped once ``widget`` has been deleted."""
    def alive(callback):
        if callback is None:
            return None

        def deliver(arg):
            if isValid(widget):
                callback(arg)
        return deliver
    return runner.run(fn, alive(on_done), alive(on_error))


def message_label(parent: QWidget, name: str = "message") -> QLabel:
    """A hidden one-line message area (errors red, notes plain)."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.hide()
    return label


def show_message(label: QLabel, text: str, error: bool = True) -> None:
    label.setStyleSheet(f"color: {ERROR_COLOUR};" if error else "")
    label.setText(text)
    label.setVisible(bool(text))


def list_table(table: QTableWidget) -> QTableWidget:
    """Make ``table`` a read-only list: whole rows selected one at a time, columns fitted."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table

"""One editor widget per core ``Field``, with its label and its inline error line.

Forms (the basic information, a record's dialog, a document's details) are all
built from ``core.fields`` definitions through ``FieldEditor``, so a field is
shown, read back and marked bad the same way everywhere.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QVBoxLayout, QWidget)

from ...core import i18n
from ...core.errors import FieldError
from ...core.fields import LEVELS, Field, choice_label, level_label
from ...core.validation import format_money
from .. import people

ERROR_COLOUR = "#d32f2f"
WARNING_COLOUR = "#e65100"
# The red outline: a dynamic property, so the widget keeps its platform look otherwise.
INVALID_STYLE = (
    f'QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"], QComboBox[invalid="true"], '
    f'QCheckBox[invalid="true"] {{ border: 1px solid {ERROR_COLOUR}; }}')
MONEY_TYPES = ("money", "signed_money")


def label_for(field: Field) -> str:
    """A core field's label in the core's current language."""
    return field.zh if i18n.language() == "zh" else field.en


def display(field: Field, value) -> str:
    """A stored value as the text an editor shows: fen as yuan ("12,000.00"), None as ""."""
    if value is None:
        return ""
    if field.type in MONEY_TYPES and isinstance(value, int) and not isinstance(value, bool):
        return format_money(value, currency="")
    if field.type == "bool" and isinstance(value, int):
        return "1" if value else "0"
    return str(value)


def cell_text(field: Field, value) -> str:
    """A stored value as a table cell shows it (one line; a tick for yes; a choice's label)."""
    if field.type == "bool" and value not in (None, "", "***"):
        return "✓" if str(value) not in ("0", "False") else ""
    if field.type == "choice" and isinstance(value, str):
        return choice_label(value)
    text = display(field, value)
    first = text.splitlines()[0] if text else ""
    return first + ("…" if first != text else "")


def repolish(widget: QWidget) -> None:
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.update()


class FieldEditor(QWidget):
    """The editor of one field: a line, a list or a text box, with a red message under it."""

    edited = Signal()

    def __init__(self, field: Field, parent: QWidget | None = None):
        super().__init__(parent)
        self.field = field
        self.setObjectName(f"editor_{field.key}")
        self.setStyleSheet(INVALID_STYLE)
        self.widget = self._make_widget(field)
        self.widget.setObjectName(f"field_{field.key}")
        self.widget.setAccessibleName(label_for(field))
        self.error_label = QLabel(self)
        self.error_label.setObjectName(f"error_{field.key}")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {ERROR_COLOUR}; font-size: small;")
        self.error_label.hide()
        self._row = QHBoxLayout()
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.addWidget(self.widget, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(self._row)
        layout.addWidget(self.error_label)

    def _make_widget(self, field: Field) -> QWidget:
        if field.type in ("choice", "level"):
            box = QComboBox(self)
            if field.type == "level":
                for index, name in enumerate(LEVELS):
                    box.addItem(level_label(index), name)
            else:
                if not field.required:
                    box.addItem("", "")
                for choice in field.choices:
                    box.addItem(choice_label(choice), choice)
            box.currentIndexChanged.connect(self.edited)
            return box
        if field.type == "user":
            # A person, listed by the name the window and the reports show (people.shown);
            # the value kept is the user name.
            box = QComboBox(self)
            box.currentIndexChanged.connect(self.edited)
            return box
        if field.type == "bool":
            check = QCheckBox(self)
            check.toggled.connect(self.edited)
            return check
        if field.type == "text":
            text = QPlainTextEdit(self)
            text.setTabChangesFocus(True)
            text.setFixedHeight(text.fontMetrics().lineSpacing() * 4 + 12)
            text.textChanged.connect(self.edited)
            return text
        line = QLineEdit(self)
        if field.type in MONEY_TYPES:
            line.setPlaceholderText("0.00")
        elif field.type == "date":
            line.setPlaceholderText("YYYY-MM-DD")
        line.textChanged.connect(self.edited)
        return line

    def set_placeholder(self, text: str | None) -> None:
        """Grey text shown while a line is empty (None: the field's own, e.g. YYYY-MM-DD)."""
        w = self.widget
        if isinstance(w, QLineEdit):
            if not hasattr(self, "_own_placeholder"):
                self._own_placeholder = w.placeholderText()
            w.setPlaceholderText(self._own_placeholder if text is None else text)

    def add_widget(self, widget: QWidget) -> None:
        """Put a button (Reveal, Browse...) beside the editor."""
        self._row.addWidget(widget)

    # -- value ------------------------------------------------------------------------
    def text(self) -> str:
        w = self.widget
        if isinstance(w, QComboBox):
            data = w.currentData()
            return "" if data is None else str(data)
        if isinstance(w, QCheckBox):
            return "1" if w.isChecked() else "0"
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText()
        return w.text()

    def set_text(self, value: str) -> None:
        w = self.widget
        if isinstance(w, QComboBox):
            if self.field.type == "user":
                self._list_people(w)
            index = w.findData(value)
            if index < 0 and value:  # a stored value no longer offered: keep showing it
                w.addItem(people.shown(value) if self.field.type == "user"
                          else choice_label(value), value)
                index = w.count() - 1
            w.setCurrentIndex(max(index, 0))
        elif isinstance(w, QCheckBox):
            w.setChecked(value not in ("", "0", "False", "false"))
        elif isinstance(w, QPlainTextEdit):
            w.setPlainText(value)
        else:
            w.setText(value)
            w.setCursorPosition(0)

    @staticmethod
    def _list_people(box: QComboBox) -> None:
        """Nobody, then every known user by shown name (the list may have grown since)."""
        box.blockSignals(True)
        box.clear()
        box.addItem("", "")
        for user, name in sorted(people.known().items(), key=lambda item: item[1]):
            box.addItem(name, user)
        box.blockSignals(False)

    def set_read_only(self, read_only: bool) -> None:
        w = self.widget
        if isinstance(w, (QLineEdit, QPlainTextEdit)):
            w.setReadOnly(read_only)
        else:
            w.setEnabled(not read_only)

    def is_read_only(self) -> bool:
        w = self.widget
        return w.isReadOnly() if isinstance(w, (QLineEdit, QPlainTextEdit)) else not w.isEnabled()

    # -- errors -----------------------------------------------------------------------
    def set_error(self, message: str, warning: bool = False) -> None:
        self.widget.setProperty("invalid", True)
        repolish(self.widget)
        colour = WARNING_COLOUR if warning else ERROR_COLOUR
        self.error_label.setStyleSheet(f"color: {colour}; font-size: small;")
        self.error_label.setText(message)
        self.error_label.show()

    def clear_error(self) -> None:
        if self.widget.property("invalid"):
            self.widget.setProperty("invalid", False)
            repolish(self.widget)
        self.error_label.clear()
        self.error_label.hide()

    def has_error(self) -> bool:
        return bool(self.widget.property("invalid"))


def build_editors(fields, layout: QFormLayout, parent: QWidget) -> dict[str, FieldEditor]:
    """A FieldEditor per field, added to ``layout`` under its core label."""
    editors = {}
    for field in fields:
        editor = FieldEditor(field, parent)
        label = QLabel(label_for(field) + (" *" if field.required else ""), parent)
        label.setBuddy(editor.widget)
        layout.addRow(label, editor)
        editors[field.key] = editor
    return editors


def place_errors(editors: dict[str, FieldEditor], errors: list[FieldError]) -> list[FieldError]:
    """Mark each error's field; return the errors that belong to no shown field."""
    left = []
    for error in errors:
        editor = editors.get(error.field)
        if editor is None:
            left.append(error)
        else:
            editor.set_error(error.message, warning=error.warning)
    return left


def error_lines(errors: list[FieldError]) -> str:
    """Errors of fields not on screen, one a line with the field's core label."""
    from ...core.fields import label
    sep = "：" if i18n.language() == "zh" else ": "
    return "\n".join(f"{label(e.field)}{sep}{e.message}" for e in errors)

"""One editor widget per core ``Field``, with its label and its inline error line.

Forms (the basic information, a record's dialog, a document's details) are all
built from ``core.fields`` definitions through ``FieldEditor``, so a field is
shown, read back and marked bad the same way everywhere.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QSizePolicy, QWidget)

from ...core import i18n
from ...core.cleaning import clean_fields
from ...core.errors import FieldError, ValidationError
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
# A field's message beside it wraps at this width rather than squeeze the field away.
ERROR_WIDTH = 300


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
    """The editor of one field: a line, a list or a text box, with a red message beside it.

    Beside, not under: a message appearing under a field pushed every field below it down,
    under the pointer of someone about to click the next one. A typed field is checked
    when the cursor leaves it (``set_checker``), by the same core rules a save applies.
    """

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
        self.error_label.setMaximumWidth(ERROR_WIDTH)
        self.error_label.setStyleSheet(f"color: {ERROR_COLOUR}; font-size: small;")
        self.error_label.hide()
        self._checker: Callable[[str], FieldError | None] | None = None
        self._entered: str | None = None         # the text when the cursor came in
        self._row = QHBoxLayout()
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.addWidget(self.widget, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._row, 1)
        top = isinstance(self.widget, QPlainTextEdit)
        layout.addWidget(self.error_label, 0, Qt.AlignmentFlag.AlignTop if top
                         else Qt.AlignmentFlag.AlignVCenter)
        if isinstance(self.widget, (QLineEdit, QPlainTextEdit)):
            self.widget.installEventFilter(self)

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
            # Fixed, as tall as it is: an expanding box of fixed height took the form's spare
            # room as empty space around itself (the gap under 内容 in a record's dialog).
            text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
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

    # -- checking on leaving ----------------------------------------------------------
    def set_checker(self, checker: Callable[[str], FieldError | None] | None) -> None:
        """``checker(text)``: the field's problem (or None), asked when the cursor leaves
        the field after its text changed."""
        self._checker = checker

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.widget:
            if event.type() == QEvent.Type.FocusIn:
                self._entered = self.text()
            elif event.type() == QEvent.Type.FocusOut and self._entered is not None:
                changed, self._entered = self.text() != self._entered, None
                if changed:
                    self.check()
        return super().eventFilter(watched, event)

    def check(self) -> FieldError | None:
        """Check the text now; shows the problem beside the field, or clears it."""
        if self._checker is None or self.is_read_only():
            return None
        problem = self._checker(self.text())
        if problem is None:
            self.clear_error()
        else:
            self.set_error(problem.message, warning=problem.warning)
        return problem

    # -- errors -----------------------------------------------------------------------
    def set_error(self, message: str, warning: bool = False) -> None:
        self.widget.setProperty("invalid", True)
        repolish(self.widget)
        colour = WARNING_COLOUR if warning else ERROR_COLOUR
        self.error_label.setStyleSheet(f"color: {colour}; font-size: small;")
        self.error_label.setText(message)
        self.error_label.setToolTip(message)
        # On one line when it fits the width allowed: wrapped into a narrow column it made
        # the row taller, and moved the fields below after all.
        widest = max((self.error_label.fontMetrics().horizontalAdvance(line)
                      for line in message.splitlines()), default=0)
        self.error_label.setMinimumWidth(min(ERROR_WIDTH, widest + 4))
        self.error_label.show()

    def clear_error(self) -> None:
        if self.widget.property("invalid"):
            self.widget.setProperty("invalid", False)
            repolish(self.widget)
        self.error_label.clear()
        self.error_label.hide()

    def has_error(self) -> bool:
        return bool(self.widget.property("invalid"))


def check_value(field: Field, text: str, id_type: str = "resident_id") -> FieldError | None:
    """The problem core finds with one field's text (an error, or a warning such as a
    failed check character), or None: the rules a save applies, one field at a time."""
    try:
        _clean, _kept, notes = clean_fields([field], {field.key: text}, required=False,
                                            id_type=id_type)
    except ValidationError as error:
        return error.errors[0]
    return notes[0] if notes else None


def build_editors(fields, layout: QFormLayout, parent: QWidget) -> dict[str, FieldEditor]:
    """A FieldEditor per field, added to ``layout`` under its core label, each checked by
    core when the cursor leaves it."""
    editors = {}

    def id_type() -> str:       # an ID number is read by the type chosen beside it
        chosen = editors.get("id_type")
        return (chosen.text() if chosen is not None else "") or "resident_id"
    for field in fields:
        editor = FieldEditor(field, parent)
        label = QLabel(label_for(field) + (" *" if field.required else ""), parent)
        label.setBuddy(editor.widget)
        layout.addRow(label, editor)
        editor.set_checker(lambda text, f=field: check_value(f, text, id_type()))
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

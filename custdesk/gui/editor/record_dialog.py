"""A dialog with a form for one sub-record (or a document's details), from core field lists.

The dialog does not save: OK emits ``submitted(values)``; the owner runs the
job and either closes the dialog or hands the errors back to ``show_errors``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QScrollArea,
                               QVBoxLayout, QWidget)

from ...core.errors import CustdeskError, ValidationError
from .fieldwidgets import ERROR_COLOUR, FieldEditor, build_editors, display, error_lines, place_errors


class RecordDialog(QDialog):
    submitted = Signal(dict)

    def __init__(self, title: str, fields, values: dict | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("record_dialog")
        self.setWindowTitle(title)
        self.fields = tuple(fields)
        self.editing = values is not None
        inner = QWidget()
        form = QFormLayout(inner)
        self.editors: dict[str, FieldEditor] = build_editors(self.fields, form, inner)
        self._initial = {}
        for field in self.fields:
            editor = self.editors[field.key]
            if values is not None:
                editor.set_text(display(field, values.get(field.key)))
            self._initial[field.key] = editor.text()
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        # The first field takes the cursor when the dialog opens, not the frame around
        # the fields (which scrolls to whichever field has the cursor anyway).
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll = scroll
        self.message = QLabel(self)
        self.message.setObjectName("dialog_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.message.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, parent=self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Save"))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        # Wide enough for a field with its message beside it; as tall as the fields, up to
        # what a 1366×768 laptop shows (the fields scroll beyond that).
        self.resize(620, min(80 + inner.sizeHint().height(), 600))

    def set_value(self, key: str, text: str) -> None:
        self.editors[key].set_text(text)

    def values(self) -> dict[str, str]:
        """Changed fields when editing a record; every non-empty field for a new one."""
        if self.editing:
            return {k: e.text() for k, e in self.editors.items() if e.text() != self._initial[k]}
        return {k: e.text() for k, e in self.editors.items() if e.text().strip()}

    def _submit(self) -> None:
        for editor in self.editors.values():
            editor.clear_error()
        self.message.hide()
        values = self.values()
        if self.editing and not values:
            self.accept()
            return
        self.set_busy(True)
        self.submitted.emit(values)

    def set_busy(self, busy: bool) -> None:
        self.ok_button.setEnabled(not busy)

    def show_error(self, error: CustdeskError) -> None:
        """A refused save: mark the bad fields, or show the message."""
        self.set_busy(False)
        if isinstance(error, ValidationError):
            left = place_errors(self.editors, error.errors)
            text = error_lines(left)
            # The cursor goes to the first field refused, to correct it there.
            refused = {e.field for e in error.errors}
            first = next((f.key for f in self.fields if f.key in refused), None)
            if first is not None:
                widget = self.editors[first].widget
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                self.scroll.ensureWidgetVisible(widget)
        else:
            text = str(error)
        self.message.setText(text)
        self.message.setVisible(bool(text))

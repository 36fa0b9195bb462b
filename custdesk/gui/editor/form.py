"""The basic information of a file: a form generated from ``CUSTOMER_FIELDS`` for its kind.

The form holds no database code: the editor loads it with the dict that
``desk.customers.get`` returns and reads back what changed. Masked sensitive
fields are read-only with a Reveal button beside them.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QPushButton, QScrollArea, QWidget

from ...core.customers.archive import fields_for
from ...core.errors import FieldError
from .fieldwidgets import FieldEditor, build_editors, display, place_errors


class BasicForm(QScrollArea):
    """Fields of one customer kind; ``changed_values()`` is what a save sends."""

    edited = Signal()
    #: the Reveal button of a masked field was pressed: its key
    reveal_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.kind: str | None = None
        self.editors: dict[str, FieldEditor] = {}
        self.reveal_buttons: dict[str, QPushButton] = {}
        self.masked: set[str] = set()
        self._loaded: dict[str, str] = {}
        self._loading = False
        self.setWidget(QLabel(self.tr("Loading…")))

    # -- building -----------------------------------------------------------------------
    def build(self, kind: str) -> None:
        """(Re)create the editors for a customer kind."""
        if kind == self.kind:
            return
        self.kind = kind
        inner = QWidget()
        layout = QFormLayout(inner)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        fields = fields_for(kind)
        self.editors = build_editors(fields, layout, inner)
        self.reveal_buttons = {}
        for field in fields:
            editor = self.editors[field.key]
            editor.edited.connect(self._on_edited)
            if field.sensitive:
                button = QPushButton(self.tr("Reveal"), editor)
                button.setObjectName(f"reveal_{field.key}")
                button.setToolTip(self.tr("Show the full value (you give a reason; it is logged)"))
                button.clicked.connect(lambda _=False, key=field.key: self.reveal_requested.emit(key))
                button.hide()
                editor.add_widget(button)
                self.reveal_buttons[field.key] = button
        self.editors["kind"].set_read_only(True)  # a kind is chosen once, at creation
        self.setWidget(inner)

    # -- loading ------------------------------------------------------------------------
    def load(self, data: dict) -> None:
        """Show a file as ``desk.customers.get`` returned it."""
        self.build(data["kind"])
        self.masked = set(data.get("masked", ()))
        self._loaded = {}
        self._loading = True
        try:
            for key, editor in self.editors.items():
                text = display(editor.field, data.get(key))
                editor.set_text(text)
                self._loaded[key] = editor.text()
                masked = key in self.masked
                if key != "kind":
                    editor.set_read_only(masked)
                if key in self.reveal_buttons:
                    self.reveal_buttons[key].setVisible(masked)
                editor.clear_error()
        finally:
            self._loading = False
        self.edited.emit()

    def load_new(self, kind: str) -> None:
        """An empty form for a new file of ``kind``."""
        self.load({"kind": kind, "level": "internal", "masked": []})

    def apply_reveal(self, data: dict) -> list[str]:
        """Show the fields a reveal unmasked (``data`` from ``get(reveal=...)``); returns their keys."""
        now_masked = set(data.get("masked", ()))
        shown = []
        self._loading = True
        try:
            for key in sorted(self.masked - now_masked):
                editor = self.editors.get(key)
                if editor is None:
                    continue
                editor.set_text(display(editor.field, data.get(key)))
                self._loaded[key] = editor.text()
                editor.set_read_only(False)
                self.reveal_buttons[key].hide()
                shown.append(key)
        finally:
            self._loading = False
        self.masked &= now_masked
        self.edited.emit()
        return shown

    # -- reading back -------------------------------------------------------------------
    def value(self, key: str) -> str:
        return self.editors[key].text()

    def set_value(self, key: str, text: str) -> None:
        self.editors[key].set_text(text)

    def changed_values(self) -> dict[str, str]:
        """Editable fields whose text differs from what was loaded (the kind never)."""
        return {key: editor.text() for key, editor in self.editors.items()
                if key != "kind" and key not in self.masked
                and editor.text() != self._loaded.get(key, "")}

    def all_values(self) -> dict[str, str]:
        """Every non-empty field, the kind included (for a new file)."""
        return {key: editor.text() for key, editor in self.editors.items()
                if editor.text().strip()}

    def is_dirty(self) -> bool:
        return bool(self.changed_values())

    def revert(self) -> None:
        """Back to the values last loaded or saved."""
        self._loading = True
        try:
            for key, editor in self.editors.items():
                if key in self._loaded and editor.text() != self._loaded[key]:
                    editor.set_text(self._loaded[key])
        finally:
            self._loading = False
        self.clear_errors()
        self.edited.emit()

    # -- errors -------------------------------------------------------------------------
    def show_errors(self, errors: list[FieldError]) -> list[FieldError]:
        """Mark every bad field; returns errors of fields the form does not show."""
        self.clear_errors()
        left = place_errors(self.editors, errors)
        bad = [self.editors[e.field] for e in errors if e.field in self.editors]
        if bad:
            self.ensureWidgetVisible(bad[0])
            bad[0].widget.setFocus()
        return left

    def clear_errors(self) -> None:
        for editor in self.editors.values():
            editor.clear_error()

    def _on_edited(self) -> None:
        if not self._loading:
            self.edited.emit()

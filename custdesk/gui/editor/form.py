"""The basic information of a file: a form generated from ``CUSTOMER_FIELDS`` for its kind.

The form holds no database code: the editor loads it with the dict that
``desk.customers.get`` returns and reads back what changed. Masked sensitive
fields are read-only with a Reveal button beside them. A *locked* field (above the
user's clearance, which core will not reveal to them) shows its mask with the Reveal
button disabled; the user may still replace its value without reading it (Replace:
the field empties and takes what is typed; core seals it at its level). A mask is
never sent back as if it were the value: only fields typed into are.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QPushButton, QScrollArea, QWidget

from ...core.customers.archive import fields_for
from ...core.errors import FieldError
from ...core.fields import DEFAULT_FILE_LEVEL, LEVELS
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
        self.replace_buttons: dict[str, QPushButton] = {}
        self.masked: set[str] = set()
        #: masked fields above the user's clearance: never revealed, may be replaced
        self.locked: set[str] = set()
        #: locked fields the user chose to type a new value into
        self.replacing: set[str] = set()
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
        self.replace_buttons = {}
        for field in fields:
            editor = self.editors[field.key]
            editor.edited.connect(self._on_edited)
            if field.sensitive:
                button = QPushButton(self.tr("Reveal"), editor)
                button.setObjectName(f"reveal_{field.key}")
                button.clicked.connect(lambda _=False, key=field.key: self.reveal_requested.emit(key))
                button.hide()
                editor.add_widget(button)
                self.reveal_buttons[field.key] = button
                replace = QPushButton(self.tr("Replace"), editor)
                replace.setObjectName(f"replace_{field.key}")
                replace.setToolTip(self.tr("Type a new value without seeing the stored one (it is "
                                           "kept at its level; afterwards you see its mask)"))
                replace.clicked.connect(lambda _=False, key=field.key: self.replace(key))
                replace.hide()
                editor.add_widget(replace)
                self.replace_buttons[field.key] = replace
        self.editors["kind"].set_read_only(True)  # a kind is chosen once, at creation
        self.setWidget(inner)

    # -- loading ------------------------------------------------------------------------
    def load(self, data: dict) -> None:
        """Show a file as ``desk.customers.get`` returned it."""
        self.build(data["kind"])
        self.locked = set(data.get("locked", ())) & set(self.editors)
        self.masked = set(data.get("masked", ())) | self.locked
        self.replacing = set()
        self._loaded = {}
        self._loading = True
        try:
            for key, editor in self.editors.items():
                text = display(editor.field, data.get(key))
                editor.set_text(text)
                self._loaded[key] = editor.text()
                editor.set_placeholder(None)
                if key != "kind":
                    editor.set_read_only(key in self.masked)
                self._show_buttons(key)
                editor.clear_error()
        finally:
            self._loading = False
        self.edited.emit()

    def _show_buttons(self, key: str) -> None:
        """Reveal for a masked field (disabled, saying why, when it is locked); Replace for a
        locked one."""
        reveal, replace = self.reveal_buttons.get(key), self.replace_buttons.get(key)
        locked = key in self.locked and key not in self.replacing
        if reveal is not None:
            reveal.setVisible(key in self.masked and key not in self.replacing)
            reveal.setEnabled(not locked)
            reveal.setToolTip(self.tr("Above your clearance") if locked else
                              self.tr("Show the full value (you give a reason; it is logged)"))
        if replace is not None:
            replace.setVisible(locked)
        editor = self.editors[key]
        if locked:
            editor.widget.setToolTip(self.tr("Above your clearance: shown by its mask only"))
        elif key in self.replacing:
            editor.widget.setToolTip(self.tr("The new value replaces the stored one when you save"))
        else:
            editor.widget.setToolTip("")

    def replace(self, key: str) -> None:
        """Let the user type a new value into a locked field (the stored one stays unseen)."""
        editor = self.editors.get(key)
        if editor is None or key not in self.locked or key in self.replacing:
            return
        self.replacing.add(key)
        self._loading = True
        try:
            editor.set_placeholder(self._loaded.get(key, ""))    # the mask, in grey
            editor.set_text("")
            editor.set_read_only(False)
            self._show_buttons(key)
        finally:
            self._loading = False
        editor.widget.setFocus()
        self.edited.emit()

    def _end_replacing(self, key: str) -> None:
        editor = self.editors[key]
        self.replacing.discard(key)
        editor.set_text(self._loaded.get(key, ""))
        editor.set_placeholder(None)
        editor.set_read_only(True)
        self._show_buttons(key)

    def load_new(self, kind: str) -> None:
        """An empty form for a new file of ``kind``."""
        self.load({"kind": kind, "level": LEVELS[DEFAULT_FILE_LEVEL], "masked": []})

    def apply_reveal(self, data: dict) -> list[str]:
        """Show the fields a reveal unmasked (``data`` from ``get(reveal=...)``); returns their keys."""
        now_masked = set(data.get("masked", ())) | self.locked
        shown = []
        self._loading = True
        try:
            for key in sorted(self.masked - now_masked - self.replacing):
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
        """Editable fields whose text differs from what was loaded (the kind never), and
        locked fields given a new value. A masked field is never sent: its text is the mask."""
        out = {}
        for key, editor in self.editors.items():
            if key == "kind":
                continue
            if key in self.replacing:
                if editor.text().strip():
                    out[key] = editor.text()
            elif key not in self.masked and editor.text() != self._loaded.get(key, ""):
                out[key] = editor.text()
        return out

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
            for key in sorted(self.replacing):
                self._end_replacing(key)
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

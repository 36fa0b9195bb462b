"""Enter in a settings group presses its Save button, as Enter presses a dialog's default
button: a clerk who types a value and presses Enter expects it kept.

The fields (spin boxes, line edits) leave Enter unused, so the key travels up to the
group, where a filter catches it. A field that uses Enter itself (a multi-line text)
keeps it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractButton, QWidget

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)   # not Ctrl+Enter


class _EnterSaves(QObject):
    def __init__(self, group: QWidget, button: QAbstractButton):
        super().__init__(group)
        self.group = group
        self.button = button

    def eventFilter(self, watched, event) -> bool:
        if watched is self.group and event.type() == QEvent.Type.KeyPress \
                and event.key() in _ENTER and event.modifiers() in _PLAIN:
            if self.button.isEnabled() and not self.button.isHidden():
                self.button.click()
            return True
        return False


def enter_saves(group: QWidget, button: QAbstractButton) -> None:
    """Enter left unused by a field of ``group`` clicks ``button`` (when it can be clicked)."""
    group.installEventFilter(_EnterSaves(group, button))

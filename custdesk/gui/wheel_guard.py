"""Scrolling a long page must not change the values it scrolls past.

Qt gives a wheel turn over a spin box or combo box to that box, so scrolling the
Settings page or a customer's form with the wheel silently changed whatever value
passed under the pointer (a backup count, a file's status). This filter, installed on
the application, lets such a box take the wheel only when it has the keyboard focus
(the user clicked or tabbed into it); otherwise the turn scrolls the page around it.
Such boxes also stop taking the focus from the wheel (Qt's WheelFocus would hand it
to them before any filter could look).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QComboBox


def _scroll_area(widget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


class WheelGuard(QObject):
    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Polish and isinstance(watched, (QAbstractSpinBox, QComboBox)):
            if watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            return False
        if (event.type() == QEvent.Type.Wheel
                and isinstance(watched, (QAbstractSpinBox, QComboBox))
                and not watched.hasFocus()):
            area = _scroll_area(watched)
            if area is not None:
                QApplication.sendEvent(area.viewport(), event)
            return True            # never to the box itself
        return False


_guard: WheelGuard | None = None


def install() -> WheelGuard:
    """Install the guard on the application once."""
    global _guard
    if _guard is None:
        _guard = WheelGuard()
        QApplication.instance().installEventFilter(_guard)
    return _guard

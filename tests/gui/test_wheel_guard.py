"""A wheel turn over a spin box or combo box in a scrolled page scrolls the page and leaves
the value alone, unless the box has the focus."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QScrollArea, QSpinBox, QVBoxLayout, QWidget

from custdesk.gui import wheel_guard


def wheel(widget, steps: int = -1) -> None:
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0),
                        QPoint(0, 120 * steps), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_wheel_scrolls_the_page_not_the_value(qtbot):
    wheel_guard.install()
    page = QWidget()
    layout = QVBoxLayout(page)
    spin, combo = QSpinBox(), QComboBox()
    spin.setValue(4)
    combo.addItems(["a", "b", "c"])
    layout.addWidget(spin)
    layout.addWidget(combo)
    page.setMinimumHeight(3000)
    area = QScrollArea()
    area.setWidget(page)
    area.resize(300, 200)
    qtbot.addWidget(area)
    area.show()
    qtbot.waitExposed(area)
    assert spin.focusPolicy() == Qt.FocusPolicy.StrongFocus
    wheel(spin)
    wheel(combo)
    assert spin.value() == 4 and combo.currentIndex() == 0
    assert area.verticalScrollBar().value() > 0
    # Focused (clicked or tabbed into), the box takes the wheel as usual.
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus)
    wheel(spin, 1)
    assert spin.value() == 5

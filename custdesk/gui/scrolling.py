"""Pages that scroll instead of making the window grow past the screen.

A top-level window is never smaller than what its layouts ask for at minimum: one
tall page, tab or message line makes Qt grow the window by itself, and on a
1366×768 laptop its bottom buttons and status bar go off-screen. A page put in
``scrolled()`` asks for almost nothing and scrolls when it gets less room than it
needs.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import QFrame, QScrollArea, QStackedWidget, QWidget


class PageStack(QStackedWidget):
    """Pages one at a time, sized by the page on show only: a QStackedWidget asks for the
    largest minimum of all its pages, so one tall page (or one that grew as its data came
    in) would make the window taller while another page is shown."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.currentChanged.connect(lambda _i: self.updateGeometry())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        page = self.currentWidget()
        return page.minimumSizeHint() if page is not None else super().minimumSizeHint()


class PageHolder(QWidget):
    """The scroll area's widget: the page at the viewport's size, never below its minimum.

    Without a layout of its own on purpose: QScrollArea sizes a widget whose layout has a
    height-for-width (any word-wrapped label inside) to its *preferred* height, so a page
    with a wrapped message line scrolled although it had room."""

    def __init__(self, page: QWidget):
        super().__init__()
        self.page = page
        self._hint = QSize()
        page.setParent(self)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self.page.minimumSizeHint().expandedTo(self.page.minimumSize())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self.minimumSizeHint()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.page.setGeometry(self.rect())
        super().resizeEvent(event)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.LayoutRequest and self.minimumSizeHint() != self._hint:
            # The page's needs changed: the scroll area sizes us again (only then: sizing
            # the page posts another request, and answering each would never end).
            self._hint = self.minimumSizeHint()
            self.updateGeometry()
            area = self.parent().parent() if self.parent() is not None else None
            if isinstance(area, QScrollArea):
                area.setWidgetResizable(True)     # recomputes the scroll bars now
        return super().event(event)


class _Scroller(QScrollArea):
    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """What the page needs now: QScrollArea keeps the size its widget wanted the first
        time it was asked (before the page's data, e.g. a scorecard's factors, came in)."""
        frame = 2 * self.frameWidth()
        line = self.fontMetrics().height()
        wanted = self.widget().sizeHint() + QSize(frame, frame)
        return wanted.boundedTo(QSize(36 * line, 24 * line))


def scrolled(page: QWidget, name: str = "") -> QScrollArea:
    """``page`` at the room it is given, scrolling when that is less than its minimum."""
    area = _Scroller()
    if name:
        area.setObjectName(name)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(PageHolder(page))
    return area


def scrolled_page(area: QScrollArea) -> QWidget:
    """The page inside an area made by ``scrolled``."""
    holder = area.widget()
    return holder.page if isinstance(holder, PageHolder) else holder

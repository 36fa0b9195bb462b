"""The start-up notice: once the window first shows, say what is overdue — never in a way
that blocks.

When the home page's first read finds overdue reviews or red warnings, a system tray
message says how many (clicking it brings the window forward on 今日); without a system
tray (some Linux desktops, a bare X server) the home page shows a bar above its sections.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QMainWindow, QSystemTrayIcon

from .style import icon

MESSAGE_MS = 15_000


class StartupNotice(QObject):
    """Watches ``window`` for its first show and ``home`` for its first counts; notifies once."""

    #: the notice was given: (text, "tray" or "bar") — tests wait on it
    notified = Signal(str, str)

    def __init__(self, window: QMainWindow, home, show_home=None, tray_available=None):
        super().__init__(window)
        self._window = window
        self._home = home
        self._show_home = show_home
        self._tray_available = tray_available or QSystemTrayIcon.isSystemTrayAvailable
        self._shown = False
        self._counts: dict | None = None
        self._done = False
        self.where: str | None = None          # "tray" or "bar" once notified
        self.tray: QSystemTrayIcon | None = None
        window.installEventFilter(self)
        home.counts_loaded.connect(self._counts_loaded)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Show and not self._shown:
            self._shown = True
            self._maybe_notify()
        return False

    def _counts_loaded(self, counts: dict) -> None:
        if self._counts is None:          # the first read after login is the one that counts
            self._counts = counts
            self._maybe_notify()
        elif self.where == "bar":
            # The bar stays up: it says the newest counts (a warning closed, a check run),
            # and goes when nothing is left to say.
            overdue, red = counts.get("overdue", 0), counts.get("red", 0)
            self._home.update_notice(self.text(overdue, red, "bar") if overdue or red else "")

    def _maybe_notify(self) -> None:
        if self._done or not self._shown or self._counts is None:
            return
        self._done = True
        self._window.removeEventFilter(self)
        overdue, red = self._counts.get("overdue", 0), self._counts.get("red", 0)
        if overdue or red:
            self.notify(overdue, red)

    def text(self, overdue: int, red: int, where: str) -> str:
        """The counts; the tray message says where the lists are, the bar does not: it sits
        on 今日 above them."""
        if where == "tray":
            text = self.tr("Overdue reviews: %1; open red warnings: %2. Click to open Today.")
        else:
            text = self.tr("Overdue reviews: %1; open red warnings: %2.")
        return text.replace("%1", str(overdue)).replace("%2", str(red))

    def notify(self, overdue: int, red: int) -> str:
        """Say the counts in the tray if there is one, else on the home page; says which."""
        if self._tray_available():
            text = self.text(overdue, red, "tray")
            tray = QSystemTrayIcon(icon("app"), self)
            tray.setToolTip("custdesk")
            tray.messageClicked.connect(self._bring_forward)
            tray.activated.connect(lambda _reason: self._bring_forward())
            tray.show()
            tray.showMessage(self.tr("custdesk — needs attention today"), text,
                             QSystemTrayIcon.MessageIcon.Warning, MESSAGE_MS)
            # The icon is only the message's carrier: it goes once the message has.
            QTimer.singleShot(MESSAGE_MS + 5_000, tray.hide)
            self.tray = tray
            where = "tray"
        else:
            text = self.text(overdue, red, "bar")
            self._home.show_notice(text)
            where = "bar"
        self.where = where
        self.notified.emit(text, where)
        return where

    def _bring_forward(self) -> None:
        window = self._window
        window.showNormal()
        window.raise_()
        window.activateWindow()
        if self._show_home:
            self._show_home()

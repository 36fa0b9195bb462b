"""Locking the window after a spell without keyboard or mouse input.

``IdleLock`` watches the whole application's input and emits ``locked`` after
``minutes`` without any. ``LockOverlay`` then covers the main window (the
caller also hides its pages, so nothing with customer data stays on screen) and
asks for the user's password, checked by ``desk.verify_password`` on the
database thread (failures count towards the login back-off and are audited).

Wiring, in the main window::

    self.idle = IdleLock(minutes=5, parent=self)
    self.overlay = LockOverlay(runner, self, desk.user.display)
    self.idle.locked.connect(lambda by_hand: (hide_pages(), self.overlay.lock(by_hand)))
    self.overlay.unlocked.connect(lambda: (show_pages(), self.idle.resume()))
    self.overlay.switch_requested.connect(switch_user)    # session.Sessions.switch_user
    self.idle.start()
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (QApplication, QFrame, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QVBoxLayout, QWidget)

from ..core.errors import CustdeskError, LoginThrottled
from .login import ERROR_STYLE, Countdown
from .operations import DeskRunner
from .style import icon

DEFAULT_MINUTES = 5

#: events that mean a person is at the keyboard or mouse
INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.KeyRelease,
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd,
    QEvent.Type.TabletPress, QEvent.Type.TabletMove, QEvent.Type.TabletRelease,
    QEvent.Type.InputMethod,
})


class IdleLock(QObject):
    """Emits ``locked(False)`` once after ``timeout`` without user input anywhere in the
    app, ``locked(True)`` when the user locks by hand (``lock_now``).

    Input only records the time (cheap: this sees every event of the program);
    a single-shot timer wakes up when the timeout could have run out and re-arms
    itself for the rest when there was input meanwhile. After ``locked`` it waits
    for ``resume()``.
    """

    locked = Signal(bool)       # by hand

    def __init__(self, minutes: float = DEFAULT_MINUTES, parent: QObject | None = None, *,
                 timeout_ms: int | None = None):
        super().__init__(parent)
        self._timeout_ms = int(timeout_ms if timeout_ms is not None else minutes * 60_000)
        self._last_input = time.monotonic()
        self._running = False
        self.is_locked = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._check)

    # -- settings ------------------------------------------------------------------------
    @property
    def timeout_ms(self) -> int:
        return self._timeout_ms

    def set_minutes(self, minutes: float) -> None:
        self.set_timeout_ms(int(minutes * 60_000))

    def set_timeout_ms(self, ms: int) -> None:
        """The idle time before locking; 0 or less turns locking off."""
        self._timeout_ms = int(ms)
        if self._running and not self.is_locked:
            self._arm()

    # -- running -------------------------------------------------------------------------
    def start(self) -> None:
        app = QApplication.instance()
        if app is None:
            raise RuntimeError("IdleLock needs a running QApplication")
        if not self._running:
            app.installEventFilter(self)
            self._running = True
        self.is_locked = False
        self._last_input = time.monotonic()
        self._arm()

    def stop(self) -> None:
        if self._running:
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            self._running = False
        self._timer.stop()

    def resume(self) -> None:
        """After an unlock: count idle time afresh."""
        self.is_locked = False
        self._last_input = time.monotonic()
        if self._running:
            self._arm()

    def lock_now(self) -> None:
        """Lock at once (a menu command "Lock")."""
        if self._running and not self.is_locked:
            self._lock(by_hand=True)

    # -- watching ------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self._last_input = time.monotonic()
        return False

    def _arm(self, ms: int | None = None) -> None:
        if self._timeout_ms <= 0:
            self._timer.stop()
            return
        self._timer.start(max(1, self._timeout_ms if ms is None else ms))

    def _check(self) -> None:
        if not self._running or self.is_locked or self._timeout_ms <= 0:
            return
        idle_ms = (time.monotonic() - self._last_input) * 1000
        if idle_ms >= self._timeout_ms:
            self._lock()
        else:
            self._arm(int(self._timeout_ms - idle_ms) + 1)

    def _lock(self, by_hand: bool = False) -> None:
        self._timer.stop()
        self.is_locked = True
        self.locked.emit(by_hand)


class LockOverlay(QWidget):
    """Covers the whole of ``window`` and asks for the user's password again.

    While it is shown, keyboard shortcuts and input meant for the widgets under
    it are swallowed. ``unlocked`` fires once ``desk.verify_password`` agrees;
    ``quit_requested`` when the user chooses to quit instead.
    """

    unlocked = Signal()
    quit_requested = Signal()
    #: someone else wants to log in ("Switch user…"): the session ends, the login shows
    switch_requested = Signal()

    def __init__(self, runner: DeskRunner, window: QWidget, user: str):
        super().__init__(window)
        self.runner = runner
        self._busy = False
        self.setObjectName("LockOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAutoFillBackground(True)
        self.setStyleSheet("#LockOverlay { background: palette(window); }")

        self.title = QLabel(self.tr("Locked"))
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title.setFont(font)
        self.user_label = QLabel()
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Password"))
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.quit_button = QPushButton(self.tr("Quit"))
        self.switch_button = QPushButton(icon("switch_user"), self.tr("Switch user…"))
        self.switch_button.setObjectName("lock_switch_user")
        self.switch_button.setToolTip(self.tr(
            "Log this user out and log in as someone else, without quitting custdesk"))
        self.switch_button.setAutoDefault(False)
        self.quit_button.setAutoDefault(False)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()

        box = QFrame()
        box.setFrameShape(QFrame.Shape.StyledPanel)
        box.setMaximumWidth(420)
        inner = QVBoxLayout(box)
        inner.addWidget(self.title)
        inner.addWidget(self.user_label)
        inner.addWidget(self.explain)
        inner.addWidget(self.password)
        inner.addWidget(self.message)
        row = QHBoxLayout()
        row.addWidget(self.switch_button)
        row.addStretch(1)
        row.addWidget(self.quit_button)
        row.addWidget(self.unlock_button)
        inner.addLayout(row)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        middle = QHBoxLayout()
        middle.addStretch(1)
        middle.addWidget(box, 2)
        middle.addStretch(1)
        outer.addLayout(middle)
        outer.addStretch(2)

        self.set_user(user)
        self.unlock_button.clicked.connect(self.submit)
        self.password.returnPressed.connect(self.submit)
        self.quit_button.clicked.connect(self.quit_requested)
        self.switch_button.clicked.connect(self._switch)
        self.countdown = Countdown(self)
        self.countdown.ticked.connect(self._show_wait)
        self.countdown.expired.connect(self._wait_over)
        runner.crashed.connect(self._on_crash)
        window.installEventFilter(self)
        self.hide()

    def set_user(self, user: str) -> None:
        self.user_label.setText(self.tr("User: %1").replace("%1", user))

    @property
    def is_locked(self) -> bool:
        return not self.isHidden()

    # -- locking -------------------------------------------------------------------------
    def lock(self, by_hand: bool = False) -> None:
        """Cover the window and wait for the password; say why it is locked."""
        self.explain.setText(self.tr(
            "You locked the window. Enter your password to continue.") if by_hand else self.tr(
            "The window was locked because it was not used for a while. "
            "Enter your password to continue."))
        self.setGeometry(self.parentWidget().rect())
        self.password.clear()
        if not self.countdown.is_running():
            self.message.hide()
        self.show()
        self.raise_()
        app = QApplication.instance()
        app.removeEventFilter(self)     # at most once
        app.installEventFilter(self)
        self.password.setFocus()

    def _switch(self) -> None:
        if not self._busy:
            self.switch_requested.emit()

    def release(self) -> None:
        """The session ends (switching user): stop watching the application's input."""
        QApplication.instance().removeEventFilter(self)
        self.countdown.stop()
        try:
            self.runner.crashed.disconnect(self._on_crash)
        except (RuntimeError, TypeError):
            pass

    def _unlock(self) -> None:
        QApplication.instance().removeEventFilter(self)
        self.password.clear()
        self.message.hide()
        self.hide()
        self.unlocked.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.parentWidget():
            if kind == QEvent.Type.Resize and self.is_locked:
                self.setGeometry(self.parentWidget().rect())
            elif kind == QEvent.Type.ChildAdded and self.is_locked:
                self.raise_()           # stay on top of widgets added later
            return False
        if not self.is_locked:
            return False
        if kind == QEvent.Type.Shortcut:
            return True                 # no menu command may run under the lock
        if kind in INPUT_EVENTS and isinstance(watched, QWidget) \
                and watched.window() is self.window() and not self._owns(watched):
            return True                 # input for the covered widgets (menu bar, ...)
        return False

    def _owns(self, widget: QWidget) -> bool:
        return widget is self or self.isAncestorOf(widget)

    # -- unlocking -----------------------------------------------------------------------
    def submit(self) -> None:
        if self._busy or self.countdown.is_running():
            return
        password = self.password.text()
        if not password:
            self.show_message(self.tr("Enter your password."))
            return
        self._set_busy(True)
        self.runner.run(lambda desk: desk.verify_password(password),
                        self._on_checked, self._on_error)

    def _on_checked(self, ok: bool) -> None:
        self._set_busy(False)
        if ok:
            self._unlock()
            return
        self.password.clear()
        self.password.setFocus()
        self.show_message(self.tr("Wrong password."))

    def _on_error(self, exc: CustdeskError) -> None:
        self._set_busy(False)
        self.password.clear()
        self.show_message(str(exc))
        if isinstance(exc, LoginThrottled):
            self.countdown.start(exc.seconds)
        else:
            self.password.setFocus()

    def _on_crash(self, exc: BaseException, _trace: str) -> None:
        if self._busy:
            self._set_busy(False)
            self.show_message(self.tr("The password could not be checked: %1")
                              .replace("%1", str(exc) or type(exc).__name__))

    def _show_wait(self, seconds: int) -> None:
        self.unlock_button.setEnabled(False)
        self.show_message(str(LoginThrottled(seconds)))

    def _wait_over(self) -> None:
        self.unlock_button.setEnabled(not self._busy)
        self.message.hide()
        self.password.setFocus()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.password.setEnabled(not busy)
        self.unlock_button.setEnabled(not busy and not self.countdown.is_running())

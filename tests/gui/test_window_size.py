"""The main window's first size fits the screen it opens on."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize

from custdesk.gui.main_window import DEFAULT_SIZE, TITLE_BAR, MainWindow, fitted_size
from tests.gui.conftest import call


class Screen:
    """A screen of the given free area (the desktop less its taskbar)."""

    def __init__(self, width: int, height: int):
        self.free = QRect(0, 0, width, height)

    def availableGeometry(self) -> QRect:  # noqa: N802 - Qt's name
        return self.free


def test_a_laptop_screen_holds_the_whole_window_with_its_title_bar():
    # 1366×768 less a 40-pixel taskbar
    size = fitted_size(Screen(1366, 728))
    assert size.height() + TITLE_BAR <= 728 and size.width() <= 1366
    assert size == QSize(DEFAULT_SIZE.width(), 728 - TITLE_BAR)


def test_a_large_screen_gets_the_default_size():
    assert fitted_size(Screen(1920, 1040)) == DEFAULT_SIZE
    assert fitted_size(None) == DEFAULT_SIZE


def test_the_window_is_no_taller_than_its_screen(runner, qtbot, db_path):
    from PySide6.QtWidgets import QApplication
    window = MainWindow(runner, call(runner, qtbot, lambda d: d.user), db_path)
    qtbot.addWidget(window)
    free = QApplication.primaryScreen().availableGeometry()
    assert window.height() + TITLE_BAR <= max(free.height(), window.minimumSizeHint().height()
                                              + TITLE_BAR)
    assert window.height() <= DEFAULT_SIZE.height()

"""The quick check the window leaves to the background: it still finds damage, nothing is
written before it has passed, and the window says so and leaves for the login."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from custdesk.core import integrity
from custdesk.core.desk import Desk

from .helpers import ADMIN, PASSWORD, new_database


def with_a_large_document(folder: Path) -> tuple[Path, str]:
    """A database whose last pages but a few hold one large document (never read at login)."""
    path = new_database(folder)
    with Desk.open(path, ADMIN, PASSWORD) as desk:
        code = desk.customers.add({"kind": "individual", "name": "档案客户"}).code
        desk.documents.add(code, "scan.bin", os.urandom(400_000), "other")
        desk.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path, code


def test_opening_without_waiting_then_checking(tmp_path):
    path, code = with_a_large_document(tmp_path)
    desk = Desk.open(path, ADMIN, PASSWORD, daily_check=False, quick_check=False)
    try:
        desk.open_check(timeout=60)                     # a whole file passes
        desk.customers.edit(code, {"notes": "检查后写入"})
    finally:
        desk.close()
    # Closing while the check still runs interrupts it, quietly.
    Desk.open(path, ADMIN, PASSWORD, daily_check=False, quick_check=False).close()


def test_damage_found_in_the_background_stops_every_write(tmp_path):
    path, code = with_a_large_document(tmp_path)
    data = bytearray(path.read_bytes())
    data[len(data) - 200_000] ^= 0x04                    # inside the document's pages
    path.write_bytes(data)
    desk = Desk.open(path, ADMIN, PASSWORD, daily_check=False, quick_check=False)
    try:
        assert desk.customers.get(code)["name"] == "档案客户"      # reads go on meanwhile
        with pytest.raises(integrity.DatabaseDamaged, match="已损坏"):
            desk.open_check(timeout=60)
        with pytest.raises(integrity.DatabaseDamaged):
            desk.customers.edit(code, {"notes": "不应写入"})
    finally:
        desk.close()
    # The command line and anything else checking at open refuse it at once.
    with pytest.raises(integrity.DatabaseDamaged):
        Desk.open(path, ADMIN, PASSWORD)


def test_the_window_says_so_and_leaves(qtbot, monkeypatch):
    from PySide6.QtWidgets import QMainWindow, QMessageBox

    from custdesk.gui import app as app_module

    class FakeDesk:
        def open_check(self, timeout=None):
            raise integrity.DatabaseDamaged(Path("/nowhere/custdesk.db"), "测试损坏")

    class FakeRunner:
        desk = FakeDesk()

    class FakeApp:
        quitted = 0

        def quit(self):
            self.quitted += 1

    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[2]))
    window = QMainWindow()
    qtbot.addWidget(window)
    window.damaged = None
    window.show()
    fake_app = FakeApp()
    app_module._watch_open_check(fake_app, FakeRunner(), window, quiet=False)
    qtbot.waitUntil(lambda: window.damaged is not None, timeout=5000)
    assert isinstance(window.damaged, integrity.DatabaseDamaged)
    assert fake_app.quitted == 1 and not window.isVisible()
    assert len(shown) == 1 and "测试损坏" in shown[0]

"""Help › About custdesk: the program's version, the database's path and its schema version."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from custdesk import __version__
from custdesk.core.store import migrations
from custdesk.gui.about_dialog import AboutDialog
from custdesk.gui.main_window import MainWindow
from tests.gui.conftest import call


def test_about_shows_version_database_and_schema(runner, db_path, qtbot):
    dialog = AboutDialog(runner, db_path)
    qtbot.addWidget(dialog)
    schema = call(runner, qtbot, lambda desk: desk.schema_version())
    assert schema == len(migrations.known_names()) > 0
    qtbot.waitUntil(lambda: dialog.schema_label.text() == str(schema), timeout=10_000)
    assert __version__ in dialog.version_label.text()
    assert dialog.database_label.text() == str(db_path)
    details = dialog.details()
    assert __version__ in details and str(db_path) in details and str(schema) in details


def test_about_shows_the_root_key_fingerprint(runner, db_path, qtbot):
    from custdesk.core.keys.primitives import fingerprint
    dialog = AboutDialog(runner, db_path)
    qtbot.addWidget(dialog)
    root = fingerprint(call(runner, qtbot, lambda desk: desk.personal.root))
    qtbot.waitUntil(lambda: dialog.fingerprint_label.text() == root, timeout=10_000)
    assert len(root) == 19 and root.count("-") == 3
    assert f"Root key fingerprint: {root}" in dialog.details()


def test_an_older_schema_says_what_this_program_writes(runner, db_path, qtbot):
    dialog = AboutDialog(runner, db_path)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.schema_label.text().isdigit(), timeout=10_000)
    dialog._show_schema(dialog.program_schema - 1)
    assert dialog.schema_label.text() == (f"{dialog.program_schema - 1} (this program writes "
                                          f"{dialog.program_schema})")


def test_copy_details_puts_them_on_the_clipboard(runner, db_path, qtbot):
    dialog = AboutDialog(runner, db_path)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.schema_label.text().isdigit(), timeout=10_000)
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == dialog.details()


def test_the_help_menu_opens_it(runner, db_path, qtbot):
    desk_user = call(runner, qtbot, lambda desk: desk.user)
    window = MainWindow(runner, desk_user, db_path)
    qtbot.addWidget(window)
    dialog = window.about()
    assert isinstance(dialog, AboutDialog) and dialog.isVisible()
    assert dialog.windowTitle() == "About custdesk"
    qtbot.waitUntil(lambda: dialog.schema_label.text().isdigit(), timeout=10_000)
    dialog.reject()

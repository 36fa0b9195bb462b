"""Exporting from the window: the dialog offers every file, the files the list shows or the
selected rows, with their counts, and starts on what the list shows when it is filtered; the
window's Ctrl+E works with the cursor in the search box."""

from __future__ import annotations

import csv
import io

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView

from custdesk.gui.export_dialog import ALL, SELECTED, SHOWN, ExportDialog, ListScope
from tests.gui.conftest import call
from tests.gui.test_customer_list import PEOPLE, add_all, search, settle

T = 10_000


def codes_in(path) -> list[str]:
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))
    return sorted(row[0] for row in rows[1:])


def window_with_people(runner, db_path, qtbot):
    from custdesk.gui.main_window import MainWindow
    people = call(runner, qtbot, lambda desk: add_all(desk, PEOPLE))
    window = MainWindow(runner, call(runner, qtbot, lambda d: d.user), db_path)
    qtbot.addWidget(window)
    window.show()
    window.show_area("customers")
    settle(window.customer_list, qtbot)
    return window, people


def export_to(dialog, qtbot, path) -> None:
    dialog.path.setText(str(path))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.done_result is not None, timeout=T)


def test_a_filtered_list_exports_what_it_shows_by_default(runner, db_path, qtbot, tmp_path):
    window, people = window_with_people(runner, db_path, qtbot)
    page = window.customer_list
    search(page, qtbot, "张伟")                                  # 张伟 and 张伟明
    dialog = window.export_customers()
    qtbot.waitUntil(lambda: "(6)" in dialog.choices[ALL].text(), timeout=T)
    assert dialog.choice() == SHOWN and dialog.choices[SHOWN].isEnabled()
    assert dialog.choices[SHOWN].text() == "The files the list shows (2)"
    assert dialog.choices[ALL].text() == "All the files you may see (6)"
    export_to(dialog, qtbot, tmp_path / "shown.csv")
    assert codes_in(tmp_path / "shown.csv") == sorted([people["张伟"], people["张伟明"]])
    assert dialog.done_result["customers"] == 2


def test_the_selected_rows_or_everything_may_be_chosen(runner, db_path, qtbot, tmp_path):
    window, people = window_with_people(runner, db_path, qtbot)
    page = window.customer_list
    # No search, no filter: "the files shown" is everything, and not offered apart.
    dialog = window.export_customers()
    assert dialog.choice() == ALL and not dialog.choices[SHOWN].isEnabled()
    dialog.reject()
    page.table.selectionModel().clearSelection()
    for name in ("王芳", "蔡明"):
        row = page.model.row_of(people[name])
        page.table.selectionModel().select(
            page.model.index(row, 0),
            page.table.selectionModel().SelectionFlag.Select
            | page.table.selectionModel().SelectionFlag.Rows)
    assert page.table.selectionMode() == QAbstractItemView.SelectionMode.ExtendedSelection
    dialog = window.export_customers()
    assert dialog.choices[SELECTED].text() == "The selected rows (2)"
    dialog.choices[SELECTED].setChecked(True)
    export_to(dialog, qtbot, tmp_path / "picked.csv")
    assert codes_in(tmp_path / "picked.csv") == sorted([people["王芳"], people["蔡明"]])
    everything = window.export_customers()
    everything.choices[ALL].setChecked(True)
    export_to(everything, qtbot, tmp_path / "all.csv")
    assert codes_in(tmp_path / "all.csv") == sorted(people.values())


def test_a_filter_set_while_another_page_is_in_front_leaves_the_default_at_everything(
        runner, qtbot):
    dialog = ExportDialog(runner, scope=ListScope("张", {"kind": None}, 3, (), on_screen=False))
    qtbot.addWidget(dialog)
    assert dialog.choice() == ALL and dialog.choices[SHOWN].isEnabled()
    nothing = ExportDialog(runner, scope=ListScope("没有", {}, 0, (), on_screen=True))
    qtbot.addWidget(nothing)
    assert nothing.choice() == ALL and not nothing.choices[SHOWN].isEnabled()
    settle_runner(runner, qtbot)


def settle_runner(runner, qtbot) -> None:
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=T)


def test_ctrl_e_in_the_search_box_opens_the_export(runner, db_path, qtbot):
    window, _people = window_with_people(runner, db_path, qtbot)
    page = window.customer_list
    window.find()                                     # Ctrl+F: the cursor in the search box
    # A line edit on X11 claims Ctrl+E (end of line) through the shortcut override; the page
    # hands it back to the window. (The offscreen platform has no such binding, so the override
    # is checked as the line edit would see it.)
    override = QKeyEvent(QEvent.Type.ShortcutOverride, Qt.Key.Key_E,
                         Qt.KeyboardModifier.ControlModifier)
    override.accept()
    assert page.eventFilter(page.search_box, override) and not override.isAccepted()
    own = QKeyEvent(QEvent.Type.ShortcutOverride, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    own.accept()
    assert not page.eventFilter(page.search_box, own) and own.isAccepted()   # not the window's
    window.export_action.setEnabled(False)
    assert not page.eventFilter(page.search_box, override)      # a disabled action is not taken
    window.export_action.setEnabled(True)
    opened = []
    window.export_action.triggered.connect(lambda: opened.append(True))
    qtbot.keyClick(page.search_box, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert opened == [True]
    dialogs = window.findChildren(ExportDialog)
    assert len(dialogs) == 1
    dialogs[0].reject()
    settle_runner(runner, qtbot)


def test_the_lists_menu_exports_the_data_of_the_selected_rows(runner, db_path, qtbot, tmp_path):
    window, people = window_with_people(runner, db_path, qtbot)
    page = window.customer_list
    selection = page.table.selectionModel()
    selection.clearSelection()
    for name in ("张伟明", "上海恒泰贸易有限公司"):
        selection.select(page.model.index(page.model.row_of(people[name]), 0),
                         selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
    menu = page.context_menu()
    (action,) = [a for a in menu.actions() if a.text() == "Export data of the selected customers…"]
    assert action.isEnabled()
    action.trigger()
    (dialog,) = window.findChildren(ExportDialog)
    assert dialog.choice() == SELECTED and dialog.choices[SELECTED].text() == "The selected rows (2)"
    export_to(dialog, qtbot, tmp_path / "menu.csv")
    assert codes_in(tmp_path / "menu.csv") == sorted([people["张伟明"], people["上海恒泰贸易有限公司"]])
    selection.clearSelection()
    assert not [a for a in page.context_menu().actions()
                if a.text() == "Export data of the selected customers…"][0].isEnabled()


def test_a_dialog_closed_before_its_counts_arrive_ignores_them(runner, qtbot):
    import threading

    from shiboken6 import isValid
    gate = threading.Event()
    runner.run(lambda _desk: gate.wait(10))                 # the database thread is busy
    dialog = ExportDialog(runner)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    dialog.reject()
    qtbot.waitUntil(lambda: not isValid(dialog), timeout=T)
    gate.set()                                               # its question is answered now
    settle_runner(runner, qtbot)                             # and no error is raised

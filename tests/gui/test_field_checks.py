"""A typed field is checked when the cursor leaves it, by the rules a save applies, and no
message (a field's, the file's) moves the fields under the pointer."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication

from custdesk.core.cleaning import clean_fields
from custdesk.core.customers.archive import fields_for
from custdesk.core.errors import ValidationError
from custdesk.core.fields import RECORD_KINDS
from custdesk.gui.editor import CustomerEditor
from custdesk.gui.editor.jobs import show_message
from custdesk.gui.editor.record_dialog import RecordDialog

T = 10_000
BAD_ID = "11010119900307001X"         # the check character of 110101199003070011 is 1


def core_message(kind: str, key: str, text: str) -> str:
    field = next(f for f in fields_for(kind) if f.key == key)
    try:
        clean_fields([field], {key: text}, required=False)
    except ValidationError as error:
        return error.errors[0].message
    raise AssertionError("core accepts it")


def top_of(widget, root) -> int:
    return widget.mapTo(root, QPoint(0, 0)).y()


def focus(qtbot, widget) -> None:
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget, timeout=T)


def new_person(runner, qtbot) -> CustomerEditor:
    editor = CustomerEditor(runner, None, "individual")
    # typed into and never saved: closing it at the end must not ask whether to save
    qtbot.addWidget(editor, before_close_func=lambda e: e.revert())
    editor.resize(1100, 640)
    editor.show()
    editor.activateWindow()
    qtbot.waitExposed(editor)
    return editor


def test_leaving_a_field_shows_what_core_says_of_it_beside_it(runner, qtbot):
    editor = new_person(runner, qtbot)
    form = editor.form
    number, phone, email = (form.editors[k] for k in ("id_number", "phone", "email"))
    below = top_of(email.widget, form.widget())
    focus(qtbot, number.widget)
    qtbot.keyClicks(number.widget, BAD_ID)
    focus(qtbot, phone.widget)                   # leaving the field checks it
    expected = core_message("individual", "id_number", BAD_ID)
    assert not number.error_label.isHidden() and number.error_label.text() == expected
    assert number.has_error()
    assert top_of(email.widget, form.widget()) == below     # nothing below moved
    # put right and left again: the message goes
    number.widget.clear()
    focus(qtbot, number.widget)
    qtbot.keyClicks(number.widget, "110101199003070011")
    focus(qtbot, email.widget)
    assert number.error_label.isHidden() and not number.has_error()


def test_passing_through_a_field_without_typing_says_nothing(runner, qtbot):
    editor = new_person(runner, qtbot)
    name, phone = editor.form.editors["name"], editor.form.editors["phone"]
    focus(qtbot, name.widget)
    focus(qtbot, phone.widget)
    assert name.error_label.isHidden()       # required, but the user has not got to it yet
    # typed, then emptied by the user: now it is said
    focus(qtbot, name.widget)
    name.widget.insert("王")                # typed (QTest types Latin keys only)
    focus(qtbot, phone.widget)
    assert name.error_label.isHidden()
    focus(qtbot, name.widget)
    name.widget.clear()
    focus(qtbot, phone.widget)
    assert name.error_label.text() == core_message("individual", "name", "")


def test_the_files_message_line_does_not_move_the_form(runner, qtbot):
    editor = new_person(runner, qtbot)
    field = editor.form.editors["name"].widget
    before = top_of(field, editor)
    show_message(editor.message, "没有保存：请更正标红的字段。\n第二行")
    QApplication.processEvents()
    assert editor.message.isVisible()
    assert top_of(field, editor) == before


def test_a_record_dialog_checks_on_leaving_and_has_no_gap_around_a_text_box(qtbot):
    spec = RECORD_KINDS["communications"]
    dialog = RecordDialog("沟通记录", spec.fields)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitExposed(dialog)
    summary = dialog.editors["summary"]
    # the text box's row is as tall as the box: no empty band above and below it
    assert summary.height() == summary.widget.height()
    when, follow = dialog.editors["occurred_on"], dialog.editors["follow_up_on"]
    below = top_of(follow.widget, dialog)
    focus(qtbot, when.widget)
    qtbot.keyClicks(when.widget, "2026-13-45")
    focus(qtbot, follow.widget)
    assert not when.error_label.isHidden() and when.error_label.text()
    assert top_of(follow.widget, dialog) == below


def test_the_language_notice_is_said_beside_the_language_choice(runner, qtbot):
    from custdesk.gui.settings_page import SettingsPage
    page = SettingsPage(runner, runner.desk.user)
    qtbot.addWidget(page)
    page.resize(900, 600)
    page.show()
    qtbot.waitExposed(page)
    other = next(i for i in range(page.language.count()) if i != page.language.currentIndex())
    page.language.setCurrentIndex(other)
    note = page.language_note
    assert note.isVisible() and note.text()
    # right under the choice, on screen however long the page below it is
    assert 0 <= note.mapTo(page, QPoint(0, 0)).y() - page.language.mapTo(page, QPoint(0, 0)).y() \
        <= 3 * page.language.height()


def test_a_second_starts_note_stays_above_the_window_brought_forward(qtbot):
    from PySide6.QtCore import Qt
    from custdesk.gui.single_instance import already_open_box
    box = already_open_box("已在另一个窗口中打开")
    qtbot.addWidget(box)
    assert box.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert box.text() == "已在另一个窗口中打开"

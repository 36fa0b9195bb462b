"""The form shows a doubtful region code or phone range as a warning and saves it with a reason."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog

from custdesk.core import i18n
from custdesk.core.validation import id_check_char
from custdesk.gui.editor.fieldwidgets import WARNING_COLOUR
from tests.gui.conftest import call
from tests.gui.test_editor import open_editor, questions, save_and_wait, T  # noqa: F401

FIRST17 = "11019919800101123"            # 110199: no such county, current or former
ODD_ID = FIRST17 + id_check_char(FIRST17)


def fill(editor) -> None:
    editor.form.set_value("name", "周九")
    editor.form.set_value("id_number", ODD_ID)
    editor.form.set_value("phone", "154 0013 8000")


def test_declined_warnings_are_marked_in_the_warning_colour(runner, qtbot, monkeypatch):
    asked = []
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(
        lambda *args, **kw: asked.append(args[2]) or ("", False)))
    editor = open_editor(qtbot, runner, None)
    fill(editor)
    assert save_and_wait(qtbot, editor) is False and editor.code is None
    assert len(asked) == 1                                   # one question for both warnings
    for field, key in (("id_number", "valid.id.region_unknown"), ("phone", "valid.mobile.unallocated")):
        shown = editor.form.editors[field]
        assert shown.has_error() and WARNING_COLOUR in shown.error_label.styleSheet()
        message = i18n.tr(key, code="110199", born=1980)
        assert shown.error_label.text() == message and message in asked[0]


def test_warnings_are_saved_with_the_reason(runner, qtbot, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("客户当面核对", True)))
    editor = open_editor(qtbot, runner, None)
    fill(editor)
    with qtbot.waitSignal(editor.saved, timeout=T):
        editor.save()
    stored = call(runner, qtbot, lambda d: d.customers.get(
        editor.code, reveal=["id_number", "phone"], reason="核对"))
    assert (stored["id_number"], stored["phone"]) == (ODD_ID, "15400138000")
    assert stored["overrides"] == {"id_number": "客户当面核对", "phone": "客户当面核对"}

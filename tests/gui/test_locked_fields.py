"""Values above the user's clearance ("locked"): shown by their mask, never revealed, never
sent back as if the mask were the value; a clerk may still type one in (core seals it)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from custdesk.gui.editor import CustomerEditor
from tests.gui.conftest import call

ID = "11010519491231002X"
OTHER_ID = "110105198001010016"
T = 10_000


@pytest.fixture(autouse=True)
def questions(monkeypatch):
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Discard))

    def unexpected(*args, **kwargs):
        raise AssertionError(f"unexpected input dialog: {args[1:3]}")
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(unexpected))


def open_editor(qtbot, runner, code=None, kind="individual") -> CustomerEditor:
    editor = CustomerEditor(runner, code, kind)
    qtbot.addWidget(editor)
    if code is not None:
        qtbot.waitUntil(lambda: bool(editor.data), timeout=T)
    return editor


def save(qtbot, editor) -> bool:
    with qtbot.waitSignal(editor._save_done, timeout=T) as blocker:
        assert editor.save()
    return blocker.args[0]


def as_boss(runner, qtbot, code) -> dict:
    return call(runner, qtbot, lambda d: d.customers.get(code, reveal=["id_number"],
                                                         reason="核对"))


def person(runner, qtbot, **values) -> str:
    values = {"kind": "individual", "name": "张伟", "phone": "13800138000", **values}
    return call(runner, qtbot, lambda d: d.customers.add(values)).code


def test_a_locked_field_shows_its_mask_read_only_and_cannot_be_revealed(runner, make_runner,
                                                                       qtbot):
    code = person(runner, qtbot, id_number=ID)
    editor = open_editor(qtbot, make_runner("clerk"), code)
    form = editor.form
    assert form.locked == {"id_number", "birth_date"}
    assert form.value("id_number") == "**************002X" and form.value("birth_date") == "***"
    for key in ("id_number", "birth_date"):
        assert form.editors[key].is_read_only()
        reveal = form.reveal_buttons[key]
        assert not reveal.isHidden() and not reveal.isEnabled()
        assert reveal.toolTip() == "Above your clearance"
        assert not form.replace_buttons[key].isHidden()
    # The phone is masked but within her clearance: Reveal works, nothing to replace.
    assert form.value("phone") == "138****8000"
    assert form.reveal_buttons["phone"].isEnabled() and form.replace_buttons["phone"].isHidden()


def test_saving_other_fields_never_sends_the_mask_back(runner, make_runner, qtbot):
    code = person(runner, qtbot, id_number=ID)
    clerk = make_runner("clerk")
    editor = open_editor(qtbot, clerk, code)
    editor.form.set_value("employer", "义乌小商品城")
    assert editor.form.changed_values() == {"employer": "义乌小商品城"}
    assert save(qtbot, editor) is True
    stored = as_boss(runner, qtbot, code)
    assert stored["id_number"] == ID and stored["employer"] == "义乌小商品城"
    edits = [e for e in call(runner, qtbot, lambda d: d.audit.entries(customer=code))
             if e["action"] == "customer.edit"]
    assert len(edits) == 1 and set(edits[0]["summary"]) == {"employer"}


def test_a_clerk_types_an_id_number_she_cannot_read_and_then_sees_its_mask(runner, make_runner,
                                                                          qtbot):
    code = person(runner, qtbot)                          # no ID number yet
    editor = open_editor(qtbot, make_runner("clerk"), code)
    form = editor.form
    assert not form.editors["id_number"].is_read_only() and not form.locked
    form.set_value("id_number", ID)
    assert save(qtbot, editor) is True
    assert as_boss(runner, qtbot, code)["id_number"] == ID          # sealed at its level
    assert form.value("id_number") == "**************002X"
    assert "id_number" in form.locked and form.editors["id_number"].is_read_only()
    assert not form.reveal_buttons["id_number"].isEnabled()
    assert not editor.has_unsaved_changes()


def test_replacing_a_locked_value_without_reading_it(runner, make_runner, qtbot):
    code = person(runner, qtbot, id_number=ID)
    editor = open_editor(qtbot, make_runner("clerk"), code)
    form = editor.form
    qtbot.mouseClick(form.replace_buttons["id_number"], Qt.MouseButton.LeftButton)
    line = form.editors["id_number"].widget
    assert line.text() == "" and line.placeholderText() == "**************002X"
    assert not line.isReadOnly() and form.replace_buttons["id_number"].isHidden()
    assert form.changed_values() == {} and not editor.has_unsaved_changes()
    # Revert puts the mask back, read-only.
    form.set_value("id_number", OTHER_ID)
    assert editor.has_unsaved_changes()
    editor.revert()
    assert form.value("id_number") == "**************002X" and line.isReadOnly()
    assert not form.replace_buttons["id_number"].isHidden() and not editor.has_unsaved_changes()
    # Replace and save: core stores the new number; she sees its mask.
    form.replace("id_number")
    qtbot.keyClicks(line, OTHER_ID)
    assert form.changed_values() == {"id_number": OTHER_ID}
    assert save(qtbot, editor) is True
    assert as_boss(runner, qtbot, code)["id_number"] == OTHER_ID
    assert form.value("id_number") == "**************0016" and line.isReadOnly()
    assert form.replacing == set()


def test_record_kinds_above_the_clearance_cannot_be_revealed_or_edited(runner, make_runner,
                                                                      qtbot):
    code = person(runner, qtbot)
    call(runner, qtbot, lambda d: d.settings.set_field_level("credit_records", 2))
    call(runner, qtbot, lambda d: d.settings.set_field_level("financials", 2))
    call(runner, qtbot, lambda d: d.records.add(code, "credit_records", {
        "kind": "loan", "occurred_on": "2024-05-01", "amount": "50000"}))
    call(runner, qtbot, lambda d: d.records.add(code, "financials", {
        "period": "2024", "income": "120000"}))
    clerk = make_runner("clerk")
    editor = open_editor(qtbot, clerk, code)
    tab = editor.credit_records
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1, timeout=T)
    assert tab.is_locked() and tab.rows[0]["locked"]
    assert not tab.reveal_button.isHidden() and not tab.reveal_button.isEnabled()
    assert tab.reveal_button.toolTip() == "Above your clearance"
    assert tab.table.item(0, 3).text() in ("", "***")          # the amount is not shown
    assert tab.table.item(0, 3).toolTip() == "Above your clearance"
    tab.table.selectRow(0)
    assert not tab.edit_button.isEnabled() and not tab.delete_button.isEnabled()
    assert tab.edit_selected() is None and tab.request_reveal() is None
    assert tab.add_button.isEnabled()                     # writing up is allowed

    financials = editor.financials
    qtbot.waitUntil(lambda: len(financials.columns) == 1, timeout=T)
    assert financials.is_locked() and not financials.reveal_button.isEnabled()
    assert financials.reveal_button.toolTip() == "Above your clearance"
    assert financials.request_reveal() is None


def test_contacts_phones_arrive_masked_and_are_revealed_before_editing(runner, qtbot):
    code = person(runner, qtbot)
    call(runner, qtbot, lambda d: d.records.add(code, "contacts", {"name": "王五",
                                                                   "phone": "13900139000"}))
    editor = open_editor(qtbot, runner, code)
    tab = editor.contacts
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1, timeout=T)
    phone = next(i for i, f in enumerate(tab.spec.fields) if f.key == "phone")
    assert tab.table.item(0, phone).text() == "139****9000"
    assert not tab.reveal_button.isHidden() and tab.reveal_button.isEnabled()
    tab.table.selectRow(0)
    assert not tab.edit_button.isEnabled()
    tab.reveal("核对联系方式")
    qtbot.waitUntil(lambda: tab.table.item(0, phone).text() == "13900139000", timeout=T)
    assert tab.reveal_button.isHidden()
    tab.table.selectRow(0)
    assert tab.edit_button.isEnabled()

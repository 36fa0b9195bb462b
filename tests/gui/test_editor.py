"""The customer file editor: form, inline validation, unsaved-changes guard, reveals, tabs."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from custdesk.core import clock, i18n
from custdesk.core.errors import AccessDenied
from custdesk.core.validation import format_money, id_check_char
from custdesk.gui.editor import CustomerEditor, RevealDialog
from tests.gui.conftest import call

ID = "11010519491231002X"
PHONE = "13800138000"
T = 10_000


@pytest.fixture(autouse=True)
def questions(monkeypatch):
    """QMessageBox.question never blocks: it records the question and answers Discard
    (editors left with changes are closed at teardown). Tests patch it for other answers."""
    asked = []

    def discard(*args, **kwargs):
        asked.append(args[1])
        return QMessageBox.StandardButton.Discard
    monkeypatch.setattr(QMessageBox, "question", staticmethod(discard))
    return asked


def add_person(runner, qtbot, **values):
    values = {"kind": "individual", "name": "张伟", "phone": PHONE, "id_number": ID, **values}
    values = {k: v for k, v in values.items() if v is not None}
    return call(runner, qtbot, lambda d: d.customers.add(values)).code


def open_editor(qtbot, runner, code=None, kind="individual") -> CustomerEditor:
    editor = CustomerEditor(runner, code, kind)
    qtbot.addWidget(editor)
    if code is not None:
        qtbot.waitUntil(lambda: bool(editor.data), timeout=T)
    return editor


def audit_head(runner, qtbot):
    return call(runner, qtbot, lambda d: d.audit.head())


def save_and_wait(qtbot, editor):
    with qtbot.waitSignal(editor._save_done, timeout=T) as blocker:
        assert editor.save()
    return blocker.args[0]


# -- the form ------------------------------------------------------------------------------
def test_opening_an_individual_fills_the_form_with_masked_sensitive_fields(runner, qtbot):
    code = add_person(runner, qtbot, employer="义乌小商品城", monthly_income="12000")
    editor = open_editor(qtbot, runner, code)
    form = editor.form
    assert form.value("name") == "张伟" and form.value("employer") == "义乌小商品城"
    assert form.value("phone") == "138****8000"
    assert form.value("id_number") == "**************002X"
    assert form.value("monthly_income") == "***"
    # The birth date is levelled with the ID number (shown beside its mask it would give it away).
    assert form.value("birth_date") == "***" and form.value("gender") == "female"
    gender = form.editors["gender"].widget   # a choice shows its label and keeps the value
    assert gender.currentText() == "女" and gender.currentData() == "female"
    assert [gender.itemText(i) for i in range(gender.count())] == ["", "男", "女"]
    for key in ("phone", "id_number", "monthly_income"):
        assert form.editors[key].is_read_only() and not form.reveal_buttons[key].isHidden()
    assert not form.editors["name"].is_read_only() and form.editors["kind"].is_read_only()
    assert "credit_code" not in form.editors  # enterprise fields are not shown
    assert editor.title() == f"张伟 ({code})" and not editor.has_unsaved_changes()


def test_labels_follow_the_core_language(runner, qtbot):
    from PySide6.QtWidgets import QLabel
    i18n.set_language("en")
    code = add_person(runner, qtbot)
    editor = open_editor(qtbot, runner, code)
    labels = {label.text() for label in editor.form.findChildren(QLabel)}
    assert {"Name *", "ID number", "Monthly income"} <= labels
    assert editor.tabs.tabText(1) == "Contacts"


def test_money_is_shown_in_yuan_with_two_decimals(runner, qtbot):
    code = call(runner, qtbot, lambda d: d.customers.add(
        {"kind": "enterprise", "name": "义乌市晨光贸易有限公司", "registered_capital": "12000"})).code
    editor = open_editor(qtbot, runner, code)
    assert editor.form.value("registered_capital") == "12,000.00"
    assert "id_number" not in editor.form.editors and "credit_code" in editor.form.editors


def test_editing_the_name_and_saving_persists_it(runner, qtbot):
    code = add_person(runner, qtbot)
    editor = open_editor(qtbot, runner, code)
    titles = []
    editor.title_changed.connect(titles.append)
    editor.form.set_value("name", "张伟强")
    assert editor.has_unsaved_changes() and titles[-1].startswith("*")
    with qtbot.waitSignal(editor.saved, timeout=T) as blocker:
        editor.save_action.trigger()  # Ctrl+S
    assert blocker.args == [code]
    assert call(runner, qtbot, lambda d: d.customers.get(code))["name"] == "张伟强"
    assert not editor.has_unsaved_changes() and titles[-1] == f"张伟强 ({code})"
    assert editor.form.value("phone") == "138****8000"  # only the changed field was sent


def test_invalid_phone_is_marked_next_to_the_field_and_nothing_is_written(runner, qtbot):
    code = add_person(runner, qtbot, phone=None)
    editor = open_editor(qtbot, runner, code)
    head = audit_head(runner, qtbot)
    editor.form.set_value("name", "张伟强")
    editor.form.set_value("phone", "12345")
    assert save_and_wait(qtbot, editor) is False
    phone = editor.form.editors["phone"]
    assert phone.has_error() and phone.widget.property("invalid") is True
    assert not phone.error_label.isHidden()
    assert phone.error_label.text() == i18n.tr("valid.phone.format")
    assert not editor.form.editors["name"].has_error()
    assert audit_head(runner, qtbot) == head
    stored = call(runner, qtbot, lambda d: d.customers.get(code))
    assert stored["name"] == "张伟" and stored["phone"] is None
    assert editor.has_unsaved_changes()
    editor.form.set_value("phone", PHONE)  # corrected: the mark goes on the next save
    assert save_and_wait(qtbot, editor) is True
    assert not phone.has_error() and phone.error_label.isHidden()


def test_a_checksum_warning_may_be_overridden_with_a_reason(runner, qtbot, monkeypatch):
    bad = ID[:17] + ("0" if id_check_char(ID[:17]) != "0" else "1")
    asked = []
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(
        lambda *args, **kw: asked.append(args[2]) or ("证件原件如此", True)))
    editor = open_editor(qtbot, runner, None)
    editor.form.set_value("name", "李娜")
    editor.form.set_value("id_number", bad)
    with qtbot.waitSignal(editor.saved, timeout=T):
        editor.save()
    assert asked and "校验码" in asked[0]
    stored = call(runner, qtbot, lambda d: d.customers.get(editor.code))
    assert stored["overrides"] == {"id_number": "证件原件如此"}


def test_declining_the_override_leaves_the_field_marked(runner, qtbot, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("", False)))
    editor = open_editor(qtbot, runner, None)
    editor.form.set_value("name", "李娜")
    editor.form.set_value("id_number", ID[:17] + ("0" if ID[17] != "0" else "1"))
    assert save_and_wait(qtbot, editor) is False
    assert editor.form.editors["id_number"].has_error() and editor.code is None


# -- unsaved changes -----------------------------------------------------------------------
def test_dirty_flag_revert_and_close_guard(runner, qtbot, monkeypatch, questions):
    code = add_person(runner, qtbot)
    editor = open_editor(qtbot, runner, code)
    assert editor.maybe_close() is True and questions == []  # clean: no question asked

    editor.form.set_value("address", "浙江省义乌市稠城街道")
    assert editor.has_unsaved_changes()
    editor.revert_action.trigger()  # Esc
    assert editor.form.value("address") == "" and not editor.has_unsaved_changes()

    editor.form.set_value("address", "浙江省义乌市稠城街道")
    answers = []

    def answer(button):
        def question(*args, **kwargs):
            answers.append(args[1])
            return button
        monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    answer(QMessageBox.StandardButton.Cancel)
    assert editor.maybe_close() is False
    assert editor.has_unsaved_changes() and editor.form.value("address") == "浙江省义乌市稠城街道"
    editor.show()
    assert editor.close() is False and editor.isVisible()  # the window's close asks too

    answer(QMessageBox.StandardButton.Discard)
    assert editor.maybe_close() is True and len(answers) == 3
    assert not editor.has_unsaved_changes()
    assert call(runner, qtbot, lambda d: d.customers.get(code))["address"] is None


def test_close_guard_save_answer_saves_before_closing(runner, qtbot, monkeypatch):
    code = add_person(runner, qtbot)
    editor = open_editor(qtbot, runner, code)
    editor.form.set_value("address", "浙江省义乌市稠城街道")
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Save))
    assert editor.maybe_close() is True
    assert call(runner, qtbot, lambda d: d.customers.get(code))["address"] == "浙江省义乌市稠城街道"
    editor.form.set_value("phone", "")  # masked: read-only, never sent
    editor.form.set_value("email", "not-an-address")
    assert editor.maybe_close() is False  # the save was refused: stay open, field marked
    assert editor.form.editors["email"].has_error()


# -- reveals -------------------------------------------------------------------------------
def test_reveal_dialog_needs_a_reason(qtbot):
    dialog = RevealDialog("证件号码")
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.reason_edit, "   ")
    assert not dialog.ok_button.isEnabled()
    dialog.accept()
    assert dialog.result() != RevealDialog.DialogCode.Accepted
    dialog.reason_edit.insert("办理授信核实身份")  # QTest types ASCII only
    assert dialog.ok_button.isEnabled() and dialog.reason() == "办理授信核实身份"


def test_reveal_with_a_reason_shows_the_full_id_and_is_logged(runner, qtbot):
    code = add_person(runner, qtbot)
    editor = open_editor(qtbot, runner, code)
    dialog = editor.request_reveal("id_number")
    dialog.reason_edit.insert("办理授信核实身份")  # QTest types ASCII only
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.form.value("id_number") == ID, timeout=T)
    assert not editor.form.editors["id_number"].is_read_only()
    assert editor.form.reveal_buttons["id_number"].isHidden()
    assert editor.form.value("phone") == "138****8000"  # only what was asked for
    assert not editor.has_unsaved_changes()
    entries = call(runner, qtbot, lambda d: d.audit.entries(customer=code))
    assert entries[0]["action"] == "customer.reveal"
    assert entries[0]["summary"] == {"fields": ["id_number"], "reason": "办理授信核实身份"}


def test_a_clerk_revealing_the_id_number_is_told_access_is_denied(runner, make_runner, qtbot):
    code = add_person(runner, qtbot)
    clerk = make_runner("clerk")
    with pytest.raises(AccessDenied) as denied:
        call(clerk, qtbot, lambda d: d.customers.get(code, reveal=["id_number"], reason="看看"))
    editor = open_editor(qtbot, clerk, code)
    editor.reveal("id_number", "核实身份")
    qtbot.waitUntil(lambda: not editor.message.isHidden(), timeout=T)
    assert editor.message.text() == str(denied.value)
    assert editor.form.value("id_number") == "**************002X"
    assert editor.form.editors["id_number"].is_read_only()


# -- a new file ----------------------------------------------------------------------------
def test_a_new_file_saves_and_gets_a_code(runner, qtbot):
    editor = open_editor(qtbot, runner, None, "individual")
    assert editor.title() == "New individual" and not editor.tabs.isTabEnabled(1)
    assert not editor.has_unsaved_changes()
    editor.form.set_value("name", "王芳")
    editor.form.set_value("phone", "139 0000 1111")
    editor.form.set_value("monthly_income", "8,500.50")
    with qtbot.waitSignal(editor.saved, timeout=T) as blocker:
        editor.save()
    code = blocker.args[0]
    assert code.startswith("C") and editor.code == code and editor.tabs.isTabEnabled(1)
    stored = call(runner, qtbot, lambda d: d.customers.get(code, reveal=["income"], reason="核对"))
    assert stored["name"] == "王芳" and stored["kind"] == "individual"
    assert stored["monthly_income"] == 850050
    assert editor.form.value("monthly_income") == "***" and editor.title() == f"王芳 ({code})"


def test_a_new_file_without_a_name_is_refused_inline(runner, qtbot):
    editor = open_editor(qtbot, runner, None, "enterprise")
    editor.form.set_value("industry", "批发")
    assert save_and_wait(qtbot, editor) is False
    assert editor.form.editors["name"].has_error() and editor.code is None
    assert call(runner, qtbot, lambda d: d.customers.list()) == []


# -- sub-records ---------------------------------------------------------------------------
def test_records_tab_adds_a_communication(runner, qtbot):
    code = add_person(runner, qtbot)
    editor = open_editor(qtbot, runner, code)
    tab = editor.communications
    qtbot.waitUntil(lambda: tab.code == code, timeout=T)
    dialog = tab.add_record()
    dialog.set_value("occurred_on", "2025/3/1")
    dialog.set_value("channel", "phone")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # the summary is missing
    qtbot.waitUntil(lambda: dialog.editors["summary"].has_error(), timeout=T)
    dialog.set_value("summary", "电话沟通还款计划")
    with qtbot.waitSignal(tab.loaded, timeout=T):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1, timeout=T)
    texts = [tab.table.item(0, c).text() for c in range(tab.table.columnCount())]
    assert texts[:3] == ["2025-03-01", "电话", "电话沟通还款计划"]   # the channel by its label
    rows = call(runner, qtbot, lambda d: d.records.list(code, "communications"))
    assert [(r["occurred_on"], r["summary"]) for r in rows] == [("2025-03-01", "电话沟通还款计划")]


def test_sensitive_records_load_masked_until_revealed(runner, qtbot):
    code = add_person(runner, qtbot)
    call(runner, qtbot, lambda d: d.records.add(code, "credit_records", {
        "kind": "loan", "occurred_on": "2024-05-01", "amount": "50000", "source": "农商银行"}))
    editor = open_editor(qtbot, runner, code)
    tab = editor.credit_records
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1, timeout=T)
    assert tab.table.item(0, 3).text() == "***" and not tab.reveal_button.isHidden()
    tab.table.selectRow(0)
    assert not tab.edit_button.isEnabled()
    tab.reveal("贷前调查")
    qtbot.waitUntil(lambda: tab.table.item(0, 3).text() == "50,000.00", timeout=T)
    assert tab.table.item(0, 0).text() == "借款"   # the kind by its label
    assert tab.reveal_button.isHidden()
    assert call(runner, qtbot, lambda d: d.audit.entries(customer=code))[0]["action"] == "record.reveal"


def test_financial_statements_show_ratios_and_a_dash_for_a_zero_denominator(runner, qtbot):
    code = call(runner, qtbot, lambda d: d.customers.add(
        {"kind": "enterprise", "name": "义乌市晨光贸易有限公司"})).code
    call(runner, qtbot, lambda d: d.records.add(code, "financials", {
        "period": "2024", "revenue": "0", "net_profit": "100", "total_assets": "1,000,000",
        "current_assets": "500,000", "total_liabilities": "400,000",
        "current_liabilities": "200,000"}))
    editor = open_editor(qtbot, runner, code)
    tab = editor.financials
    qtbot.waitUntil(lambda: len(tab.columns) == 1, timeout=T)
    assert tab.ratio_text("2024", "current_ratio") == "—"  # masked: nothing is computed
    tab.reveal("年度授信审查")
    qtbot.waitUntil(lambda: tab.ratio_text("2024", "current_ratio") == "2.50", timeout=T)
    assert tab.ratio_text("2024", "debt_ratio") == "40.0%"
    assert tab.ratio_text("2024", "net_margin") == "—"  # revenue is zero
    # add a period, fill cells, save through the editor
    assert tab.add_period("2025")
    assert editor.has_unsaved_changes()
    tab.set_cell("2025", "revenue", "2,000,000")
    tab.set_cell("2025", "net_profit", "150,000")
    tab.set_cell("2025", "current_assets", "300,000")
    assert tab.ratio_text("2025", "net_margin") == "7.5%"
    assert tab.ratio_text("2025", "current_ratio") == "—"  # no current liabilities
    assert save_and_wait(qtbot, editor) is True
    rows = call(runner, qtbot, lambda d: d.records.raw(code, "financials"))
    assert {r["period"]: r["revenue"] for r in rows} == {"2025": 200_000_000, "2024": 0}
    assert not editor.has_unsaved_changes()


def test_financial_statement_errors_mark_the_cells(runner, qtbot):
    code = add_person(runner, qtbot)
    editor = open_editor(qtbot, runner, code)
    tab = editor.financials
    qtbot.waitUntil(lambda: tab.code == code, timeout=T)
    tab.add_period("2025")
    tab.set_cell("2025", "total_assets", "100")
    tab.set_cell("2025", "current_assets", "500")
    with qtbot.waitSignal(tab.save_finished, timeout=T) as blocker:
        tab.save()
    assert blocker.args == [False]
    row = next(i for i in range(tab.table.rowCount())
               if tab.table.verticalHeaderItem(i).text() == "流动资产")
    assert tab.table.item(row, 0).background().color().name() == "#ffcdd2"
    assert "2025" in tab.message.text() and tab.is_dirty()


def test_transactions_show_exposure_and_ageing(runner, qtbot):
    code = add_person(runner, qtbot)
    today = clock.today()
    for values in (
            {"kind": "invoice", "ref_no": "INV-1", "occurred_on": (today - datetime.timedelta(100)).isoformat(),
             "due_date": (today - datetime.timedelta(70)).isoformat(), "amount": "3000"},
            {"kind": "invoice", "ref_no": "INV-2", "occurred_on": today.isoformat(),
             "due_date": (today + datetime.timedelta(30)).isoformat(), "amount": "1000"},
            {"kind": "payment", "occurred_on": today.isoformat(), "amount": "500",
             "invoice_ref": "INV-1"}):
        call(runner, qtbot, lambda d, v=values: d.records.add(code, "transactions", v))
    editor = open_editor(qtbot, runner, code)
    tab = editor.transactions
    qtbot.waitUntil(lambda: tab.table.rowCount() == 3, timeout=T)
    assert format_money(350_000) in tab.exposure_label.text()
    assert tab.bucket_labels["61-90"].text().endswith(format_money(250_000))
    assert tab.bucket_labels["0-30"].text().endswith(format_money(100_000))
    assert tab.bucket_labels["90+"].text().endswith(format_money(0))


def test_documents_are_added_highlighted_by_expiry_and_opened(runner, qtbot, monkeypatch, tmp_path):
    code = add_person(runner, qtbot)
    scan = tmp_path / "身份证 正面.png"
    scan.write_bytes(b"\x89PNG fake scan")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(scan), "")))
    opened = []
    from PySide6.QtGui import QDesktopServices
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url)))
    editor = open_editor(qtbot, runner, code)
    tab = editor.documents
    qtbot.waitUntil(lambda: tab.code == code, timeout=T)
    soon = (clock.today() + datetime.timedelta(days=10)).isoformat()
    for expires in ("2001-01-01", soon):
        dialog = tab.add_document()
        dialog.set_value("kind", "id_card")
        dialog.set_value("expires_on", expires)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        count = 1 if expires.startswith("2001") else 2
        qtbot.waitUntil(lambda: tab.table.rowCount() == count, timeout=T)
    colours = [tab.table.item(r, 3).background().color().name() for r in range(2)]
    assert colours == ["#ffcdd2", "#ffe0b2"]
    assert tab.table.item(0, 0).text() == "身份证 正面.png"
    tab.table.selectRow(0)
    with qtbot.waitSignal(tab.opened, timeout=T) as blocker:
        tab.open_selected()
    path = Path(blocker.args[0])
    assert path.read_bytes() == b"\x89PNG fake scan" and opened[0].toLocalFile() == str(path)
    # Not an image Qt can show (a fake): written for the system's viewer, readable by us only.
    assert path.stat().st_mode & 0o777 == 0o600 and path.parent.stat().st_mode & 0o777 == 0o700


def test_history_lists_this_files_entries_newest_first(runner, qtbot):
    code = add_person(runner, qtbot)
    other = add_person(runner, qtbot, name="李娜", id_number=None, phone=None)
    call(runner, qtbot, lambda d: d.customers.edit(code, {"address": "义乌"}))
    call(runner, qtbot, lambda d: d.customers.edit(other, {"address": "金华"}))
    editor = open_editor(qtbot, runner, code)
    history = editor.history
    qtbot.waitUntil(lambda: history.table.rowCount() == 2, timeout=T)
    actions = [history.table.item(r, 2).data(Qt.ItemDataRole.UserRole) for r in range(2)]
    assert actions == ["customer.edit", "customer.add"]
    assert "义乌" in history.table.item(0, 4).text()
    editor.show()
    editor.tabs.setCurrentWidget(history)
    editor.form.set_value("tags", "重点")
    with qtbot.waitSignal(editor.saved, timeout=T):
        editor.save()
    qtbot.waitUntil(lambda: history.table.rowCount() == 3, timeout=T)


def test_history_shows_money_as_yuan_not_fen(runner, qtbot):
    code = add_person(runner, qtbot)
    call(runner, qtbot, lambda d: d.records.add(code, "transactions", {
        "kind": "invoice", "occurred_on": "2026-07-01", "amount": "3487"}))
    editor = open_editor(qtbot, runner, code)
    history = editor.history
    qtbot.waitUntil(lambda: history.table.rowCount() >= 2, timeout=T)
    assert history.table.item(0, 2).data(Qt.ItemDataRole.UserRole) == "record.add"
    assert history.table.item(0, 2).text() == "新增记录"
    assert history.table.item(0, 3).text().startswith("交易记录 #")
    text = history.table.item(0, 4).text()
    assert "¥3,487.00" in text and "348700" not in text and "发票" in text


def test_statement_lines_follow_the_customer_kind(runner, qtbot):
    from custdesk.gui.editor import CustomerEditor
    from custdesk.gui.editor.financials_tab import ROWS
    person = call(runner, qtbot, lambda d: d.customers.add({"kind": "individual", "name": "王芳"})).code
    editor = CustomerEditor(runner, person)
    qtbot.addWidget(editor)
    qtbot.waitUntil(lambda: editor.data.get("code") == person, timeout=10_000)
    shown = {f.key for row, f in enumerate(ROWS) if not editor.financials.table.isRowHidden(row)}
    assert {"income", "expenses", "assets", "liabilities"} <= shown
    assert "revenue" not in shown and "current_assets" not in shown
    firm = CustomerEditor(runner, None, "enterprise")
    qtbot.addWidget(firm)
    shown = {f.key for row, f in enumerate(ROWS) if not firm.financials.table.isRowHidden(row)}
    assert "revenue" in shown and "income" not in shown

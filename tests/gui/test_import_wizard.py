"""导入… : the wizard reads the file, maps columns (aliases, saved mappings), previews, checks,
imports with progress and Cancel, and lists the problems; 导出客户资料… writes what the
user may see; 个人信息 in a file exports or erases what is held about a person."""

from __future__ import annotations

import csv

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWizard

from custdesk.core.importing import saved_mappings
from custdesk.gui.export_dialog import ExportDialog
from custdesk.gui.importing import ImportWizard
from tests.core.test_importing import an_id, people, write_csv
from tests.gui.conftest import call

T = 30_000
HEADER = ["客户名称", "客户类型", "身份证号", "手机", "保密级别"]


def count(runner, qtbot) -> int:
    return call(runner, qtbot, lambda d: d.db.execute("SELECT count(*) FROM customers").fetchone()[0])


def open_wizard(runner, qtbot, path, target="customers") -> ImportWizard:
    wizard = ImportWizard(runner)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.findChild(type(wizard.file_page.targets.buttons()[0]),
                               f"target_{target}").setChecked(True)
    wizard.file_page.path.setText(str(path))
    wizard.next()
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=T)
    return wizard


def field_keys(wizard) -> list:
    return [combo.currentData() for combo in wizard.mapping_page.combos()]


def wait_idle(wizard, runner, qtbot) -> None:
    qtbot.waitUntil(lambda: not wizard.running and runner.pending == 0, timeout=T)


def test_an_unreadable_file_stops_at_the_first_page(runner, qtbot, tmp_path):
    bad = tmp_path / "old.xls"
    bad.write_bytes(b"\xd0\xcf\x11\xe0 not a table")
    wizard = open_wizard(runner, qtbot, bad)
    assert wizard.currentPage() is wizard.file_page
    assert wizard.file_page.error.text()
    wizard.file_page.path.setText(str(tmp_path / "missing.csv"))
    wizard.next()
    assert wizard.currentPage() is wizard.file_page


def test_aliases_preview_check_and_import(runner, qtbot, tmp_path, monkeypatch):
    rows = [["名称", "类型", "身份证", "联系电话", "密级", "备用列"]] + \
           [r + ["x"] for r in people(30)] + [["坏行", "个人", "110105000000000000", "1", "内部", ""]]
    path = write_csv(tmp_path / "gbk.csv", rows, encoding="gbk")
    wizard = open_wizard(runner, qtbot, path)
    page = wizard.mapping_page
    assert wizard.currentPage() is page
    assert field_keys(wizard) == ["name", "kind", "id_number", "phone", "level", None]
    assert page.preview.rowCount() == 20
    assert "→" in page.preview.horizontalHeaderItem(0).text()
    assert page.preview.item(0, 0).text() == "客户1号"       # decoded from GBK
    assert page.isComplete()
    # Taking the name column away: a needed column is missing, and Next is refused.
    page.combos()[0].setCurrentIndex(0)
    assert not page.isComplete() and page.note.text()
    page.combos()[0].setCurrentIndex(page.combos()[0].findData("name"))
    assert page.isComplete()
    wizard.next()
    run = wizard.run_page
    assert wizard.currentPage() is run

    qtbot.mouseClick(run.check_button, Qt.MouseButton.LeftButton)
    wait_idle(wizard, runner, qtbot)
    assert wizard.result.dry_run and wizard.result.total == 31 and wizard.result.rejected == 1
    assert run.problems.rowCount() >= 1 and run.problems.item(0, 0).text() == "32"
    assert "110105000000000000" not in run.problems.item(0, 2).text()     # masked
    assert count(runner, qtbot) == 0

    # All or nothing: refused, nothing written, the wizard stays open.
    wizard.button(QWizard.WizardButton.FinishButton).click()
    wait_idle(wizard, runner, qtbot)
    assert wizard.result.refused and wizard.imported is None and wizard.isVisible()
    assert count(runner, qtbot) == 0
    report = tmp_path / "errors.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(report), ""))
    run.report_button.click()
    lines = list(csv.reader(report.open(encoding="utf-8-sig")))
    assert lines[0][0] == "行号" and [line[0] for line in lines[1:]] == ["32"] * (len(lines) - 1)

    run.skip_invalid.setChecked(True)
    changed = []
    runner.changed.connect(changed.append)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    wait_idle(wizard, runner, qtbot)
    assert wizard.imported is not None and wizard.imported.imported == 30
    assert count(runner, qtbot) == 30
    assert changed and "customers" in changed[-1]
    wizard.button(QWizard.WizardButton.FinishButton).click()      # now 关闭
    assert not wizard.isVisible()


def test_saved_mapping_is_applied_to_the_same_layout(runner, qtbot, tmp_path):
    header = ["账户持有人", "类别", "证件", "移动号码", "密级"]
    path = write_csv(tmp_path / "bank.csv", [header] + people(3))
    wizard = open_wizard(runner, qtbot, path)
    page = wizard.mapping_page
    assert field_keys(wizard)[0] is None and not page.isComplete()
    page.combos()[0].setCurrentIndex(page.combos()[0].findData("name"))
    page.combos()[2].setCurrentIndex(page.combos()[2].findData("id_number"))
    assert page.isComplete()
    page.save_as("银行导出")
    qtbot.waitUntil(lambda: page.saved_combo.count() == 2, timeout=T)
    assert call(runner, qtbot, lambda d: saved_mappings(d, "customers"))["银行导出"]["账户持有人"] == "name"
    wizard.close()

    # A second file with the same headers in another order gets the mapping at once.
    again = write_csv(tmp_path / "bank2.csv", [header[::-1]] + [r[::-1] for r in people(2, 10)])
    wizard = open_wizard(runner, qtbot, again)
    keys = field_keys(wizard)
    assert keys[-1] == "name" and keys[-3] == "id_number"
    assert "银行导出" in wizard.mapping_page.note.text()
    wizard.next()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    wait_idle(wizard, runner, qtbot)
    assert wizard.imported.imported == 2


def test_xlsx_import_of_statements(runner, qtbot, tmp_path):
    code = call(runner, qtbot, lambda d: d.customers.add(
        {"kind": "enterprise", "name": "某某有限公司"}).code)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["客户编号", "报表期间", "营业收入", "净利润", "资产总计", "负债合计"])
    sheet.append([code, "2025", 1200000, 80000, 5000000, 2000000])
    path = tmp_path / "fs.xlsx"
    book.save(path)
    wizard = open_wizard(runner, qtbot, path, target="financials")
    assert wizard.target == "financials" and wizard.mapping_page.isComplete(), \
        wizard.mapping_page.note.text()
    wizard.next()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    wait_idle(wizard, runner, qtbot)
    assert wizard.imported is not None, wizard.run_page.summary.text()
    assert wizard.imported.imported == 1


def test_cancel_rolls_back_and_close_waits(runner, qtbot, tmp_path, monkeypatch):
    path = write_csv(tmp_path / "big.csv", [HEADER] + people(3000))
    wizard = open_wizard(runner, qtbot, path)
    wizard.next()
    shown = []
    real = wizard._show_progress

    def progress(phase, done, total):
        shown.append((phase, done))
        real(phase, done, total)
        wizard.reject()          # Close while running: cancels instead of closing

    wizard.progressed.disconnect()
    wizard.progressed.connect(progress, Qt.ConnectionType.QueuedConnection)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.run_page.cancel_button.isVisible()
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    wait_idle(wizard, runner, qtbot)
    assert shown and wizard.isVisible()
    assert wizard.imported is None
    assert "取消" in wizard.run_page.summary.text() or "cancel" in wizard.run_page.summary.text()
    assert count(runner, qtbot) == 0
    assert call(runner, qtbot, lambda d: d.audit.verify().ok)
    # Once stopped, Close closes.
    wizard.reject()
    assert not wizard.isVisible()


def test_export_dialog_masks_unless_revealed_with_reason(runner, qtbot, tmp_path):
    number = an_id(7)
    call(runner, qtbot, lambda d: d.customers.add(
        {"kind": "individual", "name": "导出测试", "id_number": number, "level": 1}))
    dialog = ExportDialog(runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.reveal["id_number"].isEnabled(), timeout=T)
    out = tmp_path / "out.csv"
    dialog.path.setText(str(out))
    assert dialog.export_button.isEnabled()
    dialog.reveal["id_number"].setChecked(True)
    assert not dialog.export_button.isEnabled()          # a reveal needs a reason
    dialog.reason.setText("客户本人申请")
    assert dialog.export_button.isEnabled()
    dialog.reveal["id_number"].setChecked(False)
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.done_result is not None, timeout=T)
    text = out.read_text("utf-8-sig")
    assert "导出测试" in text and number not in text and number[-4:] in text
    assert dialog.message_box is not None and "1" in dialog.message_box.text()
    dialog.path.setText(str(tmp_path / "out.txt"))
    assert not dialog.export_button.isEnabled()
    entries = call(runner, qtbot, lambda d: [e["action"] for e in d.audit.entries()])
    assert entries.count("export.customers") == 1


def test_privacy_export_and_erase_from_the_file(make_runner, qtbot, tmp_path, monkeypatch):
    import zipfile

    from custdesk.gui.editor import CustomerEditor
    runner = make_runner("manager")
    number = an_id(9)
    code = call(runner, qtbot, lambda d: d.customers.add(
        {"kind": "individual", "name": "申请人", "id_number": number, "phone": "13812345678"}).code)
    editor = CustomerEditor(runner, code)
    qtbot.addWidget(editor)
    editor.show()
    button = editor.privacy_button
    qtbot.waitUntil(lambda: button.isVisible(), timeout=T)

    out = tmp_path / "subject.zip"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    dialog = button.ask_export()
    assert not dialog.ok_button.isEnabled()
    dialog.reason_edit.setText("本人书面申请")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: out.exists() and runner.pending == 0, timeout=T)
    with zipfile.ZipFile(out) as archive:
        assert number in archive.read("data.json").decode("utf-8")
        assert any(n.endswith(".pdf") for n in archive.namelist())
    assert str(out) in editor.message.text()

    dialog = button.ask_erase()
    dialog.reason_edit.setText("本人要求删除")
    assert not dialog.ok_button.isEnabled()           # the code must be typed as well
    dialog.code_edit.setText(code.lower())
    assert dialog.ok_button.isEnabled()
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: not button.erase_action.isEnabled(), timeout=T)
    held = call(runner, qtbot, lambda d: d.db.execute(
        "SELECT c.name, i.id_number FROM customers c JOIN individuals i ON i.customer_id = c.id "
        "WHERE c.code = ?", [code]).fetchone())
    assert held[0] != "申请人" and held[1] is None
    assert editor.data["name"] != "申请人" and editor.data["erased_at"]     # the file reloaded


def test_privacy_actions_are_hidden_from_clerks_and_for_enterprises(make_runner, qtbot):
    from custdesk.gui.editor import CustomerEditor
    clerk = make_runner("clerk")
    code = call(clerk, qtbot, lambda d: d.customers.add({"kind": "individual", "name": "某人"}).code)
    editor = CustomerEditor(clerk, code)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitUntil(lambda: bool(editor.data) and clerk.pending == 0, timeout=T)
    assert not editor.privacy_button.isVisible()
    manager = make_runner("manager")
    firm = call(manager, qtbot, lambda d: d.customers.add({"kind": "enterprise", "name": "某公司"}).code)
    editor = CustomerEditor(manager, firm)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitUntil(lambda: bool(editor.data) and manager.pending == 0, timeout=T)
    assert not editor.privacy_button.isVisible()


def test_retention_settings_preview_and_purge(runner, qtbot):
    import datetime

    from PySide6.QtWidgets import QMessageBox

    from custdesk.core import clock
    from custdesk.gui.retention_settings import RetentionBox
    clock.set_fixed(datetime.datetime(2019, 3, 1, 2, tzinfo=datetime.timezone.utc))
    code = call(runner, qtbot, lambda d: d.customers.add(
        {"kind": "individual", "name": "旧客户", "id_number": an_id(11), "status": "closed"}).code)
    clock.set_fixed(datetime.datetime(2026, 11, 22, 2, tzinfo=datetime.timezone.utc))
    box = RetentionBox(runner)
    qtbot.addWidget(box)
    qtbot.waitUntil(lambda: box.closed.value() == 5 and runner.pending == 0, timeout=T)
    box.preview_button.click()
    qtbot.waitUntil(lambda: box.plan is not None, timeout=T)
    assert box.table.rowCount() == 1 and box.table.item(0, 0).text() == code
    assert box.purge_button.isEnabled()
    confirm = box.ask_purge()
    confirm.button(QMessageBox.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=T)
    assert call(runner, qtbot, lambda d: d.customers._raw(code)["erased_at"]) is None
    confirm = box.ask_purge()
    confirm.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: box.table.rowCount() == 0 and runner.pending == 0, timeout=T)
    assert call(runner, qtbot, lambda d: d.customers._raw(code)["erased_at"])
    assert not box.purge_button.isEnabled()
    # Ten years for closed files: saved, and the preview follows.
    box.closed.setValue(10)
    box.save_button.click()
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=T)
    assert call(runner, qtbot, lambda d: d.privacy.years())["privacy.closed_years"] == 10


def test_values_that_only_warn_are_kept_with_the_reason_typed(runner, qtbot, tmp_path):
    from tests.cli.test_validation_cli import ODD_ID          # a county code that never existed
    path = write_csv(tmp_path / "in.csv", [HEADER, *people(2), ["孙八", "个人", ODD_ID,
                                                               "13812340009", "内部"]])
    wizard = open_wizard(runner, qtbot, path)
    wizard.next()
    run = wizard.run_page
    wizard.button(QWizard.WizardButton.FinishButton).click()
    wait_idle(wizard, runner, qtbot)
    assert wizard.result.refused and count(runner, qtbot) == 0
    run.accept_warnings.setText("原件核对无误")
    assert wizard.result is None                               # the last check is stale now
    wizard.button(QWizard.WizardButton.FinishButton).click()
    wait_idle(wizard, runner, qtbot)
    assert wizard.imported is not None and wizard.imported.imported == 3
    kept = call(runner, qtbot, lambda d: d.customers.get(wizard.imported.codes[2])["overrides"])
    assert kept == {"id_number": "原件核对无误"}
    assert not run.accept_warnings.isEnabled()


def test_a_check_says_which_rows_a_reason_would_keep(runner, qtbot, tmp_path):
    from PySide6.QtGui import QColor

    from custdesk.gui.editor.fieldwidgets import WARNING_COLOUR
    from tests.cli.test_validation_cli import ODD_ID          # a county code that never existed
    path = write_csv(tmp_path / "in.csv", [HEADER, *people(2), ["孙八", "个人", ODD_ID,
                                                               "13812340009", "内部"],
                                           ["周九", "个人", "1234", "13812340010", "内部"]])
    wizard = open_wizard(runner, qtbot, path)
    wizard.next()
    run = wizard.run_page
    run.check_button.click()
    wait_idle(wizard, runner, qtbot)
    # Row 4 only warns, row 5 is wrong: one row could be kept with a reason, and it is orange.
    assert wizard.result.warned_rows == {4}
    assert "1 of these rows draw warnings only" in run.summary.text()
    rows = {run.problems.item(r, 0).text(): run.problems.item(r, 3).foreground().color()
            for r in range(run.problems.rowCount())}
    assert rows["4"] == QColor(WARNING_COLOUR) and rows["5"] != QColor(WARNING_COLOUR)
    masked = next(run.problems.item(r, 2).text() for r in range(run.problems.rowCount())
                  if run.problems.item(r, 0).text() == "4")
    assert "*" in masked                                      # the ID number, masked, shown whole
    assert run.problems.columnWidth(2) > run.problems.fontMetrics().horizontalAdvance(masked)
    # With a reason typed, the next check keeps row 4 and no longer asks for one.
    run.accept_warnings.setText("原件核对无误")
    run.check_button.click()
    wait_idle(wizard, runner, qtbot)
    assert not wizard.result.warned_rows and wizard.result.valid == 3
    assert {p.row for p in wizard.result.problems} == {5}
    assert "draw warnings only" not in run.summary.text()

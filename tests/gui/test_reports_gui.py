"""PDF reports in the window: the preview, Save As and Print, the editor's 报告, the 报告 page,
batch export with Cancel, and verifying a file."""

from __future__ import annotations

import hashlib
import io
import threading
from pathlib import Path

import pikepdf
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QPushButton

from custdesk.reports import export as reports
from custdesk.gui.reports import preview as preview_module
from custdesk.gui.reports.batch import BatchExport
from custdesk.gui.reports.common import split_codes
from custdesk.gui.reports.preview import ReportPreview
from custdesk.gui.reports.reports_page import ReportsPage
from tests.gui.conftest import call

T = 20_000


@pytest.fixture(autouse=True)
def own_settings(tmp_path):
    """QSettings (the folders last used) in the test's own folder, not the user's."""
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    yield


def pdf_bytes(pages: int = 3) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    for page in range(pages):
        c.setFont("Helvetica", 28)
        c.drawString(72, 700, f"Page {page + 1} of {pages}")
        c.showPage()
    c.save()
    return out.getvalue()


def encrypted(data: bytes, password: str) -> bytes:
    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pdf.save(out, encryption=pikepdf.Encryption(user=password, owner="owner-" + password,
                                                    R=6))
    return out.getvalue()


def fake_export(data: bytes | None = None, pages: int = 3, encrypted_: bool = False,
                code: str | None = "C000042") -> reports.Export:
    data = data if data is not None else pdf_bytes(pages)
    return reports.Export("ZX-2026-000042", "customer", code, data, pages,
                          hashlib.sha256(data).hexdigest(), encrypted_, "zh",
                          "2026-03-02T08:30:00Z")


def open_preview(qtbot, export, password=None, **kwargs) -> ReportPreview:
    preview = ReportPreview(export, password, **kwargs)
    qtbot.addWidget(preview)
    preview.show()
    qtbot.waitExposed(preview)
    return preview


def add_customer(runner, qtbot, name="义乌华联商贸有限公司", level=None, **values):
    values = {"kind": "enterprise", "name": name, **values}
    if level is not None:
        values["level"] = level
    return call(runner, qtbot, lambda d: d.customers.add(values)).code


def settle(runner, qtbot):
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=T)


# -- the preview ---------------------------------------------------------------------------
def test_the_preview_shows_a_real_pdf_with_its_pages_number_and_fingerprint(qtbot):
    export = fake_export(pages=3)
    preview = open_preview(qtbot, export)
    assert preview.view is not None and preview.page_count() == 3
    assert preview.page_count_label.text() == "of 3"
    assert preview.page_box.maximum() == 3 and preview.current_page() == 1
    info = preview.info.text()
    assert export.number in info and "3 page(s)" in info and export.sha256[:16] in info
    assert export.sha256[16:] not in info and export.sha256 in preview.info.toolTip()
    assert export.number in preview.windowTitle() and "C000042" in preview.windowTitle()
    # Pages: the page box jumps, and follows the view.
    preview.page_box.setValue(3)
    qtbot.waitUntil(lambda: preview.current_page() == 3, timeout=T)
    # Zoom: from "fit width" in steps, and back.
    fitted = preview.effective_zoom()
    preview.zoom_by(1.25)
    assert preview.effective_zoom() == pytest.approx(fitted * 1.25, rel=0.01)
    assert preview.zoom_label.text() == f"{round(fitted * 125)}%"
    preview.zoom_by(1 / 1.25)
    preview.zoom_by(1 / 1.25)
    assert preview.effective_zoom() == pytest.approx(fitted / 1.25, rel=0.01)
    preview.fit_width()
    assert preview.effective_zoom() == pytest.approx(fitted, rel=0.01)
    assert preview.print_button.isEnabled()


def test_an_encrypted_report_opens_with_its_password_only(qtbot):
    data = encrypted(pdf_bytes(2), "kaimen-2026")
    export = fake_export(data, pages=2, encrypted_=True)
    opened = open_preview(qtbot, export, "kaimen-2026")
    assert opened.page_count() == 2 and "encrypted" in opened.info.text()
    refused = open_preview(qtbot, export, "wrong-password")
    assert refused.view is None and not refused.print_button.isEnabled()
    assert "encrypted" in refused.findChild(type(refused.info), "report_unavailable").text()
    assert refused.save_button.isEnabled()


def test_without_qt_pdf_the_dialog_still_saves(qtbot, monkeypatch, tmp_path):
    monkeypatch.setattr(preview_module, "HAVE_QTPDF", False)
    export = fake_export()
    preview = open_preview(qtbot, export)
    assert preview.view is None and preview.document is None
    note = preview.findChild(type(preview.info), "report_unavailable")
    assert note.isVisible() and "not available" in note.text()
    assert not preview.print_button.isEnabled() and not preview.print_report()
    target = tmp_path / "out" / "report.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert preview.save_as() == target and target.read_bytes() == export.data


def test_save_as_writes_exactly_the_export_and_remembers_the_folder(qtbot, monkeypatch, tmp_path):
    export = fake_export()
    preview = open_preview(qtbot, export)
    asked = []
    folder = tmp_path / "reports"
    folder.mkdir()

    def answer(parent, caption, suggested, filters):
        asked.append(suggested)
        return str(folder / "mine"), filters        # no ".pdf": it is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    with qtbot.waitSignal(preview.saved, timeout=T):
        written = preview.save_as()
    assert written == folder / "mine.pdf" and written.read_bytes() == export.data
    assert Path(asked[0]).name == export.file_name == "ZX-2026-000042-C000042.pdf"
    assert str(folder) in preview.message.text()
    assert not list(folder.glob("*.part"))          # the atomic write left nothing behind
    # The next Save As (Ctrl+S) starts in the folder used last.
    preview.activateWindow()
    qtbot.waitUntil(preview.isActiveWindow, timeout=T)
    qtbot.keyClick(preview.save_button, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert len(asked) == 2 and Path(asked[1]) == folder / export.file_name
    # Cancelled: nothing is written.
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    assert preview.save_as() is None


def test_a_refused_write_is_shown_in_the_dialog(qtbot, monkeypatch, tmp_path):
    preview = open_preview(qtbot, fake_export())
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(blocker / "report.pdf"), ""))
    assert preview.save_as() is None
    assert preview.message.isVisible() and str(blocker) in preview.message.text()


def test_printing_draws_the_chosen_page_range(qtbot, tmp_path):
    preview = open_preview(qtbot, fake_export(pages=4))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    assert preview.pages_to_print(printer) == [1, 2]
    assert preview.print_to(printer)
    with pikepdf.open(out) as printed:
        assert len(printed.pages) == 2
    # A list of ranges, last page first, and copies the PDF printer does not make itself.
    from PySide6.QtGui import QPageRanges
    ranges = QPageRanges()
    ranges.addRange(1, 1)
    ranges.addRange(3, 9)
    printer.setPageRanges(ranges)
    assert preview.pages_to_print(printer) == [0, 2, 3]
    printer.setPageOrder(QPrinter.PageOrder.LastPageFirst)
    assert preview.pages_to_print(printer) == [3, 2, 0]
    printer.setPageOrder(QPrinter.PageOrder.FirstPageFirst)
    assert not printer.supportsMultipleCopies()
    printer.setCopyCount(2)
    printer.setCollateCopies(False)
    assert preview.pages_to_print(printer) == [0, 0, 2, 2, 3, 3]
    printer.setCollateCopies(True)
    assert preview.pages_to_print(printer) == [0, 2, 3, 0, 2, 3]
    everything = QPrinter(QPrinter.PrinterMode.HighResolution)
    everything.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    everything.setOutputFileName(str(tmp_path / "all.pdf"))
    assert preview.pages_to_print(everything) == [0, 1, 2, 3]
    assert preview.print_to(everything)
    with pikepdf.open(tmp_path / "all.pdf") as printed:
        assert len(printed.pages) == 4
        # A page carries the drawn image (not a blank sheet).
        images = printed.pages[0].get_images().values()
        assert any("/Image" in str(image.get("/Subtype")) for image in images)


# -- the customer file's 报告 ----------------------------------------------------------------
def open_editor(qtbot, runner, code):
    from custdesk.gui.editor import CustomerEditor
    editor = CustomerEditor(runner, code)
    qtbot.addWidget(editor)
    qtbot.waitUntil(lambda: bool(editor.data) and editor.report_button.isEnabled(), timeout=T)
    return editor


def test_the_editor_makes_a_registered_report_and_opens_its_preview(runner, qtbot):
    code = add_customer(runner, qtbot)
    editor = open_editor(qtbot, runner, code)
    assert editor.report_action.shortcut().toString() == "Ctrl+Shift+R"
    qtbot.mouseClick(editor.report_button, Qt.MouseButton.LeftButton)
    dialog = editor.report_dialog
    assert dialog is not None and dialog.isVisible()
    # An internal file: language only, no password and no watermark note.
    assert dialog.password.isHidden() and dialog.note.isHidden()
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.accept()
    qtbot.waitUntil(lambda: editor.report_preview is not None, timeout=60_000)
    preview = editor.report_preview
    made = preview.export
    assert made.code == code and made.language == "en" and not made.encrypted
    assert preview.page_count() == made.pages >= 1
    assert editor.report_button.isEnabled() and editor.report_busy.isHidden()
    listed = call(runner, qtbot, lambda d: d.exports.list(code))
    assert [(r["number"], r["sha256"], r["language"]) for r in listed] == \
        [(made.number, made.sha256, "en")]
    assert hashlib.sha256(made.data).hexdigest() == made.sha256


def test_the_open_history_tab_shows_the_export_at_once(runner, qtbot):
    code = add_customer(runner, qtbot)
    editor = open_editor(qtbot, runner, code)
    editor.show()
    editor.tabs.setCurrentWidget(editor.history)
    qtbot.waitUntil(lambda: editor.history.table.rowCount() > 0 and runner.pending == 0, timeout=T)
    before = editor.history.table.rowCount()
    editor.run_report("zh")
    qtbot.waitUntil(lambda: editor.report_preview is not None, timeout=60_000)
    # the number's reservation and the export's registration, both in the file's history
    qtbot.waitUntil(lambda: editor.history.table.rowCount() == before + 2, timeout=T)
    labels = {editor.history.table.item(r, 2).text()
              for r in range(editor.history.table.rowCount())}
    assert {"预留报告编号", "导出报告"} <= labels


def test_a_secret_file_asks_for_an_optional_password_typed_twice(runner, qtbot):
    code = add_customer(runner, qtbot, "机密往来有限公司", level="secret")
    editor = open_editor(qtbot, runner, code)
    editor.report_action.trigger()
    dialog = editor.report_dialog
    assert not dialog.password.isHidden() and not dialog.confirm.isHidden()
    assert "watermark" in dialog.note.text() and "机密" in dialog.note.text()
    assert dialog.ok_button.isEnabled()                 # no password: allowed
    dialog.password.setText("kaimen-2026")
    dialog.confirm.setText("kaimen-2025")
    assert not dialog.ok_button.isEnabled() and "differ" in dialog.message.text()
    dialog.confirm.setText("kaimen-2026")
    assert dialog.ok_button.isEnabled() and dialog.chosen_password() == "kaimen-2026"
    dialog.accept()
    qtbot.waitUntil(lambda: editor.report_preview is not None or editor.message.isVisible(),
                    timeout=60_000)
    assert editor.report_preview is not None, editor.message.text()
    made = editor.report_preview.export
    assert made.encrypted and editor.report_preview.page_count() == made.pages
    with pytest.raises(pikepdf.PasswordError):
        pikepdf.open(io.BytesIO(made.data))
    with pikepdf.open(io.BytesIO(made.data), password="kaimen-2026") as pdf:
        assert len(pdf.pages) == made.pages


def test_a_short_password_is_refused_before_anything_runs(runner, qtbot):
    code = add_customer(runner, qtbot, "秘密往来有限公司", level="confidential")
    editor = open_editor(qtbot, runner, code)
    settle(runner, qtbot)
    dialog = editor.make_report()
    dialog.password.setText("abc")
    dialog.confirm.setText("abc")
    assert not dialog.ok_button.isEnabled() and "at least" in dialog.message.text()
    dialog.accept()                                     # Enter does not get past it
    assert dialog.isVisible() and runner.pending == 0


# -- batch export ---------------------------------------------------------------------------
def test_split_codes_reads_commas_spaces_and_chinese_commas():
    assert split_codes(" c000001,C000002；c000003，C000001  C000004 ") == \
        ["C000001", "C000002", "C000003", "C000004"]
    assert split_codes("  ") == []


def test_cancel_stops_a_batch_after_the_first_file(runner, qtbot, monkeypatch, tmp_path):
    codes = [add_customer(runner, qtbot, f"批量测试{n}号有限公司") for n in range(3)]
    out = tmp_path / "batch"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(out))
    # The first file is held on the database thread until Cancel has been clicked, so the
    # click lands between the first file and the second, as a user's would.
    clicked = threading.Event()
    real_write = reports.write

    def write(made, path):
        written = real_write(made, path)
        clicked.wait(timeout=30)
        return written
    monkeypatch.setattr(reports, "write", write)

    from PySide6.QtWidgets import QWidget
    host = QWidget()
    qtbot.addWidget(host)
    batch = BatchExport(host, runner)
    dialog = batch.start(codes)
    assert dialog is not None and not dialog.password.isHidden()   # a batch may be encrypted
    dialog.accept()
    progress = batch.progress_dialog
    assert progress is not None and progress.isVisible()
    qtbot.waitUntil(lambda: len(list(out.glob("*.pdf"))) == 1, timeout=60_000)
    cancel = progress.findChild(QPushButton)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert batch.is_cancelled() and "Cancelling" in progress.labelText()
    with qtbot.waitSignal(batch.done, timeout=T) as finished:
        clicked.set()
    result = finished.args[0]
    assert result.cancelled and len(result.written) == 1 and not result.failed
    assert [p.name for p in out.glob("*.pdf")] == [result.written[0].name]
    assert result.written[0].name.endswith(f"-{codes[0]}.pdf")
    assert batch.progress_dialog is None and not batch.running
    summary = batch.summary_box.text()
    assert "1 report(s) written" in summary and "Cancelled" in summary
    listed = call(runner, qtbot, lambda d: d.exports.list())
    assert [r["code"] for r in listed] == [codes[0]]


def test_a_batch_reports_what_failed_and_goes_on(runner, qtbot, tmp_path):
    code = add_customer(runner, qtbot)
    page = ReportsPage(runner, can_read_audit=True)
    qtbot.addWidget(page)
    page.batch_codes.setText(f"C999999, {code.lower()}")
    out = tmp_path / "reports"
    page.batch.run(split_codes(page.batch_codes.text()), False, out, "zh")
    qtbot.waitUntil(lambda: page.batch.result is not None, timeout=60_000)
    result = page.batch.result
    assert not result.cancelled and [p.parent for p in result.written] == [out]
    assert [c for c, _message in result.failed] == ["C999999"]
    assert "C999999" in page.batch.summary_box.text()
    assert "1 file(s) could not be exported" in page.batch.summary_box.text()


def test_the_page_refuses_a_batch_without_codes(runner, qtbot):
    page = ReportsPage(runner, can_read_audit=True)
    qtbot.addWidget(page)
    page.export_batch()
    assert not page.message.isHidden() and page.batch.options_dialog is None


def test_the_customer_list_exports_the_selected_files(runner, qtbot, monkeypatch, tmp_path):
    from custdesk.gui.customers.list_page import CustomerListPage
    codes = [add_customer(runner, qtbot, f"列表导出{n}号有限公司") for n in range(3)]
    page = CustomerListPage(runner)
    qtbot.addWidget(page)
    qtbot.waitUntil(page.is_settled, timeout=T)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=T)
    page.table.selectRow(0)
    page.table.selectionModel().select(
        page.model.index(2, 0), page.table.selectionModel().SelectionFlag.Select
        | page.table.selectionModel().SelectionFlag.Rows)
    chosen = page.selected_codes()
    assert len(chosen) == 2 and set(chosen) <= set(codes)
    menu = page.context_menu()
    export = [a for a in menu.actions() if "selected customers" in a.text()][0]
    assert export.isEnabled()
    out = tmp_path / "chosen"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(out))
    export.trigger()
    page.batch.options_dialog.accept()
    qtbot.waitUntil(lambda: page.batch.result is not None, timeout=60_000)
    assert sorted(p.name.split("-")[-1] for p in page.batch.result.written) == \
        sorted(f"{c}.pdf" for c in chosen)


# -- verifying ----------------------------------------------------------------------------
def test_verify_says_ok_for_a_saved_report_and_not_for_a_changed_copy(runner, qtbot,
                                                                      monkeypatch, tmp_path):
    code = add_customer(runner, qtbot)
    made = call(runner, qtbot, lambda d: reports.customer(d, code), timeout=60_000)
    saved = reports.write(made, tmp_path / made.file_name)
    changed = tmp_path / "changed.pdf"
    data = bytearray(saved.read_bytes())
    data[len(data) // 2] ^= 0x01
    changed.write_bytes(bytes(data))

    page = ReportsPage(runner, can_read_audit=True)
    qtbot.addWidget(page)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(saved), ""))
    with qtbot.waitSignal(page.verified, timeout=T) as good:
        qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    assert good.args[0]["ok"] and page.verify_result.property("ok") is True
    assert made.number in page.verify_result.text()
    assert "#1e7d32" in page.verify_result.styleSheet()
    with qtbot.waitSignal(page.verified, timeout=T) as bad:
        page.verify_file(changed)
    assert not bad.args[0]["ok"] and page.verify_result.property("ok") is False
    assert made.number in page.verify_result.text()           # it names the original
    assert "#c0392b" in page.verify_result.styleSheet()


# -- the 报告 page --------------------------------------------------------------------------
def test_the_register_lists_exports_with_customer_user_and_pages(runner, qtbot):
    code = add_customer(runner, qtbot)
    made = call(runner, qtbot, lambda d: reports.customer(d, code, lang="en"), timeout=60_000)
    page = ReportsPage(runner, can_read_audit=True)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=T):
        page.refresh()
    table = page.table
    assert table.rowCount() == 1
    cells = [table.item(0, c).text() for c in range(table.columnCount())]
    assert cells[0] == made.number and cells[1] == "客户资信审核报告"
    assert cells[2].startswith(code) and "义乌华联" in cells[2]
    assert cells[3] == "boss" and cells[5] == str(made.pages)
    assert cells[6] == "English" and cells[7] == ""
    assert page.count_label.text() == "1 export(s)"


def test_the_default_schedule_runs_from_this_monday_for_eight_weeks(runner, qtbot):
    import datetime
    from custdesk.core import clock
    clock.set_fixed(datetime.datetime(2026, 3, 5, 9, 0, tzinfo=datetime.timezone.utc))  # Thu
    page = ReportsPage(runner, can_read_audit=True)
    qtbot.addWidget(page)
    assert page.schedule_from.date().toPython() == datetime.date(2026, 3, 2)
    assert page.schedule_to.date().toPython() == datetime.date(2026, 4, 26)


def test_the_whole_audit_log_needs_the_audit_permission(make_runner, qtbot):
    clerk = make_runner("clerk")
    page = ReportsPage(clerk, can_read_audit=False)
    qtbot.addWidget(page)
    assert not page.audit_whole.isEnabled() and page.audit_one.isChecked()
    page.make_audit()                                   # no code typed: nothing runs
    assert "code" in page.message.text() and clerk.pending == 0
    boss_page = ReportsPage(clerk, can_read_audit=True)
    qtbot.addWidget(boss_page)
    assert boss_page.audit_whole.isEnabled() and boss_page.audit_whole.isChecked()


def test_the_window_has_a_reports_area_between_approvals_and_audit(runner, make_runner, db_path,
                                                                   qtbot):
    from custdesk.gui.main_window import MainWindow
    window = MainWindow(runner, call(runner, qtbot, lambda d: d.user), db_path)
    qtbot.addWidget(window)
    keys = window.area_keys()
    assert keys.index("approvals") + 1 == keys.index("reports") == keys.index("audit") - 1
    assert window.reports_page.can_read_audit
    assert not window.navigation.item(keys.index("reports")).icon().isNull()
    clerk = make_runner("clerk")
    clerk_window = MainWindow(clerk, call(clerk, qtbot, lambda d: d.user), db_path)
    qtbot.addWidget(clerk_window)
    assert "reports" in clerk_window.area_keys() and not clerk_window.reports_page.can_read_audit
    settle(runner, qtbot)
    settle(clerk, qtbot)


def make_from_page(page, qtbot, start):
    with qtbot.waitSignal(page.preview_opened, timeout=60_000) as opened:
        start()
        assert page.busy.isVisible() and not page.schedule_button.isEnabled()
    preview = opened.args[0]
    assert not page.busy.isVisible() and page.schedule_button.isEnabled()
    return preview


def test_the_page_makes_the_schedule_portfolio_and_audit_trail(runner, qtbot):
    code = add_customer(runner, qtbot)
    page = ReportsPage(runner, can_read_audit=True)
    qtbot.addWidget(page)
    page.show()
    schedule = make_from_page(page, qtbot, page.make_schedule)
    assert schedule.export.kind == "reviews" and schedule.page_count() == schedule.export.pages
    page.portfolio_language.setCurrentIndex(page.portfolio_language.findData("en"))
    portfolio = make_from_page(page, qtbot, page.make_portfolio)
    assert portfolio.export.kind == "portfolio" and portfolio.export.language == "en"
    whole = make_from_page(page, qtbot, page.make_audit)
    assert whole.export.kind == "audit" and whole.export.code is None
    page.audit_code.setText(code.lower())
    page.audit_one.setChecked(True)
    page.audit_period.setChecked(True)
    one = make_from_page(page, qtbot, page.make_audit)
    assert one.export.kind == "audit" and one.export.code == code
    qtbot.waitUntil(lambda: page.table.rowCount() == 4, timeout=T)
    listed = call(runner, qtbot, lambda d: d.exports.list())
    assert listed[0]["params"] == {
        "from": page.audit_from.date().toPython().isoformat(),
        "to": page.audit_to.date().toPython().isoformat()}
    assert [r["number"] for r in listed] == [one.export.number, whole.export.number,
                                              portfolio.export.number, schedule.export.number]
    # A period that ends before it starts: core's message on the page, no preview.
    page.schedule_to.setDate(page.schedule_from.date().addDays(-1))
    page.make_schedule()
    qtbot.waitUntil(lambda: not page.message.isHidden(), timeout=T)
    assert page.message.text() and page.schedule_button.isEnabled()

"""今日 (the home page): overdue reviews with the hold marker, reviews due soon, open warnings
by severity, opening files, the count in the navigation, the calendar export, handling a
warning from the page, and the start-up notice."""

from __future__ import annotations

import datetime

import icalendar
import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QFileDialog

from custdesk.core import clock
from custdesk.gui.home_page import HomePage
from custdesk.gui.startup_notice import StartupNotice
from custdesk.gui.warning_dialog import SEVERITY_COLOURS
from tests.gui.conftest import call

T = 10_000
TODAY = datetime.date(2026, 11, 22)


def at(day: str) -> None:
    clock.set_fixed(datetime.datetime.fromisoformat(day + "T02:00:00+00:00"))


def add(runner, qtbot, name: str, **values) -> str:
    return call(runner, qtbot, lambda d: d.customers.add(
        {"kind": "individual", "name": name, **values})).code


@pytest.fixture
def firm(runner, qtbot) -> dict:
    """Four files on 2026-11-22: two first gradings 52 days late (credit on hold), one 28 days
    late with an invoice 82 days overdue, one due in two days; the rules run on the day."""
    at("2026-09-01")
    first = add(runner, qtbot, "张伟")
    second = add(runner, qtbot, "李娜")
    at("2026-09-25")
    late = add(runner, qtbot, "王芳")
    call(runner, qtbot, lambda d: d.records.add(late, "transactions", {
        "kind": "invoice", "ref_no": "F1", "amount": "5000", "occurred_on": "2026-08-01",
        "due_date": "2026-09-01"}))
    at("2026-10-25")
    soon = add(runner, qtbot, "赵磊")
    at(TODAY.isoformat())
    call(runner, qtbot, lambda d: d.warnings.evaluate())
    return {"first": first, "second": second, "late": late, "soon": soon}


def settle(runner, qtbot) -> None:
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=T)


def open_page(runner, qtbot) -> HomePage:
    page = HomePage(runner)
    qtbot.addWidget(page)
    settle(runner, qtbot)
    assert page.data, "the page did not load"
    return page


def column(section, col: int) -> list[str]:
    return [section.table.item(row, col).text() for row in range(section.table.rowCount())]


def test_the_three_sections_are_filled_from_the_database(firm, runner, qtbot):
    page = open_page(runner, qtbot)
    overdue, soon, warnings = page.overdue, page.due_soon, page.warnings
    # Most overdue first; files due the same day in pinyin order.
    assert column(overdue, 0) == [firm["second"], firm["first"], firm["late"]]
    assert column(overdue, 1) == ["李娜", "张伟", "王芳"]
    assert column(overdue, 3) == ["2026-10-01", "2026-10-01", "2026-10-25"]
    assert column(overdue, 4) == ["52 days", "52 days", "28 days"]
    assert column(overdue, 5) == ["首次评级"] * 3                 # core's words, core's language
    # Past the 30 days of hold: the two first ones hold credit, the third not yet.
    assert column(overdue, 6) == ["授信冻结", "授信冻结", ""]
    assert overdue.table.item(0, 6).foreground().color().name() == "#d32f2f"
    assert "30" in overdue.table.item(0, 6).toolTip()
    assert overdue.box.title() == "Overdue reviews (3)"
    assert column(soon, 0) == [firm["soon"]] and column(soon, 4) == ["in 2 days"]
    assert soon.box.title() == "Reviews due within 14 days (1)"

    rows = page.warnings.rows
    severities = [w["severity"] for w in rows]
    assert severities == sorted(severities, key=["red", "orange", "yellow"].index)
    red = [(w["code"], w["rule"]) for w in rows if w["severity"] == "red"]
    assert sorted(red) == sorted([(firm["first"], "review_overdue"),
                                  (firm["second"], "review_overdue")])
    orange = [w for w in rows if w["severity"] == "orange"]
    assert [(w["code"], w["rule"]) for w in orange] == [(firm["late"], "payment_overdue")]
    row = rows.index(orange[0])
    assert warnings.table.item(row, 0).text() == "橙色"
    assert warnings.table.item(row, 0).foreground().color().name() == SEVERITY_COLOURS["orange"]
    assert not warnings.table.item(row, 0).icon().isNull()          # the colour chip
    assert warnings.table.item(row, 3).text() == "付款逾期"
    assert warnings.table.item(row, 4).text() == "付款逾期 82 天（最早未付到期日 2026-09-01）"
    counts = call(runner, qtbot, lambda d: d.warnings.counts())
    assert warnings.box.title() == (f"Open warnings ({sum(counts.values())}): red 2 · orange 1 "
                                    f"· yellow {counts['yellow']}")
    for section in (overdue, soon, warnings):
        assert section.cut.isHidden() and section.empty.isHidden()


def test_a_cut_list_says_how_much_it_shows(firm, runner, qtbot):
    page = HomePage(runner)
    qtbot.addWidget(page)
    page.limit = 2
    page.refresh()
    settle(runner, qtbot)
    assert column(page.overdue, 0) == [firm["second"], firm["first"]]   # same day: pinyin order
    assert not page.overdue.cut.isHidden()
    assert page.overdue.cut.text() == "Showing the first 2 of 3."
    assert page.overdue.box.title() == "Overdue reviews (3)"      # the count is the whole count
    assert column(page.due_soon, 0) == [firm["soon"]]             # not crowded out
    assert page.due_soon.cut.isHidden()


def test_an_empty_day_says_so(runner, qtbot):
    at(TODAY.isoformat())
    page = open_page(runner, qtbot)
    assert page.overdue.table.isHidden() and page.overdue.empty.text() == "No review is overdue."
    assert not page.warnings.empty.isHidden()


def test_double_click_and_enter_open_the_file(firm, runner, qtbot):
    page = open_page(runner, qtbot)
    page.resize(1100, 700)
    page.show()
    qtbot.waitExposed(page)
    table = page.due_soon.table
    rect = table.visualItemRect(table.item(0, 1))
    with qtbot.waitSignal(page.open_customer, timeout=5_000) as opened:
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [firm["soon"], "reviews", None]
    page.overdue.table.setCurrentCell(1, 0)
    with qtbot.waitSignal(page.open_customer, timeout=5_000) as opened:
        QApplication.sendEvent(page.overdue.table, QKeyEvent(
            QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier))
    assert opened.args == [firm["first"], "reviews", None]          # row 1: 李娜 then 张伟 (same day, pinyin)


def test_the_context_menu_handles_a_warning_or_opens_its_file(firm, runner, qtbot):
    page = open_page(runner, qtbot)
    row = next(i for i, w in enumerate(page.warnings.rows) if w["code"] == firm["late"])
    menu = page.context_menu(page.warnings, row)
    actions = menu.actions()
    assert [a.text() for a in actions] == ["Handle warning…", "Open file"]
    with qtbot.waitSignal(page.open_customer, timeout=5_000) as opened:
        actions[1].trigger()
    assert opened.args == [firm["late"], "warning", page.warnings.rows[row]["id"]]
    actions[0].trigger()
    dialog = page.warning_dialog
    assert dialog is not None and dialog.warning["id"] == page.warnings.rows[row]["id"]
    settle(runner, qtbot)
    assert dialog.heading.text().startswith(f"{firm['late']}  王芳")
    assert [a.text() for a in page.context_menu(page.overdue, 0).actions()] == ["Open file"]


def test_a_warning_handled_from_the_page_leaves_the_list(firm, runner, qtbot):
    page = open_page(runner, qtbot)
    row = next(i for i, w in enumerate(page.warnings.rows) if w["code"] == firm["late"])
    page.warnings.table.setCurrentCell(row, 0)
    assert page.handle_button.isEnabled()
    qtbot.mouseClick(page.handle_button, Qt.MouseButton.LeftButton)
    dialog = page.warning_dialog
    settle(runner, qtbot)
    assert dialog.values["facts"].text().startswith("付款逾期 82 天")
    assert dialog.close_button.isEnabled()
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)     # no note
    settle(runner, qtbot)
    assert "请填写处置说明" in dialog.message.text() and not dialog.message.isHidden()
    warning_id = dialog.warning["id"]
    assert any(w["id"] == warning_id for w in page.warnings.rows)
    dialog.note.setPlainText("已电话催收，客户已付款")
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    settle(runner, qtbot)
    assert dialog.values["status"].text() == "已关闭"
    assert not dialog.close_button.isEnabled()
    assert all(w["id"] != warning_id for w in page.warnings.rows)      # the page read again
    stored = call(runner, qtbot, lambda d: d.warnings.list(code=firm["late"]))
    assert [(w["status"], w["close_note"]) for w in stored] == [("closed", "已电话催收，客户已付款")]


def test_calendar_export_writes_an_ics_file(firm, runner, qtbot, tmp_path, monkeypatch):
    page = open_page(runner, qtbot)
    target = tmp_path / "复审日历"
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: asked.append(args) or (str(target), ""))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    settle(runner, qtbot)
    written = tmp_path / "复审日历.ics"
    assert asked and written.exists()
    calendar = icalendar.Calendar.from_ical(written.read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 4
    starts = sorted(e.decoded("DTSTART") for e in events)
    # The three overdue reviews (due 10-01, 10-01, 10-25) on the day of the export.
    assert starts == [TODAY] * 3 + [datetime.date(2026, 11, 24)]
    assert page.message.text() == (f"Saved 4 reviews due within 90 days to {written}; the 3 "
                                   "overdue ones are on today, marked overdue.")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: ("", ""))
    page.export_calendar()                                      # cancelled: nothing runs
    assert runner.pending == 0


def test_the_navigation_counts_overdue_reviews_and_red_warnings(firm, runner, db_path, qtbot):
    from custdesk.gui.main_window import MainWindow
    window = MainWindow(runner, call(runner, qtbot, lambda d: d.user), db_path)
    qtbot.addWidget(window)
    assert window.area_keys()[0] == "home"
    assert window.pages.currentWidget() is window.home_page         # shown after login
    item = window.navigation.item(0)
    qtbot.waitUntil(lambda: item.text() == "Today (5)", timeout=T)   # 3 overdue + 2 red
    # A review done (a change on this runner) makes the page read again.
    call(runner, qtbot, lambda d: d.reviews.done(firm["late"], "资料齐全，无变化"))
    qtbot.waitUntil(lambda: item.text() == "Today (4)", timeout=T)
    # Opening from the page opens the file in the customer area.
    window.home_page.open_customer.emit(firm["soon"], "reviews", None)
    assert window.pages.currentWidget() is window.customer_tabs
    assert [e.code for e in window.editors()] == [firm["soon"]]
    settle(runner, qtbot)


def test_without_a_tray_the_start_up_notice_is_a_bar_on_the_page(firm, runner, db_path, qtbot):
    from custdesk.gui.main_window import MainWindow
    window = MainWindow(runner, call(runner, qtbot, lambda d: d.user), db_path)
    qtbot.addWidget(window)
    window.startup_notice._tray_available = lambda: False
    given = []
    window.startup_notice.notified.connect(lambda text, where: given.append((text, where)))
    settle(runner, qtbot)
    assert given == []                             # not before the window shows
    window.show()
    qtbot.waitUntil(lambda: given != [], timeout=T)
    # The bar sits on 今日 above the lists: it does not send the reader to 今日.
    text = "Overdue reviews: 3; open red warnings: 2."
    assert given == [(text, "bar")]
    assert window.home_page.notice.isVisible() and window.home_page.notice_label.text() == text
    window.home_page.refresh()                     # once only
    settle(runner, qtbot)
    assert len(given) == 1


def test_with_a_tray_the_notice_is_a_tray_message(firm, runner, qtbot):
    from PySide6.QtWidgets import QMainWindow
    window = QMainWindow()
    qtbot.addWidget(window)
    page = HomePage(runner)
    window.setCentralWidget(page)
    notice = StartupNotice(window, page, tray_available=lambda: True)
    given = []
    texts = []
    notice.notified.connect(lambda text, where: (given.append(where), texts.append(text)))
    window.show()
    qtbot.waitUntil(lambda: given != [], timeout=T)
    assert given == ["tray"] and notice.tray is not None
    # Out of the window, the message says where the lists are (a click opens 今日).
    assert texts == ["Overdue reviews: 3; open red warnings: 2. Click to open Today."]
    assert page.notice.isHidden()


def test_nothing_overdue_means_no_notice(runner, qtbot):
    from PySide6.QtWidgets import QMainWindow
    at(TODAY.isoformat())
    window = QMainWindow()
    qtbot.addWidget(window)
    page = HomePage(runner)
    window.setCentralWidget(page)
    notice = StartupNotice(window, page, tray_available=lambda: False)
    given = []
    notice.notified.connect(lambda text, where: given.append(where))
    window.show()
    settle(runner, qtbot)
    qtbot.wait(50)
    assert given == [] and page.notice.isHidden()


def test_a_full_page_is_refilled_quickly(runner, qtbot):
    """200 rows a section, read again: fitting the columns once, not at every cell."""
    import time
    at(TODAY.isoformat())
    page = open_page(runner, qtbot)
    page.resize(1100, 700)
    page.show()
    review = {"code": "C000001", "name": "上海和顺建筑工程有限公司", "kind": "enterprise",
              "grade": "BB", "risk_level": "medium", "due_date": "2026-10-01", "reason": "periodic",
              "overdue_days": 52, "snoozes": 0, "hold": True}
    warning = {"id": 1, "code": "C000001", "name": "上海和顺建筑工程有限公司", "rule": "review_overdue",
               "severity": "red", "status": "open", "raised_on": "2026-11-22",
               "facts": {"due": "2026-10-01", "days": 52}}
    data = {"counts": {"overdue": 500, "due_soon": 500, "hold": 500},
            "overdue": [{**review, "code": f"C{i:06d}"} for i in range(200)],
            "due_soon": [{**review, "code": f"D{i:06d}", "overdue_days": 0,
                          "due_date": "2026-11-30"} for i in range(200)],
            "warnings": [{**warning, "id": i} for i in range(200)],
            "warning_counts": {"red": 500, "orange": 0, "yellow": 0}, "hold_days": 30,
            "today": TODAY.isoformat()}
    page._fill(data)
    started = time.perf_counter()
    page._fill(data)
    QApplication.processEvents()
    assert time.perf_counter() - started < 2.0
    assert page.overdue.table.rowCount() == 200 and page.overdue.cut.text() == \
        "Showing the first 200 of 500."
    header = page.warnings.table.horizontalHeader()
    assert header.sectionResizeMode(4) == header.ResizeMode.Stretch
    assert header.sectionResizeMode(0) == header.ResizeMode.ResizeToContents


def test_the_first_read_of_a_new_day_runs_the_days_warning_check(runner, qtbot):
    """The window opens the desk without the check (login stays quick); the page runs it."""
    at("2026-11-01")
    code = add(runner, qtbot, "张伟")                        # first grading due 2026-12-01
    at("2027-01-05")                                         # 35 days late: over the hold
    assert call(runner, qtbot, lambda d: d.warnings.list(open_only=True, code=code)) == []
    page = open_page(runner, qtbot)
    assert [(w["code"], w["rule"], w["severity"]) for w in page.warnings.rows
            if w["severity"] == "red"] == [(code, "review_overdue", "red")]
    assert call(runner, qtbot, lambda d: d.settings.get("warnings.checked_on")) == "2027-01-05:3"


def test_a_file_opened_from_the_page_shows_what_brought_the_user(firm, runner, db_path, qtbot):
    """A review opens the file on 复审与预警; a warning there with that warning selected
    (also when the file is open already); an approval opens it on the grading."""
    from custdesk.gui.main_window import MainWindow
    window = MainWindow(runner, call(runner, qtbot, lambda d: d.user), db_path)
    qtbot.addWidget(window)
    window.show()
    page = window.home_page
    qtbot.waitUntil(lambda: bool(page.warnings.rows), timeout=T)
    page.overdue.table.setCurrentCell(0, 0)
    page.open_current()
    editor = window.customer_tabs.currentWidget()
    assert editor.code == page.overdue.rows[0]["code"]
    assert editor.tabs.currentWidget().isAncestorOf(editor.reviews)
    window.show_area("home")
    # A warning of another file: its row selected once the tab has read the file.
    row = next(i for i, w in enumerate(page.warnings.rows) if w["code"] == firm["late"])
    wanted = page.warnings.rows[row]["id"]
    page.warnings.table.setCurrentCell(row, 0)
    QApplication.sendEvent(page.warnings.table, QKeyEvent(
        QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier))
    editor = window.customer_tabs.currentWidget()
    assert editor.code == firm["late"] and editor.tabs.currentWidget().isAncestorOf(editor.reviews)
    qtbot.waitUntil(lambda: editor.reviews.current_warning() is not None, timeout=T)
    assert editor.reviews.current_warning()["id"] == wanted
    # The same file again, from its basic tab: brought forward on the warning.
    editor.tabs.setCurrentIndex(0)
    editor.reviews.warnings_table.setCurrentCell(-1, 0)
    window.open_customer(firm["late"], "warning", wanted)
    assert len(window.editors()) == 2 and window.customer_tabs.currentWidget() is editor
    assert editor.tabs.currentWidget().isAncestorOf(editor.reviews)
    assert editor.reviews.current_warning()["id"] == wanted
    window.open_customer(firm["late"], "grading")
    assert editor.tabs.currentWidget().isAncestorOf(editor.grading)
    settle(runner, qtbot)

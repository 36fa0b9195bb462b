"""Every page, every tab of a populated file and the main dialogs fit a laptop screen.

The window is given the room a maximised window has on a 1366×768 laptop (less its
taskbar and title bar) and on a 1280×720 one. Going through the pages and tabs must
never make it grow by itself (Qt enlarges a window whose layouts ask for more than it
has, past the screen's edge), and every button shown must be on screen: in the window
itself, or in a scroll area that is. At 1366×768 nothing may need the last-resort
scrolling of a whole page.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QApplication, QScrollArea

from custdesk.core.demo import DEMO_PASSWORDS, ensure_demo
from custdesk.core.desk import Desk
from custdesk.core.fields import RECORD_KINDS
from custdesk.gui.main_window import TITLE_BAR, MainWindow
from custdesk.gui.scrolling import PageHolder

T = 20_000
TASKBAR = 40
SCREENS = {"1366x768": QSize(1366, 768), "1280x720": QSize(1280, 720)}


def room(screen: QSize) -> QSize:
    """The client area of a maximised window: the screen less a taskbar and a title bar."""
    return screen - QSize(0, TASKBAR + TITLE_BAR)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    """A small demo firm: files with every kind of record, assessments, approvals waiting."""
    path = tmp_path_factory.mktemp("fit") / "demo.db"
    ensure_demo(path, count=30)
    return path


@pytest.fixture
def demo_runner(demo_db, qtbot):
    from custdesk.gui.operations import DeskRunner
    runner = DeskRunner()
    runner.run(lambda _d: runner.set_desk(
        Desk.open(demo_db, "admin", DEMO_PASSWORDS["admin"], daily_check=False)))
    qtbot.waitUntil(lambda: runner.pending == 0 and runner.desk is not None, timeout=T)
    yield runner
    runner.close()


@pytest.fixture
def styled(qtbot):
    """The program's look (its font and sizes decide what fits); the test's own after."""
    from custdesk.gui.style import apply_style
    app = QApplication.instance()
    before = (app.style().name(), app.font(), app.palette(), app.styleSheet())
    apply_style(app)
    yield
    name, font, palette, sheet = before
    app.setStyleSheet(sheet)
    app.setStyle(name)
    app.setPalette(palette)
    app.setFont(font)


def settle(qtbot, runner) -> None:
    """Every database answer shown and every layout it changed recomputed."""
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=T)
    for _ in range(3):          # a layout's answer may post another layout request
        QApplication.processEvents()


def fullest_files(runner, qtbot) -> list[str]:
    """The enterprise and the individual with the most records and an assessment."""
    def job(desk):
        best = {}
        for item in desk.customers.list():
            if not desk.grading.list(item["code"]):
                continue
            count = sum(len(desk.records.raw(item["code"], kind)) for kind in RECORD_KINDS
                        if kind != "financials" or item["kind"] == "enterprise")
            if count > best.get(item["kind"], (-1, ""))[0]:
                best[item["kind"]] = (count, item["code"])
        return [best["enterprise"][1], best["individual"][1]]
    box = {}
    runner.run(job, lambda codes: box.setdefault("codes", codes))
    qtbot.waitUntil(lambda: "codes" in box, timeout=T)
    return box["codes"]


def rect_in(widget, top) -> QRect:
    return QRect(widget.mapTo(top, QPoint(0, 0)), widget.size())


def scroller(widget, top, skip=None) -> QAbstractScrollArea | None:
    """The nearest scroll area holding ``widget`` inside ``top`` (``skip`` not counted)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QAbstractScrollArea) and parent is not skip:
            return parent
        parent = parent.parentWidget()
    return None


def stranded(top, skip=None) -> list[str]:
    """Buttons shown but out of reach: outside ``top``, or in a scroll area that is."""
    out = []
    for button in top.findChildren(QAbstractButton):
        if not button.isVisible() or button.window() is not top:
            continue
        area = scroller(button, top, skip)
        box = area.viewport() if area is not None else button
        if not top.rect().contains(rect_in(box, top)):
            out.append(f"{button.text() or button.objectName() or type(button).__name__}"
                       f" at y={rect_in(button, top).y()}")
    return out


def check_window(window, size: QSize, where: str, whole: bool) -> None:
    page_scroller = window.findChild(QScrollArea, "page_scroller")
    assert window.size() == size, f"{where}: the window grew to {window.size()}"
    hint = window.minimumSizeHint()
    assert hint.height() <= size.height() and hint.width() <= size.width(), (where, hint)
    assert window.rect().contains(rect_in(window.statusBar(), window)), where
    if whole:
        # The page fits as it is: no last-resort scrolling of a page or a file's tab (the
        # form and the lists scroll as lists do), every button in the window.
        for area in window.findChildren(QScrollArea):
            if area.isVisible() and isinstance(area.widget(), PageHolder):
                assert not area.verticalScrollBar().isVisible(), \
                    f"{where}: {type(area.widget().page).__name__} needs " \
                    f"{area.widget().minimumSizeHint().height()} px, " \
                    f"has {area.viewport().height()}"
        assert stranded(window, skip=page_scroller) == [], where
    else:
        assert stranded(window) == [], where


def check_dialog(dialog, size: QSize, where: str) -> None:
    assert dialog.isVisible(), where
    assert dialog.height() <= size.height() and dialog.width() <= size.width(), \
        (where, dialog.size())
    assert dialog.minimumSizeHint().height() <= size.height(), where
    assert stranded(dialog) == [], where


def tabs_of(window, qtbot, runner, code: str):
    """Open the file and show each of its tabs in turn; yields (editor, tab title)."""
    window.open_customer(code)
    settle(qtbot, runner)
    editor = window.customer_tabs.currentWidget()
    qtbot.waitUntil(lambda: bool(editor.data), timeout=T)
    for index in range(editor.tabs.count()):
        editor.tabs.setCurrentIndex(index)
        settle(qtbot, runner)
        yield editor, editor.tabs.tabText(index)


@pytest.mark.parametrize("language", ["zh_CN", "en"])
@pytest.mark.parametrize("screen", SCREENS)
def test_every_page_and_tab_of_a_populated_file_stays_on_screen(demo_runner, qtbot, screen,
                                                                 language, speaking, styled):
    speaking(language)
    runner = demo_runner
    size = room(SCREENS[screen])
    whole = screen == "1366x768"
    window = MainWindow(runner, runner.desk.user, runner.desk.path)
    qtbot.addWidget(window)
    window.resize(size)
    window.show()
    settle(qtbot, runner)
    assert window.size() == size
    for key in window.area_keys():
        window.show_area(key)
        settle(qtbot, runner)
        check_window(window, size, f"{screen} page {key}", whole)
    search = window.customer_list.search_box       # its hint shown whole, not cut
    assert search.width() >= search.fontMetrics().horizontalAdvance(
        search.placeholderText()) + 24, f"{screen} search box {search.width()}"
    if hasattr(window, "approvals_page") and window.approvals_page.table.rowCount():
        window.show_area("approvals")
        window.approvals_page.table.selectRow(0)         # the decision panel filled in
        settle(qtbot, runner)
        check_window(window, size, f"{screen} page approvals, one selected", whole)
    for code in fullest_files(runner, qtbot):
        for editor, title in tabs_of(window, qtbot, runner, code):
            check_window(window, size, f"{screen} {code} {title}", whole)
        # a message line (a refused save) changes nothing either
        editor.tabs.setCurrentIndex(0)
        from custdesk.gui.editor.jobs import show_message
        show_message(editor.message, "没有保存：请更正标红的字段。\n第二行")
        settle(qtbot, runner)
        check_window(window, size, f"{screen} {code} with a message", whole)


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_dialogs_of_a_file_fit_the_laptop_screen(demo_runner, qtbot, tmp_path, language,
                                                     speaking, styled):
    speaking(language)
    runner = demo_runner
    size = room(SCREENS["1366x768"])
    window = MainWindow(runner, runner.desk.user, runner.desk.path)
    qtbot.addWidget(window)
    window.resize(size)
    window.show()
    settle(qtbot, runner)
    seen = []

    def check(dialog, where):
        assert dialog is not None, where
        settle(qtbot, runner)
        check_dialog(dialog, size, where)
        seen.append(where)
        dialog.reject() if hasattr(dialog, "reject") else dialog.close()
        settle(qtbot, runner)

    enterprise, person = fullest_files(runner, qtbot)
    for editor, _title in tabs_of(window, qtbot, runner, enterprise):
        pass
    for tab in (editor.contacts, editor.credit_records, editor.litigation, editor.outcomes,
                editor.collateral, editor.communications, editor.complaints, editor.licences):
        check(tab.add_record(), f"new {tab.title()}")
    scan = tmp_path / "营业执照.pdf"
    scan.write_bytes(b"%PDF-1.4\n%%EOF\n")
    check(editor.documents.add_file(str(scan)), "new document")   # after the file chooser
    check(editor.make_report(), "report options")
    if editor.grading.strip.request_button.isEnabled():
        check(editor.grading.request_limit(), "limit request")
    if editor.reviews.data.get("warnings"):
        check(editor.reviews.handle_warning(0), "warning")
    for ask in (editor.reviews.review_done, editor.reviews.put_off, editor.reviews.set_cycle):
        dialog = ask()
        if dialog is not None:
            check(dialog, ask.__name__)
    window.open_customer(person)
    settle(qtbot, runner)
    editor = window.customer_tabs.currentWidget()
    qtbot.waitUntil(lambda: bool(editor.data), timeout=T)
    masked = sorted(editor.form.masked - editor.form.locked)
    assert masked, "the individual's file shows a masked field"
    reveal = editor.request_reveal(masked[0])
    settle(qtbot, runner)
    # the example reason shows whole (it was cut off in a 200-pixel dialog)
    edit = reveal.reason_edit
    assert edit.fontMetrics().horizontalAdvance(edit.placeholderText()) < edit.width()
    check(reveal, "reveal")
    check(window.about(), "about")
    check(window.export_customers(), "export")
    check(window.import_files(), "import")
    assert len(seen) >= 12

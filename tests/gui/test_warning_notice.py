"""The notice bar and the warning counts follow what happens after the first read: a
warning closed by a person, one the program closes when its cause is gone."""

from __future__ import annotations

from tests.gui.conftest import call
from tests.gui.test_home_page import T, firm, settle  # noqa: F401  (firm is a fixture)


def test_the_notice_bar_says_the_newest_counts_and_goes_when_nothing_is_left(
        firm, runner, db_path, qtbot):  # noqa: F811
    from custdesk.gui.main_window import MainWindow
    window = MainWindow(runner, call(runner, qtbot, lambda d: d.user), db_path)
    qtbot.addWidget(window)
    window.startup_notice._tray_available = lambda: False
    window.show()
    page, label = window.home_page, window.home_page.notice_label
    qtbot.waitUntil(lambda: window.startup_notice.where == "bar", timeout=T)
    assert label.text() == "Overdue reviews: 3; open red warnings: 2."
    # A review done: its "review long overdue" warning is closed by the check that follows.
    call(runner, qtbot, lambda d: d.reviews.done(firm["first"], "资料齐全，无变化"))
    qtbot.waitUntil(lambda: label.text() ==
                    "Overdue reviews: 2; open red warnings: 1.", timeout=T)
    closed = [w for w in call(runner, qtbot, lambda d: d.warnings.list(code=firm["first"]))
              if w["rule"] == "review_overdue"]
    assert [(w["status"], w["closed_by"]) for w in closed] == [("closed", "custdesk")]
    assert window.navigation.item(0).text() == "Today (3)"
    # The other red one closed by a person.
    (red,) = [w for w in call(runner, qtbot, lambda d: d.warnings.list(open_only=True))
              if w["severity"] == "red"]
    call(runner, qtbot, lambda d: d.warnings.handle(red["id"], "已约客户本周复审", action="close"))
    qtbot.waitUntil(lambda: label.text() ==
                    "Overdue reviews: 2; open red warnings: 0.", timeout=T)
    assert "red 0" in page.warnings.box.title()
    for code in (firm["second"], firm["late"]):
        call(runner, qtbot, lambda d, c=code: d.reviews.done(c, "资料齐全，无变化"))
    qtbot.waitUntil(lambda: page.notice.isHidden(), timeout=T)
    settle(runner, qtbot)


def test_the_dialog_shows_what_the_program_did_in_the_readers_words(runner, qtbot):
    import datetime
    from custdesk.gui.warning_dialog import WarningDialog
    from tests.gui.test_home_page import add, at
    at("2026-11-22")
    code = add(runner, qtbot, "王芳")
    for ref, due in (("F1", "2026-07-01"), ("F2", "2026-10-01")):
        call(runner, qtbot, lambda d, r=ref, day=due: d.records.add(code, "transactions", {
            "kind": "invoice", "ref_no": r, "amount": "5000", "due_date": day,
            "occurred_on": (datetime.date.fromisoformat(day) - datetime.timedelta(days=30)).isoformat()}))
    for ref in ("F1", "F2"):
        call(runner, qtbot, lambda d, r=ref: d.records.add(code, "transactions", {
            "kind": "payment", "amount": "5000", "occurred_on": "2026-11-22", "invoice_ref": r}))
    (warning,) = [w for w in call(runner, qtbot, lambda d: d.warnings.list(code=code))
                  if w["rule"] == "payment_overdue"]
    dialog = WarningDialog(runner, warning)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=T):
        dialog.refresh()
    rows = [[dialog.actions_table.item(r, c).text() for c in (1, 2, 3)]
            for r in range(dialog.actions_table.rowCount())]
    assert rows == [["降级", "custdesk", "红色 → 黄色"],
                    ["Closed", "custdesk", "情况已消除，系统自动关闭"]]
    assert "情况已消除，系统自动关闭" in dialog.values["closed"].text()
    settle(runner, qtbot)

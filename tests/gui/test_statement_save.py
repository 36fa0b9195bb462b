"""The statement grid saves every new or changed period in one core call: one refused
period stores none of them, and the grid says which and keeps the edits."""

from __future__ import annotations

from tests.gui.conftest import call
from tests.gui.test_editor import T, add_person, open_editor


def test_one_refused_period_saves_none(runner, qtbot):
    code = add_person(runner, qtbot)
    editor = open_editor(qtbot, runner, code)
    tab = editor.financials
    qtbot.waitUntil(lambda: tab.code == code, timeout=T)
    tab.add_period("2024")
    tab.set_cell("2024", "income", "120,000")
    tab.add_period("2025")
    tab.set_cell("2025", "assets", "100")
    tab.set_cell("2025", "liabilities", "不是金额")
    with qtbot.waitSignal(tab.save_finished, timeout=T) as blocker:
        tab.save()
    assert blocker.args == [False]
    assert call(runner, qtbot, lambda d: d.records.raw(code, "financials")) == []
    assert "2025" in tab.message.text() and "2024" not in tab.message.text()
    assert tab.is_dirty()                                 # both periods still to save
    tab.set_cell("2025", "liabilities", "50")
    with qtbot.waitSignal(tab.save_finished, timeout=T) as blocker:
        tab.save()
    assert blocker.args == [True]
    rows = call(runner, qtbot, lambda d: d.records.raw(code, "financials"))
    assert sorted(r["period"] for r in rows) == ["2024", "2025"]

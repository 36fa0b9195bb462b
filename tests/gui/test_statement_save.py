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


def test_statements_have_one_save_path_and_the_files_star_goes_once_saved(runner, qtbot):
    """The grid has no save button of its own: the file's Save stores it, and the tab's
    title loses its "*" once the grid shows what was stored."""
    from PySide6.QtWidgets import QPushButton
    code = add_person(runner, qtbot)
    editor = open_editor(qtbot, runner, code)
    tab = editor.financials
    qtbot.waitUntil(lambda: tab.code == code, timeout=T)
    saves = [b.text() for b in tab.findChildren(QPushButton) if "Save" in b.text()]
    assert saves == []
    titles = []
    editor.title_changed.connect(titles.append)
    tab.add_period("2025")
    tab.set_cell("2025", "income", "80,000")
    assert editor.title().startswith("*") and editor.save_button.isEnabled()
    with qtbot.waitSignal(editor._save_done, timeout=T) as blocker:
        assert editor.save()
    assert blocker.args == [True]
    assert not tab.is_dirty() and not editor.title().startswith("*")
    assert titles[-1] == editor.title() and not editor.save_button.isEnabled()
    assert [c["period"] for c in tab.columns] == ["2025"] and tab.columns[0]["id"] is not None
    rows = call(runner, qtbot, lambda d: d.records.raw(code, "financials"))
    assert [r["period"] for r in rows] == ["2025"]

"""Four eyes on scorecards in the window: a manager's new version is approved or rejected by
another manager or administrator in Settings › Scorecards or on the approval page, never by
its author; the grading tab offers only the versions that may grade."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog

from custdesk.core.grading.scorecards import copy_source
from custdesk.gui.grading.approvals_page import CODE, NAME, OWN_COLOUR, TYPE, ApprovalsPage
from custdesk.gui.grading.scorecard_decision import decide
from tests.gui.conftest import call, settings_page
from tests.gui.test_scorecard_dialog import IN_USE, STATUS, settle, table_rows

COPY = "firm-enterprise"


@pytest.fixture
def manager(make_runner):
    return make_runner("manager")


@pytest.fixture
def boss(make_runner):
    """A second manager-or-administrator, in a session of their own."""
    return make_runner("boss")


def save_copy(runner, qtbot, version: int = 1, change: str = "") -> None:
    def job(desk):
        library = desk.grading.library
        source = copy_source(library.get("enterprise-standard").source, COPY, version)
        return library.save(source + change)
    call(runner, qtbot, job)


def decide_in_dialog(page, qtbot, approve: bool, reason: str = "") -> QDialog:
    """Press Approve… or Reject… and answer the dialog; returns it (accepted or not)."""
    button = page.scorecard_buttons["approve" if approve else "reject"]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = page.decision_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.edit.setPlainText(reason)
    return dialog


def test_the_author_cannot_decide_and_another_manager_rejects_with_a_reason(manager, boss,
                                                                            qtbot):
    save_copy(manager, qtbot)
    own = settings_page(manager, qtbot)
    assert table_rows(own)[COPY][STATUS] == "待审批"
    assert table_rows(own)[COPY][IN_USE] == "none"
    assert own.select_scorecard(COPY)
    assert not own.scorecard_buttons["approve"].isEnabled()
    assert not own.scorecard_buttons["reject"].isEnabled()
    assert not own.scorecard_buttons["default"].isEnabled()       # nothing of it grades yet
    assert "You saved it" in own.scorecard_note.text()
    # Built-in versions wait for no one.
    own.select_scorecard("enterprise-standard")
    assert not own.scorecard_buttons["approve"].isEnabled()
    assert own.scorecard_buttons["default"].isEnabled()

    page = settings_page(boss, qtbot)
    page.select_scorecard(COPY)
    assert page.scorecard_buttons["approve"].isEnabled()
    assert page.scorecard_buttons["reject"].isEnabled()
    assert "You saved it" not in page.scorecard_note.text()
    assert "waits for a second manager" in page.scorecard_note.text()
    # A rejection needs a reason: OK stays off (and Ctrl+Enter does nothing) until one is typed.
    dialog = decide_in_dialog(page, qtbot, approve=False, reason="   ")
    assert not dialog.ok_button.isEnabled()
    QTest.keyClick(dialog.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible()
    dialog.edit.setPlainText("权重未经回测")
    assert dialog.ok_button.isEnabled()
    QTest.keyClick(dialog.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: table_rows(page)[COPY][STATUS] == "已否决", timeout=10_000)
    settle(boss, qtbot)
    assert "Rejected firm-enterprise version 1" in page.message.text()
    assert "权重未经回测" in page.scorecard_note.text()
    assert not page.scorecard_buttons["approve"].isEnabled()     # decided: nothing waits
    assert call(boss, qtbot, lambda d: d.grading.library.decision(COPY, 1))["status"] == \
        "rejected"
    # The author's page, refreshed, shows the rejection and its reason.
    own.refresh_scorecards()
    qtbot.waitUntil(lambda: table_rows(own)[COPY][STATUS] == "已否决", timeout=10_000)
    own.select_scorecard(COPY)
    assert "权重未经回测" in own.scorecard_note.text()


def test_approving_takes_an_optional_reason_and_the_version_comes_into_use(manager, boss, qtbot):
    save_copy(manager, qtbot)
    page = settings_page(boss, qtbot)
    page.select_scorecard(COPY)
    dialog = decide_in_dialog(page, qtbot, approve=True)
    assert dialog.ok_button.isEnabled()                 # no reason needed to approve
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: table_rows(page)[COPY][STATUS] == "已批准", timeout=10_000)
    assert table_rows(page)[COPY][IN_USE] == "1"
    assert page.scorecard_buttons["default"].isEnabled()
    # A new version waits again; the approved one grades meanwhile.
    save_copy(manager, qtbot, 2, "\n# v2\n")
    page.refresh_scorecards()
    qtbot.waitUntil(lambda: table_rows(page)[COPY][STATUS] == "待审批", timeout=10_000)
    assert table_rows(page)[COPY][IN_USE] == "1"
    assert "Until then version 1 grades" in page.scorecard_note.text()


def test_a_cancelled_dialog_decides_nothing(manager, boss, qtbot):
    save_copy(manager, qtbot)
    page = settings_page(boss, qtbot)
    page.select_scorecard(COPY)
    dialog = decide_in_dialog(page, qtbot, approve=True, reason="ok")
    dialog.reject()
    settle(boss, qtbot)
    assert call(boss, qtbot, lambda d: d.grading.library.status(COPY, 1)) == "pending"


def test_the_approval_page_lists_waiting_versions_for_managers(manager, boss, make_runner, qtbot,
                                                                monkeypatch):
    save_copy(manager, qtbot)
    save_copy(manager, qtbot, 2, "\n# a note for the reviewer\n")
    call(boss, qtbot, decide(f"{COPY}@1", True, ""))
    # The author sees it, greyed, and cannot decide it.
    own = ApprovalsPage(manager)
    qtbot.addWidget(own)
    settle(manager, qtbot)
    assert [(i["type"], i["id"], i["own"]) for i in own.items] == \
        [("scorecard", f"{COPY}@2", True)]
    assert own.table.item(0, NAME).foreground().color() == OWN_COLOUR
    assert not own.approve_button.isEnabled() and not own.own_note.isHidden()
    # A reviewer does not decide scorecards.
    reviewer = ApprovalsPage(make_runner("reviewer"))
    qtbot.addWidget(reviewer)
    qtbot.waitUntil(lambda: reviewer._runner.pending == 0, timeout=10_000)
    assert reviewer.items == []

    page = ApprovalsPage(boss)
    qtbot.addWidget(page)
    counts = []
    page.count_changed.connect(counts.append)
    settle(boss, qtbot)
    assert page.table.item(0, TYPE).text() == "Scorecard version"
    assert page.table.item(0, CODE).text() == "—"
    assert page.table.item(0, NAME).text() == f"{COPY}, version 2"
    assert page.current_view() is page.scorecard_view and page.facts.isHidden()
    view = page.scorecard_view
    assert view.values["in_use"].text() == "version 1"
    assert "+# a note for the reviewer" in view.text.text()
    assert page.open_button.text() == "View text…" and page.approve_button.isEnabled()
    page.open_button.click()
    settle(boss, qtbot)
    assert page.scorecard_dialog.editor.isReadOnly()
    assert "# a note for the reviewer" in page.scorecard_dialog.text()
    page.scorecard_dialog.reject()
    # Approving asks first, then the version grades and leaves the queue.
    asked = []
    monkeypatch.setattr(page, "confirm", lambda title, text: asked.append(text) or True)
    page.approve_button.click()
    qtbot.waitUntil(lambda: page.items == [], timeout=10_000)
    assert "scorecard firm-enterprise version 2" in asked[0]
    assert counts[-1] == 0
    assert call(boss, qtbot, lambda d: d.grading.library.status(COPY, 2)) == "approved"


def test_rejecting_on_the_approval_page_asks_why(manager, boss, qtbot, monkeypatch):
    save_copy(manager, qtbot)
    page = ApprovalsPage(boss)
    qtbot.addWidget(page)
    settle(boss, qtbot)
    assert "The whole text" in page.scorecard_view.text_caption.text()   # a new scorecard
    monkeypatch.setattr(page, "ask_reason", lambda what: None)          # cancelled
    page.reject_button.click()
    settle(boss, qtbot)
    assert len(page.items) == 1
    monkeypatch.setattr(page, "ask_reason", lambda what: "未说明适用范围")
    page.reject_button.click()
    qtbot.waitUntil(lambda: page.items == [], timeout=10_000)
    decision = call(boss, qtbot, lambda d: d.grading.library.decision(COPY, 1))
    assert decision["status"] == "rejected" and decision["decision_reason"] == "未说明适用范围"


def test_the_grading_tab_offers_only_versions_that_may_grade(manager, boss, qtbot):
    from tests.gui.test_grading_tab import open_tab
    code = call(manager, qtbot, lambda d: d.customers.add(
        {"kind": "enterprise", "name": "重庆某某有限公司"})).code

    def offered(runner) -> list[str]:
        _editor, tab = open_tab(qtbot, runner, code)
        combo = tab.controls.card_combo
        return [combo.itemData(i) for i in range(combo.count())]

    save_copy(manager, qtbot)
    assert offered(manager) == ["enterprise-standard@2"]        # waiting: not offered
    call(boss, qtbot, decide(f"{COPY}@1", True, ""))
    save_copy(manager, qtbot, 2, "\n# v2\n")
    assert offered(manager) == ["enterprise-standard@2", f"{COPY}@1"]   # v2 waits
    call(boss, qtbot, decide(f"{COPY}@2", False, "未回测"))
    assert offered(manager) == ["enterprise-standard@2", f"{COPY}@1"]   # v2 rejected

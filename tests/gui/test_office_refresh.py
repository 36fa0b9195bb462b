"""What another PC saves reaches an open window without a restart: the server's notice
(LISTEN/NOTIFY) is heard, the working copy catches up and the pages that show it refresh."""

from __future__ import annotations

import pytest

from custdesk.core.desk import Desk
from custdesk.gui.operations import DeskRunner
from custdesk.gui.session import Sessions, log_out
from tests.conftest import ADMIN, PASSWORDS, drop_office, fill_from_file
from tests.core.test_grading import STATEMENT_2025

T = 20_000


@pytest.fixture
def office_url(cluster, db_path):
    url = fill_from_file(cluster, db_path, "gui_refresh")
    yield url
    drop_office(cluster, "gui_refresh")


@pytest.fixture
def reviewer_window(office_url, qtbot):
    runner = DeskRunner()
    runner.run(lambda _d: runner.set_desk(
        Desk.open(office_url, "reviewer", PASSWORDS["reviewer"], daily_check=False)))
    qtbot.waitUntil(lambda: runner.pending == 0 and runner.desk is not None, timeout=T)
    made = Sessions(runner, office_url)
    made.start()
    qtbot.waitUntil(lambda: made.runner.pending == 0, timeout=T)
    yield made
    made.idle.stop()
    made.overlay.release()
    made.window.close()
    made.window.deleteLater()
    made.runner.run(lambda desk: log_out(made.runner, desk))
    made.runner.close()


def test_a_submission_on_another_pc_reaches_the_approvals_page(office_url, reviewer_window,
                                                              qtbot):
    page = reviewer_window.window.approvals_page
    assert page.table.rowCount() == 0
    with Desk.open(office_url, ADMIN, PASSWORDS[ADMIN], daily_check=False) as boss:
        code = boss.customers.add({"kind": "enterprise", "name": "异地提交测试有限公司"}).code
        boss.records.add(code, "financials", STATEMENT_2025)
    with Desk.open(office_url, "clerk", PASSWORDS["clerk"], daily_check=False) as clerk:
        item = clerk.grading.assess(code, answers={})
        clerk.grading.submit(item.id, missing_reason="尽调后补充")
    # No restart, no click: the page lists it once the notice is heard.
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=T)
    assert any("异地提交测试有限公司" in (page.table.item(0, c).text() if page.table.item(0, c)
                                         else "") for c in range(page.table.columnCount()))

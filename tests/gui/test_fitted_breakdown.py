"""A fitted scorecard's assessment read in the window: no dimension bars, a base row whose
points stand alone, and the points on screen adding up to the score (in the file's grading
tab and on the approvals page alike)."""

from __future__ import annotations

import pytest

from custdesk.core.grading.scale import dimension_label
from custdesk.gui.grading.approvals_page import ApprovalsPage
from tests.gui.conftest import call
from tests.firm_outcomes import assess_fitted, fitted_firm

pytest.importorskip("sklearn")

T = 10_000


def shown_points(view) -> list[float]:
    """The points column as a person reads it: "17/17" is 17 earned, "-25.3" the base."""
    texts = [view.table.item(row, 3).text() for row in range(view.table.rowCount())]
    return [float(text.split("/")[0]) for text in texts]


def assert_fitted_breakdown(view, item) -> None:
    base = view.factor_row("base")
    assert base[0] == dimension_label("fitted") and base[2] == ""
    assert base[3] == f"{item['detail']['factors'][0]['points']:g}"   # no "/…" after it
    assert "/" not in base[3] and base[4]                            # the rule says how
    assert view.table.rowCount() == 1 + 4
    # No dimensions: neither bars nor their title, and no empty space for them.
    assert view.bars.rows == [] and view.bars_title.isHidden() and view.bars_area.isHidden()
    assert sum(shown_points(view)) == pytest.approx(item["score"], abs=0.051)


def test_the_breakdown_of_a_fitted_card(db_path, runner, make_runner, qtbot):
    codes = fitted_firm(db_path)
    made = call(runner, qtbot, lambda d: assess_fitted(d, codes[0]))
    item = call(runner, qtbot, lambda d: d.grading.get(made))
    assert item["scorecard_name"] == "firm-fit" and 0 < item["score"] < 100
    assert item["detail"]["factors"][0]["points"] < 0            # where this card starts

    from custdesk.gui.grading import AssessmentView
    view = AssessmentView()
    qtbot.addWidget(view)
    view.show_assessment(item)
    assert_fitted_breakdown(view, item)
    assert "add up to" not in view.summary_label.text()

    # The reviewer's page shows it the same way.
    reviewer = make_runner("reviewer")
    page = ApprovalsPage(reviewer)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: reviewer.pending == 0 and page.current_item() is not None
                    and page.assessment_view.item is not None, timeout=T)
    assert page.current_view() is page.assessment_view
    assert_fitted_breakdown(page.assessment_view, item)


def test_a_sum_beyond_the_score_range_is_explained(db_path, runner, qtbot):
    codes = fitted_firm(db_path)
    made = call(runner, qtbot, lambda d: assess_fitted(d, codes[-1], submit=False))
    item = call(runner, qtbot, lambda d: d.grading.get(made))
    total = round(sum(f["points"] for f in item["detail"]["factors"]), 1)
    assert total < 0 and item["score"] == 0                    # the most indebted file

    from custdesk.gui.grading import AssessmentView
    view = AssessmentView()
    qtbot.addWidget(view)
    view.show_assessment(item)
    assert f"{total:g}" in view.summary_label.text()

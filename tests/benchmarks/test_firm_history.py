"""The synthetic firm's history (``benchmarks.firm.History``), on a small firm: what
``python -m benchmarks validation`` measures at 100,000 customers must hold together —
grades scored from their recorded inputs, the present one the file's own, earlier ones a
year or two back, four eyes on each, and bad outcomes that follow the grades."""

from __future__ import annotations

import datetime
import json

import pytest

from benchmarks import firm
from custdesk.core import clock
from custdesk.core.desk import Desk
from custdesk.core.grading.scale import GRADES, notch
from custdesk.core.grading.scorecard import score

CUSTOMERS = 500


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    folder = tmp_path_factory.mktemp("firm")
    return firm.ensure(folder, CUSTOMERS)


@pytest.fixture
def desk(made):
    clock.set_fixed(datetime.datetime.combine(firm.TODAY, datetime.time(9)).astimezone())
    opened = Desk.open(made.path, "manager", firm.demo.DEMO_PASSWORDS["manager"],
                       daily_check=False)
    yield opened
    opened.close()
    clock.set_fixed(None)


def _bulk_assessments(desk, made) -> list[dict]:
    full = set(made.full_codes)
    cursor = desk.db.execute(
        "SELECT a.*, c.code, c.kind, c.grade AS file_grade, c.graded_on, c.assessment_id AS "
        "present_id, c.risk_level AS file_risk FROM assessments a "
        "JOIN customers c ON c.id = a.customer_id ORDER BY a.id")
    names = [d[0] for d in cursor.description]
    return [row for row in (dict(zip(names, r)) for r in cursor.fetchall())
            if row["code"] not in full]


def test_every_graded_bulk_file_has_its_present_grade_and_most_an_earlier_one(desk, made):
    rows = _bulk_assessments(desk, made)
    counts = firm.history_counts(made.path)
    assert counts is not None and counts["assessments"] == len(rows) > 0
    by_file: dict[str, list[dict]] = {}
    for row in rows:
        by_file.setdefault(row["code"], []).append(row)
    full = set(made.full_codes)
    graded = [r for r in desk.db.execute("SELECT code, assessment_id FROM customers "
                                         "WHERE grade IS NOT NULL") if r[0] not in full]
    assert len(by_file) == len(graded) and all(present for _code, present in graded)
    earlier = 0
    for code, mine in by_file.items():
        present = mine[-1]
        assert present["id"] == present["present_id"]
        assert present["grade"] == present["file_grade"]
        assert present["risk_level"] == present["file_risk"]
        assert clock.datetime_of(present["decided_at"]).astimezone().date().isoformat() \
            == present["graded_on"]
        assert len(mine) <= 2
        if len(mine) == 2:
            earlier += 1
            day = datetime.date.fromisoformat(mine[0]["as_of"])
            assert 366 <= (firm.TODAY - day).days <= 730
            assert mine[0]["as_of"] < present["as_of"]
    assert earlier == counts["earlier"]
    assert earlier > len(by_file) / 2            # most graded files were graded before too


def test_each_grade_is_what_the_card_makes_of_its_recorded_inputs(desk, made):
    library = desk.grading.library
    for row in _bulk_assessments(desk, made):
        assert row["status"] == "approved"
        assert row["decided_by"] and row["decided_by"] != row["assessor"]
        assert row["decided_at"] >= row["submitted_at"] >= row["created_at"]
        card = library.get(f"{row['scorecard_name']}@{row['scorecard_version']}")
        assert card.kind == row["kind"]
        detail = json.loads(row["detail"])
        inputs = {f["input_key"]: f["input"] for f in detail["factors"]}
        assert set(inputs) == {f.input for f in card.factors}
        again = score(card, inputs)
        assert (again.score, again.grade) == (row["score"], row["computed_grade"])
        assert [f["points"] for f in detail["factors"]] == [f.points for f in again.factors]
        assert abs(row["adjustment"]) <= 2
        assert row["grade"] == notch(row["computed_grade"], row["adjustment"])
        assert bool(row["adjustment"]) == bool(row["adjustment_reason"])
        assert row["risk_level"] == card.risk_levels[row["grade"]]
        answers = json.loads(row["answers"])
        assert all(inputs[key] == value for key, value in answers.items())
        # What follows another input agrees with it: no overdue, no overdue events.
        if inputs.get("worst_overdue_days") == 0:
            assert inputs.get("overdue_events") in (0, None)
        if inputs.get("open_litigation_count") == 0:
            assert inputs.get("open_litigation_amount") in (0, None)


def test_bad_outcomes_follow_the_grades(desk, made):
    counts = firm.history_counts(made.path)
    outcomes = desk.outcomes
    assert counts["bad_customers"] == counts["outcomes_entered"] + counts["bad_invoices"]
    assert counts["outcomes_entered"] > counts["bad_invoices"] > 0
    full_ids = {r[0] for r in desk.db.execute(
        "SELECT id FROM main.customers WHERE code IN (SELECT value FROM json_each(?))",
        [json.dumps(made.full_codes)])}
    kinds = {}
    for cid, (_day, kind) in outcomes.bad_dates(firm.TODAY).items():
        if cid not in full_ids:
            kinds[kind] = kinds.get(kind, 0) + 1
    # Every planned bad outcome is found as core finds them (a few more: invoices the
    # bulk ledger left open long ago).
    assert kinds.get("invoice_overdue", 0) >= counts["bad_invoices"]
    assert sum(v for k, v in kinds.items() if k != "invoice_overdue") == \
        counts["outcomes_entered"]
    found = [o for o in outcomes.observations(as_of=firm.TODAY)
             if o.customer_id not in full_ids]
    year_over = [o for o in found if o.decided <= firm.TODAY - datetime.timedelta(days=366)]
    rate = sum(o.bad for o in year_over) / len(year_over)
    assert 0.02 < rate < 0.15
    better = [o for o in found if GRADES.index(o.grade) <= 3]
    worse = [o for o in found if GRADES.index(o.grade) >= 5]
    assert sum(o.bad for o in worse) / len(worse) > 3 * sum(o.bad for o in better) / len(better)

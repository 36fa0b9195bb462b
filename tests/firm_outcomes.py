"""A firm whose outcomes are known, a scorecard fitted on them (approved by a second
manager) and one file graded with it: the core, window and report tests of firm outcomes."""

from __future__ import annotations

import datetime
from pathlib import Path

from custdesk.core import clock
from custdesk.core.desk import Desk
from tests.conftest import PASSWORDS

GRADED_ON = datetime.date(2025, 2, 3)
TODAY = datetime.date(2026, 8, 31)


def at(day: datetime.date) -> None:
    clock.set_fixed(datetime.datetime.combine(day, datetime.time(10),
                                              tzinfo=datetime.timezone.utc))


def graded_firm(boss: Desk, reviewer: Desk) -> list[str]:
    """48 enterprises graded in February 2025; the more indebted went bad more often."""
    at(GRADED_ON)
    codes = []
    for i in range(48):
        debt = 1_000_000 + i * 140_000
        code = boss.customers.add({"name": f"杭州测试{i:02d}有限公司", "kind": "enterprise",
                                   "founding_date": "2010-05-01"}).code
        boss.records.add(code, "financials", {
            "period": "2024", "revenue": str(5_000_000 + i * 37_000),
            "net_profit": str(600_000 - i * 15_000), "ebit": str(700_000 - i * 12_000),
            "total_assets": "8000000", "current_assets": "3000000",
            "total_liabilities": str(debt), "current_liabilities": str(debt // 2),
            "equity": str(8_000_000 - debt), "retained_earnings": "1500000"})
        made = boss.grading.assess(code).id
        boss.grading.submit(made, missing_reason="资料待补")
        reviewer.grading.approve(made)
        codes.append(code)
    for i, code in enumerate(codes):
        if (i >= 24 and i % 4 != 0) or i in (3, 11):
            at(GRADED_ON + datetime.timedelta(days=210 + 3 * i))
            boss.records.add(code, "outcomes", {"kind": "write_off",
                                                "occurred_on": clock.today().isoformat()})
    at(TODAY)
    return codes


def fitted_firm(db_path: Path) -> list[str]:
    """The firm's 48 codes, with "firm-fit@1" fitted on their history by the boss and
    approved by the manager (the card grades from now on)."""
    from custdesk.core.grading import evidence
    desks = {name: Desk.open(db_path, name, PASSWORDS[name])
             for name in ("boss", "reviewer", "manager")}
    try:
        boss = desks["boss"]
        codes = graded_firm(boss, desks["reviewer"])
        history = evidence.firm_history(boss, "enterprise")
        evidence.build(boss, history, name="firm-fit", kind="enterprise",
                       labels=evidence.metric_labels())
        desks["manager"].grading.library.decide("firm-fit@1", True, "回测通过")
        return codes
    finally:
        for desk in desks.values():
            desk.close()


def assess_fitted(desk: Desk, code: str, submit: bool = True) -> int:
    """``code`` graded with the fitted card (submitted for approval unless told not to)."""
    made = desk.grading.assess(code, scorecard="firm-fit").id
    if submit:
        desk.grading.submit(made, missing_reason="资料待补")
    return made

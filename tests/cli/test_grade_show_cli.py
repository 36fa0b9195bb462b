"""grade show on the command line: the hold's reasons read as sentences."""

from __future__ import annotations

import datetime

from custdesk.core import clock
from tests.cli.test_cli import cli  # noqa: F401  (the fixture)


def test_a_review_hold_names_its_days(cli):  # noqa: F811
    clock.set_fixed(datetime.datetime(2026, 11, 22, 10, tzinfo=datetime.timezone.utc))
    status, out, err = cli("customer", "add", "--kind", "enterprise", "--name", "杭州测试机械有限公司")
    assert status == 0, err
    code = out.strip()
    assert cli("record", "add", code, "transactions", "--field", "kind=invoice",
               "--field", "amount=1000", "--field", "occurred_on=2026-11-01",
               "--field", "due_date=2026-12-01")[0] == 0
    # The first review falls due on 2026-12-22; 41 days later the review holds the file.
    clock.set_fixed(datetime.datetime(2027, 2, 1, 10, tzinfo=datetime.timezone.utc))
    status, out, err = cli("grade", "show", code)
    assert status == 0, err
    line = next(x for x in out.splitlines() if x.startswith("hold_reasons:"))
    assert "复审逾期超过 30 天" in line and "{" not in line

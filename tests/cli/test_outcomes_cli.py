"""outcomes list|window from the command line."""

from __future__ import annotations

import datetime
import json

from custdesk.core import clock
from tests.cli.test_cli import cli  # noqa: F401  (the fixture)


def test_outcomes_list_detected_and_entered(cli):
    clock.set_fixed(datetime.datetime(2026, 11, 22, 10, tzinfo=datetime.timezone.utc))
    status, out, err = cli("customer", "add", "--kind", "enterprise", "--name", "杭州测试机械有限公司")
    assert status == 0, err
    code = out.strip()
    status, out, err = cli("outcomes", "list", "--json")
    assert status == 0 and json.loads(out) == [], err
    for fields in (["kind=invoice", "ref_no=F1", "amount=1000", "occurred_on=2026-01-01",
                    "due_date=2026-02-01"],
                   ["kind=payment", "amount=1000", "occurred_on=2026-05-05", "invoice_ref=F1"]):
        status, _, err = cli("record", "add", code, "transactions",
                             *[a for f in fields for a in ("--field", f)])
        assert status == 0, err
    status, _, err = cli("record", "add", code, "outcomes", "--field", "kind=manager",
                         "--field", "occurred_on=2026-06-01")
    assert status == 1 and "理由" in err
    status, _, err = cli("record", "add", code, "outcomes", "--field", "kind=write_off",
                         "--field", "occurred_on=2026-06-01")
    assert status == 0, err
    status, out, _ = cli("outcomes", "list", "--json")
    rows = json.loads(out)
    assert [(r["code"], r["date"], r["kind"], r["source"]) for r in rows] == [
        (code, "2026-05-02", "invoice_overdue", "detected"),
        (code, "2026-06-01", "write_off", "entered")]
    assert rows[0]["ref"] == "F1"
    status, out, err = cli("outcomes", "list")
    assert status == 0 and "核销坏账" in out and "系统识别" in out and "手工录入" in out
    assert "1 个客户" in err
    status, out, _ = cli("outcomes", "list", "--as-of", "2026-05-31", "--json")
    assert [r["kind"] for r in json.loads(out)] == ["invoice_overdue"]
    status, out, _ = cli("--lang", "en", "outcomes", "list")
    assert "Written off" in out and "detected" in out


def test_outcomes_window_show_and_set(cli):
    status, out, err = cli("outcomes", "window")
    assert status == 0 and "12 个月" in out and "90 天" in out, err
    status, _, err = cli("outcomes", "window", "--months", "18", user="clerk")
    assert status == 1 and "无权" in err
    status, _, err = cli("outcomes", "window", "--months", "40", user="manager")
    assert status == 1 and "3–36" in err
    status, out, err = cli("outcomes", "window", "--months", "18", "--overdue-days", "60",
                           "--json", user="manager")
    assert status == 0, err
    assert json.loads(out) == {"months": 18, "overdue_days": 60}
    status, out, _ = cli("audit", "log", "--json")
    changed = [e for e in json.loads(out) if e["action"] == "settings.set"
               and e["object"].startswith("outcome.")]
    assert {e["object"] for e in changed} == {"outcome.window_months", "outcome.overdue_days"}

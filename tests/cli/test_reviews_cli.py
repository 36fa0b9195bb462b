"""reviews due|snooze|done|ics and warnings [handle] from the command line."""

from __future__ import annotations

import datetime
import json

import icalendar

from custdesk.core import clock
from tests.cli.test_cli import cli  # noqa: F401  (the fixture)


def _file(cli) -> str:
    status, out, err = cli("customer", "add", "--kind", "enterprise", "--name", "杭州测试机械有限公司")
    assert status == 0, err
    return out.strip()


def test_reviews_due_snooze_done_and_ics(cli, tmp_path):
    clock.set_fixed(datetime.datetime(2026, 11, 22, 10, tzinfo=datetime.timezone.utc))
    code = _file(cli)
    status, out, _ = cli("reviews", "due", "--json")
    assert json.loads(out) == []
    status, out, _ = cli("reviews", "due", "--as-of", "2026-12-22", "--within", "0", "--json")
    (item,) = json.loads(out)
    assert {k: item[k] for k in ("code", "due_date", "reason", "overdue_days")} == \
        {"code": code, "due_date": "2026-12-22", "reason": "unrated", "overdue_days": 0}
    assert "name" in item
    status, _, err = cli("reviews", "snooze", code, "--until", "2027-02-01", "--reason", "等年报")
    assert status == 1 and "30" in err
    status, out, err = cli("reviews", "snooze", code, "--until", "2027年1月5日", "--reason", "等年报")
    assert status == 0, err
    assert "2027-01-05" in out
    status, _, err = cli("reviews", "done", code, "--note", "无变化", user="clerk")
    assert status == 1 and "无权" in err
    status, out, err = cli("reviews", "done", code, "--note", "首次走访，资料齐全", user="reviewer")
    assert status == 0, err
    assert "2026-12-22" in out                          # unrated again: 30 days from today
    out_file = tmp_path / "due.ics"
    status, _, err = cli("reviews", "ics", str(out_file), "--within", "60")
    assert status == 0, err
    events = list(icalendar.Calendar.from_ical(out_file.read_bytes()).walk("VEVENT"))
    assert [str(e["SUMMARY"]) for e in events] == [f"复审 {code}（未评级）"]
    assert "杭州" not in out_file.read_text(encoding="utf-8")


def test_warnings_list_as_of_and_handle(cli):
    clock.set_fixed(datetime.datetime(2026, 11, 22, 10, tzinfo=datetime.timezone.utc))
    code = _file(cli)
    status, _, err = cli("record", "add", code, "transactions", "--field", "kind=invoice",
                         "--field", "amount=1000", "--field", "occurred_on=2026-09-01",
                         "--field", "due_date=2026-10-01")
    assert status == 0, err
    status, out, _ = cli("warnings", "--json")
    (warning,) = json.loads(out)
    for key in ("id", "code", "rule", "severity", "status", "raised_at"):
        assert key in warning
    assert (warning["code"], warning["rule"], warning["severity"]) == (code, "payment_overdue", "yellow")
    status, out, _ = cli("warnings", "--as-of", "2027-02-01", "--json")
    preview = {(w["rule"], w["severity"], w["status"]) for w in json.loads(out)}
    assert ("payment_overdue", "red", "open") in preview
    assert ("review_overdue", "red", "new") in preview
    status, out, _ = cli("warnings", "--json")
    assert len(json.loads(out)) == 1                    # --as-of changed nothing
    status, _, err = cli("warnings", "handle", str(warning["id"]), "--close")
    assert status == 2
    status, out, err = cli("warnings", "handle", str(warning["id"]), "--action", "已催收", "--close")
    assert status == 0, err
    status, out, _ = cli("warnings", "--open", "--json")
    assert json.loads(out) == []
    status, _, err = cli("warnings", "handle", str(warning["id"]), "--action", "again")
    assert status == 1 and "已关闭" in err

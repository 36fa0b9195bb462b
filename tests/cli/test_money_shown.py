"""Money on the command line: yuan with separators where people read it, integer fen in JSON."""

from __future__ import annotations

import json

from tests.cli.test_cli import cli  # noqa: F401 - the fixture


def test_show_and_record_list_print_yuan_and_json_keeps_fen(cli):  # noqa: F811
    status, out, _ = cli("customer", "add", "--kind", "enterprise", "--name", "甲公司",
                         "--field", "registered_capital=1,234,567.8")
    assert status == 0
    code = out.strip()
    status, out, _ = cli("customer", "show", code)
    assert status == 0 and "¥1,234,567.80" in out and "123456780" not in out
    status, out, _ = cli("customer", "show", code, "--json")
    assert json.loads(out)["registered_capital"] == 123456780

    assert cli("record", "add", code, "transactions", "--field", "kind=invoice",
               "--field", "ref_no=INV-1", "--field", "occurred_on=2026-01-05",
               "--field", "due_date=2026-02-04", "--field", "amount=12000")[0] == 0
    status, out, _ = cli("record", "list", code, "transactions")
    assert status == 0 and "¥12,000.00" in out and "1200000" not in out
    status, out, _ = cli("record", "list", code, "transactions", "--json")
    assert [row["amount"] for row in json.loads(out)] == [1200000]

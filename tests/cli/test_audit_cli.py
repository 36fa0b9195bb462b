"""audit log for people (labels, yuan, local time) and for scripts (--json as stored);
audit export of the filtered entries."""

from __future__ import annotations

import csv
import json

from tests.cli.test_cli import cli  # noqa: F401  (the fixture)


def test_audit_log_reads_as_people_speak_and_json_stays_raw(cli):  # noqa: F811
    status, out, _ = cli("customer", "add", "--kind", "enterprise", "--name", "审计演示有限公司")
    code = out.strip()
    assert cli("record", "add", code, "transactions", "--field", "kind=invoice",
               "--field", "occurred_on=2026-07-01", "--field", "amount=197000")[0] == 0
    status, out, err = cli("audit", "log", "--customer", code, "--limit", "5")
    assert status == 0, err
    header = out.splitlines()[0].split()
    assert header[:4] == ["序号", "时间", "用户", "操作"]
    assert "新增记录" in out and "建立档案" in out and "审计演示有限公司" in out
    assert "¥197,000.00" in out and "19700000" not in out and "record.add" not in out
    raw = json.loads(cli("audit", "log", "--customer", code, "--json")[1])
    assert raw[0]["action"] == "record.add" and raw[0]["summary"]["amount"] == 19700000
    assert set(raw[0]) == {"seq", "at", "user", "action", "object", "customer", "summary",
                           "signer", "withheld"}
    only = json.loads(cli("audit", "log", "--action", "customer.add", "--json")[1])
    assert [e["customer"] for e in only] == [code]
    mine = json.loads(cli("audit", "log", "--by", "boss", "--action", "record.add",
                          "--json")[1])
    assert [e["object"] for e in mine] == [raw[0]["object"]]
    assert json.loads(cli("audit", "log", "--by", "clerk", "--action", "record.add",
                          "--json")[1]) == []


def test_audit_export_writes_the_filtered_entries(cli, tmp_path):  # noqa: F811
    code = cli("customer", "add", "--kind", "individual", "--name", "王芳")[1].strip()
    target = tmp_path / "log.csv"
    status, _, err = cli("audit", "export", "--find", "王芳", "-o", str(target))
    assert status == 0 and "log.csv" in err
    with open(target, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:4] == ["序号", "时间", "用户", "操作"]
    assert len(rows) > 1 and {r[4] for r in rows[1:]} == {code}
    last = json.loads(cli("audit", "log", "--action", "audit.export", "--json")[1])[0]
    assert last["object"] == "log.csv" and last["summary"]["entries"] == len(rows) - 1
    status, _, err = cli("audit", "export", "-o", str(tmp_path / "x.csv"), user="clerk")
    assert status != 0 and not (tmp_path / "x.csv").exists()

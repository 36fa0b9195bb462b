"""custdesk import customers|financials|transactions FILE: JSON, exit codes, the error report."""

from __future__ import annotations

import csv
import io
import json

from tests.cli.test_cli import cli  # noqa: F401  (the in-process fixture)
from tests.core.test_importing import PERSON_HEADER, a_code, an_id, bad_check, people, write_csv


def counts(out: str) -> dict:
    data = json.loads(out)
    return {k: data[k] for k in ("total", "imported", "updated", "rejected", "duplicates")}


def test_import_customers_json(cli, tmp_path):
    path = write_csv(tmp_path / "客户.csv", [PERSON_HEADER, *people(3)], "gbk")
    status, out, err = cli("import", "customers", str(path), "--json")
    assert status == 0, err
    assert counts(out) == {"total": 3, "imported": 3, "updated": 0, "rejected": 0, "duplicates": 0}
    codes = json.loads(out)["codes"]
    assert len(set(codes)) == 3
    status, out, _ = cli("customer", "list", "--json")
    assert [c["name"] for c in json.loads(out)] == ["客户1号", "客户2号", "客户3号"]
    status, out, _ = cli("audit", "log", "--json")
    [entry] = [e for e in json.loads(out) if e["action"].startswith("import.")]
    assert entry["action"] == "import.customers" and entry["summary"]["imported"] == 3
    status, out, _ = cli("audit", "verify", "--json")
    assert status == 0 and json.loads(out)["ok"]


def test_refused_file_exits_1_and_writes_the_report_beside_it(cli, tmp_path):
    rows = [PERSON_HEADER, *people(2), ["坏号", "个人", bad_check(an_id(5)), "13812345678", "内部"]]
    path = write_csv(tmp_path / "in.csv", rows)
    status, out, err = cli("import", "customers", str(path))
    assert status == 1
    report = tmp_path / "in.csv.errors.csv"
    assert str(report) in err and report.exists()
    lines = list(csv.reader(io.StringIO(report.read_text("utf-8-sig"))))
    assert lines[1][:2] == ["4", "身份证号"] and "*" in lines[1][2]
    status, out, _ = cli("customer", "list", "--json")
    assert json.loads(out) == []
    # --skip-invalid imports the two good rows; --errors puts the report elsewhere
    elsewhere = tmp_path / "report.csv"
    status, out, err = cli("import", "customers", str(path), "--skip-invalid", "--errors",
                           str(elsewhere), "--json")
    assert status == 0 and elsewhere.exists()
    assert counts(out) == {"total": 3, "imported": 2, "updated": 0, "rejected": 1, "duplicates": 0}
    assert json.loads(out)["errors_file"] == str(elsewhere)
    assert json.loads(out)["errors"][0]["row"] == 4


def test_dry_run_and_update_existing(cli, tmp_path):
    path = write_csv(tmp_path / "in.csv", [PERSON_HEADER, *people(2)])
    status, out, _ = cli("import", "customers", str(path), "--dry-run", "--json")
    assert status == 0 and counts(out)["imported"] == 2 and json.loads(out)["dry_run"]
    assert json.loads(cli("customer", "list", "--json")[1]) == []
    assert cli("import", "customers", str(path))[0] == 0
    status, out, err = cli("import", "customers", str(path), "--json")
    assert status == 1 and counts(out)["duplicates"] == 2
    changed = write_csv(tmp_path / "changed.csv", [["名称", "身份证号", "客户等级"],
                                                   ["客户1号", an_id(1), "重点"]])
    status, out, _ = cli("import", "customers", str(changed), "--update-existing", "--json")
    assert status == 0 and counts(out) == {"total": 1, "imported": 0, "updated": 1, "rejected": 0,
                                           "duplicates": 0}
    first = next(c["code"] for c in json.loads(cli("customer", "list", "--json")[1])
                 if c["name"] == "客户1号")
    assert json.loads(cli("customer", "show", first, "--json")[1])["tier"] == "key"


def test_dry_run_of_a_bad_file_exits_1(cli, tmp_path):
    path = write_csv(tmp_path / "in.csv", [PERSON_HEADER, ["", "个人", "", "", ""]])
    status, out, err = cli("import", "customers", str(path), "--dry-run")
    assert status == 1 and "0" in out and (tmp_path / "in.csv.errors.csv").exists()


def test_financials_and_transactions(cli, tmp_path):
    code = cli("customer", "add", "--kind", "enterprise", "--name", "深圳恒泰贸易有限公司",
               "--credit-code", a_code(1))[1].strip()
    fs = write_csv(tmp_path / "fs.csv", [["信用代码", "期间", "营业收入", "资产总额"],
                                         [a_code(1), "2025", "1000000", "800000"]])
    status, out, err = cli("import", "financials", str(fs), "--json")
    assert status == 0, err
    assert counts(out)["imported"] == 1
    tx = write_csv(tmp_path / "tx.csv", [["客户编号", "类型", "日期", "金额", "单号"],
                                         [code, "发票", "2026-01-05", "1,234.50", "F-1"]])
    status, out, _ = cli("import", "transactions", str(tx), "--json")
    assert status == 0 and counts(out)["imported"] == 1
    status, out, _ = cli("record", "list", code, "transactions", "--json")
    assert [(r["kind"], r["amount"], r["ref_no"]) for r in json.loads(out)] == [("invoice", 123450, "F-1")]


def test_map_option_and_refusals(cli, tmp_path):
    path = write_csv(tmp_path / "in.csv", [["户名称", "证", "备用电话"],
                                           ["张伟", an_id(1), "13812345678"]])
    status, out, err = cli("import", "customers", str(path), "--json")
    assert status == 1 and out == "" and "名称" in err            # no name column
    status, out, err = cli("import", "customers", str(path), "--map", "户名称=name",
                           "--map", "证=id_number", "--map", "备用电话=", "--json")
    assert status == 0, err
    assert counts(out)["imported"] == 1 and json.loads(out)["unknown_columns"] == []
    assert cli("import", "customers", str(path), "--map", "户名称=nope")[0] == 1
    assert cli("import", "customers", str(path), "--map", "bad")[0] == 2
    assert cli("import", "customers", str(tmp_path / "missing.csv"))[0] == 1
    assert cli("import", "customers", str(path), user="auditor")[0] == 1


def test_english_messages(cli, tmp_path):
    path = write_csv(tmp_path / "in.csv", [PERSON_HEADER, ["张伟", "个人", an_id(1), "12", "内部"]])
    status, out, err = cli("--lang", "en", "import", "customers", str(path))
    assert status == 1 and "nothing was imported" in err
    lines = list(csv.reader(io.StringIO((tmp_path / "in.csv.errors.csv").read_text("utf-8-sig"))))
    assert lines[0] == ["row", "column", "value", "reason"] and lines[1][3].startswith("not a phone")


def test_an_erp_export_imports_and_its_left_out_columns_are_told(cli, tmp_path):
    from tests.core.test_import_erp import ERP_HEADER, ERP_ROWS
    path = write_csv(tmp_path / "客户.csv", [ERP_HEADER, *ERP_ROWS])
    status, out, err = cli("import", "customers", str(path))
    assert status == 0, err
    assert "业务负责人" in err and "--map" in err and "备注" in err
    status, out, err = cli("import", "customers", str(path), "--dry-run", "--json")
    data = json.loads(out)
    assert data["suggestions"] == [{"column": "业务负责人", "field": "owner", "fit": 0, "checked": 5}]

"""report customer|reviews|portfolio|audit|batch|verify from the command line."""

from __future__ import annotations

import json
import subprocess

from tests.cli.test_cli import cli  # noqa: F401  (the fixture)
from tests.reports.conftest import pdf_text


def _file(cli, name="杭州测试机械有限公司") -> str:
    status, out, err = cli("customer", "add", "--kind", "enterprise", "--name", name)
    assert status == 0, err
    return out.strip()


def test_customer_report_verify_and_a_changed_copy(cli, tmp_path):
    code = _file(cli)
    out_file = tmp_path / "r.pdf"
    status, out, err = cli("report", "customer", code.lower(), "-o", str(out_file))
    assert status == 0, err
    assert "ZX-" in out and str(out_file) in out
    text = pdf_text(out_file)
    assert "杭州测试机械有限公司" in text and "客户资信审核报告" in text
    status, out, _ = cli("report", "verify", str(out_file), "--json")
    found = json.loads(out)
    assert status == 0 and found["ok"] and found["export"]["code"] == code
    data = bytearray(out_file.read_bytes())
    data[len(data) // 3] ^= 0x20
    changed = tmp_path / "changed.pdf"
    changed.write_bytes(bytes(data))
    status, out, _ = cli("report", "verify", str(changed))
    assert status == 1 and found["export"]["number"] in out


def test_report_language_is_separate_from_message_language(cli, tmp_path):
    code = _file(cli)
    out_file = tmp_path / "en.pdf"
    # The password from the environment, never the command line (where ps shows it).
    status, out, err = cli("report", "customer", code, "-o", str(out_file), "--lang", "en",
                           "--password", env={"CUSTDESK_PDF_PASSWORD": "pw-123456"})
    assert status == 0, err
    assert "已导出" in out                       # messages stay Chinese
    assert "Customer Credit Audit Report" in pdf_text(out_file, password="pw-123456")
    assert subprocess.run(["qpdf", "--check", "--password=pw-123456", str(out_file)],
                          capture_output=True).returncode == 0


def test_batch_writes_what_it_can_and_reports_the_rest(cli, tmp_path):
    first, second = _file(cli), _file(cli, "宁波测试贸易有限公司")
    folder = tmp_path / "out"
    status, out, err = cli("report", "batch", "--codes", f"{first},{second},C999999", "--out",
                           str(folder))
    assert status == 1
    assert "C999999" in err and f"[1/3] {first}" in err
    assert sorted(p.name.split("-", 3)[-1] for p in folder.iterdir()) == \
        sorted([f"{first}.pdf", f"{second}.pdf"])
    status, _, err = cli("report", "batch", "--out", str(folder))
    assert status == 2 and "--all" in err
    status, out, err = cli("report", "batch", "--all", "--quiet", "--out", str(tmp_path / "all"))
    assert status == 0 and err == ""
    assert len(list((tmp_path / "all").iterdir())) == 2


def test_other_reports(cli, tmp_path):
    code = _file(cli)
    for args in (("reviews", "--from", "2026-11-01", "--to", "2027-01-31"), ("portfolio",),
                 ("audit",), ("audit", "--customer", code)):
        out_file = tmp_path / f"{args[0]}-{len(args)}.pdf"
        status, out, err = cli("report", *args, "-o", str(out_file))
        assert status == 0, (args, err)
        assert "第 1 页" in pdf_text(out_file).replace("第1页", "第 1 页")
        status, _, _ = cli("report", "verify", str(out_file))
        assert status == 0
    status, _, err = cli("report", "reviews", "--from", "2027-01-31", "--to", "2026-11-01", "-o",
                         str(tmp_path / "x.pdf"))
    assert status == 1 and "早于" in err
    status, _, err = cli("report", "audit", "-o", str(tmp_path / "y.pdf"), user="clerk")
    assert status == 1 and "无权" in err

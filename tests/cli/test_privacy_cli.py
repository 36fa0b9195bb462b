"""export customers; privacy export|erase|purge from the command line."""

from __future__ import annotations

import datetime
import json
import zipfile

from custdesk.core import clock
from tests.cli.test_cli import ID, cli  # noqa: F401  (the fixture)


def _person(cli) -> str:
    status, out, err = cli("customer", "add", "--kind", "individual", "--name", "张伟",
                           "--id-number", ID, "--phone", "13812345678")
    assert status == 0, err
    return out.strip()


def test_export_customers_csv_and_xlsx(cli, tmp_path):
    code = _person(cli)
    status, out, err = cli("export", "customers", str(tmp_path / "c.csv"))
    assert status == 0, err
    assert "1 个客户档案" in out
    text = (tmp_path / "c.csv").read_text(encoding="utf-8-sig")
    assert code in text and ID not in text and "**************002X" in text
    status, _, err = cli("export", "customers", str(tmp_path / "c.xlsx"), "--reveal", "id_number")
    assert status == 1 and "理由" in err
    status, _, err = cli("export", "customers", str(tmp_path / "c.xlsx"), "--reveal", "id_number",
                         "--reason", "核对")
    assert status == 0, err
    assert (tmp_path / "c.xlsx").stat().st_size > 0
    status, _, err = cli("export", "customers", str(tmp_path / "c.txt"))
    assert status == 1 and ".csv" in err


def test_privacy_export_erase_and_purge(cli, tmp_path):
    clock.set_fixed(datetime.datetime(2026, 11, 22, 2, tzinfo=datetime.timezone.utc))
    code = _person(cli)
    status, out, err = cli("privacy", "export", code, str(tmp_path / "p.zip"))
    assert status == 0, err
    with zipfile.ZipFile(tmp_path / "p.zip") as archive:
        assert json.loads(archive.read("data.json"))["customer"]["id_number"] == ID
    status, _, err = cli("privacy", "erase", code, "--reason", "本人要求", user="clerk")
    assert status == 1 and "无权" in err
    status, out, err = cli("privacy", "erase", code, "--reason", "本人要求")
    assert status == 0, err
    assert code in out
    status, out, _ = cli("customer", "show", code, "--json")
    assert json.loads(out)["name"].startswith("已删除个人信息")
    status, out, err = cli("privacy", "purge", "--dry-run", "--json")
    assert status == 0 and json.loads(out)["files"] == []
    status, _, err = cli("privacy", "purge")
    assert status == 0 and "没有" in err

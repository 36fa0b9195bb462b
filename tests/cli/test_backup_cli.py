"""custdesk backup / backup list / backup verify / backup config / restore / check."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from custdesk import paths
from custdesk.cli import main
from custdesk.core.desk import Desk
from tests.conftest import ADMIN, ADMIN_PW, PASSWORDS


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "userdata"
    monkeypatch.setattr(paths, "data_dir", lambda: folder)
    return folder


@pytest.fixture
def cli(db_path, monkeypatch, capsys):
    """cli(*args, user=..., password=...) -> (exit status, stdout, stderr), in-process."""
    for var in ("CUSTDESK_DB", "CUSTDESK_USER", "CUSTDESK_PASSWORD", "CUSTDESK_NEW_PASSWORD"):
        monkeypatch.delenv(var, raising=False)

    def run(*args, user=ADMIN, password=None):
        with monkeypatch.context() as m:
            m.setenv("CUSTDESK_PASSWORD", password or PASSWORDS.get(user, "x"))
            status = main(["--db", str(db_path), "--user", user, *args])
        out, err = capsys.readouterr()
        return status, out, err

    return run


def add_customer(db_path: Path, name: str) -> str:
    with Desk.open(db_path, ADMIN, ADMIN_PW) as desk:
        return desk.customers.add({"kind": "individual", "name": name}).code


def names(db_path: Path) -> list[str]:
    with Desk.open(db_path, ADMIN, ADMIN_PW) as desk:
        return [r[0] for r in desk.db.execute("SELECT name FROM customers ORDER BY created_at")]


def test_backup_list_verify_and_config(cli, tmp_path, data_dir):
    status, out, err = cli("backup", "--to", str(tmp_path / "bk"))
    assert status == 0, err
    made = Path(out.strip())
    assert made.parent.parent == tmp_path / "bk" and made.exists() and "已备份到" in err

    status, out, _ = cli("backup", "list", "--dir", str(tmp_path / "bk"), "--json")
    listed = json.loads(out)
    assert status == 0 and [b["name"] for b in listed["backups"]] == [made.name]
    assert listed["backups"][0]["ok"] is True
    assert listed["backups"][0]["manifest"]["database_id"]

    # Without --dir: the configured folder (by default in the per-user data folder).
    status, out, _ = cli("backup", "list", "--json")
    assert json.loads(out) == {"folder": str(data_dir / "backups"), "backups": []}
    status, _, err = cli("backup", "config", "--dir", str(tmp_path / "bk"), "--daily", "3",
                         "--on-exit", "off")
    assert status == 0, err
    status, out, _ = cli("backup", "config", "--json")
    assert json.loads(out) == {"folder": str(tmp_path / "bk"), "daily": 3, "weekly": 4,
                               "on_exit": False, "recent": 5}
    status, out, _ = cli("backup", "list")
    assert status == 0 and made.name in out and "ok" in out
    status, _, err = cli("backup", "config", "--daily", "3", user="clerk")
    assert status == 1 and "无权" in err
    status, _, _ = cli("backup", "config", "--on-exit", "maybe")
    assert status == 2

    status, out, _ = cli("backup", "verify", str(made))
    assert status == 0 and "完好" in out
    status, out, _ = cli("backup", "verify", str(made), "--json", password="wrong-password")
    assert status == 3
    data = bytearray(made.read_bytes())
    data[9000] ^= 1
    made.write_bytes(data)
    status, out, _ = cli("backup", "verify", str(made), "--json")
    assert status == 1 and json.loads(out)["ok"] is False


def test_restore_asks_needs_the_admin_and_puts_the_data_back(cli, db_path, tmp_path, monkeypatch):
    add_customer(db_path, "备份前的客户")
    status, out, _ = cli("backup", "--to", str(tmp_path / "bk"))
    made = out.strip()
    add_customer(db_path, "备份后的客户")
    before = sorted(p.name for p in db_path.parent.iterdir())

    # No terminal to confirm in, and no --yes: refused, nothing moved.
    status, _, err = cli("restore", made)
    assert status == 1 and "--yes" in err
    status, _, err = cli("restore", made, "--yes", password="wrong-password")
    assert status == 3
    status, _, err = cli("restore", made, "--yes", user="clerk")
    assert status == 1 and "管理员" in err
    assert sorted(p.name for p in db_path.parent.iterdir() if p.name != "custdesk.db.keys.lock") \
        == [n for n in before if n != "custdesk.db.keys.lock"]
    assert names(db_path) == ["备份前的客户", "备份后的客户"]

    # A "no" at the prompt changes nothing either.
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    monkeypatch.setattr("builtins.input", lambda _prompt: "no")
    status, _, err = cli("restore", made)
    assert status == 1 and "已取消" in err
    monkeypatch.setattr("builtins.input", lambda _prompt: "yes")
    status, _, err = cli("restore", made)
    assert status == 0, err
    assert "已恢复" in err and ".before-restore-" in err
    assert names(db_path) == ["备份前的客户"]
    status, out, _ = cli("audit", "verify")
    assert status == 0


def test_check_finds_damage_and_names_the_backup(cli, db_path, tmp_path):
    for i in range(20):
        add_customer(db_path, f"客户{i}")
    status, out, _ = cli("check")
    assert status == 0 and "检查通过" in out
    cli("backup", "config", "--dir", str(tmp_path / "bk"))
    status, out, _ = cli("backup")
    made = out.strip()
    with Desk.open(db_path, ADMIN, ADMIN_PW) as desk:
        desk.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(db_path.read_bytes())
    data[4096 * 3 + 123] ^= 1
    db_path.write_bytes(data)

    status, out, _ = cli("check")
    assert status == 1 and "已损坏" in out and made in out
    status, out, _ = cli("--lang", "en", "check", "--json")
    result = json.loads(out)
    assert status == 1 and result["ok"] is False
    assert result["findings"][0]["kind"] == "damaged"
    assert result["findings"][0]["backup"] == made
    assert f"custdesk restore {made}" in result["findings"][0]["message"]
    # Any other command on it is refused with the same clear message.
    status, _, err = cli("customer", "list")
    assert status == 1 and made in err

    status, _, err = cli("restore", made, "--yes")
    assert status == 0, err
    status, out, _ = cli("check", "--json")
    assert status == 0 and json.loads(out) == {"ok": True, "findings": []}


def test_check_reports_a_missing_chain_head(cli, db_path):
    Path(str(db_path) + ".audit-head").unlink()
    status, out, _ = cli("--lang", "en", "check")
    assert status == 1 and "head file is missing" in out


def test_backup_create_with_a_label_list_and_delete(cli, db_path, tmp_path, monkeypatch):
    with Desk.open(db_path, ADMIN, ADMIN_PW) as desk:
        desk.users.update("clerk", full_name="王晓梅")
    status, _, err = cli("backup", "config", "--dir", str(tmp_path / "bk"), "--recent", "2")
    assert status == 0, err
    status, out, _ = cli("backup", "config", "--json")
    assert json.loads(out)["recent"] == 2
    status, _, err = cli("backup", "config", "--recent", "-1")
    assert status == 1 and "recent" in err

    # A clerk backs up by hand with a label; the administrator's window backs up on exit.
    status, out, err = cli("backup", "create", "--label", "试新的导入之前", user="clerk")
    assert status == 0, err
    by_hand = Path(out.strip())
    assert by_hand.parent.parent == tmp_path / "bk" and by_hand.name.endswith("-manual.db")
    status, out, err = cli("backup", "--label", "旧写法也可以")
    assert status == 0, err
    old_style = Path(out.strip())

    status, out, _ = cli("backup", "list", "--json")
    listed = {b["name"]: b for b in json.loads(out)["backups"]}
    mine = listed[by_hand.name]
    assert (mine["kind"], mine["made_by"], mine["made_by_display"], mine["label"],
            mine["trusted"], mine["automatic"]) == (
        "manual", "clerk", "王晓梅", "试新的导入之前", True, False)
    assert mine["size"] == by_hand.stat().st_size and mine["created_at"].endswith("Z")
    assert listed[old_style.name]["label"] == "旧写法也可以"
    status, out, _ = cli("backup", "list")
    line = next(l for l in out.splitlines() if by_hand.name in l)
    assert "手动" in line and "王晓梅" in line and "试新的导入之前" in line and " KB" in line
    status, out, _ = cli("--lang", "en", "backup", "list")
    assert "By hand" in out and "手动" not in out
    cli("--lang", "zh", "backup", "list")

    # Deleting: asks, or needs --yes; someone else's set is refused to a clerk.
    status, _, err = cli("backup", "delete", old_style.name, user="clerk")
    assert status == 1 and "--yes" in err
    status, _, err = cli("backup", "delete", old_style.name, "--yes", user="clerk")
    assert status == 1 and "无权" in err and old_style.exists()
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    status, _, err = cli("backup", "delete", by_hand.name, user="clerk")
    assert status == 1 and "已取消" in err and by_hand.exists()
    prompts = []
    monkeypatch.setattr("builtins.input", lambda prompt: prompts.append(prompt) or "yes")
    status, _, err = cli("backup", "delete", by_hand.name, user="clerk")
    assert status == 0 and "已删除" in err, err
    assert "试新的导入之前" in prompts[0] and "王晓梅" in prompts[0]
    assert not by_hand.parent.exists()
    status, _, err = cli("backup", "delete", by_hand.name, "--yes")
    assert status == 1 and "未找到" in err
    status, out, _ = cli("audit", "log", "--json")
    assert status == 0 and "backup.delete" in out


def test_an_automatic_backup_is_not_deleted_by_hand(cli, db_path, tmp_path):
    from custdesk.core import backup
    with Desk.open(db_path, ADMIN, ADMIN_PW) as desk:
        made = backup.make_backup(desk, tmp_path / "bk", reason="exit")
        backup.configure(desk, folder=tmp_path / "bk")
    status, _, err = cli("backup", "delete", made.name, "--yes")
    assert status == 1 and "自动备份" in err and made.database.exists()

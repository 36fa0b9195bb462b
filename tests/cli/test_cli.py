"""The command-line contract: commands, JSON output, passwords from the environment, exit codes."""

from __future__ import annotations

import json
import re
import os
import subprocess
import sys
from pathlib import Path

import pytest

from custdesk.cli import main
from tests.conftest import ADMIN, ADMIN_PW, PASSWORDS

ID = "11010519491231002X"
# ``custdesk`` in a process of its own, with the tests' small Argon2 parameters.
CLI_MAIN = Path(__file__).resolve().parents[2] / "tests" / "cli_main.py"


@pytest.fixture
def cli(db_target, monkeypatch, capsys):
    """cli(*args, user=..., env=...) -> (exit status, stdout, stderr), run in-process."""
    for var in ("CUSTDESK_DB", "CUSTDESK_USER", "CUSTDESK_PASSWORD", "CUSTDESK_NEW_PASSWORD",
                "CUSTDESK_RECOVERY_KEY"):
        monkeypatch.delenv(var, raising=False)

    def run(*args, user=ADMIN, env=None, db=db_target):
        with monkeypatch.context() as m:
            if user:
                m.setenv("CUSTDESK_PASSWORD", PASSWORDS.get(user, "x"))
            for key, value in (env or {}).items():
                m.setenv(key, value)
            prefix = ["--db", str(db)] + (["--user", user] if user else [])
            status = main([*prefix, *args])
        out, err = capsys.readouterr()
        return status, out, err

    return run


def test_add_show_list_edit(cli):
    status, out, _ = cli("customer", "add", "--kind", "individual", "--name", "张伟",
                         "--id-number", ID, "--phone", "13812345678", "--level", "internal",
                         "--field", "employer=福州某公司", "--field", "monthly_income=8000")
    assert status == 0
    code = out.strip()
    assert re.fullmatch(r"C\d{6}", code)
    status, out, _ = cli("customer", "show", code, "--json")
    record = json.loads(out)
    assert {k: record[k] for k in ("code", "kind", "name", "status", "level", "id_number",
                                   "credit_code", "phone")} == {
        "code": code, "kind": "individual", "name": "张伟", "status": "prospect",
        "level": "internal", "id_number": "**************002X", "credit_code": None,
        "phone": "138****5678"}
    status, out, _ = cli("customer", "show", code, "--json", "--reveal", "id_number",
                         "--reason", "签约核验")
    assert json.loads(out)["id_number"] == ID
    status, out, _ = cli("customer", "list", "--search", "zw", "--json")
    items = json.loads(out)
    assert [i["code"] for i in items] == [code]
    assert set(items[0]) >= {"code", "kind", "name", "status", "level", "id_number", "credit_code",
                             "phone"}
    assert cli("customer", "edit", code, "--field", "status=active")[0] == 0
    assert json.loads(cli("customer", "show", code, "--json")[1])["status"] == "active"


def test_json_output_is_only_json(cli):
    cli("customer", "add", "--kind", "enterprise", "--name", "甲公司")
    for args in (("customer", "list", "--json"), ("audit", "log", "--json"),
                 ("user", "list", "--json"), ("audit", "verify", "--json")):
        status, out, _ = cli(*args)
        assert status == 0
        json.loads(out)


@pytest.mark.parametrize("args", [
    ("customer", "add", "--kind", "individual", "--name", "  "),
    ("customer", "add", "--kind", "individual", "--name", "王五", "--id-number", "110105199002300021"),
    ("customer", "add", "--kind", "enterprise", "--name", "某公司", "--credit-code", "91350100M0001O0Y43"),
    ("customer", "add", "--kind", "individual", "--name", "王五", "--field", "monthly_income=-1"),
    ("customer", "show", "C999999"),
    ("customer", "edit", "C999999", "--field", "name=某"),
])
def test_refusals_exit_1_with_one_line(cli, args):
    status, out, err = cli(*args)
    assert status == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and err.startswith("custdesk: ")


def test_usage_errors_exit_2(cli):
    assert cli("customer", "frobnicate")[0] == 2
    assert cli("customer", "add", "--kind", "robot", "--name", "x")[0] == 2
    assert cli("customer", "edit", "C000001")[0] == 2
    assert cli("customer", "show", "C000001", "--reveal", "phone")[0] == 2


def test_wrong_password_exits_3(cli):
    status, out, err = cli("customer", "list", env={"CUSTDESK_PASSWORD": "wrong"})
    assert status == 3 and "密码" in err


def test_access_denied_exits_1(cli):
    status, _, err = cli("user", "add", "x2", "--role", "clerk", "--clearance", "internal",
                         user="clerk", env={"CUSTDESK_NEW_PASSWORD": "long-enough-pw"})
    assert status == 1 and "无权" in err


def test_english_messages(cli):
    status, _, err = cli("--lang", "en", "customer", "show", "C999999")
    assert status == 1 and "Not found" in err


def test_user_commands(cli):
    env = {"CUSTDESK_NEW_PASSWORD": "new-user-password"}
    assert cli("user", "add", "lily", "--role", "reviewer", "--clearance", "confidential", env=env)[0] == 0
    users = {u["name"]: u for u in json.loads(cli("user", "list", "--json")[1])}
    assert users["lily"]["role"] == "reviewer" and users["lily"]["clearance"] == "confidential"
    # An administrator's reset is a one-time password: lily must choose her own first.
    assert cli("user", "passwd", "lily", env={"CUSTDESK_NEW_PASSWORD": "another-password"})[0] == 0
    status, _, err = cli("customer", "list", user=None,
                         env={"CUSTDESK_USER": "lily", "CUSTDESK_PASSWORD": "another-password"})
    assert status == 1 and "一次性密码" in err
    status, _, _ = cli("user", "passwd", "lily", user=None,
                       env={"CUSTDESK_USER": "lily", "CUSTDESK_PASSWORD": "another-password",
                            "CUSTDESK_NEW_PASSWORD": "lily-own-password"})
    assert status == 0
    status, _, _ = cli("customer", "list", user=None,
                       env={"CUSTDESK_USER": "lily", "CUSTDESK_PASSWORD": "lily-own-password"})
    assert status == 0
    assert cli("user", "disable", "lily")[0] == 0
    status, _, _ = cli("customer", "list", user=None,
                       env={"CUSTDESK_USER": "lily", "CUSTDESK_PASSWORD": "lily-own-password"})
    assert status == 3


@pytest.mark.single_pc("removes the head file and edits the log with the file key")
def test_audit_commands(cli, db_path):
    code = cli("customer", "add", "--kind", "individual", "--name", "李四")[1].strip()
    entries = json.loads(cli("audit", "log", "--customer", code, "--json")[1])
    assert [e["action"] for e in entries] == ["customer.add"]
    status, out, _ = cli("audit", "verify")
    assert status == 0 and "完整" in out
    os.unlink(str(db_path) + ".audit-head")
    assert cli("audit", "verify")[0] == 1


def test_init_prints_recovery_key_once_and_recover_uses_it(cli, tmp_path):
    db = tmp_path / "new" / "firm.db"
    env = {"CUSTDESK_NEW_PASSWORD": "first-admin-pw"}
    status, out, err = cli("init", "--admin", "owner", "--firm", "新公司", user=None, env=env, db=db)
    assert status == 0 and db.exists()
    recovery = out.strip()
    assert len(recovery.replace("-", "")) == 52
    assert cli("init", "--admin", "owner", user=None, env=env, db=db)[0] == 1
    status, _, _ = cli("recover", "--user", "owner", user=None, db=db,
                       env={"CUSTDESK_RECOVERY_KEY": recovery, "CUSTDESK_NEW_PASSWORD": "second-pw-ok"})
    assert status == 0
    status, _, _ = cli("customer", "list", user=None, db=db, env={"CUSTDESK_PASSWORD": "second-pw-ok"})
    assert status == 0  # the only user is chosen without --user


def test_missing_password_without_terminal_is_an_auth_failure(db_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("CUSTDESK_")}
    proc = subprocess.run([sys.executable, CLI_MAIN, "--db", str(db_path), "--user", ADMIN,
                           "customer", "list"], env=env, stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 3 and "CUSTDESK_PASSWORD" in proc.stderr


def test_console_script_end_to_end(db_path):
    env = {**os.environ, "CUSTDESK_PASSWORD": ADMIN_PW, "CUSTDESK_DB": str(db_path),
           "CUSTDESK_USER": ADMIN}
    proc = subprocess.run([sys.executable, CLI_MAIN, "customer", "add", "--kind",
                           "enterprise", "--name", "上海恒泰贸易有限公司", "--credit-code",
                           "91350100M000100Y43"], env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    proc = subprocess.run([sys.executable, CLI_MAIN, "customer", "list", "--search", "恒泰",
                           "--json"], env=env, capture_output=True, text=True, timeout=60)
    assert json.loads(proc.stdout)[0]["credit_code"] == "91350100M000100Y43"
    version = subprocess.run([sys.executable, "-m", "custdesk", "--version"], capture_output=True,
                             text=True, timeout=60)
    assert version.returncode == 0 and version.stdout.startswith("custdesk ")


def test_settings_commands(cli):
    assert cli("settings", "field-level", "phone", "confidential")[0] == 0
    data = json.loads(cli("settings", "show", "--json")[1])
    assert data["field_levels"]["phone"] == "confidential"
    assert cli("settings", "field-level", "nonsense", "public")[0] == 1
    assert cli("settings", "firm", "新名字有限公司", user="clerk")[0] == 1
    assert cli("settings", "firm", "新名字有限公司")[0] == 0
    assert json.loads(cli("settings", "show", "--json")[1])["firm_name"] == "新名字有限公司"


def test_window_starts_and_quits_in_smoke_mode(db_path, tmp_path):
    """`custdesk` without a command opens the window; --smoke logs in, shows it and quits with 0."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CUSTDESK_PASSWORD": ADMIN_PW,
           "XDG_CONFIG_HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path),
           "TMPDIR": str(tmp_path)}
    proc = subprocess.run([sys.executable, CLI_MAIN, "--db", str(db_path), "--user", ADMIN,
                           "--smoke"], env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    env["CUSTDESK_PASSWORD"] = "wrong-password"
    proc = subprocess.run([sys.executable, CLI_MAIN, "--db", str(db_path), "--user", ADMIN,
                           "--smoke"], env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode != 0 and "密码" in proc.stderr


def test_list_filters_by_level_grade_and_hold(cli):
    import datetime

    from custdesk.core import clock
    clock.set_fixed(datetime.datetime(2026, 1, 5, 2, tzinfo=datetime.timezone.utc))
    cli("customer", "add", "--kind", "individual", "--name", "公开客户", "--level", "public")
    clock.set_fixed(datetime.datetime(2026, 11, 20, 2, tzinfo=datetime.timezone.utc))
    cli("customer", "add", "--kind", "individual", "--name", "内部客户", "--level", "internal")
    clock.set_fixed(datetime.datetime(2026, 11, 22, 2, tzinfo=datetime.timezone.utc))
    status, out, _ = cli("customer", "list", "--level", "public", "--json")
    assert status == 0 and [i["name"] for i in json.loads(out)] == ["公开客户"]
    status, out, _ = cli("customer", "list", "--grade", "ungraded", "--json")
    assert len(json.loads(out)) == 2
    status, out, _ = cli("customer", "list", "--grade", "AAA", "--json")
    assert json.loads(out) == []
    status, out, _ = cli("customer", "list", "--hold", "--json")
    # The first file's first review was due in February: its credit is on hold; not the new one's.
    assert [i["name"] for i in json.loads(out)] == ["公开客户"]
    status, _, err = cli("customer", "list", "--grade", "Z")
    assert status == 1 and "Z" in err


@pytest.mark.single_pc("removes the head file and edits the log with the file key")
def test_a_report_and_a_checkpoint_file_are_checkpoints_for_verify(cli, tmp_path, db_path):
    code = cli("customer", "add", "--kind", "individual", "--name", "张伟")[1].strip()
    report = tmp_path / "r.pdf"
    assert cli("report", "customer", code, "-o", str(report))[0] == 0
    point = tmp_path / "head.json"
    assert cli("audit", "checkpoint", "-o", str(point))[0] == 0
    status, out, _ = cli("audit", "verify", "--checkpoint", str(report), "--checkpoint",
                         str(point), "--json")
    assert status == 0 and json.loads(out)["checkpoints"] >= 2
    # The database put back as it was before the report: the report says so.
    from custdesk.core.desk import Desk
    with Desk.open(db_path, ADMIN, ADMIN_PW) as desk:
        desk.db.execute("DROP TRIGGER audit_log_no_delete")
        desk.db.execute("DELETE FROM audit_log WHERE seq >= (SELECT max(seq) - 4 FROM audit_log)")
    Path(str(db_path) + ".audit-head").unlink()
    status, out, _ = cli("audit", "verify", "--checkpoint", str(report), "--json")
    assert status == 1 and json.loads(out)["problem"] in ("rolled_back", "no_head")


def test_an_export_to_a_file_name_that_is_not_utf8_is_written_and_said(db_path, tmp_path):
    """The name is what the system allows (bytes that are not UTF-8): the report is written
    under it, the message names it escaped, the status is 0 (no traceback after the work)."""
    from custdesk.core.desk import Desk
    with Desk.open(db_path, ADMIN, ADMIN_PW) as desk:
        code = desk.customers.add({"kind": "individual", "name": "张伟"}).code
    target = os.fsencode(tmp_path) + b"/\xb1\xa8\xb8\xe6-" + code.encode() + b".pdf"   # GBK 报告
    env = {**os.environ, "CUSTDESK_PASSWORD": ADMIN_PW, "PYTHONIOENCODING": "utf-8:strict"}
    proc = subprocess.run([os.fsencode(sys.executable), os.fsencode(CLI_MAIN), b"--db",
                           os.fsencode(db_path), b"--user", ADMIN.encode(), b"report",
                           b"customer", code.encode(), b"-o", target],
                          env=env, capture_output=True, timeout=120)
    err, out = proc.stderr.decode("utf-8"), proc.stdout.decode("utf-8")
    assert proc.returncode == 0, err
    assert "Traceback" not in err and os.path.exists(target)
    assert "\\udcb1" in out                     # the undecodable bytes, shown escaped
    # Text arguments that are not UTF-8 are refused in one line, nothing written.
    proc = subprocess.run([os.fsencode(sys.executable), os.fsencode(CLI_MAIN), b"--db",
                           os.fsencode(db_path), b"--user", ADMIN.encode(), b"customer", b"add",
                           b"--kind", b"individual", b"--name", b"\xd5\xc5\xce\xb0"],
                          env=env, capture_output=True, timeout=120)
    assert proc.returncode == 2 and len(proc.stderr.decode().strip().splitlines()) == 1

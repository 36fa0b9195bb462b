"""The office commands as outside scripts use them: init, --db with an address for every
command, user list's db_role, migrate (the source untouched) and export."""

from __future__ import annotations

import hashlib
import json

import pytest

from custdesk.__main__ import main
from custdesk.core.office import session
from tests.conftest import ADMIN, PASSWORDS


@pytest.fixture
def run(monkeypatch, capsys):
    for var in ("CUSTDESK_DB", "CUSTDESK_USER", "CUSTDESK_PASSWORD", "CUSTDESK_NEW_PASSWORD",
                "PGPASSWORD"):
        monkeypatch.delenv(var, raising=False)

    def _run(*args, **env):
        with monkeypatch.context() as m:
            for key, value in env.items():
                m.setenv(key, value)
            status = main(list(args))
        out, err = capsys.readouterr()
        return status, out, err
    return _run


def test_init_then_every_command_by_address(cluster, run):
    from tests.pg_server import SUPER_PASSWORD
    super_url = cluster.url("cli_firm", user="postgres")
    status, out, err = run("office", "init", "--url", super_url, "--admin", "chief",
                           "--firm", "测试商贸", CUSTDESK_NEW_PASSWORD="chief-password-77",
                           PGPASSWORD=SUPER_PASSWORD)
    assert status == 0, err
    assert len(out.strip()) > 20                         # the recovery key, on stdout alone
    address = cluster.url("cli_firm", user=None)
    assert session.where(address) in err and "指纹" in err
    as_chief = {"CUSTDESK_PASSWORD": "chief-password-77"}
    status, _out, err = run("--db", address, "--user", "chief", "user", "add", "amy", "--role",
                            "clerk", CUSTDESK_NEW_PASSWORD="amy-password-77", **as_chief)
    assert status == 0, err
    status, out, _ = run("--db", address, "--user", "chief", "user", "list", "--json", **as_chief)
    users = {u["name"]: u for u in json.loads(out)}
    assert users["amy"]["db_role"] == session.person_role(address, "amy")
    # $CUSTDESK_DB works as --db does.
    status, out, err = run("--user", "amy", "customer", "add", "--kind", "individual",
                           "--name", "林小雨", CUSTDESK_DB=address,
                           CUSTDESK_PASSWORD="amy-password-77")
    assert status == 0, err
    status, out, _ = run("--db", address, "--user", "chief", "customer", "list", "--json",
                         **as_chief)
    assert [c["name"] for c in json.loads(out)] == ["林小雨"]
    status, out, _ = run("--db", address, "--user", "chief", "audit", "verify", **as_chief)
    assert status == 0
    status, _out, err = run("--db", address, "--user", "amy", "customer", "list",
                            CUSTDESK_PASSWORD="wrong-password")
    assert status == 3
    # The same address again is refused, and so are init/recover with an address.
    status, _out, err = run("office", "init", "--url", super_url, "--admin", "xy",
                            CUSTDESK_NEW_PASSWORD="chief-password-77", PGPASSWORD=SUPER_PASSWORD)
    assert status == 1 and "cli_firm" in err
    status, _out, _err = run("--db", address, "init", "--admin", "x",
                             CUSTDESK_NEW_PASSWORD="chief-password-77")
    assert status == 2


def test_migrate_leaves_the_file_as_it_was_and_export_copies_back(cluster, db_path, run,
                                                                  tmp_path):
    def digest(path):
        return hashlib.sha256(path.read_bytes()).hexdigest()
    companions = [db_path, db_path.with_name(db_path.name + ".keys")]
    before = [digest(p) for p in companions]
    status, out, err = run("--user", ADMIN, "office", "migrate", str(db_path), "--url",
                           cluster.super_url("cli_migrated"), "--json",
                           CUSTDESK_PASSWORD=PASSWORDS[ADMIN])
    assert status == 0, err
    assert set(json.loads(out)["one_time_passwords"]) == {"clerk", "senior", "reviewer",
                                                          "auditor", "manager"}
    assert [digest(p) for p in companions] == before
    address = cluster.url("cli_migrated", user=None)
    target = tmp_path / "copy.db"
    status, _out, err = run("--db", address, "--user", ADMIN, "office", "export", "--to",
                            str(target), CUSTDESK_PASSWORD=PASSWORDS[ADMIN])
    assert status == 0, err
    status, _out, err = run("--db", str(target), "--user", ADMIN, "audit", "verify",
                            CUSTDESK_PASSWORD=PASSWORDS[ADMIN])
    assert status == 0, err

"""Backups of an office database, restoring one into a new (or the same) office database,
and ``custdesk check`` on the server's rules."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import psycopg
import pytest

from custdesk import paths
from custdesk.cli import main
from custdesk.core import backup, i18n, integrity
from custdesk.core.desk import Desk
from custdesk.core.errors import AccessDenied, StoreError
from custdesk.core.office import check as server_check
from custdesk.core.office import session
from tests.conftest import ADMIN, PASSWORDS, drop_office

_numbers = itertools.count(1)


@pytest.fixture
def new_name(cluster):
    """A database name of one's own for a restore, dropped afterwards."""
    name = f"restored_{next(_numbers)}"
    yield name
    drop_office(cluster, name)


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "userdata"
    monkeypatch.setattr(paths, "data_dir", lambda: folder)
    return folder


@pytest.fixture
def cli(office_url, monkeypatch, capsys):
    """cli(*args, user=..., password=..., db=...) -> (status, stdout, stderr), in-process."""
    for var in ("CUSTDESK_DB", "CUSTDESK_USER", "CUSTDESK_PASSWORD", "CUSTDESK_NEW_PASSWORD"):
        monkeypatch.delenv(var, raising=False)

    def run(*args, user=ADMIN, password=None, db=office_url):
        with monkeypatch.context() as m:
            m.setenv("CUSTDESK_PASSWORD", password or PASSWORDS.get(user, "x"))
            status = main(["--lang", "en", "--db", db, "--user", user, *args])
        out, err = capsys.readouterr()
        return status, out, err

    return run


def superuser(cluster, url: str) -> psycopg.Connection:
    return psycopg.connect(cluster.super_url(url.rsplit("/", 1)[1]), autocommit=True)


def customers(desk) -> list[tuple]:
    return desk.db.execute("SELECT code, name, level FROM customers ORDER BY code").fetchall()


def add_files(desk) -> None:
    for level, name, id_number in (("internal", "张内部", "110105198001010032"),
                                   ("confidential", "李机密", "110105198001010059"),
                                   ("secret", "王绝密", "110105198001010075")):
        desk.customers.add({"kind": "individual", "name": name, "level": level,
                            "id_number": id_number})


def test_backup_list_restore_and_log_in(cluster, office_url, office_as, cli, data_dir,
                                        new_name):
    boss = office_as(ADMIN)
    add_files(boss)
    before = customers(boss)
    assert len(before) == 3

    status, out, err = cli("backup", "create", "--label", "before the move")
    assert status == 0, err
    made = Path(out.strip())
    folder = backup.office_folder(session.where(office_url))
    assert made.parent.parent == folder
    assert folder.is_relative_to(data_dir / "office")          # lasting, not the temp copy's
    manifest = json.loads(backup.manifest_path(made).read_text())
    assert manifest["source"] == session.where(office_url)
    assert manifest["label"] == "before the move" and manifest["user"] == ADMIN
    # Still encrypted: no name in clear in the file.
    assert "王绝密".encode() not in made.read_bytes()

    status, out, err = cli("backup", "list", "--json")
    assert status == 0, err
    listed = json.loads(out)
    assert Path(listed["folder"]) == folder
    assert [(b["name"], b["ok"], b["trusted"]) for b in listed["backups"]] == \
        [(made.name, True, True)]
    assert backup.verify_backup(made, boss.key).ok
    status, out, err = cli("backup", "config", "--json")
    assert status == 0 and Path(json.loads(out)["folder"]) == folder, err

    # Into a new office database, from the set's folder.
    target = new_name
    status, out, err = cli("office", "restore", str(made.parent), "--url",
                           cluster.super_url(target), "--json")
    assert status == 0, err
    result = json.loads(out)
    assert set(result["one_time_passwords"]) == set(PASSWORDS) - {ADMIN}
    new_url = cluster.url(target, user=None)
    with Desk.open(new_url, ADMIN, PASSWORDS[ADMIN], daily_check=False) as restored:
        assert customers(restored) == before
        assert restored.audit.verify().ok
        assert restored.db.execute("SELECT count(*) FROM audit_log WHERE action = "
                                   "'backup.restore'").fetchone()[0] == 1
        assert integrity.check(restored) == []
    # The others log in with their one-time password, then choose their own.
    with Desk.open(new_url, "manager", result["one_time_passwords"]["manager"],
                   daily_check=False) as manager:
        assert manager.must_change_password
        assert customers(manager) == before
    # The same name again is refused without --replace.
    status, _out, err = cli("office", "restore", str(made), "--url", cluster.super_url(target))
    assert status == 1 and "--replace" in err


def test_replace_drops_and_makes_again(cluster, office_url, office_as, cli):
    boss = office_as(ADMIN)
    add_files(boss)
    made = backup.make_backup(boss, label="good state").database
    boss.customers.add({"kind": "individual", "name": "后来的", "level": "internal"})
    boss.users.add("newcomer", "clerk", "internal", "newcomer-password-1")
    newcomer_role = session.person_role(office_url, "newcomer")
    boss.close()
    dbname = office_url.rsplit("/", 1)[1]

    status, _out, err = cli("office", "restore", str(made), "--url", cluster.super_url(dbname))
    assert status == 1 and "--replace" in err                   # nothing changed
    status, out, err = cli("office", "restore", str(made), "--url", cluster.super_url(dbname),
                           "--replace", "--yes", "--json")
    assert status == 0, err
    with Desk.open(office_url, ADMIN, PASSWORDS[ADMIN], daily_check=False) as again:
        assert "后来的" not in [name for _c, name, _l in customers(again)]
        assert len(customers(again)) == 3
        assert again.audit.verify().ok
        assert integrity.check(again) == []
    with superuser(cluster, "x/postgres") as su:
        # The role of someone the backup does not hold is gone; the old database too.
        assert su.execute("SELECT 1 FROM pg_roles WHERE rolname = %s",
                          [newcomer_role]).fetchone() is None
        assert su.execute("SELECT count(*) FROM pg_database WHERE datname LIKE %s",
                          [dbname + "_before_restore_%"]).fetchone()[0] == 0


def test_only_who_sees_every_row_backs_up(office_as, cli):
    clerk = office_as("clerk")
    with pytest.raises(AccessDenied) as refused:
        backup.make_backup(clerk)
    assert "“机密”" in str(refused.value)                         # the top level's name
    assert "boss" in str(refused.value) and "clerk、" not in str(refused.value)
    assert backup.automatic(clerk, "exit") is None                # not even by itself
    status, _out, err = cli("backup", "create", user="clerk")
    assert status == 1 and "“Secret”" in err and "senior" in err
    # A clerk cleared to the top level sees every row: her copy is a whole backup.
    senior = office_as("senior")
    assert backup.make_backup(senior).ok


def test_check_finds_what_a_superuser_undid(cluster, office_url, office_as, cli):
    boss = office_as(ADMIN)
    assert integrity.check(boss) == []
    status, out, err = cli("check")
    assert status == 0, err
    assert "server" in out
    clerk_role = session.person_role(office_url, "clerk")
    with superuser(cluster, office_url) as su:
        su.execute("ALTER TABLE customers NO FORCE ROW LEVEL SECURITY")
        su.execute("DROP TRIGGER cd_append_only ON audit_log")
        su.execute(f'ALTER ROLE "{clerk_role}" BYPASSRLS')
        su.execute("UPDATE office_people SET clearance = 3 WHERE user_name = 'reviewer'")
        su.execute("ALTER TABLE limit_changes DROP CONSTRAINT four_eyes")
        su.execute("DROP TRIGGER cd_require_audit ON individuals")
    try:
        _found_again(boss, cli, clerk_role)
    finally:
        with superuser(cluster, office_url) as su:
            su.execute(f'ALTER ROLE "{clerk_role}" NOBYPASSRLS')     # roles outlive databases


def _found_again(boss, cli, clerk_role: str) -> None:
    i18n.set_language("en")
    found = [f.message for f in integrity.check(boss)]
    assert all(f.kind == "office" for f in integrity.check(boss))
    assert any("not forced on the table customers" in m for m in found), found
    assert any("cd_append_only" in m and "audit_log" in m for m in found), found
    assert any(clerk_role in m and "BYPASSRLS" in m for m in found), found
    assert any("reviewer" in m and "clearance" in m for m in found), found
    assert any("four-eyes" in m and "limit_changes" in m for m in found), found
    assert any("cd_require_audit" in m and "individuals" in m for m in found), found
    status, out, _err = cli("check")
    assert status == 1 and "BYPASSRLS" in out
    i18n.set_language("zh")
    assert any("行级安全未强制" in m for m in
               (i18n.tr(k, **p) for k, p in server_check.check(boss)))


def test_check_finds_a_stranger_in_a_group(cluster, office_url, office_as):
    boss = office_as(ADMIN)
    names = session.schema.Names(office_url.rsplit("/", 1)[1])
    with superuser(cluster, office_url) as su:
        su.execute('CREATE ROLE cd_stranger LOGIN')
        su.execute(f'GRANT "{names.group("auditor")}" TO cd_stranger')
        su.execute(f'GRANT "{names.owner}" TO "{names.person("clerk")}"')
    try:
        keys = [k for k, _p in server_check.check(boss)]
        assert "office.check.stranger" in keys and "office.check.other_member" in keys
    finally:
        with superuser(cluster, office_url) as su:
            su.execute("DROP ROLE cd_stranger")
            su.execute(f'REVOKE "{names.owner}" FROM "{names.person("clerk")}"')


def test_restore_refuses_a_wrong_password_and_a_non_admin(cluster, office_as):
    boss = office_as(ADMIN)
    made = backup.make_backup(boss).database
    from custdesk.core.errors import AuthenticationFailed
    from custdesk.core.office import restore
    with pytest.raises(AuthenticationFailed):
        restore.restore(made, cluster.super_url("never_made"), ADMIN, "wrong-password")
    with pytest.raises(AccessDenied):
        restore.restore(made, cluster.super_url("never_made"), "manager", PASSWORDS["manager"])
    with superuser(cluster, "x/postgres") as su:
        assert su.execute("SELECT 1 FROM pg_database WHERE datname = 'never_made'"
                          ).fetchone() is None
    with pytest.raises(StoreError):
        restore.restore(made.parent / "nothing.db", cluster.super_url("never_made"), ADMIN,
                        PASSWORDS[ADMIN])

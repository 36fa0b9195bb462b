"""The office database on a real PostgreSQL: logging in as one's own role, what each role
reads and may write when connecting with the raw driver, four eyes across two PCs,
changes reaching the other PCs, and moving a single-PC database in and back out."""

from __future__ import annotations

import json
import threading
import time

import psycopg
import pytest

from custdesk.core import office
from custdesk.core.desk import Desk
from custdesk.core.errors import AccessDenied, AuthenticationFailed, Conflict, StoreError
from custdesk.core.office import session
from tests.conftest import ADMIN, PASSWORDS
from tests.core.test_grading import STATEMENT_2025


ID_SECRET = "110105198001010075"


def raw(cluster, url: str, name: str) -> psycopg.Connection:
    """What a person gets with psql: their own role and password, no custdesk."""
    return psycopg.connect(cluster.url(url.rsplit("/", 1)[1], user=session.person_role(url, name),
                                       password=PASSWORDS[name]), autocommit=True)


def test_each_person_logs_in_as_their_own_role(office_url, office_as, cluster):
    clerk = office_as("clerk")
    assert clerk.user.role == "clerk"
    with raw(cluster, office_url, "clerk") as conn:
        assert conn.execute("SELECT session_user").fetchone()[0] == \
            session.person_role(office_url, "clerk")
        assert conn.execute("SELECT rolsuper, rolcreaterole FROM pg_roles "
                            "WHERE rolname = session_user").fetchone() == (False, False)
    with pytest.raises(AuthenticationFailed):
        Desk.open(office_url, "clerk", "not-the-password")
    with pytest.raises(AuthenticationFailed):
        Desk.open(office_url, "nobody", "whatever-password")


def test_user_list_names_db_roles(office_as, office_url):
    boss = office_as(ADMIN)
    assert office.db_role(boss, "clerk") == session.person_role(office_url, "clerk")
    assert session.person_role(office_url, "王海燕").startswith("cd_")      # a digest, ≤63 bytes


@pytest.fixture
def files(office_as):
    """A file at each level, with a name, an ID number, a phone and an amount."""
    boss = office_as(ADMIN)
    made = {}
    for level, name, id_number, phone, income in (
            ("internal", "张内部", "110105198001010032", "13800138001", "11111"),
            ("confidential", "李机密甲", "110105198001010059", "13800138002", "22222"),
            ("secret", "王绝密乙", ID_SECRET, "13800138003", "33333")):
        code = boss.customers.add({"kind": "individual", "name": name, "id_number": id_number,
                                   "phone": phone, "level": level,
                                   "monthly_income": income}).code
        boss.records.add(code, "financials", {"period": "2025", "income": income + "0",
                                              "expenses": "1000"})
        made[level] = {"code": code, "name": name, "id": id_number, "phone": phone,
                       "income": income}
    made["firm"] = {"code": boss.customers.add({"kind": "enterprise", "name": "内部测试商贸",
                                                "level": "internal"}).code}
    boss.records.add(made["firm"]["code"], "financials", STATEMENT_2025)
    return made


def _everything(conn: psycopg.Connection) -> str:
    """Every row of every table this role may read, as one text."""
    out = []
    tables = [r[0] for r in conn.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]
    for table in tables:
        try:
            rows = conn.execute(psycopg.sql.SQL("SELECT * FROM {}").format(
                psycopg.sql.Identifier(table))).fetchall()
        except psycopg.errors.InsufficientPrivilege:
            continue
        for row in rows:
            for value in row:
                if isinstance(value, (bytes, memoryview)):
                    out.append(bytes(value).decode("utf-8", "replace"))
                else:
                    out.append(str(value))
    return "\n".join(out)


@pytest.mark.parametrize("person, cleared", [
    ("clerk", ["internal"]),
    ("reviewer", ["internal", "confidential"]),
    ("manager", ["internal", "confidential", "secret"]),
])
def test_raw_reader_sees_nothing_above_clearance(cluster, office_url, office_as, files,
                                                 person, cleared):
    listed = {f["name"] for f in office_as(person).customers.list()}
    assert listed == {files[level]["name"] for level in cleared} | {"内部测试商贸"}
    with raw(cluster, office_url, person) as conn:
        text = _everything(conn)
    for level, made in files.items():
        if level == "firm":
            continue
        for value in (made["name"], made["id"], made["phone"], made["income"] + "0"):
            if level in cleared and level == "internal":
                continue
            if level not in cleared:
                assert value not in text, (person, level, value)
    # Above 内部 nothing is in clear on the server, even for those cleared to read it.
    for level in ("confidential", "secret"):
        assert files[level]["name"] not in text and files[level]["id"] not in text


def test_a_clerks_role_cannot_do_what_the_program_forbids(cluster, office_url, office_as, files):
    clerk_desk = office_as("clerk")
    code = files["firm"]["code"]
    clerk_desk.grading.assess(code, answers={})
    with raw(cluster, office_url, "clerk") as conn:
        refused = [
            ("UPDATE audit_log SET user = 'x'", None),
            ("DELETE FROM audit_log", None),
            ("TRUNCATE audit_log", None),
            ("UPDATE assessments SET status = 'approved', decided_by = 'clerk'", None),
            ("INSERT INTO users (name, role, clearance, active, created_at) "
             "VALUES ('evil', 'admin', 3, 1, 'x')", None),
            ("UPDATE office_people SET clearance = 3", None),
            ("UPDATE customers SET level = 3", None),
            ("DELETE FROM scorecards", None),
            ("SELECT cd_person_sync('clerk', 'admin', 3, true, NULL)", None),
        ]
        for statement, _ in refused:
            with pytest.raises(psycopg.Error) as caught:
                with conn.transaction():
                    cur = conn.execute(statement)
                    if statement.startswith(("UPDATE", "DELETE")) and cur.rowcount == 0 \
                            and "customers" not in statement:
                        raise psycopg.errors.InsufficientPrivilege("nothing changed")
            assert caught.value is not None, statement
        assert conn.execute("SELECT cd_clearance()").fetchone()[0] == 1


@pytest.mark.parametrize("person, statement", [
    ("auditor", "INSERT INTO contacts (customer_id, created_at, created_by) "
                "SELECT id, 'x', 'auditor' FROM customers LIMIT 1"),
    ("auditor", "UPDATE assessments SET status = status"),
    ("reviewer", "DELETE FROM financial_statements"),
    ("manager", "INSERT INTO users (name, role, clearance, active, created_at) "
                "VALUES ('evil', 'admin', 3, 1, 'x')"),
    ("clerk", "UPDATE field_levels SET level = 0"),
])
def test_each_role_writes_only_what_the_program_lets_it(cluster, office_url, office_as, files,
                                                         person, statement):
    with raw(cluster, office_url, person) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="permission denied"):
            conn.execute(statement)


def test_a_change_without_its_audit_entry_does_not_commit(cluster, office_url, office_as,
                                                          files):
    office_as(ADMIN)
    code = files["internal"]["code"]
    with raw(cluster, office_url, "clerk") as conn:
        # The clerk may change this file in the program, but not unseen with psql.
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="audit entry"):
            with conn.transaction():
                conn.execute("UPDATE customers SET address = 'psql' WHERE code = %s", [code])
        assert conn.execute("SELECT address FROM customers WHERE code = %s",
                            [code]).fetchone()[0] != "psql"


def test_four_eyes_across_two_pcs(cluster, office_url, office_as, files):
    clerk, reviewer = office_as("clerk"), office_as("reviewer")
    code = files["firm"]["code"]
    item = clerk.grading.assess(code, answers={})
    clerk.grading.submit(item.id, missing_reason="尽调后补充")
    with pytest.raises(AccessDenied):
        clerk.grading.approve(item.id)
    reviewer.grading.approve(item.id)
    assert clerk.grading.get(item.id)["status"] == "approved"
    # The database keeps it too: a reviewer cannot decide in another's name, nor on their
    # own request; a decided assessment never changes.
    with raw(cluster, office_url, "reviewer") as conn:
        with pytest.raises(psycopg.Error):
            conn.execute("UPDATE assessments SET decision_reason = 'x' WHERE id = %s", [item.id])


def test_changes_reach_the_other_pcs_without_a_restart(office_as, files):
    boss, clerk = office_as(ADMIN), office_as("clerk")
    code = files["internal"]["code"]
    assert clerk.customers.get(code)["phone"] != "13900139000"
    heard = threading.Event()
    clerk.db.office.listeners.append(heard.set)
    boss.customers.edit(code, {"phone": "13900139000"})
    assert heard.wait(10)
    assert clerk.customers.get(code)["phone"] == "139****9000"
    # What the window is told, so the open file, the lists and the today page refresh.
    told = clerk.db.office.take_changes()
    assert any(c.code == code and "customers" in c for c in told)
    assert clerk.db.office.take_changes() == []


def test_second_save_of_the_same_file_is_refused(office_as, files):
    boss, manager = office_as(ADMIN), office_as("manager")
    code = files["internal"]["code"]
    seen = manager.customers.get(code)["updated_at"]
    boss.customers.edit(code, {"address": "杭州市西湖区"})
    with pytest.raises(Conflict) as refused:
        manager.customers.edit(code, {"address": "宁波市"}, expected=seen)
    assert "boss" in str(refused.value)
    assert manager.customers.get(code)["address"] == "杭州市西湖区"
    fresh = manager.customers.get(code)["updated_at"]
    manager.customers.edit(code, {"address": "宁波市"}, expected=fresh)


def test_concurrent_writers_keep_one_chain(office_url, office_as):
    office_as(ADMIN)
    writers, each = 8, 3
    errors = []

    def work(n):
        try:
            with Desk.open(office_url, "manager", PASSWORDS["manager"], daily_check=False) as d:
                for i in range(each):
                    d.customers.add({"kind": "individual", "name": f"并发{n}号{i}"})
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(writers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors
    boss = office_as(ADMIN)
    boss.db.office.refresh(boss.db)
    names = {f["name"] for f in boss.customers.list()}
    assert all(f"并发{n}号{i}" in names for n in range(writers) for i in range(each))
    result = boss.audit.verify()
    assert result.ok, result.message


def test_migrate_in_whole_and_export_back(cluster, db_path, tmp_path):
    boss = Desk.open(db_path, ADMIN, PASSWORDS[ADMIN])
    code = boss.customers.add({"kind": "enterprise", "name": "迁移测试有限公司",
                               "level": "secret"}).code
    boss.records.add(code, "financials", {"period": "2025", "revenue": "5000000"})
    boss.documents.add(code, "licence.pdf", b"%PDF-1.4 test", "other")
    counts = {t: boss.db.execute(f'SELECT count(*) FROM main."{t}"').fetchone()[0]
              for t in ("customers", "financial_statements", "audit_log", "users", "documents")}
    boss.close()
    url = cluster.super_url("migrated")
    passwords = session.migrate(db_path, url, ADMIN, PASSWORDS[ADMIN])
    assert set(passwords) == {"clerk", "senior", "reviewer", "auditor", "manager"}
    address = cluster.url("migrated", user=None)
    with Desk.open(address, ADMIN, PASSWORDS[ADMIN]) as office_desk:
        assert office_desk.audit.verify().ok
        assert office_desk.customers.get(code)["name"] == "迁移测试有限公司"
        for table, n in counts.items():
            have = office_desk.db.execute(f'SELECT count(*) FROM main."{table}"').fetchone()[0]
            assert have >= n, table
        out = tmp_path / "back.db"
        session.export(office_desk, out)
    with Desk.open(out, ADMIN, PASSWORDS[ADMIN]) as back:
        assert back.customers.get(code)["name"] == "迁移测试有限公司"
        assert back.audit.verify().ok
    # Another user logs in with the one-time password and must choose their own.
    with Desk.open(address, "clerk", passwords["clerk"]) as clerk:
        assert clerk.must_change_password
        clerk.users.set_password("clerk", "clerk-own-password-2")
    with Desk.open(address, "clerk", "clerk-own-password-2") as clerk:
        assert not clerk.must_change_password


def test_a_connection_dropped_while_idle_is_made_again_at_the_next_save(cluster, office_url,
                                                                          office_as, files):
    boss = office_as(ADMIN)
    before = len(boss.customers.list())
    # Cut this PC's connections (as a network drop would); the next save connects again.
    with psycopg.connect(cluster.super_url(office_url.rsplit("/", 1)[1]),
                         autocommit=True) as su:
        su.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                   "WHERE usename = %s", [session.person_role(office_url, ADMIN)])
    boss.customers.add({"kind": "individual", "name": "断线后新增"})
    with Desk.open(office_url, ADMIN, PASSWORDS[ADMIN]) as again:
        names = [f["name"] for f in again.customers.list()]
        assert names.count("断线后新增") == 1 and len(names) == before + 1
        assert again.audit.verify().ok
    # (Cut inside a write, nothing of it is saved: tests/faults/test_office_faults.py.)


def test_an_office_database_of_an_older_custdesk_is_upgraded_first(cluster, office_url,
                                                                    office_as, files):
    from custdesk.core.store import migrations
    dbname = office_url.rsplit("/", 1)[1]
    # As a custdesk without the latest migration left it: no sort keys, one migration less.
    with psycopg.connect(cluster.super_url(dbname), autocommit=True) as su:
        su.execute("DROP INDEX customers_sort_key")
        su.execute("ALTER TABLE customers DROP COLUMN sort_key")
        su.execute("UPDATE office_meta SET value = %s WHERE key = 'migrations'",
                   ["\n".join(migrations.known_names()[:-1])])
    with pytest.raises(StoreError, match="office upgrade"):
        Desk.open(office_url, "clerk", PASSWORDS["clerk"])
    assert session.upgrade(cluster.super_url(dbname)) == {"tables": 0, "columns": 1}
    with Desk.open(office_url, "clerk", PASSWORDS["clerk"]) as clerk:
        assert files["internal"]["name"] in {f["name"] for f in clerk.customers.list()}
        clerk.customers.add({"kind": "individual", "name": "升级之后"})
    # A newer one is refused the other way round.
    with psycopg.connect(cluster.super_url(dbname), autocommit=True) as su:
        su.execute("UPDATE office_meta SET value = value || E'\\n9999_future' "
                   "WHERE key = 'migrations'")
    with pytest.raises(StoreError, match="9999_future"):
        Desk.open(office_url, "clerk", PASSWORDS["clerk"])


def test_a_window_that_only_reads_hears_changes_again_after_a_server_restart(
        cluster, office_url, office_as, files):
    clerk = office_as("clerk")
    code = files["internal"]["code"]
    heard = threading.Event()
    clerk.db.office.listeners.append(heard.set)
    cluster.restart()
    # Back after the break: the copy is marked stale, so what was saved meanwhile comes.
    assert heard.wait(30)
    heard.clear()
    with Desk.open(office_url, ADMIN, PASSWORDS[ADMIN], daily_check=False) as boss:
        boss.customers.edit(code, {"phone": "13700137000"})
    assert heard.wait(30)
    assert clerk.customers.get(code)["phone"] == "137****7000"


def test_a_clerks_new_file_never_takes_the_code_of_a_file_she_cannot_see(office_as, files,
                                                                      monkeypatch):
    """Codes are drawn at random: a clerk's draw is checked against the server's every file,
    and the server holds each code once."""
    import secrets as random_source
    from custdesk.core.customers import archive
    clerk = office_as("clerk")
    hidden = files["secret"]["code"]
    draws = iter([int(hidden[1:]), 123456])
    real = random_source.randbelow

    def draw(n):
        return next(draws) if n == 10 ** archive.CODE_DIGITS else real(n)
    monkeypatch.setattr(archive.secrets, "randbelow", draw)
    code = clerk.customers.add({"kind": "individual", "name": "新客户甲"}).code
    assert code == "C123456" and code != hidden


def test_a_login_goes_on_from_the_copy_the_last_session_left(office_url, office_as, files,
                                                              monkeypatch):
    from custdesk.core.office import mirror
    code = files["internal"]["code"]
    boss = office_as(ADMIN)
    Desk.open(office_url, "reviewer", PASSWORDS["reviewer"], daily_check=False).close()
    loads = []
    real = mirror.OfficeLink.load_all
    monkeypatch.setattr(mirror.OfficeLink, "load_all",
                        lambda self, *a, **k: (loads.append(1), real(self, *a, **k))[1])
    boss.customers.edit(code, {"phone": "13600136000"})
    with Desk.open(office_url, "reviewer", PASSWORDS["reviewer"], daily_check=False) as again:
        assert loads == []                                   # caught up, not copied again
        assert again.customers.get(code)["phone"] == "136****6000"
        # A second session of the same person on this PC meanwhile: a copy of its own.
        with Desk.open(office_url, "reviewer", PASSWORDS["reviewer"],
                       daily_check=False) as second:
            assert loads == [1] and second.db.office.path != again.db.office.path
    # A lower clearance: the files above it must not stay in the copy, so it is made again.
    boss.users.update("reviewer", clearance="internal")
    loads.clear()
    with Desk.open(office_url, "reviewer", PASSWORDS["reviewer"], daily_check=False) as lower:
        assert loads == [1]
        names = {f["name"] for f in lower.customers.list()}
        assert files["confidential"]["name"] not in names
        assert lower.db.execute("SELECT count(*) FROM main.customers WHERE level >= 2"
                                ).fetchone()[0] == 0

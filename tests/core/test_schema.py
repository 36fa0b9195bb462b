"""Migrations: db_schema.sql stays current; newer databases are refused; a copy before migrating."""

from __future__ import annotations

from pathlib import Path

import pytest

from custdesk.core.desk import Desk
from custdesk.core.errors import StoreError
from custdesk.core.store import migrations
from custdesk.core.store.dump_schema import build_schema_text

from tests.conftest import ADMIN, ADMIN_PW

ROOT = Path(__file__).resolve().parents[2]


def test_db_schema_sql_matches_migrations():
    committed = (ROOT / "db_schema.sql").read_text(encoding="utf-8")
    assert committed == build_schema_text(), (
        "db_schema.sql is stale: run `python -m custdesk.core.store.dump_schema > db_schema.sql`")


def test_every_table_of_the_domain_exists(desk):
    tables = set(desk.db.table_names())
    for table in ("customers", "individuals", "enterprises", "contacts", "financial_statements",
                  "credit_records", "litigation", "transactions", "communications", "complaints",
                  "documents", "licences", "users", "audit_log", "field_levels", "settings"):
        assert table in tables
    assert desk.schema_version() == len(migrations.known_names())


@pytest.mark.single_pc("migrations of the database file (an office database is made at the current version)")
def test_database_from_a_newer_version_is_refused(desk, db_path):
    with desk.writing():
        desk.db["_sqlite_migrations"].insert({"migration_set": "custdesk", "name": "9999_future",
                                              "applied_at": "2030-01-01"})
    desk.close()
    with pytest.raises(StoreError, match="更新版本"):
        Desk.open(db_path, ADMIN, ADMIN_PW)


@pytest.mark.single_pc("migrations of the database file (an office database is made at the current version)")
def test_pending_migration_copies_the_file_first(desk, db_path, monkeypatch):
    code = desk.customers.add({"kind": "individual", "name": "迁移测试"}).code
    desk.close()
    calls = []

    def m9000_add_column(db):
        calls.append(True)
        db.execute("ALTER TABLE customers ADD COLUMN future_note TEXT")

    monkeypatch.setattr(migrations.migrations, "_migrations",
                        list(migrations.migrations._migrations)
                        + [migrations.migrations._Migration("9000_test", m9000_add_column)])
    reopened = Desk.open(db_path, ADMIN, ADMIN_PW)
    try:
        assert calls == [True]
        assert "future_note" in reopened.db["customers"].columns_dict
        backups = list(db_path.parent.glob("custdesk.db.before-v*.bak"))
        assert len(backups) == 1
        # The copy is the old database, still encrypted, still openable with the same key slots.
        import shutil
        old = db_path.parent / "old.db"
        shutil.copy2(backups[0], old)
        shutil.copy2(str(db_path) + ".keys", str(old) + ".keys")
        monkeypatch.setattr(migrations.migrations, "_migrations",
                            list(migrations.migrations._migrations)[:-1])
        with Desk.open(old, ADMIN, ADMIN_PW) as before:
            assert "future_note" not in before.db["customers"].columns_dict
            assert before.customers.get(code)["name"] == "迁移测试"
    finally:
        reopened.close()

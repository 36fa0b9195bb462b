"""Every file custdesk writes is its owner's alone (0600), every folder it makes 0700."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from custdesk.core import backup, exporting
from custdesk.core.desk import Desk
from custdesk.core.importing.report import write_error_report
from custdesk.core.importing.run import import_file
from custdesk.reports import export as reports

pytestmark = pytest.mark.skipif(os.name == "nt", reason="Unix modes")


@pytest.fixture
def loose_umask():
    """A umask that would leave files readable by everyone (022): custdesk must not rely on it."""
    before = os.umask(0o022)
    yield
    os.umask(before)


def _modes(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): oct(stat.S_IMODE(p.stat().st_mode))
            for p in folder.rglob("*")}


def test_everything_written_is_private(tmp_path, loose_umask):
    home = tmp_path / "data"
    path = home / "firm" / "custdesk.db"
    desk, _recovery = Desk.create(path, "boss", "boss-password-1", firm="测试")
    try:
        code = desk.customers.add({"kind": "individual", "name": "张伟",
                                   "id_number": "11010519491231002X"}).code
        backup.make_backup(desk, home / "backups")
        exporting.export_customers(desk, home / "out" / "customers.csv")
        exporting.export_customers(desk, home / "out" / "customers.xlsx")
        reports.write(reports.customer(desk, code), home / "out" / "report.pdf")
        reports.batch(desk, [code], home / "batch")
        bad = home / "in.csv"
        bad.write_text("名称,类型\n,个人\n", encoding="utf-8")
        os.chmod(bad, 0o600)
        write_error_report(import_file(desk, "customers", bad), home / "out" / "errors.csv")
    finally:
        desk.close()
    modes = _modes(home)
    loose = {name: mode for name, mode in modes.items()
             if stat.S_IMODE((home / name).stat().st_mode) & 0o077}
    assert loose == {}
    assert modes["firm"] == "0o700" and modes["backups"] == "0o700"


def test_an_older_databases_files_are_tightened_at_open(db_path):
    for suffix in ("", ".keys", ".audit-head"):
        os.chmod(str(db_path) + suffix, 0o644)
    Desk.open(db_path, "clerk", "clerk-password", daily_check=False).close()
    for suffix in ("", ".keys", ".audit-head"):
        assert stat.S_IMODE(os.stat(str(db_path) + suffix).st_mode) == 0o600, suffix

"""A report's number is reserved in one short transaction, rendered outside any, and
registered in a second: other writers are not held up while it renders, a failed render
leaves its number void (never reused, no gap in the audit chain), and every export returns
its Changes."""

from __future__ import annotations

import pytest

from custdesk.core import integrity
from custdesk.core.exports import Rendered
from custdesk.core.store import connection
from custdesk.reports import export


def _entries(desk, number):
    return [action for (action,) in desk.db.execute(
        "SELECT action FROM audit_log WHERE object = ? ORDER BY seq", [number])]


def test_another_writer_writes_while_a_report_renders(open_as, monkeypatch):
    # A short wait: were the render inside the write transaction, the other writer would be
    # refused after 0.3 s instead of hanging the test.
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 300)
    desk = open_as("boss")
    other = open_as("clerk")                      # another connection, logged in already
    written = []

    def render(stamp):
        # The renderer's moment: another writer adds a file and commits.
        written.append(other.customers.add({"kind": "individual", "name": "渲染时新增"}).code)
        return Rendered(f"%PDF report {stamp.number}".encode(), 1)

    row = desk.exports.export("portfolio", render, language="zh")
    assert written and desk.customers.get(written[0])["name"] == "渲染时新增"
    assert _entries(desk, row["number"]) == ["report.reserve", "report.export"]
    # The reservation, the other writer's add, then the registration: three transactions.
    seqs = {a: s for a, s in desk.db.execute(
        "SELECT action, seq FROM audit_log WHERE object IN (?, ?)", [row["number"], written[0]])}
    assert seqs["report.reserve"] < seqs["customer.add"] < seqs["report.export"]
    assert row["chain_seq"] == seqs["report.reserve"]       # the head the page prints
    assert "exports" in row["changes"]
    assert desk.audit.verify().ok


def test_a_failed_render_leaves_its_number_void_and_the_next_one_is_new(desk):
    def broken(stamp):
        raise RuntimeError("字体缺失")

    before = desk.db.execute("SELECT count(*) FROM report_exports").fetchone()[0]
    with pytest.raises(RuntimeError):
        desk.exports.export("portfolio", broken, language="zh")
    (void,) = desk.db.execute("SELECT object FROM audit_log WHERE action = 'report.void'").fetchone()
    assert _entries(desk, void) == ["report.reserve", "report.void"]
    assert desk.db.execute("SELECT count(*) FROM report_exports").fetchone()[0] == before
    made = export.portfolio(desk)
    assert made.number != void and made.number[-6:] == f"{int(void[-6:]) + 1:06d}"
    assert desk.audit.verify().ok and integrity.check(desk) == []


def test_exports_and_batches_return_their_changes(desk, tmp_path):
    code = desk.customers.add({"kind": "individual", "name": "张伟"}).code
    made = export.customer(desk, code)
    assert "exports" in made.changes and made.changes.code == code
    result = export.batch(desk, [code], tmp_path / "out")
    assert result.written and "exports" in result.changes
    assert "exports" not in export.batch(desk, ["NOPE"], tmp_path / "none").changes

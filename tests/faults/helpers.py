"""What the fault tests share: starting the worker (worker.py), reading its lines, killing
it at chosen moments, checking what a database holds after a crash, and making databases
and import files."""

from __future__ import annotations

import csv
import datetime
import json
import os
import selectors
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from custdesk.core import demo
from custdesk.core.desk import Desk

ROOT = Path(__file__).resolve().parents[2]
WORKER = Path(__file__).with_name("worker.py")
CLI_MAIN = ROOT / "tests" / "cli_main.py"        # ``custdesk`` with the tests' small Argon2
ADMIN, PASSWORD = "boss", "boss-password-1"
# Rounds of each kill -9 loop (50 by default; fewer for a quick look, at least 5).
ROUNDS = max(5, int(os.environ.get("CUSTDESK_KILL_ROUNDS", "50")))
READY = 60.0          # seconds for a worker to open the desk (a loaded machine included)
FINISH = 300.0        # seconds for one operation left alone


def new_database(folder: Path, name: str = "faults.db") -> Path:
    path = folder / name
    desk, _recovery = Desk.create(path, ADMIN, PASSWORD, firm="故障测试有限公司")
    desk.close()
    return path


def launch(script: Path, args: list[str], log: Path, **options) -> subprocess.Popen:
    """A worker process (password in its environment, stderr to ``log``); ``script`` is
    ``WORKER`` or ``CLI_MAIN``."""
    env = {**os.environ, "CUSTDESK_PASSWORD": PASSWORD, "PYTHONUNBUFFERED": "1"}
    with open(log, "ab") as err:
        return subprocess.Popen([sys.executable, str(script), *map(str, args)],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=err,
                                env=env, text=True, encoding="utf-8", **options)


def read_line(proc: subprocess.Popen, timeout: float, log: Path) -> str:
    """One line from the worker's stdout, or fail (with its stderr) on EOF or timeout."""
    with selectors.DefaultSelector() as sel:
        sel.register(proc.stdout, selectors.EVENT_READ)
        if not sel.select(timeout):
            pytest.fail(f"worker {proc.pid} said nothing for {timeout} s\n"
                        f"{log.read_text('utf-8', errors='replace')}")
    line = proc.stdout.readline()
    if not line:
        proc.wait(timeout=30)
        pytest.fail(f"worker {proc.pid} ended (status {proc.returncode}) before writing a line:\n"
                    f"{log.read_text('utf-8', errors='replace')}")
    return line.strip()


def reap(proc: subprocess.Popen) -> None:
    """Kill (if still running) and reap one worker; close its pipes."""
    if proc.poll() is None:
        proc.kill()
    try:
        proc.wait(timeout=30)
    finally:
        for stream in (proc.stdin, proc.stdout):
            if stream is not None:
                try:
                    stream.close()
                except OSError:
                    pass


def write_people_csv(path: Path, start: int, count: int) -> Path:
    """``count`` individuals with valid, distinct ID numbers (distinct across calls with
    distinct ``start`` ranges), as an import file."""
    regions = [r[0] for r in demo.REGIONS]
    with open(path, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["客户名称", "身份证号", "手机"])
        for k in range(start, start + count):
            rest = k // len(regions)
            birth = datetime.date(1950, 1, 1) + datetime.timedelta(days=rest % 18000)
            number = demo.resident_id(regions[k % len(regions)], birth, rest // 18000, k % 2 == 0)
            writer.writerow([f"导入客户{k}", number, f"139{k:08d}"])
    return path


def companions(path: Path) -> list[Path]:
    return sorted(p for p in path.parent.iterdir() if p.name.startswith(path.name))


# -- killing at chosen moments ----------------------------------------------------------------
@dataclass(frozen=True)
class Moment:
    """When a round's worker is killed. ``kind``: ``measure`` (left alone, timed), ``start``
    (as soon as it is ready), ``middle`` (stopped by the worker itself inside its work),
    ``after`` (once it said done) or ``fraction`` (``fraction`` of the measured duration
    after ready, whatever that lands on)."""

    kind: str
    fraction: float = 0.0


def kill_moments(rounds: int) -> list[Moment]:
    """The moments of ``rounds`` rounds: first a measured run, then a kill at 0, one inside
    the work, one after completion, and the rest spread evenly over 5 %..125 % of the
    measured duration. The outcomes before, inside and after the work are thus all there
    on any machine, fast or loaded; the fractions fall wherever the machine puts them."""
    spread = rounds - 4
    moments = [Moment("measure"), Moment("start"), Moment("middle"), Moment("after")]
    moments += [Moment("fraction", 0.05 + 1.2 * i / max(1, spread - 1)) for i in range(spread)]
    return moments


@dataclass
class Round:
    moment: Moment
    killed: bool          # the kill found the worker still running
    duration: float       # seconds from ready to done (measured rounds), else 0


def run_round(args: list, moment: Moment, measured: float | None, log: Path) -> Round:
    """One worker run (``WORKER`` with ``args``), killed with SIGKILL at ``moment``."""
    pause = moment.kind == "middle"
    proc = launch(WORKER, [*args, "pause"] if pause else args, log)
    try:
        assert read_line(proc, READY, log) == "ready"
        started = time.monotonic()
        if moment.kind in ("measure", "after"):
            assert read_line(proc, FINISH, log) == "done"
            duration = time.monotonic() - started
            assert proc.wait(timeout=60) == 0, log.read_text("utf-8", errors="replace")
            return Round(moment, False, duration)
        if moment.kind == "middle":
            assert read_line(proc, FINISH, log) == "middle"
        elif moment.kind == "fraction":
            assert measured is not None, "a fraction needs a measured run first"
            try:
                proc.wait(timeout=moment.fraction * measured)
                return Round(moment, False, 0.0)            # it finished first
            except subprocess.TimeoutExpired:
                pass
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        return Round(moment, proc.returncode == -signal.SIGKILL, 0.0)
    finally:
        reap(proc)


# -- what holds after any crash ------------------------------------------------------------
def rows(desk: Desk, sql: str, params=()) -> list[tuple]:
    return desk.db.execute(sql, list(params)).fetchall()


def check_whole(desk: Desk) -> dict:
    """Everything that must hold of a database after any crash; returns some counts."""
    assert rows(desk, "PRAGMA integrity_check") == [("ok",)]
    assert rows(desk, "PRAGMA foreign_key_check") == []
    result = desk.audit.verify()
    assert result.ok, result.message

    # Each customer came with exactly one customer.add entry, and no entry without a customer.
    codes = [r[0] for r in rows(desk, "SELECT code FROM customers")]
    added = dict(rows(desk, "SELECT object, count(*) FROM audit_log "
                            "WHERE action = 'customer.add' GROUP BY object"))
    assert sorted(added) == sorted(codes), "customers and customer.add entries differ"
    assert set(added.values()) <= {1}, {k: n for k, n in added.items() if n != 1}
    # ... and with its detail row and its search grams (same transaction).
    assert rows(desk, "SELECT c.code FROM customers c LEFT JOIN individuals i "
                      "ON i.customer_id = c.id WHERE c.kind = 'individual' "
                      "AND i.customer_id IS NULL") == [], "a customer lacks its detail row"
    assert rows(desk, "SELECT code FROM customers WHERE id NOT IN "
                      "(SELECT customer_id FROM name_grams)") == [], "a customer lacks its grams"

    # Each record row has its record.add entry, and each entry its row (nothing is deleted).
    record_entries = {r[0] for r in rows(desk, "SELECT object FROM audit_log "
                                               "WHERE action = 'record.add'")}
    records = 0
    for kind in ("transactions", "communications"):
        ids = {f"{kind}#{r[0]}" for r in rows(desk, f"SELECT id FROM {kind}")}
        entries = {e for e in record_entries if e.startswith(kind + "#")}
        assert ids == entries, f"{kind}: rows without entry {sorted(ids - entries)[:5]}, " \
                               f"entries without row {sorted(entries - ids)[:5]}"
        records += len(ids)

    # An edit is whole too: each file's notes are what its latest edit entry says.
    latest: dict[str, str] = {}
    for obj, summary in rows(desk, "SELECT object, summary FROM audit_log "
                                   "WHERE action = 'customer.edit' ORDER BY seq"):
        change = json.loads(summary).get("notes")
        if change is not None and "after" in change:
            latest[obj] = change["after"]
    notes = dict(rows(desk, "SELECT code, notes FROM customers"))
    for code, after in latest.items():
        assert notes[code] == after, f"{code}: notes {notes[code]!r}, last logged edit {after!r}"
    assert all(value in ("", None) for code, value in notes.items() if code not in latest)

    return {"customers": len(codes), "records": records, "audit": result.count,
            "edits": len(latest)}

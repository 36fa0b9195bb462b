"""kill -9 in the middle of writes, imports and backups, 50 rounds each.

The three loops run at once, each on its own database (threads here, each starting and
killing its own worker processes), so that the 150 rounds take the time of about 50.
After every round the database passes the full check (pages, structure, foreign keys,
audit chain), holds whole transactions only and has lost nothing committed before; the
backup made before the rounds is byte for byte intact. The kill lands at a random
moment (seeded), so that over the rounds it falls everywhere: before, inside and after
a transaction. ``CUSTDESK_KILL_ROUNDS`` sets the number of rounds.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from custdesk.core import backup, clock, integrity
from custdesk.core.desk import Desk
from tests.core.test_faults import check_whole

from .helpers import (ADMIN, BACKUP_WORKER, FAULT_WORKER, PASSWORD, ROUNDS, WORKER, launch,
                      new_database, read_line, reap, write_people_csv)

pytestmark = pytest.mark.slow
READY = 60.0


def kill_after(proc: subprocess.Popen, delay: float) -> bool:
    """SIGKILL the worker ``delay`` seconds from now; False if it had already ended."""
    try:
        proc.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        return True


def fully_checked(path: Path) -> Desk:
    """The database opened (quick check at open) and fully checked; the caller closes it."""
    desk = Desk.open(path, ADMIN, PASSWORD, daily_check=False)
    findings = integrity.check(desk)
    if findings:
        desk.close()
        pytest.fail("; ".join(f.message for f in findings))
    return desk


def make_previous_backup(path: Path, folder: Path):
    """A backup of the day before, which no round may touch; (set, its bytes)."""
    clock.set_fixed(clock.now() - dt.timedelta(days=1))
    try:
        with Desk.open(path, ADMIN, PASSWORD, daily_check=False) as desk:
            made = backup.make_backup(desk, folder)
    finally:
        clock.set_fixed(None)
    files = (made.database, made.keys, made.manifest_path)
    return made, {p: p.read_bytes() for p in files}


def prepare_writes(tmp_path: Path) -> dict:
    path = new_database(tmp_path)
    return {"path": path, "previous": make_previous_backup(path, tmp_path / "bk")}


def kill_while_writing(tmp_path: Path, path: Path, previous) -> None:
    previous, previous_bytes = previous
    log = tmp_path / "worker.log"
    rng = random.Random(20261122)
    before = {"customers": 0, "records": 0, "audit": 0}
    progressed = 0
    for round_no in range(ROUNDS):
        proc = launch(FAULT_WORKER, [path, ADMIN, "churn", f"{round_no}-"], log)
        try:
            assert read_line(proc, READY, log) == "ready"
            assert kill_after(proc, rng.uniform(0.02, 0.5)), \
                f"round {round_no}: the worker stopped by itself:\n{log.read_text('utf-8')}"
        finally:
            reap(proc)
        desk = fully_checked(path)
        try:
            counts = check_whole(desk)        # whole transactions: rows and entries agree
        finally:
            desk.close()
        for key in before:                    # nothing committed is ever lost
            assert counts[key] >= before[key], (round_no, key, before[key], counts[key])
        progressed += counts["customers"] > before["customers"]
        before = counts
    assert {p: p.read_bytes() for p in previous_bytes} == previous_bytes
    assert backup.verify_backup(previous.database, _key(path)).ok
    assert before["customers"] > 0 and before["records"] > 0
    assert progressed >= ROUNDS // 2, f"only {progressed} of {ROUNDS} rounds wrote anything"


def _key(path: Path) -> bytes:
    with Desk.open(path, ADMIN, PASSWORD, daily_check=False) as desk:
        return desk.key


def _import_state(desk: Desk) -> tuple[int, int]:
    """(customers, import entries), after checking that every customer is whole."""
    db = desk.db
    assert db.execute("SELECT count(*) FROM customers c LEFT JOIN individuals i "
                      "ON i.customer_id = c.id WHERE i.customer_id IS NULL").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM customers WHERE id NOT IN "
                      "(SELECT customer_id FROM name_grams)").fetchone()[0] == 0
    customers = db.execute("SELECT count(*) FROM customers").fetchone()[0]
    entries = db.execute("SELECT count(*) FROM audit_log "
                         "WHERE action = 'import.customers'").fetchone()[0]
    return customers, entries


def prepare_imports(tmp_path: Path) -> dict:
    path = new_database(tmp_path)
    return {"path": path, "previous": make_previous_backup(path, tmp_path / "bk")}


def kill_while_importing(tmp_path: Path, path: Path, previous) -> None:
    previous, previous_bytes = previous
    log = tmp_path / "worker.log"
    rng = random.Random(20261123)
    rows = 400
    duration = None                      # of an import left alone (the first round)
    outcomes = {"none": 0, "all": 0}
    committed = 0
    for round_no in range(ROUNDS):
        source = write_people_csv(tmp_path / f"round{round_no}.csv", round_no * rows, rows)
        proc = launch(WORKER, [path, ADMIN, "import", source], log)
        try:
            assert read_line(proc, READY, log) == "ready"
            if duration is None:
                started = time.monotonic()
                assert read_line(proc, 120, log) == "done"
                duration = time.monotonic() - started
                killed = False
            else:
                # Anywhere from reading the file to just after its commit.
                killed = kill_after(proc, rng.uniform(0, duration * 1.3))
        finally:
            reap(proc)
        desk = fully_checked(path)
        try:
            customers, entries = _import_state(desk)
        finally:
            desk.close()
        # All of the file or none of it, and one audit entry per file imported.
        assert customers in (committed * rows, (committed + 1) * rows), (round_no, customers)
        landed = customers == (committed + 1) * rows
        assert entries == committed + landed
        if killed:
            outcomes["all" if landed else "none"] += 1
        committed += landed
    assert {p: p.read_bytes() for p in previous_bytes} == previous_bytes
    assert backup.verify_backup(previous.database, _key(path)).ok
    # The kills fell both before and after commits (over enough rounds to be sure).
    if ROUNDS >= 20:
        assert outcomes["none"] >= 3 and outcomes["all"] >= 1, outcomes


def prepare_backups(tmp_path: Path) -> dict:
    path = new_database(tmp_path)
    with Desk.open(path, ADMIN, PASSWORD) as desk:
        with desk.writing():                # a few hundred files: a copy takes a moment
            for i in range(300):
                desk.customers.add({"kind": "individual", "name": f"备份客户{i}",
                                    "notes": "往来记录" * 50})
    return {"path": path, "previous": make_previous_backup(path, tmp_path / "bk")}


def kill_while_backing_up(tmp_path: Path, path: Path, previous) -> None:
    previous, previous_bytes = previous
    folder = tmp_path / "bk"
    key = _key(path)
    log = tmp_path / "worker.log"
    rng = random.Random(20261124)
    verified = {previous.name}
    interrupted, seen_temporary = 0, set()
    for round_no in range(ROUNDS):
        proc = launch(BACKUP_WORKER, [path, ADMIN, folder], log)
        try:
            assert read_line(proc, READY, log) == "ready"
            assert kill_after(proc, rng.uniform(0.02, 0.4)), log.read_text("utf-8")
        finally:
            reap(proc)
        # Every set under a final name is complete and checks out with the key; whatever
        # was cut short carries a temporary name.
        temporary = {p.name for p in folder.iterdir() if p.name.startswith(backup.TMP_PREFIX)}
        interrupted += bool(temporary - seen_temporary)
        seen_temporary |= temporary
        for entry in folder.iterdir():
            if entry.name.startswith(backup.TMP_PREFIX):
                continue
            found = backup.read_set(entry)
            assert found.ok, (round_no, entry.name, found.problems)
            if found.name not in verified:
                assert backup.verify_backup(found.database, key).ok, found.name
                verified.add(found.name)
        assert {p: p.read_bytes() for p in previous_bytes} == previous_bytes
        fully_checked(path).close()           # the database itself: pages, chain
    assert len(verified) > 2 or ROUNDS < 20, "the worker never finished a backup"
    assert interrupted >= 3 or ROUNDS < 20, "the kills never landed in the middle of a backup"


def test_kill_9_during_writes_imports_and_backups(tmp_path):
    loops = {"writes": (prepare_writes, kill_while_writing),
             "imports": (prepare_imports, kill_while_importing),
             "backups": (prepare_backups, kill_while_backing_up)}
    jobs = {}
    for name, (prepare, _run) in loops.items():     # one at a time: they fix the clock
        folder = tmp_path / name
        folder.mkdir()
        jobs[name] = (folder, prepare(folder))
    with ThreadPoolExecutor(max_workers=len(loops)) as pool:
        futures = {name: pool.submit(loops[name][1], folder, **state)
                   for name, (folder, state) in jobs.items()}
        for name, future in futures.items():
            future.result()                         # re-raises the loop's failure, if any

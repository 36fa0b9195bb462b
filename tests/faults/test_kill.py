"""kill -9 in the middle of writes, imports and backups, 50 rounds each.

The three loops run at once, each on its own database (threads here, each starting and
killing its own worker processes), so that the 150 rounds take the time of about 50.
The kill moments come from the operation's own measured duration (``kill_moments``): one
run left alone and timed, a kill as soon as the worker is ready, one where the worker
stops itself inside its work (inside the write transaction, or with the backup half
made), one after it finished, and the rest at fractions of the measured time. So every
outcome (nothing, all) is there on a fast or a loaded machine, and the assertions say
what each outcome must leave, not how often it happens.

After every round the database passes the full check (pages, structure, foreign keys,
audit chain), holds whole transactions only and has lost nothing committed before; the
backup made before the rounds is byte for byte intact. ``CUSTDESK_KILL_ROUNDS`` sets the
number of rounds.
"""

from __future__ import annotations

import datetime as dt
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from custdesk.core import backup, clock, integrity
from custdesk.core.desk import Desk

from .helpers import (ADMIN, PASSWORD, ROUNDS, check_whole, kill_moments, new_database,
                      run_round, write_people_csv)

pytestmark = pytest.mark.slow
CHURN_STEPS = 12          # steps of one churn run (each step: four transactions)
IMPORT_ROWS = 400


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


def _key(path: Path) -> bytes:
    with Desk.open(path, ADMIN, PASSWORD, daily_check=False) as desk:
        return desk.key


def _previous_intact(path: Path, previous) -> None:
    made, previous_bytes = previous
    assert {p: p.read_bytes() for p in previous_bytes} == previous_bytes
    assert backup.verify_backup(made.database, _key(path)).ok


def prepare_writes(tmp_path: Path) -> dict:
    path = new_database(tmp_path)
    return {"path": path, "previous": make_previous_backup(path, tmp_path / "bk")}


def kill_while_writing(tmp_path: Path, path: Path, previous) -> None:
    log = tmp_path / "worker.log"
    before = {"customers": 0, "records": 0, "audit": 0}
    measured = None
    for round_no, moment in enumerate(kill_moments(ROUNDS)):
        done = run_round([path, ADMIN, "churn", CHURN_STEPS, f"{round_no}-"], moment,
                         measured, log)
        measured = measured or done.duration
        desk = fully_checked(path)
        try:
            counts = check_whole(desk)        # whole transactions: rows and entries agree
        finally:
            desk.close()
        # A head or slots file the kill cut short was removed at that open.
        assert not [p.name for p in path.parent.iterdir() if p.name.endswith((".part", ".tmp"))]
        for key in before:                    # nothing committed is ever lost
            assert counts[key] >= before[key], (round_no, key, before[key], counts[key])
        added = counts["customers"] - before["customers"]
        if moment.kind in ("measure", "after"):
            assert added == CHURN_STEPS and counts["records"] - before["records"] == 2 * added
        elif moment.kind == "middle":
            # The steps before the pause are in, the customer added inside the open
            # transaction is not.
            assert added == CHURN_STEPS // 2, (round_no, added)
        before = counts
    _previous_intact(path, previous)


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


def kill_while_importing(tmp_path: Path, path: Path, previous) -> None:
    log = tmp_path / "worker.log"
    rows = IMPORT_ROWS
    outcomes: dict[str, set] = {}
    committed = 0
    measured = None
    for round_no, moment in enumerate(kill_moments(ROUNDS)):
        source = write_people_csv(tmp_path / f"round{round_no}.csv", round_no * rows, rows)
        done = run_round([path, ADMIN, "import", source], moment, measured, log)
        measured = measured or done.duration
        desk = fully_checked(path)
        try:
            customers, entries = _import_state(desk)
        finally:
            desk.close()
        # All of the file or none of it, and one audit entry per file imported.
        assert customers in (committed * rows, (committed + 1) * rows), (round_no, customers)
        landed = customers == (committed + 1) * rows
        assert entries == committed + landed
        outcomes.setdefault(moment.kind, set()).add("all" if landed else "none")
        committed += landed
    _previous_intact(path, previous)
    # Killed inside its transaction it left nothing; left to finish it left everything.
    assert outcomes["middle"] == {"none"} and outcomes["after"] == {"all"}, outcomes
    assert outcomes["measure"] == {"all"}, outcomes


def prepare_backups(tmp_path: Path) -> dict:
    path = new_database(tmp_path)
    with Desk.open(path, ADMIN, PASSWORD) as desk:
        with desk.writing():                # a few hundred files: a copy takes a moment
            for i in range(300):
                desk.customers.add({"kind": "individual", "name": f"备份客户{i}",
                                    "notes": "往来记录" * 50})
    return {"path": path, "previous": make_previous_backup(path, tmp_path / "bk")}


def kill_while_backing_up(tmp_path: Path, path: Path, previous) -> None:
    folder = tmp_path / "bk"
    key = _key(path)
    log = tmp_path / "worker.log"
    verified = {previous[0].name}
    measured = None
    for round_no, moment in enumerate(kill_moments(ROUNDS)):
        finals_before = {p.name for p in folder.iterdir()
                         if not p.name.startswith(backup.TMP_PREFIX)}
        temporary_before = {p.name for p in folder.iterdir()
                            if p.name.startswith(backup.TMP_PREFIX)}
        done = run_round([path, ADMIN, "backup", folder], moment, measured, log)
        measured = measured or done.duration
        # Every set under a final name is complete and checks out with the key; whatever
        # was cut short carries a temporary name.
        finals = {p.name for p in folder.iterdir() if not p.name.startswith(backup.TMP_PREFIX)}
        temporary = {p.name for p in folder.iterdir() if p.name.startswith(backup.TMP_PREFIX)}
        for entry in folder.iterdir():
            if entry.name.startswith(backup.TMP_PREFIX):
                continue
            found = backup.read_set(entry)
            assert found.ok, (round_no, entry.name, found.problems)
            if found.name not in verified:
                assert backup.verify_backup(found.database, key).ok, found.name
                verified.add(found.name)
        if moment.kind in ("measure", "after"):
            assert len(finals - finals_before) == 1, (round_no, finals - finals_before)
        elif moment.kind == "middle":
            # Cut short with its copy made: a temporary folder, no new set.
            assert finals == finals_before and temporary - temporary_before, round_no
        _previous_intact(path, previous)
        fully_checked(path).close()           # the database itself: pages, chain
    # Leftovers are cleared once they are old enough; complete sets are not.
    complete = {p.name for p in folder.iterdir() if not p.name.startswith(backup.TMP_PREFIX)}
    for file in folder.iterdir():
        os.utime(file, (clock.now().timestamp() - 7 * 3600,) * 2)
    backup.sweep(folder)
    assert {p.name for p in folder.iterdir()} == complete


def test_kill_moments_cover_before_inside_and_after_the_work():
    moments = kill_moments(ROUNDS)
    assert len(moments) == ROUNDS and moments[0].kind == "measure"
    assert {m.kind for m in moments} == {"measure", "start", "middle", "after", "fraction"}
    fractions = [m.fraction for m in moments if m.kind == "fraction"]
    assert min(fractions) < 0.1 and max(fractions) > 1.0       # before the end and past it


def test_kill_9_during_writes_imports_and_backups(tmp_path):
    loops = {"writes": (prepare_writes, kill_while_writing),
             "imports": (prepare_writes, kill_while_importing),
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

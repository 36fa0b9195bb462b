"""Due reviews and warnings for a whole firm: what the home page and the morning check cost.

    python -m benchmarks.reviews [--customers N] [--runs 15] [--seed S] [--keep DIR]

On the synthetic firm (``benchmarks.firm``, N customers, default 100,000, with its
credit standing, records and the day's warnings stored), as the administrator and as a
clerk, it times (medians over ``--runs``):

- ``reviews.due(14)``: the reviews due within two weeks (one indexed query + the reasons);
- ``warnings.evaluate(write=False)``: every warning rule over every file;
- ``warnings.list(open_only=True)``: the open warnings;
- the home page: due counts, warning counts and the first 200 rows of each list.

"Due reviews and warnings" — the figure with the target — is what the 今日 (Today) page
waits for: the home page's reads (as the window makes them: counts, and the first 200
rows of each list, worst first). The full lists and the
rule evaluation (the morning check, run once a day in the background) are printed
beside it with their own floor. Each floor is the same SQL statements, traced and
replayed on a bare connection: the stored tables (``main.<table>``) along the same
indexes, without the session's views that open sealed rows. It prints JSON and the
machine. The target is under 200 ms at 100,000 customers.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
import tempfile
from pathlib import Path

from benchmarks import firm
from benchmarks.common import machine, ratio, timed

TARGET_MS = 200


def statements_of(desk, fn) -> list[str]:
    """The SQL statements ``fn()`` runs on the desk's connection, parameters filled in."""
    seen: list[str] = []
    desk.db.conn.set_trace_callback(seen.append)
    try:
        fn()
    finally:
        desk.db.conn.set_trace_callback(None)
    return [sql for sql in seen if not sql.lstrip().upper().startswith(("BEGIN", "COMMIT",
                                                                         "SAVEPOINT", "RELEASE"))]


def bare_connection(path: Path):
    """A bare SQLCipher connection to the firm: no session, so none of the views that open
    sealed rows — a table's name there is the stored table (``main.<table>``)."""
    from custdesk.core.store import connection
    from custdesk.core.store.keyslots import KeySlots
    return connection.connect(path, KeySlots.load(path).unlock(firm.ADMIN, firm.PASSWORD))


def replay(db, statements: list[str]) -> None:
    """The floor: the same statements, bare — no rule, no Python per row, and on a bare
    connection (``bare_connection``): the stored tables along the same indexes, sealed
    rows left sealed (they read as empty; opening them is the program's work)."""
    for sql in statements:
        db.conn.execute(sql).fetchall()


def home_reads(desk) -> tuple:
    """What the Today page waits for: due counts, the first 200 due reviews, warning
    counts, the first 200 open warnings."""
    return (desk.reviews.counts(14), desk.reviews.due(14, limit=200), desk.warnings.counts(),
            desk.warnings.list(open_only=True, limit=200))


def measure(path: Path, runs: int) -> dict:
    from custdesk.core import clock
    from custdesk.core.desk import Desk
    clock.set_fixed(datetime.datetime.combine(firm.TODAY, datetime.time(9)).astimezone())
    out = {}
    bare = bare_connection(path)
    try:
        for user, password in ((firm.ADMIN, firm.PASSWORD), (firm.CLERK, firm.CLERK_PASSWORD)):
            desk = Desk.open(path, user, password)
            try:
                due_ms, due = timed(lambda: desk.reviews.due(14), runs)
                eval_ms, found = timed(lambda: desk.warnings.evaluate(write=False), runs)
                list_ms, open_rows = timed(lambda: desk.warnings.list(open_only=True), runs)
                home = lambda: home_reads(desk)  # noqa: E731
                home_ms, _ = timed(home, runs)
                full = lambda: (desk.reviews.due(14), desk.warnings.list(open_only=True))  # noqa: E731
                floors = {name: timed(lambda sql=statements_of(desk, fn): replay(bare, sql), runs)[0]
                          for name, fn in (("home", home), ("full", full), ("evaluate", lambda:
                                           desk.warnings.evaluate(write=False)))}
            finally:
                desk.close()
            out[user] = {"due_and_warnings_ms": home_ms, "floor_bare_sql_ms": floors["home"],
                         "ratio": ratio(home_ms, floors["home"]),
                         "what": "the Today page's reads: due counts, warning counts, the first "
                                 "200 due reviews and the first 200 open warnings",
                         "full_lists_ms": round(due_ms + list_ms, 1),
                         "full_lists_floor_bare_sql_ms": floors["full"],
                         "full_lists_ratio": ratio(due_ms + list_ms, floors["full"]),
                         "due_reviews_ms": due_ms, "due_reviews": len(due),
                         "open_warnings_list_ms": list_ms, "open_warnings": len(open_rows),
                         "warnings_evaluate_ms": eval_ms,
                         "warnings_evaluate_floor_bare_sql_ms": floors["evaluate"],
                         "warnings_evaluate_ratio": ratio(eval_ms, floors["evaluate"]),
                         "warnings_evaluate_what": "every rule over every file (the morning "
                                                   "check, in the background)",
                         "warnings_found": len(found)}
    finally:
        bare.close()
        clock.set_fixed(None)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.reviews",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--seed", type=int, default=firm.SEED)
    parser.add_argument("--keep", type=Path, help="build (or reuse) the firm in this folder")
    args = parser.parse_args(argv)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="custdesk-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    made = firm.ensure(folder, args.customers, args.seed)
    figures = measure(made.path, args.runs)
    json.dump({"benchmark": "reviews_and_warnings", "customers": args.customers, "runs": args.runs,
               "as_of": firm.TODAY.isoformat(), "build_seconds": made.build_seconds and round(
                   made.build_seconds, 1), "target_ms": TARGET_MS, "figures": figures,
               "machine": machine()}, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    if not args.keep:
        import shutil
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

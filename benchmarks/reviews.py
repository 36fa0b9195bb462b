"""Due reviews and warnings for a whole firm: what the home page and the morning check cost.

    python -m benchmarks.reviews [--customers N] [--runs 15] [--seed S] [--keep DIR]

Builds the synthetic firm of ``benchmarks.search`` (N customers, default 100,000), gives
it a credit standing in bulk (grades, limits, exposure, oldest open due dates, review
dates, litigation, complaints, licences and identity papers, in proportions like the demo
firm's), then times, as the administrator and as a clerk:

- ``reviews.due(14)``: the reviews due within two weeks (one indexed query + the reasons);
- ``warnings.evaluate(write=False)``: every warning rule over every file;
- ``warnings.list(open_only=True)``: the open warnings once the first check has stored them;
- the home page: due counts, warning counts and the first 200 rows of each list.

Each beside its floor: the bare SQL of the due query. It prints JSON with medians (ms)
over ``--runs`` runs and the machine. The target is under 200 ms for due reviews and
warnings together at 100,000 customers.
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.search import ADMIN, CLERK, CLERK_PASSWORD, PASSWORD, build, machine

TODAY = datetime.date(2026, 11, 22)
GRADE_RISK = (("AAA", "low"), ("AA", "low"), ("A", "low"), ("BBB", "medium"), ("BB", "medium"),
              ("B", "medium"), ("CCC", "high"), ("CC", "high"), ("C", "high"))


def standing(path: Path, count: int, seed: int) -> float:
    """Give every file a credit standing and some records, in bulk; seconds taken."""
    from custdesk.core import clock
    from custdesk.core.desk import Desk
    from custdesk.core.reviews import next_review, policy_from
    rng = random.Random(seed + 7)
    started = time.perf_counter()
    clock.set_fixed(datetime.datetime.combine(TODAY, datetime.time(8)).astimezone())
    desk = Desk.open(path, ADMIN, PASSWORD, daily_check=False)   # checked after the data is in
    policy = policy_from(desk.db)
    day = lambda n: (TODAY - datetime.timedelta(days=n)).isoformat()  # noqa: E731
    updates, litigation, complaints, licences, papers = [], [], [], [], []
    rows = desk.db.execute("SELECT id, kind, created_at FROM customers").fetchall()
    for customer_id, kind, created_at in rows:
        state = {"created_at": created_at, "grade": None, "risk_level": None, "review_base": None}
        grade = risk = limit = valid = graded = None
        if rng.random() < 0.9:
            grade, risk = rng.choices(GRADE_RISK, (2, 8, 15, 22, 20, 15, 10, 5, 3))[0]
            # A firm that keeps up: most files were reviewed within their cycle, a few are late.
            cycle_days = policy.cycles[risk] * 30
            graded = day(rng.randint(1, cycle_days + 25))
            valid = (datetime.date.fromisoformat(graded) + datetime.timedelta(days=365)).isoformat()
            limit = rng.randint(1, 200) * 1_000_00
            state.update(grade=grade, risk_level=risk, review_base=graded)
        exposure = int(limit * rng.uniform(0, 1.05)) if limit else 0
        overdue_since = (day(rng.choice((rng.randint(-40, 30),) * 6 + (rng.randint(31, 150),)))
                         if exposure else None)
        due = next_review(state, policy)[0].isoformat()
        updates.append((grade, risk, limit, valid, graded, exposure, overdue_since, graded, due,
                        customer_id))
        if rng.random() < 0.04:
            litigation.append((customer_id, f"(2026)京0105民初{customer_id}号", "defendant",
                               rng.randint(1, 500) * 1000_00, day(rng.randint(1, 400)), "open",
                               created_at, ADMIN, created_at))
        for _ in range(rng.choice((0, 0, 0, 0, 1, 3))):
            complaints.append((customer_id, day(rng.randint(0, 200)), "发货延迟", created_at, ADMIN,
                               created_at))
        if kind == "enterprise" and rng.random() < 0.5:
            licences.append((customer_id, "经营许可证", day(rng.randint(-400, 60)), created_at,
                             ADMIN, created_at))
        if rng.random() < 0.9:
            papers.append((customer_id, "business_licence" if kind == "enterprise" else "id_card",
                           "scan.txt", 4, "0" * 64, b"scan", day(rng.randint(-3000, 20)),
                           created_at, ADMIN, created_at))
    conn = desk.db.conn
    with desk.writing():
        conn.executemany(
            "UPDATE customers SET grade = ?, risk_level = ?, credit_limit = ?, grade_valid_until = ?, "
            "graded_on = ?, exposure = ?, overdue_since = ?, review_base = ?, next_review = ? "
            "WHERE id = ?", updates)
        conn.executemany(
            "INSERT INTO litigation (customer_id, case_no, role, amount, filed_on, status, "
            "created_at, created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", litigation)
        conn.executemany(
            "INSERT INTO complaints (customer_id, received_on, subject, created_at, created_by, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?)", complaints)
        conn.executemany(
            "INSERT INTO licences (customer_id, name, expires_on, created_at, created_by, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?)", licences)
        conn.executemany(
            "INSERT INTO documents (customer_id, kind, filename, size, sha256, content, expires_on, "
            "created_at, created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", papers)
        # So that the next login runs the day's check over the data written here.
        conn.execute("DELETE FROM settings WHERE key = 'warnings.checked_on'")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    desk.close()
    return time.perf_counter() - started


def timed(fn, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), 2), result


def measure(path: Path, runs: int) -> dict:
    from custdesk.core.desk import Desk
    out = {}
    for user, password in ((ADMIN, PASSWORD), (CLERK, CLERK_PASSWORD)):
        started = time.perf_counter()
        desk = Desk.open(path, user, password)
        opened = (time.perf_counter() - started) * 1000
        due_ms, due = timed(lambda: desk.reviews.due(14), runs)
        eval_ms, found = timed(lambda: desk.warnings.evaluate(write=False), runs)
        list_ms, open_rows = timed(lambda: desk.warnings.list(open_only=True), runs)
        # What the home page asks for: counts, and the first 200 rows of each list.
        home_ms, _ = timed(lambda: (desk.reviews.counts(14), desk.reviews.due(14, limit=200),
                                    desk.warnings.counts(),
                                    desk.warnings.list(open_only=True, limit=200)), runs)
        horizon = (TODAY + datetime.timedelta(days=14)).isoformat()
        floor_ms, _ = timed(lambda: desk.db.execute(
            "SELECT code, name, next_review FROM customers WHERE next_review <= ? AND level <= ?",
            [horizon, desk.access.clearance]).fetchall(), runs)
        # The administrator logs in first: that login runs (and stores) the day's check.
        out[user] = {"login_ms": round(opened, 1),
                     "due_reviews_ms": due_ms, "due_reviews": len(due),
                     "due_floor_bare_sql_ms": floor_ms,
                     "due_ratio": round(due_ms / floor_ms, 2) if floor_ms else None,
                     "warnings_evaluate_ms": eval_ms, "warnings_found": len(found),
                     "open_warnings_list_ms": list_ms, "open_warnings": len(open_rows),
                     "home_page_ms": home_ms,
                     "due_and_warnings_ms": round(due_ms + eval_ms + list_ms, 1)}
        desk.close()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.reviews", description=__doc__.split("\n")[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--seed", type=int, default=20261122)
    parser.add_argument("--keep", type=Path, help="build the database in this folder and keep it")
    args = parser.parse_args(argv)
    from custdesk.core import clock
    folder = args.keep or Path(tempfile.mkdtemp(prefix="custdesk-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "bench.db"
    clock.set_fixed(datetime.datetime.combine(TODAY, datetime.time(8)).astimezone())
    build_s, _people = build(path, args.customers, args.seed)
    standing_s = standing(path, args.customers, args.seed)
    figures = measure(path, args.runs)
    json.dump({"benchmark": "reviews_and_warnings", "customers": args.customers, "runs": args.runs,
               "as_of": TODAY.isoformat(), "build_s": round(build_s + standing_s, 1),
               "target_ms": 200, "figures": figures, "machine": machine()},
              sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    if not args.keep:
        import shutil
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

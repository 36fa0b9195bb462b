"""Every figure at once, each beside its floor: ``python -m benchmarks [--customers N]``.

Builds the synthetic firm (``benchmarks.firm``: N customers, default 100,000, seeded) in
a temporary folder (or ``--keep DIR``, reused when it is there), then measures:

========================  ==================================================  ============================
figure                    what is timed                                       floor (same run)
========================  ==================================================  ============================
database open             ``Desk.open`` as the command line does it (key      unlocking the key slot and a
                          slot, quick check, login entry), and as the window  bare SQLCipher connection's
                          does it (quick check in the background)             first read
search                    p50/p95 of 200 keystrokes (list query + model +     the bare SQL of the same
                          first screenful): two-character names, longer       search
                          substrings, pinyin initials, codes, phone tails
list model fill           the list as it opens: 1,000 rows into the model     a bare QAbstractTableModel
                          and the first screenful's data() calls
first list                a new session's first list (200 files) as the       the clerk's first list (no
                          administrator: it builds the catalogue of sealed    sealed file to see)
                          files
start-up                  process launch -> login -> first paint of the       a bare PySide6 window
                          main window (a new process each run, offscreen)
one customer report       median over the full files                          bare ReportLab, same content
report batch              100 reports written to a folder                     bare ReportLab, same content
import                    a customer CSV of N rows into a fresh database      bare ``executemany``
due reviews and warnings  the Today page's reads (counts, first 200 due       the same SQL, replayed bare
                          reviews and open warnings); also the full lists
                          and every warning rule over every file
peak memory               the window process with the list open               a bare PySide6 window
office mode               ``benchmarks.office`` (when PostgreSQL's server     each its own (see there), and
                          programs are installed; ``--without-office`` leaves the single PC's same figure
                          it out): login, search, Today page, one report,
                          import and search under five writers, on a
                          throwaway PostgreSQL beside the single-PC file
scorecards on outcomes    ``benchmarks.validation`` (``--without-validation`` one plain SELECT of the stored
                          leaves it out): validating each kind's card on the  assessments table
                          firm's own outcomes (AUC, KS, bad rate by grade,
                          PSI, migration matrix), re-fitting the individual
                          card on the firm's history, a second manager's
                          approval and a first grade with the new version
========================  ==================================================  ============================

``python -m benchmarks office [...]`` runs the office figures alone, ``python -m benchmarks
validation [...]`` the scorecard figures.

It prints one JSON document: each figure with its unit, floor, ratio, target and
whether the target is met; the details of each measurement; the date and the machine.
``--quick`` runs fewer repetitions (for a check that the command works, not figures).
"""

from __future__ import annotations

import argparse
import datetime
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import firm
from benchmarks.common import emit, figure, machine

TARGETS = {"search_p95": 30, "startup": 2000, "one_report": 150, "import": 15,
           "due_reviews_and_warnings": 200, "peak_memory": 400}


def measure_open(path: Path, runs: int) -> dict:
    from custdesk.core.desk import Desk
    from custdesk.core.store import connection
    from custdesk.core.store.keyslots import KeySlots

    def median(fn) -> float:
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t0)
        return round(statistics.median(times) * 1000, 1)

    def floor():
        key = KeySlots.load(path).unlock(firm.ADMIN, firm.PASSWORD)
        db = connection.connect(path, key)
        db.execute("SELECT count(*) FROM main.customers").fetchone()
        db.close()

    def checked():
        Desk.open(path, firm.ADMIN, firm.PASSWORD, daily_check=False).close()

    def window():
        desk = Desk.open(path, firm.ADMIN, firm.PASSWORD, daily_check=False, quick_check=False)
        desk.open_check()          # waited for here, so that runs do not overlap
        desk.close()

    def window_open_only():
        desk = Desk.open(path, firm.ADMIN, firm.PASSWORD, daily_check=False, quick_check=False)
        desk.close()               # interrupts the background check

    with_check, background, floor_ms = median(checked), median(window_open_only), median(floor)
    return {"command_line_ms": with_check, "window_ms": background,
            "window_with_check_done_ms": median(window), "floor_ms": floor_ms,
            "floor_what": "Argon2id unlock of the key slot + SQLCipher connect + a first read",
            "runs": runs}


_SAME_SQL = ("the same SQL statements, traced and replayed bare on the stored tables "
             "(sealed rows not opened)")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["office"]:
        from benchmarks import office
        return office.main(argv[1:])
    if argv[:1] == ["validation"]:
        from benchmarks import validation
        return validation.main(argv[1:])
    parser = argparse.ArgumentParser(prog="python -m benchmarks",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--import-rows", type=int, default=None,
                        help="rows of the import file (default: as many as customers)")
    parser.add_argument("--seed", type=int, default=firm.SEED)
    parser.add_argument("--keep", type=Path, help="build (or reuse) the firm in this folder")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--out", type=Path, help="also write the JSON to this file")
    parser.add_argument("--without-office", action="store_true",
                        help="leave out the office-mode figures (``python -m benchmarks office``)")
    parser.add_argument("--without-validation", action="store_true",
                        help="leave out the scorecard figures (``python -m benchmarks validation``)")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from benchmarks import importing, reports, reviews, search, startup

    quick = args.quick
    folder = args.keep or Path(tempfile.mkdtemp(prefix="custdesk-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    log = lambda text: print(f"[benchmarks] {text}", file=sys.stderr, flush=True)  # noqa: E731
    started = time.perf_counter()
    try:
        log(f"firm of {args.customers:,} customers in {folder}")
        made = firm.ensure(folder, args.customers, args.seed)
        log("database open")
        opened = measure_open(made.path, 3 if quick else 7)
        log("search")
        searched = search.run(made, 200, args.seed)
        log("list model fill")
        filled = search.model_fill(made.path, 5 if quick else 20)
        log("a session's first list (the sealed-file catalogue)")
        first = search.first_list(made.path, 2 if quick else 5)
        log("start-up and memory (new processes)")
        started_up = startup.measure(made.path, 1 if quick else 5)
        log("reports")
        reported = reports.measure(made, 5 if quick else 30, 20 if quick else 100)
        log("due reviews and warnings")
        due = reviews.measure(made.path, 3 if quick else 15)
        rows = args.import_rows or args.customers
        log(f"import of {rows:,} rows (new processes)")
        import_dir = folder / "import"
        import_dir.mkdir(exist_ok=True)
        imported = importing.run(import_dir, rows, args.seed)
        from tests import pg_server
        office_out = None
        if not args.without_office and pg_server.available():
            log("office mode beside the single PC (a throwaway PostgreSQL)")
            from benchmarks import office
            office_out = office.run(made, folder, args.seed, quick=quick, import_rows=rows)
        elif not args.without_office:
            log("no office figures: PostgreSQL's server programs are not installed")
        validated = None
        if not args.without_validation:
            # Last: it adds a re-fitted version to the firm's library.
            log("scorecards on the firm's own outcomes")
            from benchmarks import validation
            validated = validation.run(made, 1 if quick else 3)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)

    admin, clerk = due[firm.ADMIN], due[firm.CLERK]
    one = reported["one_report"]
    figures = {
        "database_open": figure(opened["command_line_ms"], "ms", opened["floor_ms"],
                                opened["floor_what"]),
        "database_open_window": figure(opened["window_ms"], "ms", opened["floor_ms"],
                                       opened["floor_what"] + " (the quick check goes on in "
                                       "the background)"),
        "search_p50": figure(searched["overall"]["p50_ms"], "ms",
                             searched["floor_bare_sql"]["p50_ms"], "the bare SQL of the same search"),
        "search_p95": figure(searched["overall"]["p95_ms"], "ms",
                             searched["floor_bare_sql"]["p95_ms"], "the bare SQL of the same search",
                             TARGETS["search_p95"]),
        "search_p95_clerk": figure(searched["clerk"]["overall"]["p95_ms"], "ms",
                                   searched["clerk"]["floor_bare_sql"]["p95_ms"],
                                   "the bare SQL of the same search", TARGETS["search_p95"]),
        "list_model_fill": figure(filled["fill_ms"], "ms", filled["floor_bare_model_ms"],
                                  f"a bare QAbstractTableModel over the same {filled['rows']} rows"),
        "first_list_with_sealed_catalogue": figure(
            first["admin"]["first_list_ms"], "ms", first["clerk"]["first_list_ms"],
            "the same first list for the clerk (cleared to 内部: no sealed file, no catalogue)"),
        "startup_to_first_paint": figure(started_up["startup"]["median_ms"], "ms",
                                         started_up["startup"]["floor_bare_window_ms"],
                                         "a bare PySide6 window in a new process",
                                         TARGETS["startup"]),
        "one_customer_report": figure(one["median_ms"], "ms", one["floor_bare_reportlab_ms"],
                                      reported["floor_what"], TARGETS["one_report"]),
        "report_batch_100": figure(reported["batch"]["seconds"], "s",
                                   reported["batch"]["floor_bare_reportlab_seconds"],
                                   reported["floor_what"]),
        "import": figure(imported["import"]["seconds"], "s", imported["floor"]["seconds"],
                         "bare executemany of the same rows, cleaned and keyed beforehand",
                         TARGETS["import"]),
        "due_reviews_and_warnings": figure(admin["due_and_warnings_ms"], "ms",
                                           admin["floor_bare_sql_ms"], _SAME_SQL,
                                           TARGETS["due_reviews_and_warnings"]),
        "due_reviews_and_warnings_clerk": figure(clerk["due_and_warnings_ms"], "ms",
                                                 clerk["floor_bare_sql_ms"], _SAME_SQL,
                                                 TARGETS["due_reviews_and_warnings"]),
        "due_reviews_and_warnings_full_lists": figure(
            admin["full_lists_ms"], "ms", admin["full_lists_floor_bare_sql_ms"], _SAME_SQL),
        "warning_rules_over_every_file": figure(
            admin["warnings_evaluate_ms"], "ms", admin["warnings_evaluate_floor_bare_sql_ms"],
            _SAME_SQL),
        "peak_memory_list_open": figure(started_up["memory"]["peak_rss_mib"], "MiB",
                                        started_up["memory"]["floor_bare_window_mib"],
                                        "a bare PySide6 window's peak RSS", TARGETS["peak_memory"]),
    }
    if office_out is not None:
        from benchmarks import office
        figures.update({f"office_mode.{k}": v for k, v in office.figures(office_out).items()})
    if validated is not None:
        from benchmarks import validation
        figures.update({f"validation.{k}": v for k, v in validation.figures(validated).items()})
    result = {
        "date": datetime.date.today().isoformat(),
        "customers": args.customers, "seed": args.seed, "quick": quick,
        "build_seconds": made.build_seconds and round(made.build_seconds, 1),
        "total_seconds": round(time.perf_counter() - started, 1),
        "targets_met": all(f.get("met", True) for f in figures.values()),
        "figures": figures,
        "details": {"open": opened, "search": searched, "list_model_fill": filled,
                    "first_list": first,
                    "startup": started_up, "reports": reported, "due_reviews_and_warnings": due,
                    "import": imported, "office_mode": office_out, "validation": validated},
        "machine": machine(),
    }
    return emit(result, args.out)


if __name__ == "__main__":
    sys.exit(main())

"""Customer credit audit reports: one report, and a batch, beside bare ReportLab.

    python -m benchmarks.reports [--customers 1000] [--runs 30] [--batch 1000] [--keep DIR]

Builds the demo firm (``custdesk.core.demo``, N customers with statements,
transactions, credit records, approved grades, reviews and warnings: full files,
which is what makes a report long), then, as the administrator:

- times ``export.customer`` (read the file, lay out, number, fingerprint, register and
  log) over ``--runs`` files with approved grades, and its two halves: ``gather`` (reading
  through the desk) and ``render`` (layout);
- times the floor: a bare ReportLab ``SimpleDocTemplate`` building the same flowables
  (same content, same font) with no page decoration, no register and no reading;
- exports a batch of ``--batch`` files to a temporary folder with ``export.batch``.

Prints JSON: medians in ms, the ratio to the floor, the batch's total seconds, and the
machine. Targets: one report under 150 ms (median), 1,000 reports under 120 s.
"""

from __future__ import annotations

import argparse
import datetime
import io
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.search import machine


def _median_ms(times: list[float]) -> float:
    return round(statistics.median(times) * 1000, 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.reports",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--customers", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--keep", type=Path, help="build (or reuse) the database in this folder")
    args = parser.parse_args(argv)

    from reportlab.platypus import SimpleDocTemplate

    from custdesk.core import clock, demo
    from custdesk.core.desk import Desk
    from custdesk.core.exports import Stamp
    from custdesk.reports import customer as report
    from custdesk.reports import export, fonts

    folder = args.keep or Path(tempfile.mkdtemp(prefix="custdesk-bench-reports-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"demo-{args.customers}.db"
    started = time.perf_counter()
    built = demo.ensure_demo(path, count=args.customers)
    build_s = time.perf_counter() - started if built else None
    clock.set_fixed(datetime.datetime.combine(demo.AS_OF, datetime.time(2, 0),
                                              datetime.timezone.utc))
    desk = Desk.open(path, "admin", demo.DEMO_PASSWORDS["admin"], daily_check=False)
    try:
        started = time.perf_counter()
        font = fonts.report_font()
        font_ms = round((time.perf_counter() - started) * 1000, 1)
        graded = [r[0] for r in desk.db.execute(
            "SELECT code FROM customers WHERE assessment_id IS NOT NULL ORDER BY id")]
        if not graded:
            raise SystemExit("the demo firm has no graded files")
        sample = [graded[i % len(graded)] for i in range(args.runs)]
        export.customer(desk, sample[0])             # warm-up: first layout, caches

        full, gathered, rendered, bare, pages = [], [], [], [], []
        stamp = Stamp("ZX-2026-999999", "customer", desk.firm_name, desk.user.display,
                      desk.user.name, clock.timestamp(), 1, "0" * 64, "zh")
        for code in sample:
            t0 = time.perf_counter()
            made = export.customer(desk, code)
            full.append(time.perf_counter() - t0)
            pages.append(made.pages)
            t0 = time.perf_counter()
            data = report.gather(desk, code)
            gathered.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            report.render(data, stamp)
            rendered.append(time.perf_counter() - t0)
            story = report._story(data, stamp)          # the same flowables, laid out bare
            t0 = time.perf_counter()
            SimpleDocTemplate(io.BytesIO(), invariant=1).build(story)
            bare.append(time.perf_counter() - t0)

        batch_codes = [r[0] for r in desk.db.execute(
            "SELECT code FROM customers ORDER BY id LIMIT ?", [args.batch])]
        with tempfile.TemporaryDirectory(prefix="custdesk-batch-") as out:
            t0 = time.perf_counter()
            result = export.batch(desk, batch_codes, out)
            batch_s = time.perf_counter() - t0
            batch_bytes = sum(p.stat().st_size for p in Path(out).iterdir())
    finally:
        desk.close()

    one = _median_ms(full)
    floor = _median_ms(bare)
    figures = {
        "customers": args.customers, "build_seconds": build_s and round(build_s, 1),
        "font": {"name": font.name, "embedded": font.embedded, "path": font.path,
                 "first_load_ms": font_ms},
        "one_report": {"runs": len(full), "median_ms": one, "p95_ms": round(
            sorted(full)[max(0, int(len(full) * 0.95) - 1)] * 1000, 1),
            "gather_median_ms": _median_ms(gathered), "render_median_ms": _median_ms(rendered),
            "pages_median": statistics.median(pages), "target_ms": 150,
            "meets_target": one < 150},
        "floor_bare_reportlab": {"median_ms": floor, "what": "SimpleDocTemplate.build of the "
                                 "same flowables: no header/footer, no reading, no register"},
        "ratio_to_floor": round(one / floor, 2) if floor else None,
        "batch": {"reports": len(result.written), "failed": len(result.failed),
                  "seconds": round(batch_s, 1), "per_report_ms": round(
                      batch_s / max(1, len(result.written)) * 1000, 1),
                  "megabytes": round(batch_bytes / 2 ** 20, 1), "target_seconds_per_1000": 120,
                  "seconds_per_1000": round(batch_s / max(1, len(result.written)) * 1000, 1)},
        "machine": machine(),
    }
    if not args.keep:
        for leftover in folder.iterdir():
            leftover.unlink()
        folder.rmdir()
    json.dump(figures, sys.stdout, ensure_ascii=False, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())

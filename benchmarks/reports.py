"""Customer credit audit reports: one report, and a batch, beside bare ReportLab.

    python -m benchmarks.reports [--customers N] [--runs 30] [--batch 100] [--keep DIR]

On the synthetic firm (``benchmarks.firm``, N customers, default 100,000) as the
administrator:

- times ``export.customer`` (read the file, lay out, number, fingerprint, register and
  log) over ``--runs`` of the firm's full files (filed through the API, with approved
  grades: long reports), and its two halves: ``gather`` (reading through the desk) and
  ``render`` (layout);
- times the floor: a bare ReportLab ``SimpleDocTemplate`` building the same flowables
  (same content, same font) with no page decoration, no register and no reading;
- exports a batch of ``--batch`` files (the full files in the order they were filed,
  then bulk ones by code) to a temporary folder with ``export.batch``, beside the bare
  builds of the same files.

Prints JSON: medians in ms, the ratios to the floors, the batch's seconds, and the
machine. Target: one report under 150 ms (median).
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

from benchmarks import firm
from benchmarks.common import machine, median_ms, ratio

TARGET_MS = 150


def measure(made: firm.Firm, runs: int, batch: int) -> dict:
    from reportlab.platypus import SimpleDocTemplate

    from custdesk.core import clock
    from custdesk.core.desk import Desk
    from custdesk.core.exports import Stamp
    from custdesk.reports import customer as report
    from custdesk.reports import export, fonts

    clock.set_fixed(datetime.datetime.combine(firm.TODAY, datetime.time(10)).astimezone())
    desk = Desk.open(made.path, firm.ADMIN, firm.PASSWORD, daily_check=False)
    try:
        started = time.perf_counter()
        font = fonts.report_font()
        font_ms = round((time.perf_counter() - started) * 1000, 1)
        approved = {r[0] for r in desk.db.execute(
            "SELECT code FROM main.customers WHERE assessment_id IS NOT NULL")}
        graded = [code for code in made.full_codes if code in approved] or made.full_codes
        sample = [graded[i % len(graded)] for i in range(runs)]
        export.customer(desk, sample[0])             # warm-up: first layout, caches
        stamp = Stamp("ZX-2026-999999", "customer", desk.firm_name, desk.user.display,
                      desk.user.name, clock.timestamp(), 1, "0" * 64, "zh")

        def bare_build(code: str) -> float:
            story = report._story(report.gather(desk, code), stamp)   # same flowables
            t0 = time.perf_counter()
            SimpleDocTemplate(io.BytesIO(), invariant=1).build(story)
            return time.perf_counter() - t0

        full, gathered, rendered, bare, pages = [], [], [], [], []
        for code in sample:
            t0 = time.perf_counter()
            made_report = export.customer(desk, code)
            full.append(time.perf_counter() - t0)
            pages.append(made_report.pages)
            t0 = time.perf_counter()
            data = report.gather(desk, code)
            gathered.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            report.render(data, stamp)
            rendered.append(time.perf_counter() - t0)
            bare.append(bare_build(code))

        # The full files first (in the order they were filed), then bulk ones by code.
        filed = set(made.full_codes)
        codes = (made.full_codes + [c for c in made.codes if c not in filed])[:batch]
        with tempfile.TemporaryDirectory(prefix="custdesk-batch-") as out:
            t0 = time.perf_counter()
            result = export.batch(desk, codes, out)
            batch_s = time.perf_counter() - t0
            batch_bytes = sum(p.stat().st_size for p in Path(out).iterdir())
        batch_floor_s = sum(bare_build(code) for code in codes)
    finally:
        desk.close()
        clock.set_fixed(None)
    one, floor = median_ms(full), median_ms(bare)
    return {
        "font": {"name": font.name, "embedded": font.embedded, "path": font.path,
                 "first_load_ms": font_ms},
        "one_report": {"runs": len(full), "median_ms": one, "p95_ms": round(
            sorted(full)[max(0, int(len(full) * 0.95) - 1)] * 1000, 1),
            "gather_median_ms": median_ms(gathered), "render_median_ms": median_ms(rendered),
            "pages_median": statistics.median(pages), "floor_bare_reportlab_ms": floor,
            "ratio": ratio(one, floor), "target_ms": TARGET_MS, "meets_target": one < TARGET_MS},
        "floor_what": "SimpleDocTemplate.build of the same flowables: no header/footer, "
                      "no reading, no register",
        "batch": {"reports": len(result.written), "failed": len(result.failed),
                  "seconds": round(batch_s, 2), "floor_bare_reportlab_seconds": round(
                      batch_floor_s, 2), "ratio": ratio(batch_s, batch_floor_s),
                  "per_report_ms": round(batch_s / max(1, len(result.written)) * 1000, 1),
                  "megabytes": round(batch_bytes / 2 ** 20, 1)},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.reports",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--seed", type=int, default=firm.SEED)
    parser.add_argument("--keep", type=Path, help="build (or reuse) the firm in this folder")
    args = parser.parse_args(argv)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="custdesk-bench-reports-"))
    folder.mkdir(parents=True, exist_ok=True)
    made = firm.ensure(folder, args.customers, args.seed)
    figures = {"customers": args.customers, "build_seconds": made.build_seconds and round(
        made.build_seconds, 1), **measure(made, args.runs, args.batch), "machine": machine()}
    if not args.keep:
        import shutil
        shutil.rmtree(folder, ignore_errors=True)
    json.dump(figures, sys.stdout, ensure_ascii=False, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())

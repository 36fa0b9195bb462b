"""Search as you type: what one keystroke costs the customer list, beside the bare SQL.

    python -m benchmarks.search [--customers N] [--queries 200] [--seed S] [--keep DIR]

On the synthetic firm (``benchmarks.firm``, N customers, default 100,000) it times, for
each of a fixed set of queries (two-character names, longer substrings, pinyin initials,
codes, phone tails), the work one keystroke costs the list: the query job the list runs
on the database thread (the same function the list page uses: candidates, clearance,
name order, the first 1,000 rows, the count and the credit hold) plus
``CustomerTableModel.set_rows`` and the data() calls of the first screenful. Its floor is
the bare SQL of the same search (core's ``search_sql`` candidates joined to the rows in
name order, the first 1,000), run on the same connection. It prints JSON: p50/p95/max
per query kind and overall, for the administrator (every level) and a clerk (public and
internal files), and the machine. The target is a p95 under 30 ms at 100,000 customers.

No ANALYZE is run: the app keeps no planner statistics, so the timed plans are the ones
a clerk's database gets. ``--cache-mib`` times a what-if larger SQLite page cache.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import firm
from benchmarks.common import machine, percentile

TARGET_P95_MS = 30
MAIN_KINDS = ["two_char_name", "longer_substring", "pinyin_initials", "code", "phone_tail"]


def bare_sql(desk, text: str) -> list[tuple]:
    """The floor: the same search as one bare statement, no count, no hold, no model.

    It reads the stored table (``main.customers``, not the session's view that opens
    sealed rows) along the same indexes the list uses: core's ``search_sql`` candidates
    (name grams, pinyin, code, phone-tail and identity indexes) joined to the clear rows
    in name order, the first 1,000. Sealed files have no SQL floor: the list finds them
    in the session's catalogue, and that work counts in the measured figure alone.
    """
    from custdesk.core.customers import search as s
    found = s.search_sql(text, id_numbers=desk.access.cleared_for("id_number"),
                         phones=desk.access.cleared_for("phone"))
    if found is None:
        return []
    return desk.db.execute(
        "SELECT code, kind, name, status, tier, level, owner, phone, grade, risk_level, "
        "credit_limit, exposure FROM main.customers WHERE sealed IS NULL AND level <= ? "
        f"AND id IN ({found[0]}) ORDER BY sort_key, code LIMIT 1000",
        [desk.access.clearance, *found[1]]).fetchall()


def make_queries(people: list[dict], total: int, seed: int,
                 codes: list[str]) -> dict[str, list[str]]:
    """The typed texts, by kind; the five main kinds add up to ``total``.

    ``codes``: the firm's customer codes (random: read from the database). A code is
    typed whole, as its digits, or as its first five characters. A phone is typed as
    its last three or four digits (the digits its mask shows; the list finds phones by
    those or by the whole number, never by a longer fragment) or whole.
    """
    from custdesk.core.customers.search import pinyin_keys

    rng = random.Random(seed + 1)
    persons = [c for c in people if c["kind"] == "individual"]
    firms = [c for c in people if c["kind"] == "enterprise"] or persons
    phones = [c["phone"] for c in people if c["phone"]]
    share = {"two_char_name": 0.25, "longer_substring": 0.2, "pinyin_initials": 0.2,
             "code": 0.15, "phone_tail": 0.2}
    sizes = {k: int(total * v) for k, v in share.items()}
    sizes["two_char_name"] += total - sum(sizes.values())
    out: dict[str, list[str]] = {k: [] for k in share}
    two = [c["name"] for c in persons if len(c["name"]) == 2] or [c["name"][:2] for c in persons]
    out["two_char_name"] = [rng.choice(two) for _ in range(sizes["two_char_name"])]
    for _ in range(sizes["longer_substring"]):
        if rng.random() < 0.3:
            out["longer_substring"].append(rng.choice([c["name"] for c in persons
                                                       if len(c["name"]) >= 3] or two))
        else:
            name = rng.choice(firms)["name"]
            length = rng.choice((3, 4, 5))
            start = rng.randrange(0, max(1, len(name) - length))
            out["longer_substring"].append(name[start:start + length])
    for _ in range(sizes["pinyin_initials"]):
        c = rng.choice(people)
        initials = pinyin_keys(c["name"], person=c["kind"] == "individual")[0]
        out["pinyin_initials"].append(initials[:rng.choice((2, 3, 3, 4))])
    for _ in range(sizes["code"]):
        code = rng.choice(codes)
        out["code"].append(rng.choice((code, code[1:], code[:5])))
    for _ in range(sizes["phone_tail"]):
        digits = "".join(ch for ch in rng.choice(phones) if ch.isdigit())
        out["phone_tail"].append(digits[-rng.choice((3, 4, 4, len(digits))):])
    # Reported apart, outside the main figure: what the first keystroke and an empty box cost.
    out["one_char"] = [rng.choice(firm.SURNAMES[:20]) for _ in range(20)]
    out["empty"] = [""] * 5
    return out


def figures(times_ms: list[float], rows: list[int]) -> dict:
    return {"n": len(times_ms), "p50_ms": round(statistics.median(times_ms), 2),
            "p95_ms": round(percentile(times_ms, 0.95), 2), "max_ms": round(max(times_ms), 2),
            "rows_median": int(statistics.median(rows)), "rows_max": max(rows)}


def measure(path: Path, queries: dict[str, list[str]], main_kinds: list[str],
            cache_mib: int | None = None,
            user: tuple[str, str] = (firm.ADMIN, firm.PASSWORD)) -> dict:
    from PySide6.QtCore import QCoreApplication, QModelIndex, Qt

    from custdesk.core.desk import Desk
    from custdesk.gui.customers.list_page import query_job
    from custdesk.gui.customers.model import CustomerTableModel

    _app = QCoreApplication.instance() or QCoreApplication([])
    model = CustomerTableModel()
    screen = 40  # rows a maximised list shows at once
    desk = Desk.open(path, *user)
    if cache_mib:   # what-if: a larger page cache than core's connection sets
        desk.db.execute(f"PRAGMA cache_size = {-1024 * int(cache_mib)}")
    try:
        for text in ("张", "zw", "C0001"):  # warm the page cache (and the catalogue)
            model.set_rows(query_job(text, {})(desk).rows)
        out: dict = {"by_kind": {}}
        all_main, all_split = [], {"query_ms": [], "model_ms": []}
        slowest: list[tuple[float, str, str, int]] = []
        main_rows: list[int] = []
        for kind, texts in queries.items():
            times, counts = [], []
            for text in texts:
                t0 = time.perf_counter()
                result = query_job(text, {})(desk)
                t1 = time.perf_counter()
                model.set_rows(result.rows)
                for r in range(min(screen, model.rowCount())):
                    for c in range(model.columnCount()):
                        model.data(model.index(r, c, QModelIndex()), Qt.ItemDataRole.DisplayRole)
                t2 = time.perf_counter()
                times.append((t2 - t0) * 1000)
                counts.append(result.total)
                slowest.append(((t2 - t0) * 1000, kind, text, result.total))
                if kind in main_kinds:
                    all_split["query_ms"].append((t1 - t0) * 1000)
                    all_split["model_ms"].append((t2 - t1) * 1000)
            out["by_kind"][kind] = figures(times, counts)
            if kind in main_kinds:
                all_main += times
                main_rows += counts
        out["overall"] = figures(all_main, main_rows)
        out["slowest"] = [{"ms": round(ms, 2), "kind": kind, "query": text, "rows": total}
                          for ms, kind, text, total in sorted(slowest, reverse=True)[:5]]
        out["page_cache"] = desk.db.execute("PRAGMA cache_size").fetchone()[0]
        out["overall"]["query_p50_ms"] = round(statistics.median(all_split["query_ms"]), 2)
        out["overall"]["model_p50_ms"] = round(statistics.median(all_split["model_ms"]), 2)
        # The floor: the same searches as bare SQL on the same connection.
        bare = []
        for text in [t for k in main_kinds for t in queries[k]]:
            t0 = time.perf_counter()
            bare_sql(desk, text)
            bare.append((time.perf_counter() - t0) * 1000)
        out["floor_bare_sql"] = {"p50_ms": round(statistics.median(bare), 2),
                                 "p95_ms": round(percentile(bare, 0.95), 2)}
        return out
    finally:
        desk.close()


def _screenful(model, screen: int = 40) -> None:
    from PySide6.QtCore import QModelIndex, Qt
    for r in range(min(screen, model.rowCount())):
        for c in range(model.columnCount()):
            model.data(model.index(r, c, QModelIndex()), Qt.ItemDataRole.DisplayRole)


def model_fill(path: Path, runs: int = 20) -> dict:
    """The list as it opens (nothing typed: the first 1,000 files in name order): the
    query, and filling ``CustomerTableModel`` with its rows plus the first screenful's
    data() calls; the floor is a bare ``QAbstractTableModel`` over the same tuples."""
    from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt

    from custdesk.core.desk import Desk
    from custdesk.gui.customers.list_page import ROW_LIMIT, query_job
    from custdesk.gui.customers.model import CustomerTableModel

    class BareModel(QAbstractTableModel):
        def __init__(self):
            super().__init__()
            self.rows: list[tuple] = []

        def set_rows(self, rows):
            self.beginResetModel()
            self.rows = list(rows)
            self.endResetModel()

        def rowCount(self, parent=QModelIndex()):
            return len(self.rows)

        def columnCount(self, parent=QModelIndex()):
            return 13

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            if role == Qt.ItemDataRole.DisplayRole:
                value = self.rows[index.row()][index.column()]
                return "" if value is None else str(value)
            return None

    _app = QCoreApplication.instance() or QCoreApplication([])
    desk = Desk.open(path, firm.ADMIN, firm.PASSWORD)
    try:
        query, fill, bare = [], [], []
        model, floor = CustomerTableModel(), BareModel()
        for _ in range(runs):
            t0 = time.perf_counter()
            rows = query_job("", {}, ROW_LIMIT)(desk).rows
            t1 = time.perf_counter()
            model.set_rows(rows)
            _screenful(model)
            t2 = time.perf_counter()
            floor.set_rows(rows)
            _screenful(floor)
            t3 = time.perf_counter()
            query.append(t1 - t0)
            fill.append(t2 - t1)
            bare.append(t3 - t2)
        ms = lambda xs: round(statistics.median(xs) * 1000, 2)  # noqa: E731
        return {"rows": len(rows), "fill_ms": ms(fill), "floor_bare_model_ms": ms(bare),
                "query_ms": ms(query), "runs": runs}
    finally:
        desk.close()


def first_list(path: Path, runs: int = 5) -> dict:
    """A session's first list (nothing typed, the first 200 files), in a new session each run.

    For the administrator (cleared to 机密, holding the 秘密 and 机密 keys) the first list
    builds the session's catalogue of sealed files: every such file's list columns read
    through the view and opened, then sorted (``customers.catalogue``); the clerk (cleared
    to 内部) has no sealed file to see and no catalogue. Each run opens a new desk as the
    window does (the page check on its own connection, waited for here so that it does not
    compete), so the connection's page cache and the session's opened rows start empty.
    Also timed: the second list of the session (the catalogue kept), and the catalogue
    built again with the pages cached but nothing opened (``store.forget``).
    """
    from custdesk.core.desk import Desk

    out: dict = {"runs": runs}
    for label, user in (("admin", (firm.ADMIN, firm.PASSWORD)),
                        ("clerk", (firm.CLERK, firm.CLERK_PASSWORD))):
        first, second, rebuild = [], [], []
        sealed = total = 0
        for _ in range(runs):
            desk = Desk.open(path, *user, daily_check=False, quick_check=False)
            try:
                desk.open_check()
                t0 = time.perf_counter()
                _rows, total = desk.customers.list_rows(limit=200)
                t1 = time.perf_counter()
                desk.customers.list_rows(limit=200)
                t2 = time.perf_counter()
                desk.store.forget()
                desk.customers.catalogue.forget()
                t3 = time.perf_counter()
                sealed = desk.customers.catalogue.count()
                t4 = time.perf_counter()
            finally:
                desk.close()
            first.append(t1 - t0)
            second.append(t2 - t1)
            rebuild.append(t4 - t3)
        ms = lambda xs: round(statistics.median(xs) * 1000, 1)  # noqa: E731
        out[label] = {"first_list_ms": ms(first), "first_list_all_ms": [round(x * 1000, 1)
                                                                        for x in first],
                      "second_list_ms": ms(second), "catalogue_rebuild_ms": ms(rebuild),
                      "sealed_files_in_catalogue": sealed, "files_visible": total}
    return out


def run(made: firm.Firm, queries: int, seed: int, cache_mib: int | None = None) -> dict:
    """The figures for the firm ``made`` (administrator, then clerk)."""
    path = made.path
    texts = make_queries(made.people, queries, seed, made.codes)
    result = {"queries": sum(len(texts[k]) for k in MAIN_KINDS), "user": "admin (every level)",
              **measure(path, texts, MAIN_KINDS, cache_mib)}
    clerk = measure(path, texts, MAIN_KINDS, cache_mib, (firm.CLERK, firm.CLERK_PASSWORD))
    result["clerk"] = {"user": "clerk (public and internal files only)",
                       "overall": clerk["overall"], "floor_bare_sql": clerk["floor_bare_sql"],
                       "by_kind": {k: {f: v[f] for f in ("p50_ms", "p95_ms", "max_ms")}
                                   for k, v in clerk["by_kind"].items()},
                       "slowest": clerk["slowest"]}
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.search",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=firm.SEED)
    parser.add_argument("--keep", type=Path, help="build (or reuse) the firm in this folder")
    parser.add_argument("--cache-mib", type=int, default=None,
                        help="what-if: set SQLite's page cache to this many MiB for the timing")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    folder = args.keep or Path(tempfile.mkdtemp(prefix="custdesk-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    made = firm.ensure(folder, args.customers, args.seed)
    result = {"customers": args.customers, "build_seconds": made.build_seconds and round(
        made.build_seconds, 1), "target_p95_ms": TARGET_P95_MS,
        **run(made, args.queries, args.seed, args.cache_mib)}
    result["meets_target"] = max(result["overall"]["p95_ms"],
                                 result["clerk"]["overall"]["p95_ms"]) < TARGET_P95_MS
    result["machine"] = machine()
    if not args.keep:
        import shutil
        shutil.rmtree(folder, ignore_errors=True)
    json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())

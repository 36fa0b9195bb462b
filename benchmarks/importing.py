"""Import benchmark: a realistic customer CSV of N rows through ``custdesk.core.importing``.

    python -m benchmarks.importing [--rows N] [--seed S] [--keep DIR]

Writes a CSV of N customers (default 100,000; 70% individuals, the synthetic firm's kind
of people: ``benchmarks.firm.write_import_csv``) with realistic Chinese names, valid ID
numbers and credit codes, phones, levels, statuses, addresses, incomes and company
details, in UTF-8 with a BOM as Excel saves it. Then, each in a fresh process so its
peak memory is its own:

- **import**: a fresh database, ``import_file(desk, "customers", CSV)`` — reading,
  checking every row with core's cleaning, duplicate checks and the bulk write with
  search keys, name grams, review dates and the audit entry;
- **floor**: a fresh database and a bare ``executemany`` of the same rows (the same
  values, already cleaned, keyed and in their stored form — random ids and codes, ID
  numbers and incomes vaulted, blind-index digests — prepared before the clock starts)
  into the same tables (customers, individuals, enterprises, name_grams, blind_index)
  in one transaction, with the same page cache.

It prints JSON: seconds, rows per second and peak RSS of each (for the import also that of
its helper process, which works out the pinyin keys on the second core), the ratio
import/floor, and the machine. The target is under 15 s, at most twice the floor and under
500 MB for 100,000 rows.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import firm
from benchmarks.common import machine, peak_rss_mib

ADMIN, PASSWORD = firm.ADMIN, firm.PASSWORD
TARGET_SECONDS, TARGET_MIB, TARGET_RATIO = 15, 500, 2


def peak_mib() -> float:
    return peak_rss_mib()


def new_desk(path: Path):
    from custdesk.core.desk import Desk
    desk, _recovery = Desk.create(path, ADMIN, PASSWORD, firm="导入基准测试公司")
    return desk


def run_import(db: Path, source: Path) -> dict:
    from custdesk.core.importing import import_file
    desk = new_desk(db)
    started = time.perf_counter()
    result = import_file(desk, "customers", source)
    seconds = time.perf_counter() - started
    desk.close()
    helper = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"seconds": round(seconds, 2), "rows": result.total, "imported": result.imported,
            "rejected": result.rejected, "duplicates": result.duplicates,
            "rows_per_s": round(result.total / seconds), "peak_rss_mib": round(peak_mib(), 1),
            "helper_peak_rss_mib": round(helper, 1)}


def run_floor(db: Path, source: Path) -> dict:
    """The same rows, cleaned, keyed and sealed beforehand, inserted with bare executemany."""

    from custdesk.core.importing import Importer
    from custdesk.core.importing import run as r
    from custdesk.core.importing.keys import KeyMaker
    from custdesk.core.importing.mapping import map_headers
    from custdesk.core.importing.reading import read_table
    desk = new_desk(db)
    importer = Importer(desk, "customers")
    table = read_table(source)
    columns, _unknown = map_headers(table.headers, "customers")
    result = r.ImportResult("customers", source.name)
    # What Importer.run sets up before checking rows (private: the floor reuses the checks).
    importer._headers = {k: table.headers[i] for i, k in columns.items()}
    importer._units = {k: r.header_unit(table.headers[i]) for i, k in columns.items()
                       if importer.fields[k].type in ("money", "signed_money")}
    importer._keys = KeyMaker(parallel=False)
    with desk.writing():
        # Checked as the import checks them (their search keys come with them).
        files = [f for new, _u, _last in importer._check_customers(table.rows, columns, result)
                 for f, _contact in new]
        # Everything the import's write works out, worked out before the clock starts, by
        # the archive's own writer: ids and codes, the stored form of each row (ID numbers
        # and incomes vaulted above an internal file, sealed files sealed), name grams and
        # blind-index digests.
        prepared = desk.customers._writer.prepare(files)
    statements = {}
    for name, rows in prepared.stored.items():
        names = list(rows[0]) if rows else []
        statements[name] = (f"INSERT INTO main.{name} ({', '.join(names)}) "
                            f"VALUES ({', '.join('?' * len(names))})",
                            [[row[n] for n in names] for row in rows])
    grams = sorted(prepared.grams)
    conn = desk.db.conn
    started = time.perf_counter()
    with desk.writing(), r._large_cache(desk.db):      # the page cache the import uses
        for sql, rows in statements.values():
            if rows:
                conn.executemany(sql, rows)
        conn.executemany("INSERT OR IGNORE INTO name_grams (gram, customer_id) VALUES (?, ?)", grams)
        conn.executemany(blind_insert(), prepared.digests)
    seconds = time.perf_counter() - started
    desk.close()
    count = len(prepared.identities)
    return {"seconds": round(seconds, 2), "rows": count,
            "rows_per_s": round(count / seconds), "peak_rss_mib": round(peak_mib(), 1)}


def blind_insert() -> str:
    from custdesk.core.customers import blind
    return blind.INSERT


ROOT = Path(__file__).resolve().parents[1]


def child(mode: str, db: Path, source: Path) -> dict:
    out = subprocess.run([sys.executable, "-m", "benchmarks.importing", "--child", mode,
                          str(db), str(source)], capture_output=True, text=True, cwd=ROOT)
    if out.returncode:
        raise SystemExit(f"{mode} failed:\n{out.stderr}")
    return json.loads(out.stdout)


def run(folder: Path, rows: int, seed: int) -> dict:
    """Write the CSV in ``folder``, import it and insert its rows bare, each in a process."""
    source = folder / f"customers-{rows}-{seed}.csv"
    started = time.perf_counter()
    firm.write_import_csv(source, rows, seed)
    generated = time.perf_counter() - started
    for leftover in folder.glob("import.db*"):
        leftover.unlink()
    for leftover in folder.glob("floor.db*"):
        leftover.unlink()
    imported = child("import", folder / "import.db", source)
    floor = child("floor", folder / "floor.db", source)
    return {"rows": rows, "csv_mib": round(source.stat().st_size / 2 ** 20, 1),
            "csv_seconds": round(generated, 1), "import": imported, "floor": floor,
            "ratio": round(imported["seconds"] / floor["seconds"], 1) if floor["seconds"] else None,
            "target": {"seconds": TARGET_SECONDS, "peak_rss_mib": TARGET_MIB,
                       "ratio": TARGET_RATIO}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.importing",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=firm.SEED)
    parser.add_argument("--keep", type=Path, help="write the CSV and databases in this folder")
    parser.add_argument("--child", nargs=3, metavar=("MODE", "DB", "CSV"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        mode, db, source = args.child
        result = (run_import if mode == "import" else run_floor)(Path(db), Path(source))
        print(json.dumps(result))
        return 0
    folder = args.keep or Path(tempfile.mkdtemp(prefix="custdesk-bench-import-"))
    folder.mkdir(parents=True, exist_ok=True)
    result = run(folder, args.rows, args.seed)
    if not args.keep:
        import shutil
        shutil.rmtree(folder, ignore_errors=True)
    print(json.dumps({**result, "machine": machine()}, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

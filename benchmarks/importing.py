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
  values, already cleaned and keyed, prepared before the clock starts) into the same
  tables (customers, individuals, enterprises, name_grams) in one transaction, with the
  same page cache.

It prints JSON: seconds, rows per second and peak RSS of each (for the import also that of
its helper process, which works out the pinyin keys on the second core), the ratio
import/floor, and the machine. The target is under 20 s and under 500 MB for 100,000 rows.
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
TARGET_SECONDS, TARGET_MIB = 20, 500


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
    """The same rows, cleaned and keyed beforehand, inserted with bare executemany."""
    from custdesk.core.importing import Importer
    from custdesk.core.importing.mapping import map_headers
    from custdesk.core.importing.reading import read_table
    from custdesk.core.importing import run as r
    from custdesk.core.importing.keys import KeyMaker
    from custdesk.core.customers import search as s
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
    new, _updates = importer._check_customers(table.rows, columns, result)
    now, due = "2026-01-01T00:00:00Z", "2026-01-31"
    defaults = r._defaults(desk.db, "customers")
    bases, grams = [], []
    details = {"individual": [], "enterprise": []}
    for number, (kind, base, detail) in enumerate(new, 1):
        values = dict(zip(r._BASE, base))
        keys = desk.customers._search_keys(values["name"], values["phone"], kind)
        bases.append((number, f"C{number:06d}", *(defaults.get(k) if v is None else v
                                                  for k, v in values.items()),
                      "{}", now, ADMIN, now, *keys.values(), due))
        details[kind].append((number, *(v for v in detail)))
        grams.extend((g, number) for g in s.name_grams(keys["name_norm"]))
    details["individual"] = [(row[0], *(v if v is not None else ("resident_id" if k == "id_type" else None)
                                        for k, v in zip(r._DETAIL["individual"], row[1:])))
                             for row in details["individual"]]
    conn = desk.db.conn
    started = time.perf_counter()
    with desk.writing(), r._large_cache(desk.db):      # the page cache the import uses
        conn.executemany(f"INSERT INTO customers (id, code, {', '.join(r._BASE)}, overrides, created_at, "
                         "created_by, updated_at, name_norm, pinyin_initials, pinyin_full, phone_rev, "
                         f"next_review) VALUES ({', '.join('?' * (len(r._BASE) + 11))})", bases)
        for kind, rows in details.items():
            cols = r._DETAIL[kind]
            conn.executemany(f"INSERT INTO {r._TABLE[kind]} (customer_id, {', '.join(cols)}) "
                             f"VALUES ({', '.join('?' * (len(cols) + 1))})", rows)
        conn.executemany("INSERT OR IGNORE INTO name_grams (gram, customer_id) VALUES (?, ?)", grams)
    seconds = time.perf_counter() - started
    desk.close()
    return {"seconds": round(seconds, 2), "rows": len(bases),
            "rows_per_s": round(len(bases) / seconds), "peak_rss_mib": round(peak_mib(), 1)}


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
            "target": {"seconds": TARGET_SECONDS, "peak_rss_mib": TARGET_MIB}}


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

"""Workbook readers compared: openpyxl (read-only, streamed, as the importer reads) against
python-calamine, for speed on a large customer workbook and for safety on hostile ones.

    python -m benchmarks.xlsx_readers [--rows N] [--keep DIR]

Writes a workbook of N customer rows (default 100,000; the rows of ``firm.write_import_csv``),
a sheet declaring the dimension A1:XFD1048576, a sheet of two cells at A1 and XFD1048576
and a shared-strings bomb (160 MB of strings in a few hundred KB), then reads each with each reader in a process of its own under a
1.5 GiB address-space limit and a 120 s time limit, and prints JSON: seconds, peak RSS and
the outcome ("rows N", "refused: ...", "killed", "timeout").

Readers: ``importer`` is ``custdesk.core.importing.read_table`` (openpyxl's sheet parser
driven row by row, with the unpacked-size check first); ``openpyxl`` is plain
``load_workbook(read_only=True)`` + ``iter_rows``; ``calamine`` is
``python_calamine.load_workbook`` + ``iter_rows`` (when installed).
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from benchmarks import firm
from benchmarks.common import machine

ROOT = Path(__file__).resolve().parents[1]
LIMIT = 1536 * 2 ** 20
TIMEOUT = 120

_READ = {
    "importer": "from custdesk.core.importing import read_table\n"
                "t = read_table(PATH)\nn = sum(1 for _ in t.rows)",
    "openpyxl": "from openpyxl import load_workbook\n"
                "b = load_workbook(PATH, read_only=True, data_only=True)\n"
                "n = sum(1 for _ in b.active.iter_rows(values_only=True))",
    "calamine": "from python_calamine import load_workbook\n"
                "b = load_workbook(PATH)\n"
                "n = sum(1 for _ in b.get_sheet_by_index(0).iter_rows())",
}
_CHILD = """
import resource, sys, time, json
PATH = sys.argv[1]
started = time.perf_counter()
try:
{body}
    outcome = f"rows {{n}}"
except MemoryError:
    outcome = "MemoryError"
except Exception as exc:
    outcome = "refused: " + str(exc)[:120]
print(json.dumps({{"seconds": round(time.perf_counter() - started, 2), "outcome": outcome,
                  "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}}))
"""


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT, LIMIT))


def measure(reader: str, path: Path) -> dict:
    body = "\n".join("    " + line for line in _READ[reader].splitlines())
    try:
        out = subprocess.run([sys.executable, "-c", _CHILD.format(body=body), str(path)],
                             capture_output=True, text=True, timeout=TIMEOUT, preexec_fn=_limit,
                             cwd=ROOT)
    except subprocess.TimeoutExpired:
        return {"outcome": f"timeout (> {TIMEOUT} s)"}
    if out.returncode:
        return {"outcome": f"killed (exit {out.returncode})", "stderr": out.stderr[-200:]}
    return json.loads(out.stdout)


def customers_workbook(path: Path, rows: int) -> None:
    from openpyxl import Workbook
    source = path.with_suffix(".csv")
    firm.write_import_csv(source, rows)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("客户")
    with source.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.reader(handle):
            sheet.append(row)
    book.save(path)
    source.unlink()


def hostile_workbooks(folder: Path) -> dict[str, Path]:
    from tests.core.test_import_hostile import _TWO_ROWS, _NS, workbook

    def bomb(part):
        part.write(f"<sst {_NS}>".encode())
        item = b"<si><t>" + b"A" * 4000 + b"</t></si>"
        for _ in range(40_000):
            part.write(item)
        part.write(b"</sst>")
    far = _TWO_ROWS + '<row r="1048576"><c r="XFD1048576" t="s"><v>1</v></c></row>'
    return {"dimension A1:XFD1048576": workbook(folder / "dimension.xlsx", _TWO_ROWS,
                                                dimension="A1:XFD1048576"),
            "two cells, A1 and XFD1048576": workbook(folder / "far.xlsx", far),
            "sharedStrings bomb (160 MB)": workbook(folder / "strings.xlsx", _TWO_ROWS, strings=bomb)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.xlsx_readers",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--keep", type=Path)
    args = parser.parse_args(argv)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="custdesk-bench-xlsx-"))
    folder.mkdir(parents=True, exist_ok=True)
    big = folder / f"customers-{args.rows}.xlsx"
    if not big.exists():
        customers_workbook(big, args.rows)
    files = {f"{args.rows:,} customers ({big.stat().st_size / 2 ** 20:.1f} MB)": big,
             **hostile_workbooks(folder)}
    readers = [r for r in _READ if r != "calamine" or _has_calamine()]
    result = {name: {"packed_kib": round(path.stat().st_size / 1024, 1),
                     **{reader: measure(reader, path) for reader in readers}}
              for name, path in files.items()}
    if not args.keep:
        import shutil
        shutil.rmtree(folder, ignore_errors=True)
    print(json.dumps({"files": result, "limits": {"address_space_mib": LIMIT // 2 ** 20,
                                                  "seconds": TIMEOUT},
                      "machine": machine()}, ensure_ascii=False, indent=2))
    return 0


def _has_calamine() -> bool:
    try:
        import python_calamine  # noqa: F401
    except ImportError:
        return False
    return True


if __name__ == "__main__":
    sys.exit(main())

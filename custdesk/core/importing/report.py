"""The error report of an import: a CSV that Excel opens as it is (UTF-8 with a BOM)."""

from __future__ import annotations

import csv
import os
from pathlib import Path

from .. import i18n
from ..exporting import csv_cell
from .run import ImportResult

i18n.register({
    "import.report.row": ("行号", "row"),
    "import.report.column": ("列", "column"),
    "import.report.value": ("内容", "value"),
    "import.report.reason": ("原因", "reason"),
})

def default_report_path(source: Path | str) -> Path:
    """Where the report goes when no place is given: beside the file, ``FILE.errors.csv``."""
    source = Path(source)
    return source.with_name(source.name + ".errors.csv")


def write_error_report(result: ImportResult, path: Path | str) -> Path:
    """Write one line per problem: row (as in the file, header = 1), column, value
    (masked when sensitive) and the reason in the current language."""
    path = Path(path)
    with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w",
                   encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow([i18n.tr(f"import.report.{k}") for k in ("row", "column", "value", "reason")])
        for problem in result.problems:
            writer.writerow([problem.row, csv_cell(problem.column), csv_cell(problem.value),
                             problem.reason])
    return path

"""A hand-made scorecard and a history it grades with a known result: the scorecard reads
one number ``x`` and gives it a grade by range; in the history each grade holds 100 rows
with a chosen bad rate, B's below BB's, so B is out of order."""

from __future__ import annotations

import csv
from pathlib import Path

PROBE = "probe@1"
# grade -> (x that lands in it, bad rows of 100)
GRADE_ROWS = {"A": (70, 2), "BBB": (50, 5), "BB": (35, 30), "B": (20, 10), "C": (5, 50)}


def probe_source(limits: str) -> str:
    bins = ", ".join(f"{{ above = {above}, points = {points} }}"
                     for above, points in ((60, 70), (45, 50), (30, 35), (15, 20)))
    return f'''name = "probe"
version = 1
kind = "individual"
method = "fitted"
valid_months = 12
base_points = 0

[title]
zh = "探针评分卡"
en = "Probe card"

[scaling]
pdo = 10
anchor_score = 50
anchor_odds = 20

[grades]
A = 60
BBB = 45
BB = 30
B = 15
C = 0

[risk_levels]
AAA = "low"
AA = "low"
A = "low"
BBB = "medium"
BB = "medium"
B = "medium"
CCC = "high"
CC = "high"
C = "high"

[[factors]]
key = "x"
input = "x"
zh = "x"
en = "x"
max_points = 70
type = "number"
better = "higher"
bins = [{bins}]
else_points = 5
missing = "worst"

{limits}
'''


def save_probe(desk) -> str:
    """Save the probe scorecard (awaiting approval, as any manager's version)."""
    from custdesk.core.grading import fitting
    default = desk.grading.library.for_grading(kind="individual")
    desk.grading.library.save(probe_source(fitting.limits_table(default.source)))
    return PROBE


def write_history(path: Path, *, outcome: str = "违约", shift: int = 0) -> Path:
    """100 rows per grade (``shift`` moves rows from A to C, for a population that moved)."""
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["编号", "x", "渠道", outcome])
        n = 0
        for grade, (x, bad) in GRADE_ROWS.items():
            count = 100 - shift if grade == "A" else 100 + shift if grade == "C" else 100
            for i in range(count):
                n += 1
                writer.writerow([f"R{n:05d}", x + (i % 5) * 0.5, "门店" if i % 2 else "网上",
                                 "是" if i < bad * count // 100 else "否"])
    return path

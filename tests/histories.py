"""Synthetic histories of outcomes with a known truth, for the fitting and validation tests.

Each applicant's log-odds of going bad is a fixed function of a few characteristics
(numbers, categories and one the firm invents), some of them often missing, plus noise
no characteristic explains; the outcome is drawn from it with a seeded generator.
"""

from __future__ import annotations

import csv
import datetime
import math
import random
from pathlib import Path

HEADERS = ["申请编号", "申请日期", "monthly_income", "age", "debt_ratio", "housing", "渠道",
           "loan_purpose", "constant", "违约"]


def rows(n: int, seed: int = 1, shift: float = 0.0) -> list[list[str]]:
    """``n`` applicants; ``shift`` moves incomes (a later, different population)."""
    rng = random.Random(seed)
    out = []
    start = datetime.date(2022, 1, 1)
    for i in range(n):
        income = max(1500.0, rng.lognormvariate(math.log(9000 * (1 + shift)), 0.5))
        age = rng.randint(20, 65)
        debt = min(2.0, max(0.0, rng.gauss(0.45, 0.25)))
        housing = rng.choices(["own", "mortgage", "rent", "family"], [3, 3, 3, 1])[0]
        channel = rng.choices(["门店", "网上", "转介绍"], [4, 4, 2])[0]
        purpose = rng.choice(["car", "furniture", "education", "business", "other"])
        log_odds = (-1.2 - 1.1 * math.log(income / 9000) + 1.6 * (debt - 0.45)
                    - 0.025 * (age - 40) + {"own": -0.5, "mortgage": -0.2, "rent": 0.35,
                                            "family": 0.2}[housing]
                    + {"门店": 0.0, "网上": 0.45, "转介绍": -0.4}[channel]
                    + rng.gauss(0, 0.6))
        bad = rng.random() < 1 / (1 + math.exp(-log_odds))
        when = start + datetime.timedelta(days=int(i * 730 / n))
        income_text = "" if rng.random() < 0.12 else f"{income:,.0f}"    # often not given
        out.append([f"A{i:06d}", when.isoformat(), income_text, str(age), f"{debt:.3f}",
                    housing, channel, purpose, "x", "是" if bad else "否"])
    return out


def write(path: Path, n: int, seed: int = 1, shift: float = 0.0) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADERS)
        writer.writerows(rows(n, seed, shift))
    return path

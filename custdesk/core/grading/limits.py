"""Recommended credit limits, utilisation and credit hold (授信冻结).

The limit rule of a scorecard, per grade: the lesser of a cap and, for each
basis the rule names, a multiple of that basis (average monthly purchases from
us, equity, monthly income, net assets), rounded down. A basis the file does
not provide is left out of the comparison; when no basis is known the
recommendation is 0, because there is nothing to justify credit on. Grade C
always recommends 0.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from .. import i18n
from ..validation import format_money
from .scorecard import LimitRule

i18n.register({
    "hold.over_limit": ("超出授信额度", "over the credit limit"),
    "hold.expired": ("评级已过期", "grade expired"),
    "hold.label": ("授信冻结", "credit on hold"),
    "limit.no_basis": ("没有可用的额度基数", "no basis for a limit is known"),
})


@dataclass(frozen=True)
class Recommendation:
    amount: int                   # fen
    trace: str


def recommend(rule: LimitRule, grade: str, bases: dict) -> Recommendation:
    """The recommended limit for ``grade`` given ``bases`` (fen), with how it was reached."""
    terms = rule.grades[grade]
    cap = round(terms["cap"] * 100)
    if grade == "C" or cap == 0:
        return Recommendation(0, f"{grade}: 0")
    parts = [("cap", cap, f"cap {format_money(cap)}")]
    for basis in rule.bases:
        if bases.get(basis) is None:
            continue
        value = max(0, round(bases[basis] * terms[basis]))
        parts.append((basis, value, f"{terms[basis]:g} × {basis} {format_money(bases[basis])} = "
                                    f"{format_money(value)}"))
    if len(parts) == 1:
        return Recommendation(0, i18n.tr("limit.no_basis"))
    lowest = min(value for _, value, _ in parts)
    step = rule.round_to * 100
    amount = lowest // step * step
    return Recommendation(amount, f"min({'; '.join(text for _, _, text in parts)}) "
                                  f"→ {format_money(amount)} (rounded down to {rule.round_to:,} yuan)")


def utilisation(exposure: int, limit: int | None) -> float | None:
    """Exposure as a share of the approved limit; None without a limit, or when something
    is owed against a limit of 0 (not computable rather than infinite)."""
    if limit is None:
        return None
    if limit == 0:
        return 0.0 if exposure == 0 else None
    return exposure / limit


def hold_reasons(limit: int | None, exposure: int, valid_until: str | None,
                 today: datetime.date) -> list[str]:
    """Why a customer's credit is on hold (message keys); empty when it is not.

    An unrated customer (no approved limit) is not put on hold here: it has no
    credit to freeze, and the review reminders chase its first grading.
    """
    reasons = []
    if limit is not None and exposure > limit:
        reasons.append("hold.over_limit")
    if valid_until and valid_until < today.isoformat():
        reasons.append("hold.expired")
    return reasons

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
    "hold.review_overdue": ("复审逾期超过 {days} 天", "review overdue by more than {days} days"),
    "hold.label": ("授信冻结", "Credit on hold"),
    "limit.no_basis": ("没有可用的额度基数", "no basis for a limit is known"),
    # The words of a recommendation's trace (stored in English with the assessment; shown
    # in the reader's language by metrics.formula_text).
    "limit.f.cap": ("上限 {amount}", "cap {amount}"),
    "limit.f.rounded": ("（向下取整至 {step} 元）", " (rounded down to {step} yuan)"),
})


def _stored(key: str, **params) -> str:
    with i18n.using("en"):
        return i18n.tr(key, **params)


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
    parts = [("cap", cap, _stored("limit.f.cap", amount=format_money(cap)))]
    for basis in rule.bases:
        if bases.get(basis) is None:
            if basis in rule.optional:
                continue
            # Unknown and not optional: the worst it could be, so an omission never helps.
            parts.append((basis, 0, f"{basis} — → {format_money(0)}"))
            continue
        value = max(0, round(bases[basis] * terms[basis]))
        parts.append((basis, value, f"{terms[basis]:g} × {basis} {format_money(bases[basis])} = "
                                    f"{format_money(value)}"))
    if len(parts) == 1:
        return Recommendation(0, "limit.no_basis")     # a message key: shown in the reader's language
    lowest = min(value for _, value, _ in parts)
    step = rule.round_to * 100
    amount = lowest // step * step
    return Recommendation(amount, f"min({'; '.join(text for _, _, text in parts)}) "
                                  f"→ {format_money(amount)}"
                                  + _stored("limit.f.rounded", step=f"{rule.round_to:,}"))


def utilisation(exposure: int, limit: int | None) -> float | None:
    """Exposure as a share of the approved limit; None without a limit, or when something
    is owed against a limit of 0 (not computable rather than infinite)."""
    if limit is None:
        return None
    if limit == 0:
        return 0.0 if exposure == 0 else None
    return exposure / limit


def hold_reasons(limit: int | None, exposure: int, valid_until: str | None,
                 today: datetime.date, next_review: str | None = None,
                 hold_days: int = 30) -> list[str]:
    """Why a customer's credit is on hold (message keys); empty when it is not.

    On hold: exposure above the approved limit, or more than ``hold_days`` past a date
    that needs a person — the review's due date (until it is done) or the grade's last
    valid day (until a new grade is approved). One grace for both dates and every risk
    level: a 12-month grade ending the day its yearly review falls due holds on the same
    day as the review would. An unrated customer with its first review not yet overdue
    has no credit to freeze.
    """
    reasons = []
    if limit is not None and exposure > limit:
        reasons.append("hold.over_limit")
    if valid_until and past_grace(valid_until, today, hold_days):
        reasons.append("hold.expired")
    if next_review and past_grace(next_review, today, hold_days):
        reasons.append("hold.review_overdue")
    return reasons


def past_grace(day: str, today: datetime.date, hold_days: int) -> bool:
    """Whether ``today`` is more than ``hold_days`` after ``day`` (a review's due date, a
    grade's last valid day): the credit-hold rule for both."""
    return review_holds((today - datetime.date.fromisoformat(day)).days, hold_days)


def review_holds(overdue_days: int, hold_days: int) -> bool:
    """A review overdue by more than ``hold_days`` puts the file's credit on hold."""
    return overdue_days > hold_days


def hold_text(reasons: list[str], hold_days: int = 30) -> str:
    """The reasons as one line in the user's language."""
    sep = "、" if i18n.language() == "zh" else "; "
    return sep.join(i18n.tr(r, days=hold_days) if r == "hold.review_overdue" else i18n.tr(r)
                    for r in reasons)

"""Guarantees and collateral (担保与抵押): how much of a file's credit they cover.

Pure functions over the file's ``collateral`` rows (money in fen); the warning rules
(``warnings.RULES``: collateral_expiry, collateral_shortfall) compute the same figures
in SQL, and a test holds the two together.

**Effective cover** of one item: its value less its haircut (折扣率, percent of the
value; none stated is 0), in whole fen, rounded down item by item:
``value × (100 − haircut) // 100``; and never more than the amount the item states it
secures: a house worth ¥1,000,000 mortgaged for ¥200,000 of the debt covers ¥200,000 of
it, and its surplus stands behind no other part of the credit. The file's cover on a
day is the sum over the items **in force** that day: an item counts up to and including
its expiry date (``expires_on >= as_of``); one without an expiry date always counts. An
item whose expiry date has passed covers nothing.

**Amount secured** (担保债权): the sum of the amounts the items in force state they
secure; when none of them states one, the file's credit limit. Why the limit: a
guarantee or mortgage given for "the customer's debts to us" without an amount is a
guarantee of the credit line (综合授信担保), and the limit is the most the customer may
owe at any time. The exposure is not used: it moves every day, and an undrawn line would
look fully covered by the smallest deposit while it may be drawn tomorrow. An item
securing only part of the credit says so with its amount secured. With neither a stated
amount nor a limit (a new file before its first grading), the amount secured is unknown.

**Shortfall**: the amount secured less the cover, never below 0 (unknown with the amount).

**The secured part of the limit** (``Grading.credit``): the cover counted against the
limit, at most the limit; the rest of the limit is unsecured.

**The scorecard's answer** (``derived_answer``), made only for a file that has
collateral records (without any, the assessor answers as before):

- enterprise, factor ``collateral``: the cover reaches the amount secured → ``secured``
  (足额); some cover short of it, or the amount secured unknown → ``partial``; no cover
  in force → ``unsecured``.
- individual, factor ``guarantor``: the cover reaches the amount secured → ``strong``
  (有稳定收入的担保人: the program cannot see a guarantor's income, so it asks that what
  is pledged behind the person covers the whole debt); some cover short of it, or a
  guarantee in force whatever its value → ``some``; no cover in force and no guarantee
  in force → ``none``.

An answer the assessor gives explicitly wins; the derived one is recorded beside it in
the assessment's detail (``derived``), with the figures it was made from.

**Validation** (``check_record``): the haircut is 0–100; the valuation date is not in
the future; the expiry date comes after the valuation date.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from .. import clock, i18n
from ..errors import FieldError, ValidationError

EXPIRING_DAYS = 30

i18n.register({
    "collateral.haircut_range": ("折扣率应在 0 到 100 之间（百分比）",
                                 "the haircut is a percentage from 0 to 100"),
    "collateral.valued_future": ("评估日期不能晚于今天（{today}）",
                                 "the valuation date cannot be after today ({today})"),
    "collateral.expiry_order": ("到期日应晚于评估日期（{valued_on}）",
                                "the expiry date must come after the valuation date ({valued_on})"),
    # How a scorecard answer was read from the records (the assessment's detail keeps the
    # figures; these read them in the reader's language).
    "collateral.derived": ("按担保与抵押记录得出：{line}", "From the collateral records: {line}"),
    "collateral.overridden": ("评估人选择了此项；按担保与抵押记录应为“{answer}”：{line}",
                              "The assessor's answer; the collateral records say “{answer}”: "
                              "{line}"),
    "collateral.line.stated": ("在押 {count} 项，有效担保 {cover}，担保债权 {secured}（各项约定之和）",
                               "items in force: {count}, effective cover {cover}, amount "
                               "secured {secured} (as the items state)"),
    "collateral.line.limit": ("在押 {count} 项，有效担保 {cover}，担保债权 {secured}（未约定，按授信额度）",
                              "items in force: {count}, effective cover {cover}, amount "
                              "secured {secured} (none stated: the credit limit)"),
    "collateral.line.unknown": ("在押 {count} 项，有效担保 {cover}，担保债权未约定且尚无授信额度",
                                "items in force: {count}, effective cover {cover}; no "
                                "amount secured stated and no credit limit yet"),
    "collateral.line.expired": ("；已到期 {count} 项不计", "; expired, not counted: {count}"),
})


@dataclass(frozen=True)
class Cover:
    """What a file's collateral covers on ``as_of`` (money in fen)."""
    as_of: str
    items: int                    # records on file
    cover: int                    # effective cover of the items in force
    secured: int | None           # the amount secured (``basis`` says where it came from)
    basis: str                    # "stated", "limit" or "unknown"
    shortfall: int | None         # max(0, secured - cover); None when secured is unknown
    in_force: list = field(default_factory=list)     # rows counted, each with its "cover"
    expired: list = field(default_factory=list)      # rows whose expiry date has passed
    expiring: list = field(default_factory=list)     # in force, expiring within 30 days
    guarantee: bool = False       # a guarantee (保证担保) is among the items in force

    @property
    def full(self) -> bool:
        """The cover reaches the amount secured (known, and above 0)."""
        return self.secured is not None and self.cover > 0 and self.cover >= self.secured

    def secured_part(self, limit: int | None) -> tuple[int | None, int | None]:
        """(secured, unsecured) parts of ``limit``: the cover counted against it, at most
        the limit, and the rest. (None, None) without a limit."""
        if limit is None:
            return None, None
        secured = min(self.cover, max(limit, 0))
        return secured, max(limit, 0) - secured


def item_cover(row: dict) -> int:
    """One item's effective cover: its value less its haircut, rounded down to the fen, at
    most the amount it secures when it states one."""
    value = row.get("value") or 0
    haircut = row.get("haircut") or 0
    cover = value * (100 - haircut) // 100
    stated = row.get("secured_amount")
    return cover if stated is None else min(cover, stated)


def in_force(row: dict, as_of: str) -> bool:
    """Whether an item still covers on ``as_of`` (it does on its expiry day itself)."""
    return not row.get("expires_on") or row["expires_on"] >= as_of


def cover(rows: list[dict], as_of: datetime.date | str, limit: int | None = None) -> Cover:
    """The file's cover on ``as_of`` from its collateral rows (raw, unmasked) and its credit
    limit (fen, None when it has none): see the module's rules."""
    day = as_of if isinstance(as_of, str) else as_of.isoformat()
    soon = (datetime.date.fromisoformat(day) + datetime.timedelta(days=EXPIRING_DAYS)).isoformat()
    counted, expired, expiring = [], [], []
    for row in rows:
        if in_force(row, day):
            counted.append({**row, "cover": item_cover(row)})
            if row.get("expires_on") and row["expires_on"] <= soon:
                expiring.append(counted[-1])
        else:
            expired.append(row)
    total = sum(r["cover"] for r in counted)
    stated = [r["secured_amount"] for r in counted if r.get("secured_amount") is not None]
    if stated:
        secured, basis = sum(stated), "stated"
    elif limit is not None:
        secured, basis = limit, "limit"
    else:
        secured, basis = None, "unknown"
    return Cover(day, len(rows), total, secured, basis,
                 None if secured is None else max(0, secured - total), counted, expired,
                 expiring, any(r.get("kind") == "guarantee" for r in counted))


# -- the scorecard's answer ---------------------------------------------------------------
ANSWER_KEYS = {"enterprise": "collateral", "individual": "guarantor"}


def derived_answer(kind: str, found: Cover) -> tuple[str, str] | None:
    """(factor key, answer) the records give for a file of ``kind``; None without records."""
    if not found.items or kind not in ANSWER_KEYS:
        return None
    if kind == "enterprise":
        value = "secured" if found.full else "partial" if found.cover > 0 else "unsecured"
    else:
        value = "strong" if found.full else \
            "some" if found.cover > 0 or found.guarantee else "none"
    return ANSWER_KEYS[kind], value


def derivation(kind: str, found: Cover, given: dict) -> dict:
    """What an assessment's detail keeps of the derived answer: {factor key: {value, used,
    and the figures}}; empty without records. ``used``: the assessor gave no answer of
    their own, so the derived one was scored."""
    made = derived_answer(kind, found)
    if made is None:
        return {}
    key, value = made
    return {key: {"value": value, "used": given.get(key) in (None, ""),
                  "count": len(found.in_force), "expired": len(found.expired),
                  "cover": found.cover, "secured": found.secured, "basis": found.basis}}


def derivation_text(derived: dict, answer_label: str | None = None) -> str:
    """A derived answer's figures as one line in the reader's language; with
    ``answer_label`` (the assessor answered otherwise) it says what the records gave."""
    from ..validation import format_money
    secured = derived.get("secured")
    line = i18n.tr(f"collateral.line.{derived.get('basis', 'unknown')}",
                   count=derived.get("count", 0), cover=format_money(derived.get("cover") or 0),
                   secured=format_money(secured) if isinstance(secured, int) else "—")
    if derived.get("expired"):
        line += i18n.tr("collateral.line.expired", count=derived["expired"])
    if derived.get("used", True):
        return i18n.tr("collateral.derived", line=line)
    return i18n.tr("collateral.overridden", answer=answer_label or derived.get("value", ""),
                   line=line)


# -- validation ---------------------------------------------------------------------------
def check_record(values: dict) -> None:
    """A collateral record as it would be stored (the current row with the changes)."""
    errors = []
    haircut = values.get("haircut")
    if haircut is not None and not 0 <= haircut <= 100:
        errors.append(FieldError("haircut", "collateral.haircut_range"))
    today = clock.today().isoformat()
    valued_on, expires_on = values.get("valued_on"), values.get("expires_on")
    if valued_on and valued_on > today:
        errors.append(FieldError("valued_on", "collateral.valued_future", {"today": today}))
    if valued_on and expires_on and expires_on <= valued_on:
        errors.append(FieldError("expires_on", "collateral.expiry_order",
                                 {"valued_on": valued_on}))
    if errors:
        raise ValidationError(errors)

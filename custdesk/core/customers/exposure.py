"""Receivables of one customer: open invoices, exposure and ageing (read-only).

Pure functions over the rows of ``desk.records.raw(code, "transactions")``
(money in integer fen, dates ISO text). Payments that name an invoice in
``invoice_ref`` settle that invoice first; whatever is left of them, and
payments naming no (or an unknown) invoice, settle the oldest open invoices.
A payment beyond every invoice leaves an unapplied credit.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

BUCKETS = ("0-30", "31-60", "61-90", "90+")


@dataclass(frozen=True)
class OpenInvoice:
    id: int | None
    ref_no: str | None
    occurred_on: str
    due_date: str              # the invoice date when no due date was recorded
    amount: int
    open: int                  # what is still owed, in fen


@dataclass(frozen=True)
class Exposure:
    open_invoices: tuple[OpenInvoice, ...]
    exposure: int              # sum of open balances, in fen
    unapplied: int             # payments beyond every invoice, in fen
    ageing: dict               # bucket -> open fen, every bucket present


def _key(ref) -> str:
    return str(ref).strip().upper() if ref not in (None, "") else ""


def _settle(rows: list[dict]) -> tuple[list[dict], int]:
    invoices = sorted((dict(r) for r in rows if r.get("kind") == "invoice"),
                      key=lambda r: (r.get("occurred_on") or "", r.get("id") or 0))
    for inv in invoices:
        inv["open"] = int(inv.get("amount") or 0)
    payments = sorted((r for r in rows if r.get("kind") == "payment"),
                      key=lambda r: (r.get("occurred_on") or "", r.get("id") or 0))
    by_ref: dict[str, list[dict]] = {}
    for inv in invoices:
        if _key(inv.get("ref_no")):
            by_ref.setdefault(_key(inv.get("ref_no")), []).append(inv)
    leftovers = []
    for pay in payments:  # first pass: each payment settles the invoice it names
        left = int(pay.get("amount") or 0)
        for inv in by_ref.get(_key(pay.get("invoice_ref")), []):
            take = min(left, inv["open"])
            inv["open"] -= take
            left -= take
        leftovers.append(left)
    unapplied = 0
    for left in leftovers:  # second pass: the rest settles the oldest invoices
        for inv in invoices:
            if left <= 0:
                break
            take = min(left, inv["open"])
            inv["open"] -= take
            left -= take
        unapplied += left
    return invoices, unapplied


def open_invoices(rows: list[dict]) -> list[OpenInvoice]:
    """Invoices with something still owed, oldest first."""
    invoices, _ = _settle(rows)
    return [OpenInvoice(inv.get("id"), inv.get("ref_no"), inv.get("occurred_on") or "",
                        inv.get("due_date") or inv.get("occurred_on") or "",
                        int(inv.get("amount") or 0), inv["open"])
            for inv in invoices if inv["open"] > 0]


def bucket(days_past_due: int) -> str:
    """The ageing bucket of an amount so many days past due (negative: not yet due)."""
    if days_past_due <= 30:
        return "0-30"
    if days_past_due <= 60:
        return "31-60"
    if days_past_due <= 90:
        return "61-90"
    return "90+"


def ageing(rows: list[dict], as_of: datetime.date) -> dict[str, int]:
    """Open amounts by days past due on ``as_of``: every bucket, in BUCKETS order."""
    out = dict.fromkeys(BUCKETS, 0)
    for inv in open_invoices(rows):
        days = (as_of - datetime.date.fromisoformat(inv.due_date)).days
        out[bucket(days)] += inv.open
    return out


def exposure(rows: list[dict]) -> int:
    """What the customer still owes: the sum of open invoice balances, in fen."""
    return sum(inv.open for inv in open_invoices(rows))


def oldest_open_due(rows: list[dict]) -> str | None:
    """The due date of the oldest invoice still (partly) open: where overdue days count from."""
    return min((inv.due_date for inv in open_invoices(rows)), default=None)


def summary(rows: list[dict], as_of: datetime.date) -> Exposure:
    _, unapplied = _settle(rows)
    opened = open_invoices(rows)
    return Exposure(tuple(opened), sum(i.open for i in opened), unapplied, ageing(rows, as_of))

"""Receivables: invoices minus payments, exposure and ageing buckets (pure functions)."""

from __future__ import annotations

import datetime

from custdesk.core.customers import exposure as ex


def inv(id, ref, on, due, amount):
    return {"id": id, "kind": "invoice", "ref_no": ref, "occurred_on": on, "due_date": due,
            "amount": amount, "invoice_ref": None}


def pay(id, on, amount, ref=None):
    return {"id": id, "kind": "payment", "ref_no": None, "occurred_on": on, "due_date": None,
            "amount": amount, "invoice_ref": ref}


AS_OF = datetime.date(2025, 6, 30)


def test_nothing_owed_without_invoices():
    assert ex.exposure([]) == 0
    assert ex.ageing([], AS_OF) == {"0-30": 0, "31-60": 0, "61-90": 0, "90+": 0}
    assert ex.summary([pay(1, "2025-01-01", 500)], AS_OF).unapplied == 500


def test_referenced_payment_settles_its_invoice_first():
    rows = [inv(1, "A", "2025-01-01", "2025-01-31", 1000),
            inv(2, "B", "2025-02-01", "2025-03-03", 2000),
            pay(3, "2025-03-01", 2000, ref="b")]
    opened = ex.open_invoices(rows)
    assert [(i.ref_no, i.open) for i in opened] == [("A", 1000)]


def test_unreferenced_and_leftover_payments_settle_oldest_first():
    rows = [inv(1, "A", "2025-01-01", "2025-01-31", 1000),
            inv(2, "B", "2025-02-01", "2025-03-03", 2000),
            inv(3, "C", "2025-03-01", "2025-03-31", 3000),
            pay(4, "2025-03-10", 2500, ref="B"),   # 2000 to B, 500 left for A
            pay(5, "2025-04-01", 700)]             # 500 to A, 200 to C
    assert [(i.ref_no, i.open) for i in ex.open_invoices(rows)] == [("C", 2800)]
    assert ex.exposure(rows) == 2800


def test_unknown_reference_falls_back_to_oldest():
    rows = [inv(1, "A", "2025-01-01", None, 1000), pay(2, "2025-01-05", 400, ref="NOPE")]
    assert ex.exposure(rows) == 600
    assert ex.open_invoices(rows)[0].due_date == "2025-01-01"  # no due date: the invoice date


def test_overpayment_leaves_unapplied_credit_not_negative_exposure():
    rows = [inv(1, "A", "2025-01-01", "2025-01-31", 1000), pay(2, "2025-01-05", 1500, ref="A")]
    result = ex.summary(rows, AS_OF)
    assert result.exposure == 0 and result.unapplied == 500 and result.open_invoices == ()


def test_ageing_buckets_by_days_past_due():
    rows = [inv(1, "NOTDUE", "2025-06-20", "2025-07-20", 100),   # not yet due
            inv(2, "D30", "2025-05-01", "2025-05-31", 200),      # 30 days
            inv(3, "D31", "2025-04-30", "2025-05-30", 300),      # 31 days
            inv(4, "D60", "2025-04-01", "2025-05-01", 400),      # 60 days
            inv(5, "D61", "2025-03-31", "2025-04-30", 500),      # 61 days
            inv(6, "D90", "2025-03-02", "2025-04-01", 600),      # 90 days
            inv(7, "D91", "2025-03-01", "2025-03-31", 700)]      # 91 days
    assert ex.ageing(rows, AS_OF) == {"0-30": 300, "31-60": 700, "61-90": 1100, "90+": 700}
    assert ex.exposure(rows) == sum(ex.ageing(rows, AS_OF).values())


def test_partly_paid_invoice_ages_its_open_part_only():
    rows = [inv(1, "A", "2025-01-01", "2025-01-31", 10_000), pay(2, "2025-02-10", 2_500, ref="A")]
    assert ex.ageing(rows, AS_OF)["90+"] == 7_500

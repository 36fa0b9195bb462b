"""Saves the window makes of several parts are one core call and one transaction each: the
statement grid's periods (all stored or none) and the review settings (policy, rule
switches and a run of the rules together)."""

from __future__ import annotations

import pytest

from custdesk.core.customers.records import StatementsRefused
from custdesk.core.errors import ValidationError


@pytest.fixture
def code(desk):
    return desk.customers.add({"kind": "enterprise", "name": "上海恒泰贸易有限公司",
                               "credit_code": "91350100M000100Y43"}).code


def _periods(desk, code):
    return [p for (p,) in desk.db.execute(
        "SELECT period FROM financial_statements f JOIN customers c ON c.id = f.customer_id "
        "WHERE c.code = ? ORDER BY period", [code])]


def test_statements_are_saved_together(desk, code):
    changes = desk.records.save_statements(code, [
        ("2023", None, {"period": "2023", "revenue": "100000", "total_assets": "500000"}),
        ("2024", None, {"period": "2024", "revenue": "120000", "total_assets": "520000"})])
    assert _periods(desk, code) == ["2023", "2024"] and "records" in changes
    (first,) = desk.db.execute("SELECT id FROM financial_statements WHERE period = '2023'").fetchone()
    desk.records.save_statements(code, [("2023", first, {"revenue": "110000"})])
    assert desk.db.execute("SELECT revenue FROM financial_statements WHERE id = ?",
                           [first]).fetchone()[0] == 11_000_000          # fen


def test_one_refused_statement_stores_none_and_names_its_period(desk, code):
    entries = desk.db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    with pytest.raises(StatementsRefused) as info:
        desk.records.save_statements(code, [
            ("2023", None, {"period": "2023", "revenue": "100000"}),
            ("2024", None, {"period": "2024", "revenue": "不是金额"})])
    assert set(info.value.by_period) == {"2024"} and "2024" in str(info.value)
    assert isinstance(info.value, ValidationError)
    assert _periods(desk, code) == []
    assert desk.db.execute("SELECT count(*) FROM audit_log").fetchone()[0] == entries
    assert desk.audit.verify().ok


def test_review_settings_are_saved_in_one_transaction(desk, monkeypatch):
    rules = [r.key for r in desk.warnings.enabled_rules()]
    assert rules
    before = desk.reviews.policy()
    # A cycle out of range: refused, and the rule switched off with it is not switched off.
    with pytest.raises(ValidationError):
        desk.reviews.save_settings({"review.cycle.high": "0"}, {rules[0]: False})
    assert rules[0] in {r.key for r in desk.warnings.enabled_rules()}
    assert desk.reviews.policy() == before
    # The last step failing takes the policy and the switches back with it.
    def broken(*args, **kwargs):
        raise RuntimeError("规则运行失败")
    with monkeypatch.context() as patch:
        patch.setattr(desk.warnings, "evaluate", broken)
        with pytest.raises(RuntimeError):
            desk.reviews.save_settings({"review.cycle.high": "3"}, {rules[0]: False})
    assert desk.reviews.policy() == before
    assert rules[0] in {r.key for r in desk.warnings.enabled_rules()}
    changes = desk.reviews.save_settings({"review.cycle.high": "3"}, {rules[0]: False})
    assert {"settings", "customers", "warnings"} <= changes.areas
    assert desk.reviews.policy().cycles["high"] == 3
    assert rules[0] not in {r.key for r in desk.warnings.enabled_rules()}

"""Warning rules at their edges, de-duplication, escalation, handling, triggered reviews."""

from __future__ import annotations

import json

import datetime

import pytest

from custdesk.core import clock, i18n
from custdesk.core.errors import NotFound, AccessDenied, Conflict, ValidationError
from custdesk.core.warnings import item_facts_text

STATEMENT = {"period": "2025", "revenue": "5000000", "net_profit": "400000", "ebit": "600000",
             "total_assets": "8000000", "current_assets": "3000000", "total_liabilities": "4000000",
             "current_liabilities": "2000000", "equity": "4000000", "retained_earnings": "1500000"}
TODAY = datetime.date(2026, 8, 31)


@pytest.fixture(autouse=True)
def _today():
    clock.set_fixed(datetime.datetime(2026, 8, 31, 10, tzinfo=datetime.timezone.utc))


@pytest.fixture
def firm(desk) -> str:
    code = desk.customers.add({"name": "杭州测试机械有限公司", "kind": "enterprise",
                               "founding_date": "2010-05-01"}).code
    desk.records.add(code, "financials", STATEMENT)
    return code


def rules(desk, code: str, as_of: datetime.date = TODAY) -> dict:
    """rule -> severity that the rules find for one file on ``as_of`` (nothing written)."""
    cid = desk.db.execute("SELECT id FROM customers WHERE code = ?", [code]).fetchone()[0]
    return {c["rule"]: c["severity"] for c in desk.warnings.candidates(as_of, [cid])}


def approve(open_as, code: str, limit: str, reason: str = "测试额度") -> int:
    boss, reviewer = open_as("boss"), open_as("reviewer")
    new_id = boss.grading.assess(code).id
    boss.grading.submit(new_id, missing_reason="资料待补")
    reviewer.grading.approve(new_id, limit, reason)
    return new_id


@pytest.mark.parametrize("days_late, severity", [(30, None), (31, "yellow"), (60, "yellow"),
                                                 (61, "orange"), (90, "orange"), (91, "red")])
def test_payment_overdue_edges(desk, firm, days_late, severity):
    due = TODAY - datetime.timedelta(days=days_late)
    desk.records.add(firm, "transactions", {"kind": "invoice", "ref_no": "F1", "amount": "100",
                                            "occurred_on": (due - datetime.timedelta(days=30)).isoformat(),
                                            "due_date": due.isoformat()})
    assert rules(desk, firm).get("payment_overdue") == severity


def test_a_paid_invoice_is_not_overdue(desk, firm):
    desk.records.add(firm, "transactions", {"kind": "invoice", "ref_no": "F1", "amount": "100",
                                            "occurred_on": "2026-01-01", "due_date": "2026-02-01"})
    desk.records.add(firm, "transactions", {"kind": "payment", "amount": "100",
                                            "occurred_on": "2026-03-01", "invoice_ref": "F1"})
    assert "payment_overdue" not in rules(desk, firm)


@pytest.mark.parametrize("owed, severity", [("90000", None), ("90000.01", "orange"),
                                            ("100000", "orange"), ("100000.01", "red")])
def test_utilisation_edges(open_as, firm, owed, severity):
    desk = open_as("boss")
    approve(open_as, firm, "100000")
    desk.records.add(firm, "transactions", {"kind": "invoice", "amount": owed,
                                            "occurred_on": "2026-08-30", "due_date": "2026-10-30"})
    assert rules(desk, firm).get("limit_utilisation") == severity


@pytest.mark.parametrize("claim, severity", [("20000", "orange"), ("20000.01", "red")])
def test_litigation_red_above_a_fifth_of_the_limit(open_as, firm, claim, severity):
    desk = open_as("boss")
    approve(open_as, firm, "100000")
    desk.records.add(firm, "litigation", {"case_no": "(2026)浙0106民初123号", "role": "defendant",
                                          "amount": claim, "filed_on": "2026-08-01", "status": "open"})
    assert rules(desk, firm)["litigation"] == severity


def test_three_complaints_within_90_days(desk, firm):
    for day in ("2026-06-03", "2026-07-01"):
        desk.records.add(firm, "complaints", {"received_on": day, "subject": "发货延迟"})
    desk.records.add(firm, "complaints", {"received_on": "2026-06-02", "subject": "发票错误"})
    assert "complaints" not in rules(desk, firm)       # 2026-06-02 is 90 days back: outside
    desk.records.add(firm, "complaints", {"received_on": "2026-08-30", "subject": "质量问题"})
    assert rules(desk, firm)["complaints"] == "yellow"


@pytest.mark.parametrize("expires, severity", [("2026-10-01", None), ("2026-09-30", "yellow"),
                                               ("2026-08-31", "yellow"), ("2026-08-30", "orange")])
def test_licence_expiry_edges(desk, firm, expires, severity):
    desk.records.add(firm, "licences", {"name": "食品经营许可证", "expires_on": expires})
    assert rules(desk, firm).get("document_expiry") == severity


def test_required_documents_for_active_files(desk, firm):
    assert "documents_missing" not in rules(desk, firm)          # a prospect
    desk.customers.edit(firm, {"status": "active"})
    assert rules(desk, firm)["documents_missing"] == "yellow"
    desk.documents.add(firm, "执照.pdf", b"%PDF-1.4 test", "business_licence")
    assert "documents_missing" not in rules(desk, firm)


def test_downgrade_of_two_notches(open_as, firm):
    desk = open_as("boss")
    first = approve(open_as, firm, "30000")
    grade = desk.grading.get(first)["grade"]
    assert "downgrade" not in rules(desk, firm)
    second = desk.grading.assess(firm, adjust=-2, reason="担保人撤保").id
    desk.grading.submit(second, missing_reason="资料待补")
    open_as("reviewer").grading.approve(second)
    found = [w for w in desk.warnings.list(open_only=True) if w["rule"] == "downgrade"]
    assert [(w["severity"], w["facts"]) for w in found] == \
        [("orange", {"from": grade, "to": desk.grading.get(second)["grade"]})]


@pytest.mark.parametrize("late, severity", [(30, None), (31, "red")])
def test_review_overdue_edges(desk, late, severity):
    code = desk.customers.add({"name": "张伟", "kind": "individual"}).code
    due = desk.reviews.due(30)[0]["due_date"]                   # unrated: 30 days after opening
    as_of = datetime.date.fromisoformat(due) + datetime.timedelta(days=late)
    assert rules(desk, code, as_of).get("review_overdue") == severity


def test_one_open_warning_per_rule_escalation_and_episodes(desk, firm):
    desk.records.add(firm, "transactions", {"kind": "invoice", "ref_no": "F1", "amount": "100",
                                            "occurred_on": "2026-06-15", "due_date": "2026-07-15"})
    assert [(w["rule"], w["severity"]) for w in desk.warnings.list()] == [("payment_overdue", "yellow")]
    assert desk.warnings.evaluate() == []                       # nothing new: no duplicate
    changes = desk.warnings.evaluate(datetime.date(2026, 9, 15))
    assert [(c["rule"], c["severity"], c["escalated_from"]) for c in changes] == \
        [("payment_overdue", "orange", "yellow")]
    (warning,) = desk.warnings.list()
    assert warning["severity"] == "orange"
    assert [a["action"] for a in desk.warnings.actions(warning["id"])] == ["escalate"]
    desk.warnings.handle(warning["id"], "已电话催收，客户承诺本周付款", action="close")
    assert desk.warnings.evaluate(datetime.date(2026, 9, 20)) == []    # same episode: stays closed
    raised = desk.warnings.evaluate(datetime.date(2026, 10, 15))        # worse: a new episode
    assert [(c["rule"], c["severity"], c["id"] is not None) for c in raised] == \
        [("payment_overdue", "red", True)]
    assert [w["rule"] for w in desk.warnings.list(open_only=True)] == ["payment_overdue"]


def test_life_cycle_and_refusals(open_as, firm):
    boss, auditor = open_as("boss"), open_as("auditor")
    boss.records.add(firm, "transactions", {"kind": "invoice", "ref_no": "F1", "amount": "100",
                                            "occurred_on": "2026-06-01", "due_date": "2026-07-01"})
    (warning,) = boss.warnings.list()
    with pytest.raises(AccessDenied):
        auditor.warnings.handle(warning["id"], "看到了", action="acknowledge")
    boss.warnings.handle(warning["id"], "", action="acknowledge")
    with pytest.raises(ValidationError):
        boss.warnings.handle(warning["id"], "  ", action="action")
    with pytest.raises(ValidationError):
        boss.warnings.handle(warning["id"], "", action="close")
    boss.warnings.handle(warning["id"], "已发催款函")
    assert boss.warnings.list()[0]["status"] == "actioned"
    boss.warnings.handle(warning["id"], "款已收回", action="close")
    closed = boss.warnings.list()[0]
    assert (closed["status"], closed["close_note"], closed["closed_by"]) == ("closed", "款已收回", "boss")
    with pytest.raises(Conflict):
        boss.warnings.handle(warning["id"], "再关一次", action="close")
    assert [a["action"] for a in boss.warnings.actions(warning["id"])] == \
        ["acknowledge", "action", "close"]
    assert boss.audit.verify().ok


def test_a_red_warning_brings_the_review_forward_and_holds_credit(open_as, firm):
    boss = open_as("boss")
    approve(open_as, firm, "100000")
    boss.records.add(firm, "transactions", {"kind": "invoice", "amount": "150000",
                                            "occurred_on": "2026-08-30", "due_date": "2026-10-30"})
    (warning,) = [w for w in boss.warnings.list() if w["rule"] == "limit_utilisation"]
    assert warning["severity"] == "red"
    row = boss.reviews.due(7)[0]
    assert (row["code"], row["due_date"], row["reason"]) == (firm, "2026-09-07", "triggered")
    assert boss.grading.credit(firm)["hold_reasons"] == ["hold.over_limit"]


def test_switched_off_rules_stay_silent_and_preview_writes_nothing(open_as, firm):
    boss = open_as("boss")
    boss.settings.set("warning.payment_overdue.enabled", "0")
    boss.records.add(firm, "transactions", {"kind": "invoice", "ref_no": "F1", "amount": "100",
                                            "occurred_on": "2026-06-01", "due_date": "2026-07-01"})
    assert boss.warnings.list() == []
    boss.settings.set("warning.payment_overdue.enabled", "1")
    before = boss.db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    preview = boss.warnings.preview(datetime.date(2026, 12, 1))
    assert {(p["rule"], p["severity"], p["status"]) for p in preview} == \
        {("payment_overdue", "red", "new"), ("review_overdue", "red", "new")}
    assert boss.db.execute("SELECT count(*) FROM audit_log").fetchone()[0] == before
    assert boss.warnings.list() == []


def test_hidden_files_warnings_stay_hidden(open_as):
    boss, clerk = open_as("boss"), open_as("clerk")
    code = boss.customers.add({"name": "秘密客户", "kind": "enterprise", "level": "confidential"}).code
    boss.records.add(code, "transactions", {"kind": "invoice", "amount": "100",
                                            "occurred_on": "2026-06-01", "due_date": "2026-07-01"})
    (warning,) = boss.warnings.list()
    assert clerk.warnings.list() == [] and clerk.warnings.preview(TODAY) == []
    # Handling it answers as for a warning that does not exist: nothing names the file.
    with pytest.raises(NotFound) as hidden:
        clerk.warnings.handle(warning["id"], "处理", action="action")
    with pytest.raises(NotFound) as absent:
        clerk.warnings.handle(warning["id"] + 1000, "处理", action="action")
    assert str(hidden.value).replace(str(warning["id"]), "N") == \
        str(absent.value).replace(str(warning["id"] + 1000), "N")
    assert code not in str(hidden.value)


def test_the_first_login_of_a_day_checks_every_file(open_as, firm, db_path):
    boss = open_as("boss")
    boss.records.add(firm, "transactions", {"kind": "invoice", "ref_no": "F1", "amount": "100",
                                            "occurred_on": "2026-08-01", "due_date": "2026-08-30"})
    assert boss.warnings.list() == []                   # one day late: nothing yet
    clock.set_fixed(datetime.datetime(2026, 10, 1, 9, tzinfo=datetime.timezone.utc))
    later = open_as("clerk")
    assert [(w["rule"], w["raised_on"]) for w in later.warnings.list()
            if w["rule"] == "payment_overdue"] == [("payment_overdue", "2026-10-01")]
    # The day, and the clearance the files were checked at (a higher one checks again).
    assert later.settings.get("warnings.checked_on") == "2026-10-01:1"
    assert later.warnings.daily() == []                 # once a day


@pytest.mark.parametrize("rule, facts, zh, en", [
    ("payment_overdue", {"days": 82, "since": "2026-09-01"}, "付款逾期 82 天（最早未付到期日 2026-09-01）",
     "Payment overdue for 82 days (oldest unpaid due date 2026-09-01)"),
    ("limit_utilisation", {"limit": 100000, "exposure": 95000}, "应收余额 ¥950.00，授信额度 ¥1,000.00（已用 95%）",
     "Exposure ¥950.00 against a credit limit of ¥1,000.00 (95% used)"),
    ("litigation", {"case_no": "(2026)沪0101民初1号", "amount": 500000, "filed_on": "2026-10-01",
                    "limit": 100000},
     "案号 (2026)沪0101民初1号：涉案金额 ¥5,000.00，立案日期 2026-10-01；授信额度 ¥1,000.00",
     "Case (2026)沪0101民初1号: claim ¥5,000.00, filed on 2026-10-01; credit limit ¥1,000.00"),
    ("documents_missing", {"kind": "business_licence"}, "档案中没有营业执照", "No Business licence on file"),
    ("downgrade", {"from": "AA", "to": "BBB"}, "等级由 AA 下调至 BBB", "Grade lowered from AA to BBB"),
    ("review_overdue", {"due": "2026-09-01", "days": 82}, "复审应于 2026-09-01 完成，已逾期 82 天",
     "Review due on 2026-09-01, 82 days overdue"),
])
def test_facts_read_as_a_sentence_in_both_languages(rule, facts, zh, en):
    from custdesk.core.warnings import facts_text
    assert facts_text(rule, facts) == zh
    with i18n.using("en"):
        assert facts_text(rule, facts) == en
    assert facts_text(rule, None)                      # no facts: still a readable line


def test_a_litigation_warning_quotes_its_case_masked_like_the_record(open_as, firm):
    desk = open_as("boss")
    desk.records.add(firm, "litigation", {"case_no": "(2026)浙0106民初123号", "role": "defendant",
                                          "amount": "80000", "filed_on": "2026-08-01"})
    (item,) = [w for w in desk.warnings.list(code=firm) if w["rule"] == "litigation"]
    text = item_facts_text(item)
    assert "(2026)浙0106民初123号" not in text and "80,000" not in text and "***" in text
    assert "2026-08-01" in text                      # the date stays, as in the record's mask
    # The file's history quotes the warning as the warning shows it.
    (raised,) = [e for e in desk.audit.entries(customer=firm) if e["action"] == "warning.raise"
                 and e["summary"]["rule"] == "litigation"]
    assert "(2026)浙0106民初123号" not in json.dumps(raised, ensure_ascii=False)
    assert raised["summary"]["facts"]["filed_on"] == "2026-08-01"


def _invoice(desk, code: str, ref: str, due: datetime.date, amount: str = "1000") -> int:
    return desk.records.add(code, "transactions", {
        "kind": "invoice", "ref_no": ref, "amount": amount, "due_date": due.isoformat(),
        "occurred_on": (due - datetime.timedelta(days=30)).isoformat()}).id


def _pay(desk, code: str, ref: str, amount: str = "1000") -> int:
    return desk.records.add(code, "transactions", {
        "kind": "payment", "amount": amount, "occurred_on": TODAY.isoformat(),
        "invoice_ref": ref}).id


def _entries(desk, code: str, action: str) -> list[dict]:
    return [e for e in desk.audit.entries(customer=code) if e["action"] == action]


def test_invoices_entered_before_their_payments_close_the_warning_once_paid(desk, firm):
    """Invoices keyed in first raise a red warning (the oldest 288 days late); once their
    payments are in, the oldest unpaid invoice is 15 days late: the check closes it."""
    _invoice(desk, firm, "F1", TODAY - datetime.timedelta(days=288))
    _invoice(desk, firm, "F2", TODAY - datetime.timedelta(days=200))
    _invoice(desk, firm, "F3", TODAY - datetime.timedelta(days=15))
    (warning,) = [w for w in desk.warnings.list() if w["rule"] == "payment_overdue"]
    assert (warning["severity"], warning["status"]) == ("red", "open")
    assert "付款逾期 288 天" in item_facts_text(warning)
    assert desk.warnings.counts()["red"] == 1
    _pay(desk, firm, "F1")
    (warning,) = [w for w in desk.warnings.list() if w["rule"] == "payment_overdue"]
    assert warning["status"] == "open" and "付款逾期 200 天" in item_facts_text(warning)
    _pay(desk, firm, "F2")
    (warning,) = [w for w in desk.warnings.list() if w["rule"] == "payment_overdue"]
    assert (warning["status"], warning["closed_by"]) == ("closed", "custdesk")
    assert warning["close_note"] == "情况已消除，系统自动关闭"
    with i18n.using("en"):
        (english,) = [w for w in desk.warnings.list() if w["rule"] == "payment_overdue"]
        assert english["close_note"] == "The condition no longer holds; closed by the program"
    assert desk.warnings.counts() == {"red": 0, "orange": 0, "yellow": 0}
    assert [(a["action"], a["by_user"]) for a in desk.warnings.actions(warning["id"])] == \
        [("close", "custdesk")]
    (closed,) = _entries(desk, firm, "warning.close")
    assert (closed["user"], closed["object"], closed["summary"]["rule"]) == \
        ("custdesk", f"warning#{warning['id']}", "payment_overdue")
    assert desk.audit.verify().ok
    # The episode ended by itself: should F2's payment go (keyed in error), it comes back.
    payment = [r for r in desk.records.raw(firm, "transactions") if r["kind"] == "payment"
               and r["invoice_ref"] == "F2"][0]
    desk.records.delete(firm, "transactions", payment["id"])
    (again,) = desk.warnings.list(open_only=True)
    assert (again["rule"], again["severity"]) == ("payment_overdue", "red")
    assert again["id"] != warning["id"] and "付款逾期 200 天" in item_facts_text(again)


def test_a_warning_is_lowered_when_its_cause_eases(desk, firm):
    _invoice(desk, firm, "F1", TODAY - datetime.timedelta(days=120))
    _invoice(desk, firm, "F2", TODAY - datetime.timedelta(days=45))
    (warning,) = desk.warnings.list(open_only=True)
    assert warning["severity"] == "red"
    desk.warnings.handle(warning["id"], "", action="acknowledge")
    _pay(desk, firm, "F1")
    (lowered,) = desk.warnings.list(open_only=True)
    assert (lowered["id"], lowered["severity"], lowered["status"]) == \
        (warning["id"], "yellow", "acknowledged")
    assert "付款逾期 45 天" in item_facts_text(lowered)
    assert desk.warnings.counts() == {"red": 0, "orange": 0, "yellow": 1}
    (entry,) = _entries(desk, firm, "warning.lower")
    assert (entry["user"], entry["summary"]["from"], entry["summary"]["to"]) == \
        ("custdesk", "red", "yellow")
    from custdesk.core.warnings import lowered as is_lowered, note_text
    step = desk.warnings.actions(warning["id"])[-1]
    assert is_lowered(step) and note_text(step["by_user"], step["action"], step["note"]) == "红色 → 黄色"


def test_the_days_shown_are_todays_not_those_of_the_day_it_was_raised(desk, firm):
    _invoice(desk, firm, "F1", TODAY - datetime.timedelta(days=38))
    (warning,) = desk.warnings.list(open_only=True)
    assert "付款逾期 38 天" in item_facts_text(warning)
    # Three weeks on, before any check that day: the list counts to today.
    clock.set_fixed(datetime.datetime(2026, 9, 21, 10, tzinfo=datetime.timezone.utc))
    (later,) = desk.warnings.list(open_only=True)
    assert "付款逾期 59 天" in item_facts_text(later)
    with i18n.using("en"):
        assert "Payment overdue for 59 days" in item_facts_text(desk.warnings.list(code=firm)[0])
    # What was found on the day of raising stays in the log.
    (raised,) = _entries(desk, firm, "warning.raise")
    assert raised["summary"]["facts"]["days"] == 38


def test_a_limit_warning_quotes_the_limit_in_force_and_closes_when_it_is_raised(open_as, firm):
    desk = open_as("boss")
    approve(open_as, firm, "100000")
    desk.records.add(firm, "transactions", {"kind": "invoice", "amount": "95000",
                                            "occurred_on": "2026-08-30", "due_date": "2026-10-30"})
    (warning,) = [w for w in desk.warnings.list(open_only=True) if w["rule"] == "limit_utilisation"]
    assert "授信额度 ¥100,000.00（已用 95%）" in item_facts_text(warning)
    approve(open_as, firm, "102000")                 # still above 90% used: stays, new limit
    (warning,) = [w for w in desk.warnings.list(open_only=True) if w["rule"] == "limit_utilisation"]
    assert "授信额度 ¥102,000.00（已用 93%）" in item_facts_text(warning)
    approve(open_as, firm, "200000")                 # the cause is gone
    assert [w for w in desk.warnings.list(open_only=True) if w["rule"] == "limit_utilisation"] == []
    (closed,) = [w for w in desk.warnings.list() if w["rule"] == "limit_utilisation"]
    assert closed["closed_by"] == "custdesk"
    assert len(_entries(desk, firm, "warning.close")) == 1


def test_a_switched_off_rule_leaves_its_open_warnings_alone(desk, firm):
    _invoice(desk, firm, "F1", TODAY - datetime.timedelta(days=100))
    desk.settings.set("warning.payment_overdue.enabled", "0")
    _pay(desk, firm, "F1")
    (warning,) = desk.warnings.list()
    assert warning["status"] == "open"                # not checked: not known to have ended


def test_preview_shows_what_would_close(desk, firm):
    _invoice(desk, firm, "F1", TODAY - datetime.timedelta(days=40))
    desk.settings.set("warning.payment_overdue.enabled", "1")
    desk.customers.edit(firm, {"status": "closed"})       # no review due for a closed file
    # A complaint window: three complaints now, none within 90 days of December.
    for day in ("2026-08-01", "2026-08-10", "2026-08-20"):
        desk.records.add(firm, "complaints", {"received_on": day, "subject": "发货延迟"})
    preview = {(p["rule"], p["status"]) for p in desk.warnings.preview(datetime.date(2026, 12, 1))}
    assert ("complaints", "closing") in preview and ("payment_overdue", "open") in preview
    assert [w["status"] for w in desk.warnings.list(open_only=True)] == ["open", "open"]


def test_a_check_by_someone_not_cleared_for_the_records_closes_nothing(open_as, firm):
    """The clerk (内部) cannot read litigation levelled 秘密: her check finds no case, which is
    not the case having ended; the warning stays open until someone cleared checks."""
    boss, clerk = open_as("boss"), open_as("clerk")
    boss.settings.set_field_level("litigation", "confidential")
    boss.records.add(firm, "litigation", {"case_no": "(2026)浙0106民初123号", "role": "defendant",
                                          "amount": "80000", "filed_on": "2026-08-01"})
    (warning,) = [w for w in boss.warnings.list(open_only=True) if w["rule"] == "litigation"]
    assert all(c["change"] != "close" for c in clerk.warnings.evaluate())
    (still,) = [w for w in clerk.warnings.list(open_only=True) if w["rule"] == "litigation"]
    assert still["facts_withheld"] and still["id"] == warning["id"]
    boss.records.update(firm, "litigation", boss.records.raw(firm, "litigation")[0]["id"],
                        {"status": "closed", "closed_on": "2026-08-30"})
    (closed,) = [w for w in boss.warnings.list() if w["rule"] == "litigation"]
    assert (closed["status"], closed["closed_by"]) == ("closed", "custdesk")

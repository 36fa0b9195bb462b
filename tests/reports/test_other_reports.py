"""The review schedule, the portfolio summary and the audit trail, read back from the PDF."""

from __future__ import annotations

import dataclasses
import datetime
import json
import re
from pathlib import Path

import pytest

from custdesk.core import clock, demo, i18n
from custdesk.core.desk import Desk
from custdesk.core.errors import AccessDenied, NotFound
from custdesk.core.exports import Stamp
from custdesk.core.grading.scorecard import MissingInputs
from custdesk.reports import export, portfolio, schedule, trail
from tests.conftest import ADMIN, ADMIN_PW, copy_database
from tests.reports.conftest import pdf_text

UTC = datetime.timezone.utc
TODAY = datetime.datetime(2026, 11, 22, 2, 0, tzinfo=UTC)          # a Sunday
START, END = datetime.date(2026, 11, 23), datetime.date(2026, 12, 20)
SECRET_NAME = "绝密往来实业有限公司"
PUBLIC_NAME = "公开示例商行有限公司"


def squeeze(text: str) -> str:
    """``text`` without white space: pdftotext drops some spaces around Chinese and breaks
    lines inside table cells, so a phrase is looked for in this form."""
    return re.sub(r"\s+", "", text)


def has(text: str, phrase: str) -> bool:
    return squeeze(phrase) in squeeze(text)


def first_page_of(text: str, pages: int) -> bool:
    """The footer of page 1 says "第 1 页 共 N 页" (or "Page 1 of N")."""
    return bool(re.search(rf"第\s*1\s*页\s*共\s*{pages}\s*页", text)
                or re.search(rf"Page 1 of {pages}\b", text))


def pages_of(text: str) -> int:
    """The page count the footers state, checked to be the same on every page."""
    found = (re.findall(r"第\s*(\d+)\s*页\s*共\s*(\d+)\s*页", text)
             or re.findall(r"Page (\d+) of (\d+)", text))
    assert found, "no page numbers"
    totals = {int(t) for _, t in found}
    assert len(totals) == 1
    assert [int(p) for p, _ in found] == list(range(1, len(found) + 1))
    return totals.pop()


# -- the data: 25 demo files, two of our own, some graded, warnings raised -------------------
@pytest.fixture(scope="module")
def filled(template, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("other_reports") / "custdesk.db"
    copy_database(template[0], path)
    clock.set_fixed(datetime.datetime(2025, 9, 28, 2, 0, tzinfo=UTC))
    desk = Desk.open(path, ADMIN, ADMIN_PW)
    manager = Desk.open(path, "manager", "manager-password")
    try:
        demo.populate(desk, demo.generate(25, seed=3))
        for name, level, amount in ((SECRET_NAME, "secret", "9000000"),
                                    (PUBLIC_NAME, "public", "45000")):
            code = desk.customers.add({"kind": "enterprise", "name": name, "level": level}).code
            desk.records.add(code, "transactions", {
                "kind": "invoice", "ref_no": f"INV-{code}", "occurred_on": "2025-09-20",
                "due_date": "2026-12-31", "amount": amount})
        # Enterprises graded on two days: medium-risk reviews then fall due in the schedule.
        enterprises = [r[0] for r in desk.db.execute(
            "SELECT code FROM customers WHERE kind = 'enterprise' AND level < 3 "
            "ORDER BY created_at, name")]
        for n, code in enumerate(enterprises):
            clock.set_fixed(datetime.datetime(2026, 5, 25, 2, 0, tzinfo=UTC)
                            + datetime.timedelta(days=7 * (n % 2)))
            try:
                made = desk.grading.assess(code).id
            except MissingInputs:
                continue
            desk.grading.submit(made, missing_reason="资料待补")
            manager.grading.approve(made)
        clock.set_fixed(TODAY)
        desk.warnings.evaluate(TODAY.date())
    finally:
        desk.close()
        manager.close()
        clock.set_fixed(None)
    return path


@pytest.fixture
def db_path(filled, tmp_path) -> Path:
    """Each test gets its own copy of the filled database (exports write to its register)."""
    path = tmp_path / "custdesk.db"
    copy_database(filled, path)
    return path


@pytest.fixture(autouse=True)
def _today():
    clock.set_fixed(TODAY)


def _stamp(kind: str, language: str = "zh", number: str = "FS-2026-000042") -> Stamp:
    return Stamp(number, kind, "测试商贸有限公司", "测试员", "boss", "2026-11-22T02:00:00.000000Z",
                 77, "ab" * 32, language)


def _code_of(desk, name: str) -> str:
    return desk.db.execute("SELECT code FROM customers WHERE name = ?", [name]).fetchone()[0]


# -- the review schedule ------------------------------------------------------------------
def test_schedule_lists_each_week_and_the_overdue_files(desk):
    made = export.reviews(desk, START, END, lang="zh")
    text = pdf_text(made.data)
    assert "复审计划表" in text
    for heading in ("一、概况", "二、截至 2026-11-23 已逾期的复审", "三、期间内到期的复审（按周）",
                    "2026 年第 48 周（11-23 至 11-29）", "2026 年第 49 周（11-30 至 12-06）",
                    "2026 年第 51 周（12-14 至 12-20）"):
        assert has(text, heading), heading
    assert pages_of(text) == made.pages and first_page_of(text, made.pages)
    assert made.number.startswith("FS-") and made.number in text
    # every file falling due in the period is listed under its week, with its code and name
    due = desk.db.execute("SELECT code, name, next_review FROM customers WHERE next_review "
                          "BETWEEN ? AND ? ORDER BY next_review", [START.isoformat(),
                                                                    END.isoformat()]).fetchall()
    assert due, "the data should put some reviews in the period"
    flat = squeeze(text)
    week48 = flat[flat.index("第48周"):flat.index("第49周")]
    for code, name, day in due:
        assert re.search(rf"{day}\s+{code}\s+{re.escape(name[:8])}", text), (code, name)
        if day <= "2026-11-29":
            assert code in week48
    # files already overdue on the first day are flagged with their days overdue
    code, name, day = desk.db.execute(
        "SELECT code, name, next_review FROM customers WHERE next_review < ? AND status <> "
        "'closed' ORDER BY next_review, code LIMIT 1", [START.isoformat()]).fetchone()
    days = (START - datetime.date.fromisoformat(day)).days
    overdue = flat[flat.index("已逾期的复审"):flat.index("三、期间内到期")]
    assert code in overdue and f"逾期{days}天" in overdue
    total = desk.db.execute("SELECT count(*) FROM customers WHERE next_review <= ? AND "
                            "status <> 'closed'", [END.isoformat()]).fetchone()[0]
    assert re.search(rf"列入本表的档案\s*{total}\b", text)


def test_schedule_never_shows_a_file_above_the_readers_clearance(open_as):
    boss, clerk = open_as(ADMIN), open_as("clerk")
    secret, public = _code_of(boss, SECRET_NAME), _code_of(boss, PUBLIC_NAME)
    boss_text = pdf_text(schedule.render(schedule.gather(boss, START, END),
                                         _stamp("reviews")).data)
    assert has(boss_text, SECRET_NAME) and secret in boss_text      # the admin sees it
    text = pdf_text(export.reviews(clerk, START, END, lang="zh").data)
    assert not has(text, SECRET_NAME) and secret not in text
    assert has(text, PUBLIC_NAME) and public in text
    visible = boss.db.execute("SELECT count(*) FROM customers WHERE level <= 1 AND next_review <= ?"
                              " AND status <> 'closed'", [END.isoformat()]).fetchone()[0]
    assert re.search(rf"列入本表的档案\s*{visible}\b", text)
    assert "密级：内部" in text


def test_schedule_in_english(desk):
    text = pdf_text(export.reviews(desk, START, END, lang="en").data)
    for heading in ("Review Schedule", "1. Summary", "2. Reviews overdue on 2026-11-23",
                    "3. Reviews falling due in the period, week by week",
                    "Week 48 of 2026 (23 Nov – 29 Nov)", "Page 1 of"):
        assert has(text, heading), heading
    assert "复审计划表" not in text and not has(text, "第1页")
    assert re.search(r"\d+ days overdue", text)


def test_week_headings_follow_iso_weeks_across_the_year_end():
    with i18n.using("zh"):
        assert schedule.week_heading(datetime.date(2026, 11, 25)) == "2026 年第 48 周（11-23 至 11-29）"
        assert schedule.week_heading(datetime.date(2027, 1, 2)) == "2026 年第 53 周（12-28 至 01-03）"
    with i18n.using("en"):
        assert schedule.week_heading(datetime.date(2026, 11, 29)) == \
            "Week 48 of 2026 (23 Nov – 29 Nov)"
        assert schedule.week_heading(datetime.date(2027, 1, 4)) == "Week 1 of 2027 (4 Jan – 10 Jan)"


def test_schedule_states_when_the_list_is_cut(desk, monkeypatch):
    monkeypatch.setattr(schedule, "MAX_ROWS", 2)
    monkeypatch.setattr(schedule, "MAX_OVERDUE", 2)
    with i18n.using("zh"):
        full = schedule.gather(desk, START, END)
        monkeypatch.setattr(schedule, "MAX_ROWS", 10_000)
        monkeypatch.setattr(schedule, "MAX_OVERDUE", 10_000)
        everything = schedule.gather(desk, START, END)
    assert len(full.overdue.rows) == 2 and sum(len(w.rows) for w in full.weeks) == 2
    assert full.overdue.rows == everything.overdue.rows[:2]        # the longest overdue first
    assert full.summary == everything.summary                       # the counts cover all
    assert [w.count for w in full.weeks] == [w.count for w in everything.weeks]
    overdue = len(everything.overdue.rows)
    due = sum(len(w.rows) for w in everything.weeks)
    text = pdf_text(schedule.render(full, _stamp("reviews")).data)
    assert overdue > 2 and has(text, f"只列出逾期最久的 2 户，另有 {overdue - 2} 户未列出")
    assert due > 2 and has(text, f"期间内最多列出 2 户，另有 {due - 2} 户未列出")
    assert has(text, "本周另有") and any(w.cut for w in full.weeks)
    assert not any(w.cut for w in everything.weeks) and not everything.period_cut


# -- the portfolio summary ------------------------------------------------------------------
def test_portfolio_counts_grades_and_names_the_largest_exposures(desk):
    made = export.portfolio(desk, lang="zh")
    text = pdf_text(made.data)
    assert "客户组合概况" in text
    for heading in ("一、总体概况", "二、按信用等级", "三、按风险等级", "四、敞口最大的 20 户",
                    "五、未关闭的预警", "各等级户数与敞口占比"):
        assert has(text, heading), heading
    assert first_page_of(text, made.pages) and pages_of(text) == made.pages
    assert made.number.startswith("ZH-") and made.number in text
    files = desk.db.execute("SELECT count(*) FROM customers").fetchone()[0]
    assert re.search(rf"客户档案\s*{files}\b", text)
    code, name, exposure = desk.db.execute(
        "SELECT code, name, exposure FROM customers ORDER BY exposure DESC LIMIT 1").fetchone()
    from custdesk.core.validation import format_money
    assert re.search(rf"1\s+{code}\s+{re.escape(name[:8])}", text)
    assert format_money(exposure) in text
    total = desk.db.execute("SELECT sum(exposure) FROM customers").fetchone()[0]
    assert re.search(rf"合计\s*{files}\s+100\.0%\s+{re.escape(format_money(total))}", text)
    for grade, count in desk.db.execute("SELECT grade, count(*) FROM customers "
                                        "WHERE grade IS NOT NULL GROUP BY grade"):
        assert re.search(rf"\n\s*{grade}\s+{count}\s+", text), grade
    counts = desk.warnings.counts()
    assert re.search(rf"红色\s*{counts['red']}\b", text)
    newest = desk.warnings.list(open_only=True, limit=1)[0]
    assert newest["code"] in text


def test_portfolio_never_counts_a_file_above_the_readers_clearance(open_as):
    boss, clerk = open_as(ADMIN), open_as("clerk")
    secret = _code_of(boss, SECRET_NAME)
    boss_text = pdf_text(portfolio.render(portfolio.gather(boss), _stamp("portfolio")).data)
    assert has(boss_text, SECRET_NAME)                       # the largest exposure of all
    text = pdf_text(export.portfolio(clerk, lang="zh").data)
    assert not has(text, SECRET_NAME) and secret not in text and has(text, PUBLIC_NAME)
    public = boss.db.execute("SELECT count(*), sum(exposure) FROM customers "
                             "WHERE level <= 1").fetchone()
    assert re.search(rf"客户档案\s*{public[0]}\b", text)
    from custdesk.core.validation import format_money
    assert re.search(rf"合计\s*{public[0]}\s+100\.0%\s+{re.escape(format_money(public[1]))}", text)


def test_portfolio_in_english(desk):
    text = pdf_text(export.portfolio(desk, lang="en").data)
    for heading in ("Portfolio Summary", "1. Overview", "2. By grade", "3. By risk level",
                    "4. The 20 largest exposures", "5. Open warnings", "Page 1 of"):
        assert has(text, heading), heading
    assert "客户组合概况" not in text and "按信用等级" not in text


# -- the audit trail ----------------------------------------------------------------------
def test_trail_of_the_whole_log_states_the_chain_verification(desk):
    made = export.audit(desk, lang="zh")
    text = pdf_text(made.data)
    # The export's own entries (its number reserved, then registered) come after what it lists.
    head = desk.db.execute("SELECT max(seq) FROM audit_log WHERE action NOT IN "
                           "('report.reserve', 'report.export')").fetchone()[0]
    assert "审计记录" in text and "一、审计链校验" in text and "二、记录" in text
    assert "审计链完整" in text and has(text, f"链头 #{head}")
    assert first_page_of(text, made.pages) and pages_of(text) == made.pages
    assert made.number.startswith("SJ-") and made.number in text
    code = _code_of(desk, PUBLIC_NAME)
    assert "建立档案" in text and code in text and has(text, PUBLIC_NAME)
    assert has(text, f"共 {head:,} 条记录")
    # oldest first: the database's creation is the first entry listed
    first = re.search(r"^\s*(\d+)\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", text, re.M)
    assert first and first.group(1) == "1"


def test_trail_says_when_the_chain_is_broken(desk):
    desk.db.execute("DROP TRIGGER audit_log_no_update")
    desk.db.execute("UPDATE audit_log SET user = 'mallory' WHERE seq = 5")
    with i18n.using("zh"):
        data = trail.gather(desk, None)
    assert data.verified is False
    text = pdf_text(trail.render(data, _stamp("audit")).data)
    assert "审计链已被破坏" in text and has(text, "第 5 条记录的内容与其哈希不符")
    assert "审计链完整" not in text


def test_trail_of_one_customer_for_a_clerk_without_the_audit_permission(open_as):
    boss, clerk = open_as(ADMIN), open_as("clerk")
    public, secret = _code_of(boss, PUBLIC_NAME), _code_of(boss, SECRET_NAME)
    listed = boss.db.execute("SELECT count(*) FROM audit_log WHERE customer = ?",
                             [public]).fetchone()[0]      # the export's own entry comes after
    made = export.audit(clerk, customer=public.lower(), lang="zh")
    text = pdf_text(made.data)
    assert has(text, f"客户 {PUBLIC_NAME}（{public}）")
    assert "审计链校验需要审计权限" in text and "审计链完整" not in text
    assert "建立档案" in text and "新增记录" in text and f"INV-{public}" in text
    assert has(text, f"共 {listed} 条记录")
    assert not has(text, SECRET_NAME) and secret not in text
    with pytest.raises(AccessDenied):
        export.audit(clerk, lang="zh")
    with pytest.raises(NotFound):
        export.audit(clerk, customer=secret, lang="zh")


def test_whole_log_hides_entries_about_files_above_the_readers_clearance(open_as):
    boss, auditor = open_as(ADMIN), open_as("auditor")       # an auditor cleared to confidential
    secret = _code_of(boss, SECRET_NAME)
    boss_text = pdf_text(trail.render(trail.gather(boss, None), _stamp("audit")).data)
    assert has(boss_text, SECRET_NAME) and f"INV-{secret}" in boss_text
    with i18n.using("zh"):
        data = trail.gather(auditor, None)
    text = pdf_text(trail.render(data, _stamp("audit")).data)
    assert "审计链完整" in text
    assert not has(text, SECRET_NAME) and secret not in text and f"INV-{secret}" not in text
    assert has(text, "涉及超出您密级的档案")
    # the entries are kept (no gaps in the numbering), only their content is withheld
    seqs = [int(row[0]) for row in data.rows]
    assert seqs == list(range(1, len(seqs) + 1))


def test_trail_of_a_period_uses_local_days(desk):
    day = datetime.date(2026, 5, 25)                  # the first grading day of the data
    with i18n.using("zh"):
        data = trail.gather(desk, None, day, day)
    expected = [seq for seq, at in desk.db.execute("SELECT seq, at FROM audit_log ORDER BY seq")
                if clock.local_day(at) == day.isoformat()]
    assert expected and [int(row[0]) for row in data.rows] == expected
    assert all(row[1].startswith(day.isoformat()) for row in data.rows)
    text = pdf_text(trail.render(data, _stamp("audit")).data)
    assert "2026-05-25 至 2026-05-25" in text and has(text, f"共 {len(expected)} 条记录")
    with i18n.using("zh"):
        later = trail.gather(desk, None, day + datetime.timedelta(days=1), None)
        earlier = trail.gather(desk, None, None, day - datetime.timedelta(days=1))
    assert later.rows and all(row[1][:10] > day.isoformat() for row in later.rows)
    assert earlier.rows and all(row[1][:10] < day.isoformat() for row in earlier.rows)
    assert len(later.rows) + len(earlier.rows) + len(expected) == desk.audit.head()[0]


def test_trail_lists_the_newest_entries_and_says_so_when_cut(desk, monkeypatch):
    monkeypatch.setattr(trail, "MAX_ENTRIES", 50)
    with i18n.using("zh"):
        data = trail.gather(desk, None)
    head = desk.audit.head()[0]
    assert [int(r[0]) for r in data.rows] == list(range(head - 49, head + 1))
    text = pdf_text(trail.render(data, _stamp("audit")).data)
    assert has(text, "只列出最新的 50 条") and has(text, f"第 {head - 49} 条起")


def test_trail_in_english(desk):
    text = pdf_text(export.audit(desk, lang="en").data)
    for heading in ("Audit Trail", "1. Audit chain verification", "2. Entries",
                    "The audit chain is intact", "File created", "Page 1 of"):
        assert has(text, heading), heading
    assert "审计链校验" not in text


def test_trail_summaries_are_short_and_keep_masks():
    from custdesk.core import audit_view
    long = {"note": "很长的说明" * 100}
    with i18n.using("zh"):
        assert len(audit_view.details("review.done", long)) == audit_view.DETAIL_CHARS
        assert audit_view.details("review.done", long).endswith("…")
        shown = audit_view.details("customer.add", {"fields": {"name": "张伟",
                                                              "id_number": "***"}})
        assert shown == "名称: 张伟；证件号码: ***"
        assert audit_view.details("customer.edit", {"phone": {"before": "***", "after": "***"}}) \
            == "电话: *** → ***"
        # Phones reach the report masked by core (audit.entries), never masked here.
        assert audit_view.details("record.add", {"phone": "187****6294"}) == "电话: 187****6294"
        assert audit_view.details("assessment.approve",
                                  {"approved_limit": 47000000, "grade": "BBB"}) == \
            "等级: BBB；核定额度: ¥470,000.00"
        assert audit_view.details("login", {}) == ""


def test_trail_names_operations_and_files_and_shows_money_in_yuan(open_as):
    boss = open_as(ADMIN)
    public = _code_of(boss, PUBLIC_NAME)
    with i18n.using("zh"):
        whole, one = trail.gather(boss, None), trail.gather(boss, public)
    objects = [row[4] for row in whole.rows]
    assert f"{public} {PUBLIC_NAME}" in objects                        # the file itself
    assert any(o.startswith(f"{public} {PUBLIC_NAME} · 交易记录 #") for o in objects)
    # one file's trail names it in its title; each row names the item
    assert one.scope == f"客户 {PUBLIC_NAME}（{public}）"
    assert any(row[4].startswith("交易记录 #") for row in one.rows)
    assert not any(PUBLIC_NAME in row[4] for row in one.rows)
    text = pdf_text(export.audit(boss, customer=public, lang="zh").data)
    assert has(text, "建立档案") and has(text, "新增记录")
    assert "record.add" not in text and "transactions#" not in text
    assert has(text, "交易记录 #") and not re.search(r"\d{4}-\d\d-\d\dT\d\d", text)
    assert has(text, "¥45,000.00") and "4500000" not in squeeze(text)


# -- every report: byte-stable, registered ------------------------------------------------
@pytest.mark.parametrize("kind", ["reviews", "portfolio", "audit"])
def test_rendering_is_byte_stable(desk, kind):
    module, args = {"reviews": (schedule, (START, END)), "portfolio": (portfolio, ()),
                    "audit": (trail, (None,))}[kind]
    with i18n.using("zh"):
        data = module.gather(desk, *args)
    first = module.render(data, _stamp(kind))
    again = module.render(dataclasses.replace(data), _stamp(kind))
    assert first.data == again.data and first.pages == again.pages
    other = module.render(data, _stamp(kind, number="FS-2026-000043"))
    assert other.data != first.data
    assert "FS-2026-000043" in pdf_text(other.data)
    english = module.render(data, _stamp(kind, "en"))
    assert english.data != first.data


def test_exports_are_registered_and_verify(desk):
    made = [export.reviews(desk, START, END), export.portfolio(desk), export.audit(desk)]
    for item in made:
        found = desk.exports.verify(item.data)
        assert found["ok"] and found["export"]["number"] == item.number
    # Each export: its number reserved, then its fingerprint registered.
    entries = [e for e in desk.audit.entries(limit=6)]
    assert [(e["action"], e["summary"]["kind"]) for e in reversed(entries)] == [
        (step, kind) for kind in ("reviews", "portfolio", "audit")
        for step in ("report.reserve", "report.export")]
    assert json.loads(desk.db.execute("SELECT params FROM report_exports WHERE kind = 'reviews'")
                      .fetchone()[0]) == {"from": START.isoformat(), "to": END.isoformat()}


# -- classification ---------------------------------------------------------------------------
def _diagonal(data: bytes) -> bool:
    """Whether the PDF has text set at an angle (the watermark)."""
    import subprocess
    everything = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True,
                                check=True).stdout
    straight = subprocess.run(["pdftotext", "-nodiag", "-", "-"], input=data,
                              capture_output=True, check=True).stdout
    return squeeze(everything.decode()) != squeeze(straight.decode())


def test_reports_of_many_files_are_classified_at_the_readers_clearance(open_as):
    """What a secret-cleared reader prints may name secret files: 机密, with the watermark."""
    admin, clerk = open_as(ADMIN), open_as("clerk")            # secret / internal
    for make in (lambda d: export.portfolio(d), lambda d: export.reviews(d, START, END)):
        top = make(admin).data
        assert "密级：机密" in squeeze(pdf_text(top)) and _diagonal(top)
        low = make(clerk).data
        assert "密级：内部" in squeeze(pdf_text(low)) and not _diagonal(low)


def test_a_customers_trail_carries_the_files_level(open_as):
    admin = open_as(ADMIN)
    secret = _code_of(admin, SECRET_NAME)
    public = _code_of(admin, PUBLIC_NAME)
    made = export.audit(admin, customer=secret)
    assert "密级：机密" in squeeze(pdf_text(made.data)) and _diagonal(made.data)
    made = export.audit(admin, customer=public)
    assert "密级：公开" in squeeze(pdf_text(made.data)) and not _diagonal(made.data)

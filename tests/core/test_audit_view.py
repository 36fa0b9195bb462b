"""An audit entry as people read it: labels for every operation, money in yuan, local time,
files named as the reader is cleared to see them; filters in SQL; exports of the list."""

from __future__ import annotations

import ast
import csv
import datetime
import json
import os
import time
from pathlib import Path

import pytest

from custdesk.core import audit_list as al
from custdesk.core import audit_view as av
from custdesk.core import clock, i18n
from custdesk.core.errors import AccessDenied
from custdesk.core.importing import TARGETS
from tests.core.test_grading import GAP, STATEMENT_2025

ROOT = Path(av.__file__).resolve().parents[1]          # custdesk/


# -- every operation the code writes has a label ------------------------------------------------
def _append_calls():
    """(file, enclosing function, call) of every audit entry the program writes."""
    for path in sorted(ROOT.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for func in ast.walk(tree):
            if not isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for node in ast.walk(func):
                if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                        and node.func.attr == "append" and node.args):
                    continue
                owner = ast.unparse(node.func.value)
                if owner.endswith("audit") or (path.name == "audit.py" and owner == "self"):
                    yield path.relative_to(ROOT).as_posix(), func.name, node


def _keyword_values(function: str, keyword: str, default: str) -> set[str]:
    """The constant values every call of ``function`` passes as ``keyword`` (and its default)."""
    found = {default} if default else set()
    for path in ROOT.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and ast.unparse(node.func).endswith(function):
                found |= {k.value.value for k in node.keywords
                          if k.arg == keyword and isinstance(k.value, ast.Constant)}
    return found


def _computed_actions() -> dict[tuple[str, str], set[str]]:
    """The actions written under a computed name, by (file, function): the values each can
    take, read from the code where the code lists them."""
    unlocks = _keyword_values("verify_password", "action", "unlock")
    return {
        ("core/desk.py", "verify_password"): unlocks | {f"{a}.failed" for a in unlocks},
        ("core/keys/upgrade.py", "reissue"): _keyword_values("reissue", "action", ""),
        ("core/grading/assessments.py", "decide_limit"): {"limit.approve", "limit.reject"},
        ("core/grading/assessments.py", "_refuse"): {"refused"},
        ("core/warnings.py", "_store"): {"warning.escalate", "warning.lower"},
        ("core/warnings.py", "handle"): {"warning.acknowledge", "warning.action",
                                         "warning.close"},
        ("core/importing/run.py", "_audit"): {f"import.{t}" for t in TARGETS},
    }


def test_every_action_the_code_writes_has_a_label_in_both_languages():
    computed = _computed_actions()
    written, unexplained = set(), []
    for where, function, call in _append_calls():
        first = call.args[0]
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            written.add(first.value)
        elif isinstance(first, ast.JoinedStr) and not any(
                isinstance(v, ast.FormattedValue) for v in first.values):
            written.add("".join(v.value for v in first.values))
        elif (where, function) in computed:
            written |= computed[where, function]
        else:
            unexplained.append(f"{where}:{call.lineno} ({function})")
    assert not unexplained, f"actions written under a computed name; list their values: " \
        f"{unexplained}"
    assert {"customer.add", "assessment.approve", "warning.raise", "import.customers",
            "unlock.failed", "user.recover", "audit.export"} <= written
    unlabelled = sorted(written - set(av.ACTIONS))
    assert not unlabelled, f"actions with no label in core/audit_view.py: {unlabelled}"
    for code in written:
        with i18n.using("zh"):
            zh = av.action_label(code)
        with i18n.using("en"):
            en = av.action_label(code)
        assert zh != code and en != code and zh != en
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in en), en


def test_every_detail_key_written_as_a_literal_has_a_label():
    keys = set()
    for _where, _function, call in _append_calls():
        for keyword in call.keywords:
            if keyword.arg == "summary" and isinstance(keyword.value, ast.Dict):
                keys |= {k.value for k in keyword.value.keys if isinstance(k, ast.Constant)}
    assert {"approved_limit", "rule", "reason", "filename"} <= keys
    with i18n.using("zh"):
        missing = sorted(k for k in keys if av.detail_label(k) == k)
    assert not missing, f"detail keys with no label: {missing}"


# -- one entry ------------------------------------------------------------------------------------
def _entry(action, summary, *, obj="", customer=None, user="reviewer",
           at="2026-03-01T02:03:04.000005Z"):
    return {"seq": 7, "at": at, "user": user, "action": action, "object": obj,
            "customer": customer, "summary": summary, "signer": user, "withheld": False}


def test_money_in_fen_reads_as_yuan():
    approve = _entry("assessment.approve", {
        "approved_limit": 19_700_000, "recommended_limit": 19_700_000, "grade": "BBB",
        "risk_level": "medium", "limit_before": None, "reason": None}, obj="assessment#255",
        customer="C000001")
    with i18n.using("zh"):
        row = av.present_one(approve, {"C000001": "杭州测试机械有限公司"})
    assert "核定额度: ¥197,000.00" in row.details and "19700000" not in row.details
    assert "风险等级: 中" in row.details
    assert "原额度" not in row.details and "理由" not in row.details     # nothing to say
    assert row.operation == "批准评估" and row.item == "评估 #255"
    assert row.customer == "C000001 杭州测试机械有限公司"
    change = _entry("limit.approve", {"before": 10_000_000, "after": 12_550_050, "reason": "续约"},
                    obj="limit_change#3", customer="C000001")
    with i18n.using("en"):
        row = av.present_one(change, {})
    assert row.details.startswith("Limit: ¥100,000.00 → ¥125,500.50")
    assert row.operation == "Limit change approved" and row.item == "Limit change #3"
    assert row.name == "" and row.code == "C000001"


def test_a_review_cycle_given_up_and_an_accepted_warning_are_said_in_words():
    with i18n.using("zh"):
        cycle = av.details("review.cycle", {"months": None, "reason": "恢复", "next_review": None})
        added = av.details("customer.add", {"fields": {"name": "某公司"},
                                            "overrides": {"credit_code": "老执照"}})
    assert cycle == "复审周期: 按风险等级；理由: 恢复"
    assert added == "名称: 某公司；统一社会信用代码（已确认警告：老执照）"


def test_an_empty_list_says_nothing():
    with i18n.using("zh"):
        text = av.details("assessment.submit", {"grade": "BBB", "missing": [],
                                                "missing_reason": None, "score": 73.0})
    assert text == "等级: BBB；得分: 73.0"


def test_a_switched_setting_reads_yes_and_no():
    with i18n.using("zh"):
        rule = av.present_one(_entry("settings.set", {"before": "0", "after": "1"},
                                     obj="warning.payment_overdue.enabled"), {})
        days = av.present_one(_entry("settings.set", {"before": "1", "after": "0"},
                                     obj="backup_daily"), {})
    assert rule.details == "否 → 是" and "付款逾期" in rule.item
    assert days.details == "1 → 0"          # a number of backups stays a number


def test_enumerations_are_translated():
    with i18n.using("zh"):
        user = av.present_one(_entry("user.update", {
            "role": {"before": "clerk", "after": "reviewer"},
            "clearance": {"before": "internal", "after": "confidential"}}, obj="li"), {})
        warning = av.present_one(_entry("warning.escalate", {
            "rule": "payment_overdue", "from": "yellow", "to": "red"}, obj="warning#4"), {})
        record = av.present_one(_entry("record.add", {"kind": "invoice", "amount": 348700},
                                       obj="transactions#12"), {})
    assert "角色: 资信专员 → 审核员" in user.details and "密级权限: 内部 → 秘密" in user.details
    assert "严重程度" not in warning.details and "由: 黄色" in warning.details
    assert "改为: 红色" in warning.details and "付款逾期" in warning.details
    assert record.item == "交易记录 #12" and "发票" in record.details
    assert "¥3,487.00" in record.details and "348700" not in record.details


def test_times_are_local(monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    try:
        row = av.present_one(_entry("login", {}, obj="reviewer"), {})
        assert row.time == "2026-03-01 10:03:04"
        monkeypatch.setenv("TZ", "America/New_York")
        time.tzset()
        assert av.present_one(_entry("login", {}), {}).time == "2026-02-28 21:03:04"
        # a local day's bounds in stored (UTC) time
        assert al.utc_bound(datetime.date(2026, 3, 1)) == "2026-03-01T05:00:00.000000Z"
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


# -- on a database -------------------------------------------------------------------------------
@pytest.fixture
def files(open_as):
    """boss writes an internal file and one at 机密 (above the auditor's 秘密)."""
    boss = open_as("boss")
    public = boss.customers.add({"kind": "enterprise", "name": "公开示例商行有限公司"}).code
    secret = boss.customers.add({"kind": "enterprise", "name": "绝密往来实业有限公司",
                                 "level": "secret"}).code
    for code in (public, secret):
        boss.records.add(code, "transactions", {"kind": "invoice", "ref_no": f"INV-{code}",
                                                "occurred_on": "2026-07-01", "amount": "5000"})
    return boss, public, secret


def test_a_reader_not_cleared_for_a_file_sees_no_name(open_as, files):
    boss, public, secret = files
    auditor = open_as("auditor")
    assert av.customer_names(boss, {public, secret}) == {
        public: "公开示例商行有限公司", secret: "绝密往来实业有限公司"}
    assert av.customer_names(auditor, {public, secret}) == {public: "公开示例商行有限公司"}
    rows = al.page(auditor, limit=1000).rows
    hidden = [r for r in rows if r.withheld]
    assert hidden and all(r.code == r.name == r.item == "" for r in hidden)
    text = json.dumps([r.cells() for r in rows], ensure_ascii=False)
    assert "绝密往来" not in text and secret not in text and f"INV-{secret}" not in text
    # the customer filter finds nothing of a file above the reader's clearance
    for typed in ("绝密往来", secret):
        assert al.page(auditor, al.Filter(customer=typed)).total == 0
    logged = boss.db.execute("SELECT count(*) FROM audit_log WHERE customer = ?",
                             [secret]).fetchone()[0]
    assert logged >= 3 and al.page(boss, al.Filter(customer="绝密往来")).total == logged


def test_filters_apply_in_sql_and_pages_follow(open_as, files):
    boss, public, secret = files
    clerk = open_as("clerk")
    clerk.customers.edit(public, {"notes": "回访"})
    whole = al.page(boss, limit=5)
    assert whole.total == boss.audit.head()[0] and len(whole.rows) == 5
    assert [r.seq for r in whole.rows] == sorted((r.seq for r in whole.rows), reverse=True)
    following = al.page(boss, limit=5, before=whole.last_seq)
    assert following.rows[0].seq == whole.last_seq - 1 and following.total == whole.total
    by_clerk = al.page(boss, al.Filter(user="clerk"))
    assert {r.user for r in by_clerk.rows} == {"clerk"}
    assert {r.action for r in by_clerk.rows} == {"login", "customer.edit"}
    edits = al.page(boss, al.Filter(action="customer.edit", customer="公开示例"))
    assert [(r.user, r.code) for r in edits.rows] == [("clerk", public)]
    by_code = al.page(boss, al.Filter(customer=public.lower()))
    logged = boss.db.execute("SELECT count(*) FROM audit_log WHERE customer = ?",
                             [public]).fetchone()[0]
    assert {r.code for r in by_code.rows} == {public} and by_code.total == logged
    today = clock.today()
    assert al.page(boss, al.Filter(start=today, end=today)).total == whole.total
    assert al.page(boss, al.Filter(end=today - datetime.timedelta(days=1))).total == 0
    assert al.page(boss, al.Filter(start=today + datetime.timedelta(days=1))).total == 0
    assert ("clerk", "clerk") in al.users_in_log(boss)
    # A person with a display name is shown by it, with the user name the chain records.
    boss.users.update("clerk", full_name="赵磊")
    assert ("clerk", "赵磊（clerk）") in al.users_in_log(boss)
    assert {r.user for r in al.page(boss, al.Filter(user="clerk")).rows} == {"赵磊（clerk）"}
    with pytest.raises(AccessDenied):
        al.page(clerk)                                   # the whole log needs the permission
    # one file's history is open to whoever may see it
    history = al.page(clerk, customer=public)
    assert history.total == logged and history.rows[0].operation == av.action_label("customer.edit")


def test_an_approved_assessment_reads_in_yuan_in_its_history(open_as):
    boss, reviewer = open_as("boss"), open_as("reviewer")
    code = boss.customers.add({"name": "杭州测试机械有限公司", "kind": "enterprise",
                               "founding_date": "2010-05-01"}).code
    boss.records.add(code, "financials", STATEMENT_2025)
    new_id = boss.grading.assess(code).id
    boss.grading.submit(new_id, missing_reason=GAP)
    reviewer.grading.approve(new_id, "197000", "有足额银行保函")
    with i18n.using("zh"):
        row = al.page(reviewer, customer=code, limit=1).rows[0]
    assert row.action == "assessment.approve" and row.item == f"评估 #{new_id}"
    assert "核定额度: ¥197,000.00" in row.details and "19700000" not in row.details
    assert row.customer == f"{code} 杭州测试机械有限公司"


def _csv_rows(path):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def test_export_writes_the_filtered_list_with_its_labels_and_is_logged(files, tmp_path):
    boss, public, _secret = files
    query = al.Filter(customer="公开示例")
    shown = al.page(boss, query, limit=100)
    with i18n.using("zh"):
        done = al.export(boss, query, tmp_path / "日志.csv")
    rows = _csv_rows(tmp_path / "日志.csv")
    assert rows[0] == ["序号", "时间", "用户", "操作", "客户编号", "客户名称", "对象", "内容"]
    assert done["entries"] == shown.total == len(rows) - 1
    assert [int(r[0]) for r in rows[1:]] == [r.seq for r in shown.rows]
    assert {r[4] for r in rows[1:]} == {public} and {r[5] for r in rows[1:]} == {"公开示例商行有限公司"}
    assert any("¥5,000.00" in r[7] for r in rows[1:])
    logged = boss.audit.entries(limit=1)[0]
    assert logged["action"] == "audit.export" and logged["object"] == "日志.csv"
    assert logged["summary"]["entries"] == done["entries"]
    # the name typed is not written into the log in clear: how many files it matched is
    assert logged["summary"]["filters"] == {"customers_matched": 1}
    assert "公开示例" not in json.dumps(logged, ensure_ascii=False)
    from openpyxl import load_workbook
    with i18n.using("en"):
        al.export(boss, al.Filter(action="record.add"), tmp_path / "log.xlsx")
    sheet = load_workbook(tmp_path / "log.xlsx").active
    values = list(sheet.values)
    assert values[0][:4] == ("No.", "Time", "User", "Operation")
    assert {v[3] for v in values[1:]} == {"Record added"} and len(values) == 3
    assert boss.audit.verify().ok


def test_export_needs_the_audit_permission_and_a_known_format(open_as, tmp_path):
    clerk, boss = open_as("clerk"), open_as("boss")
    with pytest.raises(AccessDenied):
        al.export(clerk, al.Filter(), tmp_path / "log.csv")
    from custdesk.core.errors import CustdeskError
    with pytest.raises(CustdeskError):
        al.export(boss, al.Filter(), tmp_path / "log.txt")
    assert not os.path.exists(tmp_path / "log.csv")

"""Every table of every report, read back from the PDF: each column's values fit its heading.

The tables are found on the page (``tables.read_tables``), not taken from the code that
built them, and matched to the tables below by their set of headings; a column's cells
are then checked against what its heading promises (a date under 日期, an amount under
金额, a label of the kind's choices under 类别 ...). A table whose headings are not listed
here fails the test, so a new table is checked from the day it is added.
"""

from __future__ import annotations

import datetime
import re

import pytest

from custdesk.core import i18n
from custdesk.core.fields import CHOICE_LABELS, RECORD_KINDS, label
from custdesk.core.grading.assessments import status_label as assessment_status
from custdesk.core.grading.scale import DIMENSIONS, GRADES, dimension_label, risk_label
from custdesk.core.reviews import reason_label
from custdesk.core.warnings import RULE_KEYS, SEVERITIES, STATUSES, rule_label, severity_label
from custdesk.core.warnings import status_label as warning_status
from custdesk.reports import export

from .tables import PdfTable, read_tables

DASH = "—"
MASKED = "***"


def _pattern(regex: str, *, dash: bool = True, masked: bool = False):
    compiled = re.compile(regex)

    def check(value: str) -> bool:
        return bool(compiled.fullmatch(value)) or (dash and value == DASH) \
            or (masked and value == MASKED)
    check.__name__ = regex
    return check


def _one_of(labels, *, dash: bool = True):
    """One of ``labels`` (an English label may be printed capitalised, as a heading is)."""
    allowed = {x[:1].lower() + x[1:] for x in labels if x} | ({DASH} if dash else set())

    def check(value: str) -> bool:
        return value[:1].lower() + value[1:] in allowed
    check.__name__ = f"one of {sorted(allowed)[:6]}..."
    return check


def _any(value: str) -> bool:
    return bool(value)


DATE = _pattern(r"\d{4}-\d{2}-\d{2}")
MONEY = _pattern(r"-?¥\d{1,3}(,\d{3})*\.\d{2}", masked=True)
INT = _pattern(r"-?\d{1,3}(,\d{3})*", masked=True)
PERCENT = _pattern(r"-?\d+(\.\d+)?%")
CODE = _pattern(r"C[0-9A-Z]{4,}", dash=False)
TIMESTAMP = _pattern(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?", dash=False)


def _choices(kind: str, key: str):
    field = next(f for f in RECORD_KINDS[kind].fields if f.key == key)
    return [CHOICE_LABELS[c][0 if i18n.language() == "zh" else 1] for c in field.choices]


def _record_heading(kind: str, key: str) -> str:
    field = next(f for f in RECORD_KINDS[kind].fields if f.key == key)
    return field.zh if i18n.language() == "zh" else field.en


def _caption(text: str) -> str:
    """As ``blocks.caption`` prints a heading (English capitalised)."""
    return text[:1].upper() + text[1:] if i18n.language() == "en" else text


def _tables() -> list[tuple[str, dict]]:
    """(name, {heading: check}) for every table a report prints, in the current language."""
    t = i18n.tr
    grades = list(GRADES)
    graded = _pattern("(" + "|".join(grades) + r") ?[（(]\d+(\.\d+)?[）)]")
    risks = [risk_label(r) for r in ("low", "medium", "high")]
    severities = [severity_label(s) for s in SEVERITIES]
    rules = [rule_label(r) for r in RULE_KEYS]
    wstatuses = [warning_status(s) for s in STATUSES]
    astatuses = [assessment_status(s) for s in ("draft", "submitted", "approved", "rejected")]
    record_status = _choices("credit_records", "status")

    def record(kind: str, checks: dict) -> dict:
        return {_caption(_record_heading(kind, k)): v for k, v in checks.items()}

    ratio = _pattern(r"-?\d+(\.\d+)?%? ?([（(].+[）)])?", masked=True)
    period_money = ("<period>", MONEY)
    tables = [
        ("contacts", {_caption(label("name")): _any, _caption(label("position")): _any,
                      _caption(label("phone")): _pattern(r"[\d*+\- ]{7,}"),
                      _caption(label("email")): _pattern(r"\S+@\S+"),
                      _caption(label("is_primary")): _one_of(["✓"])}),
        ("statements", {_caption(t("cr.item")): _any, period_money[0]: period_money[1]}),
        ("ratios", {_caption(t("cr.item")): _any, "<period>": ratio}),
        ("credit records", record("credit_records", {
            "occurred_on": DATE, "kind": _one_of(_choices("credit_records", "kind")),
            "source": _any, "amount": MONEY, "overdue_days": INT,
            "status": _one_of(record_status + [MASKED]), "ended_on": DATE})),
        ("litigation", record("litigation", {
            "case_no": _any, "court": _any, "role": _one_of(_choices("litigation", "role")),
            "cause": _any, "amount": MONEY, "filed_on": DATE,
            "status": _one_of(_choices("litigation", "status")), "closed_on": DATE})),
        ("ageing", {**{t("cr.bucket", bucket=k): MONEY for k in ("0-30", "31-60", "61-90", "90+")},
                    _caption(t("cr.amount_total")): MONEY}),
        ("open invoices", {**record("transactions", {"ref_no": _any, "occurred_on": DATE,
                                                     "due_date": DATE, "amount": MONEY}),
                           _caption(t("cr.exposure")): MONEY,
                           t("cr.days_overdue"): INT}),
        ("latest transactions", record("transactions", {
            "occurred_on": DATE, "kind": _one_of(_choices("transactions", "kind")),
            "ref_no": _any, "due_date": DATE, "amount": MONEY, "invoice_ref": _any})),
        ("factors", {t("cr.factor"): _any,
                     t("cr.dimension"): _one_of([dimension_label(d) for d in DIMENSIONS]),
                     t("cr.input"): _any, t("cr.rule"): _any,
                     t("cr.points"): _pattern(r"(\*\*\*|\d+(\.\d+)?) / \d+(\.\d+)?")}),
        ("grade history", {t("cr.decided"): DATE, t("cr.event"): _any,
                           t("cr.grade"): lambda v: graded(v) or v == DASH,
                           t("cr.approved_limit"): _pattern(
                               r"-?¥[\d,]+\.\d\d( → -?¥[\d,]+\.\d\d)?|— → -?¥[\d,]+\.\d\d"),
                           t("cr.status"): _one_of(astatuses), t("cr.by"): _any,
                           t("cr.reason"): _any}),
        ("review history", {t("cr.date"): DATE,
                            t("cr.event"): _one_of([t(f"cr.ev.{e}") for e in
                                                    ("done", "assessment", "snooze", "trigger",
                                                     "cycle")]),
                            t("cr.due_before"): DATE, t("cr.due_after"): DATE,
                            t("cr.user"): _any, t("cr.note"): _any}),
        ("warnings", {t("cr.severity"): _one_of(severities, dash=False),
                      t("cr.rule_name"): _one_of(rules, dash=False), t("cr.facts"): _any,
                      t("cr.raised"): DATE, t("cr.status"): _one_of(wstatuses, dash=False),
                      t("cr.handling"): _any}),
        ("collateral", {**record("collateral", {
            "kind": _one_of(_choices("collateral", "kind") + [MASKED]), "provider": _any,
            "value": MONEY, "haircut": INT,
            "expires_on": lambda v: DATE(v) or v == MASKED}),
            t("cr.cover"): lambda v: MONEY(v) or v == t("cr.expired")}),
        ("limit changes", {t("cr.date"): DATE,
                           t("cr.from_to"): _pattern(r"(-?¥[\d,]+\.\d\d|—) → -?¥[\d,]+\.\d\d"),
                           t("cr.reason"): _any, t("cr.status"): _one_of(astatuses),
                           t("cr.user"): _any, t("cr.by"): _any}),
        # the review schedule
        ("schedule", {t("rs.due_date"): DATE, t("rs.code"): CODE, t("rs.name"): _any,
                      t("rs.grade"): _one_of(grades + [t("rs.unrated")]),
                      t("rs.risk"): _one_of(risks),
                      t("rs.reason"): _one_of([reason_label(r) for r in
                                               ("periodic", "unrated", "snoozed", "triggered")]),
                      t("rs.status"): _schedule_status(),
                      t("rs.owner"): _any}),
        # the portfolio summary
        ("by grade", {t("pf.grade"): _one_of(grades + [t("pf.ungraded"), t("pf.total")]),
                      t("pf.count"): INT, t("pf.count_share"): PERCENT,
                      t("pf.exposure_col"): MONEY, t("pf.exposure_share"): PERCENT,
                      t("pf.limit_col"): MONEY}),
        ("by risk", {t("pf.risk"): _one_of(risks + [t("pf.ungraded"), t("pf.total")]),
                     t("pf.count"): INT, t("pf.count_share"): PERCENT,
                     t("pf.exposure_col"): MONEY, t("pf.exposure_share"): PERCENT,
                     t("pf.limit_col"): MONEY}),
        ("largest exposures", {t("pf.rank"): INT, t("pf.code"): CODE, t("pf.name"): _any,
                               t("pf.grade_short"): _one_of(grades + [t("pf.ungraded")]),
                               t("pf.limit_col"): MONEY, t("pf.exposure_col"): MONEY,
                               t("pf.used_col"): PERCENT, t("pf.hold_col"): _any}),
        ("open warnings", {t("pf.severity"): _one_of(severities, dash=False),
                           t("pf.rule"): _one_of(rules, dash=False),
                           t("pf.customer"): _pattern(r".+C[0-9A-Z]{4,}", dash=False),
                           t("pf.facts"): _any, t("pf.raised"): DATE,
                           t("pf.status"): _one_of(wstatuses, dash=False)}),
        # the audit trail
        ("audit entries", {t("at.seq"): _pattern(r"\d+", dash=False), t("at.time"): TIMESTAMP,
                           t("at.user"): _any, t("at.action"): _any, t("at.object"): _any,
                           t("at.summary"): _any}),
    ]
    return tables


def _schedule_status():
    """"逾期 5 天" / "待复审" / "已推迟至 <day>", then perhaps "，授信冻结"."""
    t = i18n.tr
    states = [re.escape(t("rs.st.overdue", days="@")).replace("@", r"\d+"), re.escape(t("rs.st.due")),
              re.escape(t("rs.st.snoozed", day="@")).replace("@", r"\d{4}-\d{2}-\d{2}")]
    return _pattern(f"({'|'.join(states)})((，|; ){re.escape(t('rs.st.hold'))})?", dash=False)


_PERIOD = re.compile(r"\d{4}([-‐]?(Q[1-4]|H[12]|\d{2}))?")


def _match(table: PdfTable, specs: list[tuple[str, dict]]) -> list[str]:
    """The names of the tables whose checks every column of ``table`` passes; with the
    failures of those whose headings it has, for the message."""
    headings = ["<period>" if _PERIOD.fullmatch(h) else h for h in table.headers]
    failures = []
    for name, checks in specs:
        if set(headings) != set(checks):
            continue
        bad = [f"{heading!r}: {row[i]!r} is not {checks[heading].__name__}"
               for i, heading in enumerate(headings) for row in table.rows
               if any(row) and not checks[heading](row[i])]
        if not bad:
            return [name]
        failures.append(f"as {name}: " + "; ".join(bad[:6]))
    assert failures, f"page {table.page}: a table this test does not know: {table.headers}"
    raise AssertionError(f"page {table.page} {table.headers}:\n  " + "\n  ".join(failures))


def _fullest(desk, kind: str) -> str:
    """The visible graded file of ``kind`` with the most credit records and litigation."""
    return desk.db.execute(
        "SELECT c.code FROM customers c WHERE c.kind = ? AND c.assessment_id IS NOT NULL "
        "AND c.level <= ? ORDER BY (SELECT count(*) FROM credit_records r WHERE r.customer_id = c.id)"
        " + (SELECT count(*) FROM litigation r WHERE r.customer_id = c.id) DESC, c.code LIMIT 1",
        [kind, desk.user.clearance]).fetchone()[0]


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_report_table_prints_each_column_under_its_own_heading(demo_as, tmp_path,
                                                                     language):
    desk = demo_as("admin")
    enterprise, individual = _fullest(desk, "enterprise"), _fullest(desk, "individual")
    # Every row kind present in print: a litigation case and a credit record on the file.
    desk.records.add(enterprise, "litigation", {
        "case_no": "（2026）沪0101民初1234号", "court": "上海市黄浦区人民法院", "role": "defendant",
        "cause": "买卖合同纠纷", "amount": "120000", "filed_on": "2026-10-09", "status": "open"})
    desk.records.add(enterprise, "credit_records", {
        "kind": "overdue", "source": "人民银行征信中心", "occurred_on": "2026-03-04",
        "amount": "56000", "overdue_days": "45", "status": "closed", "ended_on": "2026-04-18"})
    made = {
        "customer": [export.customer(desk, enterprise, lang=language),
                     export.customer(desk, individual, lang=language)],
        "schedule": [export.reviews(desk, datetime.date(2026, 11, 1), datetime.date(2027, 1, 31),
                                    lang=language)],
        "portfolio": [export.portfolio(desk, lang=language)],
        "audit trail": [export.audit(desk, lang=language), export.audit(desk, customer=enterprise,
                                                                         lang=language)],
    }
    batch = export.batch(desk, [enterprise, individual], tmp_path / "batch", lang=language)
    assert len(batch.written) == 2 and not batch.failed
    made["batch"] = [path.read_bytes() for path in batch.written]
    seen: dict[str, set] = {}
    with i18n.using(language):
        specs = _tables()
        for kind, pdfs in made.items():
            for pdf in pdfs:
                data = pdf if isinstance(pdf, bytes) else pdf.data
                for table in read_tables(data):
                    if table.rows:
                        for name in _match(table, specs):
                            seen.setdefault(kind, set()).add(name)
    expected = {"customer": {"contacts", "statements", "ratios", "credit records", "litigation",
                             "ageing", "latest transactions", "factors", "grade history",
                             "review history", "warnings"},
                "schedule": {"schedule"},
                "portfolio": {"by grade", "by risk", "largest exposures", "open warnings"},
                "audit trail": {"audit entries"},
                "batch": {"contacts", "credit records", "litigation", "grade history"}}
    for kind, names in expected.items():
        assert names <= seen.get(kind, set()), (kind, names - seen.get(kind, set()))

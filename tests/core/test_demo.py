"""The demo data: deterministic, valid by the archive's own rules, and built atomically."""

from __future__ import annotations

import collections
import datetime
import unicodedata

import pytest

from custdesk.core import clock, demo
from custdesk.core.desk import Desk
from custdesk.core.fields import LEVELS
from custdesk.core.validation import (
    check_mobile, check_phone, check_resident_id, check_uscc, parse_money, parse_signed_money,
)
from tests.conftest import copy_database

AS_OF = demo.AS_OF


@pytest.fixture(scope="module")
def specs() -> list[dict]:
    return demo.generate()


def individuals(specs):
    return [s for s in specs if s["values"]["kind"] == "individual"]


def enterprises(specs):
    return [s for s in specs if s["values"]["kind"] == "enterprise"]


def all_strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from all_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from all_strings(item)


# ------------------------------------------------------------------------ generate

def test_generate_is_deterministic_per_seed():
    assert demo.generate(40) == demo.generate(40)
    assert demo.generate(40, seed=7) == demo.generate(40, seed=7)
    assert demo.generate(40, seed=7) != demo.generate(40, seed=8)
    assert len(demo.generate(17)) == 17


def test_identity_numbers_are_valid_and_unique(specs):
    ids = [s["values"]["id_number"] for s in individuals(specs)]
    regions = {r[0] for r in demo.REGIONS}
    for number in ids:
        checked = check_resident_id(number, today=AS_OF)
        assert checked.number == number
        assert 1955 <= checked.birth_date.year <= 2003
        assert checked.region in regions
    assert len(set(ids)) == len(ids)
    for spec in individuals(specs):   # the archive derives these from the ID number
        assert "gender" not in spec["values"] and "birth_date" not in spec["values"]


def test_credit_codes_are_valid_and_unique(specs):
    codes = [s["values"]["credit_code"] for s in enterprises(specs)]
    regions = {r[0] for r in demo.REGIONS}
    for code in codes:
        assert check_uscc(code) == code
        assert code.startswith("91") and code[2:8] in regions
    assert len(set(codes)) == len(codes)


def test_names_include_many_two_character_ones_and_duplicates(specs):
    names = [s["values"]["name"] for s in individuals(specs)]
    two = [n for n in names if len(n) == 2]
    assert len(two) >= len(names) // 4, f"only {len(two)} of {len(names)} two-character names"
    counts = collections.Counter(names)
    assert counts["张伟"] >= 2 and counts["王芳"] >= 2
    zhang_wei = [s["values"]["id_number"] for s in individuals(specs) if s["values"]["name"] == "张伟"]
    assert len(set(zhang_wei)) == len(zhang_wei)     # different people
    firms = [s["values"]["name"] for s in enterprises(specs)]
    assert len(set(firms)) == len(firms)
    assert all(f.endswith("有限公司") or f.endswith("有限责任公司") for f in firms)
    assert any(n[:2] in demo.COMPOUND_SURNAMES for n in names)


def test_text_has_no_control_characters_or_emoji(specs):
    for text in all_strings(specs):
        for char in text:
            category = unicodedata.category(char)
            assert category[0] != "C" and category != "So", f"{char!r} in {text!r}"


def test_phones_are_valid(specs):
    for spec in individuals(specs):
        assert check_mobile(spec["values"]["phone"]) == spec["values"]["phone"]
    landlines = 0
    for spec in enterprises(specs):
        phone = spec["values"]["phone"]
        assert check_phone(phone) == phone
        landlines += "-" in phone
    assert landlines > len(enterprises(specs)) // 2


def test_proportions_are_roughly_as_intended(specs):
    share = len(enterprises(specs)) / len(specs)
    assert 0.35 <= share <= 0.55
    levels = collections.Counter(s["values"]["level"] for s in specs)
    assert set(levels) == set(LEVELS)
    assert levels["internal"] > len(specs) / 2
    kinds = collections.Counter(k for s in specs for k in s["records"])
    assert kinds["transactions"] == len(specs)
    assert kinds["communications"] == len(specs)
    assert 0 < kinds["complaints"] < len(specs) * 0.12
    assert 0 < kinds["litigation"] < len(specs) * 0.10
    assert 0 < kinds["credit_records"] < len(specs) * 0.20
    litigation = [c for s in specs for c in s["records"].get("litigation", [])]
    assert {c["status"] for c in litigation} == {"open", "closed"}
    credit = [c for s in specs for c in s["records"].get("credit_records", [])]
    assert any(c["kind"] == "overdue" and c["overdue_days"] > 0 for c in credit)


def outstanding_days(spec) -> int:
    """Days past due of the customer's oldest unpaid (or part-paid) invoice on AS_OF."""
    rows = spec["records"]["transactions"]
    paid = collections.Counter()
    for row in rows:
        if row["kind"] == "payment":
            paid[row["invoice_ref"]] += parse_money(row["amount"])
    worst = 0
    for row in rows:
        if row["kind"] == "invoice" and paid[row["ref_no"]] < parse_money(row["amount"]):
            worst = max(worst, (AS_OF - datetime.date.fromisoformat(row["due_date"])).days)
    return worst


def test_transactions_cover_18_months_and_some_customers_are_overdue(specs):
    for spec in specs:
        rows = spec["records"]["transactions"]
        invoices = {r["ref_no"] for r in rows if r["kind"] == "invoice"}
        assert invoices
        for row in rows:
            assert datetime.date.fromisoformat(row["occurred_on"]) <= AS_OF
            if row["kind"] == "payment":
                assert row["invoice_ref"] in invoices
        days = [(AS_OF - datetime.date.fromisoformat(r["occurred_on"])).days for r in rows]
        assert max(days) <= 18 * 31 + 120
    # A firm in good order: a few customers pay late (some by over 30, 60 and 90 days: each
    # colour of warning), none of them for long.
    late = sorted(d for d in map(outstanding_days, specs) if d > 30)
    assert 0.01 <= len(late) / len(specs) <= 0.05
    assert late[-1] <= max(demo.LATE_PAYMENT_DAYS)
    assert any(d <= 60 for d in late) and any(60 < d <= 90 for d in late) and late[-1] > 90


def test_financial_statements_add_up(specs):
    loss_making = 0
    for spec in enterprises(specs):
        statements = spec["records"]["financials"]
        assert [s["period"] for s in statements] == ["2023", "2024", "2025"]
        for s in statements:
            m = {k: parse_signed_money(v) for k, v in s.items() if k not in ("period", "notes")}
            assert m["equity"] == m["total_assets"] - m["total_liabilities"]
            assert 0 <= m["current_assets"] <= m["total_assets"]
            assert 0 <= m["current_liabilities"] <= m["total_liabilities"]
            assert m["receivables"] <= m["current_assets"] and m["inventory"] <= m["current_assets"]
            assert m["revenue"] > 0
        revenues = [parse_money(s["revenue"]) for s in statements]
        for before, after in zip(revenues, revenues[1:]):
            assert 0.69 <= after / before <= 1.31
        loss_making += any(parse_signed_money(s["net_profit"]) < 0 for s in statements)
    assert 0 < loss_making < len(enterprises(specs)) / 2


def test_enterprises_have_contacts_and_some_licences_expire_soon(specs):
    for spec in enterprises(specs):
        contacts = spec["records"]["contacts"]
        assert 1 <= len(contacts) <= 3
        assert sum(bool(c["is_primary"]) for c in contacts) == 1
    expiry = [(datetime.date.fromisoformat(l["expires_on"]) - AS_OF).days
              for s in enterprises(specs) for l in s["records"].get("licences", [])]
    assert any(0 < d <= 60 for d in expiry)
    assert any(d <= 0 for d in expiry)
    assert sum(d <= 0 for d in expiry) < sum(d > 60 for d in expiry)
    for spec in individuals(specs):
        assert "contacts" not in spec["records"]


def test_people_bring_two_years_of_statements_that_the_individual_scorecard_reads():
    """Without income, spending, assets and debts the scorecard scores a person's solvency
    and savings at their worst: a demo person has them for the last two whole years."""
    specs = demo.generate(80, seed=7)
    for spec in individuals(specs):
        rows = spec["records"]["financials"]
        assert [r["period"] for r in rows] == [str(AS_OF.year - 2), str(AS_OF.year - 1)]
        for row in rows:
            income, expenses = float(row["income"]), float(row["expenses"])
            assets, liabilities = float(row["assets"]), float(row["liabilities"])
            assert 0 < expenses < income and 0 <= liabilities < assets
            monthly = float(spec["values"]["monthly_income"])
            assert 0.85 * 12 * monthly <= income <= 1.15 * 12 * monthly


# ------------------------------------------------------------------------ populate

def test_populate_files_everything_through_the_api(desk):
    specs = demo.generate(25, seed=3)
    demo.populate(desk, specs)
    rows = desk.db.execute("SELECT code, name, kind, owner FROM customers "
                           "ORDER BY created_at").fetchall()
    assert len(rows) == 25
    users = {u.name for u in desk.users.list()}
    for (code, name, kind, owner), spec in zip(rows, specs):
        assert name == spec["values"]["name"] and kind == spec["values"]["kind"]
        assert owner in users
        for record_kind, wanted in spec["records"].items():
            assert len(desk.records.raw(code, record_kind)) == len(wanted)
        if kind == "enterprise":
            periods = sorted(r["period"] for r in desk.records.raw(code, "financials"))
            assert periods == ["2023", "2024", "2025"]
            statement = desk.records.raw(code, "financials")[0]
            assert statement["equity"] == statement["total_assets"] - statement["total_liabilities"]
        else:
            got = desk.customers.get(code, reveal=["id_number"], reason="核对")
            number = spec["values"]["id_number"]
            assert got["birth_date"] == f"{number[6:10]}-{number[10:12]}-{number[12:14]}"
            assert got["gender"] == ("male" if int(number[16]) % 2 else "female")
    assert any(kind == "enterprise" for _, _, kind, _ in rows)
    added = [e for e in desk.audit.entries() if e["action"] == "customer.add"]
    assert len(added) == 25
    result = desk.audit.verify()
    assert result.ok, result.message


# ---------------------------------------------------------------------- ensure_demo

def test_demo_users_one_of_each_role():
    assert set(demo.DEMO_PASSWORDS) == set(demo.DEMO_USERS)
    assert sorted(role for role, _, _ in demo.DEMO_USERS.values()) == \
        sorted(["admin", "manager", "reviewer", "clerk", "auditor"])
    assert all(len(pw) >= 8 for pw in demo.DEMO_PASSWORDS.values())


def test_ensure_demo_creates_once_and_users_can_log_in(tmp_path):
    path = tmp_path / "demo" / "custdesk-demo.db"
    assert demo.ensure_demo(path, count=12) is True
    assert sorted(p.name for p in path.parent.iterdir()) == \
        sorted([path.name, path.name + ".keys", path.name + ".audit-head"])
    before = path.stat().st_mtime_ns
    assert demo.ensure_demo(path, count=12) is False
    assert path.stat().st_mtime_ns == before
    for name, password in demo.DEMO_PASSWORDS.items():
        desk = Desk.open(path, name, password)
        try:
            role, clearance, full_name = demo.DEMO_USERS[name]
            assert (desk.user.role, LEVELS[desk.user.clearance]) == (role, clearance)
            assert desk.user.full_name == full_name
            assert desk.firm_name == demo.DEMO_FIRM
            if name == "admin":
                count = desk.db.execute("SELECT count(*) FROM customers").fetchone()[0]
                assert count == 12
                assert desk.audit.verify().ok
        finally:
            desk.close()


def test_a_demo_made_early_in_the_morning_has_no_entry_dated_after_it(tmp_path):
    made = datetime.datetime.combine(datetime.date(2027, 3, 15), datetime.time(2, 0)).astimezone()
    path = tmp_path / "custdesk-demo.db"
    clock.set_fixed(made)
    try:
        assert demo.ensure_demo(path, count=12) is True
    finally:
        clock.set_fixed(None)
    desk = Desk.open(path, "admin", demo.DEMO_PASSWORDS["admin"], daily_check=False)
    try:
        stamps = [e["at"] for e in desk.audit.entries(limit=50) if e["action"] != "login"]
    finally:
        desk.close()
    latest = max(clock.datetime_of(at) for at in stamps)
    # the demo's day began (the warning rules on) just before it was made, not at 08:00
    assert made.date() == latest.astimezone().date() and latest < made


def test_ensure_demo_leaves_nothing_behind_when_interrupted(tmp_path, monkeypatch):
    path = tmp_path / "custdesk-demo.db"
    real_populate = demo.populate

    def populate_then_fail(desk, specs):
        real_populate(desk, specs[:3])
        raise KeyboardInterrupt

    monkeypatch.setattr(demo, "populate", populate_then_fail)
    with pytest.raises(KeyboardInterrupt):
        demo.ensure_demo(path, count=5)
    assert list(tmp_path.iterdir()) == []
    monkeypatch.setattr(demo, "populate", real_populate)
    assert demo.ensure_demo(path, count=5) is True
    desk = Desk.open(path, "clerk", demo.DEMO_PASSWORDS["clerk"])
    try:
        assert desk.user.role == "clerk"
    finally:
        desk.close()


# -------------------------------------------------------------------- the demo's today

# A day other than demo.AS_OF: the demo a person opens is written around the day it is made.
MADE_ON = datetime.datetime(2027, 3, 15, 9, 0, tzinfo=datetime.timezone.utc)


@pytest.fixture(scope="module")
def full_demo(tmp_path_factory):
    """The demo as ``--demo`` makes it (300 files), made on ``MADE_ON``."""
    path = tmp_path_factory.mktemp("full-demo") / "custdesk-demo.db"
    clock.set_fixed(MADE_ON)
    try:
        assert demo.ensure_demo(path) is True
    finally:
        clock.set_fixed(None)
    return path


def _fates(path) -> dict:
    """Each file (its name and phone: codes are random) -> its grade now, and the grades
    and outcomes in its past."""
    clock.set_fixed(MADE_ON)
    desk = Desk.open(path, "admin", demo.DEMO_PASSWORDS["admin"], daily_check=False)
    try:
        names = {cid: (name, phone) for cid, name, phone in
                 desk.db.execute("SELECT id, name, phone FROM customers").fetchall()}
        fates = {(name, phone): [grade] for name, phone, grade in
                 desk.db.execute("SELECT name, phone, grade FROM customers").fetchall()}
        for graded in desk.outcomes.approved():
            fates[names[graded.customer_id]].append((graded.decided, graded.grade))
        for event in desk.outcomes.events():
            fates[names[event.customer_id]].append((event.on, event.kind, event.source))
        return fates
    finally:
        desk.close()
        clock.set_fixed(None)


@pytest.mark.slow
def test_every_build_of_the_demo_draws_the_same_fates(full_demo, tmp_path):
    """Codes and ids are random and many files share a creation minute; yet who is graded
    what, when, and who goes bad how, is the same in every build: the demo a user opens
    and the figures its tests expect do not change from one build to the next."""
    again = tmp_path / "again.db"
    clock.set_fixed(MADE_ON)
    try:
        assert demo.ensure_demo(again) is True
    finally:
        clock.set_fixed(None)
    first, second = _fates(full_demo), _fates(again)
    assert len(first) == 300 and sum(len(f) > 2 for f in first.values()) > 150
    assert second == first


def today_page(path, tmp_path, user):
    """What the 今日 page reads (gui.home_page.load_today), through the same core calls: the
    day's warning check, the review counts and rows due within 14 days, the open warnings by
    colour; and the approval queue."""
    copy = tmp_path / f"{user}.db"
    copy_database(path, copy)
    clock.set_fixed(MADE_ON)
    desk = Desk.open(copy, user, demo.DEMO_PASSWORDS[user])      # the day's check at login
    try:
        desk.warnings.daily()
        counts = desk.reviews.counts(14)
        rows = desk.reviews.due(14, limit=counts["overdue"] + 200)
        files = desk.customers.list_rows(limit=1)[1]
        ungraded = desk.db.execute("SELECT status, created_at FROM customers "
                                   "WHERE grade IS NULL AND name IS NOT NULL").fetchall()
        return {"counts": counts, "rows": rows, "warnings": desk.warnings.counts(),
                "queue": desk.grading.queue(), "files": files, "ungraded": ungraded}
    finally:
        desk.close()


@pytest.mark.parametrize("user", ["admin", "clerk"])
def test_the_demo_is_a_firm_in_good_order(full_demo, tmp_path, user):
    page = today_page(full_demo, tmp_path, user)
    counts, rows, warnings = page["counts"], page["rows"], page["warnings"]
    assert page["files"] >= (300 if user == "admin" else 200)
    overdue = [r for r in rows if r["overdue_days"] > 0]
    # A handful of reviews and first gradings a few days or weeks late, none for months.
    assert len(overdue) == counts["overdue"] and 2 <= counts["overdue"] <= 10, counts
    assert max(r["overdue_days"] for r in overdue) <= 45
    assert {r["reason"] for r in overdue} >= {"unrated", "periodic"}
    assert 5 <= counts["due_soon"] <= 50 and counts["hold"] <= 3, counts
    # A few warnings of each colour, not a wall of red. (Orange includes the files graded
    # two notches down since their grade of a year or two ago, and collateral short of the
    # amount it secures.)
    assert 1 <= warnings["red"] <= 8 and 2 <= warnings["orange"] <= 15 and \
        2 <= warnings["yellow"] <= 15, warnings
    # Files never graded are the customers opened in the last weeks.
    for status, created in page["ungraded"]:
        assert status == "prospect"
        assert (MADE_ON - clock.datetime_of(created)).days <= 45


def test_most_customers_of_each_kind_hold_an_investment_grade(full_demo, tmp_path):
    """A firm in good order trades mostly with customers it grades BBB or better; a demo whose
    people all sat at B-CCC (their statements missing) read as a portfolio in trouble."""
    copy = tmp_path / "grades.db"
    copy_database(full_demo, copy)
    desk = Desk.open(copy, "admin", demo.DEMO_PASSWORDS["admin"], daily_check=False)
    try:
        grades = desk.db.execute("SELECT kind, grade FROM customers "
                                 "WHERE grade IS NOT NULL").fetchall()
    finally:
        desk.close()
    for kind in ("individual", "enterprise"):
        of_kind = [g for k, g in grades if k == kind]
        good = [g for g in of_kind if g in ("AAA", "AA", "A", "BBB")]
        assert len(good) >= 0.6 * len(of_kind), (kind, collections.Counter(of_kind))


def test_several_decisions_wait_and_none_for_long(full_demo, tmp_path):
    queue = today_page(full_demo, tmp_path, "reviewer")["queue"]
    assert 3 <= len(queue) <= 8, len(queue)
    assert {q["type"] for q in queue} == {"assessment", "limit_change"}
    assert all((MADE_ON - clock.datetime_of(q["requested_at"])).days <= 14 for q in queue)


def test_the_demo_has_a_history_a_scorecard_can_be_validated_on(full_demo, tmp_path):
    """Most files were graded a year or two ago as well; 5-10 % of those grades went bad
    within their window, the worse grades more often; every kind of outcome entered by hand
    is there; about a fifth of the files hold collateral, a few of it expiring or short."""
    from custdesk.core.outcomes import ENTERED_KINDS
    copy = tmp_path / "history.db"
    copy_database(full_demo, copy)
    clock.set_fixed(MADE_ON)
    desk = Desk.open(copy, "admin", demo.DEMO_PASSWORDS["admin"], daily_check=False)
    try:
        today = MADE_ON.date()
        graded = desk.outcomes.approved()
        earlier = {g.code for g in graded if 365 <= (today - g.decided).days <= 731}
        files = {g.code for g in graded}
        assert len(earlier) >= 0.6 * len(files), (len(earlier), len(files))
        observed = desk.outcomes.observations()
        assert len(observed) >= 150
        # Every build draws the same fates (``test_every_build_of_the_demo_draws_the_same_fates``):
        # 13 of 217 grades went bad, the worse grades 3-6 times as often.
        assert 0.02 <= observed.bad_count / len(observed) <= 0.15, observed.bad_count
        good = [o for o in observed if o.grade in ("AAA", "AA", "A", "BBB")]
        worse = [o for o in observed if o not in good]
        assert sum(o.bad for o in worse) / len(worse) > 1.5 * sum(o.bad for o in good) / len(good)
        events = desk.outcomes.events()
        entered = collections.Counter(e.kind for e in events if e.source == "entered")
        assert set(entered) == set(ENTERED_KINDS), entered
        assert {e.kind for e in events if e.source == "detected"} == \
            {"invoice_overdue", "credit_overdue"}
        matrix = desk.outcomes.migration(12)
        assert matrix["total"] >= 100 and sum(r["bad"] for r in matrix["rows"].values()) >= 3
        held = desk.db.execute("SELECT customer_id, kind, value, haircut, expires_on, "
                               "secured_amount FROM collateral").fetchall()
        holders = {r[0] for r in held}
        count = desk.db.execute("SELECT count(*) FROM customers").fetchone()[0]
        assert 0.12 <= len(holders) / count <= 0.28
        assert {r[1] for r in held} >= {"guarantee", "real_estate", "deposit"}
        soon = (today + datetime.timedelta(days=30)).isoformat()
        assert 1 <= sum(today.isoformat() <= r[4] <= soon for r in held) <= 3
        cover, secured = collections.Counter(), collections.Counter()
        for cid, _kind, value, haircut, _expires, amount in held:
            cover[cid] += value * (100 - haircut) // 100
            secured[cid] += amount
        assert 1 <= sum(cover[c] < secured[c] for c in holders) <= 3
    finally:
        desk.close()

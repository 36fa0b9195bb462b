"""The synthetic firm every benchmark measures: N customers, the same for the same seed.

``build(path, customers, seed)`` makes it in two parts:

- **full files**: the first ``full_files(N)`` customers are the demo firm's
  (``custdesk.core.demo``): filed through the public API — every value checked, every
  change audited — with contacts, statements, transactions, credit records, litigation,
  documents, approved assessments, reviews and warnings. Reports are timed on these:
  their length is what a real customer's report has.
- **the rest in bulk**: realistic Chinese names (surnames weighted as in life, one- and
  two-character given names by gender; firms named city + brand + trade + legal form),
  valid resident ID numbers and unified social credit codes (real region codes, correct
  check characters), phones, addresses, financial statements (enterprises three years,
  some individuals one), invoices and payments (exposure and oldest open due date worked
  out by core's own functions), a credit standing (grade, limit, review dates by core's
  review policy), litigation, complaints, licences and identity papers. They are written
  as the importer writes (``importing.run``): random ids and codes from
  ``customers.allocate``, each row through the sealing layer (``desk.store.encode`` at
  the row's level: the file's, raised to its kind's for statements and litigation, so
  秘密/机密 files are sealed and ID numbers, birth dates, incomes above their file are
  vaulted), with ``executemany`` into ``main.<table>`` in one ``desk.writing()``
  transaction, the search keys core writes (``importing.keys.keys_for``), name grams
  for files below ``SEAL_FROM`` only, blind-index digests where ``blind.digest_row``
  gives one, and ONE audit entry that says so; only this builder writes rows without
  the archive's checks. The level mix (10% 公开, 79% 内部, 8% 秘密, 3% 机密) decides
  how many files are sealed.
- **a history** (``History``, on a random stream of its own): every graded bulk file's
  present grade is an approved assessment (``customers.assessment_id``) and most were
  graded 12–24 months before as well (``EARLIER_SHARE`` of the files opened by then), each
  scored with the shipped scorecards through ``scorecard.score`` on inputs drawn for the
  customer (its age band, housing or years in business from its details; the rest drawn
  in keeping with the grade, some factors better and some worse, a few missing) and
  stored as ``Assessments.evaluate`` stores them (``detail``'s factors with each
  ``input_key`` and ``input``, the recommended limit from ``limits.recommend``), assessed
  by the manager and decided on the grade's day by the reviewer (the administrator for
  机密 files). Each grade held carries its year's chance of going bad (``BAD_RATES``:
  about 7 % within 12 months over the firm's grades): mostly an outcome entered by hand
  (the kinds in turn), else one of our invoices left unpaid past 90 days (half of them
  paid late since). Written like the rest (``encode`` at the file's level, an
  assessment's detail at the level of what it read; ``executemany``) and ONE more audit
  entry, ``benchmark.bulk_history``, with the counts.

The day's warning check is then run once, so that the firm opens as it would on a
working morning. ``people(...)`` regenerates the bulk customers without a database (the
search queries are drawn from them); ``write_import_csv`` writes an import file of the
same kind of people.
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import json
import random
import time
from dataclasses import dataclass, field
from pathlib import Path

from custdesk.core import demo
from custdesk.core.grading.scale import GRADES

SEED = 20261122
TODAY = demo.AS_OF                        # 2026-11-22, the demo's "today"
ADMIN, PASSWORD = "admin", demo.DEMO_PASSWORDS["admin"]          # sees every level
CLERK, CLERK_PASSWORD = "clerk", demo.DEMO_PASSWORDS["clerk"]    # public and internal only

# A hundred surnames in order of frequency (weighted Zipf-like below), and compound ones.
SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余"
            "杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史")
_SURNAME_WEIGHTS = [1 / (i + 1) ** 0.8 for i in range(len(SURNAMES))]
COMPOUND = ("欧阳", "司马", "诸葛", "上官", "尉迟")
CITIES = ("北京", "上海", "天津", "重庆", "广州", "深圳", "杭州", "南京", "苏州", "成都", "武汉",
          "西安", "长沙", "郑州", "济南", "青岛", "厦门", "福州", "合肥", "宁波", "东莞", "佛山")
BRAND_CHARS = ("恒泰华信鼎盛宏远瑞丰金桥汇通永兴德润嘉禾中天成博新源隆安聚鑫发海纳同创卓越业万锦程"
               "世晨和顺益民光东方航联正明达利宝富康久")
TRADES = ("贸易", "商贸", "科技", "电子科技", "建筑工程", "物流", "供应链管理", "餐饮管理", "食品",
          "机械制造", "信息技术", "医药", "农产品加工", "装饰工程", "软件技术")
FORMS = ("有限公司", "有限责任公司", "股份有限公司", "商行", "经营部")
INDUSTRIES = ("批发和零售业", "制造业", "建筑业", "信息技术", "交通运输", "住宿和餐饮业")
EMPLOYERS = ("市第一人民医院", "区实验中学", "个体经营", "华信商贸有限公司", "市供电公司", "")
GRADE_RISK = (("AAA", "low"), ("AA", "low"), ("A", "low"), ("BBB", "medium"), ("BB", "medium"),
              ("B", "medium"), ("CCC", "high"), ("CC", "high"), ("C", "high"))
GRADE_WEIGHTS = (2, 8, 15, 22, 20, 15, 10, 5, 3)
STAMP = "2025-01-02T01:00:00Z"


def full_files(customers: int) -> int:
    """How many of the customers are full demo files (enough for the report samples)."""
    return max(10, min(120, customers // 50))


def _day(n: int) -> str:
    return (TODAY - datetime.timedelta(days=n)).isoformat()


def _person_name(rng: random.Random, male: bool) -> str:
    surname = (rng.choice(COMPOUND) if rng.random() < 0.02
               else rng.choices(SURNAMES, _SURNAME_WEIGHTS)[0])
    gender = "male" if male else "female"
    if rng.random() < 0.4:           # 张伟: the two-character names search must find
        return surname + rng.choice(demo.GIVEN_ONE[gender])
    if rng.random() < 0.5:
        return surname + rng.choice(demo.GIVEN_TWO[gender])
    return surname + "".join(rng.choices(demo.GIVEN_ONE[gender], k=2))


def _firm_name(rng: random.Random, used: set[str]) -> str:
    while True:
        name = (rng.choice(CITIES) + "".join(rng.sample(BRAND_CHARS, 2)) + rng.choice(TRADES)
                + rng.choice(FORMS))
        if name not in used:
            used.add(name)
            return name


def people(count: int, seed: int = SEED, first_number: int = 1) -> list[dict]:
    """The bulk customers numbered ``first_number`` … ``count``: plain data, no database.

    Each: number, kind, name, status, tier, level, owner, phone, email, address and the
    kind's details (``person`` or ``firm`` dict) with valid identity numbers. (Codes are
    random: the database gives them, ``Firm.codes``.)
    """
    rng = random.Random(seed)
    used_ids: set[str] = set()
    used_codes: set[str] = set()
    used_firms: set[str] = set()
    out = []
    for number in range(first_number, count + 1):
        individual = rng.random() < 0.7
        region, _city, district, area = rng.choice(demo.REGIONS)
        level = rng.choices((0, 1, 2, 3), (10, 79, 8, 3))[0]
        owner = (rng.choices(("clerk", "manager", "admin"), (60, 25, 15))[0] if level <= 1
                 else rng.choice(("manager", "admin")))
        c = {"number": number,
             "kind": "individual" if individual else "enterprise",
             "status": rng.choices(("active", "prospect", "suspended", "closed", "blacklisted"),
                                   (72, 12, 6, 7, 3))[0],
             "tier": rng.choices(("vip", "key", "normal"), (6, 20, 74))[0],
             "level": level, "owner": owner,
             "email": f"user{number}@example.com" if rng.random() < 0.3 else None,
             "address": demo._address(rng, district)}
        if individual:
            male = rng.random() < 0.5
            while True:
                birth = datetime.date(1950, 1, 1) + datetime.timedelta(days=rng.randrange(20000))
                id_number = demo.resident_id(region, birth, rng.randrange(500), male)
                if id_number not in used_ids:
                    used_ids.add(id_number)
                    break
            c["name"] = _person_name(rng, male)
            c["phone"] = demo._mobile(rng)
            c["person"] = {"gender": "male" if male else "female", "birth_date": birth.isoformat(),
                           "id_number": id_number, "employer": rng.choice(EMPLOYERS) or None,
                           "monthly_income": rng.randint(30, 600) * 100_00,
                           "housing": rng.choice(("own", "mortgage", "rent", "family"))}
        else:
            founded = datetime.date(1995, 1, 1) + datetime.timedelta(days=rng.randrange(10000))
            while True:
                code = demo.credit_code(rng, region, founded)
                if code not in used_codes:
                    used_codes.add(code)
                    break
            c["name"] = _firm_name(rng, used_firms)
            c["phone"] = demo._landline(rng, area) if rng.random() < 0.6 else demo._mobile(rng)
            c["firm"] = {"credit_code": code, "legal_rep": _person_name(rng, rng.random() < 0.7),
                         "registered_capital": rng.randint(10, 5000) * 10_000_00,
                         "founding_date": founded.isoformat(), "industry": rng.choice(INDUSTRIES),
                         "employees": rng.randint(3, 2000)}
        if rng.random() < 0.05:
            c["phone"] = None
        out.append(c)
    return out


# -- the database ------------------------------------------------------------------------------
@dataclass
class Firm:
    path: Path
    customers: int
    seed: int
    full: int                                   # how many files were filed through the API
    people: list[dict] = field(default_factory=list)    # the bulk customers
    build_seconds: float | None = None          # None: an existing database was reused
    full_codes: list[str] = field(default_factory=list)  # the full files, in creation order
    codes: list[str] = field(default_factory=list)       # every file's code, sorted


def _codes(path: Path) -> tuple[list[str], list[str]]:
    """(the full files' codes in creation order, every code sorted), read from the database.

    Codes are random, so they are read back: the full files are those the archive filed
    (a ``customer.add`` entry in the log names each); the bulk load writes none.
    """
    from custdesk.core.store import connection
    from custdesk.core.store.keyslots import KeySlots
    db = connection.connect(path, KeySlots.load(path).unlock(ADMIN, PASSWORD))
    try:
        full = [r[0] for r in db.execute(
            "SELECT code FROM main.customers WHERE code IN (SELECT object FROM audit_log "
            "WHERE action = 'customer.add') ORDER BY created_at, id")]
        codes = sorted(r[0] for r in db.execute("SELECT code FROM main.customers"))
    finally:
        db.close()
    return full, codes


def _statements(rng: random.Random, c: dict) -> list[tuple]:
    """(period, revenue, net_profit, ebit, total_assets, current_assets, total_liabilities,
    current_liabilities, equity, retained_earnings, operating_cash_flow, receivables,
    inventory, income, expenses, assets, liabilities) rows, in fen; parts never above totals."""
    rows = []
    if c["kind"] == "enterprise":
        revenue = rng.randint(50, 50_000) * 10_000_00
        for period in ("2023", "2024", "2025"):
            revenue = int(revenue * rng.uniform(0.85, 1.25))
            total_assets = int(revenue * rng.uniform(0.5, 1.5))
            current = int(total_assets * rng.uniform(0.3, 0.8))
            liabilities = int(total_assets * rng.uniform(0.2, 0.9))
            current_liab = int(liabilities * rng.uniform(0.4, 0.9))
            equity = total_assets - liabilities
            profit = int(revenue * rng.uniform(-0.05, 0.12))
            rows.append((period, revenue, profit, int(profit * 1.3), total_assets, current,
                         liabilities, current_liab, equity, int(equity * rng.uniform(0.1, 0.6)),
                         int(profit * rng.uniform(0.5, 1.5)), int(current * rng.uniform(0.2, 0.5)),
                         int(current * rng.uniform(0.1, 0.4)), None, None, None, None))
    elif rng.random() < 0.4:
        income = c["person"]["monthly_income"] * 12
        rows.append(("2025", *([None] * 12), income, int(income * rng.uniform(0.4, 0.9)),
                     rng.randint(5, 500) * 10_000_00, rng.randint(0, 300) * 10_000_00))
    return rows


def _transactions(rng: random.Random, c: dict, limit: int | None) -> list[dict]:
    """Invoices of the last year, most paid in full by a payment naming them; a few open."""
    if not limit or c["status"] not in ("active", "suspended"):
        return []
    rows = []
    for i in range(rng.randint(1, 6)):
        issued = TODAY - datetime.timedelta(days=rng.randint(5, 360))
        amount = max(100_00, int(limit * rng.uniform(0.05, 0.35)) // 100 * 100)
        ref = f"INV{c['number']:06d}-{i + 1}"
        rows.append({"kind": "invoice", "ref_no": ref, "occurred_on": issued.isoformat(),
                     "due_date": (issued + datetime.timedelta(days=30)).isoformat(),
                     "amount": amount, "invoice_ref": None})
        # Paid 10 to 60 days after the invoice; a few of the last months' are paid late
        # (still open), the older ones were all settled in the end.
        paid = issued + datetime.timedelta(days=rng.randint(10, 60))
        late = issued > TODAY - datetime.timedelta(days=150) and rng.random() < 0.03
        if paid <= TODAY and not late:
            rows.append({"kind": "payment", "ref_no": f"RCV{c['number']:06d}-{i + 1}",
                         "occurred_on": paid.isoformat(), "due_date": None, "amount": amount,
                         "invoice_ref": ref})
    return rows


_CHUNK = 10_000                 # files encoded, then written, at a time
# The tables the bulk load writes, in the order they are written (customers first).
_TABLES = ("customers", "individuals", "enterprises", "financial_statements", "transactions",
           "litigation", "complaints", "licences", "documents", "outcomes", "assessments")


def build(path: Path, count: int, seed: int = SEED) -> Firm:
    """Create the firm's database at ``path`` (which must not exist)."""
    from custdesk.core import clock
    from custdesk.core.customers import blind
    from custdesk.core.customers import search as s
    from custdesk.core.customers.exposure import exposure, oldest_open_due
    from custdesk.core.desk import Desk
    from custdesk.core.importing.keys import keys_for
    from custdesk.core.reviews import next_review, policy_from
    from custdesk.core.store.sealed_schema import SEAL_FROM

    started = time.perf_counter()
    full = min(count, full_files(count))
    demo.ensure_demo(path, count=full, as_of=TODAY)      # the full files (API)
    bulk = people(count, seed, first_number=full + 1)
    rng = random.Random(seed + 7)
    clock.set_fixed(datetime.datetime.combine(TODAY, datetime.time(8)).astimezone())
    desk = Desk.open(path, ADMIN, PASSWORD, daily_check=False)
    try:
        policy = policy_from(desk.db)
        encode = desk.store.encode
        history = History(desk, seed)
        # A record's level: its file's, raised to its kind's (statements, credit records
        # and litigation may be levelled above their file: ``disclosure.row_level``).
        kind_level = {table: desk.disclosure.kind_level(table) for table in _TABLES}
        keys = keys_for([(c["name"], c["phone"], c["kind"]) for c in bulk])
        stored: dict[str, list[dict]] = {table: [] for table in _TABLES}
        # An assessment's detail is kept at the level of what it read, which depends on its
        # file's kind: encoded once its file is written (``Disclosure.vault_levels``).
        graded_rows: list[tuple[int, dict]] = []
        present: list[tuple[int, int]] = []         # (present assessment id, file id)
        grams, digests = [], []
        counts = {"statements": 0, "transactions": 0, "sealed": 0}

        def record(table: str, cid: int, level: int, values: dict, created: str) -> None:
            row = {"customer_id": cid, **values, "created_at": created, "created_by": ADMIN,
                   "updated_at": created}
            stored[table].append(encode(table, row, level=max(level, kind_level[table])))

        def digest(cid: int, table: str, column: str, value, level: int) -> None:
            found = blind.digest_row(desk, cid, table, column, value, level)
            if found:
                digests.append(found)

        conn = desk.db.conn

        def flush() -> None:
            """What is encoded so far into the tables (files first: records name them)."""
            stored["customers"].sort(key=lambda r: r["id"])
            _insert(conn, "customers", stored["customers"])
            stored["customers"].clear()
            stored["assessments"] = [encode("assessments", row, level=level)
                                     for level, row in graded_rows]
            graded_rows.clear()
            for table in _TABLES[1:]:
                _insert(conn, table, stored[table])
                stored[table].clear()
            # Each file names its present assessment: written once both are there (a file's
            # row comes first, since its kind decides its assessments' level; a deferred
            # foreign key check would scan the files for each assessment).
            conn.executemany("UPDATE main.customers SET assessment_id = ? WHERE id = ?",
                             present)
            present.clear()
            grams.sort()                              # in key order: fewer pages touched
            conn.executemany("INSERT INTO name_grams (gram, customer_id) VALUES (?, ?)", grams)
            conn.executemany(blind.INSERT, digests)
            grams.clear()
            digests.clear()

        # Each page SQLCipher reads is decrypted: a large page cache for the bulk write.
        conn.execute(f"PRAGMA cache_size = -{256 * 1024}")
        with desk.writing():
            identities = desk.customers.allocate(len(bulk))
            for number, (c, (norm, initials, full_pinyin, sort, phone_rev), (cid, code)) in enumerate(
                    zip(bulk, keys, identities), 1):
                if number % _CHUNK == 0:
                    flush()
                level = c["level"]
                rated = rng.random() < 0.95
                # An unrated file is a new one, waiting for its first grading (due 30 days on).
                created = _day(rng.randint(30, 900) if rated else rng.randint(0, 45)) + "T01:00:00Z"
                state = {"created_at": created, "grade": None, "risk_level": None,
                         "review_base": None}
                grade = risk = limit = valid = graded = None
                if rated:
                    grade, risk = rng.choices(GRADE_RISK, GRADE_WEIGHTS)[0]
                    # A firm that keeps up: reviews fall evenly over the cycle, a few are late.
                    cycle = policy.cycles[risk] * 30
                    graded = _day(rng.randint(1, cycle) if rng.random() < 0.96
                                  else cycle + rng.randint(1, 60))
                    valid = (datetime.date.fromisoformat(graded)
                             + datetime.timedelta(days=365)).isoformat()
                    limit = rng.randint(1, 200) * 1_000_00
                    state.update(grade=grade, risk_level=risk, review_base=graded)
                moves = _transactions(rng, c, limit)
                plan = history.plan(c, cid, grade, graded, created, limit, level) if rated \
                    else None
                if plan:
                    moves += history.moves(plan, c["number"])
                due = next_review(state, policy)[0].isoformat()
                base = {"id": cid, "code": code, "kind": c["kind"], "name": c["name"],
                        "status": c["status"], "tier": c["tier"], "level": level,
                        "owner": c["owner"], "phone": c["phone"], "email": c["email"],
                        "address": c["address"], "tags": "", "notes": "", "name_norm": norm,
                        "pinyin_initials": initials, "pinyin_full": full_pinyin,
                        "sort_key": sort, "phone_rev": phone_rev, "overrides": "{}", "created_at": created,
                        "created_by": ADMIN, "updated_at": created, "grade": grade,
                        "risk_level": risk, "credit_limit": limit, "grade_valid_until": valid,
                        "graded_on": graded, "exposure": exposure(moves),
                        "overdue_since": oldest_open_due(moves), "review_base": graded,
                        "next_review": due, "closed_on": _day(rng.randint(30, 400))
                        if c["status"] == "closed" else None}
                stored["customers"].append(encode("customers", base, level=level))
                counts["sealed"] += level >= SEAL_FROM
                if level < SEAL_FROM:           # a sealed name has no grams (the catalogue)
                    grams.extend((g, cid) for g in s.name_grams(norm))
                digest(cid, "customers", "phone", c["phone"], level)
                if c["kind"] == "individual":
                    p = c["person"]
                    stored["individuals"].append(encode("individuals", {
                        "customer_id": cid, "gender": p["gender"], "birth_date": p["birth_date"],
                        "id_type": "resident_id", "id_number": p["id_number"],
                        "employer": p["employer"], "monthly_income": p["monthly_income"],
                        "housing": p["housing"]}, level=level))
                    digest(cid, "individuals", "id_number", p["id_number"], level)
                else:
                    f = c["firm"]
                    stored["enterprises"].append(encode("enterprises", {
                        "customer_id": cid, "credit_code": f["credit_code"],
                        "legal_rep": f["legal_rep"], "registered_capital": f["registered_capital"],
                        "founding_date": f["founding_date"], "industry": f["industry"],
                        "employees": f["employees"]}, level=level))
                    digest(cid, "enterprises", "credit_code", f["credit_code"], level)
                statements = _statements(rng, c)
                for row in statements:
                    record("financial_statements", cid, level,
                           dict(zip(_STATEMENT_COLUMNS, row)), created)
                    counts["statements"] += 1
                if plan:
                    present.append((plan["ids"][-1], cid))
                    graded_rows.extend((level, row) for row in history.assessments(
                        plan, c, moves, statements, valid))
                    for row in history.outcomes(plan):
                        stored["outcomes"].append(encode(
                            "outcomes", row, level=max(level, kind_level["outcomes"])))
                for m in moves:
                    record("transactions", cid, level, m, created)
                    counts["transactions"] += 1
                if rng.random() < 0.015:
                    record("litigation", cid, level, {
                        "case_no": f"(2026)京0105民初{c['number']}号", "role": "defendant",
                        "amount": rng.randint(1, 500) * 1000_00,
                        "filed_on": _day(rng.randint(1, 400)), "status": "open"}, created)
                for _ in range(rng.choices((0, 1, 3), (85, 13, 2))[0]):
                    record("complaints", cid, level, {"received_on": _day(rng.randint(0, 200)),
                                                      "subject": "发货延迟"}, created)
                if c["kind"] == "enterprise" and rng.random() < 0.5:
                    record("licences", cid, level, {
                        "name": "经营许可证", "expires_on": _day(rng.randint(-1500, 40))}, created)
                if rng.random() < 0.97:
                    kind = "business_licence" if c["kind"] == "enterprise" else "id_card"
                    content = f"{kind} {code}".encode()
                    record("documents", cid, level, {
                        "kind": kind, "filename": f"{kind}.txt", "size": len(content),
                        "sha256": hashlib.sha256(content).hexdigest(), "content": content,
                        "expires_on": _day(rng.randint(-3000, 20))}, created)
            flush()
            # The log says what happened: these rows were not filed one by one.
            desk.audit.append("benchmark.bulk_load", path.name, summary={
                "customers": len(bulk), "sealed_files": counts["sealed"],
                "statements": counts["statements"], "transactions": counts["transactions"],
                "seed": seed})
            desk.audit.append("benchmark.bulk_history", path.name, summary={
                **history.counts, "bad_rates": BAD_RATES, "earlier_share": EARLIER_SHARE,
                "seed": seed})
            # The day's check runs below over everything, as at a morning's first login.
            conn.execute("DELETE FROM settings WHERE key = 'warnings.checked_on'")
        desk.warnings.daily()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        desk.close()
        clock.set_fixed(None)
    full_codes, codes = _codes(path)
    return Firm(path, count, seed, full, bulk, time.perf_counter() - started, full_codes, codes)


# -- the history: grades of a year or two ago, and what became of them ---------------------------
ASSESSOR = "manager"                      # assesses every bulk file; never decides one
# Most graded files were graded a year or two ago as well (those opened long enough before).
EARLIER_SHARE = 0.92
EARLIER_DAYS = (366, 730)
# The earlier grade: the present one moved by this many notches (positive: it was better then).
EARLIER_SHIFT = {0: 60, 1: 16, -1: 18, 2: 3, -2: 3}
# The chance of going bad within a year of holding a grade (about 7 % over the firm's mix).
BAD_RATES = {"AAA": 0.002, "AA": 0.004, "A": 0.01, "BBB": 0.025, "BB": 0.05, "B": 0.1,
             "CCC": 0.18, "CC": 0.3, "C": 0.45}
ENTERED_SHARE = 0.7                       # the rest: one of our invoices 90+ days past due
MISSING_SHARE = 0.02                      # an input not at hand when the file was assessed
# The inputs' realistic ranges (the bins are drawn within them): (low, high, decimals).
INPUT_RANGES = {
    "debt_ratio": (0.05, 1.1, 4), "current_ratio": (0.3, 4.0, 2), "dso_days": (0, 180, 0),
    "net_margin": (-0.15, 0.3, 4), "roa": (-0.1, 0.2, 4), "revenue_growth": (-0.4, 0.6, 4),
    "years_in_business": (0, 40, 1), "worst_overdue_days": (0, 150, 0),
    "overdue_events": (0, 8, 0), "open_litigation_count": (0, 4, 0),
    "open_litigation_amount": (0, 3_000_000, 0), "complaints_12m": (0, 6, 0),
    "debt_to_income": (0.0, 6.0, 2), "net_assets": (-200_000, 5_000_000, 0),
    "employment_years": (0.0, 30.0, 1), "savings_rate": (-0.2, 0.6, 4),
}
# An input that follows another: no overdue, no overdue events; no case, no amount at stake.
FOLLOWS = {"overdue_events": "worst_overdue_days",
           "open_litigation_amount": "open_litigation_count"}


class _Option:
    """One bin or answer of a factor: its points and how to draw an input that earns them."""

    def __init__(self, points: float, value=None, low=None, high=None):
        self.points, self.value, self.low, self.high = points, value, low, high


class _FactorDraw:
    """A card's factor as the history draws it: its bins or answers best first."""

    def __init__(self, spec):
        self.spec = spec
        self.input = spec.input
        if spec.is_category:
            self.options = [_Option(c.points, value=c.value)
                            for c in sorted(spec.choices, key=lambda c: -c.points)]
            self.digits = None
            return
        low, high, self.digits = INPUT_RANGES[spec.input]
        bounds = [b for _op, b, _p in spec.bins]
        options = []
        for i, (_op, bound, points) in enumerate(spec.bins):
            if spec.better == "higher":
                options.append(_Option(points, low=bound, high=bounds[i - 1] if i else high))
            else:
                options.append(_Option(points, low=bounds[i - 1] if i else low, high=bound))
        if spec.better == "higher":
            options.append(_Option(spec.else_points, low=low, high=bounds[-1]))
        else:
            options.append(_Option(spec.else_points, low=bounds[-1], high=high))
        self.options = [o for o in options if o.low <= o.high]

    def index_of(self, value) -> int:
        points = self.spec.points_for(value)[0]
        return next(i for i, o in enumerate(self.options) if o.points == points)

    def value(self, rng: random.Random, index: int):
        """An input in option ``index``'s bin (checked against the card's own rule)."""
        option = self.options[index]
        if option.value is not None:
            return option.value
        for _ in range(12):
            if self.digits == 0:
                value = rng.randint(int(-(-option.low // 1)), int(option.high // 1))
            else:
                value = round(rng.uniform(option.low, option.high), self.digits)
            if self.spec.points_for(value)[0] == option.points:
                return value
        # The bound itself belongs to one side of it: whichever gives these points.
        for value in (option.low, option.high):
            if self.spec.points_for(value)[0] == option.points:
                return value
        raise ValueError(f"no input of {self.input} earns {option.points}")


class _CardDraw:
    """Inputs for a scorecard that land a file in a given grade, drawn as a firm's files
    are: mostly in keeping with the grade, some factors better, some worse."""

    def __init__(self, card):
        self.card = card
        self.factors = [_FactorDraw(f) for f in card.factors]
        self.by_input = {f.input: f for f in self.factors}
        present = {f.input for f in self.factors}
        self.follows = {k: v for k, v in FOLLOWS.items() if k in present and v in present}
        ordered = [g for g in GRADES if g in card.grades]
        self.bands = {g: (card.grades[g], card.grades[ordered[i - 1]] if i else 1000.0)
                      for i, g in enumerate(ordered)}

    def draw(self, rng: random.Random, target: str, fixed: dict) -> dict:
        """{input: value or None}: inputs whose points (with ``fixed``'s) fall in ``target``'s
        band when the factors allow it."""
        index: dict[str, int | None] = {}
        quality = 1 - (GRADES.index(target) + rng.random()) / len(GRADES)
        movable = []
        for f in self.factors:
            if f.input in fixed:
                index[f.input] = None if fixed[f.input] is None else f.index_of(fixed[f.input])
            elif f.input in self.follows:
                continue
            elif f.spec.missing != "refuse" and rng.random() < MISSING_SHARE:
                index[f.input] = None
            else:
                top = len(f.options) - 1
                index[f.input] = max(0, min(top, round((1 - quality) * top + rng.gauss(0, 0.9))))
                movable.append(f)
        # A following input: the best bin when there is nothing to follow (no overdue, no
        # case), else a bin of its own, drawn once.
        by_input = self.by_input
        later = {key: rng.randint(1, len(by_input[key].options) - 1)
                 for key in self.follows if key not in fixed}

        def points(f: _FactorDraw) -> float:
            i = index[f.input]
            return f.spec.missing_score if i is None else f.options[i].points

        leads = {led: by_input[key] for key, led in self.follows.items() if key not in fixed}
        for key, led in self.follows.items():
            if key not in fixed:
                index[key] = later[key] if index.get(led) else 0
        total = self.card.base_points + sum(points(f) for f in self.factors)
        low, high = self.bands[target]
        for _ in range(80):
            if low <= total < high:
                break
            up = total < low
            can = [f for f in movable if (index[f.input] > 0 if up
                                          else index[f.input] < len(f.options) - 1)]
            if not can:
                break
            f = rng.choice(can)
            total -= points(f)
            index[f.input] += -1 if up else 1
            total += points(f)
            follower = leads.get(f.input)
            if follower is not None:
                total -= points(follower)
                index[follower.input] = later[follower.input] if index[f.input] else 0
                total += points(follower)
        return {key: (fixed[key] if key in fixed else
                      None if i is None else by_input[key].value(rng, i))
                for key, i in index.items()}


def _stamp(day: datetime.date, minute: int) -> str:
    """A local working moment of ``day`` as stored (UTC, ``clock.timestamp``'s form)."""
    moment = datetime.datetime.combine(day, datetime.time(9)).astimezone() \
        + datetime.timedelta(minutes=minute)
    return moment.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _years(start: str, day: datetime.date) -> float:
    from dateutil.relativedelta import relativedelta
    d = relativedelta(day, datetime.date.fromisoformat(start))
    return round(max(0.0, d.years + d.months / 12 + d.days / 365.25), 1)


def _age_band(birth: str, day: datetime.date) -> str:
    from custdesk.core.grading.metrics import AGE_BANDS
    from dateutil.relativedelta import relativedelta
    age = relativedelta(day, datetime.date.fromisoformat(birth)).years
    return next((name for limit, name in AGE_BANDS if age < limit), "65_plus")


def _period(day: datetime.date, years: tuple[str, ...]) -> str | None:
    """The latest annual statement at hand on ``day`` (a year's accounts by the next May)."""
    at_hand = [y for y in years if datetime.date(int(y) + 1, 5, 1) <= day]
    return max(at_hand) if at_hand else None


class History:
    """The bulk files' grades and bad outcomes, drawn on a random stream of their own (the
    rest of the firm is the same with or without them)."""

    def __init__(self, desk, seed: int):
        from custdesk.core.reviews import add_months
        self.add_months = add_months
        self.rng = random.Random(seed + 11)
        library = desk.grading.library
        self.cards = {kind: _CardDraw(library.for_grading(kind=kind))
                      for kind in ("individual", "enterprise")}
        self.next_id = desk.db.conn.execute(
            "SELECT coalesce(max(id), 0) + 1 FROM main.assessments").fetchone()[0]
        self.entered_turn = 0
        self.invoices = 0
        self.counts = {"assessments": 0, "earlier": 0, "adjusted": 0, "bad_customers": 0,
                       "outcomes_entered": 0, "bad_invoices": 0, "bad_invoices_open": 0}

    # -- one file -----------------------------------------------------------------------------
    def plan(self, c: dict, cid: int, grade: str, graded: str, created: str, limit: int,
             level: int) -> dict:
        """What a graded bulk file's history holds: its assessments (earlier one first, the
        present one last), its outcomes, the invoices behind a bad one (into its ledger)."""
        rng = self.rng
        kind = c["kind"]
        draw = self.cards[kind]
        card = draw.card
        now_day = datetime.date.fromisoformat(graded)
        opened = datetime.date.fromisoformat(created[:10])
        fixed = self._facts(c, now_day)
        inputs, scored = self._scored(draw, grade, fixed, exact=True)
        answers = {f.input: inputs[f.input] for f in draw.factors
                   if f.spec.asked and inputs.get(f.input) is not None}
        made = [(now_day, inputs, scored, grade)]
        first = max(EARLIER_DAYS[0], (TODAY - now_day).days + 30)
        last = min(EARLIER_DAYS[1], (TODAY - opened).days - 14)
        if first <= last and rng.random() < EARLIER_SHARE:
            day = TODAY - datetime.timedelta(days=rng.randint(first, last))
            shift = rng.choices(list(EARLIER_SHIFT), list(EARLIER_SHIFT.values()))[0]
            then = GRADES[max(0, min(8, GRADES.index(grade) - shift))]
            # Judged alike each time: the same answers to the card's questions.
            inputs_then, scored_then = self._scored(draw, then, {**self._facts(c, day), **answers},
                                                    exact=False)
            made.insert(0, (day, inputs_then, scored_then, scored_then.grade))
            self.counts["earlier"] += 1
        ids = list(range(self.next_id, self.next_id + len(made)))
        self.next_id += len(made)
        return {"kind": kind, "card": card, "made": made, "bad": self._fate(made, opened),
                "cid": cid, "limit": limit, "level": level, "ids": ids}

    def _facts(self, c: dict, day: datetime.date) -> dict:
        """The inputs a file's own details give on ``day``."""
        if c["kind"] == "individual":
            p = c["person"]
            return {"housing": p["housing"], "age_band": _age_band(p["birth_date"], day)}
        return {"years_in_business": _years(c["firm"]["founding_date"], day)}

    def _scored(self, draw: _CardDraw, target: str, fixed: dict, exact: bool):
        from custdesk.core.grading.scorecard import score
        for _ in range(20):
            inputs = draw.draw(self.rng, target, fixed)
            scored = score(draw.card, inputs)
            if not exact or abs(GRADES.index(scored.grade) - GRADES.index(target)) <= 2:
                return inputs, scored
        raise ValueError(f"no inputs of {draw.card.name} grade {target}")

    def _fate(self, made: list, opened: datetime.date) -> dict | None:
        """Whether (and when, and how) the customer went bad: each grade held carries its
        year's chance of going bad over the days it was held."""
        rng = self.rng
        for i, (day, _inputs, _scored, grade) in enumerate(made):
            end = made[i + 1][0] if i + 1 < len(made) else TODAY
            start = day + datetime.timedelta(days=20)
            end = min(end, TODAY - datetime.timedelta(days=5))
            if start >= end:
                continue
            chance = 1 - (1 - BAD_RATES[grade]) ** ((end - start).days / 365)
            if rng.random() >= chance:
                continue
            bad_on = start + datetime.timedelta(days=rng.randrange((end - start).days))
            issued = bad_on - datetime.timedelta(days=120)
            self.counts["bad_customers"] += 1
            if rng.random() < ENTERED_SHARE or issued < opened:
                kind = demo.ENTERED_IN_TURN[self.entered_turn % len(demo.ENTERED_IN_TURN)]
                self.entered_turn += 1
                return {"way": "entered", "on": bad_on, "kind": kind,
                        "entered": min(TODAY - datetime.timedelta(days=1),
                                       bad_on + datetime.timedelta(days=rng.randint(1, 10)))}
            paid = bad_on + datetime.timedelta(days=rng.randint(5, 60))
            return {"way": "invoice", "on": bad_on, "issued": issued,
                    "paid": paid if paid <= TODAY and rng.random() < 0.5 else None}
        return None

    def moves(self, plan: dict, number: int) -> list[dict]:
        """The invoice (and its late payment) behind a customer who went bad on our ledger."""
        bad = plan["bad"]
        if not bad or bad["way"] != "invoice":
            return []
        self.invoices += 1
        amount = max(100_000, int(plan["limit"] * self.rng.uniform(0.1, 0.4)) // 100 * 100)
        ref = f"INV{number:06d}-L"
        rows = [{"kind": "invoice", "ref_no": ref, "occurred_on": bad["issued"].isoformat(),
                 "due_date": (bad["issued"] + datetime.timedelta(days=30)).isoformat(),
                 "amount": amount, "invoice_ref": None}]
        self.counts["bad_invoices"] += 1
        if bad["paid"]:
            rows.append({"kind": "payment", "ref_no": f"RCV{number:06d}-L",
                         "occurred_on": bad["paid"].isoformat(), "due_date": None,
                         "amount": amount, "invoice_ref": ref})
        else:
            self.counts["bad_invoices_open"] += 1
        return rows

    # -- the rows -----------------------------------------------------------------------------
    def assessments(self, plan: dict, c: dict, moves: list[dict], statements: list[tuple],
                    valid_until: str) -> list[dict]:
        """The file's approved assessments as logical rows (ids given; the last is the
        present one, whose id the file's row names)."""
        from custdesk.core.grading import limits
        from custdesk.core.grading.metrics import sales_12m
        card, kind = plan["card"], plan["kind"]
        equity = {row[0]: row[8] for row in statements}
        years = tuple(row[0] for row in statements)
        rows = []
        for n, (day, inputs, scored, grade) in enumerate(plan["made"]):
            present = n == len(plan["made"]) - 1
            period = _period(day, years)
            if kind == "individual":
                net = inputs.get("net_assets")
                bases = {"monthly_income": c["person"]["monthly_income"],
                         "net_assets": None if net is None else int(net * 100)}
            else:
                sold = sales_12m(moves, day)
                bases = {"monthly_purchases": sold // 12 if sold else None,
                         "equity": equity.get(period)}
            recommended = limits.recommend(card.limits, grade, bases)
            adjust = GRADES.index(scored.grade) - GRADES.index(grade)
            if adjust:
                self.counts["adjusted"] += 1
            approved = plan["limit"] if present else recommended.amount
            missing = [{"key": f.key, "input_key": card.factor(f.key).input,
                        "required": f.required} for f in scored.factors if f.missing]
            detail = {
                "missing": missing,
                "factors": [{"key": f.key, "input_key": card.factor(f.key).input,
                             "dimension": f.dimension, "input": f.input, "points": f.points,
                             "max_points": f.max_points, "rule": f.rule} for f in scored.factors],
                "dimensions": {k: {"points": p, "weight": w}
                               for k, (p, w) in scored.dimensions.items()},
                "traces": {}, "bases": bases, "problems": [],
                "limit_trace": recommended.trace, "derived": {}}
            if any(m["required"] for m in missing):
                detail["missing_reason"] = "部分资料当时未能取得"
            minute = self.rng.randint(0, 300)
            rows.append({
                "id": plan["ids"][n], "customer_id": plan["cid"], "scorecard_name": card.name,
                "scorecard_version": card.version, "status": "approved",
                "as_of": day.isoformat(), "period": period,
                "answers": json.dumps({f.input: inputs[f.input] for f in card.factors
                                       if f.asked and inputs.get(f.input) is not None},
                                      ensure_ascii=False, sort_keys=True),
                "detail": json.dumps(detail, ensure_ascii=False, sort_keys=True),
                "score": scored.score, "computed_grade": scored.grade, "adjustment": adjust,
                "adjustment_reason": "与客户长期合作的实际表现" if adjust else None,
                "grade": grade, "risk_level": card.risk_levels[grade],
                "incomplete": int(scored.incomplete), "recommended_limit": recommended.amount,
                "approved_limit": approved,
                "valid_until": valid_until if present else
                self.add_months(day, card.valid_months).isoformat(),
                "assessor": ASSESSOR, "created_at": _stamp(day, minute),
                "updated_at": _stamp(day, minute + 240),
                "submitted_at": _stamp(day, minute + 5),
                "decided_by": "reviewer" if plan["level"] <= 2 else ADMIN,
                "decided_at": _stamp(day, minute + 240),
                "decision_reason": "长期合作客户，超出建议的部分有担保覆盖"
                if approved > recommended.amount else None})
            self.counts["assessments"] += 1
        return rows

    def outcomes(self, plan: dict) -> list[dict]:
        """The outcome entered by hand for a customer who went bad that way."""
        bad = plan["bad"]
        if not bad or bad["way"] != "entered":
            return []
        notes, reason = demo.ENTERED_NOTES[bad["kind"]]
        amount = None if bad["kind"] == "manager" else \
            max(100_000, int(plan["limit"] * self.rng.uniform(0.1, 0.6)) // 100 * 100)
        stamp = _stamp(bad["entered"], self.rng.randint(0, 400))
        self.counts["outcomes_entered"] += 1
        return [{"customer_id": plan["cid"], "kind": bad["kind"],
                 "occurred_on": bad["on"].isoformat(), "amount": amount, "reason": reason,
                 "notes": notes, "created_at": stamp, "created_by": ASSESSOR,
                 "updated_at": stamp}]



_STATEMENT_COLUMNS = ("period", "revenue", "net_profit", "ebit", "total_assets", "current_assets",
                      "total_liabilities", "current_liabilities", "equity", "retained_earnings",
                      "operating_cash_flow", "receivables", "inventory", "income", "expenses",
                      "assets", "liabilities")


def _insert(conn, table: str, rows: list[dict]) -> None:
    """Stored rows (``Sealer.encode``'s dicts, one set of columns) into ``main.<table>``."""
    if not rows:
        return
    names = list(rows[0])
    conn.executemany(f"INSERT INTO main.{table} ({', '.join(names)}) "
                     f"VALUES ({', '.join('?' * len(names))})",
                     [[r[n] for n in names] for r in rows])


def history_counts(path: Path) -> dict | None:
    """What the history of a built firm holds (its audit entry), None when it has none
    (a firm built before the bulk files had one)."""
    from custdesk.core.store import connection
    from custdesk.core.store.keyslots import KeySlots
    db = connection.connect(path, KeySlots.load(path).unlock(ADMIN, PASSWORD))
    try:
        row = db.execute("SELECT summary FROM audit_log WHERE action = 'benchmark.bulk_history'"
                         ).fetchone()
    finally:
        db.close()
    return json.loads(row[0]) if row else None


def ensure(folder: Path, count: int, seed: int = SEED) -> Firm:
    """The firm in ``folder`` (built there unless a database of that size and seed exists)."""
    path = Path(folder) / f"firm-{count}-{seed}.db"
    if path.exists():
        full = min(count, full_files(count))
        return Firm(path, count, seed, full, people(count, seed, first_number=full + 1),
                    None, *_codes(path))
    return build(path, count, seed)


# -- an import file ----------------------------------------------------------------------------
IMPORT_HEADERS = ("客户名称", "客户类型", "身份证号", "统一社会信用代码", "手机", "保密级别", "状态",
                  "客户等级", "地址", "电子邮箱", "工作单位", "月收入", "法定代表人", "注册资本",
                  "成立日期", "行业", "员工人数")
LEVEL_NAMES = ("公开", "内部", "秘密", "机密")
STATUS_NAMES = {"active": "正常", "prospect": "潜在客户", "suspended": "暂停", "closed": "已关闭",
                "blacklisted": "黑名单"}
TIER_NAMES = {"vip": "VIP", "key": "重点", "normal": "普通"}


def write_import_csv(path: Path, rows: int, seed: int = SEED) -> None:
    """A customer CSV of ``rows`` people and firms as an office keeps them: Chinese headers,
    UTF-8 with a BOM (as Excel saves), money in yuan, levels and choices by their labels."""
    with open(path, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(IMPORT_HEADERS)
        for c in people(rows, seed + 1):
            # Levels up to internal: the importing user's clearance covers any level, but
            # an office's import file is mostly its ordinary files.
            common = [c["phone"] or "", LEVEL_NAMES[min(c["level"], 1)], STATUS_NAMES[c["status"]],
                      TIER_NAMES[c["tier"]], c["address"], c["email"] or ""]
            if c["kind"] == "individual":
                p = c["person"]
                writer.writerow([c["name"], "个人", p["id_number"], "", *common, p["employer"] or "",
                                 f"{p['monthly_income'] // 100}", "", "", "", "", ""])
            else:
                f = c["firm"]
                writer.writerow([c["name"], "企业", "", f["credit_code"], *common, "", "",
                                 f["legal_rep"], f"{f['registered_capital'] // 100}",
                                 f["founding_date"], f["industry"], str(f["employees"])])

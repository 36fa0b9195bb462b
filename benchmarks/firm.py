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

The day's warning check is then run once, so that the firm opens as it would on a
working morning. ``people(...)`` regenerates the bulk customers without a database (the
search queries are drawn from them); ``write_import_csv`` writes an import file of the
same kind of people.
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import random
import time
from dataclasses import dataclass, field
from pathlib import Path

from custdesk.core import demo

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
           "litigation", "complaints", "licences", "documents")


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
        # A record's level: its file's, raised to its kind's (statements, credit records
        # and litigation may be levelled above their file: ``disclosure.row_level``).
        kind_level = {table: desk.disclosure.kind_level(table) for table in _TABLES}
        keys = keys_for([(c["name"], c["phone"], c["kind"]) for c in bulk])
        stored: dict[str, list[dict]] = {table: [] for table in _TABLES}
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
            for table in _TABLES:
                _insert(conn, table, stored[table])
                stored[table].clear()
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
                for row in _statements(rng, c):
                    record("financial_statements", cid, level,
                           dict(zip(_STATEMENT_COLUMNS, row)), created)
                    counts["statements"] += 1
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
            # The day's check runs below over everything, as at a morning's first login.
            conn.execute("DELETE FROM settings WHERE key = 'warnings.checked_on'")
        desk.warnings.daily()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        desk.close()
        clock.set_fixed(None)
    full_codes, codes = _codes(path)
    return Firm(path, count, seed, full, bulk, time.perf_counter() - started, full_codes, codes)


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

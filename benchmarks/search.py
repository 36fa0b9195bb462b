"""Search-as-you-type benchmark: one keystroke = the list's query + filling the table model.

    python -m benchmarks.search [--customers N] [--queries 200] [--seed S] [--keep DIR]

Builds a synthetic encrypted database of N customers (default 100,000) in a temporary
folder, then times, for each of a fixed set of queries (two-character names, longer
substrings, pinyin initials, codes, phone tails), the work one keystroke costs the
customer list: the query job the list runs on the database thread (the same function
the list page uses) plus ``CustomerTableModel.set_rows`` and the data() calls of the
first screenful. It prints JSON: p50/p95/max per query type and overall, N, and the
machine. The target is under 50 ms per keystroke at 100,000 customers.

For speed the database is filled in bulk, inside one ``desk.writing()`` transaction,
with the same derived search columns core writes (``name_key``, ``pinyin_keys``,
``name_grams``, ``phone_reversed``). Only this benchmark bypasses the archive's API:
the rows it writes carry no audit entries and invented, unchecked ID numbers. No
ANALYZE is run: the app keeps no planner statistics, so the timed plans are the ones a
clerk's database gets. ``--cache-mib`` times a what-if larger SQLite page cache.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ADMIN, PASSWORD = "bench", "bench-password"
# A second user who sees only public and internal files (most of them), as a clerk does.
CLERK, CLERK_PASSWORD = "benchclerk", "benchclerk-password"

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余"
            "杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史")
COMPOUND = ("欧阳", "司马", "诸葛", "上官", "尉迟")
GIVEN = ("伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆旭宁龙林峰建国志文海东亮成"
         "芳娜敏静丽艳娟霞秀玲英慧倩婷雪琳颖洁燕红萍梅晶莉兰月佳欣怡丹蕾薇璐")
CITIES = ("北京", "上海", "天津", "重庆", "广州", "深圳", "杭州", "南京", "苏州", "成都", "武汉",
          "西安", "长沙", "郑州", "济南", "青岛", "厦门", "福州", "合肥", "宁波", "东莞", "佛山")
BRAND_CHARS = "恒泰华信鼎盛宏远瑞丰金桥汇通永兴德润嘉禾中天成博新源隆安聚鑫发海纳同创卓越业万锦程世晨和顺益民光东方航联正明达利宝富康久"
TRADES = ("贸易", "商贸", "科技", "电子科技", "建筑工程", "物流", "供应链管理", "餐饮管理", "食品",
          "机械制造", "信息技术", "医药", "农产品加工", "装饰工程", "软件技术")
FORMS = ("有限公司", "有限责任公司", "股份有限公司", "商行", "经营部")
MOBILE = ("130", "131", "133", "135", "136", "137", "138", "139", "150", "151", "158", "159",
          "177", "180", "185", "186", "187", "188", "189", "199")
AREAS = ("010", "021", "022", "023", "020", "0755", "0571", "025", "0512", "028", "027")


def _weighted_surnames(rng: random.Random) -> list[str]:
    # Roughly Zipf-like: the first surnames are far commoner, as in life.
    return rng.choices(SURNAMES, weights=[1 / (i + 1) ** 0.8 for i in range(len(SURNAMES))], k=1)


def make_customer(rng: random.Random, number: int) -> dict:
    individual = rng.random() < 0.7
    if individual:
        surname = rng.choice(COMPOUND) if rng.random() < 0.02 else _weighted_surnames(rng)[0]
        name = surname + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 1, 2))))
        phone = rng.choice(MOBILE) + f"{rng.randrange(10 ** 8):08d}"
    else:
        brand = "".join(rng.sample(BRAND_CHARS, 2))
        name = rng.choice(CITIES) + brand + rng.choice(TRADES) + rng.choice(FORMS)
        phone = (f"{rng.choice(AREAS)}-{rng.randint(2, 8)}{rng.randrange(10 ** 7):07d}"
                 if rng.random() < 0.6 else rng.choice(MOBILE) + f"{rng.randrange(10 ** 8):08d}")
    if rng.random() < 0.05:
        phone = None
    return {
        "id": number, "code": f"C{number:06d}", "name": name,
        "kind": "individual" if individual else "enterprise",
        "status": rng.choices(("active", "prospect", "suspended", "closed", "blacklisted"),
                              (72, 12, 6, 7, 3))[0],
        "tier": rng.choices(("vip", "key", "normal"), (6, 20, 74))[0],
        "level": rng.choices((0, 1, 2, 3), (10, 79, 8, 3))[0],
        "owner": rng.choice(("bench", "clerk1", "clerk2", "manager")),
        "phone": phone,
        # Unique and the right length; not valid numbers (the benchmark skips validation).
        "id_number": f"{110000 + number % 890000:06d}19{number % 100:02d}0101{number % 10000:04d}"
                     if individual else None,
        "credit_code": f"91{number:016d}" if not individual else None,
    }


def build(path: Path, count: int, seed: int) -> tuple[float, list[dict]]:
    """Create the database at ``path`` with ``count`` customers; (seconds taken, the customers)."""
    from custdesk.core.customers import search as s
    from custdesk.core.desk import Desk

    rng = random.Random(seed)
    started = time.perf_counter()
    desk, _recovery = Desk.create(path, ADMIN, PASSWORD, firm="基准测试公司")
    desk.users.add(CLERK, "clerk", "internal", CLERK_PASSWORD)
    people = [make_customer(rng, n) for n in range(1, count + 1)]
    now = "2026-01-01T00:00:00Z"
    base, grams, persons, firms = [], [], [], []
    for c in people:
        key = s.name_key(c["name"])
        initials, full = s.pinyin_keys(c["name"], person=c["kind"] == "individual")
        base.append((c["id"], c["code"], c["kind"], c["name"], c["status"], c["tier"], c["level"],
                     c["owner"], c["phone"], key, initials, full, s.phone_reversed(c["phone"]),
                     now, ADMIN, now))
        grams.extend((g, c["id"]) for g in s.name_grams(key))
        if c["kind"] == "individual":
            persons.append((c["id"], c["id_number"]))
        else:
            firms.append((c["id"], c["credit_code"]))
    conn = desk.db.conn
    with desk.writing():
        conn.executemany(
            "INSERT INTO customers (id, code, kind, name, status, tier, level, owner, phone, "
            "name_norm, pinyin_initials, pinyin_full, phone_rev, created_at, created_by, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", base)
        conn.executemany("INSERT INTO name_grams (gram, customer_id) VALUES (?, ?)", grams)
        conn.executemany("INSERT INTO individuals (customer_id, id_number) VALUES (?, ?)", persons)
        conn.executemany("INSERT INTO enterprises (customer_id, credit_code) VALUES (?, ?)", firms)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    desk.close()
    return time.perf_counter() - started, people


def make_queries(people: list[dict], total: int, seed: int) -> dict[str, list[str]]:
    """The typed texts, by kind; the five main kinds add up to ``total``."""
    from custdesk.core.customers.search import pinyin_keys

    rng = random.Random(seed + 1)
    persons = [c for c in people if c["kind"] == "individual"]
    firms = [c for c in people if c["kind"] == "enterprise"] or persons
    phones = [c["phone"] for c in people if c["phone"]]
    share = {"two_char_name": 0.25, "longer_substring": 0.2, "pinyin_initials": 0.2,
             "code": 0.15, "phone_tail": 0.2}
    sizes = {k: int(total * v) for k, v in share.items()}
    sizes["two_char_name"] += total - sum(sizes.values())
    out: dict[str, list[str]] = {k: [] for k in share}
    two = [c["name"] for c in persons if len(c["name"]) == 2] or [c["name"][:2] for c in persons]
    out["two_char_name"] = [rng.choice(two) for _ in range(sizes["two_char_name"])]
    for _ in range(sizes["longer_substring"]):
        if rng.random() < 0.3:
            out["longer_substring"].append(rng.choice([c["name"] for c in persons
                                                       if len(c["name"]) >= 3] or two))
        else:
            name = rng.choice(firms)["name"]
            length = rng.choice((3, 4, 5))
            start = rng.randrange(0, max(1, len(name) - length))
            out["longer_substring"].append(name[start:start + length])
    for _ in range(sizes["pinyin_initials"]):
        c = rng.choice(people)
        initials = pinyin_keys(c["name"], person=c["kind"] == "individual")[0]
        out["pinyin_initials"].append(initials[:rng.choice((2, 3, 3, 4))])
    for _ in range(sizes["code"]):
        number = rng.randrange(1, len(people) + 1)
        out["code"].append(rng.choice((f"C{number:06d}", str(number), f"C{number:06d}"[:5])))
    for _ in range(sizes["phone_tail"]):
        digits = "".join(ch for ch in rng.choice(phones) if ch.isdigit())
        out["phone_tail"].append(digits[-rng.choice((4, 4, 5, 6)):])
    # Reported apart, outside the main figure: what the first keystroke and an empty box cost.
    out["one_char"] = [rng.choice(SURNAMES[:20]) for _ in range(20)]
    out["empty"] = [""] * 5
    return out


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def figures(times_ms: list[float], rows: list[int]) -> dict:
    return {"n": len(times_ms), "p50_ms": round(statistics.median(times_ms), 2),
            "p95_ms": round(percentile(times_ms, 0.95), 2), "max_ms": round(max(times_ms), 2),
            "rows_median": int(statistics.median(rows)), "rows_max": max(rows)}


def measure(path: Path, queries: dict[str, list[str]], main_kinds: list[str],
            cache_mib: int | None = None, user: tuple[str, str] = (ADMIN, PASSWORD)) -> dict:
    from PySide6.QtCore import QCoreApplication, QModelIndex, Qt

    from custdesk.core.desk import Desk
    from custdesk.gui.customers.list_page import query_job
    from custdesk.gui.customers.model import CustomerTableModel

    _app = QCoreApplication.instance() or QCoreApplication([])
    model = CustomerTableModel()
    screen = 40  # rows a maximised list shows at once
    desk = Desk.open(path, *user)
    if cache_mib:   # what-if: a larger page cache than core's connection sets
        desk.db.execute(f"PRAGMA cache_size = {-1024 * int(cache_mib)}")
    try:
        for text in ("张", "zw", "C00001"):  # warm the page cache
            model.set_rows(query_job(text, {})(desk).rows)
        out: dict = {"by_kind": {}}
        all_main, all_split = [], {"query_ms": [], "model_ms": []}
        slowest: list[tuple[float, str, str, int]] = []
        main_rows: list[int] = []
        for kind, texts in queries.items():
            times, counts = [], []
            for text in texts:
                t0 = time.perf_counter()
                result = query_job(text, {})(desk)
                t1 = time.perf_counter()
                model.set_rows(result.rows)
                for r in range(min(screen, model.rowCount())):
                    for c in range(model.columnCount()):
                        model.data(model.index(r, c, QModelIndex()), Qt.ItemDataRole.DisplayRole)
                t2 = time.perf_counter()
                times.append((t2 - t0) * 1000)
                counts.append(result.total)
                slowest.append(((t2 - t0) * 1000, kind, text, result.total))
                if kind in main_kinds:
                    all_split["query_ms"].append((t1 - t0) * 1000)
                    all_split["model_ms"].append((t2 - t1) * 1000)
            out["by_kind"][kind] = figures(times, counts)
            if kind in main_kinds:
                all_main += times
                main_rows += counts
        out["overall"] = figures(all_main, main_rows)
        out["slowest"] = [{"ms": round(ms, 2), "kind": kind, "query": text, "rows": total}
                          for ms, kind, text, total in sorted(slowest, reverse=True)[:5]]
        out["page_cache"] = desk.db.execute("PRAGMA cache_size").fetchone()[0]
        out["overall"]["query_p50_ms"] = round(statistics.median(all_split["query_ms"]), 2)
        out["overall"]["model_p50_ms"] = round(statistics.median(all_split["model_ms"]), 2)
        # The raw core call the list is built on, unlimited, for comparison.
        raw = []
        for text in [t for k in main_kinds for t in queries[k]]:
            t0 = time.perf_counter()
            desk.customers.summary_rows(text, limit=None)
            raw.append((time.perf_counter() - t0) * 1000)
        out["core_summary_rows_unlimited"] = {"p50_ms": round(statistics.median(raw), 2),
                                              "p95_ms": round(percentile(raw, 0.95), 2)}
        return out
    finally:
        desk.close()


def machine() -> dict:
    import sqlcipher3
    return {"platform": platform.platform(), "machine": platform.machine(),
            "processor": platform.processor() or None, "cpu_count": os.cpu_count(),
            "python": platform.python_version(), "sqlite": sqlcipher3.sqlite_version}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.search", description=__doc__.split("\n")[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=20260101)
    parser.add_argument("--keep", type=Path, help="build (or reuse) the database in this folder")
    parser.add_argument("--cache-mib", type=int, default=None,
                        help="what-if: set SQLite's page cache to this many MiB for the timing")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    folder = args.keep or Path(tempfile.mkdtemp(prefix="custdesk-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"bench-{args.customers}-{args.seed}.db"
    rng_people = None
    if path.exists():
        build_s = None
        rng = random.Random(args.seed)
        rng_people = [make_customer(rng, n) for n in range(1, args.customers + 1)]
    else:
        build_s, rng_people = build(path, args.customers, args.seed)
    queries = make_queries(rng_people, args.queries, args.seed)
    main_kinds = ["two_char_name", "longer_substring", "pinyin_initials", "code", "phone_tail"]
    result = {"customers": args.customers, "queries": sum(len(queries[k]) for k in main_kinds),
              "build_seconds": round(build_s, 1) if build_s is not None else None,
              "target_ms": 50, "user": "admin (sees every level)",
              **measure(path, queries, main_kinds, args.cache_mib)}
    clerk = measure(path, queries, main_kinds, args.cache_mib, (CLERK, CLERK_PASSWORD))
    result["clerk"] = {"user": "clerk (public and internal files only)",
                       "overall": clerk["overall"],
                       "by_kind": {k: {f: v[f] for f in ("p50_ms", "p95_ms", "max_ms")}
                                   for k, v in clerk["by_kind"].items()},
                       "slowest": clerk["slowest"]}
    result["meets_target"] = max(result["overall"]["p95_ms"], clerk["overall"]["p95_ms"]) < 50
    result["machine"] = machine()
    if not args.keep:
        for leftover in folder.iterdir():
            leftover.unlink()
        folder.rmdir()
    json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())

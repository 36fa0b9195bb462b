"""The register of exported reports: numbers, fingerprints, and verifying a file.

A report is made in three steps, so that rendering (which takes a while) holds no write
lock and other writers go on meanwhile:

1. one short write transaction reserves its number (``report.reserve`` in the audit chain;
   the last number given per prefix and year is kept in ``settings``, so a number is never
   given twice, even to a report that was never registered);
2. the renderer runs outside any transaction, with the stamp (number, chain head) it prints;
3. a second short transaction registers the bytes' fingerprint (``report.export``). If
   rendering fails, that transaction logs ``report.void`` instead: the number stays
   given and is marked void, the chain has no gap, and no number is reused.

Rendering is the caller's (the ``reports`` package); core only numbers, stamps,
fingerprints and logs.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Callable

from . import clock, i18n
from .changes import Changes
from .errors import NotFound

i18n.register({
    "exports.export": ("导出报告", "exporting reports"),
    "exports.ok": ("文件未被改动：是报告 {number} 的原件（{kind}，{user} 于 {at} 导出{customer}）",
                   "The file is unaltered: it is report {number} ({kind}, exported by {user} "
                   "at {at}{customer})"),
    "exports.ok_customer": ("，客户 {code}", ", customer {code}"),
    "exports.altered": ("文件与登记的导出件不符：它自称报告 {number}，但内容已被改动",
                        "The file does not match any registered export: it claims to be report "
                        "{number}, but its content has been changed"),
    "exports.unknown": ("文件不是本数据库登记的导出报告（可能已被改动，或来自其他数据库）",
                        "The file is not a report exported from this database (it may have been "
                        "changed, or come from another database)"),
    "exports.kind.customer": ("客户资信审核报告", "Customer credit audit report"),
    "exports.kind.reviews": ("复审计划表", "Review schedule"),
    "exports.kind.portfolio": ("客户组合概况", "Portfolio summary"),
    "exports.kind.audit": ("审计记录", "Audit trail"),
    "exports.kind.validation": ("评分卡验证报告", "Scorecard validation report"),
})

KINDS = ("customer", "reviews", "portfolio", "audit", "validation")
#: report number prefixes: 资信 (credit), 复审 (review), 组合 (portfolio), 审计 (audit),
#: 验证 (validation)
PREFIXES = {"customer": "ZX", "reviews": "FS", "portfolio": "ZH", "audit": "SJ",
            "validation": "YZ"}


def kind_label(kind: str) -> str:
    return i18n.tr(f"exports.kind.{kind}")


@dataclass(frozen=True)
class Stamp:
    """What every page of an export carries: given to the renderer before it runs."""
    number: str
    kind: str
    firm: str
    user: str               # the exporting user's display name
    user_name: str          # their login name
    at: str                 # UTC ISO timestamp of the export
    chain_seq: int          # the audit-chain head at the time of export
    chain_hash: str
    language: str
    # The chain head at export, signed by the exporting user (canonical JSON): a checkpoint
    # the PDF carries away in its metadata (``audit verify --checkpoint REPORT.pdf``).
    checkpoint: str = ""

    @property
    def local_time(self) -> str:
        """The export time as a clerk reads it: local time, to the minute."""
        return clock.local_text(self.at)

    @property
    def chain_text(self) -> str:
        return f"#{self.chain_seq} {self.chain_hash[:16]}"


@dataclass(frozen=True)
class Rendered:
    data: bytes
    pages: int
    encrypted: bool = False


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Exports:
    def __init__(self, desk):
        self._desk = desk

    @staticmethod
    def _counter_key(prefix: str) -> str:
        return f"exports.last_number.{prefix}"

    def _next_number(self, kind: str, year: int) -> str:
        """The next number of ``kind`` this year, past every number registered or reserved."""
        prefix = f"{PREFIXES[kind]}-{year}-"
        row = self._desk.db.execute(
            "SELECT max(number) FROM main.report_exports WHERE number LIKE ?",
            [prefix + "%"]).fetchone()
        reserved = self._desk.db.execute("SELECT value FROM main.settings WHERE key = ?",
                                         [self._counter_key(prefix)]).fetchone()
        last = max(int(found[len(prefix):]) if found else 0
                   for found in (row[0], reserved[0] if reserved else None))
        return f"{prefix}{last + 1:06d}"

    def reserve(self, kind: str, *, language: str, customer: str | None = None) -> Stamp:
        """Step 1: a number for a report about to be rendered, in one short transaction;
        the stamp the renderer prints."""
        desk = self._desk
        desk.access.require("report.export", i18n.tr("exports.export"))
        code = customer.upper() if customer else None
        with desk.writing():
            now = clock.now()
            number = self._next_number(kind, now.astimezone().year)
            desk.db["settings"].upsert({"key": self._counter_key(number[:-6]), "value": number},
                                       pk="key")
            desk.audit.append("report.reserve", number, customer=code,
                              summary={"kind": kind, "language": language})
            seq, digest = desk.audit.head()
        from .audit import canonical
        return Stamp(number, kind, desk.firm_name, desk.user.display, desk.user.name,
                     clock.timestamp(), seq, digest, language,
                     canonical(desk.audit.checkpoint_for(seq, digest)))

    def register(self, stamp: Stamp, rendered: Rendered, *, customer_id: int | None = None,
                 customer: str | None = None, params: dict | None = None) -> dict:
        """Step 3: the rendered bytes' fingerprint registered under the reserved number."""
        desk = self._desk
        row = {"number": stamp.number, "kind": stamp.kind, "customer_id": customer_id,
               "params": json.dumps(params or {}, ensure_ascii=False, sort_keys=True),
               "language": stamp.language, "encrypted": int(rendered.encrypted),
               "pages": rendered.pages, "size": len(rendered.data),
               "sha256": sha256(rendered.data), "chain_seq": stamp.chain_seq,
               "chain_hash": stamp.chain_hash, "by_user": desk.user.name, "at": stamp.at}
        with desk.writing():
            desk.store.insert("report_exports", row)
            desk.audit.append("report.export", stamp.number,
                              customer=customer.upper() if customer else None,
                              summary={"kind": stamp.kind, "sha256": row["sha256"],
                                       "pages": row["pages"], "language": stamp.language,
                                       "encrypted": bool(rendered.encrypted), **(params or {})})
        return row

    def void(self, stamp: Stamp, reason: str, customer: str | None = None) -> None:
        """Step 3 when rendering failed: the reserved number marked void in the chain."""
        with self._desk.writing():
            self._desk.audit.append("report.void", stamp.number,
                                    customer=customer.upper() if customer else None,
                                    summary={"kind": stamp.kind, "reason": reason[:200]})

    def export(self, kind: str, render: Callable[[Stamp], Rendered], *, language: str,
               customer: str | None = None, params: dict | None = None) -> dict:
        """Reserve a number, render (outside any transaction), register; return the register
        row with ``data`` (the bytes to write), ``stamp`` and ``changes``. A render that
        fails leaves its number void (``report.void``) and raises."""
        desk = self._desk
        desk.access.require("report.export", i18n.tr("exports.export"))
        customer_id = desk.customers.require_visible(customer) if customer else None
        stamp = self.reserve(kind, language=language, customer=customer)
        try:
            rendered = render(stamp)
        except BaseException as exc:
            try:
                self.void(stamp, f"{type(exc).__name__}: {exc}", customer)
            except Exception:  # noqa: BLE001 - the render's own error is the one to report
                pass
            raise
        row = self.register(stamp, rendered, customer_id=customer_id, customer=customer,
                            params=params)
        code = customer.upper() if customer else None
        return {**row, "code": code, "data": rendered.data, "stamp": stamp,
                "changes": Changes.of("exports", code=code)}

    # -- reading ------------------------------------------------------------------------
    _SELECT = ("SELECT r.id, r.number, r.kind, c.code, CASE WHEN c.level <= ? OR c.id IS NULL "
               "THEN c.name END AS name, r.params, r.language, r.encrypted, r.pages, r.size, "
               "r.sha256, r.chain_seq, r.by_user, r.at, c.level AS level "
               "FROM report_exports r LEFT JOIN customers c ON c.id = r.customer_id")

    def _rows(self, where: str, params: list) -> list[dict]:
        clearance = self._desk.access.clearance
        cursor = self._desk.db.execute(f"{self._SELECT} {where}", [clearance, *params])
        columns = [c[0] for c in cursor.description]
        out = []
        for values in cursor.fetchall():
            row = dict(zip(columns, values))
            # An export of a file above the reader's clearance is not listed, verified or
            # described: it answers as an export that does not exist.
            if row["level"] is not None and (row["level"] > clearance or row["name"] is None):
                continue
            row["params"] = json.loads(row["params"]) if row["params"] else {}
            out.append(row)
        return out

    def list(self, code: str | None = None, limit: int = 500) -> list[dict]:
        """Registered exports, newest first; those of one visible customer with ``code``."""
        if code:
            customer_id = self._desk.customers.require_visible(code)
            return self._rows("WHERE r.customer_id = ? ORDER BY r.id DESC LIMIT ?",
                              [customer_id, int(limit)])
        return self._rows("ORDER BY r.id DESC LIMIT ?", [int(limit)])

    def get(self, number: str) -> dict:
        rows = self._rows("WHERE r.number = ?", [number.strip().upper()])
        if not rows:
            raise NotFound(number)
        return rows[0]

    def verify(self, data: bytes, claimed: str | None = None) -> dict:
        """Whether ``data`` is, byte for byte, a registered export.

        ``claimed`` is the report number the file says it is (read from it by the caller),
        which names the export a changed file was made from. Returns ``ok``, ``export``
        (the register row or None), ``claimed`` and ``message`` in the user's language.
        """
        digest = sha256(data)
        found = self._rows("WHERE r.sha256 = ? ORDER BY r.id LIMIT 1", [digest])
        if found:
            export = found[0]
            customer = i18n.tr("exports.ok_customer", code=export["code"]) if export["code"] else ""
            return {"ok": True, "sha256": digest, "export": export, "claimed": claimed,
                    "message": i18n.tr("exports.ok", number=export["number"],
                                       kind=kind_label(export["kind"]), user=export["by_user"],
                                       at=clock.local_text(export["at"]), customer=customer)}
        known = None
        if claimed:
            rows = self._rows("WHERE r.number = ?", [claimed])
            known = rows[0] if rows else None
        message = (i18n.tr("exports.altered", number=claimed) if known
                   else i18n.tr("exports.unknown"))
        return {"ok": False, "sha256": digest, "export": known, "claimed": claimed,
                "message": message}

"""The tamper-evident audit log.

Each entry carries the hash of the one before it and its own hash, an
HMAC-SHA256 keyed from the database key over all its fields. Triggers refuse
UPDATE and DELETE; someone who bypasses them (they hold the key and drop the
triggers) still cannot rewrite an entry without breaking the chain from there
on. The newest (seq, hash) is also written to ``<db>.audit-head`` beside the
database after each commit, so that a deleted tail — which leaves a valid
chain behind — is caught too.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from . import clock, i18n
from .store.keyslots import write_atomic

GENESIS = "0" * 64

i18n.register({
    "audit.ok": ("审计链完整：{count} 条记录，链头 #{seq}", "Audit chain intact: {count} entries, head #{seq}"),
    "audit.empty": ("审计日志为空", "The audit log is empty"),
    "audit.edited": ("第 {seq} 条记录未通过签名校验（被篡改或伪造插入）",
                     "Entry {seq} fails its signature check (altered or forged)"),
    "audit.missing": ("第 {seq} 条记录缺失（已被删除）", "Entry {seq} is missing (deleted)"),
    "audit.inserted": ("第 {seq} 条记录不属于审计链（被插入或改号）",
                       "Entry {seq} does not belong to the chain (inserted or renumbered)"),
    "audit.truncated": ("审计链在第 {last} 条之后被截断：链头应为第 {head} 条",
                        "The audit chain was cut after entry {last}: the head should be entry {head}"),
    "audit.head_mismatch": ("第 {seq} 条记录与库外保存的链头不符",
                            "Entry {seq} does not match the chain head kept outside the database"),
    "audit.no_head": ("库外链头文件缺失，无法检查末尾是否被删除",
                      "The chain head file is missing: a deleted tail cannot be ruled out"),
    "audit.read": ("查看审计日志", "reading the audit log"),
    "audit.reanchor": ("重新锚定审计链头", "re-anchoring the audit chain head"),
})


def head_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".audit-head")


def canonical(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    count: int
    head_seq: int
    first_bad: int | None = None
    problem: str | None = None     # edited, missing, inserted, truncated, head_mismatch, no_head
    message: str = ""

    def as_dict(self) -> dict:
        return {"ok": self.ok, "count": self.count, "head_seq": self.head_seq,
                "first_bad": self.first_bad, "problem": self.problem, "message": self.message}


class AuditLog:
    """Appends and checks audit entries; one per open desk."""

    def __init__(self, desk):
        self._desk = desk
        self._key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                         info=b"custdesk audit chain").derive(desk.key)

    def _mac(self, seq, at, user, action, obj, customer, summary, prev) -> str:
        message = canonical([seq, at, user, action, obj, customer, summary, prev])
        return hmac.new(self._key, message.encode("utf-8"), hashlib.sha256).hexdigest()

    def append(self, action: str, obj: str = "", *, customer: str | None = None,
               summary: dict | None = None, user: str | None = None, at: str | None = None) -> int:
        """Write one entry in the caller's open write transaction; return its seq."""
        db = self._desk.db
        if not db.conn.in_transaction:
            raise RuntimeError("audit entries are written inside the mutation's transaction")
        row = db.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
        seq, prev = (row[0] + 1, row[1]) if row else (1, GENESIS)
        at = at or clock.timestamp()
        user = user if user is not None else self._desk.user.name
        text = canonical(summary or {})
        digest = self._mac(seq, at, user, action, obj, customer, text, prev)
        db.execute("INSERT INTO audit_log (seq, at, user, action, object, customer, summary, "
                   "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   [seq, at, user, action, obj, customer, text, prev, digest])
        self._desk._pending_head = (seq, digest)
        return seq

    # -- the head kept outside ------------------------------------------------------------
    def write_head(self, seq: int, digest: str) -> None:
        write_atomic(head_path(self._desk.path), canonical({"seq": seq, "hash": digest}))

    def head_consistent(self) -> bool:
        """Whether the head kept outside agrees with the log (it may lag after a crash).

        A session that finds it inconsistent never moves it: rewriting the
        head would erase the evidence of a cut tail or a deleted head file.
        """
        head = self.read_head()
        seq, _ = self.head()
        if head is None:
            return seq == 0
        row = self._desk.db.execute("SELECT hash FROM audit_log WHERE seq = ?",
                                    [head.get("seq")]).fetchone()
        return head.get("seq", 0) <= seq and row is not None and row[0] == head.get("hash")

    def reanchor(self, reason: str) -> int:
        """After investigating a broken head, an administrator records why and anchors anew."""
        from .cleaning import check_reason
        self._desk.access.require("user.manage", i18n.tr("audit.reanchor"))
        reason = check_reason(reason)
        before = self.read_head()
        with self._desk.writing():
            seq = self.append("audit.reanchor", "", summary={"reason": reason, "previous_head": before})
        self._desk.head_trusted = True
        self.write_head(*self.head())
        return seq

    def read_head(self) -> dict | None:
        try:
            return json.loads(head_path(self._desk.path).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    # -- reading and verifying ------------------------------------------------------------
    def entries(self, customer: str | None = None, limit: int | None = None,
                after: int = 0) -> list[dict]:
        """Entries, newest first. A customer's entries are open to whoever may see the
        customer (the file's history); the whole log needs the audit permission."""
        if customer is None:
            self._desk.access.require("audit.read", i18n.tr("audit.read"))
            where, params = "seq > ?", [after]
        else:
            self._desk.customers.require_visible(customer)
            where, params = "customer = ? AND seq > ?", [customer, after]
        sql = f"SELECT * FROM audit_log WHERE {where} ORDER BY seq DESC"
        if limit:
            sql += f" LIMIT {int(limit)}"
        rows = self._desk.db.execute(sql, params)
        columns = [c[0] for c in rows.description]
        out = []
        for row in rows.fetchall():
            entry = dict(zip(columns, row))
            entry["summary"] = json.loads(entry["summary"])
            out.append(entry)
        return out

    def head(self) -> tuple[int, str]:
        row = self._desk.db.execute(
            "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
        return (row[0], row[1]) if row else (0, GENESIS)

    def verify(self) -> VerifyResult:
        """Walk the whole chain; name the first entry that is wrong."""
        self._desk.access.require("audit.read", i18n.tr("audit.read"))
        expected_seq, prev, count, hashes_by_seq = 1, GENESIS, 0, {}
        cursor = self._desk.db.execute(
            "SELECT seq, at, user, action, object, customer, summary, prev_hash, hash "
            "FROM audit_log ORDER BY seq")
        for seq, at, user, action, obj, customer, summary, prev_hash, digest in cursor:
            if seq > expected_seq:
                return self._bad(count, "missing", expected_seq)
            if seq < expected_seq:  # impossible with an integer key; kept for clarity
                return self._bad(count, "inserted", seq)
            if digest != self._mac(seq, at, user, action, obj, customer, summary, prev_hash):
                return self._bad(count, "edited", seq)
            if prev_hash != prev:
                return self._bad(count, "inserted", seq)
            prev, count, expected_seq = digest, count + 1, seq + 1
            hashes_by_seq[seq] = digest
        last = expected_seq - 1
        head = self.read_head()
        if head is None:
            if count == 0:
                return VerifyResult(True, 0, 0, message=i18n.tr("audit.empty"))
            return self._bad(count, "no_head", None, last=last)
        if head["seq"] > last:
            return self._bad(count, "truncated", last + 1, head=head["seq"], last=last)
        if hashes_by_seq.get(head["seq"]) != head["hash"]:
            return self._bad(count, "head_mismatch", head["seq"])
        # A head behind the log's end is normal after a crash between commit and
        # writing the head file: the chain itself vouches for the later entries.
        return VerifyResult(True, count, last, message=i18n.tr("audit.ok", count=count, seq=last))

    def _bad(self, count: int, problem: str, first_bad: int | None, **params) -> VerifyResult:
        params.setdefault("seq", first_bad)
        return VerifyResult(False, count, self.head()[0], first_bad, problem,
                            i18n.tr(f"audit.{problem}", **params))

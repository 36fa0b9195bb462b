"""The audit log: every entry signed by its author's own key, in one hash chain.

Each entry carries the hash of the one before it, its own SHA-256 hash, and an Ed25519
signature of that hash by the user who wrote it (``signer``; for entries the program
writes on its own, the user at the desk). The signing key is the user's, unlocked by
their password alone; their public key is in their certificate, signed by an
administrator (``keys.registry``). So no user can write, alter or re-sign an entry
as anyone else: ``verify`` names the first entry whose hash, link or signature is wrong.

Entries about a file at 秘密 or above keep their summary sealed to the file's level;
whoever is not cleared reads the one answer ``WITHHELD`` for them on every path.

Deleting the newest entries leaves a valid chain behind. Against that, the newest
(seq, hash) is written, signed, to ``<db>.audit-head`` after each commit, and
**checkpoints** — a (seq, hash) signed by their author — travel outside the file in
backup manifests, exported reports and ``audit checkpoint`` files the owner keeps.
``verify`` checks the chain against every checkpoint it is shown (and those in the
backup folder): a truncated or rolled-back log is named. What remains undetectable is
written in the README ("Keys and what an insider can do").
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from . import clock, i18n
from .files import read_regular, write_atomic
from .keys import primitives as p
from .store.sealed_schema import SEAL_FROM

GENESIS = "0" * 64
SYSTEM_USER = "custdesk"          # entries the program writes on its own
WITHHELD = {"withheld": True}     # the one answer for an entry about a file one may not see

i18n.register({
    "audit.ok": ("审计链完整：{count} 条记录，链头 #{seq}", "Audit chain intact: {count} entries, head #{seq}"),
    "audit.empty": ("审计日志为空", "The audit log is empty"),
    "audit.edited": ("第 {seq} 条记录的内容与其哈希不符（被篡改）",
                     "Entry {seq} does not match its hash (altered)"),
    "audit.forged": ("第 {seq} 条记录的签名无效（伪造或被篡改）",
                     "Entry {seq} has no valid signature by its author (forged or altered)"),
    "audit.unsigned": ("第 {seq} 条记录没有签名（伪造插入）",
                       "Entry {seq} is not signed (a forged insertion)"),
    "audit.missing": ("第 {seq} 条记录缺失（已被删除）", "Entry {seq} is missing (deleted)"),
    "audit.inserted": ("第 {seq} 条记录不属于审计链（被插入或改号）",
                       "Entry {seq} does not belong to the chain (inserted or renumbered)"),
    "audit.truncated": ("审计链在第 {last} 条之后被截断：链头应为第 {head} 条",
                        "The audit chain was cut after entry {last}: the head should be entry {head}"),
    "audit.head_mismatch": ("第 {seq} 条记录与库外保存的链头不符",
                            "Entry {seq} does not match the chain head kept outside the database"),
    "audit.head_forged": ("库外链头文件的签名无效（被编辑，例如登录失败次数被改小）",
                          "The chain head kept outside has no valid signature (edited: the "
                          "count of failed logins lowered, say)"),
    "audit.no_head": ("库外链头文件缺失，无法检查末尾是否被删除",
                      "The chain head file is missing: a deleted tail cannot be ruled out"),
    "audit.rolled_back": (
        "审计链与检查点不符：{source} 记录第 {seq} 条为 {hash}，本库{found}。数据库被回滚或替换",
        "The audit chain does not match a checkpoint: {source} records entry {seq} as {hash}, "
        "this database {found}. The database was rolled back or replaced"),
    "audit.rb_missing": ("只有 {count} 条记录", "has only {count} entries"),
    "audit.rb_other": ("该条记录不同", "holds a different entry there"),
    "audit.cert": ("第 {serial} 号用户证书无效（{reason}）：角色或密级被篡改",
                   "User certificate {serial} is not valid ({reason}): a role or clearance was "
                   "tampered with"),
    "audit.cert_unlogged": ("第 {serial} 号用户证书（{user}）不在审计日志中：它是事后加入的",
                            "User certificate {serial} ({user}) is not in the audit log: it was "
                            "slipped in afterwards"),
    "audit.cert_missing": ("用户 {user} 的最新证书（第 {serial} 号）不见了：被删除以撤销一次变更",
                           "User {user}'s newest certificate ({serial}) is gone: deleted to undo a "
                           "change"),
    "audit.user_row": ("用户 {user} 的角色或密级与管理员签发的证书不符（未经管理员签名的更改）",
                       "User {user}'s role or clearance differs from their certificate (a change "
                       "no administrator signed)"),
    "audit.level_key": ("“{level}”级密钥（第 {epoch} 代）未由在任管理员签名",
                        "The key of level “{level}” (epoch {epoch}) is not signed by an active "
                        "administrator"),
    "audit.legacy": ("转换前的 {entries} 条记录与转换时签名的摘要不符（被篡改）",
                     "The {entries} entries from before the conversion do not match the digest "
                     "signed at the conversion (altered)"),
    "audit.rewound": ("第 {seq} 条记录在您上次核对之后被删除或改写（审计日志末尾被截断或替换）",
                      "Entry {seq} was deleted or rewritten after you last checked it (the end "
                      "of the audit log was cut or replaced)"),
    "audit.refused": ("第 {seq} 条记录（{action}）所述的变更不是有权者签署的，未生效",
                      "Entry {seq} ({action}) states a change its signer had no right to "
                      "make; it was not taken"),
    "audit.file_level": ("客户 {code} 的保密级别被改为“{level}”，低于日志记录的“{logged}”"
                         "（未经签名的更改）",
                         "File {code}'s level column says “{level}”, below the “{logged}” the "
                         "log gives it (a change nobody signed)"),
    "audit.file_gone": ("日志记录为“{logged}”的客户 {code} 已不在数据库中（被改号或删除）",
                        "File {code}, which the log gives level “{logged}”, is no longer in the "
                        "database (renumbered or deleted)"),
    "audit.read": ("查看审计日志", "reading the audit log"),
    "audit.reanchor": ("重新锚定审计链头", "re-anchoring the audit chain head"),
    "audit.checkpoint": ("导出审计检查点", "exporting an audit checkpoint"),
    "audit.bad_checkpoint": ("{source} 不是本数据库有效的审计检查点",
                             "{source} is not a valid audit checkpoint of this database"),
})


def head_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".audit-head")


def canonical(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def storable(value):
    """``value`` with every text in it storable as UTF-8: a file name that is not UTF-8
    reaches Python with its bytes as lone surrogates, which neither SQLite nor the entry's
    hash can take; they are kept written out (``\\udcb1``), as the command line prints them."""
    if isinstance(value, str):
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    if isinstance(value, dict):
        return {storable(k): storable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [storable(v) for v in value]
    return value


def entry_hash(seq, at, user, action, obj, customer, summary, prev) -> str:
    message = canonical([seq, at, user, action, obj, customer, summary, prev])
    return hashlib.sha256(message.encode("utf-8")).hexdigest()


def signed_message(database_id: str, seq: int, digest: str, signer: str, serial: int) -> bytes:
    """What an entry's signature covers: its place, its hash, who signed it and with which of
    their certificates (the one in force for them then: ``keys.facts``)."""
    return canonical(["audit", database_id, seq, digest, signer, serial]).encode("utf-8")


def _checkpoint_message(point: dict) -> bytes:
    return canonical(["checkpoint", point["database_id"], point["seq"], point["hash"],
                      point["at"], point["signer"], point["signer_serial"]]).encode("utf-8")


def _head_message(point: dict) -> bytes:
    return canonical(["head", {k: v for k, v in point.items() if k != "signature"}]).encode("utf-8")


def head_signed(point: dict, registry, database_id: str) -> bool:
    """Whether a head file's content is signed, whole, by a user the database certifies."""
    try:
        cert = registry.history.get(int(point["signer_serial"]))
        signature = p.unb64(point["signature"])
        # Written after a commit (the whole file), or put in place by a restore (the
        # backup's checkpoint, which carries no back-off counts).
        messages = [_head_message(point)]
        if "throttle" not in point:
            messages.append(_checkpoint_message(point))
        return (point.get("database_id") == database_id and cert is not None
                and cert.user == point.get("signer")
                and any(p.verify(cert.sign_key, signature, m) for m in messages))
    except (KeyError, TypeError, ValueError, AttributeError):
        return False


def _sealed_aad(seq: int) -> bytes:
    return f"custdesk-audit:{seq}".encode("utf-8")


PHONE_KEYS = frozenset({"phone", "emergency_phone"})


def _masked_phones(value):
    """A summary as read: telephone numbers masked (entries written before contacts' phones
    were masked at writing hold them whole)."""
    from .disclosure import mask_value
    if isinstance(value, dict):
        # "overrides" maps a field to the reason its warning was overridden: words, no number.
        return {k: (mask_value(v, "phone") if k in PHONE_KEYS and isinstance(v, str)
                    else v if k == "overrides" else _masked_phones(v)) for k, v in value.items()}
    if isinstance(value, list):
        return [_masked_phones(v) for v in value]
    return value


_HEAD_TYPES = {"seq": int, "hash": str, "signature": str, "signer": str, "signer_serial": int,
               "database_id": str, "at": str, "throttle": dict}


def read_head_file(db_path: Path) -> dict | None:
    """The head file as written (None: there is none). A file cut
    short, garbled or of the wrong shape comes back as what of it has the right types (an
    empty dict at worst): its signature then fails, and it is kept as evidence."""
    try:
        data = json.loads(read_regular(head_path(db_path), 1 << 20).decode("utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    point = {k: v for k, v in data.items()
             if k not in _HEAD_TYPES or type(v) is _HEAD_TYPES[k]}
    if "throttle" in point:
        from .store.keyslots import throttle_entry_ok
        point["throttle"] = {u: e for u, e in point["throttle"].items() if throttle_entry_ok(e)}
    return point


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    count: int
    head_seq: int
    first_bad: int | None = None
    problem: str | None = None     # edited, forged, unsigned, missing, inserted, truncated,
                                   # head_mismatch, no_head, rolled_back, cert, user_row,
                                   # level_key, legacy, refused, file_level
    message: str = ""
    checkpoints: int = 0           # how many checkpoints the chain was compared with

    def as_dict(self) -> dict:
        return {"ok": self.ok, "count": self.count, "head_seq": self.head_seq,
                "first_bad": self.first_bad, "problem": self.problem, "message": self.message,
                "checkpoints": self.checkpoints}


@dataclass
class Chain:
    """What verifying a chain needs: its rows and the signed facts of its database."""

    db: object
    database_id: str
    registry: object                 # keys.registry.Registry
    head: dict | None = None         # the head file's content
    checkpoints: list[tuple[str, dict]] = field(default_factory=list)   # (source, point)


def verify_chain(chain: Chain) -> VerifyResult:
    """Walk the whole chain, every signature checked; name the first entry (or signed fact)
    that is wrong."""
    from .keys.facts import Facts, catch_up
    db, registry = chain.db, chain.registry
    if registry.problems:
        serial, reason = registry.problems[0]
        return _bad(db, 0, "cert", None, serial=serial, reason=reason)
    facts = catch_up(db, registry.history, Facts(chain.database_id), full=True)
    count = facts.seq
    if facts.broken:
        problem, seq = facts.broken
        return _bad(db, count, problem, seq, entries=_legacy_count(db))
    if facts.refused:
        seq, action = facts.refused[0]
        return _bad(db, count, "refused", seq, action=action)
    last = facts.seq
    head = chain.head
    if head is None and count:
        return _bad(db, count, "no_head", None, last=last)
    if head is not None and head.get("seq", 0) > last:
        return _bad(db, count, "truncated", last + 1, head=head["seq"], last=last)
    if head is not None and head.get("seq") and _hash_at(db, head.get("seq")) != head.get("hash"):
        return _bad(db, count, "head_mismatch", head.get("seq"))
    if head is not None and not head_signed(head, registry, chain.database_id):
        return _bad(db, count, "head_forged", head.get("seq"))
    for source, point in chain.checkpoints:
        if any(point.get("at", "") < at and point["seq"] > h for at, h in facts.restores):
            continue        # made on a branch a restore abandoned (the log says so, signed)
        if point["seq"] > last:
            return _bad(db, count, "rolled_back", point["seq"], source=source, hash=point["hash"][:16],
                        found=i18n.tr("audit.rb_missing", count=last), seq=point["seq"])
        if _hash_at(db, point["seq"]) != point["hash"]:
            return _bad(db, count, "rolled_back", point["seq"], source=source,
                        hash=point["hash"][:16], found=i18n.tr("audit.rb_other"), seq=point["seq"])
    unlogged = _certs_problem(registry, facts)
    if unlogged:
        return _bad(db, count, unlogged[0], None, serial=unlogged[1], user=unlogged[2])
    users = _user_rows_problem(db, registry)
    if users:
        return _bad(db, count, "user_row", None, user=users)
    levels = _level_key_problem(db, registry, facts)
    if levels:
        from .fields import level_label
        return _bad(db, count, "level_key", None, level=level_label(levels[0]), epoch=levels[1])
    lowered = _file_level_problem(db, facts)
    if lowered:
        from .fields import level_label
        if lowered[1] < 0:
            return _bad(db, count, "file_gone", None, code=lowered[0],
                        logged=level_label(lowered[2]))
        return _bad(db, count, "file_level", None, code=lowered[0],
                    level=level_label(lowered[1]), logged=level_label(lowered[2]))
    if count == 0:
        return VerifyResult(True, 0, 0, message=i18n.tr("audit.empty"))
    # A head behind the log's end is normal after a crash between commit and writing the
    # head file: the chain itself vouches for the later entries.
    return VerifyResult(True, count, last, message=i18n.tr("audit.ok", count=count, seq=last),
                        checkpoints=len(chain.checkpoints))


def broken_message(db, problem: str, seq: int) -> str:
    """What a walk of the chain that stopped at ``seq`` found, said as ``verify`` says it."""
    return i18n.tr(f"audit.{problem}", seq=seq, last=seq - 1, head=seq,
                   entries=_legacy_count(db))


def _hash_at(db, seq) -> str | None:
    row = db.execute("SELECT hash FROM audit_log WHERE seq = ?", [seq]).fetchone()
    return row[0] if row else None


def _legacy_count(db) -> int:
    from .keys.facts import _legacy
    legacy = _legacy(db)
    return legacy["count"] if legacy else 0


def _bad(db, count: int, problem: str, first_bad: int | None, **params) -> VerifyResult:
    params.setdefault("seq", first_bad)
    row = db.execute("SELECT max(seq) FROM audit_log").fetchone()
    return VerifyResult(False, count, row[0] or 0, first_bad, problem,
                        i18n.tr(f"audit.{problem}", **params))


def _legacy_digest(rows: list[list]) -> str:
    return hashlib.sha256(canonical(rows).encode("utf-8")).hexdigest()


def legacy_digest(db, count: int) -> str:
    rows = db.execute("SELECT seq, at, user, action, object, customer, summary, prev_hash, hash "
                      "FROM audit_log WHERE seq <= ? ORDER BY seq", [count]).fetchall()
    return _legacy_digest([list(r) for r in rows])


def _certs_problem(registry, facts) -> tuple | None:
    """("cert_unlogged" | "cert_missing", serial, user) when the certificates and the log
    disagree: a certificate no administrator's entry announced (slipped in with an old
    administrator key), or a user whose newest certificate by the log is gone (deleted, to
    undo a downgrade)."""
    from .keys.registry import cert_digest
    for serial, cert in sorted(registry.history.items()):
        got = facts.announced.get(serial)
        if got is None or got[0] != cert.user or got[1] != cert_digest(cert, facts.database_id):
            return ("cert_unlogged", serial, cert.user)
    for user, serial in sorted(facts.certs.items()):
        if serial not in registry.history:
            return ("cert_missing", serial, user)
    return None


def _user_rows_problem(db, registry) -> str | None:
    """The first user whose row differs from their newest certificate (role, clearance, active)."""
    for name, role, clearance, active in db.execute(
            "SELECT name, role, clearance, active FROM users ORDER BY name"):
        cert = registry.cert(name)
        if cert is None or (cert.role, cert.clearance, bool(cert.active)) != (role, clearance,
                                                                              bool(active)):
            return name
    return None


def _level_key_problem(db, registry, facts) -> tuple[int, int] | None:
    from .keys.registry import level_publics
    _current, _recorded, problems = level_publics(db, registry, facts)
    return (problems[0][0], problems[0][1]) if problems else None


def _file_level_problem(db, facts) -> tuple[str, int, int] | None:
    """(code, level column, logged level) of the first file whose level column is below the
    level a signed entry last gave it (lowered by hand, to have the next writer unseal it)."""
    for file_id, logged in sorted(facts.file_levels.items()):
        row = db.execute("SELECT code, level FROM main.customers WHERE id = ?",
                         [file_id]).fetchone()
        if row is None:
            return f"#{file_id}", -1, logged        # renumbered or deleted by hand
        if row[1] < logged:
            return row[0], row[1], logged
    return None


class AuditLog:
    """Appends and checks audit entries; one per open desk."""

    def __init__(self, desk):
        self._desk = desk

    def append(self, action: str, obj: str = "", *, customer: str | None = None,
               summary: dict | None = None, user: str | None = None, at: str | None = None,
               level: int | None = None) -> int:
        """Write one entry in the caller's open write transaction; return its seq.

        An entry about a file at 秘密 or above (``level``, else the file's) keeps its
        summary sealed to that level.
        """
        desk = self._desk
        db = desk.db
        if not db.conn.in_transaction:
            raise RuntimeError("audit entries are written inside the mutation's transaction")
        row = db.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
        seq, prev = (row[0] + 1, row[1]) if row else (1, GENESIS)
        at = at or clock.timestamp()
        user = user if user is not None else desk.user.name
        obj, text = storable(obj), canonical(storable(summary or {}))
        if level is None and customer:
            level = self._file_level(customer)
        if level is not None and level >= SEAL_FROM and summary:
            token = desk.store._seal(level, text.encode("utf-8"), _sealed_aad(seq))
            text = canonical({"$sealed": p.b64(token), "level": level})
        digest = entry_hash(seq, at, user, action, obj, customer, text, prev)
        signer = desk.personal
        facts, history = desk.facts, desk.registry.history
        serial = facts.in_force(signer.user, history)
        signature = p.sign(signer.sign_seed, signed_message(desk.database_id, seq, digest,
                                                           signer.user, serial))
        db.execute("INSERT INTO audit_log (seq, at, user, action, object, customer, summary, "
                   "prev_hash, hash, signer, signer_serial, signature) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   [seq, at, user, action, obj, customer, text, prev, digest, signer.user,
                    serial, p.b64(signature)])
        from .keys.facts import FACT_ACTIONS, apply
        if action in FACT_ACTIONS:
            apply(facts, seq, at, action, obj, customer, text, history[serial])
        if facts.seq == seq - 1:          # (a conversion writes after entries not walked yet)
            facts.seq, facts.hash, facts.at = seq, digest, at
        desk._pending_head = (seq, digest)
        return seq

    def file_level(self, code: str, customer_id: int, level: int) -> int:
        """A file's level set (made, or changed from or to 秘密 and above): the signed entry
        that is its level from now on for every writer (``keys.facts``). Written before the
        file's rows are written again, in the same write."""
        return self.append("customer.level", code, customer=code,
                           summary={"level": level, "id": customer_id}, level=0)

    def _file_level(self, code: str) -> int:
        row = self._desk.db.execute("SELECT id FROM main.customers WHERE code = ?",
                                    [code]).fetchone()
        return self._desk.disclosure.file_level(row[0]) if row else 0

    # -- the head kept outside ------------------------------------------------------------
    def write_head(self, seq: int, digest: str) -> None:
        """The chain head beside the database, with the login back-off counts as they are now,
        signed whole by this desk's user (so neither can be edited unseen)."""
        desk = self._desk
        try:
            from .store.keyslots import KeySlots
            throttle = KeySlots.load(desk.path).data.get("throttle", {})
        except (OSError, ValueError):
            throttle = {}
        cert = desk.registry.cert(desk.personal.user)
        point = {"database_id": desk.database_id, "seq": seq, "hash": digest,
                 "at": clock.timestamp(), "signer": desk.personal.user,
                 "signer_serial": cert.serial, "throttle": throttle}
        point["signature"] = p.b64(p.sign(desk.personal.sign_seed, _head_message(point)))
        write_atomic(head_path(desk.path), canonical(point))

    def checkpoint_for(self, seq: int, digest: str) -> dict:
        """A checkpoint of (seq, hash) signed by this desk's user."""
        desk = self._desk
        cert = desk.registry.cert(desk.personal.user)
        point = {"database_id": desk.database_id, "seq": seq, "hash": digest,
                 "at": clock.timestamp(), "signer": desk.personal.user,
                 "signer_serial": cert.serial}
        point["signature"] = p.b64(p.sign(desk.personal.sign_seed, _checkpoint_message(point)))
        return point

    def checkpoint(self) -> dict:
        """A signed checkpoint of the chain's head now, to keep outside the database
        (``audit checkpoint``: the owner keeps it; ``audit verify --checkpoint`` uses it)."""
        self._desk.access.require("audit.read", i18n.tr("audit.checkpoint"))
        return self.checkpoint_for(*self.head())

    def check_checkpoint(self, point: dict, source: str) -> dict:
        """``point`` when it is a checkpoint of this database signed by a certified user.

        :raises ValidationError: not one.
        """
        from .errors import FieldError, ValidationError
        try:
            cert = self._desk.registry.history.get(int(point["signer_serial"]))
            ok = (point["database_id"] == self._desk.database_id and cert is not None
                  and cert.user == point["signer"]
                  and p.verify(cert.sign_key, p.unb64(point["signature"]),
                               _checkpoint_message(point)))
        except (KeyError, TypeError, ValueError):
            ok = False
        if not ok:
            raise ValidationError(FieldError("checkpoint", "audit.bad_checkpoint",
                                             {"source": source}))
        return point

    def head_consistent(self) -> bool:
        """Whether the head kept outside agrees with the log (it may lag after a crash).

        A session that finds it inconsistent never moves it: rewriting the
        head would erase the evidence of a cut tail or a deleted head file.
        """
        head = self.read_head()
        seq, _ = self.head()
        if head is None:
            return seq == 0
        if not head_signed(head, self._desk.registry, self._desk.database_id):
            return False        # edited (its back-off counts, say): kept as evidence
        row = self._desk.db.execute("SELECT hash FROM audit_log WHERE seq = ?",
                                    [head.get("seq")]).fetchone()
        return head.get("seq", 0) <= seq and row is not None and row[0] == head.get("hash")

    def reanchor(self, reason: str) -> int:
        """After investigating a broken head — or a log cut behind what this administrator
        had checked (``keys.facts``: "rewound") — an administrator records why and anchors
        anew. A log broken inside (a link, a hash, a signature) cannot be accepted: only
        a backup puts it right.

        :raises LogBroken: the log is broken inside.
        """
        from .cleaning import check_reason
        desk = self._desk
        desk.access.require("user.manage", i18n.tr("audit.reanchor"))
        reason = check_reason(reason)
        before = self.read_head()
        if before:
            before = {"seq": before.get("seq"), "hash": before.get("hash")}
        cut = desk.accept_rewound()
        with desk.writing():
            seq = self.append("audit.reanchor", "", summary={
                "reason": reason, "previous_head": before, **({"cut": cut} if cut else {})})
            from .keys.facts import save
            save(desk.db, desk.personal, desk.facts, desk.path)
        self._desk.head_trusted = True
        self.write_head(*self.head())
        return seq

    def read_head(self) -> dict | None:
        return read_head_file(self._desk.path)

    # -- reading and verifying ------------------------------------------------------------
    def entries(self, customer: str | None = None, limit: int | None = None,
                after: int = 0, where: str = "", params: list | None = None) -> list[dict]:
        """Entries, newest first, as this user may read them.

        A customer's entries are open to whoever may see the customer (the file's history);
        the whole log needs the audit permission. An entry about a file above the reader's
        clearance is the one answer ``withheld``: its number, time, user and action, no
        object, file or summary — on every path (window, command line, report).
        """
        desk = self._desk
        if customer is None:
            desk.access.require("audit.read", i18n.tr("audit.read"))
            conditions, values = ["seq > ?"], [after]
        else:
            desk.customers.require_visible(customer)
            conditions, values = ["customer = ?", "seq > ?"], [customer.strip().upper(), after]
        if where:
            conditions.append(where)
            values += params or []
        sql = (f"SELECT seq, at, user, action, object, customer, summary, signer FROM audit_log "
               f"WHERE {' AND '.join(conditions)} ORDER BY seq DESC")
        if limit:
            sql += f" LIMIT {int(limit)}"
        rows = desk.db.execute(sql, values).fetchall()
        levels = self._levels({r[5] for r in rows if r[5]})
        clearance = desk.access.clearance
        out = []
        for seq, at, user, action, obj, code, summary, signer in rows:
            entry = {"seq": seq, "at": at, "user": user, "action": action, "object": obj,
                     "customer": code, "signer": signer, "withheld": False}
            if code and levels.get(code, 0) > clearance:
                entry.update(object="", customer=None, summary=dict(WITHHELD), withheld=True)
            else:
                entry["summary"] = self._open_summary(seq, summary, action)
                if entry["summary"] is None:
                    entry.update(object="", customer=None, summary=dict(WITHHELD), withheld=True)
            out.append(entry)
        return out

    def count(self, customer: str | None = None, where: str = "",
              params: list | None = None) -> int:
        """How many entries ``entries`` would list without a limit (checked the same way)."""
        desk = self._desk
        if customer is None:
            desk.access.require("audit.read", i18n.tr("audit.read"))
            conditions, values = ["1"], []
        else:
            desk.customers.require_visible(customer)
            conditions, values = ["customer = ?"], [customer.strip().upper()]
        if where:
            conditions.append(where)
            values += params or []
        return desk.db.execute(f"SELECT count(*) FROM audit_log WHERE {' AND '.join(conditions)}",
                               values).fetchone()[0]

    def _levels(self, codes: set[str]) -> dict[str, int]:
        """Each file's level for withholding its entries: its level column, or the level the
        log last gave it when higher (a column lowered by hand shows nothing more)."""
        if not codes:
            return {}
        rows = self._desk.db.execute(
            f"SELECT code, level, id FROM main.customers WHERE code IN "
            f"({','.join('?' * len(codes))})", sorted(codes)).fetchall()
        logged = self._desk.facts.file_levels
        levels = {code: max(level, logged.get(file_id, 0)) for code, level, file_id in rows}
        if getattr(self._desk.db, "office", None) is not None:
            # On an office database the server shows no file above the reader's clearance
            # (row-level security): a file not in the copy is one of those, never level 0.
            from .fields import LEVELS
            levels.update({code: len(LEVELS) for code in codes - set(levels)})
        return levels

    def _open_summary(self, seq: int, text: str, action: str = "") -> dict | None:
        data = json.loads(text)
        if isinstance(data, dict) and "$sealed" in data:
            plain = self._desk.store._open_token(p.unb64(data["$sealed"]), _sealed_aad(seq))
            if plain is None:
                return None
            data = json.loads(plain)
        if action == "warning.raise" and isinstance(data, dict) \
                and isinstance(data.get("facts"), dict):
            # What a warning quotes from a sensitive record, masked as the warning shows it.
            data = {**data, "facts": self._desk.disclosure.warning_facts(data.get("rule"),
                                                                        data["facts"])}
        return _masked_phones(data)

    def head(self) -> tuple[int, str]:
        row = self._desk.db.execute(
            "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
        return (row[0], row[1]) if row else (0, GENESIS)

    def verify(self, checkpoints: list[tuple[str, dict]] = ()) -> VerifyResult:
        """Walk the whole chain, the certificates and level keys; compare it with the head
        kept outside, the given ``(source, checkpoint)`` pairs and the checkpoints of the
        backups in the backup folder."""
        desk = self._desk
        desk.access.require("audit.read", i18n.tr("audit.read"))
        from .keys.registry import Registry
        registry = Registry.load(desk.db, desk.database_id, desk.personal.root)
        points = [(source, self.check_checkpoint(point, source)) for source, point in checkpoints]
        points += self._backup_checkpoints()
        return verify_chain(Chain(desk.db, desk.database_id, registry, self.read_head(), points))

    def _backup_checkpoints(self) -> list[tuple[str, dict]]:
        """The checkpoints recorded in the manifests of this database's backups (in the
        configured folder and every folder backups were written to on this machine)."""
        from . import backup
        out = []
        for folder in {backup.config(self._desk).folder, *backup.known_folders()}:
            for name, point in backup.checkpoints_in(folder, self._desk.database_id):
                try:
                    out.append((name, self.check_checkpoint(point, name)))
                except Exception:          # damaged, or not signed by a user of this database
                    continue
        return out

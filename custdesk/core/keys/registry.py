"""Certificates, level keys and grants: the signed facts the keys rest on.

- A **certificate** says "this person has this role and clearance, is (in)active, and
  these are their public keys", signed by an administrator. The first one belongs to
  the recovery principal and is signed by the **root** key, which the paper recovery
  key derives and which every user's slot pins. Each later certificate must be signed
  by someone whose certificate, at that point of the list, made them an active
  administrator. A user's newest valid certificate is their role and clearance: an
  edited ``users`` row changes nothing, and ``check``/``audit verify`` name it.
- A **level key** row publishes the public half of a level's secret for one epoch,
  signed by an administrator; writers seal to the newest epoch whose signer is still
  an active administrator (or the root).
- A **grant** is a level's secret sealed to one person's box key. A session that holds
  a level grants it to every active person cleared to it who lacks it (``sync``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from . import primitives as p
from .keyring import Keyring, LevelKey
from ..store.keyslots import RECOVERY, Personal
from ..store.sealed_schema import SEAL_FROM

LEVEL_COUNT = 4


def canonical(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":")).encode("utf-8")


@dataclass(frozen=True)
class Cert:
    serial: int
    user: str
    role: str
    clearance: int
    active: bool
    sign_key: bytes
    box_key: bytes
    issued_at: str
    issuer: str
    issuer_serial: int
    signature: bytes

    def message(self, database_id: str) -> bytes:
        return canonical(["cert", database_id, self.serial, self.user, self.role,
                          self.clearance, int(self.active), p.b64(self.sign_key),
                          p.b64(self.box_key), self.issued_at, self.issuer,
                          self.issuer_serial])

    @classmethod
    def from_row(cls, row) -> "Cert":
        (serial, user, role, clearance, active, sign_key, box_key, issued_at, issuer,
         issuer_serial, signature) = row
        return cls(serial, user, role, clearance, bool(active), p.unb64(sign_key),
                   p.unb64(box_key), issued_at, issuer, issuer_serial, p.unb64(signature))


def cert_digest(cert: "Cert", database_id: str) -> str:
    import hashlib
    return hashlib.sha256(cert.message(database_id) + cert.signature).hexdigest()


def log_cert(desk, cert: "Cert") -> None:
    """The certificate's own audit entry (in the caller's write): the log, which nobody can
    rewrite unseen, says which certificate is each user's newest, so a certificate deleted
    or slipped in later (by someone with an old administrator key, say) is named by verify."""
    desk.audit.append("cert.issue", cert.user, summary={
        "serial": cert.serial, "role": cert.role, "clearance": cert.clearance,
        "active": cert.active, "digest": cert_digest(cert, desk.database_id)})


_CERT_COLUMNS = ("serial, user, role, clearance, active, sign_key, box_key, issued_at, "
                 "issuer, issuer_serial, signature")


@dataclass
class Registry:
    """Every certificate checked, in order: who holds which role and keys now."""

    database_id: str
    root: bytes
    current: dict[str, Cert]
    history: dict[int, Cert]             # every valid certificate by serial
    problems: list[tuple[int, str]]      # (serial, what is wrong), in order

    @classmethod
    def load(cls, db, database_id: str, root: bytes, facts=None) -> "Registry":
        """The registry as the log says: each user's certificate is the newest one an
        administrator's signed entry announced (``keys.facts``; walked from the start when
        ``facts`` is not given). A user whose announced certificate is missing (deleted, to
        fall back on an older one) has none; one never announced (slipped in) counts for
        nothing."""
        history, problems = load_history(db, database_id, root)
        if facts is None:
            from .facts import Facts, catch_up
            facts = catch_up(db, history, Facts(database_id))
        return cls.from_facts(database_id, root, history, problems, facts)

    @classmethod
    def from_facts(cls, database_id: str, root: bytes, history: dict, problems: list,
                   facts) -> "Registry":
        current = {}
        if facts.broken:
            # The log stops before its end: who is who as the certificates alone say, for
            # logging in to read, check and restore (a broken log is never written to, and
            # nobody is granted anything; the keys, not this, decide what anyone reads).
            for serial in sorted(history):
                current[history[serial].user] = history[serial]
        for user, serial in facts.certs.items():
            if serial in history:
                current[user] = history[serial]
            else:
                current.pop(user, None)      # announced, then deleted: none at all
        return cls(database_id, root, current, history, problems)

    def cert(self, user: str) -> Cert | None:
        return self.current.get(user)

    def is_admin(self, user: str) -> bool:
        cert = self.current.get(user)
        return cert is not None and cert.active and cert.role == "admin"

    def entitled(self, level: int) -> list[Cert]:
        """Active principals cleared to ``level`` (the recovery principal always is)."""
        return [c for c in self.current.values() if c.active and c.clearance >= level]

    def next_serial(self, db) -> int:
        row = db.execute("SELECT max(serial) FROM user_certs").fetchone()
        return (row[0] or 0) + 1


def load_history(db, database_id: str, root: bytes) -> tuple[dict[int, Cert], list]:
    """Every certificate whose signature chain holds, by serial, and (serial, what is wrong)
    for the others: each must be signed by the root (the first) or by someone whose
    certificate, at that point of the list, made them an active administrator."""
    rows = db.execute(f"SELECT {_CERT_COLUMNS} FROM user_certs ORDER BY serial").fetchall()
    current: dict[str, Cert] = {}
    history: dict[int, Cert] = {}
    problems: list[tuple[int, str]] = []
    for row in rows:
        cert = Cert.from_row(row)
        reason = _check(cert, current, history, database_id, root)
        if reason:
            problems.append((cert.serial, reason))
            continue
        current[cert.user] = cert
        history[cert.serial] = cert
    return history, problems


def _check(cert: Cert, current: dict, history: dict, database_id: str, root: bytes) -> str | None:
    if not history:
        if cert.user != RECOVERY or cert.issuer != RECOVERY or cert.sign_key != root:
            return "root"
        signer_key = root
    else:
        signer = history.get(cert.issuer_serial)
        if signer is None or signer.user != cert.issuer or current.get(cert.issuer) != signer:
            return "issuer"
        if not (signer.active and signer.role == "admin"):
            return "not_admin"
        signer_key = signer.sign_key
    if not p.verify(signer_key, cert.signature, cert.message(database_id)):
        return "signature"
    return None


def issue(db, registry: Registry, signer: Personal, *, user: str, role: str, clearance: int,
          active: bool, sign_key: bytes, box_key: bytes, at: str) -> Cert:
    """Write a certificate signed by ``signer`` (an active administrator, or the root for
    the first) and add it to ``registry``."""
    serial = registry.next_serial(db)
    if registry.history:
        issuer_cert = registry.cert(signer.user)
        if issuer_cert is None:
            raise PermissionError("the signer has no certificate")
        issuer_serial = issuer_cert.serial
    else:
        issuer_serial = serial                      # the root certifies itself
    unsigned = Cert(serial, user, role, clearance, active, sign_key, box_key, at, signer.user,
                    issuer_serial, b"")
    signature = p.sign(signer.sign_seed, unsigned.message(registry.database_id))
    cert = Cert(**{**unsigned.__dict__, "signature": signature})
    reason = _check(cert, registry.current, registry.history, registry.database_id, registry.root)
    if reason:
        raise PermissionError(f"certificate refused: {reason}")
    db.execute(f"INSERT INTO user_certs ({_CERT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
               [cert.serial, user, role, clearance, int(active), p.b64(sign_key), p.b64(box_key),
                at, signer.user, issuer_serial, p.b64(signature)])
    registry.current[user] = cert
    registry.history[serial] = cert
    return cert


# -- level keys -------------------------------------------------------------------------------
def _level_message(database_id: str, level: int, epoch: int, public: bytes, at: str,
                   issuer: str, issuer_serial: int) -> bytes:
    return canonical(["level", database_id, level, epoch, p.b64(public), at, issuer,
                      issuer_serial])


def publish_level(db, registry: Registry, signer: Personal, level: int, at: str) -> LevelKey:
    """A new epoch of ``level``: a fresh secret, its public half signed and stored."""
    row = db.execute("SELECT max(epoch) FROM level_keys WHERE level = ?", [level]).fetchone()
    epoch = (row[0] or 0) + 1
    key = LevelKey(level, epoch, p.random_key())
    issuer = registry.cert(signer.user)
    signature = p.sign(signer.sign_seed, _level_message(registry.database_id, level, epoch,
                                                         key.public, at, signer.user,
                                                         issuer.serial))
    db.execute("INSERT INTO level_keys (level, epoch, public_key, created_at, issuer, "
               "issuer_serial, signature) VALUES (?, ?, ?, ?, ?, ?, ?)",
               [level, epoch, p.b64(key.public), at, signer.user, issuer.serial,
                p.b64(signature)])
    return key


def level_publics(db, registry: Registry, facts) -> tuple[dict[int, tuple[int, bytes]],
                                                          dict[tuple[int, int], bytes],
                                                          list[tuple[int, int, str]]]:
    """(the public key writers seal to per level, every recorded public by (level, epoch),
    problems).

    A level's key is the epoch the log last announced (``keys.rotate``, signed by an
    administrator; the first epoch before any), its public half signed by an administrator.
    A newer row no entry announced is never sealed to; an announced one that is missing
    (deleted, to have writers seal to a key someone demoted kept) leaves the level with no
    key, and nothing is written at it.
    """
    current: dict[int, tuple[int, bytes]] = {}
    recorded: dict[tuple[int, int], bytes] = {}
    problems: list[tuple[int, int, str]] = []
    rows = {}
    for level, epoch, public, at, issuer, issuer_serial, signature in db.execute(
            "SELECT level, epoch, public_key, created_at, issuer, issuer_serial, signature "
            "FROM level_keys ORDER BY level, epoch"):
        public = p.unb64(public)
        recorded[(level, epoch)] = public
        rows[(level, epoch)] = (public, at, issuer, issuer_serial, signature)
    for level in sealed_levels():
        epoch = facts.epoch(level)
        newer = [e for (lv, e) in rows if lv == level and e > epoch]
        if newer:
            problems.append((level, max(newer), "level_key"))
        row = rows.get((level, epoch))
        if row is None:
            problems.append((level, epoch, "level_key"))
            continue
        public, at, issuer, issuer_serial, signature = row
        signer = registry.history.get(issuer_serial)
        if signer is not None and signer.user == issuer and signer.role == "admin" \
                and p.verify(signer.sign_key, p.unb64(signature),
                             _level_message(registry.database_id, level, epoch, public, at,
                                            issuer, issuer_serial)):
            current[level] = (epoch, public)
        else:
            problems.append((level, epoch, "level_key"))
    return current, recorded, problems


# -- grants -------------------------------------------------------------------------------------
def _grant_aad(database_id: str, user: str, level: int, epoch: int) -> bytes:
    return f"custdesk-grant:{database_id}:{user}:{level}:{epoch}".encode("utf-8")


def grant(db, database_id: str, granter: str, cert: Cert, key: LevelKey, at: str) -> None:
    token = p.seal_box(cert.box_key, key.level, key.epoch, key.secret,
                       _grant_aad(database_id, cert.user, key.level, key.epoch))
    db.execute("INSERT OR REPLACE INTO key_grants (user, level, epoch, token, granted_by, "
               "granted_at) VALUES (?, ?, ?, ?, ?, ?)",
               [cert.user, key.level, key.epoch, p.b64(token), granter, at])


def open_grants(db, database_id: str, personal: Personal, keyring: Keyring,
                recorded: dict[tuple[int, int], bytes], clearance: int) -> None:
    """Add to ``keyring`` every level secret granted to ``personal`` up to ``clearance``
    whose public half is the one recorded (a grant of any other key is ignored)."""
    rows = db.execute("SELECT level, epoch, token FROM key_grants WHERE user = ?",
                      [personal.user]).fetchall()
    for level, epoch, token in rows:
        if level > clearance or (level, epoch) not in recorded:
            continue
        try:
            secret = p.open_token(p.unb64(token), _grant_aad(database_id, personal.user, level,
                                                            epoch),
                                  box_secret=personal.box_secret)
        except (p.TokenError, ValueError):
            continue
        if p.box_public(secret) == recorded[(level, epoch)]:
            keyring.add(level, epoch, secret)


def sync_grants(db, registry: Registry, keyring: Keyring, granter: str, at: str) -> int:
    """Grant every level secret this session holds to each entitled principal lacking it;
    remove grants from principals no longer entitled. Returns how many grants changed."""
    have = {(u, lv, ep) for u, lv, ep in db.execute("SELECT user, level, epoch FROM key_grants")}
    changed = 0
    for level in keyring.levels_held():
        entitled = registry.entitled(level)
        for epoch, key in keyring.secrets[level].items():
            for cert in entitled:
                if (cert.user, level, epoch) not in have:
                    grant(db, registry.database_id, granter, cert, key, at)
                    changed += 1
    for user, level, epoch in have:
        cert = registry.cert(user)
        if cert is None or not cert.active or cert.clearance < level:
            db.execute("DELETE FROM key_grants WHERE user = ? AND level = ? AND epoch = ?",
                       [user, level, epoch])
            changed += 1
    return changed


def sealed_levels() -> range:
    return range(SEAL_FROM, LEVEL_COUNT)

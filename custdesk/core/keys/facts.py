"""What the signed audit log establishes: the facts every key and level decision rests on.

Anyone with the database file can edit its tables: users, certificates, level keys,
field levels, a file's level column. What they *mean* is decided here, from audit
entries whose hash, link and signature hold and whose signer was entitled — by the
certificate the log says was theirs at that point — to state the fact:

- ``cert.issue`` (an administrator): a user's newest certificate;
- ``keys.rotate`` (an administrator): the newest epoch of a level's key;
- ``settings.field_level`` (a manager or administrator): a sensitive field's level;
- ``customer.level`` (someone cleared to the file's old and new level): a file's level;
- ``scorecard.save`` (a manager or administrator) and ``scorecard.install``: what a
  stored scorecard must hash to; ``scorecard.approve`` (a manager or administrator who
  did not save it): that a manager's version may grade customers. Versions saved before
  the log's first ``scorecard.approvals`` entry (written once, when a database first
  opens with a program that asks for approvals) need none;
- ``backup.restore`` (an administrator): where a restore cut the log's history;
- ``audit.reanchor`` (an administrator): the log accepted as it is after a cut.

Every entry signs its signer's certificate serial with it, and that serial must be the
one in force for them at that point: someone demoted cannot go on speaking with the
certificate she held before. A claim its signer was not entitled to make is ignored
(and ``verify`` names it).

Reading the whole log at every login would grow with the log. Each user keeps instead,
signed by herself, the facts as of the last entry she checked (``save``/``load``); a
login checks only the entries after it (every hash and link, and the signature of every
entry that states a fact), and a write first checks whatever others appended meanwhile
(``catch_up``). Entries she has checked can no longer change her facts; one deleted or
replaced after that breaks the chain she walks, and the session then refuses to write
(``broken``) until an administrator has restored a backup (README "Keys and what an
insider can do").
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass, field

from . import primitives as p

# The actions whose entries state a fact (their signatures are checked at every login).
FACT_ACTIONS = frozenset({"cert.issue", "keys.rotate", "settings.field_level", "customer.level",
                          "scorecard.save", "scorecard.install", "scorecard.approvals",
                          "scorecard.approve", "backup.restore",
                          "keys.convert", "audit.reanchor"})
_SETTINGS_KEY = "facts:{user}"


@dataclass
class Facts:
    """The facts as of entry ``seq`` (whose hash is ``hash``)."""

    database_id: str
    seq: int = 0
    hash: str = "0" * 64
    at: str = ""                                               # the time of entry ``seq``
    certs: dict[str, int] = field(default_factory=dict)        # user -> serial in force
    announced: dict[int, list] = field(default_factory=dict)   # serial -> [user, digest]
    epochs: dict[int, int] = field(default_factory=dict)       # level -> newest epoch
    field_levels: dict[str, int] = field(default_factory=dict)  # changed from the defaults
    file_levels: dict[int, int] = field(default_factory=dict)  # customer id -> level
    # name@version -> sha256 (saved by a manager); "install:name@version" -> sha256 (shipped);
    # "approvals_from" -> the seq from which saved versions need a second person;
    # "pending:name@version" -> who saved it; "approved:"/"rejected:name@version" -> who decided
    scorecards: dict[str, str] = field(default_factory=dict)
    restores: list[list] = field(default_factory=list)         # [at, backup head]
    # Not kept in the snapshot: found by this walk.
    refused: list[tuple[int, str]] = field(default_factory=list)   # (seq, action)
    broken: tuple[str, int] | None = None                      # (problem, seq)

    def copy(self) -> "Facts":
        """A copy to go back to if a write is rolled back (taken at every write: the dicts
        hold plain values, so copying each is enough)."""
        return dataclasses.replace(
            self, certs=dict(self.certs), announced=dict(self.announced),
            epochs=dict(self.epochs), field_levels=dict(self.field_levels),
            file_levels=dict(self.file_levels), scorecards=dict(self.scorecards),
            restores=list(self.restores), refused=list(self.refused))

    def in_force(self, user: str, history: dict) -> int | None:
        """The serial ``user`` signs with now: the newest the log announced, else (before
        any announcement: a database being made or converted) their first certificate."""
        serial = self.certs.get(user)
        if serial is None:
            serials = [s for s, cert in history.items() if cert.user == user]
            serial = min(serials) if serials else None
        return serial

    def epoch(self, level: int) -> int:
        return self.epochs.get(level, 1)

    def as_dict(self) -> dict:
        return {"database_id": self.database_id, "seq": self.seq, "hash": self.hash,
                "at": self.at,
                "certs": self.certs, "announced": {str(k): v for k, v in self.announced.items()},
                "epochs": {str(k): v for k, v in self.epochs.items()},
                "field_levels": self.field_levels,
                "file_levels": {str(k): v for k, v in self.file_levels.items()},
                "scorecards": self.scorecards, "restores": self.restores}

    @classmethod
    def from_dict(cls, data: dict) -> "Facts":
        return cls(database_id=data["database_id"], seq=int(data["seq"]), hash=data["hash"],
                   at=data.get("at", ""),
                   certs={k: int(v) for k, v in data["certs"].items()},
                   announced={int(k): list(v) for k, v in data["announced"].items()},
                   epochs={int(k): int(v) for k, v in data["epochs"].items()},
                   field_levels={k: int(v) for k, v in data["field_levels"].items()},
                   file_levels={int(k): int(v) for k, v in data["file_levels"].items()},
                   scorecards=dict(data["scorecards"]),
                   restores=[list(r) for r in data["restores"]])


# -- stating facts ----------------------------------------------------------------------------
def apply(facts: Facts, seq: int, at: str, action: str, obj: str, customer: str | None,
          summary: str, cert) -> None:
    """Take the fact an entry states, when ``cert`` (its signer's, in force) entitles them."""
    from ..fields import DEFAULT_FIELD_LEVELS, LEVELS
    try:
        data = json.loads(summary)
    except ValueError:
        data = None
    if not isinstance(data, dict):
        facts.refused.append((seq, action))
        return
    admin = cert.active and cert.role == "admin"
    ok = False
    if action == "cert.issue":
        serial = data.get("serial")
        if admin and isinstance(serial, int):
            facts.certs[obj] = serial
            facts.announced[serial] = [obj, data.get("digest")]
            ok = True
    elif action == "keys.rotate":
        epochs = data.get("epochs")
        if admin and isinstance(epochs, dict):
            for level, epoch in epochs.items():
                facts.epochs[int(level)] = int(epoch)
            ok = True
    elif action == "settings.field_level":
        after = data.get("after")
        if cert.active and cert.role in ("manager", "admin") and obj in DEFAULT_FIELD_LEVELS \
                and after in LEVELS:
            facts.field_levels[obj] = LEVELS.index(after)
            ok = True
    elif action == "customer.level":
        # Keyed by the file's id, which its rows' seals are bound to (a code can be renamed
        # in the table; an id changed leaves the file's sealed rows unopenable).
        level, file_id = data.get("level"), data.get("id")
        before = facts.file_levels.get(file_id, 0) if isinstance(file_id, int) else 0
        if cert.active and isinstance(level, int) and isinstance(file_id, int) \
                and cert.clearance >= max(before, level):
            facts.file_levels[file_id] = level
            ok = True
    elif action == "scorecard.save":
        if cert.active and cert.role in ("manager", "admin") and data.get("sha256"):
            facts.scorecards[obj] = data["sha256"]
            if "approvals_from" in facts.scorecards:
                facts.scorecards["pending:" + obj] = cert.user
            ok = True
    elif action == "scorecard.approvals":
        # Anyone may write it; only the first counts, and it only ever adds a requirement.
        facts.scorecards.setdefault("approvals_from", str(seq))
        ok = True
    elif action == "scorecard.approve":
        saver = facts.scorecards.get("pending:" + obj)
        decision = data.get("decision")
        decided = ("approved:" + obj) in facts.scorecards or ("rejected:" + obj) in facts.scorecards
        if cert.active and cert.role in ("manager", "admin") and saver and saver != cert.user \
                and decision in ("approved", "rejected") and not decided:
            facts.scorecards[f"{decision}:{obj}"] = cert.user
            ok = True
    elif action == "scorecard.install":
        # Written by whoever logs in first after an update; what it may name is bounded by
        # the scorecards shipped with the program (grading.scorecards).
        if data.get("sha256"):
            facts.scorecards.setdefault("install:" + obj, data["sha256"])
            ok = True
    elif action == "backup.restore":
        if admin:
            if isinstance(data.get("backup_head"), int):
                facts.restores.append([at, data["backup_head"]])
            ok = True
    elif action in ("keys.convert", "audit.reanchor"):
        ok = admin
    if not ok:
        facts.refused.append((seq, action))


# -- walking the chain --------------------------------------------------------------------------
_COLUMNS = ("seq, at, user, action, object, customer, summary, prev_hash, hash, signer, "
            "signer_serial, signature")


def _legacy(db) -> dict | None:
    """Where a converted database's unsigned entries end, and the digest of them the
    converting administrator signed: the first ``keys.convert`` entry that comes after the
    entries it covers. (Whether it is signed, by an administrator, is checked when the walk
    reaches it; one slipped in among the entries it claims to cover is ignored, so those
    entries are checked one by one.)"""
    for seq, summary in db.execute("SELECT seq, summary FROM audit_log "
                                   "WHERE action = 'keys.convert' ORDER BY seq"):
        try:
            data = json.loads(summary)
            count = int(data.get("legacy_entries", 0))
        except (ValueError, TypeError, AttributeError):
            continue
        if 0 <= count < seq:
            return {"seq": seq, "count": count, "digest": data.get("legacy_digest")}
    return None


def catch_up(db, history: dict, facts: Facts, *, full: bool = False) -> Facts:
    """Walk the entries after ``facts.seq`` and take the facts they state; stop at the first
    broken link, hash or (checked) signature, recorded as ``facts.broken``. ``full`` checks
    every entry's signature (``verify``), not only those stating facts."""
    from ..audit import SYSTEM_USER, canonical, entry_hash, signed_message
    if facts.broken:
        return facts
    if facts.seq == 0:
        low = db.execute("SELECT min(seq) FROM audit_log").fetchone()[0]
        if low is not None and low < 1:
            facts.broken = ("inserted", low)
            return facts
    legacy = _legacy(db) if facts.seq == 0 else None
    legacy_hash = hashlib.sha256(b"[") if legacy else None
    cursor = db.execute(f"SELECT {_COLUMNS} FROM audit_log WHERE seq > ? ORDER BY seq",
                        [facts.seq])
    for (seq, at, user, action, obj, customer, summary, prev_hash, digest, signer,
         signer_serial, signature) in cursor:
        if seq != facts.seq + 1:
            facts.broken = ("missing", facts.seq + 1)
            return facts
        if prev_hash != facts.hash:
            facts.broken = ("inserted", seq)
            return facts
        if legacy and seq <= legacy["count"]:
            # Written before per-user keys: checked as a whole against the digest the
            # converting administrator signed, not one by one.
            row = [seq, at, user, action, obj, customer, summary, prev_hash, digest]
            legacy_hash.update(((b"," if seq > 1 else b"") + canonical(row).encode("utf-8")))
        else:
            if digest != entry_hash(seq, at, user, action, obj, customer, summary, prev_hash):
                facts.broken = ("edited", seq)
                return facts
            # An entry speaks for its signer: only the program's own entries (written at a
            # user's desk) and failed logins (reported by the slot file) name someone else.
            if user != signer and user != SYSTEM_USER and action != "login.failed":
                facts.broken = ("forged", seq)
                return facts
            states = action in FACT_ACTIONS
            if full or states:
                if not signature:
                    facts.broken = ("unsigned", seq)
                    return facts
                cert = history.get(signer_serial)
                if cert is None or cert.user != signer \
                        or signer_serial != facts.in_force(signer, history) \
                        or not p.verify(cert.sign_key, p.unb64(signature),
                                        signed_message(facts.database_id, seq, digest, signer,
                                                       signer_serial)):
                    facts.broken = ("forged", seq)
                    return facts
                if legacy and seq == legacy["seq"]:
                    # The entries before were taken on this entry's word: it must be an
                    # administrator's, and its digest theirs.
                    legacy_hash.update(b"]")
                    if legacy_hash.hexdigest() != legacy["digest"] \
                            or not (cert.active and cert.role == "admin"):
                        facts.broken = ("legacy", 1)
                        return facts
                if states:
                    apply(facts, seq, at, action, obj, customer, summary, cert)
        facts.seq, facts.hash, facts.at = seq, digest, at
    return facts


# -- each user's own snapshot ------------------------------------------------------------------
# Kept twice, signed by its user: in the database (``settings``), and in the user's own data
# folder, which a colleague with another account on the machine cannot write — so putting
# back an older copy of the database file, snapshots and all, is still found.
def _message(database_id: str, user: str, data: dict) -> bytes:
    return json.dumps(["facts", database_id, user, data], ensure_ascii=False, sort_keys=True,
                      separators=(",", ":")).encode("utf-8")


def private_path(database_id: str, db_path, user: str):
    """Where ``user``'s own copy for the database at ``db_path`` is kept (a copy of the
    database elsewhere is another database for this purpose)."""
    from pathlib import Path
    from ... import paths
    tag = hashlib.sha256(f"{database_id}\0{Path(db_path).resolve()}\0{user}"
                         .encode("utf-8")).hexdigest()[:24]
    return paths.data_dir() / "checked" / f"{tag}.json"


def save(db, personal, facts: Facts, db_path=None) -> None:
    """Keep ``facts`` for ``personal``'s next login, signed by them (in the caller's write)."""
    if facts.broken:
        return
    data = facts.as_dict()
    signature = p.sign(personal.sign_seed, _message(facts.database_id, personal.user, data))
    text = json.dumps({"facts": data, "signature": p.b64(signature)}, ensure_ascii=False)
    db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
               [_SETTINGS_KEY.format(user=personal.user), text])
    if db_path is not None:
        from ..files import write_atomic
        try:
            write_atomic(private_path(facts.database_id, db_path, personal.user), text)
        except OSError:
            pass          # the copy in the database stands alone


def _verified(text: str | None, database_id: str, personal) -> Facts | None:
    if not text:
        return None
    try:
        stored = json.loads(text)
        data = stored["facts"]
        if data.get("database_id") == database_id and p.verify(
                personal.sign_public, p.unb64(stored["signature"]),
                _message(database_id, personal.user, data)):
            return Facts.from_dict(data)
    except (KeyError, TypeError, ValueError, AttributeError):
        pass            # not a copy this user signed (cut short, edited, wrong shape): ignored
    return None


def load(db, database_id: str, personal, history: dict, db_path=None) -> Facts:
    """The facts as ``personal`` last checked them, brought up to the log's end.

    Of the two copies the furthest is taken. A copy that is not theirs (edited, another
    user's, another database's) is ignored; with none, the whole log is walked. One whose
    last entry is gone or different means the log was cut, rewritten or put back after
    they checked it: ``broken`` ("rewound") — unless an administrator *by that copy* has
    since accepted the cut or restored a backup (``accepts_cut``).
    """
    row = db.execute("SELECT value FROM settings WHERE key = ?",
                     [_SETTINGS_KEY.format(user=personal.user)]).fetchone()
    copies = [_verified(row[0] if row else None, database_id, personal)]
    if db_path is not None:
        try:
            own = private_path(database_id, db_path, personal.user).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            own = None
        copies.append(_verified(own, database_id, personal))
    copies = [c for c in copies if c is not None]
    facts = max(copies, key=lambda c: c.seq) if copies else Facts(database_id)
    if facts.seq:
        found = db.execute("SELECT hash FROM audit_log WHERE seq = ?", [facts.seq]).fetchone()
        if found is None or found[0] != facts.hash:
            fresh = catch_up(db, history, Facts(database_id))
            if not fresh.broken and accepts_cut(db, history, facts):
                return fresh
            facts.broken = ("rewound", facts.seq)
            return facts
    return catch_up(db, history, facts)


def accepts_cut(db, history: dict, seen: Facts) -> bool:
    """Whether an administrator accepted the log as it is after it was cut or rewritten
    behind ``seen`` (the facts as the reader last checked them): an ``audit.reanchor`` or
    ``backup.restore`` entry written after she checked it (a later time than her last entry's: any entry
    written after that and before the cut went with the cut), signed by someone who was
    an active administrator *by ``seen``* — someone demoted in the entries that were cut
    cannot accept her own cut for those who saw her demotion. (The entry's signature and
    link were checked by the whole walk just made.)"""
    for signer, serial in db.execute(
            "SELECT signer, signer_serial FROM audit_log WHERE action IN ('audit.reanchor', "
            "'backup.restore') AND at > ? ORDER BY seq", [seen.at]):
        was = history.get(seen.certs.get(signer, -1))
        now = history.get(serial)
        if was is not None and was.active and was.role == "admin" and now is not None \
                and now.user == signer and now.sign_key == was.sign_key:
            return True
    return False

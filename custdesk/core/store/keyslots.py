"""The key slot file ``<db>.keys``: what each person's password unlocks, and the file key.

Format 2 (this program writes no other):

- ``slots[user]``: the user's **personal keys** — an Ed25519 signing key (every audit
  entry they write is signed with it), an X25519 box key (level keys and the file key
  are sealed to its public half) and the firm's **root** public key they trust — in one
  AES-256-GCM envelope under a key derived from their password by Argon2id. The GCM
  tag is what checks a password.
- ``file_keys[principal]``: the database file key (SQLCipher's raw key), sealed to that
  principal's box key. A user's password thus opens their own slot, their slot opens
  their file-key envelope, and the file key opens the database. Disabling a user
  changes the file key (``PRAGMA rekey``) and drops their envelope, so an old copy of
  this file reads nothing written after.
- ``recovery``: the salt from which the paper recovery key derives the root signing
  key and the recovery principal's box key (see ``keys.recovery``).
- ``throttle`` and ``pending_failures``: the login back-off, kept here because a failed
  login cannot open the database. Failures are copied into the signed audit log at the
  next login, and the back-off also counts the failures already logged there, so
  editing this file can only hide failures not yet logged.

Format 1 (custdesk before per-user keys) wrapped the file key itself under each
password; ``unlock`` still reads it so that a database can be converted (``keys.upgrade``).
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Iterator

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from .. import i18n
from ..errors import StoreError
from ..files import FileTooBig, NotRegularFile, fsync_dir, private_file, read_regular, write_atomic
from ..keys import primitives as p

i18n.register({
    "keys.damaged": ("密钥文件 {path} 已损坏（{detail}），无法使用：请从备份恢复（custdesk restore）",
                     "the key file {path} is damaged ({detail}) and cannot be used: restore a "
                     "backup (custdesk restore)"),
    "keys.detail.irregular": ("不是普通文件", "not an ordinary file"),
    "keys.detail.large": ("文件过大", "too large"),
    "keys.detail.json": ("不是 JSON", "not JSON"),
    "keys.detail.object": ("内容不是对象", "not an object"),
    "keys.detail.entry": ("“{entry}”项不对", "the entry “{entry}” is wrong"),
})

FORMAT = 2
# Argon2id cost, chosen by measuring (README, "Passwords"): 256 MiB and 3 passes take
# about 0.7 s of one core of this class of machine, so a copied slot file gives an
# attacker about 1.4 guesses per second per core (and 256 MiB of memory per guess).
# The two lanes halve the wait at the login screen on a two-core PC.
# A slot made with weaker parameters (an older custdesk) is made again at its user's next
# login, and ``check`` names such slots until then.
ARGON2 = {"time_cost": 3, "memory_cost": 262144, "parallelism": 2}
LOCK_TIMEOUT = 30.0  # seconds to wait for another process to finish with the slots
RECOVERY = "@recovery"      # the principal the paper recovery key stands for


def kdf_params() -> dict:
    return dict(ARGON2)


def below_policy(kdf: dict) -> bool:
    """Whether a slot was made with weaker Argon2 parameters than this program's own."""
    return any(kdf.get(k, 0) < v for k, v in ARGON2.items() if k != "parallelism")


def slots_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".keys")


def _derive_password_key(password: str, kdf: dict) -> bytes:
    return hash_secret_raw(
        password.encode("utf-8"), p.unb64(kdf["salt"]),
        time_cost=kdf["time_cost"], memory_cost=kdf["memory_cost"],
        parallelism=kdf["parallelism"], hash_len=32, type=Type.ID,
    )


def _slot_aad(user: str, fmt: int = FORMAT) -> bytes:
    # Binds a slot to its user name: copying the admin's slot under a clerk's name
    # does not log anyone in as that clerk.
    prefix = b"custdesk-user-slot:" if fmt == 1 else b"custdesk-user-slot-v2:"
    return prefix + user.encode("utf-8")


def _file_key_aad(principal: str, epoch: int) -> bytes:
    return f"custdesk-file-key:{principal}:{epoch}".encode("utf-8")


MAX_FILE = 16 << 20          # bytes: a key file of thousands of users is far smaller
# Argon2 parameters a slot may state: a damaged or edited slot asking for terabytes of
# memory or hours of work is refused, not run.
_KDF_LIMITS = {"time_cost": (1, 64), "memory_cost": (8, 4 << 20), "parallelism": (1, 64)}


class KeySlotsDamaged(StoreError, ValueError):
    """The ``.keys`` file is not one this program wrote (cut short, edited, garbled)."""

    _DETAILS = {"not an ordinary file": "keys.detail.irregular", "too large": "keys.detail.large",
                "not JSON": "keys.detail.json", "not an object": "keys.detail.object"}

    def __init__(self, path: Path, detail: str):
        self.detail = detail
        key = self._DETAILS.get(detail)
        # Anything else names the entry of the file that is wrong (slots, format '3', ...).
        shown = i18n.tr(key) if key else i18n.tr("keys.detail.entry", entry=detail)
        super().__init__(i18n.tr("keys.damaged", path=path, detail=shown))


def _is_str_map(value, check) -> bool:
    return isinstance(value, dict) and all(isinstance(k, str) and check(v)
                                           for k, v in value.items())


def _b64_ok(value) -> bool:
    """A base64 field that decodes: a flipped bit must read as a damaged file, not fail
    later inside an unlock."""
    if not isinstance(value, str):
        return False
    try:
        p.unb64(value)
    except ValueError:              # binascii.Error, and non-ASCII text
        return False
    return True


def _kdf_ok(kdf) -> bool:
    return (isinstance(kdf, dict) and _b64_ok(kdf.get("salt"))
            and all(type(kdf.get(key)) is int and low <= kdf[key] <= high
                    for key, (low, high) in _KDF_LIMITS.items()))


def _slot_ok(slot) -> bool:
    return (isinstance(slot, dict) and _kdf_ok(slot.get("kdf"))
            and all(_b64_ok(slot.get(key)) for key in ("nonce", "wrapped")))


def _envelope_ok(entry) -> bool:
    def one(item) -> bool:
        return (isinstance(item, dict) and type(item.get("epoch")) is int
                and _b64_ok(item.get("token")))
    older = entry.get("older", []) if isinstance(entry, dict) else None
    return one(entry) and isinstance(older, list) and all(one(item) for item in older)


def throttle_entry_ok(entry) -> bool:
    """A login back-off entry: {count: int, last: ISO time or None} (here and in the head file)."""
    if not (isinstance(entry, dict) and type(entry.get("count", 0)) is int):
        return False
    last = entry.get("last")
    if last is None:
        return True
    try:
        datetime.fromisoformat(str(last).replace("Z", "+00:00"))
    except ValueError:
        return False
    return isinstance(last, str)


def _shape_problem(data) -> str | None:
    """What is wrong with the shape of a parsed key file (None: nothing). Only the shape:
    whether a slot opens is the password's and the signatures' business."""
    if not isinstance(data, dict):
        return "not an object"
    if data.get("format") not in (1, FORMAT) or type(data.get("format")) is not int:
        return f"format {str(data.get('format'))[:20]!r}"
    if data["format"] == FORMAT and not _is_str_map(data.get("slots"), _slot_ok):
        return "slots"
    if data["format"] == 1 and not _is_str_map(data.get("slots"), lambda s: isinstance(s, dict)):
        return "slots"
    if not _is_str_map(data.get("file_keys", {}), _envelope_ok):
        return "file_keys"
    recovery = data.get("recovery")
    if recovery is not None and not (_is_str_map(recovery, _b64_ok)
                                     or (data["format"] == 1 and isinstance(recovery, dict))):
        return "recovery"
    if not _is_str_map(data.get("throttle", {}), throttle_entry_ok):
        return "throttle"
    pending = data.get("pending_failures", [])
    if not (isinstance(pending, list) and all(
            isinstance(e, dict) and isinstance(e.get("user"), str) and isinstance(e.get("at"), str)
            for e in pending)):
        return "pending_failures"
    if not isinstance(data.get("database_id", ""), str):
        return "database_id"
    return None


@dataclass(frozen=True)
class Personal:
    """What a password unlocks: one principal's own keys and the root they trust."""

    user: str
    sign_seed: bytes
    box_secret: bytes
    root: bytes

    @property
    def sign_public(self) -> bytes:
        return p.sign_public(self.sign_seed)

    @property
    def box_public(self) -> bytes:
        return p.box_public(self.box_secret)

    @classmethod
    def new(cls, user: str, root: bytes) -> "Personal":
        return cls(user, p.random_key(), p.random_key(), root)


def format_recovery_key(raw: bytes) -> str:
    import base64
    text = base64.b32encode(raw).decode("ascii").rstrip("=")
    return "-".join(text[i:i + 8] for i in range(0, len(text), 8))


def parse_recovery_key(text: str) -> bytes | None:
    import base64
    cleaned = "".join(ch for ch in (text or "").upper() if ch.isalnum())
    cleaned = cleaned.replace("0", "O").replace("1", "I").replace("8", "B")
    try:
        raw = base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))
    except ValueError:
        return None
    return raw if len(raw) == 32 else None


def recovery_personal(raw: bytes, salt: bytes) -> Personal:
    """The recovery principal's keys, all derived from the paper key: its signing key
    is the firm's root, which every user's slot pins."""
    sign_seed = p.derive(raw, "recovery/sign", salt=salt)
    root = p.sign_public(sign_seed)
    return Personal(RECOVERY, sign_seed, p.derive(raw, "recovery/box", salt=salt), root)


@dataclass
class KeySlots:
    """The parsed ``.keys`` file; ``save`` writes it back atomically."""

    path: Path
    data: dict
    dirty: bool = field(default=False, compare=False)

    @classmethod
    def new(cls, db_path: Path) -> "KeySlots":
        return cls(slots_path(db_path), {"format": FORMAT, "slots": {}, "file_keys": {},
                                         "recovery": None, "throttle": {},
                                         "pending_failures": []})

    @classmethod
    def load(cls, db_path: Path) -> "KeySlots":
        """The key file as it is; KeySlotsDamaged (a StoreError and a ValueError) when it is
        not a key file of this program's shape (truncated, edited, not JSON). OSError when
        it cannot be read."""
        path = slots_path(db_path)
        # Read as a user-named file is: a pipe put in its place would make a plain read wait
        # for a writer for ever, /dev/zero would fill memory.
        try:
            raw = read_regular(path, MAX_FILE)
        except NotRegularFile as exc:
            raise KeySlotsDamaged(path, "not an ordinary file") from exc
        except FileTooBig as exc:
            raise KeySlotsDamaged(path, "too large") from exc
        try:
            data = json.loads(raw.decode("utf-8"))
        except ValueError as exc:                # not UTF-8, not JSON: cut short or garbled
            raise KeySlotsDamaged(path, "not JSON") from exc
        problem = _shape_problem(data)
        if problem:
            raise KeySlotsDamaged(path, problem)
        data.setdefault("throttle", {})
        data.setdefault("pending_failures", [])
        data.setdefault("file_keys", {})
        return cls(path, data)

    @property
    def format(self) -> int:
        return self.data["format"]

    def save(self) -> None:
        write_atomic(self.path, json.dumps(self.data, ensure_ascii=False, indent=1))
        self.dirty = False

    # -- user slots ---------------------------------------------------------------------
    def users(self) -> list[str]:
        return sorted(self.data["slots"])

    def has_user(self, user: str) -> bool:
        return user in self.data["slots"]

    def kdf_of(self, user: str) -> dict | None:
        slot = self.data["slots"].get(user)
        return slot["kdf"] if slot else None

    def set_personal(self, personal: Personal, password: str, *,
                     must_change: bool = False) -> None:
        """Write ``personal``'s slot under ``password`` (a new user, a new password)."""
        kdf = {"name": "argon2id", "salt": p.b64(secrets.token_bytes(16)), **kdf_params()}
        body = json.dumps({"user": personal.user, "sign": p.b64(personal.sign_seed),
                           "box": p.b64(personal.box_secret), "root": p.b64(personal.root)})
        nonce = secrets.token_bytes(12)
        wrapped = AESGCM(_derive_password_key(password, kdf)).encrypt(
            nonce, body.encode("utf-8"), _slot_aad(personal.user))
        slot = {"kdf": kdf, "nonce": p.b64(nonce), "wrapped": p.b64(wrapped)}
        if must_change:
            slot["must_change"] = True
        self.data["format"] = FORMAT
        self.data["slots"][personal.user] = slot
        self.dirty = True

    def must_change(self, user: str) -> bool:
        """Whether ``user`` logs in with a one-time password an administrator gave them."""
        return bool(self.data["slots"].get(user, {}).get("must_change"))

    def unlock_personal(self, user: str, password: str) -> Personal | None:
        """``user``'s personal keys, or None (no such slot, or a wrong password)."""
        slot = self.data["slots"].get(user)
        if slot is None or self.format != FORMAT:
            self._spend_time(password)
            return None
        try:
            body = AESGCM(_derive_password_key(password, slot["kdf"])).decrypt(
                p.unb64(slot["nonce"]), p.unb64(slot["wrapped"]), _slot_aad(user))
        except InvalidTag:
            return None
        data = json.loads(body)
        return Personal(user, p.unb64(data["sign"]), p.unb64(data["box"]), p.unb64(data["root"]))

    @staticmethod
    def _spend_time(password: str) -> None:
        # A missing user costs what a real attempt costs, so timing does not tell which
        # user names exist.
        _derive_password_key(password, {"salt": p.b64(b"\0" * 16), **kdf_params()})

    def unlock(self, user: str, password: str) -> bytes | None:
        """The database file key ``user``'s password opens (None: wrong user or password)."""
        if self.format == 1:
            return self._unlock_v1(user, password)
        personal = self.unlock_personal(user, password)
        return None if personal is None else self.file_key(personal)

    def _unlock_v1(self, user: str, password: str) -> bytes | None:
        slot = self.data["slots"].get(user)
        if slot is None:
            self._spend_time(password)
            return None
        try:
            return AESGCM(_derive_password_key(password, slot["kdf"])).decrypt(
                p.unb64(slot["nonce"]), p.unb64(slot["wrapped"]), _slot_aad(user, 1))
        except InvalidTag:
            return None

    def remove_user(self, user: str) -> None:
        self.data["slots"].pop(user, None)
        self.data["file_keys"].pop(user, None)
        self.data["throttle"].pop(user, None)
        self.dirty = True

    # -- the file key, sealed to each principal ----------------------------------------------
    def set_file_key(self, principal: str, box_public: bytes, file_key: bytes, epoch: int) -> None:
        token = p.seal_box(box_public, 0, epoch, file_key, _file_key_aad(principal, epoch))
        self.data["file_keys"][principal] = {"epoch": epoch, "token": p.b64(token)}
        self.dirty = True

    def add_file_key(self, principal: str, box_public: bytes, file_key: bytes, epoch: int) -> None:
        """Keep ``principal``'s current envelope and add one for a new file key (a rekey
        writes the new envelopes first, so a crash leaves one of the two working)."""
        entry = self.data["file_keys"].get(principal)
        older = []
        if entry:
            older = [entry] + entry.get("older", [])
        self.set_file_key(principal, box_public, file_key, epoch)
        if older:
            self.data["file_keys"][principal]["older"] = [
                {"epoch": e["epoch"], "token": e["token"]} for e in older]

    def drop_older_file_keys(self) -> None:
        for entry in self.data["file_keys"].values():
            if entry.pop("older", None) is not None:
                self.dirty = True

    def file_keys(self, personal: Personal) -> list[tuple[int, bytes]]:
        """Every file key ``personal`` can open here, newest first: (epoch, key)."""
        entry = self.data["file_keys"].get(personal.user)
        if entry is None:
            return []
        found = []
        for item in [entry] + entry.get("older", []):
            try:
                found.append((item["epoch"], p.open_token(
                    p.unb64(item["token"]), _file_key_aad(personal.user, item["epoch"]),
                    box_secret=personal.box_secret)))
            except (p.TokenError, ValueError, KeyError):
                continue
        return sorted(found, reverse=True)

    def file_key(self, personal: Personal) -> bytes | None:
        keys = self.file_keys(personal)
        return keys[0][1] if keys else None

    # -- recovery -----------------------------------------------------------------------------
    def new_recovery(self) -> tuple[str, Personal]:
        """A new paper recovery key (shown once) and the recovery principal it stands for."""
        raw, salt = secrets.token_bytes(32), secrets.token_bytes(16)
        personal = recovery_personal(raw, salt)
        self.data["recovery"] = {"salt": p.b64(salt), "root": p.b64(personal.root)}
        self.dirty = True
        return format_recovery_key(raw), personal

    def unlock_recovery_personal(self, recovery_key: str) -> Personal | None:
        """The recovery principal, when ``recovery_key`` is this file's (its root must match)."""
        entry = self.data.get("recovery")
        raw = parse_recovery_key(recovery_key)
        if not entry or raw is None or "salt" not in entry:
            return None
        personal = recovery_personal(raw, p.unb64(entry["salt"]))
        if not p.constant_equal(personal.root, p.unb64(entry["root"])):
            return None
        return personal

    def unlock_recovery(self, recovery_key: str) -> bytes | None:
        """The file key the recovery key opens (None when it is not this file's key)."""
        personal = self.unlock_recovery_personal(recovery_key)
        return None if personal is None else self.file_key(personal)

    def root(self) -> bytes | None:
        entry = self.data.get("recovery") or {}
        return p.unb64(entry["root"]) if entry.get("root") else None

    # -- login back-off -------------------------------------------------------------------------
    def failures(self, user: str) -> dict:
        return self.data["throttle"].get(user, {"count": 0, "last": None})

    def record_failure(self, user: str, at: str) -> None:
        entry = self.failures(user)
        self.data["throttle"][user] = {"count": entry["count"] + 1, "last": at}
        self.data["pending_failures"].append({"user": user, "at": at})
        self.dirty = True

    def clear_failures(self, user: str) -> None:
        if self.data["throttle"].pop(user, None) is not None:
            self.dirty = True

    def take_pending_failures(self) -> list[dict]:
        pending, self.data["pending_failures"] = self.data["pending_failures"], []
        if pending:
            self.dirty = True
        return pending


@contextlib.contextmanager
def locked(db_path: Path, *, create: bool = False) -> Iterator[KeySlots]:
    """The key slots, read fresh under an exclusive lock and saved on exit if changed.

    Every change to the file goes through here, so two processes (a login and
    an administrator adding a user, say) cannot overwrite each other's change.
    Lock order: this lock first, then the database's write lock, never the
    other way round.
    """
    lock_path = db_path.with_name(db_path.name + ".keys.lock")
    with file_lock(lock_path):
        slots = KeySlots.new(db_path) if create else KeySlots.load(db_path)
        yield slots
        if slots.dirty:
            slots.save()


@contextlib.contextmanager
def file_lock(path: Path) -> Iterator[None]:
    fd = private_file(path)
    try:
        deadline = time.monotonic() + LOCK_TIMEOUT
        while not _try_lock(fd):
            if time.monotonic() > deadline:
                raise TimeoutError(f"{path} is held by another process")
            time.sleep(0.02)
        try:
            yield
        finally:
            _unlock(fd)
    finally:
        os.close(fd)


if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


# Kept under their old names for the modules that import them from here.
_file_lock = file_lock
_fsync_dir = fsync_dir

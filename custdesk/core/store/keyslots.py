"""Key slots: the database key, wrapped once per user and once for recovery.

The database is keyed with a random 256-bit key. That key never touches disk
in the clear: beside the database, ``<db>.keys`` (JSON) holds one slot per
active user — the key encrypted with AES-256-GCM under a key derived from the
user's password by Argon2id — and one recovery slot, wrapped under a key
derived (HKDF) from a random 256-bit recovery key that ``init`` prints once.

The slot's GCM tag is what checks a password: a wrong password fails to
unwrap, and nothing else in the file tells a password apart.

The file also keeps the login back-off counters and failures not yet copied
into the audit log, because a failed login cannot open the database to log
itself. Editing this file can only reset a back-off counter; it cannot reveal
anything (an attacker holding the file can try passwords offline anyway, which
is what Argon2id's cost is for).
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import secrets
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

FORMAT = 1
# Argon2id cost: 64 MiB, 3 passes, 2 lanes (above OWASP's 19 MiB/t=2 minimum);
# about 0.1 s on a 2-core machine. Stored per slot, so it can be raised later.
ARGON2 = {"time_cost": 3, "memory_cost": 65536, "parallelism": 2}
LOCK_TIMEOUT = 30.0  # seconds to wait for another process to finish with the slots


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))


def slots_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".keys")


def _derive_password_key(password: str, kdf: dict) -> bytes:
    return hash_secret_raw(
        password.encode("utf-8"), _unb64(kdf["salt"]),
        time_cost=kdf["time_cost"], memory_cost=kdf["memory_cost"],
        parallelism=kdf["parallelism"], hash_len=32, type=Type.ID,
    )


def _derive_recovery_key(recovery: bytes, kdf: dict) -> bytes:
    # The recovery key is 256 random bits: a fast KDF is enough, no stretching needed.
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=_unb64(kdf["salt"]),
                info=b"custdesk recovery slot").derive(recovery)


def _wrap(kek: bytes, db_key: bytes, aad: bytes) -> dict:
    nonce = secrets.token_bytes(12)
    return {"nonce": _b64(nonce), "wrapped": _b64(AESGCM(kek).encrypt(nonce, db_key, aad))}


def _unwrap(kek: bytes, slot: dict, aad: bytes) -> bytes | None:
    try:
        return AESGCM(kek).decrypt(_unb64(slot["nonce"]), _unb64(slot["wrapped"]), aad)
    except InvalidTag:
        return None


def _slot_aad(user: str) -> bytes:
    # Binds a slot to its user name: copying the admin's slot under a clerk's
    # name does not log anyone in as that clerk.
    return b"custdesk-user-slot:" + user.encode("utf-8")


def format_recovery_key(raw: bytes) -> str:
    text = base64.b32encode(raw).decode("ascii").rstrip("=")
    return "-".join(text[i:i + 8] for i in range(0, len(text), 8))


def parse_recovery_key(text: str) -> bytes | None:
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    cleaned = cleaned.replace("0", "O").replace("1", "I").replace("8", "B")
    try:
        raw = base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))
    except ValueError:
        return None
    return raw if len(raw) == 32 else None


@dataclass
class KeySlots:
    """The parsed ``.keys`` file; ``save`` writes it back atomically."""

    path: Path
    data: dict
    dirty: bool = field(default=False, compare=False)

    @classmethod
    def new(cls, db_path: Path) -> "KeySlots":
        return cls(slots_path(db_path), {"format": FORMAT, "slots": {}, "recovery": None,
                                         "throttle": {}, "pending_failures": []})

    @classmethod
    def load(cls, db_path: Path) -> "KeySlots":
        path = slots_path(db_path)
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            raise ValueError(f"unknown key slot format {data.get('format')!r}")
        data.setdefault("throttle", {})
        data.setdefault("pending_failures", [])
        return cls(path, data)

    def save(self) -> None:
        write_atomic(self.path, json.dumps(self.data, ensure_ascii=False, indent=1))
        self.dirty = False

    # -- user slots ---------------------------------------------------------------
    def users(self) -> list[str]:
        return sorted(self.data["slots"])

    def has_user(self, user: str) -> bool:
        return user in self.data["slots"]

    def set_password(self, user: str, password: str, db_key: bytes) -> None:
        kdf = {"name": "argon2id", "salt": _b64(secrets.token_bytes(16)), **ARGON2}
        slot = {"kdf": kdf, **_wrap(_derive_password_key(password, kdf), db_key, _slot_aad(user))}
        self.data["slots"][user] = slot
        self.dirty = True

    def unlock(self, user: str, password: str) -> bytes | None:
        """The database key, or None when the user has no slot or the password is wrong."""
        slot = self.data["slots"].get(user)
        if slot is None:
            # Spend the same time as a real attempt so timing does not tell
            # which user names exist.
            _derive_password_key(password, {"salt": _b64(b"\0" * 16), **ARGON2})
            return None
        return _unwrap(_derive_password_key(password, slot["kdf"]), slot, _slot_aad(user))

    def remove_user(self, user: str) -> None:
        self.data["slots"].pop(user, None)
        self.data["throttle"].pop(user, None)
        self.dirty = True

    # -- recovery -----------------------------------------------------------------
    def new_recovery_key(self, db_key: bytes) -> str:
        raw = secrets.token_bytes(32)
        kdf = {"name": "hkdf-sha256", "salt": _b64(secrets.token_bytes(16))}
        self.data["recovery"] = {"kdf": kdf, **_wrap(_derive_recovery_key(raw, kdf), db_key,
                                                     b"custdesk-recovery")}
        self.dirty = True
        return format_recovery_key(raw)

    def unlock_recovery(self, recovery_key: str) -> bytes | None:
        slot = self.data.get("recovery")
        raw = parse_recovery_key(recovery_key)
        if slot is None or raw is None:
            return None
        return _unwrap(_derive_recovery_key(raw, slot["kdf"]), slot, b"custdesk-recovery")

    # -- login back-off -------------------------------------------------------------
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
    with _file_lock(lock_path):
        slots = KeySlots.new(db_path) if create else KeySlots.load(db_path)
        yield slots
        if slots.dirty:
            slots.save()


@contextlib.contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
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


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # Windows cannot open a directory; its rename is durable enough
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: Path, text: str) -> None:
    """Write a small file so that a crash leaves either the old or the new content.

    The temporary name is unique: two processes on one database may write at once.
    """
    tmp = path.with_name(f"{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)

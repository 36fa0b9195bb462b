"""What an insider can do with her own password, a copy of the files and the raw libraries.

This module imports no custdesk code (tests/core/test_insider.py checks): it reads the
published formats (README, "Keys and what an insider can do") with argon2-cffi,
cryptography and sqlcipher3 alone, as a user of the firm with Python could.
"""

from __future__ import annotations

import base64
import hashlib
import json
import struct
from pathlib import Path

import sqlcipher3
from argon2.low_level import Type, hash_secret_raw
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF


def unb64(text: str) -> bytes:
    return base64.b64decode(text)


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def my_keys(db_path: Path, user: str, password: str) -> dict:
    """Unwrap one's own slot: the personal signing and box keys, and the root one trusts."""
    slots = json.loads(Path(str(db_path) + ".keys").read_text(encoding="utf-8"))
    slot = slots["slots"][user]
    kdf = slot["kdf"]
    kek = hash_secret_raw(password.encode(), unb64(kdf["salt"]), time_cost=kdf["time_cost"],
                          memory_cost=kdf["memory_cost"], parallelism=kdf["parallelism"],
                          hash_len=32, type=Type.ID)
    body = AESGCM(kek).decrypt(unb64(slot["nonce"]), unb64(slot["wrapped"]),
                               b"custdesk-user-slot-v2:" + user.encode())
    data = json.loads(body)
    return {"sign": unb64(data["sign"]), "box": unb64(data["box"]), "root": unb64(data["root"]),
            "slots": slots}


def open_box(secret: bytes, token: bytes, aad: bytes) -> bytes:
    """Open a sealed box (kind P): X25519 with the ephemeral key, HKDF, AES-GCM."""
    header = token[:4]
    ephemeral, nonce, body = token[4:36], token[36:48], token[48:]
    private = X25519PrivateKey.from_private_bytes(secret)
    mine = private.public_key().public_bytes_raw()
    shared = private.exchange(X25519PublicKey.from_public_bytes(ephemeral))
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=ephemeral + mine,
               info=b"custdesk/sealed-box").derive(shared)
    return AESGCM(key).decrypt(nonce, body, header + aad)


def file_key(db_path: Path, user: str, keys: dict) -> bytes:
    entry = keys["slots"]["file_keys"][user]
    return open_box(keys["box"], unb64(entry["token"]),
                    f"custdesk-file-key:{user}:{entry['epoch']}".encode())


def connect(db_path: Path, key: bytes):
    conn = sqlcipher3.connect(str(db_path), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return conn


def break_in(db_path: Path, user: str, password: str):
    """(raw connection to the database, the user's keys): all her password opens."""
    keys = my_keys(db_path, user, password)
    return connect(db_path, file_key(db_path, user, keys)), keys


def everything(conn) -> list[tuple[str, str, object]]:
    """Every value of every row of every table: (table, column, value)."""
    out = []
    for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        cursor = conn.execute(f'SELECT * FROM "{table}"')
        names = [c[0] for c in cursor.description]
        for row in cursor.fetchall():
            out += [(table, name, value) for name, value in zip(names, row)]
    return out


def open_grants(conn, keys: dict, user: str) -> list[bytes]:
    """Every level secret among the grants whose sealed box the user's key opens (any user's)."""
    opened = []
    database_id = conn.execute("SELECT value FROM settings WHERE key = 'database_id'").fetchone()[0]
    for owner, level, epoch, token in conn.execute(
            "SELECT user, level, epoch, token FROM key_grants").fetchall():
        aad = f"custdesk-grant:{database_id}:{owner}:{level}:{epoch}".encode()
        try:
            opened.append(open_box(keys["box"], unb64(token), aad))
        except Exception:          # noqa: BLE001 - not hers: the key does not open it
            continue
    return opened


# -- rewriting the log ---------------------------------------------------------------------------
def canonical(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def entry_hash(seq, at, user, action, obj, customer, summary, prev) -> str:
    return hashlib.sha256(canonical([seq, at, user, action, obj, customer, summary, prev])
                          .encode()).hexdigest()


def sign_as_me(keys: dict, database_id: str, seq: int, digest: str, signer: str,
               serial: int) -> str:
    message = canonical(["audit", database_id, seq, digest, signer, serial]).encode()
    return b64(Ed25519PrivateKey.from_private_bytes(keys["sign"]).sign(message))


def signed_head(conn, keys: dict, me: str, my_serial: int, seq: int, digest: str) -> dict:
    """A head file of her own, signed by her (a certified user) as the program signs it."""
    database_id = conn.execute("SELECT value FROM settings WHERE key = 'database_id'").fetchone()[0]
    point = {"database_id": database_id, "seq": seq, "hash": digest,
             "at": "2026-12-01T00:00:00.000000Z", "signer": me, "signer_serial": my_serial,
             "throttle": {}}
    message = canonical(["head", point]).encode()
    point["signature"] = b64(Ed25519PrivateKey.from_private_bytes(keys["sign"]).sign(message))
    return point


def unlock_log(conn) -> None:
    conn.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
    conn.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")


def rechain(conn, keys: dict, me: str, my_serial: int, start: int) -> None:
    """Recompute the chain from ``start`` on, signing every entry as herself (all she can)."""
    database_id = conn.execute("SELECT value FROM settings WHERE key = 'database_id'").fetchone()[0]
    prev = conn.execute("SELECT hash FROM audit_log WHERE seq = ?", [start - 1]).fetchone()
    prev = prev[0] if prev else "0" * 64
    rows = conn.execute("SELECT seq, at, user, action, object, customer, summary FROM audit_log "
                        "WHERE seq >= ? ORDER BY seq", [start]).fetchall()
    for seq, at, user, action, obj, customer, summary in rows:
        digest = entry_hash(seq, at, user, action, obj, customer, summary, prev)
        conn.execute("UPDATE audit_log SET prev_hash = ?, hash = ?, signer = ?, signer_serial = ?, "
                     "signature = ? WHERE seq = ?",
                     [prev, digest, me, my_serial,
                      sign_as_me(keys, database_id, seq, digest, me, my_serial), seq])
        prev = digest


def append_as_me(conn, keys: dict, me: str, serial: int, action: str, obj: str, summary: dict,
                 customer: str | None = None) -> tuple[int, str]:
    """A new entry at the log's end, chained and signed by her as the program would: with
    ``serial``, any certificate of hers. Returns its (seq, hash)."""
    database_id = conn.execute("SELECT value FROM settings WHERE key = 'database_id'").fetchone()[0]
    last, prev = conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    seq, at, text = last + 1, "2026-12-01T00:00:00.000000Z", canonical(summary)
    digest = entry_hash(seq, at, me, action, obj, customer, text, prev)
    conn.execute("INSERT INTO audit_log (seq, at, user, action, object, customer, summary, "
                 "prev_hash, hash, signer, signer_serial, signature) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                 [seq, at, me, action, obj, customer, text, prev, digest, me, serial,
                  sign_as_me(keys, database_id, seq, digest, me, serial)])
    return seq, digest


__all__ = ["break_in", "append_as_me", "everything", "open_grants", "unlock_log", "rechain", "entry_hash",
           "sign_as_me", "canonical", "b64", "unb64", "struct"]

"""The cryptographic constructions custdesk uses, and nothing else.

All from ``cryptography`` (OpenSSL): AES-256-GCM, X25519, Ed25519, HKDF-SHA256.

- A **row token** (``S``) seals bytes with a level's symmetric key (AES-256-GCM,
  random 96-bit nonce). Only someone holding the level's secret can make or open it.
- A **sealed-box token** (``P``) seals bytes to a public key: an ephemeral X25519
  key agreement, HKDF, AES-256-GCM. Anyone may make one (a clerk writing an ID number
  she may not read back); only the holder of the private key opens it.
- **Signatures** are Ed25519 over the bytes given (callers pass a canonical text).

Every token starts with a header (kind, level, epoch) that is authenticated with the
caller's context (``aad``), so a token copied to another row, level or table fails.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import secrets
import struct

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import (Ed25519PrivateKey,
                                                               Ed25519PublicKey)
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

KEY_BYTES = 32
_HEADER = struct.Struct(">cBH")          # kind, level, epoch


class TokenError(Exception):
    """A token that is not well formed, or that this key does not open."""


def random_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def derive(secret: bytes, purpose: str, salt: bytes | None = None, length: int = KEY_BYTES) -> bytes:
    """A key for one purpose from a secret (HKDF-SHA256); purposes never share output."""
    return HKDF(algorithm=hashes.SHA256(), length=length, salt=salt,
                info=b"custdesk/" + purpose.encode("ascii")).derive(secret)


def fingerprint(public: bytes) -> str:
    """A short text to compare a public key by eye: 4 groups of 4 hex digits."""
    digest = hashlib.sha256(public).hexdigest()[:16].upper()
    return "-".join(digest[i:i + 4] for i in range(0, 16, 4))


# -- symmetric row tokens ------------------------------------------------------------------
@functools.lru_cache(maxsize=64)
def _aead(key: bytes) -> AESGCM:
    """One cipher object per level key (an import seals 100,000 rows with a handful)."""
    return AESGCM(key)


def seal_sym(key: bytes, level: int, epoch: int, plaintext: bytes, aad: bytes) -> bytes:
    header = _HEADER.pack(b"S", level, epoch)
    nonce = secrets.token_bytes(12)
    return header + nonce + _aead(key).encrypt(nonce, plaintext, header + aad)


# -- sealed boxes (to a public key) ----------------------------------------------------------
def box_keypair(secret: bytes) -> tuple[X25519PrivateKey, bytes]:
    private = X25519PrivateKey.from_private_bytes(secret)
    return private, private.public_key().public_bytes_raw()


def box_public(secret: bytes) -> bytes:
    return box_keypair(secret)[1]


def _box_key(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    return derive(shared, "sealed-box", salt=ephemeral + recipient)


class BoxSealer:
    """Seals many values to one public key with one ephemeral key agreement: each value
    gets its own random nonce under the derived key (an import of 100,000 ID numbers costs
    one X25519 operation, not 100,000)."""

    def __init__(self, recipient: bytes):
        self.recipient = recipient
        ephemeral = X25519PrivateKey.generate()
        self.ephemeral_public = ephemeral.public_key().public_bytes_raw()
        shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient))
        self._aead = AESGCM(_box_key(shared, self.ephemeral_public, recipient))

    def seal(self, level: int, epoch: int, plaintext: bytes, aad: bytes) -> bytes:
        header = _HEADER.pack(b"P", level, epoch)
        nonce = secrets.token_bytes(12)
        return header + self.ephemeral_public + nonce + self._aead.encrypt(nonce, plaintext,
                                                                           header + aad)


def seal_box(recipient: bytes, level: int, epoch: int, plaintext: bytes, aad: bytes) -> bytes:
    return BoxSealer(recipient).seal(level, epoch, plaintext, aad)


class BoxOpener:
    """Opens sealed boxes with one private key, remembering each ephemeral key agreement."""

    def __init__(self, secret: bytes):
        self._private, self._public = box_keypair(secret)
        self._keys: dict[bytes, AESGCM] = {}

    def open(self, token: bytes, aad: bytes) -> bytes:
        header = token[:_HEADER.size]
        ephemeral = token[_HEADER.size:_HEADER.size + 32]
        nonce = token[_HEADER.size + 32:_HEADER.size + 44]
        aead = self._keys.get(ephemeral)
        if aead is None:
            try:
                shared = self._private.exchange(X25519PublicKey.from_public_bytes(ephemeral))
            except ValueError as exc:
                raise TokenError("not a sealed box") from exc
            aead = self._keys[ephemeral] = AESGCM(_box_key(shared, ephemeral, self._public))
            if len(self._keys) > 10_000:
                self._keys.clear()
        try:
            return aead.decrypt(nonce, token[_HEADER.size + 44:], header + aad)
        except InvalidTag as exc:
            raise TokenError("the token does not open with this key") from exc


# -- opening either kind ----------------------------------------------------------------------
def token_header(token: bytes) -> tuple[str, int, int]:
    """(kind "S" or "P", level, epoch) of a token, without opening it."""
    if len(token) < _HEADER.size + 12 + 16:
        raise TokenError("token too short")
    kind, level, epoch = _HEADER.unpack_from(token)
    if kind not in (b"S", b"P"):
        raise TokenError("unknown token kind")
    return kind.decode("ascii"), level, epoch


def open_token(token: bytes, aad: bytes, *, sym_key: bytes | None = None,
               box_secret: bytes | None = None) -> bytes:
    """The plaintext of ``token``; ``sym_key`` opens row tokens, ``box_secret`` sealed boxes.

    :raises TokenError: malformed, altered, or not for this key.
    """
    kind, _level, _epoch = token_header(token)
    header = token[:_HEADER.size]
    try:
        if kind == "S":
            if sym_key is None:
                raise TokenError("no key for a row token")
            nonce = token[_HEADER.size:_HEADER.size + 12]
            return _aead(sym_key).decrypt(nonce, token[_HEADER.size + 12:], header + aad)
        if box_secret is None:
            raise TokenError("no key for a sealed box")
        return BoxOpener(box_secret).open(token, aad)
    except (InvalidTag, ValueError) as exc:
        raise TokenError("the token does not open with this key") from exc


# -- signatures -----------------------------------------------------------------------------
def sign_public(seed: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(seed).public_key().public_bytes_raw()


def sign(seed: bytes, message: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(seed).sign(message)


def verify(public: bytes, signature: bytes, message: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, message)
        return True
    except (InvalidSignature, ValueError):
        return False


# -- blind indexes --------------------------------------------------------------------------
def blind(key: bytes, field: str, value: str) -> str:
    """A keyed digest of a value for exact-match search and duplicate checks: equal values
    give equal digests under one key, and without the key nothing can be tested."""
    message = field.encode("utf-8") + b"\x00" + value.encode("utf-8")
    return hmac.new(key, message, hashlib.sha256).hexdigest()[:32]


def constant_equal(a: bytes | str, b: bytes | str) -> bool:
    if isinstance(a, str):
        a = a.encode("utf-8")
    if isinstance(b, str):
        b = b.encode("utf-8")
    return hmac.compare_digest(a, b)


__all__ = ["TokenError", "random_key", "b64", "unb64", "derive", "fingerprint", "seal_sym",
           "seal_box", "box_public", "open_token", "token_header", "sign", "sign_public",
           "verify", "blind", "constant_equal", "BoxSealer", "BoxOpener"]

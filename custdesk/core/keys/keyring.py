"""The keys one open desk holds: its user's personal keys and the level keys granted to them.

A level's **secret** (32 random bytes, one per level and epoch) is at once an X25519
private key — values are sealed to its public half by anyone, even those not cleared —
and the seed of two symmetric keys: one seals whole rows (fast, for those who hold the
level), one makes blind-index digests.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import primitives as p
from ..store.keyslots import Personal


@dataclass
class LevelKey:
    level: int
    epoch: int
    secret: bytes

    @property
    def public(self) -> bytes:
        return p.box_public(self.secret)

    @property
    def sym(self) -> bytes:
        return p.derive(self.secret, f"level/{self.level}/{self.epoch}/rows")

    @property
    def blind(self) -> bytes:
        return p.derive(self.secret, f"level/{self.level}/{self.epoch}/blind")


@dataclass
class Keyring:
    """One session's keys. ``public`` is every level's newest public key (checked against
    its administrator's signature by ``registry``); ``secrets`` what this user holds."""

    personal: Personal | None = None
    file_key: bytes | None = None
    file_epoch: int = 0
    secrets: dict[int, dict[int, LevelKey]] = field(default_factory=dict)
    public: dict[int, tuple[int, bytes]] = field(default_factory=dict)
    _derived: dict = field(default_factory=dict, repr=False)

    def add(self, level: int, epoch: int, secret: bytes) -> None:
        self.secrets.setdefault(level, {})[epoch] = LevelKey(level, epoch, secret)
        self._derived.clear()

    def holds(self, level: int) -> bool:
        """Whether this session can read values at ``level`` (its newest epoch included)."""
        current = self.public.get(level)
        keys = self.secrets.get(level, {})
        return bool(keys) and (current is None or current[0] in keys)

    def key(self, level: int, epoch: int) -> LevelKey | None:
        return self.secrets.get(level, {}).get(epoch)

    def sym(self, level: int, epoch: int) -> bytes | None:
        cached = self._derived.get(("sym", level, epoch))
        if cached is None:
            key = self.key(level, epoch)
            if key is None:
                return None
            cached = self._derived[("sym", level, epoch)] = key.sym
        return cached

    def box_secret(self, level: int, epoch: int) -> bytes | None:
        key = self.key(level, epoch)
        return None if key is None else key.secret

    def current_public(self, level: int) -> tuple[int, bytes]:
        return self.public[level]

    def blind_keys(self, level: int) -> list[tuple[int, bytes]]:
        """(epoch, key) for every epoch of ``level`` held, newest first."""
        cached = self._derived.get(("blind", level))
        if cached is None:
            cached = self._derived[("blind", level)] = [
                (epoch, key.blind) for epoch, key in sorted(self.secrets.get(level, {}).items(),
                                                           reverse=True)]
        return cached

    def forget(self) -> None:
        """Drop every key this session held (a log-out): nothing here opens anything after.
        Python cannot overwrite the bytes; with no reference left they are freed."""
        self.personal = None
        self.file_key = None
        self.secrets.clear()
        self._derived.clear()

    def levels_held(self) -> list[int]:
        return sorted(level for level in self.secrets if self.secrets[level])

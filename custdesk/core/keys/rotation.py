"""New keys when someone loses access: new level epochs, a new file key.

What a person held, they may have copied. So when a clearance is lowered or a user is
disabled, each level they held gets a new epoch (a new secret, granted to everyone
still entitled, never to them) and writers seal to it from then on; when a user is
disabled, the database file itself gets a new key (``PRAGMA rekey``), and their slot
and file-key envelope are removed. An old copy of the slot file, with the old password,
then opens only what was written before — and the backups made before (README).
"""

from __future__ import annotations

from .. import i18n
from ..store import keyslots
from ..store.keyslots import RECOVERY
from . import primitives as p
from . import registry as r
from .session import refresh_publics

i18n.register({
    "keys.rotated": ("已为{levels}启用新密钥", "New keys for {levels}"),
})


def all_levels() -> list[int]:
    return list(r.sealed_levels())


def recertify(desk, name: str, *, role: str, clearance: int, active: bool, at: str) -> None:
    """A new certificate for ``name`` with the same public keys (in the caller's write)."""
    old = desk.registry.cert(name)
    r.log_cert(desk, r.issue(desk.db, desk.registry, desk.personal, user=name, role=role,
                             clearance=clearance, active=active, sign_key=old.sign_key,
                             box_key=old.box_key, at=at))


def rotate_levels(desk, levels: list[int], at: str) -> None:
    """New epochs of ``levels``, granted to every principal entitled now; grants of those
    no longer entitled are removed (in the caller's write). The signed ``keys.rotate``
    entry names the new epochs: writers seal to them from then on, and to nothing older."""
    levels = sorted(set(levels))
    if not levels:
        return
    clearance = desk.user.clearance
    epochs = {}
    for level in levels:
        key = r.publish_level(desk.db, desk.registry, desk.personal, level, at)
        epochs[str(level)] = key.epoch
        for cert in desk.registry.entitled(level):
            r.grant(desk.db, desk.database_id, desk.user.name, cert, key, at)
        if level <= clearance:
            desk.keys.add(level, key.epoch, key.secret)
    from ..fields import level_label
    desk.audit.append("keys.rotate", "", summary={
        "levels": [level_label(lv) for lv in levels], "epochs": epochs})
    refresh_publics(desk.db, desk.registry, desk.keys, desk.facts)
    r.sync_grants(desk.db, desk.registry, desk.keys, desk.user.name, at)
    desk.store.forget()


def rekey_file(desk, *, drop: str | None = None) -> int:
    """Give the database file a new key; every active principal gets it sealed to them in
    the slot file, ``drop`` loses their slot. Returns the new file-key epoch.

    The new envelopes are saved before the rekey and the old ones removed after it, so a
    crash at any point leaves a slot file that opens the database.
    """
    desk.open_check()          # no other connection of ours reads the file meanwhile
    new_key, epoch = p.random_key(), desk.keys.file_epoch + 1
    old_key = desk.key
    with keyslots.locked(desk.path) as slots:
        if drop:
            slots.remove_user(drop)
        for cert in desk.registry.current.values():
            if cert.active and (cert.user == RECOVERY or slots.has_user(cert.user)):
                slots.add_file_key(cert.user, cert.box_key, new_key, epoch)
        slots.save()
        desk.db.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")
        desk.keys.file_key, desk.keys.file_epoch = new_key, epoch
        slots.drop_older_file_keys()
        slots.save()
    with desk.writing():
        desk.audit.append("keys.rekey_file", "", summary={"epoch": epoch})
    desk.old_file_key = old_key     # for re-encrypting the backups made before (backup.rekey_sets)
    return epoch

"""New keys for one person (recovery, a reset), and converting an older custdesk database.

**Converting.** A database made before keys per clearance has one file key that every
user's password unwraps. At the first administrator's login after the update:

1. the database is copied beside itself (``<db>.before-keys-<time>.bak`` with its key
   file), as for schema migrations;
2. in one transaction: a new root (a new paper recovery key), certificates and personal
   keys for every active user, a first key for each sealed level, the grants, every row
   and value at 秘密 or above sealed, and a signed ``keys.convert`` entry recording the
   digest of the log written before (so that it cannot be altered unseen afterwards);
3. the new slot file — written beside the old one before that transaction commits — is
   put in place, and the file gets a new key.

Nobody's old password can open the new slots: an administrator cannot wrap keys under a
password they do not know, and anything they could unwrap with what the old file holds,
so could any other user. So every other active user gets a **one-time password**, shown
once to the converting administrator, and chooses their own at first login. A kill at
any step leaves either the old database and key file, or the new ones.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
from pathlib import Path

from .. import clock, i18n, office
from ..errors import AuthenticationFailed, StoreError
from ..files import write_atomic
from ..store import connection, keyslots, migrations
from ..store.keyslots import RECOVERY, KeySlots, Personal, slots_path
from ..store.sealed_schema import SEAL_FROM, SEALED
from . import primitives as p
from . import registry as r
from .keyring import Keyring

i18n.register({
    "upgrade.not_admin": (
        "此数据库由旧版 custdesk 建立，需由管理员登录一次以转换为按密级分别加密的格式；请稍候再试",
        "This database was made by an older custdesk and must be converted to keys per "
        "clearance by an administrator's login first; try again after that"),
})

# Unambiguous letters and digits for one-time passwords (no 0/O, 1/I/L).
_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def one_time_password() -> str:
    """About 99 bits: 4 groups of 5 characters, easy to read aloud and type."""
    text = "".join(secrets.choice(_ALPHABET) for _ in range(20))
    return "-".join(text[i:i + 5] for i in range(0, 20, 5))


def pending_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".keys.converting")


def reissue(desk, name: str, password: str, *, action: str, one_time: bool = False) -> Personal:
    """Give ``name`` new personal keys under ``password``: a new certificate (signed by this
    desk's user, an administrator or the recovery principal), their grants and file key."""
    registry = desk.registry
    cert = registry.cert(name)
    if cert is None or not cert.active:
        from ..errors import NotFound
        raise NotFound(name)
    personal = Personal.new(name, desk.personal.root)
    at = clock.timestamp()
    with desk.slots() as slots, desk.writing():
        r.log_cert(desk, r.issue(desk.db, registry, desk.personal, user=name, role=cert.role,
                                 clearance=cert.clearance, active=True,
                                 sign_key=personal.sign_public,
                                 box_key=personal.box_public, at=at))
        desk.db.execute("DELETE FROM key_grants WHERE user = ?", [name])
        r.sync_grants(desk.db, registry, desk.keys, desk.user.name, at)
        desk.audit.append(action, name)
        slots.set_personal(personal, password, must_change=one_time)
        slots.set_file_key(name, personal.box_public, desk.key, desk.keys.file_epoch)
        slots.clear_failures(name)
        slots.save()
        office.note_password(desk.db, name, password)
    return personal


def _finish_pending(path: Path, old_file_key: bytes) -> bool:
    """After a kill between a conversion's commit and putting its key file in place: put it
    in place when the database says it was converted (True), else drop it."""
    pending = pending_path(path)
    if not pending.exists():
        return False
    converted = False
    try:
        db = connection.connect(path, old_file_key)
    except StoreError:
        db = None
    if db is not None:
        try:
            row = db.execute("SELECT value FROM settings WHERE key = 'keys_format'").fetchone()
            converted = bool(row) and row[0] == "2"
        except connection.DatabaseError:
            converted = False
        finally:
            db.close()
    if converted:
        os.replace(pending, slots_path(path))
    else:
        pending.unlink(missing_ok=True)
    return converted


def convert(path: Path, slots: KeySlots, user: str, password: str) -> dict:
    """Convert a database whose slot file is format 1; ``user`` must be an active
    administrator. Returns what the administrator must be told (one-time passwords, the
    new recovery key, where the copy from before is).

    :raises AuthenticationFailed: wrong password.
    :raises StoreError: ``user`` is not an administrator (the database stays as it was).
    """
    from ..desk import Desk, User
    file_key = slots.unlock(user, password)
    if file_key is None:
        with keyslots.locked(path) as fresh:
            fresh.record_failure(user, clock.timestamp())
        raise AuthenticationFailed()
    with keyslots.locked(path) as locked_slots:
        if locked_slots.format != 1:          # another login converted it meanwhile
            return {}
        if _finish_pending(path, file_key):
            return {}
        db = connection.connect(path, file_key)
        try:
            migrations.migrate(db, path)
            row = db.execute("SELECT role, active, clearance, full_name FROM users WHERE name = ?",
                             [user]).fetchone()
            if row is None or row[0] != "admin" or not row[1]:
                raise StoreError(i18n.tr("upgrade.not_admin"))
            copy = _copy_before(path, db)
            report = _convert(path, db, file_key, user, password, row)
            report["copy"] = str(copy)
        finally:
            db.close()
    return report


def _copy_before(path: Path, db) -> Path:
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    stamp = clock.now().strftime("%Y%m%d%H%M%S")
    copy = path.with_name(f"{path.name}.before-keys-{stamp}.bak")
    shutil.copy2(path, copy)
    shutil.copy2(slots_path(path), Path(str(copy) + ".keys"))
    os.chmod(copy, 0o600)
    os.chmod(Path(str(copy) + ".keys"), 0o600)
    return copy


def _convert(path: Path, db, old_file_key: bytes, admin: str, password: str, admin_row) -> dict:
    from ..audit import legacy_digest
    from ..desk import Desk, User
    from .facts import Facts
    from .session import refresh_publics
    at = clock.timestamp()
    settings = dict(db.execute("SELECT key, value FROM settings").fetchall())
    database_id = settings.get("database_id") or secrets.token_hex(8)
    new = KeySlots.new(path)
    new.data["database_id"] = database_id
    recovery_text, recovery = new.new_recovery()
    new_file_key = p.random_key()
    users = db.execute("SELECT name, role, clearance, active FROM users ORDER BY name").fetchall()
    personal_of: dict[str, Personal] = {}
    passwords: dict[str, str] = {}
    skipped: list[str] = []
    keyring = Keyring(file_key=old_file_key, file_epoch=1)
    with connection.write(db):
        registry = r.Registry(database_id, recovery.root, {}, {}, [])
        r.issue(db, registry, recovery, user=RECOVERY, role="admin", clearance=r.LEVEL_COUNT - 1,
                active=True, sign_key=recovery.root, box_key=recovery.box_public, at=at)
        admin_personal = Personal.new(admin, recovery.root)
        keyring.personal = admin_personal
        r.issue(db, registry, recovery, user=admin, role="admin", clearance=admin_row[2],
                active=True, sign_key=admin_personal.sign_public,
                box_key=admin_personal.box_public, at=at)
        personal_of[admin] = admin_personal
        for name, role, clearance, active in users:
            if name == admin:
                continue
            if not active:
                continue
            if clearance < 1:
                skipped.append(name)           # cannot hold the file key (users.parse_clearance)
                continue
            personal = Personal.new(name, recovery.root)
            r.issue(db, registry, admin_personal, user=name, role=role, clearance=clearance,
                    active=True, sign_key=personal.sign_public, box_key=personal.box_public,
                    at=at)
            personal_of[name] = personal
            passwords[name] = one_time_password()
        for name, role, clearance, active in users:
            if name not in personal_of and name != admin:
                # Disabled (or not cleared to the file): a certificate that says so, and no keys.
                r.issue(db, registry, admin_personal, user=name, role=role,
                        clearance=clearance, active=False, sign_key=p.random_key(),
                        box_key=p.random_key(), at=at)
                if name in skipped:
                    db.execute("UPDATE users SET active = 0 WHERE name = ?", [name])
        for level in r.sealed_levels():
            key = r.publish_level(db, registry, admin_personal, level, at)
            keyring.add(level, key.epoch, key.secret)
        refresh_publics(db, registry, keyring, Facts(database_id))
        r.sync_grants(db, registry, keyring, admin, at)
        for key_, value in (("database_id", database_id), ("keys_format", "2")):
            db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", [key_, value])
        legacy_count = db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
        desk = Desk(path, db, keyring, User(admin, "admin", r.LEVEL_COUNT - 1, admin_row[3]),
                    registry, database_id)
        _seal_legacy_log(desk)
        digest = legacy_digest(db, legacy_count)
        _sign_field_levels(desk)
        # Keep the admin's clearance as it was for what follows (sealing reads with it).
        desk.user = User(admin, "admin", admin_row[2], admin_row[3])
        sealed = seal_existing(desk)
        from ..customers.blind import note_unindexed
        note_unindexed(desk)       # the values sealed now have no digests
        # Each sealed file's level, signed: the level every writer keeps it at from now on.
        for code, file_id, level in db.execute(
                "SELECT code, id, level FROM main.customers WHERE level >= ? AND level <= ? "
                "ORDER BY code", [SEAL_FROM, admin_row[2]]).fetchall():
            desk.audit.file_level(code, file_id, level)
        for cert in sorted(registry.history.values(), key=lambda c: c.serial):
            r.log_cert(desk, cert)
        desk.keys_maintenance()
        desk.audit.append("keys.convert", "", summary={
            "legacy_entries": legacy_count, "legacy_digest": digest, "sealed_rows": sealed,
            "users": sorted(personal_of), "one_time_passwords_for": sorted(passwords),
            "without_keys": skipped})
        # The new slot file, complete, beside the old one before the commit (finish_pending).
        for name, personal in personal_of.items():
            new.set_personal(personal, password if name == admin else passwords[name],
                             must_change=name != admin)
        for name, personal in [*personal_of.items(), (RECOVERY, recovery)]:
            new.add_file_key(name, personal.box_public, old_file_key, 1)
            new.add_file_key(name, personal.box_public, new_file_key, 2)
        pending = pending_path(path)
        write_atomic(pending, json.dumps(new.data, ensure_ascii=False, indent=1))
    # Committed: the new slot file goes in place, then the file gets its new key.
    os.replace(pending, slots_path(path))
    db.execute(f"PRAGMA rekey = \"x'{new_file_key.hex()}'\"")
    final = KeySlots.load(path)
    final.drop_older_file_keys()
    final.save()
    desk.head_trusted = True
    desk.keys.file_key, desk.keys.file_epoch = new_file_key, 2
    desk.audit.write_head(*desk.audit.head())
    return {"one_time_passwords": passwords, "recovery_key": recovery_text,
            "sealed_rows": sealed, "without_keys": skipped}


def _sign_field_levels(desk) -> None:
    """The field levels a manager set before, as signed entries (they are read from the log
    from now on; the old entries carry no signature)."""
    from ..fields import DEFAULT_FIELD_LEVELS, LEVELS
    for key, level in desk.db.execute("SELECT field, level FROM field_levels").fetchall():
        default = DEFAULT_FIELD_LEVELS.get(key)
        if default is not None and LEVELS[level] != default:
            desk.audit.append("settings.field_level", key,
                              summary={"before": default, "after": LEVELS[level]})


def _seal_legacy_log(desk) -> int:
    """The summaries of the log written before, about files at 秘密 and above, sealed to
    their file's level as new entries are. Their old hashes (made with a key everyone held)
    are kept as links; the digest the conversion signs covers the rows as they are now."""
    from ..audit import canonical, _sealed_aad
    db = desk.db
    rows = db.execute("SELECT a.seq, a.summary, c.level FROM audit_log a JOIN main.customers c "
                      "ON c.code = a.customer WHERE c.level >= ?", [SEAL_FROM]).fetchall()
    if not rows:
        return 0
    db.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
    try:
        for seq, summary, level in rows:
            if summary in ("{}", "") or '"$sealed"' in summary:
                continue
            token = desk.store._seal(level, summary.encode("utf-8"), _sealed_aad(seq))
            db.execute("UPDATE audit_log SET summary = ? WHERE seq = ?",
                       [canonical({"$sealed": p.b64(token), "level": level}), seq])
    finally:
        db.execute("""CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit log entries cannot be changed');
END""")
    return len(rows)


def seal_existing(desk, progress=None) -> int:
    """Write again every row that must be sealed now (its file or kind at 秘密 or above,
    or a value levelled above its row); search keys of sealed files are dropped and phone
    search keys cut to what the mask shows. In the caller's write. Returns rows written."""
    from ..disclosure import phone_tail
    db = desk.db
    written = 0
    vaulted_tables = {t for t in ("customers", "individuals", "enterprises")
                      if any(desk.disclosure.vault_levels(t, 0).values())}
    for table, spec in SEALED.items():
        if table == "customers":
            where = "1"
        elif table in vaulted_tables or desk.disclosure.kind_level(table) >= SEAL_FROM:
            where = "1"
        elif table in ("warnings", "warning_actions"):
            where = "1"        # a warning quoting a kind levelled higher is kept at that level
        elif spec.anchor == "customer_id":
            where = "customer_id IN (SELECT id FROM main.customers WHERE level >= ?)"
        else:
            continue
        params = [SEAL_FROM] if "?" in where else []
        if table == "customers":
            for stored in desk.store.read_stored("customers", "1", []):
                row, _kept = desk.store.logical("customers", stored)
                desk.store.update("customers", "id = ?", [row["id"]],
                                  {"phone_rev": phone_tail(row.get("phone"))})
                written += 1
            db.execute("DELETE FROM name_grams WHERE customer_id IN "
                       "(SELECT id FROM main.customers WHERE level >= ?)", [SEAL_FROM])
        else:
            written += desk.store.reseal(table, where, params)
        if progress:
            progress(table)
    return written

"""Setting up a database's keys, and opening them for one person at login."""

from __future__ import annotations

import secrets

from .. import clock, i18n
from ..errors import CustdeskError
from ..store.keyslots import RECOVERY, KeySlots, Personal
from . import primitives as p
from . import registry as r
from .facts import Facts
from .facts import load as load_facts
from .keyring import Keyring

i18n.register({
    "keys.root_mismatch": (
        "数据库的根密钥与您账户信任的不一致：数据库或密钥文件可能被替换或篡改。请勿继续使用，并通知管理员",
        "The database's root key is not the one your account trusts: the database or its key "
        "file may have been replaced or tampered with. Stop and tell your administrator"),
    "keys.no_cert": (
        "您的账户在数据库中没有有效的证书（未由管理员签发，或已被篡改）",
        "Your account has no valid certificate in the database (not issued by an "
        "administrator, or tampered with)"),
    "keys.stale_slot": (
        "您的密钥已被重新签发（例如通过恢复密钥），此密码对应的是旧密钥。请使用新密码登录",
        "Your keys were issued anew (with the recovery key, say); this password opens the old "
        "ones. Log in with your new password"),
    "keys.no_file_key": (
        "密钥文件中没有您可用的数据库密钥（可能已被停用，或密钥文件被篡改）",
        "The key file holds no database key for you (you may have been disabled, or the key "
        "file was tampered with)"),
    "keys.level_key_bad": (
        "“{level}”级的当前密钥缺失或未经管理员签名（密钥表被改动），拒绝写入该级别的数据。"
        "请通知管理员运行 custdesk audit verify",
        "The current key of level “{level}” is missing or not signed by an administrator (the "
        "key table was tampered with); nothing is written at that level. Tell your "
        "administrator to run custdesk audit verify"),
})


class KeysTampered(CustdeskError):
    """The signed facts the keys rest on do not hold (a replaced root, a forged certificate)."""


def new_database_keys(slots: KeySlots, admin: str, password: str) -> tuple[str, Personal,
                                                                          Personal, bytes, str]:
    """Fresh keys for a new database: (recovery key text, recovery principal, admin's
    personal keys, file key, database id). The slot file gets the admin's slot and both
    principals' file-key envelopes."""
    recovery_text, recovery = slots.new_recovery()
    personal = Personal.new(admin, recovery.root)
    file_key = p.random_key()
    database_id = secrets.token_hex(8)
    slots.data["database_id"] = database_id
    slots.set_personal(personal, password)
    slots.set_file_key(admin, personal.box_public, file_key, 1)
    slots.set_file_key(RECOVERY, recovery.box_public, file_key, 1)
    return recovery_text, recovery, personal, file_key, database_id


def certify_new_database(db, database_id: str, recovery: Personal, admin: Personal,
                         keyring: Keyring) -> r.Registry:
    """The root certificate, the first administrator's, every sealed level's first key and
    the grants of them; fills ``keyring`` with what the administrator now holds."""
    at = clock.timestamp()
    registry = r.Registry(database_id, recovery.root, {}, {}, [])
    r.issue(db, registry, recovery, user=RECOVERY, role="admin", clearance=r.LEVEL_COUNT - 1,
            active=True, sign_key=recovery.root, box_key=recovery.box_public, at=at)
    r.issue(db, registry, recovery, user=admin.user, role="admin",
            clearance=r.LEVEL_COUNT - 1, active=True, sign_key=admin.sign_public,
            box_key=admin.box_public, at=at)
    for level in r.sealed_levels():
        key = r.publish_level(db, registry, admin, level, at)
        keyring.add(level, key.epoch, key.secret)
    refresh_publics(db, registry, keyring, Facts(database_id))
    r.sync_grants(db, registry, keyring, admin.user, at)
    return registry


def refresh_publics(db, registry: r.Registry, keyring: Keyring, facts: Facts) -> list:
    current, _recorded, problems = r.level_publics(db, registry, facts)
    keyring.public = current
    return problems


def open_keys(db, database_id: str, personal: Personal,
              db_path=None) -> tuple[r.Registry, r.Cert, Keyring, Facts]:
    """Check the registry against the root this person trusts and collect their keys: the
    facts are theirs as they last checked them, brought up to the log's end (``facts``).

    :raises KeysTampered: a different root, or no valid certificate for these keys.
    """
    history, problems = r.load_history(db, database_id, personal.root)
    facts = load_facts(db, database_id, personal, history, db_path)
    registry = r.Registry.from_facts(database_id, personal.root, history, problems, facts)
    root_cert = registry.cert(RECOVERY)
    if root_cert is None or root_cert.sign_key != personal.root:
        raise KeysTampered(i18n.tr("keys.root_mismatch"))
    cert = registry.cert(personal.user)
    if cert is None:
        raise KeysTampered(i18n.tr("keys.no_cert"))
    if cert.sign_key != personal.sign_public or cert.box_key != personal.box_public:
        raise KeysTampered(i18n.tr("keys.stale_slot"))
    keyring = Keyring(personal=personal)
    _current, recorded, _problems = r.level_publics(db, registry, facts)
    keyring.public = _current
    r.open_grants(db, database_id, personal, keyring, recorded, cert.clearance)
    return registry, cert, keyring, facts

"""Office mode: one firm's files on a PostgreSQL server, several PCs at once.

``schema`` makes the server's tables, roles and rules; ``mirror`` keeps each session's
working copy in step with it; ``session`` logs in, creates, migrates and exports. This
module is what the rest of core asks, and imports no database driver: a single PC never
loads one.
"""

from __future__ import annotations

import shutil
from pathlib import Path

# Working copies being opened: path -> their link to the server (``session.open_desk``).
opening: dict[str, object] = {}


def is_url(target) -> bool:
    """Whether ``target`` names an office database (a PostgreSQL address)."""
    return isinstance(target, str) and target.startswith(("postgresql://", "postgres://"))


def open_desk(cls, url: str, user: str, password: str, **options):
    from .session import open_desk as _open
    return _open(cls, url, user, password, **options)


def attach(db, path: Path):
    """Called as a desk connects to its file: a working copy gets its office link, whose
    transactions then wrap the copy's (``store.connection.write``), and reads bring the
    copy up to date first when another PC has announced a change."""
    link = opening.get(str(path))
    if link is None:
        return db
    db.office = link
    link.install(db)
    plain = db.execute

    def execute(sql, parameters=None):
        if link.stale and not db.conn.in_transaction:
            try:
                link.refresh(db)
            except Exception:       # noqa: BLE001 - the server is away: read the copy
                link.stale = False  # (the next write reconnects and catches up)
        return plain(sql) if parameters is None else plain(sql, parameters)

    db.execute = execute
    return db


def closed(desk) -> None:
    """After a desk closed its file: an office session ends; a temporary working copy goes
    (the lasting one stays for this person's next session: ``session._copy_folder``)."""
    link = getattr(desk.db, "office", None)
    if link is None:
        return
    link.close()
    if not link.lasting:
        shutil.rmtree(link.path.parent, ignore_errors=True)


def note_password(db, user: str, password: str) -> None:
    """A password set in this write: on an office database the person's server role gets
    it too (as a SCRAM verifier, in the same transaction)."""
    link = getattr(db, "office", None)
    if link is not None:
        link.passwords[user] = password


def db_role(desk, user: str) -> str | None:
    """The PostgreSQL role ``user`` logs in as (None on a single PC)."""
    link = getattr(desk.db, "office", None)
    return None if link is None else link.names.person(user)


def taken(db, ids: list[int], codes: list[str]) -> set:
    """Of these new files' ids and codes, those the office database already holds, files
    this person may not see included (empty on a single PC: the file holds every file)."""
    link = getattr(db, "office", None)
    if link is None:
        return set()
    found = {r[0] for r in link.conn.execute("SELECT * FROM cd_taken(%s, %s)", [ids, codes])}
    return {i for i in ids if str(i) in found} | {c for c in codes if c in found}

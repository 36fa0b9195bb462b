"""The sealed files one session may see, opened once and kept in memory for lists and search.

Files at 秘密 and above keep their names, pinyin and phone sealed, so SQL can neither
sort nor search them. A session cleared to such a level opens their list columns once
(a few thousand rows in a large firm: tens of milliseconds) and searches and sorts them
here; the list merges them with the clear files SQL delivers in pinyin order. The copy
is made again when any connection has changed the database since (``PRAGMA data_version``
for other processes, the sealer's write count for this one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..disclosure import phone_tail
from . import search as s

# The columns kept per file, in this order (the list's, then what search and filters need).
COLUMNS = ("code", "kind", "name", "status", "tier", "level", "owner", "phone", "grade",
           "risk_level", "credit_limit", "exposure", "grade_valid_until", "next_review", "id",
           "name_norm", "pinyin_initials", "pinyin_full", "created_at", "updated_at")
_AT = {name: i for i, name in enumerate(COLUMNS)}


@dataclass
class _Entry:
    row: tuple
    sort_key: tuple
    grams: frozenset


class Catalogue:
    def __init__(self, desk):
        self._desk = desk
        self._entries: list[_Entry] | None = None
        self._stamp = None

    def _current_stamp(self):
        version = self._desk.db.execute("PRAGMA data_version").fetchone()[0]
        return (version, self._desk.store.writes, tuple(self._desk.keys.levels_held()),
                self._desk.access.clearance)

    def entries(self) -> list[_Entry]:
        stamp = self._current_stamp()
        if self._entries is None or stamp != self._stamp:
            self._entries = self._build()
            self._stamp = stamp
        return self._entries

    def _build(self) -> list[_Entry]:
        desk = self._desk
        held = desk.keys.levels_held()
        clearance = desk.access.clearance
        levels = [lv for lv in held if lv <= clearance]
        if not levels:
            return []
        rows = desk.db.execute(
            f"SELECT {', '.join('c.' + c for c in COLUMNS)} FROM customers c "
            f"JOIN main.customers m ON m.id = c.id "
            f"WHERE m.sealed IS NOT NULL AND m.level IN ({', '.join('?' * len(levels))})",
            levels).fetchall()
        out = []
        for row in rows:
            if row[_AT["name"]] is None:      # sealed under a key this session lacks
                continue
            key = (row[_AT["pinyin_full"]] or "", row[_AT["name"]], row[_AT["code"]])
            out.append(_Entry(row, key, frozenset(s.name_grams(row[_AT["name_norm"]] or ""))))
        out.sort(key=lambda e: e.sort_key)
        return out

    def count(self) -> int:
        return len(self.entries())

    def matching(self, text: str | None, extra_ids: set[int] = frozenset()) -> list[_Entry]:
        """Entries whose name, pinyin, code or phone tail match ``text`` as ``search_sql``
        matches clear files (plus the files in ``extra_ids``, found by a blind index)."""
        entries = self.entries()
        if not text or not text.strip():
            return list(entries)
        query = s.name_key(text)
        if not query:
            return [e for e in entries if e.row[_AT["id"]] in extra_ids]
        pieces = {query} if len(query) <= 2 else {query[i:i + 2] for i in range(len(query) - 1)}
        latin = re.fullmatch(r"[a-z]+", query) is not None
        code = query.upper()
        code_prefix = None
        exact_code = None
        if re.fullmatch(r"C?\d+", code):
            code_prefix = code if code.startswith("C") else "C" + code
            if not code.startswith("C") and len(code) <= 6:
                exact_code = "C" + code.zfill(6)
        tail = query[::-1] if query.isdigit() and 3 <= len(query) <= 4 else None
        full_phone = query if query.isdigit() and 7 <= len(query) <= 15 and \
            self._desk.access.cleared_for("phone") else None
        out = []
        for entry in entries:
            row = entry.row
            if row[_AT["id"]] in extra_ids:
                out.append(entry)
                continue
            name_norm = row[_AT["name_norm"]] or ""
            if pieces <= entry.grams and query in name_norm:
                out.append(entry)
            elif latin and ((row[_AT["pinyin_initials"]] or "").startswith(query)
                            or (row[_AT["pinyin_full"]] or "").startswith(query)):
                out.append(entry)
            elif code_prefix and (row[_AT["code"]].startswith(code_prefix)
                                  or row[_AT["code"]] == exact_code):
                out.append(entry)
            elif tail and (phone_tail(row[_AT["phone"]]) or "").startswith(tail):
                out.append(entry)
            elif full_phone and re.sub(r"\D", "", row[_AT["phone"]] or "") == full_phone:
                out.append(entry)
        return out

    def forget(self) -> None:
        self._entries = None


def value(entry_row: tuple, column: str):
    return entry_row[_AT[column]]

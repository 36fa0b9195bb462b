"""The sealed files one session may see, opened once and kept in memory for lists and search.

Files at 秘密 and above keep their names, pinyin, sort key and phone sealed, so SQL can
neither sort nor search them. A session cleared to such a level opens their list columns once
(about 20 µs a file: a tenth of a second for 5,000) and searches them here through the
same kinds of keys SQL uses for clear files — name pieces, pinyin and code prefixes,
the phone's last four digits — so a keystroke costs lookups, not a scan. The list
merges them with the clear files SQL delivers in name order (``search.name_keys``). The copy is made again
when any connection has changed the database since (``PRAGMA data_version`` for other
processes, the sealer's write count for this one).
"""

from __future__ import annotations

import bisect
import functools
import re

from ..disclosure import phone_tail
from . import search as s

# The columns kept per file, in this order (the list's, then what search and filters need).
COLUMNS = ("code", "kind", "name", "status", "tier", "level", "owner", "phone", "grade",
           "risk_level", "credit_limit", "exposure", "grade_valid_until", "next_review", "id",
           "name_norm", "pinyin_initials", "pinyin_full", "created_at", "updated_at", "sort_key")
_AT = {name: i for i, name in enumerate(COLUMNS)}


@functools.lru_cache(maxsize=65_536)
def _sort_key(name: str, kind: str) -> str:
    """The sort key of a file sealed before sort keys were stored (migration 0007)."""
    return s.name_keys(name, person=kind == "individual")[2]


class _Index:
    """The sealed files in name order, and lookups from search keys to their positions."""

    def __init__(self, rows: list[tuple]):
        rows.sort(key=lambda r: (r[_AT["sort_key"]], r[_AT["code"]]))
        self.rows = rows
        self.grams: dict[str, list[int]] = {}
        self.tails: dict[str, list[int]] = {}
        self.phones: dict[str, list[int]] = {}
        self.ids = {r[_AT["id"]]: i for i, r in enumerate(rows)}
        initials, full, codes = [], [], []
        for i, row in enumerate(rows):
            for gram in s.name_grams(row[_AT["name_norm"]] or ""):
                self.grams.setdefault(gram, []).append(i)
            digits = re.sub(r"\D", "", row[_AT["phone"]] or "")
            if digits:
                self.phones.setdefault(digits, []).append(i)
                self.tails.setdefault(phone_tail(digits), []).append(i)
            initials.append((row[_AT["pinyin_initials"]] or "", i))
            full.append((row[_AT["pinyin_full"]] or "", i))
            codes.append((row[_AT["code"]], i))
        self.initials, self.full, self.codes = sorted(initials), sorted(full), sorted(codes)

    @staticmethod
    def _prefix(pairs: list[tuple[str, int]], prefix: str) -> set[int]:
        start = bisect.bisect_left(pairs, (prefix, -1))
        out = set()
        for key, i in pairs[start:]:
            if not key.startswith(prefix):
                break
            out.add(i)
        return out


class Catalogue:
    def __init__(self, desk):
        self._desk = desk
        self._index: _Index | None = None
        self._stamp = None

    def _current_stamp(self):
        version = self._desk.db.execute("PRAGMA data_version").fetchone()[0]
        return (version, self._desk.store.writes, tuple(self._desk.keys.levels_held()),
                self._desk.access.clearance)

    def index(self) -> _Index:
        stamp = self._current_stamp()
        if self._index is None or stamp != self._stamp:
            self._index = _Index(self._rows())
            self._stamp = stamp
        return self._index

    def entries(self) -> list[tuple]:
        return self.index().rows

    def _rows(self) -> list[tuple]:
        desk = self._desk
        clearance = desk.access.clearance
        levels = [lv for lv in desk.keys.levels_held() if lv <= clearance]
        if not levels:
            return []
        rows = desk.db.execute(
            f"SELECT {', '.join('c.' + c for c in COLUMNS)} FROM customers c "
            f"JOIN main.customers m ON m.id = c.id "
            f"WHERE m.sealed IS NOT NULL AND m.level IN ({', '.join('?' * len(levels))})",
            levels).fetchall()
        # A row still sealed under a key this session lacks reads without its name.
        rows = [row for row in rows if row[_AT["name"]] is not None]
        at, name, kind = _AT["sort_key"], _AT["name"], _AT["kind"]
        return [row if row[at] is not None else
                (*row[:at], _sort_key(row[name], row[kind]), *row[at + 1:]) for row in rows]

    def count(self) -> int:
        return len(self.entries())

    def matching(self, text: str | None, extra_ids: set[int] = frozenset()) -> list[tuple]:
        """Rows whose name, pinyin, code or phone match ``text`` as ``search_sql`` matches
        clear files (plus those in ``extra_ids``, found by a blind index), in name order."""
        index = self.index()
        if not text or not text.strip():
            return list(index.rows)
        query = s.name_key(text)
        found = {index.ids[i] for i in extra_ids if i in index.ids}
        if query:
            found |= self._by_name(index, query)
            if re.fullmatch(r"[a-z]+", query):
                found |= index._prefix(index.initials, query) | index._prefix(index.full, query)
            code = query.upper()
            if re.fullmatch(r"C?\d+", code):
                found |= index._prefix(index.codes, code if code.startswith("C") else "C" + code)
                if not code.startswith("C") and len(code) <= 6:
                    found |= index._prefix(index.codes, "C" + code.zfill(6))
            if query.isdigit() and 3 <= len(query) <= 4:
                found |= {i for tail, hits in index.tails.items() if tail.startswith(query[::-1])
                          for i in hits}
            elif query.isdigit() and 7 <= len(query) <= 15 and \
                    self._desk.access.cleared_for("phone"):
                found |= set(index.phones.get(query, ()))
        return [index.rows[i] for i in sorted(found)]

    @staticmethod
    def _by_name(index: _Index, query: str) -> set[int]:
        pieces = [query] if len(query) <= 2 else [query[i:i + 2] for i in range(len(query) - 1)]
        hits = None
        for piece in sorted(set(pieces), key=lambda p: len(index.grams.get(p, ()))):
            found = set(index.grams.get(piece, ()))
            hits = found if hits is None else hits & found
            if not hits:
                return set()
        return {i for i in hits or () if query in (index.rows[i][_AT["name_norm"]] or "")}

    def forget(self) -> None:
        self._index = None


def value(entry_row: tuple, column: str):
    return entry_row[_AT[column]]

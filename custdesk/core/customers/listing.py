"""Lists and searches of customer files: clear files by SQL, sealed ones from the catalogue.

Files up to 内部 are in clear in the database and SQL finds and sorts them along its
indexes, as fast as before keys per clearance. Files at 秘密 and above are sealed; the
session's catalogue (``catalogue``) searches and sorts those it may open, and the two
lists are merged in name order (``search.name_keys``: pinyin syllable by syllable). Exact identity numbers and phones sealed under a
level's key are found through blind indexes (``blind``). Phones are searched by their
last four digits (what every mask shows) or whole, never by a longer fragment.
"""

from __future__ import annotations

import datetime
import heapq
import json
import re

from .. import clock
from ..disclosure import mask_value
from ..errors import FieldError, ValidationError
from ..fields import LEVELS
from ..grading.limits import hold_reasons, hold_text
from ..grading.scale import GRADES
from . import blind
from . import catalogue as cat
from . import search as s

SUMMARY_COLUMNS = ("code", "kind", "name", "status", "tier", "level", "owner", "phone",
                   "id_number", "credit_code", "created_at", "updated_at")
#: what ``list_rows`` gives per file: the first eight summary columns (the phone masked
#: as this user may see it), then the credit standing (money in fen; ``grade_valid_until``
#: ISO; None for an ungraded file, but exposure is 0 without transactions) and ``hold``:
#: why credit is on hold, one line in the user's language ("" when it is not)
LIST_COLUMNS = SUMMARY_COLUMNS[:8] + ("grade", "risk_level", "credit_limit", "exposure",
                                      "grade_valid_until", "hold")
# The columns of ``customers`` the hold rule reads, in ``hold_reasons`` order.
_HOLD_INPUTS = "c.credit_limit, c.exposure, c.grade_valid_until, c.next_review"
#: the ``grade`` filter value that selects files with no approved grade yet
UNGRADED = "ungraded"


def _phone_mask(phone, vault) -> str | None:
    """A clear file's phone as lists show it: masked, or the mask kept with a sealed phone."""
    if vault:
        entry = json.loads(vault).get("phone")
        if entry:
            return entry[1]
    return mask_value(phone, "phone")


class Listing:
    def __init__(self, desk):
        self._desk = desk
        self.catalogue = cat.Catalogue(desk)

    # -- search ---------------------------------------------------------------------------
    def _found(self, text: str | None) -> tuple[str, list] | None | bool:
        """The clear files matching ``text`` as a subquery (None: none; False: no search)."""
        if not text or not text.strip():
            return False
        access = self._desk.access
        return s.search_sql(text, id_numbers=access.cleared_for("id_number"),
                            phones=access.cleared_for("phone"))

    def _blind_ids(self, text: str | None) -> set[int]:
        """Files whose sealed ID number, credit code or phone is exactly ``text``."""
        if not text or not text.strip():
            return set()
        query = s.name_key(text)
        found: set[int] = set()
        if re.fullmatch(r"[0-9a-z]{8,20}", query):
            found |= blind.find(self._desk, "id_number", query)
            found |= blind.find(self._desk, "credit_code", query)
        if re.fullmatch(r"\d{7,15}", re.sub(r"\D", "", query)) and query.isdigit():
            found |= blind.find(self._desk, "phone", query)
        return found

    # -- the list on screen -------------------------------------------------------------------
    def list_rows(self, search: str | None = None, *, kind=None, status=None, tier=None,
                  level=None, grade=None, hold=False,
                  limit: int | None = None) -> tuple[list[tuple], int]:
        """(rows, total) for a list on screen: at most ``limit`` rows, in name order, and
        how many files match in all (within the user's clearance).

        Each row is in ``LIST_COLUMNS`` order: code, kind, name, status, tier, level, owner,
        phone (masked), then grade, risk_level, credit_limit (fen), exposure (fen),
        grade_valid_until and hold (the reasons for a credit hold as one line, "" when
        there is none).

        :param grade: a grade (``AAA`` … ``C``) or ``UNGRADED``.
        :param hold: only files on credit hold today (``limits.hold_reasons``).
        """
        limit = int(limit) if limit else None
        clear_rows, clear_total = self._clear_rows(search, kind, status, tier, level, grade,
                                                   hold, limit)
        sealed, sealed_total = self._sealed_rows(search, kind, status, tier, level, grade, hold,
                                                 limit)
        if not sealed:
            return self._finish(clear_rows), clear_total + sealed_total
        merged = list(heapq.merge(clear_rows, sealed, key=lambda r: (r[-1], r[0])))
        if limit:
            merged = merged[:limit]
        return self._finish(merged), clear_total + sealed_total

    def _clear_rows(self, search, kind, status, tier, level, grade, hold, limit):
        db = self._desk.db
        found = self._found(search)
        blinded = self._blind_ids(search)
        if found is None and not blinded:
            return [], 0
        filters, filter_params = self.filters(kind, status, tier, level, grade, hold)
        candidates = None
        if found is not False:
            # The candidates are worked out once and handed on as a list: a wide search
            # (股份有限公: thousands of firms, a gram intersection of tens of thousands of
            # rows) would otherwise be evaluated again by the rows and by the count below.
            ids = [r[0] for r in db.execute(found[0], found[1])] if found else []
            ids = sorted(set(ids) | blinded)
            candidates = len(ids)
            if not candidates:
                return [], 0
            found = ("SELECT value FROM json_each(?)", [json.dumps(ids)])
        # The database keeps no statistics, so the way to the rows is chosen here. A browse
        # (nothing typed, no filter) or a wide search (far more candidates than fit the
        # list) walks the sort-key index and stops at ``limit``; a narrow search goes
        # through its candidates' ids; filters alone read the table once. Sealed files are
        # not on the index (their sort key is sealed): the catalogue lists them.
        along_index = bool(limit) and (not filters if found is False
                                       else candidates > 2 * limit)
        table = ("main.customers c INDEXED BY customers_sort_key" if along_index
                 else "main.customers c")
        where = ["c.sealed IS NULL", *filters]
        params: list = [*filter_params]
        if found is not False:
            where.append(f"c.id IN ({found[0]})")
            params += found[1]
        sql = ("SELECT c.code, c.kind, c.name, c.status, c.tier, c.level, c.owner, c.phone, "
               f"c.grade, c.risk_level, {_HOLD_INPUTS}, c.vault, c.sort_key FROM {table} "
               f"WHERE {' AND '.join(where)} ORDER BY {s.name_order('c')}")
        if limit:
            sql += f" LIMIT {limit}"
        rows = [(*r[:7], _phone_mask(r[7], r[14]), *r[8:14], r[15] or "")
                for r in db.execute(sql, params).fetchall()]
        if not limit or len(rows) < limit or (candidates is not None and candidates <= limit):
            return rows, len(rows)
        count_sql = f"SELECT count(*) FROM main.customers c WHERE {' AND '.join(where)}"
        return rows, db.execute(count_sql, params).fetchone()[0]

    def _sealed_rows(self, search, kind, status, tier, level, grade, hold,
                     limit=None) -> tuple[list[tuple], int]:
        """(the first ``limit`` sealed files that match, in name order, as list rows; how
        many match in all): the rows past the limit are counted, not built."""
        catalogue = self.catalogue
        if not catalogue.entries():
            return [], 0
        if search and search.strip() and self._found(search) is None and \
                not self._blind_ids(search):
            entries = catalogue.matching(search, set())
        else:
            entries = catalogue.matching(search, self._blind_ids(search))
        wanted_level = None
        if level is not None:
            from ..users import parse_level
            wanted_level = parse_level(level)
        if grade and grade != UNGRADED and grade not in GRADES:
            self.filters(None, None, None, None, grade, False)      # raises the same error
        today, days = clock.today(), self._desk.reviews.policy().hold_days
        out, total = [], 0
        for row in entries:
            v = lambda c: cat.value(row, c)     # noqa: E731
            if (kind and v("kind") != kind) or (status and v("status") != status) or \
                    (tier and v("tier") != tier) or \
                    (wanted_level is not None and v("level") != wanted_level):
                continue
            if grade == UNGRADED and v("grade") is not None:
                continue
            if grade and grade != UNGRADED and v("grade") != grade:
                continue
            if hold and not hold_reasons(v("credit_limit"), v("exposure") or 0,
                                         v("grade_valid_until"), today, v("next_review"), days):
                continue
            total += 1
            if limit and len(out) >= limit:
                continue
            out.append((v("code"), v("kind"), v("name"), v("status"), v("tier"), v("level"),
                        v("owner"), mask_value(v("phone"), "phone"), v("grade"),
                        v("risk_level"), v("credit_limit"), v("exposure"),
                        v("grade_valid_until"), v("next_review"), v("sort_key")))
        return out, total

    def _finish(self, rows: list[tuple]) -> list[tuple]:
        """List rows with the hold worked out as ``Grading.credit`` does (the rows end with
        the hold inputs: limit, exposure, valid until, next review; then the sort key)."""
        if not rows:
            return rows
        today, days = clock.today(), self._desk.reviews.policy().hold_days
        out = []
        for row in rows:
            limit, exposure, valid_until, next_review = row[-5:-1]
            reasons = hold_reasons(limit, exposure or 0, valid_until, today, next_review, days)
            out.append((*row[:-5], limit, exposure, valid_until,
                        hold_text(reasons, days) if reasons else ""))
        return out

    # -- summaries (command line, exports, batches) -----------------------------------------------
    def summary_rows(self, search: str | None = None, *, kind=None, status=None, tier=None,
                     level=None, grade=None, hold=False, limit=None) -> list[tuple]:
        """Summary tuples in ``SUMMARY_COLUMNS`` order, name order, phone and ID masked as
        this user may see them. Filters as in ``list_rows``."""
        rows, _total = self.list_rows(search, kind=kind, status=status, tier=tier, level=level,
                                      grade=grade, hold=hold, limit=limit)
        if not rows:
            return []
        codes = [r[0] for r in rows]
        extra = {}
        for code, id_number, credit_code, created, updated, vault in self._desk.db.execute(
                "SELECT c.code, i.id_number, e.credit_code, c.created_at, c.updated_at, iv.vault "
                "FROM customers c LEFT JOIN individuals i ON i.customer_id = c.id "
                "LEFT JOIN enterprises e ON e.customer_id = c.id "
                "LEFT JOIN main.individuals iv ON iv.customer_id = c.id "
                f"WHERE c.code IN ({', '.join('?' * len(codes))})", codes):
            mask = None
            if vault and json.loads(vault).get("id_number"):
                mask = json.loads(vault)["id_number"][1]
            extra[code] = (mask if id_number is None and mask else mask_value(id_number, "id"),
                           credit_code, created, updated)
        return [(*r[:8], *extra.get(r[0], (None, None, None, None))) for r in rows]

    # -- filters ------------------------------------------------------------------------------------
    def filters(self, kind, status, tier, level, grade, hold) -> tuple[list[str], list]:
        """SQL conditions (on ``customers c``) and parameters for the list filters."""
        where, params = _choice_filters(kind, status, tier, level)
        if grade == UNGRADED:
            where.append("c.grade IS NULL")
        elif grade:
            if grade not in GRADES:
                raise ValidationError(FieldError("grade", "valid.choice", {
                    "value": grade, "allowed": ", ".join((*GRADES, UNGRADED))}))
            where.append("c.grade = ?")
            params.append(grade)
        if hold:
            # The hold rule lives in limits.hold_reasons alone; SQL calls it rather than
            # restating it (a Python call per row, only when this filter is on).
            self._desk.db.conn.create_function("credit_hold", 6, _credit_hold, deterministic=True)
            where.append(f"credit_hold({_HOLD_INPUTS}, ?, ?)")
            params += [clock.today().isoformat(), self._desk.reviews.policy().hold_days]
        return where, params


def _credit_hold(limit, exposure, valid_until, next_review, today, hold_days) -> int:
    """SQL ``credit_hold(...)``: 1 when ``limits.hold_reasons`` gives any reason."""
    return int(bool(hold_reasons(limit, exposure or 0, valid_until,
                                 datetime.date.fromisoformat(today), next_review, hold_days)))


def _choice_filters(kind, status, tier, level) -> tuple[list[str], list]:
    """SQL conditions (on ``customers c``) and parameters for the kind/status/tier/level filters."""
    where, params = [], []
    for column, value in (("kind", kind), ("status", status), ("tier", tier)):
        if value:
            where.append(f"c.{column} = ?")
            params.append(value)
    if level is not None:
        from ..users import parse_level
        where.append("c.level = ?")
        params.append(parse_level(level))
    return where, params


def level_name(index: int) -> str:
    return LEVELS[index]

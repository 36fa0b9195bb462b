"""Search keys and the search query.

Names are found by any substring through a table of their one- and
two-character pieces (``name_grams``): a query's two-character pieces are
intersected and the candidates confirmed with ``instr``. This finds the
two-character Chinese names that an FTS5 trigram index cannot. Pinyin
initials and full pinyin, customer codes, phone tails and identity numbers
are matched by prefix on indexed columns (phone tails as prefixes of the
reversed number).
"""

from __future__ import annotations

import re
import unicodedata

from ..fields import ID_TYPES

_SPACE = re.compile(r"\s+")


def name_key(name: str) -> str:
    """The form of a name that substring search compares: NFKC, lower case, no spaces."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", name)).lower()


# Characters read differently as surnames than in ordinary words (pypinyin gives the
# ordinary reading: 曾 ceng, 单 dan, 解 jie ...). Used for the first characters of a
# person's name, where the surname stands.
SURNAME_READINGS = {
    "万俟": ["mo", "qi"], "尉迟": ["yu", "chi"], "单于": ["chan", "yu"],
    "曾": ["zeng"], "单": ["shan"], "解": ["xie"], "仇": ["qiu"], "区": ["ou"], "朴": ["piao"],
    "查": ["zha"], "乐": ["yue"], "盖": ["ge"], "缪": ["miao"], "翟": ["zhai"], "覃": ["qin"],
    "秘": ["bi"], "种": ["chong"], "折": ["she"], "员": ["yun"], "繁": ["po"], "句": ["gou"],
    "召": ["shao"], "沈": ["shen"], "重": ["chong"], "长": ["chang"], "宿": ["su"],
}


def _syllables(name: str, person: bool) -> list[str]:
    text = unicodedata.normalize("NFKC", name).strip()
    if person:
        for length in (2, 1):
            reading = SURNAME_READINGS.get(text[:length])
            if reading:
                return reading + _syllables(text[length:], False)
    # Imported on first use: loading pypinyin's dictionaries takes a quarter of a second,
    # which searching never needs (only writing a name does) and start-up should not pay.
    from pypinyin import Style, lazy_pinyin
    return lazy_pinyin(text, style=Style.NORMAL, errors="default") if text else []


def pinyin_keys(name: str, person: bool = False) -> tuple[str, str]:
    """(initials, full pinyin) of a name: 张伟 -> ('zw', 'zhangwei'); Latin words keep their letters.

    ``person``: the name starts with a surname, read as a surname (曾伟 -> zengwei).
    """
    initials, full = [], []
    for chunk in _syllables(name, person):
        for word in re.findall(r"[0-9a-z]+", chunk.lower()):
            initials.append(word[0])
            full.append(word)
    return "".join(initials), "".join(full)


def name_grams(key: str) -> set[str]:
    return {key[i:i + n] for n in (1, 2) for i in range(len(key) - n + 1)}


def _prefix_range(column: str) -> str:
    # A prefix match that uses the column's index (LIKE would not, being case-folding).
    return f"({column} >= ? AND {column} < ?)"


def _upper_bound(prefix: str) -> str:
    return prefix + "\U0010ffff"


def search_sql(text: str, *, id_numbers: bool, phones: bool = True) -> tuple[str, list] | None:
    """A subquery selecting the ids of clear customer files matching ``text`` (None: matches
    nothing). Sealed files are searched by the catalogue and the blind indexes instead.

    ``id_numbers`` and ``phones``: whether the user is cleared to those fields, and so may
    find a file by the whole number. A phone is otherwise found only by the digits its
    mask shows (the last four), and an ID number not at all: a search by a fragment the
    mask hides would tell the hidden digits one search at a time.
    """
    query = name_key(text)
    if not query:
        return None
    parts: list[str] = []
    params: list = []
    if len(query) <= 2:
        # The query is itself one of the stored pieces: the piece table answers exactly.
        parts.append("SELECT customer_id FROM name_grams WHERE gram = ?")
        params.append(query)
    else:
        grams = sorted({query[i:i + 2] for i in range(len(query) - 1)})
        intersect = " INTERSECT ".join(["SELECT customer_id FROM name_grams WHERE gram = ?"] * len(grams))
        parts.append(f"SELECT id FROM main.customers WHERE id IN ({intersect}) "
                     f"AND instr(name_norm, ?) > 0")
        params += [*grams, query]
    if re.fullmatch(r"[a-z]+", query):
        for column in ("pinyin_initials", "pinyin_full"):
            parts.append(f"SELECT id FROM main.customers WHERE {_prefix_range(column)}")
            params += [query, _upper_bound(query)]
    code = query.upper()
    if re.fullmatch(r"C?\d+", code):
        parts.append(f"SELECT id FROM main.customers WHERE {_prefix_range('code')}")
        code_prefix = code if code.startswith("C") else "C" + code
        params += [code_prefix, _upper_bound(code_prefix)]
        if not code.startswith("C") and len(code) <= 6:
            parts.append("SELECT id FROM main.customers WHERE code = ?")
            params.append("C" + code.zfill(6))
    if query.isdigit() and 3 <= len(query) <= 4:
        tail = query[::-1]
        parts.append(f"SELECT id FROM main.customers WHERE {_prefix_range('phone_rev')}")
        params += [tail, _upper_bound(tail)]
    elif query.isdigit() and 7 <= len(query) <= 15 and phones:
        parts.append("SELECT id FROM main.customers WHERE phone_rev = ? "
                     "AND replace(replace(phone, '-', ''), ' ', '') = ?")
        params += [query[-4:][::-1], query]
    if re.fullmatch(r"[0-9a-z]{4,18}", query):
        if id_numbers and len(query) >= 8:
            # The whole number only; naming every ID type lets the (id_type, id_number)
            # index serve it.
            parts.append(f"SELECT customer_id FROM main.individuals WHERE id_type IN "
                         f"({', '.join('?' * len(ID_TYPES))}) AND id_number = ?")
            params += [*ID_TYPES, code]
        parts.append("SELECT customer_id FROM main.enterprises WHERE " + _prefix_range("credit_code"))
        params += [code, _upper_bound(code)]
    return " UNION ".join(parts), params

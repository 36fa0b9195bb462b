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
# ordinary reading: 曾 ceng, 单 dan, 解 jie ...), with their tones (1-4). Used for the first
# characters of a person's name, where the surname stands.
SURNAME_READINGS = {
    "万俟": ["mo4", "qi2"], "尉迟": ["yu4", "chi2"], "单于": ["chan2", "yu2"],
    "曾": ["zeng1"], "单": ["shan4"], "解": ["xie4"], "仇": ["qiu2"], "区": ["ou1"],
    "朴": ["piao2"], "查": ["zha1"], "乐": ["yue4"], "盖": ["ge3"], "缪": ["miao4"],
    "翟": ["zhai2"], "覃": ["qin2"], "秘": ["bi4"], "种": ["chong2"], "折": ["she2"],
    "员": ["yun4"], "繁": ["po2"], "句": ["gou1"], "召": ["shao4"], "沈": ["shen3"],
    "重": ["chong2"], "长": ["chang2"], "宿": ["su4"],
}


def _readings(name: str, person: bool) -> list[tuple[str, int, str]]:
    """(syllable or Latin word, tone, character) of a name, in order: 李 Anna ->
    [('li', 3, '李'), ('anna', 0, '')]. Tones are 1-4, 5 for the neutral tone, 0 for a
    Latin word or a number (which has no character of its own)."""
    text = unicodedata.normalize("NFKC", name).strip()
    if person:
        for length in (2, 1):
            reading = SURNAME_READINGS.get(text[:length])
            if reading:
                return [(r[:-1], int(r[-1]), ch) for r, ch in zip(reading, text)] + \
                    _readings(text[length:], False)
    if not text:
        return []
    # Imported on first use: loading pypinyin's dictionaries takes a quarter of a second,
    # which searching never needs (only writing a name does) and start-up should not pay.
    from pypinyin import Style, lazy_pinyin
    # What pypinyin cannot read (Latin letters, digits, punctuation, a rare character) it
    # hands to ``other``, which keeps it and answers a placeholder: so a syllable (letters
    # and a tone digit) is never taken for a Latin word ending in a digit, and each
    # syllable is matched to its character.
    others: list[str] = []

    def other(chunk: str) -> list[str]:
        others.append(chunk)
        return [f"\x00{len(others) - 1}x"]

    out, at = [], 0
    for item in lazy_pinyin(text, style=Style.TONE3, neutral_tone_with_five=True, errors=other):
        if item.startswith("\x00"):
            chunk = others[int(item[1:item.index("x")])]
            out += [(word, 0, "") for word in re.findall(r"[0-9a-z]+", chunk.lower())]
            at += len(chunk)
        else:
            out.append((item[:-1], int(item[-1]), text[at:at + 1]))
            at += 1
    return out


# The sort key: per syllable its letters, _END, its tone and its character; then _TIE and
# the name. Both marks sort below every letter and digit, so files compare syllable by
# syllable as a dictionary orders words: 李娜 "li 3李na 4娜" before 刘晶 "liu 2刘…" (a space
# sorts below "u"), 李 before 李娜, and each surname's files together (黎 li2 before 李 li3,
# whatever their given names). Latin words are syllables of their own (tone 0): Lisa Wong
# stands between 李 and 刘. The name last tells apart what reads alike (Acme / ACME).
_END, _TIE = " ", "!"


def name_keys(name: str, person: bool = False) -> tuple[str, str, str]:
    """(initials, full pinyin, sort key) of a name: 张伟 -> ('zw', 'zhangwei',
    'zhang 1张wei 3伟!张伟'). Latin words keep their letters.

    ``person``: the name starts with a surname, read as a surname (曾伟 -> zengwei).
    """
    readings = _readings(name, person)
    initials = "".join(word[0] for word, _tone, _char in readings)
    full = "".join(word for word, _tone, _char in readings)
    sort = "".join(f"{word}{_END}{tone}{char}" for word, tone, char in readings) + _TIE + \
        unicodedata.normalize("NFKC", name).strip()
    return initials, full, sort


def pinyin_keys(name: str, person: bool = False) -> tuple[str, str]:
    """(initials, full pinyin) of a name: 张伟 -> ('zw', 'zhangwei'); Latin words keep their letters.

    ``person``: the name starts with a surname, read as a surname (曾伟 -> zengwei).
    """
    return name_keys(name, person)[:2]


def name_order(alias: str) -> str:
    """The ORDER BY terms of a list of files by name (on table alias ``alias``): the sort
    key (``name_keys``), then the code."""
    return f"{alias}.sort_key, {alias}.code"


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

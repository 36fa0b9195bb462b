"""The validators and the CSV importer, fuzzed: 10,000 examples each.

Every checker either returns a value (that passes the checker again unchanged) or
raises InvalidValue — never anything else, whatever it is given. Values made right
(check characters, Luhn digits) pass with what they carry; one character changed, they
do not. The importer's reader and mapping turn any bytes into a table or refuse the
file with ImportFileError; a generated customer file, any mix of good and bad cells,
encodings and delimiters, goes through a dry run with every row counted once.
``CUSTDESK_FUZZ_EXAMPLES`` sets the number of examples.
"""

from __future__ import annotations

import csv
import datetime
import io
import os

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from custdesk.core import demo
from custdesk.core import validation as v
from custdesk.core.errors import CustdeskError
from custdesk.core.importing import Importer
from custdesk.core.importing.mapping import ALIASES, map_headers, normalise_cell, target_fields
from custdesk.core.importing.reading import ImportFileError, decode, read_csv_text

EXAMPLES = int(os.environ.get("CUSTDESK_FUZZ_EXAMPLES", "10000"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much,
                                       HealthCheck.function_scoped_fixture])
TODAY = datetime.date(2026, 11, 22)

# Text as clerks' input arrives: anything at all, and code-like text with the usual
# noise (spaces, hyphens of every kind, full-width digits and letters, +86, 转).
NOISE = st.sampled_from([" ", "-", "－", "—", "\u3000", "\t", "(", ")", "+86", "转", "x", "#"])
WIDE_OR_NARROW = st.sampled_from("0123456789０１２３４５６７８９XxABCDabcdＸｘ")
CODE_LIKE = st.lists(st.one_of(WIDE_OR_NARROW, NOISE), max_size=30).map("".join)
ANY_TEXT = st.one_of(st.text(max_size=40), CODE_LIKE)


def _returns_or_refuses(check, text):
    try:
        return check(text)
    except v.InvalidValue:
        return None


# -- resident ID numbers ------------------------------------------------------------------------
@st.composite
def resident_ids(draw) -> tuple[str, datetime.date, bool]:
    region = draw(st.sampled_from([r[0] for r in demo.REGIONS]))
    birth = draw(st.dates(datetime.date(1900, 1, 1), TODAY))
    male = draw(st.booleans())
    return demo.resident_id(region, birth, draw(st.integers(0, 499)), male), birth, male


@FUZZ
@given(data=st.data())
def test_resident_id(data):
    if data.draw(st.booleans()):
        text = data.draw(ANY_TEXT)
        found = _returns_or_refuses(lambda t: v.check_resident_id(t, TODAY), text)
        if found is not None:
            assert len(found.number) == 18 and found.birth_date <= TODAY
            assert v.check_resident_id(found.number, TODAY) == found
        return
    number, birth, male = data.draw(resident_ids())
    spaced = data.draw(st.sampled_from([number, number.lower(), f" {number} ",
                                        number.translate({ord(c): ord(c) + 0xFEE0
                                                          for c in "0123456789X"})]))
    found = v.check_resident_id(spaced, TODAY)
    assert (found.number, found.birth_date, found.gender) == \
        (number, birth, "male" if male else "female")
    # One character changed anywhere: never accepted (ISO 7064 finds every single error).
    at = data.draw(st.integers(0, 17))
    other = data.draw(st.sampled_from([c for c in "0123456789X" if c != number[at]]))
    assume(at == 17 or other != "X")
    with pytest.raises(v.InvalidValue):
        v.check_resident_id(number[:at] + other + number[at + 1:], TODAY)


# -- unified social credit codes ---------------------------------------------------------------
@FUZZ
@given(data=st.data())
def test_unified_social_credit_code(data):
    if data.draw(st.booleans()):
        found = _returns_or_refuses(v.check_uscc, data.draw(ANY_TEXT))
        if found is not None:
            assert len(found) == 18 and v.check_uscc(found) == found
        return
    region = data.draw(st.sampled_from([r[0] for r in demo.REGIONS]))
    founded = data.draw(st.dates(datetime.date(1990, 1, 1), TODAY))
    import random
    code = demo.credit_code(random.Random(data.draw(st.integers(0, 2 ** 32))), region, founded)
    assert v.check_uscc(code) == code
    assert v.check_uscc(code.lower()) == code
    at = data.draw(st.integers(0, 17))
    other = data.draw(st.sampled_from([c for c in v.USCC_ALPHABET if c != code[at]]))
    with pytest.raises(v.InvalidValue):
        v.check_uscc(code[:at] + other + code[at + 1:])


# -- phones -------------------------------------------------------------------------------------
@FUZZ
@given(data=st.data())
def test_phone(data):
    if data.draw(st.booleans()):
        text = data.draw(ANY_TEXT)
        for check in (v.check_mobile, v.check_phone):
            found = _returns_or_refuses(check, text)
            if found is not None:
                assert check(found) == found
        return
    prefix = data.draw(st.sampled_from(demo.MOBILE_PREFIXES))
    number = prefix + data.draw(st.text("0123456789", min_size=8, max_size=8))
    written = data.draw(st.sampled_from([
        number, f"+86 {number}", f"{number[:3]} {number[3:7]} {number[7:]}",
        f"{number[:3]}-{number[3:7]}-{number[7:]}", f"0086{number}",
        number.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789"})]))
    assert v.check_mobile(written) == number
    assert v.check_phone(written) == number
    area = data.draw(st.sampled_from(["010", "021", "0755", "0571", "028"]))
    # Local numbers in these five cities have 8 digits (a 7-digit one is only a warning).
    local = data.draw(st.sampled_from("2345678")) + data.draw(
        st.text("0123456789", min_size=7, max_size=7))
    # A number of the right shape is taken, or drawn a warning if the plan has not allocated
    # its range (Beijing's 8000 xxxx), with the same normalised value to keep.
    assert _kept(v.check_phone, f"{area}-{local}") == f"{area}-{local}"
    assert _kept(v.check_phone, f"({area}){local}转123") == f"{area}-{local}-123"


def _kept(check, text):
    try:
        return check(text)
    except v.InvalidValue as exc:
        assert exc.warning, exc.key
        return exc.keep


# -- bank cards ---------------------------------------------------------------------------------
def _luhn_digit(body: str) -> str:
    for d in "0123456789":
        if v.luhn_ok(body + d):
            return d
    raise AssertionError(body)


@FUZZ
@given(data=st.data())
def test_bank_card(data):
    if data.draw(st.booleans()):
        found = _returns_or_refuses(v.check_bank_card, data.draw(ANY_TEXT))
        if found is not None:
            digits, ok = found
            assert 12 <= len(digits) <= 19 and v.check_bank_card(digits) == found
            assert ok == v.luhn_ok(digits)
        return
    body = data.draw(st.text("0123456789", min_size=11, max_size=18))
    card = body + _luhn_digit(body)
    spaced = " ".join(card[i:i + 4] for i in range(0, len(card), 4))
    assert v.check_bank_card(spaced) == (card, True)
    at = data.draw(st.integers(0, len(card) - 1))
    other = data.draw(st.sampled_from([d for d in "0123456789" if d != card[at]]))
    assert v.check_bank_card(card[:at] + other + card[at + 1:]) == \
        (card[:at] + other + card[at + 1:], False)        # Luhn finds every single error


# -- money and dates ----------------------------------------------------------------------------
@FUZZ
@given(data=st.data())
def test_money_and_dates(data):
    text = data.draw(st.one_of(ANY_TEXT, st.from_regex(r"[¥￥]?-?[0-9,]{0,15}(\.[0-9]{0,3})?元?",
                                                       fullmatch=True)))
    fen = _returns_or_refuses(v.parse_money, text)
    if fen is not None:
        assert fen >= 0 and v.parse_money(v.format_money(fen)) == fen
    fen = data.draw(st.integers(0, 10 ** 15 - 1))
    assert v.parse_money(v.format_money(fen)) == fen
    assert v.parse_money(f"{fen // 100}.{fen % 100:02d}") == fen
    day = _returns_or_refuses(v.parse_date, data.draw(ANY_TEXT))
    if day is not None:
        assert v.parse_date(day) == day
    date = data.draw(st.dates(datetime.date(1900, 1, 1), datetime.date(2200, 12, 31)))
    for written in (date.isoformat(), f"{date:%Y/%m/%d}", f"{date:%Y%m%d}",
                    f"{date.year}年{date.month}月{date.day}日"):
        assert v.parse_date(written) == date.isoformat()


@FUZZ
@given(text=st.text(max_size=60))
def test_names_texts_and_emails_never_fail_otherwise(text):
    for check in (v.check_name, v.check_text, v.check_email):
        found = _returns_or_refuses(check, text)
        if found is not None:
            assert check(found) == found


# -- the CSV importer ---------------------------------------------------------------------------
CUSTOMER_HEADERS = sorted({name for names in ALIASES["customers"].values() for name in names})
FIELDS = target_fields("customers")
GOOD_CELLS = {
    "客户名称": st.sampled_from(["张伟", "欧阳娜", "深圳华信商贸有限公司", "Zhang Wei"]),
    "手机": st.sampled_from(["13812345678", "+86 138 1234 5678", "0755-12345678"]),
    "保密级别": st.sampled_from(["公开", "内部", "internal", ""]),
    "状态": st.sampled_from(["正常", "潜在客户", "active", ""]),
    "月收入": st.sampled_from(["8,000", "￥12000.50", "0", ""]),
    "成立日期": st.sampled_from(["2020-01-02", "2020年1月2日", "20200102", ""]),
}
CELL = st.one_of(st.text(max_size=8), CODE_LIKE)


@FUZZ
@given(data=st.binary(max_size=600))
def test_any_bytes_are_read_as_a_table_or_refused(data):
    """The reader and the mapping: a table, or the file refused with a reason."""
    try:
        text, _encoding = decode(data)
        table = read_csv_text(text)
        rows = list(table.rows)
        columns, unknown = map_headers(table.headers, "customers")
    except ImportFileError:
        return
    assert set(columns.values()) <= set(FIELDS) and len(set(columns.values())) == len(columns)
    assert all(isinstance(h, str) for h in unknown)
    for _number, cells in rows:
        for index, key in columns.items():
            if index < len(cells):
                assert isinstance(normalise_cell(FIELDS[key], cells[index]), str)


@pytest.fixture(scope="module")
def import_desk(tmp_path_factory):
    from tests.faults.helpers import ADMIN, PASSWORD, new_database
    from custdesk.core.desk import Desk
    path = new_database(tmp_path_factory.mktemp("fuzz"))
    desk = Desk.open(path, ADMIN, PASSWORD)
    yield desk, path.parent
    desk.close()


@FUZZ
@given(data=st.data())
def test_customer_files_go_through_a_dry_run_row_by_row(import_desk, data):
    desk, folder = import_desk
    headers = ["客户名称", *data.draw(st.lists(st.sampled_from(
        [h for h in CUSTOMER_HEADERS if h not in ("客户名称", "名称", "姓名", "企业名称",
                                                  "公司名称", "name", "customer name")]),
        max_size=2, unique=True))]
    # Each cell good for its column (as far as GOOD_CELLS knows one) or anything at all.
    rows = data.draw(st.lists(st.tuples(*(st.one_of(GOOD_CELLS.get(h, CELL), CELL)
                                          for h in headers)).map(list), min_size=1, max_size=3))
    delimiter = data.draw(st.sampled_from([",", "\t", ";"]))
    encoding = data.draw(st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]))
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows([headers, *rows])
    try:
        payload = buffer.getvalue().encode(encoding)
    except UnicodeEncodeError:
        payload = buffer.getvalue().encode("utf-8")
    source = folder / "fuzz.csv"
    source.write_bytes(payload)
    try:
        result = Importer(desk, "customers", dry_run=True).run(source)
    except (ImportFileError, CustdeskError):
        return                           # refused whole (two columns for one field, ...)
    written = sum(1 for row in rows if any(c.strip() for c in row))
    assert result.total <= written
    assert result.valid + result.rejected + result.duplicates == result.total
    assert desk.db.execute("SELECT count(*) FROM customers").fetchone()[0] == 0

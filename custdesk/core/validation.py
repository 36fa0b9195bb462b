"""Checks and normalisation of what clerks type: ID numbers, credit codes, phones,
money, dates, names and free text.

Every checker is a pure function that returns the normalised value or raises
``InvalidValue`` (a message key plus parameters). The caller adds the field name
with ``InvalidValue.to_field_error(field)`` and collects all the errors of a form
into one ``ValidationError``. A checker raises ``TypeError`` only for programming
errors (a float for money, a bool for a number, an object that is not text).

``warning=True`` marks a failure the user may override with a recorded reason:
the check character of an ID number or a credit code (a real code printed on a
licence is occasionally wrong and the clerk must still file it), an ID number's
region code missing from the division code list, and a phone number outside the
ranges the numbering plan has allocated (both lists trail reality by months).
A warning carries ``keep``, the normalised value to store once a reason is given.
"""

from __future__ import annotations

import datetime
import decimal
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Iterable

import phonenumbers
from dateutil.relativedelta import relativedelta

from . import i18n
from .errors import FieldError

i18n.register({
    "valid.required": ("此项必填", "this field is required"),
    # Resident ID numbers (GB 11643-1999)
    "valid.id.old15": ("这是15位旧身份证号，请填写18位的新身份证号",
                       "this is an old 15-digit ID number; the 18-digit number is required"),
    "valid.id.length": ("身份证号应为18位，现为{length}位",
                        "an ID number has 18 characters; this one has {length}"),
    "valid.id.chars": ("身份证号前17位应为数字，最后一位为数字或 X",
                       "an ID number is 17 digits followed by a digit or X"),
    "valid.id.province": ("身份证号前两位“{code}”不是有效的省份代码",
                          "the first two digits “{code}” are not a valid province code"),
    "valid.id.birth_invalid": ("身份证号中的出生日期 {date} 不存在",
                               "the birth date {date} in the ID number does not exist"),
    "valid.id.birth_future": ("身份证号中的出生日期 {date} 晚于今天",
                              "the birth date {date} in the ID number is in the future"),
    "valid.id.birth_too_early": ("身份证号中的出生日期 {date} 早于1900年",
                                 "the birth date {date} in the ID number is before 1900"),
    "valid.id.checksum": ("校验码错误，应为 {expected}，请核对号码",
                          "check digit is wrong; expected {expected}. Please check the number"),
    "valid.id.region_unknown": (
        "前六位 {code} 不是已知的行政区划代码（含已撤销的旧代码），请核对号码",
        "the first six digits {code} are not a known administrative division code, current "
        "or former; please check the number"),
    "valid.id.region_retired": (
        "前六位 {code} 是 {year} 年后已停用的行政区划代码，而出生年份为 {born}，请核对号码",
        "the region code {code} went out of use after {year}, before the birth year {born}; "
        "please check the number"),
    "valid.id.checksum_region_unknown": (
        "校验码错误，应为 {expected}；前六位 {code} 也不是已知的行政区划代码，请核对号码",
        "check digit is wrong (expected {expected}) and the first six digits {code} are not a "
        "known administrative division code; please check the number"),
    "valid.id.checksum_region_retired": (
        "校验码错误，应为 {expected}；前六位 {code} 也是 {year} 年后已停用的行政区划代码"
        "（出生年份 {born}），请核对号码",
        "check digit is wrong (expected {expected}) and the region code {code} went out of use "
        "after {year}, before the birth year {born}; please check the number"),
    # Unified social credit codes (GB 32100-2015)
    "valid.uscc.length": ("统一社会信用代码应为18位，现为{length}位",
                          "a unified social credit code has 18 characters; this one has {length}"),
    "valid.uscc.forbidden_letter": (
        "第{position}位“{char}”有误：信用代码从不使用字母 I、O、Z、S、V（可能是数字 1、0、2、5 或字母 U）",
        "character {position} “{char}” is wrong: credit codes never use the letters I, O, Z, S, V "
        "(perhaps the digit 1, 0, 2, 5 or the letter U)"),
    "valid.uscc.char": ("第{position}位“{char}”不是信用代码可用的字符（只有数字和大写字母）",
                        "character {position} “{char}” cannot appear in a credit code "
                        "(digits and capital letters only)"),
    "valid.uscc.region": ("信用代码第3至8位是行政区划代码，应全为数字",
                          "characters 3 to 8 of a credit code are the region code and must be digits"),
    "valid.uscc.checksum": ("校验码错误，应为 {expected}，请核对代码",
                            "check character is wrong; expected {expected}. Please check the code"),
    # Phones and e-mail
    "valid.mobile.format": ("手机号应为11位数字，以13至19开头，如 138 0013 8000",
                            "a mobile number is 11 digits starting with 13 to 19, e.g. 138 0013 8000"),
    "valid.phone.format": ("电话号码格式不对：手机号为11位；固定电话为区号加7至8位号码，如 010-12345678 转 123",
                           "not a phone number: a mobile has 11 digits; a landline is an area code "
                           "and 7 or 8 digits, e.g. 010-12345678 ext. 123"),
    "valid.phone.area_code": ("固定电话请加上区号，如 010-12345678",
                              "add the area code to the landline number, e.g. 010-12345678"),
    "valid.mobile.unallocated": ("该号码不在已分配的手机号段内，请核对号码",
                                 "this number is not in an allocated mobile number range; "
                                 "please check it"),
    "valid.phone.unallocated": ("该区号下没有这样的固定电话号码（区号或号码位数不符），请核对",
                                "no landline number like this exists under that area code "
                                "(area code or number of digits wrong); please check it"),
    "valid.email.at": ("邮箱地址应有且只有一个 @，如 name@example.com",
                       "an e-mail address has exactly one @, e.g. name@example.com"),
    "valid.email.space": ("邮箱地址中不能有空格", "an e-mail address cannot contain spaces"),
    "valid.email.local": ("@ 前的用户名有误（不能为空，不能有 .. 或特殊符号）",
                          "the part before @ is wrong (empty, '..' or a character not allowed)"),
    "valid.email.domain": ("@ 后应为域名，如 example.com",
                           "the part after @ must be a domain such as example.com"),
    "valid.email.too_long": ("邮箱地址过长（最多{limit}个字符）",
                             "the e-mail address is too long (at most {limit} characters)"),
    # Bank cards
    "valid.card.chars": ("银行卡号只能是数字", "a bank card number has digits only"),
    "valid.card.length": ("银行卡号应为12至19位数字，现为{length}位",
                          "a bank card number has 12 to 19 digits; this one has {length}"),
    # Money
    "valid.money.format": ("金额格式不对：请填写以元为单位的数字，如 1234.56",
                           "not an amount: enter a number of yuan, e.g. 1234.56"),
    "valid.money.grouping": ("千位分隔逗号位置不对（应每三位一个，如 1,234,567.89）",
                             "thousands commas are misplaced (one every three digits, e.g. 1,234,567.89)"),
    "valid.money.fraction": ("金额最多两位小数（到分）", "amounts have at most 2 decimals (fen)"),
    "valid.money.negative": ("金额不能为负数", "amounts cannot be negative"),
    "valid.money.too_large": ("金额不能超过 {limit} 元", "amounts cannot exceed ¥{limit}"),
    # Dates
    "valid.date.format": ("日期格式不对，请写成 2024-01-31、2024/1/31、20240131 或 2024年1月31日",
                          "not a date: write 2024-01-31, 2024/1/31, 20240131 or 2024年1月31日"),
    "valid.date.impossible": ("日期 {date} 不存在", "the date {date} does not exist"),
    "valid.date.range": ("年份应在 {min_year} 至 {max_year} 之间",
                         "the year must be between {min_year} and {max_year}"),
    # Names and text
    "valid.name.control": ("含有不可见或无效的字符（{code}），请删除后重新输入",
                           "contains an invisible or invalid character ({code}); delete it and retype"),
    "valid.name.char": ("不能使用“{char}”；名称只能含文字、数字、空格和 · . - ( ) & ' , 、",
                        "“{char}” cannot be used; names have letters, digits, spaces and · . - ( ) & ' , 、"),
    "valid.name.too_long": ("最多{limit}个字，现为{length}个字",
                            "at most {limit} characters; this has {length}"),
    "valid.line.control": ("含有换行、制表符或不可见的方向控制字符（{code}），请删除",
                           "holds a line break, tab or invisible direction character ({code}); "
                           "remove it"),
    "valid.text.control": ("第{line}行含有不可见的控制字符（{code}），请删除",
                           "line {line} contains an invisible control character ({code}); delete it"),
    "valid.text.too_long": ("最多{limit}个字，现为{length}个字",
                            "at most {limit} characters; this text has {length}"),
    # Choices and numbers
    "valid.choice": ("“{value}”不是可选的值；可选：{allowed}",
                     "“{value}” is not one of the allowed values: {allowed}"),
    "valid.int.format": ("应为整数", "must be a whole number"),
    "valid.int.too_small": ("不能小于 {minimum}", "must be at least {minimum}"),
    "valid.int.too_large": ("不能大于 {maximum}", "must be at most {maximum}"),
})


class InvalidValue(ValueError):
    """Raised by one checker; the caller adds the field name and collects them."""

    def __init__(self, key: str, warning: bool = False, keep: str | None = None, **params):
        self.key = key
        self.params = params
        self.warning = warning
        self.keep = keep  # a warning's normalised value, stored if the user overrides it
        super().__init__(key)

    def to_field_error(self, field: str) -> FieldError:
        return FieldError(field=field, key=self.key, params=dict(self.params), warning=self.warning)

    @property
    def message(self) -> str:
        return i18n.tr(self.key, **self.params)

    def __str__(self) -> str:  # rendered late: the language may change after raising
        return self.message


# --------------------------------------------------------------------------- helpers

_DIGITS = frozenset("0123456789")          # ASCII only: str.isdigit() accepts '٣', '²'...
_HYPHENS = frozenset("-‐‑‒–—―−﹣")          # what IMEs and word processors type for '-'
_MAX_CODE_INPUT = 200                       # raw length beyond which no code can be valid


def _text(value: object) -> str:
    """Text of a form field: None is empty, anything but str is a programming error."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise TypeError(f"expected str, got {type(value).__name__}")
    return value


def _shown(text: str, limit: int = 20) -> str:
    """User input echoed in a message, cut short so a pasted page cannot flood it."""
    return text if len(text) <= limit else text[:limit] + "…"


def _is_digits(text: str) -> bool:
    return bool(text) and all(c in _DIGITS for c in text)


def _code_points(char: str) -> str:
    return f"U+{ord(char):04X}"


def normalize_code(text: str) -> str:
    """Fold a typed code to plain ASCII form: full-width to half-width (NFKC),
    no whitespace (U+3000 included) or hyphens, upper case."""
    # NFKC, removal and upper() can each undo the others' work (removing a space
    # lets a combining mark compose; 'ΐ'.upper() is not NFKC), so repeat to a fixed
    # point; this takes at most two or three rounds.
    for _ in range(10):
        folded = unicodedata.normalize("NFKC", text)
        folded = "".join(c for c in folded if not c.isspace() and c not in _HYPHENS).upper()
        if folded == text:
            break
        text = folded
    return text


# ----------------------------------------------------- resident ID numbers (GB 11643)

# GB 11643-1999 §8.2, ISO 7064 MOD 11-2: weight of position i (1-based) is 2^(18-i) mod 11.
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_MIN_BIRTH = datetime.date(1900, 1, 1)


@cache
def region_codes() -> dict[str, int | None]:
    """Every GB/T 2260 division code to county level, current and retired, that an identity
    number may begin with: {code: last year in use, None while in use}. Read once from
    ``region_codes.txt`` (its header says where the list comes from): 71 Taiwan, 81 Hong Kong,
    82 Macao and 83 (residence permits of Taiwan residents) are in it."""
    text = resources.files(__package__).joinpath("region_codes.txt").read_text(encoding="utf-8")
    codes: dict[str, int | None] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        prefix, *items = line.split()
        for item in items:
            county, _, last = item.partition("~")
            codes[prefix + county] = int(last) if last else None
    return codes


@cache
def _provinces() -> frozenset[str]:
    return frozenset(code[:2] for code in region_codes())


def region_problem(code: str, born: int) -> tuple[str, dict] | None:
    """Why a six-digit region code is doubtful on a number of someone born in ``born``:
    ("unknown", {}) when the list never held it, ("retired", {"year": last}) when it went
    out of use before that year; None when it is fine. A code that came into use after the
    birth year is fine: a number is given at first registration, which may be years later."""
    if code not in region_codes():
        return "unknown", {}
    last = region_codes()[code]
    if last is not None and born > last:
        return "retired", {"year": last}
    return None


def id_check_char(first17: str) -> str:
    """The 18th character of a resident ID number given its first 17 digits."""
    if len(first17) != 17 or not _is_digits(first17):
        raise ValueError("first17 must be 17 ASCII digits")
    total = sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS))
    check = (12 - total % 11) % 11
    return "X" if check == 10 else str(check)


@dataclass(frozen=True)
class ResidentId:
    number: str
    birth_date: datetime.date
    gender: str  # 'male' | 'female' (17th digit odd | even)
    region: str  # first 6 digits, the GB/T 2260 county code of first registration


def check_resident_id(text: str, today: datetime.date | None = None, *,
                      allow_bad_checksum: bool = False,
                      allow_warnings: bool = False) -> ResidentId:
    """Check an 18-character resident ID number.

    Errors (never overridden): length, characters, a province that does not exist, a birth
    date that does not exist, lies in the future or before 1900. Warnings, raised after every
    error check has passed: a wrong check character, a county code the division list does
    not hold (or retired before the birth year). Both in one message when both apply. Once
    the user has given a reason, call again with ``allow_warnings`` (``allow_bad_checksum``
    lets only the check character pass)."""
    raw = _text(text)
    number = normalize_code(raw) if len(raw) <= _MAX_CODE_INPUT else raw
    if not number:
        raise InvalidValue("valid.required")
    if len(number) == 15 and _is_digits(number):
        raise InvalidValue("valid.id.old15")
    if len(number) != 18:
        raise InvalidValue("valid.id.length", length=len(number))
    if not _is_digits(number[:17]) or number[17] not in "0123456789X":
        raise InvalidValue("valid.id.chars")
    if number[:2] not in _provinces():
        raise InvalidValue("valid.id.province", code=number[:2])
    year, month, day = int(number[6:10]), int(number[10:12]), int(number[12:14])
    shown = f"{year:04d}-{month:02d}-{day:02d}"
    try:
        birth = datetime.date(year, month, day)
    except ValueError:
        raise InvalidValue("valid.id.birth_invalid", date=shown) from None
    if birth > (today or datetime.date.today()):
        raise InvalidValue("valid.id.birth_future", date=shown)
    if birth < _MIN_BIRTH:
        raise InvalidValue("valid.id.birth_too_early", date=shown)
    found = ResidentId(number=number, birth_date=birth,
                       gender="male" if int(number[16]) % 2 else "female", region=number[:6])
    if allow_warnings:
        return found
    expected = id_check_char(number[:17])
    bad_check = number[17] != expected and not allow_bad_checksum
    region = region_problem(number[:6], year)
    if region is not None:
        what, params = region
        key = f"valid.id.checksum_region_{what}" if bad_check else f"valid.id.region_{what}"
        params = {**params, "code": number[:6], "born": year}
        if bad_check:
            params["expected"] = expected
        raise InvalidValue(key, warning=True, keep=number, **params)
    if bad_check:
        raise InvalidValue("valid.id.checksum", warning=True, keep=number, expected=expected)
    return found


# ----------------------------------------- unified social credit codes (GB 32100)

# GB 32100-2015 §4: 31 characters, the letters I O Z S V are never used (they look
# like 1 0 2 5 U). Weight of position i (1-based) is 3^(i-1) mod 31.
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def uscc_check_char(first17: str) -> str:
    """The 18th character of a unified social credit code given its first 17."""
    if len(first17) != 17 or any(c not in USCC_ALPHABET for c in first17):
        raise ValueError("first17 must be 17 characters of the USCC alphabet")
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS))
    check = 31 - total % 31
    return USCC_ALPHABET[0 if check == 31 else check]


def check_uscc(text: str, *, allow_bad_checksum: bool = False) -> str:
    """Check a unified social credit code; return it normalised (upper-case ASCII)."""
    raw = _text(text)
    code = normalize_code(raw) if len(raw) <= _MAX_CODE_INPUT else raw
    if not code:
        raise InvalidValue("valid.required")
    if len(code) != 18:
        raise InvalidValue("valid.uscc.length", length=len(code))
    for position, char in enumerate(code, 1):
        if char in "IOZSV":
            raise InvalidValue("valid.uscc.forbidden_letter", position=position, char=char)
        if char not in USCC_ALPHABET:
            shown = char if char.isprintable() else _code_points(char)
            raise InvalidValue("valid.uscc.char", position=position, char=shown)
    # Positions 1-2 are the registration authority and kind of body; we do not check
    # them against the authorities' lists, which change. 3-8: GB/T 2260 region code.
    if not _is_digits(code[2:8]):
        raise InvalidValue("valid.uscc.region")
    expected = uscc_check_char(code[:17])
    if code[17] != expected and not allow_bad_checksum:
        raise InvalidValue("valid.uscc.checksum", warning=True, keep=code, expected=expected)
    return code


# ------------------------------------------------------------------ phones, e-mail

# The shape of a number is checked here (an error when wrong); whether the numbering plan
# has allocated it is libphonenumber's data (the phonenumbers package, kept up to date by its
# maintainers from the regulators' plans), and a number outside it only draws a warning: a
# range opened last month may not be in the installed data yet.
# 10, 11 and 12 begin service and short numbers, never a mobile's 11 digits.
_MOBILE = re.compile(r"(?:\+86|0086|86)?(1[3-9][0-9]{9})")
# Mainland trunk prefix 0, then the area code: 10 (Beijing) and 2x are two digits,
# all others three (GB/T 14392 numbering plan); local numbers are 7-8 digits.
_LANDLINE = re.compile(r"(010|02[0-9]|0[3-9][0-9]{2})([1-9][0-9]{6,7})")
_EXTENSION = re.compile(r"(.*?)(?:转|分机|ext\.?|x|#|,)([0-9]{1,6})", re.IGNORECASE)
_DASH_EXTENSION = re.compile(r"(0[0-9]{2,3}-[0-9]{7,8})-([0-9]{1,6})")
_MOBILE_TYPES = frozenset({phonenumbers.PhoneNumberType.MOBILE,
                           phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE})
_FIXED_TYPES = frozenset({phonenumbers.PhoneNumberType.FIXED_LINE,
                          phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE})


def _phone_digits(text: str) -> str:
    return normalize_code(text).replace("(", "").replace(")", "")


def phone_allocated(national: str, types: frozenset = _MOBILE_TYPES | _FIXED_TYPES) -> bool:
    """Whether a mainland number in national form ('13800138000', '01012345678') is in a
    range the numbering plan has allocated to one of ``types``, by libphonenumber's data.
    The number is built, not parsed (a quarter of the time: an import checks 100,000);
    ``number_type`` is UNKNOWN for a number its region's plan does not hold."""
    digits = national[1:] if national.startswith("0") else national
    if not _is_digits(digits) or digits[0] == "0" or len(digits) > 17:
        return False
    number = phonenumbers.PhoneNumber(country_code=86, national_number=int(digits))
    return phonenumbers.number_type(number) in types


def check_mobile(text: str, *, allow_warnings: bool = False) -> str:
    """A mainland mobile number, returned as its 11 digits (+86 prefixes dropped). One of
    the right shape in a range not allocated to mobiles is a warning."""
    raw = _text(text)
    if not raw.strip():
        raise InvalidValue("valid.required")
    match = _MOBILE.fullmatch(_phone_digits(raw)) if len(raw) <= _MAX_CODE_INPUT else None
    if not match:
        raise InvalidValue("valid.mobile.format")
    number = match.group(1)
    if not allow_warnings and not phone_allocated(number, _MOBILE_TYPES):
        raise InvalidValue("valid.mobile.unallocated", warning=True, keep=number)
    return number


def check_phone(text: str, *, allow_warnings: bool = False) -> str:
    """A mobile (11 digits) or a landline ('0755-12345678', '010-12345678-123' with
    an extension); any of the usual separators, brackets, +86 and '转' are accepted.
    A number of the right shape that the numbering plan has not allocated is a warning."""
    raw = _text(text)
    if not raw.strip():
        raise InvalidValue("valid.required")
    if len(raw) > _MAX_CODE_INPUT:
        raise InvalidValue("valid.phone.format")
    if _MOBILE.fullmatch(_phone_digits(raw)):
        return check_mobile(raw, allow_warnings=allow_warnings)
    folded = "".join(unicodedata.normalize("NFKC", raw).split())
    extension = ""
    match = _EXTENSION.fullmatch(folded) or _DASH_EXTENSION.fullmatch(folded)
    if match:
        folded, extension = match.groups()
    digits = _phone_digits(folded)
    for prefix in ("+86", "0086"):
        if digits.startswith(prefix):  # international form drops the trunk 0
            digits = digits[len(prefix):]
            digits = digits if digits.startswith("0") else "0" + digits
    landline = _LANDLINE.fullmatch(digits)
    if not landline:
        if _is_digits(digits) and 7 <= len(digits) <= 8 and digits[0] != "0":
            raise InvalidValue("valid.phone.area_code")
        raise InvalidValue("valid.phone.format")
    number = "-".join(landline.groups())
    number = f"{number}-{extension}" if extension else number
    if not allow_warnings and not phone_allocated(digits, _FIXED_TYPES):
        raise InvalidValue("valid.phone.unallocated", warning=True, keep=number)
    return number


_EMAIL_LOCAL_ASCII = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+/=?^_`{|}~.-")


def check_email(text: str) -> str:
    """An e-mail address with the domain lower-cased. Full-width characters typed
    with a Chinese IME are folded (NFKC) and '。' in the domain read as '.';
    internationalised (e.g. Chinese) domains and local parts are accepted."""
    address = unicodedata.normalize("NFKC", _text(text).strip())
    if not address:
        raise InvalidValue("valid.required")
    if len(address) > 254:  # RFC 5321 path limit
        raise InvalidValue("valid.email.too_long", limit=254)
    if any(c.isspace() for c in address):
        raise InvalidValue("valid.email.space")
    if address.count("@") != 1:
        raise InvalidValue("valid.email.at")
    local, domain = address.split("@")
    if (not local or len(local) > 64 or local.startswith(".") or local.endswith(".")
            or ".." in local
            or any(c not in _EMAIL_LOCAL_ASCII and not (ord(c) > 127 and c.isalnum())
                   for c in local)):
        raise InvalidValue("valid.email.local")
    domain = domain.replace("。", ".").lower()
    labels = domain.split(".")
    if (len(labels) < 2 or any(
            not label or len(label) > 63 or label[0] == "-" or label[-1] == "-"
            or any(not (c.isalnum() or c == "-") for c in label) for label in labels)
            or not any(c.isalpha() for c in labels[-1])):
        raise InvalidValue("valid.email.domain")
    return f"{local}@{domain}"


# ------------------------------------------------------------------------ bank cards

def luhn_ok(digits: str) -> bool:
    """ISO/IEC 7812 Luhn check; False for anything that is not ASCII digits."""
    if not _is_digits(digits):
        return False
    total = 0
    for i, d in enumerate(reversed(digits)):
        n = int(d) * (2 if i % 2 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def check_bank_card(text: str) -> tuple[str, bool]:
    """(digits, luhn_ok). A Luhn failure is not an error: many UnionPay cards
    (62xxxx) are issued without a valid Luhn digit, so the caller only warns."""
    raw = _text(text)
    digits = normalize_code(raw) if len(raw) <= _MAX_CODE_INPUT else raw
    if not digits:
        raise InvalidValue("valid.required")
    if not _is_digits(digits):
        raise InvalidValue("valid.card.chars")
    if not 12 <= len(digits) <= 19:
        raise InvalidValue("valid.card.length", length=len(digits))
    return digits, luhn_ok(digits)


# ----------------------------------------------------------------------------- money

MONEY_LIMIT_YUAN = 10 ** 13
_SIGNS = ("+", "-", "−")  # NFKC leaves U+2212 MINUS SIGN alone
_MONEY = re.compile(r"([0-9]+|[0-9]{1,3}(?:,[0-9]{3})+)?(?:\.([0-9]*))?")


def _money_decimal(value: object) -> decimal.Decimal:
    """The amount in yuan as an exact Decimal, from a str, int or Decimal."""
    if isinstance(value, float):
        raise TypeError("money is never a float; pass str, int or decimal.Decimal")
    if isinstance(value, bool):
        raise TypeError("money cannot be a bool")
    if isinstance(value, int):
        return decimal.Decimal(value)
    if isinstance(value, decimal.Decimal):
        if not value.is_finite():
            raise InvalidValue("valid.money.format")
        return value
    text = _text(value)
    text = "".join(unicodedata.normalize("NFKC", text).split())  # '￥' -> '¥', '１' -> '1'
    if not text:
        raise InvalidValue("valid.required")
    if len(text) > 60:
        raise InvalidValue("valid.money.format")
    sign = ""
    if text.startswith(_SIGNS):
        sign, text = text[0].replace("−", "-"), text[1:]
    text = text.removeprefix("¥").removesuffix("元")
    if not sign and text.startswith(_SIGNS):  # '¥-12'
        sign, text = text[0].replace("−", "-"), text[1:]
    match = _MONEY.fullmatch(text)
    if not match or not any(c in _DIGITS for c in text):
        if re.fullmatch(r"[0-9,]+(?:\.[0-9]*)?", text):  # digits, but commas misplaced
            raise InvalidValue("valid.money.grouping")
        raise InvalidValue("valid.money.format")
    whole, fraction = match.group(1) or "0", match.group(2) or ""
    # Decimal(str) is exact (no context rounding).
    return decimal.Decimal(f"{sign.replace('+', '')}{whole.replace(',', '')}.{fraction}0")


def _to_fen(amount: decimal.Decimal) -> int:
    """Exact yuan -> fen, refusing a fraction of a fen. Works on the digit tuple:
    Decimal arithmetic rounds to the context precision and 10**exponent can be huge."""
    if amount.copy_abs() > MONEY_LIMIT_YUAN:  # comparison is exact
        raise InvalidValue("valid.money.too_large", limit=f"{MONEY_LIMIT_YUAN:,}")
    sign, digits, exponent = amount.as_tuple()
    number = "".join(map(str, digits)).lstrip("0")
    if not number:
        return 0
    shift = exponent + 2  # fen = int(digits) * 10**shift
    if shift >= 0:
        fen = int(number) * 10 ** shift  # shift is small: the amount is <= the limit
    else:
        if number[shift:].strip("0") if -shift <= len(number) else True:
            raise InvalidValue("valid.money.fraction")  # e.g. 1.234: never rounded
        fen = int(number[:shift] or "0")
    return -fen if sign else fen


def parse_money(value: str | int | decimal.Decimal) -> int:
    """A non-negative amount in yuan ('¥1,234.56', '１２元', 1234, Decimal) -> int fen."""
    fen = _to_fen(_money_decimal(value))
    if fen < 0:
        raise InvalidValue("valid.money.negative")
    return fen


def parse_signed_money(value: str | int | decimal.Decimal) -> int:
    """As parse_money, negatives allowed (net profit, retained earnings)."""
    return _to_fen(_money_decimal(value))


def format_money(fen: int, currency: str = "¥") -> str:
    """1234567 -> '¥12,345.67'; -5 -> '-¥0.05'."""
    if isinstance(fen, bool) or not isinstance(fen, int):
        raise TypeError("fen must be an int")
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    return f"{sign}{currency}{yuan:,}.{cents:02d}"


# ----------------------------------------------------------------------------- dates

MIN_YEAR, MAX_YEAR = 1900, 2200
_DATE_FORMS = (
    re.compile(r"([0-9]{4})([-/.])([0-9]{1,2})\2([0-9]{1,2})"),  # same separator twice
    re.compile(r"([0-9]{4})()([0-9]{2})([0-9]{2})"),
    re.compile(r"([0-9]{4})年()([0-9]{1,2})月([0-9]{1,2})[日号]?"),
)


def parse_date(value: str | datetime.date, field_kind: str = "date") -> str:
    """A date in one of the explicit forms clerks write -> 'YYYY-MM-DD'.
    ``field_kind`` is passed into the messages' parameters (as ``kind``) so a
    caller may tell which sort of date was wrong; it does not change the rules."""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        year, month, day = value.year, value.month, value.day
    else:
        text = "".join(unicodedata.normalize("NFKC", _text(value)).split())
        if not text:
            raise InvalidValue("valid.required")
        match = next((m for m in (f.fullmatch(text) for f in _DATE_FORMS) if m), None)
        if match is None:
            raise InvalidValue("valid.date.format", kind=field_kind)
        year, month, day = int(match.group(1)), int(match.group(3)), int(match.group(4))
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise InvalidValue("valid.date.range", min_year=MIN_YEAR, max_year=MAX_YEAR,
                           kind=field_kind)
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        raise InvalidValue("valid.date.impossible", date=f"{year:04d}-{month:02d}-{day:02d}",
                           kind=field_kind) from None


def age_on(birth: datetime.date, on: datetime.date) -> int:
    """Age in whole years on a day. Someone born on 29 February turns a year older
    on 28 February in non-leap years (dateutil.relativedelta's rule)."""
    if isinstance(birth, datetime.datetime):
        birth = birth.date()
    if isinstance(on, datetime.datetime):
        on = on.date()
    if on < birth:
        raise ValueError("the day is before the birth date")
    return relativedelta(on, birth).years


# ------------------------------------------------------------------- names and text

# Punctuation real person and company names use: the middle dots of transliterated
# names (· • ・ ‧), O'Brien (also the typographic ’), brackets in branch names.
_NAME_PUNCTUATION = frozenset("·•・‧.-－()（）&＆'’,，、")
_SPACE_RUNS = re.compile(r"[\t\n\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000 ]+")


def _name_char_ok(char: str) -> bool:
    code = ord(char)
    if code > 0xFFFF:
        # Planes 2 and 3 hold only CJK ideographs (Extension B onwards): real names
        # use them, and Python's Unicode tables may be older than the user's IME,
        # so accept the whole planes bar the noncharacters. Other astral characters
        # are emoji, musical symbols, styled maths letters...
        return 0x20000 <= code <= 0x3FFFF and code & 0xFFFE != 0xFFFE
    category = unicodedata.category(char)
    if category[0] == "L" or category in ("Nd", "Nl", "Mn", "Mc"):  # Nl: 〇
        return char not in "\ufe0e\ufe0f"  # emoji/text presentation selectors
    return char == " " or char in _NAME_PUNCTUATION


def check_name(text: str, max_len: int = 100) -> str:
    """A person's or a company's name: spaces folded, letters of any script, digits,
    and the punctuation names use; no control characters, emoji or symbols."""
    raw = _text(text)
    if len(raw) > 4 * max_len + 1000:  # cannot fold to max_len; refuse before the slow part
        raise InvalidValue("valid.name.too_long", limit=max_len, length=len(raw.strip()))
    name = _SPACE_RUNS.sub(" ", raw).strip(" ")
    if not name:
        raise InvalidValue("valid.required")
    for char in name:
        if not _name_char_ok(char):
            if unicodedata.category(char)[0] == "C":  # Cc Cf Cs Co Cn: nothing to show
                raise InvalidValue("valid.name.control", code=_code_points(char))
            raise InvalidValue("valid.name.char", char=char)
    if len(name) > max_len:
        raise InvalidValue("valid.name.too_long", limit=max_len, length=len(name))
    return name


# C0 and C1 controls except tab and newline, and lone surrogates (not storable as UTF-8).
_TEXT_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def check_text(text: str, max_len: int = 4000) -> str:
    """Free text (notes, summaries): stripped, line ends made '\\n', tabs and
    newlines kept, other control characters refused. The length is checked first
    so a pasted 10 MB file is refused at once."""
    body = _text(text).strip()
    if len(body) > max_len:
        raise InvalidValue("valid.text.too_long", limit=max_len, length=len(body))
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    bad = _TEXT_CONTROL.search(body)
    if bad:
        line = body.count("\n", 0, bad.start()) + 1
        raise InvalidValue("valid.text.control", line=line, code=_code_points(bad.group()))
    return body


# Characters that change the direction of text or are invisible (Unicode "format"
# characters, Cf: U+202E RIGHT-TO-LEFT OVERRIDE and the like): in a one-line field they
# can make a name or code print as something else on another user's screen or terminal.
def check_line(text: str, max_len: int = 200) -> str:
    """One line of text (an address, a firm name): as ``check_text``, and no line breaks,
    tabs, or direction-changing and invisible format characters."""
    body = check_text(text, max_len)
    for char in body:
        if char in "\n\t" or unicodedata.category(char) in ("Cf", "Cc", "Zl", "Zp"):
            raise InvalidValue("valid.line.control", code=_code_points(char))
    return body


# --------------------------------------------------------------- choices and numbers

class ChoiceList(str):
    """The allowed values of a choice, shown in a message by their labels in the language of
    the moment (个人、企业), not by the stored keys; as plain text it is the keys."""

    def __new__(cls, values: list[str]):
        text = super().__new__(cls, ", ".join(values))
        text.values = list(values)
        return text

    def _labels(self) -> str:
        from .fields import choice_label      # late: fields imports this module
        return ("、" if i18n.language() == "zh" else ", ").join(choice_label(v) for v in self.values)

    def __format__(self, spec: str) -> str:
        return format(self._labels(), spec)

    def __str__(self) -> str:
        return self._labels()


def check_choice(value: str, choices: Iterable[str]) -> str:
    """``value`` stripped and lower-cased, if it is one of ``choices``."""
    allowed = list(choices)
    folded = _text(value).strip().lower()
    if folded in allowed:
        return folded
    if not folded:
        raise InvalidValue("valid.required")
    raise InvalidValue("valid.choice", value=_shown(folded), allowed=ChoiceList(allowed))


def check_int(value: int | str, minimum: int | None = None, maximum: int | None = None) -> int:
    """A whole number from an int, an integral float (spreadsheets give 3.0) or a
    string of digits (full-width folded), within [minimum, maximum]."""
    if isinstance(value, bool):
        raise TypeError("a bool is not a number")
    if isinstance(value, int):
        number = value
    elif isinstance(value, (float, decimal.Decimal)):
        if isinstance(value, decimal.Decimal):
            finite = value.is_finite() and value.copy_abs() < 10 ** 30  # exact, no context
        else:
            finite = math.isfinite(value) and abs(value) < 1e30
        # The bound keeps int() fast (Decimal('1E+999999999') is a legal Decimal).
        if not finite or value != int(value):
            raise InvalidValue("valid.int.format")
        number = int(value)
    else:
        text = "".join(unicodedata.normalize("NFKC", _text(value)).split())
        if not text:
            raise InvalidValue("valid.required")
        body = text[1:] if text[0] in "+-" else text
        # 30 digits is far beyond any count a clerk enters, and keeps int() fast.
        if not _is_digits(body) or len(body) > 30:
            raise InvalidValue("valid.int.format")
        number = int(text)
    if minimum is not None and number < minimum:
        raise InvalidValue("valid.int.too_small", minimum=minimum)
    if maximum is not None and number > maximum:
        raise InvalidValue("valid.int.too_large", maximum=maximum)
    return number

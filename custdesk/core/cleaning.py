"""Turn what a user typed into stored values, collecting every bad field at once."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Callable, Iterable

from . import i18n, validation as v
from .errors import FieldError, ValidationError
from .fields import Field
from .users import parse_level

i18n.register({
    "field.required": ("必填", "is required"),
    "field.unknown": ("没有这个字段（可用：{choices}）", "no such field (available: {choices})"),
    "field.not_for_kind": ("{kind}客户没有此字段", "{kind} customers do not have this field"),
    "field.bool_bad": ("请填 是/否", "expected yes or no"),
    "field.period_bad": ("期间格式为 YYYY、YYYY-MM 或 YYYY-Q1…Q4",
                         "a period is YYYY, YYYY-MM or YYYY-Q1..Q4"),
    "field.user_unknown": ("没有用户 {name}", "there is no user {name}"),
    "field.passport_bad": ("证件号码应为 5–20 位字母或数字", "expected 5-20 letters or digits"),
    "field.card_luhn": ("卡号未通过 Luhn 校验，请核对（部分银行卡确实如此，可照常保存）",
                        "the card number fails the Luhn check; please check it (some real cards do)"),
    "field.prc_bad": ("永久居留身份证号码格式不正确", "not a valid permanent residence ID number"),
    "field.birth_mismatch": ("出生日期与证件号码不符（证件上为 {expected}）",
                             "does not match the ID number ({expected})"),
    "field.gender_mismatch": ("性别与证件号码不符", "does not match the ID number"),
})

_TRUE = {"1", "true", "yes", "y", "是", "对", "√"}
_FALSE = {"0", "false", "no", "n", "否", "不", "×"}


def _bool(value) -> int:
    if isinstance(value, bool):
        return int(value)
    text = str(value).strip().lower()
    if text in _TRUE:
        return 1
    if text in _FALSE:
        return 0
    raise v.InvalidValue("field.bool_bad")


def _period(value) -> str:
    text = unicodedata.normalize("NFKC", str(value)).strip().upper().replace("/", "-")
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})|-Q([1-4]))?", text)
    if not m or not 1900 <= int(m.group(1)) <= 2200 or (m.group(2) and not 1 <= int(m.group(2)) <= 12):
        raise v.InvalidValue("field.period_bad")
    if m.group(2):
        return f"{m.group(1)}-{int(m.group(2)):02d}"
    return text


def _passport(value) -> str:
    text = v.normalize_code(str(value))
    if not re.fullmatch(r"[A-Z0-9]{5,20}", text):
        raise v.InvalidValue("field.passport_bad")
    return text


def _permanent_residence(value) -> str:
    # Foreigners' permanent residence cards: the 2017 card has 18 digits starting
    # with 9 and the GB 11643 check digit; older cards have 3 letters + 12 digits.
    text = v.normalize_code(str(value))
    if re.fullmatch(r"[A-Z]{3}\d{12}", text):
        return text
    if re.fullmatch(r"9\d{16}[\dX]", text):
        if v.id_check_char(text[:17]) != text[17]:
            raise v.InvalidValue("valid.id.checksum", warning=True, expected=v.id_check_char(text[:17]))
        return text
    raise v.InvalidValue("field.prc_bad")


SIMPLE: dict[str, Callable] = {
    "name": lambda x, f: v.check_name(str(x), f.max_len),
    "line": lambda x, f: v.check_line(str(x), f.max_len),
    "text": lambda x, f: v.check_text(str(x), f.max_len),
    "choice": lambda x, f: v.check_choice(str(x), f.choices),
    "date": lambda x, f: v.parse_date(x),
    "money": lambda x, f: v.parse_money(x),
    "signed_money": lambda x, f: v.parse_signed_money(x),
    "int": lambda x, f: v.check_int(x, minimum=0),
    "credit_code": lambda x, f: v.check_uscc(str(x)),
    "mobile": lambda x, f: v.check_mobile(str(x)),
    "phone": lambda x, f: v.check_phone(str(x)),
    "email": lambda x, f: v.check_email(str(x)),
    "bool": lambda x, f: _bool(x),
    "period": lambda x, f: _period(x),
}


def clean_line(value: str | None, max_len: int = 200, field: str = "firm") -> str:
    """A one-line text typed outside a form (a firm name): checked as a ``line`` field."""
    return check_one(field, v.check_line, value or "", max_len)


def check_one(field: str, checker: Callable, value, *args, **kwargs):
    """Run one validation checker on a value outside a form, as a ValidationError on ``field``."""
    try:
        return checker(value, *args, **kwargs)
    except v.InvalidValue as bad:
        raise ValidationError(bad.to_field_error(field)) from None


def check_reason(reason: str | None) -> str:
    """A reason for a reveal, an override or a decision: required, one paragraph of text."""
    reason = check_one("reason", v.check_text, reason or "", 500)
    if not reason:
        raise ValidationError(FieldError("reason", "access.reason"))
    return reason


def _is_empty(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def clean_fields(fields: Iterable[Field], values: dict, *, required: bool,
                 overrides: dict[str, str] | None = None, known_users: Callable[[str], bool] | None = None,
                 id_type: str = "resident_id") -> tuple[dict, dict, list[FieldError]]:
    """Check ``values`` against ``fields``.

    Returns (clean values, accepted overrides {field: reason}, warnings shown
    but not blocking). Raises one ValidationError listing every bad field.
    ``required`` enforces required fields (on creation, not on partial edits).
    """
    by_key = {f.key: f for f in fields}
    overrides = {k: r.strip() for k, r in (overrides or {}).items() if r and r.strip()}
    errors: list[FieldError] = []
    notes: list[FieldError] = []
    clean: dict = {}
    accepted: dict = {}
    for key, raw in values.items():
        field = by_key.get(key)
        if field is None:
            errors.append(FieldError(key, "field.unknown", {"choices": ", ".join(by_key)}))
            continue
        if _is_empty(raw):
            if field.required:
                errors.append(FieldError(key, "field.required"))
            else:
                clean[key] = None
            continue
        try:
            clean[key] = _clean_one(field, raw, known_users, id_type, notes)
        except v.InvalidValue as bad:
            if bad.warning and key in overrides:
                clean[key] = bad.keep if bad.keep is not None else v.normalize_code(str(raw))
                accepted[key] = overrides[key]
            else:
                errors.append(bad.to_field_error(key))
    if required:
        for field in by_key.values():
            if field.required and field.key not in values:
                errors.append(FieldError(field.key, "field.required"))
    if errors:
        raise ValidationError(errors)
    return clean, accepted, notes


def _clean_one(field: Field, raw, known_users, id_type: str, notes: list) -> object:
    if field.type == "level":
        try:
            return parse_level(raw)
        except ValidationError as exc:
            raise v.InvalidValue(exc.errors[0].key, **exc.errors[0].params) from None
    if field.type == "user":
        name = str(raw).strip()
        if known_users is not None and not known_users(name):
            raise v.InvalidValue("field.user_unknown", name=name)
        return name
    if field.type == "id_number":
        if id_type == "passport":
            return _passport(raw)
        if id_type == "permanent_residence":
            return _permanent_residence(raw)
        return v.check_resident_id(str(raw)).number
    if field.type == "bank_card":
        digits, luhn_ok = v.check_bank_card(str(raw))
        if not luhn_ok:
            notes.append(FieldError(field.key, "field.card_luhn", warning=True))
        return digits
    return SIMPLE[field.type](raw, field)


def identity_facts(id_type: str, number: str | None) -> dict:
    """Birth date and gender that a resident ID number states (empty when none)."""
    if id_type != "resident_id" or not number or not re.fullmatch(r"\d{17}[\dX]", number):
        return {}
    try:
        born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return {}
    return {"birth_date": born.isoformat(), "gender": "male" if int(number[16]) % 2 else "female"}

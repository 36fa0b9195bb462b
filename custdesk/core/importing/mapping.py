"""Which column is which field: the header aliases, in Chinese and English, in one place.

Every field answers to its key and its Chinese and English label (``fields.py``);
``ALIASES`` adds the other names import files use. Headers are compared after
``header_key``: full-width folded to half-width, case, spaces, ``_ - . :`` and
a trailing bracket (``月收入（元）``) ignored. An explicit mapping ``{header: key}``
(the window saves one per file layout) overrides the aliases.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from .. import i18n
from ..errors import FieldError, ValidationError
from ..fields import CHOICE_LABELS, CUSTOMER_FIELDS, LEVEL_LABELS, RECORD_KINDS, Field
from .reading import ImportFileError

i18n.register({
    "import.mapping_bad": ("映射中没有字段 {key}（可用：{choices}）",
                           "the mapping names no field {key} (available: {choices})"),
    "import.column_twice": ("“{first}”和“{second}”两列都对应“{field}”",
                            "the columns “{first}” and “{second}” both give “{field}”"),
    "import.column_missing": ("文件缺少“{field}”列", "the file has no “{field}” column"),
    "import.lookup_missing": ("文件缺少客户编号、证件号码或统一社会信用代码列",
                              "the file needs a customer code, ID number or credit code column"),
})

TARGETS = ("customers", "financials", "transactions")

# Columns of a record import that say whose record it is (not record fields).
LOOKUP_FIELDS: tuple[Field, ...] = (
    Field("code", "客户编号", "Customer code", "line"),
    Field("id_number", "证件号码", "ID number", "id_number", sensitive="id_number", mask="id"),
    Field("credit_code", "统一社会信用代码", "Unified social credit code", "credit_code"),
)

# Columns of a customer import that make the file's contact record (``records`` kind
# "contacts"): the person to call at a firm, a landline, an e-mail.
CONTACT_FIELDS: tuple[Field, ...] = tuple(
    Field(f"contact_{f.key}", f"联系人{f.zh}" if f.key != "name" else "联系人",
          f"Contact {f.en[0].lower()}{f.en[1:]}" if f.key != "name" else "Contact person",
          f.type, "contacts",
          max_len=f.max_len)
    for f in RECORD_KINDS["contacts"].fields if f.key in ("name", "position", "phone", "email"))

# Headers that number the rows of an export and say nothing about the customer.
ROW_NUMBER_HEADERS = ("序号", "行号", "no", "#", "序")

_LOOKUP_ALIASES = {
    "code": ("客户编号", "客户代码", "客户编码", "编号", "客户号", "code", "customer code",
             "customer no"),
    "id_number": ("证件号码", "证件号", "身份证号", "身份证号码", "身份证", "id number", "id no",
                  "id card"),
    "credit_code": ("统一社会信用代码", "信用代码", "社会信用代码", "credit code", "uscc"),
}

#: target -> field key -> the names besides the key and the labels of ``fields.py``
ALIASES: dict[str, dict[str, tuple[str, ...]]] = {
    # Besides the usual names, the headers of the customer lists Chinese ERPs and CRMs export
    # (Kingdee and Yonyou customer archives, RuoYi-based CRMs and the 27-column customer
    # import of a RuoYi finance system, Fxiaoke, and the Chinese exports of ERPNext and Odoo).
    # A column whose values do not fit its field is left out and suggested (``fit_columns``).
    "customers": {
        "name": ("客户名称", "客户名", "名称", "姓名", "企业名称", "公司名称", "单位名称", "户名",
                 "客户全称", "往来单位名称", "往来单位", "客户姓名", "显示名称", "客户",
                 "customer name", "full name", "company name", "customer"),
        "kind": ("客户类型", "类型", "类别", "客户性质", "主体类型", "type", "customer type"),
        "status": ("客户状态", "状态"),
        "tier": ("客户等级", "客户级别", "客户分级", "tier"),
        "level": ("保密级别", "密级", "保密等级", "level", "confidentiality"),
        "owner": ("负责专员", "客户经理", "专员", "业务负责人", "负责人", "业务员", "销售员",
                  "所属销售", "归属人", "owner", "salesperson"),
        "phone": ("手机", "手机号", "手机号码", "电话", "联系电话", "电话号码", "移动电话", "联系手机",
                  "mobile", "tel", "telephone", "phone number"),
        "email": ("电子邮箱", "邮箱", "电子邮件", "email", "mail", "e-mail"),
        "address": ("地址", "联系地址", "住址", "注册地址", "通讯地址", "公司地址", "详细地址",
                    "办公地址", "客户地址", "街道", "street"),
        "tags": ("标签",),
        "notes": ("备注", "说明", "remark", "remarks", "memo", "note"),
        "gender": ("性别", "sex"),
        "birth_date": ("出生日期", "生日", "birthday", "date of birth", "dob"),
        "id_type": ("证件类型", "id type"),
        "id_number": _LOOKUP_ALIASES["id_number"],
        "wechat": ("微信", "微信号", "wechat id"),
        "employer": ("工作单位", "单位", "employer"),
        "monthly_income": ("月收入", "月薪", "monthly income", "income"),
        "bank_card": ("银行卡号", "银行卡", "银行账号", "卡号", "bank card", "card number"),
        "credit_code": _LOOKUP_ALIASES["credit_code"] + (
            "纳税人识别号", "税号", "税务登记号", "纳税登记号", "统一社会信用代码/税号", "tax id", "vat"),
        "legal_rep": ("法定代表人", "法人", "法人代表", "legal representative", "legal rep"),
        "registered_capital": ("注册资本", "注册资金", "registered capital"),
        "founding_date": ("成立日期", "成立时间", "注册日期", "founded", "founding date"),
        "industry": ("行业", "所属行业", "行业划分", "行业类别", "行业分类", "客户行业", "industry"),
        "employees": ("员工人数", "职工人数", "人数", "公司规模(人)", "employees"),
        "business_scope": ("经营范围",),
        "contact_name": ("联系人", "客户联系人", "联系人姓名", "首要联系人", "主联系人", "联系人名称",
                         "contact", "contact name", "contact person"),
        "contact_position": ("联系人职务", "联系人职位", "contact title"),
        "contact_phone": ("座机电话", "座机", "固定电话", "办公电话", "联系人电话", "landline",
                          "office phone"),
        "contact_email": ("QQ/E-mail", "QQ/邮箱", "联系人邮箱", "contact email"),
    },
    "financials": {
        **_LOOKUP_ALIASES,
        "period": ("期间", "报表期间", "会计期间", "年度", "年份", "period", "year"),
        "revenue": ("营业收入", "主营业务收入", "营业总收入", "revenue", "sales"),
        "net_profit": ("净利润", "net profit", "net income"),
        "total_assets": ("资产总额", "资产总计", "总资产", "total assets"),
        "current_assets": ("流动资产", "流动资产合计", "current assets"),
        "total_liabilities": ("负债总额", "负债合计", "总负债", "total liabilities"),
        "current_liabilities": ("流动负债", "流动负债合计", "current liabilities"),
        "equity": ("所有者权益", "所有者权益合计", "股东权益", "净资产", "equity"),
        "operating_cash_flow": ("经营活动现金流", "经营活动产生的现金流量净额", "经营现金流",
                                "operating cash flow"),
        "receivables": ("应收账款", "receivables"),
        "inventory": ("存货", "inventory"),
        "notes": ("备注", "说明", "remarks"),
    },
    "transactions": {
        **_LOOKUP_ALIASES,
        "kind": ("类别", "类型", "交易类型", "单据类型", "type", "kind"),
        "ref_no": ("单号", "单据号", "发票号", "发票号码", "凭证号", "ref", "ref no", "reference"),
        "occurred_on": ("日期", "交易日期", "开票日期", "收款日期", "业务日期", "date"),
        "due_date": ("到期日", "到期日期", "应收日期", "due", "due date"),
        "amount": ("金额", "交易金额", "发票金额", "收款金额", "amount"),
        "invoice_ref": ("对应发票", "核销发票", "关联发票", "invoice ref", "settles invoice"),
        "notes": ("备注", "说明", "remarks"),
    },
}

#: values a choice or level cell may hold besides the value and its labels (``CHOICE_LABELS``)
VALUE_ALIASES: dict[str, dict[str, str]] = {
    "kind": {"个人客户": "individual", "自然人": "individual", "person": "individual",
             "企业客户": "enterprise", "公司": "enterprise", "单位": "enterprise",
             "company": "enterprise"},
    "gender": {"男性": "male", "女性": "female", "m": "male", "f": "female"},
    "transaction_kind": {"开票": "invoice", "销售": "invoice", "应收": "invoice",
                         "回款": "payment", "收款单": "payment", "付款": "payment"},
    "level": {label.lower(): name for name, (zh, en) in LEVEL_LABELS.items() for label in (zh, en)},
}

_IGNORED = re.compile(r"[\s_\-.:·*]+")
_TRAILING_BRACKET = re.compile(r"[(\[][^()\[\]]*[)\]]$")


def header_key(text: str) -> str:
    """The form in which headers are compared: NFKC (full-width to half-width),
    case-folded, without spaces, ``_ - . : · *``."""
    return _IGNORED.sub("", unicodedata.normalize("NFKC", str(text))).casefold()


def target_fields(target: str) -> dict[str, Field]:
    """The fields a target's columns may give, by key."""
    if target == "customers":
        return {f.key: f for f in CUSTOMER_FIELDS + CONTACT_FIELDS}
    if target not in TARGETS:
        raise ValueError(f"unknown import target {target!r}")
    out = {f.key: f for f in LOOKUP_FIELDS}
    out.update({f.key: f for f in RECORD_KINDS[target].fields})
    return out


def alias_table(target: str) -> dict[str, str]:
    """header_key(alias) -> field key for one target."""
    table: dict[str, str] = {}
    fields = target_fields(target)
    for key, field in fields.items():
        for name in (key, field.zh, field.en):
            table.setdefault(header_key(name), key)
    for key, names in ALIASES[target].items():
        for name in names:
            table.setdefault(header_key(name), key)
    return table


def _lookup(table: dict[str, str], header: str) -> str | None:
    key = header_key(header)
    if key in table:
        return table[key]
    bare = _TRAILING_BRACKET.sub("", unicodedata.normalize("NFKC", str(header)).strip())
    return table.get(header_key(bare))


def map_headers(headers: list[str], target: str,
                explicit: dict[str, str | None] | None = None) -> tuple[dict[int, str], list[str]]:
    """({column index: field key}, unknown headers). ``explicit`` maps a header (compared
    as ``header_key``) to a field key, or to None/"" to leave the column out.

    :raises ValidationError: the explicit mapping names a field the target has not.
    :raises ImportFileError: two columns give one field, or a needed column is missing.
    """
    fields = target_fields(target)
    chosen: dict[str, str | None] = {}
    for header, key in (explicit or {}).items():
        if key and key not in fields:
            raise ValidationError(FieldError("mapping", "import.mapping_bad",
                                             {"key": key, "choices": ", ".join(fields)}))
        chosen[header_key(header)] = key or None
    table = alias_table(target)
    columns: dict[int, str] = {}
    unknown: list[str] = []
    taken: dict[str, str] = {}
    for index, header in enumerate(headers):
        if not str(header).strip():
            continue
        if header_key(header) in chosen:
            key = chosen[header_key(header)]
        elif header_key(header) in _ROW_NUMBERS:
            continue                      # the export's own row numbers
        else:
            key = _lookup(table, header)
        if key is None:
            if header_key(header) not in chosen:
                unknown.append(header)
            continue
        if key in taken:
            raise ImportFileError(i18n.tr("import.column_twice", first=taken[key], second=header,
                                          field=_label(fields[key])))
        taken[key] = header
        columns[index] = key
    _require_columns(target, set(columns.values()), fields)
    return columns, unknown


_ROW_NUMBERS = {header_key(h) for h in ROW_NUMBER_HEADERS}
# Fields whose cells are checked cell by cell however few fit: an e-mail column headed
# "QQ/E-mail" holds QQ numbers too (kept in the contact's notes).
_LENIENT = {"contact_email", "notes"}
#: a column is taken for its field when at least this share of its sampled cells fit
FIT_SHARE = 0.5
#: ... of at least this many non-empty cells (in a shorter column a bad cell is reported as such)
FIT_MIN = 3


def fit_columns(columns: dict[int, str], headers: list[str], sample: list[list[str]],
                target: str, explicit: dict | None = None,
                known_users=None) -> tuple[dict[int, str], list[dict]]:
    """Columns whose sampled values do not fit the field the header suggests are left out:
    (columns kept, [{"column", "field", "fit", "checked"}] of those left out). A column the
    user mapped by hand (``explicit``) is kept as mapped."""
    from ..cleaning import clean_fields
    fields = target_fields(target)
    chosen = {header_key(h) for h in (explicit or {})}
    kept, left = {}, []
    for index, key in columns.items():
        field = fields[key]
        if key in _LENIENT or header_key(headers[index]) in chosen or field.type in ("text", "line"):
            kept[index] = key
            continue
        values = [row[index].strip() for row in sample if index < len(row) and row[index].strip()]
        fit = 0
        for value in values:
            text = normalise_cell(field, value)
            try:
                clean_fields([field], {key: text}, required=False, known_users=known_users)
                fit += 1
            except ValidationError:
                pass
            except Exception:        # a checker that needs context it has not here
                fit += 1
        if len(values) >= FIT_MIN and fit < FIT_SHARE * len(values):
            left.append({"column": headers[index], "field": key, "fit": fit, "checked": len(values)})
        else:
            kept[index] = key
    return kept, left


# Words a firm's name holds and a person's does not (公司, 有限, 厂, 合作社, 事务所 ...).
_FIRM_WORDS = re.compile(r"公司|有限|集团|企业|厂|店|行$|社|所$|中心|院$|学校|银行|商行|经营部|工作室|协会|"
                         r"基金|医院|酒店|超市|门市|站$|馆$|部$|处$|局$|委员会|"
                         r"\b(co|ltd|inc|llc|corp|company|gmbh|limited)\b", re.IGNORECASE)
_PERSON = re.compile(r"[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,3}·[\u4e00-\u9fff]{1,8}")


def kind_from_name(name: str) -> str | None:
    """"enterprise" for a name that reads as a firm's, "individual" for two to four
    Chinese characters (or a name with the middle dot), None when the name does not say."""
    name = unicodedata.normalize("NFKC", str(name)).strip()
    if not name:
        return None
    if _FIRM_WORDS.search(name):
        return "enterprise"
    if _PERSON.fullmatch(name):
        return "individual"
    return None


def suggest(headers: list[str], target: str, sample: list[list[str]] | None = None,
            known_users=None) -> list[str | None]:
    """For each header, the field the aliases read it as (None: unknown, blank, a field an
    earlier column already gives, or — with ``sample`` rows — a field its values do not fit,
    as ``fit_columns`` judges) — the starting point of the window's mapping step."""
    if sample is not None and target == "customers":
        guesses = suggest(headers, target)
        kept, _left = fit_columns({i: k for i, k in enumerate(guesses) if k}, headers, sample,
                                  target, known_users=known_users)
        return [kept.get(i) for i in range(len(headers))]
    table = alias_table(target)
    taken: set[str] = set()
    out: list[str | None] = []
    for header in headers:
        key = _lookup(table, header) if str(header).strip() else None
        if key in taken:
            key = None
        if key:
            taken.add(key)
        out.append(key)
    return out


def header_unit(header: str) -> int:
    """How many yuan one unit of a money column is, from its header: 10,000 for
    ``营业收入（万元）`` or ``营业收入(万元)``; 1 when the header names no larger unit."""
    folded = unicodedata.normalize("NFKC", str(header)).replace(" ", "")
    for unit, factor in sorted(MONEY_UNITS, key=lambda u: -len(u[0])):
        if unit in folded:
            return factor
    return 1


def scale_money(text: str, factor: int) -> str:
    """A money cell under a header unit, in yuan (text the money check reads). Text that
    is not a plain number is left as it is, for the check to refuse with its reason."""
    if factor == 1:
        return text
    bare = re.sub(r"[,，¥￥元\s]", "", text)
    if not _NUMBER.fullmatch(bare):
        return text
    return format(Decimal(bare) * factor, "f")


def field_label(field: Field) -> str:
    """A field's label in the current language."""
    return _label(field)


def _label(field: Field) -> str:
    return field.zh if i18n.language() == "zh" else field.en


def _require_columns(target: str, keys: set[str], fields: dict[str, Field]) -> None:
    if target == "customers":
        needed = ["name"]
    else:
        if not keys & {f.key for f in LOOKUP_FIELDS}:
            raise ImportFileError(i18n.tr("import.lookup_missing"))
        needed = [f.key for f in RECORD_KINDS[target].fields if f.required]
    for key in needed:
        if key not in keys:
            raise ImportFileError(i18n.tr("import.column_missing", field=_label(fields[key])))


# -- cells ---------------------------------------------------------------------------------
_WIDE = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
# Types whose cells are codes, numbers, dates or choices: full-width folded, spaces dropped.
_FOLDED_TYPES = {"choice", "date", "money", "signed_money", "int", "level", "id_number",
                 "credit_code", "mobile", "phone", "email", "bank_card", "bool", "period", "user"}
_SPACES = re.compile(r"[\s\u00a0\u3000]+")
_ACCOUNTING = re.compile(r"\(([^()]+)\)")
_FORMULA_STARTS = ("=", "+", "-", "@")
# Money columns headed with a unit: 营业收入（万元）. The amount in the cell is multiplied
# out, so 1,234.5 under 万元 is stored as 12,345,000 yuan. Longest first: 百万元 before 万元.
MONEY_UNITS = (("百万元", 1_000_000), ("亿元", 100_000_000), ("千万元", 10_000_000),
               ("万元", 10_000), ("千元", 1_000))
_YEAR = re.compile(r"(\d{4})年(?:度)?")
_MONTH = re.compile(r"(\d{4})(?:年|[-/.])(\d{1,2})月?")
_QUARTER = re.compile(r"(\d{4})(?:年)?[-/ ]?(?:[Qq]([1-4])|第([一二三四1-4])季度?)")
_QUARTER_WORDS = {"一": "1", "二": "2", "三": "3", "四": "4"}
_NUMBER = re.compile(r"[-+]?\d+(\.\d+)?")


def fold_width(text: str) -> str:
    """Full-width ASCII (！ to ～) and the ideographic space to their half-width forms."""
    return text.translate(_WIDE)


def normalise_cell(field: Field, text: str, value_aliases: str | None = None) -> str:
    """A cell as the field's checker should see it: surrounding spaces (U+3000 too)
    gone; for codes, numbers, dates and choices full-width folded and inner spaces
    dropped (phones keep theirs: ``010 1234 5678``); a choice given by its label
    (``个人``, ``Enterprise``, ``发票``) turned into its value."""
    text = str(text).strip().strip("\u3000\u00a0").strip()
    if text.startswith("'") and (field.type in _FOLDED_TYPES or text[1:2] in _FORMULA_STARTS):
        # Excel's "keep as text" mark (and the quote this program's CSV exports put
        # before text that looks like a formula) is not part of the value.
        text = text[1:].strip()
    if not text or field.type not in _FOLDED_TYPES:
        return text
    text = fold_width(text)
    if field.type == "period":
        return _period(_SPACES.sub("", text))
    if field.type in ("money", "signed_money"):
        # Accounting notation: (50,000) or （50,000） is minus 50,000.
        bracketed = _ACCOUNTING.fullmatch(_SPACES.sub("", text))
        if bracketed:
            text = "-" + bracketed.group(1)
    if field.type == "phone" or field.type == "mobile" or field.type == "user":
        return text.strip()
    if field.type in ("date",) and "年" in text:
        return _SPACES.sub("", text)
    text = _SPACES.sub("" if field.type != "choice" else " ", text).strip()
    if field.type == "choice":
        return choice_value(field, text, value_aliases)
    if field.type == "level":
        return VALUE_ALIASES["level"].get(text.lower(), text)
    return text


def _period(text: str) -> str:
    """Periods as offices write them, in the form the check reads: 2021年 → 2021,
    2024年8月 / 2024/8 / 2024.8 → 2024-08, 2024Q1 / 2024-q1 / 2024年第一季度 → 2024-Q1.
    Anything else is left for the check to refuse."""
    found = _YEAR.fullmatch(text)
    if found:
        return found.group(1)
    found = _MONTH.fullmatch(text)
    if found and 1 <= int(found.group(2)) <= 12:
        return f"{found.group(1)}-{int(found.group(2)):02d}"
    found = _QUARTER.fullmatch(text)
    if found:
        number = found.group(2) or found.group(3)
        return f"{found.group(1)}-Q{_QUARTER_WORDS.get(number, number)}"
    return text


def choice_value(field: Field, text: str, aliases: str | None = None) -> str:
    folded = text.casefold()
    if folded in field.choices:
        return folded
    extra = VALUE_ALIASES.get(aliases or field.key, {})
    if folded in extra and extra[folded] in field.choices:
        return extra[folded]
    for value in field.choices:
        zh, en = CHOICE_LABELS.get(value, (None, None))
        if folded in ((zh or "").casefold(), (en or "").casefold()):
            return value
    return text

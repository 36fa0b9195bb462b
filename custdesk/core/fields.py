"""Every field a customer file holds: label, type, checker and sensitivity, in one place.

The archive, masking, the command line (``--field KEY=VALUE``) and the window's
forms all read these definitions, so a field is described once.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import i18n

LEVELS = ("public", "internal", "confidential", "secret")
# The level a new file gets when nobody chooses one (the form, an import, the command line),
# and so the clearance a new user gets by default: a user cleared below it would see none
# of the files made every day.
DEFAULT_FILE_LEVEL = 1          # internal, 内部
LEVEL_LABELS = {"public": ("公开", "Public"), "internal": ("内部", "Internal"),
                "confidential": ("秘密", "Confidential"), "secret": ("机密", "Secret")}

KINDS = ("individual", "enterprise")
STATUSES = ("prospect", "active", "suspended", "closed", "blacklisted")
TIERS = ("vip", "key", "normal")
ID_TYPES = ("resident_id", "passport", "permanent_residence")
GENDERS = ("male", "female")
HOUSING = ("own", "mortgage", "rent", "family", "other")

BOTH = ("individual", "enterprise")
IND = ("individual",)
ENT = ("enterprise",)


@dataclass(frozen=True)
class Field:
    key: str
    zh: str
    en: str
    type: str                      # name, line, text, choice, date, money, signed_money, int,
                                   # level, id_number, credit_code, mobile, phone, email, bank_card, user, bool
    table: str = "customers"       # where the value lives (customers / individuals / enterprises / a record table)
    kinds: tuple = BOTH            # customer kinds that have this field
    choices: tuple = ()
    max_len: int = 200
    required: bool = False
    # Sensitive fields are masked until revealed, and only users cleared to
    # ``default_level`` (changeable per database by a manager) may reveal them.
    sensitive: str | None = None   # the key under which it is revealed / levelled
    mask: str = "all"              # id, phone, card, amount, all


def _f(*args, **kw) -> Field:
    return Field(*args, **kw)


# -- the customer file -----------------------------------------------------------------
CUSTOMER_FIELDS: tuple[Field, ...] = (
    _f("name", "名称", "name", "name", required=True),
    _f("kind", "类型", "kind", "choice", choices=KINDS, required=True),
    _f("status", "状态", "status", "choice", choices=STATUSES),
    _f("tier", "客户等级", "tier", "choice", choices=TIERS),
    _f("level", "保密级别", "confidentiality level", "level"),
    _f("owner", "负责专员", "owner", "user"),
    _f("phone", "电话", "phone", "phone", sensitive="phone", mask="phone"),
    _f("email", "电子邮箱", "e-mail", "email"),
    _f("address", "地址", "address", "line", max_len=300),
    _f("tags", "标签", "tags", "line"),
    _f("notes", "备注", "notes", "text", max_len=20000),
    # individuals
    _f("gender", "性别", "gender", "choice", "individuals", IND, choices=GENDERS),
    # Levelled with the ID number: shown beside its mask, it would give the number away.
    _f("birth_date", "出生日期", "birth date", "date", "individuals", IND,
       sensitive="id_number", mask="all"),
    _f("id_type", "证件类型", "ID type", "choice", "individuals", IND, choices=ID_TYPES),
    _f("id_number", "证件号码", "ID number", "id_number", "individuals", IND,
       sensitive="id_number", mask="id"),
    _f("wechat", "微信", "WeChat", "line", "individuals", IND, max_len=64),
    _f("hometown", "籍贯", "hometown", "line", "individuals", IND),
    _f("employer", "工作单位", "employer", "line", "individuals", IND),
    _f("position", "职务", "position", "line", "individuals", IND),
    _f("employment_start", "入职日期", "employed since", "date", "individuals", IND),
    _f("monthly_income", "月收入", "monthly income", "money", "individuals", IND,
       sensitive="income", mask="amount"),
    _f("housing", "住房情况", "housing", "choice", "individuals", IND, choices=HOUSING),
    _f("emergency_contact", "紧急联系人", "emergency contact", "name", "individuals", IND),
    _f("emergency_phone", "紧急联系电话", "emergency phone", "phone", "individuals", IND,
       sensitive="phone", mask="phone"),
    _f("bank_card", "银行卡号", "bank card", "bank_card", "individuals", IND,
       sensitive="bank_card", mask="card"),
    # enterprises
    _f("credit_code", "统一社会信用代码", "unified social credit code", "credit_code",
       "enterprises", ENT),
    _f("legal_rep", "法定代表人", "legal representative", "name", "enterprises", ENT),
    _f("registered_capital", "注册资本", "registered capital", "money", "enterprises", ENT),
    _f("founding_date", "成立日期", "founded", "date", "enterprises", ENT),
    _f("industry", "行业", "industry", "line", "enterprises", ENT),
    _f("employees", "员工人数", "employees", "int", "enterprises", ENT),
    _f("business_scope", "经营范围", "business scope", "text", "enterprises", ENT, max_len=4000),
)

# -- sub-records: one table each, listed under the customer ------------------------------
M, SM, D = "money", "signed_money", "date"


@dataclass(frozen=True)
class RecordKind:
    key: str
    zh: str
    en: str
    table: str
    fields: tuple[Field, ...]
    order_by: str
    sensitive: str | None = None   # the whole record kind is levelled and revealed as one


def _rf(table: str, key: str, zh: str, en: str, type_: str, **kw) -> Field:
    return Field(key, zh, en, type_, table, **kw)


def _record(key, zh, en, table, order_by, specs, sensitive=None) -> RecordKind:
    fields = tuple(_rf(table, *spec[:4], **(spec[4] if len(spec) > 4 else {})) for spec in specs)
    if sensitive:
        fields = tuple(Field(**{**f.__dict__, "sensitive": sensitive,
                                "mask": "amount" if f.type in (M, SM) else f.mask})
                       for f in fields)
    return RecordKind(key, zh, en, table, fields, order_by, sensitive)


RECORD_KINDS: dict[str, RecordKind] = {r.key: r for r in (
    _record("contacts", "联系人", "contacts", "contacts", "is_primary DESC, id", (
        ("name", "姓名", "name", "name", {"required": True}),
        ("position", "职务", "position", "line"),
        ("phone", "电话", "phone", "phone"),
        ("email", "电子邮箱", "e-mail", "email"),
        ("is_primary", "主要联系人", "primary contact", "bool"),
        ("notes", "备注", "notes", "text", {"max_len": 2000}),
    )),
    _record("financials", "财务报表", "financial statements", "financial_statements",
            "period DESC", (
        ("period", "期间", "period", "period", {"required": True}),
        ("revenue", "营业收入", "revenue", M, {"kinds": ENT}),
        ("net_profit", "净利润", "net profit", SM, {"kinds": ENT}),
        ("ebit", "息税前利润", "EBIT", SM, {"kinds": ENT}),
        ("total_assets", "资产总额", "total assets", M, {"kinds": ENT}),
        ("current_assets", "流动资产", "current assets", M, {"kinds": ENT}),
        ("total_liabilities", "负债总额", "total liabilities", M, {"kinds": ENT}),
        ("current_liabilities", "流动负债", "current liabilities", M, {"kinds": ENT}),
        ("equity", "所有者权益", "equity", SM, {"kinds": ENT}),
        ("retained_earnings", "留存收益", "retained earnings", SM, {"kinds": ENT}),
        ("operating_cash_flow", "经营活动现金流", "operating cash flow", SM, {"kinds": ENT}),
        ("receivables", "应收账款", "receivables", M, {"kinds": ENT}),
        ("inventory", "存货", "inventory", M, {"kinds": ENT}),
        ("income", "收入", "income", M, {"kinds": IND}),
        ("expenses", "支出", "expenses", M, {"kinds": IND}),
        ("assets", "资产", "assets", M, {"kinds": IND}),
        ("liabilities", "负债", "liabilities", M, {"kinds": IND}),
        ("notes", "备注", "notes", "text", {"max_len": 2000}),
    ), sensitive="financials"),
    _record("credit_records", "信用记录", "credit records", "credit_records",
            "occurred_on DESC, id DESC", (
        ("kind", "类别", "kind", "choice",
         {"choices": ("loan", "repayment", "overdue", "bureau", "blacklist"), "required": True}),
        ("source", "来源", "source", "line"),
        ("occurred_on", "日期", "date", D, {"required": True}),
        ("amount", "金额", "amount", M),
        ("overdue_days", "逾期天数", "days overdue", "int"),
        ("status", "状态", "status", "choice", {"choices": ("open", "closed")}),
        ("ended_on", "结束日期", "ended", D),
        ("notes", "备注", "notes", "text", {"max_len": 2000}),
    ), sensitive="credit_records"),
    _record("litigation", "涉诉记录", "litigation", "litigation", "filed_on DESC, id DESC", (
        ("case_no", "案号", "case number", "line", {"required": True}),
        ("court", "法院", "court", "line"),
        ("role", "诉讼地位", "role", "choice",
         {"choices": ("plaintiff", "defendant", "third_party"), "required": True}),
        ("cause", "案由", "cause", "line"),
        ("amount", "涉案金额", "amount", M),
        ("filed_on", "立案日期", "filed", D, {"required": True}),
        ("status", "状态", "status", "choice", {"choices": ("open", "closed")}),
        ("closed_on", "结案日期", "closed", D),
        ("notes", "备注", "notes", "text", {"max_len": 2000}),
    ), sensitive="litigation"),
    _record("transactions", "交易记录", "transactions", "transactions",
            "occurred_on DESC, id DESC", (
        ("kind", "类别", "kind", "choice", {"choices": ("invoice", "payment"), "required": True}),
        ("ref_no", "单号", "reference", "line", {"max_len": 64}),
        ("occurred_on", "日期", "date", D, {"required": True}),
        ("due_date", "到期日", "due date", D),
        ("amount", "金额", "amount", M, {"required": True}),
        ("invoice_ref", "对应发票", "settles invoice", "line", {"max_len": 64}),
        ("notes", "备注", "notes", "text", {"max_len": 2000}),
    )),
    _record("communications", "沟通记录", "communications", "communications",
            "occurred_on DESC, id DESC", (
        ("occurred_on", "日期", "date", D, {"required": True}),
        ("channel", "方式", "channel", "choice",
         {"choices": ("phone", "visit", "email", "wechat", "meeting", "other")}),
        ("summary", "内容", "summary", "text", {"max_len": 4000, "required": True}),
        ("follow_up_on", "跟进日期", "follow up on", D),
    )),
    _record("complaints", "投诉记录", "complaints", "complaints", "received_on DESC, id DESC", (
        ("received_on", "受理日期", "received", D, {"required": True}),
        ("subject", "事由", "subject", "line", {"required": True}),
        ("details", "详情", "details", "text", {"max_len": 4000}),
        ("handled_by", "处理人", "handled by", "line"),
        ("resolution", "处理结果", "resolution", "text", {"max_len": 4000}),
        ("closed_on", "办结日期", "closed", D),
    )),
    _record("licences", "资质证照", "licences", "licences", "expires_on, id", (
        ("name", "名称", "name", "line", {"required": True}),
        ("number", "编号", "number", "line", {"max_len": 64}),
        ("issuer", "发证机关", "issuer", "line"),
        ("issued_on", "发证日期", "issued", D),
        ("expires_on", "有效期至", "expires", D),
    )),
)}

# Documents carry a file, so they have their own manager; these are their form fields.
DOCUMENT_KINDS = ("id_card", "business_licence", "bank_statement", "financial_report",
                  "contract", "credit_report", "other")
DOCUMENT_FIELDS: tuple[Field, ...] = (
    Field("kind", "文件类别", "document kind", "choice", "documents", choices=DOCUMENT_KINDS,
          required=True),
    Field("expires_on", "有效期至", "expires", "date", "documents"),
    Field("notes", "备注", "notes", "text", "documents", max_len=2000),
)

# Default field levels (a manager may change them per database): the key is the
# ``sensitive`` name; the value is the clearance needed to reveal it.
DEFAULT_FIELD_LEVELS = {
    "id_number": "confidential",
    "bank_card": "confidential",
    "income": "confidential",
    "phone": "internal",
    "financials": "internal",
    "credit_records": "internal",
    "litigation": "internal",
}
SENSITIVE_LABELS = {
    "id_number": ("证件号码", "ID number"), "bank_card": ("银行卡号", "bank card"),
    "income": ("收入", "income"), "phone": ("电话", "phone"),
    "financials": ("财务报表", "financial statements"),
    "credit_records": ("信用记录", "credit records"), "litigation": ("涉诉记录", "litigation"),
}

_BY_KEY = {f.key: f for f in CUSTOMER_FIELDS}
# Inputs that are not file fields but are named in messages (decisions, reviews, grading).
INPUT_LABELS = {
    "reason": ("理由", "reason"), "note": ("说明", "note"), "limit": ("额度", "limit"),
    "until": ("日期", "date"), "months": ("复审周期", "review cycle"),
    "adjustment": ("定性调整", "adjustment"), "answers": ("定性评价", "qualitative answers"),
    "scorecard": ("评分卡", "scorecard"), "missing_reason": ("缺失说明", "reason for missing inputs"),
    "file": ("文件", "file"),                 # a document's file, as add_file names it
}


def customer_field(key: str) -> Field | None:
    return _BY_KEY.get(key)


def label(key: str) -> str:
    """The label of a field key, in the current language (the key itself when unknown)."""
    zh_en = None
    if key in _BY_KEY:
        zh_en = (_BY_KEY[key].zh, _BY_KEY[key].en)
    elif key in SENSITIVE_LABELS:
        zh_en = SENSITIVE_LABELS[key]
    elif key in INPUT_LABELS:
        zh_en = INPUT_LABELS[key]
    else:
        for kind in RECORD_KINDS.values():
            for f in kind.fields:
                if f.key == key:
                    zh_en = (f.zh, f.en)
                    break
            if zh_en:
                break
    if zh_en is None:
        return key
    return zh_en[0] if i18n.language() == "zh" else zh_en[1]


# -- what a choice value is called ------------------------------------------------------
# One table for every ``choices`` value (customer fields, record fields, document kinds):
# value -> (zh, en). A value shared by several fields ("closed", "phone", "other") has one
# label that reads right in each of them.
CHOICE_LABELS: dict[str, tuple[str, str]] = {
    # customer kinds
    "individual": ("个人", "Individual"),
    "enterprise": ("企业", "Enterprise"),
    # customer statuses
    "prospect": ("潜在客户", "Prospect"),
    "active": ("正常", "Active"),
    "suspended": ("暂停", "Suspended"),
    "closed": ("已关闭", "Closed"),          # also a credit record's / a case's state
    "blacklisted": ("黑名单", "Blacklisted"),
    # customer tiers
    "vip": ("VIP", "VIP"),
    "key": ("重点", "Key"),
    "normal": ("普通", "Normal"),
    # ID types
    "resident_id": ("居民身份证", "Resident ID card"),
    "passport": ("护照", "Passport"),
    "permanent_residence": ("外国人永久居留身份证", "Permanent residence card"),
    # genders
    "male": ("男", "Male"),
    "female": ("女", "Female"),
    # housing
    "own": ("自有住房", "Own home"),
    "mortgage": ("按揭购房", "Mortgaged home"),
    "rent": ("租房", "Rented"),
    "family": ("与家人同住", "With family"),
    "other": ("其他", "Other"),              # also a channel and a document kind
    # credit record kinds
    "loan": ("借款", "Loan"),
    "repayment": ("还款", "Repayment"),
    "overdue": ("逾期", "Overdue"),
    "bureau": ("征信记录", "Credit bureau"),
    "blacklist": ("列入黑名单", "Blacklist entry"),
    # credit record and litigation states
    "open": ("未结", "Open"),
    # litigation roles
    "plaintiff": ("原告", "Plaintiff"),
    "defendant": ("被告", "Defendant"),
    "third_party": ("第三人", "Third party"),
    # transaction kinds
    "invoice": ("发票", "Invoice"),
    "payment": ("收款", "Payment"),
    # communication channels
    "phone": ("电话", "Phone"),
    "visit": ("上门拜访", "Visit"),
    "email": ("电子邮件", "E-mail"),
    "wechat": ("微信", "WeChat"),
    "meeting": ("会议", "Meeting"),
    # document kinds
    "id_card": ("身份证", "ID card"),
    "business_licence": ("营业执照", "Business licence"),
    "bank_statement": ("银行流水", "Bank statement"),
    "financial_report": ("财务报告", "Financial report"),
    "contract": ("合同", "Contract"),
    "credit_report": ("征信报告", "Credit report"),
}


def all_choice_values() -> set[str]:
    """Every value any ``choices`` tuple offers (customer, record and document fields)."""
    values: set[str] = set()
    for f in CUSTOMER_FIELDS + DOCUMENT_FIELDS:
        values.update(f.choices)
    for kind in RECORD_KINDS.values():
        for f in kind.fields:
            values.update(f.choices)
    values.update(DOCUMENT_KINDS)
    return values


def choice_label(value: str) -> str:
    """A choice value as people read it, in the current language (the value itself when unknown)."""
    zh_en = CHOICE_LABELS.get(value)
    if zh_en is None:
        return value
    return zh_en[0] if i18n.language() == "zh" else zh_en[1]


def level_index(name: str) -> int:
    return LEVELS.index(name)


def level_label(index: int) -> str:
    zh, en = LEVEL_LABELS[LEVELS[index]]
    return zh if i18n.language() == "zh" else en

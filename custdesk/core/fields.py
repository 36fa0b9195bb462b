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
    _f("name", "名称", "Name", "name", required=True),
    _f("kind", "类型", "Kind", "choice", choices=KINDS, required=True),
    _f("status", "状态", "Status", "choice", choices=STATUSES),
    _f("tier", "客户等级", "Tier", "choice", choices=TIERS),
    _f("level", "保密级别", "Confidentiality level", "level"),
    _f("owner", "负责专员", "Owner", "user"),
    _f("phone", "电话", "Phone", "phone", sensitive="phone", mask="phone"),
    _f("email", "电子邮箱", "E-mail", "email"),
    _f("address", "地址", "Address", "line", max_len=300),
    _f("tags", "标签", "Tags", "line"),
    _f("notes", "备注", "Notes", "text", max_len=20000),
    # individuals
    _f("gender", "性别", "Gender", "choice", "individuals", IND, choices=GENDERS),
    # Levelled with the ID number: shown beside its mask, it would give the number away.
    _f("birth_date", "出生日期", "Birth date", "date", "individuals", IND,
       sensitive="id_number", mask="all"),
    _f("id_type", "证件类型", "ID type", "choice", "individuals", IND, choices=ID_TYPES),
    _f("id_number", "证件号码", "ID number", "id_number", "individuals", IND,
       sensitive="id_number", mask="id"),
    _f("wechat", "微信", "WeChat", "line", "individuals", IND, max_len=64),
    _f("hometown", "籍贯", "Hometown", "line", "individuals", IND),
    _f("employer", "工作单位", "Employer", "line", "individuals", IND),
    _f("position", "职务", "Position", "line", "individuals", IND),
    _f("employment_start", "入职日期", "Start of employment", "date", "individuals", IND),
    _f("monthly_income", "月收入", "Monthly income", "money", "individuals", IND,
       sensitive="income", mask="amount"),
    _f("housing", "住房情况", "Housing", "choice", "individuals", IND, choices=HOUSING),
    _f("emergency_contact", "紧急联系人", "Emergency contact", "name", "individuals", IND),
    _f("emergency_phone", "紧急联系电话", "Emergency phone", "phone", "individuals", IND,
       sensitive="phone", mask="phone"),
    _f("bank_card", "银行卡号", "Bank card", "bank_card", "individuals", IND,
       sensitive="bank_card", mask="card"),
    # enterprises
    _f("credit_code", "统一社会信用代码", "Unified social credit code", "credit_code",
       "enterprises", ENT),
    _f("legal_rep", "法定代表人", "Legal representative", "name", "enterprises", ENT),
    _f("registered_capital", "注册资本", "Registered capital", "money", "enterprises", ENT),
    _f("founding_date", "成立日期", "Founded", "date", "enterprises", ENT),
    _f("industry", "行业", "Industry", "line", "enterprises", ENT),
    _f("employees", "员工人数", "Employees", "int", "enterprises", ENT),
    _f("business_scope", "经营范围", "Business scope", "text", "enterprises", ENT, max_len=4000),
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
    _record("contacts", "联系人", "Contacts", "contacts", "is_primary DESC, id", (
        ("name", "姓名", "Name", "name", {"required": True}),
        ("position", "职务", "Position", "line"),
        ("phone", "电话", "Phone", "phone"),
        ("email", "电子邮箱", "E-mail", "email"),
        ("is_primary", "主要联系人", "Primary contact", "bool"),
        ("notes", "备注", "Notes", "text", {"max_len": 2000}),
    )),
    _record("financials", "财务报表", "Financial statements", "financial_statements",
            "period DESC", (
        ("period", "期间", "Period", "period", {"required": True}),
        ("revenue", "营业收入", "Revenue", M, {"kinds": ENT}),
        ("net_profit", "净利润", "Net profit", SM, {"kinds": ENT}),
        ("ebit", "息税前利润", "EBIT", SM, {"kinds": ENT}),
        ("total_assets", "资产总额", "Total assets", M, {"kinds": ENT}),
        ("current_assets", "流动资产", "Current assets", M, {"kinds": ENT}),
        ("total_liabilities", "负债总额", "Total liabilities", M, {"kinds": ENT}),
        ("current_liabilities", "流动负债", "Current liabilities", M, {"kinds": ENT}),
        ("equity", "所有者权益", "Equity", SM, {"kinds": ENT}),
        ("retained_earnings", "留存收益", "Retained earnings", SM, {"kinds": ENT}),
        ("operating_cash_flow", "经营活动现金流", "Operating cash flow", SM, {"kinds": ENT}),
        ("receivables", "应收账款", "Receivables", M, {"kinds": ENT}),
        ("inventory", "存货", "Inventory", M, {"kinds": ENT}),
        ("income", "收入", "Income", M, {"kinds": IND}),
        ("expenses", "支出", "Expenses", M, {"kinds": IND}),
        ("assets", "资产", "Assets", M, {"kinds": IND}),
        ("liabilities", "负债", "Liabilities", M, {"kinds": IND}),
        ("notes", "备注", "Notes", "text", {"max_len": 2000}),
    ), sensitive="financials"),
    _record("credit_records", "信用记录", "Credit records", "credit_records",
            "occurred_on DESC, id DESC", (
        ("kind", "类别", "Kind", "choice",
         {"choices": ("loan", "repayment", "overdue", "bureau", "blacklist"), "required": True}),
        ("source", "来源", "Source", "line"),
        ("occurred_on", "日期", "Date", D, {"required": True}),
        ("amount", "金额", "Amount", M),
        ("overdue_days", "逾期天数", "Days overdue", "int"),
        ("status", "状态", "Status", "choice", {"choices": ("open", "closed")}),
        ("ended_on", "结束日期", "Ended", D),
        ("notes", "备注", "Notes", "text", {"max_len": 2000}),
    ), sensitive="credit_records"),
    _record("litigation", "涉诉记录", "Litigation", "litigation", "filed_on DESC, id DESC", (
        ("case_no", "案号", "Case number", "line", {"required": True}),
        ("court", "法院", "Court", "line"),
        ("role", "诉讼地位", "Role", "choice",
         {"choices": ("plaintiff", "defendant", "third_party"), "required": True}),
        ("cause", "案由", "Cause", "line"),
        ("amount", "涉案金额", "Amount", M),
        ("filed_on", "立案日期", "Filed", D, {"required": True}),
        ("status", "状态", "Status", "choice", {"choices": ("open", "closed")}),
        ("closed_on", "结案日期", "Closed", D),
        ("notes", "备注", "Notes", "text", {"max_len": 2000}),
    ), sensitive="litigation"),
    _record("transactions", "交易记录", "Transactions", "transactions",
            "occurred_on DESC, id DESC", (
        ("kind", "类别", "Kind", "choice", {"choices": ("invoice", "payment"), "required": True}),
        ("ref_no", "单号", "Reference", "line", {"max_len": 64}),
        ("occurred_on", "日期", "Date", D, {"required": True}),
        ("due_date", "到期日", "Due date", D),
        ("amount", "金额", "Amount", M, {"required": True}),
        ("invoice_ref", "对应发票", "Settles invoice", "line", {"max_len": 64}),
        ("notes", "备注", "Notes", "text", {"max_len": 2000}),
    )),
    _record("communications", "沟通记录", "Communications", "communications",
            "occurred_on DESC, id DESC", (
        ("occurred_on", "日期", "Date", D, {"required": True}),
        ("channel", "方式", "Channel", "choice",
         {"choices": ("phone", "visit", "email", "wechat", "meeting", "other")}),
        ("summary", "内容", "Summary", "text", {"max_len": 4000, "required": True}),
        ("follow_up_on", "跟进日期", "Follow-up date", D),
    )),
    _record("complaints", "投诉记录", "Complaints", "complaints", "received_on DESC, id DESC", (
        ("received_on", "受理日期", "Received", D, {"required": True}),
        ("subject", "事由", "Subject", "line", {"required": True}),
        ("details", "详情", "Details", "text", {"max_len": 4000}),
        ("handled_by", "处理人", "Handled by", "line"),
        ("resolution", "处理结果", "Resolution", "text", {"max_len": 4000}),
        ("closed_on", "办结日期", "Closed", D),
    )),
    # Bad outcomes entered by hand (core/outcomes.py: what counts as bad, and what is
    # detected from the transactions without an entry). Levelled with credit records.
    _record("outcomes", "不良结果", "Bad outcomes", "outcomes", "occurred_on DESC, id DESC", (
        ("kind", "类别", "Kind", "choice",
         {"choices": ("overdue_90", "write_off", "judgement", "bankruptcy", "manager"),
          "required": True}),
        ("occurred_on", "发生日期", "Date", D, {"required": True}),
        ("amount", "金额", "Amount", M),
        ("reason", "理由", "Reason", "text", {"max_len": 2000}),
        ("notes", "备注", "Notes", "text", {"max_len": 2000}),
    ), sensitive="credit_records"),
    # Guarantees and collateral: what covers the secured part of a limit. Levelled with
    # the financial statements (they say what a customer or a guarantor owns).
    _record("collateral", "担保与抵押物", "Guarantees and collateral", "collateral",
            "expires_on, id", (
        ("kind", "类别", "Kind", "choice",
         {"choices": ("guarantee", "real_estate", "pledge", "deposit", "other"), "required": True}),
        ("provider", "担保人或抵押物", "Guarantor or asset", "line", {"required": True}),
        ("value", "价值", "Value", M, {"required": True}),
        ("valued_on", "评估日期", "Valued on", D),
        ("haircut", "折扣率（%）", "Haircut (%)", "int"),
        ("expires_on", "到期日", "Expires", D),
        ("secured_amount", "担保债权金额", "Amount secured", M),
        ("notes", "备注", "Notes", "text", {"max_len": 2000}),
    ), sensitive="financials"),
    _record("licences", "资质证照", "Licences", "licences", "expires_on, id", (
        ("name", "名称", "Name", "line", {"required": True}),
        ("number", "编号", "Number", "line", {"max_len": 64}),
        ("issuer", "发证机关", "Issuer", "line"),
        ("issued_on", "发证日期", "Issued", D),
        ("expires_on", "有效期至", "Expires", D),
    )),
)}

# Documents carry a file, so they have their own manager; these are their form fields.
DOCUMENT_KINDS = ("id_card", "business_licence", "bank_statement", "financial_report",
                  "contract", "credit_report", "other")
DOCUMENT_FIELDS: tuple[Field, ...] = (
    Field("kind", "文件类别", "Document kind", "choice", "documents", choices=DOCUMENT_KINDS,
          required=True),
    Field("expires_on", "有效期至", "Expires", "date", "documents"),
    Field("notes", "备注", "Notes", "text", "documents", max_len=2000),
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
    "id_number": ("证件号码", "ID number"), "bank_card": ("银行卡号", "Bank card"),
    "income": ("收入", "Income"), "phone": ("电话", "Phone"),
    "financials": ("财务报表", "Financial statements"),
    "credit_records": ("信用记录", "Credit records"), "litigation": ("涉诉记录", "Litigation"),
}

_BY_KEY = {f.key: f for f in CUSTOMER_FIELDS}
# Inputs that are not file fields but are named in messages (decisions, reviews, grading).
INPUT_LABELS = {
    "reason": ("理由", "Reason"), "note": ("说明", "Note"), "limit": ("额度", "Limit"),
    "until": ("日期", "Date"), "months": ("复审周期", "Review cycle"),
    "adjustment": ("定性调整", "Adjustment"), "answers": ("定性评价", "Qualitative answers"),
    "scorecard": ("评分卡", "Scorecard"), "missing_reason": ("缺失说明", "Reason for missing inputs"),
    "file": ("文件", "File"),                 # a document's file, as add_file names it
    "window_months": ("观察期", "Outcome window"),      # core/outcomes.py's setting
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
    "overdue_90": ("逾期 90 天以上", "90+ days past due"),
    "write_off": ("核销坏账", "Written off"),
    "judgement": ("败诉判决", "Judgement against"),
    "bankruptcy": ("破产", "Bankruptcy"),
    "manager": ("经理认定", "Marked bad by a manager"),
    "guarantee": ("保证担保", "Guarantee"),
    "real_estate": ("不动产抵押", "Real-estate mortgage"),
    "pledge": ("质押", "Pledge"),
    "deposit": ("保证金", "Cash deposit"),
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

"""Which columns of which tables are sealed when their row is above 内部.

A row's **level** is its file's level, or higher when the row is of a kind a manager
levelled higher (``disclosure.row_level``). From 秘密 up (``SEAL_FROM``), the columns
named here are not stored in clear: they are one AES-GCM token in the row's ``sealed``
column, under the key of the row's level. What stays in clear is what identifies the
row, who wrote it and when, and what the database's own indexes and constraints work
on (a file's code, level, status and review dates; an assessment's status and its
four-eyes columns; a warning's rule, severity and status, which the list of open
warnings walks by index; a statement's period, unique per file).

A single value levelled above its row (an ID number at 秘密 in a 内部 file) is sealed
to its own level in the row's ``vault`` column instead (``disclosure.field_level``).

Every user of a single-PC database holds the file key and is cleared to 内部 at least,
so nothing below ``SEAL_FROM`` needs sealing there.
"""

from __future__ import annotations

SEAL_FROM = 2

_RECORD_META = ("id", "customer_id", "created_at", "created_by", "updated_at")


class Spec:
    """One table: the column a token is bound to (``anchor``), the sealed columns, and the
    clear columns a row's level is read from besides its file (``bound``): a token is
    bound to them too, so that editing one in the file (a warning's rule, to make the
    next writer seal it lower) leaves a row nobody opens rather than one written lower."""

    def __init__(self, anchor: str, columns: tuple[str, ...], blob: str | None = None,
                 bound: tuple[str, ...] = ()):
        self.anchor = anchor
        self.columns = columns
        self.blob = blob          # a column encrypted as bytes on its own (document content)
        self.bound = bound

    def key(self, row: dict) -> object:
        """What the row's tokens are bound to (in the same form as ``key_sql``)."""
        if not self.bound:
            return row.get(self.anchor)
        return "|".join(str(row.get(c)) for c in (self.anchor, *self.bound))

    def key_sql(self) -> str:
        if not self.bound:
            return f'"{self.anchor}"'
        return " || '|' || ".join(f"ifnull(CAST(\"{c}\" AS TEXT), 'None')"
                                  for c in (self.anchor, *self.bound))


SEALED: dict[str, Spec] = {
    "customers": Spec("id", (
        "name", "tier", "phone", "email", "address", "tags", "notes", "name_norm",
        "pinyin_initials", "pinyin_full", "phone_rev", "overrides", "grade", "risk_level",
        "credit_limit", "exposure", "overdue_since", "review_cycle_reason", "sort_key")),
    "individuals": Spec("customer_id", (
        "gender", "birth_date", "id_type", "id_number", "wechat", "hometown", "employer",
        "position", "employment_start", "monthly_income", "housing", "emergency_contact",
        "emergency_phone", "bank_card")),
    "enterprises": Spec("customer_id", (
        "credit_code", "legal_rep", "registered_capital", "founding_date", "industry",
        "employees", "business_scope")),
    "contacts": Spec("customer_id", ("name", "position", "phone", "email", "notes")),
    "financial_statements": Spec("customer_id", (
        "revenue", "net_profit", "ebit", "total_assets", "current_assets", "total_liabilities",
        "current_liabilities", "equity", "retained_earnings", "operating_cash_flow",
        "receivables", "inventory", "income", "expenses", "assets", "liabilities", "notes")),
    "credit_records": Spec("customer_id", (
        "kind", "source", "occurred_on", "amount", "overdue_days", "status", "ended_on",
        "notes")),
    "litigation": Spec("customer_id", (
        "case_no", "court", "role", "cause", "amount", "filed_on", "status", "closed_on",
        "notes")),
    "transactions": Spec("customer_id", (
        "kind", "ref_no", "occurred_on", "due_date", "amount", "invoice_ref", "notes")),
    "communications": Spec("customer_id", ("occurred_on", "channel", "summary",
                                           "follow_up_on")),
    "complaints": Spec("customer_id", ("received_on", "subject", "details", "handled_by",
                                       "resolution", "closed_on")),
    "licences": Spec("customer_id", ("name", "number", "issuer", "issued_on", "expires_on")),
    "documents": Spec("customer_id", ("kind", "filename", "size", "sha256", "expires_on",
                                      "notes"), blob="content"),
    "outcomes": Spec("customer_id", ("kind", "occurred_on", "amount", "reason", "notes")),
    "collateral": Spec("customer_id", ("kind", "provider", "value", "valued_on", "haircut",
                                       "expires_on", "secured_amount", "notes")),
    "assessments": Spec("customer_id", (
        "as_of", "period", "answers", "detail", "score", "computed_grade", "adjustment",
        "adjustment_reason", "grade", "risk_level", "incomplete", "recommended_limit",
        "approved_limit", "decision_reason")),
    "limit_changes": Spec("customer_id", ("current_limit", "new_limit", "reason",
                                          "decision_reason")),
    "warnings": Spec("customer_id", ("subject", "facts", "close_note"), bound=("rule",)),
    "warning_actions": Spec("customer_id", ("note",), bound=("warning_id", "rule")),
    "review_events": Spec("customer_id", ("note",)),
    "report_exports": Spec("customer_id", ("params",)),
}

# Record tables whose rows may be levelled above their file (fields.RECORD_KINDS[...].sensitive).
RECORD_META = _RECORD_META

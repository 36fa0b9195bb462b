"""One disclosure policy: at what level each value is kept, and what each reader is shown.

Two questions are answered here and nowhere else:

1. **At what level is a value stored?** A row is at its file's level, or at the level
   of its record kind when a manager levelled the kind higher (``row_level``); a
   sensitive field levelled above its row is sealed on its own (``vault_levels``).
   The sealer (``store.sealing``) seals whatever is at 秘密 or above, so a reader's
   keys, not this code, decide what they can open.
2. **What does a reader see?** ``Disclosure.field`` decides, for one value, reader and
   purpose, whether it is shown, masked or withheld; ``masked`` gives its mask. Lists,
   files, exports, reports, the audit log, warning facts, error messages and calendars
   all ask here. Nothing above core masks or decides clearance.

A value is **withheld** (not shown at all) when the reader is not cleared to its level:
they cannot open it anyway. It is **masked** when they are cleared but have not
revealed it with a reason (reveals are logged), and for every purpose that must never
carry it in clear (the audit log, warning facts, error messages, calendars).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .fields import CUSTOMER_FIELDS, RECORD_KINDS
from .store.sealed_schema import SEAL_FROM

SHOW, MASK, WITHHOLD = "show", "mask", "withhold"

# Purposes a value may be asked for. The output-path test (tests/core/test_disclosure.py)
# has an entry for every one, and for every command and report that uses them.
PURPOSES = ("window", "list", "search", "export", "report", "privacy", "audit", "facts",
            "error", "json", "calendar")
# Purposes that never carry a sensitive value in clear, whatever the reader's clearance.
_NEVER_CLEAR = frozenset({"audit", "facts", "error", "calendar", "list", "search"})
# What a customer report prints in clear for a reader cleared to it: the statements, credit
# records, litigation and income it assesses (the export's audit entry names them: the
# export is the logged reveal). Identity numbers, phones and bank cards stay masked.
_REPORT_CLEAR = frozenset({"financials", "credit_records", "litigation", "income"})

# Customer fields by table, and the record kinds by table (for a row's level).
_FIELDS_BY_TABLE: dict[str, list] = {}
for _f in CUSTOMER_FIELDS:
    _FIELDS_BY_TABLE.setdefault(_f.table, []).append(_f)
_KIND_BY_TABLE = {kind.table: kind for kind in RECORD_KINDS.values()}
# The record table each warning rule quotes in its facts (the rules that quote a
# levelled kind keep their warnings at that kind's level).
# What an assessment reads, by customer kind: its assessor and approver must be cleared for
# all of it, its detail is sealed at the highest of their levels, and others see its inputs
# masked. A firm's assessment reads no personal income, so it is not kept at income's level.
ASSESSMENT_READS_BY_KIND = {"enterprise": ("financials", "credit_records", "litigation"),
                            "individual": ("financials", "income", "credit_records",
                                           "litigation")}
ASSESSMENT_READS = ("financials", "income", "credit_records", "litigation")   # either kind
RULE_SOURCES = {"litigation": "litigation", "payment_overdue": "transactions",
                "limit_utilisation": "transactions", "complaints": "complaints",
                "document_expiry": "licences", "collateral_expiry": "collateral",
                "collateral_shortfall": "collateral"}


def mask_value(value: object, style: str) -> str | None:
    """The masked form of ``value``: what may be shown to someone who has not revealed it.

    Masks show only what no other shown field completes: an ID number keeps its last four
    characters (its region and birth date are hidden, and the birth date is levelled with
    it), a phone its first three and last four digits (search by a phone's digits stops at
    what the mask shows), a bank card its first four (the bank) and last four.
    """
    if value is None or value == "":
        return value  # an empty field gives nothing away
    text = str(value)
    if style == "id" and len(text) >= 8:
        return "*" * (len(text) - 4) + text[-4:]
    if style == "phone" and len(text) >= 7:
        return text[:3] + "*" * (len(text) - 7) + text[-4:]
    if style == "card" and len(text) >= 12:
        return text[:4] + "*" * (len(text) - 8) + text[-4:]
    return "***"


def phone_tail(phone: str | None) -> str | None:
    """The digits of a phone that its mask shows (the last four), reversed for prefix search."""
    digits = re.sub(r"\D", "", phone or "")
    return digits[-4:][::-1] or None


@dataclass(frozen=True)
class Decision:
    action: str                 # SHOW, MASK or WITHHOLD
    level: int                  # the level the value is kept at

    @property
    def shown(self) -> bool:
        return self.action == SHOW


class Disclosure:
    """The policy for one open desk (its user's clearance and the database's field levels)."""

    def __init__(self, desk):
        self._desk = desk

    # -- levels --------------------------------------------------------------------------
    def field_levels(self) -> dict[str, int]:
        return self._desk.access.field_levels()

    def _customer_kind(self, customer_id: int | None) -> str | None:
        if customer_id is None:
            return None
        row = self._desk.db.execute("SELECT kind FROM main.customers WHERE id = ?",
                                    [customer_id]).fetchone()
        return row[0] if row else None

    def file_level(self, customer_id: int | None) -> int:
        """A file's level for writing its rows: the highest of its level column, the level
        its own row is sealed at, and the level the log last gave it (``logged_level``) —
        a level column lowered and a seal removed by hand in the file must not make the
        next record of it be written lower."""
        if customer_id is None:
            return 0
        row = self._desk.db.execute("SELECT level, sealed FROM main.customers WHERE id = ?",
                                    [customer_id]).fetchone()
        if row is None:
            return 0
        level, sealed = row
        if sealed is not None:
            from .keys.primitives import TokenError, token_header
            try:
                level = max(level, token_header(bytes(sealed))[1])
            except TokenError:
                pass
        return max(level, self.logged_level(customer_id))

    def logged_level(self, customer_id: int | None) -> int:
        """The level the newest signed ``customer.level`` entry gave a file (0: none)."""
        return self._desk.facts.file_levels.get(customer_id, 0)

    def kind_level(self, table: str) -> int:
        """The level of a record kind (its sensitive key's level), 0 when not levelled."""
        kind = _KIND_BY_TABLE.get(table)
        if kind is None or not kind.sensitive:
            return 0
        return self.field_levels().get(kind.sensitive, 0)

    def row_level(self, table: str, row: dict) -> int:
        """The level a row is stored at: its file's, raised to its kind's."""
        if table == "customers":
            return max(row["level"], self.logged_level(row.get("id")))
        if table in ("warnings", "warning_actions"):       # (an action carries its warning's)
            return max(self.file_level(row.get("customer_id")),
                       self.kind_level(RULE_SOURCES.get(row.get("rule"), "")))
        return max(self.file_level(row.get("customer_id")), self.kind_level(table))

    def vault_levels(self, table: str, row_level: int,
                     row: dict | None = None) -> dict[str, tuple[int, str]]:
        """The values of a row kept above it: column -> (level, mask style). ``row``: the
        row itself, where the answer depends on it (an assessment, on its file's kind)."""
        levels = self.field_levels()
        out = {}
        if table == "assessments":
            # An assessment's detail quotes what it read (statements, a person's income,
            # credit records, litigation): it is kept at the highest of their levels. A row
            # whose file is unknown is kept as high as either kind would need.
            kind = self._customer_kind(row.get("customer_id")) if row else None
            reads = ASSESSMENT_READS_BY_KIND.get(kind, ASSESSMENT_READS)
            level = max(levels.get(k, 0) for k in reads)
            if level > row_level and level >= SEAL_FROM:
                out["detail"] = (level, "all")
            return out
        for field in _FIELDS_BY_TABLE.get(table, ()):
            if field.sensitive:
                level = levels.get(field.sensitive, 0)
                if level > row_level and level >= SEAL_FROM:
                    out[field.key] = (level, field.mask)
        return out

    @staticmethod
    def mask(value: object, style: str) -> str | None:
        return mask_value(value, style)

    # -- what a reader is shown ---------------------------------------------------------------
    def value_level(self, sensitive: str | None, file_level: int) -> int:
        if not sensitive:
            return file_level
        return max(file_level, self.field_levels().get(sensitive, 0))

    def field(self, sensitive: str | None, file_level: int, purpose: str,
              revealed: bool = False) -> Decision:
        """What ``purpose`` may carry of a value of ``sensitive`` kind in a file at
        ``file_level`` for this desk's user (``revealed``: they revealed it with a reason)."""
        if purpose not in PURPOSES:
            raise ValueError(f"unknown purpose {purpose!r}")
        clearance = self._desk.access.clearance
        level = self.value_level(sensitive, file_level)
        if file_level > clearance or level > clearance:
            return Decision(WITHHOLD, level)
        if not sensitive:
            return Decision(SHOW, level)
        if purpose == "report" and sensitive in _REPORT_CLEAR:
            return Decision(SHOW, level)
        if purpose in _NEVER_CLEAR or not revealed:
            return Decision(MASK, level)
        return Decision(SHOW, level)

    def warning_facts(self, rule: str, facts: dict) -> dict:
        """A warning's facts as shown: what it quotes from a sensitive kind of record (a case
        number and amount of litigation) masked, as that record is until revealed."""
        kind = _KIND_BY_TABLE.get(RULE_SOURCES.get(rule, ""))
        if kind is None or not kind.sensitive:
            return facts
        quoted = {f.key: f for f in kind.fields}
        return {k: (mask_value(v, "all") if k in quoted and quoted[k].type not in
                    ("date", "choice", "period", "bool") else v) for k, v in facts.items()}

    def sees_file(self, file_level: int) -> bool:
        return file_level <= self._desk.access.clearance

    def cleared_for(self, sensitive: str, file_level: int = 0) -> bool:
        return self.value_level(sensitive, file_level) <= self._desk.access.clearance

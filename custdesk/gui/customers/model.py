"""The customer list's table model: list rows from core, shown and sorted for a clerk.

Rows are the tuples of ``CustomerArchive.list_rows`` (``LIST_COLUMNS`` order), which
arrive in pinyin order; a row's position in that list is its pinyin rank, so a sort by
name needs no pinyin here. Phone numbers arrive masked as core's disclosure policy
shows them to this user: the window never holds them in clear. The credit columns
come from core as the customer's file shows them: the hold marker and its reasons are
core's (``list_rows`` applies ``grading.limits.hold_reasons``), the utilisation is
``limits.utilisation`` of the row's exposure and limit.
"""

from __future__ import annotations

from typing import Any, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from ...core import fields
from .. import people
from ...core.i18n import tr as core_text   # named apart from tr(): lupdate reads only Qt strings
from ...core.customers.archive import LIST_COLUMNS
from ...core.fields import KINDS, LEVELS, STATUSES, TIERS, choice_label
from ...core.grading.limits import utilisation
from ...core.grading.scale import GRADES, RISK_LEVELS, risk_label
from ...core.validation import format_money

# Where each stored value sits in a list tuple.
_AT = {key: LIST_COLUMNS.index(key) for key in LIST_COLUMNS}

#: the model's columns, left to right ("used": exposure as a share of the limit;
#: "hold": the credit-hold marker)
COLUMNS = ("code", "name", "kind", "status", "tier", "level", "owner", "phone",
           "grade", "risk_level", "credit_limit", "used", "hold")
(CODE, NAME, KIND, STATUS, TIER, LEVEL, OWNER, PHONE,
 GRADE, RISK, LIMIT, USED, HOLD) = range(len(COLUMNS))
_NUMBERS = (LIMIT, USED)
HOLD_COLOUR = QColor("#d32f2f")   # the red of the file's 授信冻结 badge

# Choice columns sort in their defined order (prospect before active ...), the same in
# every language; the level column by level.
_CHOICE_ORDER = {
    "kind": {k: i for i, k in enumerate(KINDS)},
    "status": {k: i for i, k in enumerate(STATUSES)},
    "tier": {k: i for i, k in enumerate(TIERS)},
    "grade": {k: i for i, k in enumerate(GRADES)},
    "risk_level": {k: i for i, k in enumerate(RISK_LEVELS)},
}


class CustomerTableModel(QAbstractTableModel):
    """Customer summaries; ``Qt.UserRole`` of any cell is the customer's code."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[tuple] = []          # as delivered: index = pinyin rank
        self._order: list[int] | None = None  # shown row -> index in _rows (None: as delivered)
        self._sort: tuple[int, Qt.SortOrder] = (NAME, Qt.SortOrder.AscendingOrder)
        self.retranslate()

    # -- texts ------------------------------------------------------------------------
    def retranslate(self) -> None:
        """(Re)build the shown words; call after the UI language changes.

        Headers are Qt translations; choice values (kind, status, tier), levels, risk
        levels and the hold marker are shown by core's labels (``fields.choice_label``,
        ``fields.level_label``, ``scale.risk_label``, core's ``i18n.tr``), which follow the
        core language that ``translation.install`` sets with the UI's.
        """
        self._headers = (self.tr("Code"), self.tr("Name"), self.tr("Kind"), self.tr("Status"),
                         self.tr("Tier"), self.tr("Level"), self.tr("Owner"), self.tr("Phone"),
                         self.tr("Grade"), self.tr("Risk"), self.tr("Credit limit"),
                         self.tr("Used"), self.tr("Credit hold"))
        self._header_tips = {
            USED: self.tr("Exposure (open invoices) as a share of the credit limit"),
            HOLD: self.tr("Credit on hold: over the limit, grade expired or review long overdue")}
        self._words = {column: {value: choice_label(value) for value in values}
                       for column, values in (("kind", KINDS), ("status", STATUSES),
                                              ("tier", TIERS))}
        self._words["risk_level"] = {value: risk_label(value) for value in RISK_LEVELS}
        self._levels = [fields.level_label(i) for i in range(len(LEVELS))]
        self._hold_label = core_text("hold.label")
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def kind_label(self, value: str) -> str:
        return self._words["kind"].get(value, value)

    def status_label(self, value: str) -> str:
        return self._words["status"].get(value, value)

    def tier_label(self, value: str) -> str:
        return self._words["tier"].get(value, value)

    def level_label(self, level: int) -> str:
        return self._levels[level] if 0 <= level < len(LEVELS) else str(level)

    # -- contents ---------------------------------------------------------------------
    def set_rows(self, rows: Sequence[tuple]) -> None:
        """Replace every row (list tuples in pinyin order), keeping the current sort."""
        self.beginResetModel()
        self._rows = rows if isinstance(rows, list) else list(rows)
        self._order = self._ordering(*self._sort)
        self.endResetModel()

    def row_tuple(self, row: int) -> tuple:
        """The list tuple shown at ``row`` (as core sent it: the phone already masked)."""
        return self._rows[self._order[row] if self._order is not None else row]

    def owners(self) -> tuple[str, ...]:
        """The owners the rows name, each once, as the owner column shows them."""
        at = _AT["owner"]
        return tuple({people.shown(item[at]) for item in self._rows if item[at]})

    def code_at(self, row: int) -> str:
        return self.row_tuple(row)[_AT["code"]]

    def codes(self) -> list[str]:
        """Every code, in the order shown."""
        return [self.code_at(r) for r in range(len(self._rows))]

    def row_of(self, code: str) -> int:
        """The shown row of a customer code, or -1."""
        for r in range(len(self._rows)):
            if self.code_at(r) == code:
                return r
        return -1

    def hold_text(self, row: int) -> str:
        """Why the file at ``row`` is on credit hold, in the user's language ("" when not)."""
        return self.row_tuple(row)[_AT["hold"]] or ""

    def utilisation(self, row: int) -> float | None:
        item = self.row_tuple(row)
        return utilisation(item[_AT["exposure"]] or 0, item[_AT["credit_limit"]])

    def over_limit(self, row: int) -> bool:
        """More than 100% used, or anything owed against a limit of 0 (shown as "—")."""
        share = self.utilisation(row)
        return share > 1 if share is not None else self.row_tuple(row)[_AT["credit_limit"]] == 0

    def display(self, row: int, column: int) -> str:
        """The text shown in a cell."""
        item = self.row_tuple(row)
        key = COLUMNS[column]
        if key == "used":
            share = self.utilisation(row)
            if share is None:
                # No limit: nothing to show; owing against a limit of 0: not a percentage.
                return "" if item[_AT["credit_limit"]] is None else "—"
            return f"{share * 100:.0f}%"
        if key == "hold":
            return self._hold_label if self.hold_text(row) else ""
        value = item[_AT[key]]
        if key == "credit_limit":
            return "" if value is None else format_money(value)
        if key in self._words:
            return self._words[key].get(value, "" if value is None else value)
        if key == "level":
            return self.level_label(value)
        if key == "owner":
            return people.shown(value)
        return "" if value is None else str(value)

    # -- QAbstractTableModel --------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(index.row(), index.column())
        if role == Qt.ItemDataRole.UserRole:
            return self.code_at(index.row())
        column = index.column()
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == NAME:
                return self.row_tuple(index.row())[_AT["name"]]
            if column == HOLD:
                return self.hold_text(index.row()) or None
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            # Red where the hold shows: the marker itself, and a share over 100%.
            if (column == HOLD and self.hold_text(index.row())) or \
                    (column == USED and self.over_limit(index.row())):
                return HOLD_COLOUR
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._headers[section]
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._header_tips.get(section)
            return None
        return super().headerData(section, orientation, role)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    # -- sorting --------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Name: pinyin order (as core delivered); code: by code; others by value, then name
        (grade best first, risk low first, files without a value last; held files first)."""
        if not 0 <= column < len(COLUMNS):
            return
        order = Qt.SortOrder(order)
        self._sort = (column, order)
        new_order = self._ordering(column, order)
        if new_order == self._order:
            return
        self.layoutAboutToBeChanged.emit()
        old = self._order
        persistent = self.persistentIndexList()
        sources = [(old[p.row()] if old is not None else p.row()) for p in persistent]
        self._order = new_order
        if persistent:
            where = {src: shown for shown, src in enumerate(new_order)} if new_order is not None \
                else None
            self.changePersistentIndexList(
                persistent,
                [self.index(where[src] if where is not None else src, p.column())
                 for p, src in zip(persistent, sources)])
        self.layoutChanged.emit()

    def sort_column(self) -> int:
        return self._sort[0]

    def sort_order(self) -> Qt.SortOrder:
        return self._sort[1]

    def _ordering(self, column: int, order: Qt.SortOrder) -> list[int] | None:
        """Shown order as indexes into ``_rows`` (None when that is the delivered order)."""
        rows = self._rows
        descending = order == Qt.SortOrder.DescendingOrder
        if column == NAME:
            # Delivered order is pinyin order, so the rank is the index.
            return list(range(len(rows) - 1, -1, -1)) if descending else None
        key = self._sort_key(column)
        return sorted(range(len(rows)), key=key, reverse=descending)

    def _sort_key(self, column: int):
        rows = self._rows
        name = COLUMNS[column]
        if name == "used":
            def used_key(i):
                share = utilisation(rows[i][_AT["exposure"]] or 0, rows[i][_AT["credit_limit"]])
                return (share is None, share or 0.0, i)
            return used_key
        if name == "hold":   # held files first
            return lambda i: (not rows[i][_AT["hold"]], i)
        at = _AT[name]
        if name == "credit_limit":
            return lambda i: (rows[i][at] is None, rows[i][at] or 0, i)
        if name == "code":
            return lambda i: rows[i][at]
        if name in _CHOICE_ORDER:
            rank = _CHOICE_ORDER[name]
            return lambda i: (rank.get(rows[i][at], len(rank)), i)
        if name == "level":
            return lambda i: (rows[i][at], i)
        if name == "phone":
            # By what is shown (the mask): the hidden digits never reach the window.
            return lambda i: (not rows[i][at], rows[i][at] or "", i)

        def text_key(i):   # owner, by the name shown; empty values last
            value = people.shown(rows[i][at])
            return (not value, value, i)
        return text_key

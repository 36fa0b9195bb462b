"""The customer list's table model: summary rows from core, shown and sorted for a clerk.

Rows are the tuples of ``CustomerArchive.summary_rows`` (``SUMMARY_COLUMNS`` order),
which arrive in pinyin order; a row's position in that list is its pinyin rank, so a
sort by name needs no pinyin here. Phone numbers arrive raw and are masked only when
shown (a screenful at a time), never stored masked or unmasked anywhere else.
"""

from __future__ import annotations

from typing import Any, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ...core import fields
from ...core.access import mask_value
from ...core.customers.archive import SUMMARY_COLUMNS
from ...core.fields import KINDS, LEVELS, STATUSES, TIERS, choice_label

# Where each shown value sits in a summary tuple.
_AT = {key: SUMMARY_COLUMNS.index(key) for key in SUMMARY_COLUMNS}

#: the model's columns, left to right
COLUMNS = ("code", "name", "kind", "status", "tier", "level", "owner", "phone")
CODE, NAME, KIND, STATUS, TIER, LEVEL, OWNER, PHONE = range(len(COLUMNS))

# Choice columns sort in their defined order (prospect before active ...), the same in
# every language; the level column by level.
_CHOICE_ORDER = {
    "kind": {k: i for i, k in enumerate(KINDS)},
    "status": {k: i for i, k in enumerate(STATUSES)},
    "tier": {k: i for i, k in enumerate(TIERS)},
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

        Headers are Qt translations; choice values (kind, status, tier) and levels are
        shown by core's labels (``fields.choice_label`` / ``fields.level_label``), which
        follow the core language that ``translation.install`` sets with the UI's.
        """
        self._headers = (self.tr("Code"), self.tr("Name"), self.tr("Kind"), self.tr("Status"),
                         self.tr("Tier"), self.tr("Level"), self.tr("Owner"), self.tr("Phone"))
        self._words = {column: {value: choice_label(value) for value in values}
                       for column, values in (("kind", KINDS), ("status", STATUSES),
                                              ("tier", TIERS))}
        self._levels = [fields.level_label(i) for i in range(len(LEVELS))]
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
        """Replace every row (summary tuples in pinyin order), keeping the current sort."""
        self.beginResetModel()
        self._rows = rows if isinstance(rows, list) else list(rows)
        self._order = self._ordering(*self._sort)
        self.endResetModel()

    def row_tuple(self, row: int) -> tuple:
        """The summary tuple shown at ``row`` (raw: mask before showing anything from it)."""
        return self._rows[self._order[row] if self._order is not None else row]

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

    def display(self, row: int, column: int) -> str:
        """The text shown in a cell."""
        item = self.row_tuple(row)
        key = COLUMNS[column]
        value = item[_AT[key]]
        if key in self._words:
            return self._words[key].get(value, value)
        if key == "level":
            return self.level_label(value)
        if key == "phone":
            return mask_value(value, "phone") or ""
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
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == NAME:
            return self.row_tuple(index.row())[_AT["name"]]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._headers[section]
            return None
        return super().headerData(section, orientation, role)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    # -- sorting --------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Name: pinyin order (as core delivered); code: by code; others by value, then name."""
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
        at = _AT[name]
        if name == "code":
            return lambda i: rows[i][at]
        if name in _CHOICE_ORDER:
            rank = _CHOICE_ORDER[name]
            return lambda i: (rank.get(rows[i][at], len(rank)), i)
        if name == "level":
            return lambda i: (rows[i][at], i)
        if name == "phone":
            # By what is shown: ordering by the hidden digits would hint at them.
            def phone_key(i):
                shown = mask_value(rows[i][at], "phone")
                return (not shown, shown or "", i)
            return phone_key

        def text_key(i):   # owner; empty values last
            value = rows[i][at]
            return (value in (None, ""), value or "", i)
        return text_key

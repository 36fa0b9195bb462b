"""A history of outcomes: one row per past applicant or customer, its characteristics
and whether it went bad — read from a CSV or XLSX file, or taken from the firm's own
graded files (``outcomes``).

Which value of the outcome column means bad is said by the user (``bad``) or read off
the usual spellings (1/0, bad/good, yes/no, 是/否, 违约/正常). A column is a number
when almost all its filled cells read as numbers; otherwise its values are categories.
Columns that cannot describe an applicant (one value for all, a different value for
each as an identifier has, or the outcome itself) are left out with the reason. A date
column, when there is one, orders the rows in time for a held-out later period.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import i18n
from ..errors import CustdeskError
from ..importing.reading import read_table

i18n.register({
    "history.no_outcome": ("文件中没有结果列 {column}（有：{columns}）",
                           "the file has no outcome column {column} (it has: {columns})"),
    "history.which_bad": ("结果列 {column} 的取值 {values} 中哪一个表示不良？请指定（命令行：--bad）",
                          "which value of the outcome column {column} means bad ({values})? "
                          "Say which (on the command line: --bad)"),
    "history.bad_absent": ("结果列 {column} 中没有取值 {value}（有：{values}）",
                           "the outcome column {column} never holds {value} (it holds: "
                           "{values})"),
    "history.too_few": ("可用的行太少：{rows} 行，其中不良 {bad} 行（至少各需 {need} 行好与不良）",
                        "too few usable rows: {rows}, {bad} of them bad (at least {need} good "
                        "and {need} bad are needed)"),
    "history.skip.constant": ("只有一个取值", "one value only"),
    "history.skip.identifier": ("每行取值不同（像编号）", "a different value in every row (an identifier)"),
    "history.skip.empty": ("几乎全部为空", "almost all empty"),
    "history.skip.date": ("日期列（用于按时间留出样本）", "the date column (orders rows in time)"),
    "history.skip.many_levels": ("类别过多（{n} 个）", "too many categories ({n})"),
})

_UNKNOWN = "\0outcome not known"      # a population's outcome column, when it has none
MISSING_TEXT = {"", "na", "n/a", "nan", "null", "none", "-", "--", "—", "缺失", "无数据"}
BAD_WORDS = {"1", "bad", "yes", "y", "true", "default", "defaulted", "是", "违约", "不良", "坏"}
GOOD_WORDS = {"0", "good", "no", "n", "false", "正常", "否", "好", "非违约"}
MIN_EACH = 10                 # good and bad rows a model needs at the very least
MAX_LEVELS = 200              # a category column with more distinct values is not used
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_DATE = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?")


class HistoryError(CustdeskError):
    """A history that cannot be used (the message says why)."""


def number(text) -> float | None:
    """A cell as a number ("1,234.5", "12%", "¥3 000" read as 1234.5, 12, 3000), or None."""
    if text is None:
        return None
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        return float(text)
    cleaned = str(text).strip().replace(",", "").replace("，", "").replace(" ", "")
    cleaned = cleaned.lstrip("¥￥$").rstrip("%元")
    return float(cleaned) if _NUMBER.match(cleaned) else None


def is_missing(text) -> bool:
    return text is None or str(text).strip().lower() in MISSING_TEXT


def date_of(text) -> datetime.date | None:
    match = _DATE.match(str(text or "").strip())
    if not match:
        return None
    try:
        return datetime.date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


@dataclass
class Column:
    key: str
    type: str                              # "number" or "category"
    values: list                           # float | None, or str | None, one per row


@dataclass
class History:
    columns: list[Column]                  # the characteristics that can be used
    bad: list[int]                         # 1 bad, 0 good, one per row
    dates: list[datetime.date | None] | None = None
    skipped: dict[str, str] = field(default_factory=dict)   # column -> why it is not used
    dropped_rows: int = 0                  # rows without an outcome
    source: str = ""

    @property
    def rows(self) -> int:
        return len(self.bad)

    @property
    def bads(self) -> int:
        return sum(self.bad)

    def column(self, key: str) -> Column | None:
        return next((c for c in self.columns if c.key == key), None)

    def subset(self, index: list[int]) -> "History":
        return History([Column(c.key, c.type, [c.values[i] for i in index]) for c in self.columns],
                       [self.bad[i] for i in index],
                       [self.dates[i] for i in index] if self.dates else None,
                       dict(self.skipped), 0, self.source)

    def row_inputs(self, i: int) -> dict:
        return {c.key: c.values[i] for c in self.columns}


def outcome_flags(values: list[str], column: str, bad: str | None) -> list[int | None]:
    """1/0 per row from the outcome column (None where it is empty)."""
    seen = sorted({str(v).strip() for v in values if not is_missing(v)})
    if bad is not None:
        wanted = str(bad).strip().lower()

        def same(v) -> bool:          # "1" is "1.0"; "Bad" is "bad"
            text = str(v).strip().lower()
            if text == wanted:
                return True
            a, b = number(text), number(wanted)
            return a is not None and a == b

        if not any(same(v) for v in seen):
            raise HistoryError(i18n.tr("history.bad_absent", column=column, value=bad,
                                       values=", ".join(seen[:10])))
        return [None if is_missing(v) else int(same(v)) for v in values]
    lowered = {v.lower() for v in seen}
    if len(seen) == 2 and len(lowered & BAD_WORDS) == 1 and len(lowered & GOOD_WORDS) == 1:
        return [None if is_missing(v) else int(str(v).strip().lower() in BAD_WORDS)
                for v in values]
    if len(seen) == 2 and all(number(v) is not None for v in seen) and \
            {number(v) for v in seen} == {0.0, 1.0}:
        return [None if is_missing(v) else int(number(v) == 1.0) for v in values]
    raise HistoryError(i18n.tr("history.which_bad", column=column,
                               values=", ".join(seen[:10])))


def from_table(headers: list[str], rows: list[list[str]], outcome: str, bad: str | None = None,
               *, date_column: str | None = None, source: str = "",
               population: bool = False) -> History:
    """A history from a table's cells (text), keeping the rows that have an outcome.

    ``population``: the rows are a population to compare with (PSI), whose outcomes need
    not be known yet: an outcome column is optional and every row is kept."""
    names = [h.strip() for h in headers]
    if population and (outcome.strip() not in names or bad is None and not _clear_outcome(
            [r[names.index(outcome.strip())] for r in rows if names.index(outcome.strip()) < len(r)])):
        names = names + [_UNKNOWN]
        rows = [list(r) + [""] for r in rows]
        outcome = _UNKNOWN
    if outcome.strip() not in names:
        raise HistoryError(i18n.tr("history.no_outcome", column=outcome,
                                   columns=", ".join(names)))
    at = names.index(outcome.strip())
    flags = [0] * len(rows) if outcome == _UNKNOWN else \
        outcome_flags([r[at] if at < len(r) else "" for r in rows], outcome, bad)
    kept = [i for i, f in enumerate(flags) if f is not None]
    bad_flags = [flags[i] for i in kept]
    cells = [[(rows[i][j] if j < len(rows[i]) else "") for i in kept] for j in range(len(names))]
    skipped: dict[str, str] = {}
    dates = None
    date_at = names.index(date_column) if date_column in names else _date_column(names, cells, at)
    if date_at is not None:
        parsed = [date_of(v) for v in cells[date_at]]
        if sum(d is not None for d in parsed) >= 0.9 * max(1, len(parsed)):
            dates = parsed
            skipped[names[date_at]] = i18n.tr("history.skip.date")
    columns = []
    for j, name in enumerate(names):
        if j == at or name in skipped or not name:
            continue
        column, why = _column(name, cells[j])
        if column is None:
            skipped[name] = why
        else:
            columns.append(column)
    history = History(columns, bad_flags, dates, skipped, len(rows) - len(kept), source)
    need = MIN_EACH
    if not population and (history.bads < need or history.rows - history.bads < need):
        raise HistoryError(i18n.tr("history.too_few", rows=history.rows, bad=history.bads,
                                   need=need))
    return history


def _clear_outcome(values: list[str]) -> bool:
    """Can the bad value be read off these outcomes without being told?"""
    try:
        outcome_flags(values, "", None)
        return True
    except HistoryError:
        return False


def _date_column(names: list[str], cells: list[list[str]], outcome_at: int) -> int | None:
    for j, name in enumerate(names):
        if j == outcome_at:
            continue
        sample = [v for v in cells[j][:200] if not is_missing(v)]
        if sample and sum(date_of(v) is not None for v in sample) >= 0.9 * len(sample) and \
                any(word in name.lower() for word in ("date", "日期", "时间", "month", "月份")):
            return j
    return None


def _column(name: str, cells: list[str]) -> tuple[Column | None, str]:
    filled = [v for v in cells if not is_missing(v)]
    if len(filled) < 0.05 * max(1, len(cells)):
        return None, i18n.tr("history.skip.empty")
    numbers = [number(v) for v in filled]
    if sum(n is not None for n in numbers) >= 0.95 * len(filled):
        values = [None if is_missing(v) else number(v) for v in cells]
        distinct = {v for v in values if v is not None}
        if len(distinct) < 2:
            return None, i18n.tr("history.skip.constant")
        # Whole numbers all different, row after row: a row number or an applicant's id.
        if len(filled) > 50 and len(distinct) == len(filled) and all(
                v.is_integer() for v in distinct):
            return None, i18n.tr("history.skip.identifier")
        return Column(name, "number", values), ""
    levels = {str(v).strip() for v in filled}
    if len(levels) < 2:
        return None, i18n.tr("history.skip.constant")
    if len(levels) >= 0.9 * len(filled) and len(filled) > 20:
        return None, i18n.tr("history.skip.identifier")
    if len(levels) > MAX_LEVELS:
        return None, i18n.tr("history.skip.many_levels", n=len(levels))
    return Column(name, "category", [None if is_missing(v) else str(v).strip() for v in cells]), ""


def read(path: Path | str, outcome: str, bad: str | None = None, *,
         date_column: str | None = None, population: bool = False) -> History:
    """Read a history file (CSV in any common encoding, or XLSX); ``population``: see
    ``from_table``."""
    table = read_table(Path(path))
    rows = [cells for _number, cells in table.rows]
    return from_table(table.headers, rows, outcome, bad, date_column=date_column,
                      source=Path(path).name, population=population)

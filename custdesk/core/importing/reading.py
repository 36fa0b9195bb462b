"""Reading an import file: CSV in any of the encodings Chinese offices produce, or XLSX.

A table is its header and an iterator of ``(row number, cells)``: row numbers are
as a spreadsheet shows them (the header is row 1), cells are text. Rows are read
lazily, so a file of 100,000 customers is never held as a list of rows.
"""

from __future__ import annotations

import codecs
import csv
import datetime
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from .. import i18n
from ..errors import CustdeskError
from ..files import os_error_text

i18n.register({
    "import.unreadable": ("无法读取文件 {name}：{why}", "cannot read {name}: {why}"),
    "import.encoding": ("无法识别文件的字符编码（可用 UTF-8、GBK 或 GB18030）",
                        "the file's character encoding is not recognised (use UTF-8, GBK or GB18030)"),
    "import.empty": ("文件没有表头行", "the file has no header row"),
    "import.bad_row": ("第 {row} 行无法读取：{why}", "row {row} cannot be read: {why}"),
    "import.format": ("只能导入 CSV 或 XLSX 文件（旧的 .xls 请先在 Excel 中另存为 .xlsx）",
                      "only CSV and XLSX files can be imported (save an old .xls as .xlsx first)"),
    "import.not_workbook": ("不是有效的 Excel 工作簿（.xlsx），可能已损坏", "not a valid Excel workbook "
                            "(.xlsx); it may be damaged"),
    "import.no_sheet": ("工作簿中没有可见的工作表", "the workbook has no visible sheet"),
    "import.csv.unclosed": ("引号未闭合（某个以引号开始的单元格一直没有结束）",
                            "a quote is never closed (a cell that starts with a quote does not end)"),
    "import.csv.after_quote": ("引号后面应是分隔符", "a delimiter should follow the closing quote"),
    "import.csv.nul": ("含有空字符（NUL），文件可能不是文本文件", "it holds a NUL character; the file may not "
                       "be text"),
    "import.csv.too_long": ("单元格内容过长", "a cell is too long"),
    "import.old_xls": ("这是旧版 Excel 文件（.xls）：请在 Excel 中另存为 .xlsx 或 CSV 后再导入",
                       "this is an old Excel file (.xls): save it as .xlsx or CSV in Excel first"),
    "import.html": ("这是网页（HTML）文件，不是表格：请在 Excel 中打开后另存为 .xlsx 或 CSV",
                    "this is a web page (HTML), not a table: open it in Excel and save it as .xlsx "
                    "or CSV"),
    "import.mixed_encoding": ("文件混用了多种字符编码（部分行为 UTF-8，部分行为 GBK），无法可靠读取："
                              "请在 Excel 中统一另存为“CSV UTF-8”",
                              "the file mixes character encodings (some lines UTF-8, some GBK) and "
                              "cannot be read reliably: save it again as \"CSV UTF-8\""),
})

DELIMITERS = (",", "\t", ";")
# A cell may hold up to this many characters (the csv module's default, 128 KiB, is
# smaller than some exported notes fields).
_CELL_LIMIT = 16 * 1024 * 1024
# The signatures of files that are not tables at all (named .csv by someone).
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"      # an old .xls (or .doc) file
_CSV_REASONS = {"unexpected end of data": "import.csv.unclosed",
                "expected after": "import.csv.after_quote", "NUL": "import.csv.nul",
                "field larger than field limit": "import.csv.too_long"}
# Encodings charset-normalizer may name for Chinese text; GB18030 decodes all of them.
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "hz", "cp936", "euc_cn", "hz_gb_2312"}
_EAST_ASIAN = {"big5", "big5hkscs", "cp950", "cp949", "euc_kr", "johab", "cp932", "shift_jis",
               "shift_jis_2004", "shift_jisx0213", "euc_jp", "euc_jis_2004", "euc_jisx0213",
               "iso2022_jp", "iso2022_kr"}
_SAMPLE = 256 * 1024


class ImportFileError(CustdeskError):
    """The file cannot be read as a table at all (nothing was imported)."""


@dataclass
class Table:
    headers: list[str]
    rows: Iterator[tuple[int, list[str]]]
    encoding: str | None = None        # CSV only
    delimiter: str | None = None       # CSV only
    extra: dict = field(default_factory=dict)


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding name): UTF-16 with a BOM (Excel's "Unicode text"); UTF-8 (with or
    without BOM) when it decodes; GB18030 (the superset of GB2312 and GBK) when it decodes
    to Chinese text; else what charset-normalizer finds (GB18030 again when it is among
    its candidates or its guess is another East Asian encoding)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig"), ("utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8")
    except UnicodeDecodeError:
        pass
    if _mixed_utf8(data):
        raise ImportFileError(i18n.tr("import.mixed_encoding"))
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None and _looks_chinese(text):
        return text, "gb18030"
    from charset_normalizer import from_bytes
    sample = data[:_SAMPLE]
    if len(data) > _SAMPLE and b"\n" in sample:
        # A line feed never occurs inside a GBK/GB18030 character: cut there.
        sample = sample[:sample.rindex(b"\n") + 1]
    # charset-normalizer's first guess for a few lines of Chinese is often cp949, big5 or
    # even UTF-16. This program reads mainland offices' files: a UTF-16 guess for bytes
    # without a single NUL (every ASCII comma would have one) is dropped, and any GB or
    # other East Asian multi-byte reading gives way to GB18030, which reads GB2312 and GBK.
    # Only a single-byte guess (cp1252, ...) is taken as it is.
    matches = [m.encoding.lower().replace("-", "_") for m in from_bytes(sample)]
    if b"\x00" not in sample:
        matches = [m for m in matches if not m.startswith(("utf_16", "utf_32"))]
    if not matches or any(m in _GB_FAMILY or m in _EAST_ASIAN for m in matches[:1]) or \
            any(m in _GB_FAMILY for m in matches):
        candidates = ["gb18030", *matches]
    else:
        candidates = [*matches, "gb18030"]
    for encoding in candidates:
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError):
            continue
    raise ImportFileError(i18n.tr("import.encoding"))


def _mixed_utf8(data: bytes) -> bool:
    """Some lines are UTF-8 Chinese and others are not UTF-8 at all: rows appended in
    another program's encoding. Read whole as GB18030, the UTF-8 lines would become
    plausible-looking wrong characters (张伟 → 寮犱紵), so such a file is refused."""
    utf8 = other = 0
    for line in data[:4 * _SAMPLE].split(b"\n"):
        if line.isascii():
            continue
        try:
            decoded = line.decode("utf-8")
        except UnicodeDecodeError:
            other += 1
            continue
        if _looks_chinese(decoded):
            utf8 += 1
        if utf8 and other and utf8 >= 2:
            return True
    return bool(utf8 >= 2 and other)


def _looks_chinese(text: str) -> bool:
    """Most of the non-ASCII characters are Chinese characters or CJK punctuation (what a
    GBK or GB18030 file of Chinese text decodes to; the same bytes read as GB18030 when
    they are really Big5, Latin-1 or Cyrillic give odd symbols and rare characters)."""
    wide = cjk = 0
    for char in text[:_SAMPLE]:
        if char > "\x7f":
            wide += 1
            code = ord(char)
            if 0x4E00 <= code <= 0x9FFF or 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFFEF \
                    or 0x3400 <= code <= 0x4DBF or 0x20000 <= code <= 0x3FFFF:
                cjk += 1
    return wide > 0 and cjk * 4 >= wide * 3


def sniff_delimiter(text: str) -> str:
    """The delimiter (comma, tab or semicolon) that splits the first lines most
    consistently into the most columns."""
    lines = []
    for line in io.StringIO(text):
        if line.strip():
            lines.append(line)
        if len(lines) >= 20:
            break
    if not lines:
        return ","
    sample = "".join(lines)
    best, best_score = ",", (0, 0)
    for delimiter in DELIMITERS:
        try:
            widths = [len(r) for r in csv.reader(io.StringIO(sample), delimiter=delimiter) if r]
        except csv.Error:
            continue
        if not widths or widths[0] < 2:
            continue
        # Rows as wide as the header count (the last line may be cut mid-record).
        score = (sum(w == widths[0] for w in widths), widths[0])
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _csv_rows(text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    # strict: a quote left open would otherwise swallow every following line into one
    # cell without a word.
    csv.field_size_limit(max(csv.field_size_limit(), _CELL_LIMIT))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    number = 0                        # records, as Excel numbers rows (a cell may hold line breaks)
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:      # a NUL byte, an unclosed quote, ...
            raise ImportFileError(i18n.tr("import.bad_row", row=number + 1,
                                          why=_csv_reason(exc))) from exc
        number += 1
        yield number, row


def _csv_reason(error: csv.Error) -> str:
    text = str(error)
    for fragment, key in _CSV_REASONS.items():
        if fragment in text:
            return i18n.tr(key)
    return text


def read_csv_text(text: str, delimiter: str | None = None) -> Table:
    delimiter = delimiter or sniff_delimiter(text)
    rows = _csv_rows(text, delimiter)
    return _with_header(rows, delimiter=delimiter)


def _with_header(rows: Iterator[tuple[int, list[str]]], encoding: str | None = None,
                 delimiter: str | None = None) -> Table:
    """The first row with anything in it is the header (rows above it may be blank)."""
    for number, cells in rows:
        if any(c.strip() for c in cells):
            return Table(headers=cells, rows=_non_blank(rows), encoding=encoding,
                         delimiter=delimiter, extra={"header_row": number})
    raise ImportFileError(i18n.tr("import.empty"))


def _non_blank(rows):
    for number, cells in rows:
        if any(c.strip() for c in cells):
            yield number, cells


def cell_text(value) -> str:
    """A spreadsheet cell as text: dates become ISO dates, integral numbers lose '.0'."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    return str(value)


def _xlsx_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """Rows of the sheet the workbook opens on (the first visible one when that is hidden),
    numbered as Excel shows them. Opened from a file object: a workbook named .csv reads
    too (openpyxl refuses a path by its extension)."""
    from openpyxl import load_workbook
    with open(path, "rb") as handle:
        book = load_workbook(handle, read_only=True, data_only=True)
        try:
            visible = [s for s in book.worksheets if s.sheet_state == "visible"]
            if not visible:
                raise ImportFileError(i18n.tr("import.no_sheet"))
            sheet = book.active if book.active in visible else visible[0]
            # min_row=1: a table that starts lower down keeps Excel's row numbers.
            for number, values in enumerate(sheet.iter_rows(min_row=1, values_only=True), 1):
                yield number, [cell_text(v) for v in values]
        finally:
            book.close()


def read_table(path: Path | str) -> Table:
    """Open a CSV or XLSX file as a table (the first sheet of a workbook)."""
    path = Path(path)
    try:
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            return _read_xlsx(path)
        if path.suffix.lower() in (".xls",):
            raise ImportFileError(i18n.tr("import.format"))
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(i18n.tr("import.unreadable", name=path.name, why=os_error_text(exc))) \
            from exc
    if data[:4] == b"PK\x03\x04":   # a workbook saved with another extension
        return _read_xlsx(path)
    if data.startswith(_OLE):
        raise ImportFileError(i18n.tr("import.old_xls"))
    if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:15].lower().startswith((b"<!doctype html", b"<html",
                                                                        b"<table")):
        raise ImportFileError(i18n.tr("import.html"))
    text, encoding = decode(data)
    del data
    table = read_csv_text(text)
    table.encoding = encoding
    return table


def _read_xlsx(path: Path) -> Table:
    try:
        return _with_header(_xlsx_rows(path))
    except ImportFileError:
        raise
    except OSError as exc:
        raise ImportFileError(i18n.tr("import.unreadable", name=path.name, why=os_error_text(exc))) \
            from exc
    except Exception as exc:      # openpyxl: not a zip, not a workbook, ...
        raise ImportFileError(i18n.tr("import.unreadable", name=path.name,
                                      why=i18n.tr("import.not_workbook"))) from exc

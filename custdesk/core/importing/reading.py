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
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Iterator

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
    "import.not_regular": ("{name} 不是普通文件（可能是设备、管道或文件夹），不能导入",
                           "{name} is not an ordinary file (a device, pipe or folder) and cannot "
                           "be imported"),
    "import.too_large": ("文件超过 {limit} MB，不能导入：请分成几个文件", "the file is larger than "
                         "{limit} MB and cannot be imported: split it into several files"),
    "import.too_many_rows": ("文件超过 {limit} 行，不能导入：请分成几个文件", "the file has more than "
                             "{limit} rows and cannot be imported: split it into several files"),
    "import.too_many_columns": ("第 {row} 行超过 {limit} 列，不能导入", "row {row} has more than "
                                "{limit} columns and cannot be imported"),
    "import.cell_too_long": ("第 {row} 行有单元格超过 {limit} 个字符", "row {row} has a cell "
                             "longer than {limit} characters"),
    "import.unzipped_too_large": ("工作簿解压后超过 {limit} MB（或其中的共享字符串表过大），可能是恶意构造"
                                  "的文件，不能导入", "the workbook unpacks to more than {limit} MB "
                                  "(or its shared strings are too large); it may be built to harm "
                                  "and cannot be imported"),
    "import.encoding_guess": ("文件的字符编码看来是{guess}，不是 UTF-8 或中文编码（GBK、GB18030、Big5），"
                              "按中文读取会成为乱码：请在 Excel 中另存为“CSV UTF-8”后再导入",
                              "the file's character encoding looks like {guess}, not UTF-8 or a "
                              "Chinese encoding (GBK, GB18030, Big5); read as Chinese it would be "
                              "garbled: save it as \"CSV UTF-8\" and import that"),
    "import.encoding_row": ("第 {row} 行附近的字符不是 {encoding} 编码（文件混用了多种编码？）："
                            "请在 Excel 中另存为“CSV UTF-8”", "the characters near row {row} are "
                            "not {encoding} (does the file mix encodings?): save it again as "
                            "\"CSV UTF-8\""),
    "import.mixed_encoding": ("文件混用了多种字符编码（部分行为 UTF-8，部分行为 GBK），无法可靠读取："
                              "请在 Excel 中统一另存为“CSV UTF-8”",
                              "the file mixes character encodings (some lines UTF-8, some GBK) and "
                              "cannot be read reliably: save it again as \"CSV UTF-8\""),
})

DELIMITERS = (",", "\t", ";")
# Limits on what an import file may hold, so that a hostile or broken file is refused with
# a message instead of exhausting memory or time. Far above any customer list: Excel itself
# holds at most 32,767 characters in a cell; 500,000 rows is five times a large firm's files.
MAX_BYTES = 1024 * 2 ** 20               # a CSV file
MAX_XLSX_BYTES = 256 * 2 ** 20           # a workbook, packed
MAX_UNZIPPED = 1024 * 2 ** 20            # a workbook, every part unpacked
MAX_SHARED_STRINGS = 128 * 2 ** 20       # its shared-strings part unpacked (held in memory)
MAX_ROWS = 500_000
MAX_COLUMNS = 1_000
MAX_CELL = 32_767
LINE_LIMIT = 4 * 2 ** 20                 # characters of one line of a CSV file
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
    """(text, encoding name) of a whole file's bytes (``detect``, then decoded)."""
    encoding = detect(data, complete=True)
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError as exc:
        raise ImportFileError(i18n.tr("import.encoding")) from exc


def _decodes(data: bytes, encoding: str, complete: bool) -> str | None:
    """``data`` decoded strictly (a character cut at the end of a sample is no error), or None."""
    try:
        return codecs.getincrementaldecoder(encoding)("strict").decode(data, final=complete)
    except (UnicodeDecodeError, LookupError):
        return None


def _share(text: str, encoding: str, leads: tuple[int, int]) -> float:
    """Of the Chinese characters in ``text``, the share that are among an encoding's most
    common ones: GB2312 level 1 (lead bytes B0-D7: the 3,755 characters of everyday
    mainland text), Big5 level 1 (A4-C6: 5,401 everyday traditional characters) or JIS
    level 1 (88-98: 2,965 everyday kanji). Text read in the wrong encoding is mostly rare
    characters, so the share tells a right reading from a garbled one."""
    common = total = 0
    for char in text[:_SAMPLE]:
        if "\u4e00" <= char <= "\u9fff":
            total += 1
            try:
                lead = char.encode(encoding)[0]
            except UnicodeEncodeError:
                continue
            common += leads[0] <= lead <= leads[1]
    return common / total if total else 0.0


def _kana(text: str) -> tuple[int, float]:
    """(how many, what share of the non-ASCII characters) are Japanese kana."""
    wide = [c for c in text[:_SAMPLE] if c > "\x7f"]
    count = sum("\u3041" <= c <= "\u30fa" for c in wide)
    return count, (count / len(wide) if wide else 0.0)


def _japanese(reading: str | None, gb_share: float) -> bool:
    """The Shift-JIS reading of a file is Japanese text: kana make up a fifth of it, or it is
    everyday kanji while the Chinese reading is mostly rare characters. A few characters
    prove nothing (any bytes read as something), so each test needs a handful."""
    if reading is None or gb_share >= COMMON_SHARE:
        return False
    count, share = _kana(reading)
    if count >= 4 and share >= 0.2:
        return True
    kanji = sum("\u4e00" <= c <= "\u9fff" for c in reading[:_SAMPLE])
    return kanji >= 6 and _share(reading, "cp932", (0x88, 0x98)) >= COMMON_SHARE \
        and gb_share < COMMON_SHARE / 2


#: the share of everyday characters a reading needs to be taken as that encoding's text
COMMON_SHARE = 0.6
_GUESS_NAMES = {"cp932": "日文 Shift-JIS", "shift_jis": "日文 Shift-JIS", "euc_jp": "日文 EUC-JP",
                "cp949": "韩文 EUC-KR", "euc_kr": "韩文 EUC-KR", "iso2022_jp": "日文 ISO-2022-JP"}


def detect(data: bytes, complete: bool) -> str:
    """The encoding of a CSV file from its first bytes (``complete``: the whole file):
    UTF-16 with a BOM (Excel's "Unicode text"), UTF-8 (with or without BOM), or a Chinese
    encoding read with confidence — GB18030 (which reads GB2312 and GBK) or Big5. Anything
    else (Shift-JIS, EUC-KR, a Western code page...) is refused with the encoding it looks
    like: read as Chinese it would import garbled and look valid."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and \
            _decodes(data, "utf-16", complete) is not None:
        return "utf-16"
    if data.startswith(codecs.BOM_UTF8) and _decodes(data, "utf-8-sig", complete) is not None:
        return "utf-8-sig"
    if _decodes(data, "utf-8", complete) is not None:
        return "utf-8"
    if _mixed_utf8(data):
        raise ImportFileError(i18n.tr("import.mixed_encoding"))
    gb = _decodes(data, "gb18030", complete)
    gb_share = _share(gb, "gb2312", (0xB0, 0xD7)) if gb is not None else 0.0
    if _japanese(_decodes(data, "cp932", complete), gb_share):
        raise ImportFileError(i18n.tr("import.encoding_guess", guess=_guess_name("cp932")))
    if gb is not None and (_looks_chinese(gb) or gb_share >= COMMON_SHARE):
        big5 = _decodes(data, "big5", complete)
        if big5 is not None and _looks_chinese(big5) and \
                _share(big5, "big5", (0xA4, 0xC6)) >= max(COMMON_SHARE, gb_share + 0.2):
            return "big5"
        return "gb18030"
    big5 = _decodes(data, "big5", complete)
    if big5 is not None and _looks_chinese(big5) and _share(big5, "big5", (0xA4, 0xC6)) >= COMMON_SHARE:
        return "big5"
    raise ImportFileError(_unknown_encoding(data))


def _guess_name(encoding: str) -> str:
    name = _GUESS_NAMES.get(encoding)
    if name is None:
        return encoding
    return name if i18n.language() == "zh" else name.split(" ", 1)[1]


def _unknown_encoding(data: bytes) -> str:
    """The refusal of a file in no encoding this program reads, naming what it looks like."""
    from charset_normalizer import from_bytes
    sample = data[:_SAMPLE]
    if b"\n" in sample:
        sample = sample[:sample.rindex(b"\n") + 1]
    best = from_bytes(sample).best()
    if best is None:
        return i18n.tr("import.encoding")
    return i18n.tr("import.encoding_guess", guess=_guess_name(best.encoding.lower().replace("-", "_")))


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


def _csv_rows(lines, delimiter: str, encoding: str | None = None) -> Iterator[tuple[int, list[str]]]:
    """Records of CSV ``lines`` (an iterator of text lines), numbered as Excel numbers rows,
    within the row, column and cell limits."""
    # strict: a quote left open would otherwise swallow every following line into one
    # cell without a word.
    csv.field_size_limit(max(csv.field_size_limit(), MAX_CELL + 1))
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    number = 0                        # records, as Excel numbers rows (a cell may hold line breaks)
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:      # a NUL byte, an unclosed quote, ...
            reason = _csv_reason(exc)
            if reason == i18n.tr("import.csv.too_long"):
                raise ImportFileError(i18n.tr("import.cell_too_long", row=number + 1,
                                              limit=MAX_CELL)) from exc
            raise ImportFileError(i18n.tr("import.bad_row", row=number + 1, why=reason)) from exc
        except UnicodeDecodeError as exc:
            raise ImportFileError(i18n.tr("import.encoding_row", row=number + 1,
                                          encoding=encoding or "UTF-8")) from exc
        number += 1
        _check_row(number, row)
        yield number, row


def _csv_reason(error: csv.Error) -> str:
    text = str(error)
    for fragment, key in _CSV_REASONS.items():
        if fragment in text:
            return i18n.tr(key)
    return text


def _check_row(number: int, row: list) -> None:
    if number > MAX_ROWS + 1:          # the header and MAX_ROWS rows below it
        raise ImportFileError(i18n.tr("import.too_many_rows", limit=MAX_ROWS))
    if len(row) > MAX_COLUMNS:
        raise ImportFileError(i18n.tr("import.too_many_columns", row=number, limit=MAX_COLUMNS))
    for cell in row:
        if len(cell) > MAX_CELL:
            raise ImportFileError(i18n.tr("import.cell_too_long", row=number, limit=MAX_CELL))


def _bounded_lines(stream) -> Iterator[str]:
    """The lines of a text stream, each read with a length limit: a gigabyte without a line
    break is refused after LINE_LIMIT characters, never held whole (named by its line
    number, which is the row's unless a quoted cell above holds line breaks)."""
    number = 0
    while True:
        line = stream.readline(LINE_LIMIT)
        number += 1
        if not line:
            return
        if len(line) >= LINE_LIMIT and not line.endswith(("\n", "\r")):
            raise ImportFileError(i18n.tr("import.cell_too_long", row=number, limit=MAX_CELL))
        yield line


def _decoded_lines(handle, encoding: str) -> Iterator[str]:
    """The lines of a binary file decoded one by one, so that bytes not in ``encoding`` are
    reported at their own row. (In UTF-8, GB18030 and Big5 a line-feed byte is never part of
    a character; UTF-16 is decoded as a stream.)"""
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    number = 0                            # lines, as _bounded_lines counts them
    while True:
        line = handle.readline(LINE_LIMIT)
        number += 1
        if not line:
            tail = decoder.decode(b"", final=True)
            if tail:
                yield tail
            return
        if len(line) >= LINE_LIMIT and not line.endswith((b"\n", b"\r")):
            raise ImportFileError(i18n.tr("import.cell_too_long", row=number, limit=MAX_CELL))
        yield decoder.decode(line)


def read_csv_text(text: str, delimiter: str | None = None) -> Table:
    delimiter = delimiter or sniff_delimiter(text)
    rows = _csv_rows(io.StringIO(text, newline=""), delimiter)
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


def open_regular(path: Path, limit: int) -> BinaryIO:
    """An ordinary file opened for reading, at most ``limit`` bytes of it: a device
    (/dev/zero says size 0), a pipe (which would wait for a writer) or a folder is refused
    before a byte is read, and reading past ``limit`` is refused whatever stat said."""
    try:
        # Non-blocking: opening a pipe with no writer returns at once (then is refused).
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise ImportFileError(i18n.tr("import.unreadable", name=path.name, why=os_error_text(exc))) \
            from exc
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ImportFileError(i18n.tr("import.not_regular", name=path.name))
        if info.st_size > limit:
            raise ImportFileError(i18n.tr("import.too_large", limit=limit // 2 ** 20))
        handle = os.fdopen(fd, "rb", buffering=0)
    except BaseException:
        os.close(fd)
        raise
    return io.BufferedReader(_Limited(handle, limit), 1 << 16)


class _Limited(io.RawIOBase):
    """A raw file that refuses to give more than ``limit`` bytes (a file growing while read)."""

    def __init__(self, raw, limit: int):
        self._raw, self._left, self._limit = raw, limit, limit

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return self._raw.seekable()

    def seek(self, offset: int, whence: int = 0) -> int:
        position = self._raw.seek(offset, whence)
        self._left = self._limit - position
        return position

    def tell(self) -> int:
        return self._raw.tell()

    def readinto(self, buffer) -> int:
        count = self._raw.readinto(memoryview(buffer)[:max(self._left, 0) + 1])
        self._left -= count or 0
        if self._left < 0:
            raise ImportFileError(i18n.tr("import.too_large", limit=self._limit // 2 ** 20))
        return count

    def close(self) -> None:
        self._raw.close()
        super().close()


def _check_zip(handle: BinaryIO) -> None:
    """Refuse a workbook that unpacks to more than MAX_UNZIPPED bytes, or whose shared
    strings (which every reader holds in memory) unpack to more than MAX_SHARED_STRINGS —
    by unpacking it, not by trusting the sizes the archive declares."""
    import zipfile
    too_big = ImportFileError(i18n.tr("import.unzipped_too_large", limit=MAX_UNZIPPED // 2 ** 20))
    with zipfile.ZipFile(handle) as archive:
        members = archive.infolist()
        if len(members) > 10_000 or sum(m.file_size for m in members) > MAX_UNZIPPED:
            raise too_big
        total = 0
        for member in members:
            cap = MAX_SHARED_STRINGS if member.filename.lower().endswith("sharedstrings.xml") \
                else MAX_UNZIPPED
            size = 0
            with archive.open(member) as stream:
                while chunk := stream.read(1 << 20):
                    size += len(chunk)
                    total += len(chunk)
                    if size > cap or total > MAX_UNZIPPED:
                        raise ImportFileError(i18n.tr("import.unzipped_too_large",
                                                      limit=cap // 2 ** 20))
    handle.seek(0)


def _xlsx_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """Rows of the sheet the workbook opens on (the first visible one when that is hidden),
    numbered as Excel shows them, streamed from the sheet's XML: the dimension the sheet
    declares (A1:XFD1048576) is never used to pad rows or columns, a row is as wide as its
    last cell, and rows, columns and cells are capped as in a CSV file. Opened from a file
    object: a workbook named .csv reads too (openpyxl refuses a path by its extension)."""
    from openpyxl import load_workbook
    from openpyxl.worksheet._reader import WorkSheetParser
    with open_regular(path, MAX_XLSX_BYTES) as handle:
        _check_zip(handle)
        book = load_workbook(handle, read_only=True, data_only=True)
        try:
            visible = [s for s in book.worksheets if s.sheet_state == "visible"]
            if not visible:
                raise ImportFileError(i18n.tr("import.no_sheet"))
            sheet = book.active if book.active in visible else visible[0]
            with sheet._get_source() as source:
                parser = WorkSheetParser(source, sheet._shared_strings, data_only=True,
                                         epoch=book.epoch, date_formats=book._date_formats,
                                         timedelta_formats=book._timedelta_formats)
                for number, cells in parser.parse():
                    if number > MAX_ROWS + 1:
                        raise ImportFileError(i18n.tr("import.too_many_rows", limit=MAX_ROWS))
                    cells = [c for c in cells if c["value"] is not None]
                    if not cells:
                        continue
                    width = max(c["column"] for c in cells)
                    if width > MAX_COLUMNS:
                        raise ImportFileError(i18n.tr("import.too_many_columns", row=number,
                                                      limit=MAX_COLUMNS))
                    row = [""] * width
                    for cell in cells:
                        row[cell["column"] - 1] = cell_text(cell["value"])
                    _check_row(number, row)
                    yield number, row
        finally:
            book.close()


def read_table(path: Path | str) -> Table:
    """Open a CSV or XLSX file as a table (the first sheet of a workbook), streamed: rows are
    read as they are used, within the limits (MAX_BYTES, MAX_ROWS, MAX_COLUMNS, MAX_CELL)."""
    path = Path(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    if path.suffix.lower() in (".xls",):
        raise ImportFileError(i18n.tr("import.format"))
    handle = open_regular(path, MAX_BYTES)
    try:
        head = handle.read(_SAMPLE)
        if head[:4] == b"PK\x03\x04":   # a workbook saved with another extension
            handle.close()
            return _read_xlsx(path)
        if head.startswith(_OLE):
            raise ImportFileError(i18n.tr("import.old_xls"))
        if head.lstrip(b"\xef\xbb\xbf \t\r\n")[:15].lower().startswith((b"<!doctype html", b"<html",
                                                                            b"<table")):
            raise ImportFileError(i18n.tr("import.html"))
        complete = len(head) < _SAMPLE
        encoding = detect(head, complete)
        sample = _decodes(head, encoding, complete) or ""
        if not complete and "\n" in sample:
            sample = sample[:sample.rindex("\n") + 1]
        delimiter = sniff_delimiter(sample)
        handle.seek(0)
        if encoding == "utf-16":
            text = io.TextIOWrapper(handle, encoding=encoding, errors="strict", newline="")
            lines = _bounded_lines(text)
        else:
            text, lines = handle, _decoded_lines(handle, encoding)
    except OSError as exc:
        handle.close()
        raise ImportFileError(i18n.tr("import.unreadable", name=path.name, why=os_error_text(exc))) \
            from exc
    except BaseException:
        handle.close()
        raise
    table = _with_header(_closing(_csv_rows(lines, delimiter, encoding), text),
                         encoding=encoding, delimiter=delimiter)
    return table


def _closing(rows: Iterator, stream) -> Iterator:
    """The rows, then the file closed (also when reading stops half-way)."""
    try:
        yield from rows
    except OSError as exc:
        raise ImportFileError(i18n.tr("import.unreadable", name="", why=os_error_text(exc))) from exc
    finally:
        stream.close()


def _read_xlsx(path: Path) -> Table:
    rows = _xlsx_rows(path)
    try:
        return _with_header(_xlsx_errors(rows, path))
    except ImportFileError:
        rows.close()
        raise


def _xlsx_errors(rows: Iterator, path: Path) -> Iterator:
    """Rows of a workbook, its failures told as import errors."""
    try:
        yield from rows
    except ImportFileError:
        raise
    except OSError as exc:
        raise ImportFileError(i18n.tr("import.unreadable", name=path.name, why=os_error_text(exc))) \
            from exc
    except MemoryError as exc:
        raise ImportFileError(i18n.tr("import.unzipped_too_large",
                                      limit=MAX_UNZIPPED // 2 ** 20)) from exc
    except Exception as exc:      # openpyxl: not a zip, not a workbook, ...
        raise ImportFileError(i18n.tr("import.unreadable", name=path.name,
                                      why=i18n.tr("import.not_workbook"))) from exc

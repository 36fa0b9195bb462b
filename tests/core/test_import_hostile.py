"""Hostile and broken import files: each is read in a process of its own under a memory limit
and a time limit, and ends in a one-line refusal (or its rows), never a hang, an exhausted
memory or a traceback. The files are made here, small: a bomb is a few hundred KB packed."""

from __future__ import annotations

import io
import os
import resource
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

from custdesk.core import i18n
from custdesk.core.importing import ImportFileError, read_table

ROOT = Path(__file__).resolve().parents[2]
MEMORY_LIMIT = 1536 * 2 ** 20        # address space of the reading process
TIME_LIMIT = 120                     # seconds: a hang guard, far above any outcome here

_READER = textwrap.dedent("""
    import sys
    from custdesk.core import i18n
    from custdesk.core.importing import ImportFileError, read_table
    i18n.set_language("en")
    try:
        table = read_table(sys.argv[1])
        count = sum(1 for _ in table.rows)
    except ImportFileError as exc:
        print("refused:", exc)
    else:
        print("rows:", count, "|".join(table.headers))
""")


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def read_limited(path: Path) -> str:
    """The reader's one line of output, run under the memory and time limits."""
    out = subprocess.run([sys.executable, "-c", _READER, str(path)], capture_output=True,
                         text=True, timeout=TIME_LIMIT, preexec_fn=_limit_memory, cwd=ROOT,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert out.returncode == 0 and "Traceback" not in out.stderr, out.stderr[-2000:]
    return out.stdout.strip()


# -- workbooks built by hand -------------------------------------------------------------------
_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
</Types>"""
_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
_WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="客户" sheetId="1" r:id="rId1"/></sheets></workbook>"""
_WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
</Relationships>"""
_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def workbook(path: Path, rows: str, dimension: str = "A1:B2", strings=("客户名称", "张伟")) -> Path:
    """A workbook of one sheet: ``rows`` is its <sheetData> XML; ``strings`` the shared
    strings (an iterable of text, or a callable writing the part itself)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        archive.writestr("xl/worksheets/sheet1.xml",
                         f'<?xml version="1.0" encoding="UTF-8"?><worksheet {_NS}>'
                         f'<dimension ref="{dimension}"/><sheetData>{rows}</sheetData></worksheet>')
        with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as part:
            if callable(strings):
                strings(part)
            else:
                items = "".join(f"<si><t>{s}</t></si>" for s in strings)
                part.write(f'<sst {_NS} count="{len(strings)}">{items}</sst>'.encode())
    return path


_TWO_ROWS = ('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
             '<row r="2"><c r="A2" t="s"><v>1</v></c></row>')


def test_a_workbook_that_declares_the_whole_sheet_reads_only_its_cells(tmp_path):
    path = workbook(tmp_path / "dimension.xlsx", _TWO_ROWS, dimension="A1:XFD1048576")
    assert path.stat().st_size < 5000
    assert read_limited(path) == "rows: 1 客户名称"


def test_a_cell_far_out_is_refused_at_once(tmp_path):
    far_right = _TWO_ROWS + '<row r="3"><c r="XFD3" t="s"><v>1</v></c></row>'
    assert "more than 1000 columns" in read_limited(workbook(tmp_path / "wide.xlsx", far_right))
    far_down = _TWO_ROWS + '<row r="1048576"><c r="A1048576" t="s"><v>1</v></c></row>'
    assert "more than 500000 rows" in read_limited(workbook(tmp_path / "deep.xlsx", far_down))


def test_a_shared_strings_bomb_is_refused_before_it_is_read(tmp_path):
    def bomb(part):       # 160 MB of shared strings, a few hundred KB packed
        part.write(f'<sst {_NS}>'.encode())
        item = b"<si><t>" + b"A" * 4000 + b"</t></si>"
        for _ in range(40_000):
            part.write(item)
        part.write(b"</sst>")
    path = workbook(tmp_path / "strings.xlsx", _TWO_ROWS, strings=bomb)
    assert path.stat().st_size < 1_000_000
    assert "unpacks to more than" in read_limited(path)


def test_a_zip_that_is_no_workbook_is_refused(tmp_path):
    path = tmp_path / "fake.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    assert "not a valid Excel workbook" in read_limited(path)


# -- text files and things that are not files ----------------------------------------------------
def test_devices_pipes_and_folders_are_refused_before_a_byte_is_read(tmp_path):
    fifo = tmp_path / "customers.csv"
    os.mkfifo(fifo)                       # no writer: reading would wait for ever
    for path in (Path("/dev/zero"), Path("/dev/urandom"), fifo, tmp_path):
        assert "not an ordinary file" in read_limited(path), path


def test_a_line_without_end_is_refused_without_being_held(tmp_path):
    path = tmp_path / "one-line.csv"
    with path.open("wb") as out:
        out.write("客户名称,备注\n张伟,".encode())
        for _ in range(64):
            out.write(b"a" * 2 ** 20)     # 64 MB, no line break
    assert "row 2 has a cell longer than 32767 characters" in read_limited(path).lower()


def test_a_line_without_end_in_utf16_is_named_by_its_line(tmp_path):
    path = tmp_path / "one-line-utf16.csv"
    path.write_bytes(("客户名称,备注\n张伟,短\n李娜," + "a" * 2 ** 22).encode("utf-16"))
    assert "row 3 has a cell longer than 32767 characters" in read_limited(path).lower()


def test_a_file_past_the_row_limit_is_refused_in_bounded_memory(tmp_path, monkeypatch):
    from custdesk.core.importing import reading
    monkeypatch.setattr(reading, "MAX_ROWS", 1000)
    path = tmp_path / "long.csv"
    path.write_text("客户名称,类型\n" + "张伟,个人\n" * 1001, encoding="utf-8")
    table = read_table(path)
    with pytest.raises(ImportFileError, match="1000"):
        for _ in table.rows:
            pass


def test_a_file_larger_than_the_limit_is_refused_by_its_size(tmp_path, monkeypatch):
    from custdesk.core.importing import reading
    path = tmp_path / "big.csv"
    with path.open("wb") as out:
        out.write("客户名称\n张伟\n".encode())
        out.truncate(3 * 2 ** 30)         # sparse: 3 GB that take no room
    assert "larger than 1024 MB" in read_limited(path)
    # A file that grows past the limit while read is refused too (stat said less).
    monkeypatch.setattr(reading, "MAX_BYTES", 2 ** 20)
    grown = tmp_path / "grown.csv"
    grown.write_bytes("客户名称\n".encode() + "张伟\n".encode() * 10)
    handle = reading.open_regular(grown, 2 ** 20)
    with grown.open("ab") as out:
        out.write(b"x" * 2 ** 21)
    with pytest.raises(ImportFileError):
        handle.read()
    handle.close()


JAPANESE = "顧客名,住所,電話番号\n田中太郎,東京都千代田区丸の内一丁目,03-1234-5678\n" \
           "株式会社さくら商事,大阪府大阪市北区梅田二丁目,06-8765-4321\n"


def test_a_shift_jis_file_is_refused_not_imported_garbled(tmp_path):
    i18n.set_language("en")
    for encoding in ("shift_jis", "cp932"):
        path = tmp_path / f"{encoding}.csv"
        path.write_bytes(JAPANESE.encode(encoding))
        with pytest.raises(ImportFileError, match="Shift-JIS"):
            read_table(path)
    kanji_only = "顧客名,住所\n田中太郎,東京都千代田区\n鈴木一郎,北海道札幌市中央区\n"
    path = tmp_path / "kanji.csv"
    path.write_bytes(kanji_only.encode("shift_jis"))
    with pytest.raises(ImportFileError, match="Shift-JIS"):
        read_table(path)


def test_big5_is_read_as_big5_and_gbk_as_gbk(tmp_path):
    traditional = "客戶名稱,地址\n張偉,臺北市信義區松高路一號\n陳美玲,高雄市前鎮區中華五路\n"
    path = tmp_path / "big5.csv"
    path.write_bytes(traditional.encode("big5"))
    table = read_table(path)
    assert table.encoding == "big5"
    assert [table.headers, *(cells for _n, cells in table.rows)] == \
        [line.split(",") for line in traditional.strip().split("\n")]
    simplified = "客户名称,地址\n张伟,北京市朝阳区建国路一号\n"
    path.write_bytes(simplified.encode("gbk"))
    table = read_table(path)
    assert table.encoding == "gb18030" and list(table.rows)[0][1] == ["张伟", "北京市朝阳区建国路一号"]


def test_a_western_file_is_refused_with_what_it_looks_like(tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes("name,city\nMüller,Köln\nGarçon,Besançon\nÅsa,Malmö\n".encode("cp1252"))
    with pytest.raises(ImportFileError, match="UTF-8"):
        read_table(path)


def test_a_utf8_file_with_gbk_rows_far_down_is_refused_where_they_start(tmp_path):
    from custdesk.core.importing import reading
    path = tmp_path / "mixed.csv"
    rows = "客户名称,类型\n" + "张伟,个人\n" * 30_000          # past the sniffed head
    path.write_bytes(rows.encode("utf-8") + "刘洋,个人\n".encode("gbk"))
    assert path.stat().st_size > reading._SAMPLE
    table = read_table(path)
    with pytest.raises(ImportFileError, match="30002"):
        for _ in table.rows:
            pass


def test_an_import_stopped_by_a_bad_file_writes_nothing(desk, tmp_path, monkeypatch):
    from custdesk.core.importing import import_file, reading
    monkeypatch.setattr(reading, "MAX_ROWS", 2500)
    path = tmp_path / "long.csv"
    lines = "".join(f"客户{i}号,个人\n" for i in range(3000))
    path.write_text("客户名称,类型\n" + lines, encoding="utf-8")
    before = desk.db.execute("SELECT count(*) FROM customers").fetchone()[0]
    with pytest.raises(ImportFileError):
        import_file(desk, "customers", path)
    assert desk.db.execute("SELECT count(*) FROM customers").fetchone()[0] == before
    assert not desk.db.conn.in_transaction


def test_memory_limit_is_real():
    """The limit the readers run under does stop a process that exceeds it."""
    code = "x = bytearray(%d)" % (2 * MEMORY_LIMIT)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=TIME_LIMIT, preexec_fn=_limit_memory)
    assert out.returncode != 0 and "MemoryError" in out.stderr

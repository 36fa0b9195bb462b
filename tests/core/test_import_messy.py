"""Files as offices really keep them: blank rows above the header, tables lower down a
sheet, hidden sheets, workbooks named .csv, quotes left open, encodings mixed, amounts in
万元 or in brackets, periods written every which way, IDs Excel turned into numbers; and
exports that must not carry live formulas."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest

from custdesk.core import i18n
from custdesk.core.exporting import export_customers
from custdesk.core.importing import ImportFileError, import_file, read_table, write_error_report
from custdesk.core.importing.mapping import header_unit, normalise_cell, scale_money
from custdesk.core.fields import CUSTOMER_FIELDS, RECORD_KINDS
from tests.core.test_importing import a_code, an_id, customer_count, write_csv

HEADER = ["客户名称", "客户类型", "身份证号"]


def test_blank_lines_above_the_header_are_skipped(desk, tmp_path):
    path = tmp_path / "blank.csv"
    path.write_bytes("\r\n , \r\n客户名称,客户类型\r\n张三,个人\r\n".encode("utf-8"))
    table = read_table(path)
    assert table.headers == ["客户名称", "客户类型"] and table.extra["header_row"] == 3
    assert list(table.rows) == [(4, ["张三", "个人"])]
    assert import_file(desk, "customers", path).imported == 1


def test_a_table_lower_down_a_sheet_keeps_excel_row_numbers(desk, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["C3"], sheet["D3"] = "姓名", "身份证号"
    sheet["C4"], sheet["D4"] = "偏移", an_id(1)
    sheet["C5"], sheet["D5"] = "偏移二", "bad"
    path = tmp_path / "offset.xlsx"
    book.save(path)
    result = import_file(desk, "customers", path, dry_run=True)
    assert [(p.row, p.field) for p in result.problems] == [(5, "id_number")]


def test_the_visible_sheet_is_read_and_a_workbook_named_csv_too(desk, tmp_path):
    book = openpyxl.Workbook()
    hidden = book.active
    hidden.title = "模板"
    hidden.append(["说明"])
    hidden.sheet_state = "hidden"
    data = book.create_sheet("客户")
    data.append(HEADER)
    data.append(["李四", "个人", an_id(2)])
    book.active = 1
    path = tmp_path / "export.csv"            # a workbook under a .csv name
    book.save(path)
    result = import_file(desk, "customers", path)
    assert result.imported == 1


@pytest.mark.parametrize("content, key", [
    ("客户名称,备注\n甲,\"没有结束\n乙,正常\n".encode("utf-8"), "import.csv.unclosed"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "import.old_xls"),
    ("<html><body><table><tr><td>客户名称</td></tr></table></body></html>".encode("utf-8"),
     "import.html"),
    ("name,type\n".encode() + "张伟,个人\n王芳,个人\n".encode("utf-8") + "刘洋,个人\n".encode("gbk"),
     "import.mixed_encoding"),
])
def test_files_that_cannot_be_read_reliably_are_refused_with_the_reason(tmp_path, content, key):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(ImportFileError) as raised:
        list(read_table(path).rows)
    assert i18n.tr(key) in str(raised.value)


def test_os_and_workbook_errors_are_in_the_users_language(tmp_path):
    with pytest.raises(ImportFileError, match="文件不存在"):
        read_table(tmp_path / "missing.csv")
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ImportFileError, match="不是有效的 Excel 工作簿"):
        read_table(broken)


def test_money_under_a_unit_header_and_in_brackets(desk, tmp_path):
    assert header_unit("营业收入（万元）") == 10_000 and header_unit("净利润(千元)") == 1_000
    assert header_unit("营业收入（元）") == header_unit("营业收入") == 1
    assert header_unit("资产（百万元）") == 1_000_000
    assert scale_money("1,234.5", 10_000) == "12345000.0" and scale_money("abc", 10_000) == "abc"
    net = next(f for f in RECORD_KINDS["financials"].fields if f.key == "net_profit")
    assert normalise_cell(net, "(50,000)") == "-50,000" and normalise_cell(net, "（1,000）") == "-1,000"
    code = desk.customers.add({"kind": "enterprise", "name": "万元公司", "credit_code": a_code(1)}).code
    path = write_csv(tmp_path / "fs.csv", [
        ["客户编号", "年度", "营业收入（万元）", "净利润（万元）", "资产总计（万元）", "负债合计（万元）"],
        [code, "2023年", "1,234.5", "(12)", "5000", "3000"]])
    result = import_file(desk, "financials", path)
    assert result.imported == 1, [p.as_dict() for p in result.problems]
    stored = desk.records.raw(code, "financials")[0]
    assert (stored["period"], stored["revenue"], stored["net_profit"]) == \
        ("2023", 1_234_500_000, -12_000_000)


@pytest.mark.parametrize("written, period", [
    ("2021年", "2021"), ("2021年度", "2021"), ("2024年8月", "2024-08"), ("2024/7", "2024-07"),
    ("2024Q1", "2024-Q1"), ("2024 q2", "2024-Q2"), ("2024年第三季度", "2024-Q3"), ("2024-06", "2024-06")])
def test_periods_as_offices_write_them(written, period):
    field = next(f for f in RECORD_KINDS["financials"].fields if f.key == "period")
    assert normalise_cell(field, written) == period


def test_ids_excel_turned_into_numbers_are_named_as_such(desk, tmp_path):
    book = openpyxl.Workbook()
    book.active.append(HEADER)
    book.active.append(["数字", "个人", 110105197501010691])
    book.active.append(["撇号", "个人", "'" + an_id(3)])
    path = tmp_path / "ids.xlsx"
    book.save(path)
    result = import_file(desk, "customers", path, dry_run=True)
    assert [(p.row, p.error.key) for p in result.problems] == [(2, "import.excel_number")]
    assert "文本" in result.problems[0].reason
    assert result.valid == 1                 # the apostrophe of Excel's text mark is dropped


def test_choice_errors_list_labels_and_the_report_shows_the_cell_as_written(desk, tmp_path):
    path = write_csv(tmp_path / "v.csv", [["客户名称", "客户类型", "性别", "身份证号"],
                                          ["王五", "个体户", "女", an_id(5, male=True)]])
    result = import_file(desk, "customers", path, dry_run=True)
    reasons = {p.field: (p.value, p.reason) for p in result.problems}
    assert "个人、企业" in reasons["kind"][1] and "individual" not in reasons["kind"][1]
    report = write_error_report(result, tmp_path / "r.csv").read_text("utf-8-sig")
    assert "个体户" in report


def test_exports_never_carry_live_formulas_and_read_back_the_same(desk, tmp_path):
    formula = '=HYPERLINK("http://example.invalid","点我")'
    desk.customers.add({"kind": "individual", "name": "公式客户", "notes": formula})
    export_customers(desk, tmp_path / "out.csv")
    export_customers(desk, tmp_path / "out.xlsx")
    lines = list(csv.reader(io.StringIO((tmp_path / "out.csv").read_text("utf-8-sig"))))
    assert "'" + formula in lines[1]
    sheet = openpyxl.load_workbook(tmp_path / "out.xlsx").worksheets[0]
    cells = [c for row in sheet.iter_rows() for c in row if c.value == formula]
    assert cells and all(c.data_type == "s" for c in cells)
    # The quoted CSV cell imports as the text it was.
    notes = next(f for f in CUSTOMER_FIELDS if f.key == "notes")
    assert normalise_cell(notes, "'" + formula) == formula
    assert customer_count(desk) == 1

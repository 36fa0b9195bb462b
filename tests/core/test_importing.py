"""Import: reading (encodings, delimiters, XLSX), header aliases, row checks, the modes,
one transaction with one audit entry and the error report (a process killed mid-import:
tests/faults/test_kill.py)."""

from __future__ import annotations

import csv
import datetime
import io
import os
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings, strategies as st

from custdesk.core import i18n
from custdesk.core.demo import credit_code, resident_id
from custdesk.core.errors import AccessDenied, ValidationError
from custdesk.core.importing import (ALIASES, ImportFileError, alias_table, decode,
                                     default_report_path, header_key, import_file, map_headers,
                                     read_table, write_error_report)
from custdesk.core.importing.mapping import fold_width, target_fields
from custdesk.core.importing.reading import read_csv_text
from tests.conftest import ADMIN

PERSON_HEADER = ["客户名称", "客户类型", "身份证号", "手机", "保密级别"]


BIRTH0 = datetime.date(1950, 1, 1)


def an_id(n: int, male: bool = True) -> str:
    """A valid resident ID number, a different one for each n below 20,000."""
    return resident_id("110105", BIRTH0 + datetime.timedelta(days=n), n % 500, male)


def a_code(n: int) -> str:
    return credit_code(random.Random(n), "440305", datetime.date(2012, 5, 1))


def bad_check(code: str) -> str:
    """The same code with a wrong check character."""
    return code[:-1] + ("1" if code[-1] != "1" else "2")


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8",
              delimiter: str = ",") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def people(n: int, start: int = 1) -> list[list[str]]:
    return [[f"客户{i}号", "个人", an_id(i), f"1381234{i:04d}", "内部"] for i in range(start, start + n)]


def customer_count(desk) -> int:
    return desk.db.execute("SELECT count(*) FROM customers").fetchone()[0]


def import_entries(desk) -> list[dict]:
    return [e for e in desk.audit.entries() if e["action"].startswith("import.")]


# -- reading ----------------------------------------------------------------------------------
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_each_encoding_imports_the_same(desk, tmp_path, encoding):
    rows = [PERSON_HEADER, ["张伟", "个人", an_id(1), "13812345678", "内部"],
            ["欧阳娜娜", "个人", an_id(2, False), "13912345678", "公开"]]
    if encoding == "gb18030":
        rows.append(["㐀明", "个人", an_id(3), "13712345678", "内部"])   # not in GBK
        with pytest.raises(UnicodeEncodeError):
            "㐀".encode("gbk")
    path = write_csv(tmp_path / "in.csv", rows, encoding)
    result = import_file(desk, "customers", path)
    assert (result.total, result.imported, result.rejected) == (len(rows) - 1, len(rows) - 1, 0)
    names = {r["name"] for r in desk.customers.list()}
    assert names == {r[0] for r in rows[1:]}
    assert result.encoding == {"utf-8": "utf-8", "utf-8-sig": "utf-8-sig", "gbk": "gb18030",
                               "gb18030": "gb18030"}[encoding]


@pytest.mark.parametrize("delimiter", [",", "\t", ";"])
def test_delimiter_is_sniffed(desk, tmp_path, delimiter):
    path = write_csv(tmp_path / "in.csv", [PERSON_HEADER, *people(3)], "utf-8", delimiter)
    result = import_file(desk, "customers", path)
    assert result.delimiter == delimiter
    assert result.imported == 3


def test_utf16_with_bom(tmp_path):
    path = tmp_path / "in.txt"
    path.write_bytes("名称\t类型\n张伟\t个人\n".encode("utf-16"))
    table = read_table(path)
    assert table.headers == ["名称", "类型"] and list(table.rows) == [(2, ["张伟", "个人"])]


def test_xlsx_first_sheet_values_and_dates(desk, tmp_path):
    from openpyxl import Workbook
    book = Workbook()
    sheet = book.active
    sheet.append(["企业名称", "类型", "统一社会信用代码", "成立日期", "注册资本", "员工人数", "合计"])
    sheet.append(["深圳恒泰贸易有限公司", "企业", a_code(1), datetime.datetime(2012, 5, 1),
                  1000000, 35.0, None])
    sheet.append([])                                            # a blank row is skipped
    sheet.append(["深圳鼎盛科技有限公司", "企业", a_code(2), datetime.date(2015, 3, 9), 2500000.5, 7,
                  None])
    sheet["G2"] = "=F2*2"                                       # a formula: its value, not text
    book.create_sheet("其他").append(["不读这一页"])
    path = tmp_path / "in.xlsx"
    book.save(path)
    table = read_table(path)
    assert table.headers[:3] == ["企业名称", "类型", "统一社会信用代码"]
    rows = list(table.rows)
    assert [n for n, _ in rows] == [2, 4]
    assert rows[0][1][3] == "2012-05-01" and rows[0][1][4] == "1000000" and rows[0][1][5] == "35"
    result = import_file(desk, "customers", path)
    assert result.imported == 2 and result.unknown_columns == ["合计"]
    firm = desk.customers.get(result.codes[1])
    assert firm["founding_date"] == "2015-03-09" and firm["registered_capital"] == 250000050


def test_unreadable_files_are_refused(desk, tmp_path):
    with pytest.raises(ImportFileError):
        import_file(desk, "customers", tmp_path / "missing.csv")
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"\r\n  \r\n")
    with pytest.raises(ImportFileError):
        import_file(desk, "customers", empty)
    fake = tmp_path / "fake.xlsx"
    fake.write_bytes(b"not a workbook")
    with pytest.raises(ImportFileError):
        import_file(desk, "customers", fake)
    assert customer_count(desk) == 0


# -- headers ------------------------------------------------------------------------------------
ALL_ALIASES = [(target, key, alias) for target, table in ALIASES.items()
               for key, names in table.items() for alias in names]
ALL_LABELS = [(target, key, name) for target in ALIASES for key, f in target_fields(target).items()
              for name in (key, f.zh, f.en)]


@pytest.mark.parametrize("target,key,alias", ALL_ALIASES + ALL_LABELS)
def test_every_alias_and_label_maps_to_its_field(target, key, alias):
    assert alias_table(target)[header_key(alias)] == key
    required = {"customers": ["名称"], "financials": ["客户编号", "期间"],
                "transactions": ["客户编号", "类别", "日期", "金额"]}[target]
    headers = [h for h in required if alias_table(target)[header_key(h)] != key] + [alias]
    columns, unknown = map_headers(headers, target)
    assert columns[len(headers) - 1] == key and not unknown


def test_no_alias_is_claimed_by_two_fields():
    for target, table in ALIASES.items():
        owners: dict[str, set] = {}
        for key, names in table.items():
            for name in names:
                owners.setdefault(header_key(name), set()).add(key)
        assert all(len(keys) == 1 for keys in owners.values()), target
        # and no alias takes another field's own key or label
        fields = target_fields(target)
        for key, names in table.items():
            for other, f in fields.items():
                if other != key:
                    assert not {header_key(n) for n in names} & {header_key(other)}, (target, key)


def test_headers_are_normalised_and_unknown_columns_reported():
    headers = ["ＩＤ　Ｎｕｍｂｅｒ", " Customer  Name ", "月收入（元）", "KIND", "mobile", "别的列", ""]
    columns, unknown = map_headers(headers, "customers")
    assert columns == {0: "id_number", 1: "name", 2: "monthly_income", 3: "kind", 4: "phone"}
    assert unknown == ["别的列"]


def test_explicit_mapping_overrides_aliases():
    columns, unknown = map_headers(["名称", "电话", "旧系统编号"], "customers",
                                   {"电话": "emergency_phone", "旧系统编号": None})
    assert columns == {0: "name", 1: "emergency_phone"} and unknown == []
    with pytest.raises(ValidationError):
        map_headers(["名称"], "customers", {"名称": "no_such_field"})


def test_two_columns_for_one_field_and_missing_columns_are_refused():
    with pytest.raises(ImportFileError):
        map_headers(["名称", "客户名称"], "customers")
    with pytest.raises(ImportFileError):
        map_headers(["类型"], "customers")
    with pytest.raises(ImportFileError):
        map_headers(["期间", "营业收入"], "financials")        # whose statements?
    with pytest.raises(ImportFileError):
        map_headers(["客户编号", "日期", "金额"], "transactions")  # no kind column


def test_many_aliases_in_one_file(desk, tmp_path):
    code = a_code(5)
    rows = [["姓名", "类别", "身份证", "联系电话", "密级", "状态", "客户级别", "邮箱", "住址", "性别",
             "月薪", "法人", "信用代码", "注册资金", "成立时间", "所属行业", "职工人数", "经营范围", "备注"],
            ["李娜", "individual", an_id(7, False), "+86 139 1234 5678", "Internal", "正常", "VIP",
             "LINA@Example.COM", "北京市朝阳区１号", "女", "￥８，０００", "", "", "", "", "", "", "", "老客户"],
            ["广州华信物流有限公司", "Enterprise", "", "020-87654321", "公开", "潜在客户", "普通", "", "",
             "", "", "王建国", code, "5,000,000", "2012年5月1日", "物流", "40",
             "普通货运", ""]]
    result = import_file(desk, "customers", write_csv(tmp_path / "in.csv", rows))
    assert result.rejected == 0, [p.as_dict() for p in result.problems]
    assert result.unknown_columns == []
    person = desk.customers.get(result.codes[0], reveal=["id_number", "phone", "monthly_income"],
                                reason="核对导入")
    firm = desk.customers.get(result.codes[1])
    assert (person["kind"], person["status"], person["tier"], person["level"]) == \
        ("individual", "active", "vip", "internal")
    assert person["phone"] == "13912345678" and person["email"] == "LINA@example.com"
    assert person["monthly_income"] == 800000 and person["gender"] == "female"
    born = BIRTH0 + datetime.timedelta(days=7)
    assert person["birth_date"] == born.isoformat()                      # from the ID number
    assert (firm["kind"], firm["credit_code"], firm["founding_date"], firm["employees"]) == \
        ("enterprise", code, "2012-05-01", 40)
    assert firm["registered_capital"] == 500000000 and firm["level"] == "public"


def test_kind_is_inferred_from_the_identity_column(desk, tmp_path):
    rows = [["名称", "身份证号", "信用代码"], ["张伟", an_id(1), ""], ["某某科技有限公司", "", a_code(1)],
            ["两者都有", an_id(2), a_code(2)]]
    result = import_file(desk, "customers", write_csv(tmp_path / "in.csv", rows), skip_invalid=True)
    assert result.imported == 2 and result.rejected == 1
    assert result.problems[0].row == 4 and result.problems[0].field == "kind"


# -- bad rows --------------------------------------------------------------------------------
BAD_ROWS = {
    # name: (header, cells, field, message key)
    "id_checksum": (PERSON_HEADER, ["张伟", "个人", bad_check(an_id(1)), "13812345678", "内部"],
                    "id_number", "valid.id.checksum"),
    "credit_code": (["名称", "类型", "信用代码"], ["某某有限公司", "企业", bad_check(a_code(1))],
                    "credit_code", "valid.uscc.checksum"),
    "credit_code_letter": (["名称", "类型", "信用代码"], ["某某有限公司", "企业", "91440300MA5OOOOOO0"],
                           "credit_code", "valid.uscc.forbidden_letter"),
    "phone": (PERSON_HEADER, ["张伟", "个人", an_id(1), "12345", "内部"], "phone",
              "valid.phone.format"),
    "landline": (PERSON_HEADER, ["张伟", "个人", an_id(1), "87654321", "内部"], "phone",
                 "valid.phone.area_code"),
    "missing_name": (PERSON_HEADER, ["", "个人", an_id(1), "13812345678", "内部"], "name",
                     "field.required"),
    "unknown_kind": (PERSON_HEADER, ["张伟", "合伙", an_id(1), "13812345678", "内部"], "kind",
                     "valid.choice"),
    "unknown_level": (PERSON_HEADER, ["张伟", "个人", an_id(1), "13812345678", "绝密"], "level",
                      "user.level_bad"),
    "bad_date": (["名称", "类型", "出生日期"], ["张伟", "个人", "2024-02-30"], "birth_date",
                 "valid.date.impossible"),
    "bad_money": (["名称", "类型", "月收入"], ["张伟", "个人", "1.234"], "monthly_income",
                  "valid.money.fraction"),
    "not_for_kind": (["名称", "类型", "法定代表人"], ["张伟", "个人", "王五"], "legal_rep",
                     "field.not_for_kind"),
    "birth_mismatch": (["名称", "类型", "证件号码", "出生日期"], ["张伟", "个人", an_id(1), "1999-01-01"],
                       "birth_date", "field.birth_mismatch"),
}


@pytest.mark.parametrize("case", sorted(BAD_ROWS))
def test_each_kind_of_bad_row_refuses_the_file(desk, tmp_path, case):
    header, cells, field, key = BAD_ROWS[case]
    good = ["李四", "个人", an_id(9), "13712345678", "内部"][:len(header)] if header == PERSON_HEADER \
        else (["王五公司", "企业", a_code(9)] if "信用代码" in header else ["李四", "个人", ""][:len(header)])
    path = write_csv(tmp_path / "in.csv", [header, good, cells])
    result = import_file(desk, "customers", path)
    assert result.refused and (result.imported, result.rejected, result.valid) == (0, 1, 1)
    assert customer_count(desk) == 0 and import_entries(desk) == []
    [problem] = result.problems
    assert (problem.row, problem.field, problem.error.key) == (3, field, key)


def test_level_above_clearance_and_fields_beyond_clearance(open_as, tmp_path):
    clerk = open_as("clerk")          # clearance internal
    path = write_csv(tmp_path / "in.csv", [["名称", "类型", "密级"], ["张伟", "个人", "内部"],
                                           ["李娜", "个人", "秘密"]])
    result = import_file(clerk, "customers", path, skip_invalid=True)
    assert result.imported == 1
    assert [(p.row, p.field, p.error.key) for p in result.problems] == [(3, "level", "customer.level_above")]
    # ID numbers (confidential) are beyond the clerk: she imports them sealed to their level,
    # and afterwards sees their masks only; a reviewer reads them.
    path = write_csv(tmp_path / "ids.csv", [PERSON_HEADER, *people(1)])
    result = import_file(clerk, "customers", path)
    assert not result.refused and result.imported == 1
    shown = clerk.customers.get(result.codes[0])
    assert shown["id_number"] == mask_id(an_id(1)) and "id_number" in shown["locked"]
    reviewer = open_as("reviewer")
    assert reviewer.customers.get(result.codes[0], reveal=["id_number"], reason="核对")[
        "id_number"] == an_id(1)


def mask_id(number: str) -> str:
    return "*" * 14 + number[-4:]


def test_import_needs_the_edit_permission(open_as, tmp_path):
    path = write_csv(tmp_path / "in.csv", [PERSON_HEADER, *people(1)])
    with pytest.raises(AccessDenied):
        import_file(open_as("auditor"), "customers", path)
    with pytest.raises(AccessDenied):
        import_file(open_as("reviewer"), "financials", path)  # reviewers do not edit files


# -- duplicates and modes ----------------------------------------------------------------------
def test_duplicates_in_the_file_and_against_the_database(desk, tmp_path):
    existing = desk.customers.add({"kind": "individual", "name": "老客户", "id_number": an_id(50)}).code
    firm = desk.customers.add({"kind": "enterprise", "name": "老企业有限公司",
                               "credit_code": a_code(50)}).code
    rows = [["名称", "类型", "身份证号", "信用代码"],
            ["新客户", "个人", an_id(1), ""],
            ["重复新客户", "个人", an_id(1).lower(), ""],        # same number, typed in lower case
            ["老客户", "个人", an_id(50), ""],
            ["老企业", "企业", "", " " + fold_width(a_code(50)).translate(
                {ord(c): ord(c) + 0xFEE0 for c in "0123456789ABCDEFGHJKLMNPQRTUWXY"})]]
    result = import_file(desk, "customers", write_csv(tmp_path / "in.csv", rows))
    assert result.refused and (result.duplicates, result.rejected, result.valid) == (3, 0, 1)
    keys = [(p.row, p.error.key, p.error.params) for p in result.problems]
    assert keys == [(3, "import.dup_in_file", {"row": 2}),
                    (4, "customer.dup_id", {"code": existing}),
                    (5, "customer.dup_cc", {"code": firm})]
    assert all(p.duplicate for p in result.problems)
    result = import_file(desk, "customers", tmp_path / "in.csv", skip_invalid=True)
    assert (result.imported, result.duplicates) == (1, 3) and customer_count(desk) == 3


def test_dry_run_writes_nothing(desk, tmp_path):
    path = write_csv(tmp_path / "in.csv", [PERSON_HEADER, *people(5)])
    seq = desk.audit.head()[0]
    result = import_file(desk, "customers", path, dry_run=True)
    assert (result.imported, result.dry_run, result.refused) == (5, True, False)
    assert customer_count(desk) == 0 and desk.audit.head()[0] == seq


def test_skip_invalid_imports_the_valid_rows(desk, tmp_path):
    rows = [PERSON_HEADER, *people(3), ["坏号码", "个人", "123", "13812345678", "内部"], *people(2, 10)]
    result = import_file(desk, "customers", write_csv(tmp_path / "in.csv", rows), skip_invalid=True)
    assert (result.total, result.imported, result.rejected, result.refused) == (6, 5, 1, False)
    assert customer_count(desk) == 5 and result.problems[0].row == 5


def test_update_existing(desk, tmp_path):
    code = desk.customers.add({"kind": "individual", "name": "张伟", "id_number": an_id(1),
                               "phone": "13812345678", "notes": "原备注", "tier": "vip"}).code
    rows = [["名称", "类型", "身份证号", "手机", "备注", "客户等级"],
            ["张伟伟", "个人", an_id(1), "13999999999", "", ""],
            ["新人", "个人", an_id(2), "", "", ""]]
    path = write_csv(tmp_path / "in.csv", rows)
    assert import_file(desk, "customers", path).refused                  # a duplicate by default
    result = import_file(desk, "customers", path, update_existing=True)
    assert (result.imported, result.updated, result.duplicates) == (1, 1, 0)
    after = desk.customers.get(code, reveal=["phone"], reason="核对导入")
    assert (after["name"], after["phone"], after["notes"], after["tier"]) == \
        ("张伟伟", "13999999999", "原备注", "vip")                     # empty cells keep values
    assert [r["code"] for r in desk.customers.list("zww")] == [code]     # search keys follow
    assert [r["code"] for r in desk.customers.list("伟伟")] == [code]
    assert customer_count(desk) == 2


def test_one_audit_entry_and_derived_state(desk, tmp_path):
    before = desk.audit.head()[0]
    path = write_csv(tmp_path / "客户.csv", [PERSON_HEADER, *people(30),
                                              ["坏", "个人", "1", "", ""]])
    result = import_file(desk, "customers", path, skip_invalid=True)
    assert desk.audit.head()[0] == before + 1
    [entry] = import_entries(desk)
    assert entry["action"] == "import.customers" and entry["object"] == "客户.csv"
    assert {k: entry["summary"][k] for k in ("file", "total", "imported", "updated", "rejected",
                                            "duplicates")} == \
        {"file": "客户.csv", "total": 31, "imported": 30, "updated": 0, "rejected": 1, "duplicates": 0}
    assert entry["summary"]["codes"] == list(result.codes) and len(set(result.codes)) == 30
    assert desk.audit.verify().ok
    # Derived state as archive.add leaves it: codes, search keys, grams, next review.
    added = desk.customers.add({"kind": "individual", "name": "对照"}).code
    assert added not in result.codes
    seventh = result.codes[6]
    cols = "name_norm, pinyin_initials, pinyin_full, phone_rev, next_review, status, tier, owner, overrides"
    imported = dict(zip(cols.split(", "), desk.db.execute(
        f"SELECT {cols} FROM customers WHERE code = ?", [seventh]).fetchone()))
    by_hand = dict(zip(cols.split(", "), desk.db.execute(
        f"SELECT {cols} FROM customers WHERE code = ?", [added]).fetchone()))
    assert imported["next_review"] == by_hand["next_review"]
    assert (imported["status"], imported["tier"], imported["owner"], imported["overrides"]) == \
        (by_hand["status"], by_hand["tier"], by_hand["owner"], by_hand["overrides"])
    # The phone's search key is what its mask shows (the last four digits), reversed.
    assert imported["pinyin_initials"] == "kh7h" and imported["phone_rev"] == "0007"[::-1]
    assert [r["code"] for r in desk.customers.list("客户7号")] == [seventh]
    assert seventh in [r["code"] for r in desk.customers.list("7号")]


def test_imported_rows_hold_what_the_archive_would_store(desk, tmp_path):
    """The same row through the import and through customers.add: the same stored values."""
    values = {"kind": "enterprise", "name": "杭州汇通供应链管理有限公司", "credit_code": a_code(3),
              "phone": "0571-88886666", "registered_capital": "1,000,000.50",
              "founding_date": "2016/7/8", "employees": "12", "level": "secret", "email": "a@b.cn"}
    path = write_csv(tmp_path / "in.csv", [list(values), list(values.values())])
    code = import_file(desk, "customers", path).codes[0]
    imported = desk.customers.get(code, reveal=["phone"], reason="对照")
    desk.db.execute("DELETE FROM main.enterprises")  # free the credit code for the hand-made twin
    desk.db.execute("DELETE FROM blind_index")
    twin = desk.customers.get(desk.customers.add(values).code, reveal=["phone"], reason="对照")
    skip = {"code", "id", "created_at", "updated_at"}
    assert {k: v for k, v in imported.items() if k not in skip | {"credit_code", "legal_rep",
                                                                   "registered_capital",
                                                                   "founding_date", "industry",
                                                                   "employees", "business_scope"}} \
        == {k: v for k, v in twin.items() if k not in skip | {"credit_code", "legal_rep",
                                                               "registered_capital",
                                                               "founding_date", "industry",
                                                               "employees", "business_scope"}}


# -- financial statements and transactions ------------------------------------------------------
@pytest.fixture
def firm(desk):
    return desk.customers.add({"kind": "enterprise", "name": "深圳恒泰贸易有限公司",
                               "credit_code": a_code(1)}).code


def test_financials_by_code_and_credit_code(desk, tmp_path, firm):
    person = desk.customers.add({"kind": "individual", "name": "张伟", "id_number": an_id(1)}).code
    rows = [["客户编号", "统一社会信用代码", "身份证号", "期间", "营业收入", "资产总计", "流动资产", "负债合计",
             "净利润", "收入"],
            [firm.lower(), "", "", "2024", "1,000,000", "800000", "300000", "400000", "-5000", ""],
            ["", a_code(1), "", "2025", "1200000", "900000", "350000", "420000", "12000", ""],
            ["", "", an_id(1), "2025", "", "", "", "", "", "96000"]]
    result = import_file(desk, "financials", write_csv(tmp_path / "fs.csv", rows))
    assert (result.imported, result.rejected) == (3, 0), [p.as_dict() for p in result.problems]
    statements = desk.records.raw(firm, "financials")
    assert [(s["period"], s["revenue"], s["net_profit"]) for s in statements] == \
        [("2025", 120000000, 1200000), ("2024", 100000000, -500000)]
    assert desk.records.raw(person, "financials")[0]["income"] == 9600000
    [entry] = import_entries(desk)
    assert entry["action"] == "import.financials" and entry["summary"]["customers"] == 2


def test_financials_bad_rows_duplicates_and_update(desk, tmp_path, firm):
    desk.records.add(firm, "financials", {"period": "2023", "revenue": "100"})
    rows = [["客户编号", "期间", "营业收入", "资产总额", "流动资产"],
            [firm, "2023", "200", "", ""],                 # exists
            [firm, "2024", "300", "", ""],
            [firm, "2024", "300", "", ""],                 # twice in the file
            [firm, "2025", "", "100", "200"],              # a part above its total
            ["C999999", "2025", "1", "", ""],              # no such customer
            [firm, "2025-13", "1", "", ""]]                 # bad period
    path = write_csv(tmp_path / "fs.csv", rows)
    result = import_file(desk, "financials", path)
    assert result.refused and (result.duplicates, result.rejected) == (2, 3)
    assert [(p.row, p.error.key) for p in result.problems] == [
        (2, "record.period_exists"), (4, "import.dup_in_file"), (5, "record.part_above_total"),
        (6, "import.customer_unknown"), (7, "field.period_bad")]
    result = import_file(desk, "financials", path, skip_invalid=True, update_existing=True)
    assert (result.imported, result.updated) == (1, 1)
    assert {s["period"]: s["revenue"] for s in desk.records.raw(firm, "financials")} == \
        {"2023": 20000, "2024": 30000}


def test_records_of_files_beyond_clearance_are_not_found(open_as, tmp_path):
    boss = open_as(ADMIN)
    secret = boss.customers.add({"kind": "enterprise", "name": "机密公司", "level": "secret",
                                 "credit_code": a_code(4)}).code
    clerk = open_as("clerk")
    rows = [["信用代码", "类别", "日期", "金额"], [a_code(4), "发票", "2026-01-05", "100"]]
    result = import_file(clerk, "transactions", write_csv(tmp_path / "t.csv", rows))
    assert result.refused and result.problems[0].error.key == "import.customer_unknown"
    assert boss.records.raw(secret, "transactions") == []


def test_transactions_keep_exposure_and_warnings(desk, tmp_path, firm):
    other = desk.customers.add({"kind": "individual", "name": "张伟", "id_number": an_id(1)}).code
    today = datetime.date.today()
    old = (today - datetime.timedelta(days=120)).isoformat()
    rows = [["客户编号", "交易类型", "单号", "日期", "到期日", "金额", "对应发票"],
            [firm, "发票", "INV-1", old, (today - datetime.timedelta(days=100)).isoformat(), "1,000", ""],
            [firm, "收款", "RCV-1", today.isoformat(), "", "400", "INV-1"],
            [firm, "invoice", "INV-2", today.isoformat(), "", "50", ""],
            [other, "Invoice", "INV-3", today.isoformat(), "", "7", ""],
            [firm, "发票", "INV-2", today.isoformat(), "", "50", ""],      # twice in the file
            [firm, "退货", "X-1", today.isoformat(), "", "5", ""],         # unknown kind
            [firm, "发票", "INV-9", "昨天", "", "5", ""],                  # bad date
            [firm, "发票", "INV-8", today.isoformat(), "", "-5", ""]]      # negative amount
    result = import_file(desk, "transactions", write_csv(tmp_path / "t.csv", rows), skip_invalid=True)
    assert (result.imported, result.duplicates, result.rejected) == (4, 1, 3)
    assert [(p.row, p.error.key) for p in result.problems] == [
        (6, "import.dup_in_file"), (7, "valid.choice"), (8, "valid.date.format"),
        (9, "valid.money.negative")]
    exposure = dict(desk.db.execute("SELECT code, exposure FROM customers").fetchall())
    assert exposure == {firm: 65000, other: 700}
    assert desk.db.execute("SELECT overdue_since FROM customers WHERE code = ?", [firm]).fetchone()[0] \
        == (today - datetime.timedelta(days=100)).isoformat()
    rules = {w["rule"] for w in desk.warnings.list(code=firm)}
    assert any("overdue" in r for r in rules), rules
    # the same file again: every row with a reference is a duplicate now
    again = import_file(desk, "transactions", tmp_path / "t.csv")
    assert again.refused and again.duplicates == 5
    assert desk.audit.verify().ok and len(import_entries(desk)) == 1


# -- the error report -------------------------------------------------------------------------------
def test_error_report_csv(open_as, tmp_path):
    desk = open_as(ADMIN)
    rows = [PERSON_HEADER, ["张伟", "个人", bad_check(an_id(1)), "13812345678", "内部"],
            ["李娜", "个人", an_id(2), "99", "=HYPERLINK(\"x\")"]]
    source = write_csv(tmp_path / "in.csv", rows)
    result = import_file(desk, "customers", source)
    out = write_error_report(result, default_report_path(source))
    assert out == tmp_path / "in.csv.errors.csv"
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert lines[0] == ["行号", "列", "内容", "原因"]
    assert lines[1] == ["2", "身份证号", mask_id(bad_check(an_id(1))),
                        i18n.tr("valid.id.checksum", expected=an_id(1)[-1])]
    assert lines[2][:3] == ["3", "手机", "***"]
    assert lines[3][:3] == ["3", "保密级别", "'=HYPERLINK(\"x\")"]      # not a formula in Excel
    assert bad_check(an_id(1)).encode() not in data and an_id(2).encode() not in data
    with i18n.using("en"):
        write_error_report(result, tmp_path / "en.csv")
    lines = list(csv.reader(io.StringIO((tmp_path / "en.csv").read_text("utf-8-sig"))))
    assert lines[0] == ["row", "column", "value", "reason"]
    assert lines[1][3].startswith("check digit is wrong")


# -- properties of the reader ---------------------------------------------------------------------
ANY_TEXT = st.characters(exclude_categories=("Cs",), exclude_characters="\x00")
# What Chinese offices' GBK files hold: Chinese characters (GBK has the whole of
# U+4E00-9FA5), ASCII and Chinese punctuation; GB18030 adds Extension A (㐀) and beyond.
_ASCII = st.characters(min_codepoint=0x01, max_codepoint=0x7E)
_PUNCT = st.sampled_from("，。、；：？！“”‘’（）【】《》—…￥　")
GBK_TEXT = st.one_of(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), _ASCII, _PUNCT)
GB18030_TEXT = st.one_of(GBK_TEXT, st.characters(min_codepoint=0x3400, max_codepoint=0x4DB5),
                         st.characters(min_codepoint=0x20000, max_codepoint=0x2A6D6))


def _table(alphabet, max_cols=4, header=False):
    """A table of 1-6 rows of 1-4 cells; with ``header``, below a header of import
    headers (Chinese, as an import file has): the encoding of a file is told from its
    text, and a few bytes of symbols alone are more than one encoding's text."""
    def rows(cols):
        body = st.lists(st.lists(st.text(alphabet, max_size=8), min_size=cols, max_size=cols)
                        .filter(lambda row: any(c.strip() for c in row)), min_size=1, max_size=6)
        if not header:
            return body
        names = sorted({n for names in ALIASES["customers"].values() for n in names
                        if not n.isascii()})
        head = st.lists(st.sampled_from(names), min_size=cols, max_size=cols, unique=True)
        return st.tuples(head, body).map(lambda t: [t[0], *t[1]])
    return st.integers(1, max_cols).flatmap(rows)


@settings(max_examples=int(os.environ.get("CUSTDESK_HYPOTHESIS_EXAMPLES", "60")), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), encoding=st.sampled_from(["utf-8", "utf-8-sig", "gbk", "gb18030"]),
       delimiter=st.sampled_from([",", "\t", ";"]))
def test_any_table_reads_back_the_same(data, encoding, delimiter):
    """Any table, written as CSV in any of the encodings, reads back cell for cell
    (UTF-8: any text at all; GBK and GB18030: any Chinese text below a Chinese header)."""
    header = encoding in ("gbk", "gb18030")
    alphabet = {"gbk": GBK_TEXT, "gb18030": GB18030_TEXT}.get(encoding, ANY_TEXT)
    table = data.draw(_table(alphabet, header=header))
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(table)
    encoded = buffer.getvalue().encode(encoding)
    if header:
        # A few bytes of GBK can also be valid UTF-8 ("专员" is); UTF-8 wins then, by design.
        try:
            encoded.decode("utf-8")
            assume(False)
        except UnicodeDecodeError:
            pass
    text, _found = decode(encoded)
    got = read_csv_text(text, delimiter)
    assert [got.headers, *(cells for _n, cells in got.rows)] == table


@settings(max_examples=int(os.environ.get("CUSTDESK_HYPOTHESIS_EXAMPLES", "60")), deadline=None)
@given(table=_table(st.characters(codec="gbk", exclude_characters="\x00,\t;\"\r\n"), 5)
       .filter(lambda t: len(t[0]) >= 2),
       delimiter=st.sampled_from([",", "\t", ";"]))
def test_the_delimiter_is_found(table, delimiter):
    text = "\r\n".join(delimiter.join(row) for row in table) + "\r\n"
    assert read_csv_text(text).delimiter == delimiter


@given(st.text(st.characters(min_codepoint=0x21, max_codepoint=0x7E), max_size=20))
def test_full_width_headers_and_cells_fold(text):
    wide = text.translate({c: c + 0xFEE0 for c in range(0x21, 0x7F)})
    assert header_key(wide) == header_key(text)
    assert fold_width(wide) == text


def test_keys_from_the_helper_process_are_the_archives(desk):
    from custdesk.core.customers.archive import CustomerArchive
    from custdesk.core.importing.keys import KeyMaker
    items = [("曾伟", "13812345678", "individual"), ("深圳华信供应链管理有限公司", "0755-1234567",
                                                     "enterprise"), ("单于明", None, "individual")]
    maker = KeyMaker(parallel=True)
    try:
        maker.submit(items)
        maker.submit(items[::-1], last=True)
        assert maker._alive or (os.cpu_count() or 1) == 1
        got = maker.batch(0) + maker.batch(1)
    finally:
        maker.close()
    expected = [CustomerArchive._search_keys(*item) for item in items + items[::-1]]
    assert got == [(k["name_norm"], k["pinyin_initials"], k["pinyin_full"], k["sort_key"],
                    k["phone_rev"]) for k in expected]
    assert got[0][1:3] == ("zw", "zengwei")

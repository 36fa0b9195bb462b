"""Personal information requests: the person's data, erasure, retention; and exporting files."""

from __future__ import annotations

import csv
import datetime
import io
import json
import zipfile

import openpyxl
import pytest

from custdesk.core import clock
from custdesk.core.errors import AccessDenied, Conflict, ValidationError
from custdesk.core.exporting import export_customers

ID = "11010519491231002X"
UTC = datetime.timezone.utc


def _at(day: str) -> None:
    clock.set_fixed(datetime.datetime.fromisoformat(day).replace(hour=2, tzinfo=UTC))


def _person(desk, name="欧阳娜娜", id_number=ID, status="active") -> str:
    code = desk.customers.add({"kind": "individual", "name": name, "id_number": id_number,
                               "phone": "13812345678", "address": "上海市黄浦区南京东路1号",
                               "employer": "某某公司", "monthly_income": "12000",
                               "level": "internal", "status": status}).code
    desk.records.add(code, "contacts", {"name": "欧阳先生", "phone": "13900001111"})
    desk.records.add(code, "communications", {"occurred_on": "2026-01-05",
                                              "summary": "与欧阳娜娜电话沟通还款安排"})
    desk.records.add(code, "transactions", {"kind": "invoice", "ref_no": "INV-1",
                                            "occurred_on": "2026-01-01", "amount": "5000"})
    desk.records.add(code, "credit_records", {"kind": "overdue", "occurred_on": "2019-01-01",
                                              "amount": "3000", "status": "closed",
                                              "ended_on": "2020-06-30"})
    desk.documents.add(code, "身份证.txt", b"ID card scan", "id_card")
    return code


def test_subject_data_holds_everything_unmasked_and_is_logged(desk):
    code = _person(desk)
    held = desk.privacy.subject_data(code, "本人书面申请查阅")
    data = held["data"]
    assert data["customer"]["id_number"] == ID and data["customer"]["phone"] == "13812345678"
    assert data["records"]["contacts"][0]["phone"] == "13900001111"
    assert data["records"]["transactions"][0]["amount"] == 500000
    assert held["files"] == [(f"{data['documents'][0]['id']}-身份证.txt", b"ID card scan")]
    assert any(e["action"] == "customer.add" for e in data["history"])
    entry = desk.audit.entries(customer=code, limit=1)[0]
    assert entry["action"] == "privacy.export" and entry["summary"]["reason"] == "本人书面申请查阅"


def test_subject_zip_has_json_documents_and_the_report(desk, tmp_path):
    from custdesk.reports.subject import subject_zip
    code = _person(desk)
    done = subject_zip(desk, code, tmp_path / "p.zip", "本人申请")
    with zipfile.ZipFile(tmp_path / "p.zip") as archive:
        names = archive.namelist()
        data = json.loads(archive.read("data.json"))
    assert data["customer"]["name"] == "欧阳娜娜"
    assert any(n.startswith("documents/") and n.endswith("身份证.txt") for n in names)
    assert f"{done['report']}-{code}.pdf" in names
    assert desk.exports.get(done["report"])["code"] == code


def test_erase_replaces_identity_and_contacts_and_keeps_the_aggregates(desk):
    code = _person(desk)
    desk.privacy.erase(code, "客户要求删除个人信息")
    raw = desk.customers._raw(code)
    assert raw["name"] == f"已删除个人信息（{code}）"
    for key in ("id_number", "phone", "address", "employer", "birth_date", "gender"):
        assert raw[key] is None, key
    assert raw["monthly_income"] == 1200000 and raw["erased_at"]
    assert desk.records.raw(code, "contacts") == [] and desk.documents.list(code) == []
    assert desk.records.raw(code, "communications")[0]["summary"] == "（已删除）"
    assert desk.records.raw(code, "transactions")[0]["amount"] == 500000     # aggregates kept
    assert desk.db.execute("SELECT exposure FROM customers WHERE code = ?", [code]).fetchone()[0] \
        == 500000
    assert desk.customers.list("欧阳") == [] and desk.customers.list("oyn") == []
    assert desk.customers.list(code)[0]["code"] == code
    # the identity number is free again: the person may come back as a new customer
    assert desk.customers.add({"kind": "individual", "name": "欧阳娜娜", "id_number": ID}).code
    with pytest.raises(Conflict):
        desk.privacy.erase(code, "again")
    assert desk.audit.verify().ok
    entry = next(e for e in desk.audit.entries(customer=code) if e["action"] == "privacy.erase")
    assert entry["summary"]["contacts"] == 1 and entry["summary"]["documents"] == 1


def test_privacy_needs_a_manager_an_individual_and_a_reason(desk, open_as):
    code = _person(desk)
    firm = desk.customers.add({"kind": "enterprise", "name": "宁波测试贸易有限公司"}).code
    with pytest.raises(AccessDenied):
        open_as("clerk").privacy.erase(code, "reason")
    with pytest.raises(Conflict):
        desk.privacy.erase(firm, "reason")
    with pytest.raises(ValidationError):
        desk.privacy.erase(code, " ")
    assert desk.customers._raw(code)["id_number"] == ID          # nothing happened


def test_retention_previews_then_purges_only_what_is_due(desk):
    _at("2020-03-01")
    old = _person(desk, status="closed")                         # closed 2020-03-01
    young = _person(desk, name="李四", id_number="110105198001010032", status="closed")
    firm = desk.customers.add({"kind": "enterprise", "name": "杭州老客户有限公司",
                               "status": "closed"}).code
    desk.records.add(firm, "contacts", {"name": "王经理", "phone": "13700002222"})
    desk.records.add(firm, "litigation", {"case_no": "(2019)浙01民初1号", "role": "defendant",
                                          "filed_on": "2019-01-01", "status": "closed",
                                          "closed_on": "2020-01-10"})
    _at("2023-01-01")
    desk.customers.edit(young, {"status": "active"})
    desk.customers.edit(young, {"status": "closed"})             # closed again 2023-01-01
    _at("2025-02-01")
    plan = desk.privacy.retention()
    assert plan["files"] == []                                   # not five years yet
    assert [(r["kind"], r["code"]) for r in plan["records"]] == [("litigation", firm)]
    _at("2025-03-02")
    plan = desk.privacy.retention()
    assert sorted(f["code"] for f in plan["files"]) == sorted([old, firm])  # not the young one
    _at("2025-03-05")
    desk.privacy.purge(plan)
    assert desk.customers._raw(old)["erased_at"] and desk.customers._raw(old)["id_number"] is None
    assert desk.customers._raw(young)["id_number"] == "110105198001010032"
    assert desk.records.raw(firm, "contacts") == [] and desk.records.raw(firm, "litigation") == []
    assert len(desk.records.raw(old, "credit_records")) == 1     # ended 2020-06-30: kept for now
    _at("2025-07-01")
    due = desk.privacy.retention()
    assert sorted(r["code"] for r in due["records"]) == sorted([old, young])
    desk.privacy.purge(due)
    assert desk.records.raw(old, "credit_records") == desk.records.raw(young, "credit_records") == []
    assert desk.customers._raw(firm)["name"] == "杭州老客户有限公司"
    assert desk.privacy.retention()["files"] == desk.privacy.retention()["records"] == []
    assert desk.audit.verify().ok


def test_retention_years_come_from_settings(desk):
    assert desk.privacy.years() == {"privacy.closed_years": 5, "privacy.negative_years": 5}
    desk.privacy.set_years(7, 3)
    assert desk.privacy.years() == {"privacy.closed_years": 7, "privacy.negative_years": 3}
    with pytest.raises(ValidationError):
        desk.privacy.set_years(0, 3)


# -- exporting files ------------------------------------------------------------------------
def test_export_csv_masks_and_leaves_out_files_above_clearance(desk, open_as, tmp_path):
    code = _person(desk)
    secret = desk.customers.add({"kind": "enterprise", "name": "机密贸易有限公司",
                                 "level": "secret"}).code
    clerk = open_as("clerk")
    out = tmp_path / "c.csv"
    done = export_customers(clerk, out)
    assert done["customers"] == 1
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
    header, row = rows[0], rows[1]
    assert header[:3] == ["客户编号", "名称", "类型"] and row[0] == code and row[2] == "个人"
    assert row[header.index("证件号码")] == "**************002X"
    assert row[header.index("电话")] == "138****5678"
    assert secret not in out.read_text(encoding="utf-8-sig")
    logged = [e for e in desk.audit.entries() if e["action"] == "export.customers"]
    assert logged[0]["summary"]["customers"] == 1 and logged[0]["user"] == "clerk"


def test_export_xlsx_with_records_and_a_logged_reveal(desk, tmp_path):
    code = _person(desk)
    out = tmp_path / "c.xlsx"
    with pytest.raises(ValidationError):
        export_customers(desk, out, reveal=["id_number"])              # no reason
    done = export_customers(desk, out, reveal=["id_number", "income"], reason="年度核对")
    assert done["records"] >= 4
    book = openpyxl.load_workbook(out, read_only=True)
    assert book.sheetnames[:3] == ["客户", "联系人", "财务报表"]
    customers = list(book["客户"].iter_rows(values_only=True))
    header, row = customers[0], customers[1]
    assert row[header.index("证件号码")] == ID and row[header.index("月收入")] == 12000
    assert row[header.index("电话")] == "138****5678"                  # not revealed
    credit = list(book["信用记录"].iter_rows(values_only=True))
    assert credit[1][0] == code and "***" in credit[1]                # not revealed either
    logged = next(e for e in desk.audit.entries() if e["action"] == "export.customers")
    assert logged["summary"]["revealed"] == ["id_number", "income"]
    assert logged["summary"]["reason"] == "年度核对"


def test_export_refuses_other_formats_and_uncleared_reveals(desk, open_as, tmp_path):
    from custdesk.core.errors import CustdeskError
    with pytest.raises(CustdeskError):
        export_customers(desk, tmp_path / "c.json")
    with pytest.raises(AccessDenied):
        export_customers(open_as("clerk"), tmp_path / "c.csv", reveal=["id_number"], reason="x")
    assert not (tmp_path / "c.csv").exists()

"""The archive: creating and editing files, refusals of bad input, duplicates, overrides."""

from __future__ import annotations

import re

import pytest

from custdesk.core import i18n
from custdesk.core.errors import NotFound, ValidationError
from custdesk.core.validation import id_check_char

ID = "11010519491231002X"
USCC = "91350100M000100Y43"


def count(desk, table="customers"):
    return desk.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_codes_are_drawn_at_random_and_never_twice(desk):
    # A counted-up code would tell a user, by its gaps, that files exist they may not see.
    codes = [desk.customers.add({"kind": "individual", "name": n}).code
             for n in ("甲", "乙", "丙", "丁", "戊", "己")]
    assert len(set(codes)) == len(codes)
    assert all(re.fullmatch(r"C\d{6}", c) for c in codes)
    assert codes != sorted(codes) or codes != [f"C{i:06d}" for i in range(1, 7)]


def test_individual_gets_birth_date_and_gender_from_the_id(desk):
    code = desk.customers.add({"kind": "individual", "name": "张伟", "id_number": ID.lower()}).code
    record = desk.customers.get(code, reveal=["id_number"], reason="核对")
    assert record["id_number"] == ID
    assert (record["birth_date"], record["gender"]) == ("1949-12-31", "female")


def test_stated_birth_date_must_match_the_id(desk):
    with pytest.raises(ValidationError) as err:
        desk.customers.add({"kind": "individual", "name": "张伟", "id_number": ID,
                            "birth_date": "1950-01-01"})
    assert [e.field for e in err.value.errors] == ["birth_date"]
    assert "1949-12-31" in str(err.value)


def test_enterprise_with_every_field(desk):
    code = desk.customers.add({
        "kind": "enterprise", "name": "福州恒泰贸易有限公司", "credit_code": USCC.lower(),
        "legal_rep": "林海", "registered_capital": "5,000,000", "founding_date": "2009年3月18日",
        "industry": "批发零售", "employees": "48", "phone": "0591-87654321", "tier": "key",
        "address": "福州市鼓楼区五四路 1 号", "business_scope": "日用百货批发"}).code
    record = desk.customers.get(code)
    assert record["credit_code"] == USCC
    assert record["registered_capital"] == 500_000_000  # fen
    assert record["founding_date"] == "2009-03-18"
    assert record["employees"] == 48 and record["tier"] == "key"


@pytest.mark.parametrize("values, field", [
    ({"name": ""}, "name"),
    ({"name": "   \u3000 "}, "name"),
    ({"name": "张\x00伟"}, "name"),
    ({"name": "张伟😀"}, "name"),
    ({"name": "王五", "id_number": "110105491231002"}, "id_number"),          # 15 digits
    ({"name": "王五", "id_number": "11010519491231002"}, "id_number"),        # 17 digits
    ({"name": "王五", "id_number": "110105199002300021"}, "id_number"),       # 30 February
    ({"name": "王五", "id_number": "110105209901010011"}, "id_number"),       # born in the future
    ({"name": "王五", "phone": "12345"}, "phone"),
    ({"name": "王五", "email": "not-an-email"}, "email"),
    ({"name": "王五", "monthly_income": "-5"}, "monthly_income"),
    ({"name": "王五", "monthly_income": "NaN"}, "monthly_income"),
    ({"name": "王五", "monthly_income": "1.234"}, "monthly_income"),
    ({"name": "王五", "notes": "x" * 10_000_000}, "notes"),
    ({"name": "王五", "status": "vanished"}, "status"),
    ({"name": "王五", "credit_code": USCC}, "credit_code"),                   # not an individual's field
    ({"name": "王五", "employment_start": "2023-02-29"}, "employment_start"),
])
def test_bad_individual_input_is_refused_whole(desk, values, field):
    before = (count(desk), count(desk, "individuals"), desk.audit.head())
    with pytest.raises(ValidationError) as err:
        desk.customers.add({"kind": "individual", **values})
    assert field in [e.field for e in err.value.errors]
    assert (count(desk), count(desk, "individuals"), desk.audit.head()) == before


@pytest.mark.parametrize("code", ["91350100M000100YI3", "91350100M0001O0Y43", "9135010ZM000100Y43",
                                  "91350100M000100S43", "91350100M000100V43"])
def test_credit_codes_with_forbidden_letters_are_refused(desk, code):
    with pytest.raises(ValidationError) as err:
        desk.customers.add({"kind": "enterprise", "name": "某公司", "credit_code": code})
    assert err.value.errors[0].field == "credit_code" and not err.value.errors[0].warning


def test_every_bad_field_is_listed_at_once(desk):
    with pytest.raises(ValidationError) as err:
        desk.customers.add({"kind": "individual", "name": "", "phone": "1", "email": "x",
                            "monthly_income": "-1"})
    assert {e.field for e in err.value.errors} == {"name", "phone", "email", "monthly_income"}


def test_messages_follow_the_language(desk):
    i18n.set_language("en")
    with pytest.raises(ValidationError) as err:
        desk.customers.add({"kind": "individual", "name": "Li Lei", "phone": "1"})
    assert "phone" in str(err.value) and "电话" not in str(err.value)


def test_sql_metacharacters_are_just_text(desk):
    name = "O'Brien & Sons (测试) -- 公司"
    code = desk.customers.add({"kind": "enterprise", "name": name,
                               "notes": "'); DROP TABLE customers; --"}).code
    assert desk.customers.get(code)["name"] == name
    assert desk.customers.list("o'brien")[0]["code"] == code
    assert count(desk) == 1


def test_checksum_failure_needs_a_recorded_reason(desk):
    wrong = ID[:17] + ("0" if ID[17] != "0" else "1")
    with pytest.raises(ValidationError) as err:
        desk.customers.add({"kind": "individual", "name": "赵六", "id_number": wrong})
    assert err.value.errors[0].warning and err.value.only_warnings
    code = desk.customers.add({"kind": "individual", "name": "赵六", "id_number": wrong},
                              overrides={"id_number": "客户出示的证件原件即为此号码"}).code
    record = desk.customers.get(code, reveal=["id_number"], reason="核对")
    assert record["id_number"] == wrong
    assert record["overrides"] == {"id_number": "客户出示的证件原件即为此号码"}
    entry = [e for e in desk.audit.entries(customer=code) if e["action"] == "customer.add"][0]
    assert entry["summary"]["overrides"] == {"id_number": "客户出示的证件原件即为此号码"}


def test_override_does_not_excuse_other_errors(desk):
    with pytest.raises(ValidationError):
        desk.customers.add({"kind": "individual", "name": "赵六", "id_number": "110105199002300021"},
                           overrides={"id_number": "坚持"})


def test_duplicate_identity_numbers_are_refused(desk):
    first = desk.customers.add({"kind": "individual", "name": "张伟", "id_number": ID}).code
    with pytest.raises(ValidationError, match=first):
        desk.customers.add({"kind": "individual", "name": "张伟", "id_number": ID})
    desk.customers.add({"kind": "enterprise", "name": "甲公司", "credit_code": USCC})
    with pytest.raises(ValidationError, match="信用代码"):
        desk.customers.add({"kind": "enterprise", "name": "乙公司", "credit_code": USCC})
    other = desk.customers.add({"kind": "individual", "name": "张伟"}).code
    with pytest.raises(ValidationError):
        desk.customers.edit(other, {"id_number": ID})


def test_edit_changes_fields_and_logs_before_and_after(desk):
    code = desk.customers.add({"kind": "individual", "name": "李娜"}).code
    changes = desk.customers.edit(code, {"name": "李娜娜", "status": "active", "tags": "重点, 老客户"})
    assert "customers" in changes and changes.code == code
    record = desk.customers.get(code)
    assert (record["name"], record["status"]) == ("李娜娜", "active")
    entry = desk.audit.entries(customer=code, limit=1)[0]
    assert entry["summary"]["name"] == {"before": "李娜", "after": "李娜娜"}
    assert desk.customers.list("娜娜")[0]["code"] == code


def test_edit_with_no_change_writes_nothing(desk):
    code = desk.customers.add({"kind": "individual", "name": "李娜"}).code
    seq = desk.audit.head()[0]
    assert not desk.customers.edit(code, {"name": "李娜"}).areas
    assert desk.audit.head()[0] == seq


def test_kind_cannot_change_and_name_cannot_be_emptied(desk):
    code = desk.customers.add({"kind": "individual", "name": "李娜"}).code
    with pytest.raises(ValidationError):
        desk.customers.edit(code, {"kind": "enterprise"})
    with pytest.raises(ValidationError):
        desk.customers.edit(code, {"name": " "})


def test_unknown_code_is_not_found(desk):
    with pytest.raises(NotFound):
        desk.customers.get("C999999")


def test_generated_valid_ids_are_accepted(desk):
    first17 = "44030519880808123"
    number = first17 + id_check_char(first17)
    code = desk.customers.add({"kind": "individual", "name": "陈晨", "id_number": number}).code
    assert desk.customers.get(code)["gender"] == "male"


def test_records_round_trip_and_refuse_inconsistent_statements(desk):
    code = desk.customers.add({"kind": "enterprise", "name": "甲公司"}).code
    desk.records.add(code, "financials", {"period": "2024", "total_assets": "1000", "current_assets": "400",
                                          "total_liabilities": "600", "current_liabilities": "300",
                                          "equity": "400", "net_profit": "-50"})
    rows = desk.records.list(code, "financials", reveal=True, reason="评级")
    assert rows[0]["net_profit"] == -5000 and rows[0]["total_assets"] == 100000
    with pytest.raises(ValidationError, match="流动资产"):
        desk.records.add(code, "financials", {"period": "2023", "total_assets": "100",
                                              "current_assets": "200"})
    with pytest.raises(ValidationError, match="期间"):
        desk.records.add(code, "financials", {"period": "2024"})
    with pytest.raises(ValidationError):
        desk.records.add(code, "financials", {"period": "2024-13"})
    assert len(desk.records.raw(code, "financials")) == 1


def test_record_update_and_delete_are_logged(desk):
    code = desk.customers.add({"kind": "individual", "name": "王芳"}).code
    rid = desk.records.add(code, "communications", {"occurred_on": "2026-11-01", "channel": "phone",
                                                    "summary": "电话回访，客户表示下月付款"}).id
    desk.records.update(code, "communications", rid, {"follow_up_on": "2026-12-01"})
    assert desk.records.list(code, "communications")[0]["follow_up_on"] == "2026-12-01"
    desk.records.delete(code, "communications", rid)
    assert desk.records.list(code, "communications") == []
    actions = [e["action"] for e in desk.audit.entries(customer=code)]
    assert actions[:3] == ["record.delete", "record.edit", "record.add"]


def test_documents_are_stored_inside_with_checksums(desk):
    code = desk.customers.add({"kind": "individual", "name": "王芳"}).code
    content = "身份证扫描件".encode() * 1000
    doc = desk.documents.add(code, "id_card_正面.jpg", content, "id_card", expires_on="2030-01-01").id
    listed = desk.documents.list(code)[0]
    assert listed["filename"] == "id_card_正面.jpg" and listed["size"] == len(content)
    assert desk.documents.content(code, doc) == ("id_card_正面.jpg", content)
    assert desk.audit.entries(customer=code, limit=1)[0]["action"] == "document.open"


def test_oversized_document_is_refused_before_reading(desk, tmp_path):
    from custdesk.core.customers.documents import MAX_BYTES
    code = desk.customers.add({"kind": "individual", "name": "王芳"}).code
    big = tmp_path / "big.pdf"
    with open(big, "wb") as fh:
        fh.truncate(MAX_BYTES + 1)
    with pytest.raises(ValidationError, match="MB"):
        desk.documents.add_file(code, big, "bank_statement")
    assert desk.documents.list(code) == []


def test_statement_lines_belong_to_the_customer_kind(desk):
    person = desk.customers.add({"kind": "individual", "name": "王芳"}).code
    desk.records.add(person, "financials", {"period": "2025", "income": "120000", "assets": "300000"})
    with pytest.raises(ValidationError) as err:
        desk.records.add(person, "financials", {"period": "2024", "revenue": "1000"})
    assert err.value.errors[0].field == "revenue"
    firm = desk.customers.add({"kind": "enterprise", "name": "甲公司"}).code
    with pytest.raises(ValidationError):
        desk.records.add(firm, "financials", {"period": "2025", "income": "1000"})


# -- the list's credit columns and filters ----------------------------------------------------
def graded_files(desk, reviewer):
    """张伟 owes ¥50,000 against ¥10,000; 王芳 owes ¥5,000 against ¥20,000; 蔡明 is not graded."""
    codes = {}
    for name, owed, limit in (("张伟", "50000", "10000"), ("王芳", "5000", "20000"),
                              ("蔡明", None, None)):
        code = codes[name] = desk.customers.add({"kind": "individual", "name": name}).code
        if owed:
            desk.records.add(code, "transactions", {"kind": "invoice", "occurred_on": "2026-01-05",
                                                    "amount": owed})
            desk.records.add(code, "financials", {"period": "2025", "income": "240000",
                                                  "assets": "500000", "liabilities": "100000"})
            assessment = desk.grading.assess(code).id
            desk.grading.submit(assessment, missing_reason="资料待补")
            reviewer.grading.approve(assessment, limit, "熟客，额度按往来核定")
    return codes


def test_list_rows_carry_the_credit_standing(desk, open_as):
    from custdesk.core.customers.archive import LIST_COLUMNS
    codes = graded_files(desk, open_as("reviewer"))
    rows, total = desk.customers.list_rows()
    assert total == 3 and all(len(row) == len(LIST_COLUMNS) == 14 for row in rows)
    assert LIST_COLUMNS[:8] == ("code", "kind", "name", "status", "tier", "level", "owner", "phone")
    assert LIST_COLUMNS[8:] == ("grade", "risk_level", "credit_limit", "exposure",
                                "grade_valid_until", "hold")
    by_name = {row[2]: dict(zip(LIST_COLUMNS, row)) for row in rows}
    for name in ("张伟", "王芳"):   # the list says what the file says
        credit = desk.grading.credit(codes[name])
        assert {k: by_name[name][k] for k in LIST_COLUMNS[8:]} == {
            "grade": credit["grade"], "risk_level": credit["risk_level"],
            "credit_limit": credit["credit_limit"], "exposure": credit["exposure"],
            "grade_valid_until": credit["grade_valid_until"], "hold": credit["hold_text"]}
    assert by_name["张伟"]["credit_limit"] == 1_000_000 and by_name["张伟"]["exposure"] == 5_000_000
    assert by_name["张伟"]["hold"] == "超出授信额度"
    assert by_name["王芳"]["credit_limit"] == 2_000_000 and by_name["王芳"]["exposure"] == 500_000
    assert by_name["王芳"]["hold"] == ""
    assert [by_name["蔡明"][k] for k in LIST_COLUMNS[8:]] == [None, None, None, 0, None, ""]
    # Every path to the rows gives the same width: search, limit, filters.
    for kwargs in ({"search": "张"}, {"limit": 1}, {"kind": "individual"}, {"hold": True}):
        assert all(len(row) == 14 for row in desk.customers.list_rows(**kwargs)[0]), kwargs


def test_list_filters_by_credit_hold_and_grade(desk, open_as):
    import datetime

    from custdesk.core import clock
    from custdesk.core.customers.archive import UNGRADED
    codes = graded_files(desk, open_as("reviewer"))
    archive = desk.customers

    def listed(**filters):
        rows, total = archive.list_rows(**filters)
        assert total == len(rows)
        # summary_rows filters alike (the command line and exports read it).
        assert [r[0] for r in archive.summary_rows(**filters)] == [r[0] for r in rows]
        return [row[2] for row in rows]

    assert listed(hold=True) == ["张伟"]
    assert listed(hold=True, search="王") == []
    assert listed(grade=UNGRADED) == ["蔡明"]
    grades = {name: desk.grading.credit(codes[name])["grade"] for name in ("张伟", "王芳")}
    assert listed(grade=grades["王芳"]) == [n for n in ("王芳", "张伟") if grades[n] == grades["王芳"]]
    assert listed(grade="AAA" if "AAA" not in grades.values() else "C") == []
    # Once the grades have expired, every graded file is on hold (core's rule, limits.hold_reasons).
    clock.set_fixed(datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=800))
    held = [n for n in ("蔡明", "王芳", "张伟") if desk.grading.credit(codes[n])["hold"]]
    assert "王芳" in held and "张伟" in held
    assert "hold.expired" in desk.grading.credit(codes["王芳"])["hold_reasons"]
    assert listed(hold=True) == held
    rows, total = archive.list_rows(hold=True, limit=1)
    assert [r[2] for r in rows] == held[:1] and total == len(held)
    assert rows[0][-1] == desk.grading.credit(codes[held[0]])["hold_text"]
    with pytest.raises(ValidationError):
        archive.list_rows(grade="AAAA")


def test_contact_phones_go_into_the_audit_log_masked(desk):
    code = desk.customers.add({"kind": "enterprise", "name": "联系人测试有限公司"}).code
    changes = desk.records.add(code, "contacts", {"name": "王经理", "phone": "13912345678"})
    desk.records.update(code, "contacts", changes.id, {"phone": "13887654321"})
    entries = [e for e in desk.audit.entries() if e["action"] in ("record.add", "record.edit")]
    text = str([e["summary"] for e in entries])
    assert "13912345678" not in text and "13887654321" not in text
    assert "139****5678" in text and "138****4321" in text
    assert "王经理" in text            # the rest of the summary is as before
    assert desk.records.raw(code, "contacts")[0]["phone"] == "13887654321"


def test_clearing_a_field_a_file_always_has_is_done_or_refused(desk):
    from custdesk.core.errors import ValidationError as Invalid
    code = desk.customers.add({"kind": "individual", "name": "张伟", "notes": "往来正常",
                               "tags": "老客户", "tier": "vip"}).code
    desk.customers.edit(code, {"notes": "", "tags": ""})
    assert (desk.customers.get(code)["notes"], desk.customers.get(code)["tags"]) == ("", "")
    for key in ("tier", "status", "level", "id_type"):
        with pytest.raises(Invalid) as caught:
            desk.customers.edit(code, {key: ""})
        assert caught.value.errors[0].field == key
    assert desk.customers.get(code)["tier"] == "vip"

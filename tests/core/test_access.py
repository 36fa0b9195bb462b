"""Confidentiality: hidden files, masked fields, reveals with reasons, role permissions."""

from __future__ import annotations

import pytest

from custdesk.core.access import PERMISSIONS, ROLES
from custdesk.core.disclosure import mask_value
from custdesk.core.errors import AccessDenied, NotFound, ValidationError

ID = "11010519491231002X"


@pytest.fixture
def files(desk):
    """One file at each level, made by the admin (cleared to secret)."""
    codes = {}
    for level in ("public", "internal", "confidential", "secret"):
        codes[level] = desk.customers.add({
            "kind": "individual", "name": f"{level}客户", "level": level,
            "phone": "13812345678" if level == "internal" else None,
            "id_number": ID if level == "internal" else None,
            "monthly_income": "12000" if level == "internal" else None}).code
    return codes


def test_masks_have_the_documented_shapes():
    # An ID number shows its last four only: its region and birth date would complete it.
    assert mask_value(ID, "id") == "**************002X"
    assert mask_value("13812345678", "phone") == "138****5678"
    assert mask_value("6222021234567890123", "card") == "6222***********0123"
    assert mask_value(1200000, "amount") == "***"
    assert mask_value(None, "id") is None


@pytest.mark.parametrize("user, visible", [
    ("clerk", {"public", "internal"}),
    ("reviewer", {"public", "internal", "confidential"}),
    ("senior", {"public", "internal", "confidential", "secret"}),
])
def test_files_above_clearance_do_not_exist_for_the_user(files, open_as, user, visible):
    d = open_as(user)
    listed = {row["code"] for row in d.customers.list()}
    assert listed == {files[level] for level in visible}
    assert {row["code"] for row in d.customers.list("客户")} == listed
    for level, code in files.items():
        if level in visible:
            assert d.customers.get(code)["code"] == code
        else:
            with pytest.raises(NotFound):
                d.customers.get(code)
            with pytest.raises(NotFound):
                d.records.list(code, "contacts")


def test_sensitive_fields_masked_even_for_the_cleared(files, desk):
    record = desk.customers.get(files["internal"])
    assert record["id_number"] == "**************002X"
    assert record["phone"] == "138****5678"
    assert record["monthly_income"] == "***"
    assert record["birth_date"] == "***"           # levelled with the ID number
    assert set(record["masked"]) == {"id_number", "phone", "monthly_income", "birth_date"}
    listed = desk.customers.list(files["internal"])[0]
    assert listed["id_number"] == "**************002X" and listed["phone"] == "138****5678"


def test_reveal_needs_a_reason_and_is_logged(files, desk):
    code = files["internal"]
    with pytest.raises(ValidationError):
        desk.customers.get(code, reveal=["id_number"], reason="  ")
    shown = desk.customers.get(code, reveal=["id_number"], reason="核对合同签署人")
    assert shown["id_number"] == ID and shown["phone"] == "138****5678"
    entry = desk.audit.entries(customer=code, limit=1)[0]
    assert entry["action"] == "customer.reveal"
    assert entry["summary"] == {"fields": ["id_number"], "reason": "核对合同签署人"}
    # The reveal was for that view only.
    assert desk.customers.get(code)["id_number"] == "**************002X"


def test_reveal_beyond_clearance_is_denied_and_nothing_logged(files, open_as):
    clerk = open_as("clerk")  # internal clearance; ID numbers are confidential by default
    code = files["internal"]
    seq = clerk.audit.head()[0]
    with pytest.raises(AccessDenied):
        clerk.customers.get(code, reveal=["id_number"], reason="好奇")
    assert clerk.audit.head()[0] == seq
    # Phone is internal: the clerk may reveal it.
    assert clerk.customers.get(code, reveal=["phone"], reason="回访")["phone"] == "13812345678"


def test_id_number_search_only_for_the_cleared(files, open_as):
    code = files["internal"]
    assert [r["code"] for r in open_as("reviewer").customers.list(ID)] == [code]
    assert open_as("clerk").customers.list(ID) == []
    # A fragment finds nothing, even for the cleared: the mask hides it.
    assert open_as("reviewer").customers.list(ID[:10]) == []


def test_manager_can_change_field_levels(files, open_as):
    manager = open_as("manager")
    manager.settings.set_field_level("phone", "confidential")
    clerk = open_as("clerk")
    with pytest.raises(AccessDenied):
        clerk.customers.get(files["internal"], reveal=["phone"], reason="回访")
    with pytest.raises(AccessDenied):
        clerk.settings.set_field_level("phone", "public")


def test_sensitive_records_masked_until_revealed(desk):
    code = desk.customers.add({"kind": "enterprise", "name": "宏达贸易有限公司"}).code
    desk.records.add(code, "litigation", {"case_no": "(2025)沪0101民初123号", "role": "defendant",
                                          "amount": "50000", "filed_on": "2025-03-01"})
    masked = desk.records.list(code, "litigation")[0]
    assert masked["amount"] == "***" and masked["case_no"] == "***"
    assert masked["filed_on"] == "2025-03-01" and masked["role"] == "defendant"
    with pytest.raises(ValidationError):
        desk.records.list(code, "litigation", reveal=True, reason="")
    shown = desk.records.list(code, "litigation", reveal=True, reason="授信审查")[0]
    assert shown["amount"] == 5_000_000 and shown["case_no"].startswith("(2025)")
    assert desk.audit.entries(customer=code, limit=1)[0]["action"] == "record.reveal"


def test_user_cannot_create_above_own_clearance(open_as):
    clerk = open_as("clerk")
    with pytest.raises(ValidationError, match="保密级别"):
        clerk.customers.add({"kind": "individual", "name": "李雷", "level": "secret"})


@pytest.mark.parametrize("role", ROLES)
def test_permission_table_is_enforced(role, open_as):
    name = {"clerk": "clerk", "reviewer": "reviewer", "manager": "manager", "admin": "boss",
            "auditor": "auditor"}[role]
    d = open_as(name)
    may_edit = role in PERMISSIONS["customer.edit"]
    if may_edit:
        assert d.customers.add({"kind": "individual", "name": "韩梅梅"}).code
    else:
        with pytest.raises(AccessDenied):
            d.customers.add({"kind": "individual", "name": "韩梅梅"})
    if role in PERMISSIONS["user.manage"]:
        d.users.add("newbie", "clerk", "internal", "newbie-password")
    else:
        with pytest.raises(AccessDenied):
            d.users.add("newbie", "clerk", "internal", "newbie-password")
    assert (role in PERMISSIONS["audit.read"]) == _can(lambda: d.audit.entries(limit=1))


def _can(action) -> bool:
    try:
        action()
    except AccessDenied:
        return False
    return True


def test_auditor_reads_but_never_writes(open_as, desk):
    code = desk.customers.add({"kind": "individual", "name": "审计对象"}).code
    auditor = open_as("auditor")
    assert auditor.customers.get(code)["name"] == "审计对象"
    for action in (lambda: auditor.customers.edit(code, {"notes": "x"}),
                   lambda: auditor.records.add(code, "contacts", {"name": "某人"}),
                   lambda: auditor.documents.add(code, "a.txt", b"x", "other")):
        with pytest.raises(AccessDenied):
            action()


def test_a_number_written_by_someone_not_cleared_is_found_by_those_who_are(open_as):
    from custdesk.core.errors import ValidationError
    clerk = open_as("clerk")                      # internal: ID numbers are confidential
    code = clerk.customers.add({"kind": "individual", "name": "新客户",
                                "id_number": "110105198001010016"}).code
    assert clerk.customers.list("110105198001010016") == []      # she cannot search it
    # The same number again: for her, a number she cannot read is as good as absent.
    clerk.customers.add({"kind": "individual", "name": "又一位", "id_number": "110105198001010016"})
    reviewer = open_as("reviewer")                # his login indexes what she could not
    found = {r["code"] for r in reviewer.customers.list("110105198001010016")}
    assert code in found and len(found) == 2
    senior = open_as("senior")                    # a clerk cleared to it is told
    with pytest.raises(ValidationError, match="已属于客户"):
        senior.customers.add({"kind": "individual", "name": "第三位",
                              "id_number": "110105198001010016"})

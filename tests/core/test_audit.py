"""The audit chain: every mutation logged in its transaction; tampering of any kind is found."""

from __future__ import annotations

import json

import pytest

from custdesk.core.audit import head_path
from custdesk.core.errors import AccessDenied, ValidationError
from custdesk.core.store.connection import IntegrityError


def _fill(desk, n=6):
    codes = [desk.customers.add({"kind": "individual", "name": f"客户{i}"}).code for i in range(n)]
    desk.customers.edit(codes[0], {"notes": "改过"})
    return codes


def _drop_guards(desk):
    desk.db.execute("DROP TRIGGER audit_log_no_update")
    desk.db.execute("DROP TRIGGER audit_log_no_delete")


def test_each_mutation_writes_one_entry_with_who_and_what(desk):
    before = desk.audit.head()[0]
    code = desk.customers.add({"kind": "individual", "name": "王芳", "phone": "13912345678"}).code
    desk.customers.edit(code, {"phone": "13987654321", "tier": "vip"})
    entries = desk.audit.entries(customer=code)
    assert [e["action"] for e in entries] == ["customer.edit", "customer.add"]
    assert entries[0]["user"] == "boss" and entries[0]["seq"] == before + 2
    # Sensitive values never reach the log, but the fact of their change does.
    assert entries[0]["summary"]["phone"] == {"before": "***", "after": "***"}
    assert entries[0]["summary"]["tier"] == {"before": "normal", "after": "vip"}
    assert "13912345678" not in json.dumps(entries, ensure_ascii=False)


def test_refused_input_writes_nothing(desk):
    seq = desk.audit.head()[0]
    with pytest.raises(ValidationError):
        desk.customers.add({"kind": "individual", "name": ""})
    assert desk.audit.head()[0] == seq
    assert desk.db.execute("SELECT count(*) FROM customers").fetchone()[0] == 0


def test_intact_chain_verifies(desk):
    _fill(desk)
    result = desk.audit.verify()
    assert result.ok and result.count == desk.audit.head()[0]
    assert "完整" in result.message


def test_triggers_refuse_update_and_delete(desk):
    _fill(desk, 1)
    with pytest.raises(IntegrityError):
        desk.db.execute("UPDATE audit_log SET user = 'someone' WHERE seq = 1")
    with pytest.raises(IntegrityError):
        desk.db.execute("DELETE FROM audit_log WHERE seq = 1")


def test_edited_entry_is_named(desk):
    _fill(desk)
    _drop_guards(desk)
    desk.db.execute("UPDATE audit_log SET user = 'mallory' WHERE seq = 5")
    result = desk.audit.verify()
    assert not result.ok and result.first_bad == 5 and result.problem == "edited"
    assert "5" in result.message


def test_edited_summary_is_named(desk):
    _fill(desk)
    _drop_guards(desk)
    desk.db.execute("UPDATE audit_log SET summary = '{}' WHERE seq = 7")
    assert desk.audit.verify().first_bad == 7


def test_deleted_entry_is_named(desk):
    _fill(desk)
    _drop_guards(desk)
    desk.db.execute("DELETE FROM audit_log WHERE seq = 4")
    result = desk.audit.verify()
    assert (result.ok, result.first_bad, result.problem) == (False, 4, "missing")


def test_inserted_entry_is_named(desk):
    _fill(desk)
    _drop_guards(desk)
    last_seq, last_hash = desk.audit.head()
    # A forged entry linked correctly to the chain but without the HMAC key.
    desk.db.execute("INSERT INTO audit_log (seq, at, user, action, object, summary, prev_hash, hash) "
                    "VALUES (?, '2026-01-01T00:00:00Z', 'boss', 'customer.add', 'C999999', '{}', ?, ?)",
                    [last_seq + 1, last_hash, "ab" * 32])
    result = desk.audit.verify()
    assert not result.ok and result.first_bad == last_seq + 1


def test_renumbered_entries_are_found(desk):
    _fill(desk)
    _drop_guards(desk)
    # Remove entry 3 and shift the later ones down to hide the gap.
    desk.db.execute("DELETE FROM audit_log WHERE seq = 3")
    last = desk.audit.head()[0]
    for seq in range(4, last + 1):
        desk.db.execute("UPDATE audit_log SET seq = ? WHERE seq = ?", [seq - 1, seq])
    result = desk.audit.verify()
    assert not result.ok and result.first_bad == 3


def test_truncated_tail_is_caught_by_the_head_kept_outside(desk):
    _fill(desk)
    last = desk.audit.head()[0]
    _drop_guards(desk)
    desk.db.execute("DELETE FROM audit_log WHERE seq > ?", [last - 2])
    result = desk.audit.verify()
    assert (result.ok, result.problem, result.first_bad) == (False, "truncated", last - 1)
    assert str(last) in result.message


def test_missing_head_file_is_reported(desk):
    _fill(desk, 1)
    head_path(desk.path).unlink()
    result = desk.audit.verify()
    assert not result.ok and result.problem == "no_head"


def test_head_behind_after_a_crash_still_verifies(desk):
    """A crash between commit and writing the head leaves the head one entry behind: not tampering."""
    _fill(desk, 2)
    seq, _ = desk.audit.head()
    row = desk.db.execute("SELECT seq, hash FROM audit_log WHERE seq = ?", [seq - 1]).fetchone()
    desk.audit.write_head(row[0], row[1])
    assert desk.audit.verify().ok


def test_whole_log_needs_the_audit_permission(open_as):
    clerk = open_as("clerk")
    with pytest.raises(AccessDenied):
        clerk.audit.entries()
    with pytest.raises(AccessDenied):
        clerk.audit.verify()
    auditor = open_as("auditor")
    assert auditor.audit.verify().ok


@pytest.mark.single_pc("a wrong password is audited from the slot file; an office server refuses it first and logs it in its own log")
def test_logins_and_failures_are_logged(db_path, open_as):
    from custdesk.core.desk import Desk
    from custdesk.core.errors import AuthenticationFailed
    with pytest.raises(AuthenticationFailed):
        Desk.open(db_path, "clerk", "not-the-password")
    desk = open_as("boss")
    actions = [(e["action"], e["user"]) for e in desk.audit.entries(limit=3)]
    assert ("login", "boss") in actions and ("login.failed", "clerk") in actions


@pytest.mark.single_pc("cuts the file's log and removes its head file by hand")
def test_logging_in_again_does_not_hide_a_cut_tail_or_a_lost_head(desk, db_path):
    from custdesk.core.desk import Desk
    from tests.conftest import ADMIN, ADMIN_PW
    _fill(desk)
    last = desk.audit.head()[0]
    _drop_guards(desk)
    desk.db.execute("DELETE FROM audit_log WHERE seq > ?", [last - 2])
    desk.close()
    for _ in range(3):  # each login appends an entry; the head file must not follow
        with Desk.open(db_path, ADMIN, ADMIN_PW) as again:
            result = again.audit.verify()
            assert not result.ok and result.problem in ("truncated", "head_mismatch")
    head_path(db_path).unlink()
    with Desk.open(db_path, ADMIN, ADMIN_PW) as again:
        assert again.audit.verify().problem == "no_head"
        assert not head_path(db_path).exists()
        again.audit.reanchor("调查确认：测试中删除了链头文件")
        assert again.audit.verify().ok
        assert again.audit.entries(limit=1)[0]["action"] == "audit.reanchor"


def test_phones_in_old_summaries_are_read_masked(desk):
    with desk.writing():
        desk.audit.append("record.add", "contacts#1", summary={"phone": "18765676294",
                                                             "name": "王经理"})
    entry = desk.audit.entries(limit=1)[0]
    assert entry["summary"] == {"phone": "187****6294", "name": "王经理"}

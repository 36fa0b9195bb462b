"""Converting a database made before keys per clearance (tests/data/v1, made by custdesk 0.1.0)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from custdesk.core import backup
from custdesk.core.desk import Desk
from custdesk.core.errors import AccessDenied, AuthenticationFailed, NotFound, StoreError, ValidationError
from custdesk.core.keys import upgrade
from custdesk.core.restore import restore
from custdesk.core.store.keyslots import KeySlots
from tests.core import insider

DATA = Path(__file__).parent.parent / "data" / "v1"
OLD = {"boss": "boss-password-1", "clerk": "clerk-password", "manager": "manager-password",
       "intern": "intern-password", "gone": "gone-password"}
SECRET = ("旧秘密客户", "11010519491231002X", "13912345678", "旧版的机密备注", "(2025)京0105民初1号")


@pytest.fixture
def old(tmp_path) -> Path:
    for name in ("v1.db", "v1.db.keys", "v1.db.audit-head"):
        shutil.copy2(DATA / name, tmp_path / name)
    return tmp_path / "v1.db"


def test_only_an_administrator_converts_and_the_others_are_told_to_wait(old):
    with pytest.raises(StoreError, match="管理员"):
        Desk.open(old, "clerk", OLD["clerk"])
    assert KeySlots.load(old).format == 1            # nothing converted
    with pytest.raises(AuthenticationFailed):
        Desk.open(old, "boss", "wrong-password")


def test_the_conversion_keeps_everything_and_hands_out_one_time_passwords(old):
    with Desk.open(old, "boss", OLD["boss"]) as boss:
        report = boss.upgrade
        assert sorted(report["one_time_passwords"]) == ["clerk", "manager"]
        assert report["without_keys"] == ["intern"]           # cleared to public only
        assert Path(report["copy"]).exists()                  # the database as it was
        assert boss.audit.verify().ok
        names = {r["name"] for r in boss.customers.list()}
        assert names == {"旧秘密客户", "旧内部客户", "旧公开企业有限公司"}
        shown = boss.customers.get("C000001", reveal=["id_number"], reason="核对")
        assert shown["id_number"] == SECRET[1] and shown["notes"] == SECRET[3]
        assert boss.records.list("C000001", "litigation", reveal=True, reason="核对")[0][
            "case_no"] == SECRET[4]
        converted = [e for e in boss.audit.entries() if e["action"] == "keys.convert"]
        assert converted and converted[0]["summary"]["legacy_entries"] > 10
    assert KeySlots.load(old).format == 2
    # The old recovery key no longer opens anything: the new one printed does.
    assert KeySlots.load(old).unlock_recovery((DATA / "v1.recovery").read_text()) is None
    assert KeySlots.load(old).unlock_recovery(report["recovery_key"]) is not None
    # A user's old password opens nothing; the one-time one does, once, for a change.
    with pytest.raises(AuthenticationFailed):
        Desk.open(old, "clerk", OLD["clerk"])
    clerk = Desk.open(old, "clerk", report["one_time_passwords"]["clerk"])
    assert clerk.must_change_password
    with pytest.raises(AccessDenied, match="一次性密码"):      # nothing but choosing one's own
        clerk.customers.add({"kind": "individual", "name": "张三"})
    with pytest.raises(ValidationError, match="一次性密码"):
        clerk.users.set_password("clerk", report["one_time_passwords"]["clerk"])
    clerk.users.set_password("clerk", "clerk-own-password")
    clerk.close()
    with Desk.open(old, "clerk", "clerk-own-password") as clerk:
        assert not clerk.must_change_password
        assert {r["code"] for r in clerk.customers.list()} == {"C000002", "C000003"}
        with pytest.raises(NotFound):
            clerk.customers.get("C000001")
    for name in ("intern", "gone"):
        with pytest.raises(AuthenticationFailed):
            Desk.open(old, name, OLD[name])


def test_after_the_conversion_the_clerk_reads_nothing_secret_with_the_raw_libraries(old):
    with Desk.open(old, "boss", OLD["boss"]) as boss:
        once = boss.upgrade["one_time_passwords"]["clerk"]
    conn, _keys = insider.break_in(old, "clerk", once)
    try:
        # The files' rows and the summaries the old log kept of them: all sealed now.
        texts = [bytes(v).decode("utf-8", "ignore") if isinstance(v, (bytes, memoryview))
                 else str(v) for _t, _c, v in insider.everything(conn)]
        assert texts and not any(s in t for t in texts for s in SECRET)
    finally:
        conn.close()
    # The old slot file and the old password open the database no more (new file key).
    stale = KeySlots.load(DATA / "v1.db")
    key = stale.unlock("clerk", OLD["clerk"])
    with pytest.raises(Exception):
        insider.connect(old, key)


def test_altering_the_log_written_before_is_named_after_the_conversion(old):
    Desk.open(old, "boss", OLD["boss"]).close()
    with Desk.open(old, "boss", OLD["boss"]) as boss:
        boss.db.execute("DROP TRIGGER audit_log_no_update")
        boss.db.execute("UPDATE audit_log SET user = 'mallory' WHERE seq = 3")
        result = boss.audit.verify()
        assert not result.ok and result.problem == "legacy"


def test_a_kill_during_the_conversion_leaves_the_old_database_usable(old, monkeypatch):
    def killed(desk, progress=None):
        raise KeyboardInterrupt("killed")

    monkeypatch.setattr(upgrade, "seal_existing", killed)
    with pytest.raises(KeyboardInterrupt):
        Desk.open(old, "boss", OLD["boss"])
    monkeypatch.undo()
    assert KeySlots.load(old).format == 1
    assert not upgrade.pending_path(old).exists()
    # The old passwords still open it, and the conversion runs again at the next login.
    assert KeySlots.load(old).unlock("clerk", OLD["clerk"]) is not None
    with Desk.open(old, "boss", OLD["boss"]) as boss:
        assert boss.upgrade and boss.audit.verify().ok


def test_a_backup_from_before_is_restored_and_converted_again(old, tmp_path):
    with Desk.open(old, "boss", OLD["boss"]) as boss:
        boss.customers.add({"kind": "individual", "name": "转换后的客户"})
    made = next((DATA / "backups").glob("*/*.db"))
    sets = tmp_path / "sets"
    shutil.copytree(made.parent, sets / made.parent.name)
    result = restore(old, sets / made.parent.name / made.name, user="boss",
                     password=OLD["boss"])
    assert KeySlots.load(old).format == 1                  # as it was then
    with Desk.open(old, "boss", OLD["boss"]) as boss:
        assert boss.upgrade                                 # converted again
        assert "转换后的客户" not in {r["name"] for r in boss.customers.list()}
        assert boss.audit.verify().ok
    assert result.set_aside
    assert backup.read_set(sets / made.parent.name).ok

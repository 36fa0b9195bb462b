"""The insider attack: one of the firm's own users, her password, every file, the raw libraries.

She must read no value above her clearance, and every rewrite of the audit log, her role or
her clearance must be detected. ``insider`` does the attacking without any custdesk code.
"""

from __future__ import annotations

import ast
import json
import shutil
from pathlib import Path

import pytest

from custdesk.core import backup
from custdesk.core.desk import Desk, check_backoff
from custdesk.core.errors import Conflict, LogBroken, LoginThrottled
from custdesk.core.keys.session import KeysTampered
from custdesk.core.keys import primitives as p
from custdesk.core.store.keyslots import KeySlots
from tests.conftest import ADMIN, PASSWORDS, copy_database
from tests.core import insider

SECRET = {  # a 机密 (secret) file: nothing of it may reach the clerk or the reviewer
    "name": "王秘密", "id_number": "11010519491231002X", "phone": "13912345678",
    "bank_card": "6222021234567890128", "notes": "抵押房产在幸福路88号",
    "employer": "秘密雇主有限公司", "address": "北京市朝阳区幸福路88号",
}
SECRET_TEXTS = [*SECRET.values(), "13700001111", "(2026)京0105民初9999号",
                "SECRET-DOCUMENT-CONTENT", "王秘密的联系人"]
SECRET_AMOUNTS = {987654300, 123456700, 1200000}        # fen: litigation, invoice, income
INTERNAL_ID = "110105198001010016"                      # an internal file's ID (confidential)


pytestmark = pytest.mark.single_pc(
    "an insider with the file key editing the database file, its slots and head; on an office "
    "database tests/office reads and writes with psql as each role")


@pytest.fixture
def firm(desk, db_path, tmp_path):
    """The firm: one secret file full of values, one internal file with an ID number,
    a backup made in the middle (its manifest is a checkpoint)."""
    code = desk.customers.add({"kind": "individual", "level": "secret",
                               "monthly_income": "12000", **SECRET}).code
    desk.records.add(code, "contacts", {"name": "王秘密的联系人", "phone": "13700001111"})
    desk.records.add(code, "litigation", {"case_no": "(2026)京0105民初9999号", "role": "defendant",
                                          "amount": "9876543", "filed_on": "2026-01-05"})
    desk.records.add(code, "transactions", {"kind": "invoice", "amount": "1234567",
                                            "occurred_on": "2026-01-01", "due_date": "2026-02-01"})
    desk.documents.add(code, "合同.txt", b"SECRET-DOCUMENT-CONTENT", "contract")
    internal = desk.customers.add({"kind": "individual", "name": "内部客户",
                                   "id_number": INTERNAL_ID}).code
    made = backup.make_backup(desk, tmp_path / "bk")
    desk.customers.edit(internal, {"notes": "备份之后的修改"})
    desk.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")   # copies of the file hold it all
    return {"secret": code, "internal": internal, "backup": made, "path": db_path}


def _leaks(values) -> list:
    found = []
    for table, column, value in values:
        if isinstance(value, (bytes, bytearray, memoryview)):
            text = bytes(value).decode("utf-8", "ignore")
        else:
            text = str(value)
        if value in SECRET_AMOUNTS or any(s in text for s in SECRET_TEXTS):
            found.append((table, column, text[:60]))
    return found


def test_the_attacker_module_uses_no_custdesk_code():
    tree = ast.parse(Path(insider.__file__).read_text(encoding="utf-8"))
    imported = {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    imported |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert not any(name.startswith(("custdesk", "tests")) for name in imported)


@pytest.mark.parametrize("user", ["clerk", "reviewer", "auditor"])
def test_her_password_opens_nothing_above_her_clearance(firm, user):
    conn, keys = insider.break_in(firm["path"], user, PASSWORDS[user])
    try:
        assert _leaks(insider.everything(conn)) == []
        # The grants her box key opens are those of her own clearance, nothing above.
        clearance = {"clerk": 1, "reviewer": 2, "auditor": 2}[user]
        publics = {insider.unb64(pub): (level, epoch) for level, epoch, pub in conn.execute(
            "SELECT level, epoch, public_key FROM level_keys").fetchall()}
        for secret in insider.open_grants(conn, keys, user):
            level, _epoch = publics[p.box_public(secret)]
            assert level <= clearance
        if user == "clerk":
            # The internal file's ID number is levelled confidential: sealed to that level.
            texts = [str(v) for _t, _c, v in insider.everything(conn)]
            assert not any(INTERNAL_ID in t for t in texts)
    finally:
        conn.close()
    # Nor do the files beside the database hold any of it.
    for path in firm["path"].parent.rglob("*"):
        if path.is_file() and not path.name.endswith((".db", ".db-wal", ".db-shm")):
            data = path.read_bytes().decode("utf-8", "ignore")
            assert not any(s in data for s in SECRET_TEXTS), path


def test_raising_her_own_role_or_clearance_is_ignored_and_reported(firm):
    conn, keys = insider.break_in(firm["path"], "clerk", PASSWORDS["clerk"])
    conn.execute("UPDATE users SET role = 'admin', clearance = 3 WHERE name = 'clerk'")
    conn.close()
    with Desk.open(firm["path"], "clerk", PASSWORDS["clerk"]) as clerk:
        assert (clerk.user.role, clerk.user.clearance) == ("clerk", 1)     # her certificate
        assert not clerk.access.can("user.manage")
    with Desk.open(firm["path"], ADMIN, PASSWORDS[ADMIN]) as boss:
        result = boss.audit.verify()
        assert not result.ok and result.problem == "user_row" and "clerk" in result.message


def test_a_certificate_she_signs_herself_is_refused(firm):
    conn, keys = insider.break_in(firm["path"], "clerk", PASSWORDS["clerk"])
    serial = conn.execute("SELECT max(serial) FROM user_certs").fetchone()[0] + 1
    mine = conn.execute("SELECT serial, sign_key, box_key FROM user_certs WHERE user = 'clerk' "
                        "ORDER BY serial DESC").fetchone()
    conn.execute("DROP TRIGGER user_certs_no_update")
    conn.execute("INSERT INTO user_certs (serial, user, role, clearance, active, sign_key, "
                 "box_key, issued_at, issuer, issuer_serial, signature) VALUES "
                 "(?, 'clerk', 'admin', 3, 1, ?, ?, '2026-01-01T00:00:00Z', 'clerk', ?, ?)",
                 [serial, mine[1], mine[2], mine[0], insider.b64(b"x" * 64)])
    conn.close()
    with Desk.open(firm["path"], "clerk", PASSWORDS["clerk"]) as clerk:
        assert clerk.user.role == "clerk" and clerk.user.clearance == 1
    with Desk.open(firm["path"], ADMIN, PASSWORDS[ADMIN]) as boss:
        result = boss.audit.verify()
        assert not result.ok and result.problem == "cert"


def _rewrite(firm, tmp_path, change) -> object:
    """Apply ``change(conn, keys)`` as the clerk to a copy; return what verify says of it."""
    path = tmp_path / "copy" / "custdesk.db"
    path.parent.mkdir()
    copy_database(firm["path"], path)
    conn, keys = insider.break_in(path, "clerk", PASSWORDS["clerk"])
    insider.unlock_log(conn)
    my_serial = conn.execute("SELECT max(serial) FROM user_certs WHERE user = 'clerk'").fetchone()[0]
    change(conn, keys, my_serial, path)
    conn.close()
    with Desk.open(path, ADMIN, PASSWORDS[ADMIN], daily_check=False) as boss:
        return boss.audit.verify()


def _last(conn) -> int:
    return conn.execute("SELECT max(seq) FROM audit_log").fetchone()[0]


def _edit(conn, keys, serial, path):
    conn.execute("UPDATE audit_log SET summary = '{}' WHERE seq = 5")


def _edit_and_rehash(conn, keys, serial, path):
    row = conn.execute("SELECT seq, at, user, action, object, customer, prev_hash FROM audit_log "
                       "WHERE seq = 5").fetchone()
    digest = insider.entry_hash(*row[:6], "{}", row[6])
    conn.execute("UPDATE audit_log SET summary = '{}', hash = ? WHERE seq = 5", [digest])


def _edit_and_resign_everything_as_her(conn, keys, serial, path):
    conn.execute("UPDATE audit_log SET summary = '{}' WHERE seq = 5")
    insider.rechain(conn, keys, "clerk", serial, 5)


def _delete(conn, keys, serial, path):
    conn.execute("DELETE FROM audit_log WHERE seq = 6")


def _insert(conn, keys, serial, path):
    last = _last(conn)
    conn.execute("UPDATE audit_log SET seq = seq + 1000 WHERE seq >= 7")
    conn.execute("UPDATE audit_log SET seq = seq - 999 WHERE seq >= 1007")
    conn.execute("INSERT INTO audit_log (seq, at, user, action, object, summary, prev_hash, hash) "
                 "VALUES (7, '2026-01-01T00:00:00Z', 'boss', 'user.update', 'clerk', '{}', '', '')")
    insider.rechain(conn, keys, "clerk", serial, 7)
    assert _last(conn) == last + 1


def _truncate(conn, keys, serial, path):
    conn.execute("DELETE FROM audit_log WHERE seq > ?", [_last(conn) - 3])


def _truncate_and_rewrite_the_head(conn, keys, serial, path):
    # Behind the backup's checkpoint: she cuts the log back to before the backup was made
    # and writes a head file of her own that agrees with it.
    made = json.loads(next(path.parent.parent.glob("bk/*/*.manifest.json")).read_text())
    keep = made["audit_head"]["seq"] - 2
    conn.execute("DELETE FROM audit_log WHERE seq > ?", [keep])
    seq, digest = conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    Path(str(path) + ".audit-head").write_text(json.dumps(
        insider.signed_head(conn, keys, "clerk", serial, seq, digest)))


def _truncate_and_write_an_unsigned_head(conn, keys, serial, path):
    conn.execute("DELETE FROM audit_log WHERE seq > ?", [_last(conn) - 1])
    seq, digest = conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    Path(str(path) + ".audit-head").write_text(json.dumps({"seq": seq, "hash": digest}))


@pytest.mark.parametrize("change, problem", [
    (_edit, "edited"),
    (_edit_and_rehash, "forged"),
    (_edit_and_resign_everything_as_her, "forged"),
    (_delete, "missing"),
    (_insert, "forged"),
    (_truncate, "truncated"),
    (_truncate_and_write_an_unsigned_head, "head_forged"),
    (_truncate_and_rewrite_the_head, "rolled_back"),
])
def test_every_rewrite_of_the_log_is_named(firm, tmp_path, change, problem):
    result = _rewrite(firm, tmp_path, change)
    assert not result.ok and result.problem == problem, result.message


def test_rolling_the_database_back_behind_a_checkpoint_is_named(firm, desk, tmp_path):
    """She keeps a copy of the files, lets the firm work on, then puts her copy back:
    head file and all. The backup made meanwhile is a checkpoint her copy does not reach."""
    desk.close()
    early = tmp_path / "early"
    early.mkdir()
    files = ("", "-wal", ".keys", ".audit-head")
    for suffix in files:
        if Path(str(firm["path"]) + suffix).exists():
            shutil.copy2(str(firm["path"]) + suffix, str(early / "custdesk.db") + suffix)
    with Desk.open(firm["path"], ADMIN, PASSWORDS[ADMIN], daily_check=False) as boss:
        boss.customers.edit(firm["internal"], {"notes": "回滚前的修改"})
        backup.make_backup(boss, firm["backup"].database.parent.parent)
    for suffix in ("-wal", "-shm"):
        Path(str(firm["path"]) + suffix).unlink(missing_ok=True)
    for suffix in files:
        if Path(str(early / "custdesk.db") + suffix).exists():
            shutil.copy2(str(early / "custdesk.db") + suffix, str(firm["path"]) + suffix)
    with Desk.open(firm["path"], ADMIN, PASSWORDS[ADMIN], daily_check=False) as boss:
        result = boss.audit.verify()
        assert not result.ok and result.problem == "rolled_back"


def test_editing_the_slot_file_neither_resets_the_back_off_nor_speaks_for_anyone(firm):
    path = firm["path"]
    for n in range(4):
        with pytest.raises(Exception):
            Desk.open(path, "reviewer", f"wrong-password-{n}")
    # A login by anyone moves the failures into the log and the signed head beside it.
    Desk.open(path, "clerk", PASSWORDS["clerk"], daily_check=False).close()
    slots = json.loads(Path(str(path) + ".keys").read_text())
    slots["throttle"] = {}
    slots["pending_failures"] = [{"user": "boss", "at": "2026-01-01T00:00:00Z"}]
    Path(str(path) + ".keys").write_text(json.dumps(slots))
    with pytest.raises(LoginThrottled):
        check_backoff(KeySlots.load(path), "reviewer", path)
    # Lowering the count in the head file too breaks its signature: named by verify.
    head = json.loads(Path(str(path) + ".audit-head").read_text())
    edited = {**head, "throttle": {}}
    Path(str(path) + ".audit-head").write_text(json.dumps(edited))
    with Desk.open(path, ADMIN, PASSWORDS[ADMIN], daily_check=False) as boss:
        result = boss.audit.verify()
        assert not result.ok and result.problem == "head_forged"
    Path(str(path) + ".audit-head").write_text(json.dumps(head))
    with Desk.open(path, ADMIN, PASSWORDS[ADMIN], daily_check=False) as boss:
        injected = [e for e in boss.audit.entries() if e["action"] == "login.failed"
                    and e["summary"].get("at") == "2026-01-01T00:00:00Z"]
        # Logged as what it is: a report found in the slot file, signed by who logged it.
        assert injected and injected[0]["signer"] == ADMIN
        assert injected[0]["summary"]["reported_by"] == "slot file"
        assert boss.audit.verify().ok


def test_undoing_her_downgrade_by_deleting_its_certificate_is_named_and_gives_no_keys(firm):
    """She was cleared 秘密 once; lowered to 内部, she deletes the newer certificate and puts
    her users row back, hoping a cleared colleague's login grants her the new key."""
    with Desk.open(firm["path"], ADMIN, PASSWORDS[ADMIN], daily_check=False) as boss:
        boss.users.update("clerk", clearance="confidential")
        boss.users.update("clerk", clearance="internal")        # new level keys she lacks
    conn, keys = insider.break_in(firm["path"], "clerk", PASSWORDS["clerk"])
    newest = conn.execute("SELECT max(serial) FROM user_certs WHERE user = 'clerk'").fetchone()[0]
    conn.execute("DROP TRIGGER user_certs_no_delete")
    conn.execute("DELETE FROM user_certs WHERE serial = ?", [newest])
    conn.execute("UPDATE users SET clearance = 2 WHERE name = 'clerk'")
    conn.close()
    Desk.open(firm["path"], "reviewer", PASSWORDS["reviewer"], daily_check=False).close()
    with Desk.open(firm["path"], ADMIN, PASSWORDS[ADMIN], daily_check=False) as boss:
        result = boss.audit.verify()
        assert not result.ok and result.problem == "cert_missing", result.message
    conn, keys = insider.break_in(firm["path"], "clerk", PASSWORDS["clerk"])
    publics = {insider.unb64(pub): (level, epoch) for level, epoch, pub in conn.execute(
        "SELECT level, epoch, public_key FROM level_keys").fetchall()}
    newest_epoch = conn.execute("SELECT max(epoch) FROM level_keys WHERE level = 2").fetchone()[0]
    got = [publics[p.box_public(s)] for s in insider.open_grants(conn, keys, "clerk")]
    conn.close()
    assert (2, newest_epoch) not in got


def test_lowering_levels_in_the_file_makes_nobody_unseal_anything(firm):
    """She sets the secret file's level column to 内部 and the ID number's field level to
    公开, and waits for a cleared colleague to edit them."""
    conn, keys = insider.break_in(firm["path"], "clerk", PASSWORDS["clerk"])
    conn.execute("UPDATE customers SET level = 1 WHERE code = ?", [firm["secret"]])
    conn.execute("UPDATE field_levels SET level = 0")
    conn.close()
    with Desk.open(firm["path"], "manager", PASSWORDS["manager"], daily_check=False) as manager:
        assert manager.access.field_levels()["id_number"] == 2      # the signed level holds
        manager.customers.edit(firm["internal"], {"notes": "同事的修改"})
        manager.records.add(firm["secret"], "communications", {"occurred_on": "2026-11-01",
                                                                "summary": "又一次沟通"})
    conn, keys = insider.break_in(firm["path"], "clerk", PASSWORDS["clerk"])
    try:
        assert _leaks(insider.everything(conn)) == []
        texts = [str(v) for _t, _c, v in insider.everything(conn)]
        assert not any(INTERNAL_ID in t for t in texts)
        assert not any("又一次沟通" in t for t in texts)
    finally:
        conn.close()


def _serials(conn, user: str) -> list[int]:
    return [r[0] for r in conn.execute("SELECT serial FROM user_certs WHERE user = ? "
                                       "ORDER BY serial", [user])]


def _write_head(conn, keys, me, serial, path) -> None:
    seq, digest = conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    Path(str(path) + ".audit-head").write_text(json.dumps(
        insider.signed_head(conn, keys, me, serial, seq, digest)))


def test_removing_a_files_seal_makes_no_colleague_write_it_lower(firm):
    """She strips the secret file's own row of its seal and sets its level column to 内部;
    the next cleared login checks warnings (quoting the litigation) and adds a record."""
    conn, keys = insider.break_in(firm["path"], "clerk", PASSWORDS["clerk"])
    cid = conn.execute("SELECT id FROM customers WHERE code = ?", [firm["secret"]]).fetchone()[0]
    # ... under another code too: the log knows the file by the id its seals are bound to.
    conn.execute("UPDATE customers SET code = 'C000001' WHERE id = ?", [cid])
    conn.execute("UPDATE customers SET sealed = NULL, vault = NULL, level = 1, name = '待核实', "
                 "tier = 'normal', tags = '', notes = '', name_norm = '待核实', "
                 "pinyin_initials = 'dhs', pinyin_full = 'daiheshi', overrides = '{}', "
                 "exposure = 0 WHERE id = ?", [cid])
    conn.execute("DELETE FROM warning_actions WHERE warning_id IN "
                 "(SELECT id FROM warnings WHERE customer_id = ?)", [cid])
    conn.execute("DELETE FROM warnings WHERE customer_id = ?", [cid])
    conn.execute("DELETE FROM settings WHERE key LIKE 'warnings.%'")
    conn.close()
    with Desk.open(firm["path"], "manager", PASSWORDS["manager"]) as manager:
        manager.records.add("C000001", "communications", {"occurred_on": "2026-11-01",
                                                           "summary": "王秘密来电"})
        assert manager.warnings.list(code="C000001")           # raised again, sealed
    conn, keys = insider.break_in(firm["path"], "clerk", PASSWORDS["clerk"])
    try:
        assert _leaks(insider.everything(conn)) == []
    finally:
        conn.close()
    with Desk.open(firm["path"], ADMIN, PASSWORDS[ADMIN], daily_check=False) as boss:
        result = boss.audit.verify()
        assert not result.ok and result.problem == "file_level" and "C000001" in result.message


def test_a_field_level_entry_no_manager_signed_changes_nothing(firm):
    """She slips unsigned 'field level lowered' entries in below the chain's start."""
    conn, keys = insider.break_in(firm["path"], "clerk", PASSWORDS["clerk"])
    insider.unlock_log(conn)
    manager = _serials(conn, "manager")[-1]
    for i, field in enumerate(("id_number", "bank_card", "income")):
        conn.execute("INSERT INTO audit_log VALUES (?, '2026-01-01T00:00:00Z', 'manager', "
                     "'settings.field_level', ?, NULL, '{\"before\":\"confidential\","
                     "\"after\":\"public\"}', '', '', 'manager', ?, '')", [-1 - i, field, manager])
    conn.close()
    with Desk.open(firm["path"], "manager", PASSWORDS["manager"], daily_check=False) as desk:
        assert desk.access.field_levels()["id_number"] == 2
        assert desk.audit.verify().problem == "inserted"


def test_a_former_manager_cannot_speak_with_her_old_certificate(firm):
    """Once a manager, now a clerk: she signs 'field level lowered' with her old manager
    certificate, chained and signed as the program would."""
    with Desk.open(firm["path"], ADMIN, PASSWORDS[ADMIN], daily_check=False) as boss:
        boss.users.update("clerk", role="manager")
        boss.users.update("clerk", role="clerk")
    conn, keys = insider.break_in(firm["path"], "clerk", PASSWORDS["clerk"])
    insider.unlock_log(conn)
    as_manager = _serials(conn, "clerk")[-2]
    insider.append_as_me(conn, keys, "clerk", as_manager, "settings.field_level", "id_number",
                         {"before": "confidential", "after": "public"})
    _write_head(conn, keys, "clerk", as_manager, firm["path"])
    conn.close()
    with Desk.open(firm["path"], "manager", PASSWORDS["manager"], daily_check=False) as desk:
        assert desk.access.field_levels()["id_number"] == 2
        with pytest.raises(LogBroken):
            desk.customers.add({"kind": "individual", "name": "新客户", "id_number": INTERNAL_ID})
        result = desk.audit.verify()
        assert not result.ok and result.problem == "forged"


def test_a_former_administrator_cannot_certify_herself_again(firm):
    """Once an administrator, now a clerk: she deletes the certificate that demoted her,
    points her entries back at her old one and announces it again, signed as the program
    signs; she waits for a colleague's login to grant her every level."""
    with Desk.open(firm["path"], ADMIN, PASSWORDS[ADMIN], daily_check=False) as boss:
        boss.users.update("clerk", role="admin", clearance="secret")
        boss.users.update("clerk", role="clerk", clearance="internal")
    conn, keys = insider.break_in(firm["path"], "clerk", PASSWORDS["clerk"])
    insider.unlock_log(conn)
    conn.execute("DROP TRIGGER IF EXISTS user_certs_no_delete")
    old, new = _serials(conn, "clerk")[-2:]
    conn.execute("DELETE FROM user_certs WHERE serial = ?", [new])
    conn.execute("UPDATE users SET role = 'admin', clearance = 3 WHERE name = 'clerk'")
    insider.append_as_me(conn, keys, "clerk", old, "cert.issue", "clerk",
                         {"serial": old, "role": "admin", "clearance": 3, "active": True})
    _write_head(conn, keys, "clerk", old, firm["path"])
    conn.close()
    with Desk.open(firm["path"], "manager", PASSWORDS["manager"], daily_check=False) as desk:
        assert desk.registry.cert("clerk") is None or desk.registry.cert("clerk").role == "clerk"
        assert desk.audit.verify().problem == "forged"
    conn, keys = insider.break_in(firm["path"], "clerk", PASSWORDS["clerk"])
    try:
        publics = {insider.unb64(pub): level for level, _e, pub in conn.execute(
            "SELECT level, epoch, public_key FROM level_keys").fetchall()}
        assert {publics[p.box_public(s)] for s in insider.open_grants(conn, keys, "clerk")} \
            <= {1}
        assert _leaks(insider.everything(conn)) == []
    finally:
        conn.close()


def test_deleting_the_newest_level_key_makes_nobody_seal_to_the_old_one(firm):
    """Cleared 机密 once, she kept that level's key; lowered, she deletes the new epoch the
    demotion made, so that colleagues would seal to the key she kept."""
    with Desk.open(firm["path"], ADMIN, PASSWORDS[ADMIN], daily_check=False) as boss:
        boss.users.update("clerk", clearance="confidential")
        boss.users.update("clerk", clearance="internal")
    conn, keys = insider.break_in(firm["path"], "clerk", PASSWORDS["clerk"])
    conn.execute("DROP TRIGGER IF EXISTS level_keys_no_delete")
    newest = conn.execute("SELECT max(epoch) FROM level_keys WHERE level = 2").fetchone()[0]
    conn.execute("DELETE FROM level_keys WHERE level = 2 AND epoch = ?", [newest])
    conn.close()
    with Desk.open(firm["path"], "manager", PASSWORDS["manager"], daily_check=False) as desk:
        with pytest.raises(KeysTampered):
            desk.customers.add({"kind": "individual", "name": "新客户",
                                "id_number": "110105197707070016"})
        result = desk.audit.verify()
        assert not result.ok and result.problem == "level_key"


def test_no_colleague_makes_search_digests_of_values_she_planted(firm):
    """The search digests as a guessing oracle: she enters guesses of the internal file's
    ID number (sealed to its level, which she may write but not read) and waits for a
    cleared login to digest them, to compare with the file's own digest."""
    from custdesk.core.validation import id_check_char
    guesses = [f"11010519800101{n:03d}" for n in (2, 3, 4)]
    guesses = [g[:17] + id_check_char(g[:17]) for g in guesses]
    with Desk.open(firm["path"], "clerk", PASSWORDS["clerk"], daily_check=False) as clerk:
        planted = [clerk.customers.add({"kind": "individual", "name": f"猜{n}",
                                        "id_number": g}).code for n, g in enumerate(guesses)]
    with Desk.open(firm["path"], "manager", PASSWORDS["manager"]) as manager:
        # Cleared, the manager still finds a file by a number a clerk entered ...
        assert [r["code"] for r in manager.customers.list(search=guesses[0])] == [planted[0]]
        assert [r["code"] for r in manager.customers.list(search=INTERNAL_ID)] == \
            [firm["internal"]]
        ids = {manager.customers.get(code)["id"] for code in planted}
    conn, keys = insider.break_in(firm["path"], "clerk", PASSWORDS["clerk"])
    try:
        # ... but no digest of a value she wrote was made for her to compare.
        digested = {r[0] for r in conn.execute("SELECT customer_id FROM blind_index")}
        assert not digested & ids
    finally:
        conn.close()


def test_a_secret_files_overdue_date_is_sealed(firm):
    conn, keys = insider.break_in(firm["path"], "clerk", PASSWORDS["clerk"])
    try:
        row = conn.execute("SELECT overdue_since, sealed FROM customers WHERE code = ?",
                           [firm["secret"]]).fetchone()
        assert row[0] is None and row[1] is not None
    finally:
        conn.close()


def test_a_scorecard_edited_in_the_file_grades_nobody(firm, desk):
    conn, keys = insider.break_in(firm["path"], "clerk", PASSWORDS["clerk"])
    conn.execute("DROP TRIGGER IF EXISTS scorecards_no_update")
    name, version, source = conn.execute(
        "SELECT name, version, source FROM scorecards WHERE kind = 'individual' "
        "ORDER BY version DESC").fetchone()
    conn.execute("UPDATE scorecards SET source = ? WHERE name = ? AND version = ?",
                 [source.replace("[[factors]]", "# 改过\n[[factors]]", 1), name, version])
    conn.close()
    with Desk.open(firm["path"], "manager", PASSWORDS["manager"], daily_check=False) as manager:
        with pytest.raises(Conflict, match=f"{name}@{version}"):
            manager.grading.library.get(f"{name}@{version}")


def test_cutting_the_log_behind_what_a_colleague_saw_stops_her_writing(firm, tmp_path):
    """She cuts the log's end (and signs a head of her own): the colleague who had checked
    those entries cannot write until an administrator accepts the cut; her own acceptance,
    as a former administrator, counts for nothing."""
    with Desk.open(firm["path"], ADMIN, PASSWORDS[ADMIN], daily_check=False) as boss:
        boss.users.update("clerk", role="admin", clearance="secret")
        cut_at = boss.audit.head()[0]
        boss.users.update("clerk", role="clerk", clearance="internal")
    Desk.open(firm["path"], "manager", PASSWORDS["manager"], daily_check=False).close()
    conn, keys = insider.break_in(firm["path"], "clerk", PASSWORDS["clerk"])
    insider.unlock_log(conn)
    conn.execute("DROP TRIGGER IF EXISTS user_certs_no_delete")
    old = _serials(conn, "clerk")[-2]
    conn.execute("DELETE FROM audit_log WHERE seq > ?", [cut_at])
    conn.execute("DELETE FROM user_certs WHERE serial > ?", [old])
    conn.execute("UPDATE users SET role = 'admin', clearance = 3 WHERE name = 'clerk'")
    insider.append_as_me(conn, keys, "clerk", old, "audit.reanchor", "",
                         {"reason": "整理", "previous_head": None})
    _write_head(conn, keys, "clerk", old, firm["path"])
    conn.close()
    with Desk.open(firm["path"], "manager", PASSWORDS["manager"], daily_check=False) as desk:
        assert desk.facts.broken and desk.facts.broken[0] == "rewound"
        with pytest.raises(LogBroken):
            desk.records.add(firm["internal"], "communications",
                             {"occurred_on": "2026-11-02", "summary": "来电"})
        assert desk.warnings.daily() == []        # reading goes on: the check waits
        assert desk.reviews.due(14) is not None
    with Desk.open(firm["path"], ADMIN, PASSWORDS[ADMIN], daily_check=False) as boss:
        boss.audit.reanchor("核查：末尾被删除，已知悉")
        boss.users.update("clerk", role="clerk", clearance="internal")
    with Desk.open(firm["path"], "manager", PASSWORDS["manager"], daily_check=False) as desk:
        assert not desk.facts.broken
        desk.records.add(firm["internal"], "communications",
                         {"occurred_on": "2026-11-02", "summary": "来电"})


def test_a_conversion_entry_she_slips_in_makes_no_entry_go_unchecked(firm):
    """She turns the first entry into a 'conversion' covering it, so that its hash would
    be taken on the conversion's word, and rewrites it."""
    conn, keys = insider.break_in(firm["path"], "clerk", PASSWORDS["clerk"])
    insider.unlock_log(conn)
    conn.execute("UPDATE audit_log SET user = 'clerk', action = 'keys.convert', "
                 "summary = '{\"legacy_entries\":1}' WHERE seq = 1")
    conn.close()
    with Desk.open(firm["path"], ADMIN, PASSWORDS[ADMIN], daily_check=False) as boss:
        result = boss.audit.verify()
        assert not result.ok and result.problem == "edited" and result.first_bad == 1


def test_a_level_change_digests_no_value_she_wrote(firm):
    """The guess oracle again: she files her guess under a file of her own and waits for a
    cleared colleague to move that file to another level."""
    from custdesk.core.validation import id_check_char
    guess = "11010519800101003"
    guess += id_check_char(guess)
    with Desk.open(firm["path"], "clerk", PASSWORDS["clerk"], daily_check=False) as clerk:
        code = clerk.customers.add({"kind": "individual", "name": "猜", "id_number": guess}).code
    with Desk.open(firm["path"], "manager", PASSWORDS["manager"], daily_check=False) as manager:
        manager.customers.edit(code, {"level": "confidential"})
        cid = manager.customers.get(code)["id"]
        assert [r["code"] for r in manager.customers.list(search=guess)] == [code]
    conn, keys = insider.break_in(firm["path"], "clerk", PASSWORDS["clerk"])
    try:
        assert conn.execute("SELECT count(*) FROM blind_index WHERE customer_id = ?",
                            [cid]).fetchone()[0] == 0
    finally:
        conn.close()


def test_pointing_a_warning_at_another_file_lowers_none_of_its_notes(firm):
    """A note on the secret file's warning; she points the warning's row at the internal
    file and waits for a cleared colleague to lower that file's level."""
    with Desk.open(firm["path"], "manager", PASSWORDS["manager"]) as manager:
        (warning,) = [w for w in manager.warnings.list(code=firm["secret"])
                      if w["rule"] == "litigation"]
        manager.warnings.handle(warning["id"], "王秘密的诉讼已核实", action="acknowledge")
    conn, keys = insider.break_in(firm["path"], "clerk", PASSWORDS["clerk"])
    internal = conn.execute("SELECT id FROM customers WHERE code = ?",
                            [firm["internal"]]).fetchone()[0]
    conn.execute("UPDATE warnings SET customer_id = ?, rule = 'documents_missing' WHERE id = ?",
                 [internal, warning["id"]])
    conn.execute("UPDATE warning_actions SET customer_id = ?, rule = 'documents_missing' "
                 "WHERE warning_id = ?", [internal, warning["id"]])
    conn.close()
    with Desk.open(firm["path"], "manager", PASSWORDS["manager"], daily_check=False) as manager:
        try:
            manager.customers.edit(firm["internal"], {"level": "public"})
        except Exception:          # noqa: BLE001 - refusing (a row it cannot open) is fine
            pass
    conn, keys = insider.break_in(firm["path"], "clerk", PASSWORDS["clerk"])
    try:
        texts = [str(v) for _t, _c, v in insider.everything(conn)]
        assert not any("王秘密的诉讼已核实" in t for t in texts)
    finally:
        conn.close()


def test_putting_back_an_old_copy_of_the_database_stops_those_who_saw_more(firm, desk,
                                                                             tmp_path):
    """She keeps a copy of the database file (with everyone's checked facts in it); a
    colleague raises a file and writes to it; she puts her copy back."""
    desk.close()
    path = firm["path"]
    Desk.open(path, "manager", PASSWORDS["manager"], daily_check=False).close()
    kept = tmp_path / "kept"
    kept.mkdir()
    files = ("", "-wal", ".audit-head")
    for suffix in files:
        if Path(str(path) + suffix).exists():
            shutil.copy2(str(path) + suffix, str(kept / "custdesk.db") + suffix)
    with Desk.open(path, "manager", PASSWORDS["manager"], daily_check=False) as manager:
        manager.customers.edit(firm["internal"], {"level": "secret"})
        manager.customers.edit(firm["internal"], {"notes": "升为秘密之后的备注"})
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    for suffix in files:
        if Path(str(kept / "custdesk.db") + suffix).exists():
            shutil.copy2(str(kept / "custdesk.db") + suffix, str(path) + suffix)
    with Desk.open(path, "manager", PASSWORDS["manager"], daily_check=False) as manager:
        assert manager.facts.broken and manager.facts.broken[0] == "rewound"
        with pytest.raises(LogBroken):
            manager.customers.edit(firm["internal"], {"notes": "写在旧副本里"})
    # Who had not checked the entries she took away cannot tell (README: only checkpoints
    # then show it, to verify).
    with Desk.open(path, ADMIN, PASSWORDS[ADMIN], daily_check=False) as boss:
        assert not boss.facts.broken


def test_a_session_notices_its_last_entry_replaced(firm):
    with Desk.open(firm["path"], "manager", PASSWORDS["manager"], daily_check=False) as manager:
        conn, keys = insider.break_in(firm["path"], "clerk", PASSWORDS["clerk"])
        insider.unlock_log(conn)
        last = conn.execute("SELECT max(seq) FROM audit_log").fetchone()[0]
        conn.execute("DELETE FROM audit_log WHERE seq = ?", [last])
        insider.append_as_me(conn, keys, "clerk", _serials(conn, "clerk")[-1], "login", "clerk",
                             {})
        conn.close()
        with pytest.raises(LogBroken):
            manager.customers.edit(firm["internal"], {"notes": "接在替换的记录之后"})


def test_no_one_approves_her_own_scorecard_by_writing_the_file(firm, desk):
    """The manager saves a version through the program, then, with the raw libraries and her
    own keys, writes an approval row in another manager's name and signs an approval entry
    herself; a clerk signs one too. A fresh login still finds the version waiting, and
    grading refuses it; a second manager's approval through the program is what counts."""
    from custdesk.core.grading.scorecards import copy_source
    with Desk.open(firm["path"], "manager", PASSWORDS["manager"], daily_check=False) as manager:
        source = manager.grading.library.get("individual-standard").source
        manager.grading.library.save(copy_source(source, "mine"))
    for me in ("manager", "clerk"):
        conn, keys = insider.break_in(firm["path"], me, PASSWORDS[me])
        serial = _serials(conn, me)[-1]
        if me == "manager":
            conn.execute("INSERT INTO scorecard_approvals (name, version, status, requested_by, "
                         "decided_by, decided_at) VALUES ('mine', 1, 'approved', 'manager', "
                         "?, '2026-12-01T00:00:00Z')", [ADMIN])
        insider.append_as_me(conn, keys, me, serial, "scorecard.approve", "mine@1",
                             {"decision": "approved", "sha256": "", "reason": ""})
        _write_head(conn, keys, me, serial, firm["path"])
        conn.close()
    with Desk.open(firm["path"], ADMIN, PASSWORDS[ADMIN], daily_check=False) as boss:
        assert boss.grading.library.status("mine", 1) == "pending"
        with pytest.raises(Conflict, match="mine@1"):
            boss.grading.library.for_grading("mine@1")
        assert len(boss.facts.refused) >= 2         # both entries named as claims refused
        boss.grading.library.decide("mine@1", True, "复核通过")
        assert boss.grading.library.status("mine", 1) == "approved"
        assert boss.grading.library.decision("mine", 1)["decision_reason"] == "复核通过"

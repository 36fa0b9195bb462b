"""Paths a user or the disk may hand over that are not ordinary: a file name that is not UTF-8
(recorded in the audit log written out, the export and import still logged), and a key file
that is a pipe or a device (refused as damaged, never read and waited on)."""

from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path

import pytest

from custdesk.core import exporting, i18n
from custdesk.core.desk import Desk
from custdesk.core.importing.run import import_file
from custdesk.core.store.keyslots import KeySlots, KeySlotsDamaged, slots_path

# A file name with the bytes B1 B2 (GBK for 'possible'), as os.fsdecode hands it over on Linux.
ODD = os.fsdecode(b"\xb1\xb2")

posix_only = pytest.mark.skipif(os.name == "nt", reason="byte file names and pipes")


def _last_entry(desk: Desk, action: str):
    return desk.db.execute("SELECT object, summary FROM audit_log WHERE action = ? "
                           "ORDER BY seq DESC LIMIT 1", [action]).fetchone()


@posix_only
def test_export_to_a_name_that_is_not_utf8_is_logged_written_out(desk, tmp_path):
    out = tmp_path / f"{ODD}.csv"
    done = exporting.export_customers(desk, out)
    assert out.exists() and done["customers"] >= 0
    obj, summary = _last_entry(desk, "export.customers")
    assert obj == "\\udcb1\\udcb2.csv"
    assert '"file":"\\\\udcb1\\\\udcb2.csv"' in summary
    assert desk.audit.verify().ok


@posix_only
def test_import_from_a_name_that_is_not_utf8_is_logged_written_out(desk, tmp_path):
    source = tmp_path / f"{ODD}.csv"
    source.write_text("客户名称,类型\n北京奇名测试有限公司,企业\n", encoding="utf-8")
    result = import_file(desk, "customers", source)
    assert result.imported == 1
    obj, _ = _last_entry(desk, "import.customers")
    assert obj == "\\udcb1\\udcb2.csv"
    assert desk.audit.verify().ok


@posix_only
def test_a_key_file_that_is_a_pipe_is_refused_not_waited_on(db_path):
    keys = slots_path(db_path)
    keys.unlink()
    os.mkfifo(keys)
    # A writer that hands over garbage whenever a reader opens the pipe: reading it as a
    # plain file would take that garbage (and without a writer, wait for ever).
    def writer():
        with contextlib.suppress(BrokenPipeError), open(keys, "wb") as pipe:
            pipe.write(b"not a key file")
    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    try:
        with pytest.raises(KeySlotsDamaged) as err:
            KeySlots.load(db_path)
        assert err.value.detail == "not an ordinary file"
    finally:
        os.close(os.open(keys, os.O_RDONLY | os.O_NONBLOCK))   # lets the writer go
        thread.join()


@posix_only
def test_a_key_file_that_is_a_device_is_refused(db_path):
    keys = slots_path(db_path)
    keys.unlink()
    keys.symlink_to(Path("/dev/null"))
    with pytest.raises(KeySlotsDamaged) as err:
        KeySlots.load(db_path)
    assert err.value.detail == "not an ordinary file"


@pytest.mark.parametrize("content, zh, en", [
    (b"\x8f\x00garbled", "不是 JSON", "not JSON"),
    (b'{"format": 2, "slots": 5}', "“slots”项不对", "the entry “slots” is wrong"),
])
def test_a_damaged_key_file_says_what_is_wrong_in_the_users_language(db_path, content, zh, en):
    slots_path(db_path).write_bytes(content)
    for language, detail in (("zh", zh), ("en", en)):
        with i18n.using(language), pytest.raises(KeySlotsDamaged) as err:
            KeySlots.load(db_path)
        assert f"（{detail}）" in str(err.value) if language == "zh" else f"({detail})" in str(err.value)


def test_every_character_of_a_key_file_changed_reads_as_damaged_or_opens(db_path):
    """A key file with any one character changed is damaged (one message), a wrong password,
    or still this file's key: never another error from deep inside an unlock."""
    from custdesk.core.errors import CustdeskError
    from tests.conftest import ADMIN, ADMIN_PW
    path = slots_path(db_path)
    original = path.read_bytes()
    good = KeySlots.load(db_path).unlock(ADMIN, ADMIN_PW)
    outcomes = set()
    for at in range(len(original)):
        # '!' is in neither JSON's structure nor base64: inside a value it spoils the encoding.
        changed = original[:at] + (b"#" if original[at:at + 1] == b"!" else b"!") + original[at + 1:]
        path.write_bytes(changed)
        try:
            key = KeySlots.load(db_path).unlock(ADMIN, ADMIN_PW)
        except CustdeskError:
            outcomes.add("damaged")
            continue
        outcomes.add("opens" if key == good else "refused" if key is None else "other key")
    assert "other key" not in outcomes and "damaged" in outcomes

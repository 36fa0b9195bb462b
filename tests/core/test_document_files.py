"""Adding a document reads an ordinary file up to the limit, whatever ``stat`` says of its
size: devices, pipes and folders are refused at once with a message, and a refusal leaves
nothing written."""

from __future__ import annotations

import os
import threading

import pytest

from custdesk.core import i18n
from custdesk.core.customers import documents
from custdesk.core.errors import ValidationError


@pytest.fixture
def code(desk):
    return desk.customers.add({"kind": "individual", "name": "张伟"}).code


def _state(desk):
    return (desk.db.execute("SELECT count(*) FROM documents").fetchone()[0],
            desk.db.execute("SELECT count(*) FROM audit_log").fetchone()[0])


def _refused(desk, code, path) -> str:
    """The message of the refusal (the call made in a thread, so that a hang fails the test
    instead of stopping it)."""
    outcome: dict = {}

    def attempt():
        try:
            desk.documents.add_file(code, path, "id_card")
        except ValidationError as exc:
            outcome["message"] = exc
        except BaseException as exc:  # noqa: BLE001 - reported below
            outcome["other"] = exc

    thread = threading.Thread(target=attempt, daemon=True)
    thread.start()
    thread.join(120)
    assert not thread.is_alive(), f"adding {path} did not return"
    assert "other" not in outcome, outcome.get("other")
    assert "message" in outcome, f"{path} was accepted"
    return str(outcome["message"])          # rendered here, in this thread's language


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_devices_are_refused(desk, code, device):
    if not os.path.exists(device):
        pytest.skip(f"no {device} here")
    before = _state(desk)
    assert "普通文件" in _refused(desk, code, device)
    assert _state(desk) == before


def test_a_pipe_with_no_writer_is_refused_without_waiting(desk, code, tmp_path):
    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    before = _state(desk)
    with i18n.using("en"):
        assert "ordinary files" in _refused(desk, code, fifo)
    assert _state(desk) == before


def test_a_folder_is_refused(desk, code, tmp_path):
    assert "普通文件" in _refused(desk, code, tmp_path)


def test_the_refusal_names_the_file_in_the_users_language(desk, code, tmp_path):
    assert _refused(desk, code, tmp_path).startswith("输入有误： 文件：")
    with i18n.using("en"):
        assert _refused(desk, code, tmp_path).startswith("Invalid input: File: ")


def test_the_limit_holds_when_stat_says_nothing(desk, code, monkeypatch):
    # /proc files are ordinary files whose size says 0: the limit counts the bytes read.
    status = "/proc/self/status"
    if not os.path.exists(status) or os.stat(status).st_size != 0:
        pytest.skip("no /proc here")
    assert len(documents.read_document(status)) > 100
    monkeypatch.setattr(documents, "MAX_BYTES", 100)
    before = _state(desk)
    assert "上限" in _refused(desk, code, status)
    assert _state(desk) == before


def test_a_file_over_the_limit_is_refused_before_it_is_read(desk, code, tmp_path, monkeypatch):
    big = tmp_path / "big.pdf"
    with open(big, "wb") as out:                 # sparse: size without the bytes
        out.truncate(documents.MAX_BYTES + 1)
    read = []
    monkeypatch.setattr(os, "read", lambda *a: read.append(a) or b"")
    assert "上限" in _refused(desk, code, big)
    assert read == []


def test_an_ordinary_file_goes_in_whole(desk, code, tmp_path):
    scan = tmp_path / "scan.png"
    scan.write_bytes(os.urandom(3 << 20))
    changes = desk.documents.add_file(code, scan, "id_card")
    name, content = desk.documents.content(code, changes.id)
    assert name == "scan.png" and content == scan.read_bytes()

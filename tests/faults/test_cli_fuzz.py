"""Every command of the command line with hostile arguments, and every companion file of a
database damaged: never a traceback, always an exit status, a one-line message for a
refusal, nothing half-written, and the database still passes ``check`` and ``audit verify``.

The commands are found by walking the parser (tests/faults/cli_fuzz.py), so a new command
is fuzzed as soon as it exists. The runs are drawn from a fixed seed and take bounded time
and memory (the driver runs in a process of its own under an address-space limit and an
alarm per run). ``CUSTDESK_CLI_FUZZ_RUNS`` sets the runs per command (3 by default; 1 in
the quick pass of the default local run).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from custdesk.core import integrity
from custdesk.core.desk import Desk

from .helpers import ADMIN, PASSWORD, new_database

DRIVER = Path(__file__).with_name("cli_fuzz.py")
RUNS = int(os.environ.get("CUSTDESK_CLI_FUZZ_RUNS", "3"))
ID = "11010519491231002X"


def seeded_database(folder: Path) -> Path:
    path = new_database(folder)
    with Desk.open(path, ADMIN, PASSWORD) as desk:
        person = desk.customers.add({"kind": "individual", "name": "张伟", "id_number": ID,
                                     "notes": "往来正常"}).code
        desk.customers.add({"kind": "enterprise", "name": "上海恒泰贸易有限公司",
                            "credit_code": "91350100M000100Y43"})
        scan = folder / "scan.png"
        scan.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
        desk.documents.add_file(person, scan, "id_card")
    return path


def run_driver(tmp_path: Path, *args) -> list[dict]:
    work = tmp_path / "work"
    work.mkdir(exist_ok=True)
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "xdg"), "PYTHONUNBUFFERED": "1",
           "CUSTDESK_LANG": "en"}
    done = subprocess.run([sys.executable, str(DRIVER), args[0], str(args[1]), str(work),
                           *map(str, args[2:])], capture_output=True, text=True,
                          # (a hostile relative path, "garbage", is written where it runs)
                          cwd=work,
                          env=env, timeout=1800, encoding="utf-8", errors="replace")
    assert done.returncode == 0, done.stderr[-4000:]
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


def judge(results: list[dict]) -> list[str]:
    """What a user would have seen that is wrong, one line per bad run."""
    bad = []
    for r in results:
        what = " ".join(r["argv"])[:300]
        if r["escaped"]:
            bad.append(f"{what}: escaped {r['escaped'].splitlines()[-1]}")
        elif r["traceback"]:
            bad.append(f"{what}: traceback on stderr")
        elif r["status"] not in (0, 1, 2, 3):
            bad.append(f"{what}: exit status {r['status']!r}: {r['stderr'][-300:]}")
        elif r["status"] in (1, 3) and r["lines"] != 1 and not (
                r["lines"] == 0 and r["stdout_lines"]):     # a check's verdict on stdout
            bad.append(f"{what}: {r['lines']} lines for one refusal: {r['stderr'][-300:]}")
        elif r["half_written"]:
            bad.append(f"{what}: refused, yet wrote {r['half_written']}")
    return bad


def assert_still_whole(path: Path) -> None:
    with Desk.open(path, ADMIN, PASSWORD, daily_check=False) as desk:
        assert integrity.check(desk) == [], [f.message for f in integrity.check(desk)]
        assert desk.audit.verify().ok


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.rglob("*") if p.name.endswith((".part", ".tmp"))]


@pytest.mark.parametrize("runs", [pytest.param(1, id="quick"),
                                  pytest.param(RUNS, id="full", marks=pytest.mark.slow)])
def test_every_command_with_hostile_arguments(tmp_path, runs):
    path = seeded_database(tmp_path)
    results = run_driver(tmp_path, "commands", path, 20261204 + runs, runs)
    commands = {r["argv"][0] for r in results}
    assert {"customer", "report", "backup", "audit", "import", "document"} <= commands
    bad = judge(results)
    assert not bad, f"{len(bad)} of {len(results)} runs:\n" + "\n".join(bad[:40])
    assert not _leftovers(tmp_path)
    assert_still_whole(path)


@pytest.mark.slow
def test_every_companion_file_damaged(tmp_path):
    path = seeded_database(tmp_path)
    results = run_driver(tmp_path, "companions", path, 20261205)
    assert {r["argv"][0] for r in results} == {".keys", ".audit-head", "checked facts",
                                               "backup folders", "backup manifest"}
    bad = judge(results)
    assert not bad, f"{len(bad)} of {len(results)} runs:\n" + "\n".join(bad[:40])
    assert not _leftovers(tmp_path)
    assert_still_whole(path)


def test_clearing_any_field_of_a_file_is_done_or_refused_in_one_line(cli_in_process):
    """``customer edit CODE --field KEY=`` for every field: cleared, or refused with a line."""
    from custdesk.core.fields import CUSTOMER_FIELDS
    run, code = cli_in_process
    bad = []
    for field in CUSTOMER_FIELDS:
        status, err = run("customer", "edit", code, "--field", f"{field.key}=")
        if status not in (0, 1) or len([line for line in err.splitlines() if line.strip()]) > 1:
            bad.append(f"{field.key}: {status} {err.strip()[:200]}")
    assert not bad, "\n".join(bad)


@pytest.fixture
def cli_in_process(desk, db_path, monkeypatch, capsys):
    from custdesk.cli import main
    from tests.conftest import ADMIN as USER, ADMIN_PW
    code = desk.customers.add({"kind": "individual", "name": "张伟", "notes": "往来正常",
                               "tier": "vip"}).code
    monkeypatch.setenv("CUSTDESK_PASSWORD", ADMIN_PW)

    def run(*args):
        status = main(["--db", str(db_path), "--user", USER, "--lang", "en", *args])
        return status, capsys.readouterr().err

    return run, code

"""What the fault tests share: starting worker processes, reading their lines, and
making databases and import files."""

from __future__ import annotations

import csv
import datetime
import os
import selectors
import subprocess
import sys
from pathlib import Path

import pytest

from custdesk.core import demo
from custdesk.core.desk import Desk

ROOT = Path(__file__).resolve().parents[2]
WORKER = Path(__file__).with_name("worker.py")
FAULT_WORKER = ROOT / "tests" / "core" / "fault_worker.py"
BACKUP_WORKER = ROOT / "tests" / "core" / "backup_worker.py"
ADMIN, PASSWORD = "boss", "boss-password-1"
# Rounds of each kill -9 loop (the number by default; fewer for a quick look).
ROUNDS = int(os.environ.get("CUSTDESK_KILL_ROUNDS", "50"))


def new_database(folder: Path, name: str = "faults.db") -> Path:
    path = folder / name
    desk, _recovery = Desk.create(path, ADMIN, PASSWORD, firm="故障测试有限公司")
    desk.close()
    return path


def launch(script: Path, args: list[str], log: Path, **options) -> subprocess.Popen:
    """A worker process (password in its environment, stderr to ``log``)."""
    env = {**os.environ, "CUSTDESK_PASSWORD": PASSWORD, "PYTHONUNBUFFERED": "1"}
    with open(log, "ab") as err:
        return subprocess.Popen([sys.executable, str(script), *map(str, args)],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=err,
                                env=env, text=True, encoding="utf-8", **options)


def read_line(proc: subprocess.Popen, timeout: float, log: Path) -> str:
    """One line from the worker's stdout, or fail (with its stderr) on EOF or timeout."""
    with selectors.DefaultSelector() as sel:
        sel.register(proc.stdout, selectors.EVENT_READ)
        if not sel.select(timeout):
            pytest.fail(f"worker {proc.pid} said nothing for {timeout} s\n"
                        f"{log.read_text('utf-8', errors='replace')}")
    line = proc.stdout.readline()
    if not line:
        proc.wait(timeout=30)
        pytest.fail(f"worker {proc.pid} ended (status {proc.returncode}) before writing a line:\n"
                    f"{log.read_text('utf-8', errors='replace')}")
    return line.strip()


def reap(proc: subprocess.Popen) -> None:
    """Kill (if still running) and reap one worker; close its pipes."""
    if proc.poll() is None:
        proc.kill()
    try:
        proc.wait(timeout=30)
    finally:
        for stream in (proc.stdin, proc.stdout):
            if stream is not None:
                try:
                    stream.close()
                except OSError:
                    pass


def write_people_csv(path: Path, start: int, count: int) -> Path:
    """``count`` individuals with valid, distinct ID numbers (distinct across calls with
    distinct ``start`` ranges), as an import file."""
    regions = [r[0] for r in demo.REGIONS]
    with open(path, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["客户名称", "身份证号", "手机"])
        for k in range(start, start + count):
            rest = k // len(regions)
            birth = datetime.date(1950, 1, 1) + datetime.timedelta(days=rest % 18000)
            number = demo.resident_id(regions[k % len(regions)], birth, rest // 18000, k % 2 == 0)
            writer.writerow([f"导入客户{k}", number, f"139{k:08d}"])
    return path


def companions(path: Path) -> list[Path]:
    return sorted(p for p in path.parent.iterdir() if p.name.startswith(path.name))

"""A small demo database (graded files, warnings, reviews) shared by the report tests."""

from __future__ import annotations

import datetime
import subprocess
from pathlib import Path

import pytest

from custdesk.core import clock, demo
from custdesk.core.desk import Desk

from ..conftest import copy_database

DEMO_TODAY = datetime.datetime(2026, 11, 22, 9, 30, tzinfo=datetime.timezone.utc)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    demo.ensure_demo(path, count=40, as_of=demo.AS_OF)
    return path


@pytest.fixture
def demo_as(demo_template, tmp_path):
    """demo_as(user) -> a desk on a fresh copy of the demo, on the demo's "today"."""
    path = tmp_path / "demo.db"
    copy_database(demo_template, path)
    clock.set_fixed(DEMO_TODAY)
    opened = []

    def _open(name: str = "admin") -> Desk:
        desk = Desk.open(path, name, demo.DEMO_PASSWORDS[name], daily_check=False)
        opened.append(desk)
        return desk
    yield _open
    for desk in opened:
        desk.close()


def pdf_text(path_or_bytes, password: str | None = None) -> str:
    """The text of a PDF as poppler's pdftotext reads it (layout kept; the diagonal watermark
    left out, as its letters would otherwise be strewn through the lines they cross)."""
    args = ["pdftotext", "-layout", "-nodiag"]
    if password:
        args += ["-upw", password]
    if isinstance(path_or_bytes, (bytes, bytearray)):
        done = subprocess.run(args + ["-", "-"], input=path_or_bytes, capture_output=True,
                              check=True)
    else:
        done = subprocess.run(args + [str(path_or_bytes), "-"], capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def pick(desk, kind: str, *, graded: bool = True, max_level: int | None = None,
         min_level: int = 0) -> str:
    """The code of a file of ``kind`` visible to ``desk``'s user, within the levels asked."""
    top = desk.user.clearance if max_level is None else max_level
    row = desk.db.execute(
        "SELECT code FROM customers WHERE kind = ? AND level BETWEEN ? AND ? "
        + ("AND assessment_id IS NOT NULL " if graded else "") + "ORDER BY level, created_at, name LIMIT 1",
        [kind, min_level, top]).fetchone()
    assert row, f"the demo has no {kind} file for this test"
    return row[0]

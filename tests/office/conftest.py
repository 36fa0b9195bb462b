"""Office-mode fixtures: a fresh office database per test holding the template's users
(``tests/conftest.py``: the session's throwaway cluster, ``fill_from_file``)."""

from __future__ import annotations

import itertools

import pytest

from custdesk.core.desk import Desk
from tests.conftest import ADMIN, PASSWORDS, drop_office, fill_from_file

_numbers = itertools.count(1)


@pytest.fixture
def office_url(cluster, db_path):
    """A new office database with the template's users, as ``db_path`` is a new file."""
    dbname = f"office_{next(_numbers)}"
    yield fill_from_file(cluster, db_path, dbname)
    drop_office(cluster, dbname)


@pytest.fixture
def office_as(office_url):
    opened = []

    def _open(name: str = ADMIN) -> Desk:
        desk = Desk.open(office_url, name, PASSWORDS[name], daily_check=False)
        opened.append(desk)
        return desk

    yield _open
    for desk in opened:
        desk.close()

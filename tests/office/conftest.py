"""Office-mode fixtures: one throwaway PostgreSQL cluster for the session, a fresh office
database per test holding the template's users (``tests/conftest.py``)."""

from __future__ import annotations

import itertools

import pytest

from custdesk.core.desk import Desk
from custdesk.core.office import session
from tests import pg_server
from tests.conftest import ADMIN, PASSWORDS

_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def cluster():
    if not pg_server.available():
        pytest.skip("PostgreSQL's initdb and pg_ctl are not installed (tools/dev.sh installs them)")
    c = pg_server.Cluster().start()
    yield c
    c.stop()


def fill_from_file(cluster, path, dbname: str) -> str:
    """An office database made from the single-PC file ``path`` whose users have the test
    passwords; returns the address people log in at (no user, no password)."""
    with Desk.open(path, ADMIN, PASSWORDS[ADMIN], daily_check=False) as desk:
        session._fill(cluster.super_url(dbname), desk, dict(PASSWORDS))
    return cluster.url(dbname, user=None)


@pytest.fixture
def office_url(cluster, db_path) -> str:
    """A new office database with the template's users, as ``db_path`` is a new file."""
    return fill_from_file(cluster, db_path, f"office_{next(_numbers)}")


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

"""Shared fixtures: a migrated template database, copied fresh for every test."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests draw the same examples on every run (a run that passed passes again, on a
# loaded machine too: no deadline); HYPOTHESIS_PROFILE=explore draws new ones each time.
settings.register_profile("custdesk", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("explore", deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "custdesk"))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("CUSTDESK_LANG", None)

from custdesk.core import clock, i18n  # noqa: E402
from custdesk.core.desk import Desk  # noqa: E402
from custdesk.core.store import keyslots  # noqa: E402
from tests import cheap_kdf  # noqa: E402

ADMIN, ADMIN_PW = "boss", "boss-password-1"
USERS = {  # name: (role, clearance, password)
    "clerk": ("clerk", "internal", "clerk-password"),
    "senior": ("clerk", "secret", "senior-password"),
    "reviewer": ("reviewer", "confidential", "reviewer-password"),
    "auditor": ("auditor", "confidential", "auditor-password"),
    "manager": ("manager", "secret", "manager-password"),
}
PASSWORDS = {ADMIN: ADMIN_PW, **{name: spec[2] for name, spec in USERS.items()}}
COMPANIONS = ("", ".keys", ".audit-head")


def copy_database(src: Path, dst: Path) -> None:
    for suffix in COMPANIONS:
        if Path(str(src) + suffix).exists():
            shutil.copy2(str(src) + suffix, str(dst) + suffix)


def pytest_addoption(parser):
    parser.addoption("--runslow", action="store_true",
                     help="also run the tests marked slow (CI does; tools/dev.sh test --runslow)")
    parser.addoption("--engine", choices=("sqlite", "postgresql"),
                     default=os.environ.get("CUSTDESK_TEST_ENGINE", "sqlite"),
                     help="where the core and command-line tests keep the database: a "
                          "single-PC file (default) or an office database on a throwaway "
                          "PostgreSQL (CI runs both)")


def pytest_configure(config):
    # The hypothesis fuzz of validators and importer (tests/faults/test_fuzz.py): 10,000
    # examples each with --runslow (CI), a few hundred in the default local run.
    if not config.getoption("--runslow"):
        os.environ.setdefault("CUSTDESK_FUZZ_EXAMPLES", "300")


def pytest_collection_modifyitems(config, items):
    if config.getoption("--engine") == "postgresql":
        # On the office engine: every test that reaches its database through ``db_target``
        # (``open_as``, ``desk``, the command line's ``cli``); the others do not depend on
        # the engine and ran in the default pass. A test of the single-PC file itself (its
        # companions, copies, damage) says so with ``single_pc``.
        kept = [item for item in items if "db_target" in getattr(item, "fixturenames", ())]
        if len(kept) != len(items):
            config.hook.pytest_deselected(items=[i for i in items if i not in kept])
            items[:] = kept
        for item in items:
            marker = item.get_closest_marker("single_pc")
            if marker:
                item.add_marker(pytest.mark.skip(
                    reason="single-PC file: " + (marker.args[0] if marker.args else "")))
    # Slow tests (kill -9 loops, many subprocesses, production Argon2) stay out of the
    # default local run; CI runs them (.ci/run passes --runslow), as does -m slow.
    if config.getoption("--runslow") or "slow" in (config.getoption("-m") or ""):
        return
    skip = pytest.mark.skip(reason="slow: run with --runslow (as CI does)")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


_COSTLY: list[dict] = []      # key derivations at the production cost, in this test


@pytest.fixture(scope="session", autouse=True)
def _cheap_kdf():
    """Small Argon2 parameters for the thousands of logins the tests make, by patching the
    policy (production code has no test switch). Tests of the production parameters
    take ``production_kdf``; any other test that derives a key at the production cost fails.
    (The older-custdesk fixture's slots carry that version's own, smaller parameters, which
    opening it must run.)"""
    derive = keyslots._derive_password_key

    def watched(password, kdf):
        if kdf.get("memory_cost", 0) >= cheap_kdf.PRODUCTION["memory_cost"]:
            _COSTLY.append(dict(kdf))
        return derive(password, kdf)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(keyslots, "ARGON2", dict(cheap_kdf.CHEAP))
        patch.setattr(keyslots, "_derive_password_key", watched)
        yield


@pytest.fixture(scope="session", autouse=True)
def _invariant_pdfs():
    """Reports made in the tests are byte-stable: ReportLab's invariant mode (a fixed creation
    date and file ID), which the program leaves off so that a PDF carries its real creation
    time. A test of the real metadata takes ``real_pdf_dates``."""
    from reportlab import rl_config
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(rl_config, "invariant", 1)
        yield


@pytest.fixture
def real_pdf_dates(monkeypatch):
    from reportlab import rl_config
    monkeypatch.setattr(rl_config, "invariant", 0)


@pytest.fixture(autouse=True)
def _no_costly_kdf(request):
    _COSTLY.clear()
    yield
    if "production_kdf" not in request.fixturenames and _COSTLY:
        pytest.fail(f"production-cost Argon2 ran {len(_COSTLY)} time(s) in a test that does not "
                    f"take production_kdf: {_COSTLY[0]}")


@pytest.fixture
def production_kdf(monkeypatch):
    monkeypatch.setattr(keyslots, "ARGON2", dict(cheap_kdf.PRODUCTION))
    return cheap_kdf.PRODUCTION


@pytest.fixture(scope="session")
def template(tmp_path_factory) -> tuple[Path, str]:
    """A database with the admin and one user of each kind; returns (path, recovery key)."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    desk, recovery = Desk.create(path, ADMIN, ADMIN_PW, firm="测试商贸有限公司")
    for name, (role, clearance, password) in USERS.items():
        desk.users.add(name, role, clearance, password)
    desk.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    desk.close()
    return path, recovery


@pytest.fixture
def db_path(template, tmp_path) -> Path:
    path = tmp_path / "custdesk.db"
    copy_database(template[0], path)
    return path


@pytest.fixture
def recovery_key(template) -> str:
    return template[1]


@pytest.fixture(scope="session")
def engine(request) -> str:
    return request.config.getoption("--engine")


@pytest.fixture(scope="session")
def cluster():
    """A throwaway PostgreSQL cluster for the session (tests/pg_server.py)."""
    from tests import pg_server
    if not pg_server.available():
        pytest.skip("PostgreSQL's initdb and pg_ctl are not installed (tools/dev.sh installs them)")
    c = pg_server.Cluster().start()
    yield c
    c.stop()


def fill_from_file(cluster, path: Path, dbname: str) -> str:
    """An office database made from the single-PC file ``path`` whose users have the test
    passwords; returns the address people log in at (no user, no password)."""
    from custdesk.core.office import session
    with Desk.open(path, ADMIN, PASSWORDS[ADMIN], daily_check=False) as desk:
        session._fill(cluster.super_url(dbname), desk, dict(PASSWORDS))
    return cluster.url(dbname, user=None)


_office_numbers = iter(range(1, 1 << 30))


def drop_office(cluster, dbname: str) -> None:
    import psycopg
    with psycopg.connect(cluster.super_url("postgres"), autocommit=True) as su:
        su.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')


@pytest.fixture
def db_target(engine, db_path, request):
    """Where this test's database is: the file ``db_path``, or (``--engine postgresql``) an
    office database made from it, dropped afterwards."""
    if engine == "sqlite":
        yield db_path
        return
    cluster = request.getfixturevalue("cluster")
    dbname = f"t_{next(_office_numbers)}"
    yield fill_from_file(cluster, db_path, dbname)
    drop_office(cluster, dbname)


@pytest.fixture
def open_as(db_target):
    """open_as(name) -> a Desk logged in as that test user; all are closed afterwards."""
    opened = []

    def _open(name: str = ADMIN) -> Desk:
        desk = Desk.open(db_target, name, PASSWORDS[name])
        opened.append(desk)
        return desk

    yield _open
    for desk in opened:
        desk.close()


@pytest.fixture
def desk(open_as) -> Desk:
    return open_as(ADMIN)


@pytest.fixture(autouse=True)
def _own_data_folder(tmp_path_factory, monkeypatch):
    """Each test its own per-user data folder: the note of where backups went (whose
    manifests are audit checkpoints) must not mix one test's copies with another's."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("data_home")))


@pytest.fixture(autouse=True)
def _reset_global_state():
    yield
    clock.set_fixed(None)
    i18n.set_language("zh")

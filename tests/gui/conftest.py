"""GUI fixtures: a DeskRunner whose worker thread holds a desk opened on a fresh database."""

from __future__ import annotations

import pytest

from custdesk.core.desk import Desk
from tests.conftest import PASSWORDS


@pytest.fixture
def make_runner(db_path, qtbot):
    """make_runner(user) -> a DeskRunner with that test user's desk open on its worker thread."""
    from custdesk.gui.operations import DeskRunner
    runners = []

    def _make(user: str = "boss"):
        runner = DeskRunner()
        runner.run(lambda _desk: runner.set_desk(Desk.open(db_path, user, PASSWORDS[user])))
        runner._pool.submit(lambda: None).result(timeout=30)  # the open has run
        qtbot.waitUntil(lambda: runner.pending == 0, timeout=10_000)
        runners.append(runner)
        return runner

    yield _make
    for runner in runners:
        runner.close()


@pytest.fixture
def runner(make_runner):
    return make_runner("boss")


def call(runner, qtbot, fn, timeout=10_000):
    """Run fn(desk) on the runner and return its result (raising its error), waiting on the signal."""
    box = {}
    runner.run(fn, on_done=lambda r: box.__setitem__("result", r),
               on_error=lambda e: box.__setitem__("error", e))
    qtbot.waitUntil(lambda: "result" in box or "error" in box, timeout=timeout)
    if "error" in box:
        raise box["error"]
    return box["result"]


@pytest.fixture(autouse=True)
def _own_settings(tmp_path):
    """The window's preferences (the user last logged in, folders last used) in the test's own
    folder: a login in a test must not be remembered in the user's settings."""
    from PySide6.QtCore import QSettings
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))


@pytest.fixture(autouse=True)
def _viewing_session_ends():
    """Documents written for viewing in a test go with it (as they go at the program's exit)."""
    yield
    from custdesk.gui import viewing
    viewing.end_session()


@pytest.fixture
def speaking():
    """speaking(language): the window's language for this test (Qt's and ours, the core's);
    afterwards no translator is installed and the core speaks as before."""
    from PySide6.QtCore import QLocale
    from custdesk.core import i18n
    from custdesk.gui import translation
    before, locale = i18n.language(), QLocale()
    yield translation.install
    translation.uninstall()
    i18n.set_language(before)
    QLocale.setDefault(locale)


@pytest.fixture(autouse=True)
def _people_of_this_test():
    """The names the window knows people by belong to the database a test opened."""
    yield
    from custdesk.gui import people
    people.update({})


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    """The program's data folder (backups among them) in the test's own folder."""
    from custdesk import paths
    folder = tmp_path / "userdata"
    monkeypatch.setattr(paths, "data_dir", lambda: folder)
    return folder


def settings_page(runner, qtbot):
    """The settings page of the runner's user, with its first loads done."""
    from custdesk.gui.settings_page import SettingsPage
    page = SettingsPage(runner, call(runner, qtbot, lambda d: d.user))
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=20_000)
    return page

"""The office database in the window: the set-up wizard's choice, the address dialog, and a
login through the window to a throwaway PostgreSQL server."""

from __future__ import annotations

import socket

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QWizard

from custdesk.core.desk import Desk
from custdesk.gui.login import LoginDialog, remembered_user
from custdesk.gui.office_address import (OfficeAddressDialog, build_url, remembered_office,
                                         short_name, shown, split_url)
from custdesk.gui.operations import DeskRunner
from custdesk.gui.session import Sessions, log_out
from custdesk.gui.setup_wizard import SetupWizard
from tests import pg_server
from tests.conftest import PASSWORDS

T = 20_000
BOSS_PASSWORD = "boss-password-1x!"


@pytest.fixture
def bare_runner():
    runner = DeskRunner()
    yield runner
    runner.close()


# -- the set-up wizard ---------------------------------------------------------------------------

def office_page(wizard: SetupWizard, qtbot):
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.currentId() == SetupWizard.CHOICE
    assert wizard.choice.local.isChecked()          # this PC, as before, unless chosen
    wizard.choice.office.setChecked(True)
    wizard.next()
    assert wizard.currentId() == SetupWizard.OFFICE
    form = wizard.office.form
    assert form.port.text() == "5432"
    return form


def test_wizard_this_pc_goes_on_to_create_as_before(bare_runner, qtbot, tmp_path):
    wizard = SetupWizard(bare_runner, tmp_path / "custdesk.db")
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    assert wizard.currentId() == SetupWizard.WELCOME


def test_wizard_office_choice_remembers_the_address_and_creates_nothing(bare_runner, qtbot,
                                                                          tmp_path):
    path = tmp_path / "custdesk.db"
    wizard = SetupWizard(bare_runner, path)
    form = office_page(wizard, qtbot)
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert finish.isVisible()

    finish.click()                                   # nothing typed: said beside the fields
    assert wizard.isVisible() and form.host_error.isVisible() and form.dbname_error.isVisible()
    form.host.setText("192.168.1.20")
    form.dbname.setText("firm")
    finish.click()

    assert wizard.result() == QDialog.DialogCode.Accepted
    assert wizard.office_url == "postgresql://192.168.1.20:5432/firm"
    assert remembered_office() == wizard.office_url
    assert not path.exists() and bare_runner.desk is None


def test_wizard_office_choice_with_the_certificate_check(bare_runner, qtbot, tmp_path):
    from psycopg.conninfo import conninfo_to_dict
    ca = tmp_path / "our certs" / "office-ca.pem"      # a space: the address quotes it
    ca.parent.mkdir()
    ca.write_text("-----BEGIN CERTIFICATE-----\n")
    wizard = SetupWizard(bare_runner, tmp_path / "custdesk.db")
    form = office_page(wizard, qtbot)
    form.host.setText("db.firm.local")
    form.port.setText("6543")
    form.dbname.setText("firm")
    assert not form.ca_file.isEnabled()
    form.verify.setChecked(True)
    assert form.ca_file.isEnabled()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.isVisible() and form.ca_error.isVisible()     # the CA file is needed
    form.ca_file.setText(str(ca))
    wizard.button(QWizard.WizardButton.FinishButton).click()

    url = wizard.office_url
    assert url == ("postgresql://db.firm.local:6543/firm?sslmode=verify-full&sslrootcert="
                   + str(ca).replace(" ", "%20"))
    info = conninfo_to_dict(url)        # as the driver reads it
    assert (info["host"], info["port"], info["dbname"], info["sslmode"], info["sslrootcert"]) \
        == ("db.firm.local", "6543", "firm", "verify-full", str(ca))
    assert shown(url) == short_name(url) == "postgresql://db.firm.local:6543/firm"
    assert split_url(url) == {"host": "db.firm.local", "port": 6543, "dbname": "firm",
                              "ca_file": str(ca)}


# -- the address dialog --------------------------------------------------------------------------

def test_connect_dialog_says_what_is_wrong_beside_each_field(qtbot, tmp_path):
    dialog = OfficeAddressDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    form = dialog.form
    assert not form.host_error.isVisible()           # nothing said before anything is typed

    dialog.connect_button.click()
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert form.host_error.isVisible() and "server" in form.host_error.text().lower()
    assert not form.port_error.isVisible()           # 5432 is a port
    assert form.host.hasFocus() or not dialog.isActiveWindow()

    form.host.setText("db server")                   # no spaces in a host name
    form.port.setText("70000")
    form.dbname.setText("firm")
    dialog.connect_button.click()
    assert dialog.isVisible()
    assert form.host_error.isVisible() and form.port_error.isVisible()
    assert "65535" in form.port_error.text()
    for bad in ("abc", "0", ""):
        form.port.setText(bad)
        assert form.port_error.text()
    # Each message sits right under its own field, in the form.
    layout = form.layout()
    for field, label in ((form.host, form.host_error), (form.port, form.port_error)):
        row, _role = layout.getWidgetPosition(field)
        assert layout.getWidgetPosition(label)[0] == row + 1

    form.host.setText("10.0.0.5")
    form.port.setText("5433")
    assert not form.host_error.isVisible() and not form.port_error.isVisible()
    assert form.address.text().endswith("postgresql://10.0.0.5:5433/firm")
    dialog.connect_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.url == "postgresql://10.0.0.5:5433/firm"


def test_an_ipv6_server_and_a_remembered_address_fill_the_form(qtbot):
    url = build_url("fd00::5", 5432, "firm")
    assert url == "postgresql://[fd00::5]:5432/firm"
    dialog = OfficeAddressDialog(url)
    qtbot.addWidget(dialog)
    assert (dialog.form.host.text(), dialog.form.port.text(), dialog.form.dbname.text()) == \
        ("fd00::5", "5432", "firm")


# -- a real server ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def office_url():
    """A throwaway PostgreSQL with an office database "firm" whose administrator is boss."""
    if not pg_server.available():
        pytest.skip("PostgreSQL's initdb/pg_ctl are not installed: no throwaway server")
    from custdesk.core.office import session
    cluster = pg_server.Cluster().start()
    try:
        session.init(cluster.super_url("firm"), "boss", BOSS_PASSWORD)
        yield f"postgresql://127.0.0.1:{cluster.port}/firm"
    finally:
        cluster.stop()


@pytest.fixture
def sessions(db_path, qtbot):
    """A session on this PC's file (boss logged in), its window shown; closed at the end."""
    runner = DeskRunner()
    runner.run(lambda _d: runner.set_desk(Desk.open(db_path, "boss", PASSWORDS["boss"])))
    qtbot.waitUntil(lambda: runner.pending == 0 and runner.desk is not None, timeout=T)
    made = Sessions(runner, db_path)
    made.start()
    yield made
    if made.window is not None:
        made.idle.stop()
        made.overlay.release()
        made.window.close()
        made.window.deleteLater()
    if made.login is not None:
        made.login.done(0)
    runner = made.runner
    runner.run(lambda desk: log_out(runner, desk))
    runner.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_login_through_the_window_to_the_office_database(sessions, office_url, qtbot):
    window = sessions.window
    # The window's first reads are done (as they are before anyone reaches the menu).
    qtbot.waitUntil(lambda: sessions.runner.pending == 0, timeout=T)
    qtbot.wait(50)
    where = shown(office_url)
    assert where == office_url                       # no password in it to hide

    # 文件 › 连接办公室数据库…: the address, then the login for it, as on switching user.
    dialog = window.connect_office()
    dialog.form.host.setText("127.0.0.1")
    dialog.form.port.setText(office_url.split(":")[2].split("/")[0])
    dialog.form.dbname.setText("firm")
    dialog.connect_button.click()
    qtbot.waitUntil(lambda: sessions.login is not None, timeout=T)
    login = sessions.login
    assert sessions.path == office_url and sessions.window is None
    assert login.findChild(QLabel, "login_database").text().endswith(where)
    assert login.user.count() == 0                   # the server's users are not listed

    # A wrong password: the login's own error line; the dialog stays for another try.
    login.user.setEditText("boss")
    login.password.setText("not-the-password")
    qtbot.keyClick(login.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not login._busy, timeout=T)
    assert login.message.isVisible() and login.message.text()
    assert login.isVisible() and login.user.currentText() == "boss"

    login.password.setText(BOSS_PASSWORD)
    with qtbot.waitSignal(sessions.started, timeout=T):
        qtbot.keyClick(login.password, Qt.Key.Key_Return)
    window = sessions.window
    assert window.user.name == "boss"
    assert window.windowTitle().endswith(where)
    assert "/tmp" not in window.windowTitle() and "office.db" not in window.windowTitle()
    statuses = [label.text() for label in window.statusBar().findChildren(QLabel)]
    assert any(text.endswith(where) for text in statuses)
    assert not any("office.db" in text for text in statuses)
    window.show_area("customers")
    assert window.pages.currentWidget() is window.customer_tabs
    assert window.customer_tabs.currentWidget() is window.customer_list
    assert window.customer_list.isVisible()
    # Remembered for the next start, and who logged in to it.
    assert remembered_office() == office_url and remembered_user(office_url) == "boss"


def test_a_server_that_cannot_be_reached_is_said_on_the_error_line(bare_runner, qtbot):
    url = f"postgresql://127.0.0.1:{free_port()}/firm"
    login = LoginDialog(bare_runner, url)
    qtbot.addWidget(login)
    login.show()
    login.user.setEditText("boss")
    login.password.setText(BOSS_PASSWORD)
    login.submit()
    qtbot.waitUntil(lambda: not login._busy, timeout=T)
    assert login.isVisible() and bare_runner.desk is None
    assert login.message.isVisible() and shown(url) in login.message.text()
    assert login.user.currentText() == "boss" and login.login_button.isEnabled()
    assert login.password.text() == BOSS_PASSWORD     # kept for another try

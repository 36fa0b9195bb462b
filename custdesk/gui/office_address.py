"""The office database's address: the form that asks for it, and how the window names a database.

A database is either a file on this PC (a ``Path``) or an office database, a PostgreSQL
address (``postgresql://HOST:PORT/DBNAME``, with ``?sslmode=verify-full&sslrootcert=CA`` when
the server's certificate is checked). An address is kept as a string: ``Path`` would fold its
``//``. The window shows an office database as ``custdesk.core.office.session.where`` gives
it (host, port and name, never a password), not the working copy's temporary path.

The address last chosen is remembered in the settings, as the login remembers the user last
logged in to each database; a start without ``--db`` then goes to its login.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, quote, unquote, urlsplit

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout,
                               QWidget)

from ..core import office
from . import translation

ERROR_STYLE = "color: #b00020;"
DEFAULT_PORT = 5432
#: QSettings key of the office database chosen last (an address without a password)
OFFICE_ADDRESS = "login/office_address"
_NOT_IN_HOST = set(" /?#@[]\\")


# -- a database: a file or an address ----------------------------------------------------------
def is_office(target) -> bool:
    return office.is_url(target)


def database_target(value) -> Path | str:
    """What the window keeps for a database: the address as typed, or the file's ``Path``."""
    return str(value) if is_office(value) else Path(value)


def shown(target) -> str:
    """The database as the window shows it: an office database's host:port/name (never a
    password), a file's full path."""
    if is_office(target):
        from ..core.office.session import where
        return where(target)
    return str(target)


def short_name(target) -> str:
    """The database in the title bar: an office database's address, a file's name."""
    return shown(target) if is_office(target) else Path(target).name


def remembered_office() -> str:
    """The office database chosen last on this PC ("" for none)."""
    value = translation.settings().value(OFFICE_ADDRESS, "")
    return value if isinstance(value, str) and is_office(value) else ""


def remember_office(url: str | None) -> None:
    """Keep ``url`` as the database the program starts on (None: this PC's file again)."""
    if url:
        translation.settings().setValue(OFFICE_ADDRESS, url)
    else:
        translation.settings().remove(OFFICE_ADDRESS)


# -- the address ---------------------------------------------------------------------------------
def build_url(host: str, port: int | str, dbname: str, ca_file: str | Path | None = None) -> str:
    """``postgresql://HOST:PORT/DBNAME``, and ``?sslmode=verify-full&sslrootcert=CA`` with a CA
    certificate (the server's certificate and name are then checked)."""
    host = host.strip()
    if ":" in host:                 # an IPv6 address
        host = f"[{host}]"
    url = f"postgresql://{host}:{int(str(port).strip())}/{quote(dbname.strip(), safe='')}"
    if ca_file:
        url += "?sslmode=verify-full&sslrootcert=" + quote(str(ca_file), safe="/:\\")
    return url


def split_url(url: str) -> dict:
    """An address back in the form's fields: host, port, dbname, ca_file ("" when absent)."""
    parts = urlsplit(url)
    query = parse_qs(parts.query)
    try:
        port = parts.port or DEFAULT_PORT
    except ValueError:
        port = DEFAULT_PORT
    verify = query.get("sslmode", [""])[0] == "verify-full"
    return {"host": parts.hostname or "", "port": port,
            "dbname": unquote(parts.path.lstrip("/")),
            "ca_file": query.get("sslrootcert", [""])[0] if verify else ""}


def _error_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.hide()
    return label


class OfficeAddressForm(QWidget):
    """Server, port, database name and the certificate check, each checked as the cursor
    leaves it with its message beside it; ``url()`` once ``check()`` passes."""

    changed = Signal()

    def __init__(self, url: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.host = QLineEdit()
        self.host.setObjectName("office_host")
        self.host.setPlaceholderText(self.tr("e.g. 192.168.1.20 or server.firm.local"))
        self.port = QLineEdit(str(DEFAULT_PORT))
        self.port.setObjectName("office_port")
        self.port.setMaxLength(5)
        self.port.setMaximumWidth(90)
        self.dbname = QLineEdit()
        self.dbname.setObjectName("office_dbname")
        self.dbname.setPlaceholderText(self.tr("as the administrator named it, e.g. firm"))
        self.verify = QCheckBox(self.tr("Verify the server's certificate (verify-full)"))
        self.verify.setObjectName("office_verify")
        self.ca_file = QLineEdit()
        self.ca_file.setObjectName("office_ca_file")
        self.ca_file.setPlaceholderText(self.tr("CA certificate file (.crt, .pem)"))
        self.browse = QPushButton(self.tr("Browse…"))
        self.browse.clicked.connect(self.choose_ca_file)
        self.host_error, self.port_error, self.dbname_error, self.ca_error = (
            _error_label("host_error"), _error_label("port_error"),
            _error_label("dbname_error"), _error_label("ca_error"))
        self.address = QLabel()
        self.address.setObjectName("office_address")
        self.address.setWordWrap(True)
        self.address.setStyleSheet("color: palette(mid);")
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        ca_row = QHBoxLayout()
        ca_row.setContentsMargins(0, 0, 0, 0)
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(self.browse)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Server:"), self.host)
        form.addRow("", self.host_error)
        form.addRow(self.tr("Port:"), self.port)
        form.addRow("", self.port_error)
        form.addRow(self.tr("Database name:"), self.dbname)
        form.addRow("", self.dbname_error)
        form.addRow("", self.verify)
        form.addRow(self.tr("CA certificate:"), ca_row)
        form.addRow("", self.ca_error)
        form.addRow("", self.address)

        if url:
            fields = split_url(url)
            self.host.setText(fields["host"])
            self.port.setText(str(fields["port"]))
            self.dbname.setText(fields["dbname"])
            self.ca_file.setText(fields["ca_file"])
            self.verify.setChecked(bool(fields["ca_file"]))
        # A field's message once the cursor has left it (or the form is submitted).
        self._touched: set[str] = set()
        for key, edit in (("host", self.host), ("port", self.port), ("dbname", self.dbname),
                          ("ca", self.ca_file)):
            edit.editingFinished.connect(lambda key=key: self._leave(key))
            edit.textChanged.connect(self._update)
        self.verify.toggled.connect(self._verify_toggled)
        self._verify_toggled(self.verify.isChecked())

    # -- checking ----------------------------------------------------------------------------
    def errors(self) -> dict[str, str]:
        """Each field's problem (empty when the address is complete)."""
        errors = {}
        host = self.host.text().strip()
        if not host:
            errors["host"] = self.tr("Enter the server's name or IP address.")
        elif _NOT_IN_HOST & set(host):
            errors["host"] = self.tr("A server name has no spaces and none of / ? # @ [ ] \\.")
        port = self.port.text().strip()
        if not (port.isascii() and port.isdigit() and 1 <= int(port) <= 65535):
            errors["port"] = self.tr("The port is a number from 1 to 65535 (usually 5432).")
        if not self.dbname.text().strip():
            errors["dbname"] = self.tr("Enter the database's name.")
        if self.verify.isChecked():
            ca = self.ca_file.text().strip()
            if not ca:
                errors["ca"] = self.tr("Choose the CA certificate that signed the server's "
                                       "certificate.")
            elif not Path(ca).expanduser().is_file():
                errors["ca"] = self.tr("There is no file at %1.").replace("%1", ca)
        return errors

    def check(self) -> bool:
        """Show every field's message; True when the address is complete."""
        self._touched = {"host", "port", "dbname", "ca"}
        errors = self._update()
        for key, edit in (("host", self.host), ("port", self.port), ("dbname", self.dbname),
                          ("ca", self.ca_file)):
            if key in errors:
                edit.setFocus()
                break
        return not errors

    def url(self) -> str:
        """The address the fields give (call ``check()`` first)."""
        ca = self.ca_file.text().strip() if self.verify.isChecked() else ""
        return build_url(self.host.text(), self.port.text(), self.dbname.text(),
                         str(Path(ca).expanduser()) if ca else None)

    def _leave(self, key: str) -> None:
        self._touched.add(key)
        self._update()

    def _update(self) -> dict[str, str]:
        errors = self.errors()
        for key, label in (("host", self.host_error), ("port", self.port_error),
                           ("dbname", self.dbname_error), ("ca", self.ca_error)):
            text = errors.get(key, "") if key in self._touched else ""
            label.setText(text)
            label.setVisible(bool(text))
        self.address.setText("" if errors else self.tr("Address: %1").replace("%1", self.url()))
        self.changed.emit()
        return errors

    def _verify_toggled(self, on: bool) -> None:
        self.ca_file.setEnabled(on)
        self.browse.setEnabled(on)
        self._update()

    def choose_ca_file(self) -> None:
        start = self.ca_file.text().strip() or str(Path.home())
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("CA certificate"), start,
            self.tr("Certificates (*.crt *.pem *.cer);;All files (*)"))
        if name:
            self.ca_file.setText(name)
            self._leave("ca")


class OfficeAddressDialog(QDialog):
    """文件 › 连接办公室数据库…: the address; ``url`` once accepted."""

    def __init__(self, url: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect to office database"))
        self.url = ""
        intro = QLabel(self.tr(
            "The firm's files on the office's PostgreSQL server. Ask your administrator for "
            "its address; you then log in with your own user name and password."))
        intro.setWordWrap(True)
        self.form = OfficeAddressForm(url or remembered_office())
        self.buttons = QDialogButtonBox()
        self.connect_button = self.buttons.addButton(
            self.tr("Connect"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addWidget(self.form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        (self.form.dbname if self.form.host.text() else self.form.host).setFocus()

    def accept(self) -> None:
        if not self.form.check():
            return
        self.url = self.form.url()
        super().accept()

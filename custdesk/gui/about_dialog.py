"""About custdesk: the program's version, the open database and its schema version, and the
fingerprint of the firm's root key.

What a user reads out (or copies) when asking for help: which program, which file, and
which migrations that file has had. The root key fingerprint is what was written beside
the recovery key: every user's account trusts that key, so a different one means the keys
were replaced.
"""

from __future__ import annotations

import platform
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
                               QVBoxLayout)

from .. import __version__
from ..core.keys.primitives import fingerprint
from ..core.store import migrations
from .style import icon


class AboutDialog(QDialog):
    def __init__(self, runner, db_path: Path, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("About custdesk"))
        from .office_address import database_target, shown
        self.db_path = database_target(db_path)
        # The schema version this program writes: the number of migrations it knows.
        self.program_schema = len(migrations.known_names())

        logo = QLabel()
        logo.setPixmap(icon("app").pixmap(72, 72))
        logo.setAlignment(Qt.AlignTop)
        title = QLabel(f"custdesk {__version__}")
        title.setProperty("role", "title")
        subtitle = QLabel(self.tr("Customer credit files for small firms."))
        heading = QVBoxLayout()
        heading.addWidget(title)
        heading.addWidget(subtitle)
        heading.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(logo)
        top.addSpacing(12)
        top.addLayout(heading, 1)

        self.version_label = QLabel(__version__)
        self.database_label = QLabel(shown(self.db_path))
        self.database_label.setWordWrap(True)
        self.schema_label = QLabel(self.tr("Reading…"))
        self.fingerprint_label = QLabel(self.tr("Reading…"))
        self.fingerprint_label.setObjectName("root_fingerprint")
        self.fingerprint_label.setToolTip(self.tr(
            "The firm's root key, which every user's account trusts. It should match the "
            "fingerprint written beside the recovery key."))
        self.platform_label = QLabel(f"Qt {qVersion()}, PySide6 {pyside_version}, "
                                     f"Python {platform.python_version()}, {platform.system()}")
        self.rows = [(self.tr("Version:"), self.version_label),
                     (self.tr("Database:"), self.database_label),
                     (self.tr("Schema version:"), self.schema_label),
                     (self.tr("Root key fingerprint:"), self.fingerprint_label),
                     (self.tr("Built with:"), self.platform_label)]
        form = QFormLayout()
        for caption, label in self.rows:
            form.addRow(caption, label)
            label.setTextInteractionFlags(Qt.TextSelectableByMouse)

        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        self.copy_button = buttons.addButton(self.tr("Copy details"),
                                             QDialogButtonBox.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

        # The database's own schema version is read on the database thread.
        runner.run(lambda desk: desk.schema_version() if desk is not None else None,
                   self._show_schema, lambda error: self.schema_label.setText(str(error)))
        runner.run(lambda desk: fingerprint(desk.personal.root) if desk is not None else "—",
                   self.fingerprint_label.setText,
                   lambda error: self.fingerprint_label.setText(str(error)))

    def _show_schema(self, version: int | None) -> None:
        if version is None:
            self.schema_label.setText("—")
        elif version == self.program_schema:
            self.schema_label.setText(str(version))
        else:
            self.schema_label.setText(self.tr("%1 (this program writes %2)")
                                      .replace("%1", str(version))
                                      .replace("%2", str(self.program_schema)))

    def details(self) -> str:
        """The dialog's facts as plain text, for a support request."""
        return "\n".join(["custdesk"] + [f"{caption} {label.text()}" for caption, label in self.rows])

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details())

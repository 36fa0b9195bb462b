"""设置 › 用户 (administrators): add users, change role or clearance, set a password, disable.

Every change runs on the DeskRunner; core checks and refuses. Two things the page says
because people would not guess them: a password set for someone else is a one-time
password they must change at their next login; and disabling someone gives the database
a new key, after which older backups still open with the old passwords until they are
re-encrypted (offered at once).
"""

from __future__ import annotations

import inspect

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDialog,
                               QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout,
                               QHeaderView, QInputDialog, QLabel, QLineEdit, QMessageBox,
                               QProgressDialog, QPushButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from ..core.access import ROLES, role_label
from ..core.errors import ValidationError
from ..core.fields import LEVELS, level_label
from ..core.users import MIN_FILE_CLEARANCE, check_user_name
from .editor.jobs import run_for
from .passwords import ERROR_STYLE, PasswordFields, SetPasswordDialog


def clearance_choices() -> list[tuple[str, int]]:
    """The clearances a user of a single-PC database may have: 公开 cannot hold its key."""
    return [(level_label(i), i) for i in range(MIN_FILE_CLEARANCE, len(LEVELS))]


class AddUserDialog(QDialog):
    """A new user's name, role, clearance and first password; adds them on the runner.

    ``added`` (name, one_time) fires once core has added them; refusals are shown here.
    """

    added = Signal(str, bool)

    def __init__(self, runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("add_user_dialog")
        self.runner = runner
        self._busy = False
        self.setWindowTitle(self.tr("Add user"))
        self.name = QLineEdit()
        self.name.setObjectName("user_name")
        self.name.setPlaceholderText(self.tr("e.g. zhaolei (for logging in)"))
        self.name_error = QLabel()
        self.name_error.setStyleSheet(ERROR_STYLE)
        self.name_error.setWordWrap(True)
        self.name_error.hide()
        self.full_name = QLineEdit()
        self.full_name.setObjectName("full_name")
        self.role = QComboBox()
        self.role.setObjectName("role")
        for role in ROLES:
            self.role.addItem(role_label(role), role)
        self.role.setCurrentIndex(max(0, self.role.findData("clerk")))
        self.clearance = QComboBox()
        self.clearance.setObjectName("clearance")
        for text, level in clearance_choices():
            self.clearance.addItem(text, level)
        self.clearance.setToolTip(self.tr(
            "“Public” is not offered: a key to this database opens everything at “internal”."))
        self.fields = PasswordFields("", self)
        self.one_time = QCheckBox(self.tr("They choose their own password at first login"))
        self.one_time.setObjectName("one_time")
        self.one_time.setChecked(True)
        self.one_time.setToolTip(self.tr(
            "Recommended: the password you set here is then a one-time password, and only "
            "they will know the one they choose."))
        form = QFormLayout()
        form.addRow(self.tr("User name:"), self.name)
        form.addRow("", self.name_error)
        form.addRow(self.tr("Full name:"), self.full_name)
        form.addRow(self.tr("Role:"), self.role)
        form.addRow(self.tr("Clearance:"), self.clearance)
        self.fields.add_rows(form)
        form.addRow("", self.one_time)
        self.message = QLabel()
        self.message.setObjectName("add_user_message")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Add user"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._check)
        self.full_name.textChanged.connect(self._check)
        self.fields.changed.connect(self._update)
        self.setMinimumWidth(500)
        self._check()

    def _name_problem(self) -> str | None:
        try:
            check_user_name(self.name.text())
        except ValidationError as exc:
            return exc.errors[0].message if exc.errors else str(exc)
        return None

    def _check(self) -> None:
        # A password holding the user's name (or full name) is weak: check it again.
        self.fields.set_user_name(self.name.text(), (self.full_name.text().strip(),))
        problem = self._name_problem() if self.name.text() else None
        self.name_error.setText(problem or "")
        self.name_error.setVisible(bool(problem))
        self._update()

    def _update(self) -> None:
        self.ok_button.setEnabled(not self._busy and self._name_problem() is None
                                  and self.fields.acceptable())

    def values(self) -> dict:
        return {"name": self.name.text().strip(), "role": self.role.currentData(),
                "clearance": self.clearance.currentData(), "password": self.fields.text(),
                "full_name": self.full_name.text().strip(),
                "one_time": self.one_time.isChecked()}

    def submit(self) -> None:
        if self._busy or not self.ok_button.isEnabled():
            return
        v = self.values()
        self._busy = True
        self._update()
        self.message.hide()

        def job(desk):
            return desk.users.add(v["name"], v["role"], v["clearance"], v["password"],
                                  v["full_name"], one_time=v["one_time"])

        self.runner.run(job, lambda _c: self._added(v["name"], v["one_time"]), self._failed)

    def _added(self, name: str, one_time: bool) -> None:
        self._busy = False
        self.added.emit(name, one_time)
        super().accept()

    def _failed(self, exc) -> None:
        self._busy = False
        self.message.setText(str(exc))
        self.message.show()
        self._update()

    def accept(self) -> None:
        self.submit()

    def reject(self) -> None:
        if not self._busy:
            super().reject()


class UsersBox(QGroupBox):
    """The users table and what an administrator does with them."""

    #: older backups were re-encrypted (the backups list may show them anew)
    backups_changed = Signal()
    _rekey_progress = Signal(int, int)

    def __init__(self, runner, user, parent: QWidget | None = None):
        super().__init__(self.tr("Users"), parent)
        self._runner = runner
        self._user = user
        self.add_dialog: AddUserDialog | None = None
        self.password_dialog: SetPasswordDialog | None = None
        self.progress: QProgressDialog | None = None
        self.rekey_result: dict | None = None
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("users_table")
        self.table.setHorizontalHeaderLabels([self.tr("User"), self.tr("Full name"),
                                              self.tr("Role"), self.tr("Clearance"),
                                              self.tr("Active")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        buttons = QHBoxLayout()
        self.buttons = {}
        for key, text, slot in (("add", self.tr("Add user…"), self.add_user),
                                ("role", self.tr("Role…"), self.change_role),
                                ("clearance", self.tr("Clearance…"), self.change_clearance),
                                ("password", self.tr("Set password…"), self.set_password),
                                ("disable", self.tr("Disable"), self.disable_user)):
            button = QPushButton(text)
            button.setObjectName(f"users_{key}")
            button.clicked.connect(slot)
            buttons.addWidget(button)
            self.buttons[key] = button
        buttons.addStretch(1)
        self.message = QLabel()
        self.message.setObjectName("users_message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self._rekey_progress.connect(self._show_rekey_progress)
        self.refresh()

    # -- the list -----------------------------------------------------------------------
    def refresh(self) -> None:
        self._runner.run(lambda desk: desk.users.list(), self._fill, self._error)

    def _fill(self, users) -> None:
        keep = self.selected(quiet=True)
        self.table.setRowCount(len(users))
        for row, u in enumerate(users):
            values = (u.name, u.full_name, role_label(u.role), level_label(u.clearance),
                      self.tr("Yes") if u.active else self.tr("No"))
            for col, value in enumerate(values):
                self.table.setItem(row, col, QTableWidgetItem(value))
            if u.name == keep:
                self.table.selectRow(row)

    def select(self, name: str) -> bool:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).text() == name:
                self.table.selectRow(row)
                return True
        return False

    def selected(self, quiet: bool = False) -> str | None:
        row = self.table.currentRow()
        if row < 0 or self.table.item(row, 0) is None:
            if not quiet:
                self._say(self.tr("Select a user first."))
            return None
        return self.table.item(row, 0).text()

    # -- messages -----------------------------------------------------------------------
    def _say(self, text: str) -> None:
        self.message.setStyleSheet("")
        self.message.setText(text)

    def _error(self, exc) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(str(exc))

    def _done(self, _changes) -> None:
        self._say(self.tr("Saved."))
        self.refresh()

    # -- adding -------------------------------------------------------------------------
    def add_user(self) -> AddUserDialog:
        dialog = AddUserDialog(self._runner, self)
        dialog.added.connect(self._added)
        dialog.finished.connect(dialog.deleteLater)
        self.add_dialog = dialog
        dialog.open()
        return dialog

    def _added(self, name: str, one_time: bool) -> None:
        if one_time:
            self._say(self.tr("%1 was added. Give them the password in person: it is a one-time "
                              "password, and they choose their own at their first login.")
                      .replace("%1", name))
        else:
            self._say(self.tr("%1 was added.").replace("%1", name))
        self.refresh()

    # -- changing -----------------------------------------------------------------------
    def _choose(self, title: str, items: list[tuple[str, object]]):
        labels = [text for text, _ in items]
        text, ok = QInputDialog.getItem(self, title, title, labels, 0, False)
        return dict(items)[text] if ok else None

    def change_role(self) -> None:
        name = self.selected()
        role = name and self._choose(self.tr("Role"), [(role_label(r), r) for r in ROLES])
        if role:
            self._runner.run(lambda desk: desk.users.update(name, role=role), self._done,
                             self._error)

    def change_clearance(self) -> None:
        name = self.selected()
        level = self._choose(self.tr("Clearance"), clearance_choices()) if name else None
        if level is not None:
            self._runner.run(lambda desk: desk.users.update(name, clearance=level), self._done,
                             self._error)

    def set_password(self) -> SetPasswordDialog | None:
        name = self.selected()
        if not name:
            return None
        own = name == self._user.name
        dialog = SetPasswordDialog(name, own, self)
        dialog.accepted.connect(lambda: self._run_set_password(name, dialog.password(), own))
        dialog.finished.connect(dialog.deleteLater)
        self.password_dialog = dialog
        dialog.open()
        return dialog

    def _run_set_password(self, name: str, password: str, own: bool) -> None:
        def done(_changes):
            if own:
                self._say(self.tr("Your password was changed."))
            else:
                self._say(self.tr("%1 has a one-time password now. Give it to them in person: "
                                  "they must choose their own at their next login.")
                          .replace("%1", name))
            self.refresh()
        self._runner.run(lambda desk: desk.users.set_password(name, password), done,
                         self._error)

    # -- disabling, and the backups made before ------------------------------------------
    def disable_user(self) -> None:
        name = self.selected()
        if name and QMessageBox.question(
                self, self.tr("Disable user"),
                self.tr("Disable %1? Their keys are taken away; they can no longer log in. The "
                        "database gets a new key.").replace("%1", name)) == \
                QMessageBox.StandardButton.Yes:
            self._runner.run(lambda desk: desk.users.disable(name),
                             lambda _c: self._disabled(name), self._error)

    def _disabled(self, name: str) -> None:
        self.refresh()
        self._say(self.tr("%1 was disabled.").replace("%1", name))
        answer = QMessageBox.question(
            self, self.tr("Re-encrypt older backups?"),
            self.tr("Backups made before now still open with %1's old password. Re-encrypt them "
                    "with the database's new key, so that old passwords no longer open them? "
                    "This may take a while with many backups.").replace("%1", name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes)
        if answer == QMessageBox.StandardButton.Yes:
            self.rekey_backups()
        else:
            self._say(self.tr("%1 was disabled. Older backups were not re-encrypted: they still "
                              "open with the old passwords.").replace("%1", name))

    def rekey_backups(self) -> None:
        """Re-encrypt the backups made before the last new file key, on the database thread."""
        from ..core import backup
        progress = QProgressDialog(self.tr("Re-encrypting older backups…"), "", 0, 0, self)
        progress.setObjectName("rekey_progress")
        progress.setWindowTitle(self.tr("Backups"))
        progress.setCancelButton(None)          # a set half re-encrypted is not left behind
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.show()
        self.progress = progress
        signal = self._rekey_progress

        def report(done: int, total: int) -> None:
            try:
                signal.emit(done, total)       # from the database thread: a queued signal
            except RuntimeError:               # the page was closed meanwhile
                pass

        # Older versions of rekey_sets report no progress: the dialog then just says "busy".
        takes_progress = "progress" in inspect.signature(backup.rekey_sets).parameters

        def job(desk):
            old = getattr(desk, "old_file_key", None)
            return backup.rekey_sets(desk, old_keys=[old] if old else [],
                                     **({"progress": report} if takes_progress else {}))

        run_for(self, self._runner, job, self._rekeyed, self._rekey_failed)

    def _show_rekey_progress(self, done: int, total: int) -> None:
        if self.progress is not None and total:
            self.progress.setMaximum(total)
            self.progress.setValue(done)
            self.progress.setLabelText(self.tr("Re-encrypting older backups… (%1 of %2)")
                                       .replace("%1", str(done + 1)).replace("%2", str(total)))

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _rekeyed(self, result: dict) -> None:
        self._close_progress()
        self.rekey_result = result
        text = self.tr("Re-encrypted %1 older backups; %2 already used the current key.") \
            .replace("%1", str(len(result.get("rekeyed", ())))) \
            .replace("%2", str(len(result.get("current", ()))))
        unopened = result.get("unopened") or []
        if unopened:
            text += " " + self.tr(
                "%1 could not be opened with the keys known here and still open with old "
                "passwords; delete them once you are sure you do not need them (or re-encrypt "
                "them on the command line with custdesk backup rekey): %2") \
                .replace("%1", str(len(unopened))).replace("%2", ", ".join(unopened))
            self._error(text)
        else:
            self._say(text)
        self.backups_changed.emit()

    def _rekey_failed(self, exc) -> None:
        self._close_progress()
        self._error(self.tr("The older backups were not re-encrypted: %1").replace("%1", str(exc)))

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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox, QDialog,
                               QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QMessageBox,
                               QProgressDialog, QPushButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from ..core.access import ROLES, role_label
from ..core.errors import ValidationError
from ..core.fields import DEFAULT_FIELD_LEVELS, LEVELS, level_label
from ..core.users import (DEFAULT_CLEARANCE, MIN_FILE_CLEARANCE, UserInfo, check_user_name,
                          clean_full_name, clearance_explained)
from .editor.jobs import run_for
from .passwords import ERROR_STYLE, HINT_STYLE, PasswordFields, SetPasswordDialog


def clearance_choices() -> list[tuple[str, int]]:
    """The clearances a user of a single-PC database may have: 公开 cannot hold its key."""
    return [(level_label(i), i) for i in range(MIN_FILE_CLEARANCE, len(LEVELS))]


class UserDialog(QDialog):
    """One dialog for a user: adding one (user name, display name, role, clearance, first
    password) or, given ``user``, changing their display name, role and clearance (the
    name stays; the password has a button of its own).

    The clearance offered first is core's ``DEFAULT_CLEARANCE``, the level new files get,
    and each clearance says what its holder will see with this database's field levels.
    Core's refusals appear beside the field they concern; the dialog stays open with
    everything typed. ``added`` (name, one_time) / ``saved`` (name) fire once core agreed.
    """

    added = Signal(str, bool)
    saved = Signal(str)

    def __init__(self, runner, parent: QWidget | None = None, user: UserInfo | None = None):
        super().__init__(parent)
        self.setObjectName("edit_user_dialog" if user else "add_user_dialog")
        self.runner = runner
        self.user = user
        self._busy = False
        self._field_levels: dict[str, int] | None = None
        self.setWindowTitle(self.tr("Change user %1").replace("%1", user.name) if user
                            else self.tr("Add user"))
        self.name = QLineEdit()
        self.name.setObjectName("user_name")
        self.name.setPlaceholderText(self.tr("e.g. zhaolei (for logging in)"))
        self.full_name = QLineEdit()
        self.full_name.setObjectName("full_name")
        self.full_name.setPlaceholderText(self.tr("e.g. Zhao Lei (shown in the window and on reports)"))
        self.role = QComboBox()
        self.role.setObjectName("role")
        for role in ROLES:
            self.role.addItem(role_label(role), role)
        self.role.setCurrentIndex(max(0, self.role.findData("clerk")))
        self.role_hint = _hint("role_hint")
        self.clearance = QComboBox()
        self.clearance.setObjectName("clearance")
        for text, level in clearance_choices():
            self.clearance.addItem(text, level)
        self.clearance.setCurrentIndex(max(0, self.clearance.findData(DEFAULT_CLEARANCE)))
        self.clearance_hint = _hint("clearance_hint")
        self.errors = {key: _error_label(f"{key}_error")
                       for key in ("user", "full_name", "role", "clearance", "password")}
        self.name_error = self.errors["user"]
        self.fields = None
        self.one_time = None
        form = self.form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        if user is not None:
            self.name.setText(user.name)
            self.name.setReadOnly(True)          # a user's name is for good (the audit log)
            self.name.setFrame(False)
            self.full_name.setText(user.full_name)
            self.role.setCurrentIndex(max(0, self.role.findData(user.role)))
            self.clearance.setCurrentIndex(max(0, self.clearance.findData(user.clearance)))
        # Each field with its hint and its error under it, in one cell: a wrapped label in
        # a row of its own would be given the height of a narrower form, leaving gaps.
        form.addRow(self.tr("User name:"), _stack(self.name, self.errors["user"]))
        form.addRow(self.tr("Display name:"), _stack(self.full_name, self.errors["full_name"]))
        form.addRow(self.tr("Role:"), _stack(self.role, self.role_hint, self.errors["role"]))
        form.addRow(self.tr("Clearance:"), _stack(self.clearance, self.clearance_hint,
                                                   self.errors["clearance"]))
        if user is None:
            self.fields = PasswordFields("", self)
            self.fields.add_rows(form)
            form.addRow("", self.errors["password"])
            self.one_time = QCheckBox(self.tr("They choose their own password at first login"))
            self.one_time.setObjectName("one_time")
            self.one_time.setChecked(True)
            self.one_time.setToolTip(self.tr(
                "Recommended: the password you set here is then a one-time password, and only "
                "they will know the one they choose."))
            form.addRow("", self.one_time)
        for label in self.errors.values():
            if form.indexOf(label) >= 0:
                form.setRowVisible(label, False)    # a hidden row takes no space
        self.message = QLabel()
        self.message.setObjectName("user_dialog_message")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Save") if user else self.tr("Add user"))
        self.ok_button.setDefault(True)           # Enter in any field accepts, Esc cancels
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._check)
        self.full_name.textChanged.connect(self._check)
        self.role.currentIndexChanged.connect(self._explain)
        self.clearance.currentIndexChanged.connect(self._explain)
        if self.fields is not None:
            self.fields.changed.connect(self._update)
            # Core's refusal of a password goes once the password is changed.
            self.fields.password.textEdited.connect(lambda _t: self._show_error("password", None))
        self.setMinimumWidth(560)
        self._check()
        self._explain()
        (self.full_name if user else self.name).setFocus()
        # The field levels are the database's (a manager may change them): read them once.
        run_for(self, runner, lambda desk: desk.access.field_levels(), self._got_levels,
                lambda _exc: None)

    # -- what the choices mean ----------------------------------------------------------
    def _got_levels(self, levels: dict[str, int]) -> None:
        self._field_levels = dict(levels)
        self._explain()

    def _explain(self) -> None:
        self.role_hint.setText(role_description(self.role.currentData()))
        level = self.clearance.currentData()
        levels = self._field_levels
        if levels is None:
            levels = {k: LEVELS.index(v) for k, v in DEFAULT_FIELD_LEVELS.items()}
        text = clearance_explained(level, levels, self.role.currentData())
        if self.user is not None and level < self.user.clearance:
            text += " " + self.tr("Lowering a clearance gives the levels above it new keys, "
                                  "which this user will not receive.")
        self.clearance_hint.setText(text)
        self._show_error("role", None)
        self._show_error("clearance", None)

    # -- checking as typed ---------------------------------------------------------------
    def _name_problem(self) -> str | None:
        if self.user is not None:
            return None
        try:
            check_user_name(self.name.text())
        except ValidationError as exc:
            return exc.errors[0].message if exc.errors else str(exc)
        return None

    def _full_name_problem(self) -> str | None:
        try:
            clean_full_name(self.full_name.text())
        except ValidationError as exc:
            return exc.errors[0].message if exc.errors else str(exc)
        return None

    def _check(self) -> None:
        if self.fields is not None:
            # A password holding the user's name (or display name) is weak: check it again.
            self.fields.set_user_name(self.name.text(), (self.full_name.text().strip(),))
        self._show_error("user", self._name_problem() if self.name.text() else None)
        self._show_error("full_name", self._full_name_problem())
        self._show_error("password", None)
        self._update()

    def _show_error(self, key: str, text: str | None) -> None:
        label = self.errors[key]
        label.setText(text or "")
        if self.form.indexOf(label) >= 0:
            self.form.setRowVisible(label, bool(text))
        label.setVisible(bool(text))

    def _update(self) -> None:
        ok = not self._busy and self._name_problem() is None and \
            self._full_name_problem() is None
        if self.fields is not None:
            ok = ok and self.fields.acceptable()
        self.ok_button.setEnabled(ok)

    def values(self) -> dict:
        out = {"name": self.name.text().strip(), "role": self.role.currentData(),
               "clearance": self.clearance.currentData(),
               "full_name": self.full_name.text().strip()}
        if self.fields is not None:
            out.update(password=self.fields.text(), one_time=self.one_time.isChecked())
        return out

    # -- saving ----------------------------------------------------------------------------
    def submit(self) -> None:
        if self._busy or not self.ok_button.isEnabled():
            return
        v = self.values()
        self._busy = True
        self._update()
        self.message.hide()
        if self.user is None:
            def job(desk):
                return desk.users.add(v["name"], v["role"], v["clearance"], v["password"],
                                      v["full_name"], one_time=v["one_time"])
            done = lambda _c: self._finish(self.added, v["name"], v["one_time"])  # noqa: E731
        else:
            def job(desk):
                return desk.users.update(v["name"], role=v["role"], clearance=v["clearance"],
                                         full_name=v["full_name"])
            done = lambda _c: self._finish(self.saved, v["name"])  # noqa: E731
        run_for(self, self.runner, job, done, self._failed)

    def _finish(self, signal, *args) -> None:
        self._busy = False
        signal.emit(*args)
        super().accept()

    def _failed(self, exc) -> None:
        """Core refused: say so beside the field concerned; everything typed stays."""
        self._busy = False
        placed = False
        for error in getattr(exc, "errors", ()) or ():
            key = error.field if error.field in self.errors else None
            if key == "password" and self.fields is None:
                key = None
            if key is not None:
                self._show_error(key, error.message)
                placed = True
        if not placed:
            self.message.setText(str(exc))
            self.message.show()
        self._update()
        focus = {"user": self.name, "full_name": self.full_name, "role": self.role,
                 "clearance": self.clearance}
        for key, widget in focus.items():
            if self.errors[key].isVisible():
                widget.setFocus()
                break
        else:
            if self.fields is not None and self.errors["password"].isVisible():
                self.fields.password.setFocus()

    def accept(self) -> None:
        self.submit()

    def reject(self) -> None:
        if not self._busy:
            super().reject()


def role_description(role: str) -> str:
    """What a role may do, in a sentence (core's permission table, access.PERMISSIONS)."""
    texts = {
        "clerk": QApplication.translate(
            "UserDialog", "Keeps customer files, grades customers and submits assessments; "
            "cannot approve them."),
        "reviewer": QApplication.translate(
            "UserDialog", "Approves or rejects submitted assessments and completes reviews; "
            "cannot change files."),
        "manager": QApplication.translate(
            "UserDialog", "Keeps files, grades and approves (never their own grading), changes "
            "settings and reads the audit log."),
        "admin": QApplication.translate(
            "UserDialog", "Everything a manager does, and manages users."),
        "auditor": QApplication.translate(
            "UserDialog", "Reads files and the audit log; changes nothing."),
    }
    return texts.get(role, "")


def _stack(*widgets: QWidget) -> QWidget:
    """Widgets one under the other, as one cell of a form (hidden ones take no room)."""
    cell = QWidget()
    column = QVBoxLayout(cell)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(3)
    for widget in widgets:
        column.addWidget(widget)
    return cell


def _hint(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    return label


def _error_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.hide()
    return label


class UsersBox(QGroupBox):
    """The users table and what an administrator does with them."""

    #: older backups were re-encrypted (the backups list may show them anew)
    backups_changed = Signal()
    _rekey_progress = Signal(int, int)

    def __init__(self, runner, user, parent: QWidget | None = None):
        super().__init__(self.tr("Users"), parent)
        self._runner = runner
        self._user = user
        self.add_dialog: UserDialog | None = None
        self.edit_dialog: UserDialog | None = None
        self.password_dialog: SetPasswordDialog | None = None
        self.progress: QProgressDialog | None = None
        self.rekey_result: dict | None = None
        self._users: dict[str, UserInfo] = {}
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("users_table")
        self.table.setHorizontalHeaderLabels([self.tr("User"), self.tr("Display name"),
                                              self.tr("Role"), self.tr("Clearance"),
                                              self.tr("Active")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.edit_user())
        buttons = QHBoxLayout()
        self.buttons = {}
        for key, text, slot in (("add", self.tr("Add user…"), self.add_user),
                                ("edit", self.tr("Change…"), self.edit_user),
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
        self._users = {u.name: u for u in users}
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
        # An explicit plain colour: clearing the style sheet would keep an error's red.
        self.message.setStyleSheet("color: palette(window-text);")
        self.message.setText(text)

    def _error(self, exc) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(str(exc))

    # -- adding -------------------------------------------------------------------------
    def add_user(self) -> UserDialog:
        dialog = UserDialog(self._runner, self)
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
    def edit_user(self) -> UserDialog | None:
        """Display name, role and clearance of the selected user, in the adding dialog."""
        name = self.selected()
        user = self._users.get(name) if name else None
        if user is None:
            return None
        if not user.active:
            self._say(self.tr("%1 is disabled.").replace("%1", name))
            return None
        dialog = UserDialog(self._runner, self, user)
        dialog.saved.connect(lambda who: (self._say(self.tr("%1 was changed.")
                                                    .replace("%1", who)), self.refresh()))
        dialog.finished.connect(dialog.deleteLater)
        self.edit_dialog = dialog
        dialog.open()
        return dialog

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

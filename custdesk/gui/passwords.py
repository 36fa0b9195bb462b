"""Choosing a password: two fields, core's reason shown as it is typed, and the dialogs
that use them (a user's own password after a one-time one; an administrator setting
someone's password).

Whether a password is strong enough is core's decision (``users.password_problem``, which
zxcvbn answers in a few milliseconds): the fields only show it, so the dialog and a later
refusal by core say the same thing.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QPushButton, QVBoxLayout, QWidget)

from ..core.users import password_problem

ERROR_STYLE = "color: #b00020;"
GOOD_STYLE = "color: #2e7d32;"
HINT_STYLE = "color: palette(dark);"


class PasswordFields(QObject):
    """A new password and its repetition, with live feedback under them.

    ``add_rows(form)`` puts them into a form; ``problem()`` is None when the password may be
    used. ``forbidden`` is a password that must not be chosen (the one-time password the
    user was given).
    """

    changed = Signal()

    def __init__(self, user_name: str = "", parent: QObject | None = None, *,
                 forbidden: str | None = None, extra: tuple[str, ...] = ()):
        super().__init__(parent)
        self.user_name = user_name
        self.forbidden = forbidden
        self.extra = tuple(extra)
        self.password = QLineEdit()
        self.password.setObjectName("new_password")
        self.confirm = QLineEdit()
        self.confirm.setObjectName("confirm_password")
        for edit in (self.password, self.confirm):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.textChanged.connect(self.update_feedback)
        self.feedback = QLabel()
        self.feedback.setObjectName("password_feedback")
        self.feedback.setWordWrap(True)
        self.update_feedback()

    def add_rows(self, form: QFormLayout) -> None:
        form.addRow(self.tr("New password:"), self.password)
        form.addRow(self.tr("Password again:"), self.confirm)
        form.addRow("", self.feedback)

    def set_user_name(self, name: str, extra: tuple[str, ...] | None = None) -> None:
        """Who the password is for (a password containing the name is weak)."""
        self.user_name = name
        if extra is not None:
            self.extra = tuple(extra)
        self.update_feedback()

    def text(self) -> str:
        return self.password.text()

    def strength_problem(self) -> str | None:
        """Core's reason the password is refused, or one of ours; None when it may be used."""
        password = self.password.text()
        problem = password_problem(password, self.user_name.strip() or None,
                                   tuple(x for x in self.extra if x))
        if problem:
            return problem
        if self.forbidden and password == self.forbidden:
            return self.tr("Choose a password of your own, not the one you were given.")
        return None

    def problem(self) -> str | None:
        return self.strength_problem() or (
            self.tr("The two passwords differ.")
            if self.confirm.text() != self.password.text() else None)

    def acceptable(self) -> bool:
        return self.problem() is None

    def update_feedback(self) -> None:
        password = self.password.text()
        if not password:
            self._say(self.tr("At least 8 characters. Several unrelated words are easy to "
                              "remember and hard to guess."), HINT_STYLE)
        elif (problem := self.strength_problem()) is not None:
            self._say(problem, ERROR_STYLE)
        elif self.confirm.text() and self.confirm.text() != password:
            self._say(self.tr("The two passwords differ."), ERROR_STYLE)
        elif not self.confirm.text():
            self._say(self.tr("Strong enough. Type it again below."), GOOD_STYLE)
        else:
            self._say(self.tr("Strong enough."), GOOD_STYLE)
        self.changed.emit()

    def _say(self, text: str, style: str) -> None:
        self.feedback.setStyleSheet(style)
        self.feedback.setText(text)

    def clear(self) -> None:
        self.password.clear()
        self.confirm.clear()


class SetPasswordDialog(QDialog):
    """A new password for ``name``: one's own, or (an administrator's) someone else's, which
    is a one-time password they must change at their next login. ``password()`` after OK."""

    def __init__(self, name: str, own: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("set_password_dialog")
        self.setWindowTitle(self.tr("Change your password") if own
                            else self.tr("Set a password for %1").replace("%1", name))
        self.fields = PasswordFields(name, self)
        self.note = QLabel(self.tr("Choose a new password for your account.") if own else self.tr(
            "This is a one-time password: give it to %1 in person. They must choose their own "
            "password when they next log in, and %1 gets new keys: anything they could read "
            "before stays readable to them.").replace("%1", name))
        self.note.setWordWrap(True)
        self.note.setObjectName("password_note")
        form = QFormLayout()
        self.fields.add_rows(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Set password"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.fields.changed.connect(lambda: self.ok_button.setEnabled(self.fields.acceptable()))
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.ok_button.setEnabled(False)
        self.setMinimumWidth(440)

    def password(self) -> str:
        return self.fields.text()

    def accept(self) -> None:
        if self.fields.acceptable():       # Enter in a field must not bypass the button
            super().accept()


class ChangePasswordDialog(QDialog):
    """After a login with a one-time password: the user chooses their own before the window
    opens. Saving runs ``desk.users.set_password`` on the database thread; Cancel (or Esc)
    means log out, which the caller does when the dialog is rejected."""

    def __init__(self, runner, user_name: str, one_time_password: str | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("change_password_dialog")
        self.runner = runner
        self.user_name = user_name
        self._busy = False
        self.setWindowTitle(self.tr("Choose your own password"))
        self.setModal(True)
        intro = QLabel(self.tr(
            "You logged in with a one-time password that an administrator gave you. Choose "
            "your own password now: only you will know it. custdesk opens once it is saved."))
        intro.setWordWrap(True)
        self.fields = PasswordFields(user_name, self, forbidden=one_time_password)
        who = QLabel(user_name)
        who.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.addRow(self.tr("User name:"), who)
        self.fields.add_rows(form)
        self.message = QLabel()
        self.message.setObjectName("change_password_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        self.buttons = QDialogButtonBox()
        self.save_button: QPushButton = self.buttons.addButton(
            self.tr("Save password"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.logout_button: QPushButton = self.buttons.addButton(
            self.tr("Log out"), QDialogButtonBox.ButtonRole.RejectRole)
        # AcceptRole would close the dialog at once: the save decides instead.
        self.save_button.clicked.connect(self.save)
        self.logout_button.clicked.connect(self.reject)
        self.save_button.setDefault(True)
        self.fields.changed.connect(self._update)
        self.fields.confirm.returnPressed.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self._update()
        self.fields.password.setFocus()
        runner.crashed.connect(self._on_crash)
        self.finished.connect(lambda _r: self._stop_watching())

    def _on_crash(self, exc: BaseException, _trace: str) -> None:
        if self._busy:
            self._failed(exc)

    def _stop_watching(self) -> None:
        try:
            self.runner.crashed.disconnect(self._on_crash)
        except (RuntimeError, TypeError):
            pass

    def _update(self) -> None:
        self.save_button.setEnabled(not self._busy and self.fields.acceptable())

    def save(self) -> None:
        if self._busy or not self.fields.acceptable():
            return
        password = self.fields.text()
        self._busy = True
        self._update()
        for edit in (self.fields.password, self.fields.confirm):
            edit.setEnabled(False)
        self.message.hide()
        self.runner.run(lambda desk: desk.users.set_password(desk.user.name, password),
                        lambda _changes: self._saved(), self._failed)

    def _saved(self) -> None:
        self._busy = False
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        for edit in (self.fields.password, self.fields.confirm):
            edit.setEnabled(True)
        self.message.setText(str(exc) or type(exc).__name__)
        self.message.show()
        self._update()

    def accept(self) -> None:
        self.save()

    def reject(self) -> None:
        if not self._busy:          # a save is running; it ends in a moment either way
            super().reject()

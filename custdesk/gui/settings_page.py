"""设置: language and idle lock for everyone; field levels for managers; users for admins."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFormLayout, QGroupBox, QHBoxLayout,
                               QInputDialog, QLabel, QLineEdit, QMessageBox, QPushButton, QSpinBox,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget, QHeaderView)

from ..core.access import ROLES, allowed, role_label
from ..core.fields import DEFAULT_FIELD_LEVELS, LEVELS, label, level_label
from . import translation

IDLE_DEFAULT_MINUTES = 5


def idle_minutes() -> int:
    return int(translation.settings().value("idle_minutes", IDLE_DEFAULT_MINUTES))


class SettingsPage(QWidget):
    idle_minutes_changed = Signal(int)

    def __init__(self, runner, user, parent=None):
        super().__init__(parent)
        self._runner = runner
        self._user = user
        title = QLabel(self.tr("Settings"))
        title.setProperty("role", "title")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self._general_box())
        if allowed(user.role, "settings.manage"):
            layout.addWidget(self._levels_box())
        if allowed(user.role, "user.manage"):
            layout.addWidget(self._users_box())
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        layout.addStretch(1)

    # -- everyone ---------------------------------------------------------------------
    def _general_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("This computer"))
        form = QFormLayout(box)
        self.language = QComboBox()
        for code, name in translation.LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(translation.chosen_language()))
        self.language.currentIndexChanged.connect(self._language_chosen)
        form.addRow(self.tr("Language"), self.language)
        self.idle = QSpinBox()
        self.idle.setRange(1, 120)
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setValue(idle_minutes())
        self.idle.valueChanged.connect(self._idle_chosen)
        form.addRow(self.tr("Lock after idle"), self.idle)
        return box

    def _language_chosen(self) -> None:
        translation.remember_language(self.language.currentData())
        self.message.setText(self.tr("The new language applies the next time custdesk starts."))

    def _idle_chosen(self, minutes: int) -> None:
        translation.settings().setValue("idle_minutes", minutes)
        self.idle_minutes_changed.emit(minutes)

    # -- managers -----------------------------------------------------------------------
    def _levels_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Sensitive fields: clearance needed to reveal"))
        form = QFormLayout(box)
        self.level_boxes = {}
        for key in DEFAULT_FIELD_LEVELS:
            combo = QComboBox()
            for index, _name in enumerate(LEVELS):
                combo.addItem(level_label(index), index)
            combo.activated.connect(lambda _i, k=key, c=combo: self._set_level(k, c.currentData()))
            self.level_boxes[key] = combo
            form.addRow(label(key), combo)
        self._runner.run(lambda desk: desk.access.field_levels(), self._show_levels, self._error)
        return box

    def _show_levels(self, levels: dict) -> None:
        for key, combo in self.level_boxes.items():
            combo.setCurrentIndex(combo.findData(levels.get(key, 0)))

    def _set_level(self, key: str, level: int) -> None:
        self._runner.run(lambda desk: desk.settings.set_field_level(key, level),
                         lambda _c: self.message.setText(self.tr("Saved.")), self._error)

    # -- admins ---------------------------------------------------------------------------
    def _users_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Users"))
        self.users = QTableWidget(0, 5)
        self.users.setHorizontalHeaderLabels([self.tr("User"), self.tr("Full name"), self.tr("Role"),
                                              self.tr("Clearance"), self.tr("Active")])
        self.users.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.users.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.users.setSelectionMode(QAbstractItemView.SingleSelection)
        self.users.verticalHeader().setVisible(False)
        self.users.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        buttons = QHBoxLayout()
        for text, slot in ((self.tr("Add user…"), self.add_user), (self.tr("Role…"), self.change_role),
                           (self.tr("Clearance…"), self.change_clearance),
                           (self.tr("Reset password…"), self.reset_password),
                           (self.tr("Disable"), self.disable_user)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(self.users)
        layout.addLayout(buttons)
        self.refresh_users()
        return box

    def refresh_users(self) -> None:
        self._runner.run(lambda desk: desk.users.list(), self._fill_users, self._error)

    def _fill_users(self, users) -> None:
        self.users.setRowCount(len(users))
        for row, u in enumerate(users):
            values = (u.name, u.full_name, role_label(u.role), level_label(u.clearance),
                      self.tr("Yes") if u.active else self.tr("No"))
            for col, value in enumerate(values):
                self.users.setItem(row, col, QTableWidgetItem(value))

    def _selected_user(self) -> str | None:
        row = self.users.currentRow()
        if row < 0:
            self.message.setText(self.tr("Select a user first."))
            return None
        return self.users.item(row, 0).text()

    def _done(self, _changes) -> None:
        self.message.setText(self.tr("Saved."))
        self.refresh_users()

    def _error(self, exc) -> None:
        self.message.setText(f'<span style="color:#c0392b">{exc}</span>')

    def _choose(self, title: str, items: list[tuple[str, object]]):
        labels = [text for text, _ in items]
        text, ok = QInputDialog.getItem(self, title, title, labels, 0, False)
        return dict(items)[text] if ok else None

    def _roles(self):
        return [(role_label(r), r) for r in ROLES]

    def _levels(self):
        return [(level_label(i), i) for i in range(len(LEVELS))]

    def add_user(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Add user"), self.tr("User name"))
        if not ok or not name.strip():
            return
        role = self._choose(self.tr("Role"), self._roles())
        if role is None:
            return
        level = self._choose(self.tr("Clearance"), self._levels())
        if level is None:
            return
        password = self._ask_password(name)
        if password:
            self._runner.run(lambda desk: desk.users.add(name.strip(), role, level, password),
                             self._done, self._error)

    def change_role(self) -> None:
        name = self._selected_user()
        role = name and self._choose(self.tr("Role"), self._roles())
        if role:
            self._runner.run(lambda desk: desk.users.update(name, role=role), self._done, self._error)

    def change_clearance(self) -> None:
        name = self._selected_user()
        level = self._choose(self.tr("Clearance"), self._levels()) if name else None
        if level is not None:
            self._runner.run(lambda desk: desk.users.update(name, clearance=level), self._done,
                             self._error)

    def reset_password(self) -> None:
        name = self._selected_user()
        password = name and self._ask_password(name)
        if password:
            self._runner.run(lambda desk: desk.users.set_password(name, password), self._done,
                             self._error)

    def disable_user(self) -> None:
        name = self._selected_user()
        if name and QMessageBox.question(
                self, self.tr("Disable user"),
                self.tr("Disable %1? Their key is destroyed; they can no longer log in.")
                .replace("%1", name)) == QMessageBox.Yes:
            self._runner.run(lambda desk: desk.users.disable(name), self._done, self._error)

    def _ask_password(self, name: str) -> str | None:
        first, ok = QInputDialog.getText(self, self.tr("Password"),
                                         self.tr("New password for %1").replace("%1", name),
                                         QLineEdit.Password)
        if not ok:
            return None
        again, ok = QInputDialog.getText(self, self.tr("Password"), self.tr("Again"),
                                         QLineEdit.Password)
        if not ok:
            return None
        if first != again:
            self._error(self.tr("The two passwords differ."))
            return None
        return first

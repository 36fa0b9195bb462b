"""设置: language and idle lock for everyone; field levels and scorecards for managers; users
for admins (``users_settings``)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QFormLayout, QFrame, QGroupBox, QHBoxLayout, QLabel,
                               QPushButton, QScrollArea, QSpinBox, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget, QHeaderView)

from ..core.access import allowed
from ..core.fields import DEFAULT_FIELD_LEVELS, LEVELS, choice_label, label, level_label
from ..core.grading.scorecards import copy_source
from . import translation
from .backup_settings import BackupBox
from .editor.jobs import list_table, run_for
from .grading.scorecard_dialog import ScorecardDialog
from .retention_settings import RetentionBox
from .review_settings import ReviewSettingsBox
from .users_settings import UsersBox

IDLE_DEFAULT_MINUTES = 5


def idle_minutes() -> int:
    return int(translation.settings().value("idle_minutes", IDLE_DEFAULT_MINUTES))


class SettingsPage(QWidget):
    idle_minutes_changed = Signal(int)

    def __init__(self, runner, user, parent=None):
        super().__init__(parent)
        self._runner = runner
        self._user = user
        self.scorecard_dialog: ScorecardDialog | None = None
        title = QLabel(self.tr("Settings"))
        title.setProperty("role", "title")
        # The boxes scroll: a manager's or administrator's page is taller than a laptop screen.
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(self._general_box())
        if allowed(user.role, "settings.manage"):
            layout.addWidget(self._levels_box())
            layout.addWidget(self._scorecards_box())
            self.review_settings = ReviewSettingsBox(runner)
            layout.addWidget(self.review_settings)
        if allowed(user.role, "backup.create"):
            # Everyone may back up (a clerk before trying something); the folder and
            # retention are shown to those who manage settings only.
            self.backups = BackupBox(runner, user)
            layout.addWidget(self.backups)
        if allowed(user.role, "privacy.manage"):
            self.retention = RetentionBox(runner)
            layout.addWidget(self.retention)
        if allowed(user.role, "user.manage"):
            self.users_box = UsersBox(runner, user)
            if hasattr(self, "backups"):
                self.users_box.backups_changed.connect(self.backups.refresh)
            layout.addWidget(self.users_box)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        self._scroll = scroll
        self.message = QLabel()
        self.message.setWordWrap(True)
        outer = QVBoxLayout(self)
        outer.addWidget(title)
        outer.addWidget(scroll, 1)
        outer.addWidget(self.message)

    def show_backups(self) -> None:
        """Scroll the backups box into view (文件 › 立即备份…)."""
        # The box's top at the top: it is taller than a laptop's page for a manager.
        self._scroll.verticalScrollBar().setValue(self.backups.y())

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
        # Said beside the choice: at the foot of a long page it was off-screen.
        self.language_note = QLabel()
        self.language_note.setObjectName("language_note")
        self.language_note.setWordWrap(True)
        self.language_note.hide()
        form.addRow("", self.language_note)
        self.idle = QSpinBox()
        self.idle.setRange(1, 120)
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setValue(idle_minutes())
        self.idle.valueChanged.connect(self._idle_chosen)
        form.addRow(self.tr("Lock after idle"), self.idle)
        return box

    def _language_chosen(self) -> None:
        translation.remember_language(self.language.currentData())
        self.language_note.setText(
            self.tr("The new language applies the next time custdesk starts."))
        self.language_note.show()

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

    # -- managers: scorecards -------------------------------------------------------------
    def _scorecards_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Scorecards"))
        self.scorecards = list_table(QTableWidget(0, 6))
        self.scorecards.setObjectName("scorecards_table")
        self.scorecards.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("Title"), self.tr("Version"), self.tr("Customer kind"),
            self.tr("Default"), self.tr("Built-in")])
        self.scorecards.horizontalHeader().setStretchLastSection(False)
        self.scorecards.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.scorecards.setMinimumHeight(130)
        self.scorecards.currentCellChanged.connect(lambda *_: self._scorecard_buttons())
        buttons = QHBoxLayout()
        self.scorecard_buttons = {}
        for key, text, slot in (
                ("view", self.tr("View"), self.view_scorecard),
                ("copy", self.tr("Copy and edit…"), self.copy_scorecard),
                ("version", self.tr("New version…"), self.new_scorecard_version),
                ("default", self.tr("Set as default"), self.set_default_scorecard)):
            button = QPushButton(text)
            button.setObjectName(f"scorecard_{key}")
            button.clicked.connect(slot)
            buttons.addWidget(button)
            self.scorecard_buttons[key] = button
        self.scorecard_buttons["version"].setToolTip(
            self.tr("Built-in scorecards are not changed: copy one to make your own."))
        buttons.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(self.scorecards)
        layout.addLayout(buttons)
        self._scorecard_rows: list[dict] = []
        self._runner.changed.connect(
            lambda changes: "settings" in changes and self.refresh_scorecards())
        self.refresh_scorecards()
        return box

    def refresh_scorecards(self) -> None:
        run_for(self, self._runner, lambda desk: desk.grading.library.list(),
                self._fill_scorecards, self._error)

    def _fill_scorecards(self, cards: list[dict]) -> None:
        keep = self._selected_scorecard(quiet=True)
        self._scorecard_rows = cards
        self.scorecards.setRowCount(len(cards))
        yes, no = self.tr("Yes"), self.tr("No")
        for row, card in enumerate(cards):
            values = (card["name"], card["title"], str(card["version"]), choice_label(card["kind"]),
                      yes if card["default"] else no, yes if card["builtin"] else no)
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                if col == 2:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.scorecards.setItem(row, col, item)
        names = [card["name"] for card in cards]
        if keep and keep["name"] in names:
            self.scorecards.setCurrentCell(names.index(keep["name"]), 0)
        self._scorecard_buttons()

    def _selected_scorecard(self, quiet: bool = False) -> dict | None:
        row = self.scorecards.currentRow()
        if 0 <= row < len(self._scorecard_rows):
            return self._scorecard_rows[row]
        if not quiet:
            self.message.setText(self.tr("Select a scorecard first."))
        return None

    def select_scorecard(self, name: str) -> bool:
        for row, card in enumerate(self._scorecard_rows):
            if card["name"] == name:
                self.scorecards.setCurrentCell(row, 0)
                return True
        return False

    def _scorecard_buttons(self) -> None:
        card = self._selected_scorecard(quiet=True)
        for key in ("view", "copy", "default"):
            self.scorecard_buttons[key].setEnabled(card is not None)
        self.scorecard_buttons["version"].setEnabled(card is not None and not card["builtin"])

    def _with_source(self, then) -> None:
        """Read the selected scorecard's latest text (on the runner), then ``then(card, text)``."""
        card = self._selected_scorecard()
        if card is not None:
            ref = f"{card['name']}@{card['version']}"
            run_for(self, self._runner, lambda desk: desk.grading.library.get(ref).source,
                    lambda source: then(card, source), self._error)

    def view_scorecard(self) -> None:
        self._with_source(lambda card, source: self._open_scorecard(
            source, self.tr("%1 version %2 (read-only)").replace("%1", card["name"])
            .replace("%2", str(card["version"])), read_only=True))

    def copy_scorecard(self) -> None:
        def open_copy(card, source):
            taken = {c["name"] for c in self._scorecard_rows}
            name, n = f"{card['name']}-copy", 2
            while name in taken:
                name, n = f"{card['name']}-copy-{n}", n + 1
            self._open_scorecard(copy_source(source, name, 1),
                                 self.tr("Copy of %1").replace("%1", card["name"]))
        self._with_source(open_copy)

    def new_scorecard_version(self) -> None:
        card = self._selected_scorecard()
        if card is None or card["builtin"]:
            return
        self._with_source(lambda card, source: self._open_scorecard(
            copy_source(source, card["name"], card["version"] + 1),
            self.tr("%1, new version %2").replace("%1", card["name"])
            .replace("%2", str(card["version"] + 1))))

    def _open_scorecard(self, source: str, title: str, read_only: bool = False) -> None:
        if self.scorecard_dialog is not None:
            self.scorecard_dialog.deleteLater()
        dialog = ScorecardDialog(self._runner, source, title, read_only, self)
        dialog.saved.connect(lambda name, version: self.message.setText(
            self.tr("Saved %1 version %2.").replace("%1", name).replace("%2", str(version))))
        self.scorecard_dialog = dialog
        dialog.open()   # window-modal, without a nested event loop

    def set_default_scorecard(self) -> None:
        card = self._selected_scorecard()
        if card is None:
            return
        kind, name = card["kind"], card["name"]
        run_for(self, self._runner, lambda desk: desk.grading.library.set_default(kind, name),
                lambda _changes: self.message.setText(
                    self.tr("%1 is now the default scorecard for %2 customers.")
                    .replace("%1", name).replace("%2", choice_label(kind))), self._error)

    # -- messages ---------------------------------------------------------------------------
    def _error(self, exc) -> None:
        self.message.setText(f'<span style="color:#c0392b">{exc}</span>')

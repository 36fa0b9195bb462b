"""设置: language and idle lock for everyone; field levels and scorecards for managers; users
for admins (``users_settings``)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QComboBox, QDialog, QFormLayout, QFrame, QGroupBox, QHBoxLayout,
                               QLabel,
                               QPushButton, QScrollArea, QSpinBox, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget, QHeaderView)

from ..core import i18n
from ..core.access import allowed
from ..core.fields import DEFAULT_FIELD_LEVELS, LEVELS, choice_label, label, level_label
from ..core.grading.scorecards import copy_source
from . import people, translation
from .backup_settings import BackupBox
from .editor.jobs import list_table, run_for
from .grading.approval_detail import local_time
from .grading.scorecard_decision import (DecisionDialog, decide, never_grades, not_held,
                                         status_label)
from .grading.scorecard_dialog import ScorecardDialog
from .outcome_settings import OutcomeSettingsBox
from .retention_settings import RetentionBox
from .review_settings import ReviewSettingsBox
from .users_settings import UsersBox

IDLE_DEFAULT_MINUTES = 5
# Settings › Scorecards: the latest version of each, its four-eyes status, the version in use.
(SC_NAME, SC_TITLE, SC_VERSION, SC_STATUS, SC_IN_USE, SC_KIND, SC_DEFAULT) = range(7)


#: a sentence (or a clause leading into what follows) ends with one of these
SENTENCE_ENDS = ("。", "：", "；", "！", "？", ".", ":", ";", "!", "?")


def joined(*parts: str) -> str:
    """Sentences one after the other: a space after a Latin full stop, none after a
    Chinese one. A part that does not end a sentence (a reason as someone typed it) is
    ended first, else the next sentence would read as part of it."""
    out = ""
    for part in filter(None, parts):
        if out and not out.endswith(SENTENCE_ENDS):
            out += "。" if i18n.language() == "zh" else "."
        out += ("" if not out or out.endswith(("。", "：", "；", "！", "？")) else " ") + part
    return out


def idle_minutes() -> int:
    return int(translation.settings().value("idle_minutes", IDLE_DEFAULT_MINUTES))


class SettingsPage(QWidget):
    idle_minutes_changed = Signal(int)

    def __init__(self, runner, user, parent=None):
        super().__init__(parent)
        self._runner = runner
        self._user = user
        self.scorecard_dialog: ScorecardDialog | None = None
        self.decision_dialog: DecisionDialog | None = None
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
        # What counts as a bad outcome: everyone reads it, managers change it.
        self.outcome_settings = OutcomeSettingsBox(runner, allowed(user.role, "settings.manage"))
        layout.addWidget(self.outcome_settings)
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
        self.scorecards = list_table(QTableWidget(0, 7))
        self.scorecards.setObjectName("scorecards_table")
        self.scorecards.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("Title"), self.tr("Latest version"), self.tr("Status"),
            self.tr("In use"), self.tr("Customer kind"), self.tr("Default")])
        self.scorecards.horizontalHeaderItem(SC_STATUS).setToolTip(self.tr(
            "The latest version's status: a manager's new version grades no one until a "
            "second manager or administrator approves it."))
        self.scorecards.horizontalHeaderItem(SC_IN_USE).setToolTip(self.tr(
            "The version that grades: the latest built-in or approved one."))
        self.scorecards.horizontalHeader().setStretchLastSection(False)
        self.scorecards.horizontalHeader().setSectionResizeMode(SC_TITLE, QHeaderView.Stretch)
        self.scorecards.setMinimumHeight(130)
        self.scorecards.currentCellChanged.connect(lambda *_: self._scorecard_buttons())
        buttons = QHBoxLayout()
        self.scorecard_buttons = {}
        for key, text, slot in (
                ("view", self.tr("View"), self.view_scorecard),
                ("copy", self.tr("Copy and edit…"), self.copy_scorecard),
                ("version", self.tr("New version…"), self.new_scorecard_version),
                ("default", self.tr("Set as default"), self.set_default_scorecard),
                ("approve", self.tr("Approve…"), self.approve_scorecard),
                ("reject", self.tr("Reject…"), self.reject_scorecard)):
            button = QPushButton(text)
            button.setObjectName(f"scorecard_{key}")
            button.clicked.connect(slot)
            buttons.addWidget(button)
            self.scorecard_buttons[key] = button
            if key == "default":
                buttons.addSpacing(16)      # deciding on a version is another matter
        self.scorecard_buttons["version"].setToolTip(
            self.tr("Built-in scorecards are not changed: copy one to make your own."))
        for key in ("approve", "reject"):
            self.scorecard_buttons[key].setToolTip(self.tr(
                "Four eyes: a version waiting for approval is decided by a manager or "
                "administrator other than the one who saved it."))
        buttons.addStretch(1)
        # Why the decision buttons are as they are, for the scorecard selected.
        self.scorecard_note = QLabel()
        self.scorecard_note.setObjectName("scorecard_note")
        self.scorecard_note.setWordWrap(True)
        self.scorecard_note.setTextFormat(Qt.TextFormat.PlainText)
        self.scorecard_note.setStyleSheet("color: #5b6b7c;")
        layout = QVBoxLayout(box)
        layout.addWidget(self.scorecards)
        layout.addLayout(buttons)
        layout.addWidget(self.scorecard_note)
        self._scorecard_rows: list[dict] = []
        self._runner.changed.connect(
            lambda changes: "settings" in changes and self.refresh_scorecards())
        self.refresh_scorecards()
        return box

    def refresh_scorecards(self) -> None:
        def job(desk):
            # Another manager's version saved since this session last read the signed log
            # is checked against the facts read now (else it reads as altered).
            desk.refresh()
            library = desk.grading.library
            cards = [dict(card, decision=library.decision(card["name"], card["version"]),
                          not_held=not_held(desk, f"{card['name']}@{card['version']}"))
                     for card in library.list()]
            return cards, desk.users.display_names()
        run_for(self, self._runner, job, self._fill_scorecards, self._error)

    def _fill_scorecards(self, loaded: tuple[list[dict], dict]) -> None:
        cards, names = loaded
        people.update(names)
        keep = self._selected_scorecard(quiet=True)
        self._scorecard_rows = cards
        self.scorecards.setRowCount(len(cards))
        yes, no = self.tr("Yes"), self.tr("No")
        for row, card in enumerate(cards):
            values = (card["name"], card["title"], str(card["version"]),
                      status_label(card["status"]),
                      str(card["in_use"]) if card["in_use"] else self.tr("none"),
                      choice_label(card["kind"]), yes if card["default"] else no)
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                if col in (SC_VERSION, SC_IN_USE):
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                if col == SC_STATUS:
                    item.setToolTip(self._status_text(card))
                    if card["status"] in ("pending", "rejected"):
                        item.setForeground(QColor("#ef6c00" if card["status"] == "pending"
                                                  else "#c0392b"))
                self.scorecards.setItem(row, col, item)
        names = [card["name"] for card in cards]
        if keep and keep["name"] in names:
            self.scorecards.setCurrentCell(names.index(keep["name"]), 0)
        self._scorecard_buttons()

    def _status_text(self, card: dict) -> str:
        """The latest version's status in a sentence: who saved or decided it, and when."""
        what = self.tr("Version %1").replace("%1", str(card["version"]))
        decision = card.get("decision") or {}
        by = people.shown(decision.get("decided_by"))
        at = local_time(decision.get("decided_at"))
        if card["status"] == "builtin":
            return self.tr("%1 is shipped with the program.").replace("%1", what)
        if card["status"] == "pending":
            text = self.tr("%1 was saved by %2 on %3 and waits for a second manager's "
                           "approval.").replace("%1", what) \
                .replace("%2", people.shown(card["created_by"])) \
                .replace("%3", local_time(card["created_at"]))
        elif card["status"] == "rejected":
            text = self.tr("%1 was rejected by %2 on %3: %4").replace("%1", what) \
                .replace("%2", by).replace("%3", at) \
                .replace("%4", decision.get("decision_reason") or "")
        elif decision:
            text = self.tr("%1 was approved by %2 on %3.").replace("%1", what) \
                .replace("%2", by).replace("%3", at)
            text = joined(text, decision.get("decision_reason") or "")
        else:
            text = self.tr("%1 is approved.").replace("%1", what)
        in_use = str(card["in_use"]) if card["in_use"] else None
        if card["status"] == "pending":
            text = joined(text, self.tr("Until then version %1 grades.").replace("%1", in_use)
                          if in_use else self.tr("No version of it grades anyone yet."))
        elif card["status"] == "rejected":
            text = joined(text, self.tr("Version %1 grades.").replace("%1", in_use)
                          if in_use else self.tr("No version of it grades anyone."))
        # Approved or not, a version reading a history file's own columns grades no one
        # (nor can it be the default): the note says why.
        return joined(text, never_grades(f"{card['name']}@{card['version']}",
                                         card.get("not_held")))

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

    def may_decide(self, card: dict | None) -> bool:
        """A version waiting for approval that someone else saved (four eyes; core refuses
        the author as well)."""
        return card is not None and card["status"] == "pending" \
            and card["created_by"] != self._user.name

    def _scorecard_buttons(self) -> None:
        card = self._selected_scorecard(quiet=True)
        for key in ("view", "copy"):
            self.scorecard_buttons[key].setEnabled(card is not None)
        self.scorecard_buttons["default"].setEnabled(card is not None and bool(card["in_use"]))
        self.scorecard_buttons["version"].setEnabled(card is not None and not card["builtin"])
        for key in ("approve", "reject"):
            self.scorecard_buttons[key].setEnabled(self.may_decide(card))
        note = self._status_text(card) if card else ""
        if card is not None and card["status"] == "pending" and not self.may_decide(card):
            note = joined(note, self.tr("You saved it: another manager or administrator "
                                        "must approve or reject it."))
        self.scorecard_note.setText(note)
        self.scorecard_note.setVisible(bool(note))

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

    # -- four eyes ----------------------------------------------------------------------------
    def approve_scorecard(self) -> None:
        self._decide_scorecard(True)

    def reject_scorecard(self) -> None:
        self._decide_scorecard(False)

    def _decide_scorecard(self, approve: bool) -> None:
        """Ask for the reason in a window-modal dialog; core decides when it is accepted."""
        card = self._selected_scorecard()
        if not self.may_decide(card):
            return
        if self.decision_dialog is not None:
            self.decision_dialog.deleteLater()
        dialog = DecisionDialog(approve, card, self)
        self.decision_dialog = dialog
        ref = f"{card['name']}@{card['version']}"
        what = self.tr("%1 version %2").replace("%1", card["name"]) \
            .replace("%2", str(card["version"]))
        unusable = never_grades(ref, card.get("not_held"))
        if approve and unusable:
            done = joined(self.tr("Approved %1.").replace("%1", what), unusable)
        else:
            done = (self.tr("Approved %1: it grades from now on.") if approve
                    else self.tr("Rejected %1.")).replace("%1", what)

        def decided(result: int) -> None:
            if result != QDialog.DialogCode.Accepted:
                return
            reason = dialog.reason()
            self.message.setText("")
            run_for(self, self._runner,
                    decide(ref, approve, reason),
                    lambda _changes: self.message.setText(done), self._error)
        dialog.finished.connect(decided)
        dialog.open()   # window-modal, without a nested event loop

    # -- messages ---------------------------------------------------------------------------
    def _error(self, exc) -> None:
        self.message.setText(f'<span style="color:#c0392b">{exc}</span>')

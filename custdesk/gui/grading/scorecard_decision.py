"""Four eyes on scorecards: a manager's new version grades no one until a second manager
or administrator approves it (core: ``grading.library.decide``).

``DecisionDialog`` asks for the reason (optional when approving, required when rejecting)
in Settings › Scorecards; ``ScorecardVersionView`` shows a waiting version on the approval
page: what it is, who saved it, what grades meanwhile, and how it differs from the version
before it.
"""

from __future__ import annotations

import difflib

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit,
                               QVBoxLayout, QWidget)

from ...core.fields import choice_label
from ...core.i18n import tr as core_text   # named apart from tr(): lupdate reads only Qt strings
from .. import people
from .approval_detail import local_time
from .breakdown import DASH


def status_label(status: str) -> str:
    """内置 / 已批准 / 待审批 / 已否决, as core names them."""
    return core_text(f"scorecard.status.{status}")


def decide(ref: str, approve: bool, reason: str):
    """The job deciding on a version (core refuses its author and a rejection without a
    reason). The signed log is read first: a version another manager saved since this
    session last looked is checked against what they signed, not taken for altered."""
    def job(desk):
        desk.refresh()
        return desk.grading.library.decide(ref, approve, reason)
    return job


def not_held(desk, ref: str) -> list[str]:
    """The columns version ``ref`` reads that custdesk does not hold (a history file's own).
    Such a version can be validated but never grades a customer, approved or not: what
    approving it means must say so."""
    return [f.input for f in desk.grading.library.get(ref).factors if f.custom]


def never_grades(ref: str, inputs: list[str] | None) -> str:
    """Core's sentence for a version that reads what custdesk does not hold ("" when it
    reads only what custdesk holds)."""
    if not inputs:
        return ""
    return core_text("scorecard.custom_inputs", ref=ref, inputs=", ".join(inputs))


def monospace(widget: QWidget) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPointSize(max(font.pointSize(), widget.font().pointSize()))
    return font


def changes_text(before: str, after: str) -> str:
    """The lines that differ between two texts of a scorecard, with a little context."""
    lines = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=1)
    return "\n".join(line for line in lines if not line.startswith(("---", "+++")))


class DecisionDialog(QDialog):
    """Approve or reject one scorecard version, with a reason. OK stays off for a rejection
    until a reason is written (core requires one as well). Ctrl+Enter is OK."""

    def __init__(self, approve: bool, card: dict, parent: QWidget | None = None):
        super().__init__(parent)
        self.approve = approve
        self.setObjectName("scorecard_decision")
        what = self.tr("%1 version %2").replace("%1", card["name"]) \
            .replace("%2", str(card["version"]))
        saved = self.tr("Saved by %1 on %2.").replace("%1", people.shown(card["created_by"])) \
            .replace("%2", local_time(card["created_at"]))
        unusable = never_grades(f"{card['name']}@{card['version']}", card.get("not_held"))
        if approve:
            self.setWindowTitle(self.tr("Approve scorecard"))
            if unusable:
                text = self.tr("Approve %1?").replace("%1", what) + "\n" + unusable
            else:
                text = self.tr("Approve %1? Once approved it grades %2 customers; assessments "
                               "already made keep the version they were made with.") \
                    .replace("%1", what).replace("%2", choice_label(card["kind"]))
            caption = self.tr("Reason (optional):")
        else:
            self.setWindowTitle(self.tr("Reject scorecard"))
            text = self.tr("Reject %1? A rejected version never grades anyone; the author may "
                           "save a new version.").replace("%1", what)
            caption = self.tr("Reason (required):")
        note = QLabel(f"{text}\n{saved}", self)
        note.setObjectName("decision_note")
        note.setWordWrap(True)
        label = QLabel(caption, self)
        self.edit = QPlainTextEdit(self)
        self.edit.setObjectName("decision_reason")
        self.edit.setTabChangesFocus(True)
        self.edit.setPlaceholderText(self.tr("Kept with the decision in the audit log"))
        label.setBuddy(self.edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, parent=self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("decision_ok")
        self.ok_button.setText(self.tr("Approve") if approve else self.tr("Reject"))
        self.ok_button.setToolTip(self.tr("Or press Ctrl+Enter in the reason"))
        self.edit.textChanged.connect(self._check)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.edit.installEventFilter(self)      # Ctrl+Enter in the reason is OK
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(label)
        layout.addWidget(self.edit, 1)
        layout.addWidget(buttons)
        self._check()
        self.resize(460, 260)

    def reason(self) -> str:
        return self.edit.toPlainText().strip()

    def _check(self) -> None:
        self.ok_button.setEnabled(self.approve or bool(self.reason()))

    def eventFilter(self, watched, event) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if self.ok_button.isEnabled():
                self.accept()
            return True
        return super().eventFilter(watched, event)


class ScorecardVersionView(QWidget):
    """A scorecard version waiting for a decision, as the approval page shows it."""

    FIELDS = ("title", "kind", "saved", "in_use")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("scorecard_version_view")
        captions = (self.tr("Title:"), self.tr("Customer kind:"), self.tr("Saved by:"),
                    self.tr("Grading until decided:"))
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        self.values: dict[str, QLabel] = {}
        for key, caption in zip(self.FIELDS, captions):
            value = QLabel(self)
            value.setObjectName(f"scorecard_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(caption, value)
            self.values[key] = value
        self.text_caption = QLabel(self)
        self.text_caption.setStyleSheet("color: #5b6b7c;")
        # A label, not an editor: the page scrolls as one, and the text is only read here.
        self.text = QLabel(self)
        self.text.setObjectName("scorecard_changes")
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.setFont(monospace(self))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addSpacing(6)
        layout.addWidget(self.text_caption)
        layout.addWidget(self.text)

    def clear(self, text: str) -> None:
        for value in self.values.values():
            value.setText(DASH)
        self.text_caption.setText(text)
        self.text.setText("")

    def show_version(self, version: dict) -> None:
        """``version``: the approval page's load (name, version, title, kind, created_by,
        created_at, source, previous source or None, in_use or None)."""
        self.values["title"].setText(version["title"])
        self.values["kind"].setText(choice_label(version["kind"]))
        self.values["saved"].setText(f"{people.shown(version['created_by']) or DASH} · "
                                     f"{local_time(version['created_at'])}")
        in_use = version["in_use"]
        self.values["in_use"].setText(
            self.tr("version %1").replace("%1", str(in_use)) if in_use
            else self.tr("none: no version of this scorecard may grade yet"))
        if version["previous"] is None:
            self.text_caption.setText(self.tr("The whole text (a new scorecard):"))
            self.text.setText(version["source"])
        else:
            self.text_caption.setText(self.tr("Changes from version %1 (- removed, + added):")
                                      .replace("%1", str(version["version"] - 1)))
            self.text.setText(changes_text(version["previous"], version["source"])
                              or self.tr("The text is the same as the version before."))

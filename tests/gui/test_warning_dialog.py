"""The warning dialog's buttons say what they do: the three handlings sit with the note they
store; leaving the window is a button of its own, named apart, and the default (Enter)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QPushButton

from custdesk.gui import editor  # noqa: F401  (first: the editor package imports the dialog)
from custdesk.gui.warning_dialog import WarningDialog
from tests.gui.conftest import call
from tests.gui.test_reviews_tab import T, settle, warned_file


def open_dialog(runner, qtbot) -> tuple[WarningDialog, str]:
    code = warned_file(runner, qtbot)
    (warning,) = [w for w in call(runner, qtbot, lambda d: d.warnings.list(code=code))
                  if w["rule"] == "payment_overdue"]
    dialog = WarningDialog(runner, warning, can_open_file=True)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=T):
        dialog.refresh()
    return dialog, code


def test_handling_and_leaving_are_apart_and_named_apart(runner, qtbot):
    dialog, _code = open_dialog(runner, qtbot)
    handling = dialog.findChild(QGroupBox, "warning_handling")
    handle = (dialog.acknowledge_button, dialog.action_button, dialog.close_button)
    assert all(handling.isAncestorOf(b) for b in handle) and handling.isAncestorOf(dialog.note)
    assert not handling.isAncestorOf(dialog.back_button)
    assert not handling.isAncestorOf(dialog.open_button)
    texts = [b.text() for b in dialog.findChildren(QPushButton)]
    assert len(texts) == len(set(texts))                    # no two buttons say the same
    assert dialog.close_button.text() == "Close the warning"
    assert dialog.back_button.text() == "Back"
    # No word of the way out is a word of a handling ("Done" read as "handled").
    words = {w.lower() for b in handle for w in b.text().split()}
    assert not words & {w.lower() for w in dialog.back_button.text().split()}
    assert dialog.back_button.isDefault()
    assert not any(b.isDefault() or b.autoDefault() for b in handle)


def test_enter_leaves_without_handling(runner, qtbot):
    dialog, code = open_dialog(runner, qtbot)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.note.setPlainText("客户已全额付款")
    dialog.back_button.setFocus()
    qtbot.keyClick(dialog.back_button, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    settle(runner, qtbot)
    stored = {w["rule"]: w["status"]
              for w in call(runner, qtbot, lambda d: d.warnings.list(code=code))}
    assert stored["payment_overdue"] == "open"


def test_the_day_raised_reads_as_a_person_says_it(runner, qtbot):
    from tests.gui.test_reviews_tab import at
    dialog, _code = open_dialog(runner, qtbot)                     # raised on 2026-11-22
    shown = []
    for day in ("2026-11-22", "2026-11-23", "2026-11-25"):
        at(day)
        dialog._show(dialog.warning, [])
        shown.append(dialog.values["raised"].text())
    assert shown == ["2026-11-22 (today)", "2026-11-22 (yesterday)", "2026-11-22 (3 days ago)"]

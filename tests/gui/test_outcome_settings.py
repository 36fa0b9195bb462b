"""设置 › 不良结果认定: everyone reads what counts as a bad outcome; a manager changes the
window and the days past due (audited); a value out of range is refused beside its field."""

from __future__ import annotations

from PySide6.QtCore import Qt

from custdesk.core import i18n
from custdesk.core.outcomes import definition
from tests.gui.conftest import call, settings_page

T = 10_000


def press_save(runner, qtbot, box) -> None:
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: runner.pending == 0 and box.save_button.isEnabled(), timeout=T)


def test_a_manager_changes_the_window_and_it_is_audited(make_runner, qtbot):
    runner = make_runner("manager")
    page = settings_page(runner, qtbot)
    box = page.outcome_settings
    assert box.title() == "Bad outcomes"
    assert (box.spins["window_months"].value(), box.spins["overdue_days"].value()) == (12, 90)
    assert box.definition.text() == definition(90) and box.definition.wordWrap()
    assert box.save_button.isEnabled() and not box.save_button.isHidden()
    assert box.read_only_note.isHidden()

    box.spins["window_months"].setValue(24)
    box.spins["overdue_days"].setValue(60)
    press_save(runner, qtbot, box)
    assert box.message.text().startswith("Saved")
    window = call(runner, qtbot, lambda d: d.outcomes.window())
    assert (window.months, window.overdue_days) == (24, 60)
    # The runner announced the change: the definition now names the new days.
    qtbot.waitUntil(lambda: box.definition.text() == definition(60), timeout=T)
    audited = {e["object"]: e["summary"] for e in call(
        runner, qtbot, lambda d: d.audit.entries(where="action = 'settings.set'"))}
    assert audited["outcome.window_months"] == {"before": None, "after": "24"}
    assert audited["outcome.overdue_days"] == {"before": None, "after": "60"}

    again = settings_page(runner, qtbot)                            # what is stored is shown
    spins = again.outcome_settings.spins
    assert (spins["window_months"].value(), spins["overdue_days"].value()) == (24, 60)


def test_out_of_range_is_refused_beside_the_field(make_runner, qtbot):
    runner = make_runner("manager")
    page = settings_page(runner, qtbot)
    box = page.outcome_settings
    box.spins["window_months"].setValue(48)
    box.spins["overdue_days"].setValue(20)
    press_save(runner, qtbot, box)
    months, days = box.errors["window_months"], box.errors["overdue_days"]
    assert not months.isHidden() and months.text() == i18n.tr("outcome.window_range", low=3, high=36)
    assert not days.isHidden() and days.text() == i18n.tr("outcome.days_range", low=30, high=180)
    assert not box.message.text().startswith("Saved")
    window = call(runner, qtbot, lambda d: d.outcomes.window())
    assert (window.months, window.overdue_days) == (12, 90)           # nothing was stored
    box.spins["window_months"].setValue(36)                          # the message goes
    assert months.isHidden() and not days.isHidden()


def test_others_read_it_without_changing_it(make_runner, qtbot):
    boss = make_runner("boss")
    call(boss, qtbot, lambda d: d.outcomes.set_window(months=6))
    for user in ("clerk", "reviewer", "auditor"):
        runner = make_runner(user)
        page = settings_page(runner, qtbot)
        box = page.outcome_settings
        assert box.spins["window_months"].value() == 6, user
        assert all(spin.isReadOnly() for spin in box.spins.values()), user
        assert box.save_button.isHidden() and not box.read_only_note.isHidden(), user
        box.save()                                                   # nothing is sent
        assert runner.pending == 0 and box.message.text() == ""


def test_enter_in_a_field_saves_as_the_button_does(make_runner, qtbot):
    """A manager types a value and presses Enter: it is kept, as Save would keep it; Enter
    while Save cannot be pressed does nothing."""
    runner = make_runner("manager")
    page = settings_page(runner, qtbot)
    box = page.outcome_settings
    spin = box.spins["window_months"]
    spin.setValue(18)
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: runner.pending == 0 and box.save_button.isEnabled(), timeout=T)
    assert box.message.text().startswith("Saved")
    assert call(runner, qtbot, lambda d: d.outcomes.window()).months == 18
    box.save_button.setEnabled(False)                    # a save under way
    spin.setValue(24)
    qtbot.keyClick(spin, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert runner.pending == 0
    assert call(runner, qtbot, lambda d: d.outcomes.window()).months == 18

"""设置 › 复审与预警: managers change the review policy and switch warning rules; every file's
due date follows; others do not see the section."""

from __future__ import annotations

import datetime

from PySide6.QtCore import Qt

from custdesk.core import clock
from custdesk.core.warnings import RULE_KEYS, rule_label
from tests.gui.conftest import call, settings_page

T = 10_000


def test_the_policy_and_rules_are_shown_and_saved(runner, qtbot):
    clock.set_fixed(datetime.datetime(2026, 11, 1, 2, tzinfo=datetime.timezone.utc))
    code = call(runner, qtbot, lambda d: d.customers.add({"kind": "individual", "name": "张伟"})).code
    page = settings_page(runner, qtbot)
    box = page.review_settings
    assert {key: spin.value() for key, spin in box.spins.items()} == {
        "review.cycle.high": 3, "review.cycle.medium": 6, "review.cycle.low": 12,
        "review.unrated_days": 30, "review.triggered_days": 7, "review.snooze_days": 30,
        "review.snooze_limit": 2, "review.hold_days": 30}
    assert list(box.rule_boxes) == list(RULE_KEYS)
    assert all(b.isChecked() for b in box.rule_boxes.values())
    assert box.rule_boxes["complaints"].text() == rule_label("complaints") == "投诉频繁"
    assert box.spins["review.cycle.high"].maximum() == 60
    assert box.save_button.isEnabled()

    box.spins["review.cycle.high"].setValue(2)
    box.spins["review.unrated_days"].setValue(20)
    box.spins["review.snooze_limit"].setValue(3)
    box.rule_boxes["complaints"].setChecked(False)
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: runner.pending == 0 and box.save_button.isEnabled(), timeout=T)
    assert box.message.text().startswith("Saved")
    policy = call(runner, qtbot, lambda d: d.reviews.policy())
    assert (policy.cycles["high"], policy.unrated_days, policy.snooze_limit) == (2, 20, 3)
    assert policy.cycles["low"] == 12
    enabled = call(runner, qtbot, lambda d: [r.key for r in d.warnings.enabled_rules()])
    assert enabled == [k for k in RULE_KEYS if k != "complaints"]
    assert call(runner, qtbot, lambda d: d.settings.get("warning.complaints.enabled")) == "0"
    # Every file's due date follows: first grading 20 days after opening.
    assert call(runner, qtbot, lambda d: d.reviews.state(code))["due_date"] == "2026-11-21"

    again = settings_page(runner, qtbot).review_settings        # what is stored is shown
    assert again.spins["review.unrated_days"].value() == 20
    assert not again.rule_boxes["complaints"].isChecked()


def test_only_managers_see_the_section(make_runner, qtbot):
    for user, sees in (("clerk", False), ("reviewer", False), ("manager", True)):
        runner = make_runner(user)
        page = settings_page(runner, qtbot)
        assert hasattr(page, "review_settings") is sees, user


def test_enter_in_a_field_saves_the_policy(runner, qtbot):
    box = settings_page(runner, qtbot).review_settings
    spin = box.spins["review.snooze_days"]
    spin.setValue(45)
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: runner.pending == 0 and box.message.text().startswith("Saved"),
                    timeout=T)
    assert call(runner, qtbot, lambda d: d.reviews.policy()).snooze_days == 45

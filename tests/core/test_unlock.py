"""Desk.verify_password: unlocking an idle-locked window, with the login back-off and audit."""

from __future__ import annotations

from datetime import timedelta

import pytest

from custdesk.core import clock
from custdesk.core.desk import Desk
from custdesk.core.errors import LoginThrottled
from custdesk.core.store.keyslots import KeySlots
from tests.conftest import ADMIN_PW  # noqa: E402


def actions(desk) -> list[tuple[str, str]]:
    return desk.db.execute("SELECT action, user FROM audit_log WHERE action LIKE 'unlock%' "
                           "OR action LIKE 'login%' ORDER BY seq").fetchall()


def test_right_and_wrong_passwords_are_told_apart_and_audited(open_as):
    clerk = open_as("clerk")
    assert clerk.verify_password("not-the-password") is False
    assert clerk.verify_password("clerk-password") is True
    assert actions(clerk)[-2:] == [("unlock.failed", "clerk"), ("unlock", "clerk")]


@pytest.mark.single_pc("the slot file's login back-off; an office server refuses wrong passwords itself")
def test_failures_share_the_login_backoff_and_success_clears_it(open_as, db_path):
    start = clock.now()
    clock.set_fixed(start)
    clerk = open_as("clerk")
    for _ in range(3):
        assert clerk.verify_password("guess") is False
    assert KeySlots.load(db_path).failures("clerk")["count"] == 3
    with pytest.raises(LoginThrottled) as err:
        clerk.verify_password("clerk-password")       # even the right one must wait
    assert err.value.seconds == 5
    with pytest.raises(LoginThrottled):                # and so must a login elsewhere
        Desk.open(db_path, "clerk", "clerk-password")
    clock.set_fixed(start + timedelta(seconds=6))
    assert clerk.verify_password("clerk-password") is True
    assert KeySlots.load(db_path).failures("clerk")["count"] == 0
    # Three failures and one success, each audited once (the throttled tries are not attempts).
    assert [a for a, _ in actions(clerk) if a.startswith("unlock")] == ["unlock.failed"] * 3 + ["unlock"]


@pytest.mark.single_pc("the slot file's login back-off; an office server refuses wrong passwords itself")
def test_failed_unlocks_are_not_logged_again_as_failed_logins(open_as, db_path):
    boss = open_as("boss")
    boss.verify_password("wrong-password")
    assert KeySlots.load(db_path).data["pending_failures"] == []
    boss.close()
    with Desk.open(db_path, "boss", ADMIN_PW) as again:
        logged = actions(again)
        assert again.audit.verify().ok
    assert ("login.failed", "boss") not in logged
    assert logged.count(("unlock.failed", "boss")) == 1
    assert logged[-1] == ("login", "boss")

"""The Argon2 policy: the tests run with small parameters by patching it (conftest), the
program has no switch of its own; under the production policy a slot made with weaker
parameters is named by ``check`` and remade at its owner's next login."""

from __future__ import annotations

from pathlib import Path

from custdesk.core import integrity
from custdesk.core.desk import Desk
from custdesk.core.store import keyslots
from tests import cheap_kdf
from tests.conftest import ADMIN, ADMIN_PW

ROOT = Path(__file__).resolve().parents[2]


def test_the_tests_run_with_the_cheap_policy_and_production_is_stronger():
    assert keyslots.kdf_params() == cheap_kdf.CHEAP
    assert cheap_kdf.PRODUCTION["memory_cost"] >= 262144 and cheap_kdf.PRODUCTION["time_cost"] >= 3


def test_the_program_has_no_test_switch_for_its_key_derivation():
    for source in (ROOT / "custdesk").rglob("*.py"):
        text = source.read_text("utf-8")
        assert "INSECURE" not in text and "TEST_KDF" not in text, source


def test_a_weak_slot_is_named_then_remade_with_production_parameters(db_path, production_kdf):
    assert keyslots.below_policy(keyslots.KeySlots.load(db_path).kdf_of(ADMIN))
    desk = Desk.open(db_path, ADMIN, ADMIN_PW)      # the login remakes the admin's slot
    try:
        kdf = keyslots.KeySlots.load(db_path).kdf_of(ADMIN)
        assert {k: kdf[k] for k in production_kdf} == production_kdf
        weak = [f for f in integrity.check(desk) if f.key == "integrity.weak_slots"]
        # The other test users have not logged in since: still named; the admin is not.
        named = weak[0].params["users"].split(", ")
        assert "clerk" in named and ADMIN not in named
    finally:
        desk.close()
    with Desk.open(db_path, ADMIN, ADMIN_PW) as again:      # the new slot opens
        assert again.user.name == ADMIN

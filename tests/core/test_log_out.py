"""Logging out (switching user): audited, the database closed, the session's keys dropped."""

from __future__ import annotations

import gc

from custdesk.core.desk import Desk
from custdesk.core.keys.keyring import LevelKey
from custdesk.core.store.keyslots import Personal
from tests.conftest import PASSWORDS


def held_by(user_sign_seed: bytes) -> list:
    return [o for o in gc.get_objects()
            if isinstance(o, Personal) and o.sign_seed == user_sign_seed]


def test_log_out_is_audited_and_drops_the_keys(db_target, open_as):
    reviewer = Desk.open(db_target, "reviewer", PASSWORDS["reviewer"])
    seed = reviewer.personal.sign_seed
    level_keys = {id(k) for levels in reviewer.keys.secrets.values() for k in levels.values()}
    assert level_keys and held_by(seed)
    reviewer.log_out()
    assert reviewer.keys.personal is None and reviewer.keys.file_key is None
    assert not reviewer.keys.secrets
    del reviewer
    gc.collect()
    assert not held_by(seed)
    assert not [o for o in gc.get_objects() if isinstance(o, LevelKey) and id(o) in level_keys]

    boss = open_as("boss")
    entries = boss.audit.entries(where="user = 'reviewer'")
    assert [e["action"] for e in entries][:2] == ["logout", "login"]
    assert boss.audit.verify().ok

"""Small Argon2 parameters for the tests' thousands of logins, set by patching the policy.

Production code has no switch for this: ``tests/conftest.py`` patches the policy for the
test process, and every program the tests start (tests/faults/worker.py, tests/cli_main.py)
calls ``install()`` before it opens a database. Tests of the production parameters use the
``production_kdf`` fixture.
"""

from __future__ import annotations

from custdesk.core.store import keyslots

PRODUCTION = dict(keyslots.ARGON2)
CHEAP = {"time_cost": 1, "memory_cost": 8192, "parallelism": 1}


def install() -> None:
    """For a process of its own (a worker): the cheap policy for the rest of its life."""
    keyslots.ARGON2 = dict(CHEAP)

"""A program that imports into, or holds a write on, a custdesk database; tests/faults runs it.

    python worker.py DB_PATH USER MODE [ARGS...]

The password comes from CUSTDESK_PASSWORD. The worker opens the desk, prints ``ready``
and then:

* ``import CSV``: imports the customer file CSV (all or nothing), prints ``done``.
  Meant to be killed part-way.
* ``hold NAME``: inside one write transaction adds the customer NAME, prints
  ``holding`` and waits for a line on stdin before it commits; prints ``done``.

(The other writers are tests/core/fault_worker.py and tests/core/backup_worker.py.)
"""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from custdesk.core.desk import Desk  # noqa: E402


def say(word: str) -> None:
    sys.stdout.write(word + "\n")
    sys.stdout.flush()


def main(argv: list[str]) -> int:
    path, user, mode, *args = argv
    desk = Desk.open(path, user, os.environ["CUSTDESK_PASSWORD"], daily_check=False)
    try:
        if mode == "import":
            from custdesk.core.importing import import_file
            from custdesk.core.importing.keys import keys_for
            keys_for([("客户", None, "individual")])    # pinyin tables loaded before "ready"
            say("ready")
            import_file(desk, "customers", args[0])
        elif mode == "hold":
            say("ready")
            with desk.writing():
                desk.customers.add({"kind": "individual", "name": args[0]})
                say("holding")
                sys.stdin.readline()
        else:
            raise SystemExit(f"unknown mode {mode!r}")
        say("done")
    finally:
        desk.close()
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except SystemExit:
        raise
    except BaseException:
        traceback.print_exc()
        sys.exit(1)

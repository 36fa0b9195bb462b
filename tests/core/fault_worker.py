"""A small program that writes to a custdesk database; tests/core/test_faults.py runs it.

    python fault_worker.py DB_PATH USER MODE [ARGS...]

The password comes from the environment (CUSTDESK_PASSWORD), never the command line.
The worker opens the desk, prints ``ready`` on stdout and then:

* ``churn [PREFIX]``: writes until it is killed: adds an individual customer
  (``客户{PREFIX}{n}``), a transaction and a communication for it, and edits a
  customer's notes, over and over. Every step is one core call, i.e. one
  BEGIN IMMEDIATE transaction. Meant to be stopped with SIGKILL.
* ``add COUNT PREFIX``: waits for a ``go`` line on stdin (so that two workers
  start together), adds COUNT customers named ``客户{PREFIX}{i}``, prints
  ``done`` and exits.
* ``notes COUNT CODE TAG``: waits for ``go``, then COUNT times reads customer
  CODE's notes and writes them back with one line ``TAG-{i}`` appended, the
  read and the write inside one ``desk.writing()`` transaction, with an audit
  entry; prints ``done`` and exits.

Any error goes to stderr with a traceback and exit status 1.
"""

from __future__ import annotations

import os
import random
import sys
import traceback
from pathlib import Path

# Run as a script from anywhere: make the project importable.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from custdesk.core.desk import Desk  # noqa: E402


def say(word: str) -> None:
    sys.stdout.write(word + "\n")
    sys.stdout.flush()


def wait_for_go() -> None:
    line = sys.stdin.readline()
    if line.strip() != "go":
        raise SystemExit(f"expected 'go' on stdin, got {line!r}")


def churn(desk: Desk, prefix: str) -> None:
    codes: list[str] = []
    pick = random.Random(os.getpid())
    n = 0
    while True:
        n += 1
        code = desk.customers.add({"kind": "individual", "name": f"客户{prefix}{n}",
                                   "tier": ("vip", "key", "normal")[n % 3]}).code
        codes.append(code)
        desk.records.add(code, "transactions", {
            "kind": "invoice" if n % 2 else "payment", "ref_no": f"INV-{os.getpid()}-{n}",
            "occurred_on": "2024-05-01", "amount": f"{1000 + n}.50"})
        desk.records.add(code, "communications", {
            "occurred_on": "2024-05-02", "channel": "phone", "summary": f"第{n}次电话沟通"})
        # Edit an earlier file too, so an edit can be cut as well as an insert.
        target = pick.choice(codes)
        desk.customers.edit(target, {"notes": f"第{n}次修改"})


def add(desk: Desk, count: int, prefix: str) -> None:
    wait_for_go()
    for i in range(1, count + 1):
        desk.customers.add({"kind": "individual", "name": f"客户{prefix}{i}"})
    say("done")


def notes(desk: Desk, count: int, code: str, tag: str) -> None:
    wait_for_go()
    for i in range(1, count + 1):
        with desk.writing():
            row = desk.db.execute("SELECT id, notes FROM customers WHERE code = ?",
                                  [code]).fetchone()
            before = row[1] or ""
            after = before + f"{tag}-{i}\n"
            desk.store.update("customers", "id = ?", [row[0]], {"notes": after})
            desk.audit.append("customer.edit", code, customer=code,
                              summary={"notes": {"appended": f"{tag}-{i}"}})
    say("done")


def main(argv: list[str]) -> int:
    if len(argv) < 3:
        sys.stderr.write(__doc__ or "")
        return 2
    path, user, mode, *args = argv
    password = os.environ.get("CUSTDESK_PASSWORD")
    if not password:
        sys.stderr.write("CUSTDESK_PASSWORD is not set\n")
        return 2
    desk = Desk.open(path, user, password)
    try:
        # Load the pinyin tables now, so that what follows "ready" is writing.
        from custdesk.core.customers import search
        search.pinyin_keys("客户")
        say("ready")
        if mode == "churn":
            churn(desk, args[0] if args else "")
        elif mode == "add":
            add(desk, int(args[0]), args[1])
        elif mode == "notes":
            notes(desk, int(args[0]), args[1], args[2])
        else:
            sys.stderr.write(f"unknown mode {mode!r}\n")
            return 2
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
        sys.stderr.flush()
        sys.exit(1)

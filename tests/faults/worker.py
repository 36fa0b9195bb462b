"""The one program the fault tests start: it writes to a custdesk database until it is done
or killed.

    python worker.py DB_PATH USER MODE [ARGS...]

The password comes from CUSTDESK_PASSWORD, never the command line. The worker uses the
tests' small Argon2 parameters (tests/cheap_kdf.py), opens the desk, prints ``ready`` and
then runs MODE. Every operation that is killed by the tests prints ``done`` when it has
finished; given ``pause`` as its last argument it stops inside its work instead (inside the
write transaction, or with the backup half made), prints ``middle`` and waits for a line
on stdin, so that a kill can land there on any machine:

* ``churn STEPS PREFIX [pause]``: STEPS times adds an individual customer
  (``客户{PREFIX}{n}``), a transaction and a communication for it, and edits an earlier
  file's notes; each step is one core call, i.e. one BEGIN IMMEDIATE transaction.
* ``import CSV [pause]``: imports the customer file CSV (all or nothing).
* ``backup FOLDER [pause]``: makes one backup set in FOLDER (no pruning).
* ``hold NAME``: inside one write transaction adds the customer NAME, prints ``holding``
  and waits for a line on stdin before it commits.
* ``add COUNT PREFIX``: waits for ``go`` (so that two workers start together), adds COUNT
  customers named ``客户{PREFIX}{i}``.
* ``notes COUNT CODE TAG``: waits for ``go``, then COUNT times reads customer CODE's notes
  and writes them back with one line ``TAG-{i}`` appended, read and write inside one
  ``desk.writing()`` transaction with an audit entry.

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

from tests import cheap_kdf  # noqa: E402

cheap_kdf.install()

from custdesk.core.desk import Desk  # noqa: E402


def say(word: str) -> None:
    sys.stdout.write(word + "\n")
    sys.stdout.flush()


def expect(word: str) -> None:
    line = sys.stdin.readline()
    if line.strip() != word:
        raise SystemExit(f"expected {word!r} on stdin, got {line!r}")


def pause_here() -> None:
    """Stop where the test wants the kill: say so and wait (the test kills us meanwhile)."""
    say("middle")
    sys.stdin.readline()


def churn(desk: Desk, steps: int, prefix: str, pause: bool) -> None:
    codes: list[str] = []
    pick = random.Random(os.getpid())
    for n in range(1, steps + 1):
        fields = {"kind": "individual", "name": f"客户{prefix}{n}",
                  "tier": ("vip", "key", "normal")[n % 3]}
        if pause and n == steps // 2 + 1:
            with desk.writing():               # the add is inside this open transaction
                code = desk.customers.add(fields).code
                pause_here()
        else:
            code = desk.customers.add(fields).code
        codes.append(code)
        desk.records.add(code, "transactions", {
            "kind": "invoice" if n % 2 else "payment", "ref_no": f"INV-{os.getpid()}-{n}",
            "occurred_on": "2024-05-01", "amount": f"{1000 + n}.50"})
        desk.records.add(code, "communications", {
            "occurred_on": "2024-05-02", "channel": "phone", "summary": f"第{n}次电话沟通"})
        # Edit an earlier file too, so an edit can be cut as well as an insert.
        desk.customers.edit(pick.choice(codes), {"notes": f"第{n}次修改"})


def import_csv(desk: Desk, source: str, pause: bool) -> None:
    from custdesk.core.importing import import_file
    paused = []

    def progress(phase, done, total):
        if pause and phase == "writing" and not paused:
            paused.append(True)
            pause_here()                        # rows written, the transaction still open

    import_file(desk, "customers", source, progress=progress)


def make_backup(desk: Desk, folder: str, pause: bool) -> None:
    from custdesk.core import backup

    def progress(percent):
        if pause and percent == 50:             # the copy made under its temporary name
            pause_here()

    backup.make_backup(desk, folder, "manual", progress=progress, prune_after=False)


def hold(desk: Desk, name: str) -> None:
    with desk.writing():
        desk.customers.add({"kind": "individual", "name": name})
        say("holding")
        sys.stdin.readline()


def add(desk: Desk, count: int, prefix: str) -> None:
    expect("go")
    for i in range(1, count + 1):
        desk.customers.add({"kind": "individual", "name": f"客户{prefix}{i}"})


def notes(desk: Desk, count: int, code: str, tag: str) -> None:
    expect("go")
    for i in range(1, count + 1):
        with desk.writing():
            row = desk.db.execute("SELECT id, notes FROM customers WHERE code = ?",
                                  [code]).fetchone()
            after = (row[1] or "") + f"{tag}-{i}\n"
            desk.store.update("customers", "id = ?", [row[0]], {"notes": after})
            desk.audit.append("customer.edit", code, customer=code,
                              summary={"notes": {"appended": f"{tag}-{i}"}})


def main(argv: list[str]) -> int:
    if len(argv) < 3:
        sys.stderr.write(__doc__ or "")
        return 2
    path, user, mode, *args = argv
    pause = bool(args) and args[-1] == "pause"
    if pause:
        args = args[:-1]
    desk = Desk.open(path, user, os.environ["CUSTDESK_PASSWORD"], daily_check=False)
    try:
        # Load the pinyin tables now, so that what follows "ready" is the work itself.
        from custdesk.core.customers import search
        search.pinyin_keys("客户")
        say("ready")
        if mode == "churn":
            churn(desk, int(args[0]), args[1], pause)
        elif mode == "import":
            import_csv(desk, args[0], pause)
        elif mode == "backup":
            make_backup(desk, args[0], pause)
        elif mode == "hold":
            hold(desk, args[0])
        elif mode == "add":
            add(desk, int(args[0]), args[1])
        elif mode == "notes":
            notes(desk, int(args[0]), args[1], args[2])
        else:
            sys.stderr.write(f"unknown mode {mode!r}\n")
            return 2
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
        sys.stderr.flush()
        sys.exit(1)

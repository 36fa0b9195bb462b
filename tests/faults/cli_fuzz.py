"""Hostile command lines and damaged companion files, run against custdesk's command line in
a process of its own (bounded memory and time); tests/faults/test_cli_fuzz.py starts it.

    python cli_fuzz.py commands DB_PATH WORK_DIR SEED RUNS_PER_COMMAND
    python cli_fuzz.py companions DB_PATH WORK_DIR SEED

Every command of the parser is found by walking it (``commands``), so a command added
later is fuzzed too. Each run calls ``custdesk.cli.main`` in this process; one JSON line
per run goes to stdout: the arguments, the exit status, and the exception if one escaped
``main`` (which would be a traceback for the user) or the stderr if it was not one line.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import random
import resource
import signal
import sys
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests import cheap_kdf  # noqa: E402

cheap_kdf.install()

from custdesk.cli import main as cli_main  # noqa: E402
from custdesk.cli.common import build_parser  # noqa: E402

ADMIN, PASSWORD = "boss", "boss-password-1"
MEMORY_LIMIT = 2 << 30          # bytes of address space for this whole process
RUN_SECONDS = 60                # one command line
OUTPUT_DESTS = {"out", "output", "errors"}        # arguments naming a file custdesk writes
INPUT_DESTS = {"file", "mapping", "checkpoint", "dir"}
SURROGATE = os.fsdecode(b"\xff\xfe-\xe9")          # a file name that is not UTF-8

STRINGS = ["", " ", "0", "-1", "x" * 5000, "\u202eevil\u202c", "'; DROP TABLE customers;--",
           "💥客户", SURROGATE, "../../etc/passwd", "%s%n{0}", "null", "=", "\t\n"]
NUMBERS = ["0", "-1", "1e309", "nan", "inf", "99999999999999999999999", "abc", "", "3.5", "1"]
DATES = ["2024-02-30", "", "9999-12-31", "0001-01-01", "garbage", "2024-01-01", "2024-13-01",
         "20240101", "-1"]
FIELDS = ["notes=", "=x", "notes", "phone=abc", "name=", "level=secret", "kind=enterprise",
          "id_number=", "tier=", "notes=" + "长" * 3000, "nonsense=1", "notes=" + SURROGATE,
          "closed_on=2024-02-30", "status=closed"]
DATE_DESTS = {"as_of", "until", "from_", "from", "to", "expires", "period"}
NUMBER_DESTS = {"limit", "within", "months", "daily", "weekly", "id", "adjust"}


class Timeout(Exception):
    pass


def _alarm(_signum, _frame):
    raise Timeout()


def commands(parser: argparse.ArgumentParser, path=()) -> list[tuple[tuple, argparse.ArgumentParser]]:
    """Every leaf command of the parser: (words, its parser)."""
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        return [(path, parser)]
    found = []
    for action in subs:
        for name, sub in action.choices.items():
            found += commands(sub, (*path, name))
    return found


class Pools:
    """Values for an argument, chosen by what it names."""

    def __init__(self, work: Path, codes: list[str], ids: list[str]):
        self.work = work
        self.codes = codes
        self.ids = ids
        self.count = 0
        fifo = work / "fifo"
        if not fifo.exists():
            os.mkfifo(fifo)
        (work / "a-folder").mkdir(exist_ok=True)
        garbage = work / "garbage.bin"
        garbage.write_bytes(bytes(range(256)) * 64)
        (work / "empty.csv").write_bytes(b"")
        self.inputs = [str(fifo), "/dev/zero", "/dev/urandom", "/dev/null", str(work / "a-folder"),
                       str(garbage), str(work / "empty.csv"), str(work / "missing" / "x.csv"),
                       str(work / SURROGATE), ""]

    def fresh_output(self, rng: random.Random) -> str:
        """A path custdesk may write: new (often with a name that is not UTF-8), or a place
        it cannot write (a folder, a device, a missing folder)."""
        self.count += 1
        new = self.work / "out" / (f"{SURROGATE}-{self.count}.pdf" if rng.random() < 0.5
                                   else f"输出-{self.count}.pdf")
        return rng.choice([str(new)] * 4 + [str(self.work / "a-folder"), "/dev/full",
                                            str(self.work / "missing" / "x.pdf"), ""])

    def value(self, dest: str, rng: random.Random) -> str:
        if dest in OUTPUT_DESTS or dest == "out":
            return self.fresh_output(rng)
        if dest in INPUT_DESTS:
            return rng.choice(self.inputs)
        if dest in ("code", "customer", "target", "codes"):
            return rng.choice(self.codes * 3 + STRINGS)
        if dest in ("id", "ref"):
            return rng.choice(self.ids * 2 + NUMBERS)
        if dest in DATE_DESTS:
            return rng.choice(DATES)
        if dest in NUMBER_DESTS:
            return rng.choice(NUMBERS)
        if dest in ("field", "answer", "map", "override"):
            return rng.choice(FIELDS)
        return rng.choice(STRINGS)


def argv_for(words: tuple, parser: argparse.ArgumentParser, pools: Pools,
             rng: random.Random) -> tuple[list[str], list[str]]:
    """A hostile command line for one command, and the new output paths it names."""
    argv, outputs = list(words), []
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction):
            continue
        if action.option_strings and not action.required and rng.random() < 0.5:
            continue
        if action.nargs == 0:                     # a flag
            argv.append(action.option_strings[0])
            continue
        count = 1 if action.nargs in (None, "?") else rng.randint(1, 2)
        values = []
        for _ in range(count):
            value = (rng.choice(list(action.choices)) if action.choices and rng.random() < 0.8
                     else pools.value(action.dest, rng))
            values.append(value)
            if action.dest in OUTPUT_DESTS and value and not os.path.lexists(value):
                outputs.append(value)
        if action.option_strings:
            for value in values:
                argv += [action.option_strings[-1], value]
        else:
            argv += ["--", *values] if any(v.startswith("-") for v in values) else values
    return argv, outputs


def run_once(argv: list[str]) -> dict:
    """One command line through ``main``; what a user would have seen."""
    # Real encoded streams (strict UTF-8, as a terminal's), not StringIO: a file name that is
    # not UTF-8 fails to print on them as it does for a user.
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict", write_through=True)
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict", write_through=True)
    escaped = None
    status = None
    signal.alarm(RUN_SECONDS)
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
            status = cli_main(argv)
    except Timeout:
        escaped = "timeout"
    except BaseException as exc:  # noqa: BLE001 - reported: it would be a traceback
        escaped = "".join(traceback.format_exception(exc))[-3000:]
    finally:
        signal.alarm(0)
    err_text = err.buffer.getvalue().decode("utf-8", "replace")
    out_text = out.buffer.getvalue().decode("utf-8", "replace")
    lines = [line for line in err_text.splitlines() if line.strip()]
    return {"status": status, "escaped": escaped, "stderr": err_text[-2000:],
            "lines": len(lines), "stdout_lines": len(out_text.splitlines()),
            "traceback": "Traceback" in err_text}


def seed_codes(db: Path) -> tuple[list[str], list[str]]:
    from custdesk.core.desk import Desk
    with Desk.open(db, ADMIN, PASSWORD, daily_check=False) as desk:
        codes = [r[0] for r in desk.db.execute("SELECT code FROM customers")]
        ids = [str(r[0]) for r in desk.db.execute("SELECT id FROM documents")]
    return codes, ids or ["1"]


def fuzz_commands(db: Path, work: Path, seed: int, per_command: int) -> None:
    rng = random.Random(seed)
    codes, ids = seed_codes(db)
    pools = Pools(work, codes, ids)
    (work / "out").mkdir(exist_ok=True)
    for words, parser in commands(build_parser()):
        for _ in range(per_command):
            argv, outputs = argv_for(words, parser, pools, rng)
            prefix = ["--db", str(db), "--user", ADMIN, "--lang", rng.choice(["zh", "en"])]
            if words[0] == "init":              # a new database, not over the fuzzed one
                pools.count += 1
                prefix[1] = str(work / f"new-{pools.count}.db")
            result = run_once(prefix + argv)
            result["argv"] = [os.fsencode(a).decode("utf-8", "backslashreplace") for a in argv]
            result["half_written"] = [os.fsencode(o).decode("utf-8", "backslashreplace")
                                      for o in outputs if result["status"] not in (0, None)
                                      and os.path.lexists(o)]
            print(json.dumps(result, ensure_ascii=False), flush=True)


# -- companion files -----------------------------------------------------------------------
def damaged_versions(original: bytes, rng: random.Random) -> list[tuple[str, bytes]]:
    """The companion file as a crash, a disk or a meddler might leave it."""
    out = [("empty", b""), ("huge", b"{" + b" " * (64 << 20) + b"}"),
           ("not json", b"\x00\xff garbage"), ("list", b"[]"), ("number", b"42"),
           ("string", b"\"x\""), ("null", b"null")]
    for n in (1, len(original) // 3, len(original) // 2, len(original) - 1):
        out.append((f"truncated to {n}", original[:n]))
    for _ in range(6):
        flipped = bytearray(original)
        at = rng.randrange(len(flipped))
        flipped[at] ^= 1 << rng.randrange(8)
        out.append((f"bit flipped at {at}", bytes(flipped)))
    try:
        data = json.loads(original)
    except ValueError:
        data = None
    if isinstance(data, dict):
        for key in list(data)[:12]:
            for wrong in ([], {}, 1, "x", None, True, -1):
                changed = dict(data)
                changed[key] = wrong
                out.append((f"{key} = {wrong!r}", json.dumps(changed).encode()))
            if isinstance(data[key], dict):
                for inner in list(data[key])[:4]:
                    for wrong in ([], 7, None, "x"):
                        changed = json.loads(original)
                        changed[key][inner] = wrong
                        out.append((f"{key}.{inner} = {wrong!r}", json.dumps(changed).encode()))
    return out


COMPANION_COMMANDS = [["customer", "list"], ["check"], ["audit", "verify"],
                      ["customer", "add", "--kind", "individual", "--name", "伤档客户"],
                      ["backup", "list"], ["backup", "verify", "{manifest}"]]


def companion_files(db: Path, work: Path) -> dict[str, Path]:
    """Every file beside or about the database that custdesk reads back: the key slots, the
    chain head, the user's own copy of what they checked, the note of backup folders and a
    backup's manifest (one backup is made for the last two)."""
    from custdesk.core import backup
    from custdesk.core.desk import Desk
    from custdesk.core.keys import facts
    with Desk.open(db, ADMIN, PASSWORD, daily_check=False) as desk:
        made = backup.make_backup(desk, work / "backups")
        checked = facts.private_path(desk.database_id, db, ADMIN)
    return {".keys": Path(str(db) + ".keys"), ".audit-head": Path(str(db) + ".audit-head"),
            "checked facts": checked, "backup folders": backup.known_folders_file(),
            "backup manifest": made.manifest_path}


def fuzz_companions(db: Path, work: Path, seed: int) -> None:
    rng = random.Random(seed)
    files = companion_files(db, work)
    manifest = files["backup manifest"]
    for suffix, companion in files.items():
        original = companion.read_bytes()
        for what, damaged in damaged_versions(original, rng):
            for words in COMPANION_COMMANDS:
                companion.write_bytes(damaged)
                words = [str(manifest) if w == "{manifest}" else w for w in words]
                result = run_once(["--db", str(db), "--user", ADMIN, "--lang", "en", *words])
                result["argv"] = [suffix, what, *words]
                result["half_written"] = []
                print(json.dumps(result, ensure_ascii=False), flush=True)
            companion.write_bytes(original)


def main(argv: list[str]) -> int:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    signal.signal(signal.SIGALRM, _alarm)
    os.environ["CUSTDESK_PASSWORD"] = PASSWORD
    for var in ("CUSTDESK_NEW_PASSWORD", "CUSTDESK_RECOVERY_KEY", "CUSTDESK_PDF_PASSWORD"):
        os.environ.pop(var, None)
    mode, db, work, seed, *rest = argv
    if mode == "commands":
        fuzz_commands(Path(db), Path(work), int(seed), int(rest[0]))
    else:
        fuzz_companions(Path(db), Path(work), int(seed))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

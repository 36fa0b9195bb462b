"""Makes backups until it is killed; tests/core/test_backup.py runs it.

    python backup_worker.py DB_PATH USER FOLDER

The password comes from CUSTDESK_PASSWORD. The worker opens the desk, prints
``ready`` and then makes backups into FOLDER over and over (without pruning,
so that every set it completes stays to be checked).
"""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from custdesk.core import backup  # noqa: E402
from custdesk.core.desk import Desk  # noqa: E402


def main(argv: list[str]) -> int:
    path, user, folder = argv
    desk = Desk.open(path, user, os.environ["CUSTDESK_PASSWORD"], daily_check=False)
    try:
        sys.stdout.write("ready\n")
        sys.stdout.flush()
        while True:
            backup.make_backup(desk, folder, "manual", prune_after=False)
    finally:
        desk.close()


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except BaseException:
        traceback.print_exc()
        sys.exit(1)

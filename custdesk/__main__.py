"""Entry point: ``custdesk`` with a command runs the command line, without one the window."""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> int:
    # Every file custdesk makes holds customer data or keys: its owner's alone (0600/0700),
    # whatever a library creates on its own (SQLite's -wal and -shm, a PDF viewer's copy).
    os.umask(0o077)
    argv = sys.argv[1:] if argv is None else argv
    from .cli.common import build_parser
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a usage error (already printed)
        return int(exc.code or 0)
    if args.command is None:
        from .gui.display import missing_display
        problem = missing_display(args.lang)
        if problem:
            print(problem, file=sys.stderr)
            return 2
        from .gui.app import run as run_window
        return run_window(args)
    from .cli import main as cli_main
    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())

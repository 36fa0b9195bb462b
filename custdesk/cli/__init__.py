"""The command line: ``custdesk [--db PATH] [--user NAME] COMMAND ...``.

Exit status: 0 done; 1 refused (invalid input, access denied, not found,
unusable database); 2 usage; 3 authentication failed. With ``--json`` a read
command prints only JSON on stdout. Messages go to stderr, one line each.
"""

from __future__ import annotations

import sys

from ..core import i18n
from ..core.errors import AuthenticationFailed, CustdeskError
from .common import EXIT_AUTH, EXIT_OK, EXIT_REFUSED, EXIT_USAGE, UsageError, build_parser, run


def main(argv: list[str]) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help (0) or a usage error (2)
        return int(exc.code or 0)
    if args.lang:
        i18n.set_language(args.lang)
    try:
        return run(args, parser)
    except AuthenticationFailed as exc:
        print(f"custdesk: {exc}", file=sys.stderr)
        return EXIT_AUTH
    except UsageError as exc:
        print(f"custdesk: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except CustdeskError as exc:
        print(f"custdesk: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        print("", file=sys.stderr)
        return EXIT_REFUSED
    except BrokenPipeError:   # `custdesk … | head`: the reader left; that is not an error
        import os
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


__all__ = ["main", "EXIT_OK", "EXIT_REFUSED", "EXIT_USAGE", "EXIT_AUTH"]

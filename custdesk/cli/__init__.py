"""The command line: ``custdesk [--db PATH] [--user NAME] COMMAND ...``.

Exit status: 0 done; 1 refused (invalid input, access denied, not found,
unusable database); 2 usage; 3 authentication failed; 70 an internal error (a bug,
said in one line; the fuzz test in tests/faults fails on it). With ``--json`` a read
command prints only JSON on stdout. Messages go to stderr, one line each.
"""

from __future__ import annotations

import sys

from ..core import i18n
from ..core.errors import AuthenticationFailed, CustdeskError
from .common import (EXIT_AUTH, EXIT_INTERNAL, EXIT_OK, EXIT_REFUSED, EXIT_USAGE, UsageError,
                     build_parser, run, terminal_text)

i18n.register({
    "cli.no_memory": ("内存不足，操作已取消，未保存任何内容",
                      "not enough memory: the operation was cancelled and nothing was saved"),
    "cli.internal": ("内部错误（{kind}）：{detail}。未保存任何内容，请把这一行告诉维护人员",
                     "internal error ({kind}): {detail}. Nothing was saved; please pass this "
                     "line on to whoever maintains custdesk"),
})


def _lenient_output() -> None:
    """A file name that is not UTF-8 (or text the terminal cannot show) is printed escaped,
    instead of failing after the work is done."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):
                pass


def _say(text: str) -> None:
    print(f"custdesk: {terminal_text(' '.join(str(text).split()))}", file=sys.stderr)


def main(argv: list[str]) -> int:
    _lenient_output()
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
        _say(exc)
        return EXIT_AUTH
    except UsageError as exc:
        _say(exc)
        return EXIT_USAGE
    except CustdeskError as exc:
        _say(exc)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        print("", file=sys.stderr)
        return EXIT_REFUSED
    except BrokenPipeError:   # `custdesk … | head`: the reader left; that is not an error
        import os
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except OSError as exc:    # a file named on the command line: missing, a folder, full disk
        from ..core.files import os_error_text
        _say(i18n.tr("cli.os_error", path=exc.filename or "", reason=os_error_text(exc)))
        return EXIT_REFUSED
    except MemoryError:
        _say(i18n.tr("cli.no_memory"))
        return EXIT_REFUSED
    except Exception as exc:  # noqa: BLE001 - a bug: one line for the user, its own status
        _say(i18n.tr("cli.internal", kind=type(exc).__name__, detail=str(exc)[:300]))
        return EXIT_INTERNAL


__all__ = ["main", "EXIT_OK", "EXIT_REFUSED", "EXIT_USAGE", "EXIT_AUTH"]

"""The command line as the tests run it in a process of its own: ``custdesk`` with the
tests' small Argon2 parameters (see tests/cheap_kdf.py).

    python tests/cli_main.py [custdesk arguments...]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests import cheap_kdf  # noqa: E402

cheap_kdf.install()

from custdesk.__main__ import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())

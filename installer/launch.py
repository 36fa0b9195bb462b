"""The bundle's entry script.

PyInstaller runs its entry as a top-level script; custdesk/__main__.py uses
relative imports and so cannot be that script itself.
"""

import sys

from custdesk.__main__ import main

if __name__ == "__main__":
    sys.exit(main())

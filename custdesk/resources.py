"""The one way to reach runtime assets (icons, translations, scorecards) in ``resources/``.

In a source checkout or an editable install ``resources/`` sits beside the
package; in a PyInstaller bundle it is unpacked under ``sys._MEIPASS``.
"""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    candidates = ([Path(bundle) / "resources"] if bundle else []) + [
        Path(__file__).resolve().parent.parent / "resources",
        Path(sys.prefix) / "share" / "custdesk" / "resources",
    ]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("custdesk resources folder not found; looked in "
                            + ", ".join(str(c) for c in candidates))


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)

"""Where custdesk keeps its files by default (per-user data folder)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "custdesk"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP, appauthor=False))


def default_db() -> Path:
    """``$CUSTDESK_DB``, else ``custdesk.db`` in the per-user data folder."""
    env = os.environ.get("CUSTDESK_DB")
    return Path(env) if env else data_dir() / "custdesk.db"


def demo_db() -> Path:
    return data_dir() / "demo" / "custdesk-demo.db"

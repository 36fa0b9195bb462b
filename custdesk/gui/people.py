"""The people of the open database as the window names them (core's ``users.shown_name``).

The customer list fetches ``desk.users.display_names()`` with its rows (so the names
follow a renamed or added user); the owner column and a file's owner field read them
here, so that a file's owner reads the same in the list, the file and its report.
"""

from __future__ import annotations

_names: dict[str, str] = {}


def update(names: dict[str, str]) -> None:
    """Replace the known names (user name -> shown name)."""
    _names.clear()
    _names.update(names)


def known() -> dict[str, str]:
    """user name -> shown name, for every user of the open database."""
    return dict(_names)


def shown(user: str | None) -> str:
    """How ``user`` is shown ("" for nobody; the user name of someone not known here)."""
    if not user:
        return ""
    return _names.get(user, user)

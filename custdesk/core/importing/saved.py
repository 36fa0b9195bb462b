"""Saved column mappings: a firm's file layouts, named, kept in the database.

A firm imports the same bank or ERP export again and again; once a clerk has said
which column is which field, the mapping is saved under a name for that target and
offered the next time. It lives in the ``settings`` table (key
``import.mapping.<target>.<name>``, JSON ``{header: field key or null}``), so every user
of the database and the command line (``import --mapping NAME``) share it. Saving
needs the right to import, not the right to change settings: a mapping changes no data.
"""

from __future__ import annotations

import json

from .. import i18n
from ..changes import Changes
from ..errors import FieldError, NotFound, ValidationError
from .mapping import TARGETS, header_key, target_fields

i18n.register({
    "import.mapping_name": ("请填写映射名称（最多 40 个字）", "give the mapping a name (at most 40 characters)"),
    "import.mapping_empty": ("映射中没有任何列", "the mapping has no columns"),
    "import.mapping_what": ("导入映射 {name}", "import mapping {name}"),
})

PREFIX = "import.mapping."
NAME_LIMIT = 40

Mapping = dict[str, "str | None"]


def _key(target: str, name: str) -> str:
    if target not in TARGETS:
        raise ValueError(f"unknown import target {target!r}")
    return f"{PREFIX}{target}.{name}"


def _clean_name(name: str) -> str:
    name = " ".join(str(name).split())
    if not name or len(name) > NAME_LIMIT:
        raise ValidationError(FieldError("name", "import.mapping_name"))
    return name


def saved_mappings(desk, target: str) -> dict[str, Mapping]:
    """{name: mapping} of one target, by name."""
    prefix = _key(target, "")
    rows = desk.db.execute("SELECT key, value FROM settings WHERE key >= ? AND key < ? ORDER BY key",
                           [prefix, prefix + "\uffff"])
    out = {}
    for key, value in rows:
        try:
            mapping = json.loads(value)
        except ValueError:
            continue                     # a damaged entry is not offered; saving again repairs it
        if isinstance(mapping, dict):
            out[key[len(prefix):]] = mapping
    return out


def saved_mapping(desk, target: str, name: str) -> Mapping:
    found = saved_mappings(desk, target).get(name)
    if found is None:
        raise NotFound(i18n.tr("import.mapping_what", name=name))
    return found


def save_mapping(desk, target: str, name: str, mapping: Mapping) -> Changes:
    """Save (or replace) a named mapping; every field it names must exist for the target."""
    desk.access.require("customer.edit", i18n.tr("import.action"))
    name = _clean_name(name)
    fields = target_fields(target)
    clean: Mapping = {}
    for header, key in mapping.items():
        if not str(header).strip():
            continue
        if key and key not in fields:
            raise ValidationError(FieldError("mapping", "import.mapping_bad",
                                             {"key": key, "choices": ", ".join(fields)}))
        clean[str(header)] = key or None
    if not any(clean.values()):
        raise ValidationError(FieldError("mapping", "import.mapping_empty"))
    before = desk.settings.get(_key(target, name))
    with desk.writing():
        desk.db["settings"].upsert({"key": _key(target, name),
                                    "value": json.dumps(clean, ensure_ascii=False)}, pk="key")
        desk.audit.append("import.mapping_saved", f"{target}/{name}",
                          summary={"columns": len(clean), "replaced": before is not None})
    return Changes.of("settings")


def delete_mapping(desk, target: str, name: str) -> Changes:
    desk.access.require("customer.edit", i18n.tr("import.action"))
    saved_mapping(desk, target, name)            # NotFound when there is none
    with desk.writing():
        desk.db.execute("DELETE FROM settings WHERE key = ?", [_key(target, name)])
        desk.audit.append("import.mapping_deleted", f"{target}/{name}")
    return Changes.of("settings")


def matching_mapping(desk, target: str, headers: list[str]) -> str | None:
    """The name of the saved mapping made for exactly this file layout (the same headers,
    compared as the aliases are), or None."""
    layout = {header_key(h) for h in headers if str(h).strip()}
    for name, mapping in saved_mappings(desk, target).items():
        if {header_key(h) for h in mapping} == layout:
            return name
    return None

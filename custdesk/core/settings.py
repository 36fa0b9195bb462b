"""Database-wide settings: firm name, field sensitivity levels."""

from __future__ import annotations

from . import i18n
from .changes import Changes
from .errors import FieldError, ValidationError
from .fields import DEFAULT_FIELD_LEVELS, LEVELS
from .users import parse_level

i18n.register({
    "settings.manage": ("修改设置", "changing settings"),
    "settings.unknown_field": ("没有名为 {key} 的敏感字段", "there is no sensitive field {key}"),
})


class Settings:
    def __init__(self, desk):
        self._desk = desk

    def get(self, key: str, default: str | None = None) -> str | None:
        row = self._desk.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return row[0] if row else default

    def set(self, key: str, value: str) -> Changes:
        desk = self._desk
        desk.access.require("settings.manage", i18n.tr("settings.manage"))
        before = self.get(key)
        with desk.writing():
            desk.db["settings"].upsert({"key": key, "value": str(value)}, pk="key")
            desk.audit.append("settings.set", key, summary={"before": before, "after": str(value)})
        return Changes.of("settings")

    def field_levels(self) -> dict[str, str]:
        return {k: LEVELS[v] for k, v in self._desk.access.field_levels().items()}

    def set_field_level(self, key: str, level: str | int) -> Changes:
        desk = self._desk
        desk.access.require("settings.manage", i18n.tr("settings.manage"))
        if key not in DEFAULT_FIELD_LEVELS:
            raise ValidationError(FieldError("field", "settings.unknown_field", {"key": key}))
        index = parse_level(level)
        before = desk.access.field_level(key)
        if index == before:
            return Changes()
        # Every value of this kind is written again at its new level, so whoever changes
        # the level must be able to read it at the old and the new one.
        desk.access.require_level(max(before, index))
        with desk.writing():
            # The signed entry is the level (access.field_levels reads it); the table
            # keeps a copy for reading by hand.
            desk.audit.append("settings.field_level", key,
                              summary={"before": LEVELS[before], "after": LEVELS[index]})
            desk.db["field_levels"].upsert({"field": key, "level": index}, pk="field")
            from .customers.blind import note_unindexed
            note_unindexed(desk)
            _reseal_field(desk, key, max(before, index))
        return Changes.of("settings", "customers", "records")


def _reseal_field(desk, key: str, top: int) -> int:
    """Write again, at their new level, the rows holding values of sensitive ``key`` in
    files below ``top`` (files at or above it keep every value at their own level)."""
    from .disclosure import ASSESSMENT_READS, RULE_SOURCES
    from .fields import CUSTOMER_FIELDS, RECORD_KINDS
    tables = {f.table for f in CUSTOMER_FIELDS if f.sensitive == key}
    tables |= {k.table for k in RECORD_KINDS.values() if k.sensitive == key}
    if key in ASSESSMENT_READS:
        tables.add("assessments")
    if any(source in tables for source in RULE_SOURCES.values()):
        tables |= {"warnings", "warning_actions"}
    count = 0
    for table in sorted(tables):
        if table == "customers":
            count += desk.store.reseal("customers", "level < ?", [top])
        else:
            count += desk.store.reseal(table, "customer_id IN (SELECT id FROM main.customers "
                                              "WHERE level < ?)", [top])
    return count

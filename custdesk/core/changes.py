"""What a mutation changed, so a window refreshes only those areas."""

from __future__ import annotations

from dataclasses import dataclass, field

AREAS = ("customers", "records", "documents", "users", "settings", "audit", "grading", "warnings",
         "exports")


@dataclass(frozen=True)
class Changes:
    areas: frozenset = field(default_factory=frozenset)
    code: str | None = None      # the customer concerned, when one is
    id: int | None = None        # the new or changed row, when one is

    @classmethod
    def of(cls, *areas: str, code: str | None = None, id: int | None = None) -> "Changes":
        unknown = set(areas) - set(AREAS)
        if unknown:
            raise ValueError(f"unknown change areas {unknown}")
        # Every mutation writes an audit entry, so the audit area always changes.
        return cls(frozenset(areas) | {"audit"}, code, id)

    def __contains__(self, area: str) -> bool:
        return area in self.areas

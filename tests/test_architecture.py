"""The dependency rule: core imports no Qt, ReportLab, reports or gui; reports import no Qt or gui."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent / "custdesk"
FORBIDDEN = {
    "core": ("PySide6", "reportlab", "custdesk.gui", "custdesk.reports", "custdesk.cli"),
    "reports": ("PySide6", "custdesk.gui"),
    "cli.py": ("PySide6", "custdesk.gui"),
    "cli": ("PySide6", "custdesk.gui"),
}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = ".".join(path.relative_to(ROOT.parent).with_suffix("").parts[:-1])
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # resolve a relative import against the module's package
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def files_of(area: str) -> list[Path]:
    target = ROOT / area
    if target.is_file():
        return [target]
    return sorted(target.rglob("*.py")) if target.exists() else []


@pytest.mark.parametrize("area", sorted(FORBIDDEN))
def test_layer_imports_only_what_it_may(area):
    bad = []
    for path in files_of(area):
        for name in imported_modules(path):
            if any(name == f or name.startswith(f + ".") for f in FORBIDDEN[area]):
                bad.append(f"{path.relative_to(ROOT.parent)} imports {name}")
    assert not bad, "\n".join(bad)


def test_scan_sees_relative_imports(tmp_path):
    """The checker itself must catch a relative import that climbs into gui."""
    module = ROOT / "core" / "store" / "connection.py"
    names = imported_modules(module)
    assert "custdesk.core.i18n" in names or "custdesk.core" in names
    assert any(name.startswith("custdesk.core") for name in names)

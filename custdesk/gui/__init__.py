"""The desktop window (PySide6 only here; imports core and reports)."""

"""Bringing files in from CSV or Excel: the import wizard and its mapping step."""

from .wizard import ImportWizard

__all__ = ["ImportWizard"]

"""The customer file editor (basic information, sub-records, documents, history)."""

from .reveal import RevealDialog
from .window import CustomerEditor

__all__ = ["CustomerEditor", "RevealDialog"]

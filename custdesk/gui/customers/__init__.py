"""The customer list: its table model and its page (search, filters, table)."""

from .list_page import CustomerListPage
from .model import CustomerTableModel

__all__ = ["CustomerListPage", "CustomerTableModel"]

"""custdesk — 客户资信档案台: credit files on customers for a small firm."""

__version__ = "0.1.0"

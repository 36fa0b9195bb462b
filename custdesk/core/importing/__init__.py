"""Importing customer files, financial statements and transactions from CSV or XLSX.

``reading`` opens the file (encodings, delimiters, workbooks), ``mapping`` says which
column is which field (the header aliases), ``run`` checks every row with core's own
cleaning and writes the valid ones in one transaction, ``report`` writes the errors.
"""

from .mapping import ALIASES, TARGETS, alias_table, header_key, map_headers
from .reading import ImportFileError, Table, decode, read_table
from .report import default_report_path, write_error_report
from .run import Importer, ImportResult, Problem, import_file

__all__ = ["ALIASES", "TARGETS", "ImportFileError", "ImportResult", "Importer", "Problem", "Table",
           "alias_table", "decode", "default_report_path", "header_key", "import_file",
           "map_headers", "read_table", "write_error_report"]

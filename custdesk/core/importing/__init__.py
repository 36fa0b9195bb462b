"""Importing customer files, financial statements and transactions from CSV or XLSX.

``reading`` opens the file (encodings, delimiters, workbooks), ``mapping`` says which
column is which field (the header aliases), ``run`` checks every row with core's own
cleaning and writes the valid ones in one transaction, ``report`` writes the errors, ``saved`` keeps named column mappings.
"""

from .mapping import ALIASES, TARGETS, alias_table, header_key, map_headers
from .reading import ImportFileError, Table, decode, read_table
from .report import default_report_path, write_error_report
from .run import ImportCancelled, Importer, ImportResult, Problem, import_file
from .saved import delete_mapping, matching_mapping, save_mapping, saved_mapping, saved_mappings

__all__ = ["ALIASES", "TARGETS", "ImportCancelled", "ImportFileError", "ImportResult", "Importer",
           "Problem", "Table", "alias_table", "decode", "default_report_path", "delete_mapping",
           "header_key", "import_file", "map_headers", "matching_mapping", "read_table",
           "save_mapping", "saved_mapping", "saved_mappings", "write_error_report"]

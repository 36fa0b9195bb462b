"""The customer archive: files, their sub-records, documents and search."""

"""Domain and storage. No Qt and no ReportLab here (tests/test_architecture.py keeps it so)."""

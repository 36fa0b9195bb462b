"""Reproducible performance measurements (run as ``python -m benchmarks.NAME``)."""

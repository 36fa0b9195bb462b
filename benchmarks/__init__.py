"""Reproducible performance measurements: ``python -m benchmarks`` (every figure beside its
floor) or ``python -m benchmarks.NAME`` (one area), on the synthetic firm of ``firm``."""

"""What every benchmark prints beside its figures: the machine, and a few small helpers."""

from __future__ import annotations

import json
import os
import platform
import resource
import statistics
import time


def _cpu_model() -> str | None:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or None


def _memory_gib() -> float | None:
    try:
        return round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2 ** 30, 1)
    except (ValueError, OSError, AttributeError):
        return None


def machine() -> dict:
    import PySide6
    import reportlab
    import sqlcipher3
    return {"platform": platform.platform(), "machine": platform.machine(),
            "cpu": _cpu_model(), "cpu_count": os.cpu_count(), "memory_gib": _memory_gib(),
            "python": platform.python_version(), "sqlite": sqlcipher3.sqlite_version,
            "pyside6": PySide6.__version__, "reportlab": reportlab.Version}


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def median_ms(times: list[float]) -> float:
    """The median of times in seconds, in milliseconds."""
    return round(statistics.median(times) * 1000, 2)


def timed(fn, runs: int) -> tuple[float, object]:
    """(median ms over ``runs`` calls, the last result)."""
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return median_ms(times), result


def ratio(value: float | None, floor: float | None) -> float | None:
    return round(value / floor, 2) if value is not None and floor else None


def figure(value, unit: str, floor, floor_what: str, target=None, lower=True) -> dict:
    """One figure as every benchmark prints it: its floor, the ratio, the target and
    whether it is met."""
    out = {"value": value, "unit": unit, "floor": floor, "floor_what": floor_what,
           "ratio": ratio(value, floor)}
    if target is not None:
        out["target"] = target
        out["met"] = bool(value < target) if lower else bool(value > target)
    return out


def peak_rss_mib() -> float:
    """This process's peak resident memory, in MiB.

    Linux's ``VmHWM`` belongs to the process image: ``ru_maxrss`` would also count the
    memory of the (large) benchmark process this one was forked from.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def emit(result: dict, out) -> int:
    """Print a benchmark's result as JSON, and write it to ``out`` (a Path) when given."""
    text = json.dumps(result, ensure_ascii=False, indent=2, default=str)
    if out:
        out.write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0

"""The nine-step grade scale (三等九级), risk levels and qualitative notches."""

from __future__ import annotations

from .. import i18n

GRADES = ("AAA", "AA", "A", "BBB", "BB", "B", "CCC", "CC", "C")
RISK_LEVELS = ("low", "medium", "high")
RISK_LABELS = {"low": ("低", "Low"), "medium": ("中", "Medium"), "high": ("高", "High")}
MAX_NOTCHES = 2
DIMENSIONS = ("solvency", "operating", "profitability", "growth", "credit")
DIMENSION_LABELS = {"solvency": ("偿债能力", "Solvency"),
                    "operating": ("营运能力", "Operating ability"),
                    "profitability": ("盈利能力", "Profitability"),
                    "growth": ("发展能力", "Growth"),
                    "credit": ("信用状况", "Credit status"),
                    # A fitted card's factors: its points come from a model, not a weighting.
                    "fitted": ("拟合模型", "Fitted model")}


def _pick(pair: tuple[str, str]) -> str:
    return pair[0] if i18n.language() == "zh" else pair[1]


def risk_label(level: str | None) -> str:
    return _pick(RISK_LABELS[level]) if level in RISK_LABELS else ""


def dimension_label(key: str) -> str:
    return _pick(DIMENSION_LABELS[key]) if key in DIMENSION_LABELS else key


def grade_for_score(score: float, thresholds: dict[str, float]) -> str:
    """The best grade whose lowest score ``score`` reaches (the worst grade listed starts at
    0). A fitted card may leave out grades its history could not tell apart."""
    for grade in GRADES:
        if grade in thresholds and score >= thresholds[grade]:
            return grade
    return [g for g in GRADES if g in thresholds][-1]


def notch(grade: str, notches: int) -> str:
    """``grade`` moved up (positive) or down (negative) by ``notches``, within AAA..C."""
    index = GRADES.index(grade) - notches
    return GRADES[max(0, min(len(GRADES) - 1, index))]


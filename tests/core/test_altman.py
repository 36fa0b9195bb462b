"""Altman's family of scores: the model chosen by firm type, exact zoning, published figures."""

from __future__ import annotations

import datetime

import pytest

from custdesk.core import i18n
from custdesk.core.grading import altman
from custdesk.core.grading.metrics import Facts, measure
from custdesk.core.grading.scorecard import parse
from custdesk.resources import resource

AS_OF = datetime.date(2026, 6, 30)
ENT_SOURCE = resource("scorecards", "enterprise-standard.toml").read_text(encoding="utf-8")

# The Altman factor of scorecards written before the model was chosen by firm type: Z'' on
# every enterprise, binned at Z'' cut-offs (safe above 2.6, distress below 1.1).
LEGACY_FACTOR = '''[[factors]]
key = "altman_z"
zh = "Altman Z''"
en = "Altman Z''"
dimension = "solvency"
max_points = 10
better = "higher"
bins = [{ from = 4.0, points = 10 }, { above = 2.6, points = 8 }, { from = 1.85, points = 5 },
        { from = 1.1, points = 3 }]

'''


def legacy_card():
    start = ENT_SOURCE.index('[[factors]]\nkey = "altman"')
    end = ENT_SOURCE.index("# -- 营运能力")
    return parse(ENT_SOURCE[:start] + LEGACY_FACTOR + ENT_SOURCE[end:])


def fen(yuan: float) -> int:
    return round(yuan * 100)


def statement_for_z2(target: float, x1: float, x2: float, x3: float) -> dict:
    """A statement (1,000,000 yuan of assets, 600,000 of liabilities) whose Z'' is
    ``target`` to within a fen of equity: X1..X3 as given, X4 solved for."""
    ta, tl = fen(1_000_000), fen(600_000)
    x4 = (target - 6.56 * x1 - 3.26 * x2 - 6.72 * x3) / 1.05
    return {"period": "2025", "total_assets": ta, "total_liabilities": tl,
            "current_assets": fen(500_000), "current_liabilities": fen(500_000) - round(x1 * ta),
            "retained_earnings": round(x2 * ta), "ebit": round(x3 * ta),
            "equity": round(x4 * tl), "revenue": fen(2_000_000), "net_profit": fen(50_000)}


@pytest.mark.parametrize("target, zone, legacy_points", [(2.6033, "safe", 8),
                                                         (1.0964, "distress", 0)])
def test_zones_and_bins_read_the_exact_value(target, zone, legacy_points):
    st = statement_for_z2(target, 0.1, 0.1, 0.05) if target > 2 else \
        statement_for_z2(target, 0.05, 0.05, 0.02)
    facts = Facts("enterprise", statements=[st], file={"industry": "批发零售"})
    measured = measure(facts, AS_OF)
    z = measured.inputs["altman_z"]
    assert z == pytest.approx(target, abs=1e-5)
    assert altman.Z_DOUBLE_PRIME.zone(round(z, 2)) == "grey"      # what rounding first gave
    assert measured.inputs["altman_zone"] == zone
    assert measured.traces["altman_zone"]["model"] == "z_double_prime"
    assert legacy_card().factor("altman_z").points_for(z)[0] == legacy_points
    assert f"= {target:.2f} →" in measured.traces["altman_z"]["formula"]   # rounded in text only


# A listed manufacturer whose market value has fallen far below its book equity: Z (the
# model for it) says distress, Z'' (for non-manufacturers) says safe.
#   X1 = 0.10, X2 = 0.10, X3 = 0.05, X5 = 0.855, market equity / TL = 0.30
#   Z   = 1.2×0.10 + 1.4×0.10 + 3.3×0.05 + 0.6×0.30 + 1.0×0.855       = 1.46  (< 1.81)
#   book equity / TL = 612,832 / 387,168 = 1.58285
#   Z'' = 6.56×0.10 + 3.26×0.10 + 6.72×0.05 + 1.05×1.58285            = 2.98  (> 2.60)
#   Z'  = 0.717×0.10 + 0.847×0.10 + 3.107×0.05 + 0.420×1.58285 + 0.998×0.855 = 1.83 (grey)
TEXTBOOK = {"period": "2025", "total_assets": fen(1_000_000), "current_assets": fen(400_000),
            "current_liabilities": fen(300_000), "retained_earnings": fen(100_000),
            "ebit": fen(50_000), "total_liabilities": fen(387_168), "equity": fen(612_832),
            "revenue": fen(855_000), "net_profit": fen(30_000)}
MARKET_EQUITY = fen(116_150.40)                       # 0.30 × total liabilities


def textbook(industry: str | None, answers: dict | None = None, emerging: bool = False):
    facts = Facts("enterprise", statements=[TEXTBOOK], file={"industry": industry})
    return measure(facts, AS_OF, answers, emerging=emerging)


def test_a_listed_manufacturer_is_scored_by_z_not_z_double_prime():
    listed = {"listed": "yes", "market_equity": MARKET_EQUITY}
    measured = textbook("C3311 金属结构制造", listed)
    trace = measured.traces["altman_zone"]
    assert trace["model"] == "z" and trace["z"] == pytest.approx(1.46, abs=1e-4)
    assert measured.inputs["altman_zone"] == "distress"
    assert "Z = 1.2×X1 + 1.4×X2 + 3.3×X3 + 0.6×X4 + 1×X5" == altman.Z.formula
    assert "1.81" in trace["formula"] and "2.99" in trace["formula"]
    # The same statement as a non-manufacturer: Z'' safe.
    other = textbook("软件和信息技术服务", listed)
    assert other.traces["altman_zone"]["model"] == "z_double_prime"
    assert other.traces["altman_zone"]["z"] == pytest.approx(2.98, abs=1e-4)
    assert other.inputs["altman_zone"] == "safe"
    assert measured.inputs["altman_z"] == pytest.approx(2.98, abs=1e-4)   # the legacy input


def test_an_unlisted_manufacturer_is_scored_by_z_prime_on_book_equity():
    measured = textbook("制造业")
    trace = measured.traces["altman_zone"]
    assert trace["model"] == "z_prime" and trace["z"] == pytest.approx(1.8298, abs=1e-3)
    assert measured.inputs["altman_zone"] == "grey"
    assert trace["cutoffs"] == [1.23, 2.90]


def test_a_listed_manufacturer_without_its_market_value_is_not_computable():
    measured = textbook("C", {"listed": "yes"})
    assert measured.inputs["altman_zone"] is None
    assert measured.traces["altman_zone"]["params"] == {"item": "market_equity"}


def test_without_an_industry_the_worse_zone_of_the_possible_models_counts():
    measured = textbook(None)
    assert measured.inputs["altman_zone"] == "grey"              # Z' grey beats Z'' safe
    assert measured.traces["altman_zone"]["model"] == "z_prime"
    listed = textbook("", {"listed": "yes", "market_equity": MARKET_EQUITY})
    assert listed.inputs["altman_zone"] == "distress"            # Z distress, Z'' safe


def test_the_emerging_market_constant_shifts_score_and_cut_offs_alike():
    plain, em = textbook("批发零售"), textbook("批发零售", emerging=True)
    assert em.traces["altman_zone"]["z"] == pytest.approx(plain.traces["altman_zone"]["z"] + 3.25)
    assert em.traces["altman_zone"]["cutoffs"] == [4.35, 5.85]
    assert em.inputs["altman_zone"] == plain.inputs["altman_zone"] == "safe"


@pytest.mark.parametrize("model, weights, distress, safe", [
    # Altman 1968 (J. Finance 23(4)); Altman 1983/2000 (Z'); Altman 1995/2005 (Z'').
    (altman.Z, (1.2, 1.4, 3.3, 0.6, 1.0), 1.81, 2.99),
    (altman.Z_PRIME, (0.717, 0.847, 3.107, 0.420, 0.998), 1.23, 2.90),
    (altman.Z_DOUBLE_PRIME, (6.56, 3.26, 6.72, 1.05), 1.10, 2.60),
])
def test_published_coefficients_and_cut_offs(model, weights, distress, safe):
    assert (model.weights, model.distress, model.safe) == (weights, distress, safe)
    assert model.zone(safe) == model.zone(distress) == "grey"      # both edges are grey
    assert model.zone(safe + 1e-9) == "safe" and model.zone(distress - 1e-9) == "distress"


@pytest.mark.parametrize("industry, manufacturing", [
    ("制造业", True), ("C", True), ("C13", True), ("C43", True), ("3311", True),
    ("C3311 金属结构制造", True), ("农副食品加工业", True), ("橡胶和塑料制品业", True),
    ("计算机、通信和其他电子设备制造业", True), ("Manufacturing", True),
    ("12", False), ("44", False), ("F51 批发业", False), ("批发零售", False), ("建筑业", False),
    ("软件和信息技术服务", False), ("", None), ("  ", None), (None, None),
])
def test_manufacturing_is_gb_t_4754_section_c(industry, manufacturing):
    assert altman.is_manufacturing(industry) is manufacturing


def test_the_trace_names_the_model_its_formula_and_cut_offs_in_both_languages():
    for language, words in (("zh", ("非上市制造业", "困境区 < 1.23")),
                            ("en", ("private manufacturer", "distress < 1.23"))):
        i18n.set_language(language)
        try:
            formula = textbook("制造业").traces["altman_zone"]["formula"]
        finally:
            i18n.set_language("zh")
        assert all(w in formula for w in words)
        assert "0.717×0.1000" in formula

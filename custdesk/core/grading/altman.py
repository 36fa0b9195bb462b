"""Altman's bankruptcy scores, the model chosen by the firm's type.

Three published models, each with its own coefficients and zone cut-offs
(sources in ``resources/scorecards/README.md``):

* Z   — public manufacturers (Altman 1968): X4 is the market value of equity.
* Z'  — private manufacturers (Altman 1983): X4 is the book value of equity.
* Z'' — non-manufacturers and emerging markets (Altman 1995/2005): no sales
  term; optionally with the emerging-market constant 3.25, which shifts the
  score and both cut-offs alike, so it never changes the zone.

The firm's type comes from its industry (manufacturing is GB/T 4754 section C,
divisions 13–43) and whether it is listed. When the industry is not stated,
every model the firm could fall under is computed and the worse zone counts:
leaving the industry out must never earn a better zone than stating it.
Values are zoned exactly; only the text rounds.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .. import i18n

i18n.register({
    "altman.z": ("Altman Z（上市制造业）", "Altman Z (public manufacturer)"),
    "altman.z_prime": ("Altman Z'（非上市制造业）", "Altman Z' (private manufacturer)"),
    "altman.z_double_prime": ("Altman Z''（非制造业）", "Altman Z'' (non-manufacturer)"),
    "altman.z_double_prime_em": ("Altman Z''（非制造业，新兴市场常数 3.25）",
                                 "Altman Z'' (non-manufacturer, emerging-market constant 3.25)"),
    "altman.zones": ("困境区 < {distress}，灰色区 {distress}–{safe}，安全区 > {safe}",
                     "distress < {distress}, grey {distress}–{safe}, safe > {safe}"),
    "altman.zone.safe": ("安全区", "Safe zone"),
    "altman.zone.grey": ("灰色区", "Grey zone"),
    "altman.zone.distress": ("困境区", "Distress zone"),
    "altman.why.manufacturer": ("行业“{industry}”属制造业（GB/T 4754 门类 C，13–43 大类）",
                                "industry “{industry}” is manufacturing (GB/T 4754 section C, "
                                "divisions 13–43)"),
    "altman.why.other": ("行业“{industry}”不属制造业", "industry “{industry}” is not manufacturing"),
    "altman.why.unknown": ("未填行业：按可能适用的模型中较差的区间计",
                           "industry not stated: the worse zone of the models that could apply"),
    "altman.why.listed": ("上市公司", "listed"),
    "altman.why.unlisted": ("非上市（未注明上市即按非上市）", "not listed (unless stated as listed)"),
    "altman.market_equity": ("股权市值", "market value of equity"),
})


@dataclass(frozen=True)
class Model:
    key: str
    weights: tuple               # X1..X5 (Z'' has four)
    distress: float              # below: distress zone
    safe: float                  # above: safe zone
    constant: float = 0.0
    market_equity: bool = False  # X4 on the market (not book) value of equity

    @property
    def label(self) -> str:
        return i18n.tr(f"altman.{self.key}")

    @property
    def name(self) -> str:
        return {"z": "Z", "z_prime": "Z'"}.get(self.key, "Z''")

    @property
    def formula(self) -> str:
        terms = " + ".join(f"{w:g}×X{i}" for i, w in enumerate(self.weights, 1))
        return f"{self.name} = {self.constant:g} + {terms}" if self.constant \
            else f"{self.name} = {terms}"

    @property
    def cutoffs(self) -> str:
        return i18n.tr("altman.zones", distress=f"{self.distress:.2f}", safe=f"{self.safe:.2f}")

    def zone(self, z: float) -> str:
        if z > self.safe:
            return "safe"
        if z < self.distress:
            return "distress"
        return "grey"


# Coefficients and cut-offs as Altman published them (README: sources).
Z = Model("z", (1.2, 1.4, 3.3, 0.6, 1.0), 1.81, 2.99, market_equity=True)
Z_PRIME = Model("z_prime", (0.717, 0.847, 3.107, 0.420, 0.998), 1.23, 2.90)
Z_DOUBLE_PRIME = Model("z_double_prime", (6.56, 3.26, 6.72, 1.05), 1.10, 2.60)
Z_DOUBLE_PRIME_EM = Model("z_double_prime_em", (6.56, 3.26, 6.72, 1.05), 4.35, 5.85, constant=3.25)
MODELS = {m.key: m for m in (Z, Z_PRIME, Z_DOUBLE_PRIME, Z_DOUBLE_PRIME_EM)}
ZONES = ("safe", "grey", "distress")          # best first

# GB/T 4754-2017 section C (制造业), divisions 13–43, by the words of their names.
_MANUFACTURING_WORDS = (
    "制造", "农副食品加工", "农副产品加工", "农产品加工", "饮料", "精制茶", "烟草制品", "纺织",
    "服装", "服饰", "皮革", "毛皮", "羽毛", "制鞋", "木材加工", "家具", "造纸", "纸制品", "印刷",
    "记录媒介复制", "工美", "娱乐用品", "燃料加工", "化学原料", "化学制品", "医药", "化学纤维",
    "橡胶", "塑料制品", "塑胶制品", "非金属矿物制品", "冶炼", "压延加工", "金属制品", "通用设备",
    "专用设备", "运输设备", "电气机械", "电子设备", "仪器仪表", "废弃资源综合利用",
    "设备修理", "manufactur")
_CODE = re.compile(r"^([A-Ta-t])?\s*([0-9]{2})[0-9]{0,2}\b|^([A-Ta-t])$|^([A-Ta-t])[\s:：\-—]")


def is_manufacturing(industry: str | None) -> bool | None:
    """Whether an industry as written in the file is manufacturing; None when not stated.

    Reads a GB/T 4754 code ("C", "C33", "3311", "C3311 金属结构制造") or the words of
    a section C division's name ("制造业", "农副食品加工", "塑料制品"); any other
    stated industry is not manufacturing."""
    text = unicodedata.normalize("NFKC", industry or "").strip()
    if not text:
        return None
    found = _CODE.match(text)
    if found:
        letter = (found.group(1) or found.group(3) or found.group(4) or "").upper()
        division = found.group(2)
        if division is not None and letter in ("", "C"):
            return 13 <= int(division) <= 43
        if letter:
            return letter == "C"
    lowered = text.lower()
    return any(word in lowered for word in _MANUFACTURING_WORDS)


def candidates(industry: str | None, listed: bool, emerging: bool) -> tuple[list[Model], str]:
    """The models that may apply and why (the reason in the user's language)."""
    other = Z_DOUBLE_PRIME_EM if emerging else Z_DOUBLE_PRIME
    maker = Z if listed else Z_PRIME
    listing = i18n.tr("altman.why.listed" if listed else "altman.why.unlisted")
    manufacturing = is_manufacturing(industry)
    if manufacturing is None:
        return [maker, other], f"{i18n.tr('altman.why.unknown')}；{listing}"
    if manufacturing:
        return [maker], f"{i18n.tr('altman.why.manufacturer', industry=industry.strip())}；{listing}"
    return [other], i18n.tr("altman.why.other", industry=industry.strip())


def ratios(model: Model, st: dict, market_equity: int | None) -> tuple[float, ...]:
    """X1..X5 of ``model`` from a statement (fen); the caller checked every item is there."""
    ta, tl = st["total_assets"], st["total_liabilities"]
    x = [(st["current_assets"] - st["current_liabilities"]) / ta, st["retained_earnings"] / ta,
         st["ebit"] / ta, (market_equity if model.market_equity else st["equity"]) / tl]
    if len(model.weights) == 5:
        x.append(st["revenue"] / ta)
    return tuple(x)


def score(model: Model, x: tuple) -> float:
    """The exact score; never rounded here (zones and bins read it as it is)."""
    return model.constant + sum(w * v for w, v in zip(model.weights, x))


def needed(model: Model) -> tuple[str, ...]:
    items = ("current_assets", "current_liabilities", "retained_earnings", "ebit", "total_assets",
             "total_liabilities")
    items += () if model.market_equity else ("equity",)
    return items + (("revenue",) if len(model.weights) == 5 else ())


def explain(model: Model, x: tuple, z: float) -> str:
    """One line a clerk can recompute: the ratios, the sum, the zone and its cut-offs."""
    names = ["(current_assets - current_liabilities) / total_assets",
             "retained_earnings / total_assets", "ebit / total_assets",
             ("market_equity" if model.market_equity else "equity") + " / total_liabilities",
             "revenue / total_assets"]
    parts = [f"X{i} = {names[i - 1]} = {v:.4f}" for i, v in enumerate(x, 1)]
    head = f"{model.constant:g} + " if model.constant else ""
    sums = head + " + ".join(f"{w:g}×{v:.4f}" for w, v in zip(model.weights, x))
    return (f"{model.label}: {'; '.join(parts)}; {model.name} = {sums} = "
            f"{z:.2f} → {i18n.tr('altman.zone.' + model.zone(z))} ({model.cutoffs})")


def describe(traces: dict) -> str:
    """The model that applied, its formula, exact score (two decimals), zone and cut-offs,
    as one line for the window, the report and the command line; "" when none applied."""
    trace = traces.get("altman_zone") or {}
    if "model" in trace:
        model, z = MODELS[trace["model"]], trace["z"]
    elif isinstance((traces.get("altman_z") or {}).get("formula"), str) \
            and "model" not in traces["altman_z"] and "z" in traces["altman_z"]:
        model, z = Z_DOUBLE_PRIME, traces["altman_z"]["z"]
    else:
        return ""
    zone = i18n.tr(f"altman.zone.{model.zone(z)}")
    if i18n.language() == "zh":
        return f"{model.label}：{model.formula}；{model.name} = {z:.2f} → {zone}（{model.cutoffs}）"
    return f"{model.label}: {model.formula}; {model.name} = {z:.2f} → {zone} ({model.cutoffs})"

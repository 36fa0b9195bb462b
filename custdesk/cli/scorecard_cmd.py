"""scorecard build, validate, approve, reject: scorecards against outcomes."""

from __future__ import annotations

from pathlib import Path

from ..core import i18n
from ..core.grading import evidence, history as histories
from .common import Context, UsageError, print_json, print_table
from .reviews_cmd import _date

i18n.register({
    "cli.sc.history_or_firm": ("请用 --history FILE 指定历史文件，或用 --firm 使用本公司的结果",
                               "give a history file with --history FILE, or --firm for the "
                               "firm's own outcomes"),
    "cli.sc.outcome_needed": ("使用 --history 时须用 --outcome 指定结果列",
                              "--history needs --outcome, the outcome column"),
    "cli.sc.built": ("已保存 {name} 第 {version} 版（待另一位经理审批）", "saved {name} version "
                     "{version} (awaiting a second manager's approval)"),
    "cli.sc.cv": ("交叉验证（{folds} 折）AUC {auc} ± {sd}，KS {ks}", "cross-validation ({folds} "
                  "folds): AUC {auc} ± {sd}, KS {ks}"),
    "cli.sc.later": ("时间外样本 {start} 至 {end}（{rows} 行）：AUC {auc}，KS {ks}",
                     "later period {start} to {end} ({rows} rows): AUC {auc}, KS {ks}"),
    "cli.sc.champion": ("现用版本 {ref}：AUC {auc}", "version in use {ref}: AUC {auc}"),
    "cli.sc.champion_lacks": ("现用版本 {ref} 无法评分：文件缺少 {inputs}",
                              "version in use {ref} could not score the rows: the file lacks "
                              "{inputs}"),
    "cli.sc.left_out": ("未采用：{column}（{why}）", "left out: {column} ({why})"),
    "cli.sc.summary": ("{ref}：{n} 行，不良 {bad} 行；AUC {auc}，Gini {gini}，KS {ks}",
                       "{ref}: {n} rows, {bad} bad; AUC {auc}, Gini {gini}, KS {ks}"),
    "cli.sc.psi": ("PSI {psi}（{meaning}）", "PSI {psi} ({meaning})"),
    "cli.sc.out_of_order": ("不良率未随等级上升：{grades}", "bad rate does not rise with the "
                            "grade at: {grades}"),
    "cli.sc.decided": ("{ref}：{status}", "{ref}: {status}"),
})


def add_commands(card) -> None:
    """The subcommands under ``scorecard`` (its parser's subparsers)."""
    p = card.add_parser("build", help="fit a new scorecard version on outcomes (needs approval)")
    p.add_argument("--history", type=Path, metavar="FILE", help="CSV or XLSX, one row per applicant")
    p.add_argument("--firm", action="store_true", help="fit on the firm's own graded files")
    p.add_argument("--outcome", metavar="COLUMN", help="the column saying what became of each row")
    p.add_argument("--bad", metavar="VALUE", help="the outcome value that means bad")
    p.add_argument("--date-column", metavar="COLUMN", help="dates the rows (a later period is held out)")
    p.add_argument("--kind", choices=["individual", "enterprise"], required=True)
    p.add_argument("--name", required=True)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_build)
    p = card.add_parser("validate", help="measure a scorecard version against outcomes")
    p.add_argument("ref", metavar="NAME[@VERSION]")
    p.add_argument("--history", type=Path, metavar="FILE")
    p.add_argument("--outcome", metavar="COLUMN")
    p.add_argument("--bad", metavar="VALUE")
    p.add_argument("--compare", type=Path, metavar="FILE2", help="population stability against it")
    p.add_argument("--as-of", metavar="DATE", help="the firm's outcomes as they stood that day")
    p.add_argument("--json", action="store_true")
    p.add_argument("--pdf", type=Path, metavar="FILE", help="also write the owner's report (PDF)")
    p.set_defaults(handler=cmd_validate)
    for action in ("approve", "reject"):
        p = card.add_parser(action, help=f"{action} a manager's scorecard version (four eyes)")
        p.add_argument("ref", metavar="NAME@VERSION")
        p.add_argument("--reason", required=action == "reject")
        p.set_defaults(handler=cmd_decide, approve=action == "approve")


def _history(a, path: Path | None, population: bool = False) -> histories.History:
    if not a.outcome:
        raise UsageError(i18n.tr("cli.sc.outcome_needed"))
    return histories.read(path, a.outcome, a.bad, date_column=getattr(a, "date_column", None),
                          population=population)


def cmd_build(ctx: Context) -> int:
    a = ctx.args
    if bool(a.history) == bool(a.firm):
        raise UsageError(i18n.tr("cli.sc.history_or_firm"))
    desk = ctx.desk()
    if a.firm:
        data, labels = evidence.firm_history(desk, a.kind), evidence.metric_labels()
    else:
        data, labels = _history(a, a.history), None
    out = evidence.build(desk, data, name=a.name, kind=a.kind, labels=labels)
    if a.json:
        print_json(out)
        return 0
    print(i18n.tr("cli.sc.built", name=out["name"], version=out["version"]))
    cv = out["cross_validation"]
    print(i18n.tr("cli.sc.cv", folds=cv["folds"], auc=cv["auc"], sd=cv["auc_sd"], ks=cv["ks"]))
    later = out["later_period"]
    if later:
        print(i18n.tr("cli.sc.later", start=later["from"], end=later["to"], rows=later["rows"],
                      auc=later["auc"], ks=later["ks"]))
    champion = out["champion"]
    if champion.get("inputs_missing"):
        print(i18n.tr("cli.sc.champion_lacks", ref=champion["scorecard"],
                      inputs=", ".join(champion["inputs_missing"])))
    elif "auc" in champion:
        print(i18n.tr("cli.sc.champion", ref=champion["scorecard"], auc=champion["auc"]))
    print_table([{"characteristic": c["key"], "IV": c["iv"], "bins": len(c["bins"])}
                 for c in out["characteristics"]], ["characteristic", "IV", "bins"])
    for column, why in out["left_out"].items():
        print(i18n.tr("cli.sc.left_out", column=column, why=why))
    return 0


def cmd_validate(ctx: Context) -> int:
    a = ctx.args
    desk = ctx.desk()
    if a.history:
        data = _history(a, a.history)
        # (Its outcomes need not be known yet: a recent population is compared by grade.)
        compare = _history(a, a.compare, population=True) if a.compare else None
        out = evidence.validate_file(desk, a.ref, data, compare)
    else:
        if a.compare:
            raise UsageError(i18n.tr("cli.sc.outcome_needed"))
        out = evidence.validate_firm(desk, a.ref, as_of=_date(a.as_of))
    if a.pdf:
        from ..reports import validation as report
        written = report.write_pdf(desk, out, a.pdf, outcome=a.outcome, bad=a.bad,
                                   compare_name=a.compare.name if a.compare else None)
        if not a.json:
            print(i18n.tr("vr.written", path=written))
    if a.json:
        print_json(out)
        return 0
    print(i18n.tr("cli.sc.summary", ref=out["scorecard"], n=out["n"], bad=out["bad"],
                  auc=out["auc"], gini=out["gini"], ks=out["ks"]))
    print_table([{"grade": g, "n": v["n"], "bad": v["bad"], "rate": f"{v['rate']:.1%}",
                  "95%": f"{v['ci_low']:.1%}–{v['ci_high']:.1%}",
                  "expected": "" if v["expected"] is None else f"{v['expected']:.1%}"}
                 for g, v in out["bad_rate_by_grade"].items()],
                ["grade", "n", "bad", "rate", "95%", "expected"])
    if out["out_of_order"]:
        print(i18n.tr("cli.sc.out_of_order", grades=", ".join(out["out_of_order"])))
    if out.get("psi") is not None:
        print(i18n.tr("cli.sc.psi", psi=out["psi"], meaning=out["psi_meaning"]))
    return 0


def cmd_decide(ctx: Context) -> int:
    a = ctx.args
    library = ctx.desk().grading.library
    library.decide(a.ref, a.approve, a.reason or "")
    card = library.get(a.ref)
    print(i18n.tr("cli.sc.decided", ref=f"{card.name}@{card.version}",
                  status=i18n.tr(f"scorecard.status.{library.status(card.name, card.version)}")))
    return 0

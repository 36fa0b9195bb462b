"""Scorecards on the firm's own outcomes: validation and re-fitting at 100,000 customers.

    python -m benchmarks validation [--customers N] [--runs 3] [--kind individual]
                                    [--keep DIR] [--quick] [--profile]
    python -m benchmarks.validation ...                    (the same)

On the synthetic firm (``benchmarks.firm``, N customers, default 100,000) with its history
— most graded files graded a year or two ago as well as lately, about 7 % of them gone bad
within the year after, the worse the grade the likelier — as the manager (cleared to every
level), with the clock at the firm's today, it times (medians over ``--runs``):

=========================  ==============================================  ====================
figure                     what is timed                                   floor (same run)
=========================  ==============================================  ====================
validate, per kind         ``evidence.validate_firm`` with the kind's       one plain SELECT of
                           card in use: AUC, KS, bad rate by grade, PSI,    every approved row
                           the 12-month migration matrix                    of the stored
observations               ``outcomes.observations`` (with the inputs)      assessments table
migration                  ``outcomes.migration(12)`` on its own            (bare connection,
PSI                        every grade read once (``outcomes.grades``) and  sealed values left
                           the last 12 months compared with the 12 before,  sealed)
                           by grade (``backtest.psi``)
re-fit                     ``evidence.firm_history`` + ``evidence.build``
                           (``--kind``'s history; needs scikit-learn)
validate the new version   ``validate_firm`` of it: every observation
                           scored again from its recorded inputs
=========================  ==============================================  ====================

Core's ``outcomes.approved()`` alone (every grade with its inputs) is timed too, and each
figure is also given as its ratio to it. The re-fit runs on a copy of the firm with a
second manager added (``SECOND_MANAGER``; the firm measured stays as it was), and then the
four eyes on the new version: its author cannot approve it, ``grading.assess`` with it is
refused while it waits, the second manager approves it and the same call grades a file of
its kind. ``--profile`` adds cProfile's heaviest functions of one ``validate_firm`` per
kind and of the firm's history. Each step's peak memory is read afresh (Linux). Prints
one JSON document.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime
import io
import pstats
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import firm
from benchmarks.common import emit, figure, machine, peak_rss_mib, ratio, timed

KINDS = ("individual", "enterprise")
# Who approves the re-fitted version: a second manager, added to a copy of the firm (the
# firm itself keeps the demo's users, whose passwords the office benchmark knows).
SECOND_MANAGER, SECOND_MANAGER_PASSWORD = "manager2", "bench-manager2-2026"
TARGET_S = 10            # "seconds" at 100,000 customers: validating one kind's card
REFIT_NAME = "firm-{kind}"
_FLOOR_SQL = ("SELECT id, customer_id, scorecard_name, scorecard_version, score, grade, "
              "computed_grade, decided_at, detail, sealed, vault FROM main.assessments "
              "WHERE status = 'approved'")
FLOOR_WHAT = ("one plain SELECT of every approved row of the stored assessments table "
              "(bare connection: sealed rows and vaulted details left sealed)")


def log(text: str) -> None:
    print(f"[benchmarks.validation] {text}", file=sys.stderr, flush=True)


def _profile(fn, top: int = 12) -> list[dict]:
    """cProfile's heaviest functions of one call of ``fn``, by cumulative time."""
    profiler = cProfile.Profile()
    profiler.enable()
    try:
        fn()
    finally:
        profiler.disable()
    stats = pstats.Stats(profiler, stream=io.StringIO())
    rows = []
    for (path, line, name), (_cc, calls, tottime, cumtime, _callers) in stats.stats.items():
        rows.append({"function": f"{Path(path).name}:{line}({name})", "calls": calls,
                     "own_s": round(tottime, 3), "cumulative_s": round(cumtime, 3)})
    rows.sort(key=lambda r: -r["cumulative_s"])
    return rows[:top]


def _floor(path: Path, runs: int) -> tuple[float, int]:
    from benchmarks.reviews import bare_connection
    bare = bare_connection(path)

    def select() -> int:
        count = 0
        for _row in bare.conn.execute(_FLOOR_SQL):
            count += 1
        return count
    try:
        ms, rows = timed(select, runs)
    finally:
        bare.close()
    return ms, rows


def _peak_reset() -> None:
    """Start this process's peak memory afresh (Linux: ``clear_refs``), so that
    ``peak_rss_mib`` after a step is that step's peak."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as fh:
            fh.write("5")
    except OSError:
        pass


def _measured(fn, runs: int) -> tuple[float, float, object]:
    """(median ms over ``runs``, the peak memory in MiB meanwhile, the last result)."""
    _peak_reset()
    ms, result = timed(fn, runs)
    return ms, peak_rss_mib(), result


def _brief(result: dict) -> dict:
    """What a validation says, without its curve."""
    migration = result.get("migration") or {}
    return {"scorecard": result["scorecard"], "n": result["n"], "bad": result["bad"],
            "bad_rate": result["bad_rate"], "auc": result["auc"], "gini": result["gini"],
            "ks": result["ks"],
            "bad_rate_by_grade": {g: {"count": r["count"], "bad": r["bad"], "rate": r["rate"]}
                                  for g, r in result["bad_rate_by_grade"].items()},
            "out_of_order": result.get("out_of_order"), "psi": result.get("psi"),
            "psi_periods": result.get("psi_periods"), "left_out": result.get("left_out"),
            "not_scored": result.get("not_scored"),
            "graded_with_this_version": result.get("graded_with_this_version"),
            "migration_matrix": {"rows": len(migration.get("rows", {})),
                                 "columns": len(migration.get("columns", ())),
                                 "customers": migration.get("total"),
                                 "left_out": migration.get("left_out")}}


def _psi(desk, card, as_of: datetime.date):
    """The PSI as firm validation gives it for the card in use: every grade read once
    (``outcomes.grades``), the last 12 months' graded population against the 12 months
    before, by grade (its own grades: nothing scored again)."""
    from dateutil.relativedelta import relativedelta

    from custdesk.core.grading import backtest
    year_ago, two_years_ago = as_of - relativedelta(months=12), as_of - relativedelta(months=24)
    grades = [g for g in desk.outcomes.grades(until=as_of)
              if g.kind == card.kind and g.score is not None]

    def counts(items):
        return backtest.grade_counts([backtest.Scored(g.score, g.computed_grade or g.grade, 0,
                                                      None) for g in items])
    recent = [g for g in grades if year_ago <= g.decided <= as_of]
    before = [g for g in grades if two_years_ago <= g.decided < year_ago]
    return round(backtest.psi(counts(before), counts(recent)), 4)


def _a_file(desk, kind: str) -> str:
    """A bulk file of ``kind`` the manager may assess (graded, in clear, nothing open)."""
    return desk.db.conn.execute(
        "SELECT code FROM main.customers c WHERE kind = ? AND level <= 1 AND grade IS NOT NULL "
        "AND status = 'active' AND NOT EXISTS (SELECT 1 FROM main.assessments a WHERE "
        "a.customer_id = c.id AND a.status IN ('draft', 'submitted')) ORDER BY code LIMIT 1",
        [kind]).fetchone()[0]


def _refused(fn) -> str | None:
    """The message a call is refused with (None: it was not)."""
    from custdesk.core.errors import CustdeskError
    try:
        fn()
    except CustdeskError as exc:
        return str(exc)
    return None


def firm_copy(made: firm.Firm, folder: Path) -> Path:
    """A copy of the firm's file (with its key slots and chain head) and a second manager
    in it: re-fitting saves a version, approving and grading write, and the firm measured
    stays as it was."""
    import shutil

    from custdesk.core.audit import head_path
    from custdesk.core.desk import Desk
    from custdesk.core.store.keyslots import slots_path
    copy = folder / "refit.db"
    for src, dst in ((made.path, copy), (slots_path(made.path), slots_path(copy)),
                     (head_path(made.path), head_path(copy))):
        shutil.copy2(src, dst)
    with Desk.open(copy, firm.ADMIN, firm.PASSWORD, daily_check=False) as desk:
        desk.users.add(SECOND_MANAGER, "manager", "secret", SECOND_MANAGER_PASSWORD, "陈志强")
    return copy


def refit_and_approve(path: Path, kind: str, as_of: datetime.date, profile: bool) -> dict:
    """Re-fit ``kind``'s card on the firm's history (the firm at ``path``, as the manager),
    then the four eyes and a first grade with the new version."""
    from custdesk.core.desk import Desk
    desk = Desk.open(path, "manager", firm.demo.DEMO_PASSWORDS["manager"], daily_check=False)
    try:
        return _refit(desk, path, kind, as_of, profile)
    finally:
        desk.close()


def _refit(desk, path: Path, kind: str, as_of: datetime.date, profile: bool) -> dict:
    from custdesk.core.desk import Desk
    from custdesk.core.grading import evidence
    out: dict = {"kind": kind}
    _peak_reset()
    t0 = time.perf_counter()
    history = evidence.firm_history(desk, kind, as_of=as_of)
    out["firm_history_s"] = round(time.perf_counter() - t0, 3)
    t0 = time.perf_counter()
    built = evidence.build(desk, history, name=REFIT_NAME.format(kind=kind), kind=kind,
                           labels=evidence.metric_labels())
    out["build_s"] = round(time.perf_counter() - t0, 3)
    out["peak_rss_mib"] = peak_rss_mib()
    ref = f"{built['name']}@{built['version']}"
    out.update({"version": ref, "status_after_build": built["status"], "rows": built["rows"],
                "bad": built["bad"], "cross_validation": built["cross_validation"],
                "later_period": built["later_period"], "champion": built["champion"],
                "grades": built["grades"],
                "characteristics": {c["key"]: c["iv"] for c in built["characteristics"]},
                "left_out": built["left_out"]})
    if profile:
        out["profile_firm_history"] = _profile(lambda: evidence.firm_history(desk, kind,
                                                                              as_of=as_of))
    # The new version on the firm's outcomes: every observation scored again from its inputs.
    _peak_reset()
    t0 = time.perf_counter()
    validated = evidence.validate_firm(desk, ref, as_of=as_of)
    out["validate_new_version_s"] = round(time.perf_counter() - t0, 3)
    out["validate_new_version_peak_rss_mib"] = peak_rss_mib()
    out["validation"] = _brief(validated)
    code = _a_file(desk, kind)
    grading = desk.grading
    out["file"] = code
    out["author_approves_own"] = _refused(lambda: grading.library.decide(ref, True, "自己批准"))
    out["assess_before_approval"] = _refused(lambda: grading.assess(code, scorecard=ref))
    second = Desk.open(path, SECOND_MANAGER, SECOND_MANAGER_PASSWORD, daily_check=False)
    try:
        t0 = time.perf_counter()
        second.grading.library.decide(ref, True, "回测与交叉验证结果良好，同意启用")
        out["approve_ms"] = round((time.perf_counter() - t0) * 1000, 1)
        out["approved_by"] = SECOND_MANAGER
    finally:
        second.close()
    out["status_after_approval"] = grading.library.status(built["name"], built["version"])
    t0 = time.perf_counter()
    new_id = grading.assess(code, scorecard=ref).id
    out["assess_after_approval_ms"] = round((time.perf_counter() - t0) * 1000, 1)
    made_one = grading.get(new_id)
    out["assessment"] = {"id": new_id, "scorecard": f"{made_one['scorecard_name']}@"
                         f"{made_one['scorecard_version']}", "score": made_one["score"],
                         "grade": made_one["grade"], "status": made_one["status"],
                         "factors": len(made_one["detail"]["factors"])}
    return out


def run(made: firm.Firm, runs: int, *, kind: str = "individual", refit: bool = True,
        profile: bool = False) -> dict:
    from custdesk.core import clock
    from custdesk.core.desk import Desk
    from custdesk.core.grading import evidence
    from custdesk.core.grading.history import HistoryError
    as_of = firm.TODAY
    clock.set_fixed(datetime.datetime.combine(as_of, datetime.time(9)).astimezone())
    out: dict = {"as_of": as_of.isoformat(), "runs": runs}
    try:
        floor_ms, rows = _floor(made.path, runs)
        out["floor"] = {"ms": floor_ms, "rows": rows, "what": FLOOR_WHAT}
        desk = Desk.open(made.path, "manager", firm.demo.DEMO_PASSWORDS["manager"],
                         daily_check=False)
        try:
            outcomes = desk.outcomes
            approved_ms, peak, graded = _measured(outcomes.approved, runs)
            out["approved"] = {"ms": approved_ms, "grades": len(graded), "peak_rss_mib": peak,
                               "with_inputs": sum(g.inputs is not None for g in graded)}
            del graded
            observations_ms, peak, found = _measured(
                lambda: outcomes.observations(as_of=as_of), runs)
            out["observations"] = {"ms": observations_ms, "n": len(found), "peak_rss_mib": peak,
                                   "bad": found.bad_count, "left_out": dict(found.left_out),
                                   "window_months": found.window_months}
            del found
            bad_ms, bad = timed(lambda: outcomes.bad_dates(as_of), runs)
            out["bad_dates"] = {"ms": bad_ms, "customers": len(bad)}
            migration_ms, matrix = timed(lambda: outcomes.migration(12, as_of=as_of), runs)
            out["migration"] = {"ms": migration_ms, "rows": len(matrix["rows"]),
                                "columns": len(matrix["columns"]), "customers": matrix["total"],
                                "left_out": matrix["left_out"],
                                "matrix": {g: [r[c] for c in matrix["columns"]]
                                           for g, r in matrix["rows"].items()},
                                "column_names": matrix["columns"]}
            out["validate"] = {}
            for k in KINDS:
                card = desk.grading.library.for_grading(kind=k)
                psi_ms, psi = timed(lambda: _psi(desk, card, as_of), runs)
                try:
                    ms, peak, result = _measured(lambda: evidence.validate_firm(
                        desk, kind=k, as_of=as_of), runs)
                except HistoryError as exc:     # a small firm: no outcome of this kind yet
                    out["validate"][k] = {"error": str(exc)}
                    continue
                seconds = round(ms / 1000, 3)
                out["validate"][k] = {"s": seconds, "peak_rss_mib": peak,
                                      "psi_alone_ms": psi_ms, "psi_alone": psi,
                                      **_brief(result)}
                if profile:
                    out["validate"][k]["profile"] = _profile(
                        lambda: evidence.validate_firm(desk, kind=k, as_of=as_of))
                log(f"validate {k}: {seconds} s, AUC {result['auc']}, KS {result['ks']}, "
                    f"PSI {result.get('psi')}")
        finally:
            desk.close()
        if refit:
            work = Path(tempfile.mkdtemp(prefix="validation-", dir=made.path.parent))
            try:
                t0 = time.perf_counter()
                copy = firm_copy(made, work)
                copied_s = round(time.perf_counter() - t0, 1)
                out["refit"] = refit_and_approve(copy, kind, as_of, profile)
                out["refit"]["copy_s"] = copied_s
            except Exception as exc:      # too few outcomes on a small firm, no scikit-learn
                out["refit"] = {"kind": kind, "error": f"{type(exc).__name__}: {exc}"}
            finally:
                import shutil
                shutil.rmtree(work, ignore_errors=True)
    finally:
        clock.set_fixed(None)
    return out


def figures(out: dict) -> dict:
    """Each figure with the plain SELECT as its floor, and its ratio to ``approved()``."""
    floor, approved = out["floor"]["ms"], out["approved"]["ms"]

    def one(value_ms: float, what: str, target_ms: float | None = None) -> dict:
        f = figure(round(value_ms, 1), "ms", floor, FLOOR_WHAT, target_ms)
        f["what"] = what
        f["vs_approved"] = ratio(value_ms, approved)
        return f
    result = {"approved": one(approved, "outcomes.approved(): every grade with its inputs"),
              "observations": one(out["observations"]["ms"], "outcomes.observations()"),
              "bad_dates": one(out["bad_dates"]["ms"], "outcomes.bad_dates()"),
              "migration": one(out["migration"]["ms"], "outcomes.migration(12)")}
    for k, v in out["validate"].items():
        if "error" in v:
            continue
        result[f"validate_{k}"] = one(v["s"] * 1000, f"evidence.validate_firm, the {k} card "
                                                     "in use", TARGET_S * 1000)
        result[f"psi_{k}"] = one(v["psi_alone_ms"], "the PSI alone: every grade read "
                                 "(outcomes.grades), two years compared by grade")
    refit = out.get("refit") or {}
    if "build_s" in refit:
        result["firm_history"] = one(refit["firm_history_s"] * 1000, "evidence.firm_history")
        result["build"] = one(refit["build_s"] * 1000, "evidence.build (re-fit, saved pending)")
        result["validate_new_version"] = one(refit["validate_new_version_s"] * 1000,
                                             "validate_firm of the new version (every "
                                             "observation scored again)", TARGET_S * 1000)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks validation",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=firm.SEED)
    parser.add_argument("--kind", choices=KINDS, default="individual",
                        help="the kind whose card is re-fitted")
    parser.add_argument("--keep", type=Path, help="build (or reuse) the firm in this folder")
    parser.add_argument("--quick", action="store_true", help="one run of each")
    parser.add_argument("--no-refit", action="store_true", help="validation only")
    parser.add_argument("--profile", action="store_true",
                        help="cProfile's heaviest functions of validation and re-fitting")
    parser.add_argument("--out", type=Path, help="also write the JSON to this file")
    args = parser.parse_args(argv)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="custdesk-bench-validation-"))
    folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    try:
        log(f"firm of {args.customers:,} customers in {folder}")
        made = firm.ensure(folder, args.customers, args.seed)
        history = firm.history_counts(made.path)
        if history is None:
            raise SystemExit(f"{made.path} was built without the history: build it again "
                             "(remove it, or --keep another folder)")
        out = run(made, 1 if args.quick else args.runs, kind=args.kind,
                  refit=not args.no_refit, profile=args.profile)
    finally:
        if not args.keep:
            import shutil
            shutil.rmtree(folder, ignore_errors=True)
    result = {"benchmark": "validation", "date": datetime.date.today().isoformat(),
              "customers": args.customers, "seed": args.seed,
              "build_seconds": made.build_seconds and round(made.build_seconds, 1),
              "history": history,
              "total_seconds": round(time.perf_counter() - started, 1),
              "target_s": TARGET_S, "figures": figures(out), "details": out,
              "machine": machine()}
    return emit(result, args.out)


if __name__ == "__main__":
    sys.exit(main())

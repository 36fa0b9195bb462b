"""Assessments (资信评估) and limit changes: draft → submitted → approved | rejected.

Four eyes: whoever assesses (or asks for a limit change) never decides it, and
only a reviewer or manager (or an administrator) decides. An approved
assessment is frozen (core refuses, and triggers in the database refuse too);
approving it sets the customer's grade, risk level, limit and the date the grade
is valid until. Refused attempts to break these rules are written to the audit
log before the refusal is raised.
"""

from __future__ import annotations

import json

from dateutil.relativedelta import relativedelta

from .. import clock, i18n
from ..disclosure import ASSESSMENT_READS_BY_KIND, mask_value
from ..changes import Changes
from ..cleaning import check_one
from ..errors import AccessDenied, Conflict, FieldError, NotFound, ValidationError
from ..validation import check_text, parse_money
from . import altman, limits, metrics
from .scale import GRADES, MAX_NOTCHES, notch
from .scorecard import MissingInputs, Scorecard, score
from .scorecards import ScorecardLibrary
from ..customers.collateral import derivation_text as collateral_text

i18n.register({
    "grading.base": ("基础分（模型截距）", "Base points (the model's intercept)"),
    "grading.base_rule": ("评分 = 基础分 + 各因子得分；{score} 分对应好坏比 {odds}:1，每 {pdo} 分好坏比翻一倍",
                          "score = base + the factors' points; {score} points are odds of "
                          "{odds} good to 1 bad, every {pdo} points double the odds"),
    "grading.create": ("发起资信评估", "assessing credit"),
    "grading.approve": ("审批资信评估", "deciding on assessments"),
    "grading.reason_required": ("请填写理由", "a reason is required"),
    "grading.adjust_range": ("定性调整最多上下两级", "the qualitative adjustment is at most two "
                             "notches up or down"),
    "grading.open_exists": ("该客户已有进行中的评估 #{id}（{status}），请先提交、审批或放弃",
                            "this customer already has assessment #{id} in progress ({status}); "
                            "submit, decide or discard it first"),
    "grading.kind_mismatch": ("评分卡 {name} 适用于{kind}客户", "scorecard {name} is for {kind} customers"),
    "grading.bad_answer": ("{factor} 的答案 {value} 不在可选项中（{choices}）",
                           "{factor}: {value} is not one of {choices}"),
    "grading.unknown_answer": ("评分卡没有定性因子 {key}", "the scorecard has no qualitative factor {key}"),
    "grading.not_draft": ("评估 #{id} 已{status}，不能再修改", "assessment #{id} is {status} and cannot "
                          "be changed"),
    "grading.not_submitted": ("评估 #{id} 状态为{status}，不能审批", "assessment #{id} is {status}; "
                              "only a submitted assessment can be decided"),
    "grading.own": ("不能审批自己发起的评估或申请（四眼原则）",
                    "you cannot decide your own assessment or request (four-eyes rule)"),
    "grading.not_yours": ("只有评估人 {user} 可以提交或修改此评估",
                          "only the assessor {user} may submit or change this assessment"),
    "grading.limit_open": ("该客户已有待审批的额度变更 #{id}",
                           "this customer already has limit change #{id} waiting for a decision"),
    "grading.limit_same": ("新额度与当前额度相同", "the new limit equals the current one"),
    "grading.limit_decided": ("额度变更 #{id} 已{status}", "limit change #{id} is already {status}"),
    "grading.unrated": ("客户尚未评级，请先完成资信评估", "the customer has no grade yet; assess it first"),
    "grading.rule.missing": ("缺失，按最低档计分", "Missing: scored as the worst bin"),
    "grading.rule.missing_points": ("缺失，按评分卡规定的 {points} 分", "missing: {points} points as "
                                    "the scorecard allows"),
    "grading.missing_reason": ("以下数据缺失，提交前请说明原因：{factors}",
                               "these inputs are missing; give a reason before submitting: {factors}"),
    "grading.bad_fact": ("{key} 的值不正确：{value}", "{key}: {value} is not valid"),
    "grading.rule.else": ("其余", "Otherwise"),
    "status.draft": ("草稿", "draft"),
    "status.submitted": ("待审批", "submitted"),
    "status.approved": ("已批准", "approved"),
    "status.rejected": ("已驳回", "rejected"),
})

STATUSES = ("draft", "submitted", "approved", "rejected")
READS = ASSESSMENT_READS_BY_KIND


def _withheld_detail(card, answers: dict) -> dict:
    """An assessment's detail as a reader not cleared to it sees it (the detail is sealed at
    the level of the records it read): every factor of the scorecard, the assessor's own
    answers with their points, and no input or points of the file's figures."""
    factors = []
    for spec in card.factors:
        answered = spec.asked and answers.get(spec.key) is not None
        points = spec.points_for(answers[spec.key])[0] if answered else None
        factors.append({"key": spec.key, "input_key": spec.input, "dimension": spec.dimension,
                        "input": answers.get(spec.key) if answered else "***",
                        "points": points, "max_points": spec.max_points,
                        "rule": answers.get(spec.key) if answered else "***"})
    return {"factors": factors, "dimensions": {}, "traces": {}, "bases": {},
            "limit_trace": "***", "problems": []}


def _listed(value) -> str:
    text = str(value).strip().lower()
    if text in ("yes", "true", "1", "是", "上市"):
        return "yes"
    if text in ("no", "false", "0", "否", "非上市"):
        return "no"
    raise ValueError(value)


# Facts about the firm the assessor states with the answers (not scored themselves): they
# choose the Altman model. market_equity is given in yuan and kept in fen.
FIRM_FACTS = {"listed": _listed, "market_equity": lambda v: check_one("market_equity",
                                                                        parse_money, v)}


def status_label(status: str) -> str:
    return i18n.tr(f"status.{status}")


def missing_inputs(detail: dict) -> list[dict]:
    """The factors an assessment scored without their input ({key, input_key, required});
    read from the factors for assessments stored before the list was kept."""
    if "missing" in detail:
        return detail["missing"]
    return [{"key": f["key"], "input_key": f["input_key"], "required": True}
            for f in detail.get("factors", ()) if f.get("rule") == "missing"]


def _missing_rule(card, key: str) -> str:
    """How a missing input of factor ``key`` was scored, in words."""
    spec = card.factor(key)
    if spec.missing == "points":
        return i18n.tr("grading.rule.missing_points", points=f"{spec.missing_points:g}")
    return i18n.tr("grading.rule.missing")


def _reason(value, required: bool = True) -> str:
    text = check_one("reason", check_text, value or "", 500)
    if required and not text:
        raise ValidationError(FieldError("reason", "grading.reason_required"))
    return text


def _row(cursor) -> dict | None:
    row = cursor.fetchone()
    return None if row is None else dict(zip([c[0] for c in cursor.description], row))


class Grading:
    def __init__(self, desk):
        self._desk = desk
        self.library = ScorecardLibrary(desk)

    # -- reading a file -----------------------------------------------------------------
    def facts(self, code: str) -> metrics.Facts:
        desk = self._desk
        file = desk.customers._raw(code)
        kind = file["kind"]
        return metrics.Facts(
            kind=kind,
            statements=desk.records.raw(code, "financials"),
            transactions=desk.records.raw(code, "transactions"),
            credit_records=desk.records.raw(code, "credit_records"),
            litigation=desk.records.raw(code, "litigation"),
            complaints=desk.records.raw(code, "complaints"),
            file=file)

    def _require_reads(self, kind: str) -> None:
        for sensitive in READS[kind]:
            self._desk.access.require_cleared(sensitive)

    def _cleared_for_reads(self, kind: str) -> bool:
        return all(self._desk.access.cleared_for(s) for s in READS[kind])

    def evaluate(self, code: str, *, scorecard: str | None = None, answers: dict | None = None,
                 adjust: int = 0, reason: str = "") -> dict:
        """Score a file without storing anything: what ``assess`` would record."""
        desk = self._desk
        kind = desk.customers.kind_of(code)
        self._require_reads(kind)
        # Only a built-in or approved version grades anyone (four eyes on the card too).
        card = self.library.for_grading(scorecard, kind=kind)
        if card.kind != kind:
            raise ValidationError(FieldError("scorecard", "grading.kind_mismatch", {
                "name": card.name, "kind": i18n.tr(f"grading.kind.{card.kind}")}))
        answers = self._check_answers(card, answers or {})
        adjust, reason = self._check_adjust(adjust, reason)
        as_of = clock.today()
        facts = self.facts(code)
        # The collateral records answer the card's collateral (guarantor) question when the
        # assessor does not (customers/collateral.py): what they give is kept in the detail.
        derived = self._derived(card, facts, as_of, answers)
        scored_answers = {**{k: d["value"] for k, d in derived.items() if d["used"]}, **answers}
        measured = metrics.measure(facts, as_of, scored_answers, emerging=card.altman_emerging)
        try:
            scored = score(card, measured.inputs)
        except MissingInputs:
            raise MissingInputs([
                f"{f.label}（{metrics.trace_text(measured.traces.get(f.input, {}))}）"
                for f in card.factors if f.missing == "refuse" and measured.inputs.get(f.input) is None
            ]) from None
        grade = notch(scored.grade, adjust)
        # Near the ends of the scale fewer notches may apply than asked: record those applied.
        adjust = GRADES.index(scored.grade) - GRADES.index(grade)
        recommendation = limits.recommend(card.limits, grade, measured.bases)
        return {
            "scorecard": card, "as_of": as_of.isoformat(), "period": measured.period,
            "answers": answers, "score": scored.score, "computed_grade": scored.grade,
            "adjustment": adjust, "adjustment_reason": reason or None, "grade": grade,
            "risk_level": card.risk_levels[grade], "incomplete": scored.incomplete,
            "recommended_limit": recommendation.amount,
            "detail": {
                # Each input scored without its value, with why it is missing; a submission
                # with any required one carries the assessor's reason (missing_reason).
                "missing": [{"key": f.key, "input_key": card.factor(f.key).input,
                             "required": f.required}
                            for f in scored.factors if f.missing],
                "factors": [{"key": f.key, "input_key": card.factor(f.key).input,
                             "dimension": f.dimension, "input": f.input, "points": f.points,
                             "max_points": f.max_points, "rule": f.rule}
                            for f in scored.factors],
                "dimensions": {k: {"points": p, "weight": w} for k, (p, w) in scored.dimensions.items()},
                "traces": measured.traces,
                "bases": measured.bases,
                "problems": measured.problems,
                "limit_trace": recommendation.trace,
                "derived": derived,
            },
        }

    def _derived(self, card: Scorecard, facts: metrics.Facts, as_of, answers: dict) -> dict:
        """The answers the file's collateral records give to the card's questions
        (``collateral.derivation``), for the questions this card asks with such a choice."""
        from ..customers import collateral
        rows = self._desk.records.raw(facts.file["code"], "collateral")
        found = collateral.cover(rows, as_of, facts.file.get("credit_limit"))
        asked = {f.input: f for f in card.asked_factors()}
        return {key: d for key, d in collateral.derivation(card.kind, found, answers).items()
                if key in asked and asked[key].choice(d["value"]) is not None}

    @staticmethod
    def _check_answers(card: Scorecard, answers: dict) -> dict:
        asked = {f.input: f for f in card.asked_factors()}
        errors, out = [], {}
        for key, value in answers.items():
            if value in (None, ""):
                continue
            if card.kind == "enterprise" and key in FIRM_FACTS:
                try:
                    out[key] = FIRM_FACTS[key](value)
                except (ValidationError, ValueError):
                    errors.append(FieldError("answers", "grading.bad_fact",
                                             {"key": key, "value": value}))
                continue
            factor = asked.get(key)
            if factor is None:
                errors.append(FieldError("answers", "grading.unknown_answer", {"key": key}))
            elif factor.choice(value) is None:
                errors.append(FieldError("answers", "grading.bad_answer", {
                    "factor": factor.label, "value": value,
                    "choices": ", ".join(c.value for c in factor.choices)}))
            else:
                out[key] = value
        if errors:
            raise ValidationError(errors)
        return out

    @staticmethod
    def _check_adjust(adjust, reason) -> tuple[int, str]:
        try:
            adjust = int(adjust or 0)
        except (TypeError, ValueError):
            raise ValidationError(FieldError("adjustment", "grading.adjust_range")) from None
        if abs(adjust) > MAX_NOTCHES:
            raise ValidationError(FieldError("adjustment", "grading.adjust_range"))
        return adjust, (_reason(reason) if adjust else _reason(reason, required=False))

    # -- the workflow -------------------------------------------------------------------
    def assess(self, code: str, *, scorecard: str | None = None, answers: dict | None = None,
               adjust: int = 0, reason: str = "") -> Changes:
        """Score the file now and store the result as a draft; Changes.id is its id."""
        desk = self._desk
        desk.access.require("assessment.create", i18n.tr("grading.create"))
        customer_id = desk.customers.require_visible(code)
        result = self.evaluate(code, scorecard=scorecard, answers=answers, adjust=adjust,
                               reason=reason)
        now = clock.timestamp()
        with desk.writing():
            self._refuse_if_open(customer_id)
            card = result["scorecard"]
            new_id = desk.store.insert("assessments", {
                "customer_id": customer_id, "scorecard_name": card.name,
                "scorecard_version": card.version, "status": "draft",
                **self._stored(result), "assessor": desk.user.name,
                "created_at": now, "updated_at": now})
            desk.audit.append("assessment.create", f"assessment#{new_id}", customer=code.upper(),
                              summary=self._summary(result))
        return Changes.of("grading", code=code.upper(), id=new_id)

    def revise(self, assessment_id: int, *, answers: dict | None = None, adjust: int | None = None,
               reason: str | None = None) -> Changes:
        """Score a draft again with the file as it is now and new answers or adjustment."""
        desk = self._desk
        current = self._require_own_draft(assessment_id, "assessment.revise")
        code = current["code"]
        result = self.evaluate(
            code, scorecard=f"{current['scorecard_name']}@{current['scorecard_version']}",
            answers=json.loads(current["answers"]) if answers is None else answers,
            adjust=current["adjustment"] if adjust is None else adjust,
            reason=(current["adjustment_reason"] or "") if reason is None else reason)
        with desk.writing():
            self._still(assessment_id, "draft")
            desk.store.update("assessments", "id = ?", [assessment_id],
                              {**self._stored(result), "updated_at": clock.timestamp()})
            desk.audit.append("assessment.revise", f"assessment#{assessment_id}", customer=code,
                              summary=self._summary(result))
        return Changes.of("grading", code=code, id=assessment_id)

    def discard(self, assessment_id: int) -> Changes:
        desk = self._desk
        current = self._require_own_draft(assessment_id, "assessment.discard")
        with desk.writing():
            self._still(assessment_id, "draft")
            desk.db.execute("DELETE FROM main.assessments WHERE id = ?", [assessment_id])
            desk.audit.append("assessment.discard", f"assessment#{assessment_id}",
                              customer=current["code"])
        return Changes.of("grading", code=current["code"], id=assessment_id)

    def submit(self, assessment_id: int, missing_reason: str = "") -> Changes:
        """Send a draft for a decision. When required inputs are missing, ``missing_reason``
        says why (the approver reads it beside the list of what is missing)."""
        desk = self._desk
        current = self._require_own_draft(assessment_id, "assessment.submit")
        detail = json.loads(current["detail"] or "{}")
        card = self.library.get(f"{current['scorecard_name']}@{current['scorecard_version']}")
        required = [card.factor(m["key"]).label for m in missing_inputs(detail) if m["required"]]
        reason = _reason(missing_reason, required=False)
        if required and not reason:
            raise ValidationError(FieldError("missing_reason", "grading.missing_reason",
                                             {"factors": "、".join(required)}))
        with desk.writing():
            self._still(assessment_id, "draft")
            now = clock.timestamp()
            values = {"status": "submitted", "submitted_at": now, "updated_at": now}
            if reason and missing_inputs(detail):
                detail["missing_reason"] = reason
                values["detail"] = json.dumps(detail, ensure_ascii=False, sort_keys=True)
            desk.store.update("assessments", "id = ?", [assessment_id], values)
            desk.audit.append("assessment.submit", f"assessment#{assessment_id}",
                              customer=current["code"],
                              summary={"grade": current["grade"], "score": current["score"],
                                       "missing": [m["key"] for m in missing_inputs(detail)],
                                       "missing_reason": reason or None})
        return Changes.of("grading", code=current["code"], id=assessment_id)

    def approve(self, assessment_id: int, limit=None, reason: str = "") -> Changes:
        """Approve a submitted assessment; ``limit`` in yuan (default: the recommendation).
        A limit above the recommendation needs a reason, kept as the decision's reason."""
        desk = self._desk
        current = self._require_decidable(assessment_id, "assessment.approve")
        approved = current["recommended_limit"] if limit in (None, "") else \
            check_one("limit", parse_money, limit)
        reason = _reason(reason, required=approved > current["recommended_limit"])
        card = self.library.get(f"{current['scorecard_name']}@{current['scorecard_version']}")
        today = clock.today()
        valid_until = (today + relativedelta(months=card.valid_months)).isoformat()
        now = clock.timestamp()
        with desk.writing():
            self._still(assessment_id, "submitted")
            desk.store.update("assessments", "id = ?", [assessment_id], {
                "status": "approved", "approved_limit": approved, "valid_until": valid_until,
                "decided_by": desk.user.name, "decided_at": now, "updated_at": now,
                "decision_reason": reason or None})
            # A limit change asked for before this assessment is overtaken by it.
            desk.store.update(
                "limit_changes", "customer_id = ? AND status = 'submitted'",
                [current["customer_id"]], {"status": "rejected", "decided_by": "custdesk",
                                           "decided_at": now,
                                           "decision_reason": f"assessment#{assessment_id}"})
            before = desk.db.execute("SELECT grade, credit_limit FROM customers WHERE id = ?",
                                     [current["customer_id"]]).fetchone()
            desk.store.update("customers", "id = ?", [current["customer_id"]], {
                "grade": current["grade"], "risk_level": current["risk_level"],
                "credit_limit": approved, "grade_valid_until": valid_until,
                "graded_on": today.isoformat(), "assessment_id": assessment_id, "updated_at": now})
            next_review = desk.reviews.restart(current["customer_id"], today, "assessment")
            desk.audit.append("assessment.approve", f"assessment#{assessment_id}",
                              customer=current["code"], summary={
                                  "grade": current["grade"], "risk_level": current["risk_level"],
                                  "recommended_limit": current["recommended_limit"],
                                  "approved_limit": approved, "valid_until": valid_until,
                                  "grade_before": before[0], "limit_before": before[1],
                                  "next_review": next_review, "reason": reason or None})
            desk.warnings.evaluate(today, [current["customer_id"]])
        return Changes.of("grading", "customers", code=current["code"], id=assessment_id)

    def reject(self, assessment_id: int, reason: str) -> Changes:
        desk = self._desk
        current = self._require_decidable(assessment_id, "assessment.reject")
        reason = _reason(reason)
        now = clock.timestamp()
        with desk.writing():
            self._still(assessment_id, "submitted")
            desk.store.update("assessments", "id = ?", [assessment_id], {
                "status": "rejected", "decided_by": desk.user.name, "decided_at": now,
                "decision_reason": reason, "updated_at": now})
            desk.audit.append("assessment.reject", f"assessment#{assessment_id}",
                              customer=current["code"], summary={"reason": reason})
        return Changes.of("grading", code=current["code"], id=assessment_id)

    # -- checks that refuse and log -----------------------------------------------------
    def _refuse(self, action: str, obj: str, code: str | None, error: Exception) -> None:
        """Log a refused attempt (its own transaction), then raise ``error``."""
        with self._desk.writing():
            self._desk.audit.append("refused", obj, customer=code,
                                    summary={"action": action, "why": str(error)})
        raise error

    def _refuse_if_open(self, customer_id: int) -> None:
        found = self._desk.db.execute(
            "SELECT id, status FROM assessments WHERE customer_id = ? AND status IN "
            "('draft', 'submitted')", [customer_id]).fetchone()
        if found:
            raise Conflict(i18n.tr("grading.open_exists", id=found[0], status=status_label(found[1])))

    def _load(self, assessment_id: int) -> dict:
        # The file's level is in the query: an id must not tell whether a hidden file exists.
        row = _row(self._desk.db.execute(
            "SELECT a.*, c.code, c.kind, c.name AS customer_name FROM assessments a "
            "JOIN customers c ON c.id = a.customer_id WHERE a.id = ? AND c.level <= ?",
            [int(assessment_id), self._desk.access.clearance]))
        if row is None:
            raise NotFound(f"assessment #{assessment_id}")
        return row

    def _still(self, assessment_id: int, status: str) -> None:
        """Inside the write: the assessment is still as checked (another user may have
        decided or changed it between the check and the write lock)."""
        row = self._desk.db.execute("SELECT status FROM assessments WHERE id = ?",
                                    [assessment_id]).fetchone()
        if row is None or row[0] != status:
            raise Conflict(i18n.tr("grading.not_draft" if status == "draft" else "grading.not_submitted",
                                   id=assessment_id, status=status_label(row[0]) if row else "—"))

    def _require_own_draft(self, assessment_id: int, action: str) -> dict:
        desk = self._desk
        desk.access.require("assessment.create", i18n.tr("grading.create"))
        current = self._load(assessment_id)
        obj = f"assessment#{assessment_id}"
        if current["status"] != "draft":
            self._refuse(action, obj, current["code"], Conflict(i18n.tr(
                "grading.not_draft", id=assessment_id, status=status_label(current["status"]))))
        if current["assessor"] != desk.user.name:
            self._refuse(action, obj, current["code"],
                         AccessDenied(i18n.tr("grading.not_yours", user=current["assessor"])))
        return current

    def _require_decidable(self, assessment_id: int, action: str) -> dict:
        desk = self._desk
        desk.access.require("assessment.approve", i18n.tr("grading.approve"))
        current = self._load(assessment_id)
        obj = f"assessment#{assessment_id}"
        if current["assessor"] == desk.user.name:
            self._refuse(action, obj, current["code"], AccessDenied(i18n.tr("grading.own")))
        if current["status"] != "submitted":
            self._refuse(action, obj, current["code"], Conflict(i18n.tr(
                "grading.not_submitted", id=assessment_id, status=status_label(current["status"]))))
        self._require_reads(current["kind"])
        return current

    # -- storing ------------------------------------------------------------------------
    @staticmethod
    def _stored(result: dict) -> dict:
        return {"as_of": result["as_of"], "period": result["period"],
                "answers": json.dumps(result["answers"], ensure_ascii=False, sort_keys=True),
                "detail": json.dumps(result["detail"], ensure_ascii=False, sort_keys=True),
                "score": result["score"], "computed_grade": result["computed_grade"],
                "adjustment": result["adjustment"], "adjustment_reason": result["adjustment_reason"],
                "grade": result["grade"], "risk_level": result["risk_level"],
                "incomplete": int(result["incomplete"]),
                "recommended_limit": result["recommended_limit"]}

    @staticmethod
    def _summary(result: dict) -> dict:
        card = result["scorecard"]
        return {"scorecard": f"{card.name}@{card.version}", "score": result["score"],
                "computed_grade": result["computed_grade"], "adjustment": result["adjustment"],
                "reason": result["adjustment_reason"], "grade": result["grade"],
                "risk_level": result["risk_level"], "incomplete": result["incomplete"],
                "recommended_limit": result["recommended_limit"]}

    # -- reading ------------------------------------------------------------------------
    def get(self, assessment_id: int) -> dict:
        """One assessment with its detail; file-derived inputs masked unless cleared."""
        row = self._load(assessment_id)
        return self._shown(row)

    def _shown(self, row: dict) -> dict:
        """Stored detail plus what a person reads: each factor's label, its input as text
        ("45.2%", "良好", masked "***") and its trace in the user's language."""
        item = dict(row)
        item["answers"] = json.loads(item["answers"] or "{}")
        card = self.library.get(f"{row['scorecard_name']}@{row['scorecard_version']}")
        # The detail quotes the file's levelled records: it is kept at their level, and a
        # reader not cleared to it sees the factors without their inputs.
        detail = json.loads(item["detail"]) if item["detail"] else \
            _withheld_detail(card, item["answers"])
        item["masked"] = masked = not self._cleared_for_reads(row["kind"]) or not item["detail"]
        for factor in detail["factors"]:
            spec = card.factor(factor["key"])
            hidden = masked and not spec.asked and factor["input"] is not None
            if hidden:
                factor["input"] = mask_value(factor["input"], "all")
            choice = spec.choice(factor["input"]) if spec.is_category else None
            factor["label"] = spec.label
            if hidden:               # the bin would tell the figure
                factor["rule"] = "***"
            factor["rule_shown"] = (
                _missing_rule(card, factor["key"]) if factor["rule"] == "missing"
                else i18n.tr("grading.rule.else") if factor["rule"] == "else"
                else choice.label if choice else metrics.format_rule(factor["input_key"], factor["rule"]))
            factor["shown"] = (factor["input"] if hidden else choice.label if choice
                               else metrics.format_input(factor["input_key"], factor["input"]))
            trace = detail["traces"].get(factor["input_key"], {})
            factor["trace"] = "***" if hidden or (masked and "formula" in trace and not spec.asked) \
                else metrics.trace_text(trace)
            derived = (detail.get("derived") or {}).get(factor["input_key"])
            if derived and not masked:      # read from the collateral records (their figures)
                made = spec.choice(derived["value"])
                factor["derived"] = factor["trace"] = collateral_text(
                    derived, made.label if made else derived["value"])
        if card.fitted:
            # Where a fitted card's score starts (its model's intercept): with the factors'
            # points it adds up to the score, so every point is on a line of its own.
            base = card.base_points
            detail["factors"].insert(0, {
                "key": "base", "input_key": "", "dimension": "fitted", "input": None,
                "points": base, "max_points": base, "rule": "base",
                "label": i18n.tr("grading.base"), "shown": "",
                "rule_shown": i18n.tr("grading.base_rule", pdo=f"{card.scaling['pdo']:g}",
                                      score=f"{card.scaling['anchor_score']:g}",
                                      odds=f"{card.scaling['anchor_odds']:g}"),
                "trace": ""})
        if detail["limit_trace"].startswith("limit."):
            detail["limit_trace"] = i18n.tr(detail["limit_trace"])
        else:
            detail["limit_trace"] = metrics.formula_text(detail["limit_trace"])
        traces = detail["traces"]
        if masked:
            detail["traces"] = {}
            detail["bases"] = {k: None if v is None else "***" for k, v in detail["bases"].items()}
            detail["limit_trace"] = "***"
        detail["problems"] = ["***" if masked else metrics.trace_text(p) for p in detail["problems"]]
        # What was missing, each named with why, and the assessor's reason for submitting so.
        item["missing"] = [{"key": m["key"], "label": card.factor(m["key"]).label,
                            "required": m["required"], "scored": _missing_rule(card, m["key"]),
                            "why": "***" if masked else metrics.trace_text(
                                detail["traces"].get(m["input_key"], {}))}
                           for m in missing_inputs(detail)]
        item["missing_reason"] = detail.get("missing_reason")
        # Read before masking cleared the traces: a reader not cleared sees no model line.
        item["altman"] = "" if masked else altman.describe(traces)
        item["detail"] = detail
        item["incomplete"] = bool(item["incomplete"])
        item["scorecard_title"] = card.title
        return item

    def list(self, code: str) -> list[dict]:
        """Every assessment of a file, newest first (drafts included), without detail."""
        customer_id = self._desk.customers.require_visible(code)
        cursor = self._desk.db.execute(
            "SELECT id, status, scorecard_name, scorecard_version, as_of, period, score, "
            "computed_grade, adjustment, adjustment_reason, grade, risk_level, incomplete, "
            "recommended_limit, approved_limit, valid_until, assessor, created_at, submitted_at, "
            "decided_by, decided_at, decision_reason FROM assessments WHERE customer_id = ? "
            "ORDER BY id DESC", [customer_id])
        columns = [c[0] for c in cursor.description]
        return [dict(zip(columns, r)) for r in cursor.fetchall()]

    def open_assessment(self, code: str) -> dict | None:
        return next((a for a in self.list(code) if a["status"] in ("draft", "submitted")), None)

    def history(self, code: str) -> list[dict]:
        """Decided assessments and limit changes, oldest first: the grade history of a file."""
        events = [{"type": "assessment", **a} for a in self.list(code)
                  if a["status"] in ("approved", "rejected")]
        events += [{"type": "limit_change", **c} for c in self.limit_changes(code)
                   if c["status"] in ("approved", "rejected")]
        return sorted(events, key=lambda e: (e["decided_at"], e["id"]))

    def queue(self) -> list[dict]:
        """What waits for a decision within this user's clearance, oldest first; the user's own
        requests are included with ``own`` set (shown, but they cannot decide them)."""
        desk = self._desk
        clearance = desk.access.clearance
        cursor = desk.db.execute(
            "SELECT 'assessment' AS type, a.id, c.code, c.name, c.kind, a.grade, a.score, "
            "a.risk_level, a.recommended_limit AS amount, c.credit_limit AS current_limit, "
            "a.assessor AS requested_by, a.submitted_at AS requested_at, a.adjustment, "
            "a.incomplete, '' AS reason FROM assessments a JOIN customers c ON c.id = a.customer_id "
            "WHERE a.status = 'submitted' AND c.level <= ? "
            "UNION ALL SELECT 'limit_change', l.id, c.code, c.name, c.kind, c.grade, NULL, "
            "c.risk_level, l.new_limit, l.current_limit, l.requested_by, l.requested_at, 0, 0, "
            "l.reason FROM limit_changes l JOIN customers c ON c.id = l.customer_id "
            "WHERE l.status = 'submitted' AND c.level <= ? ORDER BY requested_at",
            [clearance, clearance])
        columns = [c[0] for c in cursor.description]
        rows = [dict(zip(columns, r)) for r in cursor.fetchall()
                if self._cleared_for_reads(r[columns.index("kind")])]
        for row in rows:
            row["own"] = row["requested_by"] == desk.user.name
        return rows

    # -- limits outside an assessment ---------------------------------------------------
    def limit_changes(self, code: str) -> list[dict]:
        customer_id = self._desk.customers.require_visible(code)
        cursor = self._desk.db.execute(
            "SELECT * FROM limit_changes WHERE customer_id = ? ORDER BY id DESC", [customer_id])
        columns = [c[0] for c in cursor.description]
        return [dict(zip(columns, r)) for r in cursor.fetchall()]

    def request_limit(self, code: str, new_limit, reason: str) -> Changes:
        """Ask for a new limit (yuan) for a graded customer; a second person decides."""
        desk = self._desk
        desk.access.require("assessment.create", i18n.tr("grading.create"))
        customer_id = desk.customers.require_visible(code)
        amount = check_one("limit", parse_money, new_limit)
        reason = _reason(reason)
        current = desk.db.execute("SELECT grade, credit_limit FROM customers WHERE id = ?",
                                  [customer_id]).fetchone()
        if current[0] is None:
            raise Conflict(i18n.tr("grading.unrated"))
        if current[1] == amount:
            raise ValidationError(FieldError("limit", "grading.limit_same"))
        with desk.writing():
            self._refuse_if_open(customer_id)
            pending = desk.db.execute("SELECT id FROM limit_changes WHERE customer_id = ? AND "
                                      "status = 'submitted'", [customer_id]).fetchone()
            if pending:
                raise Conflict(i18n.tr("grading.limit_open", id=pending[0]))
            new_id = desk.store.insert("limit_changes", {
                "customer_id": customer_id, "current_limit": current[1], "new_limit": amount,
                "reason": reason, "status": "submitted", "requested_by": desk.user.name,
                "requested_at": clock.timestamp()})
            desk.audit.append("limit.request", f"limit_change#{new_id}", customer=code.upper(),
                              summary={"before": current[1], "after": amount, "reason": reason})
        return Changes.of("grading", code=code.upper(), id=new_id)

    def decide_limit(self, change_id: int, approve: bool, reason: str = "") -> Changes:
        desk = self._desk
        desk.access.require("assessment.approve", i18n.tr("grading.approve"))
        row = _row(desk.db.execute(
            "SELECT l.*, c.code, c.kind FROM limit_changes l JOIN customers c ON c.id = l.customer_id "
            "WHERE l.id = ? AND c.level <= ?", [int(change_id), desk.access.clearance]))
        if row is None:
            raise NotFound(f"limit change #{change_id}")
        action, obj = ("limit.approve" if approve else "limit.reject"), f"limit_change#{change_id}"
        if row["requested_by"] == desk.user.name:
            self._refuse(action, obj, row["code"], AccessDenied(i18n.tr("grading.own")))
        if row["status"] != "submitted":
            self._refuse(action, obj, row["code"], Conflict(i18n.tr(
                "grading.limit_decided", id=change_id, status=status_label(row["status"]))))
        reason = _reason(reason, required=not approve)
        now = clock.timestamp()
        with desk.writing():
            status = desk.db.execute("SELECT status FROM limit_changes WHERE id = ?",
                                     [change_id]).fetchone()[0]
            if status != "submitted":
                raise Conflict(i18n.tr("grading.limit_decided", id=change_id,
                                       status=status_label(status)))
            desk.store.update("limit_changes", "id = ?", [change_id], {
                "status": "approved" if approve else "rejected", "decided_by": desk.user.name,
                "decided_at": now, "decision_reason": reason or None})
            if approve:
                desk.store.update("customers", "id = ?", [row["customer_id"]],
                                  {"credit_limit": row["new_limit"], "updated_at": now})
            desk.audit.append(action, obj, customer=row["code"], summary={
                "before": row["current_limit"], "after": row["new_limit"], "reason": reason})
            if approve:     # rules that read the limit (utilisation, the amount secured)
                desk.warnings.evaluate(clock.today(), [row["customer_id"]])
        return Changes.of("grading", "customers", code=row["code"], id=change_id)

    # -- the portfolio (report) -------------------------------------------------------------
    def standings(self) -> list[tuple]:
        """(grade, risk level, limit, exposure, valid until, next review) of every file this
        user may see, for counting the portfolio."""
        return self._desk.db.execute(
            "SELECT grade, risk_level, credit_limit, exposure, grade_valid_until, next_review "
            "FROM customers c WHERE c.level <= ? AND c.name IS NOT NULL",
            [self._desk.access.clearance]).fetchall()

    def largest_exposures(self, limit: int) -> list[tuple]:
        """(code, name, grade, limit, exposure, valid until, next review) of the visible files
        with the largest exposure, largest first."""
        return self._desk.db.execute(
            "SELECT code, name, grade, credit_limit, exposure, grade_valid_until, next_review "
            "FROM customers c WHERE c.level <= ? AND c.name IS NOT NULL AND c.exposure > 0 "
            "ORDER BY c.exposure DESC, c.code LIMIT ?",
            [self._desk.access.clearance, int(limit)]).fetchall()

    # -- standing -----------------------------------------------------------------------
    def credit(self, code: str) -> dict:
        """The customer's grade, limit, exposure, utilisation and any credit hold."""
        desk = self._desk
        customer_id = desk.customers.require_visible(code)
        row = _row(desk.db.execute(
            "SELECT grade, risk_level, credit_limit, grade_valid_until, graded_on, assessment_id, "
            "exposure, next_review FROM customers WHERE id = ?", [customer_id]))
        hold_days = desk.reviews.policy().hold_days
        reasons = limits.hold_reasons(row["credit_limit"], row["exposure"], row["grade_valid_until"],
                                      clock.today(), row["next_review"], hold_days)
        return {**row, "utilisation": limits.utilisation(row["exposure"], row["credit_limit"]),
                "hold": bool(reasons), "hold_reasons": reasons,
                "hold_text": limits.hold_text(reasons, hold_days),
                **self._secured_part(code, row["credit_limit"])}

    def _secured_part(self, code: str, limit: int | None) -> dict:
        """The limit's secured part (the collateral's effective cover in force today, at most
        the limit) and unsecured rest; None for both without a limit, or for a reader not
        cleared to the collateral records (``collateral_withheld``)."""
        from ..customers import collateral
        from ..fields import RECORD_KINDS
        if not self._desk.access.cleared_for(RECORD_KINDS["collateral"].sensitive):
            return {"secured": None, "unsecured": None, "collateral_cover": None,
                    "collateral_withheld": True}
        found = collateral.cover(self._desk.records.raw(code, "collateral"), clock.today(), limit)
        secured, unsecured = found.secured_part(limit)
        return {"secured": secured, "unsecured": unsecured, "collateral_cover": found.cover,
                "collateral_withheld": False}


i18n.register({"grading.kind.enterprise": ("企业", "enterprise"),
               "grading.kind.individual": ("个人", "individual")})

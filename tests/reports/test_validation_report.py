"""评分卡验证报告, read back from the PDF in both languages: the figures, the grade out of
order, PSI, the plain-language reading and, on the firm's data, the migration matrix."""

from __future__ import annotations

import json
import re

import pytest

from custdesk.core import i18n
from custdesk.core.grading import evidence, history
from custdesk.reports import validation
from tests.cli.test_cli import cli  # noqa: F401 - the fixture
from tests.gui.validation_data import PROBE, save_probe, write_history

from .conftest import pdf_text
from .tables import read_tables

CJK = re.compile("[\u3400-\u9fff]")


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture
def probe(desk, tmp_path):
    save_probe(desk)
    here = write_history(tmp_path / "历史.csv")
    later = write_history(tmp_path / "later.csv", shift=60)
    return evidence.validate_file(desk, PROBE, history.read(here, "违约"),
                                  history.read(later, "违约"))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_report_of_a_history_file(desk, probe, tmp_path, lang):
    path = validation.write_pdf(desk, probe, tmp_path / "r.pdf", lang=lang, outcome="违约",
                                bad="是", compare_name="later.csv")
    data = path.read_bytes()
    text = pdf_text(data)
    zh = lang == "zh"
    # Numbered in the export register like every report that leaves the program.
    number = desk.db.execute("SELECT number FROM report_exports WHERE kind = 'validation' "
                             "ORDER BY id DESC").fetchone()[0]
    assert number.startswith("YZ-") and number in text
    checked = desk.exports.verify(data)
    assert checked["ok"] and checked["export"]["number"] == number
    with i18n.using(lang):
        for phrase in (i18n.tr("vr.title"), i18n.tr("vr.s.reading"), i18n.tr("vr.s.curves"),
                       i18n.tr("vr.read.psi_file", name="later.csv", n=500),
                       i18n.tr("vr.file_outcome", column="违约", bad="是"),
                       i18n.tr("scorecard.status.pending")):
            assert flat(phrase).lower() in flat(text).lower(), phrase
        reading = validation.reading(probe, "later.csv")
    for sentence in reading:                    # the reading the window shows, word for word
        assert flat(sentence) in flat(text), sentence
    assert f"{probe['auc']:.3f}" in text and f"{probe['ks']:.3f}" in text
    assert f"{probe['gini']:.3f}" in text and f"{probe['psi']:.3f}" in text
    assert ("有所变化" if zh else "shifting") in text
    assert ("探针评分卡" if zh else "Probe card") in text
    # The grade table, as a reader finds it: B flagged beside its counts.
    heading = "等级" if zh else "Grade"
    (table,) = [t for t in read_tables(data) if t.headers and t.headers[0] == heading]
    rows = {row[0]: row for row in table.rows}
    assert list(rows) == ["A", "BBB", "BB", "B", "C"]
    assert rows["B"][1:4] == ["100", "10", "10.0%"]
    assert ("排序异常" if zh else "Out of order") in rows["B"][-1] and "BB" in rows["B"][-1]
    assert rows["BB"][-1] in ("", "—")
    if not zh:   # nothing Chinese but the data: the firm, the file's column, the card's title
        rest = text
        for data_text in ("测试商贸有限公司", "历史", "违约", "是", "探针评分卡"):
            rest = rest.replace(data_text, "")
        assert not CJK.search(rest), CJK.findall(rest)[:20]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_firms_report_has_the_migration_matrix(desk, probe, tmp_path, lang):
    firm = dict(probe, window_months=12, as_of="2026-11-22", graded_with_this_version=300,
                psi_periods={"before": 200, "recent": 300}, left_out={"window": 9,
                                                                      "already_bad": 2})
    firm.pop("source")
    firm.pop("compare_n")
    firm["migration"] = {
        "start": "2025-11-22", "end": "2026-11-22", "months": 12,
        "grades": ["AAA", "AA", "A", "BBB", "BB", "B", "CCC", "CC", "C"],
        "columns": ["AAA", "AA", "A", "BBB", "BB", "B", "CCC", "CC", "C", "bad", "none"],
        "rows": {"A": {"A": 40, "BBB": 7, "bad": 2}, "BB": {"B": 3, "BB": 9, "none": 1}},
        "total": 62, "left_out": {"already_bad": 4, "closed_before": 2}}
    firm["inputs_missing"] = ["supplier_count"]
    path = validation.write_pdf(desk, firm, tmp_path / "firm.pdf", lang=lang)
    data = path.read_bytes()
    text = pdf_text(data)
    with i18n.using(lang):
        assert flat(i18n.tr("vr.s.migration", months=12)) in flat(text)
        assert flat(i18n.tr("vr.firm_periods", before=200, recent=300)) in flat(text)
        assert flat(i18n.tr("vr.read.firm", months=12, n=500, own=300)) in flat(text)
        assert flat(i18n.tr("vr.read.firm_left", window=9, already_bad=2)) in flat(text)
        assert flat(i18n.tr("vr.read.clearance")) in flat(text)
        assert flat(i18n.tr("vr.read.firm_missing", inputs="supplier_count")) in flat(text)
        first = i18n.tr("vr.from")
    (matrix,) = [t for t in read_tables(data) if t.headers and t.headers[0] == first]
    rows = {row[0]: row for row in matrix.rows}
    assert list(rows) == ["A", "BB"]
    went_bad = matrix.headers.index("转为不良" if lang == "zh" else "Went bad")
    assert rows["A"][went_bad] == "2" and rows["A"][-1] == "49"
    assert rows["A"][matrix.headers.index("BBB")] == "7"


def test_one_grade_alone_is_not_read_as_grades_in_order(probe):
    """Grades that order risk need two grades with enough rows to compare."""
    one = dict(probe, out_of_order=[], bad_rate_by_grade={
        "BBB": {"rate": 0.1, "n": 480, "count": 480, "bad": 48},
        "BB": {"rate": 0.2, "n": 19, "count": 19, "bad": 4}})
    with i18n.using("en"):
        said = validation.reading(one, "later.csv")
        assert i18n.tr("vr.read.order_unknown", min=20) in said
        assert i18n.tr("vr.read.order_ok", min=20) not in said
        one["bad_rate_by_grade"]["BB"].update(n=20, count=20)
        assert i18n.tr("vr.read.order_ok", min=20) in validation.reading(one, "later.csv")
        # Read on a file, not the firm's data: no word of clearance.
        assert i18n.tr("vr.read.clearance") not in said


def test_the_command_line_writes_the_report(cli, open_as, tmp_path):  # noqa: F811
    with open_as() as desk:
        save_probe(desk)
    here = write_history(tmp_path / "h.csv")
    target = tmp_path / "out" / "验证.pdf"
    target.parent.mkdir()
    status, out, err = cli("scorecard", "validate", PROBE, "--history", str(here),
                           "--outcome", "违约", "--pdf", str(target), "--json")
    assert status == 0, err
    assert json.loads(out)["out_of_order"] == ["B"]          # --json stays JSON
    text = pdf_text(target)
    assert "评分卡验证报告" in text and "排序异常" in text
    status, out, err = cli("scorecard", "validate", PROBE, "--history", str(here),
                           "--outcome", "违约", "--pdf", str(target))
    assert status == 0, err
    assert str(target) in out

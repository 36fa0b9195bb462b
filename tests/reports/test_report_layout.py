"""How report text is set: lines broken between Chinese characters and between words but never
inside a word, labels on one line, people named as the window names them, real PDF dates."""

from __future__ import annotations

import datetime
import io

import pikepdf
import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from custdesk.core import i18n
from custdesk.core.exports import Stamp
from custdesk.reports import blocks
from custdesk.reports import customer as report
from custdesk.reports.page import styles

from .conftest import pdf_text, pick


def _stamp(language: str) -> Stamp:
    return Stamp("ZX-2026-000042", "customer", "测试公司", "测试员", "tester",
                 "2026-11-22T01:02:03.000000Z", 17, "ab" * 32, language)


@pytest.mark.parametrize("width", [40, 60, 80, 100, 130, 170])
def test_a_mixed_line_breaks_between_characters_and_words_never_inside_a_word(width):
    text = "企业客户标准评分卡（enterprise-standard@2）按 net margin 与 debt ratio 计分，另见附件。"
    style = styles().cell
    lines = blocks.break_lines(text, width, style.fontName, style.fontSize)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    joined = "\n".join(lines)
    for word in ("enterprise-standard@2", "net", "margin", "debt", "ratio"):
        assert word in joined, (word, lines)       # each word whole on one line
    for line in lines:
        # Closing punctuation never starts a line, an opening bracket never ends one.
        assert not line.startswith(("，", "。", "）")) and not line.endswith("（"), lines
        if len(blocks.units(line)) > 1:
            assert stringWidth(line, style.fontName, style.fontSize) <= width + 0.01, lines


def test_a_word_wider_than_the_line_keeps_a_line_of_its_own():
    style = styles().cell
    lines = blocks.break_lines("编号 enterprise-standard@2 适用", 30, style.fontName, style.fontSize)
    assert lines == ["编号", "enterprise-standard@2", "适用"]


def test_columns_are_never_narrower_than_their_short_labels():
    head = styles().cell_head
    need = blocks.label_width("主要联系人", head) + 8
    widths = blocks.fit_widths([2, 2, 2, 3, 0.2], [8, 8, 8, 8, need])
    assert widths[-1] >= need and sum(widths) == pytest.approx(blocks.WIDTH)
    # An English label may wrap between its words, not inside one.
    words = "Responsible officer (signature)"
    assert blocks.label_width(words, head) == pytest.approx(
        max(stringWidth(word, head.fontName, head.fontSize) for word in words.split()))


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_customer_report_breaks_no_word_and_no_label(demo_as, language):
    desk = demo_as("admin")
    code = pick(desk, "enterprise")
    with i18n.using(language):
        data = report.gather(desk, code)
        text = pdf_text(report.render(data, _stamp(language)).data)
    # The scorecard's name and version, a code inside a Chinese sentence, on one line.
    assert "enterprise-standard@" in text
    if language == "zh":
        assert "主要联系人" in text and "签字：" in text
    else:
        assert "Primary" in text and "Signature:" in text   # an English heading may wrap at a space


def test_the_report_names_a_files_owner_as_the_window_does(demo_as):
    from custdesk.core.fields import label
    desk = demo_as("admin")
    code = pick(desk, "enterprise")
    owner = desk.customers.get(code)["owner"]
    shown = desk.users.display_names()[owner]
    assert shown != owner            # the demo's users have display names
    assert (label("owner"), shown) in report.gather(desk, code).basic


def test_a_report_carries_its_real_creation_date(demo_as, real_pdf_dates):
    desk = demo_as("admin")
    code = pick(desk, "enterprise")
    made = report.render(report.gather(desk, code), _stamp("zh")).data
    with pikepdf.open(io.BytesIO(made)) as pdf:
        created = str(pdf.docinfo["/CreationDate"])
    day = datetime.datetime.strptime(created[2:10], "%Y%m%d").date()
    # ReportLab dates the file by the computer's clock (not the program's, which the tests
    # fix): today, give or take a time zone; never the invariant mode's 2000-01-01.
    assert abs((day - datetime.date.today()).days) <= 1, created

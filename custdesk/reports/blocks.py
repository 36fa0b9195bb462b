"""Building blocks shared by the reports: headings, tables, key-value grids, bar charts."""

from __future__ import annotations

import functools
import re
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from ..core import i18n
from ..core.validation import format_money
from .fonts import report_font
from .page import ACCENT, INK, MUTED, RULE, SHADE, WIDTH, styles

DASH = "—"
_NUMERALS = "一二三四五六七八九十"


def text(value) -> str:
    """A value as printed: None and "" as a dash."""
    if value is None or value == "":
        return DASH
    return str(value)


def caption(label: str) -> str:
    """A label as a column or row caption: English field labels are lower case; capitalise."""
    return label[:1].upper() + label[1:] if label and i18n.language() == "en" else label


def money(fen) -> str:
    if isinstance(fen, bool) or not isinstance(fen, int):
        return text(fen)          # masked ("***") or missing
    return format_money(fen)


_CJK = re.compile("[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")


@functools.lru_cache(maxsize=None)
def _latin(style: ParagraphStyle) -> ParagraphStyle:
    """``style`` wrapping at spaces: the report styles wrap anywhere (right for Chinese), which
    would break English words in narrow columns."""
    return ParagraphStyle(f"{style.name}_latin", parent=style, wordWrap=None)


def para(value, style=None, colour=None) -> Paragraph:
    """A paragraph of plain text (escaped; line breaks kept), wrapped as its script needs."""
    shown = text(value)
    body = escape(shown).replace("\n", "<br/>")
    if colour is not None:
        body = f'<font color="#{colour.hexval()[2:]}">{body}</font>'
    style = style or styles().body
    return Paragraph(body, style if _CJK.search(shown) else _latin(style))


def cell(value, right: bool = False, colour=None) -> Paragraph:
    """A table cell of plain text."""
    return para(value, styles().cell_right if right else styles().cell, colour)


def heading(number: int, title: str) -> Paragraph:
    """A numbered section heading: "三、财务摘要" in Chinese, "3. Financial summary" in English."""
    if i18n.language() == "zh":
        prefix = (_NUMERALS[number - 1] if number <= 10 else
                  "十" + _NUMERALS[number - 11]) + "、"
    else:
        prefix = f"{number}. "
    return Paragraph(escape(prefix + title), styles().heading)


def note(value) -> Paragraph:
    return para(value, styles().note)


def _cell(value, right: bool = False):
    if isinstance(value, (Paragraph, Drawing, Table)):
        return value
    return cell(value, right)


def table(headers: list[str], rows: list[list], widths: list[float] | None = None,
          right: set[int] | frozenset = frozenset(), empty: str = "") -> list:
    """A ruled table with a shaded heading row repeated on each page (a note when empty)."""
    if not rows:
        return [note(empty or DASH)]
    s = styles()
    data = [[para(caption(h), s.cell_head_right if i in right else s.cell_head)
             for i, h in enumerate(headers)]]
    data += [[_cell(v, i in right) for i, v in enumerate(row)] for row in rows]
    if widths:
        total = sum(widths)
        widths = [WIDTH * w / total for w in widths]
    t = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    commands = [
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    for r in range(2, len(data), 2):
        commands.append(("BACKGROUND", (0, r), (-1, r), SHADE))
    t.setStyle(TableStyle(commands))
    return [t, Spacer(1, 4)]


def pairs(items: list[tuple[str, object]], columns: int = 2) -> list:
    """Label-value pairs in a grid of ``columns`` pairs per row."""
    if not items:
        return []
    s = styles()
    rows, row = [], []
    for label, value in items:
        row += [para(caption(label), s.small), _cell(value)]
        if len(row) == columns * 2:
            rows.append(row)
            row = []
    if row:
        rows.append(row + [""] * (columns * 2 - len(row)))
    label_w, value_w = 0.16, (1 - 0.16 * columns) / columns
    t = Table(rows, colWidths=[WIDTH * (label_w if i % 2 == 0 else value_w)
                                for i in range(columns * 2)], hAlign="LEFT")
    t.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, SHADE),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
    ]))
    return [t, Spacer(1, 4)]


def hbar_chart(labels: list[str], values: list[float], maxima: list[float] | None = None,
               width: float = WIDTH, unit: str = "") -> Drawing:
    """Horizontal bars, one per label; with ``maxima`` each bar is drawn against its maximum."""
    font = report_font().name
    bar_h = 14
    height = bar_h * len(labels) + 28
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 110, 14
    chart.width, chart.height = width - 170, height - 24
    shown = list(reversed(values))
    chart.data = [shown] if not maxima else [list(reversed(maxima)), shown]
    chart.categoryAxis.categoryNames = list(reversed(labels))
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    top = max((maxima or values) or [1]) or 1
    chart.valueAxis.valueMax = top
    chart.barSpacing = 0 if maxima else 2
    chart.groupSpacing = 3
    if maxima:
        chart.bars[0].fillColor = SHADE
        chart.bars[0].strokeColor = RULE
        chart.bars[1].fillColor = ACCENT
        chart.bars[1].strokeColor = None
    else:
        chart.bars[0].fillColor = ACCENT
        chart.bars[0].strokeColor = None
    drawing.add(chart)
    for i, value in enumerate(values):
        y = chart.y + chart.height - (i + 0.5) * chart.height / len(values) - 3
        label = f"{value:g}{unit}" + (f" / {maxima[i]:g}" if maxima else "")
        drawing.add(String(chart.x + chart.width + 6, y, label, fontName=font, fontSize=8,
                           fillColor=INK))
    return drawing


def vbar_chart(labels: list[str], series: list[list[float]], names: list[str],
               width: float = WIDTH, height: float = 150) -> Drawing:
    """Vertical grouped bars with a legend line under the chart."""
    font = report_font().name
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 46, 30
    chart.width, chart.height = width - 60, height - 44
    chart.data = series
    chart.categoryAxis.categoryNames = labels
    for axis in (chart.categoryAxis.labels, chart.valueAxis.labels):
        axis.fontName = font
        axis.fontSize = 8
    chart.valueAxis.valueMin = 0
    palette = [ACCENT, colors.HexColor("#e0a526"), colors.HexColor("#7b8794")]
    for i in range(len(series)):
        chart.bars[i].fillColor = palette[i % len(palette)]
        chart.bars[i].strokeColor = None
    drawing.add(chart)
    x = chart.x
    for i, name in enumerate(names):
        drawing.add(Rect(x, 4, 7, 7, fillColor=palette[i % len(palette)], strokeColor=None))
        drawing.add(String(x + 10, 4, name, fontName=font, fontSize=8, fillColor=MUTED))
        x += 24 + stringWidth(name, font, 8)
    return drawing

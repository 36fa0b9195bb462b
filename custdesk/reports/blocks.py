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
# What a line is broken into: a run of spaces, a run of anything else but CJK (a Latin
# word, a number, a code such as enterprise-standard@2), or one CJK character.
_UNIT = re.compile("\\s+|[^\\s\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]+|.", re.S)
# Punctuation that may not begin a line, and that may not end one (Chinese typesetting).
_NO_START = set("，。、；：？！）》」』】〕”’％·…")
_NO_END = set("（《「『【〔“‘")
# A CJK label up to this many characters is kept on one line (a caption, a role).
LABEL_CHARS = 10


@functools.lru_cache(maxsize=None)
def _latin(style: ParagraphStyle) -> ParagraphStyle:
    """``style`` wrapping at spaces: the report styles wrap anywhere (right for Chinese), which
    would break English words in narrow columns."""
    return ParagraphStyle(f"{style.name}_latin", parent=style, wordWrap=None)


def units(text: str) -> list[str]:
    """``text`` cut where a line may break: between CJK characters and at spaces, never inside
    a Latin word, never before closing or after opening punctuation."""
    out: list[str] = []
    glue = False
    for token in _UNIT.findall(text):
        if out and (glue or token[0] in _NO_START):
            out[-1] += token
        else:
            out.append(token)
        glue = token[-1] in _NO_END
    return out


def break_lines(text: str, width: float, font: str, size: float) -> list[str]:
    """``text`` in lines no wider than ``width`` where it can be (a single word wider than the
    line stays whole here), breaking only between ``units``."""
    lines = []
    for paragraph in text.split("\n"):
        line, used = "", 0.0
        for unit in units(paragraph):
            if unit.isspace() and not line:
                continue
            advance = stringWidth(unit, font, size)
            if line and not unit.isspace() and used + advance > width:
                lines.append(line.rstrip())
                line, used = "", 0.0
            line += unit
            used += advance
        lines.append(line.rstrip())
    return lines


class _Mixed(Paragraph):
    """Plain text with Chinese in it, broken into lines between CJK characters and between
    Latin words but never inside a word: ReportLab's CJK wrapping breaks anywhere, which cuts
    a code or an English word in a Chinese sentence ("enterprise-standar / d@2")."""

    def __init__(self, plain: str, style: ParagraphStyle, colour=None):
        self._plain, self._colour, self._laid_for = plain, colour, None
        super().__init__(self._markup([plain]), style)

    def _markup(self, lines: list[str]) -> str:
        body = "<br/>".join(escape(line) for line in lines)
        if self._colour is not None:
            body = f'<font color="#{self._colour.hexval()[2:]}">{body}</font>'
        return body

    def wrap(self, availWidth, availHeight):
        width = availWidth - self.style.leftIndent - self.style.rightIndent
        if width != self._laid_for:
            plain, colour = self._plain, self._colour
            lines = break_lines(plain, width, self.style.fontName, self.style.fontSize)
            Paragraph.__init__(self, self._markup(lines), self.style)
            self._plain, self._colour, self._laid_for = plain, colour, width
        return super().wrap(availWidth, availHeight)


def para(value, style=None, colour=None) -> Paragraph:
    """A paragraph of plain text (escaped; line breaks kept), wrapped as its script needs."""
    shown = text(value)
    style = style or styles().body
    if _CJK.search(shown):
        return _Mixed(shown, style, colour)
    body = escape(shown).replace("\n", "<br/>")
    if colour is not None:
        body = f'<font color="#{colour.hexval()[2:]}">{body}</font>'
    return Paragraph(body, _latin(style))


def label_width(label: str, style: ParagraphStyle) -> float:
    """The narrowest a label can be set without breaking it badly: a short CJK label whole
    (so that "主要联系人" never leaves its last character alone), else its widest unit (an
    English label may wrap between words)."""
    font, size = style.fontName, style.fontSize
    if _CJK.search(label) and len(label) <= LABEL_CHARS:
        return stringWidth(label, font, size)
    return max((stringWidth(u, font, size) for u in units(label) if not u.isspace()), default=0)


def fit_widths(shares: list[float], least: list[float], total: float = WIDTH) -> list[float]:
    """Column widths in proportion to ``shares`` and adding up to ``total``, each at least
    its ``least`` where the room allows: a column short of its least takes it from the
    columns with room to spare, in proportion to that room."""
    whole = sum(shares)
    widths = [max(total * share / whole, need) for share, need in zip(shares, least)]
    over = sum(widths) - total
    if over > 0:
        room = [w - need if w > need else 0.0 for w, need in zip(widths, least)]
        spare = sum(room)
        if spare >= over:
            widths = [w - over * r / spare for w, r in zip(widths, room)]
        else:   # not enough room for every least width: all in proportion
            widths = [w * total / sum(widths) for w in widths]
    return widths


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
    # Every heading fits its column (paddings of 4 pt each side): none loses a last character.
    least = [label_width(caption(h), s.cell_head) + 8 for h in headers]
    widths = fit_widths(widths or [1] * len(headers), least)
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
    # A label column as wide as its longest label needs (padding: 3 pt left, 6 pt right).
    least = [0.0] * (columns * 2)
    for at, (label, _value) in enumerate(items):
        column = 2 * (at % columns)
        least[column] = max(least[column], label_width(caption(label), s.small) + 9)
    widths = fit_widths([label_w if i % 2 == 0 else value_w for i in range(columns * 2)], least)
    t = Table(rows, colWidths=widths, hAlign="LEFT")
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

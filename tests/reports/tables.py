"""The headed tables of a report PDF read back from the page, as a reader's eye finds them.

A report table (``reports.blocks.table``) has a heading row on the accent colour and a rule
under every row. Read with pdfplumber: a table starts at an accent rectangle; its rows are
the bands between the rules below it (up to the next heading row); its columns are the
runs of text separated by a clear gap (cells are padded 4 pt on each side, so the text of
two neighbouring columns is always at least 8 pt apart). Nothing here knows how the report
was built, so a column printed under the wrong heading is read as such.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

import pdfplumber

from custdesk.reports.page import ACCENT, MARGIN_BOTTOM, MARGIN_TOP, RULE

_CJK = re.compile("[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")
_GAP = 5.0            # pt: wider than a space, narrower than two cell paddings


@dataclass
class PdfTable:
    page: int
    headers: list[str]
    rows: list[list[str]] = field(default_factory=list)

    def column(self, heading: str) -> list[str]:
        i = self.headers.index(heading)
        return [r[i] for r in self.rows]


def _colour(value, target) -> bool:
    if not isinstance(value, (tuple, list)) or len(value) != 3:
        return False
    return all(abs(a - b) < 0.01 for a, b in zip(value, (target.red, target.green, target.blue)))


def _join(lines: list[str]) -> str:
    """Lines of one cell as one text: a line broken beside a Chinese character joins without
    a space (Chinese wraps anywhere), Latin words with one."""
    out = ""
    for line in lines:
        if out and not (_CJK.search(out[-1]) or _CJK.search(line[0])):
            out += " "
        out += line
    return out


def _cell_text(chars: list[dict]) -> str:
    lines: list[list[dict]] = []
    for ch in sorted(chars, key=lambda c: (round(c["top"]), c["x0"])):
        if lines and abs(lines[-1][0]["top"] - ch["top"]) < 2:
            lines[-1].append(ch)
        else:
            lines.append([ch])
    texts = []
    for line in lines:
        line.sort(key=lambda c: c["x0"])
        text, last = "", None
        for ch in line:
            if last is not None and ch["x0"] - last["x1"] > 1.2 and not text.endswith(" "):
                text += " "
            text += ch["text"]
            last = ch
        texts.append(re.sub(r"\s+", " ", text).strip())
    return _join([t for t in texts if t])


def _columns(chars: list[dict]) -> list[tuple[float, float]]:
    spans = sorted((c["x0"], c["x1"]) for c in chars if c["text"].strip())
    merged: list[list[float]] = []
    for x0, x1 in spans:
        if merged and x0 - merged[-1][1] < _GAP:
            merged[-1][1] = max(merged[-1][1], x1)
        else:
            merged.append([x0, x1])
    return [(a, b) for a, b in merged]


def read_tables(pdf: bytes) -> list[PdfTable]:
    """Every headed table of every page, in reading order."""
    found = []
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for number, page in enumerate(doc.pages, 1):
            heads = sorted((r for r in page.rects if r.get("fill")
                            and _colour(r.get("non_stroking_color"), ACCENT)),
                           key=lambda r: r["top"])
            # Rules inside the frame only: the running head and foot are ruled in the same grey.
            rules = sorted((ln for ln in page.lines
                            if _colour(ln.get("stroking_color"), RULE)
                            and MARGIN_TOP - 1 < ln["top"] < page.height - MARGIN_BOTTOM + 1),
                           key=lambda ln: ln["top"])
            # Level by level reports carry a diagonal watermark: its letters are not the table's.
            chars = [c for c in page.chars if abs(c["matrix"][1]) < 1e-6 and abs(c["matrix"][2]) < 1e-6]
            for i, head in enumerate(heads):
                end = heads[i + 1]["top"] if i + 1 < len(heads) else page.height
                x0, x1 = head["x0"], head["x1"]
                bands = [head["top"]]
                for ln in rules:
                    # (a rule drawn twice where a table breaks across pages counts once)
                    if (head["bottom"] - 1 < ln["top"] < end - 0.5 and ln["top"] - bands[-1] > 1.5
                            and abs(ln["x0"] - x0) < 1 and abs(ln["x1"] - x1) < 1):
                        bands.append(ln["top"])
                if len(bands) < 2:
                    continue
                inside = [c for c in chars if x0 <= c["x0"] and c["x1"] <= x1
                          and bands[0] <= (c["top"] + c["bottom"]) / 2 <= bands[-1]]
                spans = _columns(inside)
                grid = []
                for top, bottom in zip(bands, bands[1:]):
                    band = [c for c in inside if top <= (c["top"] + c["bottom"]) / 2 < bottom]
                    grid.append([_cell_text([c for c in band if a - 0.5 <= c["x0"] and c["x1"] <= b + 0.5])
                                 for a, b in spans])
                found.append(PdfTable(number, grid[0], grid[1:]))
    return found

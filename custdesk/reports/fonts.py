"""The Chinese font reports are set in: a TrueType CJK font of the system, embedded.

ReportLab embeds (subsets) TrueType outlines only; OpenType/CFF fonts such as
Noto Sans CJK are refused by it, so they are skipped. When the system has no
usable font, the built-in Adobe CID font ``STSong-Light`` is used: every PDF
reader ships it, but it is not embedded, so the page may look slightly
different from reader to reader.

``CUSTDESK_REPORT_FONT=/path/to/font.ttc[#index]`` chooses a font explicitly.
"""

from __future__ import annotations

import functools
import glob
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont

FALLBACK = "STSong-Light"
# Looked for in this order; a path may end in "#n" for the n-th font of a collection.
_WINDOWS = ("msyh.ttc", "msyh.ttf", "simsun.ttc", "simhei.ttf", "simkai.ttf")
_MAC = ("/System/Library/Fonts/STHeiti Light.ttc", "/System/Library/Fonts/Supplemental/Songti.ttc",
        "/Library/Fonts/Arial Unicode.ttf")
_LINUX_PATTERNS = ("wqy-microhei.ttc", "wqy-zenhei.ttc", "uming.ttc", "ukai.ttc",
                   "DroidSansFallbackFull.ttf", "DroidSansFallback.ttf")
_SAMPLE = "客户资信审核报告第页共"
_lock = threading.Lock()


@dataclass(frozen=True)
class ReportFont:
    name: str            # the name registered with ReportLab
    path: str | None     # None for the built-in CID font
    embedded: bool


def candidates() -> list[str]:
    """Font files worth trying, best first."""
    found: list[str] = []
    chosen = os.environ.get("CUSTDESK_REPORT_FONT")
    if chosen:
        found.append(chosen)
    windows = os.environ.get("WINDIR") or os.environ.get("SystemRoot")
    if windows:
        found += [str(Path(windows) / "Fonts" / name) for name in _WINDOWS]
    found += list(_MAC)
    for pattern in _LINUX_PATTERNS:
        for root in ("/usr/share/fonts", "/usr/local/share/fonts",
                     str(Path.home() / ".local/share/fonts")):
            found += sorted(glob.glob(f"{root}/**/{pattern}", recursive=True))
    return found


def _load(spec: str) -> TTFont | None:
    path, _, index = spec.partition("#")
    if not os.path.isfile(path):
        return None
    try:
        font = TTFont("CustdeskCJK", path, subfontIndex=int(index or 0))
    except (TTFError, OSError, ValueError):
        return None     # CFF outlines, a damaged file, a bad index
    # A Latin-only font would print boxes: it must have the glyphs the reports use.
    if not all(ord(ch) in font.face.charToGlyph for ch in _SAMPLE):
        return None
    return font


@functools.lru_cache(maxsize=1)
def report_font() -> ReportFont:
    """Register and return the report font (once per process)."""
    with _lock:
        for spec in candidates():
            font = _load(spec)
            if font is not None:
                pdfmetrics.registerFont(font)
                # <b> in a paragraph maps to the same face: CJK fonts rarely have a bold one.
                pdfmetrics.registerFontFamily(font.fontName, normal=font.fontName,
                                              bold=font.fontName, italic=font.fontName,
                                              boldItalic=font.fontName)
                return ReportFont(font.fontName, spec, True)
        pdfmetrics.registerFont(UnicodeCIDFont(FALLBACK))
        pdfmetrics.registerFontFamily(FALLBACK, normal=FALLBACK, bold=FALLBACK, italic=FALLBACK,
                                      boldItalic=FALLBACK)
        return ReportFont(FALLBACK, None, False)

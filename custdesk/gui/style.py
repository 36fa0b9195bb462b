"""The look: Fusion with a calm blue palette, a font with Chinese glyphs, SVG icons."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QFontDatabase, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from ..resources import resource

# Fonts that carry Chinese glyphs, best first (Windows, macOS, Linux).
CJK_FONTS = ("Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC",
             "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "SimSun")

ACCENT = "#2f6fa8"


def icon(name: str) -> QIcon:
    return QIcon(str(resource("icons", f"{name}.svg")))


def cjk_font_family() -> str | None:
    families = set(QFontDatabase.families())
    return next((f for f in CJK_FONTS if f in families), None)


def apply_style(app: QApplication) -> None:
    app.setStyle("Fusion")
    palette = QPalette()
    colors = {
        QPalette.Window: "#f4f6f9", QPalette.WindowText: "#1d2733", QPalette.Base: "#ffffff",
        QPalette.AlternateBase: "#f0f4f9", QPalette.Text: "#1d2733", QPalette.Button: "#eef2f7",
        QPalette.ButtonText: "#1d2733", QPalette.Highlight: ACCENT,
        QPalette.HighlightedText: "#ffffff", QPalette.ToolTipBase: "#ffffe8",
        QPalette.ToolTipText: "#1d2733", QPalette.PlaceholderText: "#8a96a3", QPalette.Link: ACCENT,
    }
    for role, color in colors.items():
        palette.setColor(role, QColor(color))
    palette.setColor(QPalette.Disabled, QPalette.Text, QColor("#9aa5b1"))
    palette.setColor(QPalette.Disabled, QPalette.ButtonText, QColor("#9aa5b1"))
    app.setPalette(palette)
    family = cjk_font_family()
    font = QFont(family) if family else app.font()
    font.setPointSize(10)
    app.setFont(font)
    app.setWindowIcon(icon("app"))
    app.setStyleSheet(f"""
        QListWidget#navigation {{ background: #1f3550; color: #dbe6f2; border: none;
                                  font-size: 11pt; padding-top: 8px; }}
        QListWidget#navigation::item {{ padding: 10px 14px; border-left: 3px solid transparent; }}
        QListWidget#navigation::item:selected {{ background: #2c4a6e; color: #ffffff;
                                                border-left: 3px solid #e8a33d; }}
        QTableView {{ gridline-color: #e3e8ef; selection-background-color: {ACCENT}; }}
        QHeaderView::section {{ background: #e9eef5; padding: 4px 6px; border: none;
                                border-right: 1px solid #d5dde8; border-bottom: 1px solid #d5dde8; }}
        QLabel[role="error"] {{ color: #c0392b; }}
        *[invalid="true"] {{ border: 1px solid #c0392b; }}
        QLabel[role="title"] {{ font-size: 14pt; font-weight: bold; color: #1f3550; }}
    """)

"""Render the program icon (resources/icons/app.svg) for the bundle and the installers.

    python installer/make_icons.py OUT_DIR

writes OUT_DIR/hicolor/<n>x<n>/apps/custdesk.png for n in SIZES (the freedesktop icon
theme layout, copied as is into ~/.local/share/icons or /usr/share/icons),
OUT_DIR/hicolor/scalable/apps/custdesk.svg, and OUT_DIR/custdesk.ico for Windows.

Rendering uses QtSvg, which custdesk depends on anyway, so building the icons needs
nothing more than the program's own virtual environment.
"""

from __future__ import annotations

import os
import shutil
import struct
import sys
from pathlib import Path

SOURCE = Path(__file__).resolve().parent.parent / "resources" / "icons" / "app.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
# What Windows picks from for title bars, the taskbar, Explorer and the Start menu.
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 256)


def render(renderer, size: int):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    image = QImage(size, size, QImage.Format_ARGB32)
    image.fill(Qt.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.Antialiasing)
    painter.setRenderHint(QPainter.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("could not encode a PNG")
    buffer.close()
    return bytes(data)


def dib_bytes(image) -> bytes:
    """An ICO entry as a 32-bit BGRA bitmap: what every Windows tool reads at small sizes.

    (Qt's own ICO writer stores a single image; an .ico needs several, so the
    container is written here.)
    """
    from PySide6.QtGui import QImage
    image = image.convertToFormat(QImage.Format_ARGB32)
    width, height = image.width(), image.height()
    # BITMAPINFOHEADER; the height counts the colour rows and the AND mask's rows.
    header = struct.pack("<IiiHHIIiiII", 40, width, height * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    stride = image.bytesPerLine()
    raw = bytes(image.constBits())
    # Format_ARGB32 is 0xAARRGGBB per pixel, i.e. B, G, R, A in little-endian memory: what a
    # DIB wants; DIB rows go bottom-up.
    rows = [raw[y * stride:y * stride + width * 4] for y in range(height)]
    pixels = b"".join(reversed(rows))
    # The AND mask is unused with an alpha channel, but must be there: all zero, each row
    # padded to 4 bytes.
    mask = bytes(((width + 31) // 32) * 4 * height)
    return header + pixels + mask


def write_ico(images: dict[int, object], path: Path) -> None:
    entries, blobs = [], []
    offset = 6 + 16 * len(images)
    for size, image in sorted(images.items()):
        # PNG inside an .ico is understood from Windows Vista on and keeps 256 px small;
        # the smaller sizes stay bitmaps for older readers (resource compilers, Inno Setup).
        blob = png_bytes(image) if size >= 256 else dib_bytes(image)
        dimension = 0 if size >= 256 else size       # 0 means 256 in an ICONDIRENTRY
        entries.append(struct.pack("<BBBBHHII", dimension, dimension, 0, 0, 1, 32,
                                   len(blob), offset))
        blobs.append(blob)
        offset += len(blob)
    path.write_bytes(struct.pack("<HHH", 0, 1, len(images)) + b"".join(entries) + b"".join(blobs))


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    out = Path(argv[0])
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtSvg import QSvgRenderer
    app = QGuiApplication.instance() or QGuiApplication(["make_icons"])  # noqa: F841 - Qt needs it
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"make_icons: cannot read {SOURCE}", file=sys.stderr)
        return 1
    for size in SIZES:
        folder = out / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "custdesk.png").write_bytes(png_bytes(render(renderer, size)))
    scalable = out / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE, scalable / "custdesk.svg")
    write_ico({size: render(renderer, size) for size in ICO_SIZES}, out / "custdesk.ico")
    print(f"make_icons: {len(SIZES)} PNG sizes, an SVG and custdesk.ico in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

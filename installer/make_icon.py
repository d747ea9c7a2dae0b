"""Draw the application icon (a desk bell on a rounded square) into resources/icons/.

    python installer/make_icon.py

Writes frontdesk-<size>.png for each size and frontdesk.ico (all sizes; 32-bit BMP
entries below 256 px, PNG at 256 px, as Windows expects). Only Qt is needed: each size
is drawn from the vector shapes, not scaled from a big bitmap, and the .ico is written
by hand so no imaging library is required. The output is committed; run this again
only to change the drawing.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
)

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)
TOP, BOTTOM = QColor("#2a8c82"), QColor("#17575a")  # the kiosk's teal, light to dark
BELL, SHADE = QColor("#ffffff"), QColor("#dbe9e7")


def draw(size: int) -> QImage:
    """The icon at `size` px, drawn on a 256-unit canvas scaled to the size."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(size / 256, size / 256)
    p.setPen(Qt.PenStyle.NoPen)

    margin = 8 if size >= 32 else 4
    back = QRectF(margin, margin, 256 - 2 * margin, 256 - 2 * margin)
    gradient = QLinearGradient(back.topLeft(), back.bottomLeft())
    gradient.setColorAt(0, TOP)
    gradient.setColorAt(1, BOTTOM)
    p.setBrush(gradient)
    p.drawRoundedRect(back, 52, 52)

    # The bell: a dome on a flat base, a knob on top; a soft shade on the dome's right.
    dome = QPainterPath()
    dome.moveTo(48, 172)
    dome.cubicTo(48, 100, 88, 72, 128, 72)
    dome.cubicTo(168, 72, 208, 100, 208, 172)
    dome.closeSubpath()
    p.setBrush(BELL)
    p.drawPath(dome)
    shade = QPainterPath()
    shade.moveTo(150, 84)
    shade.cubicTo(184, 98, 204, 126, 208, 172)
    shade.lineTo(176, 172)
    shade.cubicTo(174, 132, 164, 104, 150, 84)
    p.setBrush(SHADE)
    p.drawPath(shade)
    p.setBrush(BELL)
    p.drawRoundedRect(QRectF(30, 180, 196, 26), 13, 13)  # the base
    p.drawRoundedRect(QRectF(118, 50, 20, 26), 6, 6)  # the stem
    p.drawEllipse(QPointF(128, 46), 18, 12)  # the button
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("Qt could not encode a PNG")
    buffer.close()
    return bytes(data.data())


def dib_bytes(image: QImage) -> bytes:
    """An ICO bitmap entry: BITMAPINFOHEADER, bottom-up BGRA rows, then the AND mask."""
    size = image.width()
    argb = image.convertToFormat(QImage.Format.Format_ARGB32)
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    rows = []
    mask_rows = []
    mask_stride = ((size + 31) // 32) * 4
    for y in range(size - 1, -1, -1):
        row = bytearray()
        mask = bytearray(mask_stride)
        for x in range(size):
            pixel = argb.pixel(x, y)  # 0xAARRGGBB
            row += struct.pack("<I", pixel)  # little-endian: B, G, R, A
            if (pixel >> 24) == 0:
                mask[x // 8] |= 0x80 >> (x % 8)
        rows.append(bytes(row))
        mask_rows.append(bytes(mask))
    return header + b"".join(rows) + b"".join(mask_rows)


def ico_bytes(images: dict[int, QImage]) -> bytes:
    entries = [
        (size, png_bytes(img) if size >= 256 else dib_bytes(img)) for size, img in images.items()
    ]
    out = struct.pack("<HHH", 0, 1, len(entries))
    offset = 6 + 16 * len(entries)
    for size, blob in entries:
        dim = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        out += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
    return out + b"".join(blob for _, blob in entries)


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    images = {size: draw(size) for size in SIZES}
    for size, image in images.items():
        (OUT / f"frontdesk-{size}.png").write_bytes(png_bytes(image))
    (OUT / "frontdesk.ico").write_bytes(ico_bytes(images))
    print(f"wrote {len(images)} PNG sizes and frontdesk.ico to {OUT.relative_to(ROOT)}")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

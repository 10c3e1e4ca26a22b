"""Draw ShopSync's fallback application icon (a gold ring set with a gem) into installer/.

Why this exists: the spec and the MSI (installer/shopsync.wxs) need an .ico at build time, and the GUI's
own icons (resources/icons/) may not be there yet, or may not include a Windows .ico. The icon is
drawn with Qt (already a dependency) rather than Pillow, and the .ico container is written by hand
(BMP entries for 16-48 px so every Windows shell and resource tool reads them, PNG for 256 px as
Vista+ expects), so no extra package is needed. The outputs are committed; rerun only to change
the drawing:

    QT_QPA_PLATFORM=offscreen .venv/bin/python installer/make_icon.py
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
BMP_MAX = 48  # entries up to this size are stored as BMP (DIB), larger ones as PNG


def render(size: int):
    """One square RGBA image of the glyph at `size` pixels (drawn at that size, not scaled)."""
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen, QPolygonF, QRadialGradient

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = float(size)
    # The band: a thick gold circle in the lower part of the square.
    band = max(1.5, s * 0.11)
    ring = QRectF(s * 0.17, s * 0.33, s * 0.66, s * 0.62)
    ring.adjust(band / 2, band / 2, -band / 2, -band / 2)
    p.setPen(QPen(QColor("#b8860b"), band + max(1.0, s * 0.02)))
    p.drawEllipse(ring)
    p.setPen(QPen(QColor("#f2c14e"), band))
    p.drawEllipse(ring)
    # The gem: a faceted diamond sitting on top of the band.
    cx, top = s / 2, s * 0.04
    w, h = s * 0.46, s * 0.36
    gem = QPolygonF(
        [
            QPointF(cx - w * 0.30, top),
            QPointF(cx + w * 0.30, top),
            QPointF(cx + w / 2, top + h * 0.32),
            QPointF(cx, top + h),
            QPointF(cx - w / 2, top + h * 0.32),
        ]
    )
    shine = QRadialGradient(QPointF(cx - w * 0.15, top + h * 0.2), w * 0.8)
    shine.setColorAt(0.0, QColor("#e8f6ff"))
    shine.setColorAt(0.5, QColor("#4aa3df"))
    shine.setColorAt(1.0, QColor("#1f5f99"))
    p.setPen(QPen(QColor("#153e66"), max(1.0, s * 0.025)))
    p.setBrush(QBrush(shine))
    p.drawPolygon(gem)
    if size >= 32:  # facet lines only where they do not turn into mud
        p.setPen(QPen(QColor(255, 255, 255, 150), max(1.0, s * 0.012)))
        p.drawLine(QPointF(cx - w / 2, top + h * 0.32), QPointF(cx + w / 2, top + h * 0.32))
        p.drawLine(QPointF(cx - w * 0.12, top + h * 0.32), QPointF(cx, top + h))
        p.drawLine(QPointF(cx + w * 0.12, top + h * 0.32), QPointF(cx, top + h))
    p.end()
    return image


def png_bytes(image) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def dib_bytes(image) -> bytes:
    """A 32-bit BGRA DIB as .ico wants it: bottom-up rows, double height, then an AND mask."""
    size = image.width()
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    rows = []
    mask_rows = []
    mask_stride = ((size + 31) // 32) * 4
    for y in range(size - 1, -1, -1):
        row = bytearray()
        mask = bytearray(mask_stride)
        for x in range(size):
            argb = image.pixel(x, y)  # unpremultiplied 0xAARRGGBB
            a, r, g, b = argb >> 24 & 255, argb >> 16 & 255, argb >> 8 & 255, argb & 255
            row += bytes((b, g, r, a))
            if a == 0:
                mask[x // 8] |= 0x80 >> (x % 8)
        rows.append(bytes(row))
        mask_rows.append(bytes(mask))
    return header + b"".join(rows) + b"".join(mask_rows)


def ico_bytes(images: dict[int, object]) -> bytes:
    entries, blobs = [], []
    offset = 6 + 16 * len(images)
    for size, image in sorted(images.items()):
        blob = dib_bytes(image) if size <= BMP_MAX else png_bytes(image)
        dim = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries.append(struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset))
        blobs.append(blob)
        offset += len(blob)
    return struct.pack("<HHH", 0, 1, len(images)) + b"".join(entries) + b"".join(blobs)


def main(out_dir: Path = HERE) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - fonts/painting need it
    images = {size: render(size) for size in ICO_SIZES}
    (out_dir / "shopsync.ico").write_bytes(ico_bytes(images))
    (out_dir / "shopsync.png").write_bytes(png_bytes(images[256]))
    print(f"wrote {out_dir / 'shopsync.ico'} and {out_dir / 'shopsync.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

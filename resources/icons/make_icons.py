"""Draw the tray's state icons (state-<state>-<size>.png) with QPainter.

Run once after changing a colour or a glyph; the PNGs are committed so that the app never draws
them at start-up:  QT_QPA_PLATFORM=offscreen .venv/bin/python resources/icons/make_icons.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen

HERE = Path(__file__).resolve().parent
COLOURS = {
    "ok": "#2e9d57",
    "sync": "#2f6fd0",
    "offline": "#7b8591",
    "attention": "#e07b00",
    "paused": "#5a6470",
}


def glyph(p: QPainter, state: str, s: float) -> None:
    pen = QPen(QColor("white"), max(1.5, s * 0.11), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
               Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    c = s / 2
    if state == "ok":
        path = QPainterPath(QPointF(s * 0.28, s * 0.52))
        path.lineTo(s * 0.44, s * 0.68)
        path.lineTo(s * 0.73, s * 0.35)
        p.drawPath(path)
    elif state == "sync":
        r = QRectF(s * 0.27, s * 0.27, s * 0.46, s * 0.46)
        p.drawArc(r, 30 * 16, 140 * 16)
        p.drawArc(r, 210 * 16, 140 * 16)
        p.setBrush(QColor("white"))
        p.drawPolygon([QPointF(s * 0.73, s * 0.30), QPointF(s * 0.77, s * 0.47), QPointF(s * 0.62, s * 0.42)])
        p.drawPolygon([QPointF(s * 0.27, s * 0.70), QPointF(s * 0.23, s * 0.53), QPointF(s * 0.38, s * 0.58)])
    elif state == "offline":
        p.drawLine(QPointF(s * 0.3, c), QPointF(s * 0.7, c))
    elif state == "attention":
        p.drawLine(QPointF(c, s * 0.26), QPointF(c, s * 0.58))
        p.drawPoint(QPointF(c, s * 0.74))
    elif state == "paused":
        p.drawLine(QPointF(s * 0.40, s * 0.30), QPointF(s * 0.40, s * 0.70))
        p.drawLine(QPointF(s * 0.60, s * 0.30), QPointF(s * 0.60, s * 0.70))


def draw(state: str, size: int) -> QImage:
    img = QImage(size, size, QImage.Format.Format_ARGB32)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(COLOURS[state]))
    m = size * 0.04
    p.drawEllipse(QRectF(m, m, size - 2 * m, size - 2 * m))
    glyph(p, state, size)
    p.end()
    return img


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    for state in COLOURS:
        for size in (16, 32, 64):
            draw(state, size).save(str(HERE / f"state-{state}-{size}.png"))
    draw("ok", 256).save(str(HERE / "shopsync.png"))
    return 0


if __name__ == "__main__":
    sys.exit(main())

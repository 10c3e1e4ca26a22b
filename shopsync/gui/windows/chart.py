"""A small bar chart of changes sent per day (no QtCharts: it is not in PySide6-Essentials)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

DAYS = 30


class DailyChart(QWidget):
    """One bar per day for the last `DAYS` days, today on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values: list[tuple[dt.date, int]] = []
        self.setMinimumHeight(80)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_data(self, per_day: list[tuple[str, int]], today: dt.date | None = None) -> None:
        today = today or dt.date.today()
        counts = {day: int(n or 0) for day, n in per_day}
        self.values = [
            (d, counts.get(d.isoformat(), 0))
            for d in (today - dt.timedelta(days=i) for i in range(DAYS - 1, -1, -1))
        ]
        total = sum(v for _, v in self.values)
        peak = max((v for _, v in self.values), default=0)
        self.setToolTip(self.tr("%n changement(s) sur 30 jours", "", total) + f" (max {peak})")
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = self.rect().adjusted(4, 4, -4, -16)
        p.setPen(QColor("#c8ccd2"))
        p.drawLine(rect.bottomLeft(), rect.bottomRight())
        if not self.values:
            return
        peak = max(1, max(v for _, v in self.values))
        width = rect.width() / len(self.values)
        p.setPen(Qt.PenStyle.NoPen)
        for i, (_, value) in enumerate(self.values):
            h = rect.height() * value / peak
            bar = QRectF(rect.left() + i * width + 1, rect.bottom() - h, max(1.0, width - 2), h)
            p.setBrush(QColor("#2f6fd0" if i == len(self.values) - 1 else "#7aa3e0"))
            p.drawRect(bar)
        p.setPen(QColor("#6b7280"))
        first, last = self.values[0][0], self.values[-1][0]
        p.drawText(rect.left(), self.height() - 2, first.strftime("%d/%m"))
        label = last.strftime("%d/%m")
        p.drawText(rect.right() - p.fontMetrics().horizontalAdvance(label), self.height() - 2, label)

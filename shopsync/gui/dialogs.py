"""Non-blocking message boxes: the event loop (and the tray) keeps running while one is open,
and tests can read and close them."""

from __future__ import annotations

import contextlib

from PySide6.QtWidgets import QMessageBox, QWidget

_open: list[QMessageBox] = []


def message(parent: QWidget | None, title: str, text: str, *, warning: bool = False) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information,
                      title, text, QMessageBox.StandardButton.Ok, parent)
    box.setModal(False)
    box.finished.connect(lambda _r: _open.remove(box) if box in _open else None)
    _open.append(box)
    box.open()
    return box


def open_messages() -> list[QMessageBox]:
    return list(_open)


def close_all() -> None:
    for box in list(_open):
        with contextlib.suppress(RuntimeError):  # its parent window was already deleted
            box.close()
    _open.clear()

"""Designer forms from ui/, loaded at runtime: the forms stay editable in Qt Designer and the
same lookup works frozen or not (shopsync.paths.ui_dir)."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QFile, QIODevice, QObject
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QVBoxLayout, QWidget

from shopsync.paths import ui_dir

T = TypeVar("T", bound=QObject)


def load_form(name: str, host: QWidget) -> QWidget:
    """Load ui/<name>.ui and lay it out as the whole content of `host`."""
    path = ui_dir() / f"{name}.ui"
    file = QFile(str(path))
    if not file.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FileNotFoundError(str(path))
    try:
        form = QUiLoader().load(file, host)
    finally:
        file.close()
    if form is None:
        raise RuntimeError(f"cannot load {path}")
    layout = host.layout() or QVBoxLayout(host)
    layout.setContentsMargins(10, 10, 10, 10)
    layout.addWidget(form)
    return form


def child(form: QWidget, cls: type[T], name: str) -> T:
    """A named widget of a form; a missing one is a packaging bug, reported clearly."""
    found = form.findChild(cls, name)
    if found is None:
        raise LookupError(f"form {form.objectName()!r} has no {cls.__name__} {name!r}")
    return found

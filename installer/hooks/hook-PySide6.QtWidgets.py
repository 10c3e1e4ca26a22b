"""PySide6.QtWidgets, as PyInstaller's own hook collects it, minus the Qt plugins and translations
ShopSync does not use (see qt_trim.py for the list and why it is applied in the hook)."""

import os
import sys

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

if os.path.dirname(__file__) not in sys.path:
    sys.path.insert(0, os.path.dirname(__file__))
from qt_trim import trim  # noqa: E402

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = trim(binaries)
datas = trim(datas)

"""PySide6.QtNetwork without its plugins (TLS backends, network information) nor the OpenSSL
DLLs PyInstaller's hook adds for Qt's TLS: ShopSync uses QtNetwork only for QLocalServer (the
single-instance lock); HTTPS goes through httpx and Python's own ssl module."""

import os
import sys

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

if os.path.dirname(__file__) not in sys.path:
    sys.path.insert(0, os.path.dirname(__file__))
from qt_trim import trim  # noqa: E402

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = trim(binaries)
datas = trim(datas)

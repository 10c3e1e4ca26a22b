"""Which Qt plugins and translations the ShopSync bundle keeps (used by the hooks next to it).

Why here and not as a filter on the finished Analysis: PyInstaller analyses the shared-library
dependencies of every plugin a hook returns. Dropping a plugin afterwards leaves its dependencies
behind (libQt6WaylandClient, libQt6EglFSDeviceIntegration, GTK for the gtk3 theme...), so the
plugins are filtered in the PySide6.QtCore / QtGui / QtNetwork hooks, before that analysis.

What the app uses: QtWidgets windows and a tray icon (raster painting, no OpenGL), SVG and ICO
icons, QLocalServer/QLocalSocket for the single instance (no Qt TLS, no network information),
French and English. `offscreen` stays so the bundle runs headless (tests, CI, screenshots).
"""

from __future__ import annotations

import os
import re

# plugin type -> plugin base names kept (file name without lib prefix and extension).
KEEP_PLUGINS: dict[str, set[str]] = {
    # xcb: X11 desktops; windows: Windows; cocoa: macOS; offscreen: headless runs.
    "platforms": {"qxcb", "qwindows", "qcocoa", "qoffscreen"},
    # PNG/BMP are built into QtGui; SVG for the GUI's icons, ICO for the Windows icon file.
    "imageformats": {"qsvg", "qico"},
    "iconengines": {"qsvgicon"},
    # Dead keys / compose sequences on X11 (é, è, ç typed in the settings window).
    "platforminputcontexts": {"composeplatforminputcontextplugin"},
    # Qt 6.7+ on Windows: the native "windows11"/"modernwindows" style lives in a plugin.
    "styles": {"*"},
}

KEEP_TRANSLATIONS = {"qt_fr", "qt_en", "qtbase_fr", "qtbase_en"}

_PLUGIN_DEST = re.compile(r"(?:^|/)plugins/(?P<type>[^/]+)(?:/|$)")
_TRANSLATION_DEST = re.compile(r"(?:^|/)translations(?:/|$)")


def _base(filename: str) -> str:
    name = os.path.basename(filename)
    name = name.split(".", 1)[0]  # libqxcb.so / qwindows.dll / libqcocoa.dylib
    return name[3:] if name.startswith("lib") else name


def keep_plugin(src: str, dest_dir: str) -> bool | None:
    """True/False for a plugin entry, None when the entry is not a Qt plugin."""
    match = _PLUGIN_DEST.search(dest_dir.replace("\\", "/"))
    if not match:
        return None
    allowed = KEEP_PLUGINS.get(match.group("type"))
    if allowed is None:
        return False
    return "*" in allowed or _base(src) in allowed


def keep_translation(src: str, dest_dir: str) -> bool | None:
    if not _TRANSLATION_DEST.search(dest_dir.replace("\\", "/")) or not src.endswith(".qm"):
        return None
    return os.path.basename(src)[: -len(".qm")] in KEEP_TRANSLATIONS


def trim(entries: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A hook's (src, dest_dir) list without the plugins and translations we do not ship."""
    kept = []
    for src, dest_dir in entries:
        verdict = keep_plugin(src, dest_dir)
        if verdict is None:
            verdict = keep_translation(src, dest_dir)
        if verdict is not False:
            kept.append((src, dest_dir))
    return kept

"""PySide6 itself, as PyInstaller's own hook collects it, without the software OpenGL renderer.

On Windows that hook adds `opengl32sw.dll` (about 20 MB), Mesa's fallback for OpenGL/Qt Quick on
machines without a GPU driver. ShopSync's windows are QtWidgets painted by the raster engine and
never create an OpenGL context, so the DLL would only make the installer heavier.
"""

from PyInstaller.utils.hooks import check_requirement
from PyInstaller.utils.hooks.qt import ensure_single_qt_bindings_package, pyside6_library_info

ensure_single_qt_bindings_package("PySide6")

if pyside6_library_info.version is not None:
    hiddenimports = ["shiboken6", "inspect"]
    if check_requirement("PySide6 >= 6.4.0"):
        hiddenimports += ["PySide6.support.deprecated"]  # | and & on Qt enums
    binaries = [
        (src, dest)
        for src, dest in pyside6_library_info.collect_extra_binaries()
        if not src.lower().endswith("opengl32sw.dll")
    ]

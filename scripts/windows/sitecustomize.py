"""Loaded by the embeddable Windows Python at start (site-packages is on its path): Wine gaps.

Wine 8.0's kernel32 has no CopyFile2. Python 3.12+ calls it through `_winapi.CopyFile2` in
shutil.copyfile when the attribute exists, so every copy (pip, PyInstaller) would fail with
"procedure not found"; without the attribute shutil falls back to its portable read/write loop.
Only the build prefix has this file; the frozen app never sees it.
"""

import _winapi

if hasattr(_winapi, "CopyFile2"):
    del _winapi.CopyFile2

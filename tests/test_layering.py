"""Architecture invariants: the core is Qt-free; the CLI path stays light."""

import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1] / "shopsync"


def core_modules():
    for path in sorted(ROOT.rglob("*.py")):
        rel = path.relative_to(ROOT.parent).with_suffix("")
        parts = rel.parts
        if "gui" in parts or parts[-1] == "__main__":
            continue
        if parts[-1] == "__init__":
            parts = parts[:-1]
        yield ".".join(parts)


def test_no_qt_import_outside_gui():
    import ast

    offenders = []
    for path in ROOT.rglob("*.py"):
        if "gui" in path.relative_to(ROOT).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6") for n in names):
                offenders.append(f"{path}:{node.lineno}")
    assert offenders == []


def test_importing_every_core_module_loads_no_qt():
    mods = list(core_modules())
    code = (
        "import importlib, sys\n"
        f"for m in {mods!r}:\n"
        "    importlib.import_module(m)\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_cli_help_imports_no_qt_nor_server():
    code = (
        "import sys\n"
        "from shopsync.cli import build_parser\n"
        "build_parser()\n"
        "heavy = [m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'uvicorn', 'starlette', 'httpx', 'rapidfuzz', 'python_calamine', 'openpyxl')"
        " or m.startswith('shopsync.site.sandbox')]\n"
        "print(heavy); sys.exit(1 if heavy else 0)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr

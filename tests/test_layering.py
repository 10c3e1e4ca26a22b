"""Architecture invariants: the core is Qt-free; the CLI path stays light."""

import ast
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
        # the sandbox's own argument module (stdlib + catalogue) describes `shopsync sandbox`
        " or (m.startswith('shopsync.site.sandbox') and m not in "
        "('shopsync.site.sandbox', 'shopsync.site.sandbox.cli'))]\n"
        "print(heavy); sys.exit(1 if heavy else 0)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def _is_module(name: str) -> bool:
    path = ROOT.parent / name.replace(".", "/")
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def _imports(path: pathlib.Path) -> list[tuple[str, int]]:
    """Every shopsync module `path` imports, at any depth (top level, inside functions, under
    TYPE_CHECKING): a cycle or a layer crossed inside a function or a type hint is still one."""
    import ast

    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [(a.name, node.lineno) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}:{node.lineno}: relative import"
            base = node.module or ""
            # `from shopsync.store import brands` imports the module shopsync.store.brands (its
            # package's __init__ runs first, as for any submodule: not an edge of its own);
            # `from shopsync.erp import read_export` uses the package itself.
            modules = [f"{base}.{a.name}" for a in node.names if _is_module(f"{base}.{a.name}")]
            out += [(name, node.lineno) for name in modules]
            if len(modules) < len(node.names):
                out.append((base, node.lineno))
    return [(name, line) for name, line in out if name == "shopsync" or name.startswith("shopsync.")]


def _module_name(path: pathlib.Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def test_gui_and_commands_reach_the_store_only_through_services():
    """The windows and the CLI commands call shopsync.services; none opens the store itself."""
    offenders = []
    for folder in ("gui", "commands"):
        for path in (ROOT / folder).rglob("*.py"):
            for name, line in _imports(path):
                if name == "shopsync.store" or name.startswith("shopsync.store."):
                    offenders.append(f"{path.relative_to(ROOT.parent)}:{line} imports {name}")
    assert offenders == []


def test_no_import_cycle_among_shopsync_modules():
    """The module import graph (every import, function-level ones included) has no cycle."""
    graph: dict[str, set[str]] = {}
    for path in ROOT.rglob("*.py"):
        me = _module_name(path)
        graph.setdefault(me, set())
        for name, _line in _imports(path):
            if name != me:
                graph[me].add(name)
    known = set(graph)
    graph = {m: {d for d in deps if d in known} for m, deps in graph.items()}

    # Tarjan's strongly connected components: any component of two or more is a cycle.
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    for v in sorted(graph):
        if v not in index:
            visit(v)
    assert cycles == []


def test_the_redaction_policy_and_the_support_pace_import_only_the_standard_library():
    """The store, the log setup and the CLI's streams all pass through shopsync.redaction; the
    pace is a pure policy: neither may pull a network, Qt or store library into them."""
    code = (
        "import sys\n"
        "before = set(sys.modules)\n"
        "import shopsync.redaction, shopsync.agent.pacing\n"
        "extra = {m.split('.')[0] for m in set(sys.modules) - before}\n"
        "bad = sorted(extra & {'httpx', 'httpcore', 'PySide6', 'sqlite_utils', 'sqlite3', 'keyring'})\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def _gui_classification_offences(source: str, where: str) -> list[str]:
    """What in `source` (a gui/ module) would classify the connector's state a second time: an
    import of the engine's run statuses, or a comparison (==, !=, in, not in) with a
    ConnectorState/RunStatus member or one of their words ("error", "offline", "running"…).
    Mapping a state to an icon (a dict) is not a decision; comparing one is."""
    import ast

    from shopsync.sync.vocab import RunStatus
    from shopsync.vocab import ConnectorState

    words = {str(m) for m in ConnectorState} | {str(m) for m in RunStatus}
    enums = {"ConnectorState", "RunStatus"}

    def names_a_state(node: ast.AST) -> bool:
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            return node.value.id in enums
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value in words
        if isinstance(node, ast.Tuple | ast.List | ast.Set):
            return any(names_a_state(e) for e in node.elts)
        return False

    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module == "shopsync.sync.vocab":
            if any(a.name == "RunStatus" for a in node.names):
                out.append(f"{where}:{node.lineno} imports RunStatus")
        elif isinstance(node, ast.Compare) and any(
            names_a_state(n) for n in [node.left, *node.comparators]
        ):
            out.append(f"{where}:{node.lineno} compares a state: {ast.unparse(node)}")
    return out


def test_gui_never_classifies_the_connectors_state_again():
    """The tray's icon and menu, the status window and the balloon take the state and its
    reason from services/status.py (`assess`): gui/ compares no run status and no state."""
    offenders = []
    for path in (ROOT / "gui").rglob("*.py"):
        offenders += _gui_classification_offences(
            path.read_text(encoding="utf-8"), str(path.relative_to(ROOT.parent))
        )
    assert offenders == []


def test_the_classification_rule_catches_a_second_classification():
    """The rule above is not vacuous: the code gui/state.py had before issue 19 breaks it."""
    before = (
        "from shopsync.sync.vocab import RunStatus\n"
        "def view(s, last):\n"
        "    if s.state == ConnectorState.OFFLINE:\n"
        "        return 'offline'\n"
        "    if last.get('status') == RunStatus.INPUT_ERROR or last.get('status') != 'running':\n"
        "        return 'attention'\n"
    )
    found = _gui_classification_offences(before, "state.py")
    assert len(found) == 4, found


def test_no_product_module_imports_the_sandbox_test_helper_or_the_commands():
    """`shopsync.site.sandbox.testing` is the tests' helper and `shopsync.commands` the CLI's
    edge: the tray app (gui/, screenshots included) uses neither."""
    offenders = []
    for path in (ROOT / "gui").rglob("*.py"):
        for name, line in _imports(path):
            if name == "shopsync.site.sandbox.testing" or name.startswith("shopsync.commands"):
                offenders.append(f"{path.relative_to(ROOT.parent)}:{line} imports {name}")
    assert offenders == []


# Site targets are built in one place (shopsync/site/factory.py): credentials, the no-token
# message, retries per purpose and the limits of the trust boundary live there.
_TARGET_CLASSES = {"SiteClient", "WooCommerceTarget"}


def _target_constructions(path: pathlib.Path) -> list[tuple[str, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name in _TARGET_CLASSES:
                found.append((name, node.lineno))
    return found


def test_site_targets_are_built_only_by_the_factory():
    allowed = {"site/factory.py", "site/woocommerce/__init__.py"}
    offenders = []
    for path in ROOT.rglob("*.py"):
        rel = path.relative_to(ROOT).as_posix()
        if rel in allowed:
            continue
        offenders += [f"{rel}:{line} builds {name}" for name, line in _target_constructions(path)]
    assert not offenders, "build site targets with shopsync.site.factory:\n" + "\n".join(offenders)


def test_only_the_network_boundary_opens_http_clients():
    """httpx.Client is opened by shopsync/net/http.py alone: the site, the platform link, the
    4D REST reader and the update fetcher all meet the network through BoundedClient (the
    sandbox, a server, is not a client)."""
    allowed = {"net/http.py"}
    offenders = []
    for path in ROOT.rglob("*.py"):
        rel = path.relative_to(ROOT).as_posix()
        if rel in allowed or rel.startswith("site/sandbox/"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("Client", "AsyncClient")
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "httpx"
            ):
                offenders.append(f"{rel}:{node.lineno}")
    assert not offenders, "open HTTP clients through shopsync.net.http:\n" + "\n".join(offenders)


def _offenders(folders_or_files, forbidden, allowed=()) -> list[str]:  # noqa: ANN001
    """Imports (any depth) of a module under one of the `forbidden` prefixes, by the modules
    under `folders_or_files` (paths relative to shopsync/; "" for all), `allowed` modules (and
    their submodules) excepted."""
    found = []
    for path in sorted(ROOT.rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if not any(not f or rel == f or rel.startswith(f + "/") for f in folders_or_files):
            continue
        me = _module_name(path)
        if me in allowed or any(me.startswith(a + ".") for a in allowed):
            continue
        for name, line in _imports(path):
            if any(name == p or name.startswith(p + ".") for p in forbidden):
                found.append(f"{rel}:{line} imports {name}")
    return found


def test_the_agent_reaches_the_store_only_through_services():
    """shopsync/agent/ (heartbeat, connection report, support requests) reads and remembers
    through shopsync.services (services/platform.py), like the windows and the CLI."""
    offenders = _offenders(["agent"], ["shopsync.store"])
    assert offenders == [], "go through shopsync.services:\n" + "\n".join(offenders)


# The sandbox is a stand-in site: only itself, its CLI door and the demo (its data included,
# which the screenshots use) may import it; and nothing but the CLI imports the commands.
SANDBOX_USERS = (
    "shopsync.site.sandbox",
    "shopsync.commands.sandbox",
    "shopsync.commands.demo",
    "shopsync.demo_data",
)


def test_no_product_module_imports_the_sandbox():
    offenders = _offenders([""], ["shopsync.site.sandbox"], allowed=SANDBOX_USERS)
    assert offenders == [], "\n".join(offenders)


def test_nothing_but_the_cli_imports_the_commands():
    offenders = _offenders([""], ["shopsync.commands"], allowed=("shopsync.cli", "shopsync.commands"))
    assert offenders == [], "\n".join(offenders)


def test_settings_are_declared_once():
    """Issue 19: config.toml's defaults were written twice (a dataclass and a text) and
    checked three ways (config.py, update/settings.py, scheduling/jobs.py). Every setting is
    now one field of a section class in settings_schema.py, carrying its check; nothing else
    declares a section, writes a default config.toml by hand, or checks settings on its own."""
    import ast
    import re

    from shopsync.settings_schema import SECTIONS, Check, declared

    for section in SECTIONS:
        for key, check, _field in declared(section):
            assert isinstance(check, Check), f"[{section}] {key} has no check"
    section_classes = {cls.__name__ for cls in SECTIONS.values()}
    header = re.compile(r"(?m)^\[(" + "|".join(SECTIONS) + r")\]\s*$")
    offenders = []
    for path in ROOT.rglob("*.py"):
        rel = path.relative_to(ROOT.parent)
        if path.name == "settings_schema.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and node.name in section_classes:
                offenders.append(f"{rel}:{node.lineno} declares {node.name} again")
            if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                    and len(header.findall(node.value)) >= 2):
                offenders.append(f"{rel}:{node.lineno} writes a config.toml by hand")
        if rel.parts[1] == "scheduling" or str(rel).replace("\\", "/") == "shopsync/update/settings.py":
            for name, line in _imports(path):
                if name == "shopsync.errors":
                    offenders.append(f"{rel}:{line} checks settings on its own (imports ConfigError)")
    assert offenders == []


def test_the_change_trackers_reach_the_erp_only_through_its_readers_sessions():
    """One 4D session (one licence) per process, one ODBC connection road: the change trackers
    (issue 20) speak to the ERP through `fourd_rest` and `odbc`, never with a client of their own."""
    import ast

    offenders = []
    for name in ("changes.py", "trackers.py", "fourd_changes.py", "odbc_changes.py", "view.py"):
        path = ROOT / "erp" / name
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n.split(".")[0] in ("httpx", "requests", "urllib3") or n.startswith("shopsync.net")
                   for n in names):
                offenders.append(f"{path}:{node.lineno}")
    assert offenders == []


def test_the_export_counting_is_pure():
    """sync/counts.py is the one counting every place shows: values in, values out. It reads
    no store, no network, no file (its callers do), so that two callers given the same export
    and decisions cannot get two answers."""
    path = ROOT / "sync" / "counts.py"
    banned = ("shopsync.store", "shopsync.site", "shopsync.net", "shopsync.erp", "shopsync.services",
              "shopsync.config", "sqlite3", "sqlite_utils", "httpx")  # fmt: skip
    import ast

    names = [(name, line) for name, line in _imports(path)]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [(a.name, node.lineno) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append((node.module, node.lineno))
    assert any(n == "shopsync.rules" for n, _ in names)  # the scan sees its imports
    assert [(name, line) for name, line in names if name.startswith(banned)] == []

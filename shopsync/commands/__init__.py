"""One module per CLI command.

Each module defines `NAME`, `HELP`, `add_arguments(parser)` and `run(args) -> int`. Modules
import only the standard library at top level: heavy imports (Qt, the sandbox server, readers)
happen inside `run`, so that `shopsync --help` and `shopsync read` stay fast and Qt-free.
"""

COMMAND_MODULES = [
    "sync",
    "status",
    "confirm",
    "read",
    "brands",
    "match",
    "aliases",
    "check",
    "sandbox",
    "demo",
    "run",
    "gui",
    "screenshots",
    "update",
    "conformance",
    "update_helper",
    "quit",
]

# Commands that run until stopped (or for long): what they print is line-buffered, so that it
# shows at once in a pipe (`make demo | tee log`) instead of when the command ends.
LONG_RUNNING = frozenset({"demo", "sandbox", "run", "gui", "sync"})

"""Entry point of the frozen app (PyInstaller analyses this file, not shopsync/__main__.py).

Why a separate script: a windowed Windows executable starts with `sys.stdout`/`sys.stderr` set
to None, and libraries that write or probe them (argparse's --version, uvicorn's log formatter
calling `sys.stdout.isatty()`, warnings) would fail where the console build works. Giving them a
null stream keeps the frozen app's behaviour identical to the source install; everything worth
keeping goes to the log file in the home folder anyway.
"""

import os
import sys


def _null_streams() -> None:
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115


if __name__ == "__main__":
    _null_streams()
    from shopsync.cli import main

    sys.exit(main())

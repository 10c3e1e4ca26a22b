"""Run a command and report its own peak memory: `python -m tests.net.measure OUT -- CMD…`.

Why a wrapper: Linux records, at exec, the high-water RSS of the memory the new program
replaces; a child forked (or vforked) straight from a large pytest process therefore reports
pytest's peak as its own. Forked from this small process instead, the command's `ru_maxrss`
(os.wait4) is its own. Writes `{"peak_mb": …, "exit": …}` to OUT; exits with the command's code.
"""

from __future__ import annotations

import json
import os
import sys


def main() -> int:
    out, _, command = sys.argv[1], sys.argv[2], sys.argv[3:]
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child becomes the command
        try:
            os.execvp(command[0], command)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    with open(out, "w", encoding="utf-8") as f:
        json.dump({"peak_mb": usage.ru_maxrss / 1024, "exit": code}, f)
    return code if code >= 0 else 128 - code


if __name__ == "__main__":
    sys.exit(main())

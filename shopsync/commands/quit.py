"""`shopsync quit [--wait] [--timeout S]`: close the running tray app cleanly.

For an IT provider's silent upgrade, before `msiexec /i ShopSync-X.Y.Z.msi /qn`: Windows cannot
replace files a running program holds (it would queue them for a reboot and answer 3010). The
tray app is asked through its single-instance channel (`shopsync/instance_link.py`); it lets a
sync in progress finish, installs nothing itself, and exits. With `--wait` this command returns
only once it has gone (on Windows: no other process runs from the install folder).
Exit codes: 0 closed (or was not running), 1 still running when the wait ended.
"""

from __future__ import annotations

import argparse

NAME = "quit"
HELP = "Close the running ShopSync tray app (before a silent upgrade)."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--wait", action="store_true", help="return only once it has exited")
    parser.add_argument("--timeout", type=float, default=600.0, metavar="S",
                        help="how long --wait waits at most (default 600 s: a sync ends first)")


def _gone(home) -> bool:  # noqa: ANN001
    import sys
    from pathlib import Path

    from shopsync.instance_link import listening

    if listening(home):
        return False
    if sys.platform == "win32" and getattr(sys, "frozen", False):
        from shopsync.update.windows_apply import processes_in

        return not processes_in(Path(sys.executable).resolve().parent)
    return True


def run(args: argparse.Namespace) -> int:
    from shopsync.commands._common import load
    from shopsync.i18n import arg, translate
    from shopsync.instance_link import Message, send, wait_until

    settings = load(args)
    asked = send(settings.home, Message.QUIT)
    if args.wait and not wait_until(lambda: _gone(settings.home), args.timeout):
        text = translate("Cli", "ShopSync tourne encore après %1 s.")
        print(arg(text, f"{args.timeout:g}"), flush=True)
        return 1
    if asked and args.wait:
        print(translate("Cli", "ShopSync s'est fermé."), flush=True)
    elif asked:
        print(translate("Cli", "ShopSync a été prié de se fermer."), flush=True)
    else:
        print(translate("Cli", "ShopSync n'était pas ouvert."), flush=True)
    return 0

"""`shopsync-release init|publish|refresh|rotate-key`: the maintainers' side of updates.

    shopsync-release init REPO --keys KEYDIR
    shopsync-release publish REPO --keys KEYDIR FILE --version X.Y.Z [--channel stable]
                             [--rollout PERCENT] [--expires DURATION]
    shopsync-release refresh REPO --keys KEYDIR [--expires DURATION]   (daily: online roles)
    shopsync-release rotate-key REPO --keys KEYDIR ROLE
Exit codes: 0 done, 2 invalid input or keys.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

from shopsync.errors import EXIT_INPUT, ShopSyncError


def duration(text: str) -> timedelta:
    """`2s`, `30m`, `12h`, `1d` → timedelta: the one duration parser (`shopsync.durations`)."""
    from shopsync.durations import DurationError, parse_duration

    try:
        return timedelta(seconds=parse_duration(text))
    except DurationError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _percent(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError("a percentage 0..100")
    return value


def _version(text: str) -> str:
    from shopsync.update.naming import parse_version

    try:
        parse_version(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return text


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="shopsync-release",
        description="Create and sign ShopSync's TUF update repository (maintainers only).",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("repo", type=Path, metavar="REPO", help="repository folder")
        p.add_argument(
            "--keys",
            type=Path,
            required=True,
            metavar="KEYDIR",
            help="folder of the roles' private keys (never in git)",
        )
        return p

    command(
        "init",
        "new repository: keys for the four roles (unless KEYDIR has them) and the first metadata",
    )
    p = command("publish", "add FILE as a release, sign targets, snapshot and timestamp")
    p.add_argument("file", type=Path, metavar="FILE", help=".tar.gz bundle or .msi")
    p.add_argument("--version", type=_version, required=True, metavar="X.Y.Z")
    p.add_argument("--channel", choices=["stable", "beta"], default="stable")
    p.add_argument(
        "--rollout",
        type=_percent,
        default=100,
        metavar="PERCENT",
        help="share of agents offered this release (default 100)",
    )
    p.add_argument(
        "--expires",
        type=duration,
        default=timedelta(days=1),
        metavar="DURATION",
        help="timestamp lifetime: 2s, 30m, 12h, 1d (default 1d)",
    )
    p = command("refresh", "re-sign snapshot and timestamp (run daily with the online keys)")
    p.add_argument("--expires", type=duration, default=timedelta(days=1), metavar="DURATION")
    p = command("rotate-key", "replace one role's key (new root signed by the old root key)")
    p.add_argument("role", choices=["root", "targets", "snapshot", "timestamp"])
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from shopsync.release.keys import Role
    from shopsync.release.repo import Repository

    repo = Repository(args.repo, args.keys)
    try:
        if args.command == "init":
            repo.init()
            print(f"repository created: {repo.metadata}; keys in {args.keys}")
        elif args.command == "publish":
            if not args.file.is_file():
                raise ShopSyncError(f"{args.file}: no such file")
            path = repo.publish(args.file, args.version, args.channel, args.rollout, args.expires)
            print(f"published {path} ({args.rollout}% of agents, timestamp valid {args.expires})")
        elif args.command == "refresh":
            repo.refresh(args.expires)
            print("snapshot and timestamp re-signed")
        else:
            keyid = repo.rotate(Role(args.role))
            print(f"{args.role} key rotated: new keyid {keyid}")
    except ShopSyncError as exc:
        print(f"shopsync-release: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except OSError as exc:
        print(f"shopsync-release: {exc}", file=sys.stderr)
        return EXIT_INPUT
    return 0


if __name__ == "__main__":
    sys.exit(main())

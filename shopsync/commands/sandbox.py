"""`shopsync sandbox`: run the stand-in web site (Site API v1 + storefront) on this machine.

Only the standard library is imported here; the server (Starlette, uvicorn) is imported in
`run`, so that `shopsync --help` stays fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

NAME = "sandbox"
HELP = (
    "Run the sandbox site (Site API v1, storefront page at /) for demos and tests; "
    "state kept in SQLite under --data."
)
TOKEN_ENV = "SHOPSYNC_SANDBOX_TOKEN"


def _rate(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError("a share between 0 and 1 (0.3 = 30% of API requests)")
    return value


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("at least 1")
    return value


def _duration(text: str) -> float:
    from shopsync.durations import DurationError, parse_duration

    try:
        return parse_duration(text)
    except DurationError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)"
    )
    parser.add_argument(
        "--port", type=int, default=8765, help="port (default 8765; 0 = any free port)"
    )
    parser.add_argument(
        "--token",
        default=None,
        help=f"the shop's bearer token (default: ${TOKEN_ENV} or 'sandbox-token')",
    )
    parser.add_argument(
        "--catalog",
        type=Path,
        metavar="CSV",
        help="catalogue CSV: reference,brand,title,has_sizes[,sizes]",
    )
    parser.add_argument(
        "--data",
        type=Path,
        metavar="DIR",
        help="folder for the sandbox's SQLite state (default: the ShopSync home folder's sandbox/)",
    )
    parser.add_argument(
        "--faults",
        type=_rate,
        default=0.0,
        metavar="RATE",
        help="share of API requests that fail (0..1)",
    )
    parser.add_argument(
        "--updates",
        type=Path,
        metavar="DIR",
        help="serve this TUF update repository (shopsync-release init) under /updates",
    )
    parser.add_argument("--seed", type=int, default=0, help="seed choosing which requests fail")
    parser.add_argument(
        "--batch-limit",
        type=_positive,
        default=500,
        metavar="N",
        help="items per batch before 413 (default 500)",
    )
    parser.add_argument(
        "--slow-seconds",
        type=float,
        default=2.0,
        metavar="S",
        help="delay of a 'slow' fault (default 2)",
    )
    parser.add_argument(
        "--agent-late",
        type=_duration,
        default="45m",
        metavar="DURATION",
        help="the connector is late after this long without a heartbeat (default 45m)",
    )
    parser.add_argument(
        "--agent-silent",
        type=_duration,
        default="6h",
        metavar="DURATION",
        help="the connector is silent after this long without a heartbeat (default 6h)",
    )
    parser.add_argument(
        "--stale-policy",
        choices=("off", "confirm"),
        default="off",
        help="confirm: while the connector is silent, in-stock products show "
        "'disponibilité à confirmer' (default off)",
    )


def _data_dir(args: argparse.Namespace) -> Path:
    if args.data is not None:
        return args.data.expanduser().resolve()
    from shopsync.config import home_dir

    return home_dir(getattr(args, "home", None)) / "sandbox"


def _stop_on_sigterm() -> None:
    """SIGTERM (a service manager, `kill`) ends the sandbox like Ctrl-C: exit code 0.

    uvicorn shuts down gracefully on SIGTERM and then re-raises it; with the default handler the
    process would die of the signal after its clean shutdown.
    """
    import signal
    import threading

    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, stop)


def run(args: argparse.Namespace) -> int:
    from shopsync.errors import ConfigError
    from shopsync.site.sandbox.server import serve

    token = args.token or os.environ.get(TOKEN_ENV) or "sandbox-token"
    data = _data_dir(args)
    if args.catalog is not None and not args.catalog.is_file():
        raise ConfigError(f"{args.catalog}: no such catalogue file")
    if args.agent_late >= args.agent_silent:
        raise ConfigError("--agent-late must be shorter than --agent-silent")
    if args.updates is not None and not (args.updates / "metadata").is_dir():
        raise ConfigError(f"{args.updates}: not an update repository (no metadata/ folder)")

    def ready(base_url: str) -> None:
        # The first line is machine-read (tests learn the port from it): keep its shape.
        print(f"ShopSync sandbox: {base_url}", flush=True)
        print(f"  storefront: {base_url}/   contract: {base_url}/openapi.json", flush=True)
        print(f"  back-office: {base_url}/admin (password: the shop token)", flush=True)
        print(f"  data: {data}", flush=True)
        if args.updates is not None:
            print(f"  updates: {base_url}/updates/ from {args.updates}", flush=True)
        if args.faults:
            print(f"  faults: {args.faults:.0%} of API requests (seed {args.seed})", flush=True)
        print("  Ctrl-C to stop.", flush=True)

    _stop_on_sigterm()
    try:
        serve(
            host=args.host,
            port=args.port,
            token=token,
            catalog=args.catalog,
            data=data,
            faults=args.faults,
            seed=args.seed,
            batch_limit=args.batch_limit,
            ready=ready,
            fault_slow_seconds=args.slow_seconds,
            agent_late=args.agent_late,
            agent_silent=args.agent_silent,
            stale_policy=args.stale_policy,
            updates=args.updates,
        )
    except SystemExit as exc:  # uvicorn exits when it cannot bind
        if exc.code:
            raise ConfigError(f"cannot listen on {args.host}:{args.port} (port in use?)") from None
    except KeyboardInterrupt:
        pass
    print("ShopSync sandbox stopped.", file=sys.stderr, flush=True)
    return 0

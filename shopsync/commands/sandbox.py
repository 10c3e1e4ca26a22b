"""`shopsync sandbox`: the stand-in web site (Site API v1.1, storefront, `/admin`).

The sandbox owns its arguments and its start (`shopsync.site.sandbox.cli`, light: the server is
imported when it runs); this module is the CLI's door to it, so that nothing of the sandbox
imports the CLI (tests/test_layering.py).
"""

from __future__ import annotations

import argparse

from shopsync.site.sandbox.cli import HELP

NAME = "sandbox"
__all__ = ["HELP", "NAME", "add_arguments", "run"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from shopsync.site.sandbox import cli

    cli.add_arguments(parser)


def run(args: argparse.Namespace) -> int:
    from shopsync.site.sandbox import cli

    return cli.run(args)

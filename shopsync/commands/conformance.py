"""`shopsync conformance --site URL [--kind shopsync|woocommerce]`: the conformance suite
against a live site, through the delivery port (shopsync/site/conformance.py says what it
touches: only products whose reference starts with --prefix, left unpublished)."""

from __future__ import annotations

import argparse
import json

NAME = "conformance"
HELP = (
    "check a site against ShopSync's rules (seed rules, replay safety, web orders, paging); "
    "writes only to products whose reference starts with --prefix, and leaves them unpublished"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--site", required=True, help="the site's address (https://…)")
    parser.add_argument(
        "--kind", default="shopsync", choices=["shopsync", "woocommerce"],
        help="the shop's engine (default shopsync: the Site API)",
    )  # fmt: skip
    parser.add_argument(
        "--prefix", default="SHOPSYNC-CONFORMANCE-",
        help="only products whose reference starts with this are written (default %(default)s)",
    )  # fmt: skip
    parser.add_argument("--json", action="store_true", help="one JSON object per check")


def run(args: argparse.Namespace) -> int:
    from shopsync.commands._common import load
    from shopsync.errors import ConfigError
    from shopsync.i18n import arg, translate
    from shopsync.site.conformance import MIN_PREFIX, Outcome, run_suite
    from shopsync.site.factory import Purpose, SiteTargets

    load(args)  # logging in the home folder
    if len(args.prefix) < MIN_PREFIX:
        raise ConfigError(arg(translate("Cli", "--prefix : au moins %1 caractères"), MIN_PREFIX))
    with SiteTargets(args.site, kind=args.kind).open(Purpose.CONFORMANCE) as target:
        results = run_suite(target, args.prefix)
    labels = {
        Outcome.PASSED: translate("Cli", "réussi"),
        Outcome.FAILED: translate("Cli", "ÉCHEC"),
        Outcome.SKIPPED: translate("Cli", "sans objet"),
    }
    for result in results:
        if args.json:
            print(
                json.dumps(
                    {"check": result.name, "outcome": str(result.outcome), "detail": result.detail}
                )
            )
        else:
            print(f"{labels[result.outcome]:>10}  {result.name}  {result.detail}")
    failed = sum(r.outcome is Outcome.FAILED for r in results)
    passed = sum(r.outcome is Outcome.PASSED for r in results)
    if not args.json:
        print(arg(translate("Cli", "conformité : %1 réussis, %2 en échec"), passed, failed))
    return 3 if failed else 0

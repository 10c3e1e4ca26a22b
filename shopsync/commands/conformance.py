"""`shopsync conformance`: check a site (ours, WooCommerce, or the platform's own Site API
implementation) against what the connector relies on (shopsync/conformance.py)."""

from __future__ import annotations

import argparse

NAME = "conformance"
HELP = (
    "check a site against the delivery contract: writes only to test products whose "
    "reference starts with --prefix (exit 0 all passed, 5 a check failed)"
)
EXIT_FAILED = 5


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--site", metavar="URL", help="the site (default: the configured one)")
    parser.add_argument(
        "--kind", choices=["shopsync", "woocommerce"], help="the site's engine (default: configured)"
    )
    parser.add_argument(
        "--prefix",
        default="SHOPSYNC-CONFORMANCE-",
        help="reference prefix of the test products the suite may write to",
    )
    parser.add_argument("--json", action="store_true", help="one JSON document on stdout")


def run(args: argparse.Namespace) -> int:
    import json
    import sys

    from shopsync.commands._common import load
    from shopsync.conformance import Suite
    from shopsync.errors import ShopSyncError
    from shopsync.site.factory import Purpose, SiteTargets

    try:
        settings = load(args)
        url = args.site or settings.site.url
        kind = args.kind or getattr(settings.site, "kind", "shopsync")
        # the shop's own rules (backorder message, brand attribute) with the site named here
        target = SiteTargets.from_settings(settings, url=url, kind=kind).open(Purpose.CONFORMANCE)
    except ShopSyncError as exc:
        if args.json:
            print(json.dumps({"passed": False, "error": str(exc), "exit_code": exc.exit_code}))
        print(str(exc), file=sys.stderr)
        return exc.exit_code
    try:
        report = Suite(target, prefix=args.prefix).run()
    finally:
        target.close()
    if args.json:
        print(json.dumps({"site": url, **report.as_dict()}, ensure_ascii=False))
    else:
        for result in report.results:
            print(f"{result.outcome.value:>7}  {result.name}: {result.detail}")
        counts = report.counts()
        print(f"{counts['passed']} passed, {counts['failed']} failed, {counts['skipped']} skipped")
    return 0 if report.passed else EXIT_FAILED

"""`shopsync brands list` and `shopsync brands map BRAND --mode stock|preorder|off`."""

from __future__ import annotations

import argparse
import json

NAME = "brands"
HELP = "list ERP brands and their mapping, or map a brand to the site"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from shopsync.commands._common import common_options

    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    lst = sub.add_parser("list", help="every ERP brand with its product count and mapping")
    lst.add_argument("--json", action="store_true")
    common_options(lst)
    mp = sub.add_parser("map", help="set a brand's mode (a brand absent from the ERP is allowed)")
    mp.add_argument("brand", metavar="BRAND")
    mp.add_argument("--mode", required=True, choices=["stock", "preorder", "off"])
    mp.add_argument("--site-brand", metavar="NAME", default=None)
    common_options(mp)


def run(args: argparse.Namespace) -> int:
    from shopsync.commands._common import engine
    from shopsync.rules import fold_brand
    from shopsync.store import brands, erp_cache

    eng = engine(args)
    try:
        if args.action == "map":
            mapping = brands.set_mapping(eng.db, args.brand, args.mode, args.site_brand)
            target = mapping.site_brand or mapping.erp_brand
            print(f"{mapping.erp_brand} → {target} : {mapping.mode}")
            return 0
        mappings = brands.load_mappings(eng.db)
        counts = dict(erp_cache.erp_brands(eng.db))
        rows = []
        for brand, count in counts.items():
            m = mappings.get(fold_brand(brand))
            rows.append(_row(brand, count, m, eng.settings.rules.new_brands))
        seen = {fold_brand(b) for b in counts}
        for key, m in mappings.items():
            if key not in seen:
                rows.append(_row(m.erp_brand, 0, m, eng.settings.rules.new_brands))
        rows.sort(key=lambda r: (r["decided"], r["brand"].casefold()))
    finally:
        eng.close()
    if args.json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
    else:
        for row in rows:
            flag = "" if row["decided"] else "  ← à décider"
            print(f"{row['brand']:<30} {row['products']:>6}  → {row['site_brand']:<24} {row['mode']}{flag}")
    return 0


def _row(brand: str, count: int, mapping, default: str) -> dict:
    return {
        "brand": brand,
        "products": count,
        "site_brand": (mapping.site_brand if mapping and mapping.site_brand else brand),
        "mode": mapping.mode if mapping else default,
        "decided": bool(mapping and mapping.decided),
    }

"""The WooCommerce live run: a 2,000-product first sync and one-sale syncs, timed, against a
WooCommerce shop you run yourself (nothing here installs WordPress or WooCommerce).

Steps (each one process; the shop at URL must be a throwaway test shop: `seed` deletes every
product and order first):

    export WOO_URL=http://127.0.0.1:8780 WOO_CREDENTIALS=ck_…:cs_… WOO_HOME=/tmp/woo-home
    .venv/bin/python benchmarks/bench_woocommerce_live.py seed    # 1,950 simple + 50 rings (5 sizes), drafts
    .venv/bin/python benchmarks/bench_woocommerce_live.py home    # a ShopSync home: kind woocommerce, backorder on
    .venv/bin/python benchmarks/bench_woocommerce_live.py first   # time `shopsync sync --once` (2,100 export lines)
    .venv/bin/python benchmarks/bench_woocommerce_live.py sell LIVE-0001,LIVE-0003   # one more sale each time
    .venv/bin/python benchmarks/bench_woocommerce_live.py again   # nothing new
    .venv/bin/python benchmarks/bench_woocommerce_live.py reset   # products back to drafts, stock unmanaged

Figures of 2026-12-06 (WooCommerce 7.8.0, shared 2-core machine): docs/targets.md.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

URL = os.environ.get("WOO_URL", "http://127.0.0.1:8780")
CREDENTIALS = os.environ.get("WOO_CREDENTIALS", "")
HOME = Path(os.environ.get("WOO_HOME", "/tmp/woo-home"))
BRANDS = ["Tissot", "Festina", "Pandora", "Cartier", "Longines"]
SIZES = ["50", "52", "54", "56", "58"]


def http():
    from shopsync.site.woocommerce.http import WooHttp

    return WooHttp(URL, CREDENTIALS, read_timeout=300)


def seed() -> None:
    shop = http()
    for path in ("products", "orders"):
        while ids := [
            p["id"] for p in shop.get(path, {"per_page": "100", "_fields": "id", "status": "any"})
        ]:
            shop.post(f"{path}/batch", {"delete": ids})
    simple = [
        {"name": f"{BRANDS[n % 5]} modèle {n}", "sku": f"LIVE-{n:04d}", "status": "draft",
         "regular_price": "100", "manage_stock": False,
         "attributes": [{"name": "Marque", "options": [BRANDS[n % 5]]}]}
        for n in range(1950)
    ]  # fmt: skip
    for i in range(0, len(simple), 100):
        shop.post("products/batch", {"create": simple[i : i + 100]})
    for n in range(50):
        ring = shop.post("products", {
            "name": f"Alliance or jaune {n}", "sku": f"ALL-{n:03d}", "type": "variable", "status": "draft",
            "attributes": [{"name": "Marque", "options": ["Alliances"], "visible": True},
                           {"name": "Taille", "options": SIZES, "visible": True, "variation": True}]})  # fmt: skip
        shop.post(f"products/{ring['id']}/variations/batch", {"create": [
            {"sku": f"ALL-{n:03d}-{s}", "regular_price": "800", "attributes": [{"name": "Taille", "option": s}]}
            for s in SIZES]})  # fmt: skip


def reset() -> None:
    shop = http()
    ids = [p["id"] for p in shop.pages("products", {"status": "any", "_fields": "id,sku"})
           if p["sku"].startswith(("LIVE-", "ALL-"))]  # fmt: skip
    for i in range(0, len(ids), 50):
        shop.post(
            "products/batch",
            {
                "update": [
                    {"id": pid, "status": "draft", "manage_stock": False} for pid in ids[i : i + 50]
                ]
            },
        )


def export(sold: str = "") -> None:
    lines = ["Référence;Marque;Désignation;Qté;Prix TTC;TLD;Statut"]
    for n in range(1950):
        qty = (0 if n % 7 == 0 else 1 + n % 3) - (1 if f"LIVE-{n:04d}" in sold.split(",") else 0)
        status = "RESERVE" if n % 97 == 0 else ""
        lines.append(
            f"LIVE-{n:04d};{BRANDS[n % 5].upper()};Modèle {n};{qty};{100 + n % 900},00;;{status}"
        )
    for n in range(50):
        for size, price in (("52", "890,00"), ("54", "890,00"), ("56", "920,00")):
            lines.append(
                f"ALL-{n:03d};ALLIANCES;Alliance or jaune;{(n + int(size)) % 3};{price};{size};"
            )
    path = HOME / "export" / "stock.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    os.replace(tmp, path)


def home() -> None:
    from shopsync.config import load_settings, update_config

    shutil.rmtree(HOME, ignore_errors=True)
    HOME.mkdir(parents=True)
    load_settings(HOME)
    update_config(HOME, {
        "erp": {"path": str(HOME / "export" / "stock.csv"), "settle_seconds": 0, "profile": "bijou3"},
        "site": {"kind": "woocommerce", "url": URL},
        "rules": {"new_brands": "stock", "hold_statuses": ["RESERVE"]},
        "backorder": {"enabled": True, "restock_days": 10},
    })  # fmt: skip
    export()


def sync(label: str) -> None:
    env = {**os.environ, "SHOPSYNC_SITE_TOKEN": CREDENTIALS}
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-m", "shopsync", "sync", "--once", "--json", "--home", str(HOME)],
        capture_output=True, text=True, env=env, timeout=3600,
    )  # fmt: skip
    print(f"{label}: {time.perf_counter() - start:.1f} s, exit {out.returncode}")
    print(out.stdout.strip().splitlines()[-1] if out.stdout.strip() else out.stderr[-500:])


def main() -> int:
    step = sys.argv[1] if len(sys.argv) > 1 else ""
    if not CREDENTIALS:
        print("set WOO_CREDENTIALS=ck_…:cs_… (a read/write REST key of a TEST shop)")
        return 2
    if step == "seed":
        start = time.perf_counter()
        seed()
        print(f"seeded in {time.perf_counter() - start:.1f} s")
    elif step == "reset":
        reset()
    elif step == "home":
        home()
    elif step == "first":
        export()
        sync("first sync")
    elif step == "sell":
        export(sys.argv[2])
        sync("sale sync")
    elif step == "again":
        sync("nothing new")
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())

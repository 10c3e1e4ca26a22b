"""The sandbox's storefront: the shop as a customer sees it, so a person can watch a sync land.

Server-rendered French HTML with a meta refresh: no JavaScript, nothing to build, and it shows
exactly what the API state implies (published products only, prices in euros, the site-wide
backorder message).
"""

from __future__ import annotations

from decimal import Decimal
from html import escape
from typing import Any

from shopsync.site.sandbox.validation import backorder_text

PAGE_SIZE = 120
REFRESH_SECONDS = 3
NBSP = "\u202f"  # narrow no-break space: the French thousands separator


def euros(price: str | None) -> str:
    """ "1290.00" → "1 290,00 €"; no price → "Prix sur demande" (what jewellers write)."""
    if price is None:
        return "Prix sur demande"
    whole, cents = f"{Decimal(price):.2f}".split(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return f"{NBSP.join(groups)},{cents}{NBSP}€"


STALE_LABEL = "Disponibilité à confirmer"


def availability_label(
    product: dict[str, Any], backorder: dict[str, Any], *, stale: bool = False
) -> tuple[str, str]:
    """The customer-facing availability and a CSS class for its colour. `stale`: the shop's
    connector is silent (freshness policy `confirm`), so stock is not offered as certain."""
    availability = product["availability"]
    if availability == "in_stock":
        return (STALE_LABEL, "wait") if stale else ("En stock", "ok")
    if availability == "backorder":
        return backorder_text(backorder["message"], backorder["restock_days"]), "wait"
    if availability == "preorder":
        return "Précommande", "wait"
    return "Épuisé", "out"


def _size_line(size: dict[str, Any], product: dict[str, Any]) -> str:
    if size["quantity"] > 0:
        state = "en stock"
    elif product["availability"] in ("backorder", "preorder"):
        state = "sur commande"
    else:
        state = "épuisée"
    return (
        f"<li>Taille {escape(size['size'])} — {escape(euros(size['price'] or product['price']))}"
        f" <small>({state})</small></li>"
    )


def _card(product: dict[str, Any], backorder: dict[str, Any], stale: bool) -> str:
    label, css = availability_label(product, backorder, stale=stale)
    sizes = ""
    if product["sizes"]:
        sizes = "<ul class='sizes'>" + "".join(_size_line(s, product) for s in product["sizes"])
        sizes += "</ul>"
    title = product["title"] or product["reference"]
    return (
        "<article>"
        f"<p class='brand'>{escape(product['brand'])}</p>"
        f"<h2>{escape(title)}</h2>"
        f"<p class='ref'>Réf. {escape(product['reference'])}</p>"
        f"<p class='price'>{escape(euros(product['price']))}</p>"
        f"<p class='avail {css}'>{escape(label)}</p>"
        f"{sizes}{_buy_form(product)}</article>"
    )


def _buy_form(product: dict[str, Any]) -> str:
    """An "Acheter" button (a customer's web order, Site API v1.2), with the size to choose
    for a product sold by size."""
    if product["availability"] == "out_of_stock":
        return ""
    choices = ""
    if product["sizes"]:
        options = "".join(
            f"<option value='{escape(s['size'])}'>{escape(s['size'])}</option>"
            for s in product["sizes"]
            if s["quantity"] > 0 or product["availability"] != "in_stock"
        )
        if not options:
            return ""
        choices = f"<select name='size' aria-label='Taille'>{options}</select> "
    return (
        "<form method='post' action='/order'>"
        f"<input type='hidden' name='reference' value='{escape(product['reference'])}'>"
        f"{choices}<button type='submit'>Acheter</button></form>"
    )


_STYLE = """
body{font-family:Georgia,serif;margin:0;background:#faf8f5;color:#222}
header{background:#1d1d1f;color:#f5e9d0;padding:1rem 2rem}
header h1{margin:0;font-weight:normal;letter-spacing:.1em}
header p{margin:.3rem 0 0;font-size:.85rem;color:#bbb}
main{display:grid;grid-template-columns:repeat(auto-fill,minmax(230px,1fr));gap:1rem;padding:1.5rem 2rem}
article{background:#fff;border:1px solid #e6e0d6;padding:1rem;border-radius:4px}
.brand{text-transform:uppercase;font-size:.75rem;letter-spacing:.15em;color:#8a6d3b;margin:0}
h2{font-size:1.05rem;margin:.3rem 0}
.ref{font-size:.75rem;color:#777;margin:0 0 .5rem}
.price{font-size:1.2rem;margin:.3rem 0}
.avail{font-size:.9rem;margin:.2rem 0}.ok{color:#2e7d32}.wait{color:#b26a00}.out{color:#b00020}
.sizes{font-size:.85rem;padding-left:1.1rem;margin:.4rem 0 0}
aside{padding:0 2rem 2rem;font-size:.85rem;color:#555}
nav{padding:0 2rem 1rem}.empty{padding:2rem}
"""


def render(
    products: list[dict[str, Any]],
    *,
    published: int,
    total: int,
    settings: dict[str, Any],
    recent: list[dict[str, Any]],
    page: int,
    stale: bool = False,
) -> str:
    """The whole page for one storefront page number (1-based)."""
    backorder = settings["backorder"]
    cards = "".join(_card(p, backorder, stale) for p in products)
    if not cards:
        cards = "<p class='empty'>Aucun produit en ligne pour l'instant.</p>"
    pages = max(1, -(-published // PAGE_SIZE))
    nav = ""
    if pages > 1:
        links = []
        if page > 1:
            links.append(f"<a href='/?page={page - 1}'>← Précédent</a>")
        links.append(f"Page {page} / {pages}")
        if page < pages:
            links.append(f"<a href='/?page={page + 1}'>Suivant →</a>")
        nav = "<nav>" + " · ".join(links) + "</nav>"
    changes = "".join(
        f"<li>{escape(c['applied_at'])} — {escape(c['brand'])} {escape(c['reference'])} "
        f"(v{c['version']}, {'en ligne' if c['published'] else 'hors ligne'})</li>"
        for c in recent
    )
    recent_html = (
        f"<aside><h3>Dernières mises à jour</h3><ul>{changes}</ul></aside>" if changes else ""
    )
    return (
        "<!doctype html><html lang='fr'><head><meta charset='utf-8'>"
        f"<meta http-equiv='refresh' content='{REFRESH_SECONDS}'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>Boutique (bac à sable ShopSync)</title><style>{_STYLE}</style></head><body>"
        "<header><h1>Bijouterie — boutique en ligne</h1>"
        f"<p>Site bac à sable ShopSync · {published} produit(s) en ligne sur {total} au catalogue"
        f" · actualisation toutes les {REFRESH_SECONDS} s</p></header>"
        f"{nav}<main>{cards}</main>{nav}{recent_html}</body></html>"
    )

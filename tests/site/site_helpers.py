"""Shared data for the site tests (imported by tests/site/*; pytest puts this folder on sys.path)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import httpx

TOKEN = "test-token-5f1c2a"

# References as the platform writes them: slashes, dots, spaces and accents all occur.
CATALOG_ROWS = [
    {"reference": "CRB4084600", "brand": "Cartier", "title": "Bague Love"},
    {
        "reference": "AL/1234.56",
        "brand": "Alliance",
        "title": "Alliance or jaune",
        "sizes": ["50", "52", "54", "56.5"],
    },
    {"reference": "T137.407.11.041.00", "brand": "Tissot", "title": "PRX 40 mm"},
    {"reference": "PDL 045 OR", "brand": "Pandora", "title": "Charm cœur"},
    {"reference": "..", "brand": "Oddities", "title": "A reference made of dots"},
    {"reference": "É-100%", "brand": "Éclat", "title": "Boucles d'oreilles"},
]


def item(reference: str, version: int, **changes: object) -> dict:
    """A wire item (what the engine sends), in stock by default."""
    body = {
        "reference": reference,
        "version": version,
        "published": True,
        "availability": "in_stock",
        "quantity": 1,
        "price": "1290.00",
        "sizes": [],
    }
    body.update(changes)
    return body


def admin_browser(url: str, token: str) -> httpx.Client:
    """An HTTP client that behaves like the platform user's browser on /admin: Basic auth,
    cookies kept, `Origin` sent with its POSTs."""
    import httpx

    return httpx.Client(
        base_url=url, auth=("plateforme", token), headers={"Origin": url}, timeout=10
    )


def admin_form_token(browser) -> str:  # noqa: ANN001 - an httpx.Client from admin_browser
    """Open /admin as the browser does and read the form token of its buttons."""
    import re

    page = browser.get("/admin")
    assert page.status_code == 200
    return re.search(r"name='csrf' value='([0-9a-f]+)'", page.text).group(1)

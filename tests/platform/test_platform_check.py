"""`shopsync check --site`: the first-connection check as a real process, in the shop's words —
the site answers, accepts the token, how many catalogue products; then the connection report at
a glance. Each way it can go wrong is said plainly, with no traceback."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

from shop_fixtures import CATALOG, TOKEN, Shop

ROWS = [
    ("F20560/1", "FESTINA", "CHRONO", "3", "120,00", "", ""),
    ("590702HV-16", "PANDORA", "MOMENTS", "2", "69,00", "", ""),
    ("F2O560/1", "FESTINA", "CHRONO TYPO", "1", "120,00", "", ""),
    ("ZZ-404", "INCONNUE", "BAGUE", "1", "99,00", "", ""),
]
FRENCH = {"LANG": "fr_FR.UTF-8", "LC_ALL": "fr_FR.UTF-8", "LANGUAGE": "fr"}
ENGLISH = {"LANG": "en_GB.UTF-8", "LC_ALL": "en_GB.UTF-8", "LANGUAGE": "en"}


def test_check_site_says_what_the_platform_checks(shop: Shop, site) -> None:
    shop.write(ROWS)
    out = shop.cli("check", "--site", env=FRENCH)
    assert out.returncode == 4, out.stderr  # "pas prêt": the verdict is in the exit code too
    lines = out.stdout.splitlines()
    assert lines[0] == f"Le site {site.url} répond et accepte le jeton : {len(CATALOG)} produit(s) au catalogue."
    assert "4 référence(s) lue(s) dans l'export de l'ERP" in lines
    assert "2 connectée(s) au catalogue du site" in lines
    assert "1 à réécrire dans l'ERP" in lines
    # This shop's `[rules] new_brands = "stock"` decides every new brand: none to decide, as
    # `shopsync status` says after the first sync (one counting, sync/counts.py).
    assert "0 marque(s) à décider" in lines
    assert any(line.startswith("Verdict") for line in lines)
    english = shop.cli("check", "--site", env=ENGLISH)
    assert english.returncode == 4
    assert "answers and accepts the token: 6 product(s) in the catalogue." in english.stdout
    c_locale = shop.cli("check", "--site", env={"LANG": "C", "LC_ALL": "", "LANGUAGE": ""})
    for said in (english.stdout, c_locale.stdout):  # English from the first line to the last
        assert "Verdict: not ready" in said and "To rewrite (ERP reference → suggested spelling):" in said
        assert "F2O560/1" in said and "(94%)" in said
        for french in ("Verdict :", "références", "à réécrire", "connectées", "Marque", "prêt"):
            assert french not in said, (french, said)


def test_check_site_problems_in_plain_words(shop: Shop, site) -> None:
    shop.write(ROWS)
    env = dict(os.environ, **FRENCH, SHOPSYNC_SITE_TOKEN="not-the-token")
    refused = subprocess.run(
        [sys.executable, "-m", "shopsync", "check", "--site", "--home", str(shop.home)],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert refused.returncode == 2
    assert "refuse le jeton" in refused.stdout
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{s.getsockname()[1]}"
    shop.configure(site={"url": closed})
    down = shop.cli("check", "--site", env=FRENCH)
    assert down.returncode == 3
    assert down.stdout.startswith(f"Le site {closed} ne répond pas")
    shop.configure(site={"url": "http://shop.example.com"})
    bad = shop.cli("check", "--site", env=FRENCH)
    assert bad.returncode == 2 and "ne convient pas" in bad.stdout
    for out in (refused, down, bad):
        assert "Traceback" not in out.stderr and TOKEN not in out.stdout + out.stderr

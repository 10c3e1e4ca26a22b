"""Why a line of the export was refused, in the shop's language, and stored in English.

A French shop reads `stock.csv:4 : quantité : « 2,5 » n'est pas un nombre entier (ligne
refusée)`; runs, the read's summary and `status --json` keep the English sentence, and
`i18n.english` / `i18n.localize` turn one into the other through the catalogue's templates.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from test_sync_e2e import ROWS

from shopsync import i18n
from shopsync.erp import read_export

HEADER = "Référence;Marque;Désignation;Qté;Prix TTC;TLD;Gencod;Statut"
LINES = [
    "OK-1;Fred;Bague;1;10,00;;;",
    "Q-1;Fred;Bague;deux;10,00;;;",          # line 3: quantity refused
    "P-1;Fred;Bague;1;dix euros;;;",         # line 4: price refused
    "N-1;Fred;Bague;-2;10,00;;;",            # line 5: oversold, kept as 0
    "E-1;Fred;Bague;1;10,00;;3,66E+12;",     # line 6: barcode dropped
    "CUT;Fred",                              # line 7: too few fields
]


@pytest.fixture
def export(tmp_path: Path) -> Path:
    path = tmp_path / "stock.csv"
    path.write_bytes(("\r\n".join([HEADER, *LINES]) + "\r\n").encode("cp1252"))
    return path


@pytest.fixture
def french():
    previous = i18n.language()
    i18n.set_language("fr")
    yield
    i18n.set_language(previous)


def _said(result) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted((str(p) for p in [*result.rejected, *result.warnings]), key=lambda t: t.split(":")[1])


FRENCH = [
    ":3 : quantité : « deux » n'est pas un nombre entier (ligne refusée)",
    ":4 : prix : « dix euros » n'est pas un prix (ligne refusée)",
    ":5 : quantité : -2 (vendu en trop), compté comme 0",
    ":6 : code-barres : « 3,66E+12 » est en notation scientifique : ses chiffres sont perdus ; "
    "code-barres ignoré",
    ":7: trop peu de champs (2 sur 8 attendus ; le fichier a-t-il été coupé pendant son "
    "écriture ?)",
]
ENGLISH = [
    ":3: quantity: 'deux' is not a whole number (line rejected)",
    ":4: price: 'dix euros' is not a price (line rejected)",
    ":5: quantity: -2 (oversold), counted as 0",
    ":6: ean: '3,66E+12' is in scientific notation: its digits are lost; barcode ignored",
    ":7: too few fields (2 of 8 expected; was the file cut while being written?)",
]


def test_a_french_shop_reads_why_each_line_was_refused_in_french(export: Path, french) -> None:  # type: ignore[no-untyped-def]
    said = _said(read_export(export))
    assert said == [f"{export}{tail}" for tail in FRENCH]


def test_the_stored_form_is_english_and_comes_back_in_french(export: Path, french) -> None:  # type: ignore[no-untyped-def]
    said = _said(read_export(export))
    stored = [i18n.english(text) for text in said]
    assert stored == [f"{export}{tail}" for tail in ENGLISH]
    assert [i18n.in_language(text, "fr") for text in stored] == said


def test_an_english_system_reads_the_english_sentences(export: Path, tmp_path: Path) -> None:
    env = {"LANG": "C", "PATH": "/usr/bin:/bin", "SHOPSYNC_HOME": str(tmp_path / "home")}
    done = subprocess.run(
        [sys.executable, "-m", "shopsync", "read", str(export), "--format", "summary"],
        capture_output=True, text=True, encoding="utf-8", env=env, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert sorted(done.stderr.splitlines(), key=lambda t: t.split(":")[1]) == [
        f"{export}{tail}" for tail in ENGLISH
    ]


def test_a_quoted_cell_is_never_translated(tmp_path: Path, french) -> None:  # type: ignore[no-untyped-def]
    """'Prix TTC' is also a label of the settings window: as a header it stays as written."""
    path = tmp_path / "stock.csv"
    path.write_text("Référence;Prix TTC;Qté;Prix TTC\nA;10;1;12\n", encoding="utf-8")
    [warning] = read_export(path).warnings
    english = i18n.english(str(warning))
    assert "the header 'Prix TTC' is on columns 2 and 4" in english
    assert "« Prix TTC »" in i18n.in_language(english, "fr")


def test_the_word_index_never_skips_the_template_a_full_scan_picks() -> None:
    """`_candidates` compares a sentence only with the templates whose word it holds; every
    catalogue wording, filled with awkward values, must meet the same first template as when
    all of them are tried in order."""
    rnd = random.Random(7)
    values = ["3", "stock.csv:12", "TISSOT", "« 8x » n'est pas un prix", "'8x' is not a price",
              "12,5 Mo", "x", "", "a:b", "%", "Prix TTC", "l'ERP"]
    texts = []
    for code in i18n.LANGUAGES:
        for (_context, source), found in i18n.catalogue(code).items():
            wordings = [source, *(found if isinstance(found, tuple) else [found] if found else [])]
            for wording in wordings:
                text = wording.replace("%n", str(rnd.randint(0, 5)))
                for i in range(1, 10):
                    text = text.replace(f"%{i}", rnd.choice(values))
                texts.append(text)
    assert len(texts) > 1000
    everything = i18n._templates()
    for text in texts:
        first = next((t for t in everything if t.literal in text and t.pattern.match(text)), None)
        if first is not None:
            assert first in i18n._candidates(text), text


def test_a_sync_stores_the_reasons_in_english_and_shows_them_in_french(shop, site) -> None:  # type: ignore[no-untyped-def]
    from shopsync.config import load_settings
    from shopsync.services import Services

    shop.write([*ROWS, ("B-1", "TISSOT", "BAGUE", "deux", "10,00", "", "")])
    summary = shop.sync()
    stored = json.dumps(summary.as_dict()["errors"], ensure_ascii=False)
    assert ": quantity: 'deux' is not a whole number (line rejected)" in stored
    with Services(load_settings(shop.home)) as svc:
        shown = svc.history.recent()[0]["errors"]
    assert any(e.endswith(" : quantité : « deux » n'est pas un nombre entier (ligne refusée)")
               for e in shown), shown


@pytest.mark.parametrize(("piece", "first", "last", "word"), [
    (" : champ inconnu ", False, False, "inconnu"),   # spaced on both sides: the longest
    ("s publiés dans", False, False, "publiés"),     # "s" and "dans" touch the values
    ("Mo", False, True, None),                       # "%1Mo": may run on into the value
    ("Mo", True, True, "Mo"),                        # the whole sentence
    ("fichier introuvable", False, True, "introuvable"),  # the sentence's end is free
    ("fichier introuvable", True, False, "fichier"),      # so is its start
])
def test_the_index_word_is_one_no_value_can_run_on_into(piece, first, last, word) -> None:  # type: ignore[no-untyped-def]
    assert i18n._whole_word(piece, first, last) == word


def test_the_templates_order_is_the_same_in_every_process():
    """Which French wording an English "Syncing…" reads back as (two French wordings share
    it) must not depend on PYTHONHASHSEED: it once did, and a test failed one process in three."""
    import os

    code = ("from shopsync import i18n; import hashlib; "
            "print(hashlib.sha256(repr([(t.key, t.pattern.pattern) for t in i18n._templates()])"
            ".encode()).hexdigest(), i18n.in_language('Syncing…', 'fr'))")
    seen = {
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                       env={**os.environ, "PYTHONHASHSEED": seed}, check=True).stdout
        for seed in ("0", "4", "6", "10")
    }
    assert len(seen) == 1, seen

"""The CLI's words in the shop's language: argparse's own ("usage:", "options", its errors) and
every ShopSync help text, French on a French system and English otherwise (real processes);
stored sentences converted between the two languages through the catalogue; figures written
as each language writes them."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from shopsync import formatting, i18n
from shopsync.cli import build_parser
from shopsync.commands import COMMAND_MODULES

FR = {"LANG": "fr_FR.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
EN = {"LANG": "C", "LC_ALL": "", "LC_MESSAGES": ""}
# Words of argparse's own that must not be left in English on a French screen
ARGPARSE_ENGLISH = ("usage:", "positional arguments", "show this help message", "error:")


def shopsync(*args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "shopsync", *args], capture_output=True, text=True, timeout=60,
        env={**os.environ, **env},
    )  # fmt: skip


@pytest.mark.parametrize("module", [None, *COMMAND_MODULES])
def test_every_help_is_french_on_a_french_system(module):
    import importlib

    command = None if module is None else importlib.import_module(f"shopsync.commands.{module}").NAME
    args = ["--help"] if command is None else [command, "--help"]
    fr = shopsync(*args, env=FR)
    en = shopsync(*args, env=EN)
    assert fr.returncode == en.returncode == 0, fr.stderr + en.stderr
    assert fr.stdout.startswith("utilisation : ") and en.stdout.startswith("usage: ")
    assert "afficher cette aide et quitter" in fr.stdout
    assert "show this help message and exit" in en.stdout
    for english in ARGPARSE_ENGLISH:
        assert english not in fr.stdout, (english, fr.stdout)
    assert fr.stdout != en.stdout


def test_every_shopsync_help_text_has_its_english_and_french():
    """No help text of ShopSync is left untranslated in English (which would mean a French
    source shown to an English reader) — walked through the real parser of each command."""

    def helps(parser):  # noqa: ANN001, ANN202
        for action in parser._actions:
            if action.help and action.help != "==SUPPRESS==":
                yield action.help
            choices = getattr(action, "choices", None)
            if isinstance(choices, dict):  # sub-commands
                for sub in choices.values():
                    yield from helps(sub)

    i18n.set_language("en")
    try:
        texts = list(helps(build_parser()))
    finally:
        i18n.set_language("auto")
    # (a quoted label is the storefront's own French words: 'disponibilité à confirmer')
    french = [
        t
        for t in texts
        if re.search(r"[éèàçù]| le | la | les | des | du ", re.sub(r"'[^']*'", "", t))
    ]
    assert texts and french == []


def test_argparse_errors_in_the_shops_language():
    fr = shopsync("sync", "--no-such", env=FR)
    en = shopsync("sync", "--no-such", env=EN)
    assert fr.returncode == en.returncode == 2
    assert "erreur : arguments inconnus : --no-such" in fr.stderr
    assert "error: unrecognized arguments: --no-such" in en.stderr
    fr = shopsync("brands", "map", "X", "--mode", "sometimes", env=FR)
    assert "choix invalide : 'sometimes'" in fr.stderr and "invalid choice" not in fr.stderr
    fr = shopsync("brands", "map", env=FR)
    assert "arguments obligatoires manquants : BRAND, --mode" in fr.stderr


def _catalogued(context: str) -> list[tuple[str, str]]:
    """(French source, English translation) of every finished non-plural entry of a context."""
    en = i18n.catalogue("en")
    return [(src, tr) for (ctx, src), tr in en.items() if ctx == context and isinstance(tr, str)]


@pytest.mark.parametrize("context", ["Run", "State", "Erp", "Cli", "Report"])
def test_a_stored_sentence_reads_back_in_either_language(context):
    """Every catalogued sentence, filled with values, goes French → English → French (what a
    run stored in English and shown in French goes through) and back to the same words."""
    pairs = _catalogued(context)
    assert pairs
    checked = 0
    for source, english in pairs:
        if "%n" in source or i18n._template_pattern(source) is None:
            continue  # plurals: next test; "%1 : %2" alone is no evidence of a sentence
        values = [f"«valeur{i}»" for i in range(1, 10)]
        fr_text, en_text = i18n.arg(source, *values), i18n.arg(english, *values)
        assert i18n.in_language(fr_text, "en") == en_text, source
        back = i18n.in_language(en_text, "fr")
        if back != fr_text:  # one English wording for two French ones ("Syncing…"): either
            assert [t for _s, t in pairs].count(english) > 1, source
            assert i18n.in_language(back, "en") == en_text, source
        checked += 1
    assert checked >= 3


def test_plural_sentences_and_nested_values_convert():
    from shopsync.sync import messages

    i18n.set_language("fr")
    try:
        held = messages.held(1)
        offline = messages.offline("http://127.0.0.1:9")
    finally:
        i18n.set_language("auto")
    assert (
        i18n.in_language(held, "en")
        == "1 product would be unpublished: that is over the safety threshold"
    )
    assert i18n.in_language(i18n.in_language(held, "en"), "fr") == held
    assert i18n.in_language(offline, "en").startswith("the site http://127.0.0.1:9 did not answer")
    # a text no template words (a site's own reason) is left as it is
    assert (
        i18n.in_language("HTTP 422: price must be positive", "fr")
        == "HTTP 422: price must be positive"
    )


@pytest.mark.parametrize(
    ("call", "fr", "en"),
    [
        (lambda lang: formatting.decimal(56.5, 1, lang), "56,5", "56.5"),
        (lambda lang: formatting.seconds(0.42, lang), "0,4 s", "0.4 s"),
        (lambda lang: formatting.percent(0.92, lang), "92\u202f%", "92%"),
        (lambda lang: formatting.size(1_300_000, lang), "1,2 Mo", "1.2 MB"),
        (lambda lang: formatting.size(512, lang), "512 o", "512 B"),
        (lambda lang: formatting.duration(2700, lang), "45 min", "45 min"),
        (lambda lang: formatting.duration(5400, lang), "1 h 30 min", "1 h 30 min"),
        (lambda lang: formatting.duration(172800, lang), "2 j", "2 d"),
        (lambda lang: formatting.integer(12345, lang), "12\u202f345", "12,345"),
    ],
)
def test_figures_as_each_language_writes_them(call, fr, en):
    assert (call("fr"), call("en")) == (fr, en)


def test_check_help_documents_its_exit_codes():
    fr = shopsync("check", "--help", env=FR).stdout
    en = shopsync("check", "--help", env=EN).stdout
    assert "Code de sortie : 0 prêt ; 4 à corriger ou pas prêt" in " ".join(fr.split())
    assert "Exit code: 0 ready; 4 to fix or not ready" in " ".join(en.split())

"""The command line's parser in the shop's language, and its `--json` output: argparse's own words ("usage:",
"options", "show this help message and exit", its error sentences) and every ShopSync help
text, from the same catalogue as the tray (shopsync/i18n.py).

argparse looks its words up through `gettext` at the moment it uses them (module-level `_` and
`ngettext`): `install()` points those two names at the catalogue, so nothing of argparse is
copied or subclassed beyond the error line. Its English msgids are the keys of `ARGPARSE`, each
worded in French (the catalogue's source language) and translated back to the same English in
shopsync_en.ts; in English the msgid itself is used, so an unfinished catalogue never turns
argparse French.

With `--json` on the command line (`ShopSyncParser.json_wanted`), a refused command line is the
one JSON document on stdout (`usage_error`, exit 2), in English, and argparse speaks English.
Standard library only at import time (the CLI's fast path); the catalogue is read on first use.
"""

from __future__ import annotations

import argparse
import sys

_CONTEXT = "Argparse"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate knows
    return text


# argparse's msgids (Python 3.11-3.13) -> their French wording, a catalogue source.
ARGPARSE: dict[str, str] = {
    "usage: ": QT_TRANSLATE_NOOP("Argparse", "utilisation : "),
    "positional arguments": QT_TRANSLATE_NOOP("Argparse", "arguments"),
    "options": QT_TRANSLATE_NOOP("Argparse", "options"),
    "optional arguments": QT_TRANSLATE_NOOP("Argparse", "options"),
    "show this help message and exit": QT_TRANSLATE_NOOP(
        "Argparse", "afficher cette aide et quitter"
    ),
    "subcommands": QT_TRANSLATE_NOOP("Argparse", "sous-commandes"),
    "%(prog)s: error: %(message)s\n": QT_TRANSLATE_NOOP(
        "Argparse", "%(prog)s : erreur : %(message)s\n"
    ),
    "argument %(argument_name)s: %(message)s": QT_TRANSLATE_NOOP(
        "Argparse", "argument %(argument_name)s : %(message)s"
    ),
    "unrecognized arguments: %s": QT_TRANSLATE_NOOP("Argparse", "arguments inconnus : %s"),
    "the following arguments are required: %s": QT_TRANSLATE_NOOP(
        "Argparse", "arguments obligatoires manquants : %s"
    ),
    "one of the arguments %s is required": QT_TRANSLATE_NOOP(
        "Argparse", "l'un de ces arguments est obligatoire : %s"
    ),
    "not allowed with argument %s": QT_TRANSLATE_NOOP("Argparse", "impossible avec l'argument %s"),
    "expected one argument": QT_TRANSLATE_NOOP("Argparse", "une valeur est attendue"),
    "expected at most one argument": QT_TRANSLATE_NOOP(
        "Argparse", "une valeur au plus est attendue"
    ),
    "expected at least one argument": QT_TRANSLATE_NOOP(
        "Argparse", "une valeur au moins est attendue"
    ),
    "ignored explicit argument %r": QT_TRANSLATE_NOOP("Argparse", "valeur ignorée : %r"),
    "ambiguous option: %(option)s could match %(matches)s": QT_TRANSLATE_NOOP(
        "Argparse", "option ambiguë : %(option)s peut désigner %(matches)s"
    ),
    "unexpected option string: %s": QT_TRANSLATE_NOOP("Argparse", "option inattendue : %s"),
    "invalid %(type)s value: %(value)r": QT_TRANSLATE_NOOP(
        "Argparse", "valeur %(type)s invalide : %(value)r"
    ),
    "invalid choice: %(value)r (choose from %(choices)s)": QT_TRANSLATE_NOOP(
        "Argparse", "choix invalide : %(value)r (au choix : %(choices)s)"
    ),
    "unknown parser %(parser_name)r (choices: %(choices)s)": QT_TRANSLATE_NOOP(
        "Argparse", "commande inconnue %(parser_name)r (au choix : %(choices)s)"
    ),
    "can't open '%(filename)s': %(error)s": QT_TRANSLATE_NOOP(
        "Argparse", "impossible d'ouvrir « %(filename)s » : %(error)s"
    ),
    "show program's version number and exit": QT_TRANSLATE_NOOP(
        "Argparse", "afficher la version et quitter"
    ),
}
# ngettext's (singular, plural) msgids -> the French wording of each form.
ARGPARSE_PLURALS: dict[tuple[str, str], tuple[str, str]] = {
    ("expected %s argument", "expected %s arguments"): (
        QT_TRANSLATE_NOOP("Argparse", "%s valeur attendue"),
        QT_TRANSLATE_NOOP("Argparse", "%s valeurs attendues"),
    ),
}


def _french() -> bool:
    from shopsync.i18n import language

    return not ShopSyncParser.json_wanted and language() == "fr"


def gettext(message: str) -> str:
    """argparse's `_`: its words in French on a French system, unchanged otherwise."""
    if message in ARGPARSE and _french():
        from shopsync.i18n import translate

        return translate(_CONTEXT, ARGPARSE[message])
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    forms = ARGPARSE_PLURALS.get((singular, plural))
    if forms is not None and _french():
        from shopsync.i18n import translate

        return translate(_CONTEXT, forms[int(n > 1)])
    return singular if n == 1 else plural


def install() -> None:
    """argparse's word lookups now go through the catalogue (for this process)."""
    argparse._ = gettext  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]


def cli_text(text: str) -> str:
    """A ShopSync help text marked where it is defined (`HELP = QT_TRANSLATE_NOOP("Cli", …)`,
    French source) in the CLI's language."""
    from shopsync.i18n import translate

    return translate("Cli", text)


def print_json(document: object) -> None:
    """The one JSON document a `--json` command prints on stdout (stable English)."""
    import json
    import sys

    sys.stdout.write(json.dumps(document, ensure_ascii=False, default=str) + "\n")
    sys.stdout.flush()


def error_document(code: str, exit_code: int, message: str) -> dict:
    """What `--json` prints when the command failed before it had an answer of its own: the
    same shape for every command, `message` in English."""
    return {
        "status": "error",
        "exit_code": exit_code,
        "error": {"code": str(code), "message": message},
    }


class ShopSyncParser(argparse.ArgumentParser):
    """argparse's parser, but a refused command line given `--json` still answers with one JSON
    document on stdout."""

    json_wanted = False  # set by cli.main from the words typed

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        install()
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        text = gettext("%(prog)s: error: %(message)s\n") % {"prog": self.prog, "message": message}
        sys.stderr.write(text)
        if ShopSyncParser.json_wanted:
            from shopsync.errors import EXIT_INPUT, ErrorCode

            print_json(error_document(ErrorCode.USAGE, EXIT_INPUT, message))
        sys.exit(2)

"""Refresh the translation files from the sources, then compile them.

    .venv/bin/python resources/translations/update_translations.py

French is the UI's source language (a string nobody translated yet still speaks to the shop).
- shopsync_fr.ts: filled here, source = translation, with French singular/plural forms for the
  "%n" strings ("%n marque(s)" -> "%n marque" / "%n marques");
- shopsync_en.ts: translated by hand (Qt Linguist: pyside6-linguist); new strings show up as
  "unfinished" and tests/gui/test_i18n.py fails until they are translated.
Both are compiled to .qm with pyside6-lrelease (shipped in PySide6-Essentials).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
# Singular forms that are more than "drop the (s)".
FR_SINGULAR = {
    "%n dépublication(s) attendent votre accord.": "%n dépublication attend votre accord.",
    "%n produit(s) seront publiés": "%n produit sera publié",
    "%n produit(s) seraient dépubliés d'un coup : c'est plus que le seuil de sécurité. Rien n'est "
    "dépublié sans votre accord.": "%n produit serait dépublié d'un coup : c'est plus que le seuil "
    "de sécurité. Rien n'est dépublié sans votre accord.",
    "La dernière synchronisation retirerait %n produit(s) du site d'un coup. C'est plus que le "
    "seuil de sécurité : cela arrive quand l'export de l'ERP est incomplet. Vérifiez la liste, "
    "puis confirmez ou gardez-les en ligne.": "La dernière synchronisation retirerait %n produit du "
    "site d'un coup. C'est plus que le seuil de sécurité : cela arrive quand l'export de l'ERP "
    "est incomplet. Vérifiez la liste, puis confirmez ou gardez-le en ligne.",
    "%n dépublication(s) retenue(s) : `shopsync confirm` pour les lancer": "%n dépublication "
    "retenue : `shopsync confirm` pour la lancer",
    "%n dépublication(s) confirmée(s) : la prochaine synchronisation les effectue.": "%n "
    "dépublication confirmée : la prochaine synchronisation l'effectue.",
    "%n produit(s) seraient dépubliés : c'est plus que le seuil de sécurité": "%n produit serait "
    "dépublié : c'est plus que le seuil de sécurité",
}


def tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    return found


def sources() -> list[str]:
    """The GUI's sources and forms, and the Qt-free modules whose words the CLI prints through
    shopsync/i18n.py (the same catalogue: the tray and the CLI never word a thing twice)."""
    package = ROOT / "shopsync"
    files = (
        sorted((package / "gui").rglob("*.py"))
        + sorted((ROOT / "ui").glob("*.ui"))
        + [
            package / name
            for name in (
                "cli.py", "cli_parser.py", "config.py", "settings_schema.py", "texts.py",
                "demo_data.py", "model.py", "sync/messages.py", "erp/messages.py", "site/sandbox/cli.py",
                "report/readiness.py",
            )
        ]
        + [package / "services" / "settings.py"]
        + sorted((package / "commands").glob("*.py"))
    )
    return [str(p.relative_to(ROOT)) for p in files]


def lupdate(lang: str, target: str) -> Path:
    ts = HERE / f"shopsync_{lang}.ts"
    subprocess.run(
        [tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-source-language", "fr_FR",
         "-target-language", target, "-ts", str(ts.relative_to(ROOT))],
        cwd=ROOT, check=True,
    )
    return ts


def fill_french(ts: Path) -> None:
    tree = ET.parse(ts)
    for message in tree.getroot().iter("message"):
        source = message.find("source").text or ""
        translation = message.find("translation")
        translation.attrib.pop("type", None)
        for child in list(translation):
            translation.remove(child)
        if message.get("numerus") == "yes":
            singular = FR_SINGULAR.get(source, re.sub(r"\((?:e)?s\)", "", source))
            plural = re.sub(r"\(((?:e)?s)\)", r"\1", source)
            translation.text = None
            for form in (singular, plural):
                ET.SubElement(translation, "numerusform").text = form
        else:
            translation.text = source
    tree.write(ts, encoding="utf-8", xml_declaration=True)


def lrelease(ts: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)


def main() -> int:
    fr = lupdate("fr", "fr_FR")
    fill_french(fr)
    en = lupdate("en", "en_GB")
    lrelease(fr)
    lrelease(en)
    return 0


if __name__ == "__main__":
    sys.exit(main())

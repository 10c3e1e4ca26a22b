"""After merging branches that each added strings: regenerate the catalogues, then give back
every English translation any branch had written.

    .venv/bin/python scripts/merge_translations.py REV [REV …]

Git cannot merge two `.ts` files that both grew (their messages are sorted by location), and
regenerating from the merged sources marks every string one side added as "unfinished". This
takes the English translations from each REV's `resources/translations/shopsync_en.ts` (by
context and French source), fills the regenerated catalogue's unfinished entries with them,
and compiles the `.qm` files. What no branch translated stays unfinished, and
tests/gui/test_i18n.py says which.
"""

from __future__ import annotations

import copy
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EN = "resources/translations/shopsync_en.ts"


def translations(text: str) -> dict[tuple[str, str], ET.Element]:
    found: dict[tuple[str, str], ET.Element] = {}
    for context in ET.fromstring(text).iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
                continue
            if not (translation.text or list(translation)):
                continue
            found[(name, message.findtext("source") or "")] = translation
    return found


def main(revisions: list[str]) -> int:
    known: dict[tuple[str, str], ET.Element] = {}
    for rev in revisions:
        text = subprocess.run(
            ["git", "show", f"{rev}:{EN}"], cwd=ROOT, capture_output=True, text=True
        ).stdout
        if text:
            for key, value in translations(text).items():
                known.setdefault(key, value)
    subprocess.run(
        [sys.executable, "resources/translations/update_translations.py"], cwd=ROOT, check=True
    )
    path = ROOT / EN
    tree = ET.parse(path)
    filled = left = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") != "unfinished":
                continue
            source = known.get((name, message.findtext("source") or ""))
            if source is None:
                left += 1
                continue
            message.remove(translation)
            message.append(copy.deepcopy(source))
            filled += 1
    tree.write(path, encoding="utf-8", xml_declaration=True)
    subprocess.run(
        [sys.executable, "resources/translations/update_translations.py"], cwd=ROOT, check=True
    )
    print(f"{filled} translation(s) given back, {left} still unfinished")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["HEAD"]))

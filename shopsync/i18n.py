"""The command line's language, from the same catalogue as the tray app, without Qt.

The tray app loads resources/translations/shopsync_<lang>.qm through Qt; the CLI must not import
Qt (tests/test_layering.py), so it reads the .ts source of the same catalogue with ElementTree.
One catalogue, one wording: a sentence translated for the tray is translated for the CLI.

French is the source language (an untranslated string still speaks to the shop). The CLI speaks
French on a French system (LC_ALL, LC_MESSAGES or LANG starting with "fr"; the Windows UI
language) and English otherwise, unless config.toml's `[ui] language` says "fr" or "en".
`--json` output is never translated: its keys and values are a contract.

Strings are marked like the GUI's (`translate("Cli", "…")`, `QT_TRANSLATE_NOOP`), so that
resources/translations/update_translations.py (pyside6-lupdate) collects them.
"""

from __future__ import annotations

import os
import re
import sys
import xml.etree.ElementTree as ET
from functools import cache, lru_cache
from typing import NamedTuple

from shopsync.paths import resources_dir

LANGUAGES = ("fr", "en")
_language: str | None = None


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate knows
    """Marks a string for the catalogue where it is defined; translated where it is shown."""
    return text


def system_language(environ: dict[str, str] | None = None) -> str:
    """"fr" on a French system, "en" on any other (the POSIX precedence of the locale
    variables; "C"/"POSIX" is not French)."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    if sys.platform == "win32":  # pragma: no cover - Windows only
        try:
            import ctypes

            lang_id = ctypes.windll.kernel32.GetUserDefaultUILanguage()
            return "fr" if lang_id & 0x3FF == 0x0C else "en"  # LANG_FRENCH
        except (AttributeError, OSError):
            return "en"
    return "en"


def resolve(setting: str = "auto", environ: dict[str, str] | None = None) -> str:
    """The language to speak: the setting when it names one, else the system's."""
    return setting if setting in LANGUAGES else system_language(environ)


def set_language(setting: str = "auto") -> str:
    """Choose the CLI's language for this process (config.toml's `[ui] language`)."""
    global _language
    _language = resolve(setting)
    return _language


def language() -> str:
    return _language or set_language()


@cache
def catalogue(code: str) -> dict[tuple[str, str], str | tuple[str, ...]]:
    """(context, French source) -> translation, or its plural forms, from shopsync_<code>.ts.
    Unfinished entries are left out (the French source is shown instead)."""
    path = resources_dir() / "translations" / f"shopsync_{code}.ts"
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError):
        return {}
    out: dict[tuple[str, str], str | tuple[str, ...]] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
                continue
            if message.get("numerus") == "yes":
                forms = tuple(f.text or "" for f in translation.iter("numerusform"))
                if any(forms):
                    out[(name, source)] = forms
            elif translation.text:
                out[(name, source)] = translation.text
    return out


def _plural_index(code: str, n: int) -> int:
    """Qt's rules for the two languages: French singular for 0 and 1, English for 1 only."""
    return int(n > 1) if code == "fr" else int(n != 1)


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """Like `QCoreApplication.translate`: the text in the CLI's language, `%n` replaced by n."""
    code = language()
    found = catalogue(code).get((context, text))
    if isinstance(found, tuple):
        result = found[min(_plural_index(code, n), len(found) - 1)] if n >= 0 else found[0]
    else:
        result = found or text
    return result.replace("%n", str(n)) if n >= 0 else result


def arg(text: str, *values: object) -> str:
    """Fill %1, %2… as Qt's QString.arg does (the catalogue's placeholders)."""
    for i, value in enumerate(values, start=1):
        text = text.replace(f"%{i}", str(value))
    return text


# --- a sentence from one language to the other ----------------------------------------------
#
# What a run says is stored once, in English (runs.message, runs.errors: `status --json` and the
# heartbeat read it whatever the shop's language), and shown in the shop's language where a
# person reads it. The catalogue holds every sentence with its placeholders, so a sentence
# written in either language is recognised by its template, its values taken out, and the
# same template of the other language filled with them (values that are themselves catalogue
# sentences are converted too). A sentence the catalogue does not word (a site's own English
# reason, a file's name) is left as it is.

_PLACEHOLDER = re.compile(r"%(\d|n)")
_MIN_LITERAL = 4  # "%1 : %2" is no evidence of anything: templates need words of their own


def _template_pattern(template: str) -> re.Pattern[str] | None:
    parts, seen, literal = ["^"], set(), 0
    position = 0
    for match in _PLACEHOLDER.finditer(template):
        chunk = template[position : match.start()]
        literal += len(chunk.strip())
        parts.append(re.escape(chunk))
        name = "n" if match.group(1) == "n" else f"a{match.group(1)}"
        if name in seen:
            parts.append(f"(?P={name})")
        else:
            seen.add(name)
            parts.append(r"(?P<n>\d+)" if name == "n" else f"(?P<{name}>.+?)")
        position = match.end()
    chunk = template[position:]
    literal += len(chunk.strip())
    parts.append(re.escape(chunk) + "$")
    if literal < _MIN_LITERAL:
        return None
    return re.compile("".join(parts), re.DOTALL)


_WORD = re.compile(r"\w+")
_QUOTED = re.compile(r"(?:« |['\"])%(\d)")


class _Template(NamedTuple):
    literal: str  # its longest piece without placeholders, stripped
    size: int
    pattern: re.Pattern[str]
    key: tuple[str, str]  # (context, French source)
    word: str | None  # a word every sentence of this template holds whole (None: none sure)
    verbatim: frozenset[int]  # quoted placeholders (« %1 », '%1'): the cell or name as written


def _whole_word(piece: str, first: bool, last: bool) -> str | None:
    """The longest word of `piece` (a template's text between two placeholders) that any
    sentence made from the template holds whole: one with a non-word character on each side
    inside the piece, or at the sentence's own start or end. (A word at a placeholder's side
    may run on into the value.)"""
    whole = [
        m.group() for m in _WORD.finditer(piece)
        if (m.start() > 0 or first) and (m.end() < len(piece) or last)
    ]
    return max(whole, key=len) if whole else None


@cache
def _templates() -> tuple[_Template, ...]:
    """Every wording of every sentence in both languages, most specific first."""
    out = []
    keys = set(catalogue("fr")) | set(catalogue("en"))
    for key in keys:
        wordings = {key[1]}
        for code in LANGUAGES:
            found = catalogue(code).get(key)
            wordings.update(found if isinstance(found, tuple) else [found] if found else [])
        # a value quoted in one language is a name in all of them: a list of sheets the English
        # leaves bare ("(sheets: Produits)") is quoted whole in French, and kept as written both ways
        verbatim = frozenset(int(d) for wording in wordings for d in _QUOTED.findall(wording))
        for wording in wordings:
            pattern = _template_pattern(wording)
            if pattern is not None:
                pieces = _PLACEHOLDER.split(wording)[::2]  # (split also gives the digits)
                at = max(range(len(pieces)), key=lambda i: len(pieces[i]))
                piece = pieces[at]
                word = _whole_word(piece, at == 0, at == len(pieces) - 1)
                template = _Template(piece.strip(), len(wording), pattern, key, word, verbatim)
                out.append((-len(piece), -len(wording), key, wording, template))
    # Ties end on the key and the wording: the same order in every process (a set's order
    # moves with PYTHONHASHSEED, and so did the French read back for an English "Syncing…"
    # that two French wordings share).
    out.sort(key=lambda t: t[:4])
    return tuple(t[4] for t in out)


@cache
def _by_word() -> tuple[dict[str, list[int]], list[int]]:
    """Positions in `_templates()` by their inner word, and those without one (always tried):
    a sentence is compared only with the templates whose word it holds, not all ~1,200 (the
    ERP's per-line problems are turned to English a thousand at a time)."""
    by_word: dict[str, list[int]] = {}
    always: list[int] = []
    for i, template in enumerate(_templates()):
        if template.word is None:
            always.append(i)
        else:
            by_word.setdefault(template.word, []).append(i)
    return by_word, always


def _candidates(text: str) -> list[_Template]:
    templates = _templates()
    by_word, always = _by_word()
    found = set(always)
    for word in set(_WORD.findall(text)):
        found.update(by_word.get(word, ()))
    return [templates[i] for i in sorted(found)]


def in_language(text: str, code: str) -> str:
    """`text` (a catalogue sentence in French or English, values filled in) worded in `code`;
    any other text unchanged. Remembered: the tray and the status window show the same few
    messages again at every refresh."""
    return _in_language(text, code, 0) if text else text


@lru_cache(maxsize=4096)
def _in_language(text: str, code: str, _depth: int) -> str:
    if not text or _depth > 3:
        return text
    for literal, _size, pattern, (context, source), _word, verbatim in _candidates(text):
        if literal not in text:
            continue
        match = pattern.match(text)
        if match is None:
            continue
        values = match.groupdict()
        n = int(values.pop("n")) if "n" in values else -1
        found = catalogue(code).get((context, source))
        if isinstance(found, tuple):
            result = found[min(_plural_index(code, n), len(found) - 1)] if n >= 0 else found[0]
        else:
            result = found or source
        if n >= 0:
            result = result.replace("%n", str(n))
        filled = {
            int(k[1:]): v if int(k[1:]) in verbatim else _in_language(v, code, _depth + 1)
            for k, v in values.items()
        }
        return arg(result, *(filled.get(i, f"%{i}") for i in range(1, max(filled, default=0) + 1)))
    return _after_where(text, code, _depth)


_WHERE = re.compile(r"^(?P<where>[^\n]+?)(?P<colon> ?: )(?P<rest>.+)$", re.DOTALL)


def _after_where(text: str, code: str, depth: int) -> str:
    """`file:line: sentence`, where the sentence is the catalogue's and the place is not (an
    ERP problem without a field, `path:7: trop peu de champs (…)`): the sentence worded in
    `code`, the place kept as written."""
    if depth > 0:
        return text
    match = _WHERE.match(text)
    if match is None:
        return text
    rest = match.group("rest")
    worded = _in_language(rest, code, depth + 1)
    return text if worded == rest else f"{match.group('where')}{match.group('colon')}{worded}"


def english(text: str) -> str:
    """The stored, machine-read form of a sentence (`--json`, runs, heartbeat)."""
    return in_language(text, "en")


def localize(text: str) -> str:
    """A stored sentence in the language the CLI speaks now."""
    return in_language(text, language())

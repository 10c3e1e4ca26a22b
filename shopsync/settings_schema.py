"""Every setting of config.toml, declared once: section, key, type, default, range, unit, and the
comment the default file carries.

The commented default config.toml, the loader's checks and every writer's checks (the settings
window, the first-run wizard, `update_config`) come from these declarations, so a value is
checked one way and before it takes effect. Checks are strict on purpose: a guard setting read
leniently is a guard switched off (`max_unpublish_share = 20`, meant as 20 %, let a run take a
site from 14 published products to 0), and `nan` or `inf` must be a config error naming the
key, not an "erreur interne" later in the run.

Qt-free; the words of `Invalid.expected` are French sources marked for the "Config" catalogue
(shopsync/i18n.py translates them where the error is shown).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import MISSING, Field, dataclass, field, fields
from enum import StrEnum
from pathlib import Path
from typing import Any

from shopsync.durations import DurationError, parse_duration
from shopsync.i18n import QT_TRANSLATE_NOOP, arg, translate
from shopsync.rules import BrandMode
from shopsync.site.protocol import MAX_RESTOCK_DAYS
from shopsync.sync.port import TargetKind
from shopsync.sync.vocab import WebOrdersUntil
from shopsync.update.settings import UPDATE_PATH, UpdateChannel, UpdateMode


class Invalid(ValueError):
    """A value outside its setting's type or range. `expected` is already in the shop's
    language: what the setting takes ("une part entre 0 et 1…")."""

    def __init__(self, expected: str) -> None:
        super().__init__(expected)
        self.expected = expected


def _says(text: str, *values: object) -> Invalid:
    return Invalid(arg(translate("Config", text), *values))


class Check:
    """How one setting's value is read: `parse` returns the typed value or raises Invalid."""

    def parse(self, value: object) -> object:  # pragma: no cover - every kind overrides it
        raise NotImplementedError


class Flag(Check):
    def parse(self, value: object) -> bool:
        if not isinstance(value, bool):
            raise _says(QT_TRANSLATE_NOOP("Config", "true ou false"))
        return value


class Text(Check):
    def parse(self, value: object) -> str:
        if not isinstance(value, str):
            raise _says(QT_TRANSLATE_NOOP("Config", "un texte"))
        return value


class TextList(Check):
    def parse(self, value: object) -> list[str]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise _says(QT_TRANSLATE_NOOP("Config", "une liste de textes"))
        return list(value)


@dataclass(frozen=True, slots=True)
class Choice(Check):
    """One of an enum's values; read as the enum member (a StrEnum: still the string)."""

    vocabulary: type[StrEnum]

    def parse(self, value: object) -> StrEnum:
        allowed = [member.value for member in self.vocabulary]
        if not isinstance(value, str) or value not in allowed:
            raise Invalid(translate("Config", " ou ").join(allowed))
        return self.vocabulary(value)


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


@dataclass(frozen=True, slots=True)
class Integer(Check):
    """A whole number in [minimum, maximum]: counts are never negative."""

    minimum: int = 0
    maximum: int | None = None

    def parse(self, value: object) -> int:
        in_range = isinstance(value, int) and not isinstance(value, bool) and value >= self.minimum
        if in_range and (self.maximum is None or value <= self.maximum):  # type: ignore[operator]
            return value  # type: ignore[return-value]
        if self.maximum is None:
            raise _says(QT_TRANSLATE_NOOP("Config", "un nombre entier à partir de %1"), self.minimum)
        raise _says(
            QT_TRANSLATE_NOOP("Config", "un nombre entier de %1 à %2"), self.minimum, self.maximum
        )


@dataclass(frozen=True, slots=True)
class Number(Check):
    """A finite number in [minimum, maximum] (above `minimum` only when `above`): `nan` and
    `inf` are valid TOML and compare false with everything, so each bound is checked as a
    positive statement."""

    minimum: float
    maximum: float
    above: bool = False  # the minimum itself is excluded (an interval of 0 minutes is no interval)

    def parse(self, value: object) -> float:
        if _is_number(value) and math.isfinite(value):  # type: ignore[arg-type]
            number = float(value)  # type: ignore[arg-type]
            low_ok = number > self.minimum if self.above else number >= self.minimum
            if low_ok and number <= self.maximum:
                return number
        text = (
            QT_TRANSLATE_NOOP("Config", "un nombre plus grand que %1, au plus %2")
            if self.above
            else QT_TRANSLATE_NOOP("Config", "un nombre de %1 à %2")
        )
        raise _says(text, f"{self.minimum:g}", f"{self.maximum:g}")


_PERCENT = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*%\s*$")


class Share(Check):
    """A share of a whole, in (0, 1]: `0.2`, or the explicit percentage `"20 %"` / `"20%"`.
    A bare 20 is refused rather than read as 20 % or as 2000 %: either guess could be wrong,
    and the wrong one switches a guard off."""

    def parse(self, value: object) -> float:
        if isinstance(value, str):
            match = _PERCENT.match(value.replace("\u00a0", " ").replace("\u202f", " "))
            if match is not None:
                share = float(match.group(1).replace(",", ".")) / 100
                if 0 < share <= 1:
                    return share
        elif _is_number(value) and math.isfinite(value) and 0 < value <= 1:  # type: ignore[operator, arg-type]
            return float(value)  # type: ignore[arg-type]
        raise _says(
            QT_TRANSLATE_NOOP(
                "Config", "une part plus grande que 0, au plus 1 (0.2), ou un pourcentage écrit \"20 %\""
            )
        )


class Duration(Check):
    """A positive duration as people write it: "30s", "15m", "2h", "1d" (shopsync.durations);
    kept as written, read with `parse_duration` where it is used."""

    def parse(self, value: object) -> str:
        try:
            parse_duration(value)  # type: ignore[arg-type]
        except DurationError:
            raise _says(
                QT_TRANSLATE_NOOP("Config", "une durée : un nombre et une unité (30s, 15m, 2h, 1d)")
            ) from None
        return value  # type: ignore[return-value]


def clock_time(text: str) -> tuple[int, int] | None:
    """"03:00" -> (3, 0); None for "" and for anything that is not a time of day."""
    parts = text.strip().split(":") if isinstance(text, str) else []
    if len(parts) != 2 or not all(p.isdigit() and len(p) <= 2 for p in parts):
        return None
    hour, minute = int(parts[0]), int(parts[1])
    return (hour, minute) if hour < 24 and minute < 60 else None


class ClockTime(Check):
    """A time of day "HH:MM", or "" for none (the nightly run switched off on purpose)."""

    def parse(self, value: object) -> str:
        if isinstance(value, str) and (not value.strip() or clock_time(value) is not None):
            return value.strip()
        raise _says(QT_TRANSLATE_NOOP("Config", "une heure HH:MM (03:00), ou \"\" pour aucune"))


class TimeZone(Check):
    """An IANA time zone name ("Europe/Paris")."""

    def parse(self, value: object) -> str:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        if isinstance(value, str) and value.strip():
            try:
                ZoneInfo(value.strip())
            except (ZoneInfoNotFoundError, ValueError):
                pass
            else:
                return value.strip()
        raise _says(QT_TRANSLATE_NOOP("Config", "un fuseau horaire (Europe/Paris, Indian/Reunion…)"))


class OptionalFile(Check):
    """"" (the shipped default) or the path of a file that exists."""

    def parse(self, value: object) -> str:
        if isinstance(value, str) and (not value or Path(value).expanduser().is_file()):
            return value
        raise _says(QT_TRANSLATE_NOOP("Config", "\"\" ou le chemin d'un fichier qui existe"))


def setting(default: Any, check: Check, comment: str = "") -> Any:
    """One setting's declaration, as a dataclass field: its default, its check and the comment
    written above it in the default config.toml."""
    metadata = {"check": check, "comment": comment}
    if isinstance(default, list):
        return field(default_factory=lambda: list(default), metadata=metadata)
    return field(default=default, metadata=metadata)


@dataclass(slots=True)
class ErpSettings:
    path: str = setting("", Text(), (
        "The export file the ERP writes, or a glob (\"C:/Bijou3/Export/stock_*.csv\"): the newest\n"
        "complete file wins."))
    profile: str = setting("auto", Text(), (
        "An ERP profile: auto, bijou3, cestia, m3soft, 4d-text, 4d-rest, odbc, or a .toml file."))
    settle_seconds: float = setting(3.0, Number(0, 3600), (
        "A file is read only once its size and date have not moved for this many seconds (0 to 3600)."))


@dataclass(slots=True)
class SiteSettings:
    kind: str = setting(TargetKind.SHOPSYNC, Choice(TargetKind), (
        "\"shopsync\" (a site speaking ShopSync's Site API) or \"woocommerce\" (WooCommerce REST v3:\n"
        "the keyring then holds \"consumer_key:consumer_secret\")."))
    url: str = setting("http://127.0.0.1:8765", Text())
    brand_attribute: str = setting("Marque", Text(), (
        "WooCommerce without the product_brand taxonomy: the product attribute holding the brand."))
    heartbeat: str = setting("15m", Duration(), (
        "How often ShopSync tells the site it is alive while nothing changes (\"30s\", \"15m\", \"2h\")."))
    web_orders_until: str = setting(WebOrdersUntil.CLOSED, Choice(WebOrdersUntil), (
        "How long a web order's units stay off the ERP's quantity: \"closed\" (until the shop\n"
        "completes, cancels or refunds it on the site: a sale the ERP has not seen is never sold\n"
        "again) or \"export\" (until the ERP writes an export after the order was placed: for ERPs\n"
        "that take in web orders themselves; a sale not yet in the ERP then goes back on sale)."))


@dataclass(slots=True)
class RuleSettings:
    new_brands: str = setting(BrandMode.UNMAPPED, Choice(BrandMode), (
        "What a brand seen for the first time does: \"unmapped\" (stays off until you decide),\n"
        "\"stock\", \"preorder\" or \"off\"."))
    hold_statuses: list[str] = setting([], TextList(), "ERP status values that hold one product back from the site.")
    preorder_statuses: list[str] = setting([], TextList(), "ERP status values that publish one product as pre-order.")


@dataclass(slots=True)
class BackorderSettings:
    enabled: bool = setting(False, Flag(), (
        "Keep selling sold-out products, with a restocking delay (applies to the whole site)."))
    restock_days: int = setting(10, Integer(0, MAX_RESTOCK_DAYS), f"Days, 0 to {MAX_RESTOCK_DAYS}.")
    message: str = setting("Disponible sur commande, expédié sous {days} jours", Text())

    def wire(self) -> dict:
        return {
            "backorder": {
                "enabled": self.enabled,
                "restock_days": self.restock_days,
                "message": self.message,
            }
        }


@dataclass(slots=True)
class GuardSettings:
    min_unpublish_count: int = setting(10, Integer(0), (
        "A run that would unpublish more than max(min_unpublish_count, max_unpublish_share x published)\n"
        "products waits for a person's yes. A count of products, 0 or more."))
    max_unpublish_share: float = setting(0.2, Share(), (
        "A share of the published products: more than 0, at most 1 (0.2), or written \"20 %\"."))


@dataclass(slots=True)
class ScheduleSettings:
    interval_minutes: float = setting(5.0, Number(0, 1440, above=True), "Minutes between timed syncs (up to 1440).")
    nightly: str = setting("03:00", ClockTime(), "The nightly full reconcile, HH:MM (\"\": none).")
    watch: bool = setting(True, Flag())
    timezone: str = setting("Europe/Paris", TimeZone())
    poll: str = setting("10s", Duration(), "How often a database source (ODBC, 4D) is asked for changes.")


class UiLanguage(StrEnum):
    AUTO = "auto"  # the system's (shopsync.i18n.system_language)
    FR = "fr"
    EN = "en"


@dataclass(slots=True)
class UiSettings:
    language: str = setting(UiLanguage.AUTO, Choice(UiLanguage), "\"auto\" follows the system; \"fr\" or \"en\".")


@dataclass(slots=True)
class UpdateSettings:
    url: str = setting("", Text(), (
        "Signed updates (TUF). Empty url: the site's own update path ([site] url + /updates)."))
    root: str = setting("", OptionalFile(), "Trusted root metadata file; empty: the one shipped with ShopSync.")
    publishers: str = setting("", OptionalFile(), (
        "Who may sign Windows installers (a file of SHA-256 fingerprints, one per line); "
        "empty: the list shipped with ShopSync."))
    mode: str = setting(UpdateMode.AUTO, Choice(UpdateMode), (
        "\"auto\" installs at a quiet hour or when the app closes, \"notify\" only tells, \"off\"."))
    channel: str = setting(UpdateChannel.STABLE, Choice(UpdateChannel), (
        "\"stable\" or \"beta\" (beta also receives stable releases)."))

    def repository_url(self, site_url: str) -> str:
        return self.url.strip() or site_url.rstrip("/") + UPDATE_PATH


# config.toml's sections, in the file's order, each with the class declaring its keys.
SECTIONS: dict[str, type] = {
    "erp": ErpSettings,
    "site": SiteSettings,
    "rules": RuleSettings,
    "backorder": BackorderSettings,
    "guard": GuardSettings,
    "schedule": ScheduleSettings,
    "ui": UiSettings,
    "update": UpdateSettings,
}

_HEADER = """\
# ShopSync settings. Edit here or in the settings window (which keeps these comments).
# The site token is not stored here: it lives in the system keyring
# (or the SHOPSYNC_SITE_TOKEN environment variable for headless use).
"""


def declared(section: str) -> Iterator[tuple[str, Check, Field]]:
    """The keys of one section: name, check and field, in declaration order."""
    for f in fields(SECTIONS[section]):
        yield f.name, f.metadata["check"], f


def default_of(f: Field) -> Any:
    return f.default_factory() if f.default is MISSING else f.default  # type: ignore[misc]


def _toml_value(value: Any) -> str:
    import tomlkit

    if isinstance(value, StrEnum):
        value = value.value
    elif isinstance(value, float) and value.is_integer():
        value = int(value)  # "settle_seconds = 3", as a person writes it
    return tomlkit.item(value).as_string()


def default_config() -> str:
    """The commented default config.toml, written from the declarations above."""
    out = [_HEADER]
    for section in SECTIONS:
        out.append(f"\n[{section}]\n")
        for name, _check, f in declared(section):
            for line in f.metadata["comment"].splitlines():
                out.append(f"# {line}\n")
            out.append(f"{name} = {_toml_value(default_of(f))}\n")
    return "".join(out)

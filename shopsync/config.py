"""The home folder and `config.toml` ⇄ typed settings; the site token from keyring or env.

The token is deliberately not a setting: it never touches `config.toml` or a log line.
"""

from __future__ import annotations

import logging
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from shopsync.errors import ConfigError
from shopsync.i18n import QT_TRANSLATE_NOOP
from shopsync.update.settings import UpdateSettings, check_update_settings
from shopsync.vocab import KeyringService

log = logging.getLogger(__name__)

APP_NAME = "ShopSync"
TOKEN_ENV = "SHOPSYNC_SITE_TOKEN"
HOME_ENV = "SHOPSYNC_HOME"

DEFAULT_CONFIG = """\
# ShopSync settings. Edit here or in the settings window (which keeps these comments).
# The site token is not stored here: it lives in the system keyring
# (or the SHOPSYNC_SITE_TOKEN environment variable for headless use).

[erp]
# The export file the ERP writes, or a glob ("C:/Bijou3/Export/stock_*.csv"): the newest
# complete file wins.
path = ""
# An ERP profile: auto, bijou3, cestia, m3soft, 4d-text, 4d-rest, odbc, or a .toml file.
profile = "auto"
# A file is read only once its size and date have not moved for this many seconds.
settle_seconds = 3

[site]
# "shopsync" (a site speaking ShopSync's Site API) or "woocommerce" (WooCommerce REST v3:
# the keyring then holds "consumer_key:consumer_secret").
kind = "shopsync"
url = "http://127.0.0.1:8765"
# WooCommerce without the product_brand taxonomy: the product attribute holding the brand.
brand_attribute = "Marque"
# How often ShopSync tells the site it is alive while nothing changes ("30s", "15m", "2h").
heartbeat = "15m"

[rules]
# What a brand seen for the first time does: "unmapped" (stays off until you decide),
# "stock", "preorder" or "off".
new_brands = "unmapped"
# ERP status values that hold one product back from the site.
hold_statuses = []
# ERP status values that publish one product as pre-order.
preorder_statuses = []

[backorder]
# Keep selling sold-out products, with a restocking delay (applies to the whole site).
enabled = false
restock_days = 10
message = "Disponible sur commande, expédié sous {days} jours"

[guard]
# A run that would unpublish more than max(min_unpublish_count, max_unpublish_share x published)
# products waits for a person's yes.
min_unpublish_count = 10
max_unpublish_share = 0.2

[schedule]
interval_minutes = 5
nightly = "03:00"
watch = true
timezone = "Europe/Paris"

[ui]
# "auto" follows the system; "fr" or "en".
language = "auto"

[update]
# Signed updates (TUF). Empty url: the site's own update path ([site] url + /updates).
url = ""
# Trusted root metadata file; empty: the one shipped with ShopSync.
root = ""
# "auto" installs at a quiet hour or when the app closes, "notify" only tells, "off".
mode = "auto"
# "stable" or "beta" (beta also receives stable releases).
channel = "stable"
"""


def home_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The folder holding config.toml, shopsync.db and logs/ (created on first use)."""
    if override:
        path = Path(override)
    elif os.environ.get(HOME_ENV):
        path = Path(os.environ[HOME_ENV])
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path = path.expanduser().resolve()
    path.mkdir(parents=True, exist_ok=True)
    return path


@dataclass(slots=True)
class ErpSettings:
    path: str = ""
    profile: str = "auto"
    settle_seconds: float = 3.0


@dataclass(slots=True)
class SiteSettings:
    kind: str = "shopsync"  # a shopsync.sync.port.TargetKind value
    url: str = "http://127.0.0.1:8765"
    brand_attribute: str = "Marque"  # WooCommerce: the attribute naming the brand
    heartbeat: str = "15m"  # a duration (shopsync.durations): "30s", "15m", "2h"


@dataclass(slots=True)
class RuleSettings:
    new_brands: str = "unmapped"
    hold_statuses: list[str] = field(default_factory=list)
    preorder_statuses: list[str] = field(default_factory=list)


@dataclass(slots=True)
class BackorderSettings:
    enabled: bool = False
    restock_days: int = 10
    message: str = "Disponible sur commande, expédié sous {days} jours"

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
    min_unpublish_count: int = 10
    max_unpublish_share: float = 0.2


@dataclass(slots=True)
class ScheduleSettings:
    interval_minutes: float = 5.0
    nightly: str = "03:00"
    watch: bool = True
    timezone: str = "Europe/Paris"


@dataclass(slots=True)
class UiSettings:
    language: str = "auto"


@dataclass(slots=True)
class Settings:
    home: Path
    erp: ErpSettings = field(default_factory=ErpSettings)
    site: SiteSettings = field(default_factory=SiteSettings)
    rules: RuleSettings = field(default_factory=RuleSettings)
    backorder: BackorderSettings = field(default_factory=BackorderSettings)
    guard: GuardSettings = field(default_factory=GuardSettings)
    schedule: ScheduleSettings = field(default_factory=ScheduleSettings)
    ui: UiSettings = field(default_factory=UiSettings)
    update: UpdateSettings = field(default_factory=UpdateSettings)

    @property
    def config_path(self) -> Path:
        return self.home / "config.toml"

    @property
    def db_path(self) -> Path:
        return self.home / "shopsync.db"

    @property
    def log_dir(self) -> Path:
        return self.home / "logs"

    def rules_fingerprint(self) -> str:
        """Everything in the settings that changes the desired site state."""
        return repr((self.rules, self.backorder))


_SECTIONS = {
    "erp": ErpSettings,
    "site": SiteSettings,
    "rules": RuleSettings,
    "backorder": BackorderSettings,
    "guard": GuardSettings,
    "schedule": ScheduleSettings,
    "ui": UiSettings,
    "update": UpdateSettings,
}


def _coerce(section: str, key: str, value: object, default: object, path: Path) -> object:
    """Check one value's type against its default's, with a message naming the key."""
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise _bad_value(path, section, key, QT_TRANSLATE_NOOP("Config", "true ou false"), value)
        return value
    if isinstance(default, int) and not isinstance(default, bool):
        if isinstance(value, bool) or not isinstance(value, int):
            raise _bad_value(path, section, key, QT_TRANSLATE_NOOP("Config", "un nombre entier"), value)
        return value
    if isinstance(default, float):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise _bad_value(path, section, key, QT_TRANSLATE_NOOP("Config", "un nombre"), value)
        return float(value)
    if isinstance(default, str):
        if not isinstance(value, str):
            raise _bad_value(path, section, key, QT_TRANSLATE_NOOP("Config", "un texte"), value)
        return value
    if isinstance(default, list):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise _bad_value(
                path, section, key, QT_TRANSLATE_NOOP("Config", "une liste de textes"), value
            )
        return list(value)
    return value


def _not_toml(path: Path, exc: ValueError) -> str:
    """A config.toml a person broke by hand: where (line, column), in the shop's language;
    the parser's own English words go to the log."""
    import re

    from shopsync.i18n import arg, translate

    log.info("%s: not valid TOML: %s", path, exc)  # info: logging may not be set up yet
    where = re.search(r"line (\d+), column (\d+)", str(exc))
    if where is None:
        return arg(translate("Config", "%1 : ce n'est pas un fichier TOML valide"), path)
    text = translate("Config", "%1 : ce n'est pas un fichier TOML valide (ligne %2, colonne %3)")
    return arg(text, path, where.group(1), where.group(2))


def _bad_value(path: Path, section: str, key: str, expected: str, value: object) -> ConfigError:
    """"<file>: [section] key: <what is expected>, found <value>", in the shop's language."""
    from shopsync.i18n import arg, translate

    text = translate("Config", "%1 : [%2] %3 : attendu %4, trouvé %5")
    return ConfigError(arg(text, path, section, key, translate("Config", expected), repr(value)))


def load_settings(home: str | os.PathLike[str] | None = None, *, create: bool = True) -> Settings:
    """Read config.toml from the home folder (writing the commented default on first use)."""
    root = home_dir(home)
    settings = Settings(home=root)
    path = settings.config_path
    if not path.exists():
        if create:
            path.write_text(DEFAULT_CONFIG, encoding="utf-8")
        return settings
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(_not_toml(path, exc)) from exc
    for section, cls in _SECTIONS.items():
        values = data.get(section, {})
        if not isinstance(values, dict):
            raise ConfigError(f"{path}: [{section}] must be a table")
        target = getattr(settings, section)
        defaults = cls()
        for key, value in values.items():
            if not hasattr(defaults, key):
                continue  # unknown keys are kept in the file, ignored here
            setattr(target, key, _coerce(section, key, value, getattr(defaults, key), path))
    from shopsync.rules import BrandMode

    if settings.rules.new_brands not in set(BrandMode):
        raise _bad_value(
            path, "rules", "new_brands", "unmapped, stock, preorder, off", settings.rules.new_brands
        )
    _check_duration(path, "site", "heartbeat", settings.site.heartbeat)
    from shopsync.sync.port import TargetKind

    if settings.site.kind not in set(TargetKind):
        raise _bad_value(path, "site", "kind", "shopsync, woocommerce", settings.site.kind)
    check_update_settings(settings.update, path)
    return settings


def _check_duration(path: Path, section: str, key: str, value: str) -> None:
    from shopsync.durations import DurationError, parse_duration

    try:
        parse_duration(value)
    except DurationError:
        expected = QT_TRANSLATE_NOOP("Config", "une durée : un nombre et une unité (30s, 15m, 2h, 1d)")
        raise _bad_value(path, section, key, expected, value) from None


def update_config(home: Path, changes: dict[str, dict[str, object]]) -> None:
    """Write some keys into config.toml, keeping the shop's comments and layout (tomlkit)."""
    import tomlkit

    path = home / "config.toml"
    text = path.read_text(encoding="utf-8") if path.exists() else DEFAULT_CONFIG
    doc = tomlkit.parse(text)
    for section, values in changes.items():
        table = doc.get(section)
        if table is None:
            table = tomlkit.table()
            doc[section] = table
        for key, value in values.items():
            table[key] = value
    tmp = path.with_suffix(".toml.tmp")
    tmp.write_text(tomlkit.dumps(doc), encoding="utf-8")
    os.replace(tmp, path)


class KeyringUnavailable(ConfigError):
    """The OS keyring could not be asked (no backend, a locked or broken one): not the same as
    "no token stored", which a person fixes in the settings window."""


def site_token(url: str) -> str | None:
    """The site's bearer token: the environment first (headless use), then the OS keyring.

    None means "no token stored for this site". A keyring that cannot be read raises
    `KeyringUnavailable`: read as "no token", it sent the shop to re-enter a token that was
    there all along."""
    token = os.environ.get(TOKEN_ENV)
    if token:
        return token
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(KeyringService.SITE.value, url)
    except (KeyringError, OSError, RuntimeError) as exc:
        from shopsync.i18n import arg, translate

        text = translate(
            "Config",
            "le trousseau du système est illisible (%1) : le jeton du site %2 ne peut pas y être "
            "lu. Réparez le trousseau, ou définissez %3.",
        )
        log.warning("keyring read failed: %s: %s", type(exc).__name__, exc)
        raise KeyringUnavailable(arg(text, type(exc).__name__, url, TOKEN_ENV)) from exc


def keep_secret(service: KeyringService, name: str, secret: str, refusal: str, *args: object) -> None:
    """Keep `secret` in the OS keyring (never in a file). A keyring that cannot store it raises
    `KeyringUnavailable` with `refusal` (marked for the "Config" catalogue; %1 is the keyring's
    error type, `args` follow) for the person who typed it; the keyring's own words go to the log."""
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(service.value, name, secret)
    except (KeyringError, OSError, RuntimeError) as exc:
        from shopsync.i18n import arg, translate

        log.warning("keyring write failed: %s: %s", type(exc).__name__, exc)
        raise KeyringUnavailable(arg(translate("Config", refusal), type(exc).__name__, *args)) from exc


def store_site_token(url: str, token: str) -> None:
    """Keep the site token in the OS keyring (never in a file)."""
    keep_secret(
        KeyringService.SITE, url, token,
        QT_TRANSLATE_NOOP(
            "Config",
            "le trousseau du système ne peut pas garder le jeton du site (%1) ; sans trousseau, "
            "définissez %2.",
        ),
        TOKEN_ENV,
    )  # fmt: skip


def woocommerce_credentials_refused() -> str:
    """The keyring or SHOPSYNC_SITE_TOKEN holds something that is not WooCommerce's REST key
    pair (`[site] kind = "woocommerce"`); the secret itself is never repeated."""
    from shopsync.i18n import translate

    return translate(
        "Config",
        "les identifiants WooCommerce s'écrivent clé:secret (ck_…:cs_…), tels que WooCommerce "
        "les donne dans Réglages › Avancé › API REST",
    )


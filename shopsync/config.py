"""The home folder and `config.toml` ⇄ typed settings; the site token from keyring or env.

The token is deliberately not a setting: it never touches `config.toml` or a log line.
"""

from __future__ import annotations

import logging
import os
import tomllib
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from shopsync.errors import ConfigError
from shopsync.i18n import QT_TRANSLATE_NOOP
from shopsync.settings_schema import (
    SECTIONS,
    BackorderSettings,
    ErpSettings,
    GuardSettings,
    Invalid,
    RuleSettings,
    ScheduleSettings,
    SiteSettings,
    UiSettings,
    UpdateSettings,
    declared,
    default_config,
)
from shopsync.vocab import KeyringService

log = logging.getLogger(__name__)

APP_NAME = "ShopSync"
TOKEN_ENV = "SHOPSYNC_SITE_TOKEN"
HOME_ENV = "SHOPSYNC_HOME"

DEFAULT_CONFIG = default_config()  # written from the declarations in settings_schema


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


def _bad_value(path: Path, section: str, key: str, expected: str, value: object) -> ConfigError:
    """"<file>: [section] key: <what is expected>, found <value>", in the shop's language
    (`expected` already is)."""
    from shopsync.i18n import arg, translate

    text = translate("Config", "%1 : [%2] %3 : attendu %4, trouvé %5")
    return ConfigError(arg(text, path, section, key, expected, repr(value)))


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


def settings_from_text(text: str, home: Path, path: Path) -> Settings:
    """The settings a config.toml text says, every value checked against its declaration
    (shopsync/settings_schema.py): the one validation, used when loading and before writing."""
    from shopsync.i18n import arg, translate

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(_not_toml(path, exc)) from exc
    settings = Settings(home=home)
    for section in SECTIONS:
        values = data.get(section, {})
        if not isinstance(values, dict):
            table = translate("Config", "%1 : [%2] doit être une table de clés (clé = valeur)")
            raise ConfigError(arg(table, path, section))
        target = getattr(settings, section)
        for key, check, _field in declared(section):
            if key not in values:
                continue  # the declared default; unknown keys ([erp.columns]…) are kept, unread
            try:
                setattr(target, key, check.parse(values[key]))
            except Invalid as exc:
                raise _bad_value(path, section, key, exc.expected, values[key]) from None
    return settings


def load_settings(home: str | os.PathLike[str] | None = None, *, create: bool = True) -> Settings:
    """Read config.toml from the home folder (writing the commented default on first use)."""
    root = home_dir(home)
    path = root / "config.toml"
    if not path.exists():
        if create:
            path.write_text(DEFAULT_CONFIG, encoding="utf-8")
        return Settings(home=root)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(_not_toml(path, exc)) from exc
    settings = settings_from_text(text, root, path)
    from shopsync import redaction

    redaction.register_connection_string(settings.erp.path)  # `DSN=…;PWD=…` inline
    return settings


def updated_config(home: Path, changes: dict[str, dict[str, object]]) -> tuple[str, Settings]:
    """config.toml's text with `changes` written in (the shop's comments and layout kept,
    tomlkit) and the settings that text says, checked as the next start will read it; nothing
    is written. A refused value raises ConfigError naming the file, section and key."""
    import tomlkit
    from tomlkit.exceptions import ParseError

    home = Path(home).expanduser().resolve()
    path = home / "config.toml"
    text = path.read_text(encoding="utf-8") if path.exists() else DEFAULT_CONFIG
    try:
        doc = tomlkit.parse(text)
    except ParseError as exc:
        raise ConfigError(_not_toml(path, exc)) from exc
    for section, values in changes.items():
        table = doc.get(section)
        if table is None:
            table = tomlkit.table()
            doc[section] = table
        for key, value in values.items():
            table[key] = value.value if isinstance(value, StrEnum) else value
    new_text = tomlkit.dumps(doc)
    return new_text, settings_from_text(new_text, home, path)


def write_config(home: Path, text: str) -> None:
    """Replace config.toml with `text` at once (a crash leaves the old file or the new one)."""
    path = Path(home) / "config.toml"
    tmp = path.with_suffix(".toml.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def update_config(home: Path, changes: dict[str, dict[str, object]]) -> Settings:
    """Write some keys into config.toml, the whole new file checked first: a refused value
    raises ConfigError and leaves config.toml as it was. Returns the settings it now says."""
    text, settings = updated_config(home, changes)
    write_config(home, text)
    return settings


class KeyringUnavailable(ConfigError):
    """The OS keyring could not be asked (no backend, a locked or broken one): not the same as
    "no token stored", which a person fixes in the settings window."""


def site_token(url: str) -> str | None:
    """The site's bearer token: the environment first (headless use), then the OS keyring.

    None means "no token stored for this site". A keyring that cannot be read raises
    `KeyringUnavailable`: read as "no token", it sent the shop to re-enter a token that was
    there all along."""
    from shopsync import redaction

    token = os.environ.get(TOKEN_ENV)
    if token:
        redaction.register(token)
        return token
    import keyring
    from keyring.errors import KeyringError

    try:
        token = keyring.get_password(KeyringService.SITE.value, url)
    except (KeyringError, OSError, RuntimeError) as exc:
        from shopsync.i18n import arg, translate

        text = translate(
            "Config",
            "le trousseau du système est illisible (%1) : le jeton du site %2 ne peut pas y être "
            "lu. Réparez le trousseau, ou définissez %3.",
        )
        log.warning("keyring read failed: %s: %s", type(exc).__name__, exc)
        raise KeyringUnavailable(arg(text, type(exc).__name__, url, TOKEN_ENV)) from exc
    redaction.register(token)  # every later log line, stored message and output drops it
    return token


def keep_secret(service: KeyringService, name: str, secret: str, refusal: str, *args: object) -> None:
    """Keep `secret` in the OS keyring (never in a file). A keyring that cannot store it raises
    `KeyringUnavailable` with `refusal` (marked for the "Config" catalogue; %1 is the keyring's
    error type, `args` follow) for the person who typed it; the keyring's own words go to the log."""
    import keyring

    from shopsync import redaction

    redaction.register(secret)  # held by this process from now on, kept or not
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


"""Settings and secrets: config.toml (the shop's comments kept), the site token and the ERP
password in the OS keyring (never in a file), a shop's tuned ERP profile. One door for the
settings window, the first-run wizard and the command line."""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from typing import Any

from shopsync.config import (
    TOKEN_ENV,
    KeyringUnavailable,
    Settings,
    keep_secret,
    load_settings,
    site_token,
    store_site_token,
    updated_config,
    write_config,
)
from shopsync.i18n import QT_TRANSLATE_NOOP
from shopsync.vocab import KeyringService


class TokenOrigin(StrEnum):
    """Where the site token for a URL would come from (what the token field says)."""

    ENVIRONMENT = "environment"  # SHOPSYNC_SITE_TOKEN (headless use): it wins over the keyring
    KEYRING = "keyring"  # stored in the OS keyring for this very URL
    NONE = "none"  # nowhere: the shop must type the platform's token
    KEYRING_UNREADABLE = "keyring_unreadable"  # the keyring could not be asked



class SettingsService:
    def __init__(self, home: Path) -> None:
        self.home = Path(home)

    def load(self) -> Settings:
        return load_settings(self.home)

    def apply(self, changes: dict[str, dict[str, Any]], *, token: str | None = None) -> Settings:
        """Check the whole new configuration, then keep the token for the (new) site URL, then
        write config.toml; the settings as they now read. A refused value raises ConfigError
        naming the file, section and key, and a keyring that cannot keep the token raises
        KeyringUnavailable: either way config.toml is left as it was, so the next start reads
        what worked before."""
        text, settings = updated_config(self.home, changes)  # raises before anything is kept
        if token:
            store_site_token(settings.site.url, token)
        if changes:
            write_config(self.home, text)
        return settings if changes else load_settings(self.home)

    def token_origin(self, url: str) -> TokenOrigin:
        """Where the token for `url` comes from, without saying it (the token field's words).
        Asks the keyring: off the UI thread (a locked keyring can wait on its unlock prompt)."""
        if os.environ.get(TOKEN_ENV):
            return TokenOrigin.ENVIRONMENT
        if not url:
            return TokenOrigin.NONE
        try:
            return TokenOrigin.KEYRING if site_token(url) else TokenOrigin.NONE
        except KeyringUnavailable:
            return TokenOrigin.KEYRING_UNREADABLE

    def keep_site_token(self, url: str, token: str) -> None:
        """Keep the token the site just accepted, BEFORE anything else is written (the
        wizard's site step): a keyring that refuses raises KeyringUnavailable while the shop
        can still act on it, and config.toml is not touched."""
        store_site_token(url, token)

    def store_erp_password(self, source: str, password: str) -> None:
        """The ODBC / 4D password for `source` as typed in the settings (shopsync/erp/secrets.py
        reads it back)."""
        keep_secret(
            KeyringService.ERP, source, password,
            QT_TRANSLATE_NOOP(
                "Config",
                "le trousseau du système ne peut pas garder le mot de passe de l'ERP (%1) ; sans "
                "trousseau, définissez SHOPSYNC_ODBC_PASSWORD ou SHOPSYNC_4D_PASSWORD.",
            ),
        )  # fmt: skip

    def save_tuned_profile(self, name: str, columns: dict[str, str | None]) -> Path:
        """HOME/profiles/<name>.toml: a copy of the preset (its comments kept) with the columns
        the shop corrected in the preview. A shop's profile wins over the preset of that name."""
        import tomlkit

        from shopsync.erp.profiles import PRESET_DIR

        target = self.home / "profiles" / f"{name}.toml"
        source = target if target.exists() else PRESET_DIR / f"{name}.toml"
        doc = (
            tomlkit.parse(source.read_text(encoding="utf-8")) if source.exists() else tomlkit.document()
        )
        table = tomlkit.table()
        for field_name, header in columns.items():
            table[field_name] = [header] if header else False
        doc["columns"] = table
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(tomlkit.dumps(doc), encoding="utf-8")
        return target

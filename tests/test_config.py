"""Home folder, config.toml, and the token that never lives in a file."""

import pytest

from shopsync import config
from shopsync.errors import ConfigError


def test_home_from_env_and_default_config_written(tmp_path, monkeypatch):
    monkeypatch.setenv("SHOPSYNC_HOME", str(tmp_path / "h"))
    settings = config.load_settings()
    assert settings.home == (tmp_path / "h").resolve()
    text = settings.config_path.read_text(encoding="utf-8")
    assert "[erp]" in text and "token" not in text.split("[erp]")[1].split("\n[")[0]
    assert settings.erp.profile == "auto"


def test_update_keeps_comments(tmp_path):
    config.load_settings(tmp_path)
    config.update_config(tmp_path, {"erp": {"path": "C:/Bijou3/stock_*.csv"}, "backorder": {"enabled": True}})
    text = (tmp_path / "config.toml").read_text(encoding="utf-8")
    assert "# The export file the ERP writes" in text
    s = config.load_settings(tmp_path)
    assert s.erp.path == "C:/Bijou3/stock_*.csv" and s.backorder.enabled is True


@pytest.mark.parametrize(
    "body, message",
    [
        ("[guard]\nmin_unpublish_count = 'ten'\n", "[guard] min_unpublish_count"),
        ("[rules]\nnew_brands = 'maybe'\n", "new_brands"),
        ("[erp\npath=1", "pas un fichier TOML valide .ligne 1, colonne 5."),  # suite: French
    ],
)
def test_bad_values_are_named(tmp_path, body, message):
    (tmp_path / "config.toml").write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError, match=message.replace("[", r"\[").replace("]", r"\]")):
        config.load_settings(tmp_path)


def test_token_from_env_first(monkeypatch):
    monkeypatch.setenv("SHOPSYNC_SITE_TOKEN", "s3cret")
    assert config.site_token("https://x") == "s3cret"


@pytest.fixture
def memory_keyring():
    """A real keyring backend living in memory (this machine has none)."""
    import keyring
    from keyring.backend import KeyringBackend

    class Memory(KeyringBackend):
        priority = 1

        def __init__(self) -> None:
            super().__init__()
            self.store: dict[tuple[str, str], str] = {}

        def get_password(self, service, username):  # noqa: ANN001, ANN201
            return self.store.get((service, username))

        def set_password(self, service, username, password):  # noqa: ANN001, ANN201
            self.store[(service, username)] = password

        def delete_password(self, service, username):  # noqa: ANN001, ANN201
            self.store.pop((service, username), None)

    previous = keyring.get_keyring()
    memory = Memory()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(previous)


def test_no_token_and_a_broken_keyring_are_told_apart(monkeypatch, memory_keyring):
    import keyring
    from keyring.backends import fail

    from shopsync import i18n

    monkeypatch.setattr(i18n, "_language", "fr")  # the message below in the shop's French
    monkeypatch.delenv("SHOPSYNC_SITE_TOKEN", raising=False)
    assert config.site_token("https://x") is None  # a keyring that answers: no token stored
    config.store_site_token("https://x", "t0k")
    assert memory_keyring.store == {("shopsync", "https://x"): "t0k"}
    assert config.site_token("https://x") == "t0k"

    keyring.set_keyring(fail.Keyring())  # no usable backend on this machine
    with pytest.raises(config.KeyringUnavailable, match="trousseau du système est illisible.*SHOPSYNC_SITE_TOKEN"):
        config.site_token("https://x")
    with pytest.raises(config.KeyringUnavailable, match="ne peut pas garder le jeton du site"):
        config.store_site_token("https://x", "t0k")
    monkeypatch.setenv("SHOPSYNC_SITE_TOKEN", "from-env")
    assert config.site_token("https://x") == "from-env"  # headless use needs no keyring at all


def test_the_erp_password_goes_where_the_reader_looks(memory_keyring, tmp_path):
    from shopsync.erp import secrets
    from shopsync.services.settings import SettingsService

    SettingsService(tmp_path).store_erp_password("DSN=BIJOU3", "pw")
    assert secrets.password("odbc", "DSN=BIJOU3") == "pw"

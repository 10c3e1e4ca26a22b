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
        ("[erp\npath=1", "not valid TOML"),
    ],
)
def test_bad_values_are_named(tmp_path, body, message):
    (tmp_path / "config.toml").write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError, match=message.replace("[", r"\[").replace("]", r"\]")):
        config.load_settings(tmp_path)


def test_token_from_env_first(monkeypatch):
    monkeypatch.setenv("SHOPSYNC_SITE_TOKEN", "s3cret")
    assert config.site_token("https://x") == "s3cret"

"""Settings are checked against their one declaration (shopsync/settings_schema.py) before they
take effect (issues 18 and 19): a value out of range is a config error naming the file, the
section, the key, what is expected and what was found — exit 2, in the shop's language — never
a guard silently weakened (`max_unpublish_share = 20`, meant as 20 %, took a sandbox from 14
published products to 0) nor an "erreur interne" (`nan`)."""

from __future__ import annotations

import math
import re
import tomllib
from pathlib import Path

import pytest
from test_sync_e2e import ROWS

from shopsync import config, i18n
from shopsync.errors import ConfigError
from shopsync.settings_schema import SECTIONS, declared, default_of


def _write(home: Path, section: str, body: str) -> Path:
    path = home / "config.toml"
    path.write_text(f"[{section}]\n{body}\n", encoding="utf-8")
    return path


# (section, line written in config.toml, the French words of what is expected)
OUT_OF_RANGE = [
    ("guard", "max_unpublish_share = 20", "une part plus grande que 0, au plus 1"),
    ("guard", "max_unpublish_share = 5.0", "une part plus grande que 0, au plus 1"),
    ("guard", "max_unpublish_share = 0", "une part plus grande que 0, au plus 1"),
    ("guard", "max_unpublish_share = -0.1", "une part plus grande que 0, au plus 1"),
    ("guard", "max_unpublish_share = nan", "une part plus grande que 0, au plus 1"),
    ("guard", "max_unpublish_share = inf", "une part plus grande que 0, au plus 1"),
    ("guard", 'max_unpublish_share = "20"', "une part plus grande que 0, au plus 1"),
    ("guard", 'max_unpublish_share = "150 %"', "une part plus grande que 0, au plus 1"),
    ("guard", "min_unpublish_count = -1", "un nombre entier à partir de 0"),
    ("guard", "min_unpublish_count = 1.5", "un nombre entier à partir de 0"),
    ("guard", "min_unpublish_count = 'ten'", "un nombre entier à partir de 0"),
    ("backorder", "restock_days = 400", "un nombre entier de 0 à 365"),
    ("backorder", "restock_days = -1", "un nombre entier de 0 à 365"),
    ("erp", "settle_seconds = nan", "un nombre de 0 à 3600"),
    ("erp", "settle_seconds = -1", "un nombre de 0 à 3600"),
    ("erp", "settle_seconds = inf", "un nombre de 0 à 3600"),
    ("schedule", "interval_minutes = 0", "un nombre plus grand que 0, au plus 1440"),
    ("schedule", "interval_minutes = nan", "un nombre plus grand que 0, au plus 1440"),
    ("schedule", "interval_minutes = -inf", "un nombre plus grand que 0, au plus 1440"),
    ("schedule", 'nightly = "25:00"', "une heure HH:MM"),
    ("schedule", 'nightly = "3h"', "une heure HH:MM"),
    ("schedule", 'timezone = "Mars/Olympus"', "un fuseau horaire"),
    ("schedule", 'poll = "0s"', "une durée"),
    ("site", 'heartbeat = "0m"', "une durée"),
    ("site", 'heartbeat = "15"', "une durée"),
    ("rules", 'new_brands = "maybe"', "stock ou preorder ou off ou unmapped"),
    ("ui", 'language = "de"', "auto ou fr ou en"),
    ("backorder", 'enabled = "yes"', "true ou false"),
]


@pytest.mark.parametrize(("section", "line", "expected"), OUT_OF_RANGE)
def test_a_value_out_of_range_is_a_config_error_naming_file_section_key(
    tmp_path, monkeypatch, section, line, expected
):
    monkeypatch.setattr(i18n, "_language", "fr")
    path = _write(tmp_path, section, line)
    key, found = (part.strip() for part in line.split("=", 1))
    found_repr = repr(tomllib.loads(line)[key])
    with pytest.raises(ConfigError) as caught:
        config.load_settings(tmp_path)
    message = str(caught.value)
    assert message.startswith(f"{path} : [{section}] {key} : attendu {expected}"), message
    assert message.endswith(f", trouvé {found_repr}"), message


def test_the_same_error_in_english(tmp_path, monkeypatch):
    monkeypatch.setattr(i18n, "_language", "en")
    path = _write(tmp_path, "guard", "max_unpublish_share = 20")
    with pytest.raises(ConfigError) as caught:
        config.load_settings(tmp_path)
    assert str(caught.value) == (
        f"{path}: [guard] max_unpublish_share: expected a share above 0, at most 1 (0.2), or a "
        'percentage written "20 %", found 20'
    )


@pytest.mark.parametrize(
    ("written", "share"),
    [("0.2", 0.2), ("1", 1.0), ('"20 %"', 0.2), ('"20%"', 0.2), ('"12,5 %"', 0.125),
     ('"100 %"', 1.0), ('"20\u00a0%"', 0.2)],
)
def test_a_share_as_a_fraction_or_an_explicit_percentage(tmp_path, written, share):
    _write(tmp_path, "guard", f"max_unpublish_share = {written}")
    assert math.isclose(config.load_settings(tmp_path).guard.max_unpublish_share, share)


def test_the_default_file_comes_from_the_declarations(tmp_path):
    """Every declared key is in the default config.toml with its declared default, and reading
    that file gives the declared defaults back: one declaration, nothing written twice."""
    data = tomllib.loads(config.DEFAULT_CONFIG)
    assert list(data) == list(SECTIONS)
    loaded = config.load_settings(tmp_path)
    for section in SECTIONS:
        assert [key for key, _, _ in declared(section)] == list(data[section])
        for key, check, f in declared(section):
            assert check.parse(data[section][key]) == default_of(f), (section, key)
            assert getattr(getattr(loaded, section), key) == default_of(f)
    assert (tmp_path / "config.toml").read_text(encoding="utf-8") == config.DEFAULT_CONFIG


def test_a_nightly_typo_is_refused_not_a_nightly_run_dropped(tmp_path):
    """scheduling/jobs.py used to log and drop the nightly run; now the one check refuses it."""
    _write(tmp_path, "schedule", 'nightly = "3:0O"')
    with pytest.raises(ConfigError, match=r"\[schedule\] nightly"):
        config.load_settings(tmp_path)


# -- writers: the whole new file is checked before config.toml is touched ----------------------


@pytest.mark.parametrize(
    "changes",
    [
        {"guard": {"max_unpublish_share": 20}},
        {"guard": {"min_unpublish_count": -1}},
        {"erp": {"settle_seconds": float("nan")}},
        {"schedule": {"timezone": "Nowhere/Atlantis"}},
        {"site": {"url": "https://shop.example"}, "schedule": {"interval_minutes": 0.0}},
    ],
)
def test_settings_service_refuses_before_writing(tmp_path, changes):
    from shopsync.services.settings import SettingsService

    service = SettingsService(tmp_path)
    service.load()
    before = (tmp_path / "config.toml").read_bytes()
    with pytest.raises(ConfigError):
        service.apply(changes, token="new-token")
    assert (tmp_path / "config.toml").read_bytes() == before
    assert not (tmp_path / "config.toml.tmp").exists()
    assert service.load().site.url == "http://127.0.0.1:8765"


def test_a_keyring_that_cannot_keep_the_token_leaves_config_toml_as_it_was(tmp_path, monkeypatch):
    import keyring
    from keyring.backends import fail

    from shopsync.services.settings import SettingsService

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        service = SettingsService(tmp_path)
        service.load()
        before = (tmp_path / "config.toml").read_bytes()
        with pytest.raises(config.KeyringUnavailable):
            service.apply({"site": {"url": "https://shop.example"}}, token="t0k3n")
        assert (tmp_path / "config.toml").read_bytes() == before
    finally:
        keyring.set_keyring(previous)


def test_settings_service_writes_an_accepted_value_and_keeps_comments(tmp_path):
    from shopsync.services.settings import SettingsService

    service = SettingsService(tmp_path)
    service.load()
    settings = service.apply({"guard": {"max_unpublish_share": "25 %", "min_unpublish_count": 0}})
    assert settings.guard.max_unpublish_share == 0.25 and settings.guard.min_unpublish_count == 0
    text = (tmp_path / "config.toml").read_text(encoding="utf-8")
    assert 'max_unpublish_share = "25 %"' in text and "# A run that would unpublish" in text
    assert service.load().guard.max_unpublish_share == 0.25


# -- the contract is the CLI: `sync --once` with a bad config.toml, against the sandbox ---------


def _synced_shop(shop, site):
    """Four products published, then an export that keeps only one: three unpublishings, which
    a sound guard (count 1, share 20 %) holds."""
    shop.write(ROWS)
    assert shop.sync().exit_code == 0
    assert site.product("F20560/1")["published"] is True
    shop.write(ROWS[:1])


def _guard(shop, body: str) -> Path:
    path = shop.home / "config.toml"
    text = path.read_text(encoding="utf-8")
    for line in body.splitlines():
        key = line.split("=")[0].strip()
        text = re.sub(rf"(?m)^{key} = .*$", line, text)
        assert line in text
    path.write_text(text, encoding="utf-8")
    return path


def _still_published(site) -> list[str]:
    refs = ["T120.417.17.041.00", "T137.407.11.041.00", "F20560/1", "590702HV-16"]
    return [r for r in refs if site.product(r)["published"]]


@pytest.mark.parametrize(
    ("body", "key", "found"),
    [
        ("min_unpublish_count = 1\nmax_unpublish_share = 20", "max_unpublish_share", "20"),
        ("min_unpublish_count = -1\nmax_unpublish_share = 5.0", "min_unpublish_count", "-1"),
        ("min_unpublish_count = 1\nmax_unpublish_share = nan", "max_unpublish_share", "nan"),
        ("min_unpublish_count = 1\nmax_unpublish_share = inf", "max_unpublish_share", "inf"),
        ("min_unpublish_count = 1\nmax_unpublish_share = 0", "max_unpublish_share", "0"),
    ],
)
def test_sync_once_with_a_guard_out_of_range_exits_2_and_unpublishes_nothing(
    shop, site, body, key, found
):
    _synced_shop(shop, site)
    path = _guard(shop, body)
    out = shop.cli("sync", "--once")
    assert out.returncode == 2, out.stdout + out.stderr
    said = out.stdout + out.stderr
    assert f"{path} : [guard] {key} : attendu " in said and f"trouvé {found}" in said, said
    assert "erreur interne" not in said and "Traceback" not in said
    assert len(_still_published(site)) == 4


def test_sync_once_config_error_in_english_under_lang_c(shop, site):
    _synced_shop(shop, site)
    path = _guard(shop, "min_unpublish_count = 1\nmax_unpublish_share = 20")
    out = shop.cli("sync", "--once", env={"LANG": "C"})
    assert out.returncode == 2
    assert f"{path}: [guard] max_unpublish_share: expected a share above 0" in out.stdout + out.stderr
    assert len(_still_published(site)) == 4


def test_sync_once_reads_an_explicit_percentage_and_the_guard_holds(shop, site):
    """The same three unpublishings with a sound guard written as a percentage: held (exit 4)."""
    _synced_shop(shop, site)
    _guard(shop, 'min_unpublish_count = 1\nmax_unpublish_share = "20 %"')
    out = shop.cli("sync", "--once")
    assert out.returncode == 4, out.stdout + out.stderr
    assert len(_still_published(site)) == 4

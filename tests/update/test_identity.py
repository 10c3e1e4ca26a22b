"""Agent id, staged rollout buckets, release naming, the [update] settings."""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from shopsync.agent_id import agent_id
from shopsync.errors import ConfigError
from shopsync.update.naming import Platform, release_of, target_path
from shopsync.update.rollout import bucket, offered


def test_agent_id_is_a_uuid_stable_per_home_folder(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    first = agent_id(tmp_path / "a")
    assert uuid.UUID(first)
    assert agent_id(tmp_path / "a") == first
    (tmp_path / "b").mkdir()
    assert agent_id(tmp_path / "b") != first


def test_agent_id_racing_processes_agree(tmp_path: Path) -> None:
    with ThreadPoolExecutor(8) as pool:
        ids = set(pool.map(lambda _: agent_id(tmp_path), range(32)))
    assert len(ids) == 1


def test_a_damaged_agent_id_is_replaced(tmp_path: Path) -> None:
    (tmp_path / "agent-id").write_text("garbage")
    assert uuid.UUID(agent_id(tmp_path))


def test_rollout_share_and_monotonic() -> None:
    agents = [str(uuid.UUID(int=i * 7919 + 1)) for i in range(2000)]
    at10 = {a for a in agents if offered(a, "1.2.3", 10)}
    at50 = {a for a in agents if offered(a, "1.2.3", 50)}
    assert 0.07 < len(at10) / len(agents) < 0.13
    assert 0.45 < len(at50) / len(agents) < 0.55
    assert at10 <= at50  # raising the percentage only adds agents
    assert all(offered(a, "1.2.3", 100) for a in agents)
    assert not any(offered(a, "1.2.3", 0) for a in agents)
    # another release: other early shops
    assert {a for a in agents if bucket(a, "1.2.4") < 10} != at10


def test_target_paths_and_custom_metadata_must_agree() -> None:
    path = target_path("stable", "1.2.3", Platform.LINUX)
    assert path == "stable/shopsync-1.2.3-linux.tar.gz"
    assert target_path("beta", "1.2.3", Platform.WINDOWS) == "beta/shopsync-1.2.3-windows.msi"
    custom = {"shopsync": {"version": "1.2.3", "channel": "stable", "platform": "linux",
                           "rollout": 40}}
    assert release_of(path, 10, custom).rollout == 40
    lying = {"shopsync": dict(custom["shopsync"], version="9.0.0")}
    assert release_of(path, 10, lying) is None
    assert release_of(path, 10, None) is None


def test_update_settings_are_checked(tmp_path: Path) -> None:
    from shopsync.config import DEFAULT_CONFIG, load_settings

    assert "[update]" in DEFAULT_CONFIG
    settings = load_settings(tmp_path)
    assert (settings.update.mode, settings.update.channel) == ("auto", "stable")
    config = tmp_path / "config.toml"
    config.write_text(DEFAULT_CONFIG.replace('mode = "auto"', 'mode = "always"'))
    # one wording for every setting (settings_schema), in the shop's language (the suite: French)
    with pytest.raises(ConfigError, match=r"config.toml : \[update\] mode : attendu auto ou "
                       r"notify ou off, trouvé 'always'"):
        load_settings(tmp_path)
    config.write_text(DEFAULT_CONFIG.replace('root = ""', 'root = "/nowhere/root.json"'))
    with pytest.raises(ConfigError, match=r"\[update\] root : attendu \"\" ou le chemin d'un fichier qui existe"):
        load_settings(tmp_path)
    config.write_text(DEFAULT_CONFIG.replace('channel = "stable"', 'channel = "beta"'))
    assert load_settings(tmp_path).update.channel == "beta"


def test_the_default_url_is_the_sites_update_path(tmp_path: Path) -> None:
    from shopsync.config import load_settings

    settings = load_settings(tmp_path)
    assert settings.update.repository_url("https://shop.example/") == (
        "https://shop.example/updates"
    )

"""`--json`: stdout is exactly one JSON document for every command that takes it, in success and
in error, with the same English keys and values under a French and an English system; the
person's words go to stderr. Real `shopsync` processes against a real sandbox on 127.0.0.1.
"""

from __future__ import annotations

import json
import re
import socket

import pytest

FR = {"LANG": "fr_FR.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
EN = {"LANG": "C", "LC_ALL": "", "LC_MESSAGES": ""}
LANGS = pytest.mark.parametrize("env", [FR, EN], ids=["fr", "C"])
ROWS = [
    ("T120.417.17.041.00", "TISSOT", "SEASTAR", "2", "895,00", "", ""),
    ("F20560/1", "FESTINA", "CHRONO SPORT", "1", "1 290,00 €", "", ""),
]
# French words that must never appear in a --json document
FRENCH = ("é", "è", "à ", "ç", " le site ", "jeton", "réessai", "injoignable")


def one_document(done) -> dict:  # noqa: ANN001 - a CompletedProcess
    """stdout parsed as ONE JSON document (json.loads refuses anything before or after it)."""
    assert "Traceback" not in done.stderr, done.stderr
    document = json.loads(done.stdout)
    assert isinstance(document, dict), done.stdout
    return document


def no_french(document: dict) -> None:
    text = json.dumps(document, ensure_ascii=False)
    found = [word for word in FRENCH if word in text]
    assert not found, (found, text)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@LANGS
def test_sync_once_json_is_one_document_with_english_words(shop, env):
    shop.write(ROWS)
    done = shop.cli("sync", "--once", "--json", env=env)
    document = one_document(done)
    assert done.returncode == 0 and document["status"] == "ok" and document["exit_code"] == 0
    assert document["read"] == 2
    # the person's line went to stderr, in the shop's language
    summary = "Synchronisation terminée" if env is FR else "Sync finished"
    assert summary in done.stderr


@LANGS
def test_sync_dry_run_json_keeps_the_plan_lines_off_stdout(shop, env):
    shop.write(ROWS)
    done = shop.cli("sync", "--once", "--dry-run", "--json", env=env)
    document = one_document(done)
    assert document["status"] == "dry_run" and document["plan"]["publish"]
    assert "T120.417.17.041.00" in done.stderr  # the plan line, for the person


@LANGS
def test_sync_json_with_a_broken_config_prints_the_error_document(shop, env):
    (shop.home / "config.toml").write_text("[site\nurl = 1\n", encoding="utf-8")
    done = shop.cli("sync", "--once", "--json", env=env)
    document = one_document(done)
    assert done.returncode == 2
    assert document["status"] == "error" and document["exit_code"] == 2
    assert document["error"]["code"] == "config_error"
    assert "config.toml" in document["error"]["message"]
    no_french(document)
    assert "config.toml" in done.stderr  # and the person reads it too


def test_an_offline_run_in_french_reads_english_in_status_json_under_lang_c(shop):
    """The run's message is stored language-neutral (English): `LANG=C status --json` after a
    French run returns the same words as after an English one, and the French status still
    reads French."""
    shop.write(ROWS)
    dead = f"http://127.0.0.1:{free_port()}"
    shop.configure(site={"url": dead})
    fr_run = shop.cli("sync", "--once", "--json", env=FR)
    fr_doc = one_document(fr_run)
    assert fr_run.returncode == 3 and fr_doc["status"] == "offline"
    assert fr_doc["message"].startswith(f"the site {dead} did not answer")
    assert "n'a pas répondu" in fr_run.stderr  # the French system's person reads French

    en_status = one_document(shop.cli("status", "--json", env=EN))
    fr_status = one_document(shop.cli("status", "--json", env=FR))
    assert en_status == fr_status
    assert en_status["state"] == "offline"
    assert en_status["last_run"]["message"] == fr_doc["message"]
    no_french(en_status)
    human = shop.cli("status", env=FR).stdout
    assert f"le site {dead} n'a pas répondu" in human
    human_en = shop.cli("status", env=EN).stdout
    assert f"the site {dead} did not answer" in human_en


@LANGS
def test_status_json_error_is_one_document(shop, env):
    (shop.home / "config.toml").write_text("[rules]\nnew_brands = 3\n", encoding="utf-8")
    done = shop.cli("status", "--json", env=env)
    document = one_document(done)
    assert done.returncode == 2 and document["error"]["code"] == "config_error"
    no_french(document)


@LANGS
def test_brands_and_aliases_lists_are_one_document(shop, env):
    shop.write(ROWS)
    assert shop.sync().exit_code == 0
    assert shop.cli("aliases", "accept", "F20560-1", "F20560/1", env=env).returncode == 0
    brands = one_document(shop.cli("brands", "list", "--json", env=env))
    assert {row["brand"] for row in brands["brands"]} == {"TISSOT", "FESTINA"}
    aliases = one_document(shop.cli("aliases", "list", "--json", env=env))
    assert [(a["erp_reference"], a["decision"]) for a in aliases["aliases"]] == [
        ("F20560-1", "accepted")
    ]


@LANGS
def test_a_refused_command_line_with_json_is_one_document(shop, env):
    done = shop.cli("status", "--json", "--no-such-option", env=env)
    document = one_document(done)
    assert done.returncode == 2
    assert document["error"] == {
        "code": "usage_error",
        "message": "unrecognized arguments: --no-such-option",
    }


@LANGS
def test_update_check_json_on_a_404_repository_is_not_found(shop, env):
    """The sandbox without --updates answers 404 under /updates: nothing published there. Not
    "unreachable", and "HTTP 404" said once."""
    done = shop.cli("update", "check", "--json", env=env)
    document = one_document(done)
    assert done.returncode == 3
    assert document["status"] == "not_found"
    # (the sandbox's port is random: 40433 once made "404" appear twice)
    reason = re.sub(r"https?://\S+", "URL", document["reason"])
    assert reason.count("404") == 1 and "HTTP status" not in reason
    no_french(document)
    human = shop.cli("update", "check", env=env)
    assert human.returncode == 3
    if env is FR:
        assert "Aucune mise à jour n'est publiée" in human.stderr
        assert "injoignable" not in human.stderr
    else:
        assert "No update is published" in human.stderr
        assert "unreachable" not in human.stderr


@LANGS
def test_update_check_json_with_a_broken_config(shop, env):
    (shop.home / "config.toml").write_text("[update]\nmode = 'sometimes'\n", encoding="utf-8")
    done = shop.cli("update", "check", "--json", env=env)
    document = one_document(done)
    assert done.returncode == 2 and document["error"]["code"] == "config_error"
    assert "[update] mode" in document["error"]["message"]

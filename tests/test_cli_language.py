"""The command line speaks the shop's language, from the GUI's catalogue: French on a French
system, English otherwise; `--json` stays the same stable English whatever the language; no raw
enum value inside a sentence. Real `shopsync` processes under LANG=fr_FR.UTF-8 and LANG=C."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

from shopsync.sync.vocab import RunStatus
from shopsync.vocab import ConnectorState

ROWS = [
    ("T120.417.17.041.00", "TISSOT", "SEASTAR", "2", "895,00", "", ""),
    ("F20560/1", "FESTINA", "CHRONO SPORT", "1", "1 290,00 €", "", ""),
    ("590702HV-16", "PANDORA", "BRACELET MOMENTS", "3", "69,00", "", ""),
]
FR = {"LANG": "fr_FR.UTF-8"}
EN = {"LANG": "C"}
# Words of the vocabularies that would betray a raw value in a sentence.
RAW = re.compile(
    r"\b(" + "|".join(v for v in [*ConnectorState, *RunStatus] if "_" in v) + r")\b"
)


def _out(shop, *args: str, env: dict) -> list[str]:  # noqa: ANN001
    done = shop.cli(*args, env=env)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stdout.strip().splitlines()
    assert not [line for line in lines if RAW.search(line)], lines
    return lines


def test_sync_and_status_in_french_and_english(shop):
    shop.configure(rules={"new_brands": "unmapped"})
    shop.write(ROWS)
    fr_sync = _out(shop, "sync", "--once", env=FR)
    assert fr_sync[-1] == (
        "Synchronisation terminée — lus 3, changements 0, envoyés 0, en attente 0, retenus 0, refusés 0."
        " Rien ne sera publié : toutes les marques sont à décider (fenêtre Marques, ou "
        "`shopsync brands map`)."  # every brand undecided: the summary says why nothing goes
    )
    en_sync = _out(shop, "sync", "--once", env=EN)
    assert en_sync[-1].startswith("Nothing new — read 3, changes 0, sent 0")

    fr_status = _out(shop, "status", env=FR)
    en_status = _out(shop, "status", env=EN)
    assert fr_status[0] == "État : à vérifier"  # three brands to decide
    assert en_status[0] == "State: needs attention"
    assert any(line.startswith("Dernière synchronisation : ") and "rien de nouveau" in line for line in fr_status)
    assert any(line.startswith("Last sync: ") and "nothing new" in line for line in en_status)
    assert "Marques à décider : FESTINA, PANDORA, TISSOT" in fr_status
    assert "Brands to decide: FESTINA, PANDORA, TISSOT" in en_status

    fr_json = json.loads(shop.cli("status", "--json", env=FR).stdout)
    en_json = json.loads(shop.cli("status", "--json", env=EN).stdout)
    assert fr_json == en_json and fr_json["state"] == "attention"
    assert fr_json["last_run"]["status"] == "unchanged"


def test_brands_and_confirm_in_french_and_english(shop):
    shop.configure(rules={"new_brands": "unmapped"})
    shop.write(ROWS)
    assert shop.sync().exit_code == 0
    assert shop.cli("brands", "map", "TISSOT", "--mode", "preorder", env=FR).returncode == 0

    fr = _out(shop, "brands", "list", env=FR)
    en = _out(shop, "brands", "list", env=EN)
    assert fr[0].startswith("FESTINA") and "À décider (hors site)" in fr[0] and fr[0].endswith("← à décider")
    assert en[0].startswith("FESTINA") and "To decide (off the site)" in en[0] and en[0].endswith("← to decide")
    assert fr[-1].startswith("TISSOT") and fr[-1].endswith("Pré-commande")
    assert en[-1].startswith("TISSOT") and en[-1].endswith("Pre-order")
    fr_json = shop.cli("brands", "list", "--json", env=FR).stdout
    assert fr_json == shop.cli("brands", "list", "--json", env=EN).stdout
    assert json.loads(fr_json)["brands"][-1]["mode"] == "preorder"  # one JSON document

    assert _out(shop, "confirm", env=FR) == [
        "0 dépublication confirmée : la prochaine synchronisation l'effectue."
    ]
    assert _out(shop, "confirm", env=EN) == [
        "0 unpublishings confirmed: the next sync carries them out."
    ]


def test_the_shops_language_setting_wins_over_the_system(shop):
    shop.configure(ui={"language": "en"})
    assert _out(shop, "status", env=FR)[0] == "State: not synced yet"
    shop.configure(ui={"language": "fr"})
    assert _out(shop, "status", env=EN)[0] == "État : pas encore synchronisé"


def test_the_system_language_follows_the_locale_variables_in_posix_order():
    from shopsync.i18n import resolve, system_language

    assert system_language({"LANG": "fr_FR.UTF-8"}) == "fr"
    assert system_language({"LANG": "fr_CA.UTF-8"}) == "fr"
    assert system_language({"LANG": "C.UTF-8"}) == "en"
    assert system_language({"LANG": "de_DE.UTF-8"}) == "en"
    assert system_language({"LC_ALL": "C", "LANG": "fr_FR.UTF-8"}) == "en"  # LC_ALL wins
    assert system_language({"LC_MESSAGES": "fr_BE.UTF-8", "LANG": "en_GB.UTF-8"}) == "fr"
    assert resolve("en", {"LANG": "fr_FR.UTF-8"}) == "en"  # the shop's setting wins
    assert resolve("auto", {"LANG": "fr_FR.UTF-8"}) == "fr"


def test_plural_forms_follow_each_languages_rule(monkeypatch):
    from shopsync import i18n

    text = "%n produit(s) refusé(s) par le site"
    monkeypatch.setattr(i18n, "_language", "fr")
    assert [i18n.translate("Cli", text, None, n) for n in (0, 1, 2)] == [
        "0 produit refusé par le site", "1 produit refusé par le site", "2 produits refusés par le site",
    ]
    monkeypatch.setattr(i18n, "_language", "en")
    assert [i18n.translate("Cli", text, None, n) for n in (0, 1, 2)] == [
        "0 products refused by the site", "1 product refused by the site", "2 products refused by the site",
    ]
    assert i18n.translate("Cli", "a sentence nobody translated") == "a sentence nobody translated"


# -- what a shop meets when something is wrong: the same language, no raw value, no English
#    library text inside a French sentence (real processes, real keyring backends, the sandbox).

NULL_KEYRING = {"PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring", "SHOPSYNC_SITE_TOKEN": ""}
FAIL_KEYRING = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring", "SHOPSYNC_SITE_TOKEN": ""}


def _said(done) -> str:  # noqa: ANN001 - a CompletedProcess
    assert "Traceback" not in done.stderr
    return done.stdout + done.stderr


def test_no_token_is_said_in_the_shops_language(shop):
    shop.write(ROWS)
    fr = shop.cli("sync", "--once", env={**FR, **NULL_KEYRING})
    en = shop.cli("sync", "--once", env={**EN, **NULL_KEYRING})
    assert fr.returncode == en.returncode == 2
    assert "aucun jeton pour ce site" in _said(fr) and "no site token" not in _said(fr)
    assert "no token for this site" in _said(en) and "aucun jeton" not in _said(en)


def test_a_broken_keyring_names_itself_without_the_librarys_english(shop):
    shop.write(ROWS)
    fr = _said(shop.cli("sync", "--once", env={**FR, **FAIL_KEYRING}))
    assert "le trousseau du système est illisible (NoKeyringError)" in fr
    assert "No recommended backend" not in fr  # the library's words: in the log only
    log = (shop.home / "logs" / "shopsync.log").read_text(encoding="utf-8")
    assert "No recommended backend" in log


def test_a_refused_token_is_said_in_the_shops_language(shop):
    shop.write(ROWS)
    fr = shop.cli("sync", "--once", env={**FR, "SHOPSYNC_SITE_TOKEN": "wrong-token"})
    assert fr.returncode == 2
    assert "Le site a refusé le jeton" in fr.stdout and "vérifiez-le dans les réglages" in fr.stdout
    assert "check the site token" not in _said(fr) and "wrong-token" not in _said(fr)


def test_dry_run_names_each_kind_of_change_in_words(shop):
    shop.write(ROWS)
    fr = _out(shop, "sync", "--dry-run", env=FR)
    en = _out(shop, "sync", "--dry-run", env=EN)
    assert any(line.startswith("  À publier : 3 — ") for line in fr), fr
    assert any(line.startswith("  To publish: 3 — ") for line in en), en
    assert not [line for line in fr + en if re.match(r"\s*(publish|update|unpublish|held):", line)]


def test_update_check_keeps_its_json_keys_and_speaks_french(shop):
    """No update repository on this site (404): not found — nothing published there, which is
    not an outage —, exit 3, `latest` present (null)."""
    done = shop.cli("update", "check", "--json", env=FR)
    assert done.returncode == 3
    report = json.loads(done.stdout)
    assert {"status", "current", "latest", "reason"} <= report.keys()
    assert report["status"] == "not_found" and report["latest"] is None
    fr = shop.cli("update", "check", env=FR)
    assert fr.returncode == 3
    first = fr.stderr.splitlines()[0]
    assert first == (
        "Aucune mise à jour n'est publiée à l'adresse du dépôt (introuvable) : vérifiez "
        "[update] url ; nouvel essai plus tard."
    )
    en = shop.cli("update", "check", env=EN)
    assert en.stderr.splitlines()[0] == (
        "No update is published at the repository's address (not found): check [update] url; "
        "tried again later."
    )


def test_an_unreachable_site_is_said_in_the_shops_language(shop):
    shop.write(ROWS)
    shop.configure(site={"url": "http://127.0.0.1:9"})  # nothing listens on the discard port
    fr = shop.cli("sync", "--once", env=FR)
    assert fr.returncode == 3
    said = _said(fr)
    assert "le site http://127.0.0.1:9 n'a pas répondu" in said
    assert "did not answer" not in said and "Connection refused" not in said
    status = _out(shop, "status", env=FR)
    assert status[0] == "État : site injoignable" and "did not answer" not in "\n".join(status)
    log = (shop.home / "logs" / "shopsync.log").read_text(encoding="utf-8")
    assert "did not answer" in log  # support still has the detail


def test_a_moved_export_is_said_in_the_shops_language(shop):
    """The seed's commonest breakdown: the ERP now writes its export somewhere else."""
    shop.configure(erp={"path": str(shop.home / "Export" / "stock_*.csv")})
    fr, en = (shop.cli("sync", "--once", env=env) for env in (FR, EN))
    assert fr.returncode == en.returncode == 2
    assert "stock_*.csv : aucun fichier d'export ne correspond" in _said(fr)
    assert "no export file matches" not in _said(fr)
    assert "stock_*.csv: no export file matches" in _said(en)
    shop.configure(erp={"path": str(shop.home / "absent.csv")})
    assert "absent.csv : fichier introuvable" in _said(shop.cli("sync", "--once", env=FR))


def test_brands_map_says_the_site_brand_that_brands_list_shows(shop):
    shop.configure(rules={"new_brands": "unmapped"})
    shop.write(ROWS)
    assert shop.sync().exit_code == 0
    mapped = _out(shop, "brands", "map", "TISSOT", "--mode", "stock", env=FR)
    listed = [line for line in _out(shop, "brands", "list", env=FR) if line.startswith("TISSOT")]
    assert mapped == ["TISSOT → Tissot : En stock"]  # the catalogue's spelling, as the list says
    assert "→ Tissot " in listed[0]


def _hand_edit(shop, **lines: str) -> None:
    """config.toml edited by hand (the settings window and update_config refuse such values
    before writing them: settings_schema)."""
    path = shop.home / "config.toml"
    text = path.read_text(encoding="utf-8")
    for key, line in lines.items():
        text = re.sub(rf"(?m)^{key} = .*$", line, text)
    path.write_text(text, encoding="utf-8")


def test_a_wrong_value_in_config_toml_is_said_in_the_shops_language(shop):
    _hand_edit(shop, min_unpublish_count='min_unpublish_count = "10"')
    fr = shop.cli("status", env=FR)
    assert fr.returncode == 2
    said = _said(fr)
    assert "config.toml : [guard] min_unpublish_count : attendu un nombre entier à partir de 0, trouvé '10'" in said
    _hand_edit(shop, min_unpublish_count="min_unpublish_count = 10", heartbeat='heartbeat = "15 minutes"')
    fr, en = (_said(shop.cli("status", env=env)) for env in (FR, EN))
    assert "config.toml : [site] heartbeat : attendu une durée : un nombre et une unité" in fr
    assert "is not a duration" not in fr
    assert "config.toml: [site] heartbeat: expected a duration: a number and a unit" in en


def test_a_file_the_system_refuses_is_named_without_a_traceback(shop, tmp_path):
    shop.write(ROWS)
    assert shop.sync().exit_code == 0
    out = shop.cli("check", "--output", str(tmp_path / "no-such-folder" / "rapport.html"), env=FR)
    assert out.returncode == 2
    assert "no-such-folder/rapport.html : ce fichier ou son dossier n'existe pas" in _said(out)
    assert "erreur interne" not in out.stderr
    a_file = tmp_path / "a-file"
    a_file.write_text("x", encoding="utf-8")
    home_is_a_file = subprocess.run(
        [sys.executable, "-m", "shopsync", "--home", str(a_file), "status"],
        capture_output=True, text=True, env={**os.environ, **EN}, timeout=60,
    )  # fmt: skip
    assert home_is_a_file.returncode == 2, home_is_a_file.stderr
    assert "Traceback" not in home_is_a_file.stderr and "internal error" not in home_is_a_file.stderr
    assert f"{a_file}: a file stands where a folder is expected" in home_is_a_file.stderr


def test_an_empty_brand_cannot_be_mapped(shop):
    out = shop.cli("brands", "map", "  ", "--mode", "stock", env=FR)
    assert out.returncode == 2
    assert "marque vide" in out.stderr and "Traceback" not in out.stderr
    stored = json.loads(shop.cli("brands", "list", "--json", env=FR).stdout)
    assert stored == {"brands": []}  # nothing was stored


def test_a_broken_config_toml_says_where_in_the_shops_language(shop):
    (shop.home / "config.toml").write_text("[erp\npath = 1\n", encoding="utf-8")
    fr, en = (shop.cli("status", env=env) for env in (FR, EN))
    assert fr.returncode == en.returncode == 2
    assert "config.toml : ce n'est pas un fichier TOML valide (ligne 1, colonne 5)" in _said(fr)
    assert "Expected" not in _said(fr)  # the parser's English: in the log only
    assert "config.toml: not a valid TOML file (line 1, column 5)" in _said(en)

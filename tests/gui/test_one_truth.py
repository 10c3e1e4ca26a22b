"""One truth in every place a person looks (issue 19): a real home is put in each state by real
syncs against a real sandbox, then the tray (icon, tooltip, menu), the status window,
`shopsync status --json` and `shopsync status` (CLI processes) and the heartbeat's `state` must
say the same state with the same reason in the same words — all from services/status.py."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from shopsync import texts
from shopsync.config import load_settings, update_config
from shopsync.services.status import Reason

ROOT = Path(__file__).resolve().parents[2]


def _run(settings, token: str | None = None):
    """One real sync (the engine, the sandbox); `token` stands in for the environment's."""
    from shopsync.engine import SyncEngine

    saved = os.environ.get("SHOPSYNC_SITE_TOKEN")
    if token is not None:
        os.environ["SHOPSYNC_SITE_TOKEN"] = token
    engine = SyncEngine(settings)
    try:
        return engine.run_once("cli")
    finally:
        engine.close()
        if saved is None:
            os.environ.pop("SHOPSYNC_SITE_TOKEN", None)
        else:
            os.environ["SHOPSYNC_SITE_TOKEN"] = saved


def _decide_every_brand(settings) -> None:
    from shopsync.services import Services

    with Services(settings) as svc:
        for brand in svc.status.read().unmapped_brands:
            svc.brands.set_mapping(brand, "off")


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _shop(state: str, home: Path, url: str):
    """A home in `state`, reached by real runs (never by writing a status)."""
    from shopsync.demo_data import keep_only, prepare_home

    if state == "never_run":
        return load_settings(home)
    settings, export = prepare_home(home, url)
    if state == "error":  # no token anywhere: the run fails for a reason of its own
        assert _run(settings, token="").status == "error"
        return settings
    if state == "offline":
        update_config(home, {"site": {"url": f"http://127.0.0.1:{_closed_port()}"}})
        settings = load_settings(home)
        _decide_every_brand(settings)
        assert _run(settings).status == "offline"
        return settings
    if state == "token_refused":
        assert _run(settings, token="not-the-token").status == "token_refused"
        return settings
    assert _run(settings).status in ("ok", "unchanged")
    if state == "brands":  # the demo leaves a brand undecided
        return settings
    _decide_every_brand(settings)
    assert _run(settings).status in ("ok", "unchanged")
    if state == "held":  # the export suddenly lacks most products: unpublishing waits
        update_config(home, {"guard": {"min_unpublish_count": 2, "max_unpublish_share": 0.01}})
        settings = load_settings(home)
        keep_only(export, lambda row: not row.startswith("T"))
        assert _run(settings).status == "held"
    return settings


def _cli(home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("SHOPSYNC_SITE_TOKEN", "LC_ALL", "LC_MESSAGES")}
    env["LANG"] = "fr_FR.UTF-8"
    return subprocess.run(
        [sys.executable, "-m", "shopsync", "--home", str(home), *args],
        capture_output=True, text=True, env=env, timeout=120, cwd=ROOT,
    )


# (how the shop is put in it, the state every voice must say, the reason said first)
CASES = [
    ("never_run", "never_run", "never_run"),
    ("ok", "up_to_date", "up_to_date"),
    ("error", "error", "failed"),
    ("offline", "offline", "offline"),
    ("held", "attention", "held"),
    ("token_refused", "token_refused", "token_refused"),
    ("brands", "attention", "brands_undecided"),
]


@pytest.mark.parametrize(("case", "state", "reason"), CASES, ids=[c[0] for c in CASES])
def test_every_voice_says_the_same_state_and_reason(
    qtbot, make_hub, wait_io, tmp_path, sandbox_url, case, state, reason
):
    from shopsync.agent.heartbeat import build_heartbeat
    from shopsync.gui import i18n
    from shopsync.gui.controller import AppController
    from shopsync.store.db import open_db

    i18n.install("fr")
    settings = _shop(case, tmp_path / "home", sandbox_url)

    # The CLI, as a scheduled task or an IT provider runs it.
    answer = _cli(settings.home, "status", "--json")
    assert answer.returncode == 0, answer.stderr
    cli = json.loads(answer.stdout)
    # The heartbeat the platform's /admin reads.
    db = open_db(settings.db_path)
    try:
        beat = build_heartbeat(settings, db, agent_id="a" * 32, now=time.time(), secrets=[])
    finally:
        db.conn.close()
    assert cli["state"] == beat["state"] == state
    assert cli["reasons"][0]["code"] == reason
    headline = QCoreApplication.translate("State", texts.STATE_HEADLINES[state])
    sentence = texts.reason_text(Reason.from_mapping(cli["reasons"][0]), QCoreApplication.translate)

    # The tray app over the same home: tray icon and menu, status window.
    hub = make_hub(settings)
    controller = AppController(hub, use_tray=False)
    window = controller.show_status()
    qtbot.addWidget(window)
    hub.refresh_status()
    wait_io(hub)
    tray = controller.tray
    assert tray.current.headline == headline
    assert tray.current.detail.splitlines()[0] == sentence
    assert tray.icon.toolTip().splitlines()[:2] == [f"ShopSync — {headline}", sentence]
    tray.rebuild_menu()
    menu = [a.text() for a in tray.menu.actions()]
    assert menu[0] == headline
    assert menu[1] == sentence or (menu[1].endswith("…") and sentence.startswith(menu[1][:-1]))
    assert tray.menu.actions()[1].toolTip() == sentence  # whole, where the menu cuts it
    assert window.headline.text() == headline
    assert window.detail.text().splitlines()[0] == sentence
    human = _cli(settings.home, "status").stdout
    assert f"Pourquoi : {sentence}" in human, human
    if reason in ("failed", "offline", "token_refused"):
        wait_io(hub)
        errors = [window.errors.item(i).text() for i in range(window.errors.count())]
        assert errors[0] == sentence, errors  # the failure's reason, not "Aucune erreur…"
        assert "Aucune erreur" not in " ".join(errors)
    for text in [tray.current.detail, window.detail.text(), *menu]:
        assert "{" not in text and "%1" not in text and "%n" not in text, text

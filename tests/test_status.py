"""One classification of the connector's state (shopsync/services/status.py), read the same by
`shopsync status`, the tray and the status window: never "up to date" before a run succeeded,
nor while the last finished run failed."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from shopsync.services.status import ConnectorStatus, classify, last_finished_run
from shopsync.vocab import ConnectorState

ROOT = Path(__file__).resolve().parents[1]


def _cli(home: Path, *args: str, lang: str = "fr_FR.UTF-8") -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("SHOPSYNC_SITE_TOKEN", "LC_ALL", "LC_MESSAGES")}
    env["LANG"] = lang
    return subprocess.run(
        [sys.executable, "-m", "shopsync", "--home", str(home), *args],
        capture_output=True, text=True, env=env, timeout=120,
    )


def test_a_failed_first_sync_never_reads_as_up_to_date(tmp_path):
    """Fresh home, no token, no export: the sync fails and the status says so, in every voice."""
    home = tmp_path / "home"
    before = _cli(home, "status", "--json")
    assert before.returncode == 0, before.stderr
    assert json.loads(before.stdout)["state"] == "never_run"

    sync = _cli(home, "sync", "--once")
    assert sync.returncode != 0
    assert "Traceback" not in sync.stderr

    status = _cli(home, "status", "--json")
    data = json.loads(status.stdout)
    assert data["state"] == "error" and data["last_run"]["status"] == "error"
    french = _cli(home, "status").stdout.splitlines()
    assert french[0] == "État : la dernière synchronisation a échoué"
    assert "erreur" in french[1] and "error" not in french[1]
    english = _cli(home, "status", lang="C").stdout.splitlines()
    assert english[0] == "State: the last sync failed"
    assert "up_to_date" not in "\n".join(french + english)


@pytest.mark.parametrize(
    ("last", "kw", "state"),
    [
        (None, {}, ConnectorState.NEVER_RUN),
        ({"status": "error"}, {}, ConnectorState.ERROR),
        ({"status": "error"}, {"pending": 3}, ConnectorState.ERROR),
        ({"status": "offline"}, {}, ConnectorState.OFFLINE),
        ({"status": "offline"}, {"pending": 2}, ConnectorState.OFFLINE),
        ({"status": "token_refused"}, {"pending": 2}, ConnectorState.TOKEN_REFUSED),
        ({"status": "input_error"}, {}, ConnectorState.ATTENTION),
        ({"status": "ok"}, {"unconfirmed_held": True}, ConnectorState.ATTENTION),
        ({"status": "ok"}, {"pending": 1}, ConnectorState.PENDING),
        ({"status": "ok"}, {"undecided_brands": True}, ConnectorState.ATTENTION),
        ({"status": "unchanged"}, {"rejected": True}, ConnectorState.ATTENTION),
        ({"status": "some_future_word"}, {}, ConnectorState.ERROR),
        ({"status": "ok"}, {}, ConnectorState.UP_TO_DATE),
        ({"status": "unchanged"}, {}, ConnectorState.UP_TO_DATE),
    ],
)
def test_classification(last, kw, state):
    args = {"pending": 0, "unconfirmed_held": False, "undecided_brands": False, "rejected": False}
    assert classify(last, **{**args, **kw}) == state


def test_a_run_left_running_by_a_killed_process_is_not_the_last_outcome():
    rows = [{"id": 3, "status": "running"}, {"id": 2, "status": "error"}, {"id": 1, "status": "ok"}]
    assert last_finished_run(rows)["id"] == 2
    assert last_finished_run([{"id": 1, "status": "running"}]) is None


def test_the_status_object_round_trips_through_its_json_form():
    status = ConnectorStatus(ConnectorState.PENDING, {"id": 1, "status": "ok"}, pending=4, held=["A"])
    data = status.as_dict()
    assert data["state"] == "pending" and json.loads(json.dumps(data))["pending"] == 4
    assert ConnectorStatus.from_mapping(data) == status
    assert ConnectorStatus.from_mapping({"state": "no-such-word"}).state == ConnectorState.NEVER_RUN


def test_every_trigger_the_code_sends_has_a_label():
    """`scheduler.request("references")` and the like: the run history names each trigger."""
    from shopsync import texts
    from shopsync.sync.vocab import Trigger

    sent = set()
    for path in (ROOT / "shopsync").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            values = [k.value for k in node.keywords if k.arg == "trigger"]
            if isinstance(node.func, ast.Attribute) and node.func.attr in ("request", "run_once"):
                values += node.args[:1]
            for arg in values:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    sent.add(arg.value)
                elif (
                    isinstance(arg, ast.Attribute)
                    and isinstance(arg.value, ast.Name)
                    and arg.value.id == "Trigger"
                ):
                    sent.add(Trigger[arg.attr].value)
    assert {"references", "brands", "confirm", "cli"} <= sent
    assert sent - set(texts.TRIGGERS) == set()
    assert {t.value for t in Trigger} - set(texts.TRIGGERS) == set()


def test_the_status_names_the_runs_it_stands_on(shop):
    """The newest run, the newest that ended, the newest that left the site right: what the
    tray, `shopsync status --json` and the platform heartbeat report."""
    from shop_fixtures import write_export

    from shopsync.config import load_settings
    from shopsync.services import Services

    write_export(shop.export, [("T120.417.17.041.00", "TISSOT", "SEASTAR", "2", "895,00", "", "")])
    assert shop.sync().exit_code == 0
    shop.export.write_bytes(b"")  # the next read fails
    assert shop.sync().status == "input_error"
    with Services(load_settings(shop.home)) as svc:
        status = svc.status.read()
    assert status.state == ConnectorState.ATTENTION
    assert status.last_finished["status"] == "input_error"
    assert status.last_succeeded["status"] == "ok"
    assert status.last_succeeded["id"] < status.last_finished["id"] == status.last_run["id"]


@pytest.mark.parametrize(
    ("last", "facts", "state", "codes"),
    [
        (None, {}, "never_run", ["never_run"]),
        ({"status": "ok", "ended_at": 5.0}, {}, "up_to_date", ["up_to_date"]),
        ({"status": "error", "message": "boom"}, {"pending": 2}, "error", ["failed", "pending"]),
        ({"status": "offline"}, {"pending": 2, "undecided": ["A"]}, "offline", ["offline", "brands_undecided"]),
        ({"status": "token_refused"}, {"held": ["R1"]}, "token_refused", ["token_refused", "held"]),
        ({"status": "input_error", "message": "x.csv:3"}, {}, "attention", ["export_unreadable"]),
        ({"status": "ok"}, {"held": ["R1"], "undecided": ["A"]}, "attention", ["held", "brands_undecided"]),
        ({"status": "ok"}, {"rejected": 2}, "attention", ["rejected"]),
        ({"status": "ok"}, {"local_store": {"problem": "disque plein"}}, "attention", ["disk_refuses"]),
        ({"status": "ok"}, {"pending": 1}, "pending", ["pending"]),
    ],
)
def test_the_state_comes_with_its_reasons_the_states_own_first(last, facts, state, codes):
    """services/status.py::assess: the state and its reasons from the same facts, in the
    classification's order (what the tray, the status window, the balloon and the CLI show)."""
    from shopsync.services.status import assess

    got_state, reasons = assess(last, now=10.0, **facts)
    assert got_state == state
    assert [r.code for r in reasons] == codes
    assert got_state == classify(
        last,
        pending=facts.get("pending", 0),
        unconfirmed_held=bool(facts.get("held")),
        undecided_brands=bool(facts.get("undecided")),
        rejected=bool(facts.get("rejected")),
        store_trouble=bool((facts.get("local_store") or {}).get("problem")),
    )

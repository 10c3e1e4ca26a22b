"""The tray's words come from the one classification (services/status.py): the GUI picks an icon
and a headline for the state it is given and never decides by itself that the shop is up to
date."""

from __future__ import annotations

import pytest

from shopsync.gui import state as st
from shopsync.services.status import ConnectorStatus
from shopsync.vocab import ConnectorState


@pytest.fixture
def french(qapp):
    from shopsync.gui import i18n

    i18n.install("fr")
    yield
    i18n.install("fr")


def test_a_failed_last_run_is_never_shown_up_to_date(french):
    failed = ConnectorStatus(ConnectorState.ERROR, {"id": 2, "status": "error", "message": "boom"})
    view = st.view(failed)
    assert view.icon == "attention" and view.headline != "À jour"
    # The newest row is a run under way elsewhere: the failure still shows, not "up to date".
    elsewhere = ConnectorStatus(ConnectorState.ERROR, {"id": 3, "status": "running"})
    assert st.view(elsewhere).headline == "La dernière synchronisation a échoué"
    assert st.view(ConnectorStatus(ConnectorState.NEVER_RUN)).headline == "Pas encore synchronisé"
    offline = st.view(ConnectorStatus(ConnectorState.OFFLINE, {"id": 1, "status": "offline"}))
    assert offline.icon == "offline" and "0 changement" not in offline.detail


def test_only_up_to_date_reads_as_up_to_date(french):
    ok = ConnectorStatus(ConnectorState.UP_TO_DATE, {"id": 1, "status": "ok", "ended_at": 1.0})
    assert st.view(ok).icon == "ok" and st.view(ok).headline == "À jour"
    for state in ConnectorState:
        if state != ConnectorState.UP_TO_DATE:
            assert st.view(ConnectorStatus(state, {"id": 1, "status": "ok"})).icon != "ok", state


def test_the_windows_trigger_has_a_label(french):
    assert st.trigger_label("references") == "références"
    assert st.trigger_label("brands") == "marques"


def test_the_core_speaks_the_windows_language(qapp):
    """A run summary shown by the tray app follows the language chosen in its settings."""
    from shopsync.gui import i18n
    from shopsync.sync import messages

    try:
        i18n.install("en")
        assert messages.headline("ok") == "Sync finished"
        i18n.install("fr")
        assert messages.headline("ok") == "Synchronisation terminée"
    finally:
        i18n.install("fr")

"""4D REST read by its changes, against the stand-in that models change tracking and licences
as 4D documents them (tests/erp/fourd_standin.py), on a real socket, through the read step."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from shopsync.erp import fourd_rest
from shopsync.errors import InputError
from shopsync.i18n import english
from shopsync.store import erp_cache
from shopsync.store.meta import get_meta
from shopsync.sync.read import read_erp, release_sources

from .fourd_standin import PASSWORD, Server4D, pieces, running

ATTRIBUTES = '["reference", "libelle", "stock", "prixTTC", "gencod", "marque.nom"]'


@pytest.fixture
def four_d(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Server4D, str]]:
    monkeypatch.setenv("SHOPSYNC_4D_PASSWORD", PASSWORD)
    store = Server4D(pieces(1200), licences=1)
    with running(store) as url:
        try:
            yield store, url
        finally:
            release_sources()


def _home(tmp_path: Path, url: str, **source: str) -> tuple:
    from shopsync.config import load_settings, update_config
    from shopsync.store.db import open_db

    home = tmp_path / "home"
    lines = ["[source]", 'type = "4d-rest"', f'url = "{url}"', 'data_class = "Article"',
             'user = "web"', f"attributes = {ATTRIBUTES}",
             *(f"{k} = {v}" for k, v in source.items()), "[columns]", 'brand = "marque.nom"']
    profile = tmp_path / "shop4d.toml"
    profile.write_text("\n".join(lines) + "\n", encoding="utf-8")
    load_settings(home)
    update_config(home, {"erp": {"profile": str(profile)}})
    settings = load_settings(home)
    return settings, open_db(settings.db_path)


def _quantities(db) -> dict[str, int]:  # type: ignore[no-untyped-def]
    return {line.reference: line.quantity for line in erp_cache.load_lines(db)}


def _asked(store: Server4D, since: int) -> list[tuple[str, dict[str, str]]]:
    with store.lock:
        return list(store.requests[since:])


def test_stamp_asks_only_for_changes_with_4d_wire_shapes(four_d, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store, url = four_d
    settings, db = _home(tmp_path, url, changes='"stamp"', changes_overlap='"0.001s"')
    first = read_erp(settings, db, full=False)
    assert first.items == 1200 and first.transferred == 1200
    stamp = store.global_stamp

    mark = len(store.requests)
    idle = read_erp(settings, db, full=False)
    asked = _asked(store, mark)
    assert (idle.moved, idle.transferred, len(asked)) == (False, 0, 1)
    path, query = asked[0]
    assert path == "/rest/Article"
    assert query["$filter"] == '"__GlobalStamp>:1"'
    assert query["$params"] == f"'[{stamp - 1}]'"
    assert query["$orderby"] == '"__GlobalStamp ASC"'
    assert query["$attributes"] == "reference,libelle,stock,prixTTC,gencod,marque.nom"

    store.change("5", stock=0)
    sold = read_erp(settings, db, full=False)
    assert sold.moved and sold.transferred == 1 and _quantities(db)["4D-00005"] == 0

    time.sleep(0.01)  # past the overlap window
    mark = len(store.requests)
    store.delete("6")
    gone = read_erp(settings, db, full=False)
    assert gone.moved and gone.items == 1199 and "4D-00006" not in _quantities(db)
    deleted = [q for p, q in _asked(store, mark) if p == "/rest/__DeletedRecords"]
    assert deleted and deleted[0]["$filter"] == '"__Stamp>:1 AND __TableName=:2"'
    assert json.loads(deleted[0]["$params"].strip("'"))[1] == "Article"
    assert deleted[0]["$attributes"] == "__PrimaryKey,__Stamp"

    whole = read_erp(settings, db, full=True)  # what the nightly does: nothing was missed
    assert not whole.moved
    assert json.loads(get_meta(db, "erp_reconcile"))["found"] == 0


def test_a_stamp_that_went_back_means_one_full_read_said_in_the_log(four_d, tmp_path: Path, caplog) -> None:  # type: ignore[no-untyped-def]
    store, url = four_d
    settings, db = _home(tmp_path, url, changes='"stamp"')
    backup = store.snapshot()
    read_erp(settings, db, full=False)
    for key in ("1", "2", "3"):
        store.change(key, stock=9)
    read_erp(settings, db, full=False)
    store.restore(*backup)  # the ERP's database put back from last night's backup
    with caplog.at_level("WARNING"):
        again = read_erp(settings, db, full=False)
    assert again.transferred == 1200 and _quantities(db)["4D-00001"] == 2
    assert any("global stamp went back" in r.getMessage() for r in caplog.records)


def test_a_gap_means_one_full_read(four_d, tmp_path: Path, caplog) -> None:  # type: ignore[no-untyped-def]
    """Deletions purged from __DeletedRecords before ShopSync saw them: the count after the
    delta disagrees with the server's, and one full read puts the view right."""
    store, url = four_d
    settings, db = _home(tmp_path, url, changes='"stamp"')
    read_erp(settings, db, full=False)
    store.delete("9")
    store.deleted.clear()  # someone emptied __DeletedRecords
    store.change("10", stock=0)
    with caplog.at_level("WARNING"):
        after = read_erp(settings, db, full=False)
    assert after.items == 1199 and "4D-00009" not in _quantities(db)
    assert any("a gap" in r.getMessage() for r in caplog.records)


def test_an_entity_leaving_the_profile_filter_leaves_the_view(four_d, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store, url = four_d
    settings, db = _home(tmp_path, url, changes='"stamp"', filter='"stock>1"')
    first = read_erp(settings, db, full=False)
    assert "4D-00004" not in _quantities(db) and "4D-00005" in _quantities(db)  # stock 1, 2
    store.change("5", stock=1)  # sold: no longer matches stock>1
    after = read_erp(settings, db, full=False)
    assert after.items == first.items - 1 and "4D-00005" not in _quantities(db)


def test_stamp_without_change_tracking_on_the_server_says_how_to_turn_it_on(monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("SHOPSYNC_4D_PASSWORD", PASSWORD)
    with running(Server4D(pieces(10), tracking=False)) as url:
        try:
            settings, db = _home(tmp_path, url, changes='"stamp"')
            with pytest.raises(InputError, match="Activer le suivi des modifications") as info:
                read_erp(settings, db, full=False)
            assert "(Structure editor: Enable data change tracking)" in english(str(info.value))
        finally:
            release_sources()


def test_gate_on_older_4d_reads_nothing_while_nothing_changed(monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("SHOPSYNC_4D_PASSWORD", PASSWORD)
    store = Server4D(pieces(600), tracking=False)
    with running(store) as url:
        try:
            settings, db = _home(tmp_path, url)
            assert read_erp(settings, db, full=False).items == 600
            mark = len(store.requests)
            idle = read_erp(settings, db, full=False)
            asked = _asked(store, mark)
            assert (idle.moved, idle.transferred) == (False, 0)
            assert [p for p, _ in asked] == ["/rest/Article/stock/", "/rest/Article/prixTTC/"]
            assert all(q["$compute"] == "$all" for _, q in asked)
            store.change("3", stock=0)
            moved = read_erp(settings, db, full=False)
            assert moved.moved and _quantities(db)["4D-00003"] == 0
        finally:
            release_sources()


def test_one_licence_for_the_life_of_the_process_renewed_when_the_session_expires(four_d, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store, url = four_d  # a server with one licence
    settings, db = _home(tmp_path, url, changes='"stamp"')
    for _ in range(20):
        read_erp(settings, db, full=False)
    assert (store.logins, store.licences_held(), store.max_licences_held) == (1, 1, 1)
    store.drop_sessions()  # the session expired on the server: its licence is free again
    store.change("2", stock=0)
    assert read_erp(settings, db, full=False).moved
    assert (store.logins, store.licences_held(), store.max_licences_held) == (2, 1, 1)
    release_sources()
    assert store.licences_held() == 0


def test_every_licence_taken_is_a_clear_message(four_d, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store, url = four_d
    assert store.login() is not None  # the shop's till took the only licence
    settings, db = _home(tmp_path, url, changes='"stamp"')
    with pytest.raises(InputError, match="toutes les licences du serveur 4D sont prises") as info:
        read_erp(settings, db, full=False)
    assert english(str(info.value)) == (
        f"{url}: every licence of the 4D server is in use (HTTP 402): ShopSync's session needs one")
    assert fourd_rest._SESSIONS == {}


def test_the_stamp_survives_a_restart(four_d, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A connector started again asks only for what changed while it was away."""
    from shopsync.store.db import open_db

    store, url = four_d
    settings, db = _home(tmp_path, url, changes='"stamp"')
    read_erp(settings, db, full=False)
    db.conn.close()
    release_sources()  # the process ended: its session with it
    store.change("11", stock=0)
    store.delete("12")
    mark = store.entities_sent
    reopened = open_db(settings.db_path)
    after = read_erp(settings, reopened, full=False)
    # the changed entity, its __DeletedRecords entry and the count check's one entity: 3 of 1200
    assert after.moved and after.transferred == 1 and store.entities_sent - mark == 3
    assert _quantities(reopened)["4D-00011"] == 0 and "4D-00012" not in _quantities(reopened)

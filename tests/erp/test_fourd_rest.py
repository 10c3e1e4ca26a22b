"""4D REST against the stand-in that speaks ORDA's documented JSON, on a real socket."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from shopsync.erp import fourd_rest, read_export
from shopsync.errors import InputError
from shopsync.i18n import english

from .fourd_standin import Server4D, running

ENTITIES = [
    {"__KEY": str(i), "__STAMP": 1, "reference": f"4D-{i:03d}", "libelle": f"Bague {i} é",
     "stock": i % 4, "prixTTC": 100 + i + 0.5, "gencod": 3662000000000 + i,
     "marque": {"__KEY": "7", "nom": "Fred"}, "photos": {"__deferred": {"uri": "/rest/Photo"}}}
    for i in range(1, 1201)
]


@pytest.fixture
def server() -> Iterator[tuple[str, Server4D]]:
    """The 4D stand-in (tests/erp/fourd_standin.py) as an older 4D: no change tracking."""
    store = Server4D(ENTITIES, tracking=False)
    with running(store) as url:
        try:
            yield url, store
        finally:
            fourd_rest.close_sessions()


def _queries(store: Server4D) -> list[dict[str, str]]:
    with store.lock:
        return [q for path, q in store.requests if path == "/rest/Article"]


def profile_file(tmp_path: Path, url: str, **extra: str) -> Path:
    lines = ["[source]", 'type = "4d-rest"', f'url = "{url}"', 'data_class = "Article"', 'user = "web"',
             "page_size = 500"]
    lines += [f"{k} = {v}" for k, v in extra.items()]
    path = tmp_path / "rest.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_reads_all_pages_with_one_login_reused(server, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    url, store = server
    monkeypatch.setenv("SHOPSYNC_4D_PASSWORD", "s3cret")
    profile = profile_file(tmp_path, url)
    result = read_export(None, profile)
    assert len(result.lines) == 1200 and result.content_hash is None
    first = result.lines[0]
    assert (first.reference, first.designation, first.quantity, first.price, first.ean, first.line) == (
        "4D-001", "Bague 1 é", 1, Decimal("101.5"), "3662000000001", 1)
    assert [q["$skip"] for q in _queries(store)] == ["0", "500", "1000"]
    assert {q["$top"] for q in _queries(store)} == {"500"}
    read_export(None, profile)  # a second sync reuses the session: one licence
    assert store.logins == 1
    fourd_rest.close_sessions()
    assert store.logouts == 1


def test_attributes_filter_and_related_names(server, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    url, store = server
    monkeypatch.setenv("SHOPSYNC_4D_PASSWORD", "s3cret")
    profile = profile_file(tmp_path, url, attributes='["reference", "stock", "marque.nom"]',
                           filter='"stock>0"')
    (tmp_path / "rest.toml").write_text((tmp_path / "rest.toml").read_text() + '[columns]\nbrand = "marque.nom"\n')
    result = read_export(None, profile)
    assert len(result.lines) == 900
    assert result.lines[0].brand == "Fred" and result.lines[0].price is None
    assert _queries(store)[0]["$attributes"] == "reference,stock,marque.nom"
    assert _queries(store)[0]["$filter"] == "stock>0"


def test_expired_session_logs_in_again_once(server, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    url, store = server
    monkeypatch.setenv("SHOPSYNC_4D_PASSWORD", "s3cret")
    profile = profile_file(tmp_path, url)
    read_export(None, profile)
    store.drop_sessions()  # the session expired on the server
    assert len(read_export(None, profile).lines) == 1200
    assert store.logins == 2


def test_authentify_on_recent_4d(server, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    url, store = server
    monkeypatch.setenv("SHOPSYNC_4D_PASSWORD", "s3cret")
    profile = profile_file(tmp_path, url, auth='"authentify"')
    assert len(read_export(None, profile).lines) == 1200


def test_wrong_password_is_a_clear_error_without_the_password(server, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    url, _ = server
    monkeypatch.setenv("SHOPSYNC_4D_PASSWORD", "not-the-one")
    with pytest.raises(InputError, match="le serveur 4D a refusé la connexion de « web »") as info:
        read_export(None, profile_file(tmp_path, url))
    assert "not-the-one" not in str(info.value)
    assert english(str(info.value)) == f"{url}: the 4D server refused the login of 'web'"


def test_unreachable_server(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    monkeypatch.setenv("SHOPSYNC_4D_PASSWORD", "s3cret")
    with pytest.raises(InputError, match="le serveur 4D est injoignable") as info:
        read_export(None, profile_file(tmp_path, f"http://127.0.0.1:{port}"))
    assert english(str(info.value)).startswith(f"http://127.0.0.1:{port}: cannot reach the 4D server (")


def test_url_given_on_the_command_line_and_empty_preset(server, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError, match="ne nomme aucun serveur 4D") as info:
        read_export(None, "4d-rest")
    assert english(str(info.value)) == (
        "the profile '4d-rest' names no 4D server: set [source] url and data_class")
    url, _ = server
    with pytest.raises(InputError, match="data_class"):
        read_export(url, "4d-rest")


def test_password_from_the_keyring(server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import keyring
    from keyring.backend import KeyringBackend

    class Memory(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def __init__(self) -> None:
            super().__init__()
            self.store: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.store.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.store[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.store.pop((service, username), None)

    url, store = server
    previous = keyring.get_keyring()
    memory = Memory()
    keyring.set_keyring(memory)
    try:
        memory.set_password("shopsync", f"4d:{url}", "s3cret")
        assert len(read_export(None, profile_file(tmp_path, url)).lines) == 1200
    finally:
        keyring.set_keyring(previous)


def test_the_password_never_travels_over_plain_http_off_loopback(monkeypatch):
    """The 4D reader refuses http:// to another machine before any request: `password-4D`
    would cross the network in clear (issue 18)."""
    from shopsync.erp import fourd_rest
    from shopsync.erp.profiles import load_profile

    monkeypatch.setenv("SHOPSYNC_4D_PASSWORD", "s3cret")
    sent = []
    monkeypatch.setattr(
        "shopsync.net.http.BoundedClient.exchange", lambda *a, **k: sent.append(a)
    )
    spec = load_profile("4d-rest").source
    with pytest.raises(InputError, match="plain http is refused"):
        fourd_rest._session("http://192.0.2.7:8080", spec, 5.0)
    assert sent == []

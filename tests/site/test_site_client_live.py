"""SiteClient against a live sandbox: every operation, over real HTTP on 127.0.0.1."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from site_helpers import CATALOG_ROWS, TOKEN, item

from shopsync.errors import SiteAuthError, SiteRejected, SiteUnreachable
from shopsync.site.client import SiteClient
from shopsync.site.sandbox.testing import running_sandbox, write_catalog


def test_every_operation(sandbox: str) -> None:
    with SiteClient(sandbox, TOKEN) as client:
        health = client.health()
        assert health["status"] == "ok" and health["authenticated"] is True
        catalog = client.catalog()
        assert [p.reference for p in catalog] == sorted(r["reference"] for r in CATALOG_ROWS)
        ring = next(p for p in catalog if p.reference == "AL/1234.56")
        assert ring.has_sizes and ring.sizes == ("50", "52", "54", "56.5")

        results = client.send_batch(
            [item("..", 2, price="12.50"), item("NOPE", 1), item("PDL 045 OR", 1, price="1,00")],
            "live-1",
        )
        assert [(r.reference, r.status, r.reason) for r in results] == [
            ("..", "accepted", None),
            ("NOPE", "rejected", "unknown_reference"),
            ("PDL 045 OR", "rejected", "invalid_price"),
        ]
        assert client.product("..")["price"] == "12.50"
        assert client.product("NOPE") is None
        assert [p["reference"] for p in client.products(published=True)] == [".."]
        assert len(client.products(published=False)) == len(CATALOG_ROWS) - 1
        assert len(client.products()) == len(CATALOG_ROWS)

        rule = {
            "backorder": {
                "enabled": True,
                "restock_days": 5,
                "message": "Expédié sous {days} jours",
            }
        }
        assert client.put_settings(rule) == rule
        assert client.get_settings() == rule
        assert client.send_listing_requests([{"reference": "NEW/1", "brand": "X"}]) == {
            "received": 1,
            "new": 1,
        }


def test_catalog_follows_cursors(tmp_path: Path) -> None:
    rows = [{"reference": f"REF-{i:05d}", "brand": "B"} for i in range(2345)]
    catalog = write_catalog(tmp_path / "big.csv", rows)
    with (
        running_sandbox(tmp_path / "d", token=TOKEN, catalog=catalog) as url,
        SiteClient(url, TOKEN) as client,
    ):
        assert [p.reference for p in client.catalog()] == [r["reference"] for r in rows]
        assert len(client.products()) == 2345


def test_batch_over_the_limit_is_rejected_413(tmp_path: Path, catalog_csv: Path) -> None:
    with (
        running_sandbox(tmp_path / "d", token=TOKEN, catalog=catalog_csv, batch_limit=3) as url,
        SiteClient(url, TOKEN) as client,
    ):
        assert client.health()["batch_limit"] == 3
        with pytest.raises(SiteRejected) as info:
            client.send_batch([item("CRB4084600", v) for v in range(1, 5)], "too-big")
    assert info.value.status_code == 413
    assert "at most 3 items" in str(info.value)


def test_wrong_token_and_no_site(sandbox: str) -> None:
    with SiteClient(sandbox, "not-the-token") as client, pytest.raises(SiteAuthError):
        client.catalog()
    with SiteClient(sandbox, None) as client, pytest.raises(SiteAuthError):
        client.send_batch([item("CRB4084600", 1)], "k")
    # Nothing listens on port 9 (discard) of loopback: connection refused, retried, then given up.
    delays: list[float] = []
    with (
        SiteClient("http://127.0.0.1:9", TOKEN, retries=2, sleep=delays.append) as client,
        pytest.raises(SiteUnreachable),
    ):
        client.health()
    assert len(delays) == 2


def test_the_token_never_reaches_a_log(
    tmp_path: Path, catalog_csv: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Everything logged at DEBUG (httpx, httpcore, uvicorn, ours), errors included."""
    secret = "s3cr3t-T0KEN-do-not-log-4242"
    wrong = "wr0ng-T0KEN-also-secret-9999"
    caplog.set_level(logging.DEBUG)
    for name in ("httpx", "httpcore", "shopsync", "uvicorn", "uvicorn.error"):
        caplog.set_level(logging.DEBUG, logger=name)
    messages: list[str] = []
    # Faults on, so that retries and their log lines happen too.
    with running_sandbox(
        tmp_path / "d",
        token=secret,
        catalog=catalog_csv,
        faults=0.5,
        seed=3,
        fault_slow_seconds=0.05,
    ) as url:
        with SiteClient(url, secret, retries=8, backoff_base=0.001, sleep=lambda s: None) as client:
            client.health()
            client.catalog()
            for n in range(1, 6):
                client.send_batch([item("CRB4084600", n)], f"log-{n}")
            client.product("AL/1234.56")
            client.products()
            client.put_settings(
                {"backorder": {"enabled": False, "restock_days": 3, "message": "m"}}
            )
            client.send_listing_requests([{"reference": "X" * 50, "designation": "y" * 2000}])
            messages.append(repr(client))
        with SiteClient(url, wrong, retries=0) as client:
            for call in (client.catalog, lambda: client.send_batch([item("A", 1)], "k")):
                try:
                    call()
                except Exception as exc:  # noqa: BLE001 - the message is what is checked
                    messages.append(str(exc))
                    messages.append(repr(exc))
    text = caplog.text + "\n".join(messages)
    text += "\n".join(repr(r.args) + str(r.__dict__) for r in caplog.records)
    assert "HTTP Request" in caplog.text  # httpx did log at DEBUG/INFO: the check is meaningful
    assert secret not in text
    assert wrong not in text

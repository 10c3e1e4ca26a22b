"""Site API v1.1 in the sandbox, through the real client over HTTP: heartbeat and its answer,
the connection report, support requests done once and acknowledged, diagnostic uploads, the
connector's health as the platform sees it (`GET /api/v1/agent`, `/admin`), the freshness policy
and renames in the sandbox's catalogue."""

from __future__ import annotations

import time
from pathlib import Path

import httpx
import pytest
from site_helpers import CATALOG_ROWS, TOKEN, admin_browser, admin_form_token, item

from shopsync.errors import SiteAuthError, SiteRejected
from shopsync.site.client import SiteClient
from shopsync.site.protocol import MAX_DIAGNOSTIC_BYTES, RequestKind
from shopsync.site.sandbox.testing import (
    agent_diagnostics,
    agent_requests,
    queue_agent_request,
    running_sandbox,
    write_catalog,
)

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def beat(**changes: object) -> dict:
    body = {"agent_id": "a-1", "version": "1.0", "clock": "2026-01-01T00:00:00+00:00"}
    body.update(changes)
    return body


def wait_for(predicate, timeout: float = 15.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def overview(url: str) -> dict:
    return httpx.get(f"{url}/api/v1/agent", headers=AUTH).json()


def test_heartbeat_answer_carries_requests_until_acknowledged(sandbox: str, tmp_path: Path):
    data = tmp_path / "site"
    assert overview(sandbox)["health"] == "never"
    with SiteClient(sandbox, TOKEN, retries=0) as site:
        assert site.put_heartbeat(beat(pending=3, held=1)) == []
        first = queue_agent_request(data, RequestKind.FULL_RECONCILE)
        odd = queue_agent_request(data, "run_this_shell_command")
        answered = site.put_heartbeat(beat())
        assert [(r.id, r.kind) for r in answered] == [
            (first, "full_reconcile"),
            (odd, "run_this_shell_command"),
        ]
        assert [r.id for r in site.support_requests()] == [first, odd]
        site.ack_request(first, "done")
        site.ack_request(first, "failed", "a second ack keeps the first")
        site.ack_request(odd, "ignored", "unknown kind")
        assert site.put_heartbeat(beat()) == []
        assert site.support_requests() == []
        with pytest.raises(SiteRejected) as unknown:
            site.ack_request("no-such-request", "done")
        assert unknown.value.status_code == 404
    recorded = {r["id"]: r for r in agent_requests(data)}
    assert recorded[first]["outcome"] == "done"
    assert recorded[odd]["outcome"] == "ignored"
    view = overview(sandbox)
    assert view["health"] == "ok"
    assert view["heartbeat"]["agent_id"] == "a-1"
    assert view["last_heartbeat_at"] is not None


def test_heartbeat_schema_is_enforced(sandbox: str):
    with SiteClient(sandbox, TOKEN, retries=0) as site:
        for bad in ({"version": "1", "clock": "x"}, beat(pending=-1), beat(erp="odbc")):
            with pytest.raises(SiteRejected) as refused:
                site.put_heartbeat(bad)
            assert refused.value.status_code == 422
        with pytest.raises(SiteRejected) as large:
            site.put_heartbeat(beat(os="x" * 150, padding=["y" * 100] * 200))
        assert large.value.status_code == 413
    with SiteClient(sandbox, "wrong-token", retries=0) as site, pytest.raises(SiteAuthError):
        site.put_heartbeat(beat())


def test_connection_report_and_diagnostic_upload(sandbox: str, tmp_path: Path):
    report = {
        "agent_id": "a-1",
        "hash": "abc",
        "counts": {"references": 3, "to_rewrite": 1, "written_the_old_way": 1},
        "to_rewrite": [{"reference": "t137", "suggestions": [{"reference": "T137", "score": 0.9}]}],
        "written_the_old_way": [{"reference": "OLD-1", "catalog_reference": "NEW-1"}],
    }
    with SiteClient(sandbox, TOKEN, retries=0) as site:
        assert site.put_connection_report(report)["hash"] == "abc"
        request = queue_agent_request(tmp_path / "site", RequestKind.DIAGNOSTICS)
        answer = site.upload_diagnostic(b"PK\x03\x04 a zip", request)
        assert answer["bytes"] == len(b"PK\x03\x04 a zip")
        with pytest.raises(ValueError):
            site.upload_diagnostic(b"0" * (MAX_DIAGNOSTIC_BYTES + 1))
    too_big = httpx.post(
        f"{sandbox}/api/v1/agent/diagnostics",
        content=b"0" * (MAX_DIAGNOSTIC_BYTES + 1),
        headers={**AUTH, "Content-Type": "application/zip"},
    )
    assert too_big.status_code == 413
    [(request_id, path)] = agent_diagnostics(tmp_path / "site")
    assert (request_id, path.read_bytes()) == (request, b"PK\x03\x04 a zip")
    assert overview(sandbox)["connection_report"]["counts"]["written_the_old_way"] == 1


def test_health_goes_late_then_silent_then_ok_and_the_storefront_follows(tmp_path: Path):
    catalog = write_catalog(tmp_path / "c.csv", CATALOG_ROWS)
    options = {"agent_late": 1.0, "agent_silent": 2.0, "stale_policy": "confirm"}
    sandbox = running_sandbox(tmp_path / "site", token=TOKEN, catalog=catalog, **options)
    with sandbox as url, SiteClient(url, TOKEN, retries=0) as site:
        site.send_batch([item("CRB4084600", 1)], "k1")
        site.put_heartbeat(beat())
        assert overview(url)["health"] == "ok"
        assert "En stock" in httpx.get(url).text
        assert wait_for(lambda: overview(url)["health"] == "late")
        assert wait_for(lambda: overview(url)["health"] == "silent")
        page = httpx.get(url).text
        assert "Disponibilité à confirmer" in page and "En stock" not in page
        admin = httpx.get(f"{url}/admin", auth=("plateforme", TOKEN)).text
        assert "data-health='silent'" in admin and "Silencieux depuis" in admin
        site.put_heartbeat(beat())
        assert overview(url)["health"] == "ok"
        assert "En stock" in httpx.get(url).text


def test_admin_is_token_protected_and_its_buttons_queue_requests(sandbox: str, tmp_path: Path):
    assert httpx.get(f"{sandbox}/admin").status_code == 401
    assert httpx.get(f"{sandbox}/admin", auth=("x", "wrong")).status_code == 401
    refused = httpx.post(f"{sandbox}/admin/requests", data={"kind": "diagnostics"})
    assert refused.status_code == 401
    page = httpx.get(f"{sandbox}/admin", auth=("plateforme", TOKEN))
    assert page.status_code == 200 and "Jamais connecté" in page.text
    # the buttons, as a browser presses them: from the page, with its form token
    with admin_browser(sandbox, TOKEN) as browser:
        token = admin_form_token(browser)
        for kind in ("diagnostics", "full_reconcile"):
            done = browser.post("/admin/requests", data={"kind": kind, "csrf": token})
            assert done.status_code == 303
        assert [r["kind"] for r in agent_requests(tmp_path / "site")] == [
            "diagnostics", "full_reconcile"
        ]
        bad = browser.post("/admin/requests", data={"kind": "rm -rf", "csrf": token})
        assert bad.status_code == 400
    assert "Demander un diagnostic" in httpx.get(f"{sandbox}/admin", headers=AUTH).text


def test_a_renamed_catalogue_product_keeps_its_state(tmp_path: Path):
    data = tmp_path / "site"
    before = write_catalog(tmp_path / "before.csv", [{"reference": "OLD-1", "brand": "B"}])
    with running_sandbox(data, token=TOKEN, catalog=before) as url, SiteClient(url, TOKEN) as site:
        site.send_batch([item("OLD-1", 4, quantity=2)], "k1")
    after = write_catalog(
        tmp_path / "after.csv",
        [{"reference": "NEW-1", "brand": "B", "previous_references": ["OLD-1", "OLD_1"]}],
    )
    with running_sandbox(data, token=TOKEN, catalog=after) as url, SiteClient(url, TOKEN) as site:
        [product] = site.catalog()
        assert (product.reference, product.previous_references) == ("NEW-1", ("OLD-1", "OLD_1"))
        state = site.product("NEW-1")
        assert (state["published"], state["quantity"], state["version"]) == (True, 2, 4)
        assert site.product("OLD-1") is None

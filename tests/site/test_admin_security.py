"""The sandbox's `/admin` against what a hostile page or a broken agent can do, on a real
sandbox on 127.0.0.1: a cross-origin POST, a `text/plain` POST (what a foreign page sends without
a preflight), a POST without the page's form token — all refused with 403 and nothing queued;
no `/admin` answer can be framed; a malformed connection report is refused on arrival (422,
naming the field) and `/admin` keeps answering 200. And the page reads as the app does: local
time with its zone, durations in words, scores as percentages.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import httpx
import pytest
from site_helpers import TOKEN, admin_browser, admin_form_token

from shopsync.site.sandbox.testing import running_sandbox

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def queued(data: Path) -> list[str]:
    db = sqlite3.connect(data / "sandbox.db")
    try:
        return [row[0] for row in db.execute("SELECT kind FROM agent_requests ORDER BY rowid")]
    finally:
        db.close()


@pytest.fixture
def site(tmp_path: Path, catalog_csv: Path):
    data = tmp_path / "site"
    with running_sandbox(data, token=TOKEN, catalog=catalog_csv) as url:
        yield url, data


def test_a_state_changing_post_needs_our_origin_a_form_and_the_page_token(site):
    url, data = site
    with admin_browser(url, TOKEN) as browser:
        token = admin_form_token(browser)
        form = {"kind": "pause", "csrf": token}

        # another site's page, with the platform user's credentials resent by the browser
        evil = browser.post(
            "/admin/requests", data=form, headers={"Origin": "https://evil.example"}
        )
        assert evil.status_code == 403
        # no Origin, a foreign Referer
        no_origin = httpx.post(
            f"{url}/admin/requests", data=form, auth=("plateforme", TOKEN),
            cookies=browser.cookies, headers={"Referer": "https://evil.example/page"},
        )  # fmt: skip
        assert no_origin.status_code == 403
        # neither Origin nor Referer
        anonymous = httpx.post(
            f"{url}/admin/requests", data=form, auth=("plateforme", TOKEN),
            cookies=browser.cookies,
        )  # fmt: skip
        assert anonymous.status_code == 403
        # text/plain: what a cross-site form may send without a preflight
        plain = browser.post(
            "/admin/requests", content=f"kind=pause&csrf={token}",
            headers={"Content-Type": "text/plain"},
        )  # fmt: skip
        assert plain.status_code == 403
        # our origin, but no token, a wrong token, or the token without its session cookie
        assert browser.post("/admin/requests", data={"kind": "pause"}).status_code == 403
        wrong = {"kind": "pause", "csrf": "0" * 64}
        assert browser.post("/admin/requests", data=wrong).status_code == 403
        stranger = httpx.post(
            f"{url}/admin/requests", data=form, auth=("plateforme", TOKEN),
            headers={"Origin": url},
        )  # fmt: skip
        assert stranger.status_code == 403
        assert queued(data) == []  # nothing of the above reached the agent

        # the page's own button: accepted, once
        pressed = browser.post("/admin/requests", data=form)
        assert pressed.status_code == 303 and pressed.headers["location"] == "/admin"
        assert queued(data) == ["pause"]


def test_every_admin_answer_forbids_framing_and_foreign_content(site):
    url, _data = site
    answers = [
        httpx.get(f"{url}/admin"),  # the challenge
        httpx.get(f"{url}/admin", auth=("plateforme", TOKEN)),
        httpx.post(f"{url}/admin/requests", data={"kind": "pause"}, auth=("p", TOKEN)),  # 403
    ]
    assert [a.status_code for a in answers] == [401, 200, 403]
    for answer in answers:
        assert answer.headers["x-frame-options"] == "DENY"
        csp = answer.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in csp and "default-src 'none'" in csp
        assert "form-action 'self'" in csp and "unsafe-inline" not in csp
    cookie = answers[1].headers["set-cookie"]
    assert "httponly" in cookie.lower() and "samesite=strict" in cookie.lower()


@pytest.mark.parametrize(
    ("report", "field"),
    [
        ({"to_rewrite": [{"reference": "X", "suggestions": [{"reference": "Y", "score": "high"}]}]},
         "to_rewrite[0].suggestions[0].score"),
        ({"to_rewrite": [{"reference": "X", "suggestions": "Y"}]}, "to_rewrite[0].suggestions"),
        ({"to_rewrite": [{"brand": "B"}]}, "to_rewrite[0].reference"),
        ({"written_the_old_way": [{"reference": 3, "catalog_reference": "A"}]},
         "written_the_old_way[0].reference"),
        ({"brands": [{"brand": "B", "items": -1}]}, "brands[0].items"),
        ({"unmapped_brands": ["x" * 500]}, "unmapped_brands[0]"),
    ],
)  # fmt: skip
def test_a_malformed_connection_report_is_refused_on_arrival(site, report, field):
    url, _data = site
    body = {"hash": "h1", "counts": {"references": 1}, **report}
    answer = httpx.put(f"{url}/api/v1/agent/connection-report", json=body, headers=AUTH)
    assert answer.status_code == 422
    assert field in answer.json()["error"]["message"]
    page = httpx.get(f"{url}/admin", auth=("plateforme", TOKEN))
    assert page.status_code == 200 and "Aucun rapport de connexion reçu" in page.text


@pytest.fixture
def paris(monkeypatch: pytest.MonkeyPatch):
    """The sandbox's machine in Paris (winter: CET, UTC+01:00)."""
    import time

    monkeypatch.setenv("TZ", "Europe/Paris")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_the_page_reads_as_the_app_does(paris, site):
    url, _data = site
    beat = {
        "agent_id": "a1", "version": "1.0", "clock": "2026-12-06T07:00:00+00:00",
        "erp": {"kind": "file", "preset": "auto"},
        "last_delivery_at": "2026-12-06T07:00:00+00:00",
    }  # fmt: skip
    assert httpx.put(f"{url}/api/v1/agent", json=beat, headers=AUTH).status_code == 200
    report = {
        "hash": "h2", "counts": {"references": 2, "to_rewrite": 1},
        "to_rewrite": [{"reference": "F2O560/1", "brand": "FESTINA",
                        "suggestions": [{"reference": "F20560/1", "score": 0.92}]}],
    }  # fmt: skip
    assert httpx.put(f"{url}/api/v1/agent/connection-report", json=report, headers=AUTH).is_success
    page = httpx.get(f"{url}/admin", auth=("plateforme", TOKEN)).text
    assert "En retard après 45 min sans signal, silencieux après 6 h." in page
    assert "fichier / auto" in page
    assert "F20560/1 (92\u202f%)" in page and "0.92" not in page
    # 07:00 UTC as the sandbox's clock in Paris reads it, the zone said; never raw ISO
    assert "Dernière livraison au site</th><td>06/12/2026 08:00:00 CET (UTC+01:00)" in page
    assert "+00:00" not in page and not re.search(r"\d\dT\d\d:", page)

"""`/admin`: the platform team's back-office page for this shop's connector, in French.

Plain server-rendered HTML like the storefront, protected by the shop's token (HTTP Basic with
the token as password, so a browser asks for it; or the API's bearer header). It shows what
`GET /api/v1/agent` returns, and its buttons queue support requests for the agent. Times are
the sandbox's local time with its zone; durations, shares and scores are written as the app
writes them (`45 min`, `92 %`: shopsync.formatting).

A browser resends Basic credentials by itself, so a page the platform's user visits elsewhere
could post to `/admin` in their name (CSRF): every state-changing POST must
- come from this site's own origin (`Origin`, else `Referer`; neither: refused),
- be an HTML form (`application/x-www-form-urlencoded`; `text/plain`, which a foreign page can
  send without a preflight, is refused),
- carry the form token of the session (a random cookie `SameSite=Strict`, set with the page;
  the token is an HMAC of it under a per-process secret),
or it is refused with 403 and nothing is queued. Every `/admin` answer forbids framing
(`X-Frame-Options: DENY`, CSP `frame-ancestors 'none'`) and loads nothing from anywhere.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from datetime import datetime
from html import escape
from typing import Any
from urllib.parse import parse_qs, urlsplit

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from shopsync import formatting
from shopsync.site.protocol import RequestKind
from shopsync.site.sandbox.agent_api import overview

HEALTH_TEXT = {
    "ok": ("OK", "ok"),
    "needs_attention": ("À vérifier", "wait"),
    "late": ("En retard", "wait"),
    "silent": ("Silencieux", "out"),
    "never": ("Jamais connecté", "out"),
}
BUTTONS = (
    (RequestKind.FULL_RECONCILE, "Demander une synchronisation complète"),
    (RequestKind.DIAGNOSTICS, "Demander un diagnostic"),
    (RequestKind.PAUSE, "Suspendre les synchronisations"),
    (RequestKind.RESUME, "Reprendre les synchronisations"),
)
KIND_TEXT = dict(BUTTONS)
OUTCOME_TEXT = {"done": "fait", "failed": "échec", "ignored": "ignoré"}
ERP_KIND_TEXT = {
    "file": "fichier",
    "pattern": "fichiers (motif)",
    "odbc": "ODBC",
    "4d-rest": "4D REST",
    "none": "aucune",
}
MAX_FORM_BYTES = 4096
FORM_MEDIA_TYPE = "application/x-www-form-urlencoded"
SESSION_COOKIE = "shopsync_admin"
_SESSION_RE = re.compile(r"^[A-Za-z0-9_-]{32}$")
FR = "fr"  # /admin is in French: figures as a French reader writes them


def _authorized(request: Request) -> bool:
    if request.scope.get("state", {}).get("authenticated"):
        return True  # the API's bearer header, checked by TokenMiddleware
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "basic":
        return False
    try:
        _, _, password = base64.b64decode(value.strip()).decode("utf-8").partition(":")
    except (ValueError, UnicodeDecodeError):
        return False
    return hmac.compare_digest(password.encode(), request.app.state.token.encode())


def _challenge() -> Response:
    return _secured(
        HTMLResponse(
            "<!doctype html><html lang='fr'><meta charset='utf-8'><p>Accès réservé à la "
            "plateforme : saisissez le jeton de la boutique comme mot de passe.</p></html>",
            401,
            {"WWW-Authenticate": 'Basic realm="ShopSync admin", charset="UTF-8"'},
        )
    )


def _refused(reason: str, status: int = 403) -> Response:
    return _secured(
        HTMLResponse(
            f"<!doctype html><html lang='fr'><meta charset='utf-8'><p>{escape(reason)}</p></html>",
            status,
        )
    )


def _secured(response: Response) -> Response:
    """The headers every /admin answer carries: no framing, nothing loaded from elsewhere, no
    caching of a page that shows the shop's state."""
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"
    response.headers["Cache-Control"] = "no-store"
    return response


def _secret(request: Request) -> bytes:
    """The process's key for form tokens (a restart invalidates open pages: reload them)."""
    state = request.app.state
    secret = getattr(state, "admin_form_secret", None)
    if secret is None:
        secret = state.admin_form_secret = secrets.token_bytes(32)
    return secret


def _session(request: Request) -> str | None:
    value = request.cookies.get(SESSION_COOKIE, "")
    return value if _SESSION_RE.match(value) else None


def form_token(request: Request, session: str) -> str:
    return hmac.new(_secret(request), session.encode("ascii"), hashlib.sha256).hexdigest()


def _own_origin(request: Request) -> str:
    return f"{request.url.scheme}://{request.url.netloc}".lower()


def _origin_of(url: str) -> str | None:
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if not parts.scheme or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}".lower()


def csrf_problem(request: Request, form: dict[str, list[str]] | None) -> str | None:
    """Why this POST must be refused (None: it comes from our own page's form)."""
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media != FORM_MEDIA_TYPE:
        return "Formulaire refusé : seul le formulaire de cette page est accepté."
    origin = request.headers.get("origin")
    if origin is not None:
        source = _origin_of(origin)
    else:
        referer = request.headers.get("referer")
        source = _origin_of(referer) if referer else None
    if source != _own_origin(request):
        return "Demande refusée : elle ne vient pas de cette page (autre origine)."
    session = _session(request)
    given = ((form or {}).get("csrf") or [""])[0]
    if session is None or not hmac.compare_digest(given, form_token(request, session)):
        return "Demande refusée : jeton de formulaire absent ou périmé ; rechargez la page."
    return None


async def page(request: Request) -> Response:
    if not _authorized(request):
        return _challenge()
    session = _session(request) or secrets.token_urlsafe(24)
    response = HTMLResponse(render(overview(request), form_token(request, session)))
    response.set_cookie(
        SESSION_COOKIE, session, path="/admin", httponly=True, samesite="strict",
        secure=request.url.scheme == "https",
    )  # fmt: skip
    return _secured(response)


async def queue(request: Request) -> Response:
    """A button: queue one support request, then back to the page (POST-redirect-GET)."""
    if not _authorized(request):
        return _challenge()
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_FORM_BYTES:
            return _refused("Formulaire trop long.", 413)
    form = parse_qs(body.decode("utf-8", "replace"))
    problem = csrf_problem(request, form)
    if problem is not None:
        return _refused(problem)
    kind = form.get("kind", [""])[0]
    if kind not in KIND_TEXT:
        return _refused("Demande inconnue.", 400)
    request.app.state.agents.queue_request(kind)
    return _secured(RedirectResponse("/admin", 303))


def _when(value: str | None) -> str:
    """An ISO time (stored in UTC) as the reader's clock shows it: the sandbox's local time,
    with its zone (`06/12/2026 09:31:05 CET (UTC+01:00)`)."""
    if not value:
        return "—"
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return escape(value)
    if moment.tzinfo is None:
        return escape(value)
    local = moment.astimezone()
    offset = local.strftime("%z")
    offset = f"UTC{offset[:3]}:{offset[3:]}" if offset not in ("", "+0000") else "UTC"
    name = local.tzname() or ""
    zone = (
        f"{name} ({offset})"
        if name and not name.startswith(("+", "-")) and name != "UTC"
        else offset
    )
    return escape(f"{local:%d/%m/%Y %H:%M:%S} {zone}")


def _rows(pairs: list[tuple[str, str]]) -> str:
    return "".join(f"<tr><th>{escape(k)}</th><td>{v}</td></tr>" for k, v in pairs)


def _facts(view: dict[str, Any]) -> str:
    beat = view["heartbeat"] or {}
    export = beat.get("last_export") or {}
    erp = beat.get("erp") or {}
    error = beat.get("last_error")
    doing = beat.get("doing")
    store = beat.get("local_store") or {}
    pairs = [
        ("Dernier signal", _when(view["last_heartbeat_at"])),
        ("Version", escape(str(beat.get("version") or "—"))),
        ("Système", escape(str(beat.get("os") or "—"))),
        ("Source ERP", escape(" / ".join(
            ERP_KIND_TEXT.get(str(v), str(v)) if i == 0 else str(v)
            for i, v in enumerate((erp.get("kind"), erp.get("preset"))) if v)) or "—"),
        ("Dernier export lu", f"{_when(export.get('read_at'))} — {export.get('lines', 0)} lignes, "
         f"{export.get('rejected', 0)} rejetées" if export else "—"),
        ("Dernière livraison au site", _when(beat.get("last_delivery_at"))),
        ("Dernière vente vue", _when(view["last_sale_at"])),
        ("En attente d'envoi", str(beat.get("pending", "—"))),
        ("Dépublications retenues (attendent un oui)", str(beat.get("held", "—"))),
        ("Refusés par le site", str(beat.get("rejected", "—"))),
        ("Dernière erreur", escape(f"{error.get('code')} : {error.get('message')}") if error
         else "aucune"),
        ("Prochaine synchronisation", _when(beat.get("next_run_at"))),
        ("Horloge du poste", _when(beat.get("clock"))),
        ("Base locale reconstruite", _when(store.get("rebuilt_at")) if store.get("rebuilt_at")
         else "jamais"),
        ("Problème de disque", escape(str(store["problem"])) if store.get("problem") else "aucun"),
        ("Suspendu", "oui" if beat.get("paused") else "non"),
        ("En cours", escape(KIND_TEXT.get(doing.get("kind"), str(doing.get("kind")))) if doing
         else "—"),
    ]  # fmt: skip
    return f"<table>{_rows(pairs)}</table>"


def _report(view: dict[str, Any]) -> str:
    report = view["connection_report"]
    if not report:
        return "<p>Aucun rapport de connexion reçu.</p>"
    counts = report.get("counts", {})
    labels = {
        "references": "références lues",
        "connected": "connectées",
        "to_rewrite": "à réécrire",
        "written_the_old_way": "écrites à l'ancienne",
        "unmatched": "absentes du catalogue",
        "aliases_accepted": "alias acceptés",
        "brands_to_decide": "marques à décider",
    }
    summary = ", ".join(f"{counts[k]} {v}" for k, v in labels.items() if k in counts)
    rewrite = "".join(
        f"<tr><td>{escape(str(r.get('reference')))}</td><td>"
        + ", ".join(
            f"{escape(str(s.get('reference')))} "
            f"({escape(formatting.percent(float(s.get('score') or 0), FR))})"
            for s in r.get("suggestions", [])[:3]
        )
        + "</td></tr>"
        for r in report.get("to_rewrite", [])[:200]
    )
    old = "".join(
        f"<tr><td>{escape(str(r.get('reference')))}</td>"
        f"<td>{escape(str(r.get('catalog_reference')))}</td></tr>"
        for r in report.get("written_the_old_way", [])[:200]
    )
    parts = [f"<p>Reçu le {_when(view['connection_report_at'])} : {escape(summary)}.</p>"]
    if rewrite:
        parts.append(
            "<h3>Références à réécrire</h3><table><tr><th>Référence ERP</th>"
            f"<th>Suggestions</th></tr>{rewrite}</table>"
        )
    if old:
        parts.append(
            "<h3>Écrites à l'ancienne (connectées au produit renommé)</h3><table><tr>"
            f"<th>Référence ERP</th><th>Référence du catalogue</th></tr>{old}</table>"
        )
    brands = report.get("unmapped_brands") or []
    if brands:
        parts.append(f"<p>Marques à décider : {escape(', '.join(brands))}</p>")
    return "".join(parts)


def _health_reason(view: dict[str, Any]) -> str:
    """Why the shop needs a person, in the shop's own words (the heartbeat's `reason`)."""
    reason = view.get("health_reason")
    return f"<p id='health-reason'>{escape(str(reason))}</p>" if reason else ""


# The heartbeat's `counts` (the one counting of the export, shopsync/sync/counts.py), in the
# order its identities read: lines, then references, then what connected references become.
COUNT_ROWS = (
    ("lines_read", "Lignes lues"),
    ("lines_rejected", "dont refusées"),
    ("lines_merged", "dont regroupées (une ligne par pièce)"),
    ("references", "Références distinctes"),
    ("connected", "connectées au catalogue"),
    ("to_rewrite", "à réécrire"),
    ("absent_from_catalogue", "absentes du catalogue"),
    ("will_publish", "Connectées publiées"),
    ("brand_undecided", "retenues : marque à décider"),
    ("brand_off", "retenues : marque hors site"),
    ("held_by_status", "retenues : statut ERP"),
    ("brands_to_decide", "Marques à décider"),
    ("products_published", "Produits du catalogue en ligne"),
    ("catalogue_products", "Produits du catalogue"),
)
NOTHING_PUBLISHED_TEXT = {
    "no_item": "l'export ne contient aucun article lisible",
    "catalogue_unknown": "le catalogue du site n'a pas encore été lu",
    "empty_catalogue": "le catalogue du site est vide",
    "nothing_connected": "aucune référence de l'export ne correspond au catalogue",
    "brands_undecided": "toutes les marques sont à décider",
    "brands_off": "toutes les marques connectées sont hors site",
    "brands_undecided_or_off": "les marques connectées sont à décider ou hors site",
    "held_by_status": "tous les articles connectés sont retenus par leur statut ERP",
    "held_by_brand_or_status": "chaque article connecté est retenu par sa marque ou son statut",
}


def _counts(view: dict[str, Any]) -> str:
    counts = (view.get("heartbeat") or {}).get("counts")
    if not isinstance(counts, dict):
        return "<p>Aucun comptage reçu (le connecteur n'a pas encore synchronisé).</p>"
    rows = [(label, escape(str(counts[key]))) for key, label in COUNT_ROWS if key in counts]
    parts = [f"<table id='counts'>{_rows(rows)}</table>"]
    why = counts.get("nothing_published")
    if why:
        text = NOTHING_PUBLISHED_TEXT.get(str(why), str(why))
        parts.append(f"<p id='nothing-published'>Rien ne sera publié : {escape(text)}.</p>")
    if counts.get("counted_at"):
        parts.append(f"<p>Compté le {_when(counts['counted_at'])}.</p>")
    return "".join(parts)


def _report_or_notice(view: dict[str, Any]) -> str:
    """Reports are checked on arrival (agent_api); one stored by an older sandbox that does not
    fit is said so, and the rest of the page still shows."""
    try:
        return _report(view)
    except (AttributeError, KeyError, TypeError, ValueError):
        return "<p>Le dernier rapport de connexion reçu est illisible (format inattendu).</p>"


def _requests(view: dict[str, Any], token: str) -> str:
    buttons = "".join(
        "<form method='post' action='/admin/requests'>"
        f"<input type='hidden' name='csrf' value='{escape(token)}'>"
        f"<input type='hidden' name='kind' value='{kind}'><button>{escape(text)}</button></form>"
        for kind, text in BUTTONS
    )
    rows = "".join(
        f"<tr><td>{_when(r['created_at'])}</td><td>{escape(KIND_TEXT.get(r['kind'], r['kind']))}"
        f"</td><td>{'reçue' if r['delivered'] else 'en attente'}</td><td>"
        + (
            f"{escape(OUTCOME_TEXT.get(r['outcome'], str(r['outcome'])))} le {_when(r['acked_at'])}"
            if r["acked_at"]
            else "—"
        )
        + "</td></tr>"
        for r in view["requests"]
    )
    table = (
        "<table><tr><th>Demandée</th><th>Demande</th><th>Transmise</th><th>Résultat</th></tr>"
        f"{rows}</table>"
        if rows
        else "<p>Aucune demande.</p>"
    )
    return f"<div class='buttons'>{buttons}</div>{table}"


_STYLE = """
body{font-family:system-ui,sans-serif;margin:0;background:#f4f5f7;color:#222}
header{background:#23304a;color:#fff;padding:1rem 2rem}header h1{margin:0;font-size:1.3rem}
section{background:#fff;margin:1rem 2rem;padding:1rem 1.5rem;border-radius:6px}
table{border-collapse:collapse}th,td{text-align:left;padding:.25rem .8rem .25rem 0;
vertical-align:top}th{font-weight:600;color:#555}
.health{font-size:1.4rem}.ok{color:#2e7d32}.wait{color:#b26a00}.out{color:#b00020}
.buttons{display:flex;gap:.5rem;flex-wrap:wrap;margin-bottom:1rem}
"""


CSP = (
    "default-src 'none'; "
    f"style-src 'sha256-{base64.b64encode(hashlib.sha256(_STYLE.encode()).digest()).decode()}'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)


def render(view: dict[str, Any], token: str = "") -> str:
    text, css = HEALTH_TEXT[view["health"]]
    since = f" depuis {_when(view['since'])}" if view["since"] else ""
    thresholds = (
        f"En retard après {formatting.duration(view['late_after_seconds'], FR)} sans signal, "
        f"silencieux après {formatting.duration(view['silent_after_seconds'], FR)}."
    )
    return (
        "<!doctype html><html lang='fr'><head><meta charset='utf-8'>"
        "<meta http-equiv='refresh' content='10'>"
        f"<title>Back-office — connecteur ShopSync</title><style>{_STYLE}</style></head><body>"
        "<header><h1>Back-office plateforme — connecteur ShopSync de la boutique</h1></header>"
        f"<section><p class='health {css}' id='health' data-health='{view['health']}'>"
        f"{escape(text)}{since}</p>{_health_reason(view)}<p>{escape(thresholds)}</p>"
        f"{_facts(view)}</section>"
        f"<section><h2>Export compté</h2>{_counts(view)}</section>"
        f"<section><h2>Rapport de connexion</h2>{_report_or_notice(view)}</section>"
        f"<section><h2>Demandes au connecteur</h2>{_requests(view, token)}</section>"
        "</body></html>"
    )


def routes() -> list[Route]:
    return [
        Route("/admin", page, methods=["GET"]),
        Route("/admin/requests", queue, methods=["POST"]),
    ]

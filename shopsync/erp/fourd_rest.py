"""4D REST (ORDA) sources: one data class read page by page over HTTP.

`GET /rest/{dataClass}?$top=N&$skip=M[&$attributes=a,b][&$filter=...]` answers
`{"__COUNT": total, "__ENTITIES": [{"__KEY": ..., "attr": value, ...}]}`. Related
attributes (`brand.name`) come back nested and are flattened to dotted names.

Every 4D REST session holds one of the shop's 4D licences until it expires, so a session is
opened once per server and user (`/rest/$directory/login` with the `username-4D` /
`password-4D` headers, or `/rest/$catalog/authentify` on 4D 20 R6+) and its cookie reused by
every later read in the same process; it is closed (`$directory/logout`) when the process
ends. A 401 on a page means the session expired: one new login, then the page again.
"""

from __future__ import annotations

import atexit
import logging
import threading
from typing import Any
from urllib.parse import quote

from shopsync.erp import messages
from shopsync.erp.profiles import Profile
from shopsync.erp.secrets import password, scrub
from shopsync.erp.table import Table, locate_header
from shopsync.erp.values import cell_text
from shopsync.errors import InputError

log = logging.getLogger("shopsync.erp")
_SESSIONS: dict[tuple[str, str], Any] = {}
_LOCK = threading.Lock()
MAX_PAGES = 100_000
# A session 4D no longer knows (expired, or its cookie did): 401, or 402 when the server
# answers "no licence for this request" after dropping it. One new login, then the page again.
RENEW = frozenset({401, 402})


def _flatten(entity: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in entity.items():
        if key.startswith("__"):
            continue
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            if "__deferred" in value:
                continue  # a relation not asked for in $attributes
            out.update(_flatten(value, name + "."))
        elif isinstance(value, list):
            continue  # a related entity selection: not a stock value
        else:
            out[name] = value
    return out


def _exchange(client: Any, method: str, url: str, bounds: Any, secret: str | None, **kw: Any) -> Any:
    """One bounded exchange with the 4D server; its failures in the ERP's words (exit 2)."""
    from shopsync.errors import SiteError

    try:
        return client.exchange(method, url, bounds, **kw)
    except SiteError as exc:
        base = client.base_url
        raise InputError(messages.cannot_reach_4d(base, scrub(str(exc), secret))) from None


def _login(client: Any, base: str, spec: Any, secret: str | None) -> None:
    """Open one session on the client (its cookie jar keeps it)."""
    import json

    from shopsync.net import limits

    if spec.auth == "none":
        return
    if spec.auth == "authentify":
        body = json.dumps({"identifier": spec.user, "password": secret or ""}).encode()
        response = _exchange(
            client, "POST", f"{base}/rest/$catalog/authentify", limits.FOURD_LOGIN, secret,
            content=body, headers={"Content-Type": "application/json"},
        )
    else:
        response = _exchange(
            client, "POST", f"{base}/rest/$directory/login", limits.FOURD_LOGIN, secret,
            headers={"username-4D": spec.user, "password-4D": secret or ""},
        )
    if response.status_code in (401, 403):
        raise InputError(messages.login_refused(base, spec.user))
    if response.status_code == 402:
        raise InputError(messages.licences_in_use(base))
    if response.status_code >= 400:
        raise InputError(messages.login_failed(base, response.status_code))
    try:
        answer = response.json()
    except ValueError:
        answer = {}
    if isinstance(answer, dict) and answer.get("result") is False:
        raise InputError(messages.login_refused(base, spec.user))


def _session(base: str, spec: Any, timeout: float) -> tuple[Any, str | None]:
    """The process's one session on this server for this user (one 4D licence), opened on
    first use. Through `shopsync.net.http.BoundedClient`: plain http is refused off loopback
    (the password travels in a header), TLS through the OS trust store (a 4D server's company
    CA is often only there), every answer bounded (`limits.FOURD_PAGE`)."""
    from shopsync.errors import ConfigError
    from shopsync.net.http import BoundedClient

    key = (base, spec.user)
    secret = password("4d", base) if spec.auth != "none" else None
    with _LOCK:
        client = _SESSIONS.get(key)
        if client is None:
            try:
                client = BoundedClient(
                    base, what="4D", read_timeout=timeout, max_connections=1,
                    headers={"Accept": "application/json"},
                )
            except ConfigError as exc:
                raise InputError(str(exc)) from None
            try:
                _login(client, base, spec, secret)
            except InputError:
                client.close()
                raise
            _SESSIONS[key] = client
    return client, secret


def close_sessions() -> None:
    """Log out of every 4D session this process opened (frees the licences)."""
    from shopsync.net import limits

    with _LOCK:
        sessions = list(_SESSIONS.items())
        _SESSIONS.clear()
    for (base, _user), client in sessions:
        try:
            client.exchange("GET", f"{base}/rest/$directory/logout", limits.FOURD_LOGIN)
        except Exception:  # noqa: BLE001 - best effort at exit
            log.debug("4D logout failed for %s", base)
        finally:
            client.close()


atexit.register(close_sessions)


def _page(client: Any, url: str, params: dict[str, str], base: str, spec: Any, secret: str | None) -> dict:
    """One GET of the 4D REST server (a page of entities, or any list answer), bounded; a
    401 or 402 means the session expired: one new login, then the same request again."""
    from shopsync.net import limits

    for attempt in (1, 2):
        response = _exchange(client, "GET", url, limits.FOURD_PAGE, secret, params=params)
        if response.status_code in RENEW and attempt == 1 and spec.auth != "none":
            _login(client, base, spec, secret)  # the session expired: once more
            continue
        if response.status_code == 404:
            raise InputError(messages.no_data_class(url))
        if response.status_code >= 400:
            raise InputError(messages.fourd_status(url, response.status_code))
        try:
            body = response.json()
        except ValueError:
            raise InputError(messages.fourd_not_json(url)) from None
        except Exception as exc:  # noqa: BLE001 - SiteContractBroken (too deep): the ERP's words
            raise InputError(f"{url}: {scrub(str(exc), secret)}") from None
        if not isinstance(body, dict) or not isinstance(body.get("__ENTITIES", []), list):
            raise InputError(messages.fourd_no_entities(url))
        return body
    raise InputError(messages.session_refused(base))  # pragma: no cover


def server_address(source: str | None, spec: Any) -> str:
    """The 4D server's address as sessions and the keyring key name it ("" when none)."""
    base = (source or spec.url).strip().rstrip("/")
    return base[: -len("/rest")] if base.endswith("/rest") else base


def get_json(base: str, profile: Profile, path: str, params: dict[str, str]) -> dict:
    """One GET on the 4D server through the process's one session (for `fourd_changes`)."""
    spec = profile.source
    client, secret = _session(base, spec, spec.timeout)
    return _page(client, f"{base}/rest/{path}", params, base, spec, secret)


def server_base(source: str | None, profile: Profile) -> str:
    """The server's base URL from the command line or the profile, checked."""
    spec = profile.source
    base = server_address(source, spec)
    if not base:
        raise InputError(messages.no_4d_server(profile.name))
    if not spec.data_class:
        raise InputError(messages.no_data_class_in_profile(base, profile.name))
    if spec.auth != "none" and not spec.user:
        raise InputError(messages.no_login_user(base, profile.name))
    return base


def open_rest(source: str | None, profile: Profile) -> tuple[str, Table]:
    spec = profile.source
    base = server_base(source, profile)
    try:
        import httpx  # noqa: F401 - checked here for a clear message
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise InputError(messages.needs_httpx(base, exc)) from None
    client, secret = _session(base, spec, spec.timeout)
    url = f"{base}/rest/{quote(spec.data_class)}"
    label = url
    params: dict[str, str] = {"$top": str(spec.page_size)}
    if spec.attributes:
        params["$attributes"] = ",".join(spec.attributes)
    if spec.filter:
        params["$filter"] = spec.filter
    entities: list[dict[str, Any]] = []
    total: int | None = None
    first_keys: set[Any] = set()
    for page in range(MAX_PAGES):
        params["$skip"] = str(page * spec.page_size)
        body = _page(client, url, params, base, spec, secret)
        batch = body.get("__ENTITIES", [])
        if isinstance(body.get("__COUNT"), int):
            total = body["__COUNT"]
        if not batch:
            break
        head = batch[0].get("__KEY") if isinstance(batch[0], dict) else None
        if head is not None and head in first_keys:
            raise InputError(messages.skip_ignored(url))
        first_keys.add(head)
        entities.extend(e for e in batch if isinstance(e, dict))
        if (total is not None and len(entities) >= total) or len(batch) < spec.page_size:
            break
    flat = [_flatten(e) for e in entities]
    headers = list(spec.attributes) or list(dict.fromkeys(k for e in flat for k in e))
    rows = [[cell_text(e.get(h)) for h in headers] for e in flat]
    if not headers:
        return label, Table(
            columns=_empty_columns(),
            pairs=iter(()),
            prev=0,
            details={"format": "4d-rest", "entities": 0},
        )
    _, columns = locate_header(label, [headers], profile)
    return label, Table(
        columns=columns,
        pairs=zip(rows, range(1, len(rows) + 1), strict=False),
        prev=0,
        details={"format": "4d-rest", "entities": len(rows), "count": total},
    )


def _empty_columns():  # type: ignore[no-untyped-def]
    from shopsync.erp.detect import ColumnMap

    return ColumnMap(("reference",), {"reference": 0})

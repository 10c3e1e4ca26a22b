"""One TLS context per process for every site client.

`httpx.Client(verify=True)` builds a new `ssl.SSLContext` and loads the whole CA bundle into
it; OpenSSL keeps about 0.7 MB of that per context that is never given back to the system.
With one client per sync run, a service syncing a 5,000-line export every 5 s grew by that
much per export (RSS 62 → 104 MB in 6 minutes, issue 13). An SSLContext is meant to be shared
by many connections and threads, so every client takes this one (per `trust_env`, which
decides whether SSL_CERT_FILE / SSL_CERT_DIR count). A CA bundle changed on disk is seen at
the next start.
"""

from __future__ import annotations

import functools
import ssl


@functools.lru_cache(maxsize=2)
def shared_context(trust_env: bool = True) -> ssl.SSLContext:
    """The verifying context httpx would build, built once."""
    import httpx

    return httpx.create_ssl_context(verify=True, trust_env=trust_env)

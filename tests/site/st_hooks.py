"""Schemathesis hooks for the Site API contract test (`schemathesis.toml` loads this file).

The contract asks clients for a fresh Idempotency-Key per batch; a key reused with another body
is 422 by design. A fuzzer draws keys at random and reuses them, so each well-formed key is
replaced by a unique one before the call. Negative cases are left exactly as drawn (editing them
makes Schemathesis re-classify them), and a negative case answered 422 is right anyway.
"""

import re
import uuid

import schemathesis

# The diagnostic upload (`application/zip`) is opaque bytes to the contract, as octet-stream is.
schemathesis.serializer.alias("application/zip", "application/octet-stream")

_KEY = re.compile(r"^[!-~]{1,255}$")


@schemathesis.hook
def before_call(context, case, kwargs):
    if case.meta is not None and case.meta.generation.mode.is_negative:
        return
    headers = case.headers or {}
    key = headers.get("Idempotency-Key")
    if isinstance(key, str) and _KEY.match(key):
        headers["Idempotency-Key"] = f"st-{uuid.uuid4()}"
        case.headers = headers

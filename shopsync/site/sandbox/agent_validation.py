"""What a site checks in the agent's requests (Site API v1.1: heartbeat, connection report,
acknowledgements), before storing anything: a malformed body is a 422 naming the field, never a
500 later in `/admin`. The stock and settings checks are in `validation.py` beside it."""

from __future__ import annotations

from typing import Any

from shopsync.site.protocol import MAX_MESSAGE_LENGTH, MAX_REPORT_ENTRIES, RequestOutcome, WireError
from shopsync.site.sandbox.validation import is_integer, is_utf8

# --- the agent (v1.1) -------------------------------------------------------------------------

_HEARTBEAT_TEXT = ("agent_id", "version", "clock")
_HEARTBEAT_COUNTS = ("pending", "held", "rejected")
_HEARTBEAT_OPTIONAL_TEXT = ("os", "last_delivery_at", "next_run_at", "state")
MAX_AGENT_TEXT = 200


def _text(value: object, where: str, *, limit: int = MAX_AGENT_TEXT, null: bool = False) -> None:
    if value is None and null:
        return
    if not isinstance(value, str) or len(value) > limit or not is_utf8(value):
        kind = "text or null" if null else "text"
        raise WireError("invalid_heartbeat", f"{where}: {kind} of at most {limit} characters")


def _count(value: object, where: str, code: str = "invalid_heartbeat") -> None:
    if not is_integer(value) or value < 0:
        raise WireError(code, f"{where}: an integer ≥ 0")


def check_heartbeat(data: object) -> dict[str, Any]:
    """`Heartbeat` in the OpenAPI document: agent_id, version and clock required, the rest
    optional and typed; unknown fields are kept (a newer agent may say more)."""
    if not isinstance(data, dict):
        raise WireError("invalid_heartbeat", "the heartbeat must be a JSON object")
    for name in _HEARTBEAT_TEXT:
        if name not in data:
            raise WireError("invalid_heartbeat", f"`{name}` is required")
        _text(data[name], name)
    if not data["agent_id"]:
        raise WireError("invalid_heartbeat", "agent_id: must not be empty")
    for name in _HEARTBEAT_OPTIONAL_TEXT:
        if name in data:
            _text(data[name], name, null=True)
    for name in _HEARTBEAT_COUNTS:
        if name in data:
            _count(data[name], name)
    if "paused" in data and not isinstance(data["paused"], bool):
        raise WireError("invalid_heartbeat", "paused: true or false")
    for name, fields in (
        ("erp", {"kind": "text", "preset": "text"}),
        ("last_export", {"read_at": "text", "lines": "count", "rejected": "count"}),
        ("last_error", {"code": "text", "message": "message"}),
        ("doing", {"id": "text", "kind": "text"}),
        ("local_store", {"rebuilt_at": "text", "problem": "message"}),
        ("reason", {"code": "text", "message": "message"}),
    ):
        _check_object(data.get(name), name, fields)
    _check_counts(data.get("counts"))
    return data


# `counts` (the export counted: sync/counts.py): integers ≥ 0, plus two texts; other fields
# are kept unchecked, as everywhere in the heartbeat (a newer agent may count more).
_COUNTS_NUMBERS = (
    "lines_read", "lines_rejected", "lines_merged", "lines_kept", "items", "references",
    "connected", "to_rewrite", "absent_from_catalogue", "will_publish", "brand_undecided",
    "brand_off", "held_by_brand", "held_by_status", "written_the_old_way", "brands_to_decide",
    "catalogue_products", "products_published",
)  # fmt: skip
_COUNTS_TEXT = ("nothing_published", "counted_at")


def _check_counts(value: object) -> None:
    if value is None:
        return
    if not isinstance(value, dict) or len(value) > 64:
        raise WireError("invalid_heartbeat", "counts: an object of at most 64 fields, or null")
    for name in _COUNTS_NUMBERS:
        if name in value:
            _count(value[name], f"counts.{name}")
    for name in _COUNTS_TEXT:
        if name in value:
            _text(value[name], f"counts.{name}", null=True)


def _check_object(value: object, where: str, fields: dict[str, str]) -> None:
    if value is None:
        return
    if not isinstance(value, dict):
        raise WireError("invalid_heartbeat", f"{where}: an object or null")
    for name, kind in fields.items():
        if name not in value:
            continue
        if kind == "count":
            _count(value[name], f"{where}.{name}")
        else:
            limit = MAX_MESSAGE_LENGTH if kind == "message" else MAX_AGENT_TEXT
            _text(value[name], f"{where}.{name}", limit=limit, null=True)


# What each entry of the report's lists holds (openapi.json says the same): "text" required,
# "text?" text or null or absent, "count?" an integer ≥ 0 or absent, "suggestions?" a short
# list of {reference, score}. Checked on arrival so that a malformed report is refused (422,
# naming the field) instead of breaking `/admin` later.
REPORT_ENTRIES: dict[str, dict[str, str]] = {
    "to_rewrite": {"reference": "text", "brand": "text?", "suggestions": "suggestions?"},
    "written_the_old_way": {"reference": "text", "catalog_reference": "text"},
    "unmatched": {"reference": "text", "brand": "text?"},
    "aliases": {"reference": "text", "catalog_reference": "text"},
    "brands": {
        "brand": "text", "items": "count?", "connected": "count?", "to_rewrite": "count?",
        "not_in_catalog": "count?",
    },
}  # fmt: skip
MAX_SUGGESTIONS = 20


def _report_text(value: object, where: str, *, null: bool = False) -> None:
    if value is None and null:
        return
    if not isinstance(value, str) or len(value) > MAX_AGENT_TEXT or not is_utf8(value):
        kind = "text or null" if null else "text"
        raise WireError("invalid_report", f"{where}: {kind} of at most {MAX_AGENT_TEXT} characters")


def _check_report_entry(entry: dict[str, Any], where: str, fields: dict[str, str]) -> None:
    for name, kind in fields.items():
        optional = kind.endswith("?")
        if name not in entry:
            if optional:
                continue
            raise WireError("invalid_report", f"{where}.{name}: required")
        value, at = entry[name], f"{where}.{name}"
        if kind.startswith("text"):
            _report_text(value, at, null=optional)
        elif kind.startswith("count"):
            _count(value, at, "invalid_report")
        else:
            _check_suggestions(value, at)


def _check_suggestions(value: object, where: str) -> None:
    if not isinstance(value, list) or len(value) > MAX_SUGGESTIONS:
        raise WireError("invalid_report", f"{where}: an array of at most {MAX_SUGGESTIONS} objects")
    for i, suggestion in enumerate(value):
        at = f"{where}[{i}]"
        if not isinstance(suggestion, dict):
            raise WireError("invalid_report", f"{at}: an object {{reference, score}}")
        _report_text(suggestion.get("reference"), f"{at}.reference")
        score = suggestion.get("score")
        if isinstance(score, bool) or not isinstance(score, int | float) or not 0 <= score <= 1:
            raise WireError("invalid_report", f"{at}.score: a number from 0 to 1")


def check_connection_report(data: object) -> dict[str, Any]:
    """`ConnectionReport`: a `hash` and `counts` (integers) required; lists of objects."""
    if not isinstance(data, dict):
        raise WireError("invalid_report", "the connection report must be a JSON object")
    digest, counts = data.get("hash"), data.get("counts")
    if not isinstance(digest, str) or not 1 <= len(digest) <= 128:
        raise WireError("invalid_report", "hash: text of 1 to 128 characters")
    if not isinstance(counts, dict):
        raise WireError("invalid_report", "counts: an object of integers")
    for name, value in counts.items():
        _count(value, f"counts.{name}", "invalid_report")
    for name, fields in REPORT_ENTRIES.items():
        entries = data.get(name, [])
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            raise WireError("invalid_report", f"{name}: an array of objects")
        if len(entries) > MAX_REPORT_ENTRIES:
            raise WireError("invalid_report", f"{name}: at most {MAX_REPORT_ENTRIES} entries")
        for i, entry in enumerate(entries):
            _check_report_entry(entry, f"{name}[{i}]", fields)
    brands = data.get("unmapped_brands", [])
    if not isinstance(brands, list) or not all(isinstance(b, str) for b in brands):
        raise WireError("invalid_report", "unmapped_brands: an array of texts")
    if len(brands) > MAX_REPORT_ENTRIES:
        raise WireError("invalid_report", f"unmapped_brands: at most {MAX_REPORT_ENTRIES} entries")
    for i, brand in enumerate(brands):
        _report_text(brand, f"unmapped_brands[{i}]")
    for name in ("agent_id", "generated_at"):
        value = data.get(name)
        if value is not None and (not isinstance(value, str) or len(value) > MAX_AGENT_TEXT):
            raise WireError("invalid_report", f"{name}: text of at most {MAX_AGENT_TEXT} characters")
    return data


def check_ack(data: object) -> tuple[str, str | None]:
    """`{"outcome": "done"|"failed"|"ignored", "message"?: text}`."""
    outcome = data.get("outcome") if isinstance(data, dict) else None
    if not isinstance(outcome, str) or outcome not in {str(o) for o in RequestOutcome}:
        raise WireError("invalid_ack", 'the body must be {"outcome": "done"|"failed"|"ignored"}')
    message = data.get("message")
    if message is not None and (
        not isinstance(message, str) or len(message) > MAX_MESSAGE_LENGTH or not is_utf8(message)
    ):
        raise WireError("invalid_ack", f"message: text of at most {MAX_MESSAGE_LENGTH} characters")
    return data["outcome"], message

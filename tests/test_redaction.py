"""The one redaction policy (shopsync/redaction.py): what it registers, what it removes, how it
quotes text from the network; and the sinks it guards in-process (the log file, the store)."""

from __future__ import annotations

import io
import logging
import sys

import pytest

from shopsync import redaction
from shopsync.redaction import (
    quote_untrusted,
    redact,
    redact_data,
    register,
    register_connection_string,
)


@pytest.fixture(autouse=True)
def empty_registry():
    redaction.clear()
    yield
    redaction.clear()


def test_a_registered_secret_is_removed_wherever_it_appears_and_however_escaped():
    register("Tok/en+\"9f3a")
    assert "Tok/en" not in redact('{"message": "bad token Tok/en+\\"9f3a"}')
    assert redact("x Tok/en+\"9f3a y") == "x *** y"
    assert redact("q=Tok%2Fen%2B%229f3a") == "q=***"  # URL-encoded echo
    assert redact("'Tok/en+\"9f3a'") == "'***'"


def test_short_values_are_not_registered_so_ordinary_text_survives():
    register("bijou")  # 5 characters: would blank every "bijou" in every line
    register("a")
    assert redact("Bijouterie bijou a b c, 1 290,00") == "Bijouterie bijou a b c, 1 290,00"
    # ... but where the context names a password, even a short one goes
    assert redact("DSN=shop;PWD=bijou;UID=x") == "DSN=shop;PWD=***;UID=x"


def test_passwords_inside_connection_strings_and_urls_are_registered():
    register_connection_string("Driver={SQL};Server=s;UID=u;Password={we;ird}}pass1};Encrypt=yes")
    register_connection_string("DSN=Bijou3;PWD=Plain-Pass-42")
    register_connection_string("http://web:Url-Secret-7@192.168.1.10:8080")
    assert redact("echoed: we;ird}pass1") == "echoed: ***"
    assert redact("the driver said Plain-Pass-42") == "the driver said ***"
    assert redact("login as web with Url-Secret-7") == "login as web with ***"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Authorization: Bearer abc.def-ghi", "Authorization: Bearer ***"),
        ("authorization=Basic dXNlcjpwYXNz", "authorization=Basic ***"),
        ("password-4D: hunter2", "password-4D: ***"),
        ('{"username-4D": "web", "password-4D": "hunter2"}', '{"username-4D": "web", "password-4D": "***"}'),
        ('{"identifier": "web", "password": "s3c\\"ret"}', '{"identifier": "web", "password": "***"}'),
        ("https://user:pw@example.test/x", "https://user:***@example.test/x"),
        ("Server=x;Password={a;b};UID=y", "Server=x;Password=***;UID=y"),
        ('token = "abc"\nurl = "x"', 'token = "***"\nurl = "x"'),
    ],
)
def test_secrets_named_by_their_context_are_removed_unregistered(text, expected):
    assert redact(text) == expected


def test_extra_secrets_and_json_like_values():
    body = {"last_error": {"message": "500 echo Extra-Secret-1"}, "list": ["Extra-Secret-1"], "n": 3}
    assert redact_data(body, ["Extra-Secret-1"]) == {
        "last_error": {"message": "500 echo ***"}, "list": ["***"], "n": 3,
    }


def test_untrusted_text_is_quoted_cut_and_cannot_forge_or_hide_a_line():
    forged = "r-1\n2026-12-06 07:00:00 INFO shopsync.engine ok\x1b[2K\u202egnp.exe\u2066\u200b"
    quoted = quote_untrusted(forged)
    assert quoted.startswith("'r-1\\n2026") and quoted.endswith("'")
    assert "\n" not in quoted and "\x1b" not in quoted
    assert "\\x1b[2K" in quoted and "\\u202e" in quoted and "\\u2066" in quoted and "\\u200b" in quoted
    assert all(c.isprintable() for c in quoted)
    assert quote_untrusted("it's a \\ path") == "'it\\'s a \\\\ path'"
    assert quote_untrusted("x" * 500, 10) == "'xxxxxxxxxx'…(+490)"
    register("Quoted-Secret-9")
    assert quote_untrusted("echo Quoted-Secret-9") == "'echo ***'"


def test_the_log_file_is_redacted_and_its_lines_cannot_be_forged(tmp_path):
    from shopsync.logs import setup_logging

    log_dir = tmp_path / "logs"
    setup_logging(log_dir)
    root = logging.getLogger()
    try:
        register("Log-Secret-31")
        log = logging.getLogger("shopsync.test")
        log.warning("site said: %s", "500 Authorization: Bearer Log-Secret-31\nFORGED line\u202e")
        try:
            raise ValueError("failed with Log-Secret-31")
        except ValueError:
            log.exception("boom")
    finally:
        for handler in list(root.handlers):
            if getattr(handler, "baseFilename", "").startswith(str(log_dir)):
                handler.close()
                root.removeHandler(handler)
    text = (log_dir / "shopsync.log").read_text(encoding="utf-8")
    assert "Log-Secret-31" not in text
    assert "Bearer ***\\nFORGED line\\u202e" in text
    assert not any(line.startswith("FORGED") for line in text.splitlines())
    assert "ValueError: failed with ***" in text  # tracebacks keep their lines, redacted


def test_the_store_writes_run_messages_rejections_and_batch_errors_redacted(tmp_path):
    from shopsync.store import delivery, runs
    from shopsync.store.db import open_db

    register("Store-Secret-77")
    db = open_db(tmp_path / "shopsync.db")
    try:
        run = runs.start_run(db, "cli", 1.0)
        runs.finish_run(db, run, 2.0, {"status": "error", "message": "422 Store-Secret-77",
                                       "errors": ["F1: refused: Store-Secret-77"]})
        batch = delivery.Batch("k1", [{"reference": "F1", "version": 1, "published": True}])
        delivery.acknowledge(db, batch, {"F1": ("rejected", "echo Store-Secret-77")}, 3.0)
        [recent] = runs.recent_runs(db, 1)
        [rejection] = delivery.rejections(db)
    finally:
        db.conn.close()
    assert recent["message"] == "422 ***" and recent["errors"] == ["F1: refused: ***"]
    assert rejection["reason"] == "echo ***"
    for name in ("shopsync.db", "shopsync.db-wal"):
        path = tmp_path / name
        assert not path.exists() or b"Store-Secret-77" not in path.read_bytes()


def test_the_cli_streams_are_redacted_and_given_back(monkeypatch):
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    register("Cli-Secret-55")
    with redaction.redacted_stdio():
        print("refused: Cli-Secret-55")
        sys.stdout.flush()
        assert sys.stdout.getvalue  # the wrapped stream's own attributes stay reachable
    assert sys.stdout is out
    assert out.getvalue() == "refused: ***\n"

"""The Qt-free helpers the GUI relies on: preview, diagnostics redaction, autostart entries."""

from __future__ import annotations

import sys

import pytest

from shopsync import autostart
from shopsync.diagnostics import redact


def test_redact_removes_secrets():
    text = (
        'token = "abc123"\nAuthorization: Bearer s3cr3t-value\n'
        "DSN=Bijou3;UID=shop;PWD=hunter22;\nhttp://user:pa55@erp:8080/rest\nthe-site-token here"
    )
    clean = redact(text, ["the-site-token"])
    for secret in ("abc123", "s3cr3t-value", "hunter22", "pa55", "the-site-token"):
        assert secret not in clean
    assert "DSN=Bijou3" in clean and "erp:8080" in clean


@pytest.mark.skipif(sys.platform == "win32", reason="XDG autostart")
def test_xdg_autostart_entry(tmp_path):
    assert not autostart.is_enabled(xdg_dir=tmp_path)
    autostart.set_enabled(True, home=tmp_path / "home", xdg_dir=tmp_path)
    assert autostart.is_enabled(xdg_dir=tmp_path)
    text = (tmp_path / "shopsync.desktop").read_text()
    assert "Exec=" in text and "gui --minimized" in text and str(tmp_path / "home") in text
    autostart.set_enabled(False, xdg_dir=tmp_path)
    assert not autostart.is_enabled(xdg_dir=tmp_path)


def test_preview_counts_unsaved_choices(demo_home):
    from shopsync.preview import preview_mappings
    from shopsync.store.db import open_db

    db = open_db(demo_home.db_path)
    try:
        assert preview_mappings(db, demo_home, {}).publish == []  # saved = what was promised
        off = preview_mappings(db, demo_home, {"TISSOT": ("off", None)})
        assert off.unpublish and not off.publish
        on = preview_mappings(db, demo_home, {"BIJOUX FANTAISIE": ("preorder", None)})
        assert "publiés" in on.human()
    finally:
        db.conn.close()

"""`RunSummary`: what one run did — printed by the CLI, stored in `runs`, shown by the GUI."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from shopsync.errors import EXIT_OK
from shopsync.i18n import english
from shopsync.sync import messages


@dataclass(slots=True)
class RunSummary:
    """The value a run returns. `status` is a `RunStatus` (a StrEnum: equal to, stored and
    printed as, its string)."""

    status: str
    exit_code: int = EXIT_OK
    read: int = 0
    changes: int = 0
    uploaded: int = 0
    pending: int = 0
    held: int = 0
    rejected: int = 0
    message: str = ""
    errors: list[str] = field(default_factory=list)
    retry_after: float | None = None  # seconds the site asked us to wait (429/503)
    dry_run: bool = False
    plan: dict[str, list[str]] | None = None
    started_at: float = 0.0
    ended_at: float = 0.0
    # The export counted (sync/counts.py `ExportCounts.as_dict()`), None when the run did not
    # get as far as its plan. `read` is its `lines_read`.
    counts: dict[str, Any] | None = None
    web_orders: int = 0  # units in open web orders kept off the ERP's quantities

    def as_dict(self) -> dict[str, Any]:
        """What is stored in `runs` and printed by `sync --json`: the message and errors in
        English whatever language the run spoke (`i18n.english`), so that a later reader in
        another language (`LANG=C status --json`, the heartbeat) gets the same words; a person
        reads them back in the shop's language through `i18n.localize`."""
        data = asdict(self)
        data["status"] = str(self.status)
        data["message"] = english(self.message)
        data["errors"] = [english(e) for e in self.errors]
        if not self.dry_run:
            data.pop("plan")
        return data

    def human(self) -> str:
        """The one-line text of `sync.messages.run_line` (kept for the callers that print it)."""
        return messages.run_line(self)

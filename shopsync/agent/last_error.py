"""The heartbeat's `last_error`: the last run's outcome code and a fixed English sentence for
it, never the run's own message.

A run's message is written for the person at the shop PC and may quote what it read: an export
without a reference column is reported with the headers found on its first line, so an export
path pointing at the wrong file (a password list, a key) put that file's first line on the
platform. The platform needs the kind of failure, not the detail; the detail stays on the PC
(status window, log, and the diagnostics zip, redacted, when support asks for one).
"""

from __future__ import annotations

from typing import Any

from shopsync.sync.vocab import RunStatus

# Stable English, like every value of the Site API; one per run status that is a failure.
MESSAGES: dict[str, str] = {
    RunStatus.INPUT_ERROR: "the ERP export could not be used; nothing was changed on the site",
    RunStatus.OFFLINE: "the site could not be reached; changes are kept and will be sent",
    RunStatus.TOKEN_REFUSED: "the site refused the token; the shop must enter a new one",
    RunStatus.HELD: "unpublishing held by the guard until a person confirms",
    RunStatus.BUSY: "another run held the sync lock",
    RunStatus.ERROR: "the run failed; the details are in the shop PC's log",
    RunStatus.RUNNING: "the last run did not finish (the process stopped)",
}
OTHER = "the run did not succeed; the details are in the shop PC's log"


def last_error(status: str | None) -> dict[str, Any] | None:
    """`{"code", "message"}` for a run that ended with `status`; None for no run."""
    if status is None:
        return None
    return {"code": str(status), "message": MESSAGES.get(status, OTHER)}

"""The engine as the scheduler sees it: what it calls, nothing more. `shopsync.engine.SyncEngine`
fits, and so do the tests' fake engines."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from shopsync.config import Settings
    from shopsync.sync.summary import RunSummary
    from shopsync.sync.vocab import Trigger

Observer = Callable[[str, dict[str, Any]], None]


class Engine(Protocol):
    def run_once(self, trigger: Trigger | str, *, full: bool = False) -> RunSummary: ...

    def poll(self) -> RunSummary | None: ...

    def confirm(self) -> int: ...

    def close(self) -> None: ...


EngineFactory = Callable[["Settings", Observer], Engine]

"""What the tray already told the shop, remembered across restarts: a balloon never announces
again a brand it announced once (the shop decides it in the brands window, or not; being told
every start, or each time another brand appears, taught shops to ignore the balloon).

A small JSON file in the home (`notices.json`), written atomically; no secret, no stock data.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from shopsync.rules import fold_brand

log = logging.getLogger(__name__)
FILE_NAME = "notices.json"


class NoticeService:
    def __init__(self, home: Path) -> None:
        self.path = Path(home) / FILE_NAME

    def _read(self) -> dict:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:  # unreadable: announcing once more is the lesser harm
            log.warning("%s unreadable (%s): brands may be announced again", self.path, exc)
            return {}
        return data if isinstance(data, dict) else {}

    def announced_brands(self) -> set[str]:
        """The brands already announced, folded as the brands table compares them."""
        return {str(b) for b in self._read().get("announced_brands") or []}

    def unannounced(self, brands: list[str]) -> list[str]:
        known = self.announced_brands()
        return [b for b in brands if fold_brand(b) not in known]

    def remember_brands(self, brands: list[str]) -> None:
        data = self._read()
        known = set(data.get("announced_brands") or []) | {fold_brand(b) for b in brands}
        data["announced_brands"] = sorted(known)
        tmp = self.path.with_suffix(".json.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
            os.replace(tmp, self.path)
        except OSError as exc:  # a full disk: the balloon may come again, nothing else is lost
            log.warning("could not remember the announced brands: %s", exc)

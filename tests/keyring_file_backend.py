"""A real keyring backend for child processes: a JSON file named by SHOPSYNC_TEST_KEYRING
(`PYTHON_KEYRING_BACKEND=keyring_file_backend.FileKeyring`, this folder on PYTHONPATH).

The machines running the suite have no OS keyring; a CLI process must still read its token
from *a* keyring, through the keyring library, as it does on a shop PC."""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.compat import properties


class FileKeyring(KeyringBackend):
    @properties.classproperty
    def priority(cls) -> float:  # noqa: N805 - keyring's classproperty
        """Viable only in a process given a file: keyring considers every backend class it
        can see, and the test process that imports this module must keep its own."""
        if "SHOPSYNC_TEST_KEYRING" not in os.environ:
            raise RuntimeError("no SHOPSYNC_TEST_KEYRING file for this process")
        return 1

    @property
    def _path(self) -> Path:
        return Path(os.environ["SHOPSYNC_TEST_KEYRING"])

    def _load(self) -> dict[str, str]:
        try:
            return json.loads(self._path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}\n{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data[f"{service}\n{username}"] = password
        self._path.write_text(json.dumps(data), encoding="utf-8")

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        data.pop(f"{service}\n{username}", None)
        self._path.write_text(json.dumps(data), encoding="utf-8")


def keyring_env(path: Path, entries: dict[tuple[str, str], str]) -> dict[str, str]:
    """Write `entries` ((service, username) → secret) and return the environment a child
    process needs to read them through the keyring library."""
    path.write_text(json.dumps({f"{s}\n{u}": v for (s, u), v in entries.items()}), encoding="utf-8")
    here = str(Path(__file__).parent)
    python_path = os.pathsep.join(p for p in (here, os.environ.get("PYTHONPATH")) if p)
    return {
        "PYTHON_KEYRING_BACKEND": "keyring_file_backend.FileKeyring",
        "SHOPSYNC_TEST_KEYRING": str(path),
        "PYTHONPATH": python_path,
    }

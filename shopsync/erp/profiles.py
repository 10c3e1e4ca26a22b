"""ERP profiles: declarative TOML saying where the stock comes from and how to read it.

A profile has four tables, all optional: `[source]` (a file, an ODBC query or a 4D REST data
class), `[options]` (code page, separator, header row, sheet), `[columns]` (canonical field →
header names or column numbers, `false` for "not in this export") and `[status_values]` (ERP
status codes → the words the shop uses in its rules). Presets ship in `presets/`; a shop's own
profiles live in `HOME/profiles/` and win over a preset of the same name, so that the settings
window can save a tuned copy of `bijou3` without touching the install.

Unknown keys are errors, not silently ignored: a typo in a hand-edited profile must not turn
into a column quietly left undetected.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from shopsync.erp.fields import FIELDS
from shopsync.errors import ConfigError

PRESET_DIR = Path(__file__).with_name("presets")
SOURCE_TYPES = ("file", "odbc", "4d-rest")
FORMATS = ("auto", "text", "spreadsheet", "dbf")


@dataclass(frozen=True, slots=True)
class Source:
    """Where the stock comes from. Only the keys of `type` matter; the others stay empty."""

    type: str = "file"
    path: str = ""
    format: str = "auto"
    # ODBC
    dsn: str = ""
    connection_string: str = ""
    query: str = ""
    user: str = ""
    # 4D REST
    url: str = ""
    data_class: str = ""
    attributes: tuple[str, ...] = ()
    filter: str = ""
    page_size: int = 500
    auth: str = "login"
    timeout: float = 30.0
    # Reading only what changed (docs/erp-profiles.md, "Reading only what changed")
    changes: str = ""  # 4D REST: "stamp" (global stamp + __DeletedRecords); "" = the gate
    changes_column: str = ""  # ODBC: a column whose value grows when a row changes
    key: tuple[str, ...] = ()  # ODBC: the columns that identify a row (with changes_column)
    changes_overlap: float = 30.0  # seconds re-read behind the cursor (transactions in flight)


@dataclass(frozen=True, slots=True)
class Options:
    """How to read a file: `None` / 0 means "detect"."""

    encoding: str | None = None
    delimiter: str | None = None
    quote: str = '"'
    header: bool = True
    header_row: int = 0
    sheet: str | int | None = None


@dataclass(frozen=True, slots=True)
class Profile:
    """One ERP profile (see the module docstring for the file layout)."""

    name: str
    description: str = ""
    source: Source = field(default_factory=Source)
    options: Options = field(default_factory=Options)
    # field -> names or 1-based numbers to try, or None for "no such column"
    columns: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))
    status_values: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))
    path: Path | None = None


def _fail(where: str, message: str) -> ConfigError:
    return ConfigError(f"{where}: {message}")


def _typed(where: str, key: str, value: Any, expected: type | tuple[type, ...], what: str) -> Any:
    if isinstance(value, bool) and expected is not bool and bool not in (
        expected if isinstance(expected, tuple) else (expected,)
    ):
        raise _fail(where, f"{key}: expected {what}, found {value!r}")
    if not isinstance(value, expected):
        raise _fail(where, f"{key}: expected {what}, found {value!r}")
    return value


def _source(where: str, table: dict[str, Any]) -> Source:
    known = set(Source.__dataclass_fields__)
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in known:
            raise _fail(where, f"[source] unknown key {key!r} (known: {', '.join(sorted(known))})")
        if key in ("attributes", "key"):
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise _fail(where, f"[source] {key}: expected a list of names")
            values[key] = tuple(value)
        elif key == "changes_overlap":
            values[key] = _duration(where, value)
        elif key == "page_size":
            _typed(where, "[source] page_size", value, int, "a whole number")
            if not 1 <= value <= 100_000:
                raise _fail(where, "[source] page_size: expected 1 to 100000")
            values[key] = value
        elif key == "timeout":
            values[key] = float(_typed(where, "[source] timeout", value, (int, float), "seconds"))
        else:
            values[key] = _typed(where, f"[source] {key}", value, str, "text")
    source = Source(**values)
    if source.type not in SOURCE_TYPES:
        raise _fail(where, f"[source] type: expected one of {', '.join(SOURCE_TYPES)}")
    if source.format not in FORMATS:
        raise _fail(where, f"[source] format: expected one of {', '.join(FORMATS)}")
    if source.auth not in ("login", "authentify", "none"):
        raise _fail(where, "[source] auth: expected login, authentify or none")
    if source.changes not in ("", "stamp"):
        raise _fail(where, '[source] changes: expected "stamp" (4D\'s global stamp) or ""')
    if source.changes and source.type != "4d-rest":
        raise _fail(where, '[source] changes = "stamp" is for type = "4d-rest"')
    if source.changes_column and source.type != "odbc":
        raise _fail(where, '[source] changes_column is for type = "odbc"')
    if source.changes_column and not source.key:
        raise _fail(where, "[source] changes_column needs key = [\"COLUMN\", ...] (the columns "
                    "that identify a row), to merge rows read twice and find deletions")
    return source


def _duration(where: str, value: Any) -> float:
    from shopsync.durations import DurationError, parse_duration

    try:
        return parse_duration(value)
    except DurationError as exc:
        raise _fail(where, f"[source] changes_overlap: {exc}") from None


def _options(where: str, table: dict[str, Any]) -> Options:
    known = set(Options.__dataclass_fields__)
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in known:
            raise _fail(where, f"[options] unknown key {key!r} (known: {', '.join(sorted(known))})")
        if key in ("encoding", "delimiter"):
            _typed(where, f"[options] {key}", value, str, "text")
            values[key] = None if value in ("", "auto") else value
        elif key == "quote":
            values[key] = _typed(where, "[options] quote", value, str, "one character")
        elif key == "header":
            values[key] = _typed(where, "[options] header", value, bool, "true or false")
        elif key == "header_row":
            values[key] = _typed(where, "[options] header_row", value, int, "a line number")
        elif key == "sheet":
            _typed(where, "[options] sheet", value, (str, int), "a sheet name or number")
            values[key] = None if value in ("", 0) else value
    options = Options(**values)
    if options.delimiter is not None:
        delimiter = {"tab": "\t", "\\t": "\t"}.get(options.delimiter.lower(), options.delimiter)
        if len(delimiter) != 1:
            raise _fail(where, "[options] delimiter: expected one character, \"tab\" or \"auto\"")
        options = Options(**{**_as_dict(options), "delimiter": delimiter})
    if len(options.quote) > 1:
        raise _fail(where, "[options] quote: expected one character, or \"\" for no quoting")
    if options.encoding is not None:
        import codecs

        try:
            codecs.lookup(options.encoding)
        except LookupError:
            raise _fail(where, f"[options] encoding: unknown code page {options.encoding!r}") from None
    return options


def _as_dict(obj: Any) -> dict[str, Any]:
    return {name: getattr(obj, name) for name in obj.__dataclass_fields__}


def _columns(where: str, table: dict[str, Any], header: bool) -> MappingProxyType:
    columns: dict[str, tuple[str | int, ...] | None] = {}
    for key, value in table.items():
        if key not in FIELDS:
            raise _fail(where, f"[columns] unknown field {key!r} (fields: {', '.join(FIELDS)})")
        if value is False:
            columns[key] = None
            continue
        items = value if isinstance(value, list) else [value]
        if not items or not all(
            (isinstance(v, str) and v.strip()) or (isinstance(v, int) and not isinstance(v, bool) and v >= 1)
            for v in items
        ):
            raise _fail(
                where,
                f"[columns] {key}: expected a header name, a column number (1 = first), "
                "a list of them, or false",
            )
        columns[key] = tuple(items)
    if not header and "reference" not in columns:
        raise _fail(where, "[columns] reference: a file without a header row needs column numbers")
    if not header:
        for key, names in columns.items():
            if names and not all(isinstance(n, int) for n in names):
                raise _fail(where, f"[columns] {key}: without a header row, use column numbers")
    return MappingProxyType(columns)


def parse_profile(data: dict[str, Any], *, name: str, where: str, path: Path | None = None) -> Profile:
    """A Profile from an already-parsed TOML document (the settings window passes its edits)."""
    known = {"name", "description", "source", "options", "columns", "status_values"}
    for key in data:
        if key not in known:
            raise _fail(where, f"unknown key {key!r} (known: {', '.join(sorted(known))})")
    tables = {}
    for key in ("source", "options", "columns", "status_values"):
        table = data.get(key, {})
        if not isinstance(table, dict):
            raise _fail(where, f"[{key}] must be a table")
        tables[key] = table
    options = _options(where, tables["options"])
    statuses = {}
    for raw, meaning in tables["status_values"].items():
        if not isinstance(meaning, str):
            raise _fail(where, f"[status_values] {raw!r}: expected text")
        statuses[raw.strip().casefold()] = meaning
    return Profile(
        name=_typed(where, "name", data.get("name", name), str, "text"),
        description=_typed(where, "description", data.get("description", ""), str, "text"),
        source=_source(where, tables["source"]),
        options=options,
        columns=_columns(where, tables["columns"], options.header),
        status_values=MappingProxyType(statuses),
        path=path,
    )


def _read(path: Path, name: str) -> Profile:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the profile ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: a profile must be saved as UTF-8") from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    return parse_profile(data, name=name, where=str(path), path=path)


def default_home() -> Path | None:
    """The home folder if one is set or already exists, without creating it (unlike
    config.home_dir): reading an export must not leave folders behind."""
    env = os.environ.get("SHOPSYNC_HOME")
    if env:
        return Path(env).expanduser()
    try:
        import platformdirs
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    path = Path(platformdirs.user_data_dir("ShopSync", appauthor=False))
    return path if path.is_dir() else None


def user_profile_dir(home: Path | None) -> Path | None:
    home = home if home is not None else default_home()
    return None if home is None else Path(home) / "profiles"


def available_profiles(home: Path | None = None) -> list[str]:
    """Preset and user profile names (user ones included even when they shadow a preset)."""
    names = {p.stem for p in PRESET_DIR.glob("*.toml")}
    folder = user_profile_dir(home)
    if folder is not None and folder.is_dir():
        names.update(p.stem for p in folder.glob("*.toml"))
    return sorted(names)


def _configured_columns(home: Path | None, name: str) -> dict[str, Any] | None:
    """The column choices the settings window saved in config.toml (`[erp.columns]`), if
    they belong to this profile (the one `[erp] profile` names)."""
    root = home if home is not None else default_home()
    if root is None:
        return None
    try:
        with open(Path(root) / "config.toml", "rb") as handle:
            erp = tomllib.load(handle).get("erp", {})
    except (OSError, tomllib.TOMLDecodeError):
        return None  # no config yet, or one the settings loader will complain about
    if not isinstance(erp, dict) or not isinstance(erp.get("columns"), dict):
        return None
    if str(erp.get("profile") or "auto") != name:
        return None
    return erp["columns"]


def with_configured_columns(profile: Profile, home: Path | None) -> Profile:
    """The profile with the settings window's column choices laid over its own."""
    chosen = _configured_columns(home, profile.name)
    if not chosen:
        return profile
    where = f"{home}/config.toml [erp.columns]" if home else "config.toml [erp.columns]"
    overlay = _columns(where, chosen, profile.options.header)
    return Profile(
        name=profile.name,
        description=profile.description,
        source=profile.source,
        options=profile.options,
        columns=MappingProxyType({**profile.columns, **overlay}),
        status_values=profile.status_values,
        path=profile.path,
    )


def load_profile(name_or_path: str | os.PathLike[str] | Profile, *, home: Path | None = None) -> Profile:
    """A preset or user profile by name, or a profile file by path.

    Names resolve to `HOME/profiles/NAME.toml` first, then to the shipped preset; anything
    that looks like a path (a separator or a `.toml` suffix) is read as a file. The column
    choices the settings window keeps in config.toml (`[erp.columns]`) are laid over the
    profile that `[erp] profile` names.
    """
    return with_configured_columns(_load(name_or_path, home), home)


def _load(name_or_path: str | os.PathLike[str] | Profile, home: Path | None) -> Profile:
    if isinstance(name_or_path, Profile):
        return name_or_path
    text = os.fspath(name_or_path).strip()
    if not text:
        text = "auto"
    looks_like_path = text.endswith(".toml") or "/" in text or "\\" in text
    if looks_like_path or isinstance(name_or_path, os.PathLike):
        path = Path(text).expanduser()
        if not path.is_file():
            raise ConfigError(f"{path}: no such profile file")
        return _read(path, path.stem)
    folder = user_profile_dir(home)
    if folder is not None:
        candidate = folder / f"{text}.toml"
        if candidate.is_file():
            return _read(candidate, text)
    preset = PRESET_DIR / f"{text}.toml"
    if preset.is_file():
        return _read(preset, text)
    raise ConfigError(
        f"unknown ERP profile {text!r}; available: {', '.join(available_profiles(home))} "
        "(or the path of a .toml file)"
    )

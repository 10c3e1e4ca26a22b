"""`shopsync read [FILE] [--profile NAME|PATH] [--format jsonl|table|summary]`.

Shows what ShopSync understands of an ERP export, without touching the store or the site:
the merged items on stdout, rejected lines and warnings on stderr (one per line, naming the
file and line). Exit 0 when the source was read, even with rejected lines or no items; 2 when
it can't be read at all. Only the standard library is imported at module level.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys

from shopsync.i18n import QT_TRANSLATE_NOOP

NAME = "read"
HELP = QT_TRANSLATE_NOOP(
    "Cli", "lire un export de l'ERP et afficher les articles en stock que ShopSync y comprend"
)
# the process may end without freeing the items one by one (see cli._exit_without_teardown)
EXIT_WITHOUT_TEARDOWN = True


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from shopsync.i18n import translate

    parser.add_argument(
        "file",
        nargs="?",
        metavar="FILE",
        help=translate(
            "Cli",
            "l'export (CSV/TXT, XLSX/XLS/ODS, DBF) ou un motif ; facultatif quand le profil "
            "nomme sa propre source (ODBC, 4D REST) ou que config.toml nomme l'export",
        ),
    )
    parser.add_argument(
        "--profile",
        metavar="NAME|PATH",
        default=None,
        help=translate(
            "Cli",
            "profil de l'ERP : auto, bijou3, cestia, m3soft, 4d-text, 4d-rest, odbc, un profil du "
            "dossier de ShopSync ou un fichier .toml (par défaut : celui de config.toml, sinon "
            "auto)",
        ),
    )
    parser.add_argument(
        "--format",
        choices=("jsonl", "table", "summary"),
        default="jsonl",
        help=translate(
            "Cli",
            "jsonl : un objet JSON par article (par défaut) ; table : colonnes alignées ; "
            "summary : les comptes seulement",
        ),
    )


def _configured(home: str | None) -> tuple[str | None, str | None]:
    """config.toml's export path and profile, if a config exists (never creating one)."""
    from shopsync.erp.profiles import default_home

    root = os.path.expanduser(home) if home else default_home()
    if root is None:
        return None, None
    config = os.path.join(root, "config.toml")
    if not os.path.isfile(config):
        return None, None
    import tomllib

    try:
        with open(config, "rb") as handle:
            erp = tomllib.load(handle).get("erp", {})
    except (OSError, tomllib.TOMLDecodeError):
        return None, None
    if not isinstance(erp, dict):
        return None, None
    path, profile = erp.get("path"), erp.get("profile")
    return (
        path if isinstance(path, str) and path else None,
        profile if isinstance(profile, str) and profile else None,
    )


def _item(line) -> dict:  # type: ignore[no-untyped-def]
    from shopsync.model import format_price

    return {
        "reference": line.reference,
        "brand": line.brand,
        "designation": line.designation,
        "quantity": line.quantity,
        "price": format_price(line.price),
        "size": line.size,
        "ean": line.ean,
        "status": line.status,
    }


def _print_jsonl(result, out) -> None:  # type: ignore[no-untyped-def]
    import json

    dumps = json.dumps
    out.writelines(dumps(_item(line), ensure_ascii=False) + "\n" for line in result.lines)


def _print_table(result, out) -> None:  # type: ignore[no-untyped-def]
    columns = ("reference", "brand", "designation", "quantity", "price", "size", "ean", "status")
    rows = [["" if v is None else str(v) for v in _item(line).values()] for line in result.lines]
    widths = [len(c) for c in columns]
    for row in rows:
        for i, cell in enumerate(row):
            row[i] = cell if len(cell) <= 40 else cell[:39] + "…"
            widths[i] = max(widths[i], len(row[i]))
    right = {3, 4}

    def fmt(cells: list[str]) -> str:
        return "  ".join(
            c.rjust(widths[i]) if i in right else c.ljust(widths[i]) for i, c in enumerate(cells)
        ).rstrip()

    out.write(fmt(list(columns)) + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    out.writelines(fmt(row) + "\n" for row in rows)


def _print_summary(result, out) -> None:  # type: ignore[no-untyped-def]
    """The read at a glance, in the shop's language."""
    from shopsync.i18n import arg, translate

    details = getattr(result, "details", {}) or {}
    how = [details.get("format")]
    if details.get("encoding"):
        how.append(details["encoding"])
    if details.get("delimiter_name"):
        how.append(arg(translate("Cli", "séparateur %1"), details["delimiter_name"]))
    if details.get("sheet"):
        how.append(arg(translate("Cli", "feuille %1"), repr(details["sheet"])))
    from itertools import repeat
    from operator import is_not, itemgetter

    from shopsync.model import StockLine

    # StockLines are tuples: one C pass per figure beats one Python loop doing all three
    field = StockLine._fields.index
    lines = result.lines
    quantity = sum(map(itemgetter(field("quantity")), lines))
    priced = sum(map(is_not, map(itemgetter(field("price")), lines), repeat(None)))
    brands = {brand for brand in set(map(itemgetter(field("brand")), lines)) if brand}

    def line(text: str, *values: object) -> None:
        out.write(arg(text, *values) + "\n")

    line(translate("Cli", "source : %1"), result.source)
    line(
        translate("Cli", "lu comme : %1 (profil %2)"),
        ", ".join(h for h in how if h),
        details.get("profile"),
    )
    mapping = details.get("mapping") or {}
    if mapping:
        line(
            translate("Cli", "colonnes : %1"), ", ".join(f"{f} = {h!r}" for f, h in mapping.items())
        )
    line(translate("Cli", "lignes de données : %1"), result.raw_lines)
    line(
        translate("Cli", "articles : %1 (%2 avec un prix, %3 marques, %4 pièces en stock)"),
        len(result.lines), priced, len(brands), quantity,
    )  # fmt: skip
    line(translate("Cli", "lignes rejetées : %1"), len(result.rejected))
    line(translate("Cli", "avertissements : %1"), len(result.warnings))
    if result.content_hash:
        out.write(f"sha256: {result.content_hash}\n")


def _safe_stream(stream):  # type: ignore[no-untyped-def]
    """A console that can't show a character (cp850 on an old Windows prompt) gets a `?`
    rather than a crash halfway through the output."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        with contextlib.suppress(ValueError, OSError):
            reconfigure(errors="replace")
    return stream


def run(args: argparse.Namespace) -> int:
    from shopsync.erp import read_export

    home = getattr(args, "home", None)
    source = args.file
    profile = args.profile
    if source is None or profile is None:
        configured_path, configured_profile = _configured(home)
        profile = profile or configured_profile or "auto"
        if source is None:
            from shopsync.erp import load_profile

            spec = load_profile(profile, home=home).source
            if spec.type == "file" and not spec.path:
                source = configured_path  # the export the sync reads
    if source is not None and set("*?[") & set(source) and not os.path.exists(source):
        from shopsync.erp import resolve_source

        source = str(resolve_source(source, settle_seconds=0, wait=False))
    result = read_export(source, profile, home=home)

    from shopsync.erp.messages import listed

    err = _safe_stream(sys.stderr)
    problems = sorted(
        [*result.rejected, *result.warnings], key=lambda p: (p.line is not None, p.line or 0)
    )
    err.writelines(f"{line}\n" for line in listed(problems))  # the first 100, then counted
    out = _safe_stream(sys.stdout)
    try:
        if args.format == "jsonl":
            _print_jsonl(result, out)
        elif args.format == "table":
            _print_table(result, out)
        else:
            _print_summary(result, out)
        out.flush()
    except BrokenPipeError:
        # `shopsync read stock.csv | head`: the reader left; not an error, and no
        # "Exception ignored" message at exit either
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    args.result = result  # outlives run(), for the process's exit to drop without freeing it
    return 0

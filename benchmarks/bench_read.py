"""Benchmark: `shopsync read --format summary` against a bare `csv.reader` pass, shape by shape.

The issue's target: on a 200,000-line export of ANY shape a shop may have (columns present
or absent, size and status columns empty on most lines, EAN on every line, quoted fields,
several brands, cp1252 / UTF-8 / cp850, repeated references, UTF-8 with lines in cp1252
appended), the whole `shopsync read`
process within 3x of a whole process doing nothing but a `csv.reader` pass over the same
file (same code page and separator), with a peak RSS of at most 250 MB.

Both are timed as whole processes (interpreter start, imports, exit included), interleaved so
that a busy machine slows both alike, and the best of N runs is compared (the least-disturbed
run is the one that measures the code, not the neighbours). CPU time (user + system) is shown
beside wall time: it is far less disturbed by other processes on a shared machine. Peak RSS
comes from wait4().

A first run of each warms the page cache and the bytecode. Where PYTHONDONTWRITEBYTECODE is
set (some dev containers), no .pyc would ever be written and every timed `shopsync read` would
compile its modules again, a cost no installed copy pays: the children then keep their
bytecode in a temporary PYTHONPYCACHEPREFIX instead, unless --cold-bytecode asks to measure
that compiling too. The bare pass imports only the standard library, compiled either way.

    .venv/bin/python benchmarks/bench_read.py                  # every shape, 5 runs each
    .venv/bin/python benchmarks/bench_read.py --shape held-out --runs 9 --check
    .venv/bin/python benchmarks/bench_read.py --file export.csv --encoding cp1252
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

BARE = """
import csv, sys
with open(sys.argv[1], encoding=sys.argv[2], errors=sys.argv[4], newline="") as f:
    for row in csv.reader(f, delimiter=sys.argv[3]):
        pass
"""

BRANDS = ["Cartier", "Chopard", "Boucheron", "Fred", "Pandora", "Thomas Sabo", "Dinh Van",
          "Mauboussin", "Lalique", "Hermès", "Pequignet", "Maty"]
MORE_BRANDS = BRANDS + [f"Atelier {name}" for name in ("Dupré", "Lefèvre", "Marchal", "Noël",
                        "Perrin", "Rocher", "Séguin", "Vidal", "Zéphyr", "Aubert", "Benoît",
                        "Caron", "Dumas", "Étienne", "Fabre", "Garnier", "Hébert", "Imbert")]
WORDS = ["Bague", "Alliance", "Collier", "Bracelet", "Boucles d'oreilles", "Pendentif", "Montre",
         "Chaîne", "Solitaire", "Créoles"]
MATERIALS = ["or jaune 18 carats", "or blanc 750‰", "argent 925", "platine", "acier",
             "or rosé", "diamant 0,25 ct", "émeraude", "saphir", "perle de culture"]
PRICES = ["1 290,00", "89,90", "2 450,00", "349,00", "15 900,00", "1290.5", "59,00",
          "1 050,00", "129,00", "4 990,00", "219,50", "775,00"]
SIZES = ["", "", "", "T52", "54", "56,5", "T.48", "50", "T60"]
STATUSES = ["Actif", "Actif", "Actif", "Réservé", "Commande"]
Rows = Callable[[random.Random, int], list[str]]


def _reference(rng: random.Random) -> str:
    return f"{rng.choice('ABCDEFGHJK')}{rng.randint(1000, 99999)}-{rng.randint(10, 99)}"


def _designation(rng: random.Random) -> str:
    return f"{rng.choice(WORDS)} {rng.choice(MATERIALS)} réf. {rng.randint(100, 999)}"


def _ean(rng: random.Random) -> str:
    return str(rng.randint(3000000000000, 3999999999999))


def _bijou3(rng: random.Random, n: int) -> list[str]:
    """The shape the reader was first tuned on: every column, sizes on a third of lines."""
    return [_reference(rng), rng.choice(BRANDS), _designation(rng), rng.choice("0111123"),
            rng.choice(PRICES), rng.choice(SIZES), _ean(rng), rng.choice(STATUSES)]


def _held_out(rng: random.Random, n: int) -> list[str]:
    """Issue 11's held-out shape: size empty but for rings, EAN on every line, status
    mostly empty, prices to the cent (many distinct values)."""
    size = rng.choice(["50", "52", "54", "56", "T58", "60,5"]) if rng.random() < 0.1 else ""
    return [f"R{n:07d}", rng.choice(BRANDS), _designation(rng), str(rng.randint(0, 5)),
            f"{rng.randint(20, 9000)},{rng.choice(['00', '50', '90', '99'])}", size, _ean(rng),
            "Réservé" if rng.random() < 0.05 else ""]


def _minimal(rng: random.Random, n: int) -> list[str]:
    """Three columns only: brand, designation, size, EAN and status absent."""
    return [_reference(rng), str(rng.randint(0, 9)), rng.choice(PRICES)]


def _quoted(rng: random.Random, n: int) -> list[str]:
    """Every field quoted, commas and quotes inside designations, 30 brands, EAN on most."""
    name = f'{rng.choice(WORDS)} "{rng.choice(MATERIALS)}", réf. {rng.randint(100, 999)}'
    return [_reference(rng), rng.choice(MORE_BRANDS), name, str(rng.randint(0, 4)),
            f"{rng.randint(20, 4000)}.{rng.randint(0, 99):02d}", rng.choice(SIZES),
            _ean(rng) if rng.random() < 0.8 else "", rng.choice(STATUSES)]


def _pieces(rng: random.Random, n: int) -> list[str]:
    """One line per piece (each reference on two or three lines: merged), no EAN column."""
    ref = f"P{rng.randint(0, 80_000):06d}"
    return [ref, rng.choice(BRANDS), f"Article {ref}", "1", PRICES[int(ref[1:]) % len(PRICES)],
            rng.choice(STATUSES)]


def _messy(rng: random.Random, n: int) -> list[str]:
    """Size and status empty on most lines, EAN on all, and a few lines to warn about or
    reject (empty or oversold quantities, unreadable prices, damaged barcodes)."""
    row = _held_out(rng, n)
    roll = rng.random()
    if roll < 0.01:
        row[3] = rng.choice(["", "-1"])
    elif roll < 0.015:
        row[4] = "sur demande"
    elif roll < 0.02:
        row[6] = "3,66E+12"
    return row


@dataclass(frozen=True)
class Shape:
    header: tuple[str, ...]
    rows: Rows
    encoding: str
    delimiter: str = ";"
    quote_all: bool = False
    # lines appended at the end in another code page (a UTF-8 export added to by hand)
    tail_encoding: str | None = None
    tail_lines: int = 0


FULL = ("Référence", "Marque", "Désignation", "Qté", "Prix TTC", "Taille", "EAN", "Statut")
SHAPES = {
    "bijou3": Shape(FULL, _bijou3, "cp1252"),
    "held-out": Shape(("Référence", "Marque", "Désignation", "Quantité", "Prix", "Taille",
                       "EAN", "Statut"), _held_out, "cp1252"),
    "minimal-utf8": Shape(("Réf.", "Stock", "PV TTC"), _minimal, "utf-8"),
    "quoted-comma": Shape(FULL, _quoted, "utf-8", ",", quote_all=True),
    "pieces-cp850-tab": Shape(("Code article", "Fournisseur", "Libellé", "Qté", "Prix TTC",
                               "État"), _pieces, "cp850", "\t"),
    "messy": Shape(FULL, _messy, "cp1252"),
    "utf8-cp1252-tail": Shape(FULL, _bijou3, "utf-8", tail_encoding="cp1252", tail_lines=2000),
}


def write_export(path: Path, shape: Shape, lines: int = 200_000, seed: int = 7) -> None:
    """The shape's export, CRLF line ends, written by Python's own codecs."""
    rng = random.Random(seed)
    delimiter = shape.delimiter

    def cell(value: str) -> str:
        if shape.quote_all or any(c in value for c in (delimiter, '"', "\n", "\r")):
            return '"' + value.replace('"', '""') + '"'
        return value

    tail_from = lines - shape.tail_lines
    with path.open("wb") as out:
        out.write((delimiter.join(map(cell, shape.header)) + "\r\n").encode(shape.encoding))
        for n in range(lines):
            text = delimiter.join(map(cell, shape.rows(rng, n))) + "\r\n"
            out.write(text.encode(shape.tail_encoding if n >= tail_from and shape.tail_encoding
                                  else shape.encoding))


def timed(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, float, int]:
    """Wall time, CPU time (user + system) and peak RSS (bytes) of one whole process."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"{argv} exited with {code}")
    rss = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    return elapsed, usage.ru_utime + usage.ru_stime, rss


def measure(path: Path, encoding: str, delimiter: str, runs: int,
            env: dict[str, str] | None, errors: str = "strict") -> dict[str, float]:
    bare_cmd = [sys.executable, "-c", BARE, str(path), encoding, delimiter, errors]
    read_cmd = [sys.executable, "-m", "shopsync", "read", str(path), "--format", "summary"]
    timed(bare_cmd, env)  # warm the page cache and the .pyc files
    timed(read_cmd, env)
    bare, read, bare_cpu, read_cpu, rss = [], [], [], [], []
    for _ in range(runs):
        t, cpu, _rss = timed(bare_cmd, env)
        bare.append(t)
        bare_cpu.append(cpu)
        t, cpu, r = timed(read_cmd, env)
        read.append(t)
        read_cpu.append(cpu)
        rss.append(r)
    return {"bare": min(bare), "read": min(read), "ratio": min(read) / min(bare),
            "median_ratio": statistics.median(read) / statistics.median(bare),
            "cpu_ratio": min(read_cpu) / min(bare_cpu), "rss": max(rss),
            "mb": path.stat().st_size / 1e6}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shape", action="append", choices=sorted(SHAPES),
                        help="a shape to measure (repeatable; default: every shape)")
    parser.add_argument("--file", type=Path, help="an existing export instead of the shapes")
    parser.add_argument("--encoding", default="cp1252", help="with --file: its code page")
    parser.add_argument("--delimiter", default=";", help="with --file: its separator")
    parser.add_argument("--lines", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--check", action="store_true", help="exit 1 if a target is missed")
    parser.add_argument("--cold-bytecode", action="store_true",
                        help="with PYTHONDONTWRITEBYTECODE set, leave it so (compile every run)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        env = None
        bytecode = "cached"
        if sys.flags.dont_write_bytecode:
            if args.cold_bytecode:
                bytecode = "compiled every run (PYTHONDONTWRITEBYTECODE, --cold-bytecode)"
            else:
                env = {**os.environ, "PYTHONPYCACHEPREFIX": str(Path(tmp) / "pycache")}
                env.pop("PYTHONDONTWRITEBYTECODE")
                bytecode = "cached in a temporary PYTHONPYCACHEPREFIX (PYTHONDONTWRITEBYTECODE)"
        if args.file is not None:
            todo = [(args.file.name, args.file, args.encoding, args.delimiter, "strict")]
        else:
            todo = []
            for name in args.shape or list(SHAPES):
                shape = SHAPES[name]
                path = Path(tmp) / f"{name}.csv"
                write_export(path, shape, args.lines)
                # a mixed file: the bare pass decodes it all as UTF-8, replacing what is not
                errors = "replace" if shape.tail_encoding else "strict"
                todo.append((name, path, shape.encoding, shape.delimiter, errors))
        print(f"{len(todo)} export(s) of {args.lines} lines; bytecode {bytecode}; best of "
              f"{args.runs} interleaved runs; target: ratio <= 3x, peak RSS <= 250 MB")
        print(f"{'shape':18} {'MB':>5} {'bare s':>7} {'read s':>7} {'ratio':>6} "
              f"{'median':>7} {'cpu':>6} {'RSS MiB':>8}")
        ok = True
        for name, path, encoding, delimiter, errors in todo:
            m = measure(path, encoding, delimiter, args.runs, env, errors)
            ok = ok and m["ratio"] <= 3.0 and m["rss"] <= 250e6
            print(f"{name:18} {m['mb']:5.1f} {m['bare']:7.3f} {m['read']:7.3f} "
                  f"{m['ratio']:5.2f}x {m['median_ratio']:6.2f}x {m['cpu_ratio']:5.2f}x "
                  f"{m['rss'] / 2**20:8.0f}", flush=True)
        return 0 if ok or not args.check else 1


if __name__ == "__main__":
    sys.exit(main())

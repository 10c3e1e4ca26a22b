"""What it costs to store a run's problems in English and show them in the shop's language
(`i18n.english` / `i18n.in_language`): the first 1,000 problems of a read are stored at every
read that has them, and the status window shows them again at each refresh.

    .venv/bin/python benchmarks/bench_messages.py [--problems 1000]

Shapes: per-line reasons of every field (price, quantity, barcode, header twice), file-level
sentences with a place before them, sentences the catalogue does not hold (a site's own
English), in French and in English, distinct values each (nothing is remembered between
them, as with real cells).
"""

from __future__ import annotations

import argparse
import statistics
import time

from shopsync import i18n
from shopsync.erp import messages
from shopsync.model import Problem


def problems(n: int) -> list[str]:
    path = r"C:\Users\Boutique\Documents\Exports ERP\stock-du-jour.csv"
    makers = [
        lambda i: Problem(path, i, "price", messages.line_rejected(messages.not_a_price(f"{i}x"))),
        lambda i: Problem(path, i, "quantity", messages.line_rejected(messages.not_a_whole_number(f"deux{i}"))),
        lambda i: Problem(path, i, "quantity", messages.oversold(-i)),
        lambda i: Problem(path, i, "ean", messages.barcode_ignored(messages.scientific_barcode(f"3,{i}E+12"))),
        lambda i: Problem(path, i, None, messages.too_few_fields(i % 7, 8)),
        lambda i: Problem(path, i, "price", messages.same_header("Prix TTC", [3, 5], 3, "price", 5)),
        lambda i: Problem(path, i, "reference", f"site says: item {i} unknown (HTTP 422)"),
    ]
    return [str(makers[i % len(makers)](i)) for i in range(n)]


def timed(fn) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--problems", type=int, default=1000)
    args = parser.parse_args()
    n = args.problems
    build = timed(i18n._templates) + timed(i18n._by_word)
    for language in ("fr", "en"):
        i18n.set_language(language)
        texts = problems(n)
        rounds = []
        for _ in range(5):
            i18n._in_language.cache_clear()  # distinct cells: nothing remembered
            rounds.append(timed(lambda t=texts: [i18n.english(x) for x in t]))
        stored = [i18n.english(x) for x in texts]
        back = []
        for _ in range(5):
            i18n._in_language.cache_clear()
            back.append(timed(lambda s=stored: [i18n.in_language(x, "fr") for x in s]))
        print(f"{language}: {n:,} problems -> English median {statistics.median(rounds) * 1000:.0f} ms"
              f" (worst {max(rounds) * 1000:.0f}); English -> French median "
              f"{statistics.median(back) * 1000:.0f} ms (worst {max(back) * 1000:.0f})")
    print(f"templates and their word index, built once per process: {build * 1000:.0f} ms "
          f"({len(i18n._templates())} wordings)")
    print(f"rerun: .venv/bin/python benchmarks/bench_messages.py --problems {n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""A seeded corpus of real-looking catalogue references and the ways an ERP misspells them.

The catalogue is written the way each brand communicates its references (Tissot dotted groups,
Pandora size suffixes, Thomas Sabo dashed groups, Festina/Lotus slashes, Casio model codes…).
The ERP side takes catalogue products and writes them as shops do — identical, dotless,
lowercase, with spaces, with a brand prefix (`TIS-`), with an O/0 or I/1 typo, with a suffix
dropped or a size added, with a one-digit typo — plus references that are not in the catalogue
at all. Every ERP line carries its ground truth (the catalogue reference it means, or None) and
the kind of spelling, so that precision and recall can be measured per level and per kind.

A variant that happens to be written exactly like *another* catalogue reference (or to fold to
it) is dropped: no matcher can tell it apart, so it would measure the corpus, not the matcher.

Used by tests/matching/test_accuracy.py and benchmarks/bench_match.py.
"""

from __future__ import annotations

import random
import string
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from shopsync.matching import fold
from shopsync.model import CatalogProduct

Gen = Callable[[random.Random], str]


def _d(rnd: random.Random, n: int) -> str:
    return "".join(rnd.choice(string.digits) for _ in range(n))


def _tissot(r: random.Random) -> str:
    return f"T{r.choice(['120', '137', '006', '101', '127', '141', '116', '099'])}.{_d(r, 3)}.{_d(r, 2)}.{_d(r, 3)}.00"


def _pandora(r: random.Random) -> str:
    base = f"{r.choice(['59', '79', '19', '29', '39'])}{_d(r, 4)}{r.choice(['', 'CZ', 'HV', 'C01', 'EN16', 'PCZ', 'NBP'])}"
    return f"{base}-{r.choice(['16', '17', '18', '19', '20', '50', '52', '54', '56'])}" if r.random() < 0.45 else base


def _thomas_sabo(r: random.Random) -> str:
    ref = f"{r.choice(['TR', 'A', 'K', 'D_A', 'SCD', 'UB', 'LBK'])}{_d(r, 4)}-{_d(r, 3)}-{_d(r, 2)}"
    return f"{ref}-{r.choice(['48', '50', '52', '54', '56', '58', '60'])}" if r.random() < 0.4 else ref


def _festina(r: random.Random) -> str:
    return f"F{r.choice(['16', '20', '6'])}{_d(r, 3)}/{r.randint(1, 9)}"


def _lotus(r: random.Random) -> str:
    return f"L{r.choice(['18', '15', '10'])}{_d(r, 3)}/{r.randint(1, 9)}"


def _casio(r: random.Random) -> str:
    model = r.choice(["GA", "GM", "DW", "GW", "GBD", "MTP", "LTP", "AE", "GST"])
    return f"{model}-{_d(r, 4)}{r.choice(['', 'E', 'D', 'L'])}-{r.randint(1, 9)}{r.choice('ABV')}{r.choice(['ER', 'EF', 'DR', ''])}"


def _seiko(r: random.Random) -> str:
    return f"S{r.choice('RNUSX')}{r.choice('PKBGE')}{r.choice(string.ascii_uppercase)}{_d(r, 2)}{r.choice(['K1', 'P1', 'J1', 'K2'])}"


def _swarovski(r: random.Random) -> str:
    return f"5{_d(r, 6)}"


def _citizen(r: random.Random) -> str:
    return f"{r.choice(['BM', 'AW', 'CA', 'EW', 'NJ', 'FE'])}{_d(r, 4)}-{_d(r, 2)}{r.choice('EXLAPW')}"


def _longines(r: random.Random) -> str:
    return f"L{r.randint(2, 4)}.{_d(r, 3)}.{r.randint(0, 5)}.{_d(r, 2)}.{r.randint(0, 9)}"


def _fossil(r: random.Random) -> str:
    return f"{r.choice(['FS', 'ES', 'ME', 'JF', 'BQ'])}{_d(r, 4)}"


def _michael_kors(r: random.Random) -> str:
    return f"MK{r.choice(['', '', '1', '3', '5', '6', '8'])}{_d(r, 4)}"


@dataclass(frozen=True)
class BrandStyle:
    name: str  # as the catalogue writes it
    erp_names: tuple[str, ...]  # as ERPs write it
    erp_prefix: str  # the prefix some ERPs add to every reference
    gen: Gen
    weight: float


BRANDS: tuple[BrandStyle, ...] = (
    BrandStyle("Tissot", ("TISSOT", "Tissot"), "TIS-", _tissot, 1.2),
    BrandStyle("Pandora", ("PANDORA",), "PAN ", _pandora, 1.5),
    BrandStyle("Thomas Sabo", ("THOMAS SABO", "THOMAS-SABO"), "TS-", _thomas_sabo, 1.2),
    BrandStyle("Festina", ("FESTINA",), "FES-", _festina, 0.8),
    BrandStyle("Lotus", ("LOTUS", "LOTUS STYLE"), "LOT-", _lotus, 0.6),
    BrandStyle("Casio", ("G-SHOCK", "CASIO"), "CAS-", _casio, 1.0),
    BrandStyle("Seiko", ("SEIKO",), "SEI-", _seiko, 0.8),
    BrandStyle("Swarovski", ("SWAROVSKI",), "SWA-", _swarovski, 0.8),
    BrandStyle("Citizen", ("CITIZEN",), "CIT ", _citizen, 0.7),
    BrandStyle("Longines", ("LONGINES",), "LON-", _longines, 0.4),
    BrandStyle("Fossil", ("FOSSIL",), "FOS-", _fossil, 0.6),
    BrandStyle("Michael Kors", ("MICHAEL KORS", "MK"), "MK-", _michael_kors, 0.5),
)


@dataclass(frozen=True)
class ErpCase:
    reference: str
    brand: str
    truth: str | None  # the catalogue reference meant; None: not in the catalogue
    kind: str


# Which level each kind must reach to count as found. `collision` (the catalogue has two
# references folding alike) and the rewrites below must only ever be suggested.
AUTO_KINDS = {"exact", "trimmed", "dotless", "lowercase", "spaces", "separators"}
SUGGEST_KINDS = {"collision", "prefix", "confusable", "dropped_suffix", "added_suffix", "typo"}

_SEPARATORS = ".-/_ "


def _normalized_variant(ref: str, r: random.Random) -> tuple[str, str]:
    kind = r.choice(["dotless", "lowercase", "spaces", "separators"])
    if kind == "dotless":
        out = "".join(c for c in ref if c not in _SEPARATORS)
    elif kind == "lowercase":
        out = ref.lower()
    elif kind == "spaces":
        out = "".join(" " if c in _SEPARATORS else c for c in ref)
        if out == ref:
            out = " ".join([ref[:3], ref[3:]])
    else:
        out = "".join(r.choice("-./") if c in _SEPARATORS else c for c in ref)
        if out == ref:
            out = ref.replace("-", ".").replace("/", "-") if ref != ref.replace("-", ".") else f"{ref[:2]}-{ref[2:]}"
    return out, kind


def _confusable_variant(ref: str, r: random.Random) -> str | None:
    spots = [i for i, c in enumerate(ref) if c in "01" and i > 0]
    if not spots:
        return None
    i = r.choice(spots)
    return ref[:i] + ("O" if ref[i] == "0" else "I") + ref[i + 1 :]


def _dropped_suffix(ref: str) -> str | None:
    cut = max(ref.rfind(s) for s in "-./")
    if cut >= 4:
        return ref[:cut]
    if len(ref) > 7 and ref[-2:].isalpha() is False and ref[-1].isalpha():
        return ref[:-2]
    return None


def _typo(ref: str, r: random.Random) -> str | None:
    spots = [i for i, c in enumerate(ref) if c.isdigit() and i >= 3]
    if not spots:
        return None
    i = r.choice(spots)
    if r.random() < 0.5 and i + 1 < len(ref) and ref[i + 1].isdigit() and ref[i + 1] != ref[i]:
        return ref[:i] + ref[i + 1] + ref[i] + ref[i + 2 :]  # transposition
    return ref[:i] + r.choice([d for d in string.digits if d != ref[i]]) + ref[i + 1 :]


def build_catalog(size: int, seed: int = 6, collisions: int | None = None) -> dict[str, CatalogProduct]:
    """`size` catalogue products across the brands, plus a few pairs that fold alike."""
    r = random.Random(seed)
    weights = [b.weight for b in BRANDS]
    catalog: dict[str, CatalogProduct] = {}
    folds: set[str] = set()
    while len(catalog) < size:
        style = r.choices(BRANDS, weights)[0]
        ref = style.gen(r)
        key = fold(ref)
        if ref in catalog or key in folds:
            continue
        folds.add(key)
        catalog[ref] = CatalogProduct(ref, style.name, f"{style.name} {ref}")
    # Twins: the platform wrote one reference twice with different punctuation (a brand changed
    # its writing). They must never be auto-matched.
    n = collisions if collisions is not None else max(2, size // 500)
    refs = list(catalog)
    for ref in r.sample(refs, n):
        bare = "".join(c for c in ref if c not in _SEPARATORS)
        cut = r.randint(2, len(bare) - 2)
        twin = f"{bare[:cut]}-{bare[cut:]}"
        if twin not in catalog and fold(twin) == fold(ref):
            catalog[twin] = CatalogProduct(twin, catalog[ref].brand, f"{catalog[ref].brand} {twin}")
    return catalog


def build_erp(
    catalog: dict[str, CatalogProduct], size: int, seed: int = 7, absent_share: float = 0.15
) -> list[ErpCase]:
    """`size` ERP references with ground truth, drawn from `catalog` (see the module doc)."""
    r = random.Random(seed)
    by_name = {b.name: b for b in BRANDS}
    refs = list(catalog)
    exact_text = set(catalog)
    fold_owner: dict[str, str | None] = {}
    for ref in refs:
        key = fold(ref)
        fold_owner[key] = None if key in fold_owner else ref
    colliding = [ref for ref in refs if fold_owner[fold(ref)] is None]
    kinds = [
        ("exact", 30), ("trimmed", 3), ("normalized", 22), ("prefix", 8), ("confusable", 7),
        ("dropped_suffix", 7), ("added_suffix", 4), ("typo", 7), ("collision", 2),
    ]  # fmt: skip
    names, weights = zip(*kinds, strict=True)
    out: list[ErpCase] = []
    used: set[str] = set()
    while len(out) < size:
        if r.random() < absent_share:
            style = r.choices(BRANDS, [b.weight for b in BRANDS])[0]
            ref = style.gen(r)
            key = fold(ref)
            if key in fold_owner or ref in used:
                continue
            used.add(ref)
            out.append(ErpCase(ref, r.choice(style.erp_names), None, "absent"))
            continue
        kind = r.choices(names, weights)[0]
        truth = r.choice(colliding) if kind == "collision" and colliding else r.choice(refs)
        style = by_name[catalog[truth].brand]
        variant: str | None
        if kind in ("exact", "collision"):
            variant = truth if kind == "exact" else "".join(c for c in truth if c not in _SEPARATORS).lower()
        elif kind == "trimmed":
            variant = f" {truth}  "
        elif kind == "normalized":
            variant, kind = _normalized_variant(truth, r)
        elif kind == "prefix":
            variant = style.erp_prefix + truth
        elif kind == "confusable":
            variant = _confusable_variant(truth, r)
        elif kind == "dropped_suffix":
            variant = _dropped_suffix(truth)
        elif kind == "added_suffix":
            variant = f"{truth}-{r.choice(['52', '54', '56', '17'])}"
        else:
            variant = _typo(truth, r)
        if not variant or variant.strip() in used:
            continue
        # Indistinguishable from another catalogue reference: not a fair case.
        if kind not in ("exact", "trimmed") and variant.strip() in exact_text:
            continue
        owner = fold_owner.get(fold(variant), "")
        if kind != "collision" and owner not in ("", truth):
            continue
        if kind == "collision" and fold_owner.get(fold(variant), "") is not None:
            continue
        used.add(variant.strip())
        out.append(ErpCase(variant, r.choice(style.erp_names), truth, kind))
    return out


@dataclass
class Scores:
    """Precision/recall per level and per kind for one run of `match` over a corpus."""

    per_level: dict[str, Counter]
    per_kind: dict[str, Counter]
    total: int
    with_truth: int

    def level(self, name: str) -> Counter:
        return self.per_level.get(name, Counter())

    @property
    def false_auto(self) -> int:
        return self.level("exact")["wrong"] + self.level("normalized")["wrong"]

    @property
    def recall_connected(self) -> float:
        right = self.level("exact")["right"] + self.level("normalized")["right"]
        return right / self.with_truth if self.with_truth else 1.0

    @property
    def recall_top1(self) -> float:
        right = sum(self.level(n)["right"] for n in ("exact", "normalized", "suggested"))
        return right / self.with_truth if self.with_truth else 1.0

    @property
    def recall_candidates(self) -> float:
        right = sum(self.level(n)["right"] for n in ("exact", "normalized"))
        right += self.level("suggested")["in_candidates"]
        return right / self.with_truth if self.with_truth else 1.0

    def precision(self, name: str) -> float:
        c = self.level(name)
        judged = c["right"] + c["wrong"] + c["absent"]
        return c["right"] / judged if judged else 1.0

    def lines(self) -> list[str]:
        out = [f"ERP references: {self.total} ({self.with_truth} in the catalogue)"]
        for name in ("exact", "normalized", "suggested", "unmatched"):
            c = self.level(name)
            n = sum(c[k] for k in ("right", "wrong", "absent", "missed"))
            if name == "unmatched":
                out.append(
                    f"  unmatched : {n:6d}  truly absent {c['absent']}, missed {c['missed']}"
                )
                continue
            extra = f", truth in candidates {c['in_candidates']}" if name == "suggested" else ""
            out.append(
                f"  {name:10s}: {n:6d}  precision {self.precision(name):.4f} "
                f"(right {c['right']}, wrong {c['wrong']}, absent-but-matched {c['absent']}{extra})"
            )
        out.append(
            f"  recall: connected {self.recall_connected:.4f}, top-1 {self.recall_top1:.4f}, "
            f"in candidates {self.recall_candidates:.4f}"
        )
        out.append("  per kind (status counts, right = truth is the match / best candidate):")
        for kind, c in sorted(self.per_kind.items()):
            detail = ", ".join(f"{k} {v}" for k, v in sorted(c.items()))
            out.append(f"    {kind:15s} {detail}")
        return out


def score(cases: list[ErpCase], results) -> Scores:
    """Compare `match` results (same order as the distinct trimmed references) with the truth."""
    truth = {c.reference.strip(): c for c in cases}
    per_level: dict[str, Counter] = {}
    per_kind: dict[str, Counter] = {}
    for res in results:
        case = truth[res.reference]
        level = per_level.setdefault(res.status, Counter())
        kind = per_kind.setdefault(case.kind, Counter())
        kind[res.status] += 1
        if res.status == "unmatched":
            level["missed" if case.truth else "absent"] += 1
            continue
        if case.truth is None:
            level["absent"] += 1
        elif res.catalog_reference == case.truth or (
            case.kind == "collision" and fold(res.catalog_reference or "") == fold(case.truth)
        ):  # twins folding alike: either one is the right suggestion
            level["right"] += 1
            kind["right"] += 1
        else:
            level["wrong"] += 1
        if res.status == "suggested" and case.truth in {c.reference for c in res.candidates}:
            level["in_candidates"] += 1
    return Scores(per_level, per_kind, len(results), sum(1 for c in cases if c.truth))

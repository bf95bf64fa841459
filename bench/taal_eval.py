"""Evaluate the taalcheck on texts others wrote (bench/taal/), per split.

The texts are split into a development and a test half before any fitting
(``bench/taal_split.py``); the level estimate was fitted on ``dev`` only
(``bench/taal_fit.py``). This script prints, for both halves:

- pairwise accuracy on before/after rewrites (``paren.csv``): the share of
  pairs where the plain version scores easier than its original; ties count
  as misses. For our score, for Flesch-Douma and for the LiNT formula applied
  to our stand-in features (``taalcheck.lint``), all in the same run.
- accuracy "B1 (or easier) versus harder" on ``niveaus.csv``: our level
  estimate at the hub's gate (score 100), our estimate at the cut that is
  best on dev (score 75, logit 0), and Flesch-Douma and the LiNT formula
  with a cut chosen on dev (the best threshold on the dev half, then applied
  unchanged to test).

Usage: python bench/taal_eval.py  (from the project root)
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from taal_split import read, split  # noqa: E402

from taalcheck import check  # noqa: E402
from taalcheck.report import Report  # noqa: E402

SPLITS = ("dev", "test")
DEV_OPTIMUM = 75.0
"""Score at logit 0 (``bench/taal_fit.py``: 79/98 on dev, but 86 demo fields
over it); the hub's gate is score 100 (logit 1.0)."""


def pct(hits: int, total: int) -> str:
    return f"{hits}/{total} = {100 * hits / total:.1f}%" if total else "-"


def difficulty_measures() -> dict[str, Callable[[Report], float]]:
    """Higher is harder, for every measure."""
    return {
        "taalcheck (score)": lambda report: report.score,
        "Flesch-Douma": lambda report: -report.metrics.flesch_douma,
        "LiNT-formule op onze kenmerken": lambda report: (
            report.metrics.lint.lint_score()
        ),
    }


def pairwise(reports: dict[str, Report]) -> None:
    rows = read("paren.csv")
    print("Pairwise accuracy (the plain version scores easier than its original)")
    print(f"  {'':<34} " + "  ".join(f"{name:<17}" for name in SPLITS))
    for name, measure in difficulty_measures().items():
        cells = []
        for half in SPLITS:
            hits = total = 0
            for row in rows:
                if split(row["id"]) != half:
                    continue
                hard, easy = reports[row["origineel"]], reports[row["eenvoudig"]]
                hits += measure(easy) < measure(hard)
                total += 1
            cells.append(pct(hits, total))
        print(f"  {name:<34} " + "  ".join(f"{cell:<17}" for cell in cells))
    cells = []
    for half in SPLITS:
        hits = total = 0
        for row in rows:
            hard = reports[row["origineel"]]
            if split(row["id"]) != half or hard.metrics.ambtelijke_woorden:
                continue
            hits += reports[row["eenvoudig"]].score < hard.score
            total += 1
        cells.append(pct(hits, total))
    label = "taalcheck, zonder ambtelijk woord"
    print(f"  {label:<34} " + "  ".join(f"{cell:<17}" for cell in cells))


def best_cut(values: list[tuple[float, bool]]) -> float:
    """The threshold with the most hits on these (value, harder) pairs."""
    candidates = sorted({value for value, _hard in values})
    best, best_hits = float("-inf"), sum(not hard for _value, hard in values)
    for cut in candidates:
        hits = sum((value > cut) == hard for value, hard in values)
        if hits > best_hits:
            best, best_hits = cut, hits
    return best


def levels(reports: dict[str, Report]) -> None:
    rows = read("niveaus.csv")
    print("\nAccuracy, B1 (or easier) versus harder than B1")
    print(f"  {'':<34} " + "  ".join(f"{name:<17}" for name in SPLITS))

    def line(name: str, harder: Callable[[Report], bool]) -> None:
        cells = []
        for half in SPLITS:
            chosen = [row for row in rows if split(row["id"]) == half]
            hits = sum(
                harder(reports[row["tekst"]]) == (row["label"] != "B1")
                for row in chosen
            )
            cells.append(pct(hits, len(chosen)))
        print(f"  {name:<34} " + "  ".join(f"{cell:<17}" for cell in cells))

    line("taalcheck, grens van de hub", lambda r: r.niveau not in ("A2", "B1"))
    line("taalcheck, beste grens op dev", lambda r: r.score > DEV_OPTIMUM)
    for name, measure in difficulty_measures().items():
        if name.startswith("taalcheck"):
            continue
        dev = [
            (measure(reports[row["tekst"]]), row["label"] != "B1")
            for row in rows
            if split(row["id"]) == "dev"
        ]
        cut = best_cut(dev)
        line(f"{name} (grens op dev)", lambda r, m=measure, c=cut: m(r) > c)
    for half in SPLITS:
        confusion: dict[tuple[str, bool], int] = {}
        for row in rows:
            if split(row["id"]) != half:
                continue
            key = (row["label"], reports[row["tekst"]].niveau not in ("A2", "B1"))
            confusion[key] = confusion.get(key, 0) + 1
        print(
            f"  {half}: label B1 -> moeilijker {confusion.get(('B1', True), 0)}, "
            f"moeilijker -> B1 {confusion.get(('moeilijker', False), 0)} (grens van de hub)"
        )


def main() -> None:
    texts = {row["tekst"] for row in read("niveaus.csv")}
    for row in read("paren.csv"):
        texts |= {row["origineel"], row["eenvoudig"]}
    start = time.process_time()
    reports = {text: check(text) for text in sorted(texts)}
    print(
        f"{len(reports)} teksten gecontroleerd in {time.process_time() - start:.2f} s CPU\n"
    )
    pairwise(reports)
    levels(reports)


if __name__ == "__main__":
    main()

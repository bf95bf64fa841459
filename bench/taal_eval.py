"""Evaluate the taalcheck on texts others wrote (bench/taal/).

Prints:

- pairwise accuracy on before/after rewrites (``paren.csv``): the share of
  pairs where the plain version gets a lower score than its original; ties
  count as misses. Also for Flesch-Douma alone, as a baseline.
- accuracy on texts with a known level (``niveaus.csv``): does the checker's
  verdict "B1 or easier" (estimated level A2 or B1) match the label?

Both overall and per source, and pairwise accuracy once more on the pairs
whose original contains none of our ambtelijke woorden, because our word list
and the RVO pairs share terms (see bench/taal/README.md).

Usage: python bench/taal_eval.py  (from the project root)
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from taalcheck import check  # noqa: E402

DATA = Path(__file__).resolve().parent / "taal"


def read(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


def pct(hits: int, total: int) -> str:
    return f"{hits}/{total} = {100 * hits / total:.1f}%" if total else "-"


def pairwise() -> None:
    rows = read("paren.csv")
    per_source: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    flesch = [0, 0]
    no_overlap = [0, 0]
    ties = 0
    for row in rows:
        hard, easy = check(row["origineel"]), check(row["eenvoudig"])
        hit = easy.score < hard.score
        ties += easy.score == hard.score
        for key in (row["bron"], "alle paren"):
            per_source[key][0] += hit
            per_source[key][1] += 1
        flesch[0] += easy.metrics.flesch_douma > hard.metrics.flesch_douma
        flesch[1] += 1
        if not hard.metrics.ambtelijke_woorden:
            no_overlap[0] += hit
            no_overlap[1] += 1
    print("Pairwise accuracy (the plain version scores easier than its original)")
    for source, (hits, total) in sorted(per_source.items()):
        print(f"  {source:<38} {pct(hits, total)}")
    print(f"  {'zonder ambtelijke woorden in origineel':<38} {pct(*no_overlap)}")
    print(f"  {'baseline: Flesch-Douma alleen':<38} {pct(*flesch)}")
    print(f"  gelijke scores (tellen als fout): {ties}")


def levels() -> None:
    rows = read("niveaus.csv")
    per_source: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    confusion: dict[tuple[str, str], int] = defaultdict(int)
    explicit = [0, 0]
    flagged: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row in rows:
        report = check(row["tekst"])
        flagged[row["label"]][0] += report.fouten + report.waarschuwingen > 0
        flagged[row["label"]][1] += 1
        predicted = "B1" if report.niveau in ("A2", "B1") else "moeilijker"
        hit = predicted == row["label"]
        confusion[(row["label"], predicted)] += 1
        for key in (row["bron"], "alle teksten"):
            per_source[key][0] += hit
            per_source[key][1] += 1
        if not row["bron"].startswith("rvo"):
            explicit[0] += hit
            explicit[1] += 1
    print("\nAccuracy, B1 (or easier) versus harder than B1")
    for source, (hits, total) in sorted(per_source.items()):
        print(f"  {source:<38} {pct(hits, total)}")
    print(f"  {'bronnen met een genoemd niveau':<38} {pct(*explicit)}")
    print("  met minstens één fout of waarschuwing:")
    for label, (hits, total) in sorted(flagged.items()):
        print(f"    {label:<11} {pct(hits, total)}")
    print("  confusion (label -> voorspeld):")
    for (label, predicted), count in sorted(confusion.items()):
        print(f"    {label:<11} -> {predicted:<11} {count}")


if __name__ == "__main__":
    pairwise()
    levels()

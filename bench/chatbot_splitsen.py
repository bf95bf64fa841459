"""Split a collection of evaluation questions into development and test, before tuning.

    .venv/bin/python bench/chatbot_splitsen.py bench/chatbot/vragen_extern_3.csv \
        --seed 20261204 --toets toets3

Stratified by the first expected label: per label the questions are shuffled
with ``random.Random(seed)`` and half go to the test set; of an odd count the
extra one goes to the test set when the same generator draws below 0.5. The
result is written to the ``set`` column of the file itself, so the split is
stored next to the questions and can be checked by running this again.
"""

from __future__ import annotations

import argparse
import csv
import random
from collections import defaultdict
from pathlib import Path


def split(rows: list[dict[str, str]], *, seed: int, toets: str) -> None:
    """Set ``row["set"]`` to ``toets`` or ``ontwikkel`` for every row, in place."""
    rng = random.Random(seed)  # noqa: S311 (a reproducible split, not security)
    by_label: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        by_label[row["verwacht"].split("|")[0]].append(row)
    for label in sorted(by_label):
        group = by_label[label]
        rng.shuffle(group)
        half, odd = divmod(len(group), 2)
        n_toets = half + (1 if odd and rng.random() < 0.5 else 0)
        for position, row in enumerate(group):
            row["set"] = toets if position < n_toets else "ontwikkel"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--toets", required=True, help="name of the test set")
    args = parser.parse_args()
    with args.path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields = list(reader.fieldnames or [])
        rows = list(reader)
    split(rows, seed=args.seed, toets=args.toets)
    with args.path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    counts: dict[str, int] = defaultdict(int)
    for row in rows:
        counts[(row["set"], row["verwacht"] == "buiten")] += 1
    for (name, buiten), n in sorted(counts.items()):
        print(f"{name:10} {'buiten' if buiten else 'beantwoordbaar':15} {n}")


if __name__ == "__main__":
    main()

"""Fit the level estimate of the taalcheck on the development split only.

Reads ``bench/taal/niveaus.csv`` and ``bench/taal/niveaus2.csv`` (the
second set, issue 19), keeps the ``dev`` half of both (``taal_split.py``),
computes the features of ``taalcheck.metrics.FEATURES`` and fits a logistic
regression (plain gradient descent with a small L2 penalty, standardised
features) for "harder than B1". Prints the constants that
``taalcheck/metrics.py`` holds (means, standard deviations, weights), the
7-fold cross-validated accuracy on dev, and, per cut on the logit, the dev
accuracy next to the number of demo text fields that would no longer pass.
The test halves are never read here.

Usage: python bench/taal_fit.py  (from the project root)
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from taal_split import read, seed_of, split  # noqa: E402

from demo.source import read_catalogus  # noqa: E402
from taalcheck.config import DEFAULT_SETTINGS  # noqa: E402
from taalcheck.metrics import (  # noqa: E402
    FEATURES,
    compute,
    feature_values,
    sentence_offset,
)
from taalcheck.product import product_texts  # noqa: E402
from taalcheck.text import analyse  # noqa: E402

LEVEL_FILES = ("niveaus.csv", "niveaus2.csv", "niveaus3.csv")
L2 = 0.05
STEPS = 800
RATE = 0.5


def features(text: str) -> tuple[list[float], float]:
    """The fitted features and the fixed sentence-length offset."""
    metrics = compute(analyse(text), DEFAULT_SETTINGS)
    values = feature_values(metrics)
    return [values[name] for name in FEATURES], sentence_offset(metrics)


def fit(
    rows: list[list[float]], offsets: list[float], labels: list[int]
) -> list[float]:
    """Logistic regression on standardised rows with a fixed offset per row:
    [bias, weights...]."""
    size = len(rows[0])
    weights = [0.0] * (size + 1)
    for _step in range(STEPS):
        gradient = [0.0] * (size + 1)
        for row, offset, label in zip(rows, offsets, labels, strict=True):
            z = (
                offset
                + weights[0]
                + sum(w * x for w, x in zip(weights[1:], row, strict=True))
            )
            error = 1 / (1 + math.exp(-z)) - label
            gradient[0] += error
            for j, x in enumerate(row):
                gradient[j + 1] += error * x
        weights[0] -= RATE * gradient[0] / len(rows)
        for j in range(size):
            weights[j + 1] -= RATE * (gradient[j + 1] / len(rows) + L2 * weights[j + 1])
    return weights


def standardise(rows: list[list[float]]) -> tuple[list[float], list[float]]:
    count = len(rows)
    means = [sum(column) / count for column in zip(*rows, strict=True)]
    deviations = [
        math.sqrt(sum((x - mean) ** 2 for x in column) / count) or 1.0
        for column, mean in zip(zip(*rows, strict=True), means, strict=True)
    ]
    return means, deviations


def logit(weights, means, deviations, item) -> float:
    row, offset = item
    return (
        offset
        + weights[0]
        + sum(
            w * (x - m) / s
            for w, x, m, s in zip(weights[1:], row, means, deviations, strict=True)
        )
    )


def model(items, labels):
    rows = [row for row, _offset in items]
    means, deviations = standardise(rows)
    scaled = [
        [(x - m) / s for x, m, s in zip(row, means, deviations, strict=True)]
        for row in rows
    ]
    offsets = [offset for _row, offset in items]
    return fit(scaled, offsets, labels), means, deviations


def main() -> None:
    dev = [
        row
        for name in LEVEL_FILES
        for row in read(name)
        if split(row["id"], seed_of(name)) == "dev"
    ]
    rows = [features(row["tekst"]) for row in dev]
    labels = [int(row["label"] != "B1") for row in dev]
    folds, hits = 7, 0
    for fold in range(folds):
        train = [i for i in range(len(rows)) if i % folds != fold]
        weights, means, deviations = model(
            [rows[i] for i in train], [labels[i] for i in train]
        )
        hits += sum(
            (logit(weights, means, deviations, rows[i]) > 0) == labels[i]
            for i in range(len(rows))
            if i % folds == fold
        )
    print(f"dev: {len(rows)} teksten, {sum(labels)} moeilijker dan B1")
    print(f"7-voudige kruisvalidatie op dev: {hits}/{len(rows)}")
    weights, means, deviations = model(rows, labels)
    print("\nConstanten voor taalcheck/metrics.py:")
    print(f"_BIAS = {weights[0]:.4f}")
    for name, w, m, s in zip(FEATURES, weights[1:], means, deviations, strict=True):
        print(f"    {name!r}: ({m:.4f}, {s:.4f}, {w:.4f}),")
    demo = [
        features(text)
        for producten in read_catalogus().values()
        for product in producten
        for _field, text in product_texts(product)
    ]
    dev_logits = [logit(weights, means, deviations, row) for row in rows]
    demo_logits = [logit(weights, means, deviations, row) for row in demo]
    print("\ngrens (logit)  dev goed  demovelden erboven")
    for tenth in range(-4, 21, 2):
        cut = tenth / 10
        good = sum(
            (v > cut) == label for v, label in zip(dev_logits, labels, strict=True)
        )
        print(
            f"{cut:>13.1f}  {good:>3}/{len(rows)}  {sum(v > cut for v in demo_logits):>4}/{len(demo)}"
        )
    best, best_hits = best_gate(dev_logits, labels)
    print(
        f"\nbeste grens op dev (midden van het beste interval, stappen van 0,05): "
        f"{best:.2f} ({best_hits}/{len(rows)}); "
        f"demovelden erboven: {sum(v > best for v in demo_logits)}/{len(demo)}"
    )


def best_gate(values: list[float], labels: list[int]) -> tuple[float, int]:
    """The cut on the logit with the most dev texts right, in steps of 0.05
    from -1 to 2; of a run of equally good cuts, the middle one."""
    cuts = [step / 20 for step in range(-20, 41)]
    hits = [
        sum((v > cut) == label for v, label in zip(values, labels, strict=True))
        for cut in cuts
    ]
    top = max(hits)
    runs: list[list[float]] = []
    for cut, count in zip(cuts, hits, strict=True):
        if count == top and runs and runs[-1][-1] == round(cut - 0.05, 2):
            runs[-1].append(round(cut, 2))
        elif count == top:
            runs.append([round(cut, 2)])
    longest = max(runs, key=len)
    return longest[len(longest) // 2], top


if __name__ == "__main__":
    main()

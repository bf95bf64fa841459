"""Speed of the taalcheck: words per second over the whole demo catalogue.

Runs on one core (pinned where the OS allows it). Loading the Dutch word
frequency table happens once per process and is timed apart; the first round
then runs with empty caches, the following rounds show the steady speed of a
running hub. The goal is 50,000 words/second.

Usage: python bench/taal_speed.py [ROUNDS]  (from the project root)
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from contenthub.demo.source import read_catalogus  # noqa: E402
from taalcheck import check  # noqa: E402
from taalcheck.lexicon import frequencies  # noqa: E402
from taalcheck.product import product_texts  # noqa: E402

GOAL = 50_000


def main(rounds: int) -> int:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    texts = [
        text
        for producten in read_catalogus().values()
        for product in producten
        for _field, text in product_texts(product)
    ]
    start = time.perf_counter()
    frequencies()  # one-off at process start: the Dutch frequency table
    print(f"woordfrequenties laden (eenmalig): {time.perf_counter() - start:.3f} s")
    speeds = []
    words = 0
    for round_ in range(1, rounds + 1):
        start = time.perf_counter()
        words = sum(check(text).metrics.words for text in texts)
        elapsed = time.perf_counter() - start
        speeds.append(words / elapsed)
        label = "eerste ronde (koude caches)" if round_ == 1 else f"ronde {round_}"
        print(
            f"{label:<28} {words} woorden in {elapsed:.3f} s: {words / elapsed:,.0f} woorden/s"
        )
    steady = sorted(speeds[1:])[len(speeds[1:]) // 2] if rounds > 1 else speeds[0]
    print(
        f"\n{len(texts)} velden van 50 producten, {words} woorden. Mediaan na de eerste "
        f"ronde: {steady:,.0f} woorden/s op één kern (doel {GOAL:,})."
    )
    return 0 if min(speeds) >= GOAL else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 5))

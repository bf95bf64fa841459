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

from demo.source import read_catalogus  # noqa: E402
from taalcheck import check  # noqa: E402
from taalcheck.lexicon import frequencies  # noqa: E402
from taalcheck.product import product_texts  # noqa: E402
from taalcheck.text import analyse  # noqa: E402

GOAL = 100_000


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
    # textstat's Flesch alone (Dutch), on the same texts, in the same run.
    import textstat

    textstat.set_lang("nl")
    plain = [" ".join(block.text for block in analyse(text).blocks) for text in texts]
    flesch_times = []
    for _round in range(rounds):
        start = time.perf_counter()
        for text in plain:
            textstat.flesch_reading_ease(text)
        flesch_times.append(time.perf_counter() - start)
    flesch = sorted(flesch_times)[len(flesch_times) // 2]
    ours = words / steady
    print(
        f"textstat Flesch alleen: {flesch:.3f} s per ronde; de taalcheck: {ours:.3f} s "
        f"= {ours / flesch:.2f}x de tijd van textstat (doel: hoogstens 2x)"
    )
    # One 1 MB text of ordinary sentences, CPU time.
    big = (
        "U kunt een paspoort aanvragen bij de gemeente. Neem een pasfoto mee. " * 14_000
    )
    start = time.process_time()
    check(big)
    print(f"1 MB gewone zinnen: {time.process_time() - start:.2f} s CPU (doel < 1 s)")
    print(
        f"\n{len(texts)} velden van 50 producten, {words} woorden. Mediaan na de eerste "
        f"ronde: {steady:,.0f} woorden/s op één kern (doel {GOAL:,})."
    )
    return 0 if min(speeds) >= GOAL else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 5))

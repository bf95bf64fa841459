"""Speed of the taalcheck: words per second over the whole demo catalogue.

Runs on one core (pinned where the OS allows it). Loading the Dutch word
frequency table happens once per process and is timed apart; the first round
then runs with empty caches, the following rounds show the steady speed of a
running hub. The goal is 50,000 words/second.

With ``--vergelijk DIR`` (a checkout of an older commit, for example
``git archive REV | tar -x -C DIR``), the taalcheck of that checkout is
loaded next to the current one in the same process and both check the same
texts in alternating warm rounds (CPU time, ``time.process_time``), so
machine load hits both alike; the script prints both medians, the ratio per
pair of rounds, and both next to textstat's Flesch.

Usage: python bench/taal_speed.py [ROUNDS] [--vergelijk DIR]  (from the project root)
"""

from __future__ import annotations

import importlib
import os
import shutil
import statistics
import sys
import tempfile
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


def main(rounds: int, compare: Path | None = None) -> int:
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
    if compare is not None:
        compare_with(compare, texts, plain, rounds)
    return 0 if min(speeds) >= GOAL else 1


def compare_with(
    checkout: Path, texts: list[str], plain: list[str], rounds: int
) -> None:
    """Alternating warm rounds of the current taalcheck, the one in
    ``checkout`` and textstat's Flesch, CPU time, in this process."""
    import textstat

    scratch = Path(tempfile.mkdtemp(prefix="taal_speed_"))
    shutil.copytree(checkout / "taalcheck", scratch / "taalcheck_vergelijk")
    sys.path.insert(0, str(scratch))
    try:
        other = importlib.import_module("taalcheck_vergelijk").check
    finally:
        sys.path.remove(str(scratch))
    for function in (check, other):
        for text in texts:
            function(text)
    ours: list[float] = []
    theirs: list[float] = []
    flesch: list[float] = []
    contestants = [
        (check, texts, ours),
        (other, texts, theirs),
        (textstat.flesch_reading_ease, plain, flesch),
    ]
    for round_ in range(max(2, 2 * rounds)):
        order = contestants if round_ % 2 else contestants[::-1]
        for function, inputs, times in order:
            start = time.process_time()
            for text in inputs:
                function(text)
            times.append(time.process_time() - start)
    ratios = [a / b for a, b in zip(ours, theirs, strict=True)]
    print(
        f"\nvergeleken met {checkout} ({len(ratios)} afwisselende rondes, CPU-tijd):\n"
        f"  nu {statistics.median(ours):.3f} s, toen {statistics.median(theirs):.3f} s "
        f"per ronde; nu/toen per paar: mediaan {statistics.median(ratios):.3f} "
        f"({min(ratios):.3f} tot {max(ratios):.3f})\n"
        f"  textstat Flesch {statistics.median(flesch):.3f} s per ronde: de taalcheck nu "
        f"{statistics.median(ours) / statistics.median(flesch):.2f}x, toen "
        f"{statistics.median(theirs) / statistics.median(flesch):.2f}x de tijd van textstat"
    )
    shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    arguments = sys.argv[1:]
    checkout = None
    if "--vergelijk" in arguments:
        at = arguments.index("--vergelijk")
        checkout = Path(arguments[at + 1]).resolve()
        del arguments[at : at + 2]
    sys.exit(main(int(arguments[0]) if arguments else 5, checkout))

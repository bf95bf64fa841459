"""How well does the chatbot answer? Our matcher next to a keyword-overlap baseline.

    .venv/bin/python bench/chatbot_eval.py              # the figures for the README
    .venv/bin/python bench/chatbot_eval.py --afstemmen  # choose the threshold
    .venv/bin/python bench/chatbot_eval.py --fouten     # list every miss

Questions: ``bench/chatbot/vragen.csv`` (vraag, verwacht, set). ``verwacht``
is the slug of the product that should answer (``a|b`` when two are equally
right) or ``fallback``. ``set`` is ``afstemming`` (used to choose the
threshold and to develop the matcher) or ``toets`` (written after the
matcher was frozen, used for nothing but this report).

Both systems get the same demo catalogue (a throwaway database, see
``bench/_django.py``) and the same questions. Metrics, per set:

- top-1 / top-3: share of answerable questions whose expected product is
  ranked first / in the first three (whatever the fallback decision);
- goed beantwoord: answered (no fallback) with the expected product;
- fallback precision / recall: fallback is the positive class.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _django import setup_demo_database

VRAGEN = Path(__file__).resolve().parent / "chatbot" / "vragen.csv"
SETS = ("afstemming", "toets")


@dataclass(frozen=True)
class Vraag:
    tekst: str
    verwacht: frozenset[str]
    set: str

    @property
    def is_fallback(self) -> bool:
        return self.verwacht == {"fallback"}


@dataclass(frozen=True)
class Uitkomst:
    ranked: tuple[str, ...]
    score: float


def read_questions(path: Path = VRAGEN) -> list[Vraag]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            Vraag(row["vraag"], frozenset(row["verwacht"].split("|")), row["set"])
            for row in csv.DictReader(handle)
        ]


@dataclass(frozen=True)
class Cijfers:
    beantwoordbaar: int
    top1: float
    top3: float
    goed_beantwoord: float
    fallback_vragen: int
    precision: float
    recall: float
    goed_afgehandeld: int
    totaal: int


def measure(
    vragen: Sequence[Vraag], uitkomsten: Sequence[Uitkomst], drempel: float
) -> Cijfers:
    answerable = [
        (v, u) for v, u in zip(vragen, uitkomsten, strict=True) if not v.is_fallback
    ]
    top1 = sum(1 for v, u in answerable if u.ranked[:1] and u.ranked[0] in v.verwacht)
    top3 = sum(1 for v, u in answerable if set(u.ranked[:3]) & v.verwacht)
    goed = sum(
        1
        for v, u in answerable
        if u.score >= drempel and u.ranked and u.ranked[0] in v.verwacht
    )
    fell_back = [
        (v, u.score < drempel) for v, u in zip(vragen, uitkomsten, strict=True)
    ]
    tp = sum(1 for v, f in fell_back if f and v.is_fallback)
    fp = sum(1 for v, f in fell_back if f and not v.is_fallback)
    fn = sum(1 for v, f in fell_back if not f and v.is_fallback)
    n = len(answerable) or 1
    return Cijfers(
        beantwoordbaar=len(answerable),
        top1=top1 / n,
        top3=top3 / n,
        goed_beantwoord=goed / n,
        fallback_vragen=tp + fn,
        precision=tp / (tp + fp) if tp + fp else 1.0,
        recall=tp / (tp + fn) if tp + fn else 1.0,
        goed_afgehandeld=goed + tp,
        totaal=len(vragen),
    )


def choose_threshold(
    vragen: Sequence[Vraag],
    uitkomsten: Sequence[Uitkomst],
    kandidaten: Sequence[float],
) -> tuple[float, int]:
    """The threshold that handles most questions well (answered right or
    rightly handed over); on a plateau of equal results, its middle, which
    leaves the most room on both sides."""
    results = [(t, measure(vragen, uitkomsten, t).goed_afgehandeld) for t in kandidaten]
    best = max(count for _, count in results)
    runs: list[list[float]] = []
    for threshold, count in results:
        if count == best:
            if runs and runs[-1][-1] == _previous(kandidaten, threshold):
                runs[-1].append(threshold)
            else:
                runs.append([threshold])
    widest = max(runs, key=len)
    return widest[len(widest) // 2], best


def _previous(values: Sequence[float], value: float) -> float | None:
    index = list(values).index(value)
    return values[index - 1] if index else None


# --- the baseline: plain keyword overlap -----------------------------------

_WORD = re.compile(r"\w+")


def keyword_baseline() -> Callable[[str], Uitkomst]:
    """Count the question's words (lower case, without stop words) that occur
    anywhere in a product's text; no stemming, synonyms, typo tolerance or
    field weights."""
    from wagtail.models import Site

    from chatbot.index import documents_for_site
    from chatbot.normalise import STOPWOORDEN

    site = Site.objects.get(is_default_site=True)
    products = [
        (
            document.slug,
            set(
                _WORD.findall(
                    " ".join(
                        [
                            document.title,
                            document.upl_naam,
                            *document.zoektermen,
                            *document.vragen,
                            document.kort_antwoord,
                            document.tekst,
                        ]
                    ).lower()
                )
            ),
        )
        for document in documents_for_site(site)
    ]

    def ask(vraag: str) -> Uitkomst:
        words = {w for w in _WORD.findall(vraag.lower()) if w not in STOPWOORDEN}
        scored = sorted(
            (
                (len(words & vocabulary), -order, slug)
                for order, (slug, vocabulary) in enumerate(products)
            ),
            reverse=True,
        )
        ranked = tuple(slug for count, _, slug in scored if count > 0)[:4]
        return Uitkomst(ranked=ranked, score=float(scored[0][0]) if scored else 0.0)

    return ask


def matcher() -> Callable[[str], Uitkomst]:
    from wagtail.models import Site

    from chatbot.index import index_for_site
    from chatbot.matching import match

    index = index_for_site(Site.objects.get(is_default_site=True))

    def ask(vraag: str) -> Uitkomst:
        result = match(vraag, index, drempel=0.0)
        return Uitkomst(
            ranked=tuple(k.slug for k in result.kandidaten), score=result.score
        )

    return ask


def tune_matcher(vragen: Sequence[Vraag]) -> None:
    """Grid over the weight of unknown words and the threshold (afstemming only)."""
    from chatbot import matching

    original = matching.UNKNOWN_WEIGHT
    for weight in (0.25, 0.35, 0.5, 0.75, 1.0):
        matching.UNKNOWN_WEIGHT = weight
        ask = matcher()
        uitkomsten = [ask(v.tekst) for v in vragen]
        drempel, handled = choose_threshold(
            vragen, uitkomsten, [t / 100 for t in range(5, 80)]
        )
        c = measure(vragen, uitkomsten, drempel)
        print(
            f"matcher UNKNOWN_WEIGHT {weight:.2f}: drempel {drempel:.2f}, "
            f"{handled} van de {len(vragen)} goed afgehandeld "
            f"(top-1 {c.top1:.1%}, fallback-precision {c.precision:.1%}, "
            f"recall {c.recall:.1%})"
        )
    matching.UNKNOWN_WEIGHT = original


def _row(naam: str, c: Cijfers) -> str:
    return (
        f"| {naam} | {c.beantwoordbaar} | {c.top1:.1%} | {c.top3:.1%} | "
        f"{c.goed_beantwoord:.1%} | {c.fallback_vragen} | {c.precision:.1%} | "
        f"{c.recall:.1%} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--afstemmen", action="store_true")
    parser.add_argument("--fouten", action="store_true")
    args = parser.parse_args()

    setup_demo_database()
    from django.conf import settings

    vragen = read_questions()
    systems = {"matcher": matcher(), "baseline": keyword_baseline()}
    uitkomsten = {name: [ask(v.tekst) for v in vragen] for name, ask in systems.items()}
    afstemming = [i for i, v in enumerate(vragen) if v.set == "afstemming"]

    def subset(name: str, indices: list[int]) -> tuple[list[Vraag], list[Uitkomst]]:
        return [vragen[i] for i in indices], [uitkomsten[name][i] for i in indices]

    # Thresholds are chosen on the afstemming questions only.
    baseline_drempel, baseline_handled = choose_threshold(
        *subset("baseline", afstemming), [1.0, 2.0, 3.0, 4.0]
    )
    if args.afstemmen:
        print(
            f"baseline: minstens {baseline_drempel:.0f} woorden overlap, "
            f"{baseline_handled} van de {len(afstemming)} afstemmingsvragen goed"
        )
        tune_matcher([vragen[i] for i in afstemming])
        return

    drempels = {"matcher": settings.CHATBOT_DREMPEL, "baseline": baseline_drempel}
    print(
        f"{len(vragen)} vragen: "
        + ", ".join(f"{s} {sum(1 for v in vragen if v.set == s)}" for s in SETS)
        + f"; matcher-drempel {drempels['matcher']:.2f} (CHATBOT_DREMPEL), "
        f"baseline: fallback onder {baseline_drempel:.0f} woorden overlap"
    )
    print()
    print(
        "| systeem, set | beantwoordbaar | top-1 | top-3 | goed beantwoord | "
        "fallbackvragen | fallback-precision | fallback-recall |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for name in systems:
        for set_name in (*SETS, "alle"):
            indices = [i for i, v in enumerate(vragen) if set_name in (v.set, "alle")]
            print(
                _row(
                    f"{name}, {set_name}",
                    measure(*subset(name, indices), drempels[name]),
                )
            )
    if args.fouten:
        print()
        for i, vraag in enumerate(vragen):
            u = uitkomsten["matcher"][i]
            fell_back = u.score < drempels["matcher"]
            right = (
                fell_back
                if vraag.is_fallback
                else (not fell_back and u.ranked[:1] and u.ranked[0] in vraag.verwacht)
            )
            if not right:
                print(
                    f"{vraag.set:10} {u.score:.2f} {vraag.tekst!r}: verwacht "
                    f"{'|'.join(sorted(vraag.verwacht))}, kreeg {list(u.ranked[:3])}"
                )


if __name__ == "__main__":
    main()

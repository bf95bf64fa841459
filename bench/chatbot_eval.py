"""How well does the chatbot answer questions other people wrote? Next to a keyword baseline.

    .venv/bin/python bench/chatbot_eval.py              # development set only
    .venv/bin/python bench/chatbot_eval.py --fouten     # and every miss on it
    .venv/bin/python bench/chatbot_eval.py --toets      # also the first test set (already scored)
    .venv/bin/python bench/chatbot_eval.py --toets2     # also the second test set (already scored)
    .venv/bin/python bench/chatbot_eval.py --toets3     # also the third test set (already scored)
    .venv/bin/python bench/chatbot_eval.py --toets4     # also the fourth test set (already scored)
    .venv/bin/python bench/chatbot_eval.py --toets5     # also the fifth test set (once, at the end)

Questions: ``bench/chatbot/vragen_extern.csv`` (first collection, e001-e402)
``bench/chatbot/vragen_extern_2.csv`` (second collection, e403-e600),
``bench/chatbot/vragen_extern_3.csv`` (third collection, e601-e680) and
``bench/chatbot/vragen_extern_4.csv`` (fourth collection, e681-e808) and
``bench/chatbot/vragen_extern_5.csv`` (fifth collection, e809-e920),
copied from public sources (``bench/chatbot/README.md`` names them). ``verwacht`` is the slug of the
product that answers the question (``a|b`` when several are right) or
``buiten`` when it is not the Voorbeeldstad catalogue's (the chatbot should
hand over, or say who handles it). ``set`` is ``ontwikkel`` (tune on it), ``toets``
(the first test set: scored before and after the earlier work, so no longer
held out; printed for comparison, never tuned on), ``toets2`` (the second
test set, drawn from the second collection; scored once, so no longer held
out either), ``toets3`` (the third test set, drawn from the third
collection; scored once), ``toets4`` (the fourth test set, drawn from the
fourth collection; scored once) or ``toets5`` (the fifth test set, drawn from
the fifth collection; score once). Each split was drawn
before any tuning, stratified by label with a fixed seed, and is stored in the
file.

Both systems get the same demo catalogue (a throwaway database, see
``bench/_django.py``) and the same questions. Metrics per set:

- top-1 / top-3: share of answerable questions whose expected product is
  ranked first / in the first three (whatever the fallback decision);
- out-of-scope recall: share of ``buiten`` questions that were not answered
  with a product (handed over, or "not the gemeente's");
- fallback precision: share of the questions not answered with a product
  that were ``buiten`` questions.

The old team-written questions (``regressie_team.csv``) are printed as a
regression check only; they are no quality figure.
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

HERE = Path(__file__).resolve().parent / "chatbot"
VRAGEN = HERE / "vragen_extern.csv"
VRAGEN_2 = HERE / "vragen_extern_2.csv"
VRAGEN_3 = HERE / "vragen_extern_3.csv"
VRAGEN_4 = HERE / "vragen_extern_4.csv"
VRAGEN_5 = HERE / "vragen_extern_5.csv"
REGRESSIE = HERE / "regressie_team.csv"
BUITEN = "buiten"
SECOND_COLLECTION = "e403"
"""The first id of ``vragen_extern_2.csv``."""
THIRD_COLLECTION = "e601"
"""The first id of ``vragen_extern_3.csv``."""
FOURTH_COLLECTION = "e681"
"""The first id of ``vragen_extern_4.csv``."""
FIFTH_COLLECTION = "e809"
"""The first id of ``vragen_extern_5.csv``."""


@dataclass(frozen=True)
class Vraag:
    id: str
    tekst: str
    verwacht: frozenset[str]
    set: str
    instantie: str = ""

    @property
    def buiten(self) -> bool:
        return self.verwacht == {BUITEN}


@dataclass(frozen=True)
class Uitkomst:
    ranked: tuple[str, ...]
    fallback: bool
    score: float = 0.0
    instantie: str = ""


def read_questions(
    paths: Sequence[Path] = (VRAGEN, VRAGEN_2, VRAGEN_3, VRAGEN_4, VRAGEN_5),
) -> list[Vraag]:
    vragen: list[Vraag] = []
    for path in paths:
        with path.open(encoding="utf-8", newline="") as handle:
            vragen.extend(
                Vraag(
                    id=row["id"],
                    tekst=row["vraag"],
                    verwacht=frozenset(row["verwacht"].split("|")),
                    set=row["set"],
                    instantie=row.get("instantie", ""),
                )
                for row in csv.DictReader(handle)
            )
    return vragen


def read_regression(path: Path = REGRESSIE) -> list[Vraag]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            Vraag(
                id=f"r{i}",
                tekst=row["vraag"],
                verwacht=frozenset(
                    BUITEN if v == "fallback" else v for v in row["verwacht"].split("|")
                ),
                set="regressie",
            )
            for i, row in enumerate(csv.DictReader(handle))
        ]


@dataclass(frozen=True)
class Cijfers:
    beantwoordbaar: int
    buiten: int
    top1: float
    top3: float
    recall: float
    precision: float


def measure(vragen: Sequence[Vraag], uitkomsten: Sequence[Uitkomst]) -> Cijfers:
    pairs = list(zip(vragen, uitkomsten, strict=True))
    answerable = [(v, u) for v, u in pairs if not v.buiten]
    outside = [(v, u) for v, u in pairs if v.buiten]
    top1 = sum(1 for v, u in answerable if u.ranked[:1] and u.ranked[0] in v.verwacht)
    top3 = sum(1 for v, u in answerable if set(u.ranked[:3]) & v.verwacht)
    fell_back = [v for v, u in pairs if u.fallback]
    tp = sum(1 for v in fell_back if v.buiten)
    return Cijfers(
        beantwoordbaar=len(answerable),
        buiten=len(outside),
        top1=top1 / (len(answerable) or 1),
        top3=top3 / (len(answerable) or 1),
        recall=tp / (len(outside) or 1),
        precision=tp / len(fell_back) if fell_back else 1.0,
    )


def whose(
    vragen: Sequence[Vraag], uitkomsten: Sequence[Uitkomst], known: set[str]
) -> tuple[int, int]:
    """Of the ``buiten`` questions whose expected organisation is one the
    chatbot knows (a row of ``chatbot/data/instanties.csv``): how many got an
    answer that names that organisation, and how many there are."""
    pairs = [
        (v, u)
        for v, u in zip(vragen, uitkomsten, strict=True)
        if v.buiten and v.instantie in known
    ]
    return sum(1 for v, u in pairs if u.instantie == v.instantie), len(pairs)


# --- the baseline: plain word overlap --------------------------------------

_WORD = re.compile(r"\w+")


def keyword_baseline(min_overlap: int = 1) -> Callable[[str], Uitkomst]:
    """Count the question's lower-case words (without stop words) that occur
    anywhere in a product's text; no stemming, synonyms, typo tolerance or
    field weights. Falls back below ``min_overlap`` shared words."""
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
        best = scored[0][0] if scored else 0
        return Uitkomst(ranked=ranked, fallback=best < min_overlap, score=float(best))

    return ask


def chatbot() -> Callable[[str], Uitkomst]:
    """The whole ``chatbot.answer`` (no session, no log): what a citizen gets."""
    from wagtail.models import Site

    from chatbot.answers import answer

    site = Site.objects.get(is_default_site=True)

    def ask(vraag: str) -> Uitkomst:
        result = answer(vraag, site=site, log=False)
        return Uitkomst(
            ranked=result.ranked,
            fallback=result.fallback,
            score=result.score,
            instantie=result.instantie,
        )

    return ask


def choose_baseline_overlap(vragen: Sequence[Vraag]) -> int:
    """The minimum overlap that handles most development questions well."""

    def handled(n: int) -> int:
        ask = keyword_baseline(n)
        good = 0
        for v in vragen:
            u = ask(v.tekst)
            if v.buiten:
                good += u.fallback
            else:
                good += (
                    (not u.fallback) and bool(u.ranked) and u.ranked[0] in v.verwacht
                )
        return good

    return max((1, 2, 3), key=lambda n: (handled(n), -n))


def _row(name: str, c: Cijfers) -> str:
    return (
        f"| {name} | {c.beantwoordbaar} | {c.top1:.1%} | {c.top3:.1%} | "
        f"{c.buiten} | {c.recall:.1%} | {c.precision:.1%} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--toets", action="store_true", help="also score the first test set"
    )
    parser.add_argument(
        "--toets2", action="store_true", help="also score the second test set"
    )
    parser.add_argument(
        "--toets3", action="store_true", help="also score the third test set"
    )
    parser.add_argument(
        "--toets4", action="store_true", help="also score the fourth test set"
    )
    parser.add_argument(
        "--toets5", action="store_true", help="also score the fifth test set (once)"
    )
    parser.add_argument("--fouten", action="store_true", help="list development misses")
    args = parser.parse_args()

    setup_demo_database()
    vragen = read_questions()
    sets = ["ontwikkel"]
    sets += ["toets"] if args.toets else []
    sets += ["toets2"] if args.toets2 else []
    sets += ["toets3"] if args.toets3 else []
    sets += ["toets4"] if args.toets4 else []
    sets += ["toets5"] if args.toets5 else []
    dev = [v for v in vragen if v.set == "ontwikkel"]
    overlap = choose_baseline_overlap(dev)
    systems = {"chatbot": chatbot(), "baseline": keyword_baseline(overlap)}
    regressie = read_regression()

    print(
        f"{len(vragen)} vragen ({sum(v.set == 'ontwikkel' for v in vragen)} ontwikkel, "
        f"{sum(v.set == 'toets' for v in vragen)} toets, "
        f"{sum(v.set == 'toets2' for v in vragen)} toets2, "
        f"{sum(v.set == 'toets3' for v in vragen)} toets3, "
        f"{sum(v.set == 'toets4' for v in vragen)} toets4, "
        f"{sum(v.set == 'toets5' for v in vragen)} toets5); baseline valt terug onder "
        f"{overlap} gedeelde woorden (gekozen op ontwikkel)"
    )
    print()
    print(
        "| systeem, set | beantwoordbaar | top-1 | top-3 | buiten | "
        "buiten-recall | fallback-precisie |"
    )
    print("|---|---|---|---|---|---|---|")
    uitkomsten: dict[str, dict[str, Uitkomst]] = {}
    for name, ask in systems.items():
        uitkomsten[name] = {v.id: ask(v.tekst) for v in vragen if v.set in sets}
        for set_name in sets:
            subset = [v for v in vragen if v.set == set_name]
            print(
                _row(
                    f"{name}, {set_name}",
                    measure(subset, [uitkomsten[name][v.id] for v in subset]),
                )
            )
            if set_name == "ontwikkel":
                for label, first, last in (
                    ("tweede", SECOND_COLLECTION, THIRD_COLLECTION),
                    ("derde", THIRD_COLLECTION, FOURTH_COLLECTION),
                    ("vierde", FOURTH_COLLECTION, FIFTH_COLLECTION),
                    ("vijfde", FIFTH_COLLECTION, "f"),
                ):
                    part = [v for v in subset if first <= v.id < last]
                    print(
                        _row(
                            f"{name}, ontwikkel uit de {label} verzameling",
                            measure(part, [uitkomsten[name][v.id] for v in part]),
                        )
                    )
    from chatbot.instanties import instanties

    known = set(instanties())
    for set_name in sets:
        subset = [v for v in vragen if v.set == set_name]
        right, total = whose(
            subset, [uitkomsten["chatbot"][v.id] for v in subset], known
        )
        print(
            f"chatbot, {set_name}: {right} van {total} buiten-vragen met een bekende "
            "instantie noemen die instantie (niet van de gemeente, maar van wie)"
        )
    print(
        _row(
            "chatbot, regressie (teamvragen, geen kwaliteitscijfer)",
            measure(regressie, [systems["chatbot"](v.tekst) for v in regressie]),
        )
    )
    if args.fouten:
        print()
        for v in dev:
            u = uitkomsten["chatbot"][v.id]
            right = (
                u.fallback if v.buiten else (u.ranked[:1] and u.ranked[0] in v.verwacht)
            )
            if not right:
                print(
                    f"{v.id} {u.score:.2f} {'FB' if u.fallback else '  '} {v.tekst!r}: "
                    f"verwacht {'|'.join(sorted(v.verwacht))}, kreeg {list(u.ranked[:3])}"
                )


if __name__ == "__main__":
    main()

"""How fast does the chatbot answer? p50 and p95 over the demo and over 5,000 products.

    .venv/bin/python bench/chatbot_speed.py [--rondes 3] [--producten 5000] [--cpu] [--vragen 200]

Runs on one core (the process is pinned to CPU 0 where the OS allows it).

1. Demo catalogue (50 products, throwaway database from ``bench/_django.py``):
   the whole ``chatbot.answer()`` per question, as the endpoint runs it:
   matching, reading the stored rendering and writing the log entry.
2. Generated catalogue of 5,000 products, built in memory from the demo
   products: each demo product in 100 local variations (other qualifiers in
   the title, a different subset of zoektermen and questions, shuffled body
   text, and invented place and street names that grow the vocabulary to
   what thousands of real products have). Only matching is timed here: the
   stored rendering and the log are one indexed query each, the same at any
   catalogue size, and are timed in part 1.
3. The whole request at 5,000 products: ``POST /api/chatbot/vraag`` through
   Django's test client (rate limit, JSON, matching over the generated index
   of 5,000 products plus the other organisations' products, reading the
   stored rendering, writing the log entry, the JSON answer). The generated
   products point at the demo pages their variation came from, so a stored
   rendering exists for each.

The questions are all of ``bench/chatbot/vragen_extern.csv``, several rounds.
"Koud" empties the index's cache of resolved words before each question (every
word looked up again, typo search included); "warm" keeps it, as in a running
process where most words have been asked before. The time to build each
index is printed too (once per catalogue version and process).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import random
import statistics
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _django import setup_demo_database
from chatbot_eval import VRAGEN, VRAGEN_2, read_questions, read_regression

QUALIFIERS = [
    "voor inwoners",
    "voor ondernemers",
    "met spoed",
    "voor kinderen",
    "voor 65-plussers",
    "in het buitenland",
    "digitaal",
    "aan de balie",
    "voor studenten",
    "tijdelijk",
]
SYLLABLES = [
    "ber", "dam", "drecht", "bro", "ek", "ho", "ven", "wijk", "zan", "lo",
    "mer", "hui", "sen", "kerk", "veld", "mond", "oor", "stein", "gen", "til",
]  # fmt: skip
STREET_SUFFIXES = ["straat", "laan", "weg", "plein", "dreef", "hof"]


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


CLOCK = time.perf_counter
"""Wall-clock time; ``--cpu`` uses the process's CPU time instead, which a
machine shared with other work disturbs much less."""


def timed(
    ask: Callable[[str], object],
    questions: list[str],
    rounds: int,
    *,
    reset: Callable[[], None] | None = None,
) -> list[float]:
    ask(questions[0])  # warm up: build the index
    durations = []
    for _ in range(rounds):
        for question in questions:
            if reset:
                reset()
            start = CLOCK()
            ask(question)
            durations.append((CLOCK() - start) * 1000)
    return durations


def report(name: str, durations: list[float]) -> None:
    print(
        f"| {name} | {len(durations)} | {statistics.median(durations):.2f} ms | "
        f"{percentile(durations, 0.95):.2f} ms | {max(durations):.2f} ms |"
    )


def invented_name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))


def generated_catalogue(base, size: int, *, seed: int = 8):
    """``size`` realistic variations of the demo documents ``base``."""
    from chatbot.index import ProductDocument

    rng = random.Random(seed)  # noqa: S311 (test data, not security)
    documents = []
    for number in range(size):
        source = base[number % len(base)]
        plaats = invented_name(rng).capitalize()
        straat = invented_name(rng).capitalize() + rng.choice(STREET_SUFFIXES)
        sentences = source.tekst.split(". ")
        rng.shuffle(sentences)
        zoektermen = list(source.zoektermen)
        vragen = list(source.vragen)
        documents.append(
            ProductDocument(
                slug=f"{source.slug}-{number}",
                title=f"{source.title} {rng.choice(QUALIFIERS)} in {plaats}",
                upl_naam=source.upl_naam,
                zoektermen=(
                    *rng.sample(
                        zoektermen, k=max(1, len(zoektermen) - rng.randint(0, 3))
                    ),
                    f"{source.upl_naam} {plaats}",
                ),
                vragen=tuple(rng.sample(vragen, k=len(vragen) - rng.randint(0, 1))),
                kort_antwoord=source.kort_antwoord,
                tekst=". ".join(sentences)
                + f". Kom naar het loket aan de {straat} in {plaats}.",
                thema=source.thema,
                page_id=source.page_id,
                contact=source.contact,
                online_url=source.online_url,
                advies_kanaal=source.advies_kanaal,
            )
        )
    return documents


def request(client, q: str) -> dict:
    """``POST /api/chatbot/vraag`` with ``q``; the JSON answer."""
    response = client.post(
        "/api/chatbot/vraag",
        data=json.dumps({"vraag": q}),
        content_type="application/json",
    )
    if response.status_code != 200:
        raise RuntimeError(response.content)
    return response.json()


@contextlib.contextmanager
def serving(index) -> Iterator[None]:
    """The endpoint answers from ``index``, without a rate limit."""
    from django.test import override_settings

    with (
        override_settings(CHATBOT_RATE_LIMIT="1000000/m", ALLOWED_HOSTS=["*"]),
        mock.patch("chatbot.answers.index_for_site", return_value=index),
    ):
        yield


def outcome_questions() -> list[str]:
    """The development rows of all five outside sets and the team's
    regression questions: what ``--uitkomsten`` runs."""
    return [
        *(v.tekst for v in read_questions() if v.set == "ontwikkel"),
        *(v.tekst for v in read_regression()),
    ]


def write_outcomes(path: Path, indexes: dict) -> None:
    """Every outcome a change for speed must leave as it was: per question
    and catalogue ``match()``'s candidates, scores, decision and features,
    and the whole request's JSON over the generated catalogue (without the
    random ``kenmerk``). Floats as ``repr``, so any difference shows."""
    from django.test import Client

    from chatbot.matching import match

    questions = outcome_questions()
    client = Client()
    lines = 0
    with path.open("w", encoding="utf-8") as out:
        for name, index in indexes.items():
            for q in questions:
                found = match(q, index, keep_rows=True)
                row = {
                    "index": name,
                    "vraag": q,
                    "kandidaten": [repr(k) for k in found.kandidaten],
                    "fallback": found.fallback,
                    "buiten": repr(found.buiten),
                    "kans_buiten": repr(found.kans_buiten),
                    "kenmerken": repr(found.kenmerken),
                    "vraag_kenmerken": repr(found.vraag_kenmerken),
                    "rijen": repr(found.rijen),
                    "analyse": repr(found.analyse),
                }
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
                lines += 1
        with serving(indexes["groot"]):
            for q in questions:
                body = request(client, q)
                if body.get("terugkoppeling"):
                    body["terugkoppeling"]["kenmerk"] = "-"
                out.write(
                    json.dumps({"verzoek": q, "antwoord": body}, ensure_ascii=False)
                    + "\n"
                )
                lines += 1
    print(f"{lines} uitkomsten ({len(questions)} vragen) in {path}")


def profile(index, questions: list[str], n: int) -> None:
    """cProfile over ``n`` whole requests (warm: every question asked once
    before), the functions that take the most time."""
    import cProfile
    import pstats

    from django.test import Client

    client = Client()
    asked = (questions * (1 + n // max(1, len(questions))))[:n]
    with serving(index):
        for q in asked:
            request(client, q)
        profiler = cProfile.Profile(time.process_time)
        profiler.enable()
        for q in asked:
            request(client, q)
        profiler.disable()
    stats = pstats.Stats(profiler).sort_stats("cumulative")
    stats.print_stats(45)
    stats.sort_stats("tottime").print_stats(30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rondes", type=int, default=2)
    parser.add_argument("--producten", type=int, default=5000)
    parser.add_argument(
        "--cpu", action="store_true", help="CPU time of the process, not wall clock"
    )
    parser.add_argument("--vragen", type=int, default=0, help="only the first N")
    parser.add_argument(
        "--uitkomsten",
        type=Path,
        help="write every outcome (match() over both catalogues and the whole "
        "request's JSON, development rows of all five sets and the team's "
        "regression questions) to this file and stop: run with the old and the "
        "new code and compare the files (they must be byte-identical)",
    )
    parser.add_argument(
        "--profiel",
        type=int,
        default=0,
        help="profile this many whole requests over the generated catalogue "
        "(cProfile, warm) and print where the time goes, instead of timing",
    )
    args = parser.parse_args()
    global CLOCK
    if args.cpu:
        CLOCK = time.process_time
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {0})

    setup_demo_database()
    from wagtail.models import Site

    from chatbot.answers import answer
    from chatbot.index import (
        build_index,
        documents_for_site,
        extra_documents,
        index_for_site,
    )
    from chatbot.matching import match, prepare

    site = Site.objects.get(is_default_site=True)
    # The same 600 questions as the earlier runs (the third collection holds a
    # test set; timing it would not leak its figures, but it is left out).
    questions = [vraag.tekst for vraag in read_questions((VRAGEN, VRAGEN_2))]
    if args.vragen:
        questions = questions[: args.vragen]

    start = time.perf_counter()
    demo_index = index_for_site(site)
    demo_build = (time.perf_counter() - start) * 1000

    base = documents_for_site(site)
    generated = generated_catalogue(base, args.producten)
    start = time.perf_counter()
    # The same catalogue version as the demo's index: the generated products
    # point at the demo pages, whose stored renderings are current; and the
    # same tree roots, which a real index carries (``is_public`` uses them).
    big_index = prepare(
        build_index(
            [*generated, *extra_documents()],
            version=demo_index.version,
            renderings=demo_index.renderings,
            valid_until=demo_index.valid_until,
            roots=demo_index.roots,
        )
    )
    big_build = (time.perf_counter() - start) * 1000
    vocabulary = len(big_index.word_stems)

    if args.uitkomsten:
        write_outcomes(args.uitkomsten, {"demo": demo_index, "groot": big_index})
        return
    if args.profiel:
        profile(big_index, questions, args.profiel)
        return

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"Belasting van de machine bij de start (load average, 1 min): {load:.1f} "
        f"op {os.cpu_count()} kernen"
    )
    print(
        f"{len(questions)} vragen x {args.rondes} rondes, op 1 kern, "
        f"{'CPU-tijd van het proces' if args.cpu else 'wandkloktijd'}. Index bouwen: "
        f"demo {demo_build:.0f} ms ({len(demo_index.documents)} producten, uit de "
        f"database), gegenereerd {big_build:.0f} ms ({len(generated)} producten, "
        f"{vocabulary} woordvormen)"
    )
    print()
    print("| catalogus, wat gemeten | vragen | p50 | p95 | max |")
    print("|---|---|---|---|---|")
    report(
        f"demo ({len(demo_index.documents)}), heel answer() met log",
        timed(lambda q: answer(q, site=site), questions, args.rondes),
    )
    for name, index in (
        (f"demo ({len(demo_index.documents)})", demo_index),
        (f"gegenereerd ({len(generated)})", big_index),
    ):
        # Cold: the index's cache of resolved words (typo look-ups) emptied
        # before every question, as for a question with only new words.
        report(
            f"{name}, alleen matchen, koud",
            timed(
                lambda q, index=index: match(q, index),
                questions,
                args.rondes,
                reset=index._resolved.clear,
            ),
        )
        report(
            f"{name}, alleen matchen, warm",
            timed(lambda q, index=index: match(q, index), questions, args.rondes),
        )

    # The whole request over the generated catalogue.
    # The refused GETs of the reference would each log a warning.
    logging.getLogger("django.request").setLevel(logging.ERROR)

    def empty_request(q: str) -> None:
        # The reference in the same run: Django's test client and middleware
        # only, a GET the endpoint refuses at once (405).
        if client.get("/api/chatbot/vraag").status_code != 405:
            raise RuntimeError("GET should be refused")

    from django.test import Client

    client = Client()
    with serving(big_index):
        report(
            "referentie: leeg verzoek GET /api/chatbot/vraag (405)",
            timed(empty_request, questions, args.rondes),
        )
        report(
            f"gegenereerd ({len(generated)}), heel verzoek POST /api/chatbot/vraag",
            timed(lambda q: request(client, q), questions, args.rondes),
        )


if __name__ == "__main__":
    main()

"""The first chatbot question after a publication, with and without the
background build of the new index (``CHATBOT_INDEX_ACHTERGROND``).

Usage: ``.venv/bin/python bench/chatbot_na_publicatie.py [--rondes 3]``

On the demo (Voorbeeldstad) in a throwaway SQLite file: per round, publish a
product again (a new catalogue version), then time the next question with the
background build on (the answer comes from the previous index), the build
itself, and, after another publication, the next question with it off (the
question waits for the build). Reference in the same run: a warm answer of
the same question. Wall-clock milliseconds; the load is printed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _django import setup_demo_database

VRAAG = "hoe vraag ik een paspoort aan"


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rondes", type=int, default=3)
    args = parser.parse_args()

    setup_demo_database()
    from django.conf import settings
    from wagtail.models import Site

    from chatbot.answers import answer
    from chatbot.index import wait_for_builds
    from contenthub.models import ProductPage

    site = Site.objects.get(is_default_site=True)
    page = ProductPage.objects.live().get(
        slug="paspoort", path__startswith=site.root_page.path
    )

    def publish() -> None:
        ProductPage.objects.get(pk=page.pk).save_revision().publish()

    def ask() -> float:
        start = time.perf_counter()
        answer(VRAAG, site=site, log=False)
        return _ms(start)

    first = ask()  # the process's first index
    rows: dict[str, list[float]] = {
        "warme vraag (referentie)": [],
        "eerste vraag na publicatie, bouwen op de achtergrond": [],
        "  rest van het bouwen, na het antwoord": [],
        "eerste vraag na publicatie, vraag wacht op het bouwen": [],
    }
    for _ in range(args.rondes):
        rows["warme vraag (referentie)"].append(ask())

        settings.CHATBOT_INDEX_ACHTERGROND = True
        publish()
        rows["eerste vraag na publicatie, bouwen op de achtergrond"].append(ask())
        start = time.perf_counter()
        wait_for_builds()
        rows["  rest van het bouwen, na het antwoord"].append(_ms(start))
        ask()

        settings.CHATBOT_INDEX_ACHTERGROND = False
        publish()
        rows["eerste vraag na publicatie, vraag wacht op het bouwen"].append(ask())

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"Belasting (load average, 1 min): {load:.1f}; {args.rondes} rondes")
    print(f"Eerste index van het proces: {first:.0f} ms")
    print()
    print("| wat | mediaan | max |")
    print("|---|---|---|")
    for label, values in rows.items():
        print(
            f"| {label} | {statistics.median(values):.1f} ms | {max(values):.1f} ms |"
        )


if __name__ == "__main__":
    main()

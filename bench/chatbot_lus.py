"""What the editors' loop is worth: fix the development set's wrong answers, watch the test set.

    .venv/bin/python bench/chatbot_lus.py [--set toets3]

One by one, every development question the chatbot gets wrong is handled as
an editor would in ``/admin/chatbot/verbeteren/``: a question with a product
is linked to its (first) expected product as a zoekterm, through a new
revision published with ``revision.publish()`` (the publication gate runs);
a ``buiten`` question that got a product is marked "niet van de gemeente".
After every fifth action and at the end the test set is scored again. The
test questions themselves are never linked or marked.

The test set is ``toets3`` (the third collection's) by default. Run this only
after that set has been scored once for the chatbot's own figure
(``chatbot_eval.py --toets3``): what it prints is what the loop adds, and
nothing is tuned on it afterwards.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _django import setup_demo_database
from chatbot_eval import chatbot, measure, read_questions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default="toets3", help="the test set to watch")
    args = parser.parse_args()
    setup_demo_database()
    from django.contrib.auth.models import User
    from wagtail.models import Site

    from chatbot.answers import answer, forget_marks
    from chatbot.models import Vraaglog
    from chatbot.normalise import normalised_key
    from chatbot.privacy import scrub
    from chatbot.verbeteren import add_zoekterm
    from contenthub.models import ProductPage

    site = Site.objects.get(is_default_site=True)
    user = User.objects.create_superuser("lus", "lus@example.invalid", "x")
    vragen = read_questions()
    dev = [v for v in vragen if v.set == "ontwikkel"]
    test = [v for v in vragen if v.set == args.set]

    def score_test(label: str) -> None:
        ask = chatbot()
        c = measure(test, [ask(v.tekst) for v in test])
        print(
            f"| {label} | {c.top1:.1%} | {c.top3:.1%} | {c.recall:.1%} | "
            f"{c.precision:.1%} |"
        )

    print(
        f"| na | top-1 {args.set} | top-3 {args.set} | buiten-recall {args.set} | "
        f"fallback-precisie {args.set} |"
    )
    print("|---|---|---|---|---|")
    score_test("0 acties")
    actions = 0
    for v in dev:
        result = answer(v.tekst, site=site, log=False)
        right = (
            result.fallback
            if v.buiten
            else (
                not result.fallback
                and result.ranked[:1]
                and result.ranked[0] in v.verwacht
            )
        )
        if right:
            continue
        if v.buiten:
            Vraaglog.objects.create(
                vraag=scrub(v.tekst),
                genormaliseerd=normalised_key(scrub(v.tekst)),
                score=result.score,
                fallback=result.fallback,
                site=site,
                status=Vraaglog.Status.NIET_GEMEENTE,
            )
            forget_marks(site.pk)
        else:
            slug = sorted(v.verwacht)[0]
            page = ProductPage.objects.get(slug=slug, locale__language_code="nl")
            zoekterm = " ".join(scrub(v.tekst).lower().split())[:100].rstrip(" ?!.")
            add_zoekterm(page, zoekterm, user=user)
        actions += 1
        if actions % 5 == 0:
            score_test(f"{actions} acties")
    score_test(f"{actions} acties (alle fouten van ontwikkel)")


if __name__ == "__main__":
    main()

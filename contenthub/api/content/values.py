"""Product fields as the API shows them, from the page without a query.

StreamField blocks and rich text are interpreted by ``contenthub.structured``
(the one place that knows the blocks); these functions only pick the part a
field needs, so a list of products does not build whole snapshots.
"""

from __future__ import annotations

from decimal import Decimal

from contenthub.models import ProductPage

# The snapshot's own sanitiser and opening-hours reader, so the API and every
# channel show exactly the same HTML and hours.
from contenthub.structured import (
    KostenRegel,
    Openingstijd,
    Stap,
    Termijn,
    Vraag,
    richtext_html,
)
from contenthub.structured import sorted_openingstijden as openingstijden_of


def stappen(page: ProductPage) -> list[Stap]:
    return [
        Stap(
            titel=child.value["titel"],
            uitleg_html=richtext_html(child.value["uitleg"].source),
        )
        for child in page.aanvragen
    ]


def benodigdheden(page: ProductPage) -> list[str]:
    return [str(child.value) for child in page.benodigdheden]


def kosten(page: ProductPage) -> list[KostenRegel]:
    return [
        KostenRegel(
            omschrijving=child.value["omschrijving"],
            bedrag=Decimal(child.value["bedrag"]),
            per=child.value["per"],
        )
        for child in page.kosten
    ]


def termijn(page: ProductPage) -> Termijn | None:
    if page.termijn_omschrijving and page.termijn_dagen:
        return Termijn(
            page.termijn_omschrijving, page.termijn_dagen, page.termijn_eenheid
        )
    return None


def vragen(page: ProductPage) -> list[Vraag]:
    return [
        Vraag(vraag=child.value["vraag"], antwoord=child.value["antwoord"])
        for child in page.vragen
    ]


def openingstijden(stream) -> list[Openingstijd]:
    return list(openingstijden_of(stream))

"""Coming fees as the channels write them: "Vanaf 1 januari 2027: … € 88,55 per stuk".

An editor enters next year's fees in December (``geldig_vanaf``); every
channel shows today's fee, and the web page, the app and the letter add one
line per coming row so a citizen is not surprised on the date. On that date
``manage.py kostenwissel`` re-renders every channel, and the row moves from
"coming" to "today".
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone, translation
from django.utils.formats import date_format

from contenthub.kosten import english_date
from contenthub.structured import KostenRegel, ProductSnapshot

from .labels import label


def komende_regels(
    product: ProductSnapshot, datum: dt.date | None = None
) -> tuple[KostenRegel, ...]:
    """The fee rows that start after ``datum`` (today when not given)."""
    if product.kosten_gratis:
        return ()
    return product.komende_kosten(datum or timezone.localdate())


def komend_tekst(regel: KostenRegel) -> str:
    """One coming row as a line in the row's language."""
    if regel.taal == "en":
        vanaf = english_date(regel.geldig_vanaf) if regel.geldig_vanaf else ""
    else:
        with translation.override("nl"):
            vanaf = (
                date_format(regel.geldig_vanaf, "j F Y") if regel.geldig_vanaf else ""
            )
    return label(
        regel.taal,
        "vanaf",
        datum=vanaf,
        omschrijving=regel.omschrijving,
        bedrag=regel.bedrag_tekst,
        per=regel.per_label,
    )


def komende_teksten(
    product: ProductSnapshot, datum: dt.date | None = None
) -> list[str]:
    return [komend_tekst(regel) for regel in komende_regels(product, datum)]

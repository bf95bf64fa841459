"""The gate's verdict as an editor reads it: per field, with the suggestions."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from .fields import FIELD_LABELS
from .gate import GateResult
from .submission import SubmissionOutcome


def blocking_list(result: GateResult) -> SafeString:
    """Every blocking finding, per field, with the checkers' suggestions."""
    fields = [
        (FIELD_LABELS.get(field, field), [f for f in findings if f.blocks])
        for field, findings in result.per_field().items()
    ]
    items = format_html_join(
        "",
        "<li><strong>{}</strong><ul>{}</ul></li>",
        (
            (
                label,
                format_html_join(
                    "",
                    "<li>{} <em>{}</em></li>",
                    ((finding.message, finding.suggestion) for finding in findings),
                ),
            )
            for label, findings in fields
            if findings
        ),
    )
    return format_html("<ul>{}</ul>", items)


def blocked_message(result: GateResult, *, title: str) -> SafeString:
    return format_html(
        "'{}' is niet gepubliceerd. Uw versie is bewaard. Verbeter eerst dit:{}",
        title,
        blocking_list(result),
    )


def submission_message(outcome: SubmissionOutcome, *, title: str) -> SafeString:
    """What the writer reads after "Indienen" (see ``publicatie.submission``)."""
    if outcome.result.passed:
        return format_html(
            "'{}' is ter goedkeuring ingediend. De controle vond niets dat "
            "publicatie tegenhoudt.",
            title,
        )
    if outcome.help_requested:
        return format_html(
            "'{}' is ingediend met een vraag om hulp. Een communicatieadviseur kijkt "
            "met u mee. Het product wordt pas gepubliceerd als deze punten zijn "
            "opgelost:{}",
            title,
            blocking_list(outcome.result),
        )
    return format_html(
        "'{}' is niet ingediend: de controle houdt deze versie tegen. Uw versie is "
        "bewaard als concept en u kunt hem verder bewerken. Verbeter eerst dit:{}"
        "Komt u er niet uit? Kies dan 'Indienen met vraag om hulp'.",
        title,
        blocking_list(outcome.result),
    )


def doorwerking_message(doorwerking: Any, counts: dict[str, int] | None) -> SafeString:
    """What the national editor reads after publishing a basistekst.

    ``counts`` (``doorwerking.gemeente_counts``) once the run has ended, None
    while it still runs.
    """
    titel = str(doorwerking.basistekst)
    link = format_html(
        '<a href="{}">Bekijk de doorwerking</a>',
        reverse("quality_doorwerking", args=(doorwerking.pk,)),
    )
    if doorwerking.totaal == 0:
        return format_html(
            "De basistekst '{}' is gepubliceerd. Nog geen enkel product gebruikt "
            "hem, dus er werkt niets door.",
            titel,
        )
    if counts is None:
        return format_html(
            "De basistekst '{}' is gepubliceerd. De nieuwe tekst gaat nu naar {} "
            "product(en). {}: daar ziet u hoeveel gemeenten hem overnemen en "
            "hoeveel de controle tegenhoudt.",
            titel,
            doorwerking.totaal,
            link,
        )
    return format_html(
        "De basistekst '{}' is gepubliceerd. {} {}.",
        titel,
        gemeente_outcome(counts),
        link,
    )


def gemeente_outcome(counts: dict[str, int]) -> SafeString:
    """One sentence: how many gemeenten took the text, how many refused it."""
    if counts["overgenomen"] == 0 and counts["tegengehouden"] == 0:
        return format_html(
            "Geen enkele gemeente hoefde iets te veranderen: hun producten "
            "toonden deze tekst al of gebruiken een eigen tekst."
        )
    return format_html(
        "{} van de {} gemeenten namen de nieuwe tekst over; bij {} hield de "
        "publicatiecontrole hem tegen.",
        counts["overgenomen"],
        counts["gemeenten"],
        counts["tegengehouden"],
    )

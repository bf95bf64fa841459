"""The check a basistekst passes before it is published.

A basistekst goes to every gemeente that inherits it, so its own texts must
already meet taalniveau B1 (its English text: the plain-English rules) and
the WCAG rules for a text fragment. The local
combination (kosten, contact, the gemeente's own texts and every channel) is
checked per product by the publication gate during the doorwerking
(``publicatie/doorwerking.py``).

Like the page gate, the check holds in ``Basistekst.save()`` when a new
revision goes live (:func:`guard_basistekst_publication`), so every way to
publish (the admin, scheduled publishing, code) meets it; the admin hook in
``wagtail_hooks`` checks earlier to show the editor a message and keep the
draft.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from contenthub.findings import Finding

from .fields import FIELD_LABELS
from .gate import GateResult, PublicationBlocked

if TYPE_CHECKING:
    from contenthub.models import Basistekst

logger = logging.getLogger("publicatie")

PLAIN_FIELDS = frozenset({"kort_antwoord"})


def basistekst_as_product(basistekst: Basistekst) -> dict[str, Any]:
    """The shared texts in the shape ``taalcheck.product.product_texts`` takes."""
    return {
        "kort_antwoord": basistekst.kort_antwoord,
        "wat_is_het": basistekst.wat_is_het,
        "voorwaarden": basistekst.voorwaarden,
        "aanvragen": [
            {"titel": step.value["titel"], "uitleg": _html(step.value["uitleg"])}
            for step in basistekst.aanvragen
        ],
        "benodigdheden": [str(item.value) for item in basistekst.benodigdheden],
        "vragen": [
            {"vraag": item.value["vraag"], "antwoord": item.value["antwoord"]}
            for item in basistekst.vragen
        ],
        "bezwaar_en_beroep": basistekst.bezwaar_en_beroep,
    }


def _html(value: Any) -> str:
    # A step's uitleg is RichText, which keeps its stored HTML in ``source``.
    return getattr(value, "source", None) or str(value or "")


def check_basistekst(basistekst: Basistekst) -> GateResult:
    """Taalniveau and WCAG (as a fragment) of every shared text."""
    from wagtail.rich_text import expand_db_html

    from contenthub.talen import page_language
    from taalcheck.models import get_settings
    from taalcheck.product import product_texts
    from taalcheck.talen import checker_for
    from toegankelijkheid import check_html

    # The gate's check of the basistekst's language (taalcheck.talen), as a
    # product's texts in that language get it: B1 Dutch, plain English.
    judge = checker_for(
        page_language(basistekst),
        niveau=getattr(settings, "CONTENTHUB_TAALNIVEAU", "B1"),
        settings=get_settings(),
    )
    taal: list[Finding] = []
    wcag: list[Finding] = []
    for field, text in product_texts(basistekst_as_product(basistekst)):
        taal.extend(finding.in_field(field) for finding in judge(text))
        if field not in PLAIN_FIELDS:
            wcag.extend(
                finding.in_field(field)
                for finding in check_html(expand_db_html(text), fragment=True).findings
            )
    return GateResult(findings={"taal": taal, "toegankelijkheid": wcag})


def basistekst_summary(result: GateResult, *, titel: str) -> str:
    """What to fix before the basistekst can be published, in Dutch plain text."""
    lines = [
        f"De basistekst '{titel}' is niet gepubliceerd: {len(result.blocking)} "
        "punt(en) moeten eerst beter. Uw versie is bewaard als concept."
    ]
    for veld, findings in _blocking_per_field(result):
        lines.append(f"{FIELD_LABELS.get(veld, veld)}:")
        lines.extend(
            f"- {f.message}" + (f" {f.suggestion}" if f.suggestion else "")
            for f in findings
        )
    return "\n".join(lines)


def basistekst_message(result: GateResult, *, titel: str) -> SafeString:
    """The same, as an admin message."""
    items = format_html_join(
        "",
        "<li><strong>{}</strong><ul>{}</ul></li>",
        (
            (
                FIELD_LABELS.get(veld, veld),
                format_html_join(
                    "",
                    "<li>{} <em>{}</em></li>",
                    ((f.message, f.suggestion) for f in findings),
                ),
            )
            for veld, findings in _blocking_per_field(result)
        ),
    )
    return format_html(
        "De basistekst '{}' is niet gepubliceerd, want hij gaat naar elke gemeente "
        "die hem gebruikt. Uw versie is bewaard als concept. Verbeter eerst dit:<ul>{}</ul>",
        titel,
        items,
    )


def _blocking_per_field(result: GateResult) -> list[tuple[str, list[Finding]]]:
    return [
        (veld, blocking)
        for veld, findings in result.per_field().items()
        if (blocking := [f for f in findings if f.blocks])
    ]


@dataclass(frozen=True)
class _Subject:
    # What ``publish_scheduled`` reads from a blocked publication's ``page``.
    pk: int
    title: str


class BasistekstBlocked(PublicationBlocked):
    """A basistekst failed its check; nothing was published.

    A ``PublicationBlocked``, so ``publish_scheduled`` clears the schedule and
    carries on as it does for products.
    """

    def __init__(
        self, result: GateResult, *, basistekst: Basistekst, revision_id: int | None
    ) -> None:
        self.result = result
        self.basistekst = basistekst
        self.page = _Subject(pk=basistekst.pk, title=str(basistekst))
        self.revision_id = revision_id
        Exception.__init__(self, basistekst_summary(result, titel=str(basistekst)))


def guard_basistekst_live(basistekst: Basistekst, *, content_changed: bool) -> None:
    """The live guard of a basistekst (``contenthub.extensions``)."""
    guard_basistekst_publication(basistekst)


def guard_basistekst_publication(basistekst: Basistekst) -> None:
    """Called from ``Basistekst.save``: refuse a new live revision that fails the check."""
    if not (basistekst.pk and basistekst.live and basistekst.live_revision_id):
        return
    before = (
        type(basistekst)
        .objects.filter(pk=basistekst.pk)
        .values_list("live", "live_revision_id")
        .first()
    )
    if before == (True, basistekst.live_revision_id):
        return  # not a publication
    result = check_basistekst(basistekst)
    if not result.passed:
        logger.warning(
            "Basistekst niet gepubliceerd: %s\n%s",
            basistekst,
            basistekst_summary(result, titel=str(basistekst)),
        )
        raise BasistekstBlocked(
            result, basistekst=basistekst, revision_id=basistekst.live_revision_id
        )

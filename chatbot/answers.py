"""Answer one question: the service behind the endpoint, the command and the benchmarks.

The answer carries the product's *stored* chatbot rendering (made at
publication by ``renderers``), never a new rendering, so the chatbot says
exactly what the other channels say and a read costs one query.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .index import CatalogueIndex, Contactgegevens, ProductDocument, index_for_site
from .matching import Kandidaat, Match, analyse, match
from .normalise import normalised_key
from .privacy import scrub
from .sessions import (
    detect_intent,
    last_product,
    remember_product,
    without_intent,
)

if TYPE_CHECKING:
    from wagtail.models import Site

logger = logging.getLogger(__name__)

CLOSE_GUESS = 0.8
"""A handover goes to the best guess's contactpunt when the guess scored at
least this share of the threshold: it is probably the right department.
Otherwise it goes to the gemeente's general contactpunt."""

SWITCH_MARGIN = 0.8
"""In a session, a question that asks for a section ("wat kost ...") stays with
the last product unless another product explains it clearly better: the
last product's score is below this share of the best score."""

FALLBACK_BERICHT = (
    "Ik weet niet zeker wat u bedoelt, dus ik geef u liever geen verkeerd "
    "antwoord. Een medewerker helpt u graag verder."
)
GEEN_SECTIE_BERICHT = "Daar heb ik bij {titel} geen antwoord op. {bericht}"


@dataclass(frozen=True)
class Answer:
    """The outcome of one question: what was found and the JSON body to return."""

    vraag: str
    ranked: tuple[str, ...]
    """Product slugs, best first (at most four)."""
    fallback: bool
    body: dict[str, Any]
    score: float = 0.0
    product_id: int | None = None
    vervolgvraag: bool = False
    sectie: str | None = None
    scores: tuple[float, ...] = field(default=())


def default_site() -> Site:
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    if site is None:
        raise LookupError("Er is nog geen gemeente (Wagtail-site) ingericht.")
    return site


def answer(
    vraag: str,
    sessie: str | None = None,
    *,
    site: Site | None = None,
    log: bool = True,
) -> Answer:
    """Answer ``vraag`` for the gemeente of ``site`` (the default site if ``None``)."""
    from django.conf import settings

    site = site or default_site()
    index = index_for_site(site)
    vraag = " ".join(vraag.split())
    intent = detect_intent(vraag)
    result = match(vraag, index, drempel=settings.CHATBOT_DREMPEL)

    follow_up = _follow_up_product(
        vraag, result, index, intent=intent, sessie=sessie, site_id=site.pk
    )
    if follow_up is not None:
        chosen: Kandidaat | None = follow_up
        fallback = False
    else:
        chosen = result.best
        fallback = result.fallback

    rendering = None
    if not fallback and chosen is not None:
        rendering = stored_rendering(chosen.page_id)
        if rendering is None:
            # Unpublished between building the index and this read.
            logger.warning("Geen opgeslagen chatbotweergave voor %s", chosen.slug)
            fallback = True

    ranked = _ranked(result, chosen if follow_up else None)
    if fallback or chosen is None or rendering is None:
        fallback = True
        body = fallback_body(result, index, drempel=settings.CHATBOT_DREMPEL)
        sectie = None
    else:
        body, sectie = answer_body(
            chosen, rendering, result, intent=intent, vervolgvraag=bool(follow_up)
        )
        if sessie and chosen.page_id:
            remember_product(sessie=sessie, site_id=site.pk, page_id=chosen.page_id)

    outcome = Answer(
        vraag=vraag,
        ranked=tuple(k.slug for k in ranked),
        scores=tuple(k.score for k in ranked),
        fallback=fallback,
        body=body,
        score=chosen.score if chosen else 0.0,
        product_id=chosen.page_id if chosen else None,
        vervolgvraag=bool(follow_up),
        sectie=sectie,
    )
    if log:
        log_question(outcome, site=site)
    return outcome


def _follow_up_product(
    vraag: str,
    result: Match,
    index: CatalogueIndex,
    *,
    intent: str | None,
    sessie: str | None,
    site_id: int,
) -> Kandidaat | None:
    """The session's last product when this question is a follow-up about it."""
    if not (sessie and intent):
        return None
    page_id = last_product(sessie=sessie, site_id=site_id)
    position = _position_of(index, page_id)
    if position is None:
        return None
    previous = next(
        (k for k in result.kandidaten if k.position == position),
        None,
    )
    has_own_subject = bool(analyse(without_intent(vraag), index).termen)
    switches = (
        has_own_subject
        and not result.fallback
        and result.best is not None
        and result.best.position != position
        and (previous is None or previous.score < SWITCH_MARGIN * result.best.score)
    )
    if switches:
        return None
    document = index.documents[position]
    return Kandidaat(
        slug=document.slug,
        title=document.title,
        upl_naam=document.upl_naam,
        page_id=document.page_id,
        score=previous.score if previous else 0.0,
        position=position,
    )


def _position_of(index: CatalogueIndex, page_id: int | None) -> int | None:
    return index.positions_by_page_id.get(page_id) if page_id else None


def _ranked(result: Match, first: Kandidaat | None) -> list[Kandidaat]:
    if first is None:
        return list(result.kandidaten)
    return [first, *(k for k in result.kandidaten if k.position != first.position)][
        : len(result.kandidaten) or 1
    ]


def stored_rendering(page_id: int | None) -> dict[str, Any] | None:
    """The chatbot rendering stored at publication (channel "chatbot", variant "")."""
    from renderers.models import ChannelRendering

    if page_id is None:
        return None
    content = (
        ChannelRendering.objects.filter(page_id=page_id, channel="chatbot", variant="")
        .values_list("content", flat=True)
        .first()
    )
    return json.loads(content) if content else None


def _product(kandidaat: Kandidaat) -> dict[str, Any]:
    return {
        "slug": kandidaat.slug,
        "titel": kandidaat.title,
        "upl_naam": kandidaat.upl_naam,
    }


def _alternatives(kandidaten: list[Kandidaat] | tuple[Kandidaat, ...]) -> list[dict]:
    return [{**_product(k), "score": k.score} for k in kandidaten if k.score > 0][:3]


def answer_body(
    chosen: Kandidaat,
    rendering: dict[str, Any],
    result: Match,
    *,
    intent: str | None,
    vervolgvraag: bool,
) -> tuple[dict[str, Any], str | None]:
    reply = next(
        (
            r
            for r in rendering.get("snelle_antwoorden", [])
            if intent and r.get("sectie") == intent
        ),
        None,
    )
    if reply:
        bericht = reply["antwoord"]
    elif vervolgvraag:
        bericht = GEEN_SECTIE_BERICHT.format(
            titel=chosen.title, bericht=rendering.get("bericht", "")
        )
    else:
        bericht = rendering.get("bericht", "")
    body = {
        "fallback": False,
        "bericht": bericht,
        "score": chosen.score,
        "vervolgvraag": vervolgvraag,
        "product": _product(chosen),
        "antwoord": rendering,
        "sectie": reply,
        # A follow-up is about the last product; other guesses would only
        # be guesses about "wat kost dat".
        "alternatieven": []
        if vervolgvraag
        else _alternatives(
            [k for k in result.kandidaten if k.position != chosen.position]
        ),
        "overdracht": None,
    }
    return body, reply["sectie"] if reply else None


def handover_contact(
    result: Match, index: CatalogueIndex, *, drempel: float
) -> Contactgegevens | None:
    """Who takes over: the best guess's contactpunt when the guess was close
    (``CLOSE_GUESS``), otherwise the gemeente's general one."""
    best = result.best
    guess: ProductDocument | None = index.documents[best.position] if best else None
    if best and guess and guess.contact and best.score >= CLOSE_GUESS * drempel:
        return guess.contact
    if index.default_contact:
        return index.default_contact
    return guess.contact if guess else None


def fallback_body(
    result: Match, index: CatalogueIndex, *, drempel: float
) -> dict[str, Any]:
    contact = handover_contact(result, index, drempel=drempel)
    overdracht = {
        "bericht": FALLBACK_BERICHT,
        "contactpunt": contact.naam if contact else "",
        "telefoon": contact.telefoon if contact else "",
        "afspraak_url": contact.afspraak_url if contact else "",
        "contactformulier_url": contact.contactformulier_url if contact else "",
    }
    manieren = []
    if overdracht["telefoon"]:
        manieren.append(f"Bel {overdracht['telefoon']}")
    if overdracht["afspraak_url"]:
        manieren.append(f"maak een afspraak via {overdracht['afspraak_url']}")
    if overdracht["contactformulier_url"]:
        manieren.append(f"stuur een bericht via {overdracht['contactformulier_url']}")
    bericht = FALLBACK_BERICHT
    if manieren:
        bericht += " " + _join(manieren) + "."
    return {
        "fallback": True,
        "bericht": bericht,
        "score": result.score,
        "vervolgvraag": False,
        "product": None,
        "antwoord": None,
        "sectie": None,
        # Only guesses that came close: "bestel een pizza" suggests nothing.
        "alternatieven": _alternatives(
            [k for k in result.kandidaten if k.score >= CLOSE_GUESS * drempel]
        ),
        "overdracht": overdracht,
    }


def _join(parts: list[str]) -> str:
    if len(parts) == 1:
        return parts[0]
    return ", ".join(parts[:-1]) + " of " + parts[-1]


def log_question(outcome: Answer, *, site: Site | None) -> None:
    """Store the question without personal data, with what was found."""
    from .models import Vraaglog

    schoon = scrub(outcome.vraag)
    Vraaglog.objects.create(
        vraag=schoon[:2000],
        genormaliseerd=normalised_key(schoon)[:255],
        product_id=outcome.product_id,
        score=outcome.score,
        fallback=outcome.fallback,
        vervolgvraag=outcome.vervolgvraag,
        site=site,
    )

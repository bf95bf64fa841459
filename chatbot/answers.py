"""Answer one question: the service behind the endpoint, the command and the benchmarks.

The answer carries the product's *stored* chatbot rendering (made at
publication by ``renderers``), never a new rendering, so the chatbot says
exactly what the other channels say. The index of the gemeente holds those
renderings, checked against the products' inputs when it was built; an
answer only asks whether its product is still public (one query) and writes
the log entry.

Every conversation has a language (``conversation_language``): the page's
when the caller passes it, else the question's own (``chatbot.language``),
else the session's, else Dutch. An English question is matched against the
gemeente's English index and answered with the English product's stored
rendering; everything the chatbot says itself (handover, buttons, feedback)
is in that language (``TEKSTEN``).
"""

from __future__ import annotations

import logging
import re
import secrets
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from .index import (
    CatalogueIndex,
    Contactgegevens,
    ProductDocument,
    approved_rendering_now,
    index_for_site,
    index_is_current,
    is_public,
)
from .language import detect_language
from .matching import Kandidaat, Match, analyse, match, prepare
from .normalise import normalised_key
from .privacy import scrub
from .sessions import (
    detect_intent,
    last_product,
    remember_language,
    remember_product,
    session_language,
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
TERUGKOPPELING_VRAAG = "Heeft dit antwoord u geholpen?"
TERUGKOPPELING_URL = "/api/chatbot/terugkoppeling"
BUITEN_BERICHT = "Dit regelt niet de gemeente, maar {naam}."

TEKSTEN: dict[str, dict[str, str]] = {
    "nl": {
        "fallback": FALLBACK_BERICHT,
        "geen_sectie": GEEN_SECTIE_BERICHT,
        "terugkoppeling": TERUGKOPPELING_VRAAG,
        "ja": "Ja",
        "nee": "Nee",
        "bel": "Bel {telefoon}",
        "afspraak_via": "maak een afspraak via {url}",
        "bericht_via": "stuur een bericht via {url}",
        "of": " of ",
        "online": "Regel het online",
        "afspraak": "Maak een afspraak",
        "liever_mens": "Liever een medewerker? ",
        "stuur_bericht": "Stuur een bericht",
        "buiten": BUITEN_BERICHT,
        "kijk_op": "kijk op {url}",
        "buiten_bel": "bel {telefoon}",
        "toch_gemeente": " Heeft u toch een vraag aan de gemeente? Bel {telefoon}.",
    },
    "en": {
        "fallback": (
            "I am not sure what you mean, so I would rather not give you a "
            "wrong answer. I will pass you to a colleague who is happy to help "
            "you."
        ),
        "geen_sectie": "I have no answer to that for {titel}. {bericht}",
        "terugkoppeling": "Did this answer help you?",
        "ja": "Yes",
        "nee": "No",
        "bel": "Call {telefoon}",
        "afspraak_via": "make an appointment at {url}",
        "bericht_via": "send a message at {url}",
        "of": " or ",
        "online": "Arrange it online",
        "afspraak": "Make an appointment",
        "liever_mens": "Would you rather speak to a colleague? ",
        "stuur_bericht": "Send a message",
        "buiten": "This is not arranged by the municipality, but by {naam}.",
        "kijk_op": "see {url}",
        "buiten_bel": "call {telefoon}",
        "toch_gemeente": (
            " Do you still have a question for the municipality? Call {telefoon}."
        ),
        "niet_vertaald": (
            "This information is not available in English yet. You can read "
            "it in Dutch on the page \u201c{titel}\u201d: {url}"
        ),
        "niet_vertaald_link": "{titel} (in Dutch)",
        "niet_vertaald_hulp": (
            " Do you have a question about it? A colleague is happy to help "
            "you: {manieren}."
        ),
    },
}
"""Everything the chatbot says in its own words, per language. An answer's
product text is the product's stored rendering, never these."""

LANGUAGES = tuple(TEKSTEN)
"""The languages a conversation can have."""


def teksten(taal: str) -> dict[str, str]:
    return TEKSTEN.get(taal, TEKSTEN["nl"])


def conversation_language(
    vraag: str,
    *,
    taal: str | None = None,
    sessie: str | None = None,
    site_id: int | None = None,
) -> str:
    """The language to answer in: ``taal`` when the caller knows it (the page
    the chatbot is opened on, ``/en/…``); else the question's own language
    when its function words decide it; else the session's (a follow-up such
    as "passport?" stays in the conversation's language); else Dutch."""
    if taal is not None:
        if taal not in LANGUAGES:
            raise ValueError(f"Onbekende taal: {taal!r}")
        return taal
    found = detect_language(vraag)
    if found is not None:
        return found
    if sessie and site_id is not None:
        remembered = session_language(sessie=sessie, site_id=site_id)
        if remembered in LANGUAGES:
            return remembered
    return "nl"


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
    instantie: str = ""
    """Set when the question is another organisation's: its key."""
    onderwerpwissel: bool = False
    """In a session: this question left the product of the earlier turn."""
    token: str = ""
    """The key with which the citizen says whether the answer helped."""
    taal: str = "nl"
    """The language of the conversation, in which it was answered."""


def default_site() -> Site:
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    if site is None:
        raise LookupError("Er is nog geen gemeente (Wagtail-site) ingericht.")
    return site


_PLACEHOLDER = re.compile(r"\S*\[[^\]]*\]\S*")
# A word that only announces the personal data after it ("bsn 123…", "mail …").
_LABEL = re.compile(
    r"\b(?:bsn|burgerservicenummer|mail|e-mail|email|tel|telefoon|op|"
    r"phone|number|at|is)\s*$",
    re.I,
)


def without_personal_data(vraag: str, *, schoon: str | None = None) -> str:
    """The question with its personal data and the words that announce it
    taken out: what a citizen writes about themselves must not steer the answer.

    ``schoon``: ``scrub(vraag)`` when the caller has it already."""
    parts = _PLACEHOLDER.split(scrub(vraag) if schoon is None else schoon)
    kept = [
        _LABEL.sub("", part) if i < len(parts) - 1 else part
        for i, part in enumerate(parts)
    ]
    return " ".join(" ".join(kept).split())


def answer(
    vraag: str,
    sessie: str | None = None,
    *,
    site: Site | None = None,
    log: bool = True,
    taal: str | None = None,
) -> Answer:
    """Answer ``vraag`` for the gemeente of ``site`` (the default site if ``None``).

    ``taal`` ("nl" or "en"): the language of the page the chatbot is opened
    on; without it the question's own language decides (``conversation_language``).
    """
    from django.conf import settings

    site = site or default_site()
    vraag = " ".join(vraag.split())
    taal = conversation_language(vraag, taal=taal, sessie=sessie, site_id=site.pk)
    index = index_for_site(site, on_build=prepare, taal=taal)
    intent = detect_intent(vraag, taal)
    earlier = last_product(sessie=sessie, site_id=site.pk) if sessie else None
    schoon = scrub(vraag)  # once: for matching, the marks and the log
    result = match(
        without_personal_data(vraag, schoon=schoon),
        index,
        drempel=settings.CHATBOT_DREMPEL,
    )
    if normalised_key(schoon, taal) in marked_not_ours(site.pk, taal):
        # An editor marked this question as not the gemeente's: hand over.
        result = replace(result, fallback=True, buiten=None)

    follow_up = _follow_up_product(
        vraag, result, index, intent=intent, sessie=sessie, site_id=site.pk
    )
    if follow_up is not None:
        chosen: Kandidaat | None = follow_up
        fallback = False
    else:
        chosen = result.best
        fallback = result.fallback
        if intent and not analyse(without_intent(vraag, taal), index).termen:
            # Only a section ("en wat kost dat?") and no subject, and no
            # earlier product to take it from: do not guess one.
            fallback = True

    rendering = None
    document = index.documents[chosen.position] if chosen is not None else None
    untranslated = bool(document and document.vertaling_ontbreekt)
    # An untranslated product of the English index is the Dutch page.
    page_taal = "nl" if untranslated else taal
    if not fallback and chosen is not None:
        if index_is_current(index, site=site):
            # Approved for the product's inputs when the index was built, and
            # the inputs are the same (no new catalogue version); whether it
            # is still public is asked now (one query), so an expiry or an
            # unpublication that reached the database around the gate (a bulk
            # update, another process) is never answered from the index.
            rendering = index.rendering(chosen.page_id)
            if rendering is None:
                logger.warning("Geen opgeslagen chatbotweergave voor %s", chosen.slug)
            elif not is_public(
                chosen.page_id,
                site=site,
                taal=page_taal,
                root=index.roots.get(page_taal),
            ):
                rendering = None
        else:
            # The previous index, served while the new one is built: its
            # ranking may be old, but what is said is the product's stored
            # rendering checked against its inputs as they are now.
            rendering = approved_rendering_now(
                chosen.page_id, site=site, taal=page_taal
            )
        if rendering is None:
            fallback = True

    ranked = _ranked(result, chosen if follow_up else None)
    instantie = ""
    drempel = settings.CHATBOT_DREMPEL
    if follow_up is None and result.buiten is not None:
        fallback = True
        instantie = result.buiten.instantie
        body = buiten_body(result, index, drempel=drempel)
        sectie = None
    elif fallback or chosen is None or rendering is None:
        fallback = True
        body = fallback_body(result, index, drempel=drempel)
        sectie = None
    elif untranslated:
        # No English page: say so in English and offer the Dutch one.
        fallback = True
        body = untranslated_body(chosen, rendering, result, index, drempel=drempel)
        sectie = None
    else:
        body, sectie = answer_body(
            chosen,
            rendering,
            result,
            intent=intent,
            vervolgvraag=bool(follow_up),
            taal=taal,
            index=index,
        )
        body["kanalen"] = channels(index.documents[chosen.position], index)
        if sessie and chosen.page_id:
            remember_product(sessie=sessie, site_id=site.pk, page_id=chosen.page_id)
    if sessie:
        remember_language(sessie=sessie, site_id=site.pk, taal=taal)

    onderwerpwissel = bool(
        earlier
        and not follow_up
        and (fallback or (chosen and chosen.page_id != earlier))
    )
    body.setdefault("kanalen", [])
    body["taal"] = taal
    token = secrets.token_hex(16) if log else ""
    t = teksten(taal)
    body["terugkoppeling"] = (
        {
            "vraag": t["terugkoppeling"],
            "opties": [t["ja"], t["nee"]],
            "url": TERUGKOPPELING_URL,
            "kenmerk": token,
        }
        if token
        else None
    )
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
        instantie=instantie,
        onderwerpwissel=onderwerpwissel,
        token=token,
        taal=taal,
    )
    if log:
        log_question(outcome, site=site, schoon=schoon)
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
    has_own_subject = bool(analyse(without_intent(vraag, index.taal), index).termen)
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
    if document.vertaling_ontbreekt:
        return None
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


def _product(
    kandidaat: Kandidaat, index: CatalogueIndex | None = None
) -> dict[str, Any]:
    product = {
        "slug": kandidaat.slug,
        "titel": kandidaat.title,
        "upl_naam": kandidaat.upl_naam,
    }
    if index is not None and index.documents[kandidaat.position].vertaling_ontbreekt:
        # A Dutch product in the English index: its page is Dutch.
        product["taal"] = "nl"
    return product


def _alternatives(
    kandidaten: list[Kandidaat] | tuple[Kandidaat, ...],
    index: CatalogueIndex | None = None,
) -> list[dict]:
    return [
        {**_product(k, index), "score": k.score} for k in kandidaten if k.score > 0
    ][:3]


def answer_body(
    chosen: Kandidaat,
    rendering: dict[str, Any],
    result: Match,
    *,
    intent: str | None,
    vervolgvraag: bool,
    taal: str = "nl",
    index: CatalogueIndex | None = None,
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
        bericht = teksten(taal)["geen_sectie"].format(
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
            [k for k in result.kandidaten if k.position != chosen.position], index
        ),
        "overdracht": None,
        "niet_van_de_gemeente": None,
    }
    return body, reply["sectie"] if reply else None


def channels(document: ProductDocument, index: CatalogueIndex) -> list[dict[str, str]]:
    """Kanaalsturing: "online waar het kan, persoonlijk waar het moet".

    The online route first when the product has one; the desk (appointment)
    or the phone when the product advises it or cannot be arranged online;
    and always, last, the way to a person.
    """
    contact = document.contact or index.default_contact
    t = teksten(index.taal)
    routes: list[dict[str, str]] = []
    if document.online_url:
        routes.append(
            {
                "kanaal": "online",
                "label": t["online"],
                "url": document.online_url,
            }
        )
    persoonlijk = (
        document.advies_kanaal in {"balie", "telefoon"} or not document.online_url
    )
    if persoonlijk and contact:
        if document.advies_kanaal != "telefoon" and contact.afspraak_url:
            routes.append(
                {
                    "kanaal": "balie",
                    "label": t["afspraak"],
                    "url": contact.afspraak_url,
                }
            )
        elif contact.telefoon:
            routes.append(
                {
                    "kanaal": "telefoon",
                    "label": t["bel"].format(telefoon=contact.telefoon),
                    "url": _tel(contact.telefoon),
                }
            )
    if contact and (contact.telefoon or contact.contactformulier_url):
        routes.append(
            {
                "kanaal": "medewerker",
                "label": t["liever_mens"]
                + (
                    t["bel"].format(telefoon=contact.telefoon)
                    if contact.telefoon
                    else t["stuur_bericht"]
                ),
                "url": _tel(contact.telefoon)
                if contact.telefoon
                else contact.contactformulier_url,
            }
        )
    return routes


def _tel(telefoon: str) -> str:
    return "tel:" + "".join(c for c in telefoon if c.isdigit() or c == "+")


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
    t = teksten(index.taal)
    overdracht = {
        "bericht": t["fallback"],
        "contactpunt": contact.naam if contact else "",
        "telefoon": contact.telefoon if contact else "",
        "afspraak_url": contact.afspraak_url if contact else "",
        "contactformulier_url": contact.contactformulier_url if contact else "",
    }
    manieren = _ways_to_a_person(overdracht, t)
    bericht = t["fallback"]
    if manieren:
        bericht += " " + _join(manieren, t) + "."
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
            [k for k in result.kandidaten if k.score >= CLOSE_GUESS * drempel],
            index,
        ),
        "overdracht": overdracht,
        "niet_van_de_gemeente": None,
    }


def _ways_to_a_person(overdracht: dict[str, str], t: dict[str, str]) -> list[str]:
    manieren = []
    if overdracht["telefoon"]:
        manieren.append(t["bel"].format(telefoon=overdracht["telefoon"]))
    if overdracht["afspraak_url"]:
        manieren.append(t["afspraak_via"].format(url=overdracht["afspraak_url"]))
    if overdracht["contactformulier_url"]:
        manieren.append(t["bericht_via"].format(url=overdracht["contactformulier_url"]))
    return manieren


def untranslated_body(
    chosen: Kandidaat,
    rendering: dict[str, Any],
    result: Match,
    index: CatalogueIndex,
    *,
    drempel: float,
) -> dict[str, Any]:
    """The product the question is about has no English page: say so in
    English, link the Dutch page (``lang: "nl"``, from its stored rendering)
    and give the way to a person, instead of a blind handover."""
    body = fallback_body(result, index, drempel=drempel)
    t = teksten(index.taal)
    url = (rendering.get("link") or {}).get("url", "")
    bericht = t["niet_vertaald"].format(titel=chosen.title, url=url)
    manieren = _ways_to_a_person(body["overdracht"], t)
    if manieren:
        joined = _join(manieren, t)
        bericht += "." + t["niet_vertaald_hulp"].format(
            manieren=joined[0].lower() + joined[1:]
        )
    else:
        bericht += "."
    body.update(
        bericht=bericht,
        score=chosen.score,
        product=_product(chosen, index),
        link={
            "label": t["niet_vertaald_link"].format(titel=chosen.title),
            "url": url,
            "lang": "nl",
        },
        vertaling_ontbreekt=True,
        alternatieven=_alternatives(
            [k for k in result.kandidaten if k.position != chosen.position], index
        ),
    )
    return body


def buiten_body(
    result: Match, index: CatalogueIndex, *, drempel: float
) -> dict[str, Any]:
    """The answer to a question that is another organisation's: who handles
    it, with its link or number, and still the way to a person here."""
    from .instanties import instanties_in

    buiten = result.buiten
    if buiten is None:
        return fallback_body(result, index, drempel=drempel)
    t = teksten(index.taal)
    instantie = instanties_in(index.taal)[buiten.instantie]
    body = fallback_body(result, index, drempel=drempel)
    manieren = []
    if instantie.url:
        manieren.append(t["kijk_op"].format(url=instantie.url))
    if instantie.telefoon:
        manieren.append(t["buiten_bel"].format(telefoon=instantie.telefoon))
    bericht = t["buiten"].format(naam=instantie.naam)
    if manieren:
        bericht += " " + _join(manieren, t).capitalize() + "."
    contact = body["overdracht"]
    if contact.get("telefoon"):
        bericht += t["toch_gemeente"].format(telefoon=contact["telefoon"])
    body.update(
        bericht=bericht,
        niet_van_de_gemeente={
            "instantie": instantie.naam,
            "onderwerp": buiten.upl_naam or buiten.title,
            "url": instantie.url,
            "telefoon": instantie.telefoon,
        },
    )
    return body


def _join(parts: list[str], t: dict[str, str] | None = None) -> str:
    if len(parts) == 1:
        return parts[0]
    return ", ".join(parts[:-1]) + (t or TEKSTEN["nl"])["of"] + parts[-1]


def log_question(
    outcome: Answer, *, site: Site | None, schoon: str | None = None
) -> None:
    """Store the question without personal data, with what was found.

    ``schoon``: ``scrub(outcome.vraag)`` when the caller has it already."""
    from .models import Vraaglog

    if schoon is None:
        schoon = scrub(outcome.vraag)
    Vraaglog.objects.create(
        vraag=schoon[:2000],
        genormaliseerd=normalised_key(schoon, outcome.taal)[:255],
        product_id=outcome.product_id,
        score=outcome.score,
        fallback=outcome.fallback,
        vervolgvraag=outcome.vervolgvraag,
        site=site,
        token=outcome.token,
        instantie=outcome.instantie,
        onderwerpwissel=outcome.onderwerpwissel,
        taal=outcome.taal,
    )


def _marked_key(site_id: int, taal: str = "nl") -> str:
    if taal == "nl":
        return f"chatbot:niet-gemeente:{site_id}"
    return f"chatbot:niet-gemeente:{site_id}:{taal}"


def marked_not_ours(site_id: int, taal: str = "nl") -> frozenset[str]:
    """The normalised questions in ``taal`` an editor marked "niet van de
    gemeente" for a site, kept in Django's cache (every process sees a new
    mark at once). Each language has its own keys: a key is made with that
    language's normalisation."""
    from django.core.cache import cache

    from .models import Vraaglog

    keys = cache.get(_marked_key(site_id, taal))
    if keys is None:
        keys = frozenset(
            Vraaglog.objects.filter(
                site_id=site_id, status=Vraaglog.Status.NIET_GEMEENTE, taal=taal
            )
            .values_list("genormaliseerd", flat=True)
            .distinct()
        )
        cache.set(_marked_key(site_id, taal), keys, timeout=None)
    return keys


def forget_marks(site_id: int | None) -> None:
    from django.core.cache import cache

    if site_id is not None:
        cache.delete_many([_marked_key(site_id, taal) for taal in LANGUAGES])


def record_feedback(token: str, geholpen: bool) -> bool:
    """Store whether the answer with ``token`` helped; ``False`` when no such
    answer was logged. Nothing about the citizen is stored."""
    from .models import Vraaglog

    if not token:
        return False
    return bool(Vraaglog.objects.filter(token=token).update(geholpen=geholpen))

"""Follow-up questions: the last product of a session, and what a question asks for.

"En wat kost dat?" has no product in it; within a session it is about the
product answered last. The session holds only that product's id and the
language of the conversation, in Django's cache under a hash of the session
id, for ``CHATBOT_SESSIEDUUR_SECONDEN``. The question itself is never kept
there.
"""

from __future__ import annotations

import hashlib
import re

from .normalise import fold

# A section of the chatbot rendering's quick replies (renderers/channels/
# chatbot.py) and the phrases that ask for it, on folded text. The order
# decides when a question asks for two: "wat kost het en wat moet ik
# meenemen" is answered with the costs first.
INTENTIES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "kosten",
        re.compile(
            r"\b(kost|kosten|kostte|prijs|prijzen|tarief|tarieven|duur|bedrag|"
            r"hoeveel (moet ik )?(betalen|betaal)|wat (moet ik )?betalen|"
            r"wat betaal|betalen voor|gratis|euro)\b"
        ),
    ),
    (
        "benodigdheden",
        re.compile(
            r"\b(mee ?nemen|mee ?neem|mee ?brengen|mee ?breng|"
            r"wat (heb|hebben|moet|moeten) (ik|we|wij|je|u) (allemaal )?(nodig|bij me)|"
            r"welke (papieren|documenten|stukken|spullen)|nodig hebben)\b"
        ),
    ),
    (
        "contact",
        re.compile(
            r"\b(bellen|bel ik|telefoonnummer|telefoon nummer|contact|mailen|"
            r"e ?mail|emailadres|medewerker|mens spreken|iemand spreken)\b"
        ),
    ),
    (
        "aanvragen",
        re.compile(
            r"\b(hoe (vraag|regel|doe|werkt|krijg)|aanvragen|aanvraag|regelen|"
            r"aan ?melden|hoe lang duurt|hoe snel|waar moet ik heen)\b"
        ),
    ),
)


# The same sections asked for in English ("and what does it cost?", "what do
# I need to bring?"), on folded text ("I'm" is "i m").
INTENTS_EN: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "kosten",
        re.compile(
            r"\b(cost|costs|costing|price|prices|fee|fees|charge|charges|"
            r"how much (do|does|will|would|should|must) (i|we|it|you)|how much is|"
            r"(do|does|must|should) (i|we) pay|pay for|free of charge|free|"
            r"expensive|euro|euros)\b"
        ),
    ),
    (
        "benodigdheden",
        re.compile(
            r"\b(bring|take with me|take along|"
            r"what (do|does|should|must) (i|we|you) (need|have)|need to bring|"
            r"which (documents|papers)|what (documents|papers)|"
            r"documents (do|should|must) (i|we))\b"
        ),
    ),
    (
        "contact",
        re.compile(
            r"\b(call|phone|phone number|telephone|contact|email|e mail|"
            r"speak to (someone|a person|a colleague|a human)|"
            r"talk to (someone|a person|a colleague|a human))\b"
        ),
    ),
    (
        "aanvragen",
        re.compile(
            r"\b(how (do|can|should|must) (i|we) (apply|arrange|get|request|do)|"
            r"apply|application|arrange|register|"
            r"how long (does|will) it take|how quickly|how fast|"
            r"where (do|should|must|can) (i|we) go)\b"
        ),
    ),
)

_INTENTS = {"nl": INTENTIES, "en": INTENTS_EN}


def detect_intent(vraag: str, taal: str = "nl") -> str | None:
    """The quick-reply section a question in ``taal`` asks for, or ``None``."""
    text = fold(vraag)
    for sectie, pattern in _INTENTS.get(taal, INTENTIES):
        if pattern.search(text):
            return sectie
    return None


def without_intent(vraag: str, taal: str = "nl") -> str:
    """The question with the phrases that ask for a section taken out."""
    text = fold(vraag)
    for _, pattern in _INTENTS.get(taal, INTENTIES):
        text = pattern.sub(" ", text)
    return " ".join(text.split())


def _key(*, sessie: str, site_id: int) -> str:
    digest = hashlib.sha256(sessie.encode("utf-8")).hexdigest()[:32]
    return f"chatbot:sessie:{site_id}:{digest}"


def _language_key(*, sessie: str, site_id: int) -> str:
    return _key(sessie=sessie, site_id=site_id) + ":taal"


def remember_product(*, sessie: str, site_id: int, page_id: int) -> None:
    from django.conf import settings
    from django.core.cache import cache

    cache.set(
        _key(sessie=sessie, site_id=site_id),
        page_id,
        timeout=settings.CHATBOT_SESSIEDUUR_SECONDEN,
    )


def last_product(*, sessie: str, site_id: int) -> int | None:
    from django.core.cache import cache

    return cache.get(_key(sessie=sessie, site_id=site_id))


def remember_language(*, sessie: str, site_id: int, taal: str) -> None:
    """Keep the conversation's language, so a follow-up that does not show its
    language ("passport?") is answered in it."""
    from django.conf import settings
    from django.core.cache import cache

    cache.set(
        _language_key(sessie=sessie, site_id=site_id),
        taal,
        timeout=settings.CHATBOT_SESSIEDUUR_SECONDEN,
    )


def session_language(*, sessie: str, site_id: int) -> str | None:
    from django.core.cache import cache

    return cache.get(_language_key(sessie=sessie, site_id=site_id))

"""Follow-up questions: the last product of a session, and what a question asks for.

"En wat kost dat?" has no product in it; within a session it is about the
product answered last. The session holds only that product's id, in Django's
cache under a hash of the session id, for ``CHATBOT_SESSIEDUUR_SECONDEN``.
The question itself is never kept there.
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


def detect_intent(vraag: str) -> str | None:
    """The quick-reply section a question asks for, or ``None``."""
    text = fold(vraag)
    for sectie, pattern in INTENTIES:
        if pattern.search(text):
            return sectie
    return None


def without_intent(vraag: str) -> str:
    """The question with the phrases that ask for a section taken out."""
    text = fold(vraag)
    for _, pattern in INTENTIES:
        text = pattern.sub(" ", text)
    return " ".join(text.split())


def _key(*, sessie: str, site_id: int) -> str:
    digest = hashlib.sha256(sessie.encode("utf-8")).hexdigest()[:32]
    return f"chatbot:sessie:{site_id}:{digest}"


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

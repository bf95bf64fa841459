"""The chatbot endpoint: ``POST /api/chatbot/vraag`` with ``{"vraag": ..., "sessie": ...}``.

The conversation's language comes from ``taal`` ("nl" or "en") or from
``pagina``, the address of the page the chatbot is opened on (the English
tree ``/en/…`` is English); without either, from the question itself. Error
messages are in that language; before the body is read (a wrong method, the
rate limit) in the language of ``?taal=`` or the ``Accept-Language`` header.

CSRF-exempt on purpose: CSRF protects requests that a browser sends with
the user's cookies. This endpoint is called by other servers (virtual
assistants such as Gem), uses no cookie, session or login, and changes
nothing on behalf of a user; it also only accepts ``application/json``,
which a cross-site HTML form cannot send. Abuse is limited per client
instead (``CHATBOT_RATE_LIMIT``).
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from wagtail.models import Site

from contenthub.catalogue import catalogue_version

from .answers import LANGUAGES, answer
from .language import detect_language
from .ratelimit import check_rate_limit

MAX_SESSIE_LENGTE = 128
MAX_JSON_DIEPTE = 8
"""The question is a flat object; deeper JSON is refused before anything runs."""
TOO_DEEP = object()


FOUTEN: dict[str, dict[str, str]] = {
    "methode-niet-toegestaan": {
        "nl": "Stuur uw vraag met POST, als JSON.",
        "en": "Please send your question with POST, as JSON.",
    },
    "te-veel-vragen": {
        "nl": "U stelt veel vragen kort na elkaar. Wacht even en probeer het dan opnieuw.",
        "en": "You are asking many questions in a short time. Please wait a "
        "moment and then try again.",
    },
    "verkeerd-type": {
        "nl": "Stuur uw vraag als JSON, met Content-Type: application/json.",
        "en": "Please send your question as JSON, with Content-Type: application/json.",
    },
    "bericht-te-groot": {
        "nl": "Het bericht is te groot: maximaal {bytes} bytes.",
        "en": "The message is too large: at most {bytes} bytes.",
    },
    "te-diep": {
        "nl": "Het bericht is te diep genest: maximaal {diepte} niveaus.",
        "en": "The message is nested too deeply: at most {diepte} levels.",
    },
    "ongeldige-json": {
        "nl": 'Het bericht is geen geldige JSON. Stuur bijvoorbeeld {{"vraag": "Wat kost een paspoort?"}}.',
        "en": 'The message is not valid JSON. For example, send {{"vraag": "How much is a passport?", "taal": "en"}}.',
    },
    "vraag-ontbreekt": {"nl": "Vul een vraag in.", "en": "Please enter a question."},
    "ongeldige-tekens": {
        "nl": "Het veld '{veld}' bevat een teken dat geen tekst is (een NUL-teken "
        "of een losse surrogaat zoals \\ud800). Haal het weg en stuur het "
        "bericht opnieuw.",
        "en": "The field '{veld}' contains a character that is not text (a NUL "
        "character or a lone surrogate such as \\ud800). Please remove it and "
        "send the message again.",
    },
    "vraag-te-lang": {
        "nl": "Uw vraag is te lang. Gebruik maximaal {tekens} tekens.",
        "en": "Your question is too long. Please use at most {tekens} characters.",
    },
    "ongeldige-sessie": {
        "nl": "De sessie is een tekst van maximaal {tekens} tekens.",
        "en": "The session is a text of at most {tekens} characters.",
    },
    "onbekende-gemeente": {
        "nl": "Deze gemeente kent de chatbot niet.",
        "en": "The chatbot does not know this municipality.",
    },
    "onbekende-taal": {
        "nl": 'De taal is "nl" (Nederlands) of "en" (Engels).',
        "en": 'The language is "nl" (Dutch) or "en" (English).',
    },
    # The feedback endpoint (``terugkoppeling``).
    "antwoord-met-post": {
        "nl": "Stuur uw antwoord met POST, als JSON.",
        "en": "Please send your answer with POST, as JSON.",
    },
    "te-veel-berichten": {
        "nl": "U stuurt veel berichten kort na elkaar. Wacht even en probeer het dan opnieuw.",
        "en": "You are sending many messages in a short time. Please wait a "
        "moment and then try again.",
    },
    "antwoord-als-json": {
        "nl": "Stuur uw antwoord als JSON, met Content-Type: application/json.",
        "en": "Please send your answer as JSON, with Content-Type: application/json.",
    },
    "te-groot": {
        "nl": "Het bericht is te groot.",
        "en": "The message is too large.",
    },
    "ongeldige-json-kenmerk": {
        "nl": 'Het bericht is geen geldige JSON. Stuur bijvoorbeeld {{"kenmerk": "...", "geholpen": true}}.',
        "en": 'The message is not valid JSON. For example, send {{"kenmerk": "...", "geholpen": true}}.',
    },
    "geholpen-ontbreekt": {
        "nl": 'Geef met "geholpen" aan of het antwoord hielp: true (ja) of false (nee).',
        "en": 'Please say with "geholpen" whether the answer helped: true (yes) or false (no).',
    },
    "kenmerk-ontbreekt": {
        "nl": "Het kenmerk van het antwoord ontbreekt.",
        "en": "The reference of the answer is missing.",
    },
    "onbekend-kenmerk": {
        "nl": "Dit antwoord kennen we niet (meer).",
        "en": "We do not know this answer (any more).",
    },
    "bedankt": {
        "nl": "Dank u wel. Hiermee maken we de antwoorden beter.",
        "en": "Thank you. This helps us improve the answers.",
    },
}
"""Every message of the endpoints, per language; the ``code`` is the same in both."""


def melding(code: str, taal: str, **waarden: Any) -> str:
    """The message of error ``code`` in ``taal`` (Dutch when unknown)."""
    teksten = FOUTEN[code]
    return teksten.get(taal, teksten["nl"]).format(**waarden)


def page_language(pagina: Any) -> str | None:
    """The language of the page the chatbot is opened on: "en" for the English
    tree (``/en/…``, also as a full address), "nl" for any other page,
    ``None`` without a usable address."""
    if not isinstance(pagina, str) or not pagina.strip():
        return None
    try:
        path = urlsplit(pagina.strip()).path
    except ValueError:
        return None
    first = path.strip("/").split("/", 1)[0].lower()
    return first if first in LANGUAGES else "nl"


def header_language(request: HttpRequest) -> str:
    """The language for a message before the body is read: ``?taal=``, else
    the first language of ``Accept-Language``, else Dutch."""
    query = request.GET.get("taal", "")
    if query in LANGUAGES:
        return query
    accept = request.META.get("HTTP_ACCEPT_LANGUAGE", "")
    first = accept.split(",", 1)[0].split(";", 1)[0].strip().lower()
    return "en" if first.startswith("en") else "nl"


def _asked_language(data: dict, request: HttpRequest) -> str:
    """The language of messages about a body: the one it asks for, else its
    question's, else the request's."""
    taal = data.get("taal")
    if isinstance(taal, str) and taal in LANGUAGES:
        return taal
    from_page = page_language(data.get("pagina"))
    if from_page is not None:
        return from_page
    vraag = data.get("vraag")
    found = detect_language(vraag) if isinstance(vraag, str) else None
    return found or header_language(request)


def fout(status: int, code: str, bericht: str, **headers: str) -> JsonResponse:
    """A 4xx answer: a Dutch message for people and a stable code for programs."""
    response = JsonResponse(
        {"fout": bericht, "code": code},
        status=status,
        json_dumps_params={"ensure_ascii": False},
    )
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


@csrf_exempt
def vraag(request: HttpRequest) -> JsonResponse:
    taal = header_language(request)
    if request.method != "POST":
        return fout(
            405,
            "methode-niet-toegestaan",
            melding("methode-niet-toegestaan", taal),
            Allow="POST",
        )
    besluit = check_rate_limit(request)
    if not besluit.toegestaan:
        return fout(
            429,
            "te-veel-vragen",
            melding("te-veel-vragen", taal),
            Retry_After=str(besluit.opnieuw_over),
        )
    if request.content_type != "application/json":
        return fout(415, "verkeerd-type", melding("verkeerd-type", taal))
    if _too_big(request):
        return fout(
            413,
            "bericht-te-groot",
            melding("bericht-te-groot", taal, bytes=settings.CHATBOT_MAX_BERICHT_BYTES),
        )
    data = _parse(request.body)
    if data is TOO_DEEP:
        return fout(
            400, "ongeldige-json", melding("te-diep", taal, diepte=MAX_JSON_DIEPTE)
        )
    if not isinstance(data, dict):
        return fout(400, "ongeldige-json", melding("ongeldige-json", taal))
    taal = _asked_language(data, request)
    gevraagde_taal = data.get("taal")
    if gevraagde_taal is not None and gevraagde_taal not in LANGUAGES:
        return fout(400, "onbekende-taal", melding("onbekende-taal", taal))
    tekst = data.get("vraag")
    if not isinstance(tekst, str) or not tekst.strip():
        return fout(400, "vraag-ontbreekt", melding("vraag-ontbreekt", taal))
    for veld in ("vraag", "gemeente", "sessie", "pagina"):
        if isinstance(data.get(veld), str) and _unusable(data[veld]):
            return fout(
                400, "ongeldige-tekens", melding("ongeldige-tekens", taal, veld=veld)
            )
    if len(tekst) > settings.CHATBOT_MAX_VRAAG_LENGTE:
        return fout(
            400,
            "vraag-te-lang",
            melding("vraag-te-lang", taal, tekens=settings.CHATBOT_MAX_VRAAG_LENGTE),
        )
    sessie = data.get("sessie")
    if sessie is not None and (
        not isinstance(sessie, str | int) or len(str(sessie)) > MAX_SESSIE_LENGTE
    ):
        return fout(
            400,
            "ongeldige-sessie",
            melding("ongeldige-sessie", taal, tekens=MAX_SESSIE_LENGTE),
        )
    site = _site(request, data.get("gemeente"))
    if site is None:
        return fout(400, "onbekende-gemeente", melding("onbekende-gemeente", taal))
    # The page's language is the conversation's; without it the question
    # (or the session) decides in ``answer``.
    gegeven = gevraagde_taal or page_language(data.get("pagina"))
    result = answer(tekst, str(sessie) if sessie else None, site=site, taal=gegeven)
    return JsonResponse(result.body, json_dumps_params={"ensure_ascii": False})


def _too_big(request: HttpRequest) -> bool:
    """Over ``CHATBOT_MAX_BERICHT_BYTES``, judged before Django reads the body
    (which it refuses with an HTML 400 above DATA_UPLOAD_MAX_MEMORY_SIZE)."""
    limit = settings.CHATBOT_MAX_BERICHT_BYTES
    try:
        if int(request.META.get("CONTENT_LENGTH") or 0) > limit:
            return True
    except ValueError:
        pass
    try:
        return len(request.body) > limit
    except RequestDataTooBig:
        return True


def _parse(body: bytes) -> Any:
    try:
        data = json.loads(body.decode("utf-8"))
    except RecursionError:
        return TOO_DEEP
    except (UnicodeDecodeError, ValueError):
        return None
    return TOO_DEEP if _depth_over(data, MAX_JSON_DIEPTE) else data


def _depth_over(value: Any, limit: int) -> bool:
    stack = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            if depth >= limit:
                return True
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
    return False


def _unusable(text: str) -> bool:
    """A NUL (PostgreSQL stores none) or a lone surrogate (no UTF-8 for it)."""
    if "\x00" in text:
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _site(request: HttpRequest, gemeente: Any) -> Site | None:
    """The gemeente: the ``gemeente`` host name when given, else the request's site.

    Kept per host name in the process for as long as the hub's catalogue
    version stands: saving or deleting a site, a page move or a publication
    anywhere makes a new one (``contenthub.signal_handlers``), so a changed
    site is found again at once. Looking it up cost about 0.9 ms of CPU per
    question (Wagtail's query, built by the ORM each time)."""
    if gemeente is None:
        key = ("host", request._get_raw_host(), request.get_port())
    elif isinstance(gemeente, str):
        key = ("gemeente", gemeente.strip().lower(), "")
    else:
        return None
    version = catalogue_version()
    known = _sites.get(key)
    if known is not None and known[0] == version:
        return known[1]
    if gemeente is None:
        site = Site.find_for_request(request)
    else:
        site = (
            Site.objects.filter(hostname__iexact=gemeente.strip())
            .order_by("-is_default_site", "port")
            .first()
        )
    if len(_sites) >= MAX_SITES_KEPT:
        _sites.clear()  # host names come from the request: keep it bounded
    _sites[key] = (version, site)
    return site


MAX_SITES_KEPT = 256
_sites: dict[tuple[str, str, str | int], tuple[str, Site | None]] = {}


@csrf_exempt
def terugkoppeling(request: HttpRequest) -> JsonResponse:
    """``POST /api/chatbot/terugkoppeling`` with ``{"kenmerk": ..., "geholpen": true}``:
    the citizen's "Heeft dit antwoord u geholpen? Ja / Nee". Only the yes or
    no is stored, on the logged question the ``kenmerk`` belongs to."""
    from .answers import record_feedback

    taal = header_language(request)
    if request.method != "POST":
        return fout(
            405,
            "methode-niet-toegestaan",
            melding("antwoord-met-post", taal),
            Allow="POST",
        )
    besluit = check_rate_limit(request)
    if not besluit.toegestaan:
        return fout(
            429,
            "te-veel-vragen",
            melding("te-veel-berichten", taal),
            Retry_After=str(besluit.opnieuw_over),
        )
    if request.content_type != "application/json":
        return fout(415, "verkeerd-type", melding("antwoord-als-json", taal))
    if len(request.body) > settings.CHATBOT_MAX_BERICHT_BYTES:
        return fout(413, "bericht-te-groot", melding("te-groot", taal))
    data = _parse(request.body)
    if not isinstance(data, dict):
        return fout(400, "ongeldige-json", melding("ongeldige-json-kenmerk", taal))
    if data.get("taal") in LANGUAGES:
        taal = data["taal"]
    kenmerk, geholpen = data.get("kenmerk"), data.get("geholpen")
    if not isinstance(geholpen, bool):
        return fout(400, "geholpen-ontbreekt", melding("geholpen-ontbreekt", taal))
    if not isinstance(kenmerk, str) or not kenmerk or len(kenmerk) > 64:
        return fout(400, "kenmerk-ontbreekt", melding("kenmerk-ontbreekt", taal))
    if not record_feedback(kenmerk, geholpen):
        return fout(404, "onbekend-kenmerk", melding("onbekend-kenmerk", taal))
    return JsonResponse(
        {"bedankt": melding("bedankt", taal)},
        json_dumps_params={"ensure_ascii": False},
    )

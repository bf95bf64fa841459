"""The chatbot endpoint: ``POST /api/chatbot/vraag`` with ``{"vraag": ..., "sessie": ...}``.

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

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from wagtail.models import Site

from .answers import answer
from .ratelimit import check_rate_limit

MAX_SESSIE_LENGTE = 128
MAX_JSON_DIEPTE = 8
"""The question is a flat object; deeper JSON is refused before anything runs."""
TOO_DEEP = object()


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
    if request.method != "POST":
        return fout(
            405,
            "methode-niet-toegestaan",
            "Stuur uw vraag met POST, als JSON.",
            Allow="POST",
        )
    besluit = check_rate_limit(request)
    if not besluit.toegestaan:
        return fout(
            429,
            "te-veel-vragen",
            "U stelt veel vragen kort na elkaar. Wacht even en probeer het dan opnieuw.",
            Retry_After=str(besluit.opnieuw_over),
        )
    if request.content_type != "application/json":
        return fout(
            415,
            "verkeerd-type",
            "Stuur uw vraag als JSON, met Content-Type: application/json.",
        )
    if _too_big(request):
        return fout(
            413,
            "bericht-te-groot",
            f"Het bericht is te groot: maximaal {settings.CHATBOT_MAX_BERICHT_BYTES} bytes.",
        )
    data = _parse(request.body)
    if data is TOO_DEEP:
        return fout(
            400,
            "ongeldige-json",
            f"Het bericht is te diep genest: maximaal {MAX_JSON_DIEPTE} niveaus.",
        )
    if not isinstance(data, dict):
        return fout(
            400,
            "ongeldige-json",
            'Het bericht is geen geldige JSON. Stuur bijvoorbeeld {"vraag": "Wat kost een paspoort?"}.',
        )
    tekst = data.get("vraag")
    if not isinstance(tekst, str) or not tekst.strip():
        return fout(400, "vraag-ontbreekt", "Vul een vraag in.")
    for veld in ("vraag", "gemeente", "sessie"):
        if isinstance(data.get(veld), str) and _unusable(data[veld]):
            return fout(
                400,
                "ongeldige-tekens",
                f"Het veld '{veld}' bevat een teken dat geen tekst is (een NUL-teken "
                "of een losse surrogaat zoals \\ud800). Haal het weg en stuur het "
                "bericht opnieuw.",
            )
    if len(tekst) > settings.CHATBOT_MAX_VRAAG_LENGTE:
        return fout(
            400,
            "vraag-te-lang",
            f"Uw vraag is te lang. Gebruik maximaal {settings.CHATBOT_MAX_VRAAG_LENGTE} tekens.",
        )
    sessie = data.get("sessie")
    if sessie is not None and (
        not isinstance(sessie, str | int) or len(str(sessie)) > MAX_SESSIE_LENGTE
    ):
        return fout(
            400,
            "ongeldige-sessie",
            f"De sessie is een tekst van maximaal {MAX_SESSIE_LENGTE} tekens.",
        )
    site = _site(request, data.get("gemeente"))
    if site is None:
        return fout(400, "onbekende-gemeente", "Deze gemeente kent de chatbot niet.")
    result = answer(tekst, str(sessie) if sessie else None, site=site)
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
    """The gemeente: the ``gemeente`` host name when given, else the request's site."""
    if gemeente is None:
        return Site.find_for_request(request)
    if not isinstance(gemeente, str):
        return None
    return (
        Site.objects.filter(hostname__iexact=gemeente.strip())
        .order_by("-is_default_site", "port")
        .first()
    )


@csrf_exempt
def terugkoppeling(request: HttpRequest) -> JsonResponse:
    """``POST /api/chatbot/terugkoppeling`` with ``{"kenmerk": ..., "geholpen": true}``:
    the citizen's "Heeft dit antwoord u geholpen? Ja / Nee". Only the yes or
    no is stored, on the logged question the ``kenmerk`` belongs to."""
    from .answers import record_feedback

    if request.method != "POST":
        return fout(
            405,
            "methode-niet-toegestaan",
            "Stuur uw antwoord met POST, als JSON.",
            Allow="POST",
        )
    besluit = check_rate_limit(request)
    if not besluit.toegestaan:
        return fout(
            429,
            "te-veel-vragen",
            "U stuurt veel berichten kort na elkaar. Wacht even en probeer het dan opnieuw.",
            Retry_After=str(besluit.opnieuw_over),
        )
    if request.content_type != "application/json":
        return fout(
            415,
            "verkeerd-type",
            "Stuur uw antwoord als JSON, met Content-Type: application/json.",
        )
    if len(request.body) > settings.CHATBOT_MAX_BERICHT_BYTES:
        return fout(413, "bericht-te-groot", "Het bericht is te groot.")
    data = _parse(request.body)
    if not isinstance(data, dict):
        return fout(
            400,
            "ongeldige-json",
            'Het bericht is geen geldige JSON. Stuur bijvoorbeeld {"kenmerk": "...", "geholpen": true}.',
        )
    kenmerk, geholpen = data.get("kenmerk"), data.get("geholpen")
    if not isinstance(geholpen, bool):
        return fout(
            400,
            "geholpen-ontbreekt",
            'Geef met "geholpen" aan of het antwoord hielp: true (ja) of false (nee).',
        )
    if not isinstance(kenmerk, str) or not kenmerk or len(kenmerk) > 64:
        return fout(400, "kenmerk-ontbreekt", "Het kenmerk van het antwoord ontbreekt.")
    if not record_feedback(kenmerk, geholpen):
        return fout(404, "onbekend-kenmerk", "Dit antwoord kennen we niet (meer).")
    return JsonResponse(
        {"bedankt": "Dank u wel. Hiermee maken we de antwoorden beter."},
        json_dumps_params={"ensure_ascii": False},
    )

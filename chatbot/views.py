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
from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from wagtail.models import Site

from .answers import answer
from .ratelimit import check_rate_limit

MAX_SESSIE_LENGTE = 128


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
    if len(request.body) > settings.CHATBOT_MAX_BERICHT_BYTES:
        return fout(413, "bericht-te-groot", "Het bericht is te groot.")
    data = _parse(request.body)
    if not isinstance(data, dict):
        return fout(
            400,
            "ongeldige-json",
            'Het bericht is geen geldige JSON. Stuur bijvoorbeeld {"vraag": "Wat kost een paspoort?"}.',
        )
    tekst = data.get("vraag")
    if not isinstance(tekst, str) or not tekst.strip():
        return fout(400, "vraag-ontbreekt", "Vul een vraag in.")
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


def _parse(body: bytes) -> Any:
    try:
        return json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None


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

"""``/api/objects/v2/objects``: the KCC's kennisartikelen and VAC's, Objects API style.

Compatible with the list and detail of the Objects API v2 as KISS uses them:
``type`` (the objecttype URL), ``data_attrs`` / ``data_attr`` filters,
``page`` and ``pageSize``. Read-only, from the stored ``kcc`` renderings of
the live products of the requesting gemeente.
"""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_safe

from ..http import ApiError, paginated, require_token
from ..selectors import requesting_site, stored_renderings

KENNISARTIKEL = "kennisartikel"
VAC = "vac"
OPERATORS = ("exact", "icontains", "in", "gt", "gte", "lt", "lte")


def _type_urls(request: HttpRequest) -> dict[str, str]:
    base = request.build_absolute_uri("/api/objecttypes/v2/objecttypes/")
    return {
        KENNISARTIKEL: settings.KCC_OBJECTTYPE_KENNISARTIKEL or base + KENNISARTIKEL,
        VAC: settings.KCC_OBJECTTYPE_VAC or base + VAC,
    }


def _kinds_for(request: HttpRequest) -> list[str]:
    wanted = request.GET.get("type")
    if not wanted:
        return [KENNISARTIKEL, VAC]
    configured = {
        KENNISARTIKEL: settings.KCC_OBJECTTYPE_KENNISARTIKEL,
        VAC: settings.KCC_OBJECTTYPE_VAC,
    }
    return [
        kind
        for kind, url in configured.items()
        if wanted == url or (not url and wanted.rstrip("/").endswith("/" + kind))
    ]


def _record(data: dict[str, Any], stored) -> dict[str, Any]:
    day = stored.rendered_at.date().isoformat()
    first = stored.page.first_published_at
    return {
        "index": 1,
        "typeVersion": 1,
        "data": data,
        "geometry": None,
        "startAt": first.date().isoformat() if first else day,
        "endAt": None,
        "registrationAt": day,
        "correctionFor": None,
        "correctedBy": None,
    }


def kcc_objects(request: HttpRequest) -> list[dict[str, Any]]:
    """Every object of the gemeente's KCC, in catalogue order."""
    site = requesting_site(request)
    types = _type_urls(request)
    kinds = _kinds_for(request)
    objects: list[dict[str, Any]] = []

    def obj(uuid: str, kind: str, data: dict[str, Any], stored) -> dict[str, Any]:
        return {
            "url": request.build_absolute_uri(f"/api/objects/v2/objects/{uuid}"),
            "uuid": uuid,
            "type": types[kind],
            "record": _record(data, stored),
        }

    if KENNISARTIKEL in kinds:
        for stored in stored_renderings(site=site, channel="kcc"):
            data = json.loads(stored.content)
            # The agents' note is not in the public rendering; it is one of
            # the inputs the gate judged and approved (``ProductSnapshot``'s
            # ``kcc_notitie``), and ``stored_renderings`` serves the rendering
            # only while that approval is of the live page as it is now.
            data["vertalingen"][0]["deskMemo"] = stored.page.kcc_notitie
            objects.append(obj(data["uuid"], KENNISARTIKEL, data, stored))
    if VAC in kinds:
        for stored in stored_renderings(site=site, channel="kcc", variant="vac"):
            for vac in json.loads(stored.content):
                objects.append(obj(vac["uuid"], VAC, vac["data"], stored))
    return objects


def _lookup(data: Any, path: list[str]) -> Any:
    for key in path:
        if isinstance(data, list) and key.isdigit() and int(key) < len(data):
            data = data[int(key)]
        elif isinstance(data, dict) and key in data:
            data = data[key]
        else:
            return None
    return data


def _matches(value: Any, operator: str, expected: str) -> bool:
    if value is None:
        return False
    text = value if isinstance(value, str) else json.dumps(value)
    if operator == "exact":
        return text == expected
    if operator == "icontains":
        return expected.lower() in text.lower()
    if operator == "in":
        return text in expected.split("|")
    comparisons = {
        "gt": text > expected,
        "gte": text >= expected,
        "lt": text < expected,
        "lte": text <= expected,
    }
    return comparisons[operator]


def _filters(request: HttpRequest) -> list[tuple[list[str], str, str]]:
    raw = [
        part
        for value in request.GET.getlist("data_attrs")
        for part in value.split(",")
        if part
    ] + request.GET.getlist("data_attr")
    filters = []
    for item in raw:
        parts = item.split("__")
        if len(parts) < 3 or parts[-2] not in OPERATORS:
            raise ApiError(
                400,
                f"Ongeldig filter '{item}': gebruik veld__operator__waarde, met als "
                f"operator een van {', '.join(OPERATORS)}.",
            )
        filters.append((parts[:-2], parts[-2], parts[-1]))
    return filters


@require_safe
def object_list(request: HttpRequest) -> JsonResponse:
    try:
        require_token(
            request,
            expected=settings.KCC_OBJECTS_API_TOKEN,
            name="KCC_OBJECTS_API_TOKEN",
        )
        filters = _filters(request)
        objects = [
            o
            for o in kcc_objects(request)
            if all(
                _matches(_lookup(o["record"]["data"], path), op, value)
                for path, op, value in filters
            )
        ]
        return JsonResponse(
            paginated(request, objects, default_size=100, max_size=500),
            json_dumps_params={"ensure_ascii": False},
        )
    except ApiError as error:
        return error.response()


@require_safe
def object_detail(request: HttpRequest, uuid: str) -> JsonResponse:
    try:
        require_token(
            request,
            expected=settings.KCC_OBJECTS_API_TOKEN,
            name="KCC_OBJECTS_API_TOKEN",
        )
        for o in kcc_objects(request):
            if o["uuid"] == str(uuid):
                return JsonResponse(o, json_dumps_params={"ensure_ascii": False})
        raise ApiError(404, "Dit object bestaat niet (of is niet gepubliceerd).")
    except ApiError as error:
        return error.response()

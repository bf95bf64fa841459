"""``/api/open-product/v1/producttypen``: read-only, compatible with Open Product.

List and detail of the Producttypen API, from the stored ``open_product``
renderings of the live products of the requesting gemeente. Filters:
``uniforme_product_naam`` (Open Product's own) and ``doelgroep`` (the
hub's: ``inwoners``, ``ondernemers``, ``beide``); pagination with ``page``
and ``page_size``.
"""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_safe

from contenthub.vocabulary import Doelgroep

from ..http import ApiError, paginated
from ..selectors import requesting_site, stored_renderings

CHANNEL = "open_product"


def _producttypen(request: HttpRequest) -> list[dict[str, Any]]:
    stored = stored_renderings(site=requesting_site(request), channel=CHANNEL)
    naam = request.GET.get("uniforme_product_naam")
    doelgroep = request.GET.get("doelgroep")
    if doelgroep and doelgroep not in Doelgroep.values:
        raise ApiError(
            400,
            f"Onbekende doelgroep '{doelgroep}'. Kies uit: {', '.join(Doelgroep.values)}.",
        )
    return [
        json.loads(item.content)
        for item in stored
        if (not naam or item.page.upl_naam == naam)
        and (not doelgroep or item.page.doelgroep == doelgroep)
    ]


@require_safe
def producttype_list(request: HttpRequest) -> JsonResponse:
    try:
        items = _producttypen(request)
        page = paginated(
            request, items, default_size=100, max_size=500, size_param="page_size"
        )
    except ApiError as error:
        return error.response()
    return JsonResponse(page, json_dumps_params={"ensure_ascii": False})


@require_safe
def producttype_detail(request: HttpRequest, uuid: str) -> JsonResponse:
    try:
        for item in _producttypen(request):
            if item["uuid"] == str(uuid):
                return JsonResponse(item, json_dumps_params={"ensure_ascii": False})
        raise ApiError(404, "Dit producttype bestaat niet (of is niet gepubliceerd).")
    except ApiError as error:
        return error.response()

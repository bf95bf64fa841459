"""What the compatible JSON APIs share: Dutch errors, token checks, pagination."""

from __future__ import annotations

import hmac
from collections.abc import Sequence
from typing import Any

from django.http import HttpRequest, JsonResponse


class ApiError(Exception):
    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail

    def response(self) -> JsonResponse:
        return JsonResponse({"detail": self.detail}, status=self.status)


def require_token(request: HttpRequest, *, expected: str, name: str) -> None:
    """``Authorization: Token <expected>``; an empty setting switches the API off."""
    if not expected:
        raise ApiError(403, f"Deze koppeling staat uit: {name} is niet ingesteld.")
    given = request.headers.get("Authorization", "")
    if not hmac.compare_digest(given.encode(), f"Token {expected}".encode()):
        raise ApiError(401, "Geef een geldige token mee: Authorization: Token <token>.")


def positive_int(request: HttpRequest, name: str, default: int, maximum: int) -> int:
    raw = request.GET.get(name)
    if raw is None or raw == "":
        return default
    if not raw.isdigit() or int(raw) < 1:
        raise ApiError(400, f"'{name}' moet een positief geheel getal zijn.")
    return min(int(raw), maximum)


def paginated(
    request: HttpRequest,
    items: Sequence[Any],
    *,
    default_size: int,
    max_size: int,
    size_param: str = "pageSize",
) -> dict[str, Any]:
    """DRF's page-number pagination: ``count``, ``next``, ``previous``, ``results``."""
    page = positive_int(request, "page", 1, 10**9)
    size = positive_int(request, size_param, default_size, max_size)
    start = (page - 1) * size
    if start and start >= len(items):
        raise ApiError(404, "Deze pagina bestaat niet.")

    def link(number: int) -> str:
        query = request.GET.copy()
        query["page"] = str(number)
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    return {
        "count": len(items),
        "next": link(page + 1) if start + size < len(items) else None,
        "previous": link(page - 1) if page > 1 else None,
        "results": list(items[start : start + size]),
    }

"""Who may use the quality queries: a role, or an API token with a scope.

Tokens are Wagtail's own (``wagtail.models.APIToken``, sent as
``Authorization: Bearer wagtail_…``); ``APITokenScope`` adds the scope.
Users need the role communicatieadviseur or beheerder (their groups).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone
from wagtail.models import APIToken

from .errors import ApiError, Code
from .models import Scope

QUALITY_GROUPS = frozenset({"Communicatieadviseurs", "Beheerders"})
_MEMO_ATTRIBUTE = "_contenthub_api_token"


def _in_quality_group(user: Any) -> bool:
    """Communicatieadviseur or beheerder, hub-wide or of one gemeente."""
    from django.db.models import Q

    from gemeenten.models import GemeenteRollen

    per_gemeente = GemeenteRollen.objects.values_list(
        "communicatieadviseurs", flat=True
    )
    beheer = GemeenteRollen.objects.values_list("beheerders", flat=True)
    return user.groups.filter(
        Q(name__in=QUALITY_GROUPS) | Q(pk__in=per_gemeente) | Q(pk__in=beheer)
    ).exists()


def bearer_token(request: HttpRequest) -> str | None:
    header = request.META.get("HTTP_AUTHORIZATION", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def has_credentials(request: HttpRequest) -> bool:
    """A token or a session: the answer is for this client, never shared."""
    if "HTTP_AUTHORIZATION" in request.META:
        return True
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


def api_token(request: HttpRequest) -> APIToken | None:
    """The valid, unrevoked token of an active user, looked up once per request."""
    if hasattr(request, _MEMO_ATTRIBUTE):
        return getattr(request, _MEMO_ATTRIBUTE)
    found = None
    plaintext = bearer_token(request)
    if plaintext and APIToken.validate_token_format(plaintext):
        found = (
            APIToken.objects.select_related("user")
            .filter(
                key_hash__in=APIToken.candidate_key_hashes(plaintext),
                revoked_at__isnull=True,
            )
            .first()
        )
        if found is not None and not found.user.is_active:
            found = None
        if found is not None:
            _touch(found)
    setattr(request, _MEMO_ATTRIBUTE, found)
    return found


def _touch(token: APIToken) -> None:
    # As Wagtail's own bearer auth: record use at most once per interval.
    interval = getattr(settings, "WAGTAILAPI_TOKEN_LAST_USED_INTERVAL", 60)
    if interval is None:
        return
    now = timezone.now()
    if (
        token.last_used_at is None
        or (now - token.last_used_at).total_seconds() >= interval
    ):
        APIToken.objects.filter(pk=token.pk).update(last_used_at=now)


def require_scope(request: HttpRequest, scope: Scope, *, wat: str) -> None:
    """Raise ``GEEN_TOEGANG`` unless the request may use ``scope``."""
    if bearer_token(request) is not None:
        token = api_token(request)
        if token is None:
            raise ApiError(
                "Het API-token is ongeldig of ingetrokken.", code=Code.GEEN_TOEGANG
            )
        if token.contenthub_scopes.filter(scope=scope).exists():
            return
        raise ApiError(
            f"Dit API-token heeft niet de scope '{scope.value}' die nodig is voor {wat}.",
            code=Code.GEEN_TOEGANG,
        )
    user = getattr(request, "user", None)
    if (
        user is not None
        and user.is_authenticated
        and user.is_active
        and (user.is_superuser or _in_quality_group(user))
    ):
        return
    raise ApiError(
        f"U heeft geen toegang tot {wat}. Log in als communicatieadviseur of "
        f"beheerder, of gebruik een API-token met de scope '{scope.value}'.",
        code=Code.GEEN_TOEGANG,
    )

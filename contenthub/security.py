"""Security headers and login protection for the hub.

- :class:`SecurityHeadersMiddleware` sends a Content-Security-Policy and a
  Permissions-Policy header (``CONTENTHUB_CSP`` switches the CSP on; the
  production settings do). Public pages get a strict policy: scripts and
  styles only from the hub itself, no inline script. A
  ``<script type="application/ld+json">`` block is data, not script: the
  browser does not run it, so the policy leaves it alone. The Wagtail admin
  still has inline scripts and style attributes (the inline panel, the date
  widgets) and shows the headless-preview front-end in an iframe: its policy
  allows exactly those, and nothing from other hosts beyond them.
- django-axes locks the admin login after ``AXES_FAILURE_LIMIT`` failures per
  account and per address; :func:`lockout_response` says so in Dutch and
  :func:`record_lockout` writes an entry in Wagtail's audit log (the user's
  history) and a log line without username or address.
"""

from __future__ import annotations

import ipaddress
import logging
from collections.abc import Callable
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse
from django.utils.html import escape

logger = logging.getLogger(__name__)

ADMIN_PREFIXES = ("/admin/", "/django-admin/")
LOCKOUT_ACTION = "contenthub.inloggen_geblokkeerd"

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "usb",
        "xr-spatial-tracking",
    )
)
"""No page of the hub uses any of these; fullscreen stays for embedded video."""


def _origin(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme in ("http", "https") and parts.netloc:
        return f"{parts.scheme}://{parts.netloc}"
    return None


def _extra_origins() -> list[str]:
    """The admin's own address and a static-files host, when they differ from the site."""
    origins = {
        _origin(getattr(settings, "WAGTAILADMIN_BASE_URL", "")),
        _origin(getattr(settings, "STATIC_URL", "")),
    }
    return sorted(origin for origin in origins if origin)


def _preview_frame_sources() -> list[str]:
    """Where the admin's headless-preview iframe may point (CONTENTHUB_PREVIEW_CLIENT_URLS)."""
    urls = (
        getattr(settings, "WAGTAIL_HEADLESS_PREVIEW", {}).get("CLIENT_URLS", {}) or {}
    )
    sources: set[str] = set()
    for url in urls.values():
        if "{SITE_ROOT_URL}" in url:
            sources.add("https:")  # every gemeente's own site
            continue
        origin = _origin(url)
        if origin:
            sources.add(origin)
    return sorted(sources)


def _policy(directives: dict[str, list[str]]) -> str:
    return "; ".join(
        f"{name} {' '.join(values)}" for name, values in directives.items()
    )


def public_policy() -> str:
    """The CSP of the website, the API and the chatbot: no inline script."""
    extra = _extra_origins()
    return _policy(
        {
            "default-src": ["'self'"],
            "script-src": ["'self'", *extra],
            "style-src": ["'self'", *extra],
            "img-src": ["'self'", "data:", *extra],
            "font-src": ["'self'", *extra],
            "connect-src": ["'self'", *extra],
            "frame-src": ["'self'"],
            "object-src": ["'none'"],
            "base-uri": ["'self'"],
            "form-action": ["'self'"],
            "frame-ancestors": ["'self'"],
        }
    )


def admin_policy() -> str:
    """The CSP of the Wagtail admin: its inline scripts and styles, nothing else loose."""
    extra = _extra_origins()
    return _policy(
        {
            "default-src": ["'self'"],
            # Wagtail 8 still renders inline <script> (inline panels, date
            # widgets) and style="" attributes in its admin templates.
            "script-src": ["'self'", "'unsafe-inline'", *extra],
            "style-src": ["'self'", "'unsafe-inline'", *extra],
            # Image previews (data:/blob:) and Wagtail's default avatars.
            "img-src": ["'self'", "data:", "blob:", "https://www.gravatar.com", *extra],
            "font-src": ["'self'", "data:", *extra],
            # Wagtail's dashboard asks releases.wagtail.org for a newer version
            # (WAGTAIL_ENABLE_UPDATE_CHECK).
            "connect-src": ["'self'", "https://releases.wagtail.org", *extra],
            # The preview panel and the external front-end of headless preview.
            "frame-src": ["'self'", *_preview_frame_sources()],
            "object-src": ["'none'"],
            "base-uri": ["'self'"],
            "form-action": ["'self'"],
            "frame-ancestors": ["'self'"],
        }
    )


class SecurityHeadersMiddleware:
    """Adds Content-Security-Policy (with ``CONTENTHUB_CSP``) and Permissions-Policy."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response
        self.public = public_policy()
        self.admin = admin_policy()

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if getattr(settings, "CONTENTHUB_CSP", False):
            policy = (
                self.admin if request.path.startswith(ADMIN_PREFIXES) else self.public
            )
            response.headers.setdefault("Content-Security-Policy", policy)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


# --- django-axes ------------------------------------------------------------


def client_ip(request: HttpRequest) -> str:
    """The client's address for axes, read like the chatbot's rate limit does.

    ``CONTENTHUB_CLIENT_IP_HEADER`` (for example ``HTTP_X_FORWARDED_FOR``
    behind a proxy; the right-most address, the one the hub's proxy added).
    """
    header = getattr(settings, "CONTENTHUB_CLIENT_IP_HEADER", "REMOTE_ADDR")
    value = request.META.get(header, "") or request.META.get("REMOTE_ADDR", "")
    address = value.split(",")[-1].strip()
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        # Axes stores the address in an IP column (inet on PostgreSQL): an
        # unknown or malformed one is recorded as the unspecified address.
        return UNKNOWN_ADDRESS


UNKNOWN_ADDRESS = "0.0.0.0"  # noqa: S104  (a stored value, nothing listens on it)


def client_description(*args: object, **kwargs: object) -> str:
    """What axes writes in its log lines instead of username and address."""
    return "een client (gebruikersnaam en adres staan in de AccessAttempt-tabel)"


LOCKOUT_HTML = """<!DOCTYPE html>
<html lang="nl">
<head><meta charset="utf-8"><title>Inloggen tijdelijk geblokkeerd</title></head>
<body>
<main>
<h1>Inloggen tijdelijk geblokkeerd</h1>
<p>{message}</p>
</main>
</body>
</html>
"""


def lockout_message() -> str:
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return (
        f"Er is {settings.AXES_FAILURE_LIMIT} keer achter elkaar een verkeerd "
        "wachtwoord ingevuld voor dit account of vanaf dit adres. Inloggen is "
        f"daarom {minutes} minuten geblokkeerd. Probeer het daarna opnieuw, of "
        "vraag een beheerder om de blokkade op te heffen."
    )


def lockout_response(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict | None = None,
) -> HttpResponse:
    """The Dutch answer to a blocked login (HTTP 429)."""
    return HttpResponse(
        LOCKOUT_HTML.format(message=escape(lockout_message())),
        status=settings.AXES_HTTP_RESPONSE_CODE,
        content_type="text/html; charset=utf-8",
    )


def record_lockout(
    sender: object, request: HttpRequest, username: str | None, **kwargs: object
) -> None:
    """An audit-log entry on the blocked account; a log line without personal data."""
    from wagtail.log_actions import log

    logger.warning("Inloggen geblokkeerd na te veel mislukte pogingen.")
    if not username:
        return
    user = get_user_model()._default_manager.filter(username=username).first()
    if user is not None:
        log(
            instance=user,
            action=LOCKOUT_ACTION,
            data={"pogingen": settings.AXES_FAILURE_LIMIT},
        )

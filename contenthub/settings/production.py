"""Production: secrets and hosts from the environment only, secure defaults."""

import sys

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import REDIS_URL, STORAGES
from .environment import env, require_env

MIN_SECRET_KEY_LENGTH = 50

DEBUG = env("DEBUG", False)
SECRET_KEY = require_env(
    "SECRET_KEY",
    why="Zet een lange, willekeurige geheime sleutel in SECRET_KEY "
    '(bijvoorbeeld: python -c "import secrets; print(secrets.token_urlsafe(50))").',
)
if len(SECRET_KEY) < MIN_SECRET_KEY_LENGTH:
    raise ImproperlyConfigured(
        f"SECRET_KEY is te kort ({len(SECRET_KEY)} tekens); gebruik er minstens "
        f"{MIN_SECRET_KEY_LENGTH}, willekeurig gekozen (bijvoorbeeld: python -c "
        '"import secrets; print(secrets.token_urlsafe(50))").'
    )
ALLOWED_HOSTS = require_env(
    "ALLOWED_HOSTS",
    why="Geef de hostnamen van de hub op, gescheiden door komma's.",
).split(",")

STORAGES = {
    **STORAGES,
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
# Preloading is a commitment for the whole domain, so a gemeente opts in.
SECURE_HSTS_PRELOAD = env("SECURE_HSTS_PRELOAD", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail allows its own preview iframe per view.
SILENCED_SYSTEM_CHECKS = env("SILENCED_SYSTEM_CHECKS", ["security.W021"])

# Content-Security-Policy and Permissions-Policy (contenthub/security.py).
CONTENTHUB_CSP = env("CONTENTHUB_CSP", True)

# The chatbot's rate limit and the API cache live in Django's cache. Without
# Redis that is one local memory per process: with more than one worker a
# client gets the limit once per worker, so REDIS_URL is then required.
WEB_CONCURRENCY = env("WEB_CONCURRENCY", 1)
if not REDIS_URL:
    if WEB_CONCURRENCY > 1:
        raise ImproperlyConfigured(
            f"WEB_CONCURRENCY={WEB_CONCURRENCY}: met meer dan één worker is REDIS_URL "
            "verplicht, anders geldt de limiet van de chatbot per proces en niet voor "
            "de hele hub. Zet REDIS_URL (bijvoorbeeld redis://redis:6379/0)."
        )
    sys.stderr.write(
        "Let op: REDIS_URL is niet gezet. De limiet van de chatbot "
        "(CHATBOT_RATE_LIMIT) en de cache gelden per proces; draai één worker "
        "of zet REDIS_URL.\n"
    )

"""Production: secrets and hosts from the environment only, secure defaults."""

from .base import *  # noqa: F403
from .base import STORAGES
from .environment import env, require_env

DEBUG = env("DEBUG", False)
SECRET_KEY = require_env(
    "SECRET_KEY",
    why="Zet een lange, willekeurige geheime sleutel in SECRET_KEY "
    '(bijvoorbeeld: python -c "import secrets; print(secrets.token_urlsafe(50))").',
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

"""Local development: DEBUG on, console e-mail, a per-checkout secret key."""

import secrets

from .base import *  # noqa: F403
from .base import BASE_DIR
from .environment import env

DEBUG = env("DEBUG", True)
# The demo gemeenten live on subdomains of localhost (rivierstad.localhost,
# heuveldorp.localhost), which browsers send to 127.0.0.1.
ALLOWED_HOSTS = env("ALLOWED_HOSTS", ["localhost", ".localhost", "127.0.0.1", "[::1]"])


def _local_secret_key() -> str:
    # A random key kept in an ignored file, so sessions survive a restart
    # and no key is ever written in the code.
    path = BASE_DIR / ".dev-secret-key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
    return path.read_text().strip()


SECRET_KEY = env("SECRET_KEY", "") or _local_secret_key()
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# Serve static files from the apps without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

"""Test settings: as close to production as a test run allows."""

import secrets

from .base import *  # noqa: F403
from .deployment import IMMEDIATE_BACKEND
from .environment import env

DEBUG = False
SECRET_KEY = env("SECRET_KEY", "") or secrets.token_urlsafe(50)
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALLOWED_HOSTS = ["*"]
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "contenthub-test",
    }
}
# Background tasks run at once, inside the test (only here: everywhere else
# they wait for a worker).
TASKS = {"default": {"BACKEND": IMMEDIATE_BACKEND}}
# A test module's demo sits in a transaction that a thread's own connection
# cannot see: the chatbot builds its index while the question waits, except in
# tests/chatbot/test_background_index.py, which commits its data.
CHATBOT_INDEX_ACHTERGROND = False

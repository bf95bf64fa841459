"""WSGI entry point for gunicorn: ``gunicorn contenthub.wsgi``."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "contenthub.settings.production")

application = get_wsgi_application()

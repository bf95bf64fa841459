"""Production settings for ``bench/api_http.py``, served by gunicorn.

The hub's production settings (``contenthub.settings.production``), with two
bench-only changes: static files come from the apps without collectstatic
(the APIs render no template), and WhiteNoise also serves the bench's own
directory at the site root, where the benchmark puts the static reference file.
"""

import os

from contenthub.settings.production import *  # noqa: F403
from contenthub.settings.production import STORAGES

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_ROOT = os.environ["CONTENTHUB_BENCH_STATIC_DIR"]

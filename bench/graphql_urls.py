"""The hub's URLs plus one prebuilt JSON file, for bench/graphql_vs_rest.py.

The file is served by Django's static file view through the same middleware
as the APIs: the least any API in this stack could cost per request.
"""

from __future__ import annotations

import os

from django.urls import path
from django.views.static import serve

from contenthub.urls import urlpatterns as hub_urlpatterns

STATIC_DIR = os.environ.get("CONTENTHUB_BENCH_STATIC_DIR", "")

urlpatterns = [
    path("bench-static/<path:path>", serve, {"document_root": STATIC_DIR}),
    *hub_urlpatterns,
]

"""Shared set-up for benchmarks: a throwaway SQLite database with the demo loaded."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup_demo_database(*, load: bool = True) -> Path:
    """Point Django at a fresh database (or DATABASE_URL), migrate and load the demo."""
    sys.path.insert(0, str(ROOT))
    path = Path(tempfile.mkdtemp(prefix="contenthub-bench-")) / "bench.sqlite3"
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{path}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "contenthub.settings.test")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    if load:
        from demo.loader import load_demo

        # Voorbeeldstad's 50 products: the catalogue the earlier figures used.
        load_demo(gemeenten=["voorbeeldstad"])
    return path

"""Shared set-up for benchmarks: a throwaway SQLite database with the demo loaded."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup_demo_database(*, load: bool = True) -> Path:
    """Point Django at a fresh database (or DATABASE_URL), migrate and load the demo.

    ``CONTENTHUB_BENCH_DEMO_DB`` (optional) names a SQLite file in which an
    earlier run already loaded the demo: it is copied to a fresh path and
    used as it is, which saves minutes on a loaded machine. Make one with
    ``sqlite3 <a bench database> ".backup demo.sqlite3"`` after a run.
    """
    sys.path.insert(0, str(ROOT))
    path = Path(tempfile.mkdtemp(prefix="contenthub-bench-")) / "bench.sqlite3"
    loaded = os.environ.get("CONTENTHUB_BENCH_DEMO_DB")
    if loaded and load:
        import sqlite3

        with sqlite3.connect(loaded) as source, sqlite3.connect(path) as copy:
            source.backup(copy)
        os.environ["DATABASE_URL"] = f"sqlite:///{path}"
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "contenthub.settings.test")
        import django

        django.setup()
        return path
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

"""Deployment options for more than one machine, read from the environment.

Each function reads its variables when called and returns plain settings
values; ``base.py`` calls them once. Without any of these variables the hub
runs as before: one database, the database search backend and tasks in the
request. See docs/schaal.md.

- ``DATABASE_REPLICA_URLS``: read replicas (comma separated database URLs),
  used through ``contenthub.db_router`` for the public read APIs.
- ``TASKS_BACKEND``: ``database`` (the hub's default: django-tasks-db,
  worker: ``manage.py db_worker``, which ``scripts/run`` starts), ``immediate``
  (in the request; the test settings use it), ``redis`` (django-tasks-rq on
  ``REDIS_URL``, worker: ``manage.py rqworker``) or a backend's dotted path.
- ``WAGTAILSEARCH_URL`` (comma separated) with ``WAGTAILSEARCH_BACKEND``
  (``elasticsearch8``, ``elasticsearch9``, ``opensearch2``, ``opensearch3``)
  and ``WAGTAILSEARCH_INDEX``: Wagtail's Elasticsearch/OpenSearch backend.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib.util import find_spec
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .environment import env

REPLICA_PREFIX = "replica_"
REPLICA_PATHS_DEFAULT = ["/graphql/", "/api/"]

IMMEDIATE_BACKEND = "django_tasks.backends.immediate.ImmediateBackend"
DATABASE_BACKEND = "django_tasks_db.DatabaseBackend"
RQ_BACKEND = "django_tasks_rq.RQBackend"

DATABASE_SEARCH = {
    "BACKEND": "wagtail.search.backends.database",
    # Used on PostgreSQL: Dutch stemming, so "verhuizingen" finds "verhuizing".
    "SEARCH_CONFIG": "dutch",
}
SEARCH_BACKENDS = {
    # name: (Wagtail backend module, Python client module, pip extra)
    "elasticsearch8": ("wagtail.search.backends.elasticsearch8", "elasticsearch", "elasticsearch8"),
    "elasticsearch9": ("wagtail.search.backends.elasticsearch9", "elasticsearch", "elasticsearch9"),
    "opensearch2": ("wagtail.search.backends.opensearch2", "opensearchpy", "opensearch2"),
    "opensearch3": ("wagtail.search.backends.opensearch3", "opensearchpy", "opensearch3"),
}  # fmt: skip


def _require_package(module: str, *, variable: str, value: str, extra: str) -> None:
    if find_spec(module) is None:
        raise ImproperlyConfigured(
            f"{variable}={value} vraagt het Python-pakket '{module}', maar dat is niet "
            f"geïnstalleerd. Installeer het met: pip install 'contenthub[{extra}]'."
        )


# --- Read replicas ----------------------------------------------------------


def read_replicas(*, conn_max_age: int = 60) -> dict[str, dict[str, Any]]:
    """``DATABASE_REPLICA_URLS`` as extra ``DATABASES`` entries replica_1, replica_2, ...

    Replicas never run migrations or request transactions; in tests they
    mirror ``default`` (Django's TEST MIRROR), so a test run needs no replica.
    """
    databases: dict[str, dict[str, Any]] = {}
    for number, url in enumerate(env("DATABASE_REPLICA_URLS", []), start=1):
        try:
            config = dj_database_url.parse(
                url, conn_max_age=conn_max_age, conn_health_checks=True
            )
        except ValueError as error:
            raise ImproperlyConfigured(
                f"DATABASE_REPLICA_URLS bevat een ongeldig database-adres ({error}). "
                "Gebruik de vorm postgres://gebruiker@host:5432/naam, meerdere "
                "gescheiden door komma's."
            ) from None
        if not config.get("NAME"):
            raise ImproperlyConfigured(
                f"In DATABASE_REPLICA_URLS mist de databasenaam bij replica {number}."
            )
        config["ATOMIC_REQUESTS"] = False
        config["TEST"] = {"MIRROR": "default"}
        databases[f"{REPLICA_PREFIX}{number}"] = config
    return databases


def read_replica_paths() -> list[str]:
    """URL prefixes whose requests may read from a replica (public read APIs)."""
    paths = env("DATABASE_REPLICA_PATHS", REPLICA_PATHS_DEFAULT)
    for path in paths:
        if not path.startswith("/"):
            raise ImproperlyConfigured(
                f"DATABASE_REPLICA_PATHS bevat '{path}': elk pad begint met '/'."
            )
    return paths


# --- Task queue -------------------------------------------------------------


@dataclass(frozen=True)
class TaskQueue:
    """What ``TASKS_BACKEND`` needs in the settings."""

    tasks: dict[str, Any]
    apps: list[str] = field(default_factory=list)
    rq_queues: dict[str, Any] = field(default_factory=dict)


def read_task_queue(*, redis_url: str = "", default: str = "immediate") -> TaskQueue:
    """``TASKS_BACKEND`` (``default`` when unset) as TASKS, extra
    INSTALLED_APPS and RQ_QUEUES."""
    value = env("TASKS_BACKEND", default).strip()
    if value in ("", "immediate", IMMEDIATE_BACKEND):
        return TaskQueue(tasks={"default": {"BACKEND": IMMEDIATE_BACKEND}})
    if value in ("database", DATABASE_BACKEND):
        _require_package(
            "django_tasks_db", variable="TASKS_BACKEND", value=value, extra="wachtrij"
        )
        return TaskQueue(
            tasks={"default": {"BACKEND": DATABASE_BACKEND}}, apps=["django_tasks_db"]
        )
    if value in ("redis", RQ_BACKEND):
        _require_package(
            "django_tasks_rq",
            variable="TASKS_BACKEND",
            value=value,
            extra="redis-wachtrij",
        )
        if not redis_url:
            raise ImproperlyConfigured(
                f"TASKS_BACKEND={value} gebruikt Redis: zet ook REDIS_URL "
                "(bijvoorbeeld redis://redis:6379/0)."
            )
        return TaskQueue(
            tasks={"default": {"BACKEND": RQ_BACKEND}},
            apps=["django_rq"],
            rq_queues={"default": {"URL": redis_url}},
        )
    if "." not in value:
        raise ImproperlyConfigured(
            f"TASKS_BACKEND moet immediate, database, redis of het pad van een "
            f"backend zijn, niet {value!r}."
        )
    return TaskQueue(tasks={"default": {"BACKEND": value}})


# --- SQLite -----------------------------------------------------------------


def sqlite_options(*, busy_timeout: int) -> dict[str, Any]:
    """``OPTIONS`` that let requests, the task worker and commands share one
    SQLite file without "database is locked".

    - WAL journal: readers never wait for a writer, nor a writer for readers.
    - ``timeout``: a writer waits up to ``busy_timeout`` seconds for another
      writer instead of failing at once.
    - ``BEGIN IMMEDIATE``: a transaction takes the write lock when it starts.
      In the default (deferred) mode a transaction that first reads and then
      writes cannot wait for a writer that went ahead: SQLite refuses it at
      once, whatever the timeout.
    """
    return {
        "transaction_mode": "IMMEDIATE",
        "timeout": busy_timeout,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    }


# --- Search -----------------------------------------------------------------


def read_search_backends() -> dict[str, dict[str, Any]]:
    """``WAGTAILSEARCH_BACKENDS``: the database backend unless WAGTAILSEARCH_URL is set."""
    urls = env("WAGTAILSEARCH_URL", [])
    if not urls:
        return {"default": dict(DATABASE_SEARCH)}
    name = env("WAGTAILSEARCH_BACKEND", "elasticsearch8").strip().lower()
    if name not in SEARCH_BACKENDS:
        raise ImproperlyConfigured(
            f"WAGTAILSEARCH_BACKEND moet een van {', '.join(SEARCH_BACKENDS)} zijn, "
            f"niet {name!r}."
        )
    for url in urls:
        if not url.startswith(("http://", "https://")):
            raise ImproperlyConfigured(
                f"WAGTAILSEARCH_URL bevat '{url}': gebruik http:// of https://, "
                "bijvoorbeeld https://zoeken.intern:9200."
            )
    backend, client, extra = SEARCH_BACKENDS[name]
    _require_package(client, variable="WAGTAILSEARCH_BACKEND", value=name, extra=extra)
    return {
        "default": {
            "BACKEND": backend,
            "URLS": urls,
            "INDEX_PREFIX": env("WAGTAILSEARCH_INDEX_PREFIX", "contenthub_"),
            "TIMEOUT": env("WAGTAILSEARCH_TIMEOUT", 10),
            "OPTIONS": {},
            "INDEX_SETTINGS": {},
        }
    }

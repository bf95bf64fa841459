"""Read replicas for the public read APIs; everything else on the primary.

Active only when ``DATABASE_REPLICA_URLS`` is set (``contenthub/settings``).
The rule is deliberately narrow, so that nobody reads a stale replica where
it matters:

- Reads go to a replica only inside :func:`replica_reads`, which
  :class:`ReplicaReadsMiddleware` opens for requests to the public read
  APIs (``DATABASE_REPLICA_PATHS``, default ``/graphql/`` and ``/api/``).
  The admin, the doorwerking workers and management commands always read
  the primary, so an editor sees what they just saved.
- The first write inside that context (``db_for_write``: an insert, an
  update, ``select_for_update``) pins the rest of it to the primary, so a
  request reads its own writes (the chatbot logs a question, for example).
- Writes and migrations go to the primary only.

Between requests a replica may lag behind the primary; docs/schaal.md says
how to keep that window closed (``synchronous_commit = remote_apply``).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest, HttpResponse

PRIMARY = "default"


@dataclass
class _ReplicaContext:
    pinned: bool = False


_context: ContextVar[_ReplicaContext | None] = ContextVar(
    "contenthub_replica_context", default=None
)


def replica_aliases() -> list[str]:
    """The configured replica aliases (``DATABASE_REPLICAS``: replica_1, ...)."""
    return list(getattr(settings, "DATABASE_REPLICAS", ()))


@contextmanager
def replica_reads() -> Iterator[None]:
    """Let reads in this block go to a replica, until the first write."""
    token = _context.set(_ReplicaContext())
    try:
        yield
    finally:
        _context.reset(token)


class ReplicaRouter:
    """Django database router: see the module docstring for the rule."""

    def db_for_read(self, model, **hints) -> str | None:
        context = _context.get()
        if context is None or context.pinned:
            return PRIMARY
        aliases = replica_aliases()
        if not aliases:
            return PRIMARY
        return random.choice(aliases)  # noqa: S311 - load spreading, not security

    def db_for_write(self, model, **hints) -> str:
        context = _context.get()
        if context is not None:
            context.pinned = True
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints) -> bool:
        # Every alias holds the same data.
        return True

    def allow_migrate(self, db: str, app_label: str, **hints) -> bool:
        return db == PRIMARY


class ReplicaReadsMiddleware:
    """Opens :func:`replica_reads` for requests to ``DATABASE_REPLICA_PATHS``."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.paths = tuple(getattr(settings, "DATABASE_REPLICA_PATHS", ()))

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self.paths and request.path.startswith(self.paths):
            with replica_reads():
                return self.get_response(request)
        return self.get_response(request)

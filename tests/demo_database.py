"""The demo catalogue for tests: loaded once per test process, then copied in.

Loading the demo (the basisteksten and one or three gemeenten, every product
through the publication gate, its renderings stored) takes a minute or more.
The demo fixtures in ``tests/conftest.py`` used to load it again for every
module. Now each process loads each selection of gemeenten once into a
database of its own and copies that in for every module that asks for it:

- SQLite (an in-memory test database): the loaded database is kept as an
  in-memory copy (``sqlite3`` backup API); a module gets that copy written
  over the test database, and afterwards the test database as it was before.
- PostgreSQL: the demo is loaded into a database created from the test
  database as a template (``<test database>_demo_<selection>``, so each
  xdist worker has its own). A module gets a database created from that one
  as a template (``..._demo_<selection>_m``) and its connection points at it;
  it is dropped after the module, so not even what another connection
  commits there reaches the next module. Dropped at the end of the run.

What a module sees is what a fresh load gave it before: the same rows on a
database that was otherwise as the module found it. The load commits, but
what waits for that commit (``transaction.on_commit``) is dropped, as the
old never-committed load dropped it. When the database the demo was loaded
onto has changed since (a transactional test left other rows behind), the
copy no longer matches and the demo is loaded again.

``DEMO_LOADS`` counts the real loads; ``DEMO_COPIES`` the modules served.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction

logger = logging.getLogger(__name__)

DEMO_LOADS: list[str] = []
"""One entry per real load of the demo in this process (its selection)."""
DEMO_COPIES: list[str] = []
"""One entry per module (or package, or session fixture) served a copy."""


@dataclass
class _Loaded:
    fingerprint: tuple[Any, ...]
    """The database the demo was loaded onto, in row counts per table."""
    copy: Any
    """SQLite: an in-memory ``sqlite3.Connection``; PostgreSQL: a database name."""


_loaded: dict[str, _Loaded] = {}

_CONFIGURED_DATABASE = settings.DATABASES["default"]["NAME"]
"""The hub's own database (imported before pytest-django creates the test one)."""


def selection_key(gemeenten: Iterable[str] | None) -> str:
    """``alle`` for every gemeente, otherwise the sorted keys joined by ``_``."""
    return "alle" if gemeenten is None else "_".join(sorted(gemeenten))


@contextmanager
def demo_database(gemeenten: Iterable[str] | None) -> Iterator[None]:
    """Run the block on the test database with the demo ``gemeenten`` (``None``:
    all of them) in it, as ``load_demo(gemeenten=...)`` leaves it; afterwards
    the test database is as before. The caller unblocks the database and
    wraps its use in a transaction that it rolls back."""
    if connection.in_atomic_block:
        raise RuntimeError("demo_database() must be entered outside a transaction")
    if connection.settings_dict["NAME"] == _CONFIGURED_DATABASE:
        # pytest-django creates the test database only when a selected test
        # uses the database (django_db or the db fixture).
        raise RuntimeError(
            "no test database: select at least one test that uses the database"
        )
    selection = None if gemeenten is None else sorted(gemeenten)
    key = selection_key(selection)
    fingerprint = _fingerprint()
    loaded = _loaded.get(key)
    if loaded is not None and loaded.fingerprint != fingerprint:
        logger.warning("demo %s: test database changed since its load; again", key)
        _discard(loaded)
        loaded = None
    if loaded is None:
        loaded = _loaded[key] = _load(key, selection, fingerprint)
    DEMO_COPIES.append(key)
    with _serving(loaded):
        # What a load does to this process's caches: the site root paths and
        # catalogue versions it set belong to the rows now in the database.
        cache.clear()
        yield


@contextmanager
def demo_loaded(
    django_db_blocker: Any, gemeenten: Iterable[str] | None
) -> Iterator[None]:
    """What the demo fixtures hold for their scope: the demo ``gemeenten``
    (``None``: all) in a transaction that is rolled back afterwards, as
    ``load_demo`` leaves them."""
    with django_db_blocker.unblock(), demo_database(gemeenten):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def drop_all() -> None:
    """Forget every loaded demo (PostgreSQL: drop its database)."""
    while _loaded:
        _discard(_loaded.popitem()[1])


def _load(key: str, selection: list[str] | None, fingerprint: tuple) -> _Loaded:
    from demo.loader import load_demo

    started = time.monotonic()
    if connection.vendor == "sqlite":
        before = _sqlite_copy_of_test_database()
        try:
            _load_and_commit(load_demo, selection)
            copy = _sqlite_copy_of_test_database()
        finally:
            before.backup(connection.connection)
            before.close()
        loaded = _Loaded(fingerprint, copy)
    elif connection.vendor == "postgresql":
        name = _postgresql_name(key)
        _postgresql_create(name, template=connection.settings_dict["NAME"])
        with _postgresql_pointed_at(name):
            _load_and_commit(load_demo, selection)
        loaded = _Loaded(fingerprint, name)
    else:  # pragma: no cover - the hub runs on SQLite and PostgreSQL only
        raise RuntimeError(f"no demo copies for {connection.vendor}")
    DEMO_LOADS.append(key)
    logger.warning(
        "demo %s loaded (load %d in this process) in %.0f s",
        key,
        len(DEMO_LOADS),
        time.monotonic() - started,
    )
    return loaded


def _load_and_commit(load_demo, selection: list[str] | None) -> None:
    with transaction.atomic():
        load_demo(gemeenten=selection)
        # The old fixture never committed the load, so nothing waiting for
        # its commit ever ran; neither does it now.
        connection.run_on_commit.clear()


@contextmanager
def _serving(loaded: _Loaded) -> Iterator[None]:
    if connection.vendor == "sqlite":
        before = _sqlite_copy_of_test_database()
        loaded.copy.backup(connection.connection)
        try:
            yield
        finally:
            before.backup(connection.connection)
            before.close()
    else:
        module_copy = f"{loaded.copy}_m"
        _postgresql_create(module_copy, template=loaded.copy)
        try:
            with _postgresql_pointed_at(module_copy):
                yield
        finally:
            _postgresql_drop(module_copy)


def _discard(loaded: _Loaded) -> None:
    if isinstance(loaded.copy, sqlite3.Connection):
        loaded.copy.close()
    else:
        _postgresql_drop(loaded.copy)


def _fingerprint() -> tuple[Any, ...]:
    with connection.cursor() as cursor:
        tables = sorted(connection.introspection.table_names(cursor))
        counts = []
        for table in tables:
            # Table names from the database itself, quoted.
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"SELECT COUNT(*) FROM {quoted}")  # noqa: S608
            counts.append((table, cursor.fetchone()[0]))
        if connection.vendor == "sqlite":
            # The AUTOINCREMENT counters (a rollback resets them, a copy must too).
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE name = 'sqlite_sequence'"
            )
            if cursor.fetchone():
                cursor.execute("SELECT name, seq FROM sqlite_sequence ORDER BY name")
                counts.append(("sqlite_sequence", tuple(cursor.fetchall())))
    return tuple(counts)


def _sqlite_copy_of_test_database() -> sqlite3.Connection:
    connection.ensure_connection()
    copy = sqlite3.connect(":memory:")
    connection.connection.backup(copy)
    return copy


def _postgresql_name(key: str) -> str:
    name = f"{connection.settings_dict['NAME']}_demo_{key}"
    if len(f"{name}_m") > 63:
        raise RuntimeError(f"database name too long for PostgreSQL: {name}")
    return name


def _postgresql_create(name: str, *, template: str) -> None:
    quote = connection.ops.quote_name
    # A template database may have no other sessions.
    connection.close()
    with connection._nodb_cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {quote(name)}")
        cursor.execute(f"CREATE DATABASE {quote(name)} TEMPLATE {quote(template)}")


def _postgresql_drop(name: str) -> None:
    # FORCE: a connection another thread left open must not keep it.
    quoted = connection.ops.quote_name(name)
    with connection._nodb_cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)")


@contextmanager
def _postgresql_pointed_at(name: str) -> Iterator[None]:
    test_database = connection.settings_dict["NAME"]
    connection.close()
    connection.settings_dict["NAME"] = name
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict["NAME"] = test_database

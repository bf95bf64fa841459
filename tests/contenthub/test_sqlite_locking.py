"""SQLite shared by requests, the task worker and commands: no "database is locked".

The classic failure: a transaction reads, another writer commits, then the
first one writes. In SQLite's default (deferred) mode that write fails at
once with "database is locked", whatever the busy timeout. With the hub's
options (WAL, a timeout, ``BEGIN IMMEDIATE``) the second writer waits instead.
Each test uses its own SQLite file, so this runs whatever DATABASE_URL says.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings
from django.db import OperationalError
from django.db.utils import ConnectionHandler

from contenthub.settings.deployment import sqlite_options


def _handler(path: Path, options: dict) -> ConnectionHandler:
    return ConnectionHandler(
        {
            "default": {
                "ENGINE": "django.db.backends.sqlite3",
                "NAME": str(path),
                "OPTIONS": options,
            }
        }
    )


@contextmanager
def _transaction(db) -> Iterator[None]:
    """What ``transaction.atomic`` does to a connection (which it only does
    for the suite's own connections): begin the way the options say, commit."""
    db.set_autocommit(False, force_begin_transaction_with_broken_autocommit=True)
    try:
        yield
        db.commit()
    except BaseException:
        db.rollback()
        raise
    finally:
        db.set_autocommit(True)


def _read_then_write_while_another_writes(handler: ConnectionHandler) -> list[str]:
    """Two threads: A reads, B writes and commits, A writes. Returns errors."""
    connection = handler["default"]
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE teller (n INTEGER)")
        cursor.execute("INSERT INTO teller VALUES (0)")
    connection.close()
    errors: list[str] = []
    a_has_read = threading.Event()
    b_is_done = threading.Event()

    def a() -> None:
        db = handler["default"]
        try:
            with _transaction(db), db.cursor() as c:
                c.execute("SELECT n FROM teller")
                a_has_read.set()
                b_is_done.wait(timeout=0.5)  # B cannot go ahead with IMMEDIATE
                c.execute("UPDATE teller SET n = n + 1")
        except OperationalError as error:
            errors.append(str(error))
        finally:
            a_has_read.set()
            db.close()

    def b() -> None:
        a_has_read.wait(timeout=5)
        db = handler["default"]
        try:
            with _transaction(db), db.cursor() as c:
                c.execute("UPDATE teller SET n = n + 1")
        except OperationalError as error:
            errors.append(str(error))
        finally:
            b_is_done.set()
            db.close()

    threads = [threading.Thread(target=a), threading.Thread(target=b)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    if not errors:
        with handler["default"].cursor() as cursor:
            cursor.execute("SELECT n FROM teller")
            assert cursor.fetchone()[0] == 2
        handler["default"].close()
    return errors


@pytest.fixture(autouse=True)
def own_files(django_db_blocker):
    # These connections are the test's own, never the suite's test database.
    with django_db_blocker.unblock():
        yield


def test_the_hubs_sqlite_options_let_a_second_writer_wait(tmp_path):
    errors = _read_then_write_while_another_writes(
        _handler(tmp_path / "hub.sqlite3", sqlite_options(busy_timeout=10))
    )
    assert errors == []


def test_without_them_the_same_work_fails_with_database_is_locked(tmp_path):
    # Django's defaults plus a generous timeout: the timeout alone does not help.
    errors = _read_then_write_while_another_writes(
        _handler(tmp_path / "plain.sqlite3", {"timeout": 10})
    )
    assert any("database is locked" in error for error in errors), errors


def test_the_journal_is_wal_with_a_busy_timeout(tmp_path):
    handler = _handler(tmp_path / "wal.sqlite3", sqlite_options(busy_timeout=7))
    with handler["default"].cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] == 7000
    handler["default"].close()


@pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
    reason="de hub draait deze test op PostgreSQL",
)
def test_the_hub_uses_them_on_sqlite():
    options = settings.DATABASES["default"]["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] >= 5
    assert "journal_mode=WAL" in options["init_command"]

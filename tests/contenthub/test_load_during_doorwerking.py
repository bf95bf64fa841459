"""Readers and editors while a doorwerking runs: no 500, no "database is locked".

The fast CI version of ``bench/load_test.py``: a live server, a doorwerking
in a thread of its own, an editor publishing a product and a handful of
concurrent readers on the website, the GraphQL API and the chatbot. On
PostgreSQL. SQLite's in-memory test database (shared cache) locks whole
tables and ignores the busy timeout, unlike the hub's SQLite file, so on
SQLite this test is skipped: ``test_sqlite_locking.py`` covers the file's
locking and ``bench/load_test.py`` the whole hub on a real SQLite file.
"""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.conf import settings
from django.db import connection

from publicatie.doorwerking import record_doorwerking, run_doorwerking
from publicatie.models import Doorwerking
from tests.publicatie.doorwerking.conftest import (
    NIEUW_KORT_ANTWOORD,
    make_basistekst,
    make_gemeente,
    publish,
)

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"),
        reason="de in-memory SQLite van de tests vergrendelt hele tabellen; "
        "zie bench/load_test.py",
    ),
]

READERS = 4
REQUESTS = 24


def fetch(url: str, host: str, body: dict | None = None) -> tuple[int, str]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, headers={"Host": host})  # noqa: S310 - http only
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


def test_readers_and_an_editor_during_a_doorwerking(live_server):
    basistekst = make_basistekst()
    gemeente = make_gemeente("testdorp", "Testdorp")
    products = [
        publish(gemeente.product(slug=f"paspoort-{n}", basistekst=basistekst))
        for n in range(4)
    ]
    eigen = publish(gemeente.product(slug="eigen", title="Eigen product"))
    basistekst.kort_antwoord = NIEUW_KORT_ANTWOORD
    revision = basistekst.save_revision()
    revision.publish()  # queues nothing here: the run is started by hand below
    doorwerking = record_doorwerking(basistekst, revision=revision)

    host = gemeente.site.hostname
    _site, _root, path = products[0].get_url_parts()
    calls = [
        (f"{live_server.url}{path}", None),
        (
            f"{live_server.url}/graphql/",
            {
                "query": "{ producten(first: 5) { totaal edges { node { slug kortAntwoord } } } }"
            },
        ),
        (
            f"{live_server.url}/api/chatbot/vraag",
            {"vraag": "Hoe vraag ik een paspoort aan?"},
        ),
    ]
    errors: list[str] = []

    def work() -> None:
        try:
            run_doorwerking(doorwerking.pk)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(repr(error))
        finally:
            connection.close()

    def edit() -> None:
        try:
            eigen.kort_antwoord = (
                "U vraagt dit online aan. Wij reageren binnen 5 werkdagen."
            )
            eigen.save_revision().publish()
        except Exception as error:  # noqa: BLE001
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=work), threading.Thread(target=edit)]
    for thread in threads:
        thread.start()
    with ThreadPoolExecutor(READERS) as pool:
        answers = list(
            pool.map(
                lambda n: fetch(
                    *calls[n % len(calls)][:1], host, calls[n % len(calls)][1]
                ),
                range(REQUESTS),
            )
        )
    for thread in threads:
        thread.join(timeout=120)

    assert errors == []
    assert [status for status, _ in answers if status >= 500] == []
    assert not [body for _, body in answers if "database is locked" in body]
    assert {status for status, _ in answers} <= {200}
    doorwerking.refresh_from_db()
    assert doorwerking.status == Doorwerking.Status.KLAAR

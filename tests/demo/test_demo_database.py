"""The demo fixtures' copies (``tests/demo_database.py``): what one module does
to the demo never reaches the next module in the same process.

Each test here plays two modules one after the other, as a test process (an
xdist worker) runs them: it enters the demo as the fixtures do
(``demo_loaded``), changes it, leaves, and enters again. The database is
compared row by row (every table), not by counts.
"""

from __future__ import annotations

import hashlib

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from wagtail.models import Site

from contenthub.models import ProductPage
from tests.demo_database import demo_database, demo_loaded

VOORBEELDSTAD = ["voorbeeldstad"]


@pytest.fixture
def blocker(demo_databases, django_db_blocker):
    return django_db_blocker


def database_digest() -> str:
    """Every row of every table of the database the connection points at."""
    digest = hashlib.sha256()
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT * FROM {quote(table)}")  # noqa: S608
            digest.update(table.encode())
            for row in sorted(repr(row) for row in cursor.fetchall()):
                digest.update(row.encode())
    return digest.hexdigest()


def change_the_demo() -> None:
    """An update of a product and a site, a deletion and an insert."""
    product = ProductPage.objects.live().order_by("path").first()
    ProductPage.objects.filter(pk=product.pk).update(title="Gelekte titel")
    Site.objects.update(site_name="Gelekte gemeente")
    ProductPage.objects.live().order_by("-path").first().delete()
    Group.objects.create(name="Gelekte groep")


def test_a_module_s_changes_do_not_reach_the_next_module(blocker):
    with demo_loaded(blocker, VOORBEELDSTAD):
        assert ProductPage.objects.live().exists()
        pristine = database_digest()
        change_the_demo()
        assert database_digest() != pristine

    with demo_loaded(blocker, VOORBEELDSTAD):
        assert database_digest() == pristine
        assert not Group.objects.filter(name="Gelekte groep").exists()


def test_not_even_what_a_module_commits_reaches_the_next_module(blocker):
    """A commit (another connection, a thread, a command) outlives the
    fixture's rollback; it must not outlive the module's copy."""
    with blocker.unblock():
        with demo_database(VOORBEELDSTAD):
            pristine = database_digest()
            assert not connection.in_atomic_block
            change_the_demo()  # autocommit: every statement committed
        with demo_database(VOORBEELDSTAD):
            assert database_digest() == pristine
            assert not Group.objects.filter(name="Gelekte groep").exists()


def test_the_test_database_is_as_before_after_a_module(blocker):
    with blocker.unblock():
        before = database_digest()
        products_before = ProductPage.objects.count()
        with demo_database(VOORBEELDSTAD):
            assert ProductPage.objects.count() > products_before
            change_the_demo()
        assert database_digest() == before
        assert ProductPage.objects.count() == products_before


def test_after_the_modules_above_the_test_database_holds_no_demo(db):
    """Last in this module (and it makes pytest-django create the test
    database when this module runs alone): the plays above left nothing."""
    assert not ProductPage.objects.exists()
    assert not Group.objects.filter(name="Gelekte groep").exists()

from __future__ import annotations

import pytest
from wagtail.models import Page, Site

from .factories import (
    ContactpuntFactory,
    HomePageFactory,
    ProductPageFactory,
    ThemaPageFactory,
)


@pytest.fixture
def home(db):
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug="testdorp")
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": "localhost",
            "port": 80,
            "root_page": home,
            "site_name": "Testdorp",
        },
    )
    return home


@pytest.fixture
def thema(home):
    return ThemaPageFactory(
        parent=home, title="Paspoort en ID-kaart", slug="paspoort-en-id-kaart"
    )


@pytest.fixture
def contactpunt(db):
    return ContactpuntFactory(naam="Publiekszaken")


@pytest.fixture
def product(thema, contactpunt):
    return ProductPageFactory(parent=thema, slug="paspoort", contact=contactpunt)


@pytest.fixture
def make_product(thema, contactpunt):
    def make(**overrides):
        overrides.setdefault("contact", contactpunt)
        return ProductPageFactory(parent=thema, **overrides)

    return make


@pytest.fixture(scope="session")
def demo_products(django_db_setup, django_db_blocker):
    """Snapshots of every live demo product, loaded once and rolled back.

    Renderers and checkers take snapshots, so tests on the real catalogue need
    the database only here.
    """
    from django.db import transaction

    from contenthub.demo.loader import load_demo
    from contenthub.models import ProductPage
    from contenthub.structured import product_snapshot

    with django_db_blocker.unblock(), transaction.atomic():
        load_demo()
        snapshots = [
            product_snapshot(page, revision_id=page.live_revision_id)
            for page in ProductPage.objects.live().order_by("path")
        ]
        transaction.set_rollback(True)
    return snapshots


@pytest.fixture
def snapshot_of():
    from contenthub.structured import product_snapshot

    return product_snapshot


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    """The demo gemeente, loaded once per module inside a transaction that is
    rolled back afterwards; each test's own changes roll back to a savepoint."""
    from django.db import transaction
    from wagtail.models import Site

    from contenthub.demo.loader import load_demo

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            load_demo()
            yield Site.objects.get(is_default_site=True)
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)

from __future__ import annotations

from contextlib import contextmanager

import pytest
from wagtail.models import Page, Site

from .factories import (
    ContactpuntFactory,
    HomePageFactory,
    ProductPageFactory,
    ThemaPageFactory,
)


@pytest.fixture(autouse=True)
def _browser_step_off(request, monkeypatch):
    """The gate's browser step (axe-core in Chromium) runs only in tests marked browser."""
    if request.node.get_closest_marker("browser") is None:
        monkeypatch.setenv("CONTENTHUB_WCAG_BROWSER", "0")


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
    """Snapshots of every live Dutch product of Voorbeeldstad, loaded once and
    rolled back (its English translations: ``demo_english_products``).

    Renderers and checkers take snapshots, so tests on the real catalogue need
    the database only here.
    """
    from django.db import transaction

    from contenthub.models import ProductPage
    from contenthub.structured import product_snapshot
    from demo.loader import load_demo

    with django_db_blocker.unblock(), transaction.atomic():
        load_demo(gemeenten=["voorbeeldstad"])
        snapshots = [
            product_snapshot(page, revision_id=page.live_revision_id)
            for page in ProductPage.objects.live()
            .filter(locale__language_code="nl")
            .order_by("path")
        ]
        transaction.set_rollback(True)
    return snapshots


@pytest.fixture
def snapshot_of():
    from contenthub.structured import product_snapshot

    return product_snapshot


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    """The demo gemeente Voorbeeldstad (and the basisteksten), loaded once per
    module inside a transaction that is rolled back afterwards; each test's own
    changes roll back to a savepoint."""
    from wagtail.models import Site

    with _demo_loaded(django_db_blocker, ["voorbeeldstad"]):
        yield Site.objects.get(hostname="localhost", port=80)


@pytest.fixture(scope="module")
def demo_gemeenten(django_db_setup, django_db_blocker):
    """All three demo gemeenten as ``{key: Site}``, loaded once per module like
    ``demo_site``. Loading three gemeenten takes longer: use ``demo_site`` when
    Voorbeeldstad is enough."""
    from wagtail.models import Site

    from demo.source import GEMEENTEN, read_organisatie

    with _demo_loaded(django_db_blocker, None):
        yield {
            key: Site.objects.get(
                hostname=read_organisatie(key)["gemeente"]["hostname"], port=80
            )
            for key in GEMEENTEN
        }


@contextmanager
def _demo_loaded(django_db_blocker, gemeenten):
    from django.db import transaction

    from demo.loader import load_demo

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            load_demo(gemeenten=gemeenten)
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)

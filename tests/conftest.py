from __future__ import annotations

import pytest
from wagtail.models import Page, Site

# Imported first: it notes the hub's own database before the test one exists.
from .demo_database import DEMO_COPIES, DEMO_LOADS, demo_loaded, drop_all
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
def demo_products(demo_databases, django_db_blocker):
    """Snapshots of every live Dutch product of Voorbeeldstad, taken once and
    rolled back (the English translations are left out).

    Renderers and checkers take snapshots, so tests on the real catalogue need
    the database only here.
    """
    from contenthub.models import ProductPage
    from contenthub.structured import product_snapshot

    with demo_loaded(django_db_blocker, ["voorbeeldstad"]):
        return [
            product_snapshot(page, revision_id=page.live_revision_id)
            for page in ProductPage.objects.live()
            .filter(locale__language_code="nl")
            .order_by("path")
        ]


@pytest.fixture
def snapshot_of():
    from contenthub.structured import product_snapshot

    return product_snapshot


@pytest.fixture(scope="session")
def demo_databases(django_db_setup, django_db_blocker):
    """The demo, loaded at most once per selection of gemeenten in this process
    (``tests/demo_database.py``); the demo fixtures copy it in."""
    yield
    with django_db_blocker.unblock():
        drop_all()


@pytest.fixture(scope="module")
def demo_site(demo_databases, django_db_blocker):
    """The demo gemeente Voorbeeldstad (and the basisteksten), loaded once per
    module inside a transaction that is rolled back afterwards; each test's own
    changes roll back to a savepoint."""
    from wagtail.models import Site

    with demo_loaded(django_db_blocker, ["voorbeeldstad"]):
        yield Site.objects.get(hostname="localhost", port=80)


@pytest.fixture(scope="module")
def demo_gemeenten(demo_databases, django_db_blocker):
    """All three demo gemeenten as ``{key: Site}``, loaded once per module like
    ``demo_site``. Loading three gemeenten takes longer: use ``demo_site`` when
    Voorbeeldstad is enough."""
    from wagtail.models import Site

    from demo.source import GEMEENTEN, read_organisatie

    with demo_loaded(django_db_blocker, None):
        yield {
            key: Site.objects.get(
                hostname=read_organisatie(key)["gemeente"]["hostname"], port=80
            )
            for key in GEMEENTEN
        }


def pytest_terminal_summary(terminalreporter):
    """How often the demo was loaded and copied in (without xdist)."""
    if DEMO_COPIES:
        terminalreporter.write_line(
            f"demo: {len(DEMO_LOADS)} loads ({', '.join(DEMO_LOADS)}), "
            f"{len(DEMO_COPIES)} copies"
        )


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    """The same figures per xdist worker."""
    output = getattr(node, "workeroutput", {})
    if "demo_copies" in output:
        worker = node.workerinput["workerid"]
        node.config.pluginmanager.get_plugin("terminalreporter").write_line(
            f"demo on {worker}: {len(output['demo_loads'])} loads "
            f"({', '.join(output['demo_loads'])}), {output['demo_copies']} copies"
        )


def pytest_sessionfinish(session):
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None and DEMO_COPIES:
        workeroutput["demo_loads"] = list(DEMO_LOADS)
        workeroutput["demo_copies"] = len(DEMO_COPIES)

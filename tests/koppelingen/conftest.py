from __future__ import annotations

import pytest

from tests.demo_database import demo_loaded

from .receiver import receiver  # noqa: F401 (a fixture for this package)


@pytest.fixture(scope="package")
def demo_site(demo_databases, django_db_blocker):
    """Voorbeeldstad, loaded (through the gate, renderings stored) once for
    every koppeling test; rolled back afterwards."""
    from wagtail.models import Site

    with demo_loaded(django_db_blocker, ["voorbeeldstad"]):
        yield Site.objects.get(hostname="localhost", port=80)


@pytest.fixture
def demo_client(demo_site, client, db):
    """A client on Voorbeeldstad's host name."""
    client.defaults["HTTP_HOST"] = demo_site.hostname
    return client

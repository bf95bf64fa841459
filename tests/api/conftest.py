"""Fixtures for the GraphQL API: a client, publication helpers, a second gemeente."""

from __future__ import annotations

import json

import pytest
from django.core.cache import cache
from wagtail.models import Page, Site

from renderers.models import ChannelRendering, ProductDocument
from tests.factories import HomePageFactory, ProductPageFactory, ThemaPageFactory


@pytest.fixture(autouse=True)
def empty_cache():
    # Cached answers outlive the database rollback between tests.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def graphql(client):
    """POST a query; returns the response (``.json()`` for the payload)."""

    def post(query: str, variables: dict | None = None, **extra):
        body: dict = {"query": query}
        if variables is not None:
            body["variables"] = variables
        return client.post(
            "/graphql/",
            data=json.dumps(body),
            content_type="application/json",
            **extra,
        )

    return post


@pytest.fixture
def data(graphql):
    """Run a query that must succeed; returns ``data``."""

    def run(query: str, variables: dict | None = None, **extra):
        response = graphql(query, variables, **extra)
        payload = response.json()
        assert "errors" not in payload, payload
        assert response.status_code == 200
        return payload["data"]

    return run


def publish(page):
    """Publish for real: signals fire and every channel is rendered and stored."""
    revision = page.save_revision()
    revision.publish()
    page.refresh_from_db()
    return page


def publish_quickly(page, *, channels=(("tweet", ""),)):
    """What publication leaves behind, without rendering a PDF per product:
    a live revision and a stored rendering of it per channel."""
    revision = page.save_revision()
    Page.objects.filter(pk=page.pk).update(
        live_revision=revision, has_unpublished_changes=False
    )
    page.live_revision = revision
    # The document the API serves belongs to the live revision, as publication leaves it.
    ProductDocument.objects.filter(page=page).update(revision=revision)
    for channel, variant in channels:
        ChannelRendering.objects.update_or_create(
            page=page,
            channel=channel,
            variant=variant,
            defaults={
                "media_type": "text/plain; charset=utf-8",
                "content": f"{page.title} via {channel}",
                "revision": revision,
                "etag": f'"{page.pk}-{channel}-{variant}"',
            },
        )
    return page


@pytest.fixture
def other_gemeente(db):
    """A second gemeente (Site) with one live product."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug="anderdorp", title="Gemeente Anderdorp")
    Site.objects.create(
        hostname="anderdorp.example", port=80, root_page=home, site_name="Anderdorp"
    )
    thema = ThemaPageFactory(parent=home, title="Afval", slug="afval")
    product = ProductPageFactory(
        parent=thema, slug="grofvuil", title="Grofvuil ophalen"
    )
    return publish_quickly(product)

"""GraphiQL at /graphql/ comes from the hub's own static files, never a CDN."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
from django.contrib.staticfiles import finders
from django.test import RequestFactory

from api.schema import schema
from api.views import HubGraphQLView

pytestmark = pytest.mark.django_db


@pytest.fixture
def graphiql_page():
    view = HubGraphQLView.as_view(graphiql=True, schema=schema)
    request = RequestFactory().get("/graphql/", HTTP_ACCEPT="text/html")
    response = view(request)
    assert response.status_code == 200
    return response.content.decode()


def referenced_urls(html: str) -> list[str]:
    return re.findall(r'(?:src|href)="([^"]+)"', html)


def test_graphiql_references_no_external_host(graphiql_page):
    urls = referenced_urls(graphiql_page)
    assert any("graphiql.min.js" in url for url in urls)
    assert any("react.production.min.js" in url for url in urls)
    assert [url for url in urls if urlparse(url).netloc] == []
    assert "cdn." not in graphiql_page


def test_every_file_graphiql_loads_is_a_static_file_of_the_hub(graphiql_page):
    # scripts/frontend installs them from the npm registry at set-up.
    for url in referenced_urls(graphiql_page):
        assert url.startswith("/static/"), url
        assert finders.find(url.removeprefix("/static/")), f"{url} ontbreekt"


def test_graphiql_has_no_inline_script(graphiql_page):
    # The settings travel as a JSON data block, so a strict CSP allows the page.
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", graphiql_page, re.S)
    for attributes, body in scripts:
        if body.strip():
            assert 'type="application/json"' in attributes, body


def test_the_api_still_answers_json_without_graphiql(client):
    response = client.get("/graphql/", {"query": "{ __typename }"})
    assert response.status_code == 200
    assert response.json() == {"data": {"__typename": "Query"}}

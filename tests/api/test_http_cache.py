"""ETag, Cache-Control, 304 and the server-side cache with its invalidation."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from api.cache import cache_timeout

from .conftest import publish, publish_quickly

pytestmark = pytest.mark.django_db

TITELS = "{ producten { edges { node { titel } } } }"


def _titels(response):
    return [e["node"]["titel"] for e in response.json()["data"]["producten"]["edges"]]


def test_an_anonymous_answer_is_public_with_an_etag(graphql, product):
    publish_quickly(product)
    response = graphql(TITELS)
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=60"
    assert response["ETag"].startswith('"')
    assert len(response["ETag"]) == 34


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_conditional_request_gets_304(client, product, method):
    publish_quickly(product)
    if method == "get":
        send = lambda **extra: client.get("/graphql/", {"query": TITELS}, **extra)  # noqa: E731
    else:
        send = lambda **extra: client.post(  # noqa: E731
            "/graphql/", json.dumps({"query": TITELS}), "application/json", **extra
        )
    first = send()
    etag = first["ETag"]
    again = send(HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert again["Cache-Control"] == "public, max-age=60"
    assert send(HTTP_IF_NONE_MATCH=f'W/{etag}, "iets-anders"').status_code == 304
    assert send(HTTP_IF_NONE_MATCH='"iets-anders"').status_code == 200


def test_the_same_query_by_get_and_post_has_the_same_etag(client, graphql, product):
    publish_quickly(product)
    assert client.get("/graphql/", {"query": TITELS})["ETag"] == graphql(TITELS)["ETag"]


def test_publishing_invalidates_the_cached_answer(
    graphql, product, django_capture_on_commit_callbacks
):
    publish_quickly(product)
    before = graphql(TITELS)
    assert graphql(TITELS)["ETag"] == before["ETag"]  # served from the cache
    product.title = "Paspoort aanvragen (nieuw)"
    with django_capture_on_commit_callbacks(execute=True):
        publish(product)
    after = graphql(TITELS)
    assert _titels(after) == ["Paspoort aanvragen (nieuw)"]
    assert after["ETag"] != before["ETag"]


def test_unpublishing_invalidates_the_cached_answer(
    graphql, product, django_capture_on_commit_callbacks
):
    publish_quickly(product)
    assert len(_titels(graphql(TITELS))) == 1
    with django_capture_on_commit_callbacks(execute=True):
        product.unpublish()
    assert _titels(graphql(TITELS)) == []


def test_a_changed_snippet_invalidates_the_cached_answer(
    graphql, product, contactpunt, django_capture_on_commit_callbacks
):
    publish_quickly(product)
    query = '{ product(slug: "paspoort") { contact { telefoon } } }'
    assert graphql(query).json()["data"]["product"]["contact"]["telefoon"] == "14 0999"
    with django_capture_on_commit_callbacks(execute=True):
        contactpunt.telefoon = "14 0888"
        contactpunt.save()
    assert graphql(query).json()["data"]["product"]["contact"]["telefoon"] == "14 0888"


def test_a_new_view_restriction_invalidates_the_cached_answer(
    graphql, product, django_capture_on_commit_callbacks
):
    publish_quickly(product)
    assert len(_titels(graphql(TITELS))) == 1
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=product, restriction_type=PageViewRestriction.LOGIN
        )
    assert _titels(graphql(TITELS)) == []


def test_the_cache_never_outlives_the_next_expiry(product):
    assert cache_timeout() == 300
    product.expire_at = timezone.now() + timedelta(seconds=42)
    product.save()
    assert 40 <= cache_timeout() <= 42


def test_an_answer_for_a_logged_in_user_is_private_and_not_cached(
    client, graphql, product, django_user_model
):
    publish_quickly(product)
    user = django_user_model.objects.create_user("adviseur", password="x")
    user.groups.add(Group.objects.get(name="Communicatieadviseurs"))
    client.force_login(user)
    first = graphql(TITELS)
    assert first["Cache-Control"] == "private, no-store"
    with CaptureQueriesContext(connection) as queries:
        second = graphql(TITELS)
    assert second["Cache-Control"] == "private, no-store"
    assert "Authorization" in second["Vary"]
    assert len(queries) > 0  # executed again, not served from the cache


def test_an_answer_for_a_token_is_private(graphql, product):
    publish_quickly(product)
    response = graphql(TITELS, HTTP_AUTHORIZATION="Bearer wagtail_onzin")
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_an_error_is_never_cached(graphql):
    response = graphql("{ bestaatNiet }")
    assert response.status_code == 400
    assert response["Cache-Control"] == "private, no-store"
    assert "ETag" not in response

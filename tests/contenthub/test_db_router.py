"""Which database a query goes to when read replicas are configured."""

from __future__ import annotations

import pytest
from django.test import RequestFactory

from contenthub.db_router import (
    PRIMARY,
    ReplicaReadsMiddleware,
    ReplicaRouter,
    replica_reads,
)
from contenthub.models import ProductPage

REPLICAS = {"replica_1", "replica_2"}


@pytest.fixture
def with_replicas(settings):
    settings.DATABASE_REPLICAS = sorted(REPLICAS)
    settings.DATABASE_REPLICA_PATHS = ["/graphql/", "/api/"]
    return settings


router = ReplicaRouter()


def test_reads_outside_a_read_context_use_the_primary(with_replicas):
    assert router.db_for_read(ProductPage) == PRIMARY


def test_reads_in_a_read_context_use_a_replica(with_replicas):
    with replica_reads():
        chosen = {router.db_for_read(ProductPage) for _ in range(50)}
    assert chosen == REPLICAS  # both replicas share the load


def test_a_write_pins_the_rest_of_the_context_to_the_primary(with_replicas):
    with replica_reads():
        assert router.db_for_read(ProductPage) in REPLICAS
        assert router.db_for_write(ProductPage) == PRIMARY
        assert router.db_for_read(ProductPage) == PRIMARY
        assert router.db_for_read(ProductPage) == PRIMARY
    with replica_reads():  # a new request starts on the replicas again
        assert router.db_for_read(ProductPage) in REPLICAS


def test_writes_outside_a_context_do_not_leak_into_a_later_one(with_replicas):
    assert router.db_for_write(ProductPage) == PRIMARY
    with replica_reads():
        assert router.db_for_read(ProductPage) in REPLICAS


def test_without_replicas_everything_uses_the_primary(settings):
    settings.DATABASE_REPLICAS = []
    with replica_reads():
        assert router.db_for_read(ProductPage) == PRIMARY


def test_migrations_only_on_the_primary(with_replicas):
    assert router.allow_migrate("default", "contenthub")
    assert not router.allow_migrate("replica_1", "contenthub")


@pytest.mark.parametrize(
    ("path", "replica"),
    [
        ("/graphql/", True),
        ("/api/chatbot/vraag", True),
        ("/admin/pages/3/edit/", False),
        ("/documents/1/", False),
    ],
)
def test_middleware_opens_the_read_context_for_public_apis_only(
    with_replicas, path, replica
):
    seen = []

    def view(request):
        seen.append(router.db_for_read(ProductPage))
        return "antwoord"

    middleware = ReplicaReadsMiddleware(view)
    assert middleware(RequestFactory().get(path)) == "antwoord"
    assert (seen[0] in REPLICAS) is replica
    # The context ends with the request.
    assert router.db_for_read(ProductPage) == PRIMARY

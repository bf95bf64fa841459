"""Deployment options from the environment; the defaults change nothing."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from contenthub.settings import deployment
from contenthub.settings.deployment import (
    DATABASE_BACKEND,
    IMMEDIATE_BACKEND,
    RQ_BACKEND,
    read_replica_paths,
    read_replicas,
    read_search_backends,
    read_task_queue,
)

VARIABLES = (
    "DATABASE_REPLICA_URLS",
    "DATABASE_REPLICA_PATHS",
    "TASKS_BACKEND",
    "WAGTAILSEARCH_URL",
    "WAGTAILSEARCH_BACKEND",
    "WAGTAILSEARCH_INDEX_PREFIX",
)


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch):
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def installed(monkeypatch):
    """Pretend which optional packages are installed."""
    present: set[str] = set()

    def find_spec(name):
        return object() if name in present else None

    monkeypatch.setattr(deployment, "find_spec", find_spec)
    return present


def test_defaults_are_one_database_immediate_tasks_and_database_search():
    assert read_replicas() == {}
    assert read_task_queue().tasks == {"default": {"BACKEND": IMMEDIATE_BACKEND}}
    assert read_task_queue().apps == []
    assert read_search_backends() == {
        "default": {
            "BACKEND": "wagtail.search.backends.database",
            "SEARCH_CONFIG": "dutch",
        }
    }
    assert read_replica_paths() == ["/graphql/", "/api/"]


def test_replica_urls(monkeypatch):
    monkeypatch.setenv(
        "DATABASE_REPLICA_URLS",
        "postgres://lezer:geheim@replica-a:5432/hub, postgres://lezer@replica-b/hub",
    )
    replicas = read_replicas(conn_max_age=30)
    assert list(replicas) == ["replica_1", "replica_2"]
    assert replicas["replica_1"]["HOST"] == "replica-a"
    assert replicas["replica_1"]["PASSWORD"] == "geheim"
    assert replicas["replica_2"]["HOST"] == "replica-b"
    assert replicas["replica_2"]["CONN_MAX_AGE"] == 30
    for config in replicas.values():
        assert config["NAME"] == "hub"
        assert config["ATOMIC_REQUESTS"] is False
        assert config["TEST"] == {"MIRROR": "default"}


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("onzin://replica/hub", "ongeldig database-adres"),
        ("postgres://lezer@replica-a:5432", "mist de databasenaam"),
    ],
)
def test_bad_replica_urls_are_refused_in_dutch(monkeypatch, value, message):
    monkeypatch.setenv("DATABASE_REPLICA_URLS", value)
    with pytest.raises(ImproperlyConfigured, match=message):
        read_replicas()


def test_replica_paths(monkeypatch):
    monkeypatch.setenv("DATABASE_REPLICA_PATHS", "/graphql/")
    assert read_replica_paths() == ["/graphql/"]
    monkeypatch.setenv("DATABASE_REPLICA_PATHS", "graphql")
    with pytest.raises(ImproperlyConfigured, match="begint met '/'"):
        read_replica_paths()


def test_database_task_queue(monkeypatch, installed):
    monkeypatch.setenv("TASKS_BACKEND", "database")
    with pytest.raises(
        ImproperlyConfigured, match=r"pip install 'contenthub\[wachtrij\]'"
    ):
        read_task_queue()
    installed.add("django_tasks_db")
    queue = read_task_queue()
    assert queue.tasks == {"default": {"BACKEND": DATABASE_BACKEND}}
    assert queue.apps == ["django_tasks_db"]


def test_redis_task_queue(monkeypatch, installed):
    installed.add("django_tasks_rq")
    monkeypatch.setenv("TASKS_BACKEND", "redis")
    with pytest.raises(ImproperlyConfigured, match="zet ook REDIS_URL"):
        read_task_queue(redis_url="")
    queue = read_task_queue(redis_url="redis://redis:6379/0")
    assert queue.tasks == {"default": {"BACKEND": RQ_BACKEND}}
    assert queue.apps == ["django_rq"]
    assert queue.rq_queues == {"default": {"URL": "redis://redis:6379/0"}}


def test_task_backend_path_and_nonsense(monkeypatch):
    monkeypatch.setenv("TASKS_BACKEND", "django_tasks.backends.dummy.DummyBackend")
    assert read_task_queue().tasks == {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }
    monkeypatch.setenv("TASKS_BACKEND", "celery")
    with pytest.raises(ImproperlyConfigured, match="immediate, database, redis"):
        read_task_queue()


def test_elasticsearch(monkeypatch, installed):
    monkeypatch.setenv("WAGTAILSEARCH_URL", "https://zoek-1:9200,https://zoek-2:9200")
    with pytest.raises(
        ImproperlyConfigured, match=r"'elasticsearch'.*niet geïnstalleerd"
    ):
        read_search_backends()
    installed.add("elasticsearch")
    backend = read_search_backends()["default"]
    assert backend["BACKEND"] == "wagtail.search.backends.elasticsearch8"
    assert backend["URLS"] == ["https://zoek-1:9200", "https://zoek-2:9200"]
    assert backend["INDEX_PREFIX"] == "contenthub_"


def test_opensearch(monkeypatch, installed):
    installed.add("opensearchpy")
    monkeypatch.setenv("WAGTAILSEARCH_URL", "http://opensearch:9200")
    monkeypatch.setenv("WAGTAILSEARCH_BACKEND", "OpenSearch3")
    monkeypatch.setenv("WAGTAILSEARCH_INDEX_PREFIX", "gemeenten_")
    backend = read_search_backends()["default"]
    assert backend["BACKEND"] == "wagtail.search.backends.opensearch3"
    assert backend["INDEX_PREFIX"] == "gemeenten_"


@pytest.mark.parametrize(
    ("url", "name", "message"),
    [
        ("https://zoek:9200", "solr", "moet een van elasticsearch8"),
        ("zoek:9200", "elasticsearch8", "gebruik http:// of https://"),
    ],
)
def test_bad_search_settings_are_refused_in_dutch(
    monkeypatch, installed, url, name, message
):
    installed.update({"elasticsearch", "opensearchpy"})
    monkeypatch.setenv("WAGTAILSEARCH_URL", url)
    monkeypatch.setenv("WAGTAILSEARCH_BACKEND", name)
    with pytest.raises(ImproperlyConfigured, match=message):
        read_search_backends()


def test_the_wagtail_backends_named_exist():
    from importlib.util import find_spec

    for backend, _client, _extra in deployment.SEARCH_BACKENDS.values():
        assert find_spec(backend) is not None, backend

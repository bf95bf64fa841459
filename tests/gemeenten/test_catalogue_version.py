"""Each gemeente has its own catalogue version: a publication in one gemeente
leaves the caches and chatbot index of the others alone, and one publication
sets one new version (not one per stored rendering)."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from contenthub.catalogue import VERSION_KEY, catalogue_version


@pytest.fixture
def version_writes(monkeypatch):
    """The catalogue-version keys written, one list entry per write."""
    writes: list[list[str]] = []
    set_many = cache.set_many

    def counting(data, *args, **kwargs):
        keys = [key for key in data if key.startswith(VERSION_KEY)]
        if keys:
            writes.append(sorted(keys))
        return set_many(data, *args, **kwargs)

    monkeypatch.setattr(cache, "set_many", counting)
    return writes


def publish_new_text(product, text: str) -> None:
    product.kort_antwoord = text
    product.save_revision().publish()


def test_a_publication_leaves_another_gemeentes_version_alone(testdorp, anderdorp):
    testdorp_before = catalogue_version(site=testdorp.site)
    anderdorp_before = catalogue_version(site=anderdorp.site)
    hub_before = catalogue_version()

    publish_new_text(
        anderdorp.product, "U vraagt een paspoort aan bij de balie in Anderdorp."
    )

    assert catalogue_version(site=anderdorp.site) != anderdorp_before
    assert catalogue_version(site=testdorp.site) == testdorp_before
    assert catalogue_version() != hub_before


def test_a_snippet_change_changes_only_its_gemeente(testdorp, anderdorp):
    testdorp_before = catalogue_version(site=testdorp.site)
    anderdorp_before = catalogue_version(site=anderdorp.site)

    anderdorp.contactpunt.telefoon = "14 0999"
    anderdorp.contactpunt.save()

    assert catalogue_version(site=anderdorp.site) != anderdorp_before
    assert catalogue_version(site=testdorp.site) == testdorp_before


def test_one_publication_sets_one_version_and_one_more_at_commit(
    testdorp, anderdorp, version_writes, django_capture_on_commit_callbacks
):
    catalogue_version(site=anderdorp.site)  # a reader has seen the version

    with django_capture_on_commit_callbacks(execute=True):
        publish_new_text(
            anderdorp.product, "U vraagt een paspoort aan bij de balie in Anderdorp."
        )

    site_key = f"{VERSION_KEY}:{anderdorp.site.pk}"
    both = sorted([site_key, f"{VERSION_KEY}:alle"])
    assert [keys for keys in version_writes if site_key in keys] == [both, both]
    assert not [
        keys for keys in version_writes if f"{VERSION_KEY}:{testdorp.site.pk}" in keys
    ]


def test_a_change_without_a_gemeente_changes_every_gemeente(testdorp, anderdorp):
    testdorp_before = catalogue_version(site=testdorp.site)
    anderdorp_before = catalogue_version(site=anderdorp.site)

    anderdorp.site.site_name = "Anderdorp (nieuw)"
    anderdorp.site.save()

    assert catalogue_version(site=testdorp.site) != testdorp_before
    assert catalogue_version(site=anderdorp.site) != anderdorp_before

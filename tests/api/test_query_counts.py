"""Fast by design: a list costs the same number of SQL queries for 5 or 100 products.

Every product has every field filled in, two locaties, zoektermen, a related
product and a stored rendering; the query asks for all of it. The counts are
pinned exactly, so a new N+1 fails here first.
"""

from __future__ import annotations

import pytest
from django.core.cache import cache

from contenthub.models import GerelateerdProduct
from tests.factories import LocatieFactory

from .conftest import publish_quickly

pytestmark = pytest.mark.django_db

ALL_FIELDS = """
fragment Contact on Contactpunt {
  id naam telefoon email contactformulierUrl afspraakUrl
  openingstijden { dag van tot alleenOpAfspraak tekst }
}
fragment Alles on Product {
  id slug titel url uplNaam uplUri doelgroep kortAntwoord watIsHet voorwaarden
  stappen { titel uitlegHtml } benodigdheden kostenGratis
  kosten { omschrijving bedrag bedragTekst centen per perLabel }
  termijn { omschrijving dagen eenheid kort }
  onlineAanvragenUrl kanalen adviesKanaal
  contact { ...Contact }
  locaties { id naam straat huisnummer postcode plaats toelichting adres
             openingstijden { dag van tot tekst } }
  zoektermen vragen { vraag antwoord }
  gerelateerdeProducten { slug titel url }
  bezwaarEnBeroep watAlsGeenReactie gepubliceerdOp
  thema { slug titel url }
  weergave(kanaal: TWEET) { kanaal variant mediaType inhoud etag revisie }
}
query ($first: Int) {
  producten(first: $first) {
    totaal
    pageInfo { hasNextPage endCursor }
    edges { cursor node { ...Alles } }
  }
}
"""

LIST_QUERIES = 11
"""With an empty cache: the Site of the request, Wagtail's site root paths
(cached after the first request; with translations on, 2: the sites, and
the translations of their home pages, one query per site), the page of
products with their stored documents (``select_related``: every structured
field, the contactpunt and locaties with it), their count, one UNION query
for the digests of every other row the documents' inputs come from
(``renderers.documents.source_digests``: contactpunten, locaties, links,
zoektermen, related products, themes, site and settings; the check that a
write around the gate is not served), the themes, the gemeente's settings
(for the themes' URLs), the stored renderings, the same UNION for the
related products' own documents, and the next expiry date (for the cache
timeout). The related products are all in the list here, so none is looked
up (another costs one query for all, with their documents). View
restrictions are part of each query, not a query of their own. Nothing
rebuilds a product's inputs unless a digest differs. Was 22 on main (the
inputs fingerprinted on every read: the pages with their contactpunt,
locaties, zoektermen and related links, sites, settings and parents; and
contactpunten, locaties, zoektermen and related links read again for the
fields)."""


@pytest.fixture
def catalogue(make_product):
    def make(count: int) -> None:
        locaties = [LocatieFactory(), LocatieFactory()]
        previous = None
        for n in range(count):
            page = make_product(slug=f"product-{n}")
            page.locaties = locaties
            page.zoektermen.add("id-kaart", f"woord-{n}")
            if previous is not None:
                GerelateerdProduct.objects.create(page=page, product=previous)
            page.save()
            publish_quickly(page)
            previous = page

    return make


def _count_list_queries(count, catalogue, graphql, django_assert_num_queries):
    catalogue(count)
    cache.clear()  # nothing cached: Wagtail's site root paths are read as well
    with django_assert_num_queries(LIST_QUERIES) as captured:
        response = graphql(ALL_FIELDS, {"first": count})
    payload = response.json()
    assert "errors" not in payload, payload
    edges = payload["data"]["producten"]["edges"]
    assert len(edges) == count
    assert all(edge["node"]["weergave"]["inhoud"] for edge in edges)
    assert all(len(edge["node"]["locaties"]) == 2 for edge in edges)
    assert all(edge["node"]["contact"]["naam"] for edge in edges)
    return len(captured.captured_queries)


def test_a_list_of_5_products_with_every_field(
    catalogue, graphql, django_assert_num_queries
):
    assert (
        _count_list_queries(5, catalogue, graphql, django_assert_num_queries)
        == LIST_QUERIES
    )


def test_a_list_of_100_products_costs_the_same_queries(
    catalogue, graphql, django_assert_num_queries
):
    assert (
        _count_list_queries(100, catalogue, graphql, django_assert_num_queries)
        == LIST_QUERIES
    )


def test_a_cached_answer_costs_no_query(catalogue, graphql, django_assert_num_queries):
    catalogue(5)
    graphql(ALL_FIELDS, {"first": 5})
    with django_assert_num_queries(0):
        response = graphql(ALL_FIELDS, {"first": 5})
    assert response.status_code == 200


def test_once_wagtail_knows_the_site_paths_a_list_costs_two_less(
    catalogue, graphql, django_assert_num_queries
):
    catalogue(5)
    graphql("{ producten { edges { node { url } } } }")  # another query, cached apart
    # The sites and the translations of their home pages (WAGTAIL_I18N_ENABLED):
    # warm, a Dutch list costs what it did before translations (9).
    with django_assert_num_queries(LIST_QUERIES - 2):
        response = graphql(ALL_FIELDS, {"first": 5})
    assert len(response.json()["data"]["producten"]["edges"]) == 5

"""The catalogue queries: filters, pagination, detail, search and renderings."""

from __future__ import annotations

import base64

import pytest
from django.core.cache import cache
from wagtail.models import Site

from contenthub.models import GemeenteInstellingen, GerelateerdProduct
from renderers import renderer_registry
from renderers.models import ChannelRendering
from tests.factories import ProductPageFactory, ThemaPageFactory

from .conftest import publish, publish_quickly

pytestmark = pytest.mark.django_db

SLUGS = "{ producten(%s) { totaal edges { node { slug } } } }"


def _slugs(result):
    return [edge["node"]["slug"] for edge in result["producten"]["edges"]]


@pytest.fixture
def assortiment(home, thema, contactpunt, make_product):
    afval = ThemaPageFactory(parent=home, title="Afval", slug="afval")
    publish_quickly(make_product(slug="paspoort", kanaal_balie=True))
    online = {"kanaal_online": True, "online_aanvragen_url": "https://loket.example/"}
    publish_quickly(
        make_product(slug="ondernemersloket", doelgroep="ondernemers", **online)
    )
    publish_quickly(make_product(slug="id-kaart", doelgroep="beide", **online))
    return publish_quickly(
        ProductPageFactory(
            slug="grofvuil",
            parent=afval,
            contact=contactpunt,
            kanaal_telefoon=True,
            kanaal_balie=False,
            advies_kanaal="telefoon",
        )
    )


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        ("", ["paspoort", "ondernemersloket", "id-kaart", "grofvuil"]),
        ('thema: "afval"', ["grofvuil"]),
        ("doelgroep: INWONERS", ["paspoort", "id-kaart", "grofvuil"]),
        ("doelgroep: ONDERNEMERS", ["ondernemersloket", "id-kaart"]),
        ("kanaal: ONLINE", ["ondernemersloket", "id-kaart"]),
        ("kanaal: TELEFOON", ["grofvuil"]),
        ('thema: "paspoort-en-id-kaart", kanaal: ONLINE, doelgroep: ONDERNEMERS',
         ["ondernemersloket", "id-kaart"]),
        ('thema: "bestaat-niet"', []),
    ],
)  # fmt: skip
def test_filters(assortiment, data, arguments, expected):
    result = data(SLUGS % arguments if arguments else SLUGS.replace("(%s)", ""))
    assert _slugs(result) == expected
    assert result["producten"]["totaal"] == len(expected)


def test_cursor_pagination_walks_the_whole_list(assortiment, data):
    query = """query($after: String) { producten(first: 3, after: $after) {
        totaal edges { cursor node { slug } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }"""
    first = data(query)["producten"]
    assert first["pageInfo"]["hasNextPage"] is True
    assert first["pageInfo"]["hasPreviousPage"] is False
    assert first["pageInfo"]["endCursor"] == first["edges"][-1]["cursor"]
    second = data(query, {"after": first["pageInfo"]["endCursor"]})["producten"]
    assert [e["node"]["slug"] for e in second["edges"]] == ["grofvuil"]
    assert second["pageInfo"]["hasNextPage"] is False
    assert second["pageInfo"]["hasPreviousPage"] is True
    assert second["totaal"] == 4


def test_the_default_page_size(thema, make_product, data, settings):
    settings.CONTENTHUB_API_DEFAULT_PAGE_SIZE = 2
    for n in range(3):
        publish_quickly(make_product(slug=f"p{n}"))
    assert len(data("{ producten { edges { cursor } } }")["producten"]["edges"]) == 2


def test_detail_by_slug_id_and_upl_uri(assortiment, data):
    by_id = data(f'{{ product(id: "{assortiment.pk}") {{ slug }} }}')
    by_uri = data(
        '{ product(uplUri: "http://standaarden.overheid.nl/owms/terms/paspoort") { slug } }'
    )
    assert by_id["product"]["slug"] == "grofvuil"
    assert by_uri["product"]["slug"] == "paspoort"  # the first in the tree
    assert data('{ product(slug: "bestaat-niet") { slug } }')["product"] is None
    assert data('{ product(id: "geen-getal") { slug } }')["product"] is None
    assert data(f'{{ product(id: "{"9" * 40}") {{ slug }} }}')["product"] is None


def test_themes_with_their_products(assortiment, data):
    result = data("{ themas { slug titel url producten { slug } } }")
    assert [t["slug"] for t in result["themas"]] == ["paspoort-en-id-kaart", "afval"]
    assert result["themas"][1] == {
        "slug": "afval",
        "titel": "Afval",
        "url": "http://localhost/afval/",
        "producten": [{"slug": "grofvuil"}],
    }


def test_search_finds_words_of_the_text(thema, make_product, data):
    publish_quickly(make_product(slug="verhuizing", title="Verhuizing doorgeven",
                                 kort_antwoord="Geef uw verhuizing door aan de gemeente."))  # fmt: skip
    publish_quickly(make_product(slug="paspoort"))
    result = data(
        '{ producten(zoek: "verhuizing") { totaal edges { node { slug } } } }'
    )
    assert _slugs(result) == ["verhuizing"]
    assert result["producten"]["totaal"] == 1
    assert _slugs(data('{ producten(zoek: "   ") { edges { node { slug } } } }')) == [
        "verhuizing",
        "paspoort",
    ]


def test_search_uses_dutch_stemming_on_every_database(thema, make_product, data):
    publish_quickly(make_product(slug="verhuizing", title="Verhuizing doorgeven",
                                 kort_antwoord="Geef uw verhuizing door aan de gemeente."))  # fmt: skip
    result = data('{ producten(zoek: "verhuizingen") { edges { node { slug } } } }')
    assert _slugs(result) == ["verhuizing"]


def test_the_url_is_on_the_gemeentes_website(product, data):
    publish_quickly(product)
    # The publication made the gemeente's (empty) settings row already.
    GemeenteInstellingen.objects.update_or_create(
        site=Site.objects.get(is_default_site=True),
        defaults={"website": "https://www.testdorp.nl"},
    )
    result = data('{ product(slug: "paspoort") { url thema { url } } }')
    assert (
        result["product"]["url"]
        == "https://www.testdorp.nl/paspoort-en-id-kaart/paspoort/"
    )
    assert (
        result["product"]["thema"]["url"]
        == "https://www.testdorp.nl/paspoort-en-id-kaart/"
    )


def test_related_products_stay_within_the_gemeente(product, other_gemeente, data):
    publish_quickly(product)
    GerelateerdProduct.objects.create(page=product, product=other_gemeente)
    result = data('{ product(slug: "paspoort") { gerelateerdeProducten { slug } } }')
    assert result["product"]["gerelateerdeProducten"] == []


def test_every_structured_field(product, data):
    publish_quickly(product)
    result = data("""{ product(slug: "paspoort") {
        uplNaam uplUri doelgroep kortAntwoord watIsHet voorwaarden benodigdheden
        kostenGratis kosten { omschrijving bedrag bedragTekst centen per perLabel }
        termijn { omschrijving dagen eenheid kort } kanalen adviesKanaal
        stappen { titel uitlegHtml } vragen { vraag antwoord } bezwaarEnBeroep
        watAlsGeenReactie onlineAanvragenUrl gepubliceerdOp
        contact { naam telefoon openingstijden { dag van tot alleenOpAfspraak tekst } }
    } }""")["product"]
    assert result["uplNaam"] == "paspoort"
    assert result["doelgroep"] == "INWONERS"
    assert result["kosten"] == [
        {
            "omschrijving": "Paspoort 18 jaar en ouder",
            "bedrag": "84.29",
            "bedragTekst": "€ 84,29",
            "centen": 8429,
            "per": "per_stuk",
            "perLabel": "per stuk",
        }
    ]
    assert result["termijn"]["kort"] == "maximaal 6 werkdagen"
    assert result["kanalen"] == ["BALIE"]
    assert result["adviesKanaal"] == "BALIE"
    assert result["benodigdheden"] == ["Een pasfoto", "Uw oude paspoort"]
    assert result["stappen"][0] == {
        "titel": "Maak een afspraak",
        "uitlegHtml": "<p>Dat kan online.</p>",
    }
    assert result["contact"]["openingstijden"][0] == {
        "dag": "maandag",
        "van": "09:00:00",
        "tot": "17:00:00",
        "alleenOpAfspraak": False,
        "tekst": "maandag 09.00 tot 17.00 uur",
    }


def test_weergave_serves_what_was_stored_at_publication(product, data, monkeypatch):
    publish(product)

    def never(*args, **kwargs):
        raise AssertionError("a public read must not render")

    for renderer in renderer_registry:
        monkeypatch.setattr(renderer, "render", never)
    result = data("""{ product(slug: "paspoort") {
        tweet: weergave(kanaal: TWEET) { kanaal variant mediaType inhoud etag revisie }
        brief: weergave(kanaal: BRIEF) { inhoud }
        pdf: weergave(kanaal: BRIEF, variant: "pdf") { mediaType inhoud inhoudBase64 }
        chatbot: weergave(kanaal: CHATBOT) { mediaType inhoud }
    } }""")["product"]
    stored = ChannelRendering.objects.get(page=product, channel="tweet", variant="")
    assert result["tweet"] == {
        "kanaal": "TWEET",
        "variant": "",
        "mediaType": stored.media_type,
        "inhoud": stored.content,
        "etag": stored.etag,
        "revisie": str(product.live_revision_id),
    }
    assert (
        result["brief"]["inhoud"]
        == ChannelRendering.objects.get(
            page=product, channel="brief", variant=""
        ).content
    )
    assert result["pdf"]["mediaType"] == "application/pdf"
    assert result["pdf"]["inhoud"] is None
    assert base64.b64decode(result["pdf"]["inhoudBase64"]).startswith(b"%PDF")
    assert result["chatbot"]["mediaType"] == "application/json"


def test_the_channels_and_their_variants(data):
    kanalen = {
        k["kanaal"]: k
        for k in data("{ kanalen { kanaal label varianten } }")["kanalen"]
    }
    assert set(kanalen) == {
        "WEB", "APP", "TWEET", "BRIEF", "CHATBOT",
        "SAMENWERKENDE_CATALOGI", "SDG", "KCC", "OPEN_PRODUCT",
    }  # fmt: skip
    assert kanalen["BRIEF"]["varianten"] == ["", "pdf"]


DETAIL_QUERIES = 9
"""A product by slug with every field, empty cache: Site, root paths (2 with
translations on: the sites, and the translations of their home pages, as in
``test_query_counts.LIST_QUERIES``; cached after the first request), the
product with its stored document (one query), the UNION of the digests of
the other rows its inputs come from (``renderers.documents.source_digests``),
its theme, the gemeente's settings (the theme's URL), the stored rendering
and the next expiry date. No related product is listed, so none is looked
up (one that is costs one query for it and those it links to, and one UNION
for its document); the inputs are fingerprinted only when a digest differs.
Was 19 on main: contactpunt, locaties, zoektermen, related links and
basistekst read for the fields, then 7 to fingerprint the inputs."""


def test_a_detail_query_costs_a_fixed_number_of_queries(
    product, graphql, django_assert_num_queries
):
    from .test_query_counts import ALL_FIELDS

    publish_quickly(product)
    query = (
        ALL_FIELDS.split("query (")[0] + '{ product(slug: "paspoort") { ...Alles } }'
    )
    cache.clear()
    with django_assert_num_queries(DETAIL_QUERIES):
        response = graphql(query)
    assert response.json()["data"]["product"]["slug"] == "paspoort"

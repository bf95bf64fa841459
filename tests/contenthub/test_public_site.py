"""The public pages: one NL Design System layout, search per gemeente, errors."""

from __future__ import annotations

import re

import pytest
from django.core.exceptions import ValidationError
from django.test import RequestFactory, override_settings
from wagtail.models import Page, Site

from contenthub.models import GemeenteInstellingen
from contenthub.models.settings import contrast_with_white, validate_huiskleur
from contenthub.search import query_stems, ranked_product_ids, stems
from contenthub.site import page_title
from contenthub.views import server_error
from tests.factories import HomePageFactory, ThemaPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def gemeente(home):
    site = Site.objects.get(is_default_site=True)
    home.title = "Gemeente Testdorp"
    home.save_revision().publish()
    return GemeenteInstellingen.objects.create(
        site=site,
        naam="Gemeente Testdorp",
        telefoon="14 0123",
        email="info@testdorp.example",
        huiskleur="#00594f",
    )


@pytest.fixture
def catalogus(gemeente, thema, make_product):
    verhuizing = make_product(
        slug="verhuizing-doorgeven",
        title="Verhuizing doorgeven",
        kort_antwoord="Geef uw nieuwe adres door aan de gemeente.",
    )
    verhuizing.zoektermen.add("adreswijziging")
    verhuizing.save_revision().publish()
    paspoort = make_product(slug="paspoort-aanvragen")
    paspoort.save_revision().publish()
    concept = make_product(slug="concept-verhuizing", title="Verhuizing concept")
    concept.unpublish()
    return {"verhuizing": verhuizing, "paspoort": paspoort}


def inline_scripts(html: str) -> list[str]:
    return [
        body
        for attributes, body in re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
        if body.strip() and "application/ld+json" not in attributes
    ]


def test_the_home_title_names_the_gemeente_once(client, gemeente):
    html = client.get("/").content.decode()
    assert "<title>Gemeente Testdorp</title>" in html
    assert page_title("Paspoort", "Gemeente Testdorp") == "Paspoort | Gemeente Testdorp"


@pytest.mark.parametrize("url", ["/", "/paspoort-en-id-kaart/", "/zoeken/?q=paspoort"])
def test_every_page_has_header_breadcrumb_search_and_footer(client, catalogus, url):
    html = client.get(url).content.decode()
    assert 'class="utrecht-page-header contenthub-header"' in html
    assert "Gemeente Testdorp</a>" in html
    assert 'role="search"' in html
    assert 'name="q"' in html
    assert 'class="utrecht-page-footer contenthub-footer"' in html
    assert 'href="tel:140123"' in html
    assert "info@testdorp.example" in html
    assert "/huisstijl.css" in html
    assert "renderers/fonts.css" in html
    assert inline_scripts(html) == []


def test_the_theme_page_has_a_breadcrumb_to_home(client, catalogus):
    html = client.get("/paspoort-en-id-kaart/").content.decode()
    nav = re.search(r'<nav class="utrecht-breadcrumb-nav.*?</nav>', html, re.S).group()
    assert 'href="/"' in nav
    assert 'aria-current="page"' in nav


def test_the_product_page_shares_the_layout(client, catalogus):
    html = client.get("/paspoort-en-id-kaart/verhuizing-doorgeven/").content.decode()
    assert 'class="utrecht-page-header contenthub-header"' in html
    assert 'href="/paspoort-en-id-kaart/"' in html  # breadcrumb to the theme
    assert "Contact met Gemeente Testdorp" in html
    assert inline_scripts(html) == []


def test_search_finds_inflected_words_and_ranks_the_title_first(client, catalogus):
    html = client.get("/zoeken/", {"q": "verhuizingen"}).content.decode()
    assert "1 resultaat voor \u2018verhuizingen\u2019" in html
    assert "Verhuizing doorgeven" in html
    assert "Verhuizing concept" not in html  # not live


def test_search_finds_a_zoekterm(catalogus):
    site = Site.objects.get(is_default_site=True)
    ids = ranked_product_ids(site=site, zoek="adreswijzigingen")
    assert ids == [catalogus["verhuizing"].pk]


def test_search_only_shows_the_gemeente_of_the_address(client, catalogus, contactpunt):
    other_home = HomePageFactory(
        parent=Page.get_first_root_node(), slug="anderdorp", title="Gemeente Anderdorp"
    )
    Site.objects.create(hostname="anderdorp.localhost", port=80, root_page=other_home)
    html = client.get(
        "/zoeken/", {"q": "verhuizing"}, HTTP_HOST="anderdorp.localhost"
    ).content.decode()
    assert "Geen resultaten" in html


def test_a_query_of_stopwords_finds_nothing(catalogus):
    assert query_stems("hoe wat de het") == []
    assert stems("Verhuizingen") == stems("verhuizing")


def test_the_404_page_uses_the_layout(client, gemeente):
    response = client.get("/bestaat-niet/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "Deze pagina bestaat niet" in html
    assert 'class="utrecht-page-footer contenthub-footer"' in html


@override_settings(DEBUG=False)
def test_the_500_page_renders_with_the_gemeente(gemeente):
    request = RequestFactory().get("/", HTTP_HOST="localhost")
    response = server_error(request)
    html = response.content.decode()
    assert response.status_code == 500
    assert "Er ging iets mis" in html
    assert 'href="tel:140123"' in html


def test_the_huisstijl_is_the_gemeentes_colour(client, gemeente):
    response = client.get("/huisstijl.css")
    assert response["Content-Type"].startswith("text/css")
    assert "--contenthub-huiskleur: #00594f" in response.content.decode()


def test_a_huiskleur_with_poor_contrast_is_refused():
    validate_huiskleur("#00594f")
    assert contrast_with_white("#ffffff") == pytest.approx(1.0)
    with pytest.raises(ValidationError, match="slecht leesbaar"):
        validate_huiskleur("#ffcc00")
    with pytest.raises(ValidationError, match="zes tekens"):
        validate_huiskleur("groen")


def test_an_unpublished_theme_is_not_on_the_home_page(client, gemeente, home):
    hidden = ThemaPageFactory(parent=home, title="Verborgen thema", slug="verborgen")
    hidden.unpublish()
    assert "Verborgen thema" not in client.get("/").content.decode()

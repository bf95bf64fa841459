"""The demo's English SDG products: every channel, the API and the SDG feed."""

from __future__ import annotations

import json
import re

import pytest
from django.core.cache import cache

from contenthub.models import ProductPage
from demo.source import read_basistekst_vertalingen, read_vertalingen
from koppelingen.selectors import stored_renderings
from publicatie.records import Keuring
from renderers.models import ChannelRendering

pytestmark = pytest.mark.django_db

TRANSLATED = {p["slug"]: p for p in read_vertalingen("voorbeeldstad")["en"]["product"]}


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def english_pages(site):
    return {
        page.slug: page
        for page in ProductPage.objects.live().filter(locale__language_code="en")
        if page.get_site() == site
    }


def stored(page, channel, variant=""):
    return ChannelRendering.objects.get(page=page, channel=channel, variant=variant)


def test_every_translated_product_is_live_in_english_with_a_passing_verdict(
    demo_site,
):
    pages = english_pages(demo_site)
    assert set(pages) == set(TRANSLATED)
    for slug, page in pages.items():
        assert page.title == TRANSLATED[slug]["title"]
        assert page.url.startswith("/en/"), page.url
        verdict = Keuring.objects.filter(
            page_id=page.pk, revision_id=page.live_revision_id
        ).latest("pk")
        assert verdict.geslaagd, slug
        # Judged by the English plain-language rules, never the Dutch B1 ones.
        rules = {f["rule"] for f in verdict.bevindingen.get("taal", [])}
        assert not {rule for rule in rules if rule.startswith("taal.")}, rules


def test_the_english_products_inherit_the_english_text_of_their_basistekst(
    demo_site,
):
    national = read_basistekst_vertalingen()["en"]
    pages = english_pages(demo_site)
    for slug in ("paspoort", "verhuizing-doorgeven"):
        page = pages[slug]
        dutch = ProductPage.objects.get(
            translation_key=page.translation_key, locale__language_code="nl"
        )
        engels = page.basistekst
        assert engels.live, slug
        assert engels.locale.language_code == "en"
        assert engels.translation_key == dutch.basistekst.translation_key
        assert engels.titel == national[slug]["titel"]
        assert (
            page.kort_antwoord
            == national[slug]["kort_antwoord"]
            == engels.kort_antwoord
        )
        assert [s.value["titel"] for s in page.aanvragen] == [
            stap["titel"] for stap in national[slug]["aanvragen"]
        ]
    # A product with no basistekst keeps its own English text.
    assert pages["parkeervergunning"].basistekst_id is None
    assert (
        pages["parkeervergunning"].kort_antwoord
        == TRANSLATED["parkeervergunning"]["kort_antwoord"]
    )


def test_every_channel_of_an_english_product_is_english(demo_site):
    page = english_pages(demo_site)["paspoort"]
    kort = TRANSLATED["paspoort"]["kort_antwoord"]

    web = stored(page, "web").content
    assert '<html lang="en"' in web
    assert "How do you apply?" in web
    assert "Hoe vraagt u het aan?" not in web
    assert "Passport for 18 and older, valid for 10 years" in web
    assert "at most 5 working days" in web

    app = json.loads(stored(page, "app").content)
    assert app["taal"] == "en"
    assert app["kort_antwoord"] == kort
    assert [s["titel"] for s in app["secties"]][:2] == ["What is it?", "Conditions"]

    tweet = stored(page, "tweet").content
    assert tweet.startswith("You apply for a passport")
    assert "/en/" in tweet

    brief = stored(page, "brief").content
    assert "Dear resident," in brief
    assert "Kind regards," in brief
    assert "Beste inwoner" not in brief

    chatbot = json.loads(stored(page, "chatbot").content)
    assert chatbot["bericht"] == kort
    assert chatbot["terugkoppeling"]["opties"] == ["Yes", "No"]
    assert {r["label"] for r in chatbot["snelle_antwoorden"]} >= {"Costs"}

    # The national feeds take the Dutch product; the translation has none.
    for channel in ("sdg", "samenwerkende_catalogi", "kcc", "open_product"):
        assert stored(page, channel).content == "", channel


def test_the_public_english_page_is_served_from_en(client, demo_site):
    page = english_pages(demo_site)["verhuizing-doorgeven"]
    response = client.get(page.url, HTTP_HOST="localhost")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en"' in html
    assert TRANSLATED["verhuizing-doorgeven"]["kort_antwoord"] in html


def test_the_dutch_source_of_each_translation_is_still_served_in_dutch(
    client, demo_site
):
    # Publishing a translation re-judges its Dutch source (its SDG document
    # carries the English); the Dutch renderings must match the inputs as
    # they are now, or the Dutch page would be gone.
    for slug, page in english_pages(demo_site).items():
        dutch = ProductPage.objects.get(
            translation_key=page.translation_key, locale__language_code="nl"
        )
        response = client.get(dutch.url, HTTP_HOST="localhost")
        assert response.status_code == 200, slug
        html = response.content.decode()
        assert '<html lang="nl"' in html
        assert dutch.title in html


def test_the_dutch_sdg_document_carries_the_english_translation(demo_site):
    rows = {
        row.page.slug: json.loads(row.content)
        for row in stored_renderings(site=demo_site, channel="sdg")
    }
    for slug, translation in TRANSLATED.items():
        if slug not in rows:
            continue  # not an SDG product (only SDG products go to the feed)
        english = rows[slug]["vertalingen"][1]
        assert english["taal"] == "en"
        assert english["productTitelDecentraal"] == translation["title"]
        assert translation["kort_antwoord"] in english["specifiekeTekst"]
    # The paspoort is an SDG product: its English version is not empty.
    assert rows["paspoort"]["vertalingen"][1]["procedureBeschrijving"]
    # A product without a translation keeps an empty English version.
    untranslated = [s for s in rows if s not in TRANSLATED]
    assert untranslated
    assert rows[untranslated[0]]["vertalingen"][1]["productTitelDecentraal"] == ""


QUERY = """
query($taal: Taal) {
  producten(taal: $taal, first: 100) {
    totaal
    edges { node { slug titel taal url vertalingVerouderd
      kosten { omschrijving bedragTekst perLabel }
      termijn { kort } } }
  }
}
"""


def _graphql(client, query, variables):
    response = client.post(
        "/graphql/",
        data=json.dumps({"query": query, "variables": variables}),
        content_type="application/json",
        HTTP_HOST="localhost",
    )
    payload = response.json()
    assert "errors" not in payload, payload
    return payload["data"]


def test_the_api_returns_the_english_products_with_taal_en(client, demo_site):
    english = _graphql(client, QUERY, {"taal": "EN"})["producten"]
    nodes = {edge["node"]["slug"]: edge["node"] for edge in english["edges"]}
    assert set(nodes) == set(TRANSLATED)
    paspoort = nodes["paspoort"]
    assert paspoort["titel"] == "Apply for a passport"
    assert paspoort["taal"] == "en"
    assert "/en/paspoort-en-id-kaart/paspoort/" in paspoort["url"]
    assert paspoort["vertalingVerouderd"] is False
    assert paspoort["kosten"][0]["perLabel"] == "each"
    assert paspoort["termijn"]["kort"] == "at most 5 working days"

    dutch = _graphql(client, QUERY, {"taal": "NL"})["producten"]
    assert dutch["totaal"] > len(TRANSLATED)
    assert {edge["node"]["taal"] for edge in dutch["edges"]} == {"nl"}
    # Without the argument: Dutch, as before.
    assert _graphql(client, QUERY, {})["producten"]["totaal"] == dutch["totaal"]


def test_the_english_home_and_theme_pages_say_they_are_english(client, demo_site):
    """The page's own text is English (``lang="en"``); the site's Dutch words
    around it (skip link, search form, footer) say they are Dutch."""
    page = english_pages(demo_site)["verhuizing-doorgeven"]
    theme = page.get_parent().specific
    home = theme.get_parent().specific
    for english, heading in ((home, "Topics"), (theme, "Products and services")):
        response = client.get(english.url, HTTP_HOST="localhost")
        assert response.status_code == 200, english.url
        html = response.content.decode()
        assert '<html lang="en"' in html, english.url
        assert f">{heading}</h2>" in html
        assert english.title in html
        assert re.search(r'<div lang="nl">\s*<a class="utrecht-skip-link', html)
        assert re.search(r'<div lang="nl">\s*<footer', html)
        assert "Onderwerpen" not in html
        assert "Producten en diensten" not in html


def test_the_dutch_home_page_stays_dutch_whatever_the_browser_asks(client, demo_site):
    response = client.get("/", HTTP_HOST="localhost", HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()
    assert '<html lang="nl"' in html
    assert ">Onderwerpen</h2>" in html
    assert '<div lang="nl">' not in html


def test_the_english_products_show_the_english_contactpunten_and_locaties(
    demo_site,
):
    vertalingen = read_vertalingen("voorbeeldstad")["en"]
    english_names = {
        *(row["naam"] for row in vertalingen["contactpunt"].values()),
        *(row["naam"] for row in vertalingen["locatie"].values()),
    }
    shown = set()
    for slug, page in english_pages(demo_site).items():
        fragment = stored(page, "web", "fragment").content
        # Every contactpunt and locatie the three products show has an
        # English version: none is marked as Dutch.
        assert 'lang="nl"' not in fragment, slug
        app = json.loads(stored(page, "app").content)
        contact = next(s for s in app["secties"] if s["id"] == "contact")
        assert contact["contact"]["taal"] == "en", slug
        shown.add(contact["contact"]["naam"])
        shown |= {locatie["naam"] for locatie in contact["locaties"]}
        assert {locatie["taal"] for locatie in contact["locaties"]} <= {"en"}
    assert shown == english_names
    dutch = (
        ProductPage.objects.live()
        .descendant_of(demo_site.root_page)
        .get(slug="paspoort", locale__language_code="nl")
    )
    assert "Publiekszaken" in stored(dutch, "web", "fragment").content

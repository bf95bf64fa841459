"""The basistekst editor previews every channel, as the product editor does,
in a sample gemeente's product; its Controle tab shows the check its
publication must pass."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission, User
from django.test import RequestFactory
from django.urls import reverse
from wagtail.models import Revision

from contenthub.models import GemeenteInstellingen, ProductPage
from renderers.models import ChannelRendering
from renderers.preview import PREVIEW_MODES
from tests.factories import BasistekstFactory
from tests.publicatie.conftest import BAD_TEXT

pytestmark = pytest.mark.django_db

NIEUW = "U vraagt een paspoort aan in uw eigen gemeente. Neem een pasfoto mee."
LOKAAL = "In Testdorp haalt u het paspoort op bij de balie in het stadhuis."


@pytest.fixture
def basistekst():
    return BasistekstFactory()


@pytest.fixture
def inheriting(make_product, basistekst, home):
    GemeenteInstellingen.objects.create(site=home.get_site(), naam="Gemeente Testdorp")
    page = make_product(
        basistekst=basistekst,
        slug="paspoort",
        eigen_kort_antwoord=True,
        kort_antwoord=LOKAAL,
    )
    page.full_clean()
    page.save_revision().publish()
    return ProductPage.objects.get(pk=page.pk)


def _preview(obj, mode: str) -> bytes:
    response = obj.serve_preview(RequestFactory().get("/", HTTP_HOST="localhost"), mode)
    if hasattr(response, "render"):
        response.render()
    assert response.status_code == 200
    return response.content


def test_a_basistekst_has_the_preview_modes_of_a_product(basistekst):
    assert basistekst.preview_modes == [
        (mode, label) for mode, label, _, _ in PREVIEW_MODES
    ]


@pytest.mark.parametrize(("mode", "shown"), [
    ("", b"<h1 class=\"utrecht-heading-1\">"),
    ("app", b'aria-label="Telefoonscherm van de app"'),
    ("tweet", b'class="bericht__teller"'),
    ("tweet-draad", b'class="bericht__teller"'),
    ("brief", b'class="brief"'),
    ("brief-pdf", b"%PDF"),
    ("chatbot", b'class="gesprek__knop"'),
    ("sdg", b"class=\"voorbeeld__uitleg\""),
    ("samenwerkende-catalogi", b'<table class="feed">'),
])  # fmt: skip
def test_every_preview_shows_the_draft_text_with_a_gemeentes_local_facts(
    inheriting, basistekst, mode, shown
):
    before = ProductPage.objects.filter(pk=inheriting.pk).values().get()
    revisions, stored = Revision.objects.count(), ChannelRendering.objects.count()
    basistekst.kort_antwoord = NIEUW  # the unsaved form, as Wagtail passes it
    html = _preview(basistekst, mode)
    assert shown in html
    if mode != "brief-pdf":
        # The national draft, not the gemeente's own text, in the gemeente's product.
        assert NIEUW.encode() in html
        assert LOKAAL.encode() not in html
        assert b"Gemeente Testdorp" in html
    if mode not in {"", "brief-pdf"}:
        assert b"van Gemeente Testdorp: kosten, termijn, contact" in html
        assert b'<details class="voorbeeld__bron">' in html
    if mode in {"app", "brief"}:
        assert b"84,29" in html  # the gemeente's kosten
    # Nothing is stored: not the product, not a revision, not a rendering.
    assert ProductPage.objects.filter(pk=inheriting.pk).values().get() == before
    assert (Revision.objects.count(), ChannelRendering.objects.count()) == (
        revisions,
        stored,
    )


def test_a_basistekst_no_gemeente_uses_yet_is_previewed_without_local_facts(
    basistekst,
):
    basistekst.kort_antwoord = NIEUW
    html = _preview(basistekst, "app")
    assert NIEUW.encode() in html
    assert b"Nog geen gemeente gebruikt deze basistekst" in html
    assert b"%PDF" in _preview(basistekst, "brief-pdf")


def test_the_feed_previews_are_tables_of_what_the_receiver_gets(inheriting):
    html = _preview(inheriting, "samenwerkende-catalogi").decode()
    assert '<th scope="row">dcterms:title</th>' in html
    assert f"<td>{inheriting.title}</td>" in html
    sdg = _preview(inheriting, "sdg").decode()
    assert '<th scope="row">vertalingen 1 / productTitelDecentraal</th>' in sdg
    # A product outside the SDG: the preview says so instead of an empty table.
    inheriting.upl_naam, inheriting.upl_uri = "", ""
    html = _preview(inheriting, "sdg").decode()
    assert '<table class="feed">' not in html
    assert "Dit product gaat niet mee in de SDG-feed." in html
    html = _preview(inheriting, "samenwerkende-catalogi").decode()
    assert "het heeft geen UPL-naam" in html


def test_the_basistekst_editor_has_the_previews_and_a_controle_tab(
    admin_client, basistekst
):
    basistekst.save_revision()
    url = reverse("wagtailsnippets_contenthub_basistekst:edit", args=(basistekst.pk,))
    html = admin_client.get(url).content.decode()
    assert 'data-side-panel="preview"' in html
    for _, label, _, _ in PREVIEW_MODES:
        assert f">{label}</option>" in html
    assert "Controle" in html
    controle = reverse("quality_basistekst_findings", args=(basistekst.pk,))
    assert f'data-controle-url="{controle}"' in html


def test_the_controle_tab_shows_the_check_of_the_last_saved_version(
    admin_client, basistekst
):
    basistekst.wat_is_het = f"<p>{BAD_TEXT}</p>"
    basistekst.save_revision()
    url = reverse("quality_basistekst_findings", args=(basistekst.pk,))
    html = admin_client.get(url).content.decode()
    assert "Dit concept kan nog niet gepubliceerd worden" in html
    assert "<h3>Wat is het</h3>" in html
    assert "taalniveau en toegankelijkheid van elke landelijke tekst" in html
    assert "Uitzondering toekennen" not in html

    good = BasistekstFactory()
    good.save_revision()
    html = admin_client.get(
        reverse("quality_basistekst_findings", args=(good.pk,))
    ).content.decode()
    assert "Dit concept voldoet aan alle controles." in html


def test_the_controle_tab_of_a_basistekst_is_for_its_editors_only(basistekst):
    basistekst.save_revision()
    url = reverse("quality_basistekst_findings", args=(basistekst.pk,))
    user = User.objects.create_user("lezer", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    from django.test import Client

    client = Client()
    client.force_login(user)
    response = client.get(url)
    # Wagtail's admin turns the refusal into a redirect with a message.
    assert (response.status_code, response.url) == (302, "/admin/")


def test_the_admin_preview_shows_the_typed_text_before_it_is_saved(
    admin_client, inheriting, basistekst
):
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    url = reverse(
        "wagtailsnippets_contenthub_basistekst:preview_on_edit", args=(basistekst.pk,)
    )
    form = {
        "titel": basistekst.titel,
        "upl_naam": basistekst.upl_naam,
        "upl_uri": basistekst.upl_uri,
        "kort_antwoord": NIEUW,
        "wat_is_het": rich_text(basistekst.wat_is_het),
        "voorwaarden": rich_text(basistekst.voorwaarden),
        "aanvragen": streamfield(
            [("stap", {"titel": "Maak een afspraak", "uitleg": rich_text("")})]
        ),
        "benodigdheden": streamfield([("item", "Een pasfoto")]),
        "bezwaar_en_beroep": rich_text(""),
        "vragen": streamfield([]),
        "bron": "",
    }
    assert admin_client.post(url, nested_form_data(form)).json()["is_valid"]
    html = admin_client.get(url, {"mode": "chatbot"}).content.decode()
    assert NIEUW in html
    assert "van Gemeente Testdorp: kosten, termijn, contact" in html
    basistekst.refresh_from_db()
    assert basistekst.kort_antwoord != NIEUW  # only previewed, nothing saved

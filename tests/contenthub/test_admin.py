"""The admin cycle of a product: create, edit, publish, through Wagtail's views."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from contenthub.models import ProductPage
from contenthub.validation import block_error_messages

pytestmark = pytest.mark.django_db


def product_form(contactpunt, **overrides):
    data = {
        "title": "Identiteitskaart aanvragen",
        "slug": "identiteitskaart",
        "upl_naam": "identiteitskaart",
        "upl_uri": "",
        "doelgroep": "inwoners",
        "kort_antwoord": "U vraagt een ID-kaart aan bij de balie. Een ID-kaart kost € 77,60.",
        "wat_is_het": rich_text("<p>Met een ID-kaart laat u zien wie u bent.</p>"),
        "voorwaarden": rich_text(""),
        "aanvragen": streamfield(
            [("stap", {"titel": "Maak een afspraak", "uitleg": rich_text("")})]
        ),
        "benodigdheden": streamfield([("item", "Een pasfoto")]),
        "kosten_gratis": "",
        "kosten": streamfield(
            [
                (
                    "regel",
                    {
                        "omschrijving": "ID-kaart 18 jaar en ouder",
                        "bedrag": "77.60",
                        "per": "per_stuk",
                    },
                )
            ]
        ),
        "termijn_omschrijving": "Uw ID-kaart is na 6 werkdagen klaar.",
        "termijn_dagen": "6",
        "termijn_eenheid": "werkdagen",
        "online_aanvragen_url": "",
        "kanaal_balie": "on",
        "advies_kanaal": "balie",
        "contact": str(contactpunt.pk),
        "zoektermen": "id-kaart, identiteitsbewijs",
        "vragen": streamfield([]),
        "bezwaar_en_beroep": rich_text(""),
        "wat_als_geen_reactie": rich_text(""),
        "gerelateerde_producten": inline_formset([]),
        "seo_title": "",
        "search_description": "",
    }
    data.update(overrides)
    return nested_form_data(data)


def test_beheerder_creates_edits_and_publishes_a_product(
    admin_client, thema, contactpunt
):
    add_url = reverse(
        "wagtailadmin_pages:add", args=("contenthub", "productpage", thema.pk)
    )
    response = admin_client.post(add_url, product_form(contactpunt))
    assert response.status_code == 302, response.context["form"].errors

    page = ProductPage.objects.get(slug="identiteitskaart")
    assert not page.live
    assert page.upl_uri == "http://standaarden.overheid.nl/owms/terms/identiteitskaart"
    assert sorted(page.zoektermen.names()) == ["id-kaart", "identiteitsbewijs"]

    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    response = admin_client.post(
        edit_url,
        product_form(
            contactpunt,
            kort_antwoord="U vraagt een ID-kaart aan bij de balie. Hij kost € 77,60.",
            **{"action-publish": "action-publish"},
        ),
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    assert page.kort_antwoord.endswith("Hij kost € 77,60.")
    assert page.revisions.count() == 2

    public = admin_client.get(page.url)
    assert public.status_code == 200
    assert "Hij kost € 77,60." in public.content.decode()


def test_invalid_product_is_not_saved_and_editor_sees_dutch_message(
    admin_client, thema, contactpunt
):
    add_url = reverse(
        "wagtailadmin_pages:add", args=("contenthub", "productpage", thema.pk)
    )
    form = product_form(contactpunt, termijn_dagen="")
    response = admin_client.post(add_url, form)
    assert response.status_code == 200
    assert response.context["form"].errors["termijn_dagen"] == [
        "Vul bij de termijn ook het maximum aantal dagen in."
    ]
    assert not ProductPage.objects.filter(slug="identiteitskaart").exists()


def test_failed_edit_keeps_the_live_version_and_its_revisions(admin_client, product):
    product.save_revision().publish()
    revisions = product.revisions.count()
    edit_url = reverse("wagtailadmin_pages:edit", args=(product.pk,))
    response = admin_client.post(
        edit_url,
        product_form(
            product.contact,
            title=product.title,
            slug=product.slug,
            upl_naam="paspoort",
            kosten=streamfield(
                [
                    (
                        "regel",
                        {"omschrijving": "Paspoort", "bedrag": "-5", "per": "per_stuk"},
                    )
                ]
            ),
            **{"action-publish": "action-publish"},
        ),
    )
    assert response.status_code == 200
    [error] = response.context["form"].errors.as_data()["kosten"]
    assert block_error_messages(error) == [
        "Een bedrag kan niet lager zijn dan € 0,00. Is het product gratis? Kies dan 'Gratis'."
    ]
    product.refresh_from_db()
    assert product.revisions.count() == revisions
    assert product.kosten[0].value["bedrag"] > 0


def test_product_can_only_be_created_under_a_theme(admin_client, home):
    url = reverse("wagtailadmin_pages:add", args=("contenthub", "productpage", home.pk))
    response = admin_client.get(url, follow=True)
    assert response.redirect_chain == [("/admin/", 302)]
    assert not ProductPage.objects.exists()

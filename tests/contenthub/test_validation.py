"""Model validation speaks Dutch and names the field to fix."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from contenthub.models import ProductPage
from tests.factories import ProductPageFactory

pytestmark = pytest.mark.django_db


def errors_of(page: ProductPage) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as caught:
        page.full_clean()
    return caught.value.message_dict


def test_factory_product_is_valid(product):
    product.full_clean()


def test_negative_amount_is_refused_in_dutch(product):
    product.kosten = [
        {
            "type": "regel",
            "value": {"omschrijving": "Paspoort", "bedrag": "-1.00", "per": "per_stuk"},
        }
    ]
    assert errors_of(product)["kosten"] == [
        "Een bedrag kan niet lager zijn dan € 0,00. Is het product gratis? Kies dan 'Gratis'."
    ]


def test_termijn_without_days_is_refused(product):
    product.termijn_dagen = None
    assert errors_of(product)["termijn_dagen"] == [
        "Vul bij de termijn ook het maximum aantal dagen in."
    ]


def test_days_without_description_is_refused(product):
    product.termijn_omschrijving = ""
    assert errors_of(product)["termijn_omschrijving"] == [
        "Beschrijf de termijn ook in woorden."
    ]


def test_no_termijn_at_all_is_fine(product):
    product.termijn_omschrijving = ""
    product.termijn_dagen = None
    product.full_clean()


def test_kort_antwoord_longer_than_280_characters_is_refused(product):
    product.kort_antwoord = (
        "Dit is een zin van een redelijke lengte. " * 7 + "Nog meer."
    )
    messages = errors_of(product)["kort_antwoord"]
    assert any("mag maximaal 280 tekens zijn" in message for message in messages)


def test_kort_antwoord_of_four_sentences_is_refused(product):
    product.kort_antwoord = "Een. Twee. Drie. Vier."
    assert any("4 zinnen" in message for message in errors_of(product)["kort_antwoord"])


def test_kort_antwoord_with_abbreviation_counts_as_one_sentence(product):
    product.kort_antwoord = "U betaalt bijv. met uw pinpas aan de balie."
    product.full_clean()


def test_kort_antwoord_must_be_plain_text(product):
    product.kort_antwoord = "U vraagt het <b>online</b> aan."
    assert errors_of(product)["kort_antwoord"] == [
        "Het korte antwoord is platte tekst: haal de HTML-code weg."
    ]


def test_free_product_with_amounts_is_refused(product):
    product.kosten_gratis = True
    assert "Kies één van beide" in errors_of(product)["kosten"][0]


def test_product_without_kosten_must_say_it_is_free(product):
    product.kosten = []
    assert errors_of(product)["kosten"] == [
        "Vul de kosten in, of kies 'gratis' als het product niets kost."
    ]
    product.kosten_gratis = True
    product.full_clean()


def test_unknown_upl_naam_is_refused(product):
    product.upl_naam = "paspoortje"
    product.upl_uri = ""
    assert (
        "staat niet in de Uniforme Productnamenlijst"
        in errors_of(product)["upl_naam"][0]
    )


def test_upl_uri_must_belong_to_the_name(product):
    product.upl_uri = "http://standaarden.overheid.nl/owms/terms/identiteitskaart"
    assert "hoort niet bij de UPL-naam 'paspoort'" in errors_of(product)["upl_uri"][0]


def test_upl_uri_is_filled_in_from_the_name(product):
    product.upl_naam = "identiteitskaart"
    product.upl_uri = ""
    product.full_clean()
    assert (
        product.upl_uri == "http://standaarden.overheid.nl/owms/terms/identiteitskaart"
    )


def test_advised_channel_must_be_one_of_the_channels(product):
    product.advies_kanaal = "online"
    messages = errors_of(product)
    assert messages["advies_kanaal"] == [
        "Het geadviseerde kanaal staat niet aan bij de kanalen van dit product."
    ]


def test_online_channel_needs_a_link(product):
    product.kanaal_online = True
    assert errors_of(product)["online_aanvragen_url"] == [
        "Online staat aan als kanaal: vul de link naar de online aanvraag in."
    ]


def test_a_product_needs_at_least_one_channel(product):
    product.kanaal_balie = False
    product.advies_kanaal = ""
    assert "Kies minstens één kanaal" in errors_of(product)["kanaal_online"][0]


def test_a_product_needs_a_step(product):
    product.aanvragen = []
    assert any(
        "minstens één stap" in message for message in errors_of(product)["aanvragen"]
    )


def test_arbitrary_html_in_rich_text_is_refused(product):
    product.wat_is_het = (
        '<p>Tekst</p><script>alert(1)</script><p onclick="x()">Meer</p>'
    )
    messages = errors_of(product)["wat_is_het"]
    assert "<script> is hier niet toegestaan." in messages
    assert "Het attribuut onclick op <p> is niet toegestaan." in messages


def test_javascript_link_in_rich_text_is_refused(product):
    product.voorwaarden = '<p><a href="javascript:alert(1)">Aanvragen</a></p>'
    assert "geen geldig webadres" in errors_of(product)["voorwaarden"][0]


def test_a_product_needs_a_contactpunt(thema):
    page = ProductPageFactory.build(contact=None)
    assert errors_of(page)["contact"] == [
        "Kies het contactpunt dat vragen over dit product beantwoordt."
    ]


def test_openingstijden_must_end_after_they_start(contactpunt):
    contactpunt.openingstijden = [
        {"type": "dag", "value": {"dag": "maandag", "van": "17:00", "tot": "09:00"}}
    ]
    with pytest.raises(ValidationError) as caught:
        contactpunt.full_clean()
    assert caught.value.message_dict["openingstijden"] == [
        "De sluitingstijd moet na de openingstijd liggen."
    ]

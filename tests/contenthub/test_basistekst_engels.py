"""A national basistekst carries its English text to every English translation.

The English text of a basistekst is a Wagtail translation of it (locale
``en``, same ``translation_key``). An English product translation whose Dutch
source links to the Dutch basistekst inherits the English shared texts, field
by field, with the same "eigen tekst" flags; without an English text it keeps
its own text.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, User
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import Locale

from contenthub.inheritance import INHERITED_FIELDS, inherited_fields
from contenthub.models import Basistekst, ProductPage
from tests.factories import ENGLISH_BASISTEKST as ENGLISH_TEXTS
from tests.factories import BasistekstFactory

pytestmark = pytest.mark.django_db

OWN_KORT_ANTWOORD = "You apply for a passport at the town hall."
OWN_WAT_IS_HET = "<p>With a passport you can travel abroad.</p>"


def english() -> Locale:
    return Locale.objects.get(language_code="en")


def published(page: ProductPage) -> ProductPage:
    page.save_revision().publish()
    return ProductPage.objects.get(pk=page.pk)


def dutch_basistekst() -> Basistekst:
    tekst = BasistekstFactory(titel="Paspoort aanvragen")
    tekst.save_revision().publish()
    return Basistekst.objects.get(pk=tekst.pk)


def english_text_of(
    tekst: Basistekst, *, publish: bool = True, **changes
) -> Basistekst:
    """The English basistekst as "Vertalen" starts it, translated, published."""
    copy = tekst.copy_for_translation(english())
    for name, value in (ENGLISH_TEXTS | changes).items():
        setattr(copy, name, value)
    copy.full_clean()
    copy.save()
    if publish:
        copy.save_revision().publish()
    return Basistekst.objects.get(pk=copy.pk)


def translation_of(product: ProductPage) -> ProductPage:
    """The English translation with the translator's own texts in every field."""
    page = product.copy_for_translation(english(), copy_parents=True)
    page = ProductPage.objects.get(pk=page.pk)
    page.title = "Apply for a passport"
    page.kort_antwoord = OWN_KORT_ANTWOORD
    page.wat_is_het = OWN_WAT_IS_HET
    return page


@pytest.fixture
def dutch(make_product):
    tekst = dutch_basistekst()
    return tekst, published(make_product(slug="paspoort", basistekst=tekst))


def test_the_english_translation_inherits_the_english_text_field_by_field(dutch):
    tekst, product = dutch
    engels = english_text_of(tekst)
    assert engels.translation_key == tekst.translation_key
    assert engels.titel == "Apply for a passport"

    page = translation_of(product)
    page.eigen_wat_is_het = True  # the translator's own text for this field
    page = published(page)

    assert page.basistekst_id == engels.pk
    assert inherited_fields(page) == tuple(
        name for name in INHERITED_FIELDS if name != "wat_is_het"
    )
    assert page.kort_antwoord == ENGLISH_TEXTS["kort_antwoord"]
    assert page.voorwaarden == ENGLISH_TEXTS["voorwaarden"]
    assert [s.value["titel"] for s in page.aanvragen] == [
        "Make an appointment",
        "Come to the town hall",
    ]
    assert [str(item.value) for item in page.benodigdheden] == ["A passport photo"]
    assert page.wat_is_het == OWN_WAT_IS_HET
    # The Dutch product keeps the Dutch basistekst and its Dutch text.
    product = ProductPage.objects.get(pk=product.pk)
    assert product.basistekst_id == tekst.pk
    assert product.kort_antwoord == tekst.kort_antwoord


def test_without_an_english_text_the_translation_keeps_its_own_text(dutch):
    _tekst, product = dutch
    page = published(translation_of(product))
    assert page.basistekst_id is None
    assert page.kort_antwoord == OWN_KORT_ANTWOORD
    assert page.wat_is_het == OWN_WAT_IS_HET


def test_an_english_text_that_is_only_a_draft_is_not_inherited(dutch):
    tekst, product = dutch
    engels = english_text_of(tekst, publish=False)
    assert not engels.live
    page = published(translation_of(product))
    assert page.basistekst_id is None
    assert page.kort_antwoord == OWN_KORT_ANTWOORD


def test_a_translation_of_a_product_without_basistekst_links_to_none(make_product):
    tekst = dutch_basistekst()
    english_text_of(tekst)
    product = published(make_product(slug="paspoort"))
    page = published(translation_of(product))
    assert page.basistekst_id is None
    assert page.kort_antwoord == OWN_KORT_ANTWOORD


def test_translating_a_live_basistekst_starts_an_unpublished_draft():
    tekst = dutch_basistekst()
    copy = tekst.copy_for_translation(english())
    copy.save()
    copy = Basistekst.objects.get(pk=copy.pk)
    assert copy.locale == english()
    assert copy.translation_key == tekst.translation_key
    assert not copy.live
    assert copy.live_revision_id is None
    assert copy.first_published_at is None
    # The Dutch text did not go out as the English one.
    assert Basistekst.objects.filter(locale=english(), live=True).count() == 0


def test_the_national_team_translates_a_basistekst_with_vertalen(client):
    # The group and its rights as the migrations made them (0004, 0014).
    redactie = User.objects.create_user("landelijk", password="x")
    redactie.groups.add(Group.objects.get(name="Landelijke redactie"))
    client.force_login(redactie)
    tekst = dutch_basistekst()
    url = reverse(
        "simple_translation:submit_snippet_translation",
        args=["contenthub", "basistekst", tekst.pk],
    )
    listing = client.get(reverse("wagtailsnippets_contenthub_basistekst:list"))
    assert url in listing.content.decode()

    response = client.post(url, {"locales": [english().pk]})
    assert response.status_code == 302
    copy = Basistekst.objects.get(locale=english())
    assert response.url == reverse(
        "wagtailsnippets_contenthub_basistekst:edit", args=[copy.pk]
    )
    assert copy.translation_key == tekst.translation_key
    assert not copy.live
    assert client.get(response.url).status_code == 200
    # Translated once: no second "Vertalen" for the same language.
    assert client.post(url, {"locales": [english().pk]}).status_code == 200
    assert Basistekst.objects.filter(locale=english()).count() == 1


def test_the_title_is_unique_per_language_with_a_dutch_message():
    tekst = dutch_basistekst()
    # The English text may keep the Dutch title while it is being translated.
    english_text_of(tekst, titel=tekst.titel, publish=False)
    twin = Basistekst(
        titel=tekst.titel, **{n: getattr(tekst, n) for n in INHERITED_FIELDS}
    )
    twin.locale = tekst.locale
    with pytest.raises(ValidationError) as error:
        twin.full_clean()
    assert error.value.message_dict["titel"] == [
        "Er is al een basistekst met deze titel in deze taal."
    ]


def test_a_dutch_product_cannot_link_to_an_english_basistekst(dutch):
    tekst, product = dutch
    engels = english_text_of(tekst)
    product = ProductPage.objects.get(pk=product.pk)
    product.basistekst = engels
    with pytest.raises(ValidationError) as error:
        product.full_clean()
    assert "is een vertaling" in error.value.message_dict["basistekst"][0]
    assert ProductPage.objects.get(pk=product.pk).basistekst_id == tekst.pk


def test_the_translator_sees_the_english_national_text_read_only(dutch, admin_client):
    tekst, product = dutch
    english_text_of(tekst)
    page = published(translation_of(product))
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "uit de basistekst \u2018Apply for a passport\u2019" in html
    assert ENGLISH_TEXTS["kort_antwoord"] in html
    assert "uit de basistekst \u2018Paspoort aanvragen\u2019" not in html
    # The link is its source's: the translator gets no chooser that saving
    # would overrule.
    assert 'name="basistekst"' not in html


def test_the_dutch_editor_still_chooses_the_basistekst(dutch, admin_client):
    _tekst, product = dutch
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[product.pk]))
    assert response.status_code == 200
    assert 'name="basistekst"' in response.content.decode()

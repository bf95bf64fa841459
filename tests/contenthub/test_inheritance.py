"""A gemeente's product inherits the national texts of its basistekst.

Inherited fields follow the published basistekst; a field marked as the
gemeente's own keeps its local text; the editor sees which is which and
cannot change an inherited text by accident.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import escape
from wagtail.test.utils.form_data import rich_text, streamfield

from contenthub.inheritance import (
    INHERITED_FIELDS,
    apply_basistekst,
    inherited_fields,
    overridden_fields,
)
from contenthub.models import Basistekst, ProductPage
from contenthub.structured import product_snapshot
from tests.contenthub.test_admin import product_form
from tests.factories import BasistekstFactory

pytestmark = pytest.mark.django_db

LOKAAL = "Bij de gemeente Testdorp haalt u uw paspoort op in het stadhuis."


@pytest.fixture
def basistekst():
    return BasistekstFactory()


@pytest.fixture
def inheriting(make_product, basistekst):
    page = make_product(basistekst=basistekst, kort_antwoord=LOKAAL)
    page.full_clean()
    page.save()
    return page


def _stream(value) -> list:
    return [(child.block_type, child.value) for child in value]


def test_a_product_takes_every_shared_text_from_its_basistekst(inheriting, basistekst):
    assert inherited_fields(inheriting) == INHERITED_FIELDS
    assert inheriting.kort_antwoord == basistekst.kort_antwoord
    assert inheriting.wat_is_het == basistekst.wat_is_het
    assert _stream(inheriting.aanvragen) == _stream(basistekst.aanvragen)
    assert _stream(inheriting.vragen) == _stream(basistekst.vragen)
    # Every channel reads the page: the national text is what citizens see.
    assert product_snapshot(inheriting).kort_antwoord == basistekst.kort_antwoord


def test_local_facts_stay_the_gemeentes_own(inheriting):
    [(_, regel)] = _stream(inheriting.kosten)
    assert regel["bedrag"] == Decimal("84.29")
    assert inheriting.termijn_dagen == 6


def test_an_overridden_field_keeps_its_local_text(make_product, basistekst):
    page = make_product(
        basistekst=basistekst, kort_antwoord=LOKAAL, eigen_kort_antwoord=True
    )
    page.full_clean()
    assert page.kort_antwoord == LOKAAL
    assert overridden_fields(page) == ("kort_antwoord",)
    assert "kort_antwoord" not in inherited_fields(page)
    assert page.wat_is_het == basistekst.wat_is_het


def test_returning_to_the_national_text_restores_it(make_product, basistekst):
    page = make_product(
        basistekst=basistekst, kort_antwoord=LOKAAL, eigen_kort_antwoord=True
    )
    page.eigen_kort_antwoord = False
    assert apply_basistekst(page) == ["kort_antwoord"]
    assert page.kort_antwoord == basistekst.kort_antwoord


def test_a_new_national_version_reaches_the_product_when_it_is_published(
    inheriting, basistekst
):
    basistekst.kort_antwoord = (
        "Een paspoort vraagt u aan in de gemeente waar u woont. "
        "Maak eerst een afspraak."
    )
    basistekst.save_revision().publish()
    product = ProductPage.objects.get(pk=inheriting.pk)
    product.save_revision().publish()
    product.refresh_from_db()
    assert product.live
    assert product.kort_antwoord == basistekst.kort_antwoord
    assert product.live_revision.as_object().kort_antwoord == basistekst.kort_antwoord


def test_a_draft_of_the_basistekst_does_not_reach_products(inheriting, basistekst):
    published = basistekst.kort_antwoord
    basistekst.kort_antwoord = "Dit is een concept dat nog niet klaar is."
    basistekst.save_revision()  # a draft: the row keeps the published text
    assert Basistekst.objects.get(pk=basistekst.pk).kort_antwoord == published
    product = ProductPage.objects.get(pk=inheriting.pk)
    product.full_clean()
    assert product.kort_antwoord == published


def test_an_unpublished_basistekst_cannot_be_inherited(make_product):
    concept = BasistekstFactory.build(titel="Rijbewijs verlengen")
    concept.save()  # saved, never published
    with pytest.raises(ValidationError) as error:
        make_product(basistekst=concept)
    assert error.value.message_dict["basistekst"] == [
        "De basistekst 'Rijbewijs verlengen' is nog niet gepubliceerd. "
        "Kies een gepubliceerde basistekst of vul de teksten zelf in."
    ]


def test_a_basistekst_follows_the_same_text_rules_as_a_product():
    tekst = BasistekstFactory.build(
        titel="Te lang", kort_antwoord="Een. Twee. Drie. Vier zinnen is te veel."
    )
    with pytest.raises(ValidationError) as error:
        tekst.full_clean()
    assert error.value.message_dict["kort_antwoord"] == [
        "Het korte antwoord heeft 4 zinnen. Gebruik er maximaal 3; "
        "de rest hoort in 'Wat is het'."
    ]


# The editor


def _edit(client, page, **overrides):
    form = product_form(
        page.contact,
        title=page.title,
        slug=page.slug,
        upl_naam="paspoort",
        basistekst=str(page.basistekst_id or ""),
        **overrides,
    )
    return client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), form)


def test_the_editor_shows_inherited_texts_read_only_with_their_source(
    admin_client, inheriting, basistekst
):
    response = admin_client.get(
        reverse("wagtailadmin_pages:edit", args=(inheriting.pk,))
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert f"uit de basistekst \u2018{basistekst.titel}\u2019" in html
    form = response.context["form"]
    assert form.fields["kort_antwoord"].disabled
    assert not form.fields["lokale_aanvulling"].disabled
    assert not form.fields["kosten"].disabled
    # The short answer's own editor is there but hidden, holding the national
    # text, for the moment "eigen tekst" is ticked (eigen_tekst.js).
    hidden_editor = html.split('data-eigen-veld="eigen_kort_antwoord"', 1)[1]
    hidden_editor = hidden_editor.split("data-eigen hidden>", 1)[1].split("</div>", 1)[
        0
    ]
    assert 'name="kort_antwoord"' in hidden_editor
    assert escape(basistekst.kort_antwoord) in hidden_editor
    assert "contenthub/eigen_tekst.js" in html
    # The help text says what ticking will do, not what a tick means.
    assert "Vink aan om deze tekst voor uw gemeente aan te passen" in html
    assert "Aangevinkt:" not in html


def test_typing_over_an_inherited_text_changes_nothing(admin_client, inheriting):
    response = _edit(admin_client, inheriting, kort_antwoord="Iets anders. Echt.")
    assert response.status_code == 302, response.context["form"].errors
    draft = inheriting.get_latest_revision_as_object()
    assert draft.kort_antwoord == inheriting.basistekst.kort_antwoord


def test_marking_a_field_as_own_starts_from_the_national_text_and_then_edits_it(
    admin_client, inheriting
):
    national = inheriting.basistekst.kort_antwoord
    # Ticked in the browser: the editor opened with the national text, which is posted.
    response = _edit(
        admin_client, inheriting, eigen_kort_antwoord="on", kort_antwoord=national
    )
    assert response.status_code == 302, response.context["form"].errors
    page = ProductPage.objects.get(pk=inheriting.pk)
    draft = page.get_latest_revision_as_object()
    assert draft.eigen_kort_antwoord
    assert draft.kort_antwoord == national

    # The editor opens the latest draft again: the field is now editable.
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    assert not response.context["form"].fields["kort_antwoord"].disabled
    assert "Haal het vinkje weg om terug te gaan" in response.content.decode()
    response = _edit(admin_client, page, eigen_kort_antwoord="on", kort_antwoord=LOKAAL)
    assert response.status_code == 302, response.context["form"].errors
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().kort_antwoord == LOKAAL


def test_ticking_eigen_tekst_and_typing_at_once_keeps_the_typed_text(
    admin_client, inheriting
):
    # No save in between: the box and the new text arrive in one post.
    response = _edit(
        admin_client, inheriting, eigen_kort_antwoord="on", kort_antwoord=LOKAAL
    )
    assert response.status_code == 302, response.context["form"].errors
    draft = ProductPage.objects.get(pk=inheriting.pk).get_latest_revision_as_object()
    assert draft.eigen_kort_antwoord
    assert draft.kort_antwoord == LOKAAL


def test_creating_a_product_from_a_basistekst_needs_no_shared_texts(
    admin_client, thema, contactpunt, basistekst
):
    add_url = reverse(
        "wagtailadmin_pages:add", args=("contenthub", "productpage", thema.pk)
    )
    form = product_form(
        contactpunt,
        basistekst=str(basistekst.pk),
        kort_antwoord="",
        wat_is_het=rich_text(""),
        aanvragen=streamfield([]),
    )
    response = admin_client.post(add_url, form)
    assert response.status_code == 302, response.context["form"].errors
    page = ProductPage.objects.get(slug="identiteitskaart")
    assert page.kort_antwoord == basistekst.kort_antwoord
    assert len(page.aanvragen) == len(basistekst.aanvragen)


def test_a_product_cannot_use_another_gemeentes_contactpunt(make_product, contactpunt):
    from wagtail.models import Page, Site

    from tests.factories import ContactpuntFactory, HomePageFactory

    home = HomePageFactory(parent=Page.get_first_root_node(), slug="anderdorp")
    elders = Site.objects.create(hostname="anderdorp.example", root_page=home)
    vreemd = ContactpuntFactory(naam="Publiekszaken Anderdorp", site=elders)
    # Not live: the gate refuses to make it live with another gemeente's contact.
    page = make_product(contact=vreemd, live=False)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert error.value.message_dict["contact"] == [
        "Het contactpunt 'Publiekszaken Anderdorp' hoort bij een andere gemeente. "
        "Kies een contactpunt van uw eigen gemeente."
    ]


# The gate: a national text must fit the gemeente's own facts

DUUR = "Een paspoort vraagt u aan bij de gemeente. Het kost € 99,00."


def _amount_findings(page):
    from publicatie.gate import evaluate_publication_gate

    return list(evaluate_publication_gate(page=page).findings["basistekst"])


def test_a_national_amount_the_gemeente_does_not_charge_blocks_publication(
    make_product,
):
    # Not live: the gate refuses to make it live with this amount.
    page = make_product(basistekst=BasistekstFactory(kort_antwoord=DUUR), live=False)
    [finding] = _amount_findings(page)
    assert finding.blocks
    assert finding.location.field == "kort_antwoord"
    assert finding.message == (
        "De landelijke tekst noemt € 99,00, maar dat bedrag staat niet bij de "
        "kosten van deze gemeente."
    )


def test_a_national_amount_the_gemeente_charges_passes(make_product):
    kosten = [
        {
            "type": "regel",
            "value": {"omschrijving": "Paspoort", "bedrag": "99.00", "per": "per_stuk"},
        }
    ]
    page = make_product(basistekst=BasistekstFactory(kort_antwoord=DUUR), kosten=kosten)
    assert _amount_findings(page) == []


def test_an_own_text_is_not_held_to_the_national_amount(make_product):
    page = make_product(
        basistekst=BasistekstFactory(kort_antwoord=DUUR),
        kort_antwoord=LOKAAL,
        eigen_kort_antwoord=True,
    )
    assert _amount_findings(page) == []

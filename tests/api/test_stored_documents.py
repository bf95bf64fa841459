"""The API serves the document stored at publication, only while its approval holds.

``renderers.documents``: publication (and every re-render of the gate) stores
one document per product with the approval of its renderings; a read checks
it against the page row, its live revision and its related products, and
never rebuilds the inputs unless one of those checks fails.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from contenthub.models import Contactpunt, GerelateerdProduct, Locatie, ProductPage
from renderers.approval import current_fingerprint
from renderers.models import ChannelRendering, ProductDocument
from tests.api.test_content_queries import DETAIL_QUERIES

pytestmark = pytest.mark.django_db

DETAIL = '{ product(slug: "paspoort") { titel kortAntwoord contact { naam } } }'
LIST = "{ producten { totaal edges { node { slug } } } }"


def test_publication_stores_the_document_with_the_renderings_approval(
    make_product,
):
    page = make_product(slug="paspoort", title="Paspoort aanvragen")
    doc = ProductDocument.objects.get(page=page)
    web = ChannelRendering.objects.get(page=page, channel="web", variant="")
    assert doc.verdict_id == web.verdict_id is not None
    assert (
        doc.inputs_fingerprint
        == web.inputs_fingerprint
        == current_fingerprint(ProductPage.objects.get(pk=page.pk))
    )
    assert doc.data["titel"] == "Paspoort aanvragen"
    assert doc.data["contact"]["naam"] == "Publiekszaken"


def test_a_snippet_change_through_the_gate_updates_the_document(make_product, data):
    page = make_product(slug="paspoort", title="Paspoort aanvragen")
    contact = Contactpunt.objects.get(pk=page.contact_id)
    contact.naam = "Burgerzaken"
    contact.save()  # judged and stored again for every live product showing it
    cache.clear()
    assert data(DETAIL)["product"]["contact"]["naam"] == "Burgerzaken"


def test_a_write_around_the_gate_is_not_served(make_product, data):
    page = make_product(slug="paspoort", title="Paspoort aanvragen")
    assert data(DETAIL)["product"]["titel"] == "Paspoort aanvragen"
    ProductPage.objects.filter(pk=page.pk).update(
        kort_antwoord="Een tekst die de publicatiecontrole nooit zag."
    )
    cache.clear()
    assert data(DETAIL)["product"] is None
    assert data(LIST)["producten"]["edges"] == []


def test_a_related_product_that_leaves_without_a_signal_is_not_served(
    make_product, data
):
    page = make_product(slug="paspoort", title="Paspoort aanvragen")
    related = make_product(slug="id-kaart", title="Identiteitskaart aanvragen")
    GerelateerdProduct.objects.create(page=page, product=related)
    page.save()
    query = '{ product(slug: "paspoort") { gerelateerdeProducten { slug } } }'
    assert data(query)["product"]["gerelateerdeProducten"] == [{"slug": "id-kaart"}]
    ProductPage.objects.filter(pk=related.pk).update(live=False)
    cache.clear()
    assert data(query)["product"] is None


def test_a_related_product_that_goes_live_by_the_clock_is_not_missed(
    make_product, data
):
    """Linked but not yet live at publication, live once its go_live_at
    passes (no publication, no signal): the document no longer shows what the
    inputs are, so it is not served until the gate judged it again."""
    page = make_product(slug="paspoort", title="Paspoort aanvragen")
    related = make_product(slug="id-kaart", title="Identiteitskaart aanvragen")
    ProductPage.objects.filter(pk=related.pk).update(
        go_live_at=timezone.now() + timedelta(days=1)
    )
    GerelateerdProduct.objects.create(page=page, product=related)
    ProductPage.objects.get(pk=page.pk).save()
    query = '{ product(slug: "paspoort") { gerelateerdeProducten { slug } } }'
    assert data(query)["product"]["gerelateerdeProducten"] == []
    assert ProductDocument.objects.get(page=page).linked_ids == [related.pk]

    ProductPage.objects.filter(pk=related.pk).update(
        go_live_at=timezone.now() - timedelta(minutes=1)
    )
    cache.clear()
    assert data(query)["product"] is None


def test_a_change_that_is_no_input_keeps_the_cheap_read(
    make_product, graphql, django_assert_num_queries
):
    from .test_query_counts import ALL_FIELDS

    page = make_product(slug="paspoort", title="Paspoort aanvragen")
    page = ProductPage.objects.get(pk=page.pk)
    page.expire_at = timezone.now() + timedelta(days=30)
    page.save()  # same inputs: only the document's bookkeeping follows
    query = (
        ALL_FIELDS.split("query (")[0] + '{ product(slug: "paspoort") { ...Alles } }'
    )
    cache.clear()
    with django_assert_num_queries(DETAIL_QUERIES):
        response = graphql(query)
    assert response.json()["data"]["product"]["titel"] == "Paspoort aanvragen"


def test_without_a_document_the_product_is_served_as_before_until_herkeur(
    make_product, data
):
    """A database from before documents: a live product without one is served
    from a document built in memory, under the rule reads applied before (its
    stored renderings approved for its inputs as they are now), equal to the
    one publication stores; ``herkeur`` stores it."""
    from publicatie.holding import herkeur

    page = make_product(slug="paspoort", title="Paspoort aanvragen")
    query = (
        '{ product(slug: "paspoort") { titel kortAntwoord watIsHet '
        "kosten { bedragTekst perLabel } contact { naam openingstijden { tekst } } "
        "weergave(kanaal: TWEET) { inhoud } } }"
    )
    with_document = data(query)["product"]
    ProductDocument.objects.filter(page=page).delete()
    cache.clear()
    assert data(query)["product"] == with_document
    assert data(LIST)["producten"]["edges"] == [{"node": {"slug": "paspoort"}}]
    assert not ProductDocument.objects.filter(page=page).exists()  # reads never write

    outcome = herkeur()
    assert outcome["opgeslagen"] == 1
    assert ProductDocument.objects.filter(page=page).exists()
    cache.clear()
    assert data(query)["product"] == with_document


def test_without_a_document_a_write_around_the_gate_is_not_served(make_product, data):
    page = make_product(slug="paspoort", title="Paspoort aanvragen")
    ProductDocument.objects.filter(page=page).delete()
    ProductPage.objects.filter(pk=page.pk).update(
        kort_antwoord="Een tekst die de publicatiecontrole nooit zag."
    )
    cache.clear()
    assert data(DETAIL)["product"] is None
    assert data(LIST)["producten"]["edges"] == []


def test_without_a_document_renderings_without_an_approval_are_not_served(
    make_product, data
):
    page = make_product(slug="paspoort", title="Paspoort aanvragen")
    ProductDocument.objects.filter(page=page).delete()
    ChannelRendering.objects.filter(page=page, channel="web").update(verdict_id=None)
    cache.clear()
    assert data(DETAIL)["product"] is None


def test_a_rendering_of_other_inputs_than_the_document_is_not_served(
    make_product, data
):
    page = make_product(slug="paspoort", title="Paspoort aanvragen")
    query = '{ product(slug: "paspoort") { titel weergave(kanaal: TWEET) { inhoud } } }'
    assert data(query)["product"]["weergave"] is not None
    ChannelRendering.objects.filter(page=page, channel="tweet").update(
        inputs_fingerprint="0" * 64
    )
    cache.clear()
    product = data(query)["product"]
    assert product["titel"] == "Paspoort aanvragen"
    assert product["weergave"] is None


def test_another_gemeente_s_product_is_never_served(make_product, other_gemeente, data):
    make_product(slug="paspoort", title="Paspoort aanvragen")
    slugs = [e["node"]["slug"] for e in data(LIST)["producten"]["edges"]]
    assert slugs == ["paspoort"]
    assert data('{ product(slug: "grofvuil") { titel } }')["product"] is None


def _english(page):
    """The English translation of ``page``, published with its home and theme."""
    from wagtail.models import Locale, Page

    english = page.copy_for_translation(
        Locale.objects.get(language_code="en"), copy_parents=True
    )
    for ancestor in Page.objects.ancestor_of(english).filter(depth__gt=1):
        ancestor = ancestor.specific
        if not ancestor.live:
            ancestor.save_revision().publish()
    english = ProductPage.objects.get(pk=english.pk)
    english.title = "Apply for a passport"
    english.kort_antwoord = "You apply for a passport at the town hall."
    english.save_revision().publish()
    return ProductPage.objects.get(pk=english.pk)


ENGLISH = """{ product(slug: "paspoort", taal: EN) {
  titel taal vertalingVerouderd kosten { perLabel } termijn { kort }
  contact { openingstijden { tekst } } } }"""


def test_an_english_translation_stores_and_serves_its_own_document(make_product, data):
    dutch = make_product(slug="paspoort", title="Paspoort aanvragen")
    english = _english(dutch)
    document = ProductDocument.objects.get(page=english)
    assert document.data["taal"] == "en"
    assert document.data["titel"] == "Apply for a passport"
    assert document.inputs_fingerprint == current_fingerprint(english)
    assert ProductDocument.objects.get(page=dutch).data["taal"] == "nl"

    product = data(ENGLISH)["product"]
    assert product["titel"] == "Apply for a passport"
    assert product["taal"] == "en"
    assert product["vertalingVerouderd"] is False
    if product["termijn"]:
        assert product["termijn"]["kort"].startswith("at most")
    assert all(not regel["perLabel"].startswith("per ") for regel in product["kosten"])
    dutch_answer = data('{ product(slug: "paspoort") { titel taal } }')["product"]
    assert dutch_answer == {"titel": "Paspoort aanvragen", "taal": "nl"}


def test_vertaling_verouderd_follows_the_dutch_source_without_a_new_english_document(
    make_product, data
):
    """Computed at read from the digests on the rows: a Dutch publication
    changes it. The English channels are stored again with their out-of-date
    notice (``publicatie.holding.refresh_translations``), but the English
    document's content stays what its own publication made."""
    dutch = make_product(slug="paspoort", title="Paspoort aanvragen")
    english = _english(dutch)
    before = ProductDocument.objects.get(page=english)
    assert data(ENGLISH)["product"]["vertalingVerouderd"] is False

    dutch = ProductPage.objects.get(pk=dutch.pk)
    dutch.kort_antwoord = "U vraagt een paspoort aan in het stadhuis."
    dutch.save_revision().publish()
    after = ProductDocument.objects.get(page=english)
    assert after.data == before.data
    cache.clear()
    assert data(ENGLISH)["product"]["vertalingVerouderd"] is True

    english = ProductPage.objects.get(pk=english.pk)
    english.kort_antwoord = "You apply for a passport in the town hall."
    english.save_revision().publish()
    cache.clear()
    assert data(ENGLISH)["product"]["vertalingVerouderd"] is False


# Writes around the gate to the other inputs (as main checked by fingerprinting
# every input on every read): the document's digest of those rows
# (``renderers.documents.source_digests``) no longer matches, the inputs are
# fingerprinted, and the product is left out while they differ from the
# approved ones.

FULL = '{ product(slug: "paspoort") { titel contact { naam } locaties { naam } } }'


def _served(data) -> bool:
    cache.clear()
    return data(FULL)["product"] is not None


def test_a_contactpunt_written_around_the_gate_is_not_served(make_product, data):
    page = make_product(slug="paspoort", title="Paspoort aanvragen")
    assert _served(data)
    Contactpunt.objects.filter(pk=page.contact_id).update(naam="Nooit gekeurd")
    assert not _served(data)
    assert data(LIST)["producten"]["edges"] == []


def test_a_locatie_written_around_the_gate_is_not_served(make_product, data):
    from tests.factories import LocatieFactory

    page = make_product(slug="paspoort", title="Paspoort aanvragen")
    locatie = LocatieFactory(naam="Stadskantoor")
    page = ProductPage.objects.get(pk=page.pk)
    page.locaties.add(locatie)
    page.save()  # judged, the document stored with the locatie
    assert data(FULL)["product"]["locaties"] == [{"naam": "Stadskantoor"}]
    assert _served(data)
    Locatie.objects.filter(pk=locatie.pk).update(toelichting="Nooit gekeurd.")
    assert not _served(data)


def test_a_locatie_linked_around_the_gate_is_not_served(make_product, data):
    from tests.factories import LocatieFactory

    page = make_product(slug="paspoort", title="Paspoort aanvragen")
    locatie = LocatieFactory(naam="Stadskantoor")
    ProductPage.locaties.through.objects.create(productpage=page, locatie=locatie)
    assert not _served(data)


def test_the_settings_written_around_the_gate_are_not_served(make_product, data):
    from contenthub.models import GemeenteInstellingen

    page = make_product(slug="paspoort", title="Paspoort aanvragen")
    assert _served(data)
    site = page.get_site()
    if not GemeenteInstellingen.objects.filter(site=site).update(naam="Nooitdorp"):
        GemeenteInstellingen.objects.bulk_create(
            [GemeenteInstellingen(site=site, naam="Nooitdorp")]
        )
    assert not _served(data)


def test_a_related_product_renamed_around_the_gate_is_not_served(make_product, data):
    page = make_product(slug="paspoort", title="Paspoort aanvragen")
    related = make_product(slug="id-kaart", title="Identiteitskaart aanvragen")
    GerelateerdProduct.objects.create(page=page, product=related)
    ProductPage.objects.get(pk=page.pk).save()
    assert _served(data)
    # The related product's own document is not what changed here: its title
    # is one of the inputs of the product that links to it.
    ProductPage.objects.filter(pk=related.pk).update(title="Nooit gekeurd")
    assert not _served(data)


def test_a_related_link_made_around_the_gate_is_not_served(make_product, data):
    page = make_product(slug="paspoort", title="Paspoort aanvragen")
    related = make_product(slug="id-kaart", title="Identiteitskaart aanvragen")
    assert _served(data)
    GerelateerdProduct.objects.create(page=page, product=related)
    assert not _served(data)


def test_an_english_contactpunt_written_around_the_gate_is_not_served(
    make_product, data
):
    from wagtail.models import Locale

    dutch = make_product(slug="paspoort", title="Paspoort aanvragen")
    english = _english(dutch)
    version = Contactpunt.objects.get(pk=dutch.contact_id).copy_for_translation(
        Locale.objects.get(language_code="en")
    )
    version.naam = "Public Affairs"
    version.save()  # judged with the English product, which now shows it
    query = '{ product(slug: "paspoort", taal: EN) { contact { naam taal } } }'
    assert data(query)["product"]["contact"] == {
        "naam": "Public Affairs",
        "taal": "en",
    }
    assert ProductDocument.objects.get(page=english).data["contact"]["id"] == (
        version.pk
    )
    Contactpunt.objects.filter(pk=version.pk).update(naam="Public Works")
    cache.clear()
    assert data(query)["product"] is None
    # The Dutch product shows its own contactpunt: still served.
    assert _served(data)


def test_a_snippet_change_through_the_gate_keeps_the_cheap_read(
    make_product, graphql, django_assert_num_queries
):
    from .test_query_counts import ALL_FIELDS

    page = make_product(slug="paspoort", title="Paspoort aanvragen")
    contact = Contactpunt.objects.get(pk=page.contact_id)
    contact.naam = "Burgerzaken"
    contact.save()
    query = (
        ALL_FIELDS.split("query (")[0] + '{ product(slug: "paspoort") { ...Alles } }'
    )
    cache.clear()
    with django_assert_num_queries(DETAIL_QUERIES):
        response = graphql(query)
    assert response.json()["data"]["product"]["contact"]["naam"] == "Burgerzaken"

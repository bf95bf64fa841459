"""The gate holds for everything that reaches a channel (issue 14).

Each test takes one way a live product could change without a publication
(a save, a snippet, the settings, a copy, an alias, a move, the clock, a
related product, a dangerous value) and checks that nothing live changes in
any stored rendering, in the API, on the website or in the chatbot, and
that the editor gets the gate's findings.
"""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, Site

from contenthub.models import (
    Contactpunt,
    GemeenteInstellingen,
    GerelateerdProduct,
    ProductPage,
)
from publicatie.gate import PublicationBlocked
from publicatie.holding import ChangeBlocked, herkeur
from publicatie.models import Keuring
from renderers.approval import Approval, NotApproved
from renderers.models import ChannelRendering
from renderers.services import store_renderings
from tests.factories import (
    ContactpuntFactory,
    HomePageFactory,
    LocatieFactory,
    ProductPageFactory,
    ThemaPageFactory,
)

from .channels import (
    api_product,
    assert_every_live_rendering_is_approved_for_its_inputs,
    everything,
    stored,
    website,
)
from .conftest import BAD_TEXT

pytestmark = pytest.mark.django_db

AMBTELIJK = "Indien u middels het formulier conform de regels een paspoort aanvraagt."
AMBTELIJKE_NAAM = (
    "Afdeling heffing en invordering ter zake van gemeentelijke belastingen"
)


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def other_gemeente(db, home):
    """A second gemeente (Rivierstad) with a theme and its own contactpunt."""
    root = Page.get_first_root_node()
    other_home = HomePageFactory(parent=root, slug="rivierstad", title="Rivierstad")
    site = Site.objects.create(
        hostname="rivierstad.example",
        port=80,
        root_page=other_home,
        site_name="Rivierstad",
    )
    thema = ThemaPageFactory(parent=other_home, slug="burgerzaken", title="Burgerzaken")
    contact = ContactpuntFactory(site=site, naam="Publiekszaken Rivierstad")
    return {"site": site, "thema": thema, "contact": contact}


# A page created live, and a save of a live page --------------------------------


def test_a_page_created_live_through_the_model_is_judged_first(thema, contactpunt):
    page = ProductPageFactory.build(
        slug="nieuw", contact=contactpunt, kort_antwoord=AMBTELIJK
    )
    with pytest.raises(PublicationBlocked) as refused:
        thema.add_child(instance=page)
    assert "Kort antwoord" in refused.value.result.summary()
    assert not ProductPage.objects.filter(slug="nieuw").exists()
    assert api_product("nieuw") is None
    assert website("/paspoort-en-id-kaart/nieuw/")[0] == 404


def test_a_page_created_live_that_passes_is_stored_with_its_approval(make_product):
    page = make_product(slug="goed")
    rows = ChannelRendering.objects.filter(page=page)
    assert rows.count() == len(stored(page.pk)) > 0
    assert all(row.approved for row in rows)
    assert Keuring.objects.get(pk=rows[0].verdict_id).geslaagd
    status, html = website(page.get_url())
    assert status == 200
    assert page.title in html


def test_save_of_a_live_page_is_judged_and_refused(live_product):
    before = everything(live_product)
    live_product.kort_antwoord = AMBTELIJK
    with pytest.raises(PublicationBlocked) as refused:
        live_product.save()
    assert "ambtelijke taal" in refused.value.result.summary()
    live_product = ProductPage.objects.get(pk=live_product.pk)
    assert everything(live_product) == before
    assert Keuring.objects.filter(page=live_product, geslaagd=False).exists()


def test_a_save_that_passes_reaches_every_channel_with_a_new_approval(live_product):
    before = stored(live_product.pk)
    live_product.kort_antwoord = (
        "U vraagt een paspoort aan bij het stadhuis. Dat kost € 84,29."
    )
    live_product.save()
    assert stored(live_product.pk) != before
    assert "bij het stadhuis" in api_product("paspoort")["kortAntwoord"]
    assert_every_live_rendering_is_approved_for_its_inputs()


# Snippets and the gemeente's settings ---------------------------------------------


def test_a_contactpunt_change_that_a_product_fails_is_refused(
    live_product, make_product
):
    other = publish(
        make_product(slug="id-kaart", title="ID-kaart aanvragen", live=False)
    )
    before = {p.pk: everything(p) for p in (live_product, other)}
    contact = live_product.contact
    contact.naam = AMBTELIJKE_NAAM
    with pytest.raises(ChangeBlocked) as refused:
        contact.save()
    message = str(refused.value)
    assert message.startswith(
        "Deze wijziging raakt 2 gepubliceerde producten; bij 2 ervan houdt de "
        "publicatiecontrole haar tegen"
    )
    assert "ter zake van" in message
    assert Contactpunt.objects.get(pk=contact.pk).naam != AMBTELIJKE_NAAM
    for page in (live_product, other):
        assert everything(page) == before[page.pk]
    # The refusal stays on record for the beheerder.
    assert Keuring.objects.filter(
        page=live_product, pad="snippet", geslaagd=False
    ).exists()


def test_a_contactpunt_change_in_the_admin_shows_the_findings(
    admin_client, live_product
):
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    contact = live_product.contact
    before = everything(live_product)
    response = admin_client.post(
        reverse("wagtailsnippets_contenthub_contactpunt:edit", args=(contact.pk,)),
        nested_form_data(
            {
                "site": contact.site_id,
                "naam": AMBTELIJKE_NAAM,
                "telefoon": contact.telefoon,
                "email": contact.email,
                "contactformulier_url": contact.contactformulier_url,
                "afspraak_url": contact.afspraak_url,
                "openingstijden": streamfield([]),
            }
        ),
    )
    assert response.status_code == 200
    assert "Deze wijziging raakt 1 gepubliceerde product" in response.content.decode()
    assert Contactpunt.objects.get(pk=contact.pk).naam == contact.naam
    assert everything(live_product) == before


def test_a_contactpunt_change_that_passes_reaches_the_letter(live_product):
    contact = live_product.contact
    contact.naam = "Team Burgerzaken"
    contact.save()
    brief = api_product("paspoort")["brief"]["inhoud"]
    assert "Team Burgerzaken" in brief
    assert_every_live_rendering_is_approved_for_its_inputs()


def test_a_locatie_toelichting_is_judged_for_every_product_that_shows_it(live_product):
    locatie = LocatieFactory(site=live_product.get_site())
    live_product.locaties.add(locatie)
    publish(live_product)
    before = everything(live_product)
    locatie.toelichting = (
        "Teneinde de toegankelijkheid te waarborgen dient men zich middels de "
        "intercom te melden conform de aanwijzingen."
    )
    with pytest.raises(ChangeBlocked) as refused:
        locatie.save()
    assert "De toelichting bij" in str(refused.value)
    assert everything(live_product) == before


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        (
            "website",
            "javascript:alert(document.cookie)",
            "https:, http:, mailto: of tel:",
        ),
        ("naam", "Gemeente <b>Testdorp</b>", "HTML-code"),
        ("postadres", AMBTELIJKE_NAAM, "ambtelijke taal"),
    ],
)
def test_settings_that_a_live_product_fails_are_refused(
    live_product, field, value, expected
):
    site = live_product.get_site()
    instellingen = GemeenteInstellingen.for_site(site)
    instellingen.website = "https://www.testdorp.example"
    instellingen.save()
    before = everything(live_product)
    setattr(instellingen, field, value)
    with pytest.raises(ChangeBlocked) as refused:
        instellingen.save()
    assert expected in str(refused.value)
    assert getattr(GemeenteInstellingen.for_site(site), field) != value
    assert everything(live_product) == before


def test_settings_that_pass_reach_the_canonical_link(live_product):
    instellingen = GemeenteInstellingen.for_site(live_product.get_site())
    instellingen.website = "https://www.testdorp.example"
    instellingen.save()
    app = api_product("paspoort")["app"]["inhoud"]
    assert '"web": "https://www.testdorp.example/' in app


# Copy, alias and move -----------------------------------------------------------------


def test_copy_and_publish_judges_the_revision_that_goes_live(thema, live_product):
    live_product.wat_is_het = BAD_TEXT
    live_product.save_revision()  # the latest revision: a failing draft
    with pytest.raises(PublicationBlocked):
        live_product.copy(
            to=thema,
            update_attrs={"slug": "paspoort-kopie", "title": "Kopie"},
            keep_live=True,
        )
    assert not ProductPage.objects.filter(slug="paspoort-kopie").exists()


def test_copy_and_publish_in_the_admin_judges_the_latest_revision(
    admin_client, thema, live_product
):
    from django.contrib.messages import get_messages

    live_product.wat_is_het = BAD_TEXT
    live_product.save_revision()
    response = admin_client.post(
        reverse("wagtailadmin_pages:copy", args=(live_product.pk,)),
        {
            "new_title": "Kopie",
            "new_slug": "paspoort-kopie",
            "new_parent_page": thema.pk,
            "publish_copies": "on",
        },
    )
    assert response.status_code == 302
    assert "is niet gepubliceerd" in " ".join(
        str(m) for m in get_messages(response.wsgi_request)
    )
    assert not ProductPage.objects.filter(slug="paspoort-kopie").exists()


def test_an_alias_in_another_gemeente_is_refused(live_product, other_gemeente):
    from wagtail.actions.create_alias import CreatePageAliasAction

    with pytest.raises(PublicationBlocked) as refused:
        CreatePageAliasAction(
            live_product, parent=other_gemeente["thema"], update_slug="paspoort"
        ).execute(skip_permission_checks=True)
    assert "andere gemeente" in refused.value.result.summary()
    assert not ProductPage.objects.filter(alias_of=live_product).exists()
    assert api_product("paspoort") is not None  # the original is untouched


def test_an_alias_in_the_admin_shows_the_findings(
    admin_client, live_product, other_gemeente
):
    from django.contrib.messages import get_messages

    response = admin_client.post(
        reverse("wagtailadmin_pages:copy", args=(live_product.pk,)),
        {
            "new_title": live_product.title,
            "new_slug": "paspoort",
            "new_parent_page": other_gemeente["thema"].pk,
            "alias": "on",
        },
    )
    assert response.status_code == 302
    assert "andere gemeente" in " ".join(
        str(m) for m in get_messages(response.wsgi_request)
    )
    assert not ProductPage.objects.filter(alias_of=live_product).exists()


def test_a_move_to_another_gemeente_is_refused_and_nothing_moves(
    live_product, other_gemeente
):
    before = everything(live_product)
    path = live_product.path
    with pytest.raises(PublicationBlocked) as refused:
        live_product.move(other_gemeente["thema"], pos="last-child")
    assert "andere gemeente" in refused.value.result.summary()
    assert ProductPage.objects.get(pk=live_product.pk).path == path
    assert everything(live_product) == before


def test_a_move_in_the_admin_shows_the_findings(
    admin_client, live_product, other_gemeente
):
    from django.contrib.messages import get_messages

    response = admin_client.post(
        reverse(
            "wagtailadmin_pages:move_confirm",
            args=(live_product.pk, other_gemeente["thema"].pk),
        )
    )
    assert response.status_code == 302
    assert "andere gemeente" in " ".join(
        str(m) for m in get_messages(response.wsgi_request)
    )
    assert (
        ProductPage.objects.get(pk=live_product.pk).get_site().hostname == "localhost"
    )


def test_a_move_that_passes_re_renders_with_the_new_place(live_product, home):
    nieuw = ThemaPageFactory(parent=home, slug="reizen", title="Reizen")
    live_product.move(nieuw, pos="last-child")
    moved = ProductPage.objects.get(pk=live_product.pk)
    assert "/reizen/paspoort/" in api_product("paspoort")["app"]["inhoud"]
    assert website(moved.get_url())[0] == 200
    assert_every_live_rendering_is_approved_for_its_inputs()


# The clock and related products -------------------------------------------------------


@pytest.fixture
def related_pair(live_product, make_product):
    """Two live products; the paspoort lists the ID-kaart under "Zie ook"."""
    idkaart = publish(
        make_product(slug="id-kaart", title="ID-kaart aanvragen", live=False)
    )
    GerelateerdProduct.objects.create(page=live_product, product=idkaart)
    live_product = publish(ProductPage.objects.get(pk=live_product.pk))
    web = ChannelRendering.objects.get(page=live_product, channel="web", variant="")
    assert "ID-kaart aanvragen" in web.content
    return live_product, idkaart


def test_expiry_takes_effect_at_the_moment_and_related_products_follow(related_pair):
    paspoort, idkaart = related_pair
    ProductPage.objects.filter(pk=idkaart.pk).update(
        expire_at=timezone.now() - timedelta(seconds=1)
    )
    # At read time, before publish_scheduled or any task ran:
    assert website(idkaart.get_url())[0] == 404
    assert api_product("id-kaart") is None
    assert website(paspoort.get_url())[0] == 404  # its "Zie ook" no longer holds
    # The clock's task (or manage.py herkeur) judges the related product again.
    outcome = herkeur()
    assert outcome["opgeslagen"] >= 1
    assert not outcome["tegengehouden"]
    status, html = website(paspoort.get_url())
    assert status == 200
    assert "ID-kaart aanvragen" not in html
    assert_every_live_rendering_is_approved_for_its_inputs()


def test_a_scheduled_go_live_counts_from_the_moment_itself(make_product):
    page = make_product(slug="later", go_live_at=timezone.now() + timedelta(hours=1))
    assert api_product("later") is None
    assert website(page.get_url())[0] == 404


def test_a_related_product_under_an_unpublished_theme_is_not_listed(
    live_product, home, make_product
):
    verborgen = ThemaPageFactory(parent=home, slug="verborgen", title="Verborgen")
    hidden = publish(
        ProductPageFactory(
            parent=verborgen,
            slug="geheim",
            title="Geheim product",
            contact=live_product.contact,
            live=False,
        )
    )
    verborgen.unpublish()
    GerelateerdProduct.objects.create(page=live_product, product=hidden)
    publish(ProductPage.objects.get(pk=live_product.pk))
    for channel, variant in (("web", ""), ("web", "fragment"), ("app", "")):
        row = ChannelRendering.objects.get(
            page=live_product, channel=channel, variant=variant
        )
        assert "Geheim product" not in row.content
    assert website(hidden.get_url())[0] == 404


def test_a_related_product_of_another_gemeente_is_refused(live_product, other_gemeente):
    elders = publish(
        ProductPageFactory(
            parent=other_gemeente["thema"],
            slug="elders",
            title="Paspoort in Rivierstad",
            contact=other_gemeente["contact"],
            live=False,
        )
    )
    before = everything(live_product)
    live_product.gerelateerde_producten.create(product=elders)
    with pytest.raises(PublicationBlocked) as refused:
        live_product.save_revision().publish()
    assert "hoort bij een andere gemeente" in refused.value.result.summary()
    assert everything(ProductPage.objects.get(pk=live_product.pk)) == before


# Dangerous values ------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "data:text/html,<script>x</script>",
        "java\tscript:alert(1)",
    ],
)
def test_a_dangerous_url_in_a_contactpunt_is_refused_at_the_model_and_by_the_gate(
    live_product, url
):
    contact = live_product.contact
    contact.contactformulier_url = url
    with pytest.raises(ValidationError) as invalid:
        contact.full_clean()
    assert "contactformulier_url" in invalid.value.message_dict
    before = everything(live_product)
    with pytest.raises(ChangeBlocked) as refused:
        contact.save()  # past validation, as an import would
    assert "begint niet met https:" in str(refused.value)
    assert everything(live_product) == before


MARKUP = "<img src=x onerror=alert(1)>"


def _with_markup(page, field):
    if field == "title":
        page.title = f"Paspoort {MARKUP}"
    elif field == "termijn_omschrijving":
        page.termijn_omschrijving = f"Zes werkdagen {MARKUP}"
    elif field == "aanvragen":
        page.aanvragen = [
            {
                "type": "stap",
                "value": {"titel": f"Maak een afspraak {MARKUP}", "uitleg": ""},
            }
        ]
    elif field == "benodigdheden":
        page.benodigdheden = [{"type": "item", "value": f"Een pasfoto {MARKUP}"}]
    elif field == "vragen":
        page.vragen = [
            {
                "type": "vraag",
                "value": {"vraag": "Hoe lang?", "antwoord": f"Tien jaar {MARKUP}"},
            }
        ]
    elif field == "kosten":
        page.kosten = [
            {
                "type": "regel",
                "value": {
                    "omschrijving": f"Paspoort {MARKUP}",
                    "bedrag": "84.29",
                    "per": "per_stuk",
                },
            }
        ]


@pytest.mark.parametrize(
    "field",
    ["title", "termijn_omschrijving", "aanvragen", "benodigdheden", "vragen", "kosten"],
)
def test_markup_in_a_plain_text_field_is_a_validation_error_and_changes_nothing(
    live_product, field
):
    before = everything(live_product)
    _with_markup(live_product, field)
    with pytest.raises(ValidationError) as invalid:
        live_product.full_clean()
    assert field in invalid.value.message_dict
    assert any("HTML-code" in m for m in invalid.value.message_dict[field])
    with pytest.raises(PublicationBlocked):
        live_product.save_revision(clean=False).publish()  # as an import would
    assert everything(ProductPage.objects.get(pk=live_product.pk)) == before


@pytest.mark.parametrize("amount", ["NaN", "Infinity", "-Infinity"])
def test_a_nan_amount_is_refused_without_a_crash(admin_client, live_product, amount):
    before = everything(live_product)
    live_product.kosten = [
        {
            "type": "regel",
            "value": {"omschrijving": "Paspoort", "bedrag": amount, "per": "per_stuk"},
        }
    ]
    revision = live_product.save_revision(clean=False)
    with pytest.raises(PublicationBlocked) as refused:
        revision.publish()
    assert "geen getal" in refused.value.result.summary()
    assert everything(ProductPage.objects.get(pk=live_product.pk)) == before
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=(live_product.pk,)))
    assert edit.status_code == 200


# The read paths ------------------------------------------------------------------------


def test_a_rendering_without_approval_is_served_nowhere(live_product):
    ChannelRendering.objects.filter(page=live_product).update(verdict_id=None)
    assert website(live_product.get_url())[0] == 404
    product = api_product("paspoort")
    assert product["app"] is None
    assert product["brief"] is None
    from .channels import chatbot

    assert chatbot("paspoort aanvragen").get("fallback") is True


def test_a_rendering_is_never_stored_without_an_approval(live_product):
    from contenthub.structured import product_snapshot

    snapshot = product_snapshot(live_product)
    with pytest.raises(NotApproved):
        store_renderings(live_product, approval=None, snapshot=snapshot)
    with pytest.raises(NotApproved):
        store_renderings(
            live_product,
            approval=Approval(verdict_id=1, fingerprint="0" * 64),
            snapshot=snapshot,
        )


def test_render_store_refuses_and_herkeur_alle_goes_through_the_gate(live_product):
    with pytest.raises(CommandError, match="publicatiecontrole"):
        call_command("render", "--all", "--store", stdout=io.StringIO())
    before = set(ChannelRendering.objects.values_list("verdict_id", flat=True))
    out = io.StringIO()
    call_command("herkeur", "--alle", stdout=out)
    assert "1 opnieuw gekeurd" in out.getvalue()
    after = set(ChannelRendering.objects.values_list("verdict_id", flat=True))
    assert after.isdisjoint(before)
    assert_every_live_rendering_is_approved_for_its_inputs()

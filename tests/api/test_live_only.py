"""Only what is published: no query path ever shows a page that is not live.

Each hidden state (a draft, a page in moderation, an unpublished page, an
expired page, a private page) is tried on each path: the list, detail by
slug, id and UPL URI, full-text search, related products and the products of
a theme.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from contenthub.models import GerelateerdProduct, ProductPage

from .conftest import publish_quickly

pytestmark = pytest.mark.django_db

WOORD = "zeppelinvergunning"
HIDDEN_UPL = "http://standaarden.overheid.nl/owms/terms/rijbewijs"


def _draft(make_product, **kwargs):
    return make_product(live=False, **kwargs)


def _in_moderation(make_product, django_user_model, **kwargs):
    page = make_product(live=False, **kwargs)
    page.save_revision()
    user = django_user_model.objects.create_superuser("moderator", "m@example.nl", "x")
    page.get_workflow().start(page, user)
    assert page.workflow_in_progress
    return page


def _unpublished(make_product, **kwargs):
    page = publish_quickly(make_product(**kwargs))
    page.unpublish()
    return page


def _expired(make_product, **kwargs):
    # Past its expiry date, before publish_scheduled has taken it offline:
    # Wagtail still has live=True here.
    return publish_quickly(
        make_product(expire_at=timezone.now() - timedelta(minutes=1), **kwargs)
    )


def _private(make_product, **kwargs):
    page = publish_quickly(make_product(**kwargs))
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    return page


HIDDEN = {
    "concept": _draft,
    "in-moderatie": _in_moderation,
    "gedepubliceerd": _unpublished,
    "verlopen": _expired,
    "afgeschermd": _private,
}


@pytest.fixture(params=list(HIDDEN))
def scene(request, make_product, django_user_model):
    """A live product, a live related product and a hidden product in one theme."""
    live = publish_quickly(
        make_product(
            slug="zichtbaar",
            kort_antwoord=f"Een {WOORD} vraagt u aan bij de gemeente. Dat kan online.",
        )
    )
    sibling = publish_quickly(make_product(slug="ook-zichtbaar"))
    make = HIDDEN[request.param]
    kwargs = {
        "slug": "verborgen",
        "upl_naam": "rijbewijs",
        "upl_uri": HIDDEN_UPL,
        "kort_antwoord": f"Deze {WOORD} is niet openbaar. U ziet hem nog niet.",
    }
    if make is _in_moderation:
        hidden = make(make_product, django_user_model, **kwargs)
    else:
        hidden = make(make_product, **kwargs)
    GerelateerdProduct.objects.create(page=live, product=sibling, sort_order=0)
    GerelateerdProduct.objects.create(page=live, product=hidden, sort_order=1)
    # The links are new inputs of a live product: its save is judged and
    # stores the document the API serves (without it the API keeps serving
    # the approved document, which lists no related product).
    ProductPage.objects.get(pk=live.pk).save()
    return {"live": live, "sibling": sibling, "hidden": hidden}


def test_the_list_leaves_it_out(scene, data):
    result = data("{ producten { totaal edges { node { slug } } } }")
    slugs = {edge["node"]["slug"] for edge in result["producten"]["edges"]}
    assert slugs == {"zichtbaar", "ook-zichtbaar"}
    assert result["producten"]["totaal"] == 2


@pytest.mark.parametrize(
    ("argument", "value"),
    [("slug", "verborgen"), ("id", None), ("uplUri", HIDDEN_UPL)],
)
def test_detail_does_not_find_it(scene, data, argument, value):
    value = str(scene["hidden"].pk) if value is None else value
    result = data(
        f"query($v: {'ID' if argument == 'id' else 'String'}) "
        f"{{ product({argument}: $v) {{ slug }} }}",
        {"v": value},
    )
    assert result["product"] is None


def test_detail_finds_the_live_one(scene, data):
    result = data('{ product(slug: "zichtbaar") { slug } }')
    assert result["product"] == {"slug": "zichtbaar"}


def test_search_does_not_find_it(scene, data):
    result = data(
        "query($zoek: String) { producten(zoek: $zoek) { totaal edges { node { slug } } } }",
        {"zoek": WOORD},
    )
    assert [edge["node"]["slug"] for edge in result["producten"]["edges"]] == [
        "zichtbaar"
    ]
    assert result["producten"]["totaal"] == 1


def test_related_products_leave_it_out(scene, data):
    result = data('{ product(slug: "zichtbaar") { gerelateerdeProducten { slug } } }')
    assert result["product"]["gerelateerdeProducten"] == [{"slug": "ook-zichtbaar"}]


def test_theme_children_leave_it_out(scene, data):
    result = data(
        '{ thema(slug: "paspoort-en-id-kaart") { producten { slug } } '
        "themas { producten { slug } } }"
    )
    expected = [{"slug": "zichtbaar"}, {"slug": "ook-zichtbaar"}]
    assert result["thema"]["producten"] == expected
    assert result["themas"][0]["producten"] == expected


def test_changes_saved_as_a_draft_of_a_live_page_never_show(make_product, data):
    page = publish_quickly(make_product(slug="paspoort", title="Paspoort aanvragen"))
    page.title = "Nieuwe titel, nog niet gepubliceerd"
    page.kort_antwoord = "Nog niet gepubliceerd."
    page.save_revision()
    result = data(
        '{ product(slug: "paspoort") { titel kortAntwoord } producten { edges { node { titel } } } }'
    )
    assert result["product"]["titel"] == "Paspoort aanvragen"
    assert "Nog niet" not in result["product"]["kortAntwoord"]
    assert result["producten"]["edges"] == [{"node": {"titel": "Paspoort aanvragen"}}]


def test_changes_in_moderation_of_a_live_page_never_show(
    make_product, data, django_user_model
):
    page = publish_quickly(make_product(slug="paspoort", title="Paspoort aanvragen"))
    page.title = "In moderatie"
    page.save_revision()
    user = django_user_model.objects.create_superuser("moderator", "m@example.nl", "x")
    page.get_workflow().start(page, user)
    result = data('{ product(slug: "paspoort") { titel } }')
    assert result["product"]["titel"] == "Paspoort aanvragen"


def test_a_private_theme_hides_all_its_products(thema, make_product, data):
    publish_quickly(make_product(slug="paspoort"))
    PageViewRestriction.objects.create(
        page=thema, restriction_type=PageViewRestriction.LOGIN
    )
    result = data(
        '{ producten { totaal } themas { slug } product(slug: "paspoort") { slug } }'
    )
    assert result == {"producten": {"totaal": 0}, "themas": [], "product": None}


def test_an_unpublished_theme_hides_its_products(thema, make_product, data):
    publish_quickly(make_product(slug="paspoort"))
    thema.unpublish()
    result = data('{ producten { totaal } product(slug: "paspoort") { slug } }')
    assert result == {"producten": {"totaal": 0}, "product": None}


def test_a_rendering_of_an_older_revision_is_not_served(make_product, data):
    page = publish_quickly(make_product(slug="paspoort"))
    # A newer live revision without its rendering (not yet stored).
    publish_quickly(page, channels=())
    result = data(
        '{ product(slug: "paspoort") { weergave(kanaal: TWEET) { inhoud } } }'
    )
    assert result["product"]["weergave"] is None


def test_another_gemeente_is_not_mixed_in(make_product, other_gemeente, data):
    publish_quickly(make_product(slug="paspoort"))
    here = data("{ producten { edges { node { slug } } } }")
    there = data(
        '{ producten(gemeente: "anderdorp.example") { edges { node { slug } } } }'
    )
    by_host = data(
        "{ producten { edges { node { slug } } } }", HTTP_HOST="anderdorp.example"
    )
    assert [e["node"]["slug"] for e in here["producten"]["edges"]] == ["paspoort"]
    assert [e["node"]["slug"] for e in there["producten"]["edges"]] == ["grofvuil"]
    assert by_host == there
    assert data(f'{{ product(id: "{other_gemeente.pk}") {{ slug }} }}') == {
        "product": None
    }

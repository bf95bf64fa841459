"""Pages: Wagtail's tree permissions keep an editor inside their own gemeente."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.models import Page

from contenthub.models import ProductPage
from tests.factories import ProductPageFactory

from .conftest import refused

pytestmark = pytest.mark.django_db

ROLLEN = ["contentmanagers", "communicatieadviseurs", "beheerders"]


@pytest.mark.parametrize("rol", ROLLEN)
def test_the_explorer_shows_only_the_own_gemeente(client_as, testdorp, anderdorp, rol):
    client = client_as(testdorp, rol=rol)
    own = client.get(reverse("wagtailadmin_explore", args=(testdorp.thema.pk,)))
    assert own.status_code == 200
    assert testdorp.product.title in own.content.decode()

    other = client.get(reverse("wagtailadmin_explore", args=(anderdorp.thema.pk,)))
    assert other.status_code == 302
    assert other["Location"] == reverse(
        "wagtailadmin_explore", args=(testdorp.home.pk,)
    )
    landed = client.get(other["Location"]).content.decode()
    assert reverse("wagtailadmin_explore", args=(anderdorp.home.pk,)) not in landed
    assert anderdorp.product.title not in landed


def test_the_admin_search_finds_only_the_own_gemeentes_pages(
    client_as, testdorp, anderdorp
):
    client = client_as(testdorp, rol="communicatieadviseurs")
    response = client.get(reverse("wagtailadmin_pages:search"), {"q": "Paspoort"})
    assert response.status_code == 200
    html = response.content.decode()
    assert testdorp.product.title in html
    assert anderdorp.product.title not in html


def test_the_page_chooser_offers_only_the_own_gemeente(client_as, testdorp, anderdorp):
    client = client_as(testdorp, rol="contentmanagers")
    root = client.get(reverse("wagtailadmin_choose_page")).content.decode()
    assert reverse("wagtailadmin_choose_page_child", args=(testdorp.home.pk,)) in root
    assert (
        reverse("wagtailadmin_choose_page_child", args=(anderdorp.home.pk,)) not in root
    )
    # Opening the other gemeente's home directly lists none of its pages.
    inside = client.get(
        reverse("wagtailadmin_choose_page_child", args=(anderdorp.thema.pk,))
    ).content.decode()
    assert anderdorp.product.title not in inside
    found = client.get(
        reverse("wagtailadmin_choose_page_search"), {"q": "Paspoort"}
    ).content.decode()
    assert testdorp.product.title in found
    assert anderdorp.product.title not in found


@pytest.mark.parametrize("rol", ROLLEN)
def test_every_page_action_on_another_gemeente_is_refused(
    client_as, testdorp, anderdorp, rol
):
    client = client_as(testdorp, rol=rol)
    page, thema = anderdorp.product, anderdorp.thema
    urls = [
        reverse("wagtailadmin_pages:edit", args=(page.pk,)),
        reverse("wagtailadmin_pages:add_subpage", args=(thema.pk,)),
        reverse("wagtailadmin_pages:add", args=("contenthub", "productpage", thema.pk)),
        reverse("wagtailadmin_pages:delete", args=(page.pk,)),
        reverse("wagtailadmin_pages:unpublish", args=(page.pk,)),
        reverse("wagtailadmin_pages:copy", args=(page.pk,)),
        reverse("wagtailadmin_pages:move", args=(page.pk,)),
        reverse(
            "wagtailadmin_pages:revisions_view",
            args=(page.pk, page.latest_revision_id),
        ),
        reverse("wagtailadmin_pages:preview_on_edit", args=(page.pk,)),
        reverse("wagtailadmin_pages:history", args=(page.pk,)),
        reverse("wagtailadmin_pages:view_draft", args=(page.pk,)),
    ]
    for url in urls:
        assert refused(client.get(url)), url
    for url in [*urls, reverse("wagtailadmin_pages:lock", args=(page.pk,))]:
        assert refused(client.post(url, {"action-publish": "1"})), url
    fresh = ProductPage.objects.get(pk=page.pk)
    assert (fresh.live, fresh.title, fresh.locked) == (True, page.title, False)
    assert fresh.get_children_count() == 0
    assert thema.get_children_count() == 1


def test_an_editor_edits_and_publishes_in_the_own_gemeente(
    client_as, testdorp, anderdorp
):
    client = client_as(testdorp, rol="communicatieadviseurs")
    page = testdorp.product
    assert (
        client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).status_code
        == 200
    )
    add = reverse(
        "wagtailadmin_pages:add", args=("contenthub", "productpage", testdorp.thema.pk)
    )
    assert client.get(add).status_code == 200
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=(page.pk,)), {})
    assert response.status_code == 302
    assert not ProductPage.objects.get(pk=page.pk).live


def test_a_page_cannot_be_moved_into_another_gemeente(client_as, testdorp, anderdorp):
    client = client_as(testdorp, rol="beheerders")
    page = ProductPageFactory(parent=testdorp.thema, slug="rijbewijs")
    url = reverse("wagtailadmin_pages:move_confirm", args=(page.pk, anderdorp.thema.pk))
    assert refused(client.get(url))
    assert refused(client.post(url))
    assert Page.objects.get(pk=page.pk).get_parent().pk == testdorp.thema.pk


def test_a_page_cannot_be_copied_into_another_gemeente(client_as, testdorp, anderdorp):
    client = client_as(testdorp, rol="beheerders")
    page = testdorp.product
    response = client.post(
        reverse("wagtailadmin_pages:copy", args=(page.pk,)),
        {
            "new_title": "Paspoort (kopie)",
            "new_slug": "paspoort-kopie",
            "new_parent_page": str(anderdorp.thema.pk),
            "copy_subpages": "",
            "publish_copies": "",
            "alias": "",
        },
    )
    assert response.status_code == 200
    assert "new_parent_page" in response.context["form"].errors
    assert anderdorp.thema.get_children_count() == 1
    assert not Page.objects.filter(slug="paspoort-kopie").exists()


def test_bulk_publish_skips_another_gemeentes_page(client_as, testdorp, anderdorp):
    page = anderdorp.product
    page.unpublish()
    client = client_as(testdorp, rol="beheerders")
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    client.post(f"{url}?id={page.pk}", {"include_descendants": ""})
    assert not ProductPage.objects.get(pk=page.pk).live


def test_a_reviewer_cannot_act_on_another_gemeentes_workflow(
    client_as, user_in, testdorp, anderdorp
):
    page = anderdorp.product
    schrijver = user_in(anderdorp, rol="contentmanagers")
    state = page.get_workflow().start(page, schrijver)
    task_state = state.current_task_state
    eigen_reviewer = user_in(anderdorp, rol="communicatieadviseurs")
    assert "reject" in [
        name for name, *_ in task_state.task.specific.get_actions(page, eigen_reviewer)
    ]

    client = client_as(testdorp, rol="communicatieadviseurs")
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=(page.pk, "reject", task_state.pk)
    )
    assert refused(client.post(url, {"comment": "Niet van u"}))
    task_state.refresh_from_db()
    assert task_state.status == task_state.STATUS_IN_PROGRESS

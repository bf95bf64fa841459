"""What each role can and cannot do, as the migrations set it up.

Each role test runs twice: with the hub-wide group of migration 0002 and with
the group of the gemeente (``gemeenten.services``), which must give the same
rights inside that gemeente. Isolation between gemeenten: tests/gemeenten/.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse
from wagtail.models import Site, WorkflowState

from contenthub.models import ProductPage
from gemeenten.services import LANDELIJKE_REDACTIE, ensure_gemeente_groups

from .test_admin import product_form

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["hub-breed", "gemeente"])
def user_in(db, request):
    def make(group_name: str) -> User:
        user = User.objects.create_user(username=group_name.lower(), password="x")
        if request.param == "hub-breed":
            group = Group.objects.get(name=group_name)
        else:
            site = Site.objects.get(is_default_site=True)
            group = ensure_gemeente_groups(site)[group_name.lower()]
        user.groups.add(group)
        return user

    return make


@pytest.fixture
def client_for(client, user_in):
    def login(group_name: str):
        client.force_login(user_in(group_name))
        return client

    return login


def test_the_roles_exist_and_wagtails_generic_groups_are_gone():
    assert sorted(Group.objects.values_list("name", flat=True)) == [
        "Beheerders",
        "Communicatieadviseurs",
        "Contentmanagers",
        LANDELIJKE_REDACTIE,
    ]


@pytest.mark.parametrize(
    ("group", "can_edit", "can_publish"),
    [
        ("Contentmanagers", True, False),
        ("Communicatieadviseurs", True, True),
        ("Beheerders", True, True),
    ],
)
def test_page_permissions_per_role(user_in, product, group, can_edit, can_publish):
    permissions = product.permissions_for_user(user_in(group))
    assert permissions.can_edit() is can_edit
    assert permissions.can_publish() is can_publish


def test_contentmanager_creates_a_product_and_submits_it_for_publication(
    client_for, thema, contactpunt
):
    client = client_for("Contentmanagers")
    add_url = reverse(
        "wagtailadmin_pages:add", args=("contenthub", "productpage", thema.pk)
    )
    response = client.post(add_url, product_form(contactpunt, **{"action-submit": "1"}))
    assert response.status_code == 302
    page = ProductPage.objects.get(slug="identiteitskaart")
    assert not page.live
    state = WorkflowState.objects.get(
        base_content_type__model="page", object_id=str(page.pk)
    )
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert [
        g.name for g in state.current_task_state.task.specific.groups.order_by("name")
    ] == [
        "Beheerders",
        "Communicatieadviseurs",
    ]


def test_contentmanager_cannot_publish_directly(client_for, make_product):
    product = make_product(live=False)
    client = client_for("Contentmanagers")
    edit_url = reverse("wagtailadmin_pages:edit", args=(product.pk,))
    client.post(
        edit_url,
        product_form(
            product.contact,
            title=product.title,
            slug=product.slug,
            upl_naam="paspoort",
            **{"action-publish": "1"},
        ),
    )
    product.refresh_from_db()
    assert not product.live


def test_communicatieadviseur_publishes(client_for, make_product):
    product = make_product(live=False)
    client = client_for("Communicatieadviseurs")
    edit_url = reverse("wagtailadmin_pages:edit", args=(product.pk,))
    response = client.post(
        edit_url,
        product_form(
            product.contact,
            title=product.title,
            slug=product.slug,
            upl_naam="paspoort",
            **{"action-publish": "1"},
        ),
    )
    assert response.status_code == 302
    product.refresh_from_db()
    assert product.live


@pytest.mark.parametrize(
    ("group", "may_change"),
    [
        ("Contentmanagers", False),
        ("Communicatieadviseurs", False),
        ("Beheerders", True),
    ],
)
def test_only_beheerders_change_snippets_and_settings(
    client_for, contactpunt, group, may_change
):
    client = client_for(group)
    snippet_edit = reverse(
        "wagtailsnippets_contenthub_contactpunt:edit", args=(contactpunt.pk,)
    )
    response = client.get(snippet_edit)
    assert (response.status_code == 200) is may_change
    settings_edit = reverse(
        "wagtailsettings:edit", args=("contenthub", "gemeenteinstellingen")
    )
    response = client.get(settings_edit, follow=True)
    landed_on = response.request["PATH_INFO"]
    assert landed_on.startswith(settings_edit) is may_change


@pytest.mark.parametrize("group", ["Contentmanagers", "Communicatieadviseurs"])
def test_editors_can_choose_snippets_for_a_product(client_for, contactpunt, group):
    client = client_for(group)
    chooser = reverse("wagtailsnippetchoosers_contenthub_contactpunt:choose")
    response = client.get(chooser)
    assert response.status_code == 200
    assert contactpunt.naam in response.content.decode()

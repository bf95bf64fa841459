"""The groups of a gemeente, ``sites_for_user`` and the national editorial team."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser, Group, User
from django.test import Client
from django.urls import reverse
from wagtail.models import (
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Page,
)

from contenthub.models import GemeenteInstellingen
from gemeenten.models import GemeenteRollen
from gemeenten.services import (
    LANDELIJKE_REDACTIE,
    NOG_NIET_PER_GEMEENTE,
    add_to_gemeente,
    ensure_gemeente_groups,
    sites_for_user,
)

from .conftest import refused

pytestmark = pytest.mark.django_db

GLOBAL = {
    "contentmanagers": "Contentmanagers",
    "communicatieadviseurs": "Communicatieadviseurs",
    "beheerders": "Beheerders",
}


def _page_codenames(group: Group, page: Page) -> set[str]:
    return set(
        GroupPagePermission.objects.filter(group=group, page=page).values_list(
            "permission__codename", flat=True
        )
    )


def _collection_codenames(group: Group) -> set[str]:
    return set(
        GroupCollectionPermission.objects.filter(group=group).values_list(
            "permission__codename", flat=True
        )
    )


def test_three_groups_per_gemeente_with_the_roles_page_and_media_rights(testdorp):
    groups = testdorp.groups
    assert {rol: group.name for rol, group in groups.items()} == {
        "contentmanagers": "Testdorp: contentmanagers",
        "communicatieadviseurs": "Testdorp: communicatieadviseurs",
        "beheerders": "Testdorp: beheerders",
    }
    root = Page.get_first_root_node()
    for rol, group in groups.items():
        hub_wide = Group.objects.get(name=GLOBAL[rol])
        # The same rights as migration 0002 gives the role, on this home page only.
        assert _page_codenames(group, testdorp.home) == _page_codenames(hub_wide, root)
        assert (
            GroupPagePermission.objects.filter(group=group)
            .exclude(page=testdorp.home)
            .count()
            == 0
        )
        assert _collection_codenames(group) == _collection_codenames(hub_wide)
        collections = {
            p.collection for p in GroupCollectionPermission.objects.filter(group=group)
        }
        assert [c.name for c in collections] == ["Testdorp"]


def test_snippet_and_settings_rights_hold_for_the_own_site_only(testdorp):
    def site_rights(rol):
        return {
            (p.site_id, p.permission.codename)
            for p in GroupSitePermission.objects.filter(group=testdorp.groups[rol])
        }

    site = testdorp.site.pk
    assert site_rights("contentmanagers") == {
        (site, "view_contactpunt"),
        (site, "view_locatie"),
    }
    assert site_rights("beheerders") == {
        (site, f"{action}_{model}")
        for action in ("add", "change", "delete", "view")
        for model in ("contactpunt", "locatie", "webhookendpoint")
    } | {(site, "change_gemeenteinstellingen"), (site, "view_webhookdelivery")}
    # None of these is a model-wide right (which would hold in every gemeente).
    for group in testdorp.groups.values():
        model_wide = set(group.permissions.values_list("codename", flat=True))
        assert model_wide <= {"access_admin", "view_basistekst", "use_taalcheck"}


def test_a_gemeentes_beheerder_gets_no_hub_wide_rights(user_in, testdorp):
    user = user_in(testdorp, rol="beheerders")
    for permission in (
        "auth.change_user",
        "auth.change_group",
        "wagtailcore.change_workflow",
        "wagtailredirects.change_redirect",
        "taalcheck.change_taalcheckinstellingen",
        "contenthub.change_basistekst",
        *NOG_NIET_PER_GEMEENTE,
    ):
        assert not user.has_perm(permission), permission
    client = Client()
    client.force_login(user)
    assert refused(client.get(reverse("wagtailusers_users:index")))
    assert refused(client.get(reverse("wagtailusers_groups:index")))


def test_ensure_is_idempotent(testdorp):
    def snapshot():
        return (
            GroupPagePermission.objects.count(),
            GroupCollectionPermission.objects.count(),
            GroupSitePermission.objects.count(),
            Group.objects.count(),
            GemeenteRollen.objects.count(),
        )

    before = snapshot()
    again = ensure_gemeente_groups(testdorp.site)
    assert {rol: g.pk for rol, g in again.items()} == {
        rol: g.pk for rol, g in testdorp.groups.items()
    }
    assert snapshot() == before


def test_ensure_follows_a_rename_and_keeps_the_members(user_in, testdorp):
    user = user_in(testdorp, rol="contentmanagers")
    instellingen = GemeenteInstellingen.for_site(testdorp.site)
    instellingen.naam = "Gemeente Nieuwstad"
    instellingen.save()
    groups = ensure_gemeente_groups(testdorp.site)
    assert groups["contentmanagers"].pk == testdorp.groups["contentmanagers"].pk
    assert groups["contentmanagers"].name == "Nieuwstad: contentmanagers"
    assert GemeenteRollen.objects.get(site=testdorp.site).collectie.name == "Nieuwstad"
    assert list(user.groups.values_list("name", flat=True)) == [
        "Nieuwstad: contentmanagers"
    ]


def test_two_gemeenten_with_the_same_name_get_distinct_groups(testdorp, anderdorp):
    instellingen = GemeenteInstellingen.for_site(anderdorp.site)
    instellingen.naam = "Gemeente Testdorp"
    instellingen.save()
    groups = ensure_gemeente_groups(anderdorp.site)
    assert groups["beheerders"].name == "Testdorp (anderdorp.example): beheerders"
    assert Group.objects.get(pk=testdorp.groups["beheerders"].pk).name == (
        "Testdorp: beheerders"
    )


def test_ensure_removes_rights_a_group_got_in_another_gemeente(testdorp, anderdorp):
    group = testdorp.groups["communicatieadviseurs"]
    publish = GroupPagePermission.objects.filter(group=group).first().permission
    GroupPagePermission.objects.create(
        group=group, page=anderdorp.home, permission=publish
    )
    GroupSitePermission.objects.create(
        group=group,
        site=anderdorp.site,
        permission=GroupSitePermission.objects.filter(group=group).first().permission,
    )
    ensure_gemeente_groups(testdorp.site)
    assert not GroupPagePermission.objects.filter(
        group=group, page=anderdorp.home
    ).exists()
    assert not GroupSitePermission.objects.filter(
        group=group, site=anderdorp.site
    ).exists()


def test_sites_for_user(user_in, testdorp, anderdorp, django_assert_num_queries):
    both = {testdorp.site.pk, anderdorp.site.pk}
    editor = User.objects.get(pk=user_in(testdorp, rol="contentmanagers").pk)
    with django_assert_num_queries(2):
        assert [s.pk for s in sites_for_user(editor)] == [testdorp.site.pk]

    hub_wide = User.objects.create_user("hub")
    hub_wide.groups.add(Group.objects.get(name="Contentmanagers"))
    assert {s.pk for s in sites_for_user(hub_wide)} == both

    superuser = User.objects.create_superuser("super")
    assert {s.pk for s in sites_for_user(superuser)} == both

    # A right on a page inside a gemeente counts for that gemeente.
    thema_only = User.objects.create_user("thema")
    group = Group.objects.create(name="Alleen thema")
    GroupPagePermission.objects.create(
        group=group,
        page=anderdorp.thema,
        permission=GroupPagePermission.objects.first().permission,
    )
    thema_only.groups.add(group)
    assert [s.pk for s in sites_for_user(thema_only)] == [anderdorp.site.pk]

    inactive = user_in(testdorp, anderdorp, rol="beheerders", username="weg")
    inactive.is_active = False
    assert list(sites_for_user(inactive)) == []
    assert list(sites_for_user(AnonymousUser())) == []
    assert list(sites_for_user(User.objects.create_user("niemand"))) == []


def test_an_unknown_role_is_refused_in_dutch(user_in, testdorp):
    user = User.objects.create_user("x")
    with pytest.raises(ValueError, match="Onbekende rol 'redacteur'"):
        add_to_gemeente(user, testdorp.site, "redacteur")


def test_the_landelijke_redactie_writes_basisteksten_and_nothing_local(
    client, testdorp
):
    group = Group.objects.get(name=LANDELIJKE_REDACTIE)
    assert set(group.permissions.values_list("codename", flat=True)) == {
        "access_admin",
        "add_basistekst",
        "change_basistekst",
        "publish_basistekst",
        "lock_basistekst",
        "unlock_basistekst",
        "view_basistekst",
        "use_taalcheck",
        # "Vertalen": the English text of a basistekst (contenthub 0014)
        "submit_translation",
    }
    assert not GroupPagePermission.objects.filter(group=group).exists()
    assert not GroupSitePermission.objects.filter(group=group).exists()

    user = User.objects.create_user("redacteur")
    user.groups.add(group)
    client.force_login(user)
    assert (
        client.get(reverse("wagtailsnippets_contenthub_basistekst:add")).status_code
        == 200
    )
    assert refused(client.get(reverse("wagtailsnippets_contenthub_contactpunt:list")))
    assert refused(
        client.get(reverse("wagtailadmin_pages:edit", args=(testdorp.product.pk,)))
    )
    assert list(sites_for_user(user)) == []

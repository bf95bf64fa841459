"""Admin UI only: snippet viewsets and menu entries."""

from django.core.exceptions import PermissionDenied
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .gemeenten import ensure_gemeente_groups
from .models import (
    Basistekst,
    Contactpunt,
    GemeenteInstellingen,
    GemeenteRollen,
    Locatie,
)
from .permissions import (
    GemeenteSnippetViewSet,
    pages_in_user_gemeenten,
    register_policies,
)

# Before any viewset asks for the policy (Wagtail would create a fallback).
register_policies()


class ContactpuntViewSet(GemeenteSnippetViewSet):
    model = Contactpunt
    icon = "mail"
    menu_label = "Contactpunten"
    list_display = ["naam", "site", "telefoon", "email"]
    # Search uses the model's index (naam); naming fields here breaks the
    # SQLite search backend ("no such column: naam").


class LocatieViewSet(GemeenteSnippetViewSet):
    model = Locatie
    icon = "site"
    menu_label = "Locaties"
    list_display = ["naam", "site", "adres"]


class BasistekstViewSet(SnippetViewSet):
    model = Basistekst
    icon = "doc-full"
    menu_label = "Basisteksten"
    menu_order = 150
    add_to_admin_menu = True
    list_display = ["titel", "upl_naam", "live"]


register_snippet(BasistekstViewSet)
register_snippet(ContactpuntViewSet)
register_snippet(LocatieViewSet)


@hooks.register("construct_page_chooser_queryset")
def only_pages_of_own_gemeenten(pages, request):
    """The page chooser (links, related products) offers the user's gemeenten only."""
    return pages_in_user_gemeenten(pages, request.user)


@hooks.register("after_edit_setting")
def rename_gemeente_groups(request, instance):
    """A renamed gemeente renames its groups and collection."""
    if (
        isinstance(instance, GemeenteInstellingen)
        and GemeenteRollen.objects.filter(site_id=instance.site_id).exists()
    ):
        ensure_gemeente_groups(instance.site)


@hooks.register("before_move_page")
def refuse_moves_the_user_may_not_make(request, page, destination):
    """Wagtail checks a move only when it is confirmed; refuse before showing
    the confirmation, so another gemeente's page is not even shown."""
    if not page.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied

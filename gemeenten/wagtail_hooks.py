"""Admin UI per gemeente: snippet screens scoped to the user's gemeenten,
the page chooser and moves limited to them, groups renamed with the gemeente."""

from django.contrib import messages
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from contenthub.extensions import extensions
from contenthub.models import Contactpunt, GemeenteInstellingen, Locatie

from .models import GemeenteRollen
from .permissions import (
    GemeenteSnippetViewSet,
    chooser_start_page_id,
    gemeente_bulk_actions,
    page_in_user_gemeenten,
    pages_in_user_gemeenten,
    register_policies,
)
from .services import ensure_gemeente_groups

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


register_snippet(ContactpuntViewSet)
register_snippet(LocatieViewSet)


@hooks.register("construct_page_chooser_queryset")
def only_pages_of_own_gemeenten(pages, request):
    """The page chooser (links, related products) offers the user's gemeenten only.

    Opened on another gemeente's page (``/admin/choose-page/<id>/``) it answers
    404: Wagtail would otherwise show that page's title and its ancestors'.
    """
    match = getattr(request, "resolver_match", None)
    parent_id = match.kwargs.get("parent_page_id") if match else None
    if parent_id is None and match and match.url_name == "wagtailadmin_choose_page":
        # With a page type Wagtail opens the pages' common ancestor, which
        # lies in another gemeente when only that gemeente has the type.
        parent_id = chooser_start_page_id(request.GET.get("page_type"))
    if parent_id is not None and not page_in_user_gemeenten(parent_id, request.user):
        raise Http404
    return pages_in_user_gemeenten(pages, request.user)


# After Wagtail's own registrations (order 0), so these replace them.
for _action in gemeente_bulk_actions():
    hooks.register("register_bulk_action", _action, order=100)


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


@hooks.register("before_delete_snippet")
def refuse_deleting_what_live_products_show(request, instances):
    """The delete guards (``contenthub.extensions``) before the confirmation:
    a contactpunt or locatie that live products show is not deleted, and the
    editor reads why, in the single delete view and in the bulk action."""
    refused = [
        message
        for instance in instances
        for message in extensions.delete_refusal_of(instance)
    ]
    if not refused:
        return None
    for message in refused:
        messages.error(request, message)
    viewset = instances[0].snippet_viewset
    if len(instances) == 1:
        target = reverse(viewset.get_url_name("edit"), args=[quote(instances[0].pk)])
    else:
        target = reverse(viewset.get_url_name("list"))
    return HttpResponseRedirect(target)

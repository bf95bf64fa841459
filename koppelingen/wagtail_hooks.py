"""Admin: webhooks per gemeente, and the log of every delivery (read-only).

A gemeente's beheerder sees and edits only their own gemeente's webhooks and
sees only the deliveries of those; another gemeente's webhook or delivery
answers 404 (``gemeenten.permissions``).
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.functional import cached_property
from wagtail.admin.filters import WagtailFilterSet
from wagtail.permissions import policy_registry, register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import chooser as snippet_chooser
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from gemeenten.permissions import (
    GemeenteSnippetViewSet,
    register_gemeente_snippet,
)

from .models import WebhookDelivery, WebhookEndpoint
from .permissions import LOOK_ACTIONS, DeliveryPermissionPolicy

# Before the viewsets ask for the policies (Wagtail would make a fallback).
register_gemeente_snippet(WebhookEndpoint)
if policy_registry.get_by_type(WebhookDelivery, fallback=False) is None:
    register_permission_policy(
        WebhookDelivery, DeliveryPermissionPolicy(WebhookDelivery)
    )


def visible_deliveries(user) -> QuerySet[WebhookDelivery]:
    """The deliveries of the webhooks of the user's gemeenten."""
    policy = policy_registry.get_by_type(WebhookDelivery)
    return policy.instances_user_has_any_permission_for(user, LOOK_ACTIONS)


class WebhookEndpointViewSet(GemeenteSnippetViewSet):
    model = WebhookEndpoint
    icon = "link"
    menu_label = "Webhooks"
    list_display = ["naam", "site", "url", "actief"]


class _DeliveryChooserScope:
    def get_object_list(self):
        return visible_deliveries(self.request.user)


class DeliveryChooseView(_DeliveryChooserScope, snippet_chooser.ChooseView):
    pass


class DeliveryChooseResultsView(
    _DeliveryChooserScope, snippet_chooser.ChooseResultsView
):
    pass


class DeliveryChosenView(snippet_chooser.SnippetChosenView):
    def get_object(self, pk):
        return visible_deliveries(self.request.user).get(pk=pk)


class DeliveryChosenMultipleView(snippet_chooser.SnippetChosenMultipleView):
    def get_objects(self, pks):
        return visible_deliveries(self.request.user).filter(pk__in=pks)


class DeliveryChooserViewSet(snippet_chooser.SnippetChooserViewSet):
    choose_view_class = DeliveryChooseView
    choose_results_view_class = DeliveryChooseResultsView
    chosen_view_class = DeliveryChosenView
    chosen_multiple_view_class = DeliveryChosenMultipleView


class DeliveryFilterSet(WagtailFilterSet):
    class Meta:
        model = WebhookDelivery
        fields = ["status"]


class WebhookDeliveryViewSet(GemeenteSnippetViewSet):
    model = WebhookDelivery
    icon = "list-ul"
    menu_label = "Afleveringen"
    list_display = [
        "event_type",
        "endpoint",
        "status",
        "pogingen",
        "laatste_statuscode",
        "aangemaakt_op",
    ]
    inspect_view_enabled = True
    chooser_viewset_class = DeliveryChooserViewSet
    # The log is written by the hub only (the policy allows only "view").
    add_to_admin_menu = False

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return visible_deliveries(request.user).select_related("endpoint__site")

    @cached_property
    def filterset_class(self):
        # Only the status: a filter on the webhook would name every gemeente's.
        return DeliveryFilterSet


class KoppelingenGroup(SnippetViewSetGroup):
    items = (WebhookEndpointViewSet, WebhookDeliveryViewSet)
    menu_label = "Koppelingen"
    menu_icon = "link"


register_snippet(KoppelingenGroup)

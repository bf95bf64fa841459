"""Admin: webhooks per gemeente, and the log of every delivery (read-only),
with "opnieuw versturen" for a failed delivery (``views.webhook_resend``).

A gemeente's beheerder sees and edits only their own gemeente's webhooks and
sees only the deliveries of those; another gemeente's webhook or delivery
answers 404 (``gemeenten.permissions``).
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import path, reverse
from django.utils.functional import cached_property
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.widgets import HeaderButton
from wagtail.permissions import policy_registry, register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import chooser as snippet_chooser
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from gemeenten.permissions import (
    GemeenteSnippetViewSet,
    InspectView,
    register_gemeente_snippet,
)

from .models import WebhookDelivery, WebhookEndpoint
from .permissions import DeliveryPermissionPolicy, visible_deliveries
from .views.webhook_resend import URL_NAMESPACE, ResendView, may_resend

# Before the viewsets ask for the policies (Wagtail would make a fallback).
register_gemeente_snippet(WebhookEndpoint)
if policy_registry.get_by_type(WebhookDelivery, fallback=False) is None:
    register_permission_policy(
        WebhookDelivery, DeliveryPermissionPolicy(WebhookDelivery)
    )


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


class DeliveryInspectView(InspectView):
    @cached_property
    def header_buttons(self) -> list[HeaderButton]:
        if not may_resend(self.request.user, self.object):
            return []
        return [
            HeaderButton(
                "Opnieuw versturen",
                url=reverse(f"{URL_NAMESPACE}:resend", args=(self.object.pk,)),
                icon_name="resubmit",
            )
        ]


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
    inspect_view_class = DeliveryInspectView
    chooser_viewset_class = DeliveryChooserViewSet
    # The log is written by the hub only (the policy allows only "view").
    add_to_admin_menu = False

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return visible_deliveries(request.user).select_related("endpoint__site")

    def get_urlpatterns(self):
        # A beheerder's "opnieuw versturen" of a failed delivery (POST; GET asks).
        return [
            *super().get_urlpatterns(),
            path("resend/<str:pk>/", ResendView.as_view(), name="resend"),
        ]

    @cached_property
    def filterset_class(self):
        # Only the status: a filter on the webhook would name every gemeente's.
        return DeliveryFilterSet


class KoppelingenGroup(SnippetViewSetGroup):
    items = (WebhookEndpointViewSet, WebhookDeliveryViewSet)
    menu_label = "Koppelingen"
    menu_icon = "link"


register_snippet(KoppelingenGroup)

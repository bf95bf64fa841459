"""Admin: "opnieuw versturen" of a failed webhook delivery, per gemeente.

Only for a delivery of the user's own gemeenten (another gemeente's answers
404, as its inspect view does) and only for a user who may change that
gemeente's webhooks (a beheerder). The work is ``resend_delivery``: a new
delivery of the same event, through the same delivery path.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.permissions import policy_registry

from gemeenten.permissions import check_instance_access

from ..models import WebhookDelivery
from ..permissions import visible_deliveries
from ..webhooks import ResendRefused, resend_delivery

URL_NAMESPACE = "wagtailsnippets_koppelingen_webhookdelivery"


def may_resend(user, delivery: WebhookDelivery) -> bool:
    """A failed delivery, and a user who may change its webhook."""
    policy = policy_registry.get(delivery.endpoint)
    return delivery.status == WebhookDelivery.Status.MISLUKT and (
        policy.user_has_permission_for_instance(user, "change", delivery.endpoint)
    )


class ResendView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "koppelingen/webhook_resend.html"
    page_title = "Opnieuw versturen"
    header_icon = "resubmit"

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        self.delivery = get_object_or_404(
            visible_deliveries(request.user).select_related("endpoint__site"),
            pk=kwargs["pk"],
        )
        # Seeing the log is not enough: resending acts for the gemeente's webhook.
        check_instance_access(request.user, self.delivery.endpoint, "change")
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self) -> str:
        return str(self.delivery)

    def get_breadcrumbs_items(self) -> list[dict[str, str]]:
        return [
            *self.breadcrumbs_items,
            {"url": reverse(f"{URL_NAMESPACE}:list"), "label": "Afleveringen"},
            {"url": self._inspect_url(self.delivery), "label": str(self.delivery)},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            delivery=self.delivery,
            cancel_url=self._inspect_url(self.delivery),
            action_url=reverse(f"{URL_NAMESPACE}:resend", args=(self.delivery.pk,)),
        )
        return context

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            again = resend_delivery(delivery=self.delivery)
        except ResendRefused as refused:
            messages.error(request, str(refused))
            return redirect(self._inspect_url(self.delivery))
        messages.success(
            request,
            "Het bericht staat opnieuw in de wachtrij. Hieronder ziet u hoe de "
            "nieuwe aflevering verloopt.",
        )
        return redirect(self._inspect_url(again))

    @staticmethod
    def _inspect_url(delivery: WebhookDelivery) -> str:
        return reverse(f"{URL_NAMESPACE}:inspect", args=(delivery.pk,))

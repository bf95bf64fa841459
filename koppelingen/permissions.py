"""Who sees which webhooks: a gemeente's beheerder only their own gemeente's.

A webhook belongs to one gemeente (``site``): Wagtail's per-site policy,
registered through ``gemeenten.permissions.register_gemeente_snippet``. A
delivery belongs to the gemeente of its webhook; its policy reads the site
through the webhook and allows only looking: the hub writes the log, nobody
else.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db.models import QuerySet
from wagtail.models import Site
from wagtail.permission_policies.base import BaseDjangoAuthPermissionPolicy
from wagtail.permission_policies.sites import SitePermissionPolicy

LOOK_ACTIONS = ("view",)

BEHEERDER_SITE_PERMISSIONS = (
    "koppelingen.add_webhookendpoint",
    "koppelingen.change_webhookendpoint",
    "koppelingen.delete_webhookendpoint",
    "koppelingen.view_webhookendpoint",
    "koppelingen.view_webhookdelivery",
)
"""What a gemeente's beheerders may do with the webhooks of their own gemeente."""


class DeliveryPermissionPolicy(SitePermissionPolicy):
    """Per gemeente through the delivery's webhook; ``view`` only."""

    def __init__(self, model: Any) -> None:
        BaseDjangoAuthPermissionPolicy.__init__(self, model)
        self.site_field_name = "endpoint__site"

    @staticmethod
    def _looking(actions: Sequence[str]) -> list[str]:
        return [action for action in actions if action in LOOK_ACTIONS]

    def user_has_any_permission(self, user: Any, actions: Sequence[str]) -> bool:
        looking = self._looking(actions)
        return bool(looking) and super().user_has_any_permission(user, looking)

    def user_has_any_permission_for_instance(
        self, user: Any, actions: Sequence[str], instance: Any
    ) -> bool:
        looking = self._looking(actions)
        site = instance if isinstance(instance, Site) else instance.endpoint.site
        return bool(looking) and super().user_has_any_permission_for_instance(
            user, looking, site
        )

    def sites_user_has_any_permission_for(self, user: Any, actions: Sequence[str]):
        looking = self._looking(actions)
        if not looking:
            return Site.objects.none()
        return super().sites_user_has_any_permission_for(user, looking)

    def users_with_any_permission_for_instance(
        self, actions: Sequence[str], instance: Any
    ):
        site = instance if isinstance(instance, Site) else instance.endpoint.site
        return super().users_with_any_permission_for_instance(
            self._looking(actions), site
        )


def visible_deliveries(user: Any) -> QuerySet:
    """The deliveries of the webhooks of the user's gemeenten."""
    from wagtail.permissions import policy_registry

    from .models import WebhookDelivery

    policy = policy_registry.get_by_type(WebhookDelivery)
    return policy.instances_user_has_any_permission_for(user, LOOK_ACTIONS)

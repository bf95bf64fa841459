"""Per-gemeente permissions for contactpunten and locaties, and their admin views.

Contactpunt and Locatie belong to one gemeente (``site``). Their permission
policy is Wagtail's ``SitePermissionPolicy``: a right given to a group as a
normal model permission holds for every gemeente (the hub-wide roles of
migration 0002); a right given as a ``GroupSitePermission`` holds for that
gemeente only (the groups of ``gemeenten.services``).

Wagtail's generic views check model-level permissions only, so
:class:`GemeenteSnippetViewSet` adds the per-instance check to every view
that opens one snippet (edit, copy, delete, usage, history, inspect), scopes
the listing, its filter and the chooser to the user's gemeenten, and offers in
the form's ``site`` field only the gemeenten the user may manage.
Another gemeente's snippet gives 404: the user does not learn it exists.
"""

from __future__ import annotations

from collections.abc import Iterable

import django_filters
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Model, Q, QuerySet
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.models import Page, Site
from wagtail.permission_policies.sites import SitePermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy
from wagtail.snippets.views import chooser as snippet_chooser
from wagtail.snippets.views import snippets as snippet_views

from contenthub.models import Contactpunt, Locatie

from .services import home_pages, sites_for_user

GEMEENTE_SNIPPETS: list[type[Model]] = [Contactpunt, Locatie]
"""Snippets with a ``site`` field; a layer above adds its own with
:func:`register_gemeente_snippet`."""
SEE_ACTIONS = ("view", "change", "delete")
"""Any of these lets a user see a snippet (and choose it for a product)."""


def register_policies() -> None:
    """Register the per-site policy; must run before the snippet viewsets."""
    for model in GEMEENTE_SNIPPETS:
        if policy_registry.get_by_type(model, fallback=False) is None:
            register_permission_policy(model, SitePermissionPolicy(model))


def register_gemeente_snippet(model: type[Model]) -> None:
    """A model of a layer above that belongs to one gemeente (its ``site``).

    Gets the per-site policy and the scoped bulk delete; call before its
    viewset is registered and use :class:`GemeenteSnippetViewSet` for it.
    """
    if model not in GEMEENTE_SNIPPETS:
        GEMEENTE_SNIPPETS.append(model)
    register_policies()


def visible_instances(user, model: type[Model]) -> QuerySet:
    """The snippets of ``model`` that ``user`` may see: their gemeenten's."""
    policy = policy_registry.get_by_type(model)
    site_ids = list(
        policy.sites_user_has_any_permission_for(user, SEE_ACTIONS).values_list(
            "pk", flat=True
        )
    )
    return model._default_manager.filter(site__in=site_ids)


def check_instance_access(user, instance: Model, action: str) -> None:
    """Raise unless ``user`` may do ``action`` on ``instance``.

    404 when the user may not even see it (another gemeente's snippet),
    PermissionDenied when they may see it but not do this.
    """
    policy = policy_registry.get(instance)
    if policy.user_has_permission_for_instance(user, action, instance):
        return
    if policy.user_has_any_permission_for_instance(user, SEE_ACTIONS, instance):
        raise PermissionDenied
    raise Http404


def sites_user_may(user, model: type[Model], action: str) -> QuerySet[Site]:
    """The gemeenten for which ``user`` may ``action`` snippets of ``model``."""
    policy = policy_registry.get_by_type(model)
    return policy.sites_user_has_permission_for(user, action)


class GemeenteSnippetForm(WagtailAdminModelForm):
    """Offers in ``site`` only the gemeenten the user may manage snippets for."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("site")
        if field is None or self.for_user is None:
            return
        action = "add" if self.instance._state.adding else "change"
        sites = sites_user_may(self.for_user, self._meta.model, action).order_by(
            "site_name", "hostname"
        )
        field.queryset = sites
        field.error_messages["invalid_choice"] = (
            "Kies een gemeente waarvoor u dit mag beheren."
        )
        if len(sites) == 1:
            field.empty_label = None
            if self.instance._state.adding:
                field.initial = sites[0].pk


def _site_choices(request: HttpRequest | None) -> QuerySet[Site]:
    if request is None:
        return Site.objects.none()
    return sites_for_user(request.user).order_by("site_name", "hostname")


class GemeenteFilterSet(WagtailFilterSet):
    site = django_filters.ModelChoiceFilter(
        label="Gemeente", queryset=_site_choices, empty_label="Alle gemeenten"
    )


class _InstanceAccessMixin:
    """Check the opened snippet against the user's gemeenten."""

    instance_action = "change"

    def get_object(self, *args, **kwargs):
        instance = super().get_object(*args, **kwargs)
        check_instance_access(self.request.user, instance, self.instance_action)
        return instance


class EditView(_InstanceAccessMixin, snippet_views.EditView):
    pass


class CopyView(snippet_views.CopyView):
    def get_object(self, queryset=None):
        # Copying needs the right to see the original; creating is checked as
        # "add" by the view, the gemeente by the form's site field.
        instance = get_object_or_404(
            self.model, pk=unquote(str(self.kwargs[self.pk_url_kwarg]))
        )
        policy = policy_registry.get(instance)
        if not policy.user_has_any_permission_for_instance(
            self.request.user, SEE_ACTIONS, instance
        ):
            raise Http404
        return instance


class DeleteView(_InstanceAccessMixin, snippet_views.DeleteView):
    instance_action = "delete"


class UsageView(_InstanceAccessMixin, snippet_views.UsageView):
    pass


class HistoryView(_InstanceAccessMixin, snippet_views.HistoryView):
    pass


class InspectView(_InstanceAccessMixin, snippet_views.InspectView):
    instance_action = "view"


class _ChooserScopeMixin:
    def get_object_list(self):
        return visible_instances(self.request.user, self.model_class)


class ChooseView(_ChooserScopeMixin, snippet_chooser.ChooseView):
    pass


class ChooseResultsView(_ChooserScopeMixin, snippet_chooser.ChooseResultsView):
    pass


class ChosenView(snippet_chooser.SnippetChosenView):
    def get_object(self, pk):
        return visible_instances(self.request.user, self.model_class).get(pk=pk)


class ChosenMultipleView(snippet_chooser.SnippetChosenMultipleView):
    def get_objects(self, pks):
        return visible_instances(self.request.user, self.model_class).filter(pk__in=pks)


class GemeenteChooserViewSet(snippet_chooser.SnippetChooserViewSet):
    choose_view_class = ChooseView
    choose_results_view_class = ChooseResultsView
    chosen_view_class = ChosenView
    chosen_multiple_view_class = ChosenMultipleView


class GemeenteSnippetViewSet(snippet_views.SnippetViewSet):
    """A snippet of one gemeente: every view shows only the user's gemeenten."""

    edit_view_class = EditView
    copy_view_class = CopyView
    delete_view_class = DeleteView
    usage_view_class = UsageView
    history_view_class = HistoryView
    inspect_view_class = InspectView
    chooser_viewset_class = GemeenteChooserViewSet

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return visible_instances(request.user, self.model)

    def get_edit_handler(self):
        return ObjectList(
            self.model.panels, base_form_class=GemeenteSnippetForm
        ).bind_to_model(self.model)

    @cached_property
    def filterset_class(self):
        # The gemeente filter, bound to this viewset's model.
        meta = type("Meta", (), {"model": self.model, "fields": ["site"]})
        return type(
            f"{self.model.__name__}GemeenteFilterSet",
            (GemeenteFilterSet,),
            {"Meta": meta},
        )


def pages_in_user_gemeenten(pages: QuerySet, user) -> QuerySet:
    """Restrict ``pages`` to the user's gemeenten (and the pages above them)."""
    if user.is_superuser:
        return pages
    roots = list(
        home_pages(sites_for_user(user).select_related("root_page")).values_list(
            "path", flat=True
        )
    )
    if not roots:
        return pages.none()
    return pages.filter(_within_or_above(roots))


def _within_or_above(paths: Iterable[str]) -> Q:
    steplen = Page.steplen
    condition = Q()
    above: set[str] = set()
    for path in paths:
        condition |= Q(path__startswith=path)
        above.update(path[:end] for end in range(steplen, len(path), steplen))
    return condition | Q(path__in=above)


def chooser_start_page_id(page_type: str | None) -> int | None:
    """The page Wagtail's chooser opens at for ``page_type``: the common ancestor."""
    from wagtail.admin.views.chooser import page_models_from_string

    if not page_type:
        return None
    try:
        desired = page_models_from_string(page_type)
    except (ValueError, LookupError):
        return None  # Wagtail answers 404 itself
    if desired == (Page,):
        return None
    pages = Page.objects.type(*desired)
    return pages.first_common_ancestor().pk if pages.exists() else None


def page_in_user_gemeenten(page_id: int, user) -> bool:
    """Whether the page lies in one of the user's gemeenten (or above them)."""
    return pages_in_user_gemeenten(Page.objects.filter(pk=page_id), user).exists()


class GemeenteBulkActionMixin:
    """A bulk action that lists and touches only objects of the user's gemeenten.

    Wagtail lists the objects the user may not act on by title ("you do not
    have permission to ..."); another gemeente's page or snippet must not even
    be named, so it is left out of both lists. When nothing is left the
    answer is 404, as for any object the user may not see.
    """

    def get_actionable_objects(self):
        objects, extra = super().get_actionable_objects()
        no_access = extra.get("items_with_no_access", [])
        visible = self.visible_pks([obj.pk for obj in [*objects, *no_access]])
        objects = [obj for obj in objects if obj.pk in visible]
        no_access = [obj for obj in no_access if obj.pk in visible]
        if not objects and not no_access:
            raise Http404
        return objects, {**extra, "items_with_no_access": no_access}

    def visible_pks(self, pks: list) -> set:
        user = self.request.user
        if issubclass(self.model, Page):
            pages = pages_in_user_gemeenten(Page.objects.filter(pk__in=pks), user)
            return set(pages.values_list("pk", flat=True))
        instances = visible_instances(user, self.model).filter(pk__in=pks)
        return set(instances.values_list("pk", flat=True))


def gemeente_bulk_actions() -> list[type]:
    """Wagtail's page and snippet bulk actions, scoped to the user's gemeenten.

    Registered after Wagtail's own (a later registration of the same action
    for a model replaces the earlier one). The snippet action only for the
    per-gemeente snippets; other snippets keep Wagtail's.
    """
    from django.utils.functional import classproperty
    from wagtail.admin.views.pages.bulk_actions import (
        DeleteBulkAction,
        MoveBulkAction,
        PublishBulkAction,
        UnpublishBulkAction,
    )
    from wagtail.snippets.bulk_actions.delete import (
        DeleteBulkAction as SnippetDeleteBulkAction,
    )

    scoped = [
        type(f"Gemeente{action.__name__}", (GemeenteBulkActionMixin, action), {})
        for action in (
            DeleteBulkAction,
            MoveBulkAction,
            PublishBulkAction,
            UnpublishBulkAction,
        )
    ]
    scoped.append(
        type(
            "GemeenteSnippetDeleteBulkAction",
            (GemeenteBulkActionMixin, SnippetDeleteBulkAction),
            {"models": classproperty(lambda cls: list(GEMEENTE_SNIPPETS))},
        )
    )
    return scoped

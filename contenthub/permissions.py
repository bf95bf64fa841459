"""Per-gemeente permissions for contactpunten and locaties, and their admin views.

Contactpunt and Locatie belong to one gemeente (``site``). Their permission
policy is Wagtail's ``SitePermissionPolicy``: a right given to a group as a
normal model permission holds for every gemeente (the hub-wide roles of
migration 0002); a right given as a ``GroupSitePermission`` holds for that
gemeente only (the groups of ``contenthub.gemeenten``).

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

from .gemeenten import sites_for_user
from .models import Contactpunt, Locatie

GEMEENTE_SNIPPETS: tuple[type[Model], ...] = (Contactpunt, Locatie)
SEE_ACTIONS = ("view", "change", "delete")
"""Any of these lets a user see a snippet (and choose it for a product)."""


def register_policies() -> None:
    """Register the per-site policy; must run before the snippet viewsets."""
    for model in GEMEENTE_SNIPPETS:
        if policy_registry.get_by_type(model, fallback=False) is None:
            register_permission_policy(model, SitePermissionPolicy(model))


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
    roots = list(sites_for_user(user).values_list("root_page__path", flat=True))
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

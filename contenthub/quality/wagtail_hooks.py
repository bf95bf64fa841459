"""Admin wiring of the gate: messages before publishing, lists, the audit log.

No rules here: every hook calls the gate.
"""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet

from contenthub.models import ProductPage

from . import views
from .enforcement import evaluate_revision
from .messages import blocked_message
from .models import Keuring, Uitzondering


@hooks.register("before_publish_page")
def gate_before_publish(request, page):
    if not isinstance(page, ProductPage):
        return None
    revision = page.latest_revision
    result = evaluate_revision(revision, path="knop", user=request.user)
    if result.passed:
        return None
    messages.error(request, blocked_message(result, title=page.title))
    return redirect("wagtailadmin_pages:edit", page.pk)


@hooks.register("before_bulk_action")
def gate_before_bulk_publish(request, action_type, objects, action_class_instance):
    if action_type != "publish":
        return None
    blocked = []
    for page in objects:
        specific = page.specific
        if not isinstance(specific, ProductPage) or specific.latest_revision is None:
            continue
        result = evaluate_revision(
            specific.latest_revision, path="bulk", user=request.user
        )
        if not result.passed:
            blocked.append((specific, result))
    if not blocked:
        return None
    for page, result in blocked:
        messages.error(request, blocked_message(result, title=page.title))
    messages.warning(
        request,
        "Er is niets gepubliceerd. Verbeter de producten hierboven en probeer het opnieuw.",
    )
    return redirect(request.GET.get("next") or "wagtailadmin_explore_root")


@hooks.register("before_copy_page")
def gate_before_copy_and_publish(request, page):
    specific = page.specific
    if request.method != "POST" or not request.POST.get("publish_copies"):
        return None
    if not isinstance(specific, ProductPage) or specific.live_revision is None:
        return None
    result = evaluate_revision(specific.live_revision, path="kopie", user=request.user)
    if result.passed:
        return None
    messages.error(request, blocked_message(result, title=specific.title))
    return redirect("wagtailadmin_pages:edit", page.pk)


@hooks.register("register_log_actions")
def register_gate_log_actions(actions):
    from wagtail.log_actions import LogFormatter

    @actions.register_action("contenthub.uitzondering")
    class UitzonderingLog(LogFormatter):
        label = "Uitzondering toegekend"

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return format_html(
                "Uitzondering toegekend op '{}' in {}: {}",
                data.get("regel", ""),
                data.get("veld", ""),
                data.get("reden", ""),
            )


@hooks.register("register_admin_urls")
def register_gate_urls():
    return [
        path(
            "publicatiecontrole/<int:page_id>/uitzondering/",
            views.grant_exception,
            name="quality_grant_exception",
        ),
    ]


class KeuringViewSet(ModelViewSet):
    model = Keuring
    icon = "tasks"
    menu_label = "Keuringen"
    add_to_admin_menu = False
    list_display = ["page", "gekeurd_op", "geslaagd", "pad", "gebruiker"]
    list_filter = ["geslaagd", "pad"]
    form_fields = []
    inspect_view_enabled = True


class UitzonderingViewSet(ModelViewSet):
    model = Uitzondering
    icon = "warning"
    menu_label = "Uitzonderingen"
    add_to_admin_menu = False
    list_display = [
        "page",
        "regel",
        "veld",
        "toegekend_door",
        "toegekend_op",
        "geldig_tot",
    ]
    form_fields = ["reden", "geldig_tot"]
    inspect_view_enabled = True


@hooks.register("register_admin_viewset")
def register_gate_viewsets():
    from wagtail.admin.viewsets.base import ViewSetGroup

    class PublicatiecontroleGroup(ViewSetGroup):
        menu_label = "Publicatiecontrole"
        menu_icon = "tasks"
        items = (KeuringViewSet("keuringen"), UitzonderingViewSet("uitzonderingen"))

    return PublicatiecontroleGroup()


# Doorwerking of basisteksten (contenthub/doorwerking.py) ----------------------


@hooks.register("register_log_actions")
def register_doorwerking_log_action(actions):
    from wagtail.log_actions import LogFormatter

    @actions.register_action("contenthub.doorwerking")
    class DoorwerkingLog(LogFormatter):
        label = "Landelijke tekst bijgewerkt"

        def format_message(self, log_entry):
            from contenthub.doorwerking import field_labels

            data = log_entry.data or {}
            titel = (data.get("basistekst") or {}).get("titel", "")
            velden = field_labels(data.get("velden") or [])
            template = (
                "Concept bijgewerkt met de nieuwe landelijke tekst uit de basistekst '{}'{}"
                if data.get("concept")
                else "Nieuwe landelijke tekst uit de basistekst '{}'{}"
            )
            return format_html(template, titel, f" ({velden})" if velden else "")


@hooks.register("before_publish")
def check_basistekst_before_publish(request, instance):
    from wagtail.admin.admin_url_finder import AdminURLFinder

    from contenthub.models import Basistekst

    from .basistekst import basistekst_message, check_basistekst

    if not isinstance(instance, Basistekst):
        return None
    revision = instance.latest_revision
    content = revision.as_object() if revision else instance
    result = check_basistekst(content)
    if result.passed:
        return None
    messages.error(request, basistekst_message(result, titel=str(content)))
    return redirect(AdminURLFinder(request.user).get_edit_url(instance))


@hooks.register("construct_homepage_panels")
def add_blocked_products_panel(request, panels):
    from .dashboard import BlockedProductsPanel

    panels.append(BlockedProductsPanel())


@hooks.register("register_admin_urls")
def register_doorwerking_urls():
    return [
        path("doorwerkingen/", views.doorwerking_list, name="quality_doorwerkingen"),
        path(
            "doorwerkingen/<int:doorwerking_id>/",
            views.doorwerking_detail,
            name="quality_doorwerking",
        ),
    ]


class DoorwerkingenMenuItem(MenuItem):
    def is_shown(self, request):
        from contenthub.doorwerking import may_view_doorwerkingen

        return may_view_doorwerkingen(request.user)


@hooks.register("register_admin_menu_item")
def register_doorwerkingen_menu_item():
    return DoorwerkingenMenuItem(
        "Doorwerkingen",
        reverse("quality_doorwerkingen"),
        name="doorwerkingen",
        icon_name="resubmit",
        order=160,
    )

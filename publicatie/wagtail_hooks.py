"""Admin wiring of the gate: messages before publishing, lists, the audit log.

No rules here: every hook calls the gate.
"""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem, SubmitForModerationMenuItem
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet

from contenthub.admin_columns import ja_nee
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
    """A live copy or an alias is judged where it lands, before anything is made.

    Copy-and-publish makes the copy's live revision from the source's latest
    revision, so that revision is what the gate judges; an alias shows the
    source's content under its new parent (perhaps another gemeente).
    """
    from wagtail.actions.create_alias import CreatePageAliasAction
    from wagtail.models import Page

    from .holding import dry_run

    specific = page.specific
    publish = request.POST.get("publish_copies")
    alias = request.POST.get("alias")
    if request.method != "POST" or not (publish or alias):
        return None
    if not isinstance(specific, ProductPage):
        return None
    if publish and not alias and specific.latest_revision is not None:
        result = evaluate_revision(
            specific.latest_revision, path="kopie", user=request.user
        )
        if not result.passed:
            messages.error(request, blocked_message(result, title=specific.title))
            return redirect("wagtailadmin_pages:edit", page.pk)
    parent = Page.objects.filter(pk=request.POST.get("new_parent_page")).first()
    slug = request.POST.get("new_slug") or specific.slug
    if parent is None:
        return None
    if alias:

        def make():
            CreatePageAliasAction(
                specific, parent=parent, update_slug=slug, user=request.user
            ).execute(skip_permission_checks=True)

    else:

        def make():
            specific.copy(
                to=parent,
                update_attrs={"title": request.POST.get("new_title"), "slug": slug},
                keep_live=True,
                user=request.user,
            )

    refused = dry_run(make)
    if refused is None:
        return None
    messages.error(request, blocked_message(refused.result, title=refused.page.title))
    return redirect("wagtailadmin_pages:edit", page.pk)


@hooks.register("before_move_page")
def gate_before_move(request, page, destination):
    """A move that would make a live product fail is refused with the findings."""
    from .holding import judge_move

    if request.method != "POST":
        return None
    result = judge_move(page, destination)
    if result is None or result.passed:
        return None
    messages.error(request, blocked_message(result, title=page.title))
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


@hooks.register("register_log_actions")
def register_help_request_log_action(actions):
    from .submission import HELP_ACTION

    actions.register_action(
        HELP_ACTION,
        "Ingediend met vraag om hulp",
        "Ingediend met een vraag om hulp: de controle houdt deze versie nog tegen",
    )


@hooks.register("register_admin_urls")
def register_gate_urls():
    return [
        path(
            "publicatiecontrole/<int:page_id>/uitzondering/",
            views.grant_exception,
            name="quality_grant_exception",
        ),
        path(
            "publicatiecontrole/<int:page_id>/controle/",
            views.editor_findings,
            name="quality_editor_findings",
        ),
        path(
            "publicatiecontrole/basistekst/<int:basistekst_id>/controle/",
            views.basistekst_findings,
            name="quality_basistekst_findings",
        ),
    ]


class KeuringViewSet(ModelViewSet):
    model = Keuring
    icon = "tasks"
    menu_label = "Keuringen"
    add_to_admin_menu = False
    list_display = [
        Column("page", label="Product"),
        "gekeurd_op",
        ja_nee("geslaagd", "Geslaagd"),
        "pad",
        "gebruiker",
    ]
    list_filter = ["geslaagd", "pad"]
    form_fields = []
    inspect_view_enabled = True


class UitzonderingViewSet(ModelViewSet):
    model = Uitzondering
    icon = "warning"
    menu_label = "Uitzonderingen"
    add_to_admin_menu = False
    list_display = [
        Column("page", label="Product"),
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


# Doorwerking of basisteksten (publicatie/doorwerking.py) ----------------------


@hooks.register("register_log_actions")
def register_doorwerking_log_action(actions):
    from wagtail.log_actions import LogFormatter

    @actions.register_action("publicatie.doorwerking")
    class DoorwerkingLog(LogFormatter):
        label = "Landelijke tekst bijgewerkt"

        def format_message(self, log_entry):
            from publicatie.doorwerking import field_labels

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


@hooks.register("after_edit_snippet")
def report_doorwerking_after_publish(request, instance):
    """Instead of Wagtail's "bijgewerkt en gepubliceerd": what the gemeenten did."""
    from contenthub.models import Basistekst

    from .doorwerking import gemeente_counts
    from .messages import doorwerking_message
    from .records import Doorwerking

    if not isinstance(instance, Basistekst) or not request.POST.get("action-publish"):
        return
    live_revision_id = (
        Basistekst.objects.filter(pk=instance.pk)
        .values_list("live_revision_id", flat=True)
        .first()
    )
    doorwerking = (
        Doorwerking.objects.filter(basistekst=instance, revision_id=live_revision_id)
        .order_by("-pk")
        .first()
    )
    if doorwerking is None:
        return
    counts = gemeente_counts(doorwerking) if doorwerking.afgerond else None
    _replace_success_messages(request)
    messages.success(request, doorwerking_message(doorwerking, counts))
    return


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
        from publicatie.doorwerking import may_view_doorwerkingen

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


# Submitting for review (publicatie/submission.py) ------------------------------


class SubmitWithHelpMenuItem(ActionMenuItem):
    """ "Indienen met vraag om hulp": submit a version the gate holds, for help."""

    label = "Indienen met vraag om hulp"
    name = "action-submit"
    icon_name = "help"
    template_name = "quality/help_menu_item.html"

    def is_shown(self, context):
        page = context.get("page")
        if not isinstance(page, ProductPage):
            return False
        return SubmitForModerationMenuItem().is_shown(context)

    def get_context_data(self, parent_context):
        from .submission import HELP_VALUE

        return {**super().get_context_data(parent_context), "help_value": HELP_VALUE}


@hooks.register("register_page_action_menu_item")
def register_submit_with_help_menu_item():
    return SubmitWithHelpMenuItem(order=25)


def _replace_success_messages(request) -> None:
    """Drop Wagtail's success message of this request: the hub says what
    really happened instead (the gate's word, the doorwerking's outcome)."""
    kept = [m for m in messages.get_messages(request) if m.level != messages.SUCCESS]
    for message in kept:
        messages.add_message(
            request, message.level, message.message, extra_tags=message.extra_tags
        )


RESTART_ACTION = "action-restart-workflow"
"""What Wagtail's "Workflow herstarten" posts: a new submission, gated the same."""


def _settle_submission(request, page):
    from .messages import submission_message
    from .submission import HELP_VALUE, help_was_requested_before, settle_submission

    if request.method != "POST" or not isinstance(page, ProductPage):
        return None
    submitted = request.POST.get("action-submit")
    restarted = bool(request.POST.get(RESTART_ACTION))
    if not submitted and not restarted:
        return None
    if submitted:
        help_requested = submitted == HELP_VALUE
    else:
        # A restart keeps the request for help of the review it replaces.
        help_requested = help_was_requested_before(page)
    outcome = settle_submission(page, user=request.user, help_requested=help_requested)
    if outcome is None:
        return None
    _replace_success_messages(request)
    message = submission_message(outcome, title=page.title)
    if outcome.result.passed:
        messages.success(request, message)
    elif outcome.help_requested:
        messages.warning(request, message)
    else:
        messages.error(request, message)
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("after_edit_page")
def settle_submission_after_edit(request, page):
    return _settle_submission(request, page)


@hooks.register("after_create_page")
def settle_submission_after_create(request, page):
    return _settle_submission(request, page)

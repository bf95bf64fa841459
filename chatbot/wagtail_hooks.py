"""Admin report: the questions the chatbot could not answer well, grouped.

Contentmanagers read it to add zoektermen or write a missing product
(datagestuurde interactie). Questions with the same words after
normalisation form one row, with how often and when last they were asked,
newest first. Contentmanagers, communicatieadviseurs and beheerders may see
it (``chatbot.view_vraaglog``, granted in migration 0002).
"""

from __future__ import annotations

import django_filters
from django.db.models import Count, Max, OuterRef, Subquery
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Site
from wagtail.permission_policies import ModelPermissionPolicy

from .models import Vraaglog
from .verbeteren import (
    NietVanDeGemeenteView,
    VerbeterView,
    koppel_als_zoekterm_view,
)

PERMISSION = "chatbot.view_vraaglog"


class VragenFilterSet(WagtailFilterSet):
    site = django_filters.ModelChoiceFilter(
        label="Gemeente", queryset=Site.objects.all(), empty_label="Alle gemeenten"
    )
    created_at = django_filters.DateFromToRangeFilter(
        label="Gesteld tussen", widget=DateRangePickerWidget
    )

    class Meta:
        model = Vraaglog
        fields = ["site", "taal", "created_at"]


def questions_without_answer(queryset):
    """Group the handed-over questions of ``queryset`` by normalised text."""
    unanswered = queryset.filter(fallback=True)
    latest = unanswered.filter(genormaliseerd=OuterRef("genormaliseerd")).order_by(
        "-created_at", "-pk"
    )
    return (
        unanswered.values("genormaliseerd")
        .annotate(
            aantal=Count("pk"),
            laatst=Max("created_at"),
            voorbeeld=Subquery(latest.values("vraag")[:1]),
        )
        .order_by("-laatst", "genormaliseerd")
    )


class VragenZonderAntwoordView(ReportView):
    page_title = "Chatbotvragen zonder goed antwoord"
    header_icon = "help"
    index_url_name = "chatbot_vragen"
    index_results_url_name = "chatbot_vragen_results"
    filterset_class = VragenFilterSet
    permission_policy = ModelPermissionPolicy(Vraaglog)
    permission_required = "view"
    columns = [
        Column("voorbeeld", label="Vraag (laatst gesteld, zonder persoonsgegevens)"),
        Column("genormaliseerd", label="Woorden na normaliseren"),
        Column("aantal", label="Aantal keer"),
        DateColumn("laatst", label="Laatst gesteld"),
    ]
    list_export = ["voorbeeld", "genormaliseerd", "aantal", "laatst"]
    export_headings = {
        "voorbeeld": "Vraag",
        "genormaliseerd": "Woorden na normaliseren",
        "aantal": "Aantal keer",
        "laatst": "Laatst gesteld",
    }

    def get_queryset(self):
        return questions_without_answer(self.filter_queryset(Vraaglog.objects.all()))

    def get_filtered_queryset(self):
        # Filtered before grouping, in get_queryset.
        return self.get_queryset()


class VragenMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_urls")
def register_chatbot_urls():
    return [
        path(
            "chatbot/vragen/",
            VragenZonderAntwoordView.as_view(),
            name="chatbot_vragen",
        ),
        path(
            "chatbot/vragen/resultaten/",
            VragenZonderAntwoordView.as_view(results_only=True),
            name="chatbot_vragen_results",
        ),
        path("chatbot/verbeteren/", VerbeterView.as_view(), name="chatbot_verbeteren"),
        path(
            "chatbot/verbeteren/koppelen/",
            koppel_als_zoekterm_view,
            name="chatbot_koppelen",
        ),
        path(
            "chatbot/verbeteren/niet-van-de-gemeente/",
            NietVanDeGemeenteView.as_view(),
            name="chatbot_niet_gemeente",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_chatbot_improve_menu_item():
    return VragenMenuItem(
        "Chatbotvragen om te verbeteren",
        reverse("chatbot_verbeteren"),
        name="chatbot-verbeteren",
        icon_name="help",
        order=1310,
    )


@hooks.register("register_reports_menu_item")
def register_chatbot_report_menu_item():
    return VragenMenuItem(
        "Chatbotvragen zonder antwoord",
        reverse("chatbot_vragen"),
        name="chatbot-vragen",
        icon_name="help",
        order=1300,
    )

from django.apps import AppConfig


def _hold_page(page) -> None:
    from .holding import (
        hold_live_page,
        hold_referrers,
        hold_translation_source,
        refresh_translations,
        schedule_clock,
    )

    seen_before = page.__dict__.pop("_seen_by_referrers_before", None)
    stored = hold_live_page(page)
    if (stored or not page.live) and not _unchanged_for_referrers(page, seen_before):
        # Its title, link or liveness is an input of every product that lists it.
        hold_referrers(page)
    if stored or not page.live:
        # The Dutch source's SDG document carries this translation's text.
        hold_translation_source(page)
    if stored:
        # A changed Dutch text: its translations say they are out of date.
        refresh_translations(page)
    schedule_clock(page)


def _unchanged_for_referrers(page, seen_before) -> bool:
    """Whether what listing products show of ``page`` is as it was before the
    write (read by the live guard); one query instead of judging every one."""
    from contenthub.models import ProductPage

    from .enforcement import SEEN_BY_REFERRERS

    if seen_before is None:
        return False
    now = (
        ProductPage.objects.filter(pk=page.pk, live=True)
        .values_list(*SEEN_BY_REFERRERS)
        .first()
    )
    return now == seen_before


class PublicatieConfig(AppConfig):
    """The publication gate, verdicts, exceptions, the workflow task, doorwerking.

    The app label stays ``quality`` (its tables and permissions predate the move
    out of ``contenthub``).
    """

    name = "publicatie"
    label = "quality"
    verbose_name = "Publicatiecontrole"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from contenthub.extensions import extensions

        from . import checks, signal_handlers  # noqa: F401
        from .basistekst import guard_basistekst_live
        from .enforcement import guard_live_revision
        from .holding import hold_snippet_change, refuse_deleting_shown_snippet
        from .panels import BasistekstFindingsPanel, FindingsPanel

        extensions.register_live_guard("contenthub.ProductPage", guard_live_revision)
        extensions.register_live_guard("contenthub.Basistekst", guard_basistekst_live)
        extensions.register_change_guard("contenthub.ProductPage", _hold_page)
        for label in (
            "contenthub.Contactpunt",
            "contenthub.Locatie",
            "contenthub.GemeenteInstellingen",
        ):
            extensions.register_change_guard(label, hold_snippet_change)
        for label in ("contenthub.Contactpunt", "contenthub.Locatie"):
            extensions.register_delete_guard(label, refuse_deleting_shown_snippet)
        extensions.register_editor_tab(
            "contenthub.ProductPage", "Controle", lambda: [FindingsPanel()]
        )
        extensions.register_editor_tab(
            "contenthub.Basistekst", "Controle", lambda: [BasistekstFindingsPanel()]
        )

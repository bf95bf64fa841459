"""Editor panels that show where a product's texts come from."""

from __future__ import annotations

from django.utils.html import format_html, format_html_join
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, Panel

from .inheritance import inherited_fields, overridden_fields, override_flag


def _label(page_class, name: str) -> str:
    return str(page_class._meta.get_field(name).verbose_name)


class OverrideFlagPanel(FieldPanel):
    """The "eigen tekst" checkbox, shown only for a product with a basistekst."""

    class BoundPanel(FieldPanel.BoundPanel):
        def is_shown(self) -> bool:
            return bool(getattr(self.instance, "basistekst_id", None)) and (
                super().is_shown()
            )


def inheritable_panels(*names: str) -> list[Panel]:
    """Per inheritable field: its 'eigen tekst' checkbox above the field."""
    return [
        MultiFieldPanel(
            [OverrideFlagPanel(override_flag(name)), FieldPanel(name)],
            heading=name.replace("_", " ").capitalize(),
        )
        for name in names
    ]


class SourceLanguageFieldPanel(FieldPanel):
    """A field only the Dutch source sets: hidden on a translation, which
    takes the value from its source when it is saved (its basistekst is the
    translation of the source's basistekst), so a translator is not offered a
    choice that saving would silently undo."""

    class BoundPanel(FieldPanel.BoundPanel):
        def is_shown(self) -> bool:
            from .talen import is_translation

            return super().is_shown() and not is_translation(self.instance)


class InheritancePanel(Panel):
    """Which texts come from the basistekst and which are the gemeente's own."""

    class BoundPanel(Panel.BoundPanel):
        def is_shown(self) -> bool:
            return bool(getattr(self.instance, "basistekst_id", None))

        def render_html(self, parent_context=None) -> str:
            page = self.instance
            cls = type(page)
            inherited = [_label(cls, name) for name in inherited_fields(page)]
            own = [_label(cls, name) for name in overridden_fields(page)]
            status = (
                ""
                if page.basistekst.live
                else format_html(
                    "<p><strong>Let op:</strong> deze basistekst is nog niet gepubliceerd.</p>"
                )
            )
            return format_html(
                '<div class="help-block help-info contenthub-overerving">'
                "<p>Landelijke tekst uit de basistekst <strong>{}</strong>.</p>{}"
                "<p>Overgenomen (niet aan te passen zonder 'eigen tekst'): {}.</p>"
                "<p>Eigen tekst van deze gemeente: {}.</p>"
                "<p>Kosten, termijn, contact, locaties, links en de lokale aanvulling "
                "vult u altijd zelf in.</p></div>",
                page.basistekst,
                status,
                ", ".join(inherited) or "geen",
                format_html_join(", ", "<mark>{}</mark>", ((n,) for n in own))
                if own
                else "geen",
            )


class VertalingPanel(Panel):
    """On a translation: its language, and a warning when the Dutch text changed since."""

    class BoundPanel(Panel.BoundPanel):
        def is_shown(self) -> bool:
            from .talen import is_translation

            return bool(getattr(self.instance, "pk", None)) and is_translation(
                self.instance
            )

        def render_html(self, parent_context=None) -> str:
            from .talen import LANGUAGE_NAMES
            from .vertaling import translation_status

            status = translation_status(self.instance)
            taal = LANGUAGE_NAMES.get(status.taal, status.taal)
            if status.verouderd:
                return format_html(
                    '<div class="help-block help-warning contenthub-vertaling-verouderd">'
                    "<p><strong>Vertaling verouderd.</strong> {}</p></div>",
                    status.melding,
                )
            return format_html(
                '<div class="help-block help-info contenthub-vertaling">'
                "<p>Dit is de vertaling ({}) van een Nederlands product. Kosten, "
                "termijn en links moeten gelijk zijn aan het Nederlandse product.</p></div>",
                taal,
            )

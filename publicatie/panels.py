"""The editor's "Controle" tab: the gate's findings on the current draft,
per field, before anyone presses Publish."""

from __future__ import annotations

from wagtail.admin.panels import Panel


class FindingsPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "quality/findings_panel.html"

        def get_context_data(self, parent_context=None):
            from contenthub.inheritance import inherited_fields

            from .fields import FIELD_LABELS
            from .gate import evaluate_publication_gate
            from .submission import help_was_requested

            context = super().get_context_data(parent_context)
            page = self.instance
            if not page.pk:
                context["nog_niet_bewaard"] = True
                return context
            result = evaluate_publication_gate(page=page)
            context["result"] = result
            context["hulpvraag"] = not result.passed and help_was_requested(page)
            landelijk = set(inherited_fields(page))
            context["velden"] = [
                (field, FIELD_LABELS.get(field, field), findings, field in landelijk)
                for field, findings in result.per_field().items()
            ]
            context["basistekst"] = page.basistekst if landelijk else None
            user = self.request.user if self.request else None
            context["mag_uitzonderen"] = bool(
                user and user.has_perm("quality.grant_uitzondering")
            )
            return context

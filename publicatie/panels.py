"""The editor's "Controle" tab: the gate's findings on the last saved version,
per field, before anyone presses Publish.

The tab shows the stored verdict when it still holds
(``publicatie.editor.current_verdict``); otherwise it asks for it once the
page has loaded (``controle.js``), so opening the editor never waits for the
gate.

A basistekst's editor has the same tab (:class:`BasistekstFindingsPanel`):
the check its publication must pass (``publicatie.basistekst``), asked for
once the page has loaded, in the same template.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from wagtail.admin.panels import Panel


def findings_context(page: Any, verdict: Any, user: Any) -> dict[str, Any]:
    """What ``quality/findings_panel.html`` shows of a stored verdict."""
    from contenthub.inheritance import inherited_fields

    from .fields import FIELD_LABELS
    from .gate import GateResult
    from .submission import help_was_requested

    result = GateResult.from_json(verdict.bevindingen)
    landelijk = set(inherited_fields(page))
    return {
        "result": result,
        "keuring": verdict,
        "page_id": page.pk,
        "hulpvraag": not result.passed and help_was_requested(page),
        "velden": [
            (field, FIELD_LABELS.get(field, field), findings, field in landelijk)
            for field, findings in result.per_field().items()
        ],
        "basistekst": page.basistekst if landelijk else None,
        "mag_uitzonderen": bool(user and user.has_perm("quality.grant_uitzondering")),
    }


def basistekst_findings_context(basistekst: Any, result: Any) -> dict[str, Any]:
    """What ``quality/findings_panel.html`` shows of a basistekst's check."""
    from .fields import FIELD_LABELS

    return {
        "result": result,
        "onderwerp": "de basistekst",
        "velden": [
            (field, FIELD_LABELS.get(field, field), findings, False)
            for field, findings in result.per_field().items()
        ],
        "mag_uitzonderen": False,
    }


class BasistekstFindingsPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "quality/findings_panel.html"

        class Media:
            js = ["publicatie/controle.js"]

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            basistekst = self.instance
            context["onderwerp"] = "de basistekst"
            if not basistekst.pk or basistekst.latest_revision_id is None:
                context["nog_niet_bewaard"] = True
                return context
            context["laden_url"] = reverse(
                "quality_basistekst_findings", args=(basistekst.pk,)
            )
            return context


class FindingsPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "quality/findings_panel.html"

        class Media:
            js = ["publicatie/controle.js"]

        def get_context_data(self, parent_context=None):
            from .editor import current_verdict

            context = super().get_context_data(parent_context)
            page = self.instance
            revision_id = getattr(page, "latest_revision_id", None)
            if not page.pk or revision_id is None:
                context["nog_niet_bewaard"] = True
                return context
            verdict = current_verdict(page, revision_id)
            if verdict is None:
                context["laden_url"] = reverse(
                    "quality_editor_findings", args=(page.pk,)
                )
                return context
            user = self.request.user if self.request else None
            context.update(findings_context(page, verdict, user))
            return context

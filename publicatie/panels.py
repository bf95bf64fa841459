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


class _ControleTab(Panel):
    """The Controle tab: what the gate finds in the last saved version, from
    a stored verdict when ``stored_context`` has one, otherwise fetched by
    ``controle.js`` from ``url_name`` once the page has loaded."""

    url_name = ""
    onderwerp = ""
    """How the tab names what it checks ("de basistekst"; empty: the product)."""

    def stored_context(self, obj: Any, request: Any) -> dict[str, Any] | None:
        return None

    class BoundPanel(Panel.BoundPanel):
        template_name = "quality/findings_panel.html"

        class Media:
            js = ["publicatie/controle.js"]

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            obj = self.instance
            if self.panel.onderwerp:
                context["onderwerp"] = self.panel.onderwerp
            if not obj.pk or getattr(obj, "latest_revision_id", None) is None:
                context["nog_niet_bewaard"] = True
                return context
            stored = self.panel.stored_context(obj, self.request)
            if stored is None:
                context["laden_url"] = reverse(self.panel.url_name, args=(obj.pk,))
            else:
                context.update(stored)
            return context


class BasistekstFindingsPanel(_ControleTab):
    url_name = "quality_basistekst_findings"
    onderwerp = "de basistekst"


class FindingsPanel(_ControleTab):
    url_name = "quality_editor_findings"

    def stored_context(self, obj: Any, request: Any) -> dict[str, Any] | None:
        from .editor import current_verdict

        verdict = current_verdict(obj, obj.latest_revision_id)
        if verdict is None:
            return None
        return findings_context(obj, verdict, request.user if request else None)

"""The editor's "Import" tab: where an imported product came from, and what
the import could not place in a field (its note for the editor)."""

from __future__ import annotations

from wagtail.admin.panels import Panel


class ImportPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "koppelingen/import_panel.html"

        def get_context_data(self, parent_context=None):
            from .importeren import BRONNEN
            from .models import Importherkomst

            context = super().get_context_data(parent_context)
            page = self.instance
            herkomsten = (
                list(Importherkomst.objects.filter(page_id=page.pk).order_by("bron"))
                if page.pk
                else []
            )
            context["herkomsten"] = [
                {
                    "bron": BRONNEN[h.bron].label if h.bron in BRONNEN else h.bron,
                    "extern_id": h.extern_id,
                    "bijgewerkt_op": h.bijgewerkt_op,
                    "notities": [regel for regel in h.notitie.splitlines() if regel],
                }
                for h in herkomsten
            ]
            return context

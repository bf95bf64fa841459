"""Dashboard panel: the editor's products that a new national text could not reach."""

from __future__ import annotations

from typing import Any

from wagtail.admin.ui.components import Component

PANEL_LIMIT = 20


class BlockedProductsPanel(Component):
    """Blocked products from recent doorwerkingen, only those the user may edit."""

    name = "doorwerking_geblokkeerd"
    template_name = "quality/doorwerking_dashboard.html"
    order = 150

    def get_context_data(self, parent_context: dict[str, Any]) -> dict[str, Any]:
        from publicatie.doorwerking import blocked_for_user, gemeente_names

        request = parent_context["request"]
        results = list(blocked_for_user(request.user)[:PANEL_LIMIT])
        gemeenten = gemeente_names(r.page for r in results)
        return {
            "rows": [(r, gemeenten.get(r.page_id, "")) for r in results],
            "limit": PANEL_LIMIT,
        }

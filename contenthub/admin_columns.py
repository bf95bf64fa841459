"""Listing columns that speak the editor's language: Dutch labels, Ja/Nee."""

from __future__ import annotations

from wagtail.admin.ui.tables import Column


def ja_nee(field: str, label: str) -> Column:
    """A yes/no field as "Ja" or "Nee" (Wagtail shows True/False or an icon)."""

    def value(instance) -> str:
        return "Ja" if getattr(instance, field) else "Nee"

    return Column(field, label=label, accessor=value)

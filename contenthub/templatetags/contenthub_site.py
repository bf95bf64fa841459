"""Template tags shared by every public page (home, theme, search, errors, product)."""

from __future__ import annotations

from django import template

from .. import site

register = template.Library()


@register.simple_tag
def public_stylesheets() -> tuple[str, ...]:
    return site.stylesheet_urls()


@register.simple_tag
def page_title(title: str, gemeente_naam: str) -> str:
    return site.page_title(title, gemeente_naam)

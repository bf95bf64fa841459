import re

from django import template

register = template.Library()


@register.filter
def tel(value: str) -> str:
    """A telephone number for a tel: link: digits and a leading plus only."""
    return re.sub(r"[^0-9+]", "", value or "")

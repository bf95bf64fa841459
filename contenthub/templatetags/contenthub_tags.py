from decimal import Decimal

from django import template

from contenthub.formatting import format_euro
from contenthub.vocabulary import PER_LABELS

register = template.Library()


@register.filter
def euro(value: Decimal) -> str:
    return format_euro(value)


@register.filter
def per_label(value: str) -> str:
    return PER_LABELS.get(value, value)

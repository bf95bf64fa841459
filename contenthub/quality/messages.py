"""The gate's verdict as an editor reads it: per field, with the suggestions."""

from __future__ import annotations

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from .gate import FIELD_LABELS, GateResult


def blocked_message(result: GateResult, *, title: str) -> SafeString:
    fields = [
        (FIELD_LABELS.get(field, field), [f for f in findings if f.blocks])
        for field, findings in result.per_field().items()
    ]
    items = format_html_join(
        "",
        "<li><strong>{}</strong><ul>{}</ul></li>",
        (
            (
                label,
                format_html_join(
                    "",
                    "<li>{} <em>{}</em></li>",
                    ((finding.message, finding.suggestion) for finding in findings),
                ),
            )
            for label, findings in fields
            if findings
        ),
    )
    return format_html(
        "'{}' is niet gepubliceerd. Uw versie is bewaard. Verbeter eerst dit:<ul>{}</ul>",
        title,
        items,
    )

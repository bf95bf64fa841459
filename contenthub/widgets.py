"""Editor widgets."""

from __future__ import annotations

from django import forms
from django.utils.html import format_html, format_html_join

from .upl import upl_entries


class UplNaamInput(forms.TextInput):
    """A text input that suggests the UPL names of gemeente products."""

    def render(self, name, value, attrs=None, renderer=None):
        attrs = {**(attrs or {}), "list": f"{name}-upl-namen", "autocomplete": "off"}
        field = super().render(name, value, attrs, renderer)
        options = format_html_join(
            "",
            '<option value="{}"></option>',
            ((entry.naam,) for entry in upl_entries().values() if entry.gemeente),
        )
        return format_html(
            '{}<datalist id="{}-upl-namen">{}</datalist>', field, name, options
        )

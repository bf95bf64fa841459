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


class InheritedTextWidget(forms.Widget):
    """Shows a national text read-only, marked with its basistekst."""

    def __init__(self, *, field_name: str, bron: str, attrs=None) -> None:
        super().__init__(attrs)
        self.field_name = field_name
        self.bron = bron

    def value_from_datadict(self, data, files, name):
        return None

    def render(self, name, value, attrs=None, renderer=None):
        from .inheritance import display_html

        return format_html(
            '<div class="contenthub-overgenomen" id="{}">'
            '<p class="help"><strong>Landelijke tekst</strong> uit de basistekst '
            "\u2018{}\u2019. Vink \u2018eigen tekst\u2019 aan om hier af te wijken.</p>"
            '<div class="contenthub-overgenomen__tekst">{}</div></div>',
            (attrs or {}).get("id", name),
            self.bron,
            display_html(self.field_name, value),
        )

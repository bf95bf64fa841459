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


EIGEN_TEKST_AAN = (
    "Vink aan om deze tekst voor uw gemeente aan te passen. U begint met de "
    "landelijke tekst; die verandert dan niet meer mee met de basistekst."
)
EIGEN_TEKST_UIT = (
    "Dit is de eigen tekst van uw gemeente. Haal het vinkje weg om terug te gaan "
    "naar de landelijke tekst; uw eigen tekst vervalt dan bij het bewaren."
)


class OverrideFlagInput(forms.CheckboxInput):
    """The "eigen tekst" checkbox: its help text says what ticking it will do
    (``eigen_tekst.js`` swaps the text the moment it is ticked)."""

    def __init__(self, attrs=None) -> None:
        super().__init__(
            {
                **(attrs or {}),
                "data-contenthub-eigen-tekst": "",
                "data-hulp-aan": EIGEN_TEKST_AAN,
                "data-hulp-uit": EIGEN_TEKST_UIT,
            }
        )

    @property
    def media(self) -> forms.Media:
        return forms.Media(js=["contenthub/eigen_tekst.js"])


class InheritedOrOwnWidget(forms.Widget):
    """An inherited field: the national text read-only, with the field's own
    editor next to it, hidden and starting from the national text.

    Ticking "eigen tekst" shows the editor at once (``eigen_tekst.js``); the
    form takes what it posts only when the box is ticked (``ProductPageForm``).
    """

    def __init__(self, editor: forms.Widget, *, field_name: str, bron: str) -> None:
        super().__init__()
        self.editor = editor
        self.national = InheritedTextWidget(field_name=field_name, bron=bron)
        self.field_name = field_name

    @property
    def media(self) -> forms.Media:
        return self.editor.media + forms.Media(js=["contenthub/eigen_tekst.js"])

    @property
    def is_hidden(self) -> bool:
        return False

    def id_for_label(self, id_):
        return self.editor.id_for_label(id_)

    def value_from_datadict(self, data, files, name):
        return self.editor.value_from_datadict(data, files, name)

    def format_value(self, value):
        return self.editor.format_value(value)

    def render(self, name, value, attrs=None, renderer=None):
        attrs = {k: v for k, v in (attrs or {}).items() if k != "disabled"}
        national = self.national.render(
            name, value, {"id": f"{attrs.get('id', name)}-landelijk"}, renderer
        )
        editor = self.editor.render(name, value, attrs, renderer)
        return format_html(
            '<div class="contenthub-eigen-of-landelijk" data-eigen-veld="{}">'
            "<div data-landelijk>{}</div><div data-eigen hidden>{}</div></div>",
            f"eigen_{self.field_name}",
            national,
            editor,
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

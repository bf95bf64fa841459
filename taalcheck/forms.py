from django import forms

from .config import NIVEAUS


class TaalcheckForm(forms.Form):
    tekst = forms.CharField(
        label="Tekst",
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text="Plak hier de tekst: gewone tekst of HTML. Lege regels scheiden alinea's.",
    )
    niveau = forms.ChoiceField(
        label="Taalniveau",
        choices=[(niveau, niveau) for niveau in NIVEAUS],
        initial="B1",
    )

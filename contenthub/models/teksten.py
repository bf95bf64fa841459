"""The texts a product shares with its national base text (basistekst).

A ``Basistekst`` holds the parts of a product that are the same in every
gemeente; a gemeente's ``ProductPage`` inherits them field by field (see
``contenthub/inheritance.py``). Both models declare these fields through
this one abstract model, so the two can never drift apart in type or rules.
"""

from __future__ import annotations

from django.db import models
from wagtail.fields import RichTextField, StreamField

from ..blocks import AANVRAGEN_BLOCKS, BENODIGDHEDEN_BLOCKS, VRAGEN_BLOCKS
from ..vocabulary import KORT_ANTWOORD_MAX, RICHTEXT_FEATURES


class GedeeldeTekst(models.Model):
    kort_antwoord = models.TextField(
        "kort antwoord",
        max_length=KORT_ANTWOORD_MAX,
        help_text=(
            "Het antwoord in één tot drie zinnen, zonder opmaak. Dit antwoord staat in "
            f"elk kanaal: website, app, tweet, brief en chatbot. Maximaal {KORT_ANTWOORD_MAX} tekens."
        ),
    )
    wat_is_het = RichTextField("wat is het", features=RICHTEXT_FEATURES)
    voorwaarden = RichTextField("voorwaarden", features=RICHTEXT_FEATURES, blank=True)
    aanvragen = StreamField(
        AANVRAGEN_BLOCKS, verbose_name="hoe vraagt u het aan", min_num=1, blank=False
    )
    benodigdheden = StreamField(
        BENODIGDHEDEN_BLOCKS, verbose_name="wat heeft u nodig", blank=True
    )
    vragen = StreamField(VRAGEN_BLOCKS, verbose_name="veelgestelde vragen", blank=True)
    bezwaar_en_beroep = RichTextField(
        "bezwaar en beroep", features=RICHTEXT_FEATURES, blank=True
    )

    class Meta:
        abstract = True


def _override_flags_model() -> type[models.Model]:
    # One "eigen tekst" checkbox per inheritable field; see inheritance.py.
    from ..inheritance import INHERITED_FIELDS, override_flag

    fields = {
        override_flag(name): models.BooleanField(
            "eigen tekst voor deze gemeente", default=False, help_text=EIGEN_TEKST_HELP
        )
        for name in INHERITED_FIELDS
    }
    meta = type("Meta", (), {"abstract": True})
    return type(
        "EigenTekstVlaggen",
        (models.Model,),
        {**fields, "Meta": meta, "__module__": __name__},
    )


EIGEN_TEKST_HELP = (
    "Aangevinkt: deze gemeente gebruikt hier een eigen tekst in plaats van de "
    "landelijke basistekst. Vink aan en sla op om de tekst aan te passen; haal "
    "het vinkje weg om terug te gaan naar de landelijke tekst."
)

EigenTekstVlaggen = _override_flags_model()
"""Abstract model with ``eigen_<field>`` for every inheritable field."""

"""StreamField blocks of the PDC model, with Dutch validation messages."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from .vocabulary import DAG_CHOICES, PER_CHOICES, STEP_RICHTEXT_FEATURES


class StapBlock(blocks.StructBlock):
    """One step of the procedure (SDG: procedure_beschrijving)."""

    titel = blocks.CharBlock(label="Stap", max_length=120)
    uitleg = blocks.RichTextBlock(
        label="Uitleg", features=STEP_RICHTEXT_FEATURES, required=False
    )

    class Meta:
        icon = "list-ol"
        label = "Stap"


class KostenRegelBlock(blocks.StructBlock):
    """One row of the kosten: omschrijving, bedrag in euro and per what."""

    omschrijving = blocks.CharBlock(label="Omschrijving", max_length=200)
    bedrag = blocks.DecimalBlock(label="Bedrag in euro", max_digits=9, decimal_places=2)
    per = blocks.ChoiceBlock(label="Per", choices=PER_CHOICES, default="per_stuk")

    class Meta:
        icon = "pick"
        label = "Kostenregel"

    def clean(self, value):
        value = super().clean(value)
        bedrag = value.get("bedrag")
        if bedrag is not None and Decimal(bedrag) < 0:
            raise StructBlockValidationError(
                block_errors={
                    "bedrag": ValidationError(
                        "Een bedrag kan niet lager zijn dan € 0,00. "
                        "Is het product gratis? Kies dan 'Gratis'."
                    )
                }
            )
        return value


class VraagBlock(blocks.StructBlock):
    """A frequently asked question with its answer."""

    vraag = blocks.CharBlock(label="Vraag", max_length=200)
    antwoord = blocks.TextBlock(label="Antwoord")

    class Meta:
        icon = "help"
        label = "Vraag en antwoord"


class OpeningstijdBlock(blocks.StructBlock):
    """Opening hours of one day."""

    dag = blocks.ChoiceBlock(label="Dag", choices=DAG_CHOICES)
    van = blocks.TimeBlock(label="Van")
    tot = blocks.TimeBlock(label="Tot")
    alleen_op_afspraak = blocks.BooleanBlock(label="Alleen op afspraak", required=False)

    class Meta:
        icon = "time"
        label = "Openingstijd"

    def clean(self, value):
        value = super().clean(value)
        if value["van"] and value["tot"] and value["van"] >= value["tot"]:
            raise StructBlockValidationError(
                block_errors={
                    "tot": ValidationError(
                        "De sluitingstijd moet na de openingstijd liggen."
                    )
                }
            )
        return value


AANVRAGEN_BLOCKS = [("stap", StapBlock())]
BENODIGDHEDEN_BLOCKS = [
    ("item", blocks.CharBlock(label="Wat neemt u mee", max_length=300, icon="tick"))
]
KOSTEN_BLOCKS = [("regel", KostenRegelBlock())]
VRAGEN_BLOCKS = [("vraag", VraagBlock())]
OPENINGSTIJDEN_BLOCKS = [("dag", OpeningstijdBlock())]

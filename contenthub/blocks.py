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
    geldig_vanaf = blocks.DateBlock(
        label="Geldig vanaf",
        required=False,
        help_text="Leeg: geldt nu al. Vul bijvoorbeeld 1 januari in voor de leges van volgend jaar.",
    )
    geldig_tot = blocks.DateBlock(
        label="Geldig tot en met",
        required=False,
        help_text="Leeg: geldt tot er een nieuwe regel is. De laatste dag waarop dit bedrag geldt.",
    )

    class Meta:
        icon = "pick"
        label = "Kostenregel"

    def clean(self, value):
        value = super().clean(value)
        bedrag = value.get("bedrag")
        if bedrag is not None and not Decimal(str(bedrag)).is_finite():
            raise StructBlockValidationError(
                block_errors={
                    "bedrag": ValidationError(
                        "Dit bedrag is geen getal. Vul een bedrag in euro in, "
                        "bijvoorbeeld 84,29."
                    )
                }
            )
        if bedrag is not None and Decimal(bedrag) < 0:
            raise StructBlockValidationError(
                block_errors={
                    "bedrag": ValidationError(
                        "Een bedrag kan niet lager zijn dan € 0,00. "
                        "Is het product gratis? Kies dan 'Gratis'."
                    )
                }
            )
        vanaf, tot = value.get("geldig_vanaf"), value.get("geldig_tot")
        if vanaf and tot and tot < vanaf:
            raise StructBlockValidationError(
                block_errors={
                    "geldig_tot": ValidationError(
                        "De datum 'geldig tot en met' ligt vóór 'geldig vanaf'. "
                        "Kies een einddatum op of na de begindatum."
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

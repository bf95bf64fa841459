"""Factories for realistic, valid PDC content (Faker nl_NL where text is free)."""

from __future__ import annotations

import factory
import wagtail_factories
from factory.django import DjangoModelFactory
from wagtail.models import Site

from contenthub.models import Contactpunt, HomePage, Locatie, ProductPage, ThemaPage


def default_site() -> Site:
    return Site.objects.get(is_default_site=True)


WERKDAGEN = [
    {
        "type": "dag",
        "value": {
            "dag": dag,
            "van": "09:00",
            "tot": "17:00",
            "alleen_op_afspraak": False,
        },
    }
    for dag in ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag")
]


class ContactpuntFactory(DjangoModelFactory):
    class Meta:
        model = Contactpunt
        django_get_or_create = ("site", "naam")

    site = factory.LazyFunction(default_site)
    naam = factory.Sequence(lambda n: f"Publiekszaken {n}")
    telefoon = "14 0999"
    email = factory.Sequence(lambda n: f"team{n}@voorbeeldstad.example")
    contactformulier_url = "https://www.voorbeeldstad.example/contact"
    afspraak_url = "https://afspraak.voorbeeldstad.example/"
    openingstijden = factory.LazyFunction(lambda: list(WERKDAGEN))


class LocatieFactory(DjangoModelFactory):
    class Meta:
        model = Locatie

    site = factory.LazyFunction(default_site)
    naam = factory.Sequence(lambda n: f"Stadskantoor {n}")
    straat = factory.Faker("street_name", locale="nl_NL")
    huisnummer = factory.Faker("building_number", locale="nl_NL")
    postcode = factory.Faker("postcode", locale="nl_NL")
    plaats = factory.Faker("city", locale="nl_NL")
    openingstijden = factory.LazyFunction(lambda: list(WERKDAGEN))


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Gemeente Testdorp"
    intro = "Alle producten en diensten van de gemeente Testdorp."


class ThemaPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ThemaPage

    title = factory.Sequence(lambda n: f"Thema {n}")
    intro = "Producten bij dit thema."


class ProductPageFactory(wagtail_factories.PageFactory):
    """A complete, valid product: a paspoort with a national fee."""

    class Meta:
        model = ProductPage

    title = factory.Sequence(lambda n: f"Paspoort aanvragen {n}")
    upl_naam = "paspoort"
    upl_uri = "http://standaarden.overheid.nl/owms/terms/paspoort"
    doelgroep = "inwoners"
    kort_antwoord = (
        "U vraagt een paspoort aan bij de balie van het stadhuis. "
        "Een paspoort voor volwassenen kost € 84,29."
    )
    wat_is_het = "<p>Met een paspoort kunt u reizen en laten zien wie u bent.</p>"
    voorwaarden = "<ul><li>U staat ingeschreven in de gemeente.</li></ul>"
    aanvragen = factory.LazyFunction(
        lambda: [
            {
                "type": "stap",
                "value": {
                    "titel": "Maak een afspraak",
                    "uitleg": "<p>Dat kan online.</p>",
                },
            },
            {"type": "stap", "value": {"titel": "Kom naar het stadhuis", "uitleg": ""}},
        ]
    )
    benodigdheden = factory.LazyFunction(
        lambda: [
            {"type": "item", "value": "Een pasfoto"},
            {"type": "item", "value": "Uw oude paspoort"},
        ]
    )
    kosten_gratis = False
    kosten = factory.LazyFunction(
        lambda: [
            {
                "type": "regel",
                "value": {
                    "omschrijving": "Paspoort 18 jaar en ouder",
                    "bedrag": "84.29",
                    "per": "per_stuk",
                },
            }
        ]
    )
    termijn_omschrijving = "Uw paspoort is na 6 werkdagen klaar."
    termijn_dagen = 6
    termijn_eenheid = "werkdagen"
    kanaal_balie = True
    advies_kanaal = "balie"
    # The product's own gemeente: a product may only use its gemeente's snippets.
    contact = factory.SubFactory(
        ContactpuntFactory,
        site=factory.LazyAttribute(lambda o: o.factory_parent.parent.get_site()),
    )
    vragen = factory.LazyFunction(
        lambda: [
            {
                "type": "vraag",
                "value": {"vraag": "Hoe lang is het geldig?", "antwoord": "Tien jaar."},
            }
        ]
    )
    bezwaar_en_beroep = "<p>U kunt binnen 6 weken bezwaar maken.</p>"


class BasistekstFactory(DjangoModelFactory):
    """A national base text; ``publish()`` it (see tests) before products inherit."""

    class Meta:
        model = "contenthub.Basistekst"

    titel = factory.Sequence(lambda n: f"Paspoort aanvragen {n}")
    upl_naam = "paspoort"
    kort_antwoord = (
        "Een paspoort vraagt u aan bij de gemeente waar u woont. "
        "U maakt eerst een afspraak."
    )
    wat_is_het = "<p>Met een paspoort kunt u reizen en laten zien wie u bent.</p>"
    voorwaarden = "<p>U staat ingeschreven in de gemeente.</p>"
    aanvragen = factory.LazyFunction(
        lambda: [
            {
                "type": "stap",
                "value": {
                    "titel": "Maak een afspraak",
                    "uitleg": "<p>Dat kan online.</p>",
                },
            },
            {"type": "stap", "value": {"titel": "Kom langs", "uitleg": ""}},
        ]
    )
    benodigdheden = factory.LazyFunction(
        lambda: [{"type": "item", "value": "Een pasfoto"}]
    )
    vragen = factory.LazyFunction(
        lambda: [
            {
                "type": "vraag",
                "value": {"vraag": "Hoe lang is het geldig?", "antwoord": "Tien jaar."},
            }
        ]
    )
    bezwaar_en_beroep = "<p>U kunt binnen 6 weken bezwaar maken.</p>"
    live = False

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        instance = super()._create(model_class, *args, **kwargs)
        instance.save_revision().publish()
        instance.refresh_from_db()
        return instance


ENGLISH_BASISTEKST = {
    "titel": "Apply for a passport",
    "kort_antwoord": "You apply for a passport at the desk of your municipality.",
    "wat_is_het": "<p>A passport shows who you are. You can travel with it.</p>",
    "voorwaarden": "<ul><li>You are registered in the municipality.</li></ul>",
    "aanvragen": [
        {
            "type": "stap",
            "value": {"titel": "Make an appointment", "uitleg": "<p>Do it online.</p>"},
        },
        {"type": "stap", "value": {"titel": "Come to the town hall", "uitleg": ""}},
    ],
    "benodigdheden": [{"type": "item", "value": "A passport photo"}],
    "vragen": [
        {
            "type": "vraag",
            "value": {"vraag": "How long is it valid?", "antwoord": "Ten years."},
        }
    ],
    "bezwaar_en_beroep": "<p>You can object within 6 weeks.</p>",
}
"""The English text of a paspoort basistekst, as the national team writes it
(the tests of English basisteksten share it)."""

"""GraphQL types of the catalogue: Product, Thema, Contactpunt, Locatie.

A product is the document stored at its publication
(:class:`~api.content.stored.StoredProduct`, a dict), one per product page
and so per language: its fields, its contactpunt and locaties are dictionary
look-ups, with no rich-text cleaning and no StreamField decoding on a read.
What changes without the page's publication is read per request: the fee
rows of today, its theme, a channel rendering, the related products (each
its own served document) and, for a translation, whether it lags its Dutch
source. A product in ``productPreview`` is a draft, built in memory the same
way.
"""

from __future__ import annotations

from datetime import date, time

import graphene
from django.utils import timezone
from graphene_django import DjangoObjectType

from contenthub.catalogue import STEPLEN
from contenthub.models import Contactpunt, Locatie, ProductPage, ThemaPage
from contenthub.talen import SOURCE_LANGUAGE, locale_code
from contenthub.vocabulary import Doelgroep as DoelgroepChoices
from contenthub.vocabulary import Kanaal as AanvraagkanaalChoices

from .. import selectors
from ..renditions.dataloaders import WeergaveLoader
from ..renditions.services import WeergaveKey, check_variant, render_draft
from ..renditions.types import Kanaal, Weergave, kanaal_value
from . import stored, values
from .dataloaders import (
    GerelateerdeProductenLoader,
    ProductenByThemaPathLoader,
    ThemaByPathLoader,
    VertalingVerouderdLoader,
)


def _field(root, name: str):
    return root[name] if isinstance(root, dict) else getattr(root, name)


def _parsed(value, kind):
    """A stored ISO text as the date or time the schema serialises."""
    if value is None or not isinstance(value, str):
        return value
    return kind.fromisoformat(value)


Doelgroep = graphene.Enum(
    "Doelgroep",
    [(choice.name, choice.value) for choice in DoelgroepChoices],
    description="Voor wie een product is.",
)
Aanvraagkanaal = graphene.Enum(
    "Aanvraagkanaal",
    [(choice.name, choice.value) for choice in AanvraagkanaalChoices],
    description=(
        "Hoe een inwoner of ondernemer een product regelt (niet te verwarren met "
        "Kanaal, het publicatiekanaal van een weergave)."
    ),
)


class Openingstijd(graphene.ObjectType):
    dag = graphene.String(required=True)
    van = graphene.Time(required=True)
    tot = graphene.Time(required=True)
    alleen_op_afspraak = graphene.Boolean(required=True)
    tekst = graphene.String(
        required=True, description="Bijvoorbeeld 'maandag 09.00 tot 17.00 uur'."
    )

    @staticmethod
    def resolve_van(root, info):
        return _parsed(_field(root, "van"), time)

    @staticmethod
    def resolve_tot(root, info):
        return _parsed(_field(root, "tot"), time)


class Stap(graphene.ObjectType):
    titel = graphene.String(required=True)
    uitleg_html = graphene.String(required=True)


class Kostenregel(graphene.ObjectType):
    omschrijving = graphene.String(required=True)
    bedrag = graphene.Decimal(required=True, description="In euro, bijvoorbeeld 84.29.")
    bedrag_tekst = graphene.String(required=True, description="Bijvoorbeeld '€ 84,29'.")
    centen = graphene.Int(required=True)
    per = graphene.String(required=True)
    per_label = graphene.String(required=True)
    geldig_vanaf = graphene.Date(
        description="Eerste dag van dit bedrag; leeg: geldt al."
    )
    geldig_tot = graphene.Date(
        description="Laatste dag van dit bedrag; leeg: geen einde."
    )
    per_datum_tekst = graphene.String(
        required=True,
        description="Bijvoorbeeld 'per 1 januari 2027'; leeg als er geen begindatum is.",
    )

    @staticmethod
    def resolve_geldig_vanaf(root, info):
        return _parsed(_field(root, "geldig_vanaf"), date)

    @staticmethod
    def resolve_geldig_tot(root, info):
        return _parsed(_field(root, "geldig_tot"), date)


class Termijn(graphene.ObjectType):
    omschrijving = graphene.String(required=True)
    dagen = graphene.Int(required=True)
    eenheid = graphene.String(required=True)
    kort = graphene.String(
        required=True, description="Bijvoorbeeld 'maximaal 6 werkdagen'."
    )


class Vraag(graphene.ObjectType):
    vraag = graphene.String(required=True)
    antwoord = graphene.String(required=True)


def _openingstijden():
    return graphene.List(graphene.NonNull(Openingstijd), required=True)


def _shown_in(root: Contactpunt | Locatie) -> str:
    """The language of the product that shows ``root`` (Dutch unless marked)."""
    return getattr(root, "shown_in", SOURCE_LANGUAGE)


def _snippet_taal(root) -> str:
    """The language of a stored contactpunt or locatie (its document says), or
    of a snippet's own locale."""
    if isinstance(root, dict):
        return root.get("taal", SOURCE_LANGUAGE)
    return locale_code(root.locale_id) if root.locale_id else SOURCE_LANGUAGE


class ContactpuntType(DjangoObjectType):
    openingstijden = _openingstijden()
    taal = graphene.String(
        required=True,
        description=(
            "De taal van de naam: 'en' bij een Engelse versie, 'nl' als een Engels "
            "product het Nederlandse contactpunt toont omdat er geen Engelse is."
        ),
    )

    class Meta:
        model = Contactpunt
        name = "Contactpunt"
        fields = (
            "id",
            "naam",
            "telefoon",
            "email",
            "contactformulier_url",
            "afspraak_url",
        )

    @classmethod
    def is_type_of(cls, root, info):
        return isinstance(root, dict) or super().is_type_of(root, info)

    @staticmethod
    def resolve_id(root, info):
        return root["id"] if isinstance(root, dict) else root.pk

    @staticmethod
    def resolve_openingstijden(root, info):
        if isinstance(root, dict):
            return root["openingstijden"]
        return values.openingstijden(root.openingstijden, _shown_in(root))

    @staticmethod
    def resolve_taal(root, info):
        return _snippet_taal(root)


class LocatieType(DjangoObjectType):
    adres = graphene.String(required=True)
    openingstijden = _openingstijden()
    taal = graphene.String(
        required=True,
        description="De taal van naam en toelichting (zie Contactpunt.taal).",
    )

    class Meta:
        model = Locatie
        name = "Locatie"
        fields = (
            "id",
            "naam",
            "straat",
            "huisnummer",
            "postcode",
            "plaats",
            "toelichting",
        )

    @classmethod
    def is_type_of(cls, root, info):
        return isinstance(root, dict) or super().is_type_of(root, info)

    @staticmethod
    def resolve_id(root, info):
        return root["id"] if isinstance(root, dict) else root.pk

    @staticmethod
    def resolve_openingstijden(root, info):
        if isinstance(root, dict):
            return root["openingstijden"]
        return values.openingstijden(root.openingstijden, _shown_in(root))

    @staticmethod
    def resolve_taal(root, info):
        return _snippet_taal(root)


class ThemaType(DjangoObjectType):
    titel = graphene.String(required=True)
    url = graphene.String(required=True)
    producten = graphene.List(
        graphene.NonNull(lambda: ProductType),
        required=True,
        description="De gepubliceerde producten van dit thema.",
    )

    class Meta:
        model = ThemaPage
        name = "Thema"
        fields = ("id", "slug", "intro")

    @staticmethod
    def resolve_titel(root: ThemaPage, info):
        return root.title

    @staticmethod
    def resolve_url(root: ThemaPage, info):
        return selectors.public_url(root, info.context)

    @staticmethod
    def resolve_producten(root: ThemaPage, info):
        return ProductenByThemaPathLoader(info.context).load(root.path)


class ProductType(DjangoObjectType):
    """Eén product of dienst uit de PDC, met elk gestructureerd veld."""

    titel = graphene.String(required=True)
    url = graphene.String(
        required=True,
        description="De pagina van het product op de website van de gemeente.",
    )
    doelgroep = graphene.Field(Doelgroep, required=True)
    wat_is_het = graphene.String(required=True, description="HTML.")
    lokale_aanvulling = graphene.String(
        required=True,
        description="HTML; wat alleen in deze gemeente geldt. Leeg als er niets is.",
    )
    basistekst = graphene.String(
        description="De titel van de landelijke basistekst waarop dit product is gebaseerd."
    )
    overgenomen_velden = graphene.List(
        graphene.NonNull(graphene.String),
        required=True,
        description="De velden waarvan de tekst uit de landelijke basistekst komt.",
    )
    voorwaarden = graphene.String(
        required=True, description="HTML; leeg als er geen zijn."
    )
    stappen = graphene.List(
        graphene.NonNull(Stap), required=True, description="Hoe vraagt u het aan."
    )
    benodigdheden = graphene.List(graphene.NonNull(graphene.String), required=True)
    kosten = graphene.List(
        graphene.NonNull(Kostenregel),
        required=True,
        description="De kosten die vandaag gelden.",
    )
    komende_kosten = graphene.List(
        graphene.NonNull(Kostenregel),
        required=True,
        description="Kostenregels die na vandaag ingaan, bijvoorbeeld de leges per 1 januari.",
    )
    termijn = graphene.Field(Termijn)
    kanalen = graphene.List(graphene.NonNull(Aanvraagkanaal), required=True)
    advies_kanaal = graphene.Field(Aanvraagkanaal)
    contact = graphene.Field(ContactpuntType)
    locaties = graphene.List(graphene.NonNull(LocatieType), required=True)
    zoektermen = graphene.List(graphene.NonNull(graphene.String), required=True)
    vragen = graphene.List(graphene.NonNull(Vraag), required=True)
    gerelateerde_producten = graphene.List(
        graphene.NonNull(lambda: ProductType), required=True
    )
    bezwaar_en_beroep = graphene.String(required=True, description="HTML.")
    wat_als_geen_reactie = graphene.String(required=True, description="HTML.")
    taal = graphene.String(
        required=True,
        description="De taal van de teksten: 'nl', of 'en' voor een vertaling.",
    )
    vertaling_verouderd = graphene.Boolean(
        required=True,
        description=(
            "Alleen bij een vertaling: de Nederlandse tekst is gewijzigd nadat deze "
            "vertaling is gemaakt (de vertaling loopt achter)."
        ),
    )
    thema = graphene.Field(ThemaType)
    gepubliceerd_op = graphene.DateTime()
    weergave = graphene.Field(
        Weergave,
        kanaal=graphene.Argument(Kanaal, required=True),
        variant=graphene.String(default_value=""),
        description=(
            "De weergave van dit product in een kanaal, zoals die bij publicatie is "
            "opgeslagen: kant-en-klaar, met mediatype, ETag en revisie."
        ),
    )

    class Meta:
        model = ProductPage
        name = "Product"
        fields = (
            "id",
            "slug",
            "upl_naam",
            "upl_uri",
            "kort_antwoord",
            "kosten_gratis",
            "online_aanvragen_url",
        )

    @classmethod
    def is_type_of(cls, root, info):
        return isinstance(root, stored.StoredProduct)

    @staticmethod
    def resolve_id(root: stored.StoredProduct, info):
        return root["id"]

    @staticmethod
    def resolve_kosten(root: stored.StoredProduct, info):
        return stored.kosten_op(root, timezone.localdate())

    @staticmethod
    def resolve_komende_kosten(root: stored.StoredProduct, info):
        return stored.komende_kosten(root, timezone.localdate())

    @staticmethod
    def resolve_vertaling_verouderd(root: stored.StoredProduct, info):
        if root["taal"] == SOURCE_LANGUAGE:
            return False
        return VertalingVerouderdLoader(info.context).load(root.page)

    @staticmethod
    def resolve_gerelateerde_producten(root: stored.StoredProduct, info):
        if not root.related_ids:
            return []
        return GerelateerdeProductenLoader(info.context).load(
            (root.pk, root.page.path, *root.related_ids)
        )

    @staticmethod
    def resolve_thema(root: stored.StoredProduct, info):
        path = root.page.path[:-STEPLEN] if root.page.path else ""
        return ThemaByPathLoader(info.context).load(path) if path else None

    @staticmethod
    def resolve_gepubliceerd_op(root: stored.StoredProduct, info):
        # From the row: a publication of the same inputs stores no new document.
        return root.page.last_published_at

    @staticmethod
    def resolve_weergave(root: stored.StoredProduct, info, kanaal, variant=""):
        kanaal = kanaal_value(kanaal)
        check_variant(kanaal, variant)
        if root.preview:
            return render_draft(
                root.page, kanaal=kanaal, variant=variant, request=info.context
            )
        key = WeergaveKey(
            root.pk, root.page.live_revision_id, kanaal, variant, root.fingerprint
        )
        return WeergaveLoader(info.context).load(key)


class ProductConnection(graphene.relay.Connection):
    class Meta:
        node = ProductType
        name = "ProductConnection"

    totaal = graphene.Int(
        required=True, description="Het aantal producten dat aan de filters voldoet."
    )

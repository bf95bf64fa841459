"""GraphQL types of the catalogue: Product, Thema, Contactpunt, Locatie.

Resolvers are one call each: a field of the page, a value function, a
selector or a per-request loader. A product in ``productPreview`` is a draft
held in memory, so its own relations (locaties, zoektermen, gerelateerde
producten) are read from the draft, not from the database.
"""

from __future__ import annotations

import graphene
from graphene_django import DjangoObjectType

from contenthub.inheritance import inherited_fields
from contenthub.kosten import komende_kosten_of, kosten_of
from contenthub.models import Contactpunt, Locatie, ProductPage, ThemaPage
from contenthub.structured import (
    benodigdheden_of,
    richtext_html,
    stappen_of,
    termijn_of,
    vragen_of,
)
from contenthub.talen import SOURCE_LANGUAGE, locale_code, page_language
from contenthub.vocabulary import Doelgroep as DoelgroepChoices
from contenthub.vocabulary import Kanaal as AanvraagkanaalChoices

from .. import selectors
from ..renditions.dataloaders import WeergaveLoader
from ..renditions.services import WeergaveKey, check_variant, render_draft
from ..renditions.types import Kanaal, Weergave, kanaal_value
from . import values
from .dataloaders import (
    BasistekstTitelLoader,
    ContactpuntByIdLoader,
    ContactpuntInLanguageLoader,
    GerelateerdeProductenLoader,
    LocatiesByProductIdLoader,
    LocatiesInLanguageLoader,
    ProductenByThemaPathLoader,
    ThemaByPathLoader,
    VertalingVerouderdLoader,
    ZoektermenByProductIdLoader,
)


def in_language(page: ProductPage, items):
    """Fee rows or a termijn with their labels in the page's language."""
    from dataclasses import replace

    taal = page_language(page)
    if taal == SOURCE_LANGUAGE:
        return items
    return tuple(replace(item, taal=taal) for item in items)


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
    """The language of the product that shows ``root`` (set by the loader of a
    translation's contactpunt and locaties; Dutch otherwise)."""
    return getattr(root, "shown_in", SOURCE_LANGUAGE)


def _snippet_taal(root: Contactpunt | Locatie) -> str:
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

    @staticmethod
    def resolve_openingstijden(root: Contactpunt, info):
        return values.openingstijden(root.openingstijden, _shown_in(root))

    @staticmethod
    def resolve_taal(root: Contactpunt, info):
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

    @staticmethod
    def resolve_openingstijden(root: Locatie, info):
        return values.openingstijden(root.openingstijden, _shown_in(root))

    @staticmethod
    def resolve_taal(root: Locatie, info):
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

    @staticmethod
    def resolve_titel(root: ProductPage, info):
        return root.title

    @staticmethod
    def resolve_url(root: ProductPage, info):
        return selectors.public_url(root, info.context)

    @staticmethod
    def resolve_doelgroep(root: ProductPage, info):
        return root.doelgroep

    @staticmethod
    def resolve_wat_is_het(root: ProductPage, info):
        return richtext_html(root.wat_is_het)

    @staticmethod
    def resolve_lokale_aanvulling(root: ProductPage, info):
        return richtext_html(root.lokale_aanvulling)

    @staticmethod
    def resolve_basistekst(root: ProductPage, info):
        if not root.basistekst_id:
            return None
        return BasistekstTitelLoader(info.context).load(root.basistekst_id)

    @staticmethod
    def resolve_overgenomen_velden(root: ProductPage, info):
        return list(inherited_fields(root))

    @staticmethod
    def resolve_voorwaarden(root: ProductPage, info):
        return richtext_html(root.voorwaarden)

    @staticmethod
    def resolve_stappen(root: ProductPage, info):
        return stappen_of(root)

    @staticmethod
    def resolve_benodigdheden(root: ProductPage, info):
        return benodigdheden_of(root)

    @staticmethod
    def resolve_kosten(root: ProductPage, info):
        return in_language(root, kosten_of(root))

    @staticmethod
    def resolve_komende_kosten(root: ProductPage, info):
        from django.utils import timezone

        return in_language(root, komende_kosten_of(root, timezone.localdate()))

    @staticmethod
    def resolve_termijn(root: ProductPage, info):
        termijn = termijn_of(root)
        return in_language(root, (termijn,))[0] if termijn else None

    @staticmethod
    def resolve_taal(root: ProductPage, info):
        return page_language(root)

    @staticmethod
    def resolve_vertaling_verouderd(root: ProductPage, info):
        if page_language(root) == SOURCE_LANGUAGE:
            return False
        return VertalingVerouderdLoader(info.context).load(root.pk)

    @staticmethod
    def resolve_kanalen(root: ProductPage, info):
        return root.kanalen

    @staticmethod
    def resolve_advies_kanaal(root: ProductPage, info):
        return root.advies_kanaal or None

    @staticmethod
    def resolve_contact(root: ProductPage, info):
        if root.contact_id is None:
            return None
        if page_language(root) != SOURCE_LANGUAGE:
            # A translation shows the contactpunt's version in its language.
            return ContactpuntInLanguageLoader(info.context).load(
                (root.contact_id, root.locale_id)
            )
        return ContactpuntByIdLoader(info.context).load(root.contact_id)

    @staticmethod
    def resolve_locaties(root: ProductPage, info):
        if selectors.is_preview(root):
            if page_language(root) != SOURCE_LANGUAGE:
                return selectors.locaties_in_language(
                    list(root.locaties.all()), root.locale_id
                )
            return sorted(root.locaties.all(), key=lambda locatie: locatie.naam)
        if page_language(root) != SOURCE_LANGUAGE:
            return LocatiesInLanguageLoader(info.context).load(
                (root.pk, root.locale_id)
            )
        return LocatiesByProductIdLoader(info.context).load(root.pk)

    @staticmethod
    def resolve_zoektermen(root: ProductPage, info):
        if selectors.is_preview(root):
            return sorted(tag.name for tag in root.zoektermen.all())
        return ZoektermenByProductIdLoader(info.context).load(root.pk)

    @staticmethod
    def resolve_vragen(root: ProductPage, info):
        return vragen_of(root)

    @staticmethod
    def resolve_gerelateerde_producten(root: ProductPage, info):
        if selectors.is_preview(root):
            return selectors.related_products_of_preview(root)
        return GerelateerdeProductenLoader(info.context).load((root.pk, root.path))

    @staticmethod
    def resolve_bezwaar_en_beroep(root: ProductPage, info):
        return richtext_html(root.bezwaar_en_beroep)

    @staticmethod
    def resolve_wat_als_geen_reactie(root: ProductPage, info):
        return richtext_html(root.wat_als_geen_reactie)

    @staticmethod
    def resolve_thema(root: ProductPage, info):
        path = selectors.thema_path(root)
        return ThemaByPathLoader(info.context).load(path) if path else None

    @staticmethod
    def resolve_gepubliceerd_op(root: ProductPage, info):
        return root.last_published_at

    @staticmethod
    def resolve_weergave(root: ProductPage, info, kanaal, variant=""):
        kanaal = kanaal_value(kanaal)
        check_variant(kanaal, variant)
        if selectors.is_preview(root):
            return render_draft(
                root, kanaal=kanaal, variant=variant, request=info.context
            )
        key = WeergaveKey(root.pk, root.live_revision_id, kanaal, variant)
        return WeergaveLoader(info.context).load(key)


class ProductConnection(graphene.relay.Connection):
    class Meta:
        node = ProductType
        name = "ProductConnection"

    totaal = graphene.Int(
        required=True, description="Het aantal producten dat aan de filters voldoet."
    )

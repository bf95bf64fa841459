"""Catalogue queries: thin resolvers over ``selectors``."""

from __future__ import annotations

from datetime import timedelta

import graphene
from django.conf import settings
from django.http import HttpRequest

from .. import selectors
from ..cache import mark_uncacheable
from ..errors import ApiError, Code
from ..pagination import encode_cursor, page_window
from . import stored
from .types import Aanvraagkanaal, Doelgroep, ProductConnection, ProductType, ThemaType

GEMEENTE = graphene.String(
    description=(
        "De hostnaam van de gemeente (Wagtail Site); zonder dit argument de "
        "gemeente van het adres waarop de API wordt aangeroepen."
    )
)


Taal = graphene.Enum(
    "Taal",
    [("NL", "nl"), ("EN", "en")],
    description=(
        "De taal van de teksten: NL (de bron) of EN (de Engelse vertaling, voor "
        "de producten die er een hebben)."
    ),
)


def _taal():
    return graphene.Argument(
        Taal,
        default_value="nl",
        description="Standaard NL; EN voor de Engelse vertaling.",
    )


def _is_page_id(value: str) -> bool:
    return value.isascii() and value.isdigit() and len(value) <= 18


def _value(enum_argument):
    return getattr(enum_argument, "value", enum_argument)


class ContentQueries(graphene.ObjectType):
    producten = graphene.Field(
        ProductConnection,
        required=True,
        gemeente=GEMEENTE,
        thema=graphene.String(description="De slug van een thema."),
        doelgroep=graphene.Argument(Doelgroep),
        kanaal=graphene.Argument(
            Aanvraagkanaal, description="Producten die via dit kanaal te regelen zijn."
        ),
        zoek=graphene.String(description="Zoekt in de tekst, beste resultaat eerst."),
        first=graphene.Int(
            description="Hoeveel producten per pagina (standaard 20, maximaal 100 "
            "tenzij de hub anders is ingesteld)."
        ),
        after=graphene.String(description="De endCursor van de vorige pagina."),
        taal=_taal(),
        description="De gepubliceerde producten van de gemeente, per pagina.",
    )
    product = graphene.Field(
        ProductType,
        gemeente=GEMEENTE,
        slug=graphene.String(),
        id=graphene.ID(),
        upl_uri=graphene.String(),
        taal=_taal(),
        description="Eén gepubliceerd product, op slug, id of UPL-URI (precies één).",
    )
    themas = graphene.List(
        graphene.NonNull(ThemaType), required=True, gemeente=GEMEENTE, taal=_taal()
    )
    thema = graphene.Field(
        ThemaType,
        slug=graphene.String(required=True),
        gemeente=GEMEENTE,
        taal=_taal(),
    )

    @staticmethod
    def resolve_producten(
        root,
        info,
        gemeente=None,
        thema=None,
        doelgroep=None,
        kanaal=None,
        zoek=None,
        first=None,
        after=None,
        taal="nl",
    ):
        offset, limit = page_window(first=first, after=after)
        pagina = selectors.product_page(
            site=selectors.resolve_site(info.context, gemeente),
            offset=offset,
            limit=limit,
            thema=thema,
            doelgroep=_value(doelgroep),
            kanaal=_value(kanaal),
            zoek=zoek,
            taal=_value(taal),
        )
        return connection_of(pagina, info.context)

    @staticmethod
    def resolve_product(
        root, info, gemeente=None, slug=None, id=None, upl_uri=None, taal="nl"
    ):
        given = [value for value in (slug, id, upl_uri) if value is not None]
        if len(given) != 1:
            raise ApiError(
                "Geef precies één van slug, id of uplUri.",
                code=Code.ONGELDIGE_ARGUMENTEN,
            )
        if id is not None and not _is_page_id(str(id)):
            return None
        page = selectors.find_product(
            site=selectors.resolve_site(info.context, gemeente),
            slug=slug,
            id=int(id) if id is not None else None,
            upl_uri=upl_uri,
            taal=_value(taal),
        )
        return stored.stored_product(page, info.context)

    @staticmethod
    def resolve_themas(root, info, gemeente=None, taal="nl"):
        return selectors.live_themas(
            site=selectors.resolve_site(info.context, gemeente), taal=_value(taal)
        )

    @staticmethod
    def resolve_thema(root, info, slug, gemeente=None, taal="nl"):
        return selectors.find_thema(
            site=selectors.resolve_site(info.context, gemeente),
            slug=slug,
            taal=_value(taal),
        )


def connection_of(
    pagina: selectors.ProductenPagina, request: HttpRequest
) -> ProductConnection:
    # A live product whose approval no longer holds is left out (its cursor
    # too), as the website answers 404 for it.
    served = {p.pk: p for p in stored.stored_products(pagina.items, request)}
    edges = [
        ProductConnection.Edge(
            node=served[page.pk], cursor=encode_cursor(pagina.offset + index)
        )
        for index, page in enumerate(pagina.items)
        if page.pk in served
    ]
    return ProductConnection(
        edges=edges,
        page_info=graphene.relay.PageInfo(
            has_next_page=pagina.heeft_volgende,
            has_previous_page=pagina.offset > 0,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
        totaal=pagina.totaal,
    )


class PreviewQueries(graphene.ObjectType):
    product_preview = graphene.Field(
        ProductType,
        token=graphene.String(required=True),
        gemeente=GEMEENTE,
        description=(
            "Het concept achter een previewtoken van wagtail-headless-preview, voor "
            "een externe front-end. Het token verloopt na enkele minuten (standaard "
            "10) en geldt alleen voor de gemeente van de pagina. Alleen hier "
            "verschijnt een concept; elke andere query toont alleen wat gepubliceerd is."
        ),
    )

    @staticmethod
    def resolve_product_preview(root, info, token, gemeente=None):
        mark_uncacheable(info.context)
        page = selectors.preview_product(
            token=token,
            max_age=timedelta(minutes=settings.CONTENTHUB_API_PREVIEW_TOKEN_MINUTES),
            site=selectors.resolve_site(info.context, gemeente),
        )
        return stored.draft_product(page, info.context)

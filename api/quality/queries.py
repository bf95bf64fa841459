"""taalcheck and wcagcheck: the checkers' findings, for roles and scoped tokens."""

from __future__ import annotations

import graphene

import taalcheck
import toegankelijkheid

from ..auth import require_scope
from ..cache import mark_uncacheable
from ..errors import ApiError, Code
from ..models import Scope
from .types import TaalcheckRapport, Taalniveau, WcagRapport


class QualityQueries(graphene.ObjectType):
    taalcheck = graphene.Field(
        TaalcheckRapport,
        tekst=graphene.String(required=True, description="Platte tekst of HTML."),
        niveau=graphene.Argument(Taalniveau, default_value="B1"),
        description=(
            "Controleert een tekst op taalniveau (standaard B1). Voor "
            "communicatieadviseurs, beheerders en API-tokens met de scope kwaliteit."
        ),
    )
    wcagcheck = graphene.Field(
        WcagRapport,
        html=graphene.String(required=True, description="Een HTML-fragment."),
        description=(
            "Controleert HTML op WCAG 2.2 AA. Voor communicatieadviseurs, "
            "beheerders en API-tokens met de scope kwaliteit."
        ),
    )

    @staticmethod
    def resolve_taalcheck(root, info, tekst, niveau="B1"):
        mark_uncacheable(info.context)
        require_scope(info.context, Scope.KWALITEIT, wat="de taalcheck")
        try:
            return taalcheck.check(tekst, niveau=getattr(niveau, "value", niveau))
        except taalcheck.TaalcheckError as error:
            raise ApiError(str(error), code=Code.ONGELDIGE_INVOER) from None

    @staticmethod
    def resolve_wcagcheck(root, info, html):
        mark_uncacheable(info.context)
        require_scope(info.context, Scope.KWALITEIT, wat="de WCAG-check")
        try:
            return toegankelijkheid.check_html(html, fragment=True)
        except toegankelijkheid.ToegankelijkheidError as error:
            raise ApiError(str(error), code=Code.ONGELDIGE_INVOER) from None

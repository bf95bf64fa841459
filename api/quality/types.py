"""GraphQL types of the checkers' findings (``contenthub.findings.Finding``)."""

from __future__ import annotations

import graphene

from contenthub.findings import Severity
from taalcheck import NIVEAUS

Ernst = graphene.Enum(
    "Ernst",
    [(severity.name, severity.value) for severity in Severity],
    description="Alleen FOUT houdt publicatie tegen.",
)
Taalniveau = graphene.Enum(
    "Taalniveau", [(niveau, niveau) for niveau in NIVEAUS], description="ERK-niveau."
)


class Vindplaats(graphene.ObjectType):
    """Waar een bevinding zit, zo precies als de controle het weet."""

    veld = graphene.String(required=True)
    blok = graphene.Int()
    begin = graphene.Int()
    eind = graphene.Int()
    css_pad = graphene.String(required=True)
    regelnummer = graphene.Int()

    @staticmethod
    def resolve_veld(root, info):
        return root.field

    @staticmethod
    def resolve_blok(root, info):
        return root.block

    @staticmethod
    def resolve_begin(root, info):
        return root.start

    @staticmethod
    def resolve_eind(root, info):
        return root.end

    @staticmethod
    def resolve_css_pad(root, info):
        return root.css_path

    @staticmethod
    def resolve_regelnummer(root, info):
        return root.line


class Bevinding(graphene.ObjectType):
    regel = graphene.String(
        required=True, description="Stabiele id, bijvoorbeeld taal.lange-zin."
    )
    ernst = graphene.Field(Ernst, required=True)
    melding = graphene.String(required=True)
    suggestie = graphene.String(required=True)
    vindplaats = graphene.Field(Vindplaats, required=True)
    criteria = graphene.List(
        graphene.NonNull(graphene.String),
        required=True,
        description="WCAG-succescriteria.",
    )
    wcag_niveau = graphene.String(required=True, description="A of AA; leeg bij taal.")
    fragment = graphene.String(required=True)

    @staticmethod
    def resolve_regel(root, info):
        return root.rule

    @staticmethod
    def resolve_ernst(root, info):
        return root.severity.value

    @staticmethod
    def resolve_melding(root, info):
        return root.message

    @staticmethod
    def resolve_suggestie(root, info):
        return root.suggestion

    @staticmethod
    def resolve_vindplaats(root, info):
        return root.location

    @staticmethod
    def resolve_wcag_niveau(root, info):
        return root.level

    @staticmethod
    def resolve_fragment(root, info):
        return root.excerpt


class TaalcheckRapport(graphene.ObjectType):
    geslaagd = graphene.Boolean(
        required=True,
        description="Geen fout en het geschatte niveau is hoogstens het gevraagde.",
    )
    niveau = graphene.Field(
        Taalniveau, required=True, description="Het geschatte niveau."
    )
    gevraagd_niveau = graphene.Field(Taalniveau, required=True)
    score = graphene.Float(
        required=True, description="Moeilijkheid; 100 is de grens van B1."
    )
    bevindingen = graphene.List(graphene.NonNull(Bevinding), required=True)

    @staticmethod
    def resolve_geslaagd(root, info):
        return root.passes

    @staticmethod
    def resolve_bevindingen(root, info):
        return root.findings


class WcagRapport(graphene.ObjectType):
    geslaagd = graphene.Boolean(
        required=True, description="Geen bevinding die publicatie tegenhoudt."
    )
    bevindingen = graphene.List(graphene.NonNull(Bevinding), required=True)
    geslaagde_regels = graphene.List(
        graphene.NonNull(graphene.String),
        required=True,
        description="De regels die zijn gecontroleerd en niets vonden.",
    )

    @staticmethod
    def resolve_geslaagd(root, info):
        return not root.blocks

    @staticmethod
    def resolve_bevindingen(root, info):
        return root.findings

    @staticmethod
    def resolve_geslaagde_regels(root, info):
        return [passed.rule for passed in root.passes]

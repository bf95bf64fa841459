"""GraphQL types of the channel renderings; ``Kanaal`` comes from the registry."""

from __future__ import annotations

import re

import graphene

from renderers import CHANNELS, renderer_registry


def _enum_name(channel: str) -> str:
    return re.sub(r"\W", "_", channel).upper()


Kanaal = graphene.Enum(
    "Kanaal",
    [(_enum_name(channel), channel) for channel in CHANNELS],
    description=(
        "Een publicatiekanaal van de hub (renderers.CHANNELS): een nieuw kanaal "
        "in de registry verschijnt hier vanzelf."
    ),
)


def kanaal_value(kanaal: object) -> str:
    """The channel key of an enum argument (graphene passes the member)."""
    return str(getattr(kanaal, "value", kanaal))


class Weergave(graphene.ObjectType):
    """Een product zoals één kanaal het toont, kant-en-klaar."""

    kanaal = graphene.Field(Kanaal, required=True)
    variant = graphene.String(
        required=True, description="Leeg voor de hoofdvorm van het kanaal."
    )
    media_type = graphene.String(required=True)
    inhoud = graphene.String(description="De tekst; leeg bij een binaire weergave.")
    inhoud_base64 = graphene.String(
        description="Een binaire weergave (een PDF) in base64; leeg bij tekst."
    )
    etag = graphene.String(required=True)
    revisie = graphene.ID(
        description="De gepubliceerde revisie waarvan dit de weergave is."
    )
    gemaakt_op = graphene.DateTime()

    @staticmethod
    def resolve_kanaal(root, info):
        return root.kanaal


class KanaalInfo(graphene.ObjectType):
    kanaal = graphene.Field(Kanaal, required=True)
    label = graphene.String(required=True)
    varianten = graphene.List(graphene.NonNull(graphene.String), required=True)


def kanaal_infos() -> list[KanaalInfo]:
    return [
        KanaalInfo(
            kanaal=renderer.channel,
            label=renderer.label,
            varianten=list(renderer.variants),
        )
        for renderer in renderer_registry
    ]

from __future__ import annotations

import graphene

from .types import KanaalInfo, kanaal_infos


class RenditionQueries(graphene.ObjectType):
    kanalen = graphene.List(
        graphene.NonNull(KanaalInfo),
        required=True,
        description="De kanalen en hun varianten, voor het argument van weergave.",
    )

    @staticmethod
    def resolve_kanalen(root, info):
        return kanaal_infos()
